#include "runs_view.h"

#include "cells.h"
#include "diag.h"
#include "summary.h"
#include "times.h"

#include <inttypes.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- the cell ---- */

void runs_view_cell(FILE *out, const char *s, int width)
{
	report_text_cell(out, s, width); /* cells.h: cut with "…", padded */
}

/* ---- orders ---- */

static const char *const order_names[] = {"as-read", "time", "records", "person", "job"};

int runs_order_parse(const char *s, enum runs_order *out)
{
	for (int i = RUNS_BY_TIME; i <= RUNS_BY_JOB; i++)
		if (!strcmp(s, order_names[i])) {
			*out = (enum runs_order)i;
			return 0;
		}
	return -1;
}

const char *runs_order_name(enum runs_order o)
{
	return order_names[o];
}

/* ---- the runs held for a sort ---- */

/* A run held: its fields, the verdict without its detail texts (which
 * follow in the one block with the run's strings), and its labels. */
struct runs_view_held {
	struct run run;
	unsigned char vhead[offsetof(struct verdict, detail)];
	const char *detail[FIND_COUNT];
	const char *verdict, *person, *job;
	uint64_t seq;
	char text[]; /* the strings */
};

static struct runs_view_held *hold(const struct report_run *rr, uint64_t seq)
{
	const struct run *run = rr->run;
	char person[256], job[256];
	summary_person(person, sizeof person, rr->rules, run, rr->v);
	summary_job(job, sizeof job, rr->rules, run, rr->v);
	const char *src[12 + FIND_COUNT] = {run->file,	   run->job_id, run->name,	  run->category,
					    run->user,	   run->user_name, run->status, run->set_name,
					    rr->verdict, person,       job,
					    run->records_note ? run->records_note : ""};
	size_t n = 12;
	for (int k = 0; k < FIND_COUNT; k++)
		src[n++] = rr->v->findings & (1u << k) ? rr->v->detail[k] : "";
	size_t size = 0;
	for (size_t i = 0; i < n; i++)
		size += strlen(src[i] ? src[i] : "") + 1;
	struct runs_view_held *h = malloc(sizeof *h + size);
	if (!h)
		return NULL;
	const char *dst[12 + FIND_COUNT];
	char *at = h->text;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(src[i] ? src[i] : "");
		memcpy(at, src[i] ? src[i] : "", len + 1);
		dst[i] = at;
		at += len + 1;
	}
	h->run = *run;
	h->run.file = dst[0];
	h->run.job_id = dst[1];
	h->run.name = dst[2];
	h->run.category = dst[3];
	h->run.user = dst[4];
	h->run.user_name = dst[5];
	h->run.status = dst[6];
	h->run.set_name = dst[7];
	h->verdict = dst[8];
	h->person = dst[9];
	h->job = dst[10];
	h->run.records_note = dst[11];
	h->run.counters = NULL; /* the counters stay with the reader */
	h->run.ncounters = 0;
	for (int k = 0; k < FIND_COUNT; k++)
		h->detail[k] = dst[12 + k];
	memcpy(h->vhead, rr->v, sizeof h->vhead);
	h->seq = seq;
	return h;
}

static enum runs_order sorting; /* qsort has no context argument */

