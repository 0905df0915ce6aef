#include "baseline.h"

#include "diag.h"
#include "run.h"
#include "times.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- a small strict JSON reader, one value at a time ---- */

#define JR_DEPTH 64		   /* nesting deeper than this is refused */
#define JR_STRING_MAX (1u << 20) /* a string longer than this is refused */

struct jr {
	FILE *in;
	const char *name;
	long line;
	int depth;
	char *buf; /* the last string read, NUL-terminated */
	size_t len, cap;
};

static int jr_fail(struct jr *j, const char *fmt, ...) DIAG_PRINTF(2, 3);

static int jr_fail(struct jr *j, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(j->name, j->line, fmt, ap);
	va_end(ap);
	return -1;
}

static int jr_get(struct jr *j)
{
	int c = getc(j->in);
	if (c == '\n')
		j->line++;
	return c;
}

static void jr_unget(struct jr *j, int c)
{
	if (c == EOF)
		return;
	if (c == '\n')
		j->line--;
	ungetc(c, j->in);
}

/* The file ended (or could not be read) where a value or more was due. */
static int jr_eof(struct jr *j, const char *where)
{
	if (ferror(j->in))
		return jr_fail(j, "cannot read: %s", strerror(errno));
	return jr_fail(j, "invalid JSON: the file ends %s (cut short?)", where);
}

/* The next character after white space, not consumed (EOF at the end). */
static int jr_peek(struct jr *j)
{
	int c;
	do
		c = jr_get(j);
	while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	jr_unget(j, c);
	return c;
}

static int jr_unexpected(struct jr *j, int c, const char *expected)
{
	if (c == EOF)
		return jr_eof(j, "inside the document");
	if (c >= 0x20 && c < 0x7F)
		return jr_fail(j, "invalid JSON: '%c' where %s was expected", c, expected);
	return jr_fail(j, "invalid JSON: byte 0x%02x where %s was expected", c, expected);
}

static int jr_expect(struct jr *j, int want, const char *what)
{
	int c = jr_peek(j);
	if (c != want)
		return jr_unexpected(j, c, what);
	jr_get(j);
	return 0;
}

static int jr_put(struct jr *j, const char *s, size_t n)
{
	if (j->len + n + 1 > j->cap) {
		if (j->len + n + 1 > JR_STRING_MAX)
			return jr_fail(j, "a string longer than %u bytes: not an almaudit report",
				       JR_STRING_MAX);
		size_t cap = j->cap ? j->cap : 256;
		while (cap < j->len + n + 1)
			cap *= 2;
		char *grown = realloc(j->buf, cap);
		if (!grown)
			return jr_fail(j, "out of memory");
		j->buf = grown;
		j->cap = cap;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
	return 0;
}

static int jr_hex4(struct jr *j, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int c = jr_get(j);
		int d = c >= '0' && c <= '9'	 ? c - '0'
			: c >= 'a' && c <= 'f' ? c - 'a' + 10
			: c >= 'A' && c <= 'F' ? c - 'A' + 10
					       : -1;
		if (d < 0)
			return c == EOF ? jr_eof(j, "inside a string")
					: jr_fail(j, "invalid JSON: a \\u escape needs four hex digits");
		v = v * 16 + (unsigned)d;
	}
	*out = v;
	return 0;
}

