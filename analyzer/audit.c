#include "audit.h"

#include "cells.h"
#include "copies.h"
#include "diag.h"
#include "fields.h"
#include "ingest.h"
#include "joins.h"
#include "records.h"
#include "report_header.h"
#include "runset.h"
#include "setname.h"
#include "verdict.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct pass {
	const struct audit_config *c;
	struct reporter *rep;
	struct judge *judge;
	struct ingest *in;
	struct tally *tally;
	struct summary *summary;
	struct runset once; /* every run counted once */
	struct copies copies; /* a sample of the runs' times, to compare copies */
	int failed;	    /* out of memory: the counts may be short */
	/* runs the filters hid for want of their size (filter_undecided) */
	uint64_t undecided;
	/* sandbox evidence may still come after the rows being read (an input
	 * read once, not ahead, may hold sandbox rows) */
	int evidence_open;
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
	if (judge_evidence(p->judge, run) < 0) {
		p->tally->skipped[SKIP_SANDBOX]--;
		limit_hit(p);
		return;
	}
	if (p->c->mode == AUDIT_RUNS) {
		/* the listing answers for sandbox runs in the period too */
		p->tally->in_period += period_has(p->c->period, run->time);
		list_unjudged(p, run, "sandbox");
	}
}

/* New or recurring, against the baseline (spec section 4). */
static enum baseline_trend trend(struct pass *p, enum finding_kind k, const struct run *run,
				 const struct verdict *v)
{
	const struct rules *r = p->c->rules;
	struct baseline_finding f = {k, v->person >= 0 ? r->people[v->person].name : "",
				     run->user, run->user_name,
				     v->job >= 0 ? r->jobs[v->job].id : "", run->name, v->person};
	return baseline_mark(p->c->baseline, &f);
}

/* Shows the kinds of a run's findings that the filters let through and no
 * earlier copy showed (in the run listing, only counts them: the run itself
 * was listed when read). Returns -1 when a pattern hit its limit. */
static int show(struct pass *p, const struct run *run, const struct verdict *v, unsigned fresh)
{
	const struct filter *f = p->c->filter;
	int shown = filter_match(f, p->c->rules, run, v);
	if (shown < 0)
		return -1;
	unsigned kinds = shown ? fresh & (f->findings ? f->findings : ~0u) : 0;
	kinds &= ~runset_shown_kinds(&p->once, run->id);
	if (!kinds)
		return 0;
	int first;
	if (runset_shown(&p->once, run->id, kinds, &first) != 0) {
		p->failed = 1;
		return 0;
	}
	/* a waived finding is shown, marked with its waiver, and counted apart */
	const struct waivers *w = p->c->mode == AUDIT_FINDINGS ? p->c->rules->waivers : NULL;
	const struct report_tap *tap = p->c->mode == AUDIT_FINDINGS ? p->rep->tap : NULL;
	unsigned waived = 0, novel = 0; /* novel: new against the baseline */
	for (int k = 0; k < FIND_COUNT && p->c->mode == AUDIT_FINDINGS; k++) {
		if (!(kinds & (1u << k)))
			continue;
		int i = waivers_find(w, (enum finding_kind)k, run, v);
		struct report_finding rf = {(enum finding_kind)k, run, v, p->c->rules, NULL,
					    i >= 0 ? &w->w[i] : NULL};
		if (p->c->baseline) {
			enum baseline_trend t = trend(p, (enum finding_kind)k, run, v);
			rf.trend = baseline_trend_name(t);
			novel |= (t == TREND_NEW) << k;
		}
		p->rep->finding(p->rep, &rf);
		if (i >= 0) {
			int is_new = (novel >> k) & 1u;
			waived |= 1u << k;
			summary_waive(p->summary, p->c->rules, run, v, (enum finding_kind)k, i, is_new);
			if (tap)
				tap->waived(tap->ctx, run, v, (enum finding_kind)k, i, is_new);
		}
	}
	unsigned flagged = kinds & ~waived;
	if (p->c->mode == AUDIT_FINDINGS) {
		/* a run counts among the runs with findings from its first finding
		 * no waiver covers, whichever copy shows it */
		int added = flagged ? runset_flag(&p->once, run->id) : 0;
		if (added < 0)
			p->failed = 1;
		first = added == 1;
	}
	if (flagged)
		summary_add(p->summary, p->c->rules, run, v, flagged, novel & flagged, first);
	if (first)
		summary_flag(p->summary, run);
	if (tap && flagged)
		tap->found(tap->ctx, run, v, flagged, novel & flagged, first);
	return 0;
}