static int cmp_i64(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_held(const void *pa, const void *pb)
{
	const struct runs_view_held *a = *(struct runs_view_held *const *)pa;
	const struct runs_view_held *b = *(struct runs_view_held *const *)pb;
	int c = 0;
	if (sorting == RUNS_BY_RECORDS)
		c = cmp_i64(b->run.records, a->run.records); /* -1 (no count) last */
	else if (sorting == RUNS_BY_PERSON)
		c = strcmp(a->person, b->person);
	else if (sorting == RUNS_BY_JOB)
		c = strcmp(a->job, b->job);
	if (!c)
		c = cmp_i64(a->run.time, b->run.time);
	if (!c)
		c = a->seq < b->seq ? -1 : a->seq > b->seq;
	return c;
}

static void sort_held(struct runs_view *v)
{
	sorting = v->o.order;
	qsort(v->held, v->nheld, sizeof *v->held, cmp_held);
}

/* Keeps the first top of the order: sorts and lets the rest go. */
static void trim(struct runs_view *v)
{
	sort_held(v);
	while (v->nheld > v->o.top)
		free(v->held[--v->nheld]);
}

static void offer(struct runs_view *v, const struct report_run *rr)
{
	if (v->overflow || v->failed)
		return;
	if (!v->o.top && v->nheld == RUNS_VIEW_MAX) {
		/* said at the end; the copies are of no use now */
		v->overflow = 1;
		while (v->nheld)
			free(v->held[--v->nheld]);
		return;
	}
	if (v->o.top && v->nheld == 2 * v->o.top)
		trim(v);
	if (v->nheld == v->cheld) {
		size_t c = v->cheld ? v->cheld * 2 : 256;
		struct runs_view_held **n = realloc(v->held, c * sizeof *n);
		if (!n) {
			v->failed = 1;
			return;
		}
		v->held = n;
		v->cheld = c;
	}
	struct runs_view_held *h = hold(rr, v->seq++);
	if (!h) {
		v->failed = 1;
		return;
	}
	v->held[v->nheld++] = h;
}

/* ---- the summary ---- */

/* What of a run id is counted (the idset's value). */
enum { COUNTED_RUN = 1, COUNTED_RECORDS = 2, COUNTED_FLAG = 4 };

/* The row of label, added when new and the table has room: the people of
 * staff.csv and the jobs of jobs.csv always (bounded by the rules), other
 * labels while fewer than SUMMARY_KEEP are kept; NULL: the others row. */
static struct runs_view_row *row_of(struct runs_view *v, int people, const char *label,
				    int bounded)
{
	struct hmap *at = people ? &v->people_at : &v->jobs_at;
	struct runs_view_row **rows = people ? &v->people : &v->jobs;
	size_t *n = people ? &v->npeople : &v->njobs, *cap = people ? &v->cpeople : &v->cjobs;
	size_t *kept = people ? &v->kept_people : &v->kept_jobs;
	size_t len = strlen(label);
	int64_t *slot = hmap_get(at, label, len);
	if (slot)
		return &(*rows)[*slot];
	if (!bounded && *kept >= SUMMARY_KEEP)
		return NULL;
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 64;
		struct runs_view_row *r = realloc(*rows, c * sizeof *r);
		if (!r)
			return v->failed = 1, NULL;
		*rows = r;
		*cap = c;
	}
	int added;
	char *copy = strdup(label);
	if (!copy || !(slot = hmap_put(at, label, len, (int64_t)*n, &added))) {
		free(copy);
		return v->failed = 1, NULL;
	}
	struct runs_view_row *r = &(*rows)[(*n)++];
	memset(r, 0, sizeof *r);
	r->label = copy;
	*kept += !bounded;
	return r;
}

static void add_to(struct runs_view_row *r, unsigned add, int64_t records)
{
	r->runs += !!(add & COUNTED_RUN);
	r->flagged += !!(add & COUNTED_FLAG);
	if (add & COUNTED_RECORDS) {
		r->records += records;
		if (!(add & COUNTED_RUN) && r->no_count)
			r->no_count--; /* counted before with no count */
	} else if (add & COUNTED_RUN) {
		r->no_count++;
	}
}

static void count(struct runs_view *v, const struct report_run *rr)
{
	const struct run *run = rr->run;
	unsigned what;
	if (idset_or(&v->ids, run->id, 0, &what) != 0) {
		v->failed = 1;
		return;
	}
	unsigned add = 0;
	if (!(what & COUNTED_RUN))
		add |= COUNTED_RUN;
	/* a copy with a count gives it when the first had none */
	if (!(what & COUNTED_RECORDS) && run->records >= 0)
		add |= COUNTED_RECORDS;
	if (!(what & COUNTED_FLAG) && rr->v->findings)
		add |= COUNTED_FLAG;
	if (!add)
		return;
	if (idset_or(&v->ids, run->id, add, &what) != 0) {
		v->failed = 1;
		return;
	}
	char label[256];
	for (int people = 1; people >= 0; people--) {
		if (people)
			summary_person(label, sizeof label, rr->rules, run, rr->v);
		else
			summary_job(label, sizeof label, rr->rules, run, rr->v);
		struct runs_view_row *r =
			row_of(v, people, label, people ? rr->v->person >= 0 : rr->v->job >= 0);
		if (!r)
			r = &v->others[!people];
		add_to(r, add, run->records);
	}
	add_to(&v->all, add, run->records);
}