static int jr_utf8(struct jr *j, unsigned cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80)
		b[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		b[0] = (char)(0xC0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		b[0] = (char)(0xE0 | cp >> 12), b[1] = (char)(0x80 | (cp >> 6 & 0x3F)),
		b[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	else
		b[0] = (char)(0xF0 | cp >> 18), b[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
		b[2] = (char)(0x80 | (cp >> 6 & 0x3F)), b[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	return jr_put(j, b, n);
}

/* A string, decoded into j->buf. Strict: no raw control characters, only
 * JSON's escapes, surrogates in pairs, well-formed UTF-8, no NUL. */
static int jr_string(struct jr *j)
{
	if (jr_expect(j, '"', "a string") != 0)
		return -1;
	j->len = 0;
	if (jr_put(j, "", 0) != 0)
		return -1;
	for (;;) {
		int c = jr_get(j);
		if (c == EOF)
			return jr_eof(j, "inside a string");
		if (c == '"')
			return 0;
		if (c < 0x20)
			return jr_fail(j, "invalid JSON: a control character (0x%02x) inside a string",
				       c);
		if (c == '\\') {
			unsigned cp;
			static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
			c = jr_get(j);
			const char *at = c != EOF && c ? strchr(from, c) : NULL;
			if (at) {
				if (jr_put(j, &to[at - from], 1) != 0)
					return -1;
				continue;
			}
			if (c == EOF)
				return jr_eof(j, "inside a string");
			if (c != 'u')
				return jr_fail(j, "invalid JSON: an unknown escape in a string");
			if (jr_hex4(j, &cp) != 0)
				return -1;
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return jr_fail(j, "invalid JSON: a lone low surrogate \\u%04X", cp);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				unsigned lo;
				if (jr_get(j) != '\\' || jr_get(j) != 'u')
					return jr_fail(j, "invalid JSON: a lone high surrogate \\u%04X",
						       cp);
				if (jr_hex4(j, &lo) != 0)
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return jr_fail(j, "invalid JSON: a lone high surrogate \\u%04X",
						       cp);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (cp == 0)
				return jr_fail(j, "a NUL character (\\u0000) in a string: not an "
						  "almaudit report");
			if (jr_utf8(j, cp) != 0)
				return -1;
			continue;
		}
		/* UTF-8: the lead byte says how many continuation bytes follow */
		char b[4] = {(char)c};
		size_t n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
					: c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		for (size_t i = 1; i < n; i++) {
			int d = jr_get(j);
			if (d == EOF || (d & 0xC0) != 0x80) {
				jr_unget(j, d);
				n = 0;
				break;
			}
			b[i] = (char)d;
		}
		unsigned char u0 = (unsigned char)b[0], u1 = (unsigned char)b[1];
		if (n == 3 && ((u0 == 0xE0 && u1 < 0xA0) || (u0 == 0xED && u1 >= 0xA0)))
			n = 0;
		if (n == 4 && ((u0 == 0xF0 && u1 < 0x90) || (u0 == 0xF4 && u1 >= 0x90)))
			n = 0;
		if (!n)
			return jr_fail(j, "invalid UTF-8 inside a string: not an almaudit report");
		if (jr_put(j, b, n) != 0)
			return -1;
	}
}

/* The next character, not consumed, white space included. */
static int jr_next(struct jr *j)
{
	int c = getc(j->in);
	if (c != EOF)
		ungetc(c, j->in);
	return c;
}

/* A number. *is_int: an integer that fits (then *out holds it). */
static int jr_number(struct jr *j, int64_t *out, int *is_int)
{
	char b[64];
	size_t n = 0;
	int c = jr_peek(j), digits = 0;
	*is_int = 1;
#define TAKE()                                                                                     \
	do {                                                                                       \
		if (n + 1 >= sizeof b)                                                             \
			return jr_fail(j, "a number longer than %zu characters", sizeof b - 1);     \
		b[n++] = (char)jr_get(j);                                                          \
		c = jr_next(j);                                                                    \
	} while (0)
	if (c == '-')
		TAKE();
	if (c == '0') {
		TAKE();
		digits = 1;
	} else {
		while (c >= '0' && c <= '9') {
			TAKE();
			digits++;
		}
	}
	if (!digits)
		return jr_fail(j, "invalid JSON: a number without digits");
	if (c == '.') {
		*is_int = 0, digits = 0;
		TAKE();
		while (c >= '0' && c <= '9') {
			TAKE();
			digits++;
		}
		if (!digits)
			return jr_fail(j, "invalid JSON: no digits after a decimal point");
	}
	if (c == 'e' || c == 'E') {
		*is_int = 0, digits = 0;
		TAKE();
		if (c == '+' || c == '-')
			TAKE();
		while (c >= '0' && c <= '9') {
			TAKE();
			digits++;
		}
		if (!digits)
			return jr_fail(j, "invalid JSON: no digits in an exponent");
	}
#undef TAKE
	b[n] = '\0';
	if (*is_int) {
		errno = 0;
		long long v = strtoll(b, NULL, 10);
		if (errno)
			*is_int = 0;
		else
			*out = v;
	}
	return 0;
}

static int jr_literal(struct jr *j, const char *word)
{
	for (const char *w = word; *w; w++) {
		int c = jr_get(j);
		if (c != *w)
			return c == EOF ? jr_eof(j, "inside a literal")
					: jr_fail(j, "invalid JSON: not a literal (true, false, null)");
	}
	return 0;
}

static int jr_skip(struct jr *j);

/* Reads an object: for each member, member(j, key, ctx) reads the value. */
static int jr_object(struct jr *j, int (*member)(struct jr *, const char *, void *), void *ctx)
{
	char key[64];
	if (jr_expect(j, '{', "an object") != 0)
		return -1;
	if (++j->depth > JR_DEPTH)
		return jr_fail(j, "JSON nested deeper than %d: not an almaudit report", JR_DEPTH);
	if (jr_peek(j) == '}') {
		jr_get(j);
		j->depth--;
		return 0;
	}
	for (;;) {
		if (jr_string(j) != 0)
			return -1;
		snprintf(key, sizeof key, "%s", j->buf);
		if (jr_expect(j, ':', "':'") != 0)
			return -1;
		if ((member ? member(j, key, ctx) : jr_skip(j)) != 0)
			return -1;
		int c = jr_peek(j);
		jr_get(j);
		if (c == '}')
			break;
		if (c != ',')
			return jr_unexpected(j, c, "',' or '}'");
	}
	j->depth--;
	return 0;
}

static int jr_array(struct jr *j, int (*element)(struct jr *, void *), void *ctx)
{
	if (jr_expect(j, '[', "an array") != 0)
		return -1;
	if (++j->depth > JR_DEPTH)
		return jr_fail(j, "JSON nested deeper than %d: not an almaudit report", JR_DEPTH);
	if (jr_peek(j) == ']') {
		jr_get(j);
		j->depth--;
		return 0;
	}
	for (;;) {
		if ((element ? element(j, ctx) : jr_skip(j)) != 0)
			return -1;
		int c = jr_peek(j);
		jr_get(j);
		if (c == ']')
			break;
		if (c != ',')
			return jr_unexpected(j, c, "',' or ']'");
	}
	j->depth--;
	return 0;
}

static int jr_skip(struct jr *j)
{
	int64_t n;
	int is_int;
	int c = jr_peek(j);
	switch (c) {
	case '{':
		return jr_object(j, NULL, NULL);
	case '[':
		return jr_array(j, NULL, NULL);
	case '"':
		return jr_string(j);
	case 't':
		return jr_literal(j, "true");
	case 'f':
		return jr_literal(j, "false");
	case 'n':
		return jr_literal(j, "null");
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return jr_number(j, &n, &is_int);
		return jr_unexpected(j, c, "a value");
	}
}

/* ---- the almaudit report's structure ---- */

static const char not_report[] = "not an almaudit json report";

struct reading {
	struct baseline *b;
	const struct rules *rules;
	const struct filter *filter;
	int report, findings, summary;			/* the top-level keys seen */
	int period, rules_seen, from, until, njobs, npeople, napprovals; /* report's keys */
	/* the current finding's fields, reused from finding to finding */
	char *field[12];
	size_t cap[12];
	int have[12];
	int64_t records;
	long line; /* where the current finding begins */
};

/* The finding fields read, and which the report must have. */
enum { F_FINDING, F_RUN_ID, F_JOB, F_JOB_NAME, F_USER, F_USER_NAME, F_STAFF, F_UNIT,
       F_START, F_STATUS, F_SET, F_NFIELDS };
static const char *const field_names[F_NFIELDS] = {
	"finding", "run_id", "job", "job_name", "user", "user_name", "staff", "unit",
	"start_time", "status", "set_name"};
static const int field_required[F_NFIELDS] = {1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0};

/* A value that must be a string: read into j->buf. */
static int want_string(struct jr *j, const char *what)
{
	if (jr_peek(j) != '"')
		return jr_fail(j, "%s: \"%s\" is not a string", not_report, what);
	return jr_string(j);
}

static int want_count(struct jr *j, const char *what, size_t *out)
{
	int64_t n;
	int is_int;
	int c = jr_peek(j);
	if (!(c == '-' || (c >= '0' && c <= '9')))
		return jr_fail(j, "%s: \"%s\" is not a number", not_report, what);
	if (jr_number(j, &n, &is_int) != 0)
		return -1;
	if (!is_int || n < 0)
		return jr_fail(j, "%s: \"%s\" is not a count", not_report, what);
	*out = (size_t)n;
	return 0;
}

/* A day of report.period: "YYYY-MM-DD", or null (open). */
static int want_day(struct jr *j, const char *what, int64_t *out)
{
	int y, m, d;
	if (jr_peek(j) == 'n') {
		*out = TIME_NONE;
		return jr_literal(j, "null");
	}
	if (want_string(j, what) != 0)
		return -1;
	if (j->len != 10 || times_parse_date(j->buf, j->len, &y, &m, &d) != 0)
		return jr_fail(j, "%s: report.period.%s is not a date (YYYY-MM-DD)", not_report, what);
	*out = times_days_from_civil(y, m, d);
	return 0;
}

static int period_member(struct jr *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	struct period *p = &r->b->period;
	if (!strcmp(key, "from"))
		return r->from = 1, want_day(j, key, &p->first_day);
	if (!strcmp(key, "until"))
		return r->until = 1, want_day(j, key, &p->last_day);
	if (!strcmp(key, "name")) {
		if (want_string(j, key) != 0)
			return -1;
		snprintf(p->name, sizeof p->name, "%s", j->buf);
		return 0;
	}
	return jr_skip(j);
}

static int rules_member(struct jr *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "jobs"))
		return r->njobs = 1, want_count(j, "jobs", &r->b->njobs);
	if (!strcmp(key, "people"))
		return r->npeople = 1, want_count(j, "people", &r->b->npeople);
	if (!strcmp(key, "approvals"))
		return r->napprovals = 1, want_count(j, "approvals", &r->b->napprovals);
	return jr_skip(j);
}

static int report_member(struct jr *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "period")) {
		r->period = 1;
		if (jr_peek(j) != '{')
			return jr_fail(j, "%s: \"period\" is not an object", not_report);
		return jr_object(j, period_member, r);
	}
	if (!strcmp(key, "rules")) {
		r->rules_seen = 1;
		if (jr_peek(j) != '{')
			return jr_fail(j, "%s: \"rules\" is not an object", not_report);
		return jr_object(j, rules_member, r);
	}
	return jr_skip(j);
}

