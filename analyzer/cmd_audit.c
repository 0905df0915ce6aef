/* cmd_audit: almaudit audit, the compliance report on production job
 * history, and almaudit runs, every run with its verdict, for the morning
 * after a bad batch: one pipeline (audit.c) with two ends. Options and
 * their checks, the rules, the baseline, the outputs (-o, --rejects, or a
 * file per unit with --split unit), the renderer (reports/), then the
 * audit; all outputs are put in place whole or not at all. Exit 0 nothing
 * to look at, 1 findings or rejected rows, 2 error. */
#include "commands.h"

#include "audit.h"
#include "baseline.h"
#include "baseline_json.h"
#include "cells.h"
#include "diag.h"
#include "filter.h"
#include "matrix.h"
#include "opts.h"
#include "output.h"
#include "period.h"
#include "report.h"
#include "runs_view.h"
#include "split.h"
#include "suggest.h"
#include "term.h"
#include "times.h"
#include "tty.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage_audit[] =
	"usage: almaudit audit [options] FILE...\n"
	"\n"
	"Judges every manual production run against the approval matrix and\n"
	"reports the findings: unapproved, no-signoff, damaging-large-set,\n"
	"unknown-size, unlisted-job. Sandbox history (--sandbox) is evidence of\n"
	"testing. A run in several inputs counts once.\n"
	"\n"
	"Options:\n"
	"  --rules DIR       the approval matrix (default $ALMAUDIT_RULES, else the\n"
	"                    shipped rules)\n"
	"  --waivers FILE    the accepted exceptions, instead of the rules\n"
	"                    directory's waivers.csv: the findings they cover are\n"
	"                    listed as waived and do not make the exit status 1\n"
	"  --format F        text (default), csv, json, html or email\n"
	"  --summary         a few lines (period, counts, top people and jobs)\n"
	"  --to ADDR, --from ADDR, --subject TEXT\n"
	"                    the email's headers (--format email; --to needed,\n"
	"                    repeatable: one To: header)\n"
	"  --period P        today, yesterday, monday ... sunday (the latest before\n"
	"                    today), this-week, last-week, this-month, last-month,\n"
	"                    this-quarter, last-quarter, this-year, last-year,\n"
	"                    YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY; days local to --tz\n"
	"  --since DATE      from DATE (YYYY-MM-DD, inclusive), or from a time of\n"
	"                    day: \"YYYY-MM-DD HH:MM\" (local to --tz)\n"
	"  --until DATE      to DATE (inclusive), or to the end of the minute\n"
	"                    \"YYYY-MM-DD HH:MM\"\n"
	"  --large-set N     records above which a damaging run is flagged, for\n"
	"                    jobs that set none (default 1000)\n"
	"  --limit N         rows per finding kind and per summary table in the text,\n"
	"                    html and email reports (default 50, at most 100000; csv\n"
	"                    and json list every finding; an email shows fewer when\n"
	"                    it must to stay readable, with every finding attached)\n"
	"  --baseline FILE   an earlier audit --format json report (last month's):\n"
	"                    marks each finding new or recurring (same kind, person\n"
	"                    and job in FILE) and lists the resolved ones\n"
	"  --split unit      with -o DIR: a report per unit of staff.csv that has\n"
	"                    runs, DIR/UNIT.txt (.csv, .json, .html, .eml by\n"
	"                    --format), and the whole one, DIR/all.txt; lists the\n"
	"                    files on standard output. Email goes to each unit's\n"
	"                    address in units.csv, else to --to. Not with filters\n";

