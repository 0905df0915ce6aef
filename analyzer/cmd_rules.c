/* cmd_rules: almaudit rules, the approval matrix checked and queried:
 * check (load everything, print what it holds, warn of slow patterns and
 * units units.csv lacks), jobs, who JOB, what PERSON, and drift PAGE (the
 * matrix page's text from the wiki, page.c, compared with the rules,
 * drift.c, each difference printed at its line). The tables are
 * reports/report_rules.c's. Exit 0, 1 drift, 2 error. */
#include "commands.h"

#include "cells.h"
#include "config.h"
#include "diag.h"
#include "drift.h"
#include "filter.h"
#include "matrix.h"
#include "opts.h"
#include "page.h"
#include "report_rules.h"
#include "rules.h"
#include "term.h"
#include "times.h"
#include "tty.h"
#include "units.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
	"who     who may run JOB (an id, a title, or an instance name), directly or\n"
	"        through another job's approval, with sign-off and revocation dates\n"
	"what    what PERSON may run, and through which approval; PERSON as --user\n"
	"        takes it: an Alma id, a name in either order, an alias, or a\n"
	"        surname (each person it picks out)\n"
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
	"  --config FILE     read options from FILE first (default $ALMAUDIT_CONFIG):\n"
	"                    its --rules, --large-set and --waivers; the rest is\n"
	"                    left out\n"
	"  --verbose         say what of the config was left out\n"
	"  -h, --help        this help\n";

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
	char a[48], b[48], c[48], e[48];
	if (d.n)
		fprintf(out, "%s between %s and the rules in %s: the rules have drifted from the page\n",
			report_count_of(d.n, "difference", "differences", a, sizeof a), page_path, r->dir);
	else
		fprintf(out, "No drift: %s (%s, %s listed under them) agrees with the rules in %s (%s, "
			     "%s)\n",
			page_path, report_count_of(p->ntitles, "job title", "job titles", a, sizeof a),
			report_count_of(p->npeople, "name", "names", b, sizeof b), r->dir,
			report_count_of(r->njobs, "job", "jobs", c, sizeof c),
			report_count_of(r->napprovals, "approval", "approvals", e, sizeof e));
	int status = d.n ? EXIT_FINDINGS : EXIT_OK;
	drift_free(&d);
	page_free(p);
	return status;
}

/* The values a filter takes (--job, --user) resolved against the rules:
 * the items they name (jobs, people), or none (reported when not a miss). */
static const struct filter_value *resolve(struct filter *f, enum filter_opt opt, const char *arg,
					  const struct rules *r)
{
	if (filter_add(f, opt, arg) != 0 || filter_resolve(f, r) != 0)
		return NULL;
	return &f->values[opt][0];
}

/* rules who JOB: JOB as --job takes it (an id or a title) or an instance
 * name; each job it names. */
static int who_print(FILE *out, const struct rules *r, const char *arg, int64_t today, int64_t large_set)
{
	struct filter f;
	int status = EXIT_OK;
	filter_init(&f);
	diag_clear_last();
	const struct filter_value *v = rules_job_by_id(r, arg) >= 0 ? NULL
				       : resolve(&f, FILTER_JOB, arg, r);
	int job = rules_job_by_id(r, arg);
	if (job < 0 && !(v && v->nitems))
		job = rules_job_for_name(r, arg, strlen(arg));
	if (job >= 0) {
		if (report_rules_who(out, r, job, today, large_set) != 0)
			status = EXIT_ERROR;
	} else if (v && v->nitems) {
		for (size_t i = 0; i < v->nitems; i++) {
			if (i)
				putc('\n', out);
			if (report_rules_who(out, r, v->items[i], today, large_set) != 0)
				status = EXIT_ERROR;
		}
	} else {
		const char *near = rules_nearest_job(r, arg);
		diag_error(r->jobs_path, 0, "no job '%s'%s%s%s", arg,
			   near ? " (did you mean '" : " (see 'almaudit rules jobs')", near ? near : "",
			   near ? "'?)" : "");
		status = EXIT_ERROR;
	}
	filter_free(&f);
	return status;
}

/* rules what PERSON: PERSON as --user takes it (an Alma id, a name in
 * either order, or a part of a name, a surname, that picks out people);
 * each person it names. */
