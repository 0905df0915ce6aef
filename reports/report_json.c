/* The audit's json renderer: see report_json.h. */
#include "report_json.h"

#include "baseline.h"
#include "bytescan.h"
#include "cells.h"
#include "fields.h"
#include "filter.h"
#include "report_csv.h"
#include "sortout.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <string.h>

/* The bytes written as they are: printable ASCII but " and \. */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
	/* 0x80 to 0xFF: 0 */
};

/* s as a JSON string into b: spans of plain bytes and well-formed UTF-8
 * copied whole, the rest escaped. */
static void jstr(struct wbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s, *span = p, *end = p + strlen(s);
	wbuf_char(b, '"');
	for (;;) {
		/* sixteen bytes at a time while they are all plain (bytescan),
		 * then eight, then byte by byte (the NUL at the end stops it) */
		while (end - p >= 16) {
			unsigned m = bytescan_json(p, '"', '\\');
			if (m) {
				p += bytescan_first(m);
				break;
			}
			p += 16;
		}
		while (end - p >= 8) {
			uint64_t x = wbuf_load8(p);
			if ((wbuf_has_less(x, 0x20) | wbuf_has_more(x, 0x7E) |
			     wbuf_has_zero(x ^ WBUF_ONES * '"') | wbuf_has_zero(x ^ WBUF_ONES * '\\')) != 0)
				break;
			p += 8;
		}
		while (plain[*p])
			p++;
		unsigned char c = *p;
		if (c >= 0x80) {
			/* a well-formed UTF-8 character, or U+FFFD for a stray byte */
			size_t len = report_utf8_len(p);
			if (len) {
				p += len;
				continue;
			}
		}
		wbuf_put(b, span, (size_t)(p - span));
		if (!c)
			break;
		if (c >= 0x80) {
			wbuf_put(b, "\\ufffd", 6);
		} else if (c == '"' || c == '\\') {
			char e[2] = {'\\', (char)c};
			wbuf_put(b, e, 2);
		} else {
			static const char *const named[] = {[8] = "\\b", [9] = "\\t", [10] = "\\n",
							    [12] = "\\f", [13] = "\\r"};
			if (c < 14 && named[c]) {
				wbuf_put(b, named[c], 2);
			} else {
				char e[6] = {'\\', 'u', '0', '0', "0123456789abcdef"[c >> 4],
					     "0123456789abcdef"[c & 15]};
				wbuf_put(b, e, 6);
			}
		}
		span = ++p;
	}
	wbuf_char(b, '"');
}

void report_json_string(FILE *out, const char *s)
{
	char store[1024];
	struct wbuf b;
	wbuf_init(&b, out, store, sizeof store);
	jstr(&b, s);
	wbuf_flush(&b);
}

static void key(FILE *out, const char *k)
{
	report_json_string(out, k);
	putc(':', out);
}

/* A label as a key: "system runs" becomes "system_runs". */
static void label_key(FILE *out, const char *label)
{
	char k[64];
	size_t i = 0;
	for (; label[i] && i + 1 < sizeof k; i++)
		k[i] = label[i] == ' ' ? '_' : label[i];
	k[i] = '\0';
	key(out, k);
}

static void day(FILE *out, int64_t d)
{
	if (d == TIME_NONE) {
		fputs("null", out);
		return;
	}
	char buf[16];
	times_format_day(d, buf, sizeof buf);
	report_json_string(out, buf);
}

void report_json_instant(FILE *out, int64_t t)
{
	char buf[32];
	if (t == TIME_NONE) {
		fputs("null", out);
		return;
	}
	times_format_utc(t, buf, sizeof buf);
	report_json_string(out, buf);
}

void report_json_begin(struct reporter *r, const struct report_info *info)
{
	FILE *out = r->out;
	fputs("{\"report\":{", out);
	key(out, "period");
	fputs("{", out);
	key(out, "from");
	day(out, info->period->first_day);
	putc(',', out);
	key(out, "until");
	day(out, info->period->last_day);
	putc(',', out);
	key(out, "name");
	report_json_string(out, info->period->name);
	fputs("},", out);
	key(out, "zone");
	report_json_string(out, times_zone_name());
	putc(',', out);
	key(out, "rules");
	fputs("{", out);
	key(out, "dir");
	report_json_string(out, info->rules->dir);
	fprintf(out, ",\"jobs\":%zu,\"people\":%zu,\"approvals\":%zu},", info->rules->njobs,
		info->rules->npeople, info->rules->napprovals);
	fprintf(out, "\"large_set\":%" PRId64 "},\n\"%s\":[", info->large_set,
		r->array ? r->array : "findings");
	r->written = 0;
	/* the findings: written whole, a buffer at a time, flushed at the end */
	csvw_init(&r->csv, out);
	csvw_hold(&r->csv);
}

