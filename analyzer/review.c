#include "review.h"

#include "diag.h"
#include "fields.h"
#include "ingest.h"
#include "joins.h"
#include "times.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

const char *review_kind_name(enum review_kind k)
{
	static const char *const names[REVIEW_KINDS] = {"unused", "untested", "undated",
							"no-approvals"};
	return k < REVIEW_KINDS ? names[k] : "";
}

int review_init(struct review *rv, const struct rules *rules, const struct period *period,
		const struct filter *filter, int64_t today, struct tally *tally)
{
	memset(rv, 0, sizeof *rv);
	rv->rules = rules;
	rv->period = period;
	rv->filter = filter;
	rv->tally = tally;
	rv->end_day = period->last_day != TIME_NONE ? period->last_day : today;
	rv->sandbox_first = rv->sandbox_last = TIME_NONE;
	rv->prod_first = rv->prod_last = TIME_NONE;
	idset_init(&rv->once);
	copies_init(&rv->copies);
	rv->approvals = calloc(rules->napprovals ? rules->napprovals : 1, sizeof *rv->approvals);
	rv->people = calloc(rules->npeople ? rules->npeople : 1, sizeof *rv->people);
	if (!rv->approvals || !rv->people) {
		diag_error(NULL, 0, "out of memory");
		review_free(rv);
		return -1;
	}
	for (size_t i = 0; i < rules->napprovals; i++)
		rv->approvals[i].last = rv->approvals[i].test = TIME_NONE;
	return 0;
}

void review_free(struct review *rv)
{
	free(rv->approvals);
	free(rv->people);
	idset_free(&rv->once);
	copies_free(&rv->copies);
	rv->approvals = NULL;
	rv->people = NULL;
}

static void widen(int64_t *first, int64_t *last, int64_t t)
{
	if (*first == TIME_NONE || t < *first)
		*first = t;
	if (*last == TIME_NONE || t > *last)
		*last = t;
}

/* The approvals of person p that grant job j, in turn: by_person[*i]. */
static int next_grant(const struct rules *r, int p, int j, size_t *i)
{
	for (; *i < r->person_first[p + 1]; ++*i)
		if (rules_grants(r, r->approvals[r->by_person[*i]].job, j))
			return 1;
	return 0;
}

static int sandbox(struct review *rv, const struct run *run)
{
	const struct rules *r = rv->rules;
	/* before the sandbox's refresh: production's history copied, no test,
	 * and no reach of the sandbox history either */
	if (rv->tally && rv->tally->refreshed != TIME_NONE &&
	    times_local_day(run->time) < rv->tally->refreshed) {
		rv->tally->sandbox_aside++;
		return 0;
	}
	widen(&rv->sandbox_first, &rv->sandbox_last, run->time);
	if (run_is_system(run))
		return 0;
	int job = rules_job_for_name(r, run->name, strlen(run->name));
	if (job == -2)
		return -2;
	int how, p = rules_person_for(r, run->user, run->user_name, &how);
	if (job < 0 || p < 0)
		return 0;
	int64_t day = times_local_day(run->time);
	for (size_t i = r->person_first[p]; next_grant(r, p, job, &i); i++) {
		size_t k = r->by_person[i];
		const struct rules_approval *a = &r->approvals[k];
		struct review_approval *ra = &rv->approvals[k];
		/* on the sign-off day itself counts: tested that morning */
		if (a->signed_off != RULES_NO_DATE && day <= a->signed_off &&
		    (ra->test == TIME_NONE || run->time > ra->test))
			ra->test = run->time;
	}
	return 0;
}

/* Whether approval a holds for run: as rules_approval_holds, but a run
 * whose set is unknown (a CSV without set names, an instance name that
 * names none) is within an approval's sets pending it, as the audit judges
 * it (verdict.c), so that an approval used only so is not shown unused. */
static int holds(const struct rules_approval *a, int64_t day, const struct run *run)
{
	if (run->set_unknown && a->sets)
		return rules_approval_in_force(a, day);
	return rules_approval_holds(a, day, run->set_name);
}