/* unknown-size waits for the end: a later copy may give the count. A copy
 * with no count (or a count so far: a run not finished, below the job's
 * large_set) is held when the run is first read, and replaces the one held;
 * a copy whose count answers (a finished run's, or one already above)
 * lets it go. */
static void hold_unknown(struct pass *p, const struct run *run, const struct verdict *v, int first)
{
	if (v->findings & (1u << FIND_UNKNOWN_SIZE)) {
		if ((first || runset_held(&p->once, run->id)) && runset_hold(&p->once, run) != 0)
			p->failed = 1;
	} else if (!first && run->records >= 0) {
		runset_release(&p->once, run->id);
	}
}

/* The run listing's line for a judged run, and the summary's counts of it
 * (unknown-size at the end, when no copy gave a count). */
static void list_judged(struct pass *p, const struct run *run, const struct verdict *v)
{
	int shown = filter_match(p->c->filter, p->c->rules, run, v);
	if (shown < 0) {
		limit_hit(p);
	} else if (shown) {
		char text[96];
		verdict_text(v, text, sizeof text);
		struct report_run rr = {run, v, text, p->c->rules};
		p->rep->run(p->rep, &rr);
		int new_run;
		unsigned kinds = v->findings & ~(1u << FIND_UNKNOWN_SIZE) &
				 ~runset_shown_kinds(&p->once, run->id);
		if (kinds && runset_shown(&p->once, run->id, kinds, &new_run) == 0) {
			summary_add(p->summary, p->c->rules, run, v, kinds, 0, new_run);
			if (new_run)
				summary_flag(p->summary, run);
		}
	}
}

#define EVIDENCE_KINDS ((1u << FIND_UNAPPROVED) | (1u << FIND_NO_SIGNOFF))