/* "key": */
static void bkey(struct wbuf *b, const char *k)
{
	jstr(b, k);
	wbuf_char(b, ':');
}

/* The columns' keys as written, "finding": and so on (their names need no
 * escaping; one that did would go through jstr), and which is records. */
static struct {
	char text[48];
	size_t len;
} keys[REPORT_COLUMNS];
static int records_col = -1, keys_made;
/* The same keys as a sorter's codes (sortout_codes): byte i + 1 for the
 * key of column i with the comma before it, then start_local's and
 * waiver's. */
enum { CODE_LOCAL = REPORT_COLUMNS + 1, CODE_WAIVER, CODES = 32 };
static char code_text[CODE_WAIVER + 1][56];
static const char *codes[CODES];

static void make_keys(void)
{
	keys_made = 1;
	for (int i = 0; i < REPORT_COLUMNS; i++) {
		const char *k = report_columns[i];
		size_t n = strlen(k), j = 0;
		while (j < n && plain[(unsigned char)k[j]])
			j++;
		if (j == n && n + 3 <= sizeof keys[i].text) {
			keys[i].text[0] = '"';
			memcpy(keys[i].text + 1, k, n);
			memcpy(keys[i].text + 1 + n, "\":", 2);
			keys[i].len = n + 3;
		}
		if (!strcmp(k, "records"))
			records_col = i;
		if (keys[i].len) {
			/* (keys[i].len < 48: room for the comma and the NUL) */
			char *t = code_text[i + 1];
			if (i)
				*t++ = ',';
			memcpy(t, keys[i].text, keys[i].len);
			t[keys[i].len] = '\0';
			codes[i + 1] = code_text[i + 1];
		}
	}
	snprintf(code_text[CODE_LOCAL], sizeof code_text[CODE_LOCAL], ",\"start_local\":");
	snprintf(code_text[CODE_WAIVER], sizeof code_text[CODE_WAIVER], ",\"waiver\":");
	codes[CODE_LOCAL] = code_text[CODE_LOCAL];
	codes[CODE_WAIVER] = code_text[CODE_WAIVER];
}

/* The columns as "key":value; coded (a line for a sorter with codes): a
 * key as its code's byte. */
static void fields(struct wbuf *b, const struct report_fields *f, int coded)
{
	if (!keys_made)
		make_keys();
	for (int i = 0; i < REPORT_COLUMNS; i++) {
		if (coded && codes[i + 1]) {
			wbuf_char(b, (char)(i + 1));
		} else {
			if (i)
				wbuf_char(b, ',');
			if (keys[i].len)
				wbuf_put(b, keys[i].text, keys[i].len);
			else
				bkey(b, report_columns[i]);
		}
		if (i == records_col)
			wbuf_str(b, f->records[0] ? f->records : "null");
		else
			jstr(b, f->value[i]);
	}
	if (coded)
		wbuf_char(b, CODE_LOCAL);
	else
		wbuf_str(b, ",\"start_local\":");
	jstr(b, f->local);
}

void report_json_fields(FILE *out, const struct report_fields *f)
{
	char store[4096];
	struct wbuf b;
	wbuf_init(&b, out, store, sizeof store);
	fields(&b, f, 0);
	wbuf_flush(&b);
}

static void json_finding(struct reporter *r, const struct report_finding *f)
{
	struct wbuf *b = &r->csv.out;
	struct report_fields rf;
	report_fields(&rf, f);
	/* sorted (r->ctx: sortout.h), the separators come when written */
	wbuf_str(b, r->ctx ? "{" : r->written ? ",\n{" : "\n{");
	fields(b, &rf, r->ctx != NULL);
	if (r->ctx)
		wbuf_char(b, CODE_WAIVER);
	else
		wbuf_str(b, ",\"waiver\":");
	if (f->waiver) {
		wbuf_str(b, "{\"file\":");
		jstr(b, f->rules->waivers->name);
		wbuf_str(b, ",\"line\":");
		wbuf_i64(b, f->waiver->line);
		wbuf_str(b, ",\"ticket\":");
		jstr(b, f->waiver->ticket);
		wbuf_str(b, ",\"reason\":");
		jstr(b, f->waiver->reason);
		wbuf_char(b, '}');
	} else {
		wbuf_str(b, "null");
	}
	if (f->trend) {
		wbuf_char(b, ',');
		bkey(b, "trend");
		jstr(b, f->trend);
	}
	wbuf_char(b, '}');
	if (r->ctx && sortout_add(r->ctx, b, f->run->time_ms, f->run->id, f->kind) != 0)
		r->failed = 1; /* said at the end, with what was listed */
	r->written++;
}