static const char usage_runs[] =
	"usage: almaudit runs [options] FILE...\n"
	"\n"
	"Lists every run read, one per line, with its verdict: ok, system,\n"
	"sandbox, or its findings. For the morning after a bad batch.\n"
	"\n"
	"Options:\n"
	"  --rules DIR       the approval matrix (default $ALMAUDIT_RULES, else the\n"
	"                    shipped rules)\n"
	"  --format F        text (default), csv or json\n"
	"  --explain         the rule rows behind each verdict\n"
	"  --id RUN_ID       only that run, every field of it (repeatable)\n"
	"  --manual          hide system and sandbox runs (the text counts them)\n"
	"  --sort KEY        time, records (most first), person or job; without\n"
	"                    it, runs as read. Holds the runs shown: at most\n"
	"                    100,000 (more is an error), or the first N with --top\n"
	"  --top N           only the first N of the order (--sort records when\n"
	"                    no --sort: the N largest); with --summary, rows per\n"
	"                    table\n"
	"  --summary         per person and per job: runs shown, records they\n"
	"                    touched, runs with findings (text)\n"
	"  --period P, --since DATE, --until DATE, --large-set N\n"
	"                    as for audit\n"
	"See 'almaudit help investigate' for the morning after a bad batch.\n";


void cmd_audit_help(FILE *out)
{
	fputs(usage_audit, out);
	fputs(opts_help_filters, out);
	fputs(opts_help_input, out);
}

void cmd_runs_help(FILE *out)
{
	fputs(usage_runs, out);
	fputs(opts_help_filters, out);
	fputs(opts_help_input, out);
}

/* The first filter option given ("--user"), or NULL when none. */
static const char *filter_given(const struct filter *f)
{
	static const char *const names[FILTER_OPTS] = {
		"--job", "--user", "--unit", "--finding", "--min-records", "--status", "--grep", "--id"};
	for (int i = 0; i < FILTER_OPTS; i++)
		if (f->count[i])
			return names[i];
	return f->findings ? "--finding" : f->min_records >= 0 ? "--min-records" : NULL;
}

