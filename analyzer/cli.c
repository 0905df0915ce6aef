/* cli: the almaudit command line. Parses arguments, runs a command, and is
 * the only place that decides the exit status: 0 nothing to look at (no
 * findings but waived ones, no rejected rows), 1 findings or rejected rows, 2 error (usage,
 * rules, input). */
#include "audit.h"
#include "cli.h"
#include "baseline.h"
#include "baseline_json.h"
#include "cmd_rules_drift.h"
#include "columns.h"
#include "config.h"
#include "diag.h"
#include "filter.h"
#include "ingest.h"
#include "matrix.h"
#include "output.h"
#include "period.h"
#include "report.h"
#include "report_rules.h"
#include "report_text.h"
#include "rules.h"
#include "split.h"
#include "run.h"
#include "runs_view.h"
#include "tally.h"
#include "times.h"
#include "units.h"

#include "investigate.h" /* investigate_text: analyzer/investigate.txt */

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef ALMAUDIT_VERSION
#define ALMAUDIT_VERSION "0"
#endif

static const char usage_main[] =
	"usage: almaudit COMMAND [options] FILE...\n"
	"\n"
	"Audits Ex Libris Alma batch-job runs against the approval matrix: who may\n"
	"run which job in production, after a sandbox sign-off.\n"
	"\n"
	"Commands:\n"
	"  audit    the compliance report on production job history\n"
	"  runs     every run, one per line, for investigation\n"
	"  review   the access review: approvals unused, untested, undated\n"
	"  rules    check and query the approval matrix\n"
	"  help     help on a command: almaudit help audit; the morning after a\n"
	"           bad batch, step by step: almaudit help investigate\n"
	"\n"
	"  -h, --help     this help\n"
	"  --version      the version\n"
	"\n"
	"FILE is a job-history export, CSV or gzip CSV (detected from the content;\n"
	"comma, semicolon or tab separated, UTF-8 or UTF-16 as Excel saves them),\n"
	"or - for standard input. Exit status: 0 nothing to look at (no findings,\n"
	"waived ones aside, no rejected rows), 1 findings or rejected rows, 2 error.\n"
	"See almaudit(1).\n";

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
	"                    the email's headers (--format email; --to needed)\n"
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
	"                    and json list every finding)\n"
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

/* The filters and input options of audit and runs, after their own. */
const char usage_filters[] =
	"\n"
	"Filters (a repeated filter widens; different filters narrow):\n"
	"  --job J           a job id, a job's title (\"Batch item withdrawals\"),\n"
	"                    or a pattern on the instance name\n"
	"  --user U          an Alma id, a full name in either order, or a part\n"
	"                    of a name (a surname): everyone it picks out in\n"
	"                    staff.csv or the inputs\n"
	"  --unit U          a unit in staff.csv (HKS/GUT is in HKS and in GUT)\n"
	"  --finding KIND    a finding kind (unapproved, no-signoff, ...)\n"
	"  --min-records N   runs on N records or more\n"
	"  --status S        a status code or label (COMPLETED_SUCCESS, Failed)\n"
	"  --grep PATTERN    a PCRE2 pattern any field of the run matches\n"
	"A value that matches nothing the rules or the inputs know is an error\n"
	"(exit 2), with the nearest known value.\n"
	"\n"
	"Input:\n";

const char usage_common[] =
	"  --sandbox FILE    read FILE as sandbox history (repeatable)\n"
	"  --tz ZONE         zone of times written without one (IANA name, or\n"
	"                    UTC; default $TZ, else the system zone)\n"
	"  --column C=H      read header H as column C (repeatable; a file\n"
	"                    without header H is an error)\n"
	"  --rejects FILE    write each rejected row to FILE as CSV\n"
	"  -o, --output FILE write the report to FILE, not standard output\n"
	"                    (-o and --rejects: never an input, never one file;\n"
	"                    put in place when the run ends, see almaudit(1))\n"
	"  --config FILE     read options from FILE first, one a line as written\n"
	"                    here (--tz America/New_York); # comments; the command\n"
	"                    line comes after and wins (default $ALMAUDIT_CONFIG)\n"
	"  -h, --help        this help\n";

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