/* The findings go to a sorter (sortout.h) and are written in order at the
 * end; the run listing (report_runs.c) keeps its runs as read. */
static void json_begin(struct reporter *r, const struct report_info *info)
{
	report_json_begin(r, info);
	if ((r->ctx = sortout_new(SORTOUT_BUDGET, NULL))) {
		/* the keys held as a byte each, written out at the end */
		if (!keys_made)
			make_keys();
		sortout_codes(r->ctx, codes);
		sortout_capture(r->ctx, &r->csv.out);
	} else {
		report_sort_failed(r, NULL); /* written as found: said, and the status is 2 */
	}
}

static void json_end(struct reporter *r, const struct report_info *info)
{
	if (r->ctx) {
		sortout_release(&r->csv.out);
		if (sortout_write(r->ctx, &r->csv.out, "\n", ",\n") != 0)
			report_sort_failed(r, r->ctx); /* said in summary.errors */
		sortout_free(r->ctx);
		r->ctx = NULL;
	}
	report_json_end(r, info);
}

static void counts(FILE *out, const struct summary_row *row)
{
	fprintf(out, "\"runs_with_findings\":%" PRIu64, row->runs);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out, ",\"%s\":%" PRIu64, finding_name((enum finding_kind)k), row->count[k]);
}

/* "by_person":[...], and, when labels past the summary's bound were
 * folded, "by_person_others":{"note":..,"runs_with_findings":..,..}. */
