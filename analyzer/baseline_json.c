#include "baseline_json.h"

#include "diag.h"
#include "json.h"
#include "reader.h"
#include "run.h"
#include "term.h"
#include "times.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char not_report[] = "not an almaudit json report";

/* Where the reading is: what the object or array open at each depth is. */
enum at {
	AT_ROOT,     /* the top-level object */
	AT_REPORT,   /* report */
	AT_PERIOD,   /* report.period */
	AT_RULES,    /* report.rules */
	AT_FINDINGS, /* findings */
	AT_FINDING,  /* one of them */
	AT_SUMMARY,  /* summary */
	AT_UNIT,     /* summary.unit */
	AT_COVERED,  /* summary.period_covered */
	AT_SKIP	     /* anything else, read past */
};

/* The finding fields read, and which the report must have. */
enum { F_FINDING, F_RUN_ID, F_JOB, F_JOB_NAME, F_USER, F_USER_NAME, F_STAFF, F_UNIT,
       F_START, F_STATUS, F_SET, F_NFIELDS };
static const char *const field_names[F_NFIELDS] = {
	"finding", "run_id", "job", "job_name", "user", "user_name", "staff", "unit",
	"start_time", "status", "set_name"};
static const int field_required[F_NFIELDS] = {1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0};

struct reading {
	struct json *j;
	struct baseline *b;
	const struct rules *rules;
	const struct filter *filter;
	enum at at[JSON_DEPTH + 1]; /* at[d - 1]: the container open at depth d */
	char key[64];		    /* the key whose value comes next ("" in arrays) */
	int report, findings, summary;			/* the top-level keys seen */
	int period, rules_seen, from, until, njobs, npeople, napprovals; /* report's keys */
	long end;		    /* where the document ends */
	/* the current finding's fields, reused from finding to finding */
	char *field[F_NFIELDS];
	size_t cap[F_NFIELDS];
	int have[F_NFIELDS];
	int64_t records;
	long line; /* where the current finding begins */
};

static enum at where(const struct reading *r)
{
	int d = json_depth(r->j);
	return r->at[d - 1];
}

static int is(const struct reading *r, const char *key)
{
	return strcmp(r->key, key) == 0;
}

