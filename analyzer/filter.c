#include "filter.h"

#include "diag.h"
#include "names.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void filter_init(struct filter *f)
{
	memset(f, 0, sizeof *f);
	f->min_records = -1;
}

void filter_free(struct filter *f)
{
	for (int o = 0; o < FILTER_OPTS; o++) {
		for (size_t i = 0; i < f->count[o]; i++) {
			free(f->values[o][i].text);
			match_free(f->values[o][i].pattern);
		}
		free(f->values[o]);
	}
	filter_init(f);
}

static struct pattern *compile(const char *opt, const char *arg)
{
	char msg[256];
	size_t offset;
	struct pattern *p = match_compile(arg, strlen(arg), msg, sizeof msg, &offset);
	if (!p)
		diag_error(NULL, 0, "%s '%s': pattern error at offset %zu: %s", opt, arg, offset, msg);
	return p;
}

int filter_add(struct filter *f, enum filter_opt opt, const char *arg)
{
	struct filter_value v = {.index = -1};
	char buf[64];

	switch (opt) {
	case FILTER_FINDING: {
		int k = finding_parse(arg);
		if (k < 0) {
			diag_error(NULL, 0, "--finding wants unapproved, no-signoff, "
					    "damaging-large-set or unlisted-job, not '%s'", arg);
			return -1;
		}
		f->findings |= 1u << k;
		break;
	}
	case FILTER_MIN_RECORDS: {
		char *end;
		errno = 0;
		long long n = strtoll(arg, &end, 10);
		if (errno || end == arg || *end || n < 0) {
			diag_error(NULL, 0, "--min-records wants a count of records, not '%s'", arg);
			return -1;
		}
		f->min_records = n;
		break;
	}
	case FILTER_GREP:
		if (!(v.pattern = compile("--grep", arg)))
			return -1;
		break;
	case FILTER_ID: {
		char *end;
		errno = 0;
		unsigned long long id = strtoull(arg, &end, 10);
		if (errno || end == arg || *end || arg[0] == '-') {
			diag_error(NULL, 0, "--id wants a run id (a number), not '%s'", arg);
			return -1;
		}
		v.id = id;
		break;
	}
	case FILTER_STATUS:
		snprintf(v.key, sizeof v.key, "%s", run_status_code(arg, strlen(arg), buf, sizeof buf));
		break;
	case FILTER_USER:
		names_key(arg, strlen(arg), v.key);
		break;
	default:
		break;
	}
	v.text = strdup(arg);
	struct filter_value *grown = realloc(f->values[opt], (f->count[opt] + 1) * sizeof *grown);
	if (!v.text || !grown) {
		free(v.text);
		match_free(v.pattern);
		if (grown)
			f->values[opt] = grown;
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	f->values[opt] = grown;
	f->values[opt][f->count[opt]++] = v;
	return 0;
}

void filter_resolve(struct filter *f, const struct rules *rules)
{
	for (size_t i = 0; i < f->count[FILTER_JOB]; i++) {
		struct filter_value *v = &f->values[FILTER_JOB][i];
		v->index = rules ? rules_job_by_id(rules, v->text) : -1;
		if (v->index < 0 && !v->pattern)
			v->pattern = compile("--job", v->text);
	}
	for (size_t i = 0; i < f->count[FILTER_USER]; i++) {
		struct filter_value *v = &f->values[FILTER_USER][i];
		v->index = rules ? rules_person_by_text(rules, v->text) : -1;
	}
}

static int any_job(const struct filter *f, const struct run *run, const struct verdict *v)
{
	for (size_t i = 0; i < f->count[FILTER_JOB]; i++) {
		const struct filter_value *fv = &f->values[FILTER_JOB][i];
		if (fv->index >= 0) {
			if (v && v->job == fv->index)
				return 1;
		} else if (fv->pattern) {
			int m = match_run(fv->pattern, run->name, strlen(run->name));
			if (m)
				return m;
		}
	}
	return 0;
}

static int any_user(const struct filter *f, const struct run *run, const struct verdict *v)
{
	char key[NAMES_KEY_MAX];
	names_key(run->user_name, strlen(run->user_name), key);
	for (size_t i = 0; i < f->count[FILTER_USER]; i++) {
		const struct filter_value *fv = &f->values[FILTER_USER][i];
		if (fv->index >= 0 && v && v->person == fv->index)
			return 1;
		if (strcasecmp(run->user, fv->text) == 0 || (fv->key[0] && !strcmp(key, fv->key)))
			return 1;
	}
	return 0;
}

static int any_unit(const struct filter *f, const struct rules *rules, const struct verdict *v)
{
	const char *unit = rules && v && v->person >= 0 ? rules->people[v->person].unit : "";
	for (size_t i = 0; i < f->count[FILTER_UNIT]; i++)
		if (strcasecmp(unit, f->values[FILTER_UNIT][i].text) == 0)
			return 1;
	return 0;
}

static int any_status(const struct filter *f, const struct run *run)
{
	for (size_t i = 0; i < f->count[FILTER_STATUS]; i++)
		if (strcmp(run->status, f->values[FILTER_STATUS][i].key) == 0)
			return 1;
	return 0;
}

static int grep_all(const struct filter *f, const struct run *run)
{
	char id[24];
	snprintf(id, sizeof id, "%" PRIu64, run->id);
	const char *fields[] = {id,	   run->job_id,	   run->name,	  run->category,
				run->user, run->user_name, run->status, run->set_name};
	for (size_t i = 0; i < f->count[FILTER_GREP]; i++) {
		const struct pattern *p = f->values[FILTER_GREP][i].pattern;
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
			int hit = match_run(p, fields[k], strlen(fields[k]));
			if (hit)
				return hit;
		}
	}
	return 0;
}

static int any_id(const struct filter *f, const struct run *run)
{
	for (size_t i = 0; i < f->count[FILTER_ID]; i++)
		if (f->values[FILTER_ID][i].id == run->id)
			return 1;
	return 0;
}

int filter_match(const struct filter *f, const struct rules *rules, const struct run *run,
		 const struct verdict *v)
{
	int m;
	if (f->count[FILTER_ID] && !any_id(f, run))
		return 0;
	if (f->count[FILTER_JOB] && (m = any_job(f, run, v)) != 1)
		return m;
	if (f->count[FILTER_USER] && !any_user(f, run, v))
		return 0;
	if (f->count[FILTER_UNIT] && !any_unit(f, rules, v))
		return 0;
	if (f->findings && !(v && (v->findings & f->findings)))
		return 0;
	if (f->min_records >= 0 && run->records < f->min_records)
		return 0;
	if (f->count[FILTER_STATUS] && !any_status(f, run))
		return 0;
	if (f->count[FILTER_GREP])
		return grep_all(f, run);
	return 1;
}
