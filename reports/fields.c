#include "fields.h"

#include "cells.h"
#include "times.h"
#include "waivers.h"

#include <string.h>

const char *const report_columns[REPORT_COLUMNS] = {
	"finding", "run_id",	  "job",       "job_title", "job_name",
	"user",	   "user_name",	  "staff",     "unit",	    "environment",
	"start_time", "records", "status",    "set_name",  "detail"};

/* Two digits of v (0 to 99) at o; returns the end. */
static char *two(char *o, int v)
{
	*o++ = (char)('0' + v / 10);
	*o++ = (char)('0' + v % 10);
	return o;
}

/* "2026-10-05" then sep, hh:mm:ss, end (NUL-terminated) into buf, by hand:
 * every finding has two such times. 0, or -1 when y is not 0 to 9999 (the
 * caller uses snprintf then). */
static int format_time(char *buf, int y, int m, int d, char sep, int h, int mi, int sec,
		       const char *end)
{
	if (y < 0 || y > 9999)
		return -1;
	char *o = two(two(buf, y / 100), y % 100);
	*o++ = '-';
	o = two(o, m);
	*o++ = '-';
	o = two(o, d);
	*o++ = sep;
	o = two(o, h);
	*o++ = ':';
	o = two(o, mi);
	*o++ = ':';
	o = two(o, sec);
	strcpy(o, end);
	return 0;
}

/* "2026-10-05T14:03:00Z" into buf (as times_format_utc). */
static void format_utc(int64_t t, char *buf, size_t size)
{
	int y, m, d;
	if (t == TIME_NONE || size < 21) {
		times_format_utc(t, buf, size);
		return;
	}
	int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	int rem = (int)(t - days * 86400);
	times_civil_from_days(days, &y, &m, &d);
	if (format_time(buf, y, m, d, 'T', rem / 3600, rem / 60 % 60, rem % 60, "Z") != 0)
		times_format_utc(t, buf, size);
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
	if (size < 20 || format_time(buf, p.year, p.month, p.day, ' ', p.hour, p.minute, p.second,
				     "") != 0)
		snprintf(buf, size, "%04d-%02d-%02d %02d:%02d:%02d", p.year, p.month, p.day,
			 p.hour, p.minute, p.second);
	return buf;
}

void report_fields(struct report_fields *out, const struct report_finding *f)
{
	const struct run *run = f->run;
	const struct verdict *v = f->v;
	const struct rules_job *job = v->job >= 0 ? &f->rules->jobs[v->job] : NULL;
	const struct rules_person *p = v->person >= 0 ? &f->rules->people[v->person] : NULL;

	out->id[wbuf_format_u64(out->id, run->id)] = '\0';
	format_utc(run->time, out->time, sizeof out->time);
	report_local_time(run->time, out->local, sizeof out->local);
	if (run->records >= 0)
		out->records[wbuf_format_u64(out->records, (uint64_t)run->records)] = '\0';
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

void report_unit_text(const struct report_info *info, int which, char *buf, size_t size)
{
	const struct report_unit *u = info->unit;
	char a[32], b[48];
	if (!u) {
		buf[0] = '\0';
	} else if (which == 0) {
		snprintf(buf, size, "%s%s%s: the runs of its people only: %s of %s audited",
			 u->code, u->name[0] ? ", " : "", u->name,
			 report_count(u->audited, a, sizeof a),
			 report_count_of(info->tally->audited, "run", "runs", b, sizeof b));
	} else if (u->unknown) {
		snprintf(buf, size, "%s %s with findings by people not in staff.csv %s in %s",
			 report_count(u->unknown, a, sizeof a), u->unknown == 1 ? "run" : "runs",
			 u->unknown == 1 ? "is" : "are", u->all);
	} else {
		buf[0] = '\0';
	}
}