static void production(struct pass *p, const struct run *run)
{
	struct tally *t = p->tally;
	struct verdict v;

	/* a sandbox run with this id is a copy of it, never evidence (a copy
	 * of a system run is no evidence anyway) */
	if (!run_is_system(run) && judge_production_id(p->judge, run->id) != 0)
		p->failed = 1;
	if (!period_has(p->c->period, run->time)) {
		t->skipped[SKIP_PERIOD]++;
		return;
	}
	t->in_period++;
	if (run_is_system(run)) {
		t->skipped[SKIP_SYSTEM]++;
		if (p->c->mode == AUDIT_RUNS)
			list_unjudged(p, run, "system");
		return;
	}
	runset_prefetch(&p->once, run->id); /* loaded while the run is judged */
	if (judge_run(p->judge, run, &v) < 0) {
		limit_hit(p);
		return;
	}
	int first = runset_add(&p->once, run->id);
	if (first < 0) {
		p->failed = 1;
		first = 0;
	}
	/* the sets inferred: runs, not copies; a run approved pending its
	 * unknown set, counted at the end unless a copy knew the set, by why */
	static const unsigned why[] = {[RUN_SET_UNNAMED] = RUNSET_SET_UNKNOWN,
				       [RUN_SET_NO_COLUMN] = RUNSET_SET_NO_COLUMN,
				       [RUN_SET_EMPTY] = RUNSET_SET_EMPTY};
	unsigned mark = v.set_unknown && run->set_unknown > 0 && run->set_unknown <= RUN_SET_EMPTY
				? why[run->set_unknown]
				: 0;
	/* warned of when the filters ask about the run (runs --id X is not
	 * told of another run's set) */
	if (mark && filter_concerns(p->c->filter, p->c->rules, run, &v) != 1)
		mark = 0;
	if (run->set_inferred)
		mark |= RUNSET_SET_INFERRED;
	if (!run->set_unknown && v.sets_limited)
		mark |= RUNSET_SET_KNOWN; /* an approval's sets checked against it */
	if (mark) {
		int got = runset_mark(&p->once, run->id, mark);
		if (got < 0)
			p->failed = 1;
		else if (got & RUNSET_SET_INFERRED)
			t->sets_inferred++;
	}
	copies_seen(&p->copies, run, first, t);
	/* the choice between unapproved and no-signoff waits for the end when
	 * evidence may still come, or the sandbox run it rests on may yet
	 * prove a copy of a production run */
	int defer = verdict_rests_on_sandbox(&v) && (p->evidence_open || v.sandbox != TIME_NONE);
	if (defer) {
		if (runset_defer(&p->once, run) != 0)
			p->failed = 1;
		v.findings &= ~EVIDENCE_KINDS;
	}
	/* a run read before is a copy: counted once, its findings the union */
	const struct report_tap *tap = p->c->mode == AUDIT_FINDINGS ? p->rep->tap : NULL;
	if (first) {
		t->audited++;
		summary_audited(p->summary, run);
		if (v.job >= 0 && !run_is_account(run))
			joins_person(t, run->file, run->user, run->user_name, v.person, v.how);
		else if ((v.findings & 1u << FIND_UNLISTED_JOB) && !run_is_account(run))
			joins_unlisted(t, run->name);
		if (tap)
			tap->audited(tap->ctx, run, &v);
	} else {
		t->skipped[SKIP_REPEAT]++;
	}
	summary_damaging(p->summary, p->c->rules, run, &v);
	if (tap)
		tap->damaging(tap->ctx, run, &v);
	hold_unknown(p, run, &v, first);
	if (p->c->mode == AUDIT_RUNS) {
		/* every appearance of a run is listed, with its own verdict: one
		 * whose verdict waits is listed at the end */
		if (!defer)
			list_judged(p, run, &v);
		return;
	}
	unsigned found = v.findings & ~(1u << FIND_UNKNOWN_SIZE);
	unsigned fresh;
	if (runset_found(&p->once, run->id, found, &fresh) != 0) {
		p->failed = 1;
		fresh = found;
	}
	if (fresh && show(p, run, &v, fresh) < 0)
		limit_hit(p);
}

/* The runs whose unapproved or no-signoff choice waited: judged again now
 * that every sandbox run is known (and every copy), in the order read. */
static void deferred(struct pass *p)
{
	for (size_t i = 0; i < p->once.ndeferred; i++) {
		const struct run *run = &p->once.deferred[i].run;
		struct verdict v;
		/* a pattern at its limit here was at it on the first reading too */
		if (judge_run(p->judge, run, &v) < 0)
			continue;
		if (p->c->mode == AUDIT_RUNS) {
			list_judged(p, run, &v);
			continue;
		}
		unsigned fresh;
		if (runset_found(&p->once, run->id, v.findings & EVIDENCE_KINDS, &fresh) != 0) {
			p->failed = 1;
			fresh = v.findings & EVIDENCE_KINDS;
		}
		if (fresh)
			(void)show(p, run, &v, fresh);
	}
}

/* A run held for its unknown size that the filters hid for want of it
 * (filter_undecided) and no waiver of its unknown-size covers: counted,
 * for the note and the exit status. */
static void undecided(struct pass *p, const struct run *run, const struct verdict *v)
{
	if (filter_undecided(p->c->filter, p->c->rules, run, v) != 1)
		return;
	if (p->c->mode == AUDIT_FINDINGS &&
	    waivers_find(p->c->rules->waivers, FIND_UNKNOWN_SIZE, run, v) >= 0)
		return;
	p->undecided++;
}

/* The note of the runs the filters hid for want of their size: they may
 * be runs the user asked for, so the report is no all-clear. */