static void rows(FILE *out, const char *name, const struct summary *s,
		 const struct summary_row *rows, size_t n, const struct summary_row *others,
		 const char *label)
{
	key(out, name);
	putc('[', out);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n{" : "\n{", out);
		key(out, label);
		report_json_string(out, rows[i].label);
		putc(',', out);
		counts(out, &rows[i]);
		putc('}', out);
	}
	putc(']', out);
	if (summary_folded(others)) {
		char note[256];
		fprintf(out, ",\n\"%s_others\":{\"note\":", name);
		summary_others_note(note, sizeof note, s, others);
		report_json_string(out, note);
		putc(',', out);
		counts(out, others);
		putc('}', out);
	}
}

/* "by_month":[{"month":"2026-10","runs_audited":..,"runs_with_findings":..,
 * "unapproved":..,..},..], when the period spans two months or more: each
 * month of it, those without runs as zeros; a long stretch of them is one
 * row with "until", its last month. */
static void by_month(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	int64_t first, last;
	char name[16];
	if (!summary_month_span(s, info->period, &first, &last))
		return;
	fputs("\"by_month\":[", out);
	struct summary_month_row row;
	for (int64_t at = first; summary_month_next(s, &at, last, &row);) {
		const struct summary_month *e = row.e;
		fprintf(out, "%s{\"month\":\"%s\"", row.first > first ? ",\n" : "\n",
			summary_month_name(row.first, name, sizeof name));
		if (row.last > row.first)
			fprintf(out, ",\"until\":\"%s\"", summary_month_name(row.last, name, sizeof name));
		fprintf(out, ",\"runs_audited\":%" PRIu64 ",\"runs_with_findings\":%" PRIu64,
			e ? e->runs : 0, e ? e->flagged : 0);
		for (int k = 0; k < FIND_COUNT; k++)
			fprintf(out, ",\"%s\":%" PRIu64, finding_name((enum finding_kind)k),
				e ? e->count[k] : 0);
		putc('}', out);
	}
	fputs("],\n", out);
}

/* "filters":{"user":[{"value":..,"means":..}],"errors":[..]}: who each
 * --user value was taken to mean, and each value that matched nothing. */
static void filters(FILE *out, const struct report_info *info)
{
	char text[1024];
	const char *value;
	size_t n = 0;
	fputs("\"filters\":{\"user\":[", out);
	for (size_t i = 0; (value = filter_user_means(info->filter, info->rules, i, text, sizeof text));
	     i++) {
		if (!text[0])
			continue;
		fputs(n++ ? ",{" : "{", out);
		key(out, "value");
		report_json_string(out, value);
		putc(',', out);
		key(out, "means");
		report_json_string(out, text);
		putc('}', out);
	}
	fputs("],\"errors\":[", out);
	for (size_t i = 0; filter_miss(info->filter, info->rules, i, text, sizeof text); i++) {
		if (i)
			putc(',', out);
		report_json_string(out, text);
	}
	fputs("]}", out);
}

/* "baseline":{file, period, rules, warnings, trend by kind} and
 * "resolved":[{finding, job, person, baseline_findings}], with --baseline. */
static void baseline(FILE *out, const struct report_info *info)
{
	const struct baseline *b = info->baseline;
	char text[512];
	fputs("\"baseline\":{", out);
	key(out, "file");
	report_json_string(out, b->path);
	fputs(",\"period\":{\"from\":", out);
	day(out, b->period.first_day);
	fputs(",\"until\":", out);
	day(out, b->period.last_day);
	fputs(",\"name\":", out);
	report_json_string(out, b->period.name);
	fprintf(out,
		"},\"findings\":%" PRIu64 ",\"filtered\":%" PRIu64
		",\"rules\":{\"jobs\":%zu,\"people\":%zu,\"approvals\":%zu},\"other_rules\":%s,"
		"\"warnings\":[",
		b->findings, b->filtered, b->njobs, b->npeople, b->napprovals,
		b->other_rules ? "true" : "false");
	int n = 0;
	if (b->other_rules) {
		baseline_rules_text(b, text, sizeof text);
		n++;
		report_json_string(out, text);
	}
	if (b->not_before) {
		baseline_period_warning(b, info->period, text, sizeof text);
		fputs(n++ ? "," : "", out);
		report_json_string(out, text);
	}
	if (b->incomplete) {
		fputs(n++ ? "," : "", out);
		report_json_string(out, baseline_incomplete_text(b));
	}
	if (b->hidden) {
		fputs(n++ ? "," : "", out);
		snprintf(text, sizeof text,
			 "the baseline report's filters hid %" PRIu64
			 " runs with findings: those count as new",
			 b->hidden);
		report_json_string(out, text);
	}
	/* new and recurring count the findings of summary.findings, those no
	 * waiver covers; the waived ones (summary.waived) apart */
	fputs("],\"trend\":{", out);
	for (int k = 0; k < FIND_COUNT; k++) {
		uint64_t fresh, recurring, wnew, wrec;
		report_trend(info, k, &fresh, &recurring, &wnew, &wrec);
		fprintf(out,
			"%s\"%s\":{\"new\":%" PRIu64 ",\"recurring\":%" PRIu64
			",\"resolved\":%" PRIu64 ",\"waived_new\":%" PRIu64
			",\"waived_recurring\":%" PRIu64 "}",
			k ? "," : "", finding_name((enum finding_kind)k), fresh, recurring,
			b->resolved[k], wnew, wrec);
	}
	fputs("}},\n\"resolved\":[", out);
	for (size_t i = 0; i < b->ngone; i++) {
		const struct baseline_item *it = &b->items[b->gone[i]];
		fputs(i ? ",\n{" : "\n{", out);
		key(out, "finding");
		report_json_string(out, finding_name(it->kind));
		putc(',', out);
		key(out, "job");
		report_json_string(out, it->job);
		putc(',', out);
		key(out, "person");
		report_json_string(out, it->person);
		fprintf(out, ",\"baseline_findings\":%" PRIu64 "}", it->count);
	}
	fputs("],\n", out);
}

/* "waived":{kind:count,..},"waivers":{"file":..,"rows":[..]} (or null when
 * the rules have no waivers file): each waiver with the findings it
 * covered in this report and whether it has expired. */
static void waivers(FILE *out, const struct report_info *info)
{
	const struct summary *s = info->summary;
	const struct waivers *w = info->rules->waivers;
	fputs("\"waived\":{", out);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out, "%s\"%s\":%" PRIu64, k ? "," : "", finding_name((enum finding_kind)k),
			s->waived[k]);
	fputs("},\n\"waivers\":", out);
	if (!w) {
		fputs("null,\n", out);
		return;
	}
	fputs("{\"file\":", out);
	report_json_string(out, w->path);
	fputs(",\"rows\":[", out);
	for (size_t i = 0; i < w->n; i++) {
		const struct waiver *wv = &w->w[i];
		fprintf(out, "%s{\"line\":%ld,\"from\":", i ? ",\n" : "\n", wv->line);
		day(out, wv->from == RULES_NO_DATE ? TIME_NONE : wv->from);
		fputs(",\"until\":", out);
		day(out, wv->until);
		fputs(",\"ticket\":", out);
		report_json_string(out, wv->ticket);
		fputs(",\"reason\":", out);
		report_json_string(out, wv->reason);
		fprintf(out, ",\"covered\":%" PRIu64 ",\"expired\":%s}", summary_covered(s, i),
			waivers_expired(wv, info->today) ? "true" : "false");
	}
	fputs("]},\n", out);
}

