#include "verdict.h"

#include "cells.h"
#include "diag.h"
#include "evidence.h"
#include "hmap.h"
#include "match.h"
#include "names.h"
#include "times.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The cache of people looked up: 2-way set associative, a fixed number of
 * entries whatever the export holds (an evicted key is looked up again). */
#define PEOPLE_WAYS 2
#define PEOPLE_SETS (JUDGE_PEOPLE_CACHE / PEOPLE_WAYS)
#define PEOPLE_KEY 110 /* longer (id, name) keys are looked up every time */

struct person_entry {
	uint8_t len;	 /* of key; 0: empty */
	uint8_t recent;	 /* the way used last in its set (in way 0) */
	int32_t value;	 /* (person + 1) * 4 + how (RULES_BY_...) */
	int32_t reversed; /* nobody: the person its words the other way round name, else -1 */
	char key[PEOPLE_KEY];
};

struct judge {
	const struct rules *rules;
	int64_t large_set;
	struct evidence *ev;	/* the sandbox runs, by job and person */
	int64_t refreshed;	/* the latest --sandbox-refreshed day, or TIME_NONE */
	struct person_entry *people; /* PEOPLE_SETS sets of PEOPLE_WAYS */
	size_t cached;		     /* entries in use */
};

static uint64_t key_hash(const char *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 0x100000001b3ull;
	return h;
}

/* Nobody found: the person the name's words the other way round name
 * ("Nagy, László" as staff.csv's "Nagy László"), for a hint; else -1. */
static int reversed_of(const struct judge *j, const struct run *run, int person, int how)
{
	return person < 0 && how != RULES_BY_SEVERAL && strchr(run->user_name, ',')
		       ? rules_person_reversed(j->rules, run->user_name, 0)
		       : -1;
}

/* rules_person_for, remembered: exports repeat the same few people; with
 * the person reversed_of names, when nobody is found. */
static int person_of(struct judge *j, const struct run *run, int *how, int *reversed)
{
	char key[PEOPLE_KEY];
	size_t a = strlen(run->user), b = strlen(run->user_name);
	if (a + 1 + b > sizeof key) {
		int person = rules_person_for(j->rules, run->user, run->user_name, how);
		*reversed = reversed_of(j, run, person, *how);
		return person;
	}
	memcpy(key, run->user, a);
	key[a] = '\x1f';
	memcpy(key + a + 1, run->user_name, b);
	size_t n = a + 1 + b;
	struct person_entry *set =
		&j->people[(key_hash(key, n) >> 20) % PEOPLE_SETS * PEOPLE_WAYS];
	for (int w = 0; w < PEOPLE_WAYS; w++) {
		struct person_entry *e = &set[w];
		if (e->len == n && memcmp(e->key, key, n) == 0) {
			set[0].recent = (uint8_t)w;
			*how = e->value & 3;
			*reversed = e->reversed;
			return (e->value >> 2) - 1;
		}
	}
	int person = rules_person_for(j->rules, run->user, run->user_name, how);
	*reversed = reversed_of(j, run, person, *how);
	/* an empty way, else the one not used last */
	int w = !set[0].len ? 0 : !set[1].len ? 1 : !set[0].recent;
	struct person_entry *e = &set[w];
	if (!e->len)
		j->cached++;
	e->len = (uint8_t)n;
	memcpy(e->key, key, n);
	e->value = (int32_t)((person + 1) * 4 + *how);
	e->reversed = *reversed;
	set[0].recent = (uint8_t)w;
	return person;
}

size_t judge_people_cached(const struct judge *j)
{
	return j->cached;
}

static const char *const kind_names[FIND_COUNT] = {
	[FIND_UNAPPROVED] = "unapproved",
	[FIND_NO_SIGNOFF] = "no-signoff",
	[FIND_DAMAGING_LARGE_SET] = "damaging-large-set",
	[FIND_UNKNOWN_SIZE] = "unknown-size",
	[FIND_UNLISTED_JOB] = "unlisted-job",
};

const char *finding_name(enum finding_kind k)
{
	return kind_names[k];
}

