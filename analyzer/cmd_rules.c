/* cmd_rules: almaudit rules, the approval matrix checked and queried:
 * check (load everything, print what it holds, warn of slow patterns and
 * units units.csv lacks), jobs, who JOB, what PERSON, and drift PAGE (the
 * matrix page's text from the wiki, page.c, compared with the rules,
 * drift.c, each difference printed at its line). The tables are
 * reports/report_rules.c's. Exit 0, 1 drift, 2 error. */
#include "commands.h"

#include "diag.h"
#include "drift.h"
#include "matrix.h"
#include "opts.h"
#include "page.h"
#include "report_rules.h"
#include "rules.h"
#include "times.h"
#include "units.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char usage_rules[] =
	"usage: almaudit rules check [--rules DIR] [--waivers FILE]\n"
	"       almaudit rules jobs [--rules DIR] [--large-set N]\n"
	"       almaudit rules who JOB [--rules DIR] [--large-set N]\n"
	"       almaudit rules what PERSON [--rules DIR]\n"
	"       almaudit rules drift PAGE [--rules DIR]\n"
	"\n"
	"check   load and check the rules, units.csv and waivers.csv too; print\n"
	"        what they hold and the waivers expired (exit 0, or 2); warn about a\n"
	"        pattern that backtracks on adversarial names, and about a unit of\n"
	"        staff.csv that units.csv does not list\n"
	"jobs    every job: id, damaging, large-set threshold, how many may run it\n"
	"who     who may run JOB (an id, or an instance name), directly or through\n"
	"        another job's approval, with sign-off and revocation dates\n"
	"what    what PERSON (a name, alias or Alma id) may run, and through which\n"
	"        approval\n"
	"drift   compare the rules with PAGE, the matrix page's text copied from\n"
	"        the wiki: titles with no job, jobs not on the page, people listed\n"
	"        without an approval, approvals of people not listed, units; each\n"
	"        at its page line (exit 1 when they differ, 2 when PAGE is not\n"
	"        the page)\n"
	"\n"
	"  --rules DIR       the rules directory (default $ALMAUDIT_RULES, else the\n"
	"                    shipped rules)\n"
	"  --large-set N     the default large-set threshold (default 1000)\n"
	"  --waivers FILE    check FILE instead of the rules directory's waivers.csv\n"
	"  -h, --help        this help\n";

enum { OPT_RULES = 256, OPT_LARGE_SET, OPT_WAIVERS };

/* rules drift PAGE: each difference as "FILE:LINE: text" (the page's line;
 * a job not on the page at its jobs.csv line), then a line that says what
 * was compared. 0 no drift, 1 drift, 2 error (reported: the page
 * unreadable or not the page, out of memory). */
static int drift_print(FILE *out, const struct rules *r, const char *page_path)
{
	struct page *p;
	struct drift d;
	if (page_load(page_path, &p) != 0)
		return EXIT_ERROR;
	if (drift_compare(p, r, &d) != 0) {
		page_free(p);
		return EXIT_ERROR;
	}
	const char *jobs = rules_file_name(r->jobs_path);
	for (size_t i = 0; i < d.n; i++)
		fprintf(out, "%s:%ld: %s\n", d.items[i].on_page ? page_path : jobs, d.items[i].line,
			d.items[i].text);
	for (size_t t = 0; t < p->ntitles; t++)
		if (p->titles[t].truncated)
			fprintf(out, "note: %s:%ld: the page ends at \"%s\", which lists no one: "
				     "the page may be cut short there\n",
				page_path, p->titles[t].line, p->titles[t].title);
	if (d.n)
		fprintf(out, "%zu %s between %s and the rules in %s: the rules have drifted from "
			     "the page\n",
			d.n, d.n == 1 ? "difference" : "differences", page_path, r->dir);
	else
		fprintf(out, "No drift: %s (%zu job titles, %zu names listed under them) agrees with the rules "
			     "in %s (%zu jobs, %zu approvals)\n",
			page_path, p->ntitles, p->npeople, r->dir, r->njobs, r->napprovals);
	int status = d.n ? EXIT_FINDINGS : EXIT_OK;
	drift_free(&d);
	page_free(p);
	return status;
}

