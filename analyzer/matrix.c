#include "matrix.h"

#include "diag.h"
#include "match.h"
#include "names.h"
#include "reader.h"
#include "rules_table.h"
#include "times.h"
#include "units.h"
#include "waivers.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- loading state ---- */

struct load {
	struct rules *r;
	int errors;
	const char *path; /* the file being read */
	/* staff.csv or jobs.csv could not be read: approvals.csv is not
	 * checked against it (one error, not one per approval) */
	int no_staff, no_jobs;
};

static void fail(struct load *ld, long line, const char *fmt, ...) DIAG_PRINTF(3, 4);

static void fail(struct load *ld, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(ld->path, line, fmt, ap);
	va_end(ap);
	ld->errors++;
}

static char *dup_n(struct load *ld, const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d) {
		fail(ld, 0, "out of memory");
		return NULL;
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

/* Grows an array to hold one more element; -1 (reported) when out of memory. */
static int grow(struct load *ld, void *arrayp, size_t n, size_t elem)
{
	void **array = arrayp;
	/* capacity: 8, then doubling whenever n reaches a power of two */
	if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
		void *p = realloc(*array, (n ? n * 2 : 8) * elem);
		if (!p) {
			fail(ld, 0, "out of memory");
			return -1;
		}
		*array = p;
	}
	return 0;
}

/* The loader's side of a rules_table: the file named in the loader's
 * messages, and the table's problems counted with the loader's. */
static int open_table(struct load *ld, struct rules_table *t, const char *path,
		      const char *const *names, size_t ncols, size_t required)
{
	ld->path = path;
	return rules_table_open(t, path, names, ncols, required);
}

static void close_table(struct load *ld, struct rules_table *t)
{
	rules_table_close(t);
	ld->errors += t->errors;
	if (t->cp1252) {
		char *s = ld->r->not_utf8;
		size_t used = strlen(s);
		snprintf(s + used, sizeof ld->r->not_utf8 - used, "%s%s", used ? ", " : "",
			 rules_file_name(t->path));
	}
}

/* ---- staff.csv ---- */

enum { ST_NAME, ST_UNIT, ST_IDS, ST_ALIASES };

/* Splits s at any byte of seps into trimmed, non-empty parts; with
 * ids set, commas opening or ending a part are dropped too ("bfischer,
 * bf2" is two ids, "fischer,b" one). */
static int split(struct load *ld, const char *s, size_t n, const char *seps, int ids,
		 char ***out, size_t *count)
{
	*out = NULL;
	*count = 0;
	while (n) {
		size_t len = 0;
		while (len < n && !memchr(seps, s[len], strlen(seps)))
			len++;
		const char *part = s;
		size_t plen = len;
		csvrd_trim(&part, &plen);
		while (ids && plen && part[plen - 1] == ',')
			plen--;
		while (ids && plen && part[0] == ',')
			part++, plen--;
		if (plen) {
			if (grow(ld, out, *count, sizeof **out) != 0)
				return -1;
			if (!((*out)[*count] = dup_n(ld, part, plen)))
				return -1;
			(*count)++;
		}
		if (len == n)
			break;
		s += len + 1;
		n -= len + 1;
	}
	return 0;
}

static int add_key(struct load *ld, struct rules_key **keys, size_t *nkeys, const char *key,
		   int person, long line)
{
	if (grow(ld, keys, *nkeys, sizeof **keys) != 0)
		return -1;
	struct rules_key *k = &(*keys)[*nkeys];
	if (!(k->key = dup_n(ld, key, strlen(key))))
		return -1;
	k->person = person;
	k->line = line;
	(*nkeys)++;
	return 0;
}