void usage_error(const char *cmd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(NULL, 0, "%s (see 'almaudit help%s%s')", msg, cmd ? " " : "", cmd ? cmd : "");
}

enum {
	OPT_SANDBOX = 256,
	OPT_TZ,
	OPT_COLUMN,
	OPT_REJECTS,
	OPT_FORMAT,
	OPT_RULES,
	OPT_LARGE_SET,
	OPT_PERIOD,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_LIMIT,
	OPT_JOB,
	OPT_USER,
	OPT_UNIT,
	OPT_FINDING,
	OPT_MIN_RECORDS,
	OPT_STATUS,
	OPT_GREP,
	OPT_ID,
	OPT_EXPLAIN,
	OPT_TO,
	OPT_FROM,
	OPT_SUBJECT,
	OPT_SUMMARY,
	OPT_BASELINE,
	OPT_WAIVERS,
	OPT_SPLIT,
	OPT_CONFIG,
	OPT_MANUAL,
	OPT_SORT,
	OPT_TOP,
};

static const char *rules_dir(const char *opt, char *buf, size_t size)
{
	const char *env = getenv("ALMAUDIT_RULES");
	char exe[PATH_MAX];
	ssize_t n;

	if (opt)
		return opt;
	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			slash = strrchr(exe, '/');
			if (slash)
				*slash = '\0';
			char probe[PATH_MAX + 64];
			int len = snprintf(probe, sizeof probe, "%s/" ALMAUDIT_RULES_SUBDIR "/jobs.csv",
					   exe);
			if (len > 0 && (size_t)len < sizeof probe && (size_t)len < size &&
			    access(probe, R_OK) == 0) {
				probe[len - strlen("/jobs.csv")] = '\0';
				memcpy(buf, probe, (size_t)len + 1);
				return buf;
			}
		}
	}
#ifdef ALMAUDIT_RULES_SOURCE
	if (access(ALMAUDIT_RULES_SOURCE "/jobs.csv", R_OK) == 0)
		return ALMAUDIT_RULES_SOURCE;
#endif
	return ALMAUDIT_RULES_INSTALLED;
}

/* Loads the rules a command names, with the waivers of --waivers FILE when
 * given (reported on failure). */
struct rules *load_rules(const char *opt, const char *waivers)
{
	char buf[PATH_MAX];
	return matrix_load_with(rules_dir(opt, buf, sizeof buf), waivers);
}

/* Reads a count option ("--large-set 5000"). */
static int parse_count_opt(const char *cmd, const char *name, const char *arg, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || v < 0) {
		usage_error(cmd, "%s wants a count, not '%s'", name, arg);
		return -1;
	}
	*out = v;
	return 0;
}

/* The most --limit may ask for: rows per table a person reads. A larger
 * value is a usage error, not an allocation that fails. */
#define LIMIT_MAX 100000

/* "Now", for relative periods: $ALMAUDIT_NOW (an ISO 8601 instant, so that
 * reports can be reproduced and tested) or the clock. A value that does not
 * parse is an error (reported), never a silent fallback to the clock; an
 * empty one is taken as unset. 0, or -1. */
int now_get(int64_t *out)
{
	const char *fixed = getenv("ALMAUDIT_NOW");
	if (fixed && *fixed) {
		if (times_parse(fixed, strlen(fixed), out) == 0)
			return 0;
		diag_error(NULL, 0,
			   "ALMAUDIT_NOW '%s' is not an ISO 8601 instant (e.g. 2026-10-15T12:00:00Z); "
			   "unset it to use the clock",
			   fixed);
		return -1;
	}
	*out = (int64_t)time(NULL);
	return 0;
}

void opts_init(struct opts *o, const char *cmd)
{
	memset(o, 0, sizeof *o);
	o->cmd = cmd;
	o->large_set = RULES_DEFAULT_LARGE_SET;
	o->limit = 50;
	filter_init(&o->filter);
}

void opts_free(struct opts *o)
{
	free(o->sandbox);
	columns_free(&o->cols);
	filter_free(&o->filter);
	config_free(&o->config_args);
}

