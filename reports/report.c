#include "report.h"

#include "report_text.h"
#include "times.h"
#include "waivers.h"

#include <inttypes.h>
#include <string.h>

const char *const report_columns[REPORT_COLUMNS] = {
	"finding", "run_id",	  "job",       "job_title", "job_name",
	"user",	   "user_name",	  "staff",     "unit",	    "environment",
	"start_time", "records", "status",    "set_name",  "detail"};

size_t report_utf8_len(const unsigned char *p)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
	for (size_t i = 1; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if (len == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0)))
		return 0;
	if (len == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)))
		return 0;
	return len;
}

const char *report_local_time(int64_t t, char *buf, size_t size)
{
	struct times_parts p;
	if (t == TIME_NONE) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	times_local_parts(t, &p);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d", p.year, p.month, p.day, p.hour,
		 p.minute, p.second);
	return buf;
}

void report_fields(struct report_fields *out, const struct report_finding *f)
{
	const struct run *run = f->run;
	const struct verdict *v = f->v;
	const struct rules_job *job = v->job >= 0 ? &f->rules->jobs[v->job] : NULL;
	const struct rules_person *p = v->person >= 0 ? &f->rules->people[v->person] : NULL;

	snprintf(out->id, sizeof out->id, "%" PRIu64, run->id);
	times_format_utc(run->time, out->time, sizeof out->time);
	report_local_time(run->time, out->local, sizeof out->local);
	if (run->records >= 0)
		snprintf(out->records, sizeof out->records, "%" PRId64, run->records);
	else
		out->records[0] = '\0';
	const char *values[REPORT_COLUMNS] = {
		finding_name(f->kind),
		out->id,
		job ? job->id : "",
		job ? job->title : "",
		run->name,
		run->user,
		run->user_name,
		p ? p->name : "",
		p ? p->unit : "",
		run_env_name(run->env),
		out->time,
		out->records,
		run->status,
		run->set_name,
		v->detail[f->kind],
	};
	for (int i = 0; i < REPORT_COLUMNS; i++)
		out->value[i] = values[i];
}

const char *report_waiver_cite(const struct report_finding *f, char *buf, size_t size)
{
	if (f->waiver)
		snprintf(buf, size, "%s:%ld", f->rules->waivers->name, f->waiver->line);
	else if (size)
		buf[0] = '\0';
	return buf;
}

/* ---- csv ---- */

static void csv_begin(struct reporter *r, const struct report_info *info)
{
	csvw_init(&r->csv, r->out);
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
	(void)r;
	(void)info;
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

void reporter_audit(struct reporter *r, const char *format, int summary, FILE *out,
		    const struct email_options *mail)
{
	if (!strcmp(format, "text") && summary)
		reporter_summary(r, out);
	else if (!strcmp(format, "text"))
		reporter_text(r, out);
	else if (!strcmp(format, "csv"))
		reporter_csv(r, out);
	else if (!strcmp(format, "html"))
		reporter_html(r, out);
	else if (!strcmp(format, "email"))
		reporter_email(r, out, mail);
	else
		reporter_json(r, out);
}

void report_unit_text(const struct report_info *info, int which, char *buf, size_t size)
{
	const struct report_unit *u = info->unit;
	char a[32], b[32];
	if (!u) {
		buf[0] = '\0';
	} else if (which == 0) {
		snprintf(buf, size, "%s%s%s: the runs of its people only: %s of %s runs audited",
			 u->code, u->name[0] ? ", " : "", u->name,
			 report_count(u->audited, a, sizeof a),
			 report_count(info->tally->audited, b, sizeof b));
	} else if (u->unknown) {
		snprintf(buf, size, "%s %s with findings by people not in staff.csv %s in %s",
			 report_count(u->unknown, a, sizeof a), u->unknown == 1 ? "run" : "runs",
			 u->unknown == 1 ? "is" : "are", u->all);
	} else {
		buf[0] = '\0';
	}
}
