#include "tally.h"

#include "diag.h"
#include "times.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tally_init(struct tally *t)
{
	memset(t, 0, sizeof *t);
	t->first = t->last = TIME_NONE;
	t->refreshed = TIME_NONE;
}

int tally_add_file(struct tally *t, const char *name, enum run_env env)
{
	if (t->nfiles == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		struct tally_file *f = realloc(t->files, cap * sizeof *f);
		if (!f) {
			diag_error(NULL, 0, "out of memory");
			return -1;
		}
		t->files = f;
		t->cap = cap;
	}
	struct tally_file *f = &t->files[t->nfiles];
	memset(f, 0, sizeof *f);
	f->name = strdup(name);
	if (!f->name) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	f->env = env;
	f->first = f->last = TIME_NONE;
	return (int)t->nfiles++;
}

void tally_free(struct tally *t)
{
	for (size_t i = 0; i < t->nfiles; i++)
		free(t->files[i].name);
	free(t->files);
	free(t->months);
	for (size_t i = 0; i < t->nreduced; i++)
		free(t->reduced[i].name);
	free(t->reduced);
	tally_init(t);
}

void tally_reject(struct tally *t, const char *file, long line, enum reject_reason why,
		  const char *detail)
{
	t->rejected[why]++;
	if (t->nrejects == TALLY_REJECTS_KEPT)
		return;
	struct tally_reject *r = &t->rejects[t->nrejects++];
	r->file = file;
	r->line = line;
	r->why = why;
	snprintf(r->detail, sizeof r->detail, "%s", detail);
}

void tally_uncounted(struct tally *t, int job)
{
	for (size_t i = 0; i < t->nuncounted; i++)
		if (t->uncounted[i].job == job) {
			t->uncounted[i].runs++;
			return;
		}
	if (t->nuncounted < TALLY_UNCOUNTED_KEPT)
		t->uncounted[t->nuncounted++] = (struct tally_uncounted){job, 1};
}

void tally_seen(struct tally *t, int64_t time)
{
	if (time == TIME_NONE)
		return;
	if (t->first == TIME_NONE || time < t->first)
		t->first = time;
	if (t->last == TIME_NONE || time > t->last)
		t->last = time;
}

static int64_t month_of(int64_t t)
{
	int y, m, d;
	times_civil_from_days(times_local_day(t), &y, &m, &d);
	return (int64_t)y * 12 + m - 1;
}

/* The days between two spans (0 when they meet or overlap). */
static int64_t apart_days(const struct tally_part *a, const struct tally_part *b)
{
	int64_t d1 = times_local_day(b->first) - times_local_day(a->last);
	int64_t d2 = times_local_day(a->first) - times_local_day(b->last);
	int64_t d = d1 > d2 ? d1 : d2;
	return d > 1 ? d - 1 : 0;
}

/* Room for one more span: the two neighbours closest joined in one. */
static void squeeze(struct tally_file *f)
{
	unsigned best = 0;
	int64_t least = INT64_MAX;
	for (unsigned k = 0; k + 1 < f->nparts; k++) {
		int64_t d = apart_days(&f->part[k], &f->part[k + 1]);
		if (d < least) {
			least = d;
			best = k;
		}
	}
	struct tally_part *a = &f->part[best], *b = &f->part[best + 1];
	a->hi = b->hi;
	if (b->first < a->first)
		a->first = b->first;
	if (b->last > a->last)
		a->last = b->last;
	memmove(b, b + 1, (f->nparts - best - 2) * sizeof *b);
	f->nparts--;
}

/* The span of export part of f, made for time when it has none. */
static void part_add(struct tally_file *f, unsigned part, int64_t time)
{
	unsigned k = f->nparts;
	while (k && f->part[k - 1].lo > part)
		k--; /* rows come in order: the last span, or a new one after it */
	if (k && f->part[k - 1].hi >= part) {
		struct tally_part *s = &f->part[k - 1];
		if (time < s->first)
			s->first = time;
		if (time > s->last)
			s->last = time;
		return;
	}
	if (f->nparts == TALLY_PARTS) {
		squeeze(f);
		part_add(f, part, time);
		return;
	}
	memmove(&f->part[k + 1], &f->part[k], (f->nparts - k) * sizeof f->part[0]);
	f->part[k] = (struct tally_part){part, part, time, time};
	f->nparts++;
}