/* A count: digits only (no sign, fraction or exponent). */
static int count_of(const char *s, size_t n, size_t *out)
{
	size_t v = 0;
	if (!n || n > 18)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (size_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

static int want_count(struct reading *r, enum json_type t, const char *s, size_t n, size_t *out)
{
	if (t != JSON_NUMBER)
		return json_fail(r->j, "%s: \"%s\" is not a number", not_report, r->key);
	if (count_of(s, n, out) != 0)
		return json_fail(r->j, "%s: \"%s\" is not a count", not_report, r->key);
	return 0;
}

/* A day of report.period: "YYYY-MM-DD", or null (open). */
static int want_day(struct reading *r, enum json_type t, const char *s, size_t n, int64_t *out)
{
	int y, m, d;
	if (t == JSON_NULL) {
		*out = TIME_NONE;
		return 0;
	}
	if (t != JSON_STRING)
		return json_fail(r->j, "%s: \"%s\" is not a string", not_report, r->key);
	if (n != 10 || times_parse_date(s, n, &y, &m, &d) != 0)
		return json_fail(r->j, "%s: report.period.%s is not a date (YYYY-MM-DD)", not_report,
				 r->key);
	*out = times_days_from_civil(y, m, d);
	return 0;
}

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

static void finding_begin(struct reading *r)
{
	r->line = json_line(r->j);
	memset(r->have, 0, sizeof r->have);
	for (int i = 0; i < F_NFIELDS; i++)
		if (r->field[i])
			r->field[i][0] = '\0';
	r->records = -1;
}

static int finding_end(struct reading *r)
{
	struct baseline *b = r->b;
	for (int i = 0; i < F_NFIELDS; i++) {
		if (field_required[i] && !r->have[i])
			return json_fail_at(r->j, r->line, "%s: a finding without \"%s\"", not_report,
					    field_names[i]);
		if (!r->field[i]) {
			r->field[i] = calloc(1, 1);
			if (!r->field[i])
				return json_fail(r->j, "out of memory");
			r->cap[i] = 1;
		}
	}
	char **v = r->field;
	int k = finding_parse(v[F_FINDING]);
	if (k < 0)
		return json_fail_at(r->j, r->line, "%s: unknown finding kind '%.40s'", not_report,
				    v[F_FINDING]);
	b->findings++;
	if (filtered_out(r, (enum finding_kind)k)) {
		b->filtered++;
		return 0;
	}
	/* the person in this audit's staff.csv: by name or alias */
	int person = v[F_STAFF][0] && r->rules ? rules_person_by_text(r->rules, v[F_STAFF]) : -1;
	struct baseline_finding f = {(enum finding_kind)k, v[F_STAFF], v[F_USER],
				     v[F_USER_NAME], v[F_JOB], v[F_JOB_NAME], person};
	if (baseline_add(b, &f, v[F_UNIT]) != 0)
		return json_fail(r->j, "out of memory");
	return 0;
}

/* A finding's field: its text kept until the finding ends. */
static int finding_field(struct reading *r, enum json_type t, const char *s, size_t n)
{
	if (is(r, "records")) {
		if (t == JSON_NULL) {
			r->records = -1;
			return 0;
		}
		if (t != JSON_NUMBER)
			return json_fail(r->j, "%s: \"records\" is not a number", not_report);
		size_t v;
		r->records = count_of(s, n, &v) == 0 ? (int64_t)v : -1;
		return 0;
	}
	for (int i = 0; i < F_NFIELDS; i++) {
		if (!is(r, field_names[i]))
			continue;
		if (t != JSON_STRING)
			return json_fail(r->j, "%s: \"%s\" is not a string", not_report, r->key);
		if (n + 1 > r->cap[i]) {
			char *grown = realloc(r->field[i], n + 1);
			if (!grown)
				return json_fail(r->j, "out of memory");
			r->field[i] = grown;
			r->cap[i] = n + 1;
		}
		memcpy(r->field[i], s, n);
		r->field[i][n] = '\0';
		r->have[i] = 1;
		return 0;
	}
	return 0;
}

/* A value where an object or array of the report is due (the keys the
 * report must have with the right kind of value). 0 when key is not one. */
static int not_container(struct reading *r, enum at at, enum json_type t)
{
	if (at == AT_ROOT) {
		if (is(r, "runs"))
			return json_fail(r->j, "a run listing (almaudit runs), not an audit report: "
					       "give an 'almaudit audit --format json' report");
		if ((is(r, "report") || is(r, "summary")) && t != JSON_OBJECT)
			return json_fail(r->j, "%s: \"%s\" is not an object", not_report, r->key);
		if (is(r, "findings") && t != JSON_ARRAY)
			return json_fail(r->j, "%s: \"findings\" is not an array", not_report);
	} else if (at == AT_REPORT) {
		if ((is(r, "period") || is(r, "rules")) && t != JSON_OBJECT)
			return json_fail(r->j, "%s: \"%s\" is not an object", not_report, r->key);
	} else if (at == AT_FINDINGS && t != JSON_OBJECT) {
		return json_fail(r->j, "%s: a finding is not an object", not_report);
	}
	return 0;
}

static int on_scalar(void *ctx, enum json_type t, const char *s, size_t n)
{
	struct reading *r = ctx;
	if (json_depth(r->j) == 0)
		return json_fail(r->j, "%s: it does not begin with '{'", not_report);
	if (not_container(r, where(r), t) != 0)
		return -1;
	struct baseline *b = r->b;
	switch (where(r)) {
	case AT_REPORT:
		/* report.command: review's json says it is review's */
		if (is(r, "command") && t == JSON_STRING && !(n == 5 && !memcmp(s, "audit", 5))) {
			if (n == 6 && !memcmp(s, "review", 6))
				return json_fail(r->j, "an access review (almaudit review), not an "
						       "audit report: give an 'almaudit audit "
						       "--format json' report");
			return json_fail(r->j, "a report of almaudit %.*s, not an audit report: give "
					       "an 'almaudit audit --format json' report",
					 n > 20 ? 20 : (int)n, s);
		}
		return 0;
	case AT_PERIOD:
		if (is(r, "from"))
			return r->from = 1, want_day(r, t, s, n, &b->period.first_day);
		if (is(r, "until"))
			return r->until = 1, want_day(r, t, s, n, &b->period.last_day);
		if (is(r, "name")) {
			if (t != JSON_STRING)
				return json_fail(r->j, "%s: \"name\" is not a string", not_report);
			snprintf(b->period.name, sizeof b->period.name, "%.*s", (int)n, s);
		}
		return 0;
	case AT_RULES:
		if (is(r, "jobs"))
			return r->njobs = 1, want_count(r, t, s, n, &b->njobs);
		if (is(r, "people"))
			return r->npeople = 1, want_count(r, t, s, n, &b->npeople);
		if (is(r, "approvals"))
			return r->napprovals = 1, want_count(r, t, s, n, &b->napprovals);
		return 0;
	case AT_FINDING:
		return finding_field(r, t, s, n);
	case AT_SUMMARY:
		if (is(r, "complete")) {
			if (t != JSON_TRUE && t != JSON_FALSE)
				return json_fail(r->j, "%s: summary.complete is not true or false",
						 not_report);
			b->incomplete = t == JSON_FALSE;
		} else if (is(r, "hidden_by_filters")) {
			size_t hidden;
			if (want_count(r, t, s, n, &hidden) != 0)
				return -1;
			b->hidden = hidden;
		}
		return 0;
	case AT_UNIT:
		/* summary.unit: the report of one unit (audit --split unit) */
		if (is(r, "code") && t == JSON_STRING)
			return json_fail(r->j,
					 "the report of unit %.*s (audit --split unit), not the whole "
					 "report: the other units' findings would all count as new; give "
					 "the whole report (all.json beside it)",
					 n > 40 ? 40 : (int)n, s);
		return 0;
	case AT_COVERED:
		if (is(r, "covered") && t == JSON_FALSE)
			b->uncovered = b->incomplete = 1;
		return 0;
	default:
		return 0;
	}
}

static int on_key(void *ctx, const char *s, size_t n)
{
	struct reading *r = ctx;
	/* a key longer than the buffer is none the report has */
	snprintf(r->key, sizeof r->key, "%.*s", n < sizeof r->key ? (int)n : 0, s);
	if (n >= sizeof r->key)
		snprintf(r->key, sizeof r->key, "(long)");
	return 0;
}

static int on_open(void *ctx, enum json_type t)
{
	struct reading *r = ctx;
	int d = json_depth(r->j); /* the depth of what opens */
	enum at next = AT_SKIP;
	if (d == 1) {
		if (t != JSON_OBJECT)
			return json_fail(r->j, "%s: it does not begin with '{'", not_report);
		next = AT_ROOT;
	} else {
		if (not_container(r, r->at[d - 2], t) != 0)
			return -1;
		switch (r->at[d - 2]) {
		case AT_ROOT:
			if (is(r, "report"))
				r->report = 1, next = AT_REPORT;
			else if (is(r, "findings"))
				r->findings = 1, next = AT_FINDINGS;
			else if (is(r, "summary"))
				r->summary = 1, next = AT_SUMMARY;
			break;
		case AT_REPORT:
			if (is(r, "period"))
				r->period = 1, next = AT_PERIOD;
			else if (is(r, "rules"))
				r->rules_seen = 1, next = AT_RULES;
			break;
		case AT_PERIOD:
			if (is(r, "from") || is(r, "until") || is(r, "name"))
				return json_fail(r->j, "%s: \"%s\" is not a string", not_report,
						 r->key);
			break;
		case AT_RULES:
			if (is(r, "jobs") || is(r, "people") || is(r, "approvals"))
				return json_fail(r->j, "%s: \"%s\" is not a number", not_report,
						 r->key);
			break;
		case AT_FINDINGS:
			next = AT_FINDING;
			finding_begin(r);
			break;
		case AT_FINDING:
			if (finding_field(r, t, "", 0) != 0)
				return -1;
			break;
		case AT_SUMMARY:
			if (is(r, "complete"))
				return json_fail(r->j, "%s: summary.complete is not true or false",
						 not_report);
			if (is(r, "hidden_by_filters"))
				return json_fail(r->j, "%s: \"%s\" is not a number", not_report,
						 r->key);
			if (is(r, "unit") && t == JSON_OBJECT)
				next = AT_UNIT;
			else if (is(r, "period_covered") && t == JSON_OBJECT)
				next = AT_COVERED;
			break;
		default:
			break;
		}
	}
	r->at[d - 1] = next;
	r->key[0] = '\0';
	return 0;
}

static int on_close(void *ctx, enum json_type t)
{
	struct reading *r = ctx;
	(void)t;
	int d = json_depth(r->j); /* the depth after it closed */
	enum at was = r->at[d];
	r->key[0] = '\0';
	if (d == 0)
		r->end = json_line(r->j);
	if (was == AT_FINDING)
		return finding_end(r);
	return 0;
}

static const struct json_handler handler = {on_scalar, on_key, on_open, on_close};

/* Reports the reading's error, if any, at its line. */
static void say(struct reading *r, const char *name)
{
	long line;
	const char *e = json_error(r->j, &line);
	if (*e)
		diag_error(name, line, "%s", e);
}

/* Where the report's bytes come from: a stream, or a reader (gzip). */
struct source {
	FILE *f;
	struct reader *rd;
	unsigned char buf[64 * 1024];
	size_t pending; /* bytes of buf read ahead (the first), not handed out */
};

/* The next bytes: 1, 0 at the end, -1 with *why set. */
static int source_next(struct source *s, const unsigned char **d, size_t *n, const char **why)
{
	if (s->rd)
		return reader_chunk(s->rd, d, n, why);
	*n = s->pending ? s->pending : fread(s->buf, 1, sizeof s->buf, s->f);
	s->pending = 0;
	*d = s->buf;
	if (*n)
		return 1;
	if (ferror(s->f)) {
		*why = strerror(errno);
		return -1;
	}
	return 0;
}

static int read_source(struct baseline *b, struct source *src, const char *name,
		       const struct rules *rules, const struct filter *filter);

int baseline_json_read(struct baseline *b, FILE *in, const char *name, const struct rules *rules,
		       const struct filter *filter)
{
	struct source *src = calloc(1, sizeof *src);
	if (!src) {
		diag_error(name, 0, "out of memory");
		return -1;
	}
	src->f = in;
	int status = read_source(b, src, name, rules, filter);
	free(src);
	return status;
}

static int read_source(struct baseline *b, struct source *src, const char *name,
		       const struct rules *rules, const struct filter *filter)
{
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
	r.j = json_new(&handler, &r, 0);
	if (!r.j) {
		diag_error(name, 0, "out of memory");
		return -1;
	}
	/* a cell of up to 64 KiB, as the json report escapes it (\u0001 for a
	 * control: six bytes a byte), and room to spare */
	json_set_token_max(r.j, 6u * 64u * 1024u + 1024u);
	const unsigned char *buf;
	size_t got;
	int fed = 0, more;
	int first = 1;
	const char *why = NULL;
	while ((more = source_next(src, &buf, &got, &why)) > 0) {
		if (first) {
			/* text that does not open an object is no report, JSON or not */
			size_t i = got >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
			long line = 1;
			while (i < got && buf[i] && strchr(" \t\r\n", buf[i]))
				line += buf[i++] == '\n';
			if (i < got) {
				first = 0;
				if (buf[i] != '{') {
					diag_error(name, line, "%s: it does not begin with '{'",
						   not_report);
					goto done;
				}
			}
		}
		if ((fed = json_feed(r.j, buf, got)) != 0)
			break;
	}
	if (fed != 0) {
		say(&r, name);
		goto done;
	}
	if (more < 0) {
		diag_error(name, json_line(r.j), "cannot read: %s", why);
		goto done;
	}
	if (json_end(r.j) != 0) {
		long line;
		json_error(r.j, &line);
		if (json_empty(r.j))
			diag_error(name, line,
				   "empty: %s (from almaudit audit --format json)", not_report);
		else
			say(&r, name);
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
		diag_error(name, r.end, "%s: it has no %s", not_report, missing);
		goto done;
	}
	status = 0;
done:
	for (int i = 0; i < F_NFIELDS; i++)
		free(r.field[i]);
	json_free(r.j);
	return status;
}

int baseline_json_load(struct baseline *b, const char *path, const struct rules *rules,
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
	struct source *src = calloc(1, sizeof *src);
	if (!src) {
		diag_error(path, 0, "out of memory");
		fclose(in);
		return -1;
	}
	term_watch(path, fileno(in)); /* a progress line on a terminal for a long read */
	src->f = in;
	src->pending = fread(src->buf, 1, sizeof src->buf, in);
	int status;
	if (src->pending >= 2 && src->buf[0] == 0x1F && src->buf[1] == 0x8B) {
		/* gzip: through the reader, which inflates (and watches) it */
		term_unwatch(fileno(in));
		fclose(in);
		src->f = NULL;
		status = -1;
		if ((src->rd = reader_open(path)) != NULL) {
			status = read_source(b, src, path, rules, filter);
			reader_close(src->rd);
		}
	} else {
		status = read_source(b, src, path, rules, filter);
		term_unwatch(fileno(in));
		fclose(in);
	}
	free(src);
	return status;
}
