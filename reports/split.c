#include "split.h"

#include "baseline.h"
#include "cells.h"
#include "diag.h"
#include "hmap.h"
#include "output.h"
#include "summary.h"
#include "unitlog.h"
#include "units.h"
#include "waivers.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* One report: the whole one, or a unit's. */
struct part {
	const struct unit *unit; /* NULL: the whole report */
	char *path;		 /* DIR/NAME, as shown */
	char *name;		 /* NAME in DIR */
	int renamed;		 /* SPLIT_NAME_SHORT, _RESERVED: NAME is not the code's */
	struct output out;	 /* a temporary file in DIR until split_finish */
	int begun, kept;
	struct email_options mail;
	struct report_unit ru;
	uint64_t runs; /* runs with findings, for the listing */
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
	uint64_t unknown; /* runs with findings by people not in staff.csv */
	uint64_t all_audited, all_runs; /* the whole report's counts, at its end */
	struct output_dir dir;
	struct unitlog *log; /* what each unit's report is told, until the end */
	int failed;	     /* a file could not be opened or written: nothing is kept */
	int partial;	     /* a rename failed after others were made */
	char all_name[32];
	struct reporter all_rep;
	/* a unit's report being made, at the end: its reporter and summary,
	 * its view of the baseline (its own trend counts and resolved items;
	 * the items themselves are the baseline's) */
	struct part *cur;
	struct reporter unit_rep;
	struct summary sum;
	struct baseline view;
	uint64_t fresh[FIND_COUNT], recurring[FIND_COUNT];
	size_t *gone_first, *gone; /* unit i's resolved items: gone[gone_first[i] .. [i + 1]) */
};

/* The hash a shortened file name carries: FNV-1a, 64 bits, its bits
 * mixed (MurmurHash3's finaliser), so that codes that differ in a byte
 * differ all over. */
static uint64_t name_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

/* 1 when the n bytes of name are a device name Windows reserves (CON,
 * PRN, AUX, NUL, COM0 to COM9, LPT0 to LPT9, in any case): a file whose
 * name begins so, with any extension, cannot be made on a Windows share. */
static int reserved(const char *name, size_t n)
{
	static const char *const dev[] = {"con", "prn", "aux", "nul"};
	for (size_t i = 0; n == 3 && i < sizeof dev / sizeof dev[0]; i++)
		if (!strncasecmp(name, dev[i], 3))
			return 1;
	return n == 4 && (!strncasecmp(name, "com", 3) || !strncasecmp(name, "lpt", 3)) &&
	       name[3] >= '0' && name[3] <= '9';
}