int parse_opts(int argc, char **argv, struct opts *o, int audit)
{
	static const struct option longopts[] = {
		{"sandbox", required_argument, NULL, OPT_SANDBOX},
		{"tz", required_argument, NULL, OPT_TZ},
		{"column", required_argument, NULL, OPT_COLUMN},
		{"rejects", required_argument, NULL, OPT_REJECTS},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"rules", required_argument, NULL, OPT_RULES},
		{"large-set", required_argument, NULL, OPT_LARGE_SET},
		{"period", required_argument, NULL, OPT_PERIOD},
		{"since", required_argument, NULL, OPT_SINCE},
		{"until", required_argument, NULL, OPT_UNTIL},
		{"limit", required_argument, NULL, OPT_LIMIT},
		{"job", required_argument, NULL, OPT_JOB},
		{"user", required_argument, NULL, OPT_USER},
		{"unit", required_argument, NULL, OPT_UNIT},
		{"finding", required_argument, NULL, OPT_FINDING},
		{"min-records", required_argument, NULL, OPT_MIN_RECORDS},
		{"status", required_argument, NULL, OPT_STATUS},
		{"grep", required_argument, NULL, OPT_GREP},
		{"id", required_argument, NULL, OPT_ID},
		{"explain", no_argument, NULL, OPT_EXPLAIN},
		{"to", required_argument, NULL, OPT_TO},
		{"from", required_argument, NULL, OPT_FROM},
		{"subject", required_argument, NULL, OPT_SUBJECT},
		{"summary", no_argument, NULL, OPT_SUMMARY},
		{"baseline", required_argument, NULL, OPT_BASELINE},
		{"waivers", required_argument, NULL, OPT_WAIVERS},
		{"split", required_argument, NULL, OPT_SPLIT},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"manual", no_argument, NULL, OPT_MANUAL},
		{"sort", required_argument, NULL, OPT_SORT},
		{"top", required_argument, NULL, OPT_TOP},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, longindex;

	/* the config's options first, then the command line's */
	if (config_args(argc, argv, longopts, &o->config_args) != 0)
		return -1;
	argc = o->config_args.argc;
	argv = o->config_args.argv;
	o->nconfig = o->config_args.nconfig;
	o->sandbox = calloc((size_t)argc, sizeof *o->sandbox);
	if (!o->sandbox) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	opterr = 0;
	optind = 1;
	while ((longindex = -1, c = getopt_long(argc, argv, ":o:h", longopts, &longindex)) != -1) {
		if (o->review && (c == OPT_LARGE_SET || c == OPT_LIMIT || c > OPT_UNIT) &&
		    c != OPT_CONFIG) {
			if (optind <= o->nconfig + 1)
				continue; /* a config serves every command: not review's */
			usage_error(o->cmd, "review takes no --%s (see its options)",
				    longopts[longindex].name);
			return -1;
		}
		int runs_only = c == OPT_ID || c == OPT_EXPLAIN || c >= OPT_MANUAL;
		int audit_only = c == OPT_LIMIT ||
				 (c >= OPT_TO && !runs_only && c != OPT_SUMMARY && c != OPT_CONFIG);
		if ((audit && runs_only) || (!audit && audit_only)) {
			/* a config serves audit and runs: the other's options are
			 * left to it */
			if (optind <= o->nconfig + 1)
				continue;
			/* named by its name: argv[optind - 1] may be its value */
			usage_error(o->cmd, "unknown option '--%s' for %s: it is %s option",
				    longopts[longindex].name, o->cmd, audit ? "a runs" : "an audit");
			return -1;
		}
		if (c >= 256 && c < 256 + 32) {
			unsigned bit = 1u << (c - 256);
			o->config = optind <= o->nconfig + 1 ? o->config | bit : o->config & ~bit;
		}
		switch (c) {
		case OPT_SANDBOX:
			o->sandbox[o->nsandbox++] = optarg;
			break;
		case OPT_TZ:
			o->tz = optarg;
			break;
		case OPT_COLUMN:
			if (columns_map(&o->cols, optarg) != 0)
				return -1;
			break;
		case OPT_REJECTS:
			o->rejects = optarg;
			break;
		case OPT_FORMAT:
			o->format = optarg;
			break;
		case OPT_RULES:
			o->rules = optarg;
			break;
		case OPT_LARGE_SET:
			if (parse_count_opt(o->cmd, "--large-set", optarg, &o->large_set) != 0)
				return -1;
			break;
		case OPT_LIMIT:
			if (parse_count_opt(o->cmd, "--limit", optarg, &o->limit) != 0)
				return -1;
			if (o->limit > LIMIT_MAX) {
				usage_error(o->cmd, "--limit is at most %d rows per table, not '%s'",
					    LIMIT_MAX, optarg);
				return -1;
			}
			break;
		case OPT_PERIOD:
			o->period = optarg;
			break;
		case OPT_SINCE:
			o->since = optarg;
			break;
		case OPT_UNTIL:
			o->until = optarg;
			break;
		case OPT_JOB:
		case OPT_USER:
		case OPT_UNIT:
		case OPT_FINDING:
		case OPT_MIN_RECORDS:
		case OPT_STATUS:
		case OPT_GREP:
			if (filter_add(&o->filter, (enum filter_opt)(c - OPT_JOB), optarg) != 0)
				return -1;
			break;
		case OPT_ID:
			if (filter_add(&o->filter, FILTER_ID, optarg) != 0)
				return -1;
			break;
		case OPT_EXPLAIN:
			o->explain = 1;
			break;
		case OPT_TO:
			o->to = optarg;
			break;
		case OPT_FROM:
			o->from = optarg;
			break;
		case OPT_SUBJECT:
			o->subject = optarg;
			break;
		case OPT_SUMMARY:
			o->summary = 1;
			break;
		case OPT_BASELINE:
			o->baseline = optarg;
			break;
		case OPT_WAIVERS:
			o->waivers = optarg;
			break;
		case OPT_SPLIT:
			o->split = optarg;
			break;
		case OPT_MANUAL:
			o->view.manual = 1;
			break;
		case OPT_SORT:
			if (runs_order_parse(optarg, &o->view.order) != 0) {
				usage_error(o->cmd, "--sort wants time, records, person or job, not '%s'",
					    optarg);
				return -1;
			}
			o->sorted = 1;
			break;
		case OPT_TOP: {
			int64_t n;
			if (parse_count_opt(o->cmd, "--top", optarg, &n) != 0)
				return -1;
			if (n < 1 || n > RUNS_VIEW_MAX) {
				usage_error(o->cmd, "--top wants 1 to %d, not '%s'", RUNS_VIEW_MAX,
					    optarg);
				return -1;
			}
			o->view.top = (size_t)n;
			break;
		}
		case 'o':
			o->out = optarg;
			break;
		case OPT_CONFIG:
			break; /* read before (config_args) */
		case 'h':
			o->help = 1;
			return 0;
		case ':':
			usage_error(o->cmd, "option '%s' needs a value", argv[optind - 1]);
			return -1;
		default:
			usage_error(o->cmd, "unknown option '%s'", argv[optind - 1]);
			return -1;
		}
	}
	o->files = argv + optind;
	o->nfiles = (size_t)(argc - optind);
	if (o->nfiles == 0 && o->nsandbox == 0) {
		usage_error(o->cmd, "no input files (give - to read standard input)");
		return -1;
	}
	return 0;
}