static int key_cmp(const void *a, const void *b)
{
	const struct rules_key *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

static void load_staff(struct load *ld)
{
	static const char *const cols[] = {"name", "unit", "alma_ids", "aliases"};
	struct rules *r = ld->r;
	struct rules_table t;
	char key[NAMES_KEY_MAX];

	if (open_table(ld, &t, r->staff_path, cols, 4, 1) != 0) {
		ld->no_staff = 1;
		close_table(ld, &t);
		return;
	}
	while (rules_table_next(&t) > 0) {
		size_t n;
		const char *s = rules_table_cell(&t, ST_NAME, &n);
		if (!n || !names_key(s, n, key)) {
			fail(ld, t.row.line, "a person without a name");
			continue;
		}
		if (grow(ld, &r->people, r->npeople, sizeof *r->people) != 0)
			break;
		struct rules_person *p = &r->people[r->npeople];
		memset(p, 0, sizeof *p);
		r->npeople++;
		p->line = t.row.line;
		p->name = dup_n(ld, s, n);
		s = rules_table_cell(&t, ST_UNIT, &n);
		p->unit = dup_n(ld, s, n);
		s = rules_table_cell(&t, ST_IDS, &n);
		split(ld, s, n, " \t\r\n;", 1, &p->ids, &p->nids);
		s = rules_table_cell(&t, ST_ALIASES, &n);
		split(ld, s, n, ";", 0, &p->aliases, &p->naliases);
		if (!p->name || !p->unit)
			break;
		int person = (int)(r->npeople - 1);
		names_key(p->name, strlen(p->name), key);
		add_key(ld, &r->names, &r->nnames, key, person, p->line);
		if (middlenames_add(&r->reduced, p->name, person, p->line) != 0)
			fail(ld, p->line, "out of memory");
		for (size_t i = 0; i < p->naliases; i++) {
			if (!names_key(p->aliases[i], strlen(p->aliases[i]), key))
				continue;
			add_key(ld, &r->names, &r->nnames, key, person, p->line);
			if (middlenames_add(&r->reduced, p->aliases[i], person, p->line) != 0)
				fail(ld, p->line, "out of memory");
		}
		for (size_t i = 0; i < p->nids; i++) {
			/* "aadams,aadams2" is one id (Alma's ids may hold a
			 * comma), but more likely two written with a comma */
			const char *comma = strchr(p->ids[i], ',');
			if (comma) {
				diag_error(ld->path, p->line,
					   "warning: alma_ids '%s' holds a comma: read as one id (an Alma "
					   "id may hold one); two ids are separated by spaces or ';' "
					   "('%.*s %s')",
					   p->ids[i], (int)(comma - p->ids[i]), p->ids[i], comma + 1);
				r->staff_warnings++;
			}
			/* Alma's primary ids ignore case (BFISCHER is bfischer):
			 * kept in lower case, looked up without case */
			if (add_key(ld, &r->ids, &r->nids, p->ids[i], person, p->line) == 0)
				for (char *c = r->ids[r->nids - 1].key; *c; c++)
					*c = (char)tolower((unsigned char)*c);
		}
	}
	close_table(ld, &t);

	/* Two people one name or id would both match: the rules cannot say
	 * who ran a job. The same person twice (an alias equal to the name) is
	 * harmless and dropped. */
	if (r->nnames)
		qsort(r->names, r->nnames, sizeof *r->names, key_cmp);
	if (r->nids)
		qsort(r->ids, r->nids, sizeof *r->ids, key_cmp);
	middlenames_sort(&r->reduced);
	struct {
		struct rules_key *keys;
		size_t *n;
		const char *what;
	} tables[] = {{r->names, &r->nnames, "name"}, {r->ids, &r->nids, "Alma id"}};
	for (size_t k = 0; k < 2; k++) {
		struct rules_key *keys = tables[k].keys;
		size_t out = 0;
		for (size_t i = 0; i < *tables[k].n; i++) {
			if (out && strcmp(keys[out - 1].key, keys[i].key) == 0) {
				if (keys[out - 1].person != keys[i].person)
					fail(ld, keys[i].line,
					     "%s '%s' would match both '%s' (line %ld) and '%s' "
					     "(line %ld)",
					     tables[k].what, keys[i].key,
					     r->people[keys[out - 1].person].name, keys[out - 1].line,
					     r->people[keys[i].person].name, keys[i].line);
				free(keys[i].key);
				continue;
			}
			keys[out++] = keys[i];
		}
		*tables[k].n = out;
	}
}

/* ---- jobs.csv ---- */

enum { JB_JOB, JB_SCOPE, JB_TITLE, JB_DAMAGING, JB_LARGE_SET, JB_MATCH, JB_INCLUDES, JB_RECORDS };

static int parse_count(const char *s, size_t n, int64_t *out)
{
	int64_t v = 0;
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static struct pattern *compile(struct load *ld, long line, const char *what, const char *s,
			       size_t n)
{
	char msg[256];
	size_t offset;
	struct pattern *p = match_compile(s, n, msg, sizeof msg, &offset);
	if (!p)
		fail(ld, line, "%s error at offset %zu: %s", what, offset, msg);
	return p;
}

/* The literal text every name a pattern matches must begin with, if the
 * pattern says so plainly: "^Change Physical Items(?: - |$)" begins with
 * "change physical items". Only a leading ^ and plain characters count; an
 * alternative at the top level, an option setting or anything doubtful
 * gives no prefix, and the pattern is then tried on every name. *stop: the
 * rest of the pattern after the text taken. */
/* 1 when src has a | at its top level: its ^ would apply to one side only. */
static int top_level_or(const char *src)
{
	size_t depth = 0;
	for (const char *p = src; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == '[') {
			while (p[1] && p[1] != ']')
				p++;
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')' && depth)
			depth--;
		else if (*p == '|' && depth == 0)
			return 1;
	}
	return 0;
}

/* The characters every name a pattern "^(?:A...|B...)" matches must begin
 * with, when each alternative begins with a plain ASCII letter or digit
 * that must be there and the group itself must be: bit c of first[c / 8]
 * for each, lower case (names are compared lower case, and a name that
 * begins with a byte past ASCII tries every pattern). 1 when found; 0 when
 * the pattern says nothing so plainly (a class, an escape, an option, an
 * empty or optional alternative, a top-level |). */
static int first_chars(const char *src, unsigned char first[16])
{
	memset(first, 0, 16);
	if (strncmp(src, "^(?:", 4) != 0 || top_level_or(src) || strchr(src, '['))
		return 0;
	size_t depth = 0;
	int start = 1;
	for (const char *p = src + 4; *p; p++) {
		if (start) {
			char c = *p;
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ||
			    p[1] == '?' || p[1] == '*' || p[1] == '{')
				return 0;
			c = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			first[(unsigned char)c / 8] |= (unsigned char)(1u << ((unsigned char)c % 8));
			start = 0;
			continue;
		}
		if (*p == '\\') {
			if (!p[1])
				return 0;
			p++;
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')') {
			if (depth == 0) /* the group's end: it must be there */
				return p[1] != '?' && p[1] != '*' && p[1] != '{';
			depth--;
		} else if (*p == '|' && depth == 0) {
			start = 1;
		}
	}
	return 0;
}