static int production(struct review *rv, const struct run *run)
{
	const struct rules *r = rv->rules;
	struct tally *t = rv->tally;
	if (!period_has(rv->period, run->time)) {
		if (t)
			t->skipped[SKIP_PERIOD]++;
		return 0;
	}
	if (t)
		t->in_period++;
	/* how far the production history reaches into the period: every run */
	widen(&rv->prod_first, &rv->prod_last, run->time);
	if (run_is_system(run)) {
		if (t)
			t->skipped[SKIP_SYSTEM]++;
		return 0;
	}
	int job = rules_job_for_name(r, run->name, strlen(run->name));
	if (job == -2) {
		if (t)
			t->in_period--;
		return -2;
	}
	int how, p = rules_person_for(r, run->user, run->user_name, &how);
	int64_t day = times_local_day(run->time);
	/* a set pattern at its limit: nothing counted, the row rejected */
	for (size_t i = p >= 0 && job >= 0 ? r->person_first[p] : 0;
	     p >= 0 && job >= 0 && next_grant(r, p, job, &i); i++)
		if (holds(&r->approvals[r->by_person[i]], day, run) < 0) {
			if (t)
				t->in_period--;
			return -2;
		}
	int first = idset_add(&rv->once, run->id);
	if (first < 0) {
		rv->failed = 1;
		first = 1;
	}
	/* one id at two times: a damaged id or the zone, as the audit says */
	if (t)
		copies_seen(&rv->copies, run, first, t);
	if (!first) {
		if (t)
			t->skipped[SKIP_REPEAT]++;
		return 0;
	}
	if (t)
		t->audited++;
	/* the identity join, as the audit counts it (joins.h) */
	if (t && job >= 0 && !run_is_account(run))
		joins_person(t, run->file, run->user, run->user_name, p, how);
	else if (t && job < 0 && !run_is_account(run))
		joins_unlisted(t, run->name);
	int pending = 0; /* held by an approval's sets pending the run's unknown set */
	for (size_t i = p >= 0 && job >= 0 ? r->person_first[p] : 0;
	     p >= 0 && job >= 0 && next_grant(r, p, job, &i); i++) {
		size_t k = r->by_person[i];
		struct review_approval *ra = &rv->approvals[k];
		if (holds(&r->approvals[k], day, run) == 1) {
			ra->runs++;
			if (ra->last == TIME_NONE || run->time > ra->last)
				ra->last = run->time;
			pending |= run->set_unknown && r->approvals[k].sets;
		} else {
			ra->other++;
		}
	}
	if (pending && t) {
		t->sets_unknown++;
		t->sets_why[run->set_unknown]++;
	}
	return 0;
}

int review_add(struct review *rv, const struct run *run)
{
	if (run->env != RUN_SANDBOX)
		return production(rv, run);
	if (rv->tally)
		rv->tally->skipped[SKIP_SANDBOX]++;
	int got = sandbox(rv, run);
	if (got == -2 && rv->tally)
		rv->tally->skipped[SKIP_SANDBOX]--;
	return got;
}

static int in_list(const int *list, size_t n, int x)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == x)
			return 1;
	return 0;
}

/* --user and --unit on a person. */
static int person_shown(const struct filter *f, const struct rules *r, int p)
{
	int any = !f->count[FILTER_USER];
	for (size_t i = 0; !any && i < f->count[FILTER_USER]; i++)
		any = in_list(f->values[FILTER_USER][i].items, f->values[FILTER_USER][i].nitems, p);
	if (!any)
		return 0;
	any = !f->count[FILTER_UNIT];
	for (size_t i = 0; !any && i < f->count[FILTER_UNIT]; i++)
		any = rules_person_in_unit(r, p, f->values[FILTER_UNIT][i].text);
	return any;
}

/* --job: the approval grants one of the jobs named. */
static int job_shown(const struct filter *f, const struct rules *r, int k)
{
	if (!f->count[FILTER_JOB])
		return 1;
	for (size_t i = 0; i < f->count[FILTER_JOB]; i++) {
		const struct filter_value *v = &f->values[FILTER_JOB][i];
		for (size_t n = 0; n < v->nitems; n++)
			if (rules_grants(r, k, v->items[n]))
				return 1;
	}
	return 0;
}

void review_finish(struct review *rv)
{
	const struct rules *r = rv->rules;
	const struct filter *f = rv->filter;
	int64_t reach = rv->sandbox_first != TIME_NONE ? times_local_day(rv->sandbox_first)
						       : TIME_NONE;
	memset(rv->count, 0, sizeof rv->count);
	rv->shown = rv->revoked = rv->not_reached = rv->tested = rv->later = rv->people_shown = 0;
	for (size_t p = 0; p < r->npeople; p++)
		memset(&rv->people[p], 0, sizeof rv->people[p]);
	for (size_t i = 0; i < r->napprovals; i++) {
		const struct rules_approval *a = &r->approvals[i];
		struct review_approval *ra = &rv->approvals[i];
		struct review_person *rp = &rv->people[a->person];
		ra->findings = 0;
		ra->tested = REVIEW_TEST_NONE;
		if (a->revoked != RULES_NO_DATE && a->revoked <= rv->end_day) {
			ra->state = REVIEW_REVOKED;
			rp->revoked++;
		} else {
			ra->state = a->signed_off != RULES_NO_DATE && a->signed_off > rv->end_day
					    ? REVIEW_LATER
					    : REVIEW_IN_FORCE;
			rp->in_force++;
		}
		if (ra->state != REVIEW_REVOKED) {
			if (a->signed_off == RULES_NO_DATE)
				ra->findings |= 1u << REVIEW_UNDATED;
			else if (ra->test != TIME_NONE)
				ra->tested = REVIEW_TESTED;
			else if (reach != TIME_NONE && reach <= a->signed_off)
				ra->tested = REVIEW_NOT_TESTED;
			else
				ra->tested = REVIEW_NOT_REACHED;
			if (ra->tested == REVIEW_NOT_TESTED)
				ra->findings |= 1u << REVIEW_UNTESTED;
			if (ra->state == REVIEW_IN_FORCE && !ra->runs)
				ra->findings |= 1u << REVIEW_UNUSED;
		}
		ra->shown = f ? person_shown(f, r, a->person) && job_shown(f, r, a->job) : 1;
		if (!ra->shown)
			continue;
		rv->shown++;
		rv->revoked += ra->state == REVIEW_REVOKED;
		rv->later += ra->state == REVIEW_LATER;
		rv->tested += ra->tested == REVIEW_TESTED;
		rv->not_reached += ra->tested == REVIEW_NOT_REACHED;
		for (int k = 0; k < REVIEW_KINDS; k++)
			rv->count[k] += (ra->findings >> k) & 1u;
		rp->shown = 1;
	}
	for (size_t p = 0; p < r->npeople; p++) {
		struct review_person *rp = &rv->people[p];
		if (!rp->in_force)
			rp->findings |= 1u << REVIEW_NO_APPROVALS;
		/* a person with no approval answers no --job */
		if (!rp->shown && (!f || (!f->count[FILTER_JOB] && person_shown(f, r, (int)p))))
			rp->shown = 1;
		if (!rp->shown)
			continue;
		rv->people_shown++;
		rv->count[REVIEW_NO_APPROVALS] += (rp->findings >> REVIEW_NO_APPROVALS) & 1u;
	}
}

