#include "baseline_json.h"

#include "diag.h"
#include "jsonrd.h"
#include "run.h"
#include "term.h"
#include "times.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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
static int want_string(struct jsonrd *j, const char *what)
{
	if (jsonrd_peek(j) != '"')
		return jsonrd_fail(j, "%s: \"%s\" is not a string", not_report, what);
	return jsonrd_string(j);
}

static int want_count(struct jsonrd *j, const char *what, size_t *out)
{
	int64_t n;
	int is_int;
	int c = jsonrd_peek(j);
	if (!(c == '-' || (c >= '0' && c <= '9')))
		return jsonrd_fail(j, "%s: \"%s\" is not a number", not_report, what);
	if (jsonrd_number(j, &n, &is_int) != 0)
		return -1;
	if (!is_int || n < 0)
		return jsonrd_fail(j, "%s: \"%s\" is not a count", not_report, what);
	*out = (size_t)n;
	return 0;
}

/* A day of report.period: "YYYY-MM-DD", or null (open). */
static int want_day(struct jsonrd *j, const char *what, int64_t *out)
{
	int y, m, d;
	if (jsonrd_peek(j) == 'n') {
		*out = TIME_NONE;
		return jsonrd_literal(j, "null");
	}
	if (want_string(j, what) != 0)
		return -1;
	if (j->len != 10 || times_parse_date(j->buf, j->len, &y, &m, &d) != 0)
		return jsonrd_fail(j, "%s: report.period.%s is not a date (YYYY-MM-DD)", not_report, what);
	*out = times_days_from_civil(y, m, d);
	return 0;
}

static int period_member(struct jsonrd *j, const char *key, void *ctx)
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
	return jsonrd_skip(j);
}

static int rules_member(struct jsonrd *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "jobs"))
		return r->njobs = 1, want_count(j, "jobs", &r->b->njobs);
	if (!strcmp(key, "people"))
		return r->npeople = 1, want_count(j, "people", &r->b->npeople);
	if (!strcmp(key, "approvals"))
		return r->napprovals = 1, want_count(j, "approvals", &r->b->napprovals);
	return jsonrd_skip(j);
}

static int report_member(struct jsonrd *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "period")) {
		r->period = 1;
		if (jsonrd_peek(j) != '{')
			return jsonrd_fail(j, "%s: \"period\" is not an object", not_report);
		return jsonrd_object(j, period_member, r);
	}
	if (!strcmp(key, "rules")) {
		r->rules_seen = 1;
		if (jsonrd_peek(j) != '{')
			return jsonrd_fail(j, "%s: \"rules\" is not an object", not_report);
		return jsonrd_object(j, rules_member, r);
	}
	return jsonrd_skip(j);
}

static int covered_member(struct jsonrd *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "covered") && jsonrd_peek(j) == 'f') {
		r->b->uncovered = r->b->incomplete = 1;
		return jsonrd_literal(j, "false");
	}
	return jsonrd_skip(j);
}

/* summary.unit: the report of one unit (audit --split unit) */
static int unit_member(struct jsonrd *j, const char *key, void *ctx)
{
	(void)ctx;
	if (!strcmp(key, "code") && jsonrd_peek(j) == '"') {
		if (jsonrd_string(j) != 0)
			return -1;
		return jsonrd_fail(j,
				   "the report of unit %.40s (audit --split unit), not the whole "
				   "report: the other units' findings would all count as new; give "
				   "the whole report (all.json beside it)",
				   j->buf);
	}
	return jsonrd_skip(j);
}

static int summary_member(struct jsonrd *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "unit") && jsonrd_peek(j) == '{')
		return jsonrd_object(j, unit_member, r);
	if (!strcmp(key, "period_covered") && jsonrd_peek(j) == '{')
		return jsonrd_object(j, covered_member, r);
	if (!strcmp(key, "complete")) {
		int c = jsonrd_peek(j);
		if (c != 't' && c != 'f')
			return jsonrd_fail(j, "%s: summary.complete is not true or false", not_report);
		r->b->incomplete = c == 'f';
		return jsonrd_literal(j, c == 't' ? "true" : "false");
	}
	if (!strcmp(key, "hidden_by_filters")) {
		size_t n;
		if (want_count(j, key, &n) != 0)
			return -1;
		r->b->hidden = n;
		return 0;
	}
	return jsonrd_skip(j);
}

static int finding_member(struct jsonrd *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	if (!strcmp(key, "records")) {
		int64_t n;
		int is_int;
		int c = jsonrd_peek(j);
		if (c == 'n') {
			r->records = -1;
			return jsonrd_literal(j, "null");
		}
		if (!(c == '-' || (c >= '0' && c <= '9')))
			return jsonrd_fail(j, "%s: \"records\" is not a number", not_report);
		if (jsonrd_number(j, &n, &is_int) != 0)
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
				return jsonrd_fail(j, "out of memory");
			r->field[i] = grown;
			r->cap[i] = j->len + 1;
		}
		memcpy(r->field[i], j->buf, j->len + 1);
		r->have[i] = 1;
		return 0;
	}
	return jsonrd_skip(j);
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

