#include "split.h"

#include "baseline.h"
#include "cells.h"
#include "diag.h"
#include "output.h"
#include "summary.h"
#include "units.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* One report: the whole one, or a unit's. */
struct part {
	const struct unit *unit; /* NULL: the whole report */
	char *path;
	struct output out; /* a temporary file beside path until split_finish */
	int begun, failed, kept;
	struct reporter rep;
	struct summary sum; /* a unit's own (the whole report's is the audit's) */
	struct email_options mail;
	struct report_unit ru;
	/* --baseline: the unit's view of it (its own trend counts and resolved
	 * items; the items themselves are the baseline's) */
	struct baseline view;
	uint64_t fresh[FIND_COUNT], recurring[FIND_COUNT];
};

struct split {
	struct reporter rep; /* the dispatcher: first, so that a struct reporter * is a split */
	struct report_tap tap;
	const struct rules *rules;
	struct split_options o;
	const char *ext;
	struct units *units; /* the units of staff.csv */
	struct part all, *parts;
	size_t *first, *index; /* the parts of person p: index[first[p] .. first[p + 1]) */
	const struct report_info *info; /* the whole report's, from begin to end */
	uint64_t unknown; /* runs with findings by people not in staff.csv */
	uint64_t all_audited, all_runs; /* the whole report's counts, at its end */
	int made_dir; /* DIR was made by this run: removed again when nothing is kept */
	int failed;   /* a file could not be opened or written: nothing is kept */
	char all_name[32];
};