void tally_production(struct tally *t, size_t i, unsigned part, int64_t time, int staff)
{
	struct tally_file *f = &t->files[i];
	f->staff += staff != 0;
	if (f->first == TIME_NONE || time < f->first)
		f->first = time;
	if (f->last == TIME_NONE || time > f->last)
		f->last = time;
	part_add(f, part, time);
	if (t->months) {
		int64_t m = month_of(time) - t->month0;
		if (m >= 0 && (size_t)m < t->nmonths)
			t->months[m]++;
	}
}

int tally_months(struct tally *t, int64_t first_day, int64_t last_day)
{
	int y, m, d;
	if (first_day == TIME_NONE || last_day == TIME_NONE)
		return 0;
	times_civil_from_days(first_day, &y, &m, &d);
	int64_t a = (int64_t)y * 12 + m - 1;
	times_civil_from_days(last_day, &y, &m, &d);
	int64_t b = (int64_t)y * 12 + m - 1;
	if (b < a || b - a >= TALLY_MONTHS_MAX)
		return 0;
	free(t->months);
	t->months = calloc((size_t)(b - a + 1), sizeof *t->months);
	if (!t->months) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	t->month0 = a;
	t->nmonths = (size_t)(b - a + 1);
	return 0;
}

void tally_bad_cell(struct tally *t, const char *file, long line, enum col c, const char *text)
{
	t->bad_cells[c]++;
	if (t->ncells == TALLY_CELLS_KEPT)
		return;
	struct tally_cell *e = &t->cells[t->ncells++];
	e->file = file;
	e->line = line;
	e->col = c;
	snprintf(e->text, sizeof e->text, "%s", text);
}

void tally_note(struct tally *t, int error, const char *fmt, ...)
{
	char text[sizeof t->notes[0].text];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	diag_error(NULL, 0, "%s%s", error ? "" : "warning: ", text);
	if (t->nnotes == TALLY_NOTES)
		return;
	t->notes[t->nnotes].error = error;
	snprintf(t->notes[t->nnotes].text, sizeof t->notes[0].text, "%s", text);
	t->nnotes++;
}

int tally_noted_error(const struct tally *t)
{
	for (size_t i = 0; i < t->nnotes; i++)
		if (t->notes[i].error)
			return 1;
	return 0;
}

uint64_t tally_rejected(const struct tally *t)
{
	uint64_t n = 0;
	for (int i = 0; i < REJ_COUNT; i++)
		n += t->rejected[i];
	return n;
}

uint64_t tally_skipped(const struct tally *t)
{
	uint64_t n = 0;
	for (int i = 0; i < SKIP_COUNT; i++)
		n += t->skipped[i];
	return n;
}

const char *tally_reject_name(enum reject_reason r)
{
	static const char *const names[REJ_COUNT] = {
		[REJ_FIELD_COUNT] = "wrong field count",
		[REJ_EMPTY_ID] = "empty id",
		[REJ_BAD_ID] = "bad id",
		[REJ_BAD_TIME] = "unparseable time",
		[REJ_NO_TIME] = "no time",
		[REJ_BAD_ENVIRONMENT] = "bad environment",
		[REJ_FIELD_TOO_LARGE] = "field too large",
		[REJ_TRUNCATED] = "truncated row",
		[REJ_MATCH_LIMIT] = "pattern limit",
		[REJ_UNTERMINATED] = "unterminated quote",
		[REJ_DATE_ORDER] = "date order",
		[REJ_HEADER] = "bad header",
	};
	return names[r];
}

const char *tally_skip_name(enum skip_reason s)
{
	static const char *const names[SKIP_COUNT] = {
		[SKIP_SYSTEM] = "system runs",
		[SKIP_SANDBOX] = "sandbox runs",
		[SKIP_PERIOD] = "outside the period",
		[SKIP_REPEAT] = "seen twice",
	};
	return names[s];
}

/* ", 2 exports joined, the second with its columns in another order: read
 * by its own header" when a header inside the file is not the first's, ""
 * otherwise. */