static void undecided_note(const struct pass *p)
{
	const struct filter *f = p->c->filter;
	char n[32], asked[96] = "", lim[32];
	uint64_t k = p->undecided;
	if (!k)
		return;
	if (f->findings & 1u << FIND_DAMAGING_LARGE_SET)
		snprintf(asked, sizeof asked, "--finding damaging-large-set%s",
			 f->min_records >= 0 ? " and " : "");
	if (f->min_records >= 0)
		snprintf(asked + strlen(asked), sizeof asked - strlen(asked), "--min-records %" PRId64,
			 f->min_records);
	int both = f->min_records >= 0 && (f->findings & 1u << FIND_DAMAGING_LARGE_SET);
	if (both)
		snprintf(lim, sizeof lim, "not one of those asked for");
	else if (f->min_records >= 0)
		snprintf(lim, sizeof lim, "below %" PRId64, f->min_records);
	else
		snprintf(lim, sizeof lim, "not large");
	int one = k == 1;
	tally_note(p->tally, 0,
		   "%s %s not shown: %s size is unknown (unknown-size), so %s cannot say %s %s; "
		   "the exit status is 1 (%s %s)",
		   report_count(k, n, sizeof n),
		   one ? "run of a damaging job is" : "runs of damaging jobs are", one ? "its" : "their",
		   asked, one ? "it is" : "they are", lim,
		   f->min_records >= 0 ? "--finding unknown-size, without --min-records, lists"
				       : "add --finding unknown-size to list",
		   one ? "it" : "them");
}

/* The unknown-size findings that no later copy answered, in the order
 * their runs were first read. */
static void held_back(struct pass *p)
{
	for (size_t i = 0; i < p->once.nheld; i++) {
		struct runset_held *h = &p->once.held[i];
		if (!h->live)
			continue;
		unsigned fresh, kind = 1u << FIND_UNKNOWN_SIZE;
		/* judged again, as when it was read (its details were not kept):
		 * only its unknown-size is shown here; a pattern at its limit here
		 * was at it on the first reading too */
		struct verdict v;
		if (judge_run(p->judge, &h->run, &v) < 0)
			continue;
		v.findings |= kind;
		/* a damaging job's run from the API's JSON that no counter of any
		 * copy gave a count: the report's Unchecked line (not a run still
		 * running, whose counter gave a count so far) */
		if (h->run.api && h->run.records < 0 && v.job >= 0)
			tally_uncounted(p->tally, v.job);
		/* the listing counts no hidden runs: it lists what it shows */
		if (p->c->mode == AUDIT_FINDINGS &&
		    runset_found(&p->once, h->run.id, kind, &fresh) != 0)
			p->failed = 1;
		(void)show(p, &h->run, &v, kind);
		undecided(p, &h->run, &v);
	}
}

/* The path of input i: the --sandbox files, then the production files. */
static const char *input_path(const struct audit_inputs *in, size_t i)
{
	return i < in->nsandbox ? in->sandbox[i] : in->files[i - in->nsandbox];
}

/* Input i names a file already given (the same device and inode, or "-"
 * twice; "-" is standard input's, so /dev/stdin with "-" is one input): it
 * is listed, warned about, and not read again, since every run counts once
 * anyway. A regular file given with --sandbox and as production is read in
 * both roles, as a copy of it would be (read once, one role would go
 * unread); what cannot be read twice (standard input, a pipe, a FIFO: a
 * second open would wait for a writer forever) is read once, in the role
 * it is first given. The earlier input's index + 1 when so, 0 when it is
 * to be read (its identity kept in seen[i]). */
static size_t same_file(const struct audit_inputs *in, struct stat *seen, size_t i)
{
	const char *path = input_path(in, i);
	int stdin_ = strcmp(path, "-") == 0;
	if (stdin_ ? fstat(STDIN_FILENO, &seen[i]) != 0 : stat(path, &seen[i]) != 0) {
		if (!stdin_)
			return 0; /* ingest_open says why it cannot be read */
		seen[i].st_ino = 0, seen[i].st_dev = 0, seen[i].st_nlink = 1, seen[i].st_mode = 0;
	}
	for (size_t k = 0; k < i; k++) {
		int k_stdin = strcmp(input_path(in, k), "-") == 0;
		int same = (stdin_ && k_stdin) ||
			   (seen[k].st_nlink && seen[k].st_mode && seen[i].st_mode &&
			    seen[k].st_dev == seen[i].st_dev && seen[k].st_ino == seen[i].st_ino);
		if (!same)
			continue;
		if ((k < in->nsandbox) != (i < in->nsandbox) && S_ISREG(seen[i].st_mode) &&
		    !stdin_ && !k_stdin)
			continue; /* read in both roles */
		return k + 1;
	}
	return 0;
}