/* "complete":…,"period_covered":{covered, partial, error, missing days,
 * quiet} of a summary, and its notes: "errors":[…],"warnings":[…]. The
 * errors are every ERROR the text report says at its top: the findings not
 * all listed (failure), the filter values that matched nothing, a period the
 * inputs do not reach, a failed join. */
void report_json_complete(FILE *out, const struct tally *t, const char *failure,
			  const struct report_info *info)
{
	char text[1024];
	size_t n = 0;
	fprintf(out, "\"complete\":%s,\"period_covered\":",
		t->incomplete || failure ? "false" : "true");
	fprintf(out, "{\"covered\":%s,\"partial\":%s,\"error\":",
		t->uncovered[0] || t->coverage ? "false" : "true", t->coverage == 1 ? "true" : "false");
	if (t->uncovered[0])
		report_json_string(out, t->uncovered);
	else
		fputs("null", out);
	fputs(",\"missing\":[", out);
	for (size_t i = 0; i < t->ngaps; i++) {
		fputs(i ? ",{\"from\":" : "{\"from\":", out);
		day(out, t->gaps[i].first);
		fputs(",\"until\":", out);
		day(out, t->gaps[i].last);
		fprintf(out, ",\"days\":%" PRId64 "}", t->gaps[i].last - t->gaps[i].first + 1);
	}
	fprintf(out, "],\"missing_stretches\":%zu,\"missing_days\":%" PRIu64 ",\"quiet\":%s}",
		t->ngaps_all, t->gap_days, t->quiet ? "true" : "false");
	fputs(",\"errors\":[", out);
	if (failure) {
		n++;
		report_json_string(out, failure);
	}
	for (size_t i = 0; info && filter_miss(info->filter, info->rules, i, text, sizeof text);
	     i++) {
		fputs(n++ ? "," : "", out);
		report_json_string(out, text);
	}
	if (t->uncovered[0]) {
		fputs(n++ ? "," : "", out);
		report_json_string(out, t->uncovered);
	}
	for (int error = 1; error >= 0; error--) {
		if (!error) {
			fputs("],\"warnings\":[", out);
			n = 0;
		}
		for (size_t i = 0; i < t->nnotes; i++)
			if (t->notes[i].error == error) {
				fputs(n++ ? "," : "", out);
				report_json_string(out, t->notes[i].text);
			}
	}
	putc(']', out);
}

/* "identity":{…}, "sandbox":{…}, "cells":{…}, "rejected_rows":[…]: what the
 * header says of the people matched, the sandbox runs set aside, the cells
 * not read and the first rows rejected. */