struct read_pass {
	struct review *rv;
	struct ingest *ing;
};

static void each_run(void *ctx, const struct run *run)
{
	struct read_pass *p = ctx;
	int got = review_add(p->rv, run);
	if (got == -2)
		ingest_reject_last(p->ing, REJ_MATCH_LIMIT,
				   "a pattern (jobs.csv or sets) hit the PCRE2 match limit");
}

int review_read(struct review *rv, const struct audit_inputs *in, struct ingest *ing)
{
	struct read_pass p = {rv, ing};
	/* the filters choose approvals, not rows: no row is shown to them */
	struct filter rows;
	filter_init(&rows);
	struct audit_reading how = {each_run, NULL, &p, NULL};
	int status = audit_read(in, ing, rv->tally, &rows, rv->rules, &how, &rv->failed);
	if (rv->tally && copies_say(&rv->copies, rv->tally))
		status = -1;
	/* runs counted under approvals limited to sets pending their unknown
	 * set: a WARNING at the top, as the audit's */
	for (int w = RUN_SET_UNNAMED; rv->tally && w <= RUN_SET_EMPTY; w++) {
		char text[480];
		if (report_sets_unknown(rv->tally, w, text, sizeof text)[0])
			tally_note(rv->tally, 0, "%s", text);
	}
	if (rv->failed) {
		diag_error(NULL, 0, "out of memory: some runs may be counted twice");
		if (rv->tally) {
			rv->tally->incomplete = 1;
			rv->tally->out_of_memory = 1;
		}
		status = -1;
	}
	review_finish(rv);
	return status;
}

uint64_t review_findings(const struct review *rv)
{
	uint64_t n = 0;
	for (int k = 0; k < REVIEW_KINDS; k++)
		n += rv->count[k];
	return n;
}

size_t review_check_filter(const struct filter *f, const struct rules *r)
{
	size_t n = 0;
	char buf[160];
	/* the suggestion audit and runs make */
	for (size_t i = 0; i < f->count[FILTER_JOB]; i++) {
		const struct filter_value *v = &f->values[FILTER_JOB][i];
		if (v->nitems)
			continue;
		const char *near = filter_suggest(v, FILTER_JOB, r, buf, sizeof buf);
		diag_error(NULL, 0, "--job '%s' is no job id or title in %s%s%s%s", v->text,
			   rules_file_name(r->jobs_path), near ? " (did you mean '" : "",
			   near ? near : "", near ? "'?)" : "");
		n++;
	}
	for (size_t i = 0; i < f->count[FILTER_USER]; i++) {
		const struct filter_value *v = &f->values[FILTER_USER][i];
		if (v->nitems)
			continue;
		const char *near = filter_suggest(v, FILTER_USER, r, buf, sizeof buf);
		diag_error(NULL, 0, "--user '%s' matched no one in %s%s%s%s", v->text,
			   rules_file_name(r->staff_path), near ? " (did you mean '" : "",
			   near ? near : "", near ? "'?)" : "");
		n++;
	}
	return n;
}

/* As rules.c reads a unit cell: units separated by '/' or ';', trimmed. */
const char *review_next_unit(const char *cell, size_t *at, size_t *len)
{
	for (;;) {
		const char *p = cell + *at;
		if (!*p)
			return NULL;
		size_t n = strcspn(p, "/;");
		*at += p[n] ? n + 1 : n;
		while (n && isspace((unsigned char)*p))
			p++, n--;
		while (n && isspace((unsigned char)p[n - 1]))
			n--;
		if (n) {
			*len = n;
			return p;
		}
	}
}