static size_t literal_prefix(const char *src, char *out, size_t size, const char **stop)
{
	size_t n = 0;
	const char *p = src + 1;
	*stop = src;
	out[0] = '\0';
	if (src[0] != '^' || top_level_or(src))
		return 0;
	for (; *p && n + 1 < size; p++) {
		char c = *p;
		const char *next = p + 1;
		if (c == '\\' && p[1] && strchr("()[]{}.+*?|^$\\/-", p[1])) {
			c = p[1];
			next = p + 2;
		} else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			     strchr(" ,/':-_&", c))) {
			break;
		}
		if (*next == '?' || *next == '*' || *next == '{')
			break; /* this character may be absent */
		out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		if (next == p + 2)
			p++;
		if (*next == '+') {
			p = next;
			break; /* repeated: the literal ends here */
		}
	}
	out[n] = '\0';
	*stop = p;
	return n;
}

/* The direct includes of each job, as text, until every job is known. */
struct pending {
	char *includes;
};

static void load_jobs(struct load *ld, struct pending **pending)
{
	static const char *const cols[] = {"job",	"scope", "title",    "damaging",
					   "large_set", "match", "includes", "records"};
	struct rules *r = ld->r;
	struct rules_table t;

	*pending = NULL;
	if (open_table(ld, &t, r->jobs_path, cols, 8, 1) != 0 ||
	    (t.index[JB_MATCH] < 0 && (fail(ld, t.row.line, "missing column 'match'"), 1))) {
		ld->no_jobs = 1;
		close_table(ld, &t);
		return;
	}
	while (rules_table_next(&t) > 0) {
		size_t n;
		const char *s = rules_table_cell(&t, JB_JOB, &n);
		long line = t.row.line;
		if (!n) {
			fail(ld, line, "a job without an id");
			continue;
		}
		char *id = dup_n(ld, s, n);
		if (!id)
			break;
		if (rules_job_by_id(r, id) >= 0) {
			fail(ld, line, "job '%s' is defined twice (first at line %ld)", id,
			     r->jobs[rules_job_by_id(r, id)].line);
			free(id);
			continue;
		}
		if (grow(ld, &r->jobs, r->njobs, sizeof *r->jobs) != 0 ||
		    grow(ld, pending, r->njobs, sizeof **pending) != 0) {
			free(id);
			break;
		}
		struct rules_job *j = &r->jobs[r->njobs];
		memset(j, 0, sizeof *j);
		(*pending)[r->njobs].includes = NULL;
		r->njobs++;
		j->id = id;
		j->line = line;
		s = rules_table_cell(&t, JB_SCOPE, &n);
		j->scope = dup_n(ld, s, n);
		s = rules_table_cell(&t, JB_TITLE, &n);
		j->title = dup_n(ld, s, n);

		s = rules_table_cell(&t, JB_DAMAGING, &n);
		if (n == 3 && strncasecmp(s, "yes", 3) == 0)
			j->damaging = 1;
		else if (n && !(n == 2 && strncasecmp(s, "no", 2) == 0))
			fail(ld, line, "damaging must be yes, no or empty, not '%.*s'", (int)n, s);

		j->large_set = -1;
		s = rules_table_cell(&t, JB_LARGE_SET, &n);
		if (n && parse_count(s, n, &j->large_set) != 0)
			fail(ld, line, "large_set must be a record count or empty, not '%.*s'",
			     (int)n, s);

		s = rules_table_cell(&t, JB_MATCH, &n);
		j->match_src = dup_n(ld, s, n);
		if (!n)
			fail(ld, line, "job '%s' has no match pattern", id);
		else
			j->match = compile(ld, line, "pattern", s, n);
		if (j->match_src && j->match) {
			const char *rest;
			j->prefix_len = literal_prefix(j->match_src, j->prefix, sizeof j->prefix, &rest);
			/* "^Change Physical Items(?: - |$)": decided without the pattern */
			j->prefix_whole = j->prefix_len && strcmp(rest, "(?: - |$)") == 0;
			if (!j->prefix_len)
				j->has_first = first_chars(j->match_src, j->first);
		}

		s = rules_table_cell(&t, JB_INCLUDES, &n);
		(*pending)[r->njobs - 1].includes = dup_n(ld, s, n);

		/* the counter of the API's JSON that gives the record count */
		s = rules_table_cell(&t, JB_RECORDS, &n);
		if (n) {
			j->records_src = dup_n(ld, s, n);
			j->records = compile(ld, line, "records pattern", s, n);
		}
	}
	close_table(ld, &t);
}