void split_file_name(const char *code, const char *ext, char *buf, size_t size)
{
	size_t o = 0;
	for (const char *c = code; *c && o + 1 < size; c++) {
		int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			 (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || (*c == '.' && o);
		buf[o++] = ok ? *c : '_';
	}
	snprintf(buf + o, size - o, ".%s", ext);
}

static const char *extension(const char *format)
{
	return !strcmp(format, "text") ? "txt" : !strcmp(format, "email") ? "eml" : format;
}

/* Opens a part's file (a temporary file beside it until split_finish) and
 * makes its reporter; -1 (reported) when not. */
static int part_open(struct split *s, struct part *p)
{
	if (output_open(&p->out, p->path) != 0) {
		p->failed = s->failed = 1;
		return -1;
	}
	reporter_audit(&p->rep, s->o.format, s->o.summary, p->out.f, &p->mail);
	return 0;
}

/* A unit's report begins at its first audited run. */
static int part_begin(struct split *s, struct part *p)
{
	if (p->begun)
		return !p->failed;
	p->begun = 1;
	if (part_open(s, p) != 0)
		return 0;
	struct report_info info = *s->info;
	info.summary = &p->sum;
	info.unit = &p->ru;
	if (info.baseline) {
		/* the unit's own counts, filled at the end */
		p->view = *info.baseline;
		memset(p->view.fresh, 0, sizeof p->view.fresh);
		memset(p->view.recurring, 0, sizeof p->view.recurring);
		memset(p->view.resolved, 0, sizeof p->view.resolved);
		p->view.gone = NULL;
		p->view.ngone = 0;
		info.baseline = &p->view;
	}
	p->rep.begin(&p->rep, &info);
	return 1;
}

/* The parts of the person of a verdict (none for someone not in staff.csv). */
#define EACH_PART(s, v, p)                                                                     \
	for (size_t i_ = (v)->person >= 0 ? (s)->first[(v)->person] : 0,                       \
		    end_ = (v)->person >= 0 ? (s)->first[(v)->person + 1] : 0;                 \
	     i_ < end_ && ((p) = &(s)->parts[(s)->index[i_]], 1); i_++)

static void tap_audited(void *ctx, const struct run *run, const struct verdict *v)
{
	struct split *s = ctx;
	struct part *p;
	EACH_PART(s, v, p)
	{
		if (!part_begin(s, p))
			continue;
		p->ru.audited++;
		summary_audited(&p->sum, run);
	}
}

static void tap_damaging(void *ctx, const struct run *run, const struct verdict *v)
{
	struct split *s = ctx;
	struct part *p;
	EACH_PART(s, v, p)
	if (p->begun && !p->failed)
		summary_damaging(&p->sum, s->rules, run, v);
}

static void tap_waived(void *ctx, const struct run *run, const struct verdict *v,
		       enum finding_kind kind, int waiver, int is_new)
{
	struct split *s = ctx;
	struct part *p;
	EACH_PART(s, v, p)
	if (p->begun && !p->failed)
		summary_waive(&p->sum, s->rules, run, v, kind, waiver, is_new);
}

static void tap_found(void *ctx, const struct run *run, const struct verdict *v, unsigned kinds,
		      unsigned new_kinds, int new_run)
{
	struct split *s = ctx;
	struct part *p;
	if (v->person < 0 && new_run)
		s->unknown++;
	EACH_PART(s, v, p)
	{
		if (!p->begun || p->failed)
			continue;
		summary_add(&p->sum, s->rules, run, v, kinds, new_kinds, new_run);
		if (new_run)
			summary_flag(&p->sum, run);
	}
}

static void split_begin(struct reporter *r, const struct report_info *info)
{
	struct split *s = (struct split *)r;
	s->info = info;
	if (s->all.out.f)
		s->all.rep.begin(&s->all.rep, info);
}

static void split_finding(struct reporter *r, const struct report_finding *f)
{
	struct split *s = (struct split *)r;
	struct part *p;
	if (s->all.out.f)
		s->all.rep.finding(&s->all.rep, f);
	r->written++;
	EACH_PART(s, f->v, p)
	{
		if (!p->begun || p->failed)
			continue;
		p->rep.finding(&p->rep, f);
		if (f->trend && !strcmp(f->trend, baseline_trend_name(TREND_NEW)))
			p->fresh[f->kind]++;
		else if (f->trend && !strcmp(f->trend, baseline_trend_name(TREND_RECURRING)))
			p->recurring[f->kind]++;
	}
}

/* A unit's view of the baseline at the end: its findings' trend counts,
 * and the resolved items of people in the unit now (staff.csv), in the
 * baseline's order; those of people not in staff.csv are in all.* only. */
static void unit_baseline(struct split *s, struct part *p, const struct baseline *b)
{
	memcpy(p->view.fresh, p->fresh, sizeof p->fresh);
	memcpy(p->view.recurring, p->recurring, sizeof p->recurring);
	if (!b->ngone)
		return;
	if (!(p->view.gone = malloc(b->ngone * sizeof *p->view.gone))) {
		diag_error(p->path, 0, "out of memory: the resolved findings are not listed");
		return;
	}
	size_t at = (size_t)(p - s->parts);
	for (size_t i = 0; i < b->ngone; i++) {
		int person = b->items[b->gone[i]].staff;
		if (person < 0)
			continue;
		for (size_t k = s->first[person]; k < s->first[person + 1]; k++)
			if (s->index[k] == at) {
				p->view.gone[p->view.ngone++] = b->gone[i];
				p->view.resolved[b->items[b->gone[i]].kind]++;
			}
	}
}

/* The waivers that covered nothing, or expired, are the waivers file's
 * business: a unit's report counts what each waiver covered in the whole
 * audit, so that it lists the same ones as all.* (its waived findings are
 * its own). */
static void whole_covered(struct summary *unit, const struct summary *whole)
{
	if (!whole->ncovered)
		return;
	if (unit->ncovered != whole->ncovered) {
		free(unit->covered);
		unit->ncovered = 0;
		if (!(unit->covered = calloc(whole->ncovered, sizeof *unit->covered))) {
			unit->failed = 1;
			return;
		}
		unit->ncovered = whole->ncovered;
	}
	memcpy(unit->covered, whole->covered, whole->ncovered * sizeof *unit->covered);
}

static void split_end(struct reporter *r, const struct report_info *info)
{
	struct split *s = (struct split *)r;
	for (size_t i = 0; i < s->units->n; i++) {
		struct part *p = &s->parts[i];
		if (!p->begun || p->failed)
			continue;
		summary_sort(&p->sum);
		if (p->sum.failed)
			diag_error(p->path, 0, "out of memory: the report's tables are short");
		p->ru.unknown = s->unknown;
		whole_covered(&p->sum, info->summary);
		struct report_info pi = *info;
		pi.summary = &p->sum;
		pi.unit = &p->ru;
		pi.hidden = 0; /* the filters' hidden runs are counted for the whole only */
		if (info->baseline) {
			unit_baseline(s, p, info->baseline);
			pi.baseline = &p->view;
		}
		p->rep.end(&p->rep, &pi);
	}
	if (s->all.out.f)
		s->all.rep.end(&s->all.rep, info);
	s->all_audited = info->tally->audited;
	s->all_runs = info->summary->runs;
	s->info = NULL;
}

/* The parts of each person, from their unit cells. */
static int map_people(struct split *s)
{
	const struct rules *r = s->rules;
	size_t total = 0;
	for (size_t p = 0; p < r->npeople; p++) {
		const char *cell = r->people[p].unit;
		size_t n;
		while (rules_unit_next(&cell, &n))
			total++;
	}
	s->first = calloc(r->npeople + 1, sizeof *s->first);
	s->index = malloc((total ? total : 1) * sizeof *s->index);
	if (!s->first || !s->index)
		return -1;
	size_t k = 0;
	for (size_t p = 0; p < r->npeople; p++) {
		const char *cell = r->people[p].unit, *code;
		size_t n;
		s->first[p] = k;
		while ((code = rules_unit_next(&cell, &n))) {
			const struct unit *u = units_find(s->units, code, n);
			size_t at = (size_t)(u - s->units->v);
			int again = 0; /* "GUT/gut": once */
			for (size_t i = s->first[p]; i < k; i++)
				again |= s->index[i] == at;
			if (!again)
				s->index[k++] = at;
		}
	}
	s->first[r->npeople] = k;
	return 0;
}

/* A file of the split that is an input (or --rejects) would be destroyed
 * or mixed: an error before anything is written. 0, or -1 (reported). */
static int refuse_inputs(const struct split *s)
{
	const struct split_options *o = &s->o;
	struct output_id id, in;
	for (size_t i = 0; i <= s->units->n; i++) {
		const char *path = i < s->units->n ? s->parts[i].path : s->all.path;
		output_id(path, &id);
		for (size_t k = 0; id.exists && id.regular && k < o->nsandbox + o->nfiles; k++) {
			int sandbox = k < o->nsandbox;
			const char *input = sandbox ? o->sandbox[k] : o->files[k - o->nsandbox];
			output_id(input, &in);
			if (!in.exists || !output_same(&id, &in))
				continue;
			diag_error(NULL, 0,
				   "--split unit would write '%s', the %sinput '%s': writing it would "
				   "destroy it; give another -o DIR",
				   path, sandbox ? "--sandbox " : "",
				   strcmp(input, "-") ? input : "- (standard input)");
			return -1;
		}
		if (o->rejects && !output_is_stdout(o->rejects)) {
			output_id(o->rejects, &in);
			if (output_same(&id, &in)) {
				diag_error(NULL, 0,
					   "--split unit would write '%s', the --rejects file; give "
					   "--rejects a file outside -o DIR or of another name",
					   path);
				return -1;
			}
		}
	}
	return 0;
}

struct split *split_open(const struct rules *rules, const struct split_options *o)
{
	struct split *s = calloc(1, sizeof *s);
	struct stat st;
	if (!s) {
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	s->rules = rules;
	s->o = *o;
	s->ext = extension(o->format);
	s->rep.begin = split_begin;
	s->rep.finding = split_finding;
	s->rep.end = split_end;
	s->tap = (struct report_tap){s, tap_audited, tap_damaging, tap_waived, tap_found};
	s->rep.tap = &s->tap;
	snprintf(s->all_name, sizeof s->all_name, "all.%s", s->ext);
	if (stat(o->dir, &st) != 0 && errno == ENOENT) {
		if (mkdir(o->dir, 0777) != 0) {
			diag_error(o->dir, 0, "cannot make the directory: %s", strerror(errno));
			goto fail;
		}
		s->made_dir = 1;
	}
	if (stat(o->dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		diag_error(o->dir, 0, "--split writes into a directory (-o DIR): %s",
			   errno && stat(o->dir, &st) != 0 ? strerror(errno) : "not a directory");
		goto fail;
	}
	if (!(s->units = units_of_staff(rules)))
		goto fail;
	s->parts = calloc(s->units->n ? s->units->n : 1, sizeof *s->parts);
	if (!s->parts) {
		diag_error(NULL, 0, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < s->units->n; i++)
		summary_init(&s->parts[i].sum, o->limit);
	if (map_people(s) != 0) {
		diag_error(NULL, 0, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i < s->units->n; i++) {
		struct part *p = &s->parts[i];
		char name[256];
		p->unit = &s->units->v[i];
		split_file_name(p->unit->code, s->ext, name, sizeof name);
		for (size_t k = 0; k <= i; k++) {
			/* two units one file (on a file system that ignores case too) */
			const char *other = k < i ? strrchr(s->parts[k].path, '/') + 1 : s->all_name;
			if (strcasecmp(name, other) == 0) {
				diag_error(rules->units ? rules->units->path : rules->staff_path,
					   p->unit->line ? p->unit->line : p->unit->staff_line,
					   "unit '%s' would be written to %s, as %s is", p->unit->code,
					   name, k < i ? s->parts[k].unit->code : "the whole report");
				goto fail;
			}
		}
		if (!(p->path = rules_path_join(o->dir, name))) {
			diag_error(NULL, 0, "out of memory");
			goto fail;
		}
		p->ru.code = p->unit->code;
		p->ru.name = p->unit->name;
		p->ru.all = s->all_name;
		if (o->mail) {
			p->mail = *o->mail;
			if (p->unit->email[0])
				p->mail.to = p->unit->email;
		}
	}
	if (!(s->all.path = rules_path_join(o->dir, s->all_name))) {
		diag_error(NULL, 0, "out of memory");
		goto fail;
	}
	if (refuse_inputs(s) != 0)
		goto fail;
	if (o->mail)
		s->all.mail = *o->mail;
	s->all.begun = 1;
	if (part_open(s, &s->all) != 0)
		goto fail;
	return s;
fail:
	split_free(s);
	return NULL;
}

struct reporter *split_reporter(struct split *s)
{
	return &s->rep;
}

/* "out/GUT.txt: GUT, Gutman Library: 12 runs audited, 3 with findings" */
static void list_part(FILE *list, const struct split *s, const struct part *p, uint64_t audited,
		      uint64_t runs)
{
	char a[32], b[32], c[32];
	fputs(p->path, list);
	if (p->unit)
		fprintf(list, ": %s%s%s", p->unit->code, p->unit->name[0] ? ", " : "",
			p->unit->name);
	else
		fputs(": the whole report", list);
	fprintf(list, ": %s %s audited, %s with findings", report_count(audited, a, sizeof a),
		audited == 1 ? "run" : "runs", report_count(runs, b, sizeof b));
	if (!p->unit && s->unknown)
		fprintf(list, " (%s by people not in staff.csv)",
			report_count(s->unknown, c, sizeof c));
	if (s->o.mail)
		fprintf(list, "; to %s%s", p->mail.to,
			p->unit && !p->unit->email[0] ? " (no address in units.csv)" : "");
	putc('\n', list);
}

int split_flush(struct split *s)
{
	int status = s->failed ? -1 : 0;
	for (size_t i = 0; i <= s->units->n; i++) {
		struct part *p = i < s->units->n ? &s->parts[i] : &s->all;
		if (p->begun && output_flush(&p->out) != 0) {
			p->failed = s->failed = 1;
			status = -1;
		}
	}
	return status;
}

int split_finish(struct split *s, int keep, FILE *list)
{
	int status = 0;
	keep = keep && !s->failed;
	for (size_t i = 0; i <= s->units->n; i++) {
		struct part *p = i < s->units->n ? &s->parts[i] : &s->all;
		if (!p->begun)
			continue;
		if (output_finish(&p->out, keep) != 0)
			status = -1;
		else
			p->kept = keep;
	}
	if (!keep) {
		/* nothing put in place, and said: a directory this run made goes
		 * too (when empty) */
		diag_error(s->o.dir, 0, "no report put in place: the split's files were removed");
		if (s->made_dir)
			rmdir(s->o.dir);
		return status;
	}
	for (size_t i = 0; i < s->units->n; i++) {
		const struct part *p = &s->parts[i];
		if (p->kept)
			list_part(list, s, p, p->ru.audited, p->sum.runs);
	}
	if (s->all.kept)
		list_part(list, s, &s->all, s->all_audited, s->all_runs);
	size_t idle = 0;
	for (size_t i = 0; i < s->units->n; i++)
		if (!s->parts[i].begun) {
			fprintf(list, "%s%s", idle++ ? ", " : "No runs, no report: ",
				s->parts[i].unit->code);
		}
	if (idle)
		putc('\n', list);
	/* a file of an earlier run for a unit that had no runs now is not this
	 * run's: said, never sent again unnoticed */
	for (size_t i = 0; i < s->units->n; i++) {
		struct stat st;
		const struct part *p = &s->parts[i];
		if (!p->begun && stat(p->path, &st) == 0)
			diag_error(p->path, 0,
				   "warning: left from an earlier run: %s had no runs this time, and "
				   "this file was not rewritten",
				   p->unit->code);
	}
	return status;
}

void split_free(struct split *s)
{
	if (!s)
		return;
	for (size_t i = 0; s->parts && i < s->units->n; i++) {
		struct part *p = &s->parts[i];
		output_finish(&p->out, 0); /* nothing left behind when not finished */
		free(p->path);
		free(p->view.gone);
		summary_free(&p->sum);
	}
	output_finish(&s->all.out, 0);
	free(s->all.path);
	free(s->parts);
	free(s->first);
	free(s->index);
	units_free(s->units);
	free(s);
}