int split_file_name(const char *code, const char *ext, char *buf, size_t size)
{
	char part[SPLIT_NAME_MAX + 1], hash[16] = "";
	size_t o = 0, len = strlen(code);
	int flags = len > SPLIT_NAME_MAX ? SPLIT_NAME_SHORT : 0;
	size_t keep = flags ? SPLIT_NAME_KEEP : len;
	for (const char *c = code; *c && (size_t)(c - code) < keep; c++) {
		int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			 (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || (*c == '.' && o);
		part[o++] = ok ? *c : '_';
	}
	part[o] = '\0';
	/* the hash after the part before the first '.' when that part is
	 * reserved ("CON.x" -> "CON~...x.txt"), else at the end */
	size_t stem = strcspn(part, "."), at = o;
	if (reserved(part, stem)) {
		flags |= SPLIT_NAME_RESERVED;
		at = stem;
	}
	if (flags)
		snprintf(hash, sizeof hash, "~%012llx", (unsigned long long)(name_hash(code) >> 16));
	if (size)
		snprintf(buf, size, "%.*s%s%s.%s", (int)at, part, hash, part + at, ext);
	return flags;
}

static const char *extension(const char *format)
{
	return !strcmp(format, "text") ? "txt" : !strcmp(format, "email") ? "eml" : format;
}

/* s with its control characters as spaces, for a message (cut to fit),
 * as report_text_char writes them (C1 controls and bidirectional
 * overrides too). */
static const char *shown(const char *s, char *buf, size_t size)
{
	FILE *mem = size ? fmemopen(buf, size, "w") : NULL;
	if (!mem) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	setvbuf(mem, NULL, _IONBF, 0);
	size_t len;
	for (const unsigned char *p = (const unsigned char *)s; *p; p += len ? len : 1) {
		len = report_utf8_len(p);
		report_text_char(mem, p, len);
	}
	fclose(mem);
	buf[size - 1] = '\0';
	return buf;
}

/* The parts of the person of a verdict (none for someone not in staff.csv). */
#define EACH_PART(s, v, i)                                                                     \
	for (size_t k_ = (v)->person >= 0 ? (s)->first[(v)->person] : 0,                       \
		    end_ = (v)->person >= 0 ? (s)->first[(v)->person + 1] : 0;                 \
	     k_ < end_ && ((i) = (s)->index[k_], 1); k_++)

/* ---- while the audit reads: the whole report, and each unit's log ---- */

static void tap_audited(void *ctx, const struct run *run, const struct verdict *v)
{
	struct split *s = ctx;
	size_t i;
	EACH_PART(s, v, i)
	{
		s->parts[i].begun = 1; /* a unit's report begins at its first audited run */
		unitlog_audited(s->log, i, run);
	}
}

static void tap_damaging(void *ctx, const struct run *run, const struct verdict *v)
{
	struct split *s = ctx;
	size_t i;
	EACH_PART(s, v, i)
	if (s->parts[i].begun)
		unitlog_damaging(s->log, i, run, v);
}

static void tap_waived(void *ctx, const struct run *run, const struct verdict *v,
		       enum finding_kind kind, int waiver, int is_new)
{
	struct split *s = ctx;
	size_t i;
	EACH_PART(s, v, i)
	if (s->parts[i].begun)
		unitlog_waived(s->log, i, run, v, kind, waiver, is_new);
}

static void tap_found(void *ctx, const struct run *run, const struct verdict *v, unsigned kinds,
		      unsigned new_kinds, int new_run)
{
	struct split *s = ctx;
	size_t i;
	if (v->person < 0 && new_run)
		s->unknown++;
	EACH_PART(s, v, i)
	if (s->parts[i].begun)
		unitlog_found(s->log, i, run, v, kinds, new_kinds, new_run);
}

static void split_begin(struct reporter *r, const struct report_info *info)
{
	struct split *s = (struct split *)r;
	if (s->all.out.f)
		s->all_rep.begin(&s->all_rep, info);
}

static void split_finding(struct reporter *r, const struct report_finding *f)
{
	struct split *s = (struct split *)r;
	size_t i;
	if (s->all.out.f)
		s->all_rep.finding(&s->all_rep, f);
	r->written++;
	EACH_PART(s, f->v, i)
	if (s->parts[i].begun)
		unitlog_finding(s->log, i, f);
}

/* ---- at the end: each unit's report, one at a time ---- */

static void unit_audited(void *ctx, const struct run *run, const struct verdict *v)
{
	struct split *s = ctx;
	(void)v;
	s->cur->ru.audited++;
	summary_audited(&s->sum, run);
}

static void unit_damaging(void *ctx, const struct run *run, const struct verdict *v)
{
	struct split *s = ctx;
	summary_damaging(&s->sum, s->rules, run, v);
}

static void unit_waived(void *ctx, const struct run *run, const struct verdict *v,
			enum finding_kind kind, int waiver, int is_new)
{
	struct split *s = ctx;
	summary_waive(&s->sum, s->rules, run, v, kind, waiver, is_new);
}

static void unit_found(void *ctx, const struct run *run, const struct verdict *v, unsigned kinds,
		       unsigned new_kinds, int new_run)
{
	struct split *s = ctx;
	summary_add(&s->sum, s->rules, run, v, kinds, new_kinds, new_run);
	if (new_run)
		summary_flag(&s->sum, run);
}

static void unit_finding(void *ctx, const struct report_finding *f)
{
	struct split *s = ctx;
	s->unit_rep.finding(&s->unit_rep, f);
	if (f->trend && !strcmp(f->trend, baseline_trend_name(TREND_NEW)))
		s->fresh[f->kind]++;
	else if (f->trend && !strcmp(f->trend, baseline_trend_name(TREND_RECURRING)))
		s->recurring[f->kind]++;
}

/* The resolved items of the baseline by unit, in the baseline's order, in
 * one pass: an item is in the units of its person now (staff.csv); those
 * of people not in staff.csv are in all.* only. 0, or -1 when out of
 * memory (reported; no unit lists any). */
static int units_gone(struct split *s, const struct baseline *b)
{
	size_t n = s->units->n;
	if (!(s->gone_first = calloc(n + 1, sizeof *s->gone_first)))
		goto oom;
	for (size_t i = 0; i < b->ngone; i++) {
		int person = b->items[b->gone[i]].staff;
		for (size_t k = person >= 0 ? s->first[person] : 0;
		     person >= 0 && k < s->first[person + 1]; k++)
			s->gone_first[s->index[k] + 1]++;
	}
	for (size_t u = 0; u < n; u++)
		s->gone_first[u + 1] += s->gone_first[u];
	if (!(s->gone = malloc((s->gone_first[n] ? s->gone_first[n] : 1) * sizeof *s->gone)))
		goto oom;
	size_t *at = malloc((n ? n : 1) * sizeof *at);
	if (!at)
		goto oom;
	memcpy(at, s->gone_first, n * sizeof *at);
	for (size_t i = 0; i < b->ngone; i++) {
		int person = b->items[b->gone[i]].staff;
		for (size_t k = person >= 0 ? s->first[person] : 0;
		     person >= 0 && k < s->first[person + 1]; k++)
			s->gone[at[s->index[k]]++] = b->gone[i];
	}
	free(at);
	return 0;
oom:
	diag_error(s->o.dir, 0, "out of memory: the units' resolved findings are not listed");
	free(s->gone_first);
	free(s->gone);
	s->gone_first = s->gone = NULL;
	return -1;
}

/* A unit's view of the baseline: its findings' trend counts (at the start:
 * none), and its resolved items. */
static void unit_view(struct split *s, size_t u, const struct baseline *b, int end)
{
	s->view = *b;
	memset(s->view.fresh, 0, sizeof s->view.fresh);
	memset(s->view.recurring, 0, sizeof s->view.recurring);
	memset(s->view.resolved, 0, sizeof s->view.resolved);
	s->view.gone = NULL;
	s->view.ngone = 0;
	if (!end)
		return;
	memcpy(s->view.fresh, s->fresh, sizeof s->fresh);
	memcpy(s->view.recurring, s->recurring, sizeof s->recurring);
	if (!s->gone_first)
		return;
	s->view.gone = s->gone + s->gone_first[u];
	s->view.ngone = s->gone_first[u + 1] - s->gone_first[u];
	for (size_t i = 0; i < s->view.ngone; i++)
		s->view.resolved[b->items[s->view.gone[i]].kind]++;
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

/* Makes unit u's report from its log and writes it to its temporary file
 * (closed again: one file open at a time). */
static void unit_report(struct split *s, size_t u, const struct report_info *info)
{
	struct part *p = &s->parts[u];
	static const struct unitlog_sink sink_fns = {
		{NULL, unit_audited, unit_damaging, unit_waived, unit_found}, unit_finding};
	struct unitlog_sink sink = sink_fns;
	sink.tap.ctx = s;
	if (output_open_in(&p->out, &s->dir, p->name, p->path) != 0) {
		s->failed = 1;
		return;
	}
	reporter_audit(&s->unit_rep, s->o.format, s->o.summary, p->out.f, &p->mail);
	summary_init(&s->sum, s->o.limit);
	memset(s->fresh, 0, sizeof s->fresh);
	memset(s->recurring, 0, sizeof s->recurring);
	s->cur = p;
	struct report_info pi = *info;
	pi.summary = &s->sum;
	pi.unit = &p->ru;
	pi.hidden = 0; /* the filters' hidden runs are counted for the whole only */
	if (info->baseline) {
		unit_view(s, u, info->baseline, 0);
		pi.baseline = &s->view;
	}
	s->unit_rep.begin(&s->unit_rep, &pi);
	if (unitlog_replay(s->log, u, &sink, p->path) != 0)
		s->failed = 1;
	summary_sort(&s->sum);
	if (s->sum.failed)
		diag_error(p->path, 0, "out of memory: the report's tables are short");
	p->ru.unknown = s->unknown;
	whole_covered(&s->sum, info->summary);
	if (info->baseline)
		unit_view(s, u, info->baseline, 1);
	s->unit_rep.end(&s->unit_rep, &pi);
	if (s->unit_rep.failed)
		s->rep.failed = 1;
	p->runs = s->sum.runs;
	summary_free(&s->sum);
	s->cur = NULL;
	if (output_flush(&p->out) != 0)
		s->failed = 1;
}

static void split_end(struct reporter *r, const struct report_info *info)
{
	struct split *s = (struct split *)r;
	if (s->all.out.f)
		s->all_rep.end(&s->all_rep, info);
	if (s->all_rep.failed)
		r->failed = 1;
	if (info->baseline && info->baseline->ngone)
		units_gone(s, info->baseline);
	for (size_t i = 0; i < s->units->n; i++)
		if (s->parts[i].begun && !s->failed)
			unit_report(s, i, info);
	s->all_audited = info->tally->audited;
	s->all_runs = info->summary->runs;
}

/* ---- opening ---- */

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

/* A file of the split that is a file this run reads (an input, a rules
 * file, the waivers, --baseline, --config), the rules directory's
 * waivers.csv (a rules file, read or not) or --rejects would be destroyed
 * or mixed: an error before anything is written. 0, or -1 (reported). */
static int refuse_inputs(const struct split *s)
{
	const struct split_options *o = &s->o;
	const struct rules *r = s->rules;
	/* what the run reads besides the inputs, and what each is; the rules
	 * directory's waivers.csv last, read or not (--waivers) */
	const char *read[10], *what[10];
	size_t nread = 0;
	int status = -1;
	char *dir_waivers = rules_path_join(r->dir, WAIVERS_FILE);
	if (!dir_waivers) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	const char *rules_files[] = {r->jobs_path, r->staff_path, r->approvals_path,
				     r->units ? r->units->path : NULL};
	for (size_t i = 0; i < sizeof rules_files / sizeof rules_files[0]; i++)
		if (rules_files[i]) {
			read[nread] = rules_files[i];
			what[nread++] = "the rules file";
		}
	if (r->waivers && r->waivers->path) {
		read[nread] = r->waivers->path;
		what[nread++] = "the waivers file";
	}
	if (o->baseline) {
		read[nread] = o->baseline;
		what[nread++] = "the --baseline file";
	}
	if (o->config) {
		read[nread] = o->config;
		what[nread++] = "the --config file";
	}
	size_t nreads = nread; /* the ones this run reads */
	read[nread] = dir_waivers;
	what[nread++] = "the rules file";
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
			goto done;
		}
		for (size_t k = 0; id.exists && id.regular && k < nread; k++) {
			output_id(read[k], &in);
			if (!in.exists || !output_same(&id, &in))
				continue;
			diag_error(NULL, 0,
				   "--split unit would write '%s', %s '%s'%s: writing it would destroy "
				   "it; give another -o DIR",
				   path, what[k], read[k], k < nreads ? ", which this run reads" : "");
			goto done;
		}
		if (o->rejects && !output_is_stdout(o->rejects)) {
			output_id(o->rejects, &in);
			if (output_same(&id, &in)) {
				diag_error(NULL, 0,
					   "--split unit would write '%s', the --rejects file; give "
					   "--rejects a file outside -o DIR or of another name",
					   path);
				goto done;
			}
		}
	}
	status = 0;
done:
	free(dir_waivers);
	return status;
}

