#include "fields.h"

#include "baseline.h"
#include "cells.h"
#include "joins.h"
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

void report_trend(const struct report_info *info, int k, uint64_t *fresh, uint64_t *recurring,
		  uint64_t *wnew, uint64_t *wrecurring)
{
	const struct baseline *b = info->baseline;
	const struct summary *s = info->summary;
	*fresh = *recurring = *wnew = *wrecurring = 0;
	if (!b)
		return;
	/* the baseline marked every finding shown, waived or not; the summary
	 * counted the waived ones, and which of them were new */
	*wnew = s ? s->waived_new[k] : 0;
	*wrecurring = s ? s->waived[k] - *wnew : 0;
	*fresh = b->fresh[k] > *wnew ? b->fresh[k] - *wnew : 0;
	*recurring = b->recurring[k] > *wrecurring ? b->recurring[k] - *wrecurring : 0;
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

const char *report_identity_text(const struct report_info *info, char *buf, size_t size)
{
	const struct tally *t = info->tally;
	char a[32], b[32], c[32];
	buf[0] = '\0';
	if (!t->manual_runs)
		return buf;
	snprintf(buf, size, "%s of %s manual %s matched to a person in %s (%s not)",
		 report_count(t->matched, a, sizeof a), report_count(t->manual_runs, b, sizeof b),
		 t->manual_runs == 1 ? "run" : "runs",
		 info->rules ? rules_file_name(info->rules->staff_path) : "staff.csv",
		 report_count(t->manual_runs - t->matched, c, sizeof c));
	return buf;
}

const char *report_coverage_text(const struct report_info *info, char *buf, size_t size)
{
	const struct tally *t = info->tally;
	const struct period *p = info->period;
	buf[0] = '\0';
	if (t->uncovered[0])
		return buf;
	if (t->coverage == 1) {
		char g[64];
		size_t used = (size_t)snprintf(buf, size, "in part: no production export reaches ");
		for (size_t i = 0; i < t->ngaps && i < 3 && used < size; i++) {
			joins_gap_text(&t->gaps[i], g, sizeof g);
			used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", g);
		}
		if (t->ngaps_all > 3 && used < size)
			snprintf(buf + used, size - used, " and %s more",
				 report_count(t->ngaps_all - 3, g, sizeof g));
	} else if (t->quiet) {
		int day = p->first_day != TIME_NONE && p->first_day == p->last_day &&
			  !p->since_clock[0] && !p->until_clock[0];
		snprintf(buf, size, "no runs %s: the inputs reach it, and hold none",
			 day ? "that day" : "in the period");
	}
	return buf;
}

const char *report_sandbox_text(const struct tally *t, char *buf, size_t size)
{
	char n[32], m[32], day[16];
	size_t used = 0;
	buf[0] = '\0';
	if (t->sandbox_aside) {
		times_format_day(t->refreshed, day, sizeof day);
		used = (size_t)snprintf(buf, size,
					"%s dated before the sandbox refresh of %s, set aside "
					"(production's history copied over, not tests)",
					report_count(t->sandbox_aside, n, sizeof n), day);
	}
	if (t->sandbox_copies && used < size)
		snprintf(buf + used, size - used, "%s%s with a production run's id (%s, not %s)",
			 used ? "; " : "", report_count(t->sandbox_copies, m, sizeof m),
			 t->sandbox_copies == 1 ? "a copy" : "copies",
			 t->sandbox_copies == 1 ? "a test" : "tests");
	return buf;
}

const char *report_cells_text(const struct tally *t, char *buf, size_t size)
{
	char n[32];
	uint64_t total = 0;
	size_t used;
	buf[0] = '\0';
	for (int c = 0; c < COL_COUNT; c++)
		total += t->bad_cells[c];
	if (!total)
		return buf;
	used = (size_t)snprintf(buf, size, "%s %s not read, %s judged without %s: ",
				report_count(total, n, sizeof n), total == 1 ? "cell" : "cells",
				total == 1 ? "its run" : "their runs", total == 1 ? "it" : "them");
	for (int c = 0, any = 0; c < COL_COUNT && used < size; c++)
		if (t->bad_cells[c])
			used += (size_t)snprintf(buf + used, size - used, "%s%s %s", any++ ? ", " : "",
						 columns_name((enum col)c),
						 report_count(t->bad_cells[c], n, sizeof n));
	return buf;
}

/* "ui.csv has no set_name column", "a.csv and b.csv have ...", "a.csv,
 * b.csv and 2 more inputs have ...": the CSV inputs without one. */
static void no_set_column(const struct tally *t, char *buf, size_t size)
{
	size_t n = 0, shown = 0, used = 0;
	for (size_t i = 0; i < t->nfiles; i++)
		n += t->files[i].no_sets && !t->files[i].unread && !t->files[i].same_as;
	buf[0] = '\0';
	for (size_t i = 0; i < t->nfiles && shown < 2 && used < size; i++) {
		const struct tally_file *f = &t->files[i];
		if (!f->no_sets || f->unread || f->same_as)
			continue;
		shown++;
		used += (size_t)snprintf(buf + used, size - used, "%s%.120s",
					 shown == 1 ? "" : shown == n ? " and " : ", ", f->name);
	}
	if (n > 2 && used < size)
		used += (size_t)snprintf(buf + used, size - used, " and %zu more %s", n - 2,
					 n - 2 == 1 ? "input" : "inputs");
	if (used < size)
		snprintf(buf + used, size - used, " %s no set_name column", n == 1 ? "has" : "have");
}

const char *report_sets_unknown(const struct tally *t, int why, char *buf, size_t size)
{
	char n[32], cause[320];
	uint64_t runs = why >= 0 && why < 4 ? t->sets_why[why] : 0;
	int one = runs == 1;
	buf[0] = '\0';
	if (!runs)
		return buf;
	if (why == RUN_SET_NO_COLUMN)
		no_set_column(t, cause, sizeof cause);
	else if (why == RUN_SET_EMPTY)
		snprintf(cause, sizeof cause, "%s set_name cell is empty", one ? "its" : "their");
	else
		snprintf(cause, sizeof cause, "the instance name names none");
	snprintf(buf, size,
		 "%s whose set is unknown (%s) judged approved by "
		 "%s limited to sets: check %s against %s in Alma (runs --explain)",
		 report_count_of(runs, "run", "runs", n, sizeof n), cause,
		 one ? "an approval" : "approvals", one ? "it" : "them",
		 one ? "its report" : "their reports");
	return buf;
}