static const char *exports_text(const struct tally_file *f, char *buf, size_t size)
{
	static const char *const nth[] = {"first", "second", "third", "fourth", "fifth",
					  "sixth", "seventh", "eighth", "ninth", "tenth"};
	const char *how = f->reordered ? "columns in another order" : "header spelled otherwise";
	char at[24];
	buf[0] = '\0';
	if (!f->reheaded)
		return buf;
	if (f->reheaded_at <= 10)
		snprintf(at, sizeof at, "the %s", nth[f->reheaded_at - 1]);
	else
		snprintf(at, sizeof at, "export %u", f->reheaded_at);
	if (f->reheaded == 1)
		snprintf(buf, size, ", %u exports joined, %s with its %s: read by its own header",
			 f->exports, at, how);
	else
		snprintf(buf, size,
			 ", %u exports joined, %u with a header other than the first's (from %s "
			 "on; %s): each read by its own header",
			 f->exports, f->reheaded, at,
			 f->reordered ? "columns in another order" : "spelled otherwise");
	return buf;
}

const char *tally_file_format(const struct tally_file *f, char *buf, size_t size)
{
	char dates[96] = "", names[96] = "", parts[160], titles[64] = "", unused[400] = "";
	for (unsigned i = 0, used = 0; i < f->nunused && used < sizeof unused; i++)
		used += (unsigned)snprintf(unused + used, sizeof unused - used,
					   "%s'%s' (--column %s='%s')",
					   i ? ", " : f->nunused == 1 ? ", a header not read: "
								      : ", headers not read: ",
					   f->unused[i], columns_name((enum col)f->unused_col[i]),
					   f->unused[i]);
	if (f->titles == 1)
		snprintf(titles, sizeof titles, ", title line %ld above the header skipped",
			 f->title_line);
	else if (f->titles)
		snprintf(titles, sizeof titles, ", %u title lines above the header skipped (%ld-%ld)",
			 f->titles, f->title_line, f->title_last);
	if (f->slash && f->slash_line)
		snprintf(dates, sizeof dates, ", dates %s first (line %ld: %s)",
			 f->slash == 2 ? "day" : "month", f->slash_line, f->slash_date);
	else if (f->slash)
		snprintf(dates, sizeof dates, ", dates %s first (no date says which)",
			 f->slash == 2 ? "day" : "month");
	if (f->names_in_user)
		snprintf(names, sizeof names, ", submitted_by holds names (%llu %s): read as names",
			 (unsigned long long)f->names_in_user, f->names_in_user == 1 ? "row" : "rows");
	if (f->json) {
		snprintf(buf, size, "JSON (Alma API job instances), %s%s%s%s",
			 f->gzip ? "gzip" : "plain", f->encoding ? ", " : "",
			 f->encoding ? f->encoding : "", names);
		return buf;
	}
	snprintf(buf, size, "%s%s%s%s%s%s%s%s%s", f->gzip ? "gzip" : "plain",
		 f->encoding ? ", " : "", f->encoding ? f->encoding : "",
		 f->delim == ';'    ? ", semicolon-separated"
		 : f->delim == '\t' ? ", tab-separated"
				    : "",
		 titles, unused, dates, names, exports_text(f, parts, sizeof parts));
	return buf;
}

int tally_rows_of(struct tally_file *f, const char *text)
{
	char buf[96];
	size_t o = 0;
	for (const char *p = text; *p && o + 1 < sizeof buf; p++) {
		if (*p == ',' || *p == '.' || *p == '\'')
			continue; /* thousands separators */
		if (!strncmp(p, "\xE2\x80\x93", 3)) { /* an en dash */
			buf[o++] = '-';
			p += 2;
			continue;
		}
		buf[o++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	}
	buf[o] = '\0';
	unsigned long long first, last, total;
	if ((sscanf(buf, " rows %llu - %llu of %llu", &first, &last, &total) != 3 &&
	     sscanf(buf, " rows %llu to %llu of %llu", &first, &last, &total) != 3) ||
	    first > last || last > total)
		return 0;
	if (first > 1 || last < total) {
		f->rows_first = first;
		f->rows_last = last;
		f->rows_total = total;
	}
	return 1;
}

void tally_title(struct tally_file *f, const char *text)
{
	if (tally_rows_of(f, text))
		return; /* said on its own */
	size_t used = strlen(f->title_text);
	snprintf(f->title_text + used, sizeof f->title_text - used, "%s'%s'", used ? "; " : "", text);
}