/* ---- outputs: -o and --rejects ---- */

/* -o or --rejects naming an input would destroy it before it is read, and
 * -o and --rejects naming one file would mix two outputs: usage errors,
 * found before anything is opened for writing. 0, or -1 (reported). */
int check_outputs(const struct opts *o)
{
	const char *names[2] = {"-o", "--rejects"}, *paths[2] = {o->out, o->rejects};
	struct output_id ids[2], in;
	if (o->rejects && output_is_stdout(o->rejects) && output_is_stdout(o->out)) {
		usage_error(o->cmd, "--rejects - and the report both go to standard output; "
				    "give one of them a file");
		return -1;
	}
	for (int k = 0; k < 2; k++) {
		if (!paths[k] || output_is_stdout(paths[k]))
			continue;
		output_id(paths[k], &ids[k]);
		if (ids[k].exists && !ids[k].regular)
			continue; /* /dev/null, a pipe: written directly, destroys nothing */
		for (size_t i = 0; ids[k].exists && i < o->nsandbox + o->nfiles; i++) {
			int sandbox = i < o->nsandbox;
			const char *input = sandbox ? o->sandbox[i] : o->files[i - o->nsandbox];
			output_id(input, &in);
			if (!in.exists || !output_same(&ids[k], &in))
				continue;
			usage_error(o->cmd, "%s '%s' is the %sinput '%s': writing it would destroy it",
				    names[k], paths[k], sandbox ? "--sandbox " : "",
				    strcmp(input, "-") ? input : "- (standard input)");
			return -1;
		}
		if (k == 1 && paths[0] && !output_is_stdout(paths[0]) && output_same(&ids[0], &ids[1])) {
			usage_error(o->cmd, "-o '%s' and --rejects '%s' are the same file; give each "
					    "its own",
				    paths[0], paths[1]);
			return -1;
		}
	}
	return 0;
}