void report_json_reading(FILE *out, const struct tally *t)
{
	fprintf(out,
		"\"identity\":{\"manual_runs\":%" PRIu64 ",\"matched\":%" PRIu64
		",\"unmatched\":%" PRIu64 ",\"unmatched_examples\":[",
		t->manual_runs, t->matched, t->manual_runs - t->matched);
	for (size_t i = 0; i < t->nunmatched; i++) {
		fputs(i ? "," : "", out);
		report_json_string(out, t->unmatched[i]);
	}
	fputs("]},\n\"sandbox\":{\"refreshed\":", out);
	day(out, t->refreshed);
	fprintf(out, ",\"set_aside\":%" PRIu64 ",\"copies\":%" PRIu64 "},\n\"cells\":{",
		t->sandbox_aside, t->sandbox_copies);
	uint64_t total = 0;
	for (int c = 0; c < COL_COUNT; c++)
		total += t->bad_cells[c];
	fprintf(out, "\"not_read\":%" PRIu64 ",\"by_column\":{", total);
	for (int c = 0, n = 0; c < COL_COUNT; c++)
		if (t->bad_cells[c])
			fprintf(out, "%s\"%s\":%" PRIu64, n++ ? "," : "", columns_name((enum col)c),
				t->bad_cells[c]);
	fputs("},\"first\":[", out);
	for (size_t i = 0; i < t->ncells; i++) {
		fputs(i ? ",{\"file\":" : "{\"file\":", out);
		report_json_string(out, t->cells[i].file);
		fprintf(out, ",\"line\":%ld,\"column\":\"%s\",\"message\":", t->cells[i].line,
			columns_name(t->cells[i].col));
		report_json_string(out, t->cells[i].text);
		putc('}', out);
	}
	fputs("]},\n\"rejected_rows\":[", out);
	for (size_t i = 0; i < t->nrejects; i++) {
		const struct tally_reject *r = &t->rejects[i];
		fputs(i ? ",{\"file\":" : "{\"file\":", out);
		report_json_string(out, r->file);
		fprintf(out, ",\"line\":%ld,\"reason\":\"%s\",\"detail\":", r->line,
			tally_reject_name(r->why));
		report_json_string(out, r->detail);
		putc('}', out);
	}
	fputs("],\n", out);
}

/* What stopped reading an input: {line, message}, or null. */
void report_json_file_error(FILE *out, const struct tally_file *f)
{
	if (!f->incomplete) {
		fputs("null", out);
		return;
	}
	fputs("{\"line\":", out);
	if (f->error_line > 0)
		fprintf(out, "%ld", f->error_line);
	else
		fputs("null", out);
	fputs(",\"message\":", out);
	report_json_string(out, f->error);
	putc('}', out);
}