/* Resolves includes, rejects cycles, and closes them transitively. */
static void close_includes(struct load *ld, struct pending *pending)
{
	struct rules *r = ld->r;
	size_t nj = r->njobs;

	ld->path = r->jobs_path;
	for (size_t k = 0; k < nj; k++) {
		char **parts;
		size_t count;
		const char *text = pending[k].includes ? pending[k].includes : "";
		if (split(ld, text, strlen(text), " \t", 0, &parts, &count) != 0)
			return;
		r->jobs[k].includes = calloc(count ? count : 1, sizeof *r->jobs[k].includes);
		for (size_t i = 0; i < count; i++) {
			int j = rules_job_by_id(r, parts[i]);
			if (j < 0)
				fail(ld, r->jobs[k].line, "job '%s' includes unknown job '%s'",
				     r->jobs[k].id, parts[i]);
			else if (r->jobs[k].includes)
				r->jobs[k].includes[r->jobs[k].nincludes++] = j;
			free(parts[i]);
		}
		free(parts);
	}

	/* Depth-first search from each job: a job met again on the current
	 * path is a cycle. */
	r->grants = calloc(nj ? nj * nj : 1, 1);
	int *stack = malloc((nj + 1) * sizeof *stack);
	size_t *next = malloc((nj + 1) * sizeof *next);
	char *on_path = calloc(nj ? nj : 1, 1);
	char *cycle_reported = calloc(nj ? nj : 1, 1);
	if (!r->grants || !stack || !next || !on_path || !cycle_reported) {
		fail(ld, 0, "out of memory");
		goto out;
	}
	for (size_t root = 0; root < nj; root++) {
		size_t depth = 0;
		stack[0] = (int)root;
		next[0] = 0;
		on_path[root] = 1;
		r->grants[root * nj + root] = 1;
		while (1) {
			int k = stack[depth];
			if (next[depth] == r->jobs[k].nincludes) {
				on_path[k] = 0;
				if (depth == 0)
					break;
				depth--;
				continue;
			}
			int j = r->jobs[k].includes[next[depth]++];
			if (on_path[j]) {
				if (!cycle_reported[j]) {
					char path[1024];
					size_t used = 0, from = 0;
					while (stack[from] != j)
						from++;
					for (size_t i = from; i <= depth && used < sizeof path; i++)
						used += (size_t)snprintf(path + used, sizeof path - used,
									 "%s -> ", r->jobs[stack[i]].id);
					if (used < sizeof path)
						snprintf(path + used, sizeof path - used, "%s",
							 r->jobs[j].id);
					fail(ld, r->jobs[j].line, "includes cycle: %s", path);
					for (size_t i = from; i <= depth; i++)
						cycle_reported[stack[i]] = 1;
				}
				continue;
			}
			if (r->grants[root * nj + (size_t)j])
				continue;
			r->grants[root * nj + (size_t)j] = 1;
			stack[++depth] = j;
			next[depth] = 0;
			on_path[j] = 1;
		}
	}
out:
	free(stack);
	free(next);
	free(on_path);
	free(cycle_reported);
}