struct rules *opts_begin(const struct opts *o, int64_t *now, struct period *period)
{
	if (check_outputs(o) != 0 || now_get(now) != 0)
		return NULL;
	if (times_set_zone(o->tz) != 0 ||
	    period_set(period, o->period, o->since, o->until, times_local_day(*now)) != 0)
		return NULL;
	return load_rules(o->rules, o->waivers);
}

/* Flushes and closes an output; -1 (reported) on a write error. */
static int close_out(FILE *f, const char *path)
{
	int bad = fflush(f) != 0 || ferror(f);
	int err = errno;
	if (f != stdout && fclose(f) != 0 && !bad) {
		bad = 1;
		err = errno;
	}
	if (bad)
		diag_error(path && strcmp(path, "-") ? path : "standard output", 0,
			   "write error: %s", strerror(err));
	return bad ? -1 : 0;
}

#define FROM_CONFIG(o, opt) ((o)->config & (1u << ((opt) - 256)))

/* A config serves audit and runs, and the command line may change its
 * format: the config's options that do not apply to the command and format
 * at hand (runs and --format email; --to with --format text; --summary with
 * --format csv) are dropped, where the command line's would be errors. */
static void drop_config_defaults(struct opts *o, int audit)
{
	const char *format = o->format ? o->format : "text";
	if (!audit && FROM_CONFIG(o, OPT_FORMAT) && (!strcmp(format, "html") || !strcmp(format, "email")))
		o->format = format = "text";
	if (strcmp(format, "email")) {
		if (FROM_CONFIG(o, OPT_TO))
			o->to = NULL;
		if (FROM_CONFIG(o, OPT_FROM))
			o->from = NULL;
		if (FROM_CONFIG(o, OPT_SUBJECT))
			o->subject = NULL;
	}
	if (strcmp(format, "text") && FROM_CONFIG(o, OPT_SUMMARY))
		o->summary = 0;
}