static int cmp_rows(const void *pa, const void *pb)
{
	const struct runs_view_row *a = pa, *b = pb;
	if (a->records != b->records)
		return a->records > b->records ? -1 : 1;
	if (a->runs != b->runs)
		return a->runs > b->runs ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* "40,112", or "40,112+" when some runs of the row have no count. */
static const char *records_text(int64_t records, uint64_t no_count, char *buf, size_t size)
{
	report_count((uint64_t)records, buf, size);
	if (no_count && strlen(buf) + 2 <= size)
		strcat(buf, "+");
	return buf;
}

/* The columns: the label 40 wide, the counts as wide as the largest,
 * v->all's (never cut); on a narrow terminal the label cut to fit, then
 * the counts' headings. */
static void widths(const struct runs_view *v, int *w)
{
	struct report_col cols[] = {{40, 10, 0}, {6, 6, 0}, {12, 8, 1}, {14, 8, 1}};
	char buf[40];
	int runs = (int)strlen(report_count(v->all.runs, buf, sizeof buf));
	int records = (int)strlen(records_text(v->all.records, v->all.no_count, buf, sizeof buf));
	int flagged = (int)strlen(report_count(v->all.flagged, buf, sizeof buf));
	const int least[] = {0, runs, records, flagged};
	for (int i = 1; i < 4; i++) {
		if (cols[i].want < least[i])
			cols[i].want = least[i];
		if (cols[i].min < least[i])
			cols[i].min = least[i];
	}
	report_fit(cols, 4, 3, w);
}

static void table_row(const struct runs_view *v, FILE *out, const struct runs_view_row *r,
		      const char *label)
{
	char a[32], b[40], c[32];
	int w[4];
	widths(v, w);
	runs_view_cell(out, label, w[0]);
	putc(' ', out);
	report_text_rcell(out, report_count(r->runs, a, sizeof a), w[1]);
	putc(' ', out);
	report_text_rcell(out, records_text(r->records, r->no_count, b, sizeof b), w[2]);
	putc(' ', out);
	report_text_rcell(out, report_count(r->flagged, c, sizeof c), w[3]);
	putc('\n', out);
}

static void table(struct runs_view *v, FILE *out, int people)
{
	struct runs_view_row *rows = people ? v->people : v->jobs;
	size_t n = people ? v->npeople : v->njobs;
	const struct runs_view_row *other = &v->others[!people];
	char a[32], b[96];
	qsort(rows, n, sizeof *rows, cmp_rows);
	fputc('\n', out);
	int w[4];
	widths(v, w);
	runs_view_cell(out, people ? "PERSON (UNIT)" : "JOB", w[0]);
	putc(' ', out);
	report_text_rcell(out, "RUNS", w[1]);
	putc(' ', out);
	report_text_rcell(out, "RECORDS", w[2]);
	putc(' ', out);
	report_text_rcell(out, "WITH FINDINGS", w[3]);
	putc('\n', out);
	size_t shown = v->o.top && v->o.top < n ? v->o.top : n;
	for (size_t i = 0; i < shown; i++)
		table_row(v, out, &rows[i], rows[i].label);
	if (shown < n) {
		struct runs_view_row rest = {NULL, 0, 0, 0, 0};
		for (size_t i = shown; i < n; i++) {
			rest.runs += rows[i].runs;
			rest.flagged += rows[i].flagged;
			rest.records += rows[i].records;
			rest.no_count += rows[i].no_count;
		}
		char label[96];
		snprintf(label, sizeof label, "(%s more, --top %zu)", report_count(n - shown, a, sizeof a),
			 v->o.top);
		table_row(v, out, &rest, label);
	}
	if (other->runs) {
		snprintf(b, sizeof b, "(others: past the first %s %s)",
			 report_count(SUMMARY_KEEP, a, sizeof a),
			 people ? "not in staff.csv" : "unlisted jobs");
		table_row(v, out, other, b);
	}
	table_row(v, out, &v->all, "all");
}

static void summary_page(struct runs_view *v, const struct report_info *info)
{
	FILE *out = v->inner->out;
	char period[128], a[64], b[64], c[32];
	period_text(info->period, period, sizeof period);
	fprintf(out, "Runs %s, times in %s\n", period, times_zone_name());
	records_text(v->all.records, v->all.no_count, b, sizeof b);
	fprintf(out, "Shown: %s on %s %s, %s with findings\n",
		report_count_of(v->all.runs, "run", "runs", a, sizeof a), b,
		v->all.records == 1 && !v->all.no_count ? "record" : "records",
		report_count(v->all.flagged, c, sizeof c));
	if (v->hidden[0] || v->hidden[1])
		fprintf(out, "Hidden (--manual): %s, %s\n",
			report_count_of(v->hidden[0], "system run", "system runs", a, sizeof a),
			report_count_of(v->hidden[1], "sandbox run", "sandbox runs", b, sizeof b));
	if (v->all.no_count)
		fprintf(out, "%s no record count: a total marked + counts only the runs with one\n",
			report_count_of(v->all.no_count, "run has", "runs have", a, sizeof a));
	table(v, out, 1);
	table(v, out, 0);
}

/* ---- the reporter ---- */

static struct runs_view *view_of(struct reporter *r)
{
	return (struct runs_view *)r; /* rep is the first member */
}

static int passes(const struct runs_view *v)
{
	return v->o.order == RUNS_AS_READ && !v->o.summary;
}

static void view_begin(struct reporter *r, const struct report_info *info)
{
	struct runs_view *v = view_of(r);
	if (passes(v))
		v->inner->begin(v->inner, info);
}

static void view_run(struct reporter *r, const struct report_run *rr)
{
	struct runs_view *v = view_of(r);
	int system = !strcmp(rr->verdict, "system"), sandbox = !strcmp(rr->verdict, "sandbox");
	if (v->o.manual && (system || sandbox)) {
		v->hidden[sandbox]++;
		return;
	}
	v->shown++;
	if (v->o.summary)
		count(v, rr);
	else if (passes(v))
		v->inner->run(v->inner, rr);
	else
		offer(v, rr);
}

/* What the text listing says after its rows: what --top and --manual left
 * out. */
static void text_notes(struct runs_view *v)
{
	FILE *out = v->inner->spool ? v->inner->spool : v->inner->out;
	char a[64], b[64];
	if (v->o.top && v->shown > v->nheld)
		fprintf(out, "The first %s of %s by %s (--top %zu).\n",
			report_count(v->nheld, a, sizeof a),
			report_count_of(v->shown, "run", "runs", b, sizeof b), runs_order_name(v->o.order),
			v->o.top);
	if (v->hidden[0] || v->hidden[1])
		fprintf(out, "Hidden (--manual): %s, %s.\n",
			report_count_of(v->hidden[0], "system run", "system runs", a, sizeof a),
			report_count_of(v->hidden[1], "sandbox run", "sandbox runs", b, sizeof b));
}

static void view_end(struct reporter *r, const struct report_info *info)
{
	struct runs_view *v = view_of(r);
	struct reporter *in = v->inner;
	if (v->failed)
		diag_error(NULL, 0, "out of memory: the listing cannot be written whole");
	if (v->overflow) {
		char a[32], b[32];
		diag_error(NULL, 0,
			   "--sort holds at most %s runs and this listing has %s: narrow it "
			   "(--period, --user, --job, --manual ...) or give --top N",
			   report_count(RUNS_VIEW_MAX, a, sizeof a), report_count(v->shown, b, sizeof b));
	}
	if (v->overflow || v->failed) {
		/* nothing of the listing but the error (text); csv and json nothing */
		if (v->o.text)
			fputs("ERROR: the listing could not be written whole; see the error above.\n",
			      in->out);
		if (in->spool)
			fclose(in->spool); /* the rows, not written */
		in->spool = NULL;
		return;
	}
	if (v->o.summary) {
		if (in->top)
			in->top(in, info); /* the notes first */
		summary_page(v, info);
		in->end(in, info);
		return;
	}
	if (!passes(v)) {
		in->begin(in, info);
		if (v->o.top && v->nheld > v->o.top)
			trim(v);
		else
			sort_held(v);
		for (size_t i = 0; i < v->nheld; i++) {
			struct runs_view_held *h = v->held[i];
			struct verdict verdict;
			memcpy(&verdict, h->vhead, sizeof h->vhead);
			for (int k = 0; k < FIND_COUNT; k++)
				snprintf(verdict.detail[k], sizeof verdict.detail[k], "%s", h->detail[k]);
			struct report_run rr = {&h->run, &verdict, h->verdict, info->rules};
			in->run(in, &rr);
		}
	}
	if (v->o.text)
		text_notes(v);
	in->end(in, info);
}

void runs_view_init(struct runs_view *v, struct reporter *inner, const struct runs_view_options *o)
{
	memset(v, 0, sizeof *v);
	v->inner = inner;
	v->o = *o;
	v->rep.out = inner->out;
	v->rep.begin = view_begin;
	v->rep.run = view_run;
	v->rep.end = view_end;
	hmap_init(&v->people_at);
	hmap_init(&v->jobs_at);
	idset_init(&v->ids);
}

struct reporter *runs_view_reporter(struct runs_view *v)
{
	return &v->rep;
}

int runs_view_failed(const struct runs_view *v)
{
	return v->overflow || v->failed;
}

void runs_view_free(struct runs_view *v)
{
	while (v->nheld)
		free(v->held[--v->nheld]);
	free(v->held);
	for (size_t i = 0; i < v->npeople; i++)
		free(v->people[i].label);
	for (size_t i = 0; i < v->njobs; i++)
		free(v->jobs[i].label);
	free(v->people);
	free(v->jobs);
	hmap_free(&v->people_at);
	hmap_free(&v->jobs_at);
	idset_free(&v->ids);
}