/* ---- approvals.csv ---- */

enum { AP_JOB, AP_STAFF, AP_SIGNED_OFF, AP_REVOKED, AP_SETS, AP_TICKET, AP_NOTE };

static int parse_day(struct load *ld, long line, const char *what, const char *s, size_t n,
		     int64_t *out)
{
	int y, m, d;
	*out = RULES_NO_DATE;
	if (!n)
		return 0;
	if (times_parse_date(s, n, &y, &m, &d) != 0) {
		fail(ld, line, "%s '%.*s' is not a date (want YYYY-MM-DD%s)", what, (int)n, s,
		     strcmp(what, "revoked") ? "" : ", or " RULES_UNDATED_WORD);
		return -1;
	}
	*out = times_days_from_civil(y, m, d);
	return 0;
}


static void load_approvals(struct load *ld)
{
	static const char *const cols[] = {"job",  "staff",  "signed_off", "revoked",
					   "sets", "ticket", "note"};
	struct rules *r = ld->r;
	struct rules_table t;
	char key[NAMES_KEY_MAX];

	if (open_table(ld, &t, r->approvals_path, cols, 7, 2) != 0) {
		close_table(ld, &t);
		return;
	}
	while (rules_table_next(&t) > 0) {
		size_t n;
		long line = t.row.line;
		const char *s = rules_table_cell(&t, AP_JOB, &n);
		char id[256];
		snprintf(id, sizeof id, "%.*s", (int)n, s);
		int job = rules_job_by_id(r, id);
		if (job < 0 && !ld->no_jobs) {
			const char *near = rules_nearest_job(r, id);
			if (near)
				fail(ld, line, "unknown job '%s' (did you mean '%s'?)", id, near);
			else
				fail(ld, line, "unknown job '%s' (not in %s)", id, r->jobs_path);
		}
		s = rules_table_cell(&t, AP_STAFF, &n);
		names_key(s, n, key);
		int person = rules_person_by_key(r, key);
		if (person < 0 && !ld->no_staff) {
			const char *near = rules_nearest_person_key(r, key);
			if (near)
				fail(ld, line, "unknown person '%.*s' (did you mean '%s'?)", (int)n, s,
				     near);
			else
				fail(ld, line, "unknown person '%.*s' (not in %s)", (int)n, s,
				     r->staff_path);
		}
		int64_t signed_off, revoked;
		const char *so = rules_table_cell(&t, AP_SIGNED_OFF, &n);
		int bad = parse_day(ld, line, "signed_off", so, n, &signed_off);
		const char *rv = rules_table_cell(&t, AP_REVOKED, &n);
		if (n == strlen(RULES_UNDATED_WORD) && strncasecmp(rv, RULES_UNDATED_WORD, n) == 0)
			revoked = RULES_UNDATED; /* revoked, the date not recorded */
		else
			bad |= parse_day(ld, line, "revoked", rv, n, &revoked);
		if (!bad && signed_off != RULES_NO_DATE && revoked != RULES_NO_DATE &&
		    revoked != RULES_UNDATED && revoked <= signed_off)
			fail(ld, line, "revoked on or before it was signed off");

		size_t sn;
		const char *sets = rules_table_cell(&t, AP_SETS, &sn);
		struct pattern *sets_pattern = sn ? compile(ld, line, "sets pattern", sets, sn) : NULL;
		if (job < 0 || person < 0 || bad || (sn && !sets_pattern)) {
			match_free(sets_pattern);
			continue;
		}
		if (grow(ld, &r->approvals, r->napprovals, sizeof *r->approvals) != 0) {
			match_free(sets_pattern);
			break;
		}
		struct rules_approval *a = &r->approvals[r->napprovals++];
		memset(a, 0, sizeof *a);
		a->job = job;
		a->person = person;
		a->signed_off = signed_off;
		a->revoked = revoked;
		a->line = line;
		a->sets = sets_pattern;
		a->sets_src = sn ? dup_n(ld, sets, sn) : NULL;
		s = rules_table_cell(&t, AP_STAFF, &n);
		a->staff = dup_n(ld, s, n);
		s = rules_table_cell(&t, AP_TICKET, &n);
		a->ticket = dup_n(ld, s, n);
		s = rules_table_cell(&t, AP_NOTE, &n);
		a->note = dup_n(ld, s, n);
	}
	close_table(ld, &t);
}