const char *finding_meaning(enum finding_kind k)
{
	static const char *const meanings[FIND_COUNT] = {
		[FIND_UNAPPROVED] = "run by someone with no approval for the job",
		[FIND_NO_SIGNOFF] = "run before sign-off, or tried in the sandbox and never "
				    "signed off",
		[FIND_DAMAGING_LARGE_SET] = "a damaging job run on a large set",
		[FIND_UNKNOWN_SIZE] = "a damaging job run whose record count the export does "
				      "not give, so the set cannot be said to be small",
		[FIND_UNLISTED_JOB] = "a manual job the matrix does not list",
	};
	return meanings[k];
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
	j->refreshed = TIME_NONE;
	j->ev = evidence_new();
	j->people = calloc(JUDGE_PEOPLE_CACHE, sizeof *j->people);
	if (!j->people || !j->ev) {
		evidence_free(j->ev);
		free(j->people);
		free(j);
		return NULL;
	}
	return j;
}

void judge_free(struct judge *j)
{
	if (!j)
		return;
	evidence_free(j->ev);
	free(j->people);
	free(j);
}

void judge_set_refreshed(struct judge *j, int64_t day)
{
	j->refreshed = day;
	evidence_set_refreshed(j->ev, day);
}

void judge_track_production(struct judge *j)
{
	evidence_track_production(j->ev);
}

int judge_production_id(struct judge *j, uint64_t id)
{
	return evidence_production(j->ev, id);
}

uint64_t judge_sandbox_aside(const struct judge *j)
{
	return evidence_aside(j->ev);
}

uint64_t judge_sandbox_copies(const struct judge *j)
{
	return evidence_copies(j->ev);
}

/* Whose run, as evidence keys it: the staff.csv person, else the export's
 * id and, when name is set, the name's comparison key (into key). */
static struct evidence_who who_of(int person, const struct run *run, char key[NAMES_KEY_MAX],
				  int name)
{
	key[0] = '\0';
	if (name && person < 0 && run->user_name[0] &&
	    !names_key(run->user_name, strlen(run->user_name), key))
		key[0] = '\0';
	return (struct evidence_who){person, run->user, key};
}

int judge_evidence(struct judge *j, const struct run *run)
{
	int job = rules_job_for_name(j->rules, run->name, strlen(run->name));
	if (job == -2)
		return -1;
	if (job < 0 || run_is_system(run))
		return EVIDENCE_OK; /* no test of a listed job by a person */
	int how;
	int rev, person = person_of(j, run, &how, &rev);
	char key[NAMES_KEY_MAX];
	struct evidence_who who = who_of(person, run, key, 1);
	int state = evidence_add(j->ev, job, &who, times_local_day(run->time), run->time,
				 run->time_ms, run->id);
	return state < 0 ? EVIDENCE_OK : state; /* out of memory: this evidence is lost */
}

static void verdict_clear(struct judge *j, struct verdict *v)
{
	/* all but the details' text, which is "" until said */
	memset(v, 0, offsetof(struct verdict, detail));
	memset(&v->aside, 0, sizeof *v - offsetof(struct verdict, aside));
	for (int k = 0; k < FIND_COUNT; k++)
		v->detail[k][0] = '\0';
	v->job = v->person = v->approval = v->later = v->revoked = -1;
	v->sandbox = v->aside = TIME_NONE;
	v->large_set = j->large_set;
}

int judge_describe(struct judge *j, const struct run *run, struct verdict *v)
{
	verdict_clear(j, v);
	int rev;
	v->person = person_of(j, run, &v->how, &rev);
	v->job = rules_job_for_name(j->rules, run->name, strlen(run->name));
	if (v->job == -2) {
		v->job = -1;
		return -1;
	}
	return 0;
}

void verdict_text(const struct verdict *v, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int k = 0; k < FIND_COUNT; k++)
		if (v->findings & (1u << k))
			used += (size_t)snprintf(buf + used, used < size ? size - used : 0, "%s%s",
						 used ? "," : "", kind_names[k]);
	if (!used)
		snprintf(buf, size, v->set_unknown ? "ok, set unknown" : "ok");
}

