#include "report_csv.h"

#include "cells.h"
#include "fields.h"
#include "sortout.h"

#include <string.h>

static void csv_begin(struct reporter *r, const struct report_info *info)
{
	csvw_init(&r->csv, r->out);
	csvw_hold(&r->csv); /* written whole, a buffer at a time */
	for (int i = 0; i < REPORT_COLUMNS; i++)
		csvw_str(&r->csv, report_columns[i]);
	csvw_str(&r->csv, "waived"); /* the waiver's file:line, "" when not waived */
	if (info->baseline)
		csvw_str(&r->csv, "trend"); /* --baseline: new or recurring */
	csvw_str(&r->csv, "start_local"); /* the start in --tz, last */
	csvw_end(&r->csv);
	/* the rows go to the sorter (sortout.h), written in order at the end */
	csvw_flush(&r->csv);
	if ((r->ctx = sortout_new(SORTOUT_BUDGET, NULL)))
		sortout_capture(r->ctx, &r->csv.out);
	else
		report_sort_failed(r, NULL); /* written as found: said, and the status is 2 */
}

static void csv_finding(struct reporter *r, const struct report_finding *f)
{
	struct report_fields fields;
	char cite[300];
	report_fields(&fields, f);
	for (int i = 0; i < REPORT_COLUMNS; i++)
		csvw_str(&r->csv, fields.value[i]);
	csvw_str(&r->csv, report_waiver_cite(f, cite, sizeof cite));
	if (f->trend)
		csvw_str(&r->csv, f->trend);
	csvw_str(&r->csv, fields.local);
	csvw_end(&r->csv);
	if (r->ctx && sortout_add(r->ctx, &r->csv.out, f->run->time_ms, f->run->id, f->kind) != 0)
		r->failed = 1; /* said at the end, with what was listed */
	r->written++;
}

static void csv_end(struct reporter *r, const struct report_info *info)
{
	(void)info;
	if (r->ctx) {
		sortout_release(&r->csv.out);
		if (sortout_write(r->ctx, &r->csv.out, "", "") != 0)
			report_sort_failed(r, r->ctx);
		sortout_free(r->ctx);
		r->ctx = NULL;
	}
	csvw_flush(&r->csv); /* a short write: the FILE's error flag, checked at close */
}

void report_sort_failed(struct reporter *r, const struct sortout *s)
{
	char a[32], b[32];
	r->failed = 1;
	if (!s) {
		snprintf(r->failure, sizeof r->failure,
			 "out of memory: the findings are listed in the order read, not sorted");
		return;
	}
	const char *why = sortout_error(s);
	snprintf(r->failure, sizeof r->failure, "only %s of the %s findings could be listed: %s",
		 report_count(sortout_written(s), a, sizeof a),
		 report_count(r->written, b, sizeof b), why ? why : "the sort failed");
}

void reporter_csv(struct reporter *r, FILE *out)
{
	memset(r, 0, sizeof *r);
	r->out = out;
	r->begin = csv_begin;
	r->finding = csv_finding;
	r->end = csv_end;
	r->written = 0;
}