/* audit and runs: options, zone, period, rules, outputs, then the pipeline. */
static int run_pipeline(int argc, char **argv, enum audit_mode mode)
{
	int audit = mode == AUDIT_FINDINGS;
	struct opts o;
	struct rules *rules = NULL;
	struct period period;
	struct reporter rep, *reporter = &rep;
	struct split *split = NULL;
	struct output out = {0}, rejects = {0};
	int status = EXIT_ERROR;
	int keep = 0; /* whether -o (or the split's files) and --rejects are put in place */
	int64_t now = 0;
	uint64_t findings = 0, rejected = 0;
	struct baseline baseline;
	struct runs_view view;
	int viewing = 0;

	baseline_init(&baseline);
	opts_init(&o, audit ? "audit" : "runs");
	if (opts_parse(argc, argv, &o, audit) != 0)
		goto done;
	if (o.help) {
		(audit ? cmd_audit_help : cmd_runs_help)(stdout);
		status = EXIT_OK;
		goto done;
	}
	opts_drop_config(&o, audit);
	const char *format = o.format ? o.format : "text";
	if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "json") &&
	    (!audit || (strcmp(format, "html") && strcmp(format, "email")))) {
		static const char *const formats[] = {"text", "csv", "json", "html", "email", NULL};
		const char *near = suggest_word(format, formats);
		if (near && !audit && (!strcmp(near, "html") || !strcmp(near, "email")))
			near = NULL;
		opts_origin(&o, OPT_FORMAT);
		opts_usage_error(o.cmd, "unknown format '%s' (%s%s%s%s writes %s)", format,
				 near ? "did you mean '" : "", near ? near : "", near ? "'? " : "", o.cmd,
				 audit ? "text, csv, json, html or email" : "text, csv or json");
		goto done;
	}
	int email = !strcmp(format, "email");
	char from[320];
	struct email_options mail = {o.to, o.from, o.subject, 0};
	if (o.summary && strcmp(format, "text")) {
		opts_origin(&o, OPT_FORMAT);
		opts_usage_error(o.cmd, "--summary is a text report; it takes no --format %s", format);
		goto done;
	}
	if (!audit && o.summary && (o.sorted || o.explain || o.filter.count[FILTER_ID])) {
		opts_usage_error(o.cmd, "--summary orders its tables by records; it takes no %s",
				 o.sorted ? "--sort" : o.explain ? "--explain" : "--id");
		goto done;
	}
	if (!audit && o.view.top && !o.sorted)
		o.view.order = RUNS_BY_RECORDS; /* the top by records */
	o.view.summary = o.summary;
	if (!email && (o.to || o.from || o.subject)) {
		opts_usage_error(o.cmd, "--to, --from and --subject are for --format email");
		goto done;
	}
	if (email && !o.to) {
		opts_origin(&o, OPT_FORMAT);
		opts_usage_error(o.cmd, "--format email needs --to ADDRESS");
		goto done;
	}
	if (email && !o.from) {
		char host[256] = "localhost";
		gethostname(host, sizeof host - 1);
		host[sizeof host - 1] = '\0';
		snprintf(from, sizeof from, "almaudit@%s", host);
		mail.from = from;
	}
	for (int i = 0; email && i < 2; i++) {
		char why[512];
		opts_origin(&o, i ? OPT_FROM : OPT_TO);
		if (report_email_check(i ? mail.from : mail.to, why, sizeof why) != 0) {
			opts_usage_error(o.cmd, "--%s: %s", i ? "from" : "to", why);
			goto done;
		}
	}
	opts_origin(&o, 0);
	if (o.split && strcmp(o.split, "unit")) {
		opts_origin(&o, OPT_SPLIT);
		static const char *const splits[] = {"unit", NULL};
		const char *near = suggest_word(o.split, splits);
		opts_usage_error(o.cmd, "--split takes unit (a report per unit), not '%s'%s", o.split,
				 near ? " (did you mean 'unit'?)" : "");
		goto done;
	}
	opts_origin(&o, OPT_SPLIT); /* a --split from the config: its line */
	if (o.split && output_is_stdout(o.out)) {
		opts_usage_error(o.cmd, "--split unit writes a file per unit: give -o DIR");
		goto done;
	}
	if (o.split && filter_given(&o.filter)) {
		/* a unit's report cannot count what the filters hid from it: it
		 * would read "Findings none" for a unit with findings */
		opts_usage_error(o.cmd,
				 "--split unit sends each unit its whole report: with %s a unit's "
				 "report would show only what the filter lets through, and read as "
				 "an all-clear where it hid findings; filter one report (no --split)",
				 filter_given(&o.filter));
		goto done;
	}
	opts_origin(&o, 0);
	/* sandbox runs are evidence, never judged: without production
	 * exports (an empty $in in a cron line) the audit would read as an
	 * all-clear */
	if (audit && !o.nfiles) {
		opts_usage_error(o.cmd, "audit needs the production exports (FILE..., or - for "
					"standard input), not only --sandbox: sandbox runs are "
					"evidence, never judged");
		goto done;
	}
	if (!(rules = opts_begin(&o, &now, &period)))
		goto done;
	if (filter_resolve(&o.filter, rules) != 0)
		goto done;
	/* the baseline before any output: a bad one is an error, never "all new" */
	if (o.baseline) {
		opts_origin(&o, OPT_BASELINE);
		int bad = baseline_json_load(&baseline, o.baseline, rules, &o.filter) != 0;
		opts_origin(&o, 0);
		if (bad)
			goto done;
		baseline_compare(&baseline, &period, rules);
	}
	mail.now = now;
	if (o.split) {
		struct split_options so = {o.out,
					   format,
					   o.summary,
					   email ? &mail : NULL,
					   (size_t)o.limit,
					   o.sandbox,
					   o.nsandbox,
					   (const char *const *)o.files,
					   o.nfiles,
					   o.rejects,
					   o.baseline,
					   o.config_args.path};
		opts_origin(&o, OPT_OUTPUT);
		split = split_open(rules, &so);
		opts_origin(&o, 0);
		if (!split)
			goto done;
	}
	if (opts_open_outputs(&o, split ? NULL : &out, &rejects) != 0)
		goto done;
	int text = !strcmp(format, "text"), csv = !strcmp(format, "csv");
	/* text to a terminal fits its width; to a file or a pipe, whole; on a
	 * terminal the progress line is erased before the report is written */
	if (!split && output_is_stdout(o.out) && term_columns(STDOUT_FILENO)) {
		if (text)
			report_set_width(term_fit_columns(STDOUT_FILENO));
		FILE *tty = tty_open();
		if (tty)
			out.f = tty;
	}
	if (split)
		reporter = split_reporter(split);
	else if (audit)
		reporter_audit(&rep, format, o.summary, out.f, &mail);
	else if (text)
		reporter_runs_text(&rep, out.f, o.explain, o.filter.count[FILTER_ID] > 0);
	else if (csv)
		reporter_runs_csv(&rep, out.f, o.explain);
	else
		reporter_runs_json(&rep, out.f, o.explain);

	/* runs: --manual, --sort, --top and --summary between the audit and
	 * the listing */
	struct reporter *to = reporter;
	if (!audit) {
		o.view.text = text;
		runs_view_init(&view, &rep, &o.view);
		viewing = 1;
		to = runs_view_reporter(&view);
	}
	struct audit_inputs in = {o.sandbox, o.nsandbox, (const char *const *)o.files, o.nfiles,
				  &o.cols, rejects.f};
	struct audit_config cfg = {mode, rules, &period, &o.filter, o.large_set, (size_t)o.limit,
				   &rejected, o.baseline ? &baseline : NULL,
				   times_local_day(now), o.refreshed, csv};
	int read_ok = audit_run(&in, &cfg, to, &findings) == 0;
	/* 0 only when there is nothing to look at: a rejected row may hide a
	 * finding, so rejected rows alone give 1; an error wins over both */
	status = !read_ok ? EXIT_ERROR : findings || rejected ? EXIT_FINDINGS : EXIT_OK;
	if (reporter->failed)
		status = EXIT_ERROR; /* a report not made whole (a mail's attachment): said */
	if (filter_miss(&o.filter, rules, 0, NULL, 0))
		status = EXIT_ERROR; /* reported, and said in the report */
	if (viewing && runs_view_failed(&view))
		status = EXIT_ERROR; /* reported; the text says so, csv and json are empty */
	/* An input not read whole, a filter value that matched nothing, or
	 * findings that could not all be listed (their temporary file failed)
	 * makes the status 2, but the report is still worth having when it
	 * says so in its own text (INCOMPLETE, ERROR): every format but csv,
	 * and the runs listing in text only says the filter's. */
	keep = status != EXIT_ERROR || (strcmp(format, "csv") && (audit || !text || read_ok));
	if (viewing && runs_view_failed(&view) && !text)
		keep = 0; /* csv and json hold nothing of it */
	if (!audit && o.filter.count[FILTER_ID] && !rep.written) {
		diag_error(NULL, 0, "no run with %s %s in the inputs",
			   o.filter.count[FILTER_ID] > 1 ? "ids" : "id",
			   o.filter.values[FILTER_ID][0].text);
		status = EXIT_ERROR;
		keep = 0;
	}