void report_json_end(struct reporter *r, const struct report_info *info)
{
	FILE *out = r->out;
	const struct tally *t = info->tally;
	const struct summary *s = info->summary;

	csvw_flush(&r->csv); /* a short write: the FILE's error flag, checked at close */
	fputs("],\n\"summary\":{", out);
	report_json_complete(out, t, r->failure[0] ? r->failure : NULL, info);
	fputs(",\"inputs\":[", out);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		fputs(i ? ",{" : "{", out);
		key(out, "file");
		report_json_string(out, f->name);
		fprintf(out, ",\"environment\":\"%s\",\"gzip\":%s,\"rows\":%" PRIu64 ",\"complete\":%s",
			run_env_name(f->env), f->gzip ? "true" : "false", f->rows,
			f->incomplete ? "false" : "true");
		fprintf(out, ",\"encoding\":\"%s\",\"delimiter\":\"%s\"",
			f->encoding ? f->encoding : "UTF-8",
			f->delim == ';' ? ";" : f->delim == '\t' ? "\\t" : ",");
		/* slash dates: the reading, and the line whose date proved it */
		fprintf(out, ",\"dates\":%s", f->slash == 2   ? "\"day first\""
					       : f->slash == 1 ? "\"month first\""
							       : "null");
		if (f->slash_line)
			fprintf(out, ",\"dates_line\":%ld", f->slash_line);
		if (f->date_conflict)
			fprintf(out, ",\"dates_conflict_line\":%ld", f->date_conflict);
		fprintf(out, ",\"names_in_submitted_by\":%" PRIu64, f->names_in_user);
		if (f->env == RUN_PRODUCTION) {
			fputs(",\"first_run\":", out);
			report_json_instant(out, f->first);
			fputs(",\"last_run\":", out);
			report_json_instant(out, f->last);
		}
		fprintf(out, ",\"record_counts\":%s,\"set_names\":%s", f->no_records ? "false" : "true",
			f->no_sets ? "false" : "true");
		if (f->json)
			fputs(",\"format\":\"alma-api-json\"", out);
		if (f->same_as)
			fprintf(out, ",\"same_as_input\":%d", f->same_as);
		/* what went wrong, in the report's own text */
		fprintf(out, ",\"read\":%s,\"error\":", f->unread || f->same_as ? "false" : "true");
		report_json_file_error(out, f);
		fputs(",\"warning\":", out);
		if (f->no_line_end)
			fprintf(out, "{\"line\":%ld,\"message\":\"%s\"}", f->no_line_end,
				TALLY_NO_LINE_END);
		else
			fputs("null", out);
		putc('}', out);
	}
	fputc(']', out);
	/* JSON inputs: the jobs whose counters gave no count, the sets inferred */
	if (t->nuncounted && info->rules) {
		fputs(",\n\"records_uncounted\":[", out);
		for (size_t i = 0; i < t->nuncounted; i++) {
			fputs(i ? ",{" : "{", out);
			key(out, "job");
			report_json_string(out, info->rules->jobs[t->uncounted[i].job].id);
			fprintf(out, ",\"runs\":%" PRIu64 "}", t->uncounted[i].runs);
		}
		fputc(']', out);
	}
	if (t->sets_inferred)
		fprintf(out, ",\n\"sets_inferred\":%" PRIu64, t->sets_inferred);
	if (t->sets_unknown) {
		/* and why: the instance name names none, no set_name column, an
		 * empty set_name cell (a run whose copies differ counts in each) */
		static const char *const whys[] = {"instance_name", "no_set_name_column",
						   "empty_set_name"};
		fprintf(out, ",\n\"sets_unknown\":%" PRIu64 ",\n\"sets_unknown_why\":{",
			t->sets_unknown);
		for (int why = RUN_SET_UNNAMED, any = 0; why <= RUN_SET_EMPTY; why++)
			if (t->sets_why[why])
				fprintf(out, "%s\"%s\":%" PRIu64, any++ ? "," : "", whys[why - 1],
					t->sets_why[why]);
		fputc('}', out);
	}
	fprintf(out,
		",\n\"rows\":{\"read\":%" PRIu64 ",\"audited\":%" PRIu64 ",\"skipped\":%" PRIu64
		",\"rejected\":%" PRIu64 ",\"repeated_headers\":%" PRIu64 ",\"skipped_by_reason\":{",
		t->read, t->audited, tally_skipped(t), tally_rejected(t), t->headers);
	for (int i = 0; i < SKIP_COUNT; i++) {
		if (i)
			putc(',', out);
		label_key(out, tally_skip_name((enum skip_reason)i));
		fprintf(out, "%" PRIu64, t->skipped[i]);
	}
	fputs("},\"rejected_by_reason\":{", out);
	for (int i = 0; i < REJ_COUNT; i++) {
		if (i)
			putc(',', out);
		label_key(out, tally_reject_name((enum reject_reason)i));
		fprintf(out, "%" PRIu64, t->rejected[i]);
	}
	fputs("}},\n", out);
	report_json_reading(out, t);
	fputs("\"times\":{\"first\":", out);
	report_json_instant(out, t->first);
	fputs(",\"last\":", out);
	report_json_instant(out, t->last);
	fprintf(out, "},\n\"runs_with_findings\":%" PRIu64 ",\"hidden_by_filters\":%" PRIu64
		     ",\"findings\":{",
		s->runs, info->hidden);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out, "%s\"%s\":%" PRIu64, k ? "," : "", finding_name((enum finding_kind)k),
			s->kinds[k]);
	fputs("},\n", out);
	if (!r->array || strcmp(r->array, "runs")) /* the run listing applies no waivers */
		waivers(out, info);
	rows(out, "by_person", s, s->people, s->npeople, &s->people_others, "person");
	fputs(",\n", out);
	rows(out, "by_job", s, s->jobs, s->njobs, &s->jobs_others, "job");
	fputs(",\n", out);
	by_month(out, info);
	if (s->failed)
		fputs("\"out_of_memory\":\"the rows by person and by job are short: some findings "
		      "are counted but missing from them\",\n",
		      out);
	if (info->unit) {
		/* a unit's report (audit --split unit): its people's findings only */
		const struct report_unit *u = info->unit;
		fputs("\"unit\":{\"code\":", out);
		report_json_string(out, u->code);
		fputs(",\"name\":", out);
		report_json_string(out, u->name);
		fprintf(out, ",\"audited\":%" PRIu64 ",\"not_in_staff\":%" PRIu64 ",\"all\":",
			u->audited, u->unknown);
		report_json_string(out, u->all);
		fputs("},\n", out);
	}
	if (info->baseline)
		baseline(out, info);
	filters(out, info);
	fputs("}}\n", out);
}

void reporter_json(struct reporter *r, FILE *out)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = json_begin;
	r->finding = json_finding;
	r->end = json_end;
	r->array = "findings";
	r->written = 0;
}