/* ---- indexes, built once the rules load ---- */

static const struct rules *sorting; /* qsort has no context argument */

static int job_id_cmp(const void *a, const void *b)
{
	return strcmp(sorting->jobs[*(const int *)a].id, sorting->jobs[*(const int *)b].id);
}

/* Approvals grouped by person; the jobs each job's approval grants, as
 * lists; job ids sorted. 0, or -1 out of memory. */
static int build_indexes(struct rules *r)
{
	size_t nj = r->njobs, ngranted = 0;
	/* patterns of plain spaces and hyphens: a name may be made plain to
	 * meet them (rules_job_for_name) */
	r->plain_patterns = 1;
	for (size_t i = 0; i < nj; i++)
		if (r->jobs[i].match_src && !rules_name_plain(r->jobs[i].match_src))
			r->plain_patterns = 0;
	r->person_first = calloc(r->npeople + 1, sizeof *r->person_first);
	r->by_person = malloc((r->napprovals ? r->napprovals : 1) * sizeof *r->by_person);
	size_t *fill = calloc(r->npeople + 1, sizeof *fill);
	r->granted_first = calloc(nj + 1, sizeof *r->granted_first);
	r->job_order = malloc((nj ? nj : 1) * sizeof *r->job_order);
	r->first_at = calloc(129, sizeof *r->first_at);
	r->by_first = malloc((nj ? 128 * nj : 1) * sizeof *r->by_first);
	int ok = r->person_first && r->by_person && fill && r->granted_first && r->job_order &&
		 r->first_at && r->by_first;
	if (ok) {
		for (size_t i = 0; i < r->napprovals; i++)
			r->person_first[r->approvals[i].person + 1]++;
		for (size_t p = 0; p < r->npeople; p++)
			r->person_first[p + 1] += r->person_first[p];
		for (size_t i = 0; i < r->napprovals; i++) {
			size_t p = (size_t)r->approvals[i].person;
			r->by_person[r->person_first[p] + fill[p]++] = i;
		}
		for (size_t k = 0; k < nj; k++)
			for (size_t j = 0; j < nj; j++)
				ngranted += r->grants[k * nj + j];
		r->granted = malloc((ngranted ? ngranted : 1) * sizeof *r->granted);
		ok = r->granted != NULL;
	}
	if (ok) {
		size_t at = 0;
		for (size_t k = 0; k < nj; k++) {
			r->granted_first[k] = at;
			for (size_t j = 0; j < nj; j++)
				if (r->grants[k * nj + j])
					r->granted[at++] = (int)j;
		}
		r->granted_first[nj] = at;
		for (size_t j = 0; j < nj; j++)
			r->job_order[j] = (int)j;
		sorting = r;
		if (nj)
			qsort(r->job_order, nj, sizeof *r->job_order, job_id_cmp);
		/* the jobs a name may match by its first byte: those whose
		 * prefix or first characters allow it, and those that say
		 * nothing of it */
		at = 0;
		for (size_t c = 0; c < 128; c++) {
			r->first_at[c] = at;
			for (size_t j = 0; j < nj; j++) {
				const struct rules_job *jb = &r->jobs[j];
				if (jb->prefix_len ? (unsigned char)jb->prefix[0] == c
				    : jb->has_first ? (jb->first[c / 8] >> (c % 8)) & 1u
						    : 1)
					r->by_first[at++] = (int)j;
			}
		}
		r->first_at[128] = at;
	} else {
		/* rules_job_by_id searches linearly without it */
		free(r->job_order);
		r->job_order = NULL;
	}
	free(fill);
	return ok ? 0 : -1;
}