done:
	opts_origin(&o, 0);
	/* all written whole, or none put in place */
	if (output_flush(&rejects) != 0 || output_flush(&out) != 0 ||
	    (split && split_flush(split) != 0)) {
		status = EXIT_ERROR;
		keep = 0;
	}
	/* every output put in place with the signals held (all of them, or
	 * none when one cannot be), then the split's listing, which a closed
	 * pipe may cut short */
	output_hold(1);
	if (keep && (output_ready(&out) != 0 || output_ready(&rejects) != 0 ||
		     (split && split_ready(split) != 0))) {
		status = EXIT_ERROR;
		keep = 0;
	}
	if (output_finish(&out, keep) != 0) {
		status = EXIT_ERROR;
		keep = 0;
	}
	if (split && split_finish(split, keep) != 0) {
		status = EXIT_ERROR;
		keep = 0;
	}
	if (output_finish(&rejects, keep) != 0)
		status = EXIT_ERROR;
	output_hold(0);
	if (split)
		split_list(split, stdout);
	split_free(split);
	if (viewing)
		runs_view_free(&view);
	matrix_free(rules);
	opts_free(&o);
	baseline_free(&baseline);
	return status;
}

int cmd_audit(int argc, char **argv)
{
	return run_pipeline(argc, argv, AUDIT_FINDINGS);
}

int cmd_runs(int argc, char **argv)
{
	return run_pipeline(argc, argv, AUDIT_RUNS);
}