/* Lists input i as the same file as input k (1-based), and warns. */
static void same_said(const struct audit_inputs *in, size_t i, size_t k, struct tally *t)
{
	const char *path = input_path(in, i);
	int stdin_ = strcmp(path, "-") == 0;
	const char *name = stdin_ ? "(standard input)" : path;
	int at = tally_add_file(t, name, i < in->nsandbox ? RUN_SANDBOX : RUN_PRODUCTION);
	if (at < 0)
		return;
	t->files[at].same_as = (int)k;
	t->same_files++;
	const char *first = input_path(in, k - 1);
	diag_error(name, 0, "warning: the same file as input %zu (%s): read once", k,
		   strcmp(first, "-") ? first : "(standard input)");
}

int audit_uncovered(const struct audit_inputs *in, const struct period *period, int any_run,
		    struct tally *t)
{
	if (!in->nfiles)
		return 0;
	return joins_coverage(t, period, any_run);
}

/* 1 when input i can be read twice: a regular file (standard input, a
 * pipe or a FIFO cannot). */
static int rereadable(const struct audit_inputs *in, size_t i)
{
	struct stat st;
	const char *path = input_path(in, i);
	return strcmp(path, "-") && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The first reading of the production files that are regular files with an
 * environment column: their sandbox rows go to early() before any
 * production run is judged, wherever they sit. Nothing is counted and
 * nothing said (the second reading counts and says all); ahead[i] is set
 * for each file read so. */
static void read_ahead(const struct audit_inputs *in, const struct audit_reading *how,
		       const int *skip, int *ahead)
{
	struct tally scratch;
	tally_init(&scratch);
	struct ingest *ing = ingest_new(in->cols, &scratch, NULL);
	if (!ing) {
		tally_free(&scratch);
		return;
	}
	diag_mute(1);
	ingest_only_sandbox(ing, 1);
	for (size_t i = in->nsandbox; i < in->nsandbox + in->nfiles; i++) {
		if (skip[i] || !rereadable(in, i) ||
		    ingest_open(ing, input_path(in, i), RUN_PRODUCTION) != 0)
			continue;
		if (ingest_has(ing, COL_ENVIRONMENT)) {
			struct run run;
			ahead[i] = 1;
			while (ingest_next(ing, &run) > 0)
				if (run.env == RUN_SANDBOX)
					how->early(how->ctx, &run);
		}
		ingest_close(ing);
	}
	diag_mute(0);
	ingest_free(ing);
	tally_free(&scratch);
}

int audit_unread_twice(const struct audit_inputs *in)
{
	for (size_t i = in->nsandbox; i < in->nsandbox + in->nfiles; i++)
		if (!rereadable(in, i))
			return 1;
	return 0;
}

/* A status no table of Alma's knows ("Cancelled by user", kept as
 * CANCELLED_BY_USER) is named as a cell, as an unknown type is: the verdict
 * does without it, the report says which cell it was. */
static void status_named(struct tally *t, const struct run *run)
{
	if (!run->status[0] || run_status_known(run->status))
		return;
	char text[200];
	const char *near = run_status_nearest(run->status);
	snprintf(text, sizeof text,
		 "status '%.64s' is no status Alma lists: shown as written, not needed by the "
		 "verdict%s%s%s",
		 run->status, near ? " (did you mean " : "", near ? near : "", near ? "?)" : "");
	tally_bad_cell(t, run->file, run->line, COL_STATUS, text);
}

/* A run from a CSV with no set_name column: its set read from its instance
 * name as the API's is (spec section 1.1), the middle part after the
 * job's name, when the job's pattern is that name as a literal ("^Change
 * Physical Items(?: - |$)"), into buf: judged, and marked inferred. Else
 * it stays unknown. (An empty cell of a set_name column stays unknown: the
 * export's own column gives no set, and the name's middle may be a
 * description.) */
static void set_from_name(const struct rules *r, struct run *run, char *buf, size_t size)
{
	if (run->api || run->set_unknown != RUN_SET_NO_COLUMN)
		return;
	size_t n = strlen(run->name);
	int job = rules_job_for_name(r, run->name, n);
	if (job < 0 || !r->jobs[job].prefix_whole || !r->jobs[job].prefix_len)
		return;
	const char *set;
	size_t len = setname_infer(run->name, n, r->jobs[job].prefix, r->jobs[job].prefix_len, &set);
	if (!len || len >= size)
		return;
	memcpy(buf, set, len);
	buf[len] = '\0';
	run->set_name = buf;
	run->set_inferred = 1;
	run->set_unknown = RUN_SET_KNOWN;
}

int audit_read(const struct audit_inputs *in, struct ingest *ing, struct tally *t,
	       const struct filter *f, const struct rules *r, const struct audit_reading *how,
	       int *oom)
{
	int status = 0;
	/* Sandbox files first: their runs are the evidence production runs are
	 * judged with. A row an environment column marks as the other kind is
	 * taken as that kind. */
	size_t ninputs = in->nsandbox + in->nfiles;
	struct stat *seen = calloc(ninputs ? ninputs : 1, sizeof *seen);
	int *skip = calloc(ninputs ? ninputs : 1, sizeof *skip);
	int *ahead = calloc(ninputs ? ninputs : 1, sizeof *ahead);
	if (!seen || !skip || !ahead) {
		*oom = 1;
		free(seen);
		free(skip);
		free(ahead);
		return -1;
	}
	for (size_t i = 0; i < ninputs; i++)
		skip[i] = (int)same_file(in, seen, i);
	if (how->early)
		read_ahead(in, how, skip, ahead);
	for (size_t i = 0; i < ninputs; i++) {
		int sandbox = i < in->nsandbox;
		struct run run;
		int got;
		if (skip[i]) {
			same_said(in, i, (size_t)skip[i], t);
			continue;
		}
		if (ingest_open(ing, input_path(in, i), sandbox ? RUN_SANDBOX : RUN_PRODUCTION) != 0) {
			status = -1;
			continue;
		}
		/* a CSV with no set_name column: every run's set is unknown
		 * (run_set_from_csv), the file named at the report's top */
		int has_set = ingest_has(ing, COL_SET_NAME);
		if (t->nfiles) /* ingest_open added it last */
			t->files[t->nfiles - 1].no_sets = !has_set;
		if (how->evidence_open) {
			/* sandbox rows may still come: from this input, read once,
			 * or from a later one that cannot be read ahead */
			int open = !ahead[i] && ingest_has(ing, COL_ENVIRONMENT);
			for (size_t k = i + 1; k < ninputs && !open; k++)
				open = !skip[k] && !rereadable(in, k);
			*how->evidence_open = open;
		}
		while ((got = ingest_next(ing, &run)) > 0) {
			/* a header inside the file (exports joined) may bring an
			 * environment column: its sandbox rows may yet come */
			if (how->evidence_open && !ahead[i] && !*how->evidence_open &&
			    ingest_has(ing, COL_ENVIRONMENT))
				*how->evidence_open = 1;
			/* the API's JSON gives counters: the count, once the job is known */
			char note[320], set[256];
			(void)records_resolve(r, &run, note, sizeof note);
			run_set_from_csv(&run, has_set);
			set_from_name(r, &run, set, sizeof set);
			status_named(t, &run);
			tally_seen(t, run.time);
			filter_seen(f, r, &run);
			how->each(how->ctx, &run);
		}
		if (got < 0)
			status = -1;
		ingest_close(ing);
	}
	if (how->evidence_open)
		*how->evidence_open = 0;
	free(seen);
	free(skip);
	free(ahead);
	return status;
}

/* A sandbox row of a production file, read ahead: evidence only (a pattern
 * at its limit is said when the row is read again). */
static void early_run(void *ctx, const struct run *run)
{
	struct pass *p = ctx;
	(void)judge_evidence(p->judge, run);
}

static void each_run(void *ctx, const struct run *run)
{
	struct pass *p = ctx;
	if (run->env == RUN_SANDBOX)
		evidence(p, run);
	else
		production(p, run);
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
	runset_init(&p.once);
	copies_init(&p.copies);
	p.judge = judge_new(c->rules, c->large_set);
	p.in = ingest_new(in->cols, &tally, in->rejects);
	tally.refreshed = c->refreshed;
	char zone[512];
	if (times_zone_warning(zone, sizeof zone))
		tally_note(&tally, 0, "%s", zone);
	if (p.judge && c->refreshed != TIME_NONE)
		judge_set_refreshed(p.judge, c->refreshed);
	if (p.judge && audit_unread_twice(in))
		judge_track_production(p.judge);
	if (tally_months(&tally, c->period->first_day, c->period->last_day) != 0)
		p.failed = 1;
	struct report_info info = {&tally, c->rules, c->period, &summary, 0, c->large_set,
				   c->filter, c->baseline, c->today, NULL, NULL, NULL, 0};
	if (!p.judge || !p.in) {
		diag_error(NULL, 0, "out of memory");
		judge_free(p.judge);
		ingest_free(p.in);
		runset_free(&p.once);
		copies_free(&p.copies);
		summary_free(&summary);
		tally_free(&tally);
		return -1;
	}
	rep->begin(rep, &info);

	struct audit_reading how = {each_run, early_run, &p, &p.evidence_open};
	if (audit_read(in, p.in, &tally, c->filter, c->rules, &how, &p.failed) != 0)
		status = -1;
	deferred(&p);
	held_back(&p);
	if (copies_say(&p.copies, &tally))
		status = -1; /* said at the report's top */
	tally.sets_unknown = runset_count(&p.once, RUNSET_SETS_UNKNOWN, RUNSET_SET_KNOWN);
	tally.sets_why[RUN_SET_UNNAMED] = runset_count(&p.once, RUNSET_SET_UNKNOWN, RUNSET_SET_KNOWN);
	tally.sets_why[RUN_SET_NO_COLUMN] =
		runset_count(&p.once, RUNSET_SET_NO_COLUMN, RUNSET_SET_KNOWN);
	tally.sets_why[RUN_SET_EMPTY] = runset_count(&p.once, RUNSET_SET_EMPTY, RUNSET_SET_KNOWN);
	tally.sandbox_aside = judge_sandbox_aside(p.judge);
	tally.sandbox_copies = judge_sandbox_copies(p.judge);
	if (audit_uncovered(in, c->period, c->mode == AUDIT_RUNS, &tally) != 0)
		status = -1;
	if (joins_identity(&tally, c->rules))
		status = -1;
	if (joins_jobs(&tally, c->rules))
		status = -1;
	if (c->mode != AUDIT_RUNS)
		joins_staff_runs(&tally, c->period);
	if (joins_dates(&tally))
		status = -1; /* said at its line, and at the report's top */
	/* runs judged approved though their set is unknown: a WARNING at the
	 * top of every report (and on standard error) */
	for (int w = RUN_SET_UNNAMED; w <= RUN_SET_EMPTY; w++) {
		char text[480];
		if (report_sets_unknown(&tally, w, text, sizeof text)[0])
			tally_note(&tally, 0, "%s", text);
	}
	undecided_note(&p);
	if (p.failed) {
		diag_error(NULL, 0, "out of memory: some runs may be counted or reported twice");
		tally.incomplete = 1;
		tally.out_of_memory = 1;
		status = -1;
	}
	summary_sort(&summary);
	if (summary.failed) {
		/* the counts by kind are whole; the report says its tables are not */
		diag_error(NULL, 0, "out of memory: the report's tables are short");
		status = -1;
	}
	info.hidden = runset_hidden(&p.once);
	if (c->baseline && baseline_finish(c->baseline) != 0)
		status = -1;
	/* a filter value nothing matched: an error, also said in the report */
	filter_report_misses(c->filter, c->rules);
	if (c->say_reading)
		report_header_say(&info); /* csv: what its header would have said */
	rep->end(rep, &info);
	*findings = summary.runs + p.undecided;
	if (c->rejected)
		*c->rejected = tally_rejected(&tally);
	judge_free(p.judge);
	ingest_free(p.in);
	runset_free(&p.once);
	copies_free(&p.copies);
	summary_free(&summary);
	tally_free(&tally);
	return status;
}