/* audit and runs: options, zone, period, rules, outputs, then the pipeline. */
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
	if (parse_opts(argc, argv, &o, audit) != 0)
		goto done;
	if (o.help) {
		fputs(audit ? usage_audit : usage_runs, stdout);
		fputs(usage_filters, stdout);
		fputs(usage_common, stdout);
		status = EXIT_OK;
		goto done;
	}
	drop_config_defaults(&o, audit);
	const char *format = o.format ? o.format : "text";
	if (strcmp(format, "text") && strcmp(format, "csv") && strcmp(format, "json") &&
	    (!audit || (strcmp(format, "html") && strcmp(format, "email")))) {
		usage_error(o.cmd, "unknown format '%s' (%s writes %s)", format, o.cmd,
			    audit ? "text, csv, json, html or email" : "text, csv or json");
		goto done;
	}
	int email = !strcmp(format, "email");
	char from[320];
	struct email_options mail = {o.to, o.from, o.subject, 0};
	if (o.summary && strcmp(format, "text")) {
		usage_error(o.cmd, "--summary is a text report; it takes no --format %s", format);
		goto done;
	}
	if (!audit && o.summary && (o.sorted || o.explain || o.filter.count[FILTER_ID])) {
		usage_error(o.cmd, "--summary orders its tables by records; it takes no %s",
			    o.sorted ? "--sort" : o.explain ? "--explain" : "--id");
		goto done;
	}
	if (!audit && o.view.top && !o.sorted)
		o.view.order = RUNS_BY_RECORDS; /* the top by records */
	o.view.summary = o.summary;
	if (!email && (o.to || o.from || o.subject)) {
		usage_error(o.cmd, "--to, --from and --subject are for --format email");
		goto done;
	}
	if (email && !o.to) {
		usage_error(o.cmd, "--format email needs --to ADDRESS");
		goto done;
	}
	if (email && !o.from) {
		char host[256] = "localhost";
		gethostname(host, sizeof host - 1);
		host[sizeof host - 1] = '\0';
		snprintf(from, sizeof from, "almaudit@%s", host);
		mail.from = from;
	}
	for (const char *const *a = (const char *const[]){mail.to, mail.from, NULL}; email && *a; a++)
		for (const char *c = *a; *c; c++)
			if ((unsigned char)*c >= 0x80 || (unsigned char)*c < 0x20) {
				usage_error(o.cmd, "'%s': an address is plain ASCII, on one line", *a);
				goto done;
			}
	if (o.split && strcmp(o.split, "unit")) {
		usage_error(o.cmd, "--split takes unit (a report per unit), not '%s'", o.split);
		goto done;
	}
	if (o.split && output_is_stdout(o.out)) {
		usage_error(o.cmd, "--split unit writes a file per unit: give -o DIR");
		goto done;
	}
	if (o.split && filter_given(&o.filter)) {
		/* a unit's report cannot count what the filters hid from it: it
		 * would read "Findings none" for a unit with findings */
		usage_error(o.cmd,
			    "--split unit sends each unit its whole report: with %s a unit's "
			    "report would show only what the filter lets through, and read as "
			    "an all-clear where it hid findings; filter one report (no --split)",
			    filter_given(&o.filter));
		goto done;
	}
	if (!(rules = opts_begin(&o, &now, &period)))
		goto done;
	if (filter_resolve(&o.filter, rules) != 0)
		goto done;
	/* the baseline before any output: a bad one is an error, never "all new" */
	if (o.baseline) {
		if (baseline_json_load(&baseline, o.baseline, rules, &o.filter) != 0)
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
					   o.rejects};
		if (!(split = split_open(rules, &so)))
			goto done;
	} else if (output_open(&out, o.out) != 0) {
		goto done;
	}
	if (o.rejects && output_open(&rejects, o.rejects) != 0)
		goto done;
	int text = !strcmp(format, "text"), csv = !strcmp(format, "csv");
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
				   times_local_day(now)};
	int read_ok = audit_run(&in, &cfg, to, &findings) == 0;
	/* 0 only when there is nothing to look at: a rejected row may hide a
	 * finding, so rejected rows alone give 1; an error wins over both */
	status = !read_ok ? EXIT_ERROR : findings || rejected ? EXIT_FINDINGS : EXIT_OK;
	if (filter_miss(&o.filter, rules, 0, NULL, 0))
		status = EXIT_ERROR; /* reported, and said in the report */
	if (viewing && runs_view_failed(&view))
		status = EXIT_ERROR; /* reported; the text says so, csv and json are empty */
	/* An input not read whole, or a filter value that matched nothing,
	 * makes the status 2, but the report is still worth having when it
	 * says so in its own text (INCOMPLETE, ERROR): every format but csv,
	 * and the runs listing in text only says the latter. */
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
	/* all written whole, or none put in place */
	if (output_flush(&rejects) != 0 || output_flush(&out) != 0 ||
	    (split && split_flush(split) != 0)) {
		status = EXIT_ERROR;
		keep = 0;
	}
	if (output_finish(&out, keep) != 0) {
		status = EXIT_ERROR;
		keep = 0;
	}
	/* the split's files put in place (or removed), and listed */
	if (split && split_finish(split, keep, stdout) != 0) {
		status = EXIT_ERROR;
		keep = 0;
	}
	if (output_finish(&rejects, keep) != 0)
		status = EXIT_ERROR;
	split_free(split);
	if (viewing)
		runs_view_free(&view);
	matrix_free(rules);
	opts_free(&o);
	baseline_free(&baseline);
	return status;
}

