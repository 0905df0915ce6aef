#include "audit.h"

#include "diag.h"
#include "ingest.h"
#include "verdict.h"

#include <stdlib.h>

struct pass {
	const struct audit_config *c;
	struct reporter *rep;
	struct judge *judge;
	struct ingest *in;
	struct tally *tally;
	struct summary *summary;
	uint64_t hidden;
};

/* A pattern hit the PCRE2 limits on the row just read: it was counted as
 * read and is now rejected, which keeps the balance. */
static void limit_hit(struct pass *p)
{
	ingest_reject_last(p->in, REJ_MATCH_LIMIT,
			   "a pattern (jobs.csv, sets, --job or --grep) hit the PCRE2 match limit");
}

/* In the run listing: shows a run that is not judged (sandbox, system). */
static void list_unjudged(struct pass *p, const struct run *run, const char *what)
{
	struct verdict v;
	if (!period_has(p->c->period, run->time))
		return;
	/* a job name past the pattern limits is shown with no job */
	(void)judge_describe(p->judge, run, &v);
	int shown = filter_match(p->c->filter, p->c->rules, run, &v);
	if (shown == 1) {
		struct report_run rr = {run, &v, what, p->c->rules};
		p->rep->run(p->rep, &rr);
	}
}

static void evidence(struct pass *p, const struct run *run)
{
	p->tally->skipped[SKIP_SANDBOX]++;
	if (judge_evidence(p->judge, run) != 0) {
		p->tally->skipped[SKIP_SANDBOX]--;
		limit_hit(p);
		return;
	}
	if (p->c->mode == AUDIT_RUNS)
		list_unjudged(p, run, "sandbox");
}

static void production(struct pass *p, const struct run *run)
{
	struct tally *t = p->tally;
	struct verdict v;

	if (!period_has(p->c->period, run->time)) {
		t->skipped[SKIP_PERIOD]++;
		return;
	}
	if (run_is_system(run)) {
		t->skipped[SKIP_SYSTEM]++;
		if (p->c->mode == AUDIT_RUNS)
			list_unjudged(p, run, "system");
		return;
	}
	int judged = judge_run(p->judge, run, &v);
	if (judged < 0) {
		limit_hit(p);
		return;
	}
	if (judged > 0 && p->c->mode == AUDIT_FINDINGS) {
		t->skipped[SKIP_REPEAT]++;
		return;
	}
	t->audited++;
	const struct filter *f = p->c->filter;
	if (p->c->mode == AUDIT_RUNS) {
		/* every appearance of a run is listed, with its verdict */
		int shown = filter_match(f, p->c->rules, run, &v);
		if (shown < 0) {
			t->audited--;
			limit_hit(p);
		} else if (shown) {
			char text[96];
			verdict_text(&v, text, sizeof text);
			struct report_run rr = {run, &v, text, p->c->rules};
			p->rep->run(p->rep, &rr);
			if (v.findings)
				summary_add(p->summary, p->c->rules, run, &v, v.findings);
			summary_audited(p->summary, p->c->rules, run, &v, v.findings != 0);
		}
		return;
	}
	if (!v.findings) {
		summary_audited(p->summary, p->c->rules, run, &v, 0);
		return;
	}
	int shown = filter_match(f, p->c->rules, run, &v);
	if (shown < 0) {
		t->audited--;
		limit_hit(p);
		return;
	}
	unsigned kinds = v.findings & (f->findings ? f->findings : ~0u);
	summary_audited(p->summary, p->c->rules, run, &v, shown && kinds);
	if (!shown || !kinds) {
		p->hidden++;
		return;
	}
	for (int k = 0; k < FIND_COUNT; k++) {
		if (!(kinds & (1u << k)))
			continue;
		struct report_finding rf = {(enum finding_kind)k, run, &v, p->c->rules};
		p->rep->finding(p->rep, &rf);
	}
	summary_add(p->summary, p->c->rules, run, &v, kinds);
}

int audit_run(const struct audit_inputs *in, const struct audit_config *c, struct reporter *rep,
	      uint64_t *findings)
{
	struct tally tally;
	struct summary summary;
	struct pass p = {.c = c, .rep = rep, .tally = &tally, .summary = &summary};
	int status = 0;

	tally_init(&tally);
	summary_init(&summary, c->limit);
	p.judge = judge_new(c->rules, c->large_set);
	p.in = ingest_new(in->cols, &tally, in->rejects);
	struct report_info info = {&tally, c->rules, c->period, &summary, 0, c->large_set,
				   c->filter};
	if (!p.judge || !p.in) {
		diag_error(NULL, 0, "out of memory");
		judge_free(p.judge);
		ingest_free(p.in);
		summary_free(&summary);
		tally_free(&tally);
		return -1;
	}
	rep->begin(rep, &info);

	/* Sandbox files first: their runs are the evidence production runs are
	 * judged with. A row an environment column marks as the other kind is
	 * taken as that kind. */
	for (size_t i = 0; i < in->nsandbox + in->nfiles; i++) {
		int sandbox = i < in->nsandbox;
		const char *path = sandbox ? in->sandbox[i] : in->files[i - in->nsandbox];
		struct run run;
		int got;
		if (ingest_open(p.in, path, sandbox ? RUN_SANDBOX : RUN_PRODUCTION) != 0) {
			status = -1;
			continue;
		}
		while ((got = ingest_next(p.in, &run)) > 0) {
			tally_seen(&tally, run.time);
			filter_seen(c->filter, c->rules, &run);
			if (run.env == RUN_SANDBOX)
				evidence(&p, &run);
			else
				production(&p, &run);
		}
		if (got < 0)
			status = -1;
		ingest_close(p.in);
	}

	summary_sort(&summary);
	info.hidden = p.hidden;
	/* a filter value nothing matched: an error, also said in the report */
	filter_report_misses(c->filter, c->rules);
	rep->end(rep, &info);
	*findings = summary.runs;
	judge_free(p.judge);
	ingest_free(p.in);
	summary_free(&summary);
	tally_free(&tally);
	return status;
}