static int covered_member(struct jr *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "covered") && jr_peek(j) == 'f') {
		r->b->uncovered = r->b->incomplete = 1;
		return jr_literal(j, "false");
	}
	return jr_skip(j);
}

/* summary.unit: the report of one unit (audit --split unit) */
static int unit_member(struct jr *j, const char *key, void *ctx)
{
	(void)ctx;
	if (!strcmp(key, "code") && jr_peek(j) == '"') {
		if (jr_string(j) != 0)
			return -1;
		return jr_fail(j,
			       "the report of unit %.40s (audit --split unit), not the whole "
			       "report: the other units' findings would all count as new; give "
			       "the whole report (all.json beside it)",
			       j->buf);
	}
	return jr_skip(j);
}

static int summary_member(struct jr *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "unit") && jr_peek(j) == '{')
		return jr_object(j, unit_member, r);
	if (!strcmp(key, "period_covered") && jr_peek(j) == '{')
		return jr_object(j, covered_member, r);
	if (!strcmp(key, "complete")) {
		int c = jr_peek(j);
		if (c != 't' && c != 'f')
			return jr_fail(j, "%s: summary.complete is not true or false", not_report);
		r->b->incomplete = c == 'f';
		return jr_literal(j, c == 't' ? "true" : "false");
	}
	if (!strcmp(key, "hidden_by_filters")) {
		size_t n;
		if (want_count(j, key, &n) != 0)
			return -1;
		r->b->hidden = n;
		return 0;
	}
	return jr_skip(j);
}