static int cmd_audit(int argc, char **argv)
{
	return run_pipeline(argc, argv, AUDIT_FINDINGS);
}

static int cmd_runs(int argc, char **argv)
{
	return run_pipeline(argc, argv, AUDIT_RUNS);
}


static int cmd_rules(int argc, char **argv)
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
			if (parse_count_opt("rules", "--large-set", optarg, &large_set) != 0)
				return EXIT_ERROR;
			break;
		case 'h':
			fputs(usage_rules, stdout);
			return EXIT_OK;
		case ':':
			usage_error("rules", "option '%s' needs a value", argv[optind - 1]);
			return EXIT_ERROR;
		default:
			usage_error("rules", "unknown option '%s'", argv[optind - 1]);
			return EXIT_ERROR;
		}
	}
	const char *what = optind < argc ? argv[optind] : NULL;
	int wants_arg = what && (!strcmp(what, "who") || !strcmp(what, "what") ||
				 !strcmp(what, "drift"));
	int nargs = argc - optind;
	if (!what || (strcmp(what, "check") && strcmp(what, "jobs") && !wants_arg)) {
		usage_error("rules", "rules wants check, jobs, who JOB, what PERSON or drift PAGE%s", "");
		return EXIT_ERROR;
	}
	if (nargs != (wants_arg ? 2 : 1)) {
		usage_error("rules", wants_arg ? "rules %s wants one argument"
					       : "rules %s takes no argument", what);
		return EXIT_ERROR;
	}
	int64_t now;
	if (times_set_zone(NULL) != 0 || now_get(&now) != 0)
		return EXIT_ERROR;
	int64_t today = times_local_day(now);
	struct rules *r = load_rules(dir, waivers);
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
		status = cmd_rules_drift(stdout, r, arg);
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

static int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_main, stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "audit") == 0 || strcmp(argv[1], "runs") == 0) {
		fputs(strcmp(argv[1], "audit") == 0 ? usage_audit : usage_runs, stdout);
		fputs(usage_filters, stdout);
		fputs(usage_common, stdout);
	} else if (strcmp(argv[1], "review") == 0) {
		char *help[] = {"review", "--help", NULL};
		return cmd_review(2, help);
	} else if (strcmp(argv[1], "rules") == 0) {
		fputs(usage_rules, stdout);
	} else if (strcmp(argv[1], "investigate") == 0) {
		for (size_t i = 0; i < sizeof investigate_text / sizeof investigate_text[0]; i++)
			fputs(investigate_text[i], stdout);
	} else if (strcmp(argv[1], "help") == 0) {
		fputs("usage: almaudit help COMMAND\n"
		      "       almaudit help investigate   the morning after a bad batch\n",
		      stdout);
	} else {
		usage_error(NULL, "no such command '%s'", argv[1]);
		return EXIT_ERROR;
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} commands[] = {
		{"audit", cmd_audit},
		{"runs", cmd_runs},
		{"review", cmd_review},
		{"rules", cmd_rules},
		{"help", cmd_help},
	};

	if (argc < 2) {
		fputs(usage_main, stderr);
		return EXIT_ERROR;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		fputs(usage_main, stdout);
		return close_out(stdout, NULL) ? EXIT_ERROR : EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("almaudit " ALMAUDIT_VERSION);
		return close_out(stdout, NULL) ? EXIT_ERROR : EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0) {
			int status = commands[i].fn(argc - 1, argv + 1);
			/* audit and runs have checked their own output; the rest not */
			if (status != EXIT_ERROR && close_out(stdout, NULL) != 0)
				status = EXIT_ERROR;
			return status;
		}
	usage_error(NULL, "no such command '%s'", argv[1]);
	return EXIT_ERROR;
}