static int what_print(FILE *out, const struct rules *r, const char *arg, int64_t today)
{
	struct filter f;
	int status = EXIT_OK;
	filter_init(&f);
	const struct filter_value *v = resolve(&f, FILTER_USER, arg, r);
	if (v && v->nitems) {
		if (v->nitems > 1)
			fprintf(out, "%s: %zu people\n\n", arg, v->nitems);
		for (size_t i = 0; i < v->nitems; i++) {
			if (i)
				putc('\n', out);
			report_rules_what(out, r, v->items[i], today);
		}
	} else if (v) {
		/* the suggestion --user would make */
		char miss[512];
		const char *dym = filter_miss(&f, r, 0, miss, sizeof miss) ? strstr(miss, " (did you mean")
									   : NULL;
		const char *near = dym ? NULL : rules_nearest_person(r, arg);
		diag_error(r->staff_path, 0, "no person '%s'%s%s%s%s", arg, dym ? dym : "",
			   near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
		status = EXIT_ERROR;
	} else {
		status = EXIT_ERROR;
	}
	filter_free(&f);
	return status;
}

int cmd_rules(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"rules", required_argument, NULL, OPT_RULES},
		{"large-set", required_argument, NULL, OPT_LARGE_SET},
		{"waivers", required_argument, NULL, OPT_WAIVERS},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"verbose", no_argument, NULL, OPT_VERBOSE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *dir = NULL, *waivers = NULL;
	long dir_line = 0, waivers_line = 0;
	int64_t large_set = RULES_DEFAULT_LARGE_SET;
	int c, verbose = 0, status = EXIT_ERROR;
	struct config_args config;
	struct rules *r = NULL;

	/* the config's --rules, --large-set and --waivers first; the rest of it
	 * is left out (said on --verbose) */
	if (config_args(argc, argv, longopts, opts_known, "rules", &config) != 0) {
		config_free(&config);
		return EXIT_ERROR;
	}
	argc = config.argc;
	argv = config.argv;
	opterr = 0;
	optind = 1;
	const char *once[3] = {NULL}; /* the command line's --rules, --waivers, --large-set */
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		long line = optind - 1 <= config.nconfig ? config.lines[optind - 1] : 0;
		int k = c == OPT_RULES ? 0 : c == OPT_WAIVERS ? 1 : c == OPT_LARGE_SET ? 2 : -1;
		static const char *const names[] = {"--rules", "--waivers", "--large-set"};
		if (k >= 0 && opts_once("rules", names[k], &once[k], optarg, line) != 0)
			goto done;
		diag_set_origin(line ? config.path : NULL, line);
		switch (c) {
		case OPT_RULES:
			dir = optarg;
			dir_line = line;
			break;
		case OPT_WAIVERS:
			waivers = optarg;
			waivers_line = line;
			break;
		case OPT_LARGE_SET:
			if (opts_parse_count("rules", "--large-set", optarg, &large_set) != 0)
				goto done;
			break;
		case OPT_CONFIG:
			break; /* read before (config_args) */
		case OPT_VERBOSE:
			verbose = 1;
			break;
		case 'h':
			fputs(usage_rules, stdout);
			status = EXIT_OK;
			goto done;
		case ':':
			opts_usage_error("rules", "option '%s' needs a value", argv[optind - 1]);
			goto done;
		default:
			opts_unknown_option("rules", argv[optind - 1], longopts);
			goto done;
		}
		diag_set_origin(NULL, 0);
	}
	if (verbose)
		config_notes_print(&config);
	const char *what = optind < argc ? argv[optind] : NULL;
	int wants_arg = what && (!strcmp(what, "who") || !strcmp(what, "what") ||
				 !strcmp(what, "drift"));
	int nargs = argc - optind;
	if (!what || (strcmp(what, "check") && strcmp(what, "jobs") && !wants_arg)) {
		const char *near = NULL;
		static const struct option words[] = {{"check", 0, NULL, 0}, {"jobs", 0, NULL, 0},
						      {"who", 0, NULL, 0},   {"what", 0, NULL, 0},
						      {"drift", 0, NULL, 0}, {NULL, 0, NULL, 0}};
		if (what)
			near = config_nearest_option(what, words);
		opts_usage_error("rules", "rules wants check, jobs, who JOB, what PERSON or drift PAGE%s%s%s",
				 near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
		goto done;
	}
	if (nargs != (wants_arg ? 2 : 1)) {
		opts_usage_error("rules", wants_arg ? "rules %s wants one argument"
					       : "rules %s takes no argument", what);
		goto done;
	}
	int64_t now;
	if (times_set_zone(NULL) != 0 || opts_now(&now) != 0)
		goto done;
	int64_t today = times_local_day(now);
	/* an error in the rules named by the config names its line too */
	diag_set_origin(waivers_line ? config.path : dir_line ? config.path : NULL,
			waivers_line ? waivers_line : dir_line);
	r = opts_load_rules(dir, waivers);
	diag_set_origin(NULL, 0);
	if (!r)
		goto done;
	status = EXIT_OK;
	/* on a terminal the tables fit its width */
	report_set_width(term_fit_columns(STDOUT_FILENO));
	FILE *tty = tty_open(), *out = tty ? tty : stdout;
	const char *arg = wants_arg ? argv[optind + 1] : NULL;
	if (!strcmp(what, "check")) {
		/* units.csv is optional: staff.csv units it lacks are warnings */
		size_t warnings = rules_check_patterns(r) + units_check(r) + rules_check_names(r) +
				  r->staff_warnings;
		report_rules_check(out, r, warnings);
		report_rules_waivers(out, r, today);
	} else if (!strcmp(what, "jobs")) {
		if (report_rules_jobs(out, r, today, large_set) != 0)
			status = EXIT_ERROR;
	} else if (!strcmp(what, "who")) {
		status = who_print(out, r, arg, today, large_set);
	} else if (!strcmp(what, "drift")) {
		status = drift_print(out, r, arg);
	} else {
		status = what_print(out, r, arg, today);
	}
	if (tty && fclose(tty) != 0) {
		diag_error("standard output", 0, "write error: %s", strerror(errno));
		status = EXIT_ERROR;
	}
done:
	diag_set_origin(NULL, 0);
	matrix_free(r);
	config_free(&config);
	return status;
}
