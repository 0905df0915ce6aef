/* The json renderer: {"report":{...},"findings":[...],"summary":{...}}.
 * "report" holds what is known before reading (period, zone, rules); the
 * findings stream as they are found; "summary" closes with the accounting
 * and the aggregates. Strings are escaped for JSON, control characters as
 * \u escapes and invalid UTF-8 as U+FFFD. */
#include "report.h"

#include "baseline.h"
#include "filter.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <string.h>

void report_json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	putc('"', out);
	while (*p) {
		unsigned char c = *p;
		if (c == '"' || c == '\\') {
			putc('\\', out);
			putc(c, out);
			p++;
		} else if (c < 0x20 || c == 0x7F) {
			static const char *const named[] = {[8] = "\\b", [9] = "\\t", [10] = "\\n",
							    [12] = "\\f", [13] = "\\r"};
			if (c < 14 && named[c])
				fputs(named[c], out);
			else
				fprintf(out, "\\u%04x", c);
			p++;
		} else if (c < 0x80) {
			putc(c, out);
			p++;
		} else {
			/* a well-formed UTF-8 character, or U+FFFD for a stray byte */
			size_t len = report_utf8_len(p);
			if (len) {
				fwrite(p, 1, len, out);
				p += len;
			} else {
				fputs("\\ufffd", out);
				p++;
			}
		}
	}
	putc('"', out);
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

static void instant(FILE *out, int64_t t)
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
}

void report_json_fields(FILE *out, const struct report_fields *f)
{
	for (int i = 0; i < REPORT_COLUMNS; i++) {
		if (i)
			putc(',', out);
		key(out, report_columns[i]);
		if (!strcmp(report_columns[i], "records"))
			fputs(f->records[0] ? f->records : "null", out);
		else
			report_json_string(out, f->value[i]);
	}
	fputs(",\"start_local\":", out);
	report_json_string(out, f->local);
}

static void json_finding(struct reporter *r, const struct report_finding *f)
{
	FILE *out = r->out;
	struct report_fields fields;
	report_fields(&fields, f);
	fputs(r->written ? ",\n{" : "\n{", out);
	report_json_fields(out, &fields);
	fputs(",\"waiver\":", out);
	if (f->waiver) {
		fputs("{\"file\":", out);
		report_json_string(out, f->rules->waivers->name);
		fprintf(out, ",\"line\":%ld,\"ticket\":", f->waiver->line);
		report_json_string(out, f->waiver->ticket);
		fputs(",\"reason\":", out);
		report_json_string(out, f->waiver->reason);
		putc('}', out);
	} else {
		fputs("null", out);
	}
	if (f->trend) {
		putc(',', out);
		key(out, "trend");
		report_json_string(out, f->trend);
	}
	putc('}', out);
	r->written++;
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
	fputs("],\"trend\":{", out);
	for (int k = 0; k < FIND_COUNT; k++)
		fprintf(out,
			"%s\"%s\":{\"new\":%" PRIu64 ",\"recurring\":%" PRIu64
			",\"resolved\":%" PRIu64 "}",
			k ? "," : "", finding_name((enum finding_kind)k), b->fresh[k],
			b->recurring[k], b->resolved[k]);
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

void report_json_end(struct reporter *r, const struct report_info *info)
{
	FILE *out = r->out;
	const struct tally *t = info->tally;
	const struct summary *s = info->summary;

	fputs("],\n\"summary\":{", out);
	fprintf(out, "\"complete\":%s,\"period_covered\":", t->incomplete ? "false" : "true");
	if (t->uncovered[0]) {
		fputs("{\"covered\":false,\"error\":", out);
		report_json_string(out, t->uncovered);
		putc('}', out);
	} else {
		fputs("{\"covered\":true,\"error\":null}", out);
	}
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
		fprintf(out, ",\"record_counts\":%s", f->no_records ? "false" : "true");
		if (f->same_as)
			fprintf(out, ",\"same_as_input\":%d", f->same_as);
		/* what went wrong, in the report's own text */
		fprintf(out, ",\"read\":%s,\"error\":", f->unread || f->same_as ? "false" : "true");
		if (f->incomplete) {
			fputs("{\"line\":", out);
			if (f->error_line > 0)
				fprintf(out, "%ld", f->error_line);
			else
				fputs("null", out);
			fputs(",\"message\":", out);
			report_json_string(out, f->error);
			putc('}', out);
		} else {
			fputs("null", out);
		}
		fputs(",\"warning\":", out);
		if (f->no_line_end)
			fprintf(out, "{\"line\":%ld,\"message\":\"%s\"}", f->no_line_end,
				TALLY_NO_LINE_END);
		else
			fputs("null", out);
		putc('}', out);
	}
	fprintf(out,
		"],\n\"rows\":{\"read\":%" PRIu64 ",\"audited\":%" PRIu64 ",\"skipped\":%" PRIu64
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
	fputs("}},\n\"times\":{\"first\":", out);
	instant(out, t->first);
	fputs(",\"last\":", out);
	instant(out, t->last);
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
	r->begin = report_json_begin;
	r->finding = json_finding;
	r->end = report_json_end;
	r->array = "findings";
	r->written = 0;
}