/* ---- the whole ---- */

struct rules *matrix_load(const char *dir)
{
	return matrix_load_with(dir, NULL);
}

struct rules *matrix_load_with(const char *dir, const char *waivers_file)
{
	struct rules *r = calloc(1, sizeof *r);
	struct load ld = {.r = r};
	struct pending *pending = NULL;

	if (!r || !(r->dir = strdup(dir)) || !(r->jobs_path = rules_path_join(dir, "jobs.csv")) ||
	    !(r->staff_path = rules_path_join(dir, "staff.csv")) ||
	    !(r->approvals_path = rules_path_join(dir, "approvals.csv"))) {
		diag_error(dir, 0, "out of memory");
		matrix_free(r);
		return NULL;
	}
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_error(dir, 0, "no rules directory here (%s)",
			   stat(dir, &st) != 0 ? strerror(errno) : "not a directory");
		matrix_free(r);
		return NULL;
	}
	reader_set_rules(1); /* a compressed rules file: say to write it out plain */
	load_staff(&ld);
	load_jobs(&ld, &pending);
	close_includes(&ld, pending);
	for (size_t i = 0; i < r->njobs; i++)
		free(pending[i].includes);
	free(pending);
	load_approvals(&ld);
	/* units.csv is optional too; read when it is there */
	if (units_load(r) != 0)
		ld.errors++;
	/* waivers.csv is optional; read when the rules it names have loaded */
	char *waivers = waivers_file ? strdup(waivers_file) : rules_path_join(dir, WAIVERS_FILE);
	if (!waivers) {
		diag_error(dir, 0, "out of memory");
		ld.errors++;
	} else if (!ld.errors && (waivers_file || access(waivers, F_OK) == 0) &&
		   !(r->waivers = waivers_load(waivers, r))) {
		ld.errors++;
	}
	free(waivers);
	reader_set_rules(0);
	if (!ld.errors && build_indexes(r) != 0) {
		diag_error(dir, 0, "out of memory");
		ld.errors++;
	}
	if (ld.errors) {
		matrix_free(r);
		return NULL;
	}
	return r;
}

void matrix_free(struct rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->njobs; i++) {
		struct rules_job *j = &r->jobs[i];
		free(j->id);
		free(j->scope);
		free(j->title);
		free(j->match_src);
		match_free(j->match);
		free(j->records_src);
		match_free(j->records);
		free(j->includes);
	}
	for (size_t i = 0; i < r->npeople; i++) {
		struct rules_person *p = &r->people[i];
		free(p->name);
		free(p->unit);
		for (size_t k = 0; k < p->nids; k++)
			free(p->ids[k]);
		for (size_t k = 0; k < p->naliases; k++)
			free(p->aliases[k]);
		free(p->ids);
		free(p->aliases);
	}
	for (size_t i = 0; i < r->napprovals; i++) {
		struct rules_approval *a = &r->approvals[i];
		free(a->staff);
		free(a->sets_src);
		match_free(a->sets);
		free(a->ticket);
		free(a->note);
	}
	for (size_t i = 0; i < r->nnames; i++)
		free(r->names[i].key);
	for (size_t i = 0; i < r->nids; i++)
		free(r->ids[i].key);
	free(r->names);
	free(r->ids);
	middlenames_free(&r->reduced);
	free(r->jobs);
	free(r->people);
	free(r->approvals);
	free(r->grants);
	free(r->by_person);
	free(r->person_first);
	free(r->granted);
	free(r->granted_first);
	free(r->job_order);
	free(r->first_at);
	free(r->by_first);
	free(r->dir);
	free(r->jobs_path);
	free(r->staff_path);
	free(r->approvals_path);
	units_free(r->units);
	waivers_free(r->waivers);
	free(r);
}