/* The file names of the units, each checked against the others and the
 * whole report's (on a file system that ignores case too). 0, or -1
 * (reported). */
static int name_parts(struct split *s)
{
	const struct rules *rules = s->rules;
	struct hmap taken; /* a name in lower case -> its part + 1 (0: all) */
	char name[SPLIT_NAME_MAX + 32], key[sizeof name], a[128], b[128];
	int status = 0, added;
	hmap_init(&taken);
	for (size_t i = 0; i <= s->units->n && !status; i++) {
		struct part *p = i < s->units->n ? &s->parts[i] : NULL;
		if (p) {
			p->unit = &s->units->v[i];
			p->renamed = split_file_name(p->unit->code, s->ext, name, sizeof name);
		} else {
			snprintf(name, sizeof name, "%s", s->all_name);
		}
		size_t n = strlen(name);
		for (size_t c = 0; c <= n; c++)
			key[c] = name[c] >= 'A' && name[c] <= 'Z' ? (char)(name[c] - 'A' + 'a') : name[c];
		int64_t *at = hmap_put(&taken, key, n, p ? (int64_t)i + 1 : 0, &added);
		if (!at) {
			diag_error(NULL, 0, "out of memory");
			status = -1;
			break;
		}
		if (!added) {
			/* two units one file: cited where the unit is (units.csv, else
			 * the first staff.csv row that names it) */
			const struct unit *x = p ? p->unit : &s->units->v[*at - 1];
			const struct unit *other = p && *at ? &s->units->v[*at - 1] : NULL;
			diag_error(x->line ? rules->units->path : rules->staff_path,
				   x->line ? x->line : x->staff_line,
				   "unit '%s' would be written to %s, as %s is",
				   shown(x->code, a, sizeof a), name,
				   other ? shown(other->code, b, sizeof b) : "the whole report");
			status = -1;
			break;
		}
		if (!p)
			break;
		if (!(p->path = rules_path_join(s->o.dir, name)) || !(p->name = strdup(name))) {
			diag_error(NULL, 0, "out of memory");
			status = -1;
		}
	}
	hmap_free(&taken);
	return status;
}