static int finding_element(struct jsonrd *j, void *ctx)
{
	struct reading *r = ctx;
	struct baseline *b = r->b;
	r->line = j->line;
	if (jsonrd_peek(j) != '{')
		return jsonrd_fail(j, "%s: a finding is not an object", not_report);
	memset(r->have, 0, sizeof r->have);
	for (int i = 0; i < F_NFIELDS; i++)
		if (r->field[i])
			r->field[i][0] = '\0';
	r->records = -1;
	long at = j->line;
	if (jsonrd_object(j, finding_member, r) != 0)
		return -1;
	for (int i = 0; i < F_NFIELDS; i++) {
		if (field_required[i] && !r->have[i]) {
			j->line = at;
			return jsonrd_fail(j, "%s: a finding without \"%s\"", not_report, field_names[i]);
		}
		if (!r->field[i]) {
			r->field[i] = calloc(1, 1);
			if (!r->field[i])
				return jsonrd_fail(j, "out of memory");
			r->cap[i] = 1;
		}
	}
	char **v = r->field;
	int k = finding_parse(v[F_FINDING]);
	if (k < 0) {
		j->line = at;
		return jsonrd_fail(j, "%s: unknown finding kind '%.40s'", not_report, v[F_FINDING]);
	}
	b->findings++;
	if (filtered_out(r, (enum finding_kind)k)) {
		b->filtered++;
		return 0;
	}
	struct baseline_finding f = {(enum finding_kind)k, v[F_STAFF], v[F_USER],
				     v[F_USER_NAME], v[F_JOB], v[F_JOB_NAME]};
	if (baseline_add(b, &f, v[F_UNIT], r->rules) != 0)
		return jsonrd_fail(j, "out of memory");
	return 0;
}

static int top_member(struct jsonrd *j, const char *key, void *ctx)
{
	struct reading *r = ctx;
	int c = jsonrd_peek(j);
	if (!strcmp(key, "report")) {
		r->report = 1;
		if (c != '{')
			return jsonrd_fail(j, "%s: \"report\" is not an object", not_report);
		return jsonrd_object(j, report_member, r);
	}
	if (!strcmp(key, "findings")) {
		r->findings = 1;
		if (c != '[')
			return jsonrd_fail(j, "%s: \"findings\" is not an array", not_report);
		return jsonrd_array(j, finding_element, r);
	}
	if (!strcmp(key, "runs"))
		return jsonrd_fail(j, "a run listing (almaudit runs), not an audit report: give an "
				      "'almaudit audit --format json' report");
	if (!strcmp(key, "summary")) {
		r->summary = 1;
		if (c != '{')
			return jsonrd_fail(j, "%s: \"summary\" is not an object", not_report);
		return jsonrd_object(j, summary_member, r);
	}
	return jsonrd_skip(j);
}
int baseline_json_read(struct baseline *b, FILE *in, const char *name, const struct rules *rules,
		       const struct filter *filter)
{
	struct jsonrd j;
	struct reading r;
	memset(&r, 0, sizeof r);
	r.b = b;
	r.rules = rules;
	r.filter = filter;
	int status = -1;

	jsonrd_init(&j, in, name, "an almaudit report");
	if (!b->path && !(b->path = strdup(name))) {
		diag_error(name, 0, "out of memory");
		return -1;
	}
	int c = jsonrd_peek(&j);
	if (c == EOF) {
		if (ferror(in))
			jsonrd_eof(&j, "");
		else
			jsonrd_fail(&j, "empty: %s (from almaudit audit --format json)", not_report);
		goto done;
	}
	if (c != '{') {
		jsonrd_fail(&j, "%s: it does not begin with '{'", not_report);
		goto done;
	}
	if (jsonrd_object(&j, top_member, &r) != 0)
		goto done;
	long end = j.line; /* where the document ends */
	if ((c = jsonrd_peek(&j)) != EOF) {
		jsonrd_fail(&j, "invalid JSON: more after the end of the document");
		goto done;
	}
	if (ferror(in)) {
		jsonrd_eof(&j, "");
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
		jsonrd_fail(&j, "%s: it has no %s", not_report, missing);
		goto done;
	}
	status = 0;
done:
	for (int i = 0; i < F_NFIELDS; i++)
		free(r.field[i]);
	jsonrd_free(&j);
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
	term_watch(path, fileno(in)); /* a progress line on a terminal for a long read */
	int status = baseline_json_read(b, in, path, rules, filter);
	term_unwatch(fileno(in));
	fclose(in);
	return status;
}