static int finding_member(struct jr *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "records")) {
		int64_t n;
		int is_int;
		int c = jr_peek(j);
		if (c == 'n') {
			r->records = -1;
			return jr_literal(j, "null");
		}
		if (!(c == '-' || (c >= '0' && c <= '9')))
			return jr_fail(j, "%s: \"records\" is not a number", not_report);
		if (jr_number(j, &n, &is_int) != 0)
			return -1;
		r->records = is_int ? n : -1;
		return 0;
	}
	for (int i = 0; i < F_NFIELDS; i++) {
		if (strcmp(key, field_names[i]) != 0)
			continue;
		if (want_string(j, key) != 0)
			return -1;
		if (j->len + 1 > r->cap[i]) {
			char *grown = realloc(r->field[i], j->len + 1);
			if (!grown)
				return jr_fail(j, "out of memory");
			r->field[i] = grown;
			r->cap[i] = j->len + 1;
		}
		memcpy(r->field[i], j->buf, j->len + 1);
		r->have[i] = 1;
		return 0;
	}
	return jr_skip(j);
}

/* The person's and the job's part of a triple's key, and their labels. */
static size_t person_key(char *buf, size_t size, const char *staff, const char *user,
			 const char *user_name)
{
	int n = staff[0]  ? snprintf(buf, size, "s%s", staff)
		: user[0] ? snprintf(buf, size, "u%s", user)
			  : snprintf(buf, size, "n%s", user_name);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

static int job_part(const char *job, const char *job_name, const char **s)
{
	if (job[0]) {
		*s = job;
		return (int)strlen(job);
	}
	const char *cut = strstr(job_name, " - ");
	*s = job_name;
	return cut ? (int)(cut - job_name) : (int)strlen(job_name);
}

/* kind, 0x1f, person key, 0x1f, job key; long names are cut (at 1 KiB),
 * which only merges triples that differ past it. */
static size_t triple_key(char *buf, size_t size, enum finding_kind k, const char *person,
			 const char *job, const char *job_name)
{
	const char *js;
	int jn = job_part(job, job_name, &js);
	int n = snprintf(buf, size, "%d\x1f%s\x1f%c%.*s", (int)k, person, job[0] ? 'j' : 'n', jn, js);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

#define KEY_MAX 2304

static char *dup_printf(const char *fmt, ...) DIAG_PRINTF(1, 2);

static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (!s)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* Would this audit's filters show the baseline's finding? It is rebuilt
 * as a run and a verdict from its columns (the job and the person looked
 * up in this audit's rules). */
static int filtered_out(struct reading *r, enum finding_kind k)
{
	const struct filter *f = r->filter;
	int any = f && (f->findings || f->min_records >= 0);
	for (int i = 0; f && i < FILTER_OPTS; i++)
		any |= f->count[i] != 0;
	if (!any)
		return 0;
	char **v = r->field;
	struct run run;
	struct verdict verdict;
	memset(&run, 0, sizeof run);
	memset(&verdict, 0, sizeof verdict);
	run.file = r->b->path;
	run.line = r->line;
	run.id = strtoull(v[F_RUN_ID], NULL, 10);
	run.job_id = run.category = "";
	run.name = v[F_JOB_NAME];
	run.user = v[F_USER];
	run.user_name = v[F_USER_NAME];
	run.status = v[F_STATUS];
	run.set_name = v[F_SET];
	run.records = r->records;
	run.progress = -1;
	run.type = RUN_MANUAL;
	run.env = RUN_PRODUCTION;
	run.submit_time = run.end_time = TIME_NONE;
	if (v[F_START][0] && times_parse(v[F_START], strlen(v[F_START]), &run.time) != 0)
		run.time = TIME_NONE;
	run.start_time = run.time;
	run.time_ms = run.time == TIME_NONE ? 0 : run.time * 1000;
	verdict.job = v[F_JOB][0] ? rules_job_by_id(r->rules, v[F_JOB]) : -1;
	verdict.person = v[F_STAFF][0] ? rules_person_by_text(r->rules, v[F_STAFF]) : -1;
	verdict.approval = verdict.later = verdict.revoked = -1;
	verdict.sandbox = TIME_NONE;
	verdict.findings = 1u << k;
	return filter_match(f, r->rules, &run, &verdict) == 0;
}

static int finding_element(struct jr *j, void *ctx)
{
	struct reading *r = ctx;
	struct baseline *b = r->b;
	r->line = j->line;
	if (jr_peek(j) != '{')
		return jr_fail(j, "%s: a finding is not an object", not_report);
	memset(r->have, 0, sizeof r->have);
	for (int i = 0; i < F_NFIELDS; i++)
		if (r->field[i])
			r->field[i][0] = '\0';
	r->records = -1;
	long at = j->line;
	if (jr_object(j, finding_member, r) != 0)
		return -1;
	for (int i = 0; i < F_NFIELDS; i++) {
		if (field_required[i] && !r->have[i]) {
			j->line = at;
			return jr_fail(j, "%s: a finding without \"%s\"", not_report, field_names[i]);
		}
		if (!r->field[i]) {
			r->field[i] = calloc(1, 1);
			if (!r->field[i])
				return jr_fail(j, "out of memory");
			r->cap[i] = 1;
		}
	}
	char **v = r->field;
	int k = finding_parse(v[F_FINDING]);
	if (k < 0) {
		j->line = at;
		return jr_fail(j, "%s: unknown finding kind '%.40s'", not_report, v[F_FINDING]);
	}
	b->findings++;
	if (filtered_out(r, (enum finding_kind)k)) {
		b->filtered++;
		return 0;
	}
	char person[KEY_MAX / 2], key[KEY_MAX];
	person_key(person, sizeof person, v[F_STAFF], v[F_USER], v[F_USER_NAME]);
	size_t len = triple_key(key, sizeof key, (enum finding_kind)k, person, v[F_JOB],
				v[F_JOB_NAME]);
	int added;
	int64_t *slot = hmap_put(&b->at, key, len, (int64_t)b->nitems, &added);
	if (!slot)
		return jr_fail(j, "out of memory");
	if (!added) {
		b->items[*slot].count++;
		return 0;
	}
	if (b->nitems == b->citems) {
		size_t cap = b->citems ? b->citems * 2 : 64;
		struct baseline_item *grown = realloc(b->items, cap * sizeof *grown);
		if (!grown)
			return jr_fail(j, "out of memory");
		b->items = grown;
		b->citems = cap;
	}
	struct baseline_item *it = &b->items[b->nitems];
	const char *js;
	int jn = job_part(v[F_JOB], v[F_JOB_NAME], &js);
	it->kind = (enum finding_kind)k;
	it->hit = 0;
	it->count = 1;
	it->staff = v[F_STAFF][0] && r->rules ? rules_person_by_text(r->rules, v[F_STAFF]) : -1;
	it->job = dup_printf("%.*s", jn, js);
	if (v[F_STAFF][0])
		it->person = v[F_UNIT][0] ? dup_printf("%s (%s)", v[F_STAFF], v[F_UNIT])
					  : dup_printf("%s", v[F_STAFF]);
	else
		it->person = dup_printf("%s (not in staff.csv)",
					v[F_USER_NAME][0] ? v[F_USER_NAME]
					: v[F_USER][0]	  ? v[F_USER]
							  : "nobody named");
	if (!it->job || !it->person) {
		free(it->job);
		free(it->person);
		return jr_fail(j, "out of memory");
	}
	b->nitems++;
	return 0;
}

static int top_member(struct jr *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	int c = jr_peek(j);
	if (!strcmp(key, "report")) {
		r->report = 1;
		if (c != '{')
			return jr_fail(j, "%s: \"report\" is not an object", not_report);
		return jr_object(j, report_member, r);
	}
	if (!strcmp(key, "findings")) {
		r->findings = 1;
		if (c != '[')
			return jr_fail(j, "%s: \"findings\" is not an array", not_report);
		return jr_array(j, finding_element, r);
	}
	if (!strcmp(key, "runs"))
		return jr_fail(j, "a run listing (almaudit runs), not an audit report: give an "
				  "'almaudit audit --format json' report");
	if (!strcmp(key, "summary")) {
		r->summary = 1;
		if (c != '{')
			return jr_fail(j, "%s: \"summary\" is not an object", not_report);
		return jr_object(j, summary_member, r);
	}
	return jr_skip(j);
}

void baseline_init(struct baseline *b)
{
	memset(b, 0, sizeof *b);
	hmap_init(&b->at);
	b->period.first_day = b->period.last_day = TIME_NONE;
	b->period.from = b->period.to = TIME_NONE;
}

void baseline_free(struct baseline *b)
{
	for (size_t i = 0; i < b->nitems; i++) {
		free(b->items[i].person);
		free(b->items[i].job);
	}
	free(b->items);
	free(b->gone);
	free(b->path);
	hmap_free(&b->at);
	memset(b, 0, sizeof *b);
}

int baseline_read(struct baseline *b, FILE *in, const char *name, const struct rules *rules,
		  const struct filter *filter)
{
	struct jr j = {in, name, 1, 0, NULL, 0, 0};
	struct reading r;
	memset(&r, 0, sizeof r);
	r.b = b;
	r.rules = rules;
	r.filter = filter;
	int status = -1;

	if (!b->path && !(b->path = strdup(name))) {
		diag_error(name, 0, "out of memory");
		return -1;
	}
	int c = jr_peek(&j);
	if (c == EOF) {
		if (ferror(in))
			jr_eof(&j, "");
		else
			jr_fail(&j, "empty: %s (from almaudit audit --format json)", not_report);
		goto done;
	}
	if (c != '{') {
		jr_fail(&j, "%s: it does not begin with '{'", not_report);
		goto done;
	}
	if (jr_object(&j, top_member, &r) != 0)
		goto done;
	long end = j.line; /* where the document ends */
	if ((c = jr_peek(&j)) != EOF) {
		jr_fail(&j, "invalid JSON: more after the end of the document");
		goto done;
	}
	if (ferror(in)) {
		jr_eof(&j, "");
		goto done;
	}
	const char *missing = !r.report		  ? "\"report\""
			      : !r.findings	  ? "\"findings\""
			      : !r.summary	  ? "\"summary\""
			      : !r.period	  ? "report.period"
			      : !r.from || !r.until ? "report.period.from and until"
			      : !r.rules_seen	  ? "report.rules"
			      : !r.njobs || !r.npeople || !r.napprovals
				      ? "report.rules.jobs, people and approvals"
				      : NULL;
	if (missing) {
		j.line = end;
		jr_fail(&j, "%s: it has no %s", not_report, missing);
		goto done;
	}
	status = 0;
done:
	for (int i = 0; i < F_NFIELDS; i++)
		free(r.field[i]);
	free(j.buf);
	return status;
}

int baseline_load(struct baseline *b, const char *path, const struct rules *rules,
		  const struct filter *filter)
{
	if (!strcmp(path, "-")) {
		diag_error(NULL, 0, "--baseline wants a file (an earlier almaudit audit --format "
				    "json report), not standard input");
		return -1;
	}
	FILE *in = fopen(path, "r");
	if (!in) {
		diag_error(path, 0, "cannot read the baseline: %s", strerror(errno));
		return -1;
	}
	int status = baseline_read(b, in, path, rules, filter);
	fclose(in);
	return status;
}

void baseline_rules_text(const struct baseline *b, char *buf, size_t size)
{
	snprintf(buf, size,
		 "the baseline was made with other rules (%zu jobs, %zu people, %zu approvals)",
		 b->njobs, b->npeople, b->napprovals);
}

void baseline_period_warning(const struct baseline *b, const struct period *current, char *buf,
			     size_t size)
{
	char was[96], now[96];
	period_text(&b->period, was, sizeof was);
	period_text(current, now, sizeof now);
	snprintf(buf, size,
		 "the baseline's period (%s) is not before this report's (%s): runs in both "
		 "count as recurring",
		 was, now);
}

void baseline_compare(struct baseline *b, const struct period *current,
		      const struct rules *rules)
{
	char text[320];
	b->other_rules = rules && (b->njobs != rules->njobs || b->npeople != rules->npeople ||
				   b->napprovals != rules->napprovals);
	/* before: the baseline ends on a day before this period begins */
	b->not_before = !(b->period.last_day != TIME_NONE && current->first_day != TIME_NONE &&
			  b->period.last_day < current->first_day);
	if (b->not_before) {
		baseline_period_warning(b, current, text, sizeof text);
		diag_error(b->path, 0, "warning: %s", text);
	}
	if (b->incomplete)
		diag_error(b->path, 0, "warning: %s", baseline_incomplete_text(b));
	if (b->hidden)
		diag_error(b->path, 0,
			   "warning: the baseline report's filters hid %" PRIu64
			   " runs with findings: those count as new",
			   b->hidden);
}

enum baseline_trend baseline_mark(struct baseline *b, const struct baseline_finding *f)
{
	char person[KEY_MAX / 2], key[KEY_MAX];
	person_key(person, sizeof person, f->staff, f->user, f->user_name);
	size_t len = triple_key(key, sizeof key, f->kind, person, f->job, f->job_name);
	int64_t *at = hmap_get(&b->at, key, len);
	if (!at && f->staff[0] && f->user[0]) {
		/* in staff.csv now, not then: the baseline knew them by their id */
		person_key(person, sizeof person, "", f->user, f->user_name);
		len = triple_key(key, sizeof key, f->kind, person, f->job, f->job_name);
		at = hmap_get(&b->at, key, len);
	}
	if (!at) {
		b->fresh[f->kind]++;
		return TREND_NEW;
	}
	b->items[*at].hit = 1;
	b->recurring[f->kind]++;
	return TREND_RECURRING;
}

static const struct baseline *sorting;

static int by_kind_count(const void *pa, const void *pb)
{
	const struct baseline_item *a = &sorting->items[*(const size_t *)pa];
	const struct baseline_item *b = &sorting->items[*(const size_t *)pb];
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	int c = strcmp(a->job, b->job);
	return c ? c : strcmp(a->person, b->person);
}

int baseline_finish(struct baseline *b)
{
	size_t n = 0;
	for (size_t i = 0; i < b->nitems; i++)
		n += !b->items[i].hit;
	free(b->gone);
	b->gone = NULL;
	b->ngone = 0;
	memset(b->resolved, 0, sizeof b->resolved);
	if (!n)
		return 0;
	if (!(b->gone = malloc(n * sizeof *b->gone))) {
		diag_error(b->path, 0, "out of memory: the resolved findings are not listed");
		return -1;
	}
	for (size_t i = 0; i < b->nitems; i++)
		if (!b->items[i].hit) {
			b->gone[b->ngone++] = i;
			b->resolved[b->items[i].kind]++;
		}
	sorting = b;
	qsort(b->gone, b->ngone, sizeof *b->gone, by_kind_count);
	sorting = NULL;
	return 0;
}

const char *baseline_incomplete_text(const struct baseline *b)
{
	if (b->uncovered)
		return "the baseline report's exports did not cover its period: what it missed "
		       "counts as new";
	return "the baseline report is INCOMPLETE: findings it missed count as new";
}

const char *baseline_trend_name(enum baseline_trend t)
{
	return t == TREND_NEW ? "new" : t == TREND_RECURRING ? "recurring" : "";
}