struct split *split_open(const struct rules *rules, const struct split_options *o)
{
	struct split *s = calloc(1, sizeof *s);
	if (!s) {
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	s->dir.fd = -1;
	s->rules = rules;
	s->o = *o;
	s->ext = extension(o->format);
	s->rep.begin = split_begin;
	s->rep.finding = split_finding;
	s->rep.end = split_end;
	s->tap = (struct report_tap){s, tap_audited, tap_damaging, tap_waived, tap_found};
	s->rep.tap = &s->tap;
	snprintf(s->all_name, sizeof s->all_name, "all.%s", s->ext);
	if (output_dir_open(&s->dir, o->dir) != 0)
		goto fail;
	if (!(s->units = units_of_staff(rules)))
		goto fail;
	s->parts = calloc(s->units->n ? s->units->n : 1, sizeof *s->parts);
	if (!s->parts || map_people(s) != 0) {
		diag_error(NULL, 0, "out of memory");
		goto fail;
	}
	if (name_parts(s) != 0)
		goto fail;
	for (size_t i = 0; i < s->units->n; i++) {
		struct part *p = &s->parts[i];
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
	/* what is at every name now, before the audit reads: a FIFO or a
	 * directory there is said at once, not after the whole audit */
	int bad = output_check_in(&s->dir, s->all_name, s->all.path) != 0;
	for (size_t i = 0; i < s->units->n; i++)
		bad |= output_check_in(&s->dir, s->parts[i].name, s->parts[i].path) != 0;
	if (bad)
		goto fail;
	int scratch = output_scratch(&s->dir);
	if (scratch < 0 || !(s->log = unitlog_new(scratch, s->units->n, rules)))
		goto fail;
	if (o->mail)
		s->all.mail = *o->mail;
	s->all.begun = 1;
	if (output_open_in(&s->all.out, &s->dir, s->all_name, s->all.path) != 0)
		goto fail;
	reporter_audit(&s->all_rep, o->format, o->summary, s->all.out.f, &s->all.mail);
	return s;
fail:
	split_free(s);
	return NULL;
}

struct reporter *split_reporter(struct split *s)
{
	return &s->rep;
}

/* ---- the end ---- */

/* "out/GUT.txt: GUT, Gutman Library: 12 runs audited, 3 with findings" */
static void list_part(FILE *list, const struct split *s, const struct part *p, uint64_t audited,
		      uint64_t runs)
{
	char a[32], b[32], c[32];
	report_text_cell(list, p->path, 0);
	fputs(": ", list);
	if (p->unit) {
		report_text_cell(list, p->unit->code, 0);
		if (p->renamed & SPLIT_NAME_SHORT)
			fputs(" (a code too long for a file name: the name is shortened)", list);
		else if (p->renamed & SPLIT_NAME_RESERVED)
			fputs(" (a name Windows reserves for a device: the file name is changed)",
			      list);
		if (p->unit->name[0]) {
			fputs(", ", list);
			report_text_cell(list, p->unit->name, 0);
		}
	} else {
		fputs("the whole report", list);
	}
	fprintf(list, ": %s %s audited, %s with findings", report_count(audited, a, sizeof a),
		audited == 1 ? "run" : "runs", report_count(runs, b, sizeof b));
	if (!p->unit && s->unknown)
		fprintf(list, " (%s by people not in staff.csv)",
			report_count(s->unknown, c, sizeof c));
	if (s->o.mail) {
		fputs("; to ", list);
		report_text_cell(list, p->mail.to, 0);
		if (p->unit && !p->unit->email[0])
			fputs(" (no address in units.csv)", list);
	}
	putc('\n', list);
}

int split_flush(struct split *s)
{
	int status = s->failed ? -1 : 0;
	if (output_flush(&s->all.out) != 0) {
		s->failed = 1;
		status = -1;
	}
	return status;
}

int split_ready(struct split *s)
{
	int status = s->failed ? -1 : 0;
	for (size_t i = 0; i <= s->units->n; i++) {
		struct part *p = i < s->units->n ? &s->parts[i] : &s->all;
		if (p->begun && output_ready(&p->out) != 0)
			status = -1; /* each said */
	}
	if (status)
		s->failed = 1;
	return status;
}

int split_finish(struct split *s, int keep)
{
	int status = 0;
	size_t put = 0, files = 0;
	char a[128];
	keep = keep && !s->failed;
	for (size_t i = 0; i <= s->units->n; i++) {
		struct part *p = i < s->units->n ? &s->parts[i] : &s->all;
		if (!p->begun)
			continue;
		files++;
		/* after a rename that failed, the rest are removed */
		if (output_finish(&p->out, keep && !status) != 0) {
			status = -1;
		} else if (keep && !status) {
			p->kept = 1;
			put++;
		}
	}
	s->partial = status && put;
	if (s->partial) {
		/* a rename is not undone: what is in place is said, and listed */
		char n[32], m[32];
		diag_error(s->o.dir, 0,
			   "only %s of the split's %s files %s put in place before the failure "
			   "(listed on standard output; a rename cannot be undone, so they stay, "
			   "beside older files of the others); the other %s %s removed: run the "
			   "split again",
			   report_count(put, n, sizeof n), report_count(files, m, sizeof m),
			   put == 1 ? "was" : "were", report_count(files - put, a, sizeof a),
			   files - put == 1 ? "was" : "were");
		return status;
	}
	if (!keep || status) {
		/* nothing put in place, and said: a directory this run made goes
		 * too (when empty) */
		diag_error(s->o.dir, 0, "no report put in place: the split's files were removed");
		output_dir_close(&s->dir, 1);
		return s->failed ? -1 : status;
	}
	/* a file of an earlier run for a unit that had no runs now is not this
	 * run's: said, never sent again unnoticed (before the listing, which a
	 * closed pipe may cut short) */
	for (size_t i = 0; i < s->units->n; i++) {
		struct stat st;
		const struct part *p = &s->parts[i];
		if (!p->begun && fstatat(s->dir.fd, p->name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			diag_error(p->path, 0,
				   "warning: left from an earlier run: %s had no runs this time, and "
				   "this file was not rewritten",
				   shown(p->unit->code, a, sizeof a));
	}
	return 0;
}

void split_list(const struct split *s, FILE *list)
{
	for (size_t i = 0; i < s->units->n; i++) {
		const struct part *p = &s->parts[i];
		if (p->kept)
			list_part(list, s, p, p->ru.audited, p->runs);
	}
	if (s->all.kept)
		list_part(list, s, &s->all, s->all_audited, s->all_runs);
	if (s->partial || !s->all.kept)
		return;
	size_t idle = 0;
	for (size_t i = 0; i < s->units->n; i++)
		if (!s->parts[i].begun) {
			fputs(idle++ ? ", " : "No runs, no report: ", list);
			report_text_cell(list, s->parts[i].unit->code, 0);
		}
	if (idle)
		putc('\n', list);
}

void split_free(struct split *s)
{
	if (!s)
		return;
	for (size_t i = 0; s->parts && i < s->units->n; i++) {
		struct part *p = &s->parts[i];
		output_finish(&p->out, 0); /* nothing left behind when not finished */
		free(p->path);
		free(p->name);
	}
	output_finish(&s->all.out, 0);
	free(s->all.path);
	free(s->parts);
	free(s->first);
	free(s->index);
	free(s->gone_first);
	free(s->gone);
	unitlog_free(s->log);
	units_free(s->units);
	output_dir_close(&s->dir, 1);
	free(s);
}
