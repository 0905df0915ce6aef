#include "report_runs.h"

#include "report_text.h"
#include "times.h"

#include <inttypes.h>

void report_runs_begin(struct report_runs *r, FILE *out, enum runs_format format)
{
	static const char *const columns[] = {
		"run_id", "environment", "type", "job_id", "job_name", "category", "user",
		"user_name", "submit_time", "start_time", "end_time", "status", "progress",
		"records", "set_name", "file", "line"};
	r->out = out;
	r->format = format;
	if (format == RUNS_CSV) {
		csvw_init(&r->csv, out);
		for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
			csvw_str(&r->csv, columns[i]);
		csvw_end(&r->csv);
	} else {
		char start[48];
		snprintf(start, sizeof start, "START (%s)", times_zone_name());
		fprintf(out, "%-19s %-24s %-4s %-9s %-24s %9s  %-26s %s\n", "RUN ID", start, "ENV",
			"TYPE", "STATUS", "RECORDS", "USER", "NAME");
	}
}

static void utc_cell(struct csvw *w, int64_t t)
{
	char buf[32];
	times_format_utc(t, buf, sizeof buf);
	csvw_str(w, buf);
}

void report_runs_row(struct report_runs *r, const struct run *run)
{
	char id[24];
	snprintf(id, sizeof id, "%" PRIu64, run->id);
	if (r->format == RUNS_CSV) {
		struct csvw *w = &r->csv;
		csvw_str(w, id);
		csvw_str(w, run_env_name(run->env));
		csvw_str(w, run_type_name(run->type));
		csvw_str(w, run->job_id);
		csvw_str(w, run->name);
		csvw_str(w, run->category);
		csvw_str(w, run->user);
		csvw_str(w, run->user_name);
		utc_cell(w, run->submit_time);
		utc_cell(w, run->start_time);
		utc_cell(w, run->end_time);
		csvw_str(w, run->status);
		csvw_i64(w, run->progress);
		csvw_i64(w, run->records);
		csvw_str(w, run->set_name);
		csvw_str(w, run->file);
		csvw_i64(w, run->line);
		csvw_end(w);
		return;
	}
	char when[32], records[24] = "";
	times_format_local(run->time, when, sizeof when);
	if (run->records >= 0)
		snprintf(records, sizeof records, "%" PRId64, run->records);
	fprintf(r->out, "%-19s %-24s %-4s %-9s ", id, when, run->env == RUN_SANDBOX ? "sbx" : "prod",
		run_type_name(run->type));
	report_text_cell(r->out, run->status, 24);
	fprintf(r->out, " %9s  ", records);
	report_text_cell(r->out, run->user_name[0] ? run->user_name : run->user, 26);
	putc(' ', r->out);
	report_text_cell(r->out, run->name, 0);
	putc('\n', r->out);
}
