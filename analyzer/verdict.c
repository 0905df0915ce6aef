#include "verdict.h"

#include "hmap.h"
#include "names.h"
#include "times.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct judge {
	const struct rules *rules;
	int64_t large_set;
	struct hmap evidence; /* job and person -> earliest sandbox run */
	struct hmap seen;     /* ids of runs with findings */
};

static const char *const kind_names[FIND_COUNT] = {
	[FIND_UNAPPROVED] = "unapproved",
	[FIND_NO_SIGNOFF] = "no-signoff",
	[FIND_DAMAGING_LARGE_SET] = "damaging-large-set",
	[FIND_UNLISTED_JOB] = "unlisted-job",
};

const char *finding_name(enum finding_kind k)
{
	return kind_names[k];
}

int finding_parse(const char *s)
{
	for (int k = 0; k < FIND_COUNT; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return k;
	return -1;
}

struct judge *judge_new(const struct rules *rules, int64_t large_set)
{
	struct judge *j = calloc(1, sizeof *j);
	if (!j)
		return NULL;
	j->rules = rules;
	j->large_set = large_set;
	hmap_init(&j->evidence);
	hmap_init(&j->seen);
	return j;
}

void judge_free(struct judge *j)
{
	if (!j)
		return;
	hmap_free(&j->evidence);
	hmap_free(&j->seen);
	free(j);
}

/* The evidence key of a job and a person: the staff.csv person when known,
 * else the Alma id, else the name. */
static size_t evidence_key(char *buf, size_t size, int job, int person, const struct run *run)
{
	int n;
	if (person >= 0)
		n = snprintf(buf, size, "%d|p%d", job, person);
	else if (run->user[0])
		n = snprintf(buf, size, "%d|u%s", job, run->user);
	else {
		char key[NAMES_KEY_MAX];
		names_key(run->user_name, strlen(run->user_name), key);
		n = snprintf(buf, size, "%d|n%s", job, key);
	}
	return n < 0 ? 0 : (size_t)n >= size ? size - 1 : (size_t)n;
}

int judge_evidence(struct judge *j, const struct run *run)
{
	int job = rules_job_for_name(j->rules, run->name, strlen(run->name));
	if (job == -2)
		return -1;
	if (job < 0)
		return 0;
	int by_id, added;
	int person = rules_person_for(j->rules, run->user, run->user_name, &by_id);
	char key[256];
	size_t len = evidence_key(key, sizeof key, job, person, run);
	int64_t *earliest = hmap_put(&j->evidence, key, len, run->time, &added);
	if (earliest && run->time < *earliest)
		*earliest = run->time;
	return 0;
}

static void day_text(char *buf, size_t size, int64_t day)
{
	int y, m, d;
	times_civil_from_days(day, &y, &m, &d);
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

static const char *rules_file(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int judge_run(struct judge *j, const struct run *run, struct verdict *v)
{
	const struct rules *r = j->rules;
	char when[32];

	memset(v, 0, sizeof *v);
	v->job = v->person = v->approval = v->later = v->revoked = -1;
	v->sandbox = TIME_NONE;
	v->large_set = j->large_set;
	v->person = rules_person_for(r, run->user, run->user_name, &v->by_id);
	int job = rules_job_for_name(r, run->name, strlen(run->name));
	if (job == -2)
		return -1;
	if (job < 0) {
		v->findings |= 1u << FIND_UNLISTED_JOB;
		snprintf(v->detail[FIND_UNLISTED_JOB], sizeof v->detail[0],
			 "no pattern in %s matches the job name", rules_file(r->jobs_path));
		goto seen;
	}
	v->job = job;
	const struct rules_job *jb = &r->jobs[job];
	int64_t day = times_local_day(run->time);
	int sets_missed = -1;

	for (size_t i = 0; v->person >= 0 && i < r->napprovals; i++) {
		const struct rules_approval *a = &r->approvals[i];
		if (a->person != v->person || !rules_grants(r, a->job, job))
			continue;
		if (a->signed_off != RULES_NO_DATE && a->signed_off > day) {
			v->later = (int)i;
			continue;
		}
		if (a->revoked != RULES_NO_DATE && a->revoked <= day) {
			v->revoked = (int)i;
			continue;
		}
		int holds = rules_approval_holds(a, day, run->set_name);
		if (holds < 0)
			return -1;
		if (holds) {
			v->approval = (int)i;
			break;
		}
		sets_missed = (int)i;
	}

	if (v->approval < 0) {
		char key[256];
		size_t len = evidence_key(key, sizeof key, job, v->person, run);
		int64_t *earliest = hmap_get(&j->evidence, key, len);
		if (earliest && *earliest < run->time)
			v->sandbox = *earliest;
		if (v->later >= 0) {
			const struct rules_approval *a = &r->approvals[v->later];
			char signed_off[16];
			day_text(signed_off, sizeof signed_off, a->signed_off);
			v->findings |= 1u << FIND_NO_SIGNOFF;
			snprintf(v->detail[FIND_NO_SIGNOFF], sizeof v->detail[0],
				 "ran before sign-off on %s (%s:%ld)", signed_off,
				 rules_file(r->approvals_path), a->line);
		} else if (v->sandbox != TIME_NONE) {
			times_format_local(v->sandbox, when, sizeof when);
			v->findings |= 1u << FIND_NO_SIGNOFF;
			snprintf(v->detail[FIND_NO_SIGNOFF], sizeof v->detail[0],
				 "tested in sandbox %s, never signed off for %s", when, jb->id);
		} else {
			v->findings |= 1u << FIND_UNAPPROVED;
			char *d = v->detail[FIND_UNAPPROVED];
			size_t size = sizeof v->detail[0];
			if (v->person < 0) {
				snprintf(d, size, "not in %s", rules_file(r->staff_path));
			} else if (v->revoked >= 0) {
				const struct rules_approval *a = &r->approvals[v->revoked];
				char revoked[16];
				day_text(revoked, sizeof revoked, a->revoked);
				snprintf(d, size, "approval revoked on %s (%s:%ld)", revoked,
					 rules_file(r->approvals_path), a->line);
			} else if (sets_missed >= 0) {
				const struct rules_approval *a = &r->approvals[sets_missed];
				snprintf(d, size, "approved only for sets matching %s (%s:%ld)",
					 a->sets_src, rules_file(r->approvals_path), a->line);
			} else {
				snprintf(d, size, "no approval for %s", jb->id);
			}
		}
	}

	int64_t limit = jb->large_set >= 0 ? jb->large_set : j->large_set;
	v->large_set = limit;
	if (jb->damaging && run->records > limit) {
		v->findings |= 1u << FIND_DAMAGING_LARGE_SET;
		snprintf(v->detail[FIND_DAMAGING_LARGE_SET], sizeof v->detail[0],
			 "%" PRId64 " records, above %" PRId64 " for %s", run->records, limit, jb->id);
	}

seen:
	if (v->findings) {
		int added;
		if (!hmap_put(&j->seen, &run->id, sizeof run->id, 0, &added))
			return 0; /* out of memory: report it again rather than lose it */
		if (!added)
			return 1;
	}
	return 0;
}