/* Whether an approval's sets cover a run's set: 1 (or no sets), 0, -1 when
 * the pattern hit a limit. */
static int set_covers(const struct rules_approval *a, const char *set_name)
{
	if (!a->sets)
		return 1;
	return match_run(a->sets, set_name ? set_name : "", set_name ? strlen(set_name) : 0);
}

/* The strings given (NULL after the last) one after the other into buf, cut
 * to its size as snprintf cuts: the common details, without a format. */
static void join(char *buf, size_t size, ...)
{
	size_t used = 0;
	va_list ap;
	va_start(ap, size);
	for (const char *s; (s = va_arg(ap, const char *)) != NULL;) {
		size_t n = strlen(s);
		if (n > size - 1 - used)
			n = size - 1 - used;
		memcpy(buf + used, s, n);
		used += n;
	}
	va_end(ap);
	buf[used] = '\0';
}

/* A detail, cut to its size (a long job id or staff file name may cut it). */
static void detail(char *buf, size_t size, const char *fmt, ...) DIAG_PRINTF(3, 4);

static void detail(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

/* An unapproved run whose sandbox run was set aside says so: the detail
 * that would have cited it. */
static void aside_note(const struct judge *j, const struct verdict *v, char *d, size_t size)
{
	char when[32], day[16];
	size_t used = strlen(d);
	if (v->aside == TIME_NONE || used >= size)
		return;
	times_format_local(v->aside, when, sizeof when);
	times_format_day(j->refreshed, day, sizeof day);
	if (v->aside_copy)
		snprintf(d + used, size - used,
			 "; sandbox run %" PRIu64 " (%s) not counted: a copy of a production run",
			 v->aside_id, when);
	else
		snprintf(d + used, size - used,
			 "; sandbox run %" PRIu64 " (%s) set aside: before the sandbox refresh of %s",
			 v->aside_id, when, day);
}

/* What limited a person's approval so that it did not hold for the run:
 * "approval revoked on 2026-10-10 (approvals.csv:6)", "approved only for
 * sets matching judaica (approvals.csv:4)"; 0 (buf untouched) when none did. */
static int limited(const struct rules *r, const struct verdict *v, int sets_missed, char *buf,
		   size_t size)
{
	const char *file = rules_file_name(r->approvals_path);
	if (v->revoked >= 0) {
		const struct rules_approval *a = &r->approvals[v->revoked];
		char revoked[16];
		times_format_day(a->revoked, revoked, sizeof revoked);
		if (a->revoked == RULES_UNDATED)
			snprintf(buf, size, "approval revoked (date not recorded) in %s:%ld", file,
				 a->line);
		else
			snprintf(buf, size, "approval revoked on %s (%s:%ld)", revoked, file, a->line);
		return 1;
	}
	if (sets_missed >= 0) {
		const struct rules_approval *a = &r->approvals[sets_missed];
		snprintf(buf, size, "approved only for sets matching %s (%s:%ld)", a->sets_src, file,
			 a->line);
		return 1;
	}
	return 0;
}

int judge_run(struct judge *j, const struct run *run, struct verdict *v)
{
	const struct rules *r = j->rules;
	char when[32];

	verdict_clear(j, v);
	int rev;
	v->person = person_of(j, run, &v->how, &rev);
	/* every detail about someone the rules do not know says so */
	char stranger[160] = "", reversed[112] = "";
	const char *several = v->how == RULES_BY_SEVERAL
				      ? " (without its middle names the name fits several people)"
				      : "";
	int rp = v->person < 0 && !*several ? rev : -1;
	if (rp >= 0) {
		/* "Nagy, László" and staff.csv's "Nagy László": perhaps the same
		 * person written family name first, perhaps not */
		snprintf(reversed, sizeof reversed, " (%s has '%.*s': the words the other way round)",
			 rules_file_name(r->staff_path), (int)diag_utf8_cut(r->people[rp].name, 40),
			 r->people[rp].name);
		several = reversed;
	}
	if (v->person < 0)
		join(stranger, sizeof stranger, "; person not in ", rules_file_name(r->staff_path),
		     several, (const char *)NULL);
	int job = rules_job_for_name(r, run->name, strlen(run->name));
	if (job == -2)
		return -1;
	if (job < 0) {
		v->findings |= 1u << FIND_UNLISTED_JOB;
		if (!run->name[0]) /* not a job the matrix left out: no name to match */
			join(v->detail[FIND_UNLISTED_JOB], sizeof v->detail[0],
			     "the job name is empty: no pattern in ", rules_file_name(r->jobs_path),
			     " can match it", stranger, (const char *)NULL);
		else
			join(v->detail[FIND_UNLISTED_JOB], sizeof v->detail[0], "no pattern in ",
			     rules_file_name(r->jobs_path), " matches the job name", stranger,
			     (const char *)NULL);
		return 0;
	}
	v->job = job;
	const struct rules_job *jb = &r->jobs[job];
	int64_t day = times_local_day(run->time);
	int sets_missed = -1, pending = -1;

	size_t from = v->person >= 0 ? r->person_first[v->person] : 0;
	size_t to = v->person >= 0 ? r->person_first[v->person + 1] : 0;
	for (size_t k = from; k < to; k++) {
		size_t i = r->by_person[k];
		const struct rules_approval *a = &r->approvals[i];
		if (!rules_grants(r, a->job, job))
			continue;
		if (a->sets)
			v->sets_limited = 1;
		if (a->signed_off != RULES_NO_DATE && a->signed_off > day) {
			/* signed off later: "ran before sign-off" only when the
			 * approval would cover this run's set */
			int covers = run->set_unknown ? 1 : set_covers(a, run->set_name);
			if (covers < 0)
				return -1;
			if (covers)
				v->later = (int)i;
			else
				sets_missed = (int)i;
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
		if (run->set_unknown) {
			/* it would hold, but for a set no one knows */
			if (pending < 0)
				pending = (int)i;
			continue;
		}
		sets_missed = (int)i;
	}
	if (v->approval < 0 && pending >= 0) {
		v->approval = pending;
		v->set_unknown = 1;
	}

	if (v->approval < 0) {
		char key[NAMES_KEY_MAX];
		/* the name's key (Unicode folding) only when runs are kept by name */
		struct evidence_who who = who_of(v->person, run, key, evidence_by_name(j->ev));
		struct evidence_run found, aside;
		if (evidence_find(j->ev, job, &who, run->time_ms, &found, &aside)) {
			v->sandbox = found.time;
			v->sandbox_id = found.id;
		}
		if (aside.time_ms != INT64_MIN) {
			v->aside = aside.time;
			v->aside_id = aside.id;
			v->aside_copy = aside.state == EVIDENCE_COPY;
		}
		if (v->later >= 0) {
			const struct rules_approval *a = &r->approvals[v->later];
			char signed_off[16];
			times_format_day(a->signed_off, signed_off, sizeof signed_off);
			v->findings |= 1u << FIND_NO_SIGNOFF;
			snprintf(v->detail[FIND_NO_SIGNOFF], sizeof v->detail[0],
				 "ran before sign-off on %s (%s:%ld)", signed_off,
				 rules_file_name(r->approvals_path), a->line);
		} else if (v->sandbox != TIME_NONE) {
			times_format_local(v->sandbox, when, sizeof when);
			v->findings |= 1u << FIND_NO_SIGNOFF;
			/* signed off, but not for this run: what limited it */
			char limit[128];
			if (limited(r, v, sets_missed, limit, sizeof limit))
				join(v->detail[FIND_NO_SIGNOFF], sizeof v->detail[0],
				     "tested in sandbox ", when, "; ", limit, (const char *)NULL);
			else
				join(v->detail[FIND_NO_SIGNOFF], sizeof v->detail[0],
				     "tested in sandbox ", when, ", never signed off for ", jb->id,
				     stranger, (const char *)NULL);
		} else {
			v->findings |= 1u << FIND_UNAPPROVED;
			char *d = v->detail[FIND_UNAPPROVED];
			size_t size = sizeof v->detail[0];
			if (v->person < 0 && !run->user_name[0]) {
				/* the export gives no name: the id may be anyone's */
				if (r->nids)
					snprintf(d, size,
						 "not matched: %s gives no name and '%s' is in no "
						 "alma_ids of %s",
						 run->file, run->user, rules_file_name(r->staff_path));
				else
					snprintf(d, size,
						 "not matched: %s gives no name and %s no alma_ids",
						 run->file, rules_file_name(r->staff_path));
			} else if (v->person < 0) {
				join(d, size, "not in ", rules_file_name(r->staff_path), several,
				     (const char *)NULL);
			} else if (limited(r, v, sets_missed, d, size)) {
				; /* revoked, or approved for other sets: said */
			} else {
				join(d, size, "no approval for ", jb->id, (const char *)NULL);
			}
			aside_note(j, v, d, size);
		}
	}

	int64_t limit = jb->large_set >= 0 ? jb->large_set : j->large_set;
	v->large_set = limit;
	/* a run not finished (the API's counters still count): its count is a
	 * lower bound, enough to say it is large, not that it is small */
	int so_far = run_count_so_far(run);
	char n[32], l[32]; /* counts a person reads: "40,112 records, above 1,000" */
	if (jb->damaging && run->records > limit) {
		v->findings |= 1u << FIND_DAMAGING_LARGE_SET;
		snprintf(v->detail[FIND_DAMAGING_LARGE_SET], sizeof v->detail[0],
			 "%s records%s%.24s%s, above %s for %s%.100s",
			 report_count((uint64_t)run->records, n, sizeof n),
			 so_far ? " so far (still " : "", so_far ? run->status : "", so_far ? ")" : "",
			 report_count((uint64_t)limit, l, sizeof l), jb->id, stranger);
	} else if (jb->damaging && so_far) {
		v->findings |= 1u << FIND_UNKNOWN_SIZE;
		char at[24] = "";
		if (run->progress >= 0)
			snprintf(at, sizeof at, " at %d%%", run->progress);
		detail(v->detail[FIND_UNKNOWN_SIZE], sizeof v->detail[0],
		       "still %.24s%s, %s %s so far: above %s for %s cannot be ruled out%s",
		       run->status, at, report_count((uint64_t)run->records, n, sizeof n),
		       run->records == 1 ? "record" : "records",
		       report_count((uint64_t)(limit > 0 ? limit : 0), l, sizeof l), jb->id, stranger);
	} else if (jb->damaging && run->records < 0) {
		v->findings |= 1u << FIND_UNKNOWN_SIZE;
		char why[64] = "";
		if (run->records_bad)
			snprintf(why, sizeof why, " ('%.24s' is not a count)", run->records_bad);
		else if (run->no_records_col)
			snprintf(why, sizeof why, " (the export has no record count column)");
		else if (run->api)
			snprintf(why, sizeof why, " (no counter of the job instance gives it)");
		detail(v->detail[FIND_UNKNOWN_SIZE], sizeof v->detail[0],
		       "no record count%s: above %s for %s cannot be ruled out%s", why,
		       report_count((uint64_t)(limit > 0 ? limit : 0), l, sizeof l), jb->id, stranger);
	}
	return 0;
}

/* ---- explanations ---- */

struct out {
	void (*line)(void *ctx, const char *text);
	void *ctx;
};

static void say(struct out *o, const char *fmt, ...) DIAG_PRINTF(2, 3);

static void say(struct out *o, const char *fmt, ...)
{
	char text[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	o->line(o->ctx, text);
}

static void date_or(char *buf, size_t size, int64_t day, const char *none)
{
	if (day == RULES_NO_DATE)
		snprintf(buf, size, "%s", none);
	else
		times_format_day(day, buf, size);
}

/* Why a name that fits staff people without its middle names matched
 * none of them: several fit, or the one's middles say otherwise. */
static void explain_reduced(struct out *o, const struct rules *r, const struct run *run)
{
	enum middlenames_how how;
	int people[8];
	size_t n;
	char list[600];
	size_t used = 0;
	middlenames_find(&r->reduced, run->user_name, strlen(run->user_name), &how, people, 8, &n);
	if (how != MIDDLENAMES_SEVERAL && how != MIDDLENAMES_CONTRADICTS)
		return;
	list[0] = '\0';
	for (size_t i = 0; i < n && used < sizeof list; i++)
		used += (size_t)snprintf(list + used, sizeof list - used, "%s%.100s (%s:%ld)",
					 i ? ", " : "", r->people[people[i]].name,
					 rules_file_name(r->staff_path), r->people[people[i]].line);
	if (how == MIDDLENAMES_SEVERAL)
		say(o, "person: without its middle names and initials the name fits several people, "
		       "%s: matched to none; an alias in %s says which",
		    list, rules_file_name(r->staff_path));
	else
		say(o, "person: without its middle names and initials the name fits %s, whose own "
		       "middle names or initials say otherwise: not matched",
		    list);
}

void verdict_explain(const struct rules *r, const struct run *run, const struct verdict *v,
		     int judged, void (*line)(void *ctx, const char *text), void *ctx)
{
	struct out o = {line, ctx};
	const char *jobs = rules_file_name(r->jobs_path), *staff = rules_file_name(r->staff_path),
		   *approvals = rules_file_name(r->approvals_path);
	char a[32], b[32];

	if (v->job < 0) {
		say(&o, "job: none of the %zu patterns in %s matches '%.200s'", r->njobs, jobs,
		    run->name);
	} else {
		const struct rules_job *jb = &r->jobs[v->job];
		say(&o, "job: %s owns the name (%s:%ld, pattern %.200s)", jb->id, jobs, jb->line,
		    jb->match_src);
	}
	if (v->person >= 0) {
		const struct rules_person *p = &r->people[v->person];
		if (v->how == RULES_BY_ID)
			say(&o, "person: %s (%s), %s:%ld, found by %s%s%s", p->name, p->unit, staff,
			    p->line, run->user[0] ? "Alma id " : "the Alma id in '",
			    run->user[0] ? run->user : run->user_name, run->user[0] ? "" : "'");
		else
			say(&o, "person: %s (%s), %s:%ld, found by name '%s'%s%s", p->name, p->unit,
			    staff, p->line, run->user_name,
			    v->how == RULES_BY_REDUCED ? " without its middle names and initials "
							 "(add it as an alias to be sure)"
							 : "",
			    run->name_from_user ? " (read from submitted_by, which holds a name)" : "");
	} else {
		say(&o, "person: '%s' (id '%s') is in no row of %s%s", run->user_name, run->user, staff,
		    run->name_from_user ? " (the name read from submitted_by, which holds a name)"
					: "");
		explain_reduced(&o, r, run);
	}
	if (run->type_unknown)
		say(&o, "type: the export's type is no label known (MANUAL, SCHEDULED, OTHER): "
			"judged as a staff run");
	if (run->set_inferred && run->set_name[0])
		say(&o, "set: '%.200s', inferred from the instance name (the API gives no set name)",
		    run->set_name);
	else if (run->set_unknown == RUN_SET_UNNAMED)
		say(&o, "set: unknown (the instance name names none, and the API gives no set name)");
	/* a CSV's unknown set, said where an approval limited to sets asked */
	else if (run->set_unknown == RUN_SET_NO_COLUMN && v->sets_limited)
		say(&o, "set: unknown (%.200s has no set_name column)", run->file);
	else if (run->set_unknown == RUN_SET_EMPTY && v->sets_limited)
		say(&o, "set: unknown (the set_name cell is empty)");
	if (run->records_note && run->records_note[0])
		say(&o, "records: %s", run->records_note);
	if (v->job < 0 || !judged)
		return;

	const struct rules_job *jb = &r->jobs[v->job];
	int64_t day = times_local_day(run->time);
	times_format_day(day, a, sizeof a);
	size_t consulted = 0;
	for (size_t i = 0; v->person >= 0 && i < r->napprovals; i++) {
		const struct rules_approval *ap = &r->approvals[i];
		if (ap->person != v->person || !rules_grants(r, ap->job, v->job))
			continue;
		consulted++;
		char through[160] = "";
		if (ap->job != v->job)
			snprintf(through, sizeof through, " through %s, which includes %s",
				 r->jobs[ap->job].id, jb->id);
		date_or(b, sizeof b, ap->signed_off, "before the records");
		const char *why;
		char reason[320];
		if (ap->signed_off != RULES_NO_DATE && ap->signed_off > day) {
			if (run->set_unknown || set_covers(ap, run->set_name) == 1)
				snprintf(reason, sizeof reason, "signed off %s, after the run's date %s",
					 b, a);
			else
				snprintf(reason, sizeof reason,
					 "signed off %s, after the run's date %s, and limited to sets "
					 "matching %s; set '%.80s' does not",
					 b, a, ap->sets_src, run->set_name);
			why = reason;
		} else if (ap->revoked == RULES_UNDATED) {
			why = "revoked (date not recorded), so before any run";
		} else if (ap->revoked != RULES_NO_DATE && ap->revoked <= day) {
			date_or(b, sizeof b, ap->revoked, "");
			snprintf(reason, sizeof reason, "revoked %s, on or before the run's date %s", b,
				 a);
			why = reason;
		} else if (ap->sets && run->set_unknown) {
			snprintf(reason, sizeof reason,
				 "limited to sets matching %s; the run's set is unknown: judged "
				 "approved, to check against the run's report in Alma",
				 ap->sets_src);
			why = reason;
		} else if (ap->sets && rules_approval_holds(ap, day, run->set_name) != 1) {
			snprintf(reason, sizeof reason, "limited to sets matching %s; set '%.80s' does not",
				 ap->sets_src, run->set_name);
			why = reason;
		} else {
			snprintf(reason, sizeof reason, "holds (signed off %s%s%s)", b,
				 ap->sets ? ", set matches " : "", ap->sets ? ap->sets_src : "");
			why = reason;
		}
		say(&o, "approval: %s:%ld%s: %s", approvals, ap->line, through, why);
	}
	if (v->person >= 0 && !consulted)
		say(&o, "approval: no row of %s grants %s to %s", approvals, jb->id,
		    r->people[v->person].name);
	if (v->approval < 0) {
		if (v->sandbox != TIME_NONE) {
			times_format_local(v->sandbox, b, sizeof b);
			say(&o, "sandbox: run %" PRIu64 " of %s at %s, before this run", v->sandbox_id,
			    jb->id, b);
		} else {
			say(&o, "sandbox: no earlier sandbox run of %s by this person", jb->id);
		}
		if (v->aside != TIME_NONE) {
			times_format_local(v->aside, b, sizeof b);
			say(&o, "sandbox: run %" PRIu64 " at %s %s", v->aside_id, b,
			    v->aside_copy ? "not counted: its id is a production run's (a copy)"
					  : "set aside: before the sandbox refresh (--sandbox-refreshed)");
		}
	}
	if (!jb->damaging)
		say(&o, "threshold: %s is not damaging", jb->id);
	else if (run->records < 0 && run->records_bad)
		say(&o, "threshold: %s is damaging; the run's record count '%.64s' is not a count",
		    jb->id, run->records_bad);
	else if (run->records < 0)
		say(&o, "threshold: %s is damaging; the run gives no record count%s", jb->id,
		    run->api ? " (no counter gave one)" : "");
	else {
		char n[32], l[32], so_far[64] = "";
		if (run_count_so_far(run))
			snprintf(so_far, sizeof so_far, " so far (the run still %.24s)", run->status);
		say(&o, "threshold: %s is damaging; %s %s%s %s %s (%s)%s", jb->id,
		    report_count((uint64_t)run->records, n, sizeof n),
		    run->records == 1 ? "record" : "records", so_far,
		    run->records > v->large_set ? "above" : "within",
		    report_count((uint64_t)(v->large_set > 0 ? v->large_set : 0), l, sizeof l),
		    jb->large_set >= 0 ? "its large_set in jobs.csv" : "the default, --large-set",
		    so_far[0] && run->records <= v->large_set
			    ? ": its size is not known until it ends (unknown-size)"
			    : "");
	}
}

int verdict_rests_on_sandbox(const struct verdict *v)
{
	return v->job >= 0 && v->approval < 0 && v->later < 0;
}
