/* cmd_review: almaudit review, the access review a library owes each year: reads
 * a long history (production and sandbox exports, as audit reads them) and
 * judges the matrix instead of the runs (analyzer/review.c), in text, csv,
 * json or html (reports/report_review.c). Exit 0 nothing to review, 1
 * findings or rejected rows, 2 error. */
#include "commands.h"

#include "audit.h"
#include "cells.h"
#include "diag.h"
#include "joins.h"
#include "ingest.h"
#include "matrix.h"
#include "opts.h"
#include "output.h"
#include "period.h"
#include "report_review.h"
#include "review.h"
#include "suggest.h"
#include "tally.h"
#include "term.h"
#include "times.h"
#include "tty.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char usage_review[] =
	"usage: almaudit review [options] FILE...\n"
	"\n"
	"The access review: judges the approval matrix against a long history (a\n"
	"year of production and sandbox exports). Per approval in approvals.csv:\n"
	"the production runs of its job (and of the jobs it includes) by its person\n"
	"in the period, and the last one. Findings: unused (no such run: a\n"
	"candidate for revocation), untested (no sandbox run of its job by the\n"
	"person on or before signed_off; where the sandbox history read does not\n"
	"reach back that far, the report says so instead), undated (signed_off\n"
	"empty); per person in staff.csv, no-approvals (none in force). Approvals\n"
	"revoked by the period's end are listed as revoked, never as findings. The\n"
	"text report is grouped by unit, a person under each of their units.\n"
	"\n"
	"Options:\n"
	"  --rules DIR       the approval matrix (default $ALMAUDIT_RULES, else the\n"
	"                    shipped rules)\n"
	"  --format F        text (default), csv, json or html (a matrix of people\n"
	"                    and jobs, each cell coloured by use)\n"
	"  --period P        as for audit (default: all the history read)\n"
	"  --since DATE      from DATE (YYYY-MM-DD, inclusive)\n"
	"  --until DATE      to DATE (inclusive)\n"
	"\n"
	"Filters (a repeated filter widens; different filters narrow):\n"
	"  --job J           the approvals that grant job J (an id or a title),\n"
	"                    directly or through includes\n"
	"  --user U          the approvals of the people U picks out in staff.csv\n"
	"                    (an Alma id, a name in either order, a surname)\n"
	"  --unit U          the people of unit U (the text shows that unit only)\n"
	"A value that matches nothing in the rules is an error (exit 2), with the\n"
	"nearest known value.\n"
	"\n"
	"Input:\n";

int cmd_review(int argc, char **argv)
{
	struct opts o;
	struct rules *rules = NULL;
	struct period period;
	struct output out = {0}, rejects = {0};
	struct tally tally;
	struct review rv;
	struct ingest *ing = NULL;
	int status = EXIT_ERROR, keep = 0, reviewing = 0;
	int64_t now = 0;
	const char *format = "text";

	memset(&rv, 0, sizeof rv);
	tally_init(&tally);
	opts_init(&o, "review");
	o.review = 1;
	if (opts_parse(argc, argv, &o, 1) != 0)
		goto done;
	if (o.help) {
		fputs(usage_review, stdout);
		fputs(opts_help_input, stdout);
		status = EXIT_OK;
		goto done;
	}
	opts_drop_config(&o, 0);
	format = o.format ? o.format : "text";
	if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "json") &&
	    strcmp(format, "html")) {
		static const char *const formats[] = {"text", "csv", "json", "html", NULL};
		const char *near = suggest_word(format, formats);
		opts_origin(&o, OPT_FORMAT);
		opts_usage_error(o.cmd, "unknown format '%s' (%s%s%sreview writes text, csv, json or html)",
				 format, near ? "did you mean '" : "", near ? near : "", near ? "'? " : "");
		opts_origin(&o, 0);
		goto done;
	}
	/* without production history every approval would read as unused */
	if (!o.nfiles) {
		opts_usage_error(o.cmd, "review needs production history (FILE...), not only --sandbox");
		goto done;
	}
	if (!(rules = opts_begin(&o, &now, &period)))
		goto done;
	/* every value must name something in the rules: a typo is no all-clear */
	if (filter_resolve(&o.filter, rules) != 0 || review_check_filter(&o.filter, rules) != 0)
		goto done;
	if (opts_open_outputs(&o, &out, &rejects) != 0)
		goto done;
	/* text to a terminal fits its width; to a file or a pipe, whole */
	if (output_is_stdout(o.out) && term_columns(STDOUT_FILENO)) {
		if (!strcmp(format, "text"))
			report_set_width(term_fit_columns(STDOUT_FILENO));
		FILE *tty = tty_open();
		if (tty)
			out.f = tty;
	}
	if (!(ing = ingest_new(&o.cols, &tally, rejects.f))) {
		diag_error(NULL, 0, "out of memory");
		goto done;
	}
	int64_t today = times_local_day(now);
	tally.refreshed = o.refreshed;
	char zone[512];
	if (times_zone_warning(zone, sizeof zone))
		tally_note(&tally, 0, "%s", zone);
	if (review_init(&rv, rules, &period, &o.filter, today, &tally) != 0)
		goto done;
	reviewing = 1;
	struct audit_inputs in = {o.sandbox, o.nsandbox, (const char *const *)o.files, o.nfiles,
				  &o.cols, rejects.f};
	int read_ok = review_read(&rv, &in, ing) == 0;
	if (audit_uncovered(&in, &period, 0, &tally) != 0 || joins_dates(&tally))
		read_ok = 0;
	if (joins_identity(&tally, rules))
		read_ok = 0;
	if (joins_jobs(&tally, rules))
		read_ok = 0;
	joins_staff_runs(&tally, &period);
	struct review_report rr = {&rv, &tally, rules, &period, &o.filter, today};
	if (!strcmp(format, "text"))
		report_review_text(out.f, &rr);
	else if (!strcmp(format, "csv"))
		report_review_csv(out.f, &rr);
	else if (!strcmp(format, "json"))
		report_review_json(out.f, &rr);
	else
		report_review_html(out.f, &rr);
	/* as audit: a rejected row may hide a run, so it alone gives 1; an
	 * error wins, and the report is kept when it says so in its own text */
	status = !read_ok ? EXIT_ERROR
	       : review_findings(&rv) || tally_rejected(&tally) ? EXIT_FINDINGS
								  : EXIT_OK;
	keep = status != EXIT_ERROR || strcmp(format, "csv");
done:
	opts_origin(&o, 0);
	if (output_flush(&rejects) != 0 || output_flush(&out) != 0) {
		status = EXIT_ERROR;
		keep = 0;
	}
	/* both in place, with the signals held, or neither */
	output_hold(1);
	if (keep && (output_ready(&out) != 0 || output_ready(&rejects) != 0)) {
		status = EXIT_ERROR;
		keep = 0;
	}
	if (output_finish(&out, keep) != 0) {
		status = EXIT_ERROR;
		keep = 0;
	}
	if (output_finish(&rejects, keep) != 0)
		status = EXIT_ERROR;
	output_hold(0);
	if (reviewing)
		review_free(&rv);
	ingest_free(ing);
	tally_free(&tally);
	matrix_free(rules);
	opts_free(&o);
	return status;
}
