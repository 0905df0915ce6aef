#include "report_csv.h"

#include "fields.h"

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
	r->written++;
}

static void csv_end(struct reporter *r, const struct report_info *info)
{
	(void)info;
	csvw_flush(&r->csv); /* a short write: the FILE's error flag, checked at close */
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