int cmd_rules(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"rules", required_argument, NULL, OPT_RULES},
		{"large-set", required_argument, NULL, OPT_LARGE_SET},
		{"waivers", required_argument, NULL, OPT_WAIVERS},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dir = NULL, *waivers = NULL;
	int64_t large_set = RULES_DEFAULT_LARGE_SET;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_RULES:
			dir = optarg;
			break;
		case OPT_WAIVERS:
			waivers = optarg;
			break;
		case OPT_LARGE_SET:
			if (opts_parse_count("rules", "--large-set", optarg, &large_set) != 0)
				return EXIT_ERROR;
			break;
		case 'h':
			fputs(usage_rules, stdout);
			return EXIT_OK;
		case ':':
			opts_usage_error("rules", "option '%s' needs a value", argv[optind - 1]);
			return EXIT_ERROR;
		default:
			opts_usage_error("rules", "unknown option '%s'", argv[optind - 1]);
			return EXIT_ERROR;
		}
	}
	const char *what = optind < argc ? argv[optind] : NULL;
	int wants_arg = what && (!strcmp(what, "who") || !strcmp(what, "what") ||
				 !strcmp(what, "drift"));
	int nargs = argc - optind;
	if (!what || (strcmp(what, "check") && strcmp(what, "jobs") && !wants_arg)) {
		opts_usage_error("rules", "rules wants check, jobs, who JOB, what PERSON or drift PAGE%s", "");
		return EXIT_ERROR;
	}
	if (nargs != (wants_arg ? 2 : 1)) {
		opts_usage_error("rules", wants_arg ? "rules %s wants one argument"
					       : "rules %s takes no argument", what);
		return EXIT_ERROR;
	}
	int64_t now;
	if (times_set_zone(NULL) != 0 || opts_now(&now) != 0)
		return EXIT_ERROR;
	int64_t today = times_local_day(now);
	struct rules *r = opts_load_rules(dir, waivers);
	if (!r)
		return EXIT_ERROR;
	int status = EXIT_OK;
	const char *arg = wants_arg ? argv[optind + 1] : NULL;
	if (!strcmp(what, "check")) {
		/* units.csv is optional: staff.csv units it lacks are warnings */
		size_t warnings = rules_check_patterns(r) + units_check(r);
		report_rules_check(stdout, r, warnings);
		report_rules_waivers(stdout, r, today);
	} else if (!strcmp(what, "jobs")) {
		if (report_rules_jobs(stdout, r, today, large_set) != 0)
			status = EXIT_ERROR;
	} else if (!strcmp(what, "who")) {
		int job = rules_job_by_id(r, arg);
		if (job < 0)
			job = rules_job_for_name(r, arg, strlen(arg));
		if (job >= 0) {
			if (report_rules_who(stdout, r, job, today, large_set) != 0)
				status = EXIT_ERROR;
		} else {
			const char *near = rules_nearest_job(r, arg);
			diag_error(r->jobs_path, 0, "no job '%s'%s%s%s", arg,
				   near ? " (did you mean '" : " (see 'almaudit rules jobs')",
				   near ? near : "", near ? "'?)" : "");
			status = EXIT_ERROR;
		}
	} else if (!strcmp(what, "drift")) {
		status = drift_print(stdout, r, arg);
	} else {
		int person = rules_person_by_text(r, arg);
		if (person >= 0) {
			report_rules_what(stdout, r, person, today);
		} else {
			const char *near = rules_nearest_person(r, arg);
			diag_error(r->staff_path, 0, "no person '%s'%s%s%s", arg,
				   near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
			status = EXIT_ERROR;
		}
	}
	matrix_free(r);
	return status;
}
