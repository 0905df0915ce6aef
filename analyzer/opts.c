#define _GNU_SOURCE /* realpath */
#include "opts.h"

#include "diag.h"
#include "matrix.h"
#include "output.h"
#include "suggest.h"
#include "times.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const char opts_help_filters[] =
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
	"(exit 2), with the nearest known value. A damaging run whose size is\n"
	"unknown that --min-records or --finding damaging-large-set hides is\n"
	"counted in a WARNING, and the exit status is 1.\n"
	"\n"
	"Input:\n";

const char opts_help_input[] =
	"  --sandbox FILE    read FILE as sandbox history (repeatable)\n"
	"  --sandbox-refreshed DATE\n"
	"                    the sandbox was refreshed from production on DATE\n"
	"                    (YYYY-MM-DD; the latest given counts): sandbox runs\n"
	"                    dated before it are production's history copied\n"
	"                    over, not tests, and are set aside\n"
	"  --tz ZONE         zone of times written without one (IANA name, or\n"
	"                    UTC; default $TZ, else the system zone)\n"
	"  --column C=H      read header H as column C (repeatable; a file\n"
	"                    without header H is an error)\n"
	"  --rejects FILE    write each rejected row to FILE as CSV\n"
	"  -o, --output FILE write the report to FILE, not standard output\n"
	"                    (-o and --rejects: never an input or a file the run\n"
	"                    reads, never in the rules directory, never one file;\n"
	"                    put in place when the run ends, see almaudit(1))\n"
	"  --config FILE     read options from FILE first, one a line as written\n"
	"                    here (--tz America/New_York); # comments; the command\n"
	"                    line comes after and wins (default $ALMAUDIT_CONFIG)\n"
	"  --verbose         say what of the config this command left out\n"
	"  -h, --help        this help\n";

void opts_usage_error(const char *cmd, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_error(NULL, 0, "%s (see 'almaudit help%s%s')", msg, cmd ? " " : "", cmd ? cmd : "");
}

/* The options of audit, runs and review; opts_known adds those only
 * other commands take. */
#define SHARED_OPTIONS                                                                         \
	{"sandbox", required_argument, NULL, OPT_SANDBOX},                                     \
	{"sandbox-refreshed", required_argument, NULL, OPT_SANDBOX_REFRESHED},                 \
	{"tz", required_argument, NULL, OPT_TZ},                                               \
	{"column", required_argument, NULL, OPT_COLUMN},                                       \
	{"rejects", required_argument, NULL, OPT_REJECTS},                                     \
	{"format", required_argument, NULL, OPT_FORMAT},                                       \
	{"rules", required_argument, NULL, OPT_RULES},                                         \
	{"large-set", required_argument, NULL, OPT_LARGE_SET},                                 \
	{"period", required_argument, NULL, OPT_PERIOD},                                       \
	{"since", required_argument, NULL, OPT_SINCE},                                         \
	{"until", required_argument, NULL, OPT_UNTIL},                                         \
	{"limit", required_argument, NULL, OPT_LIMIT},                                         \
	{"job", required_argument, NULL, OPT_JOB},                                             \
	{"user", required_argument, NULL, OPT_USER},                                           \
	{"unit", required_argument, NULL, OPT_UNIT},                                           \
	{"finding", required_argument, NULL, OPT_FINDING},                                     \
	{"min-records", required_argument, NULL, OPT_MIN_RECORDS},                             \
	{"status", required_argument, NULL, OPT_STATUS},                                       \
	{"grep", required_argument, NULL, OPT_GREP},                                           \
	{"id", required_argument, NULL, OPT_ID},                                               \
	{"explain", no_argument, NULL, OPT_EXPLAIN},                                           \
	{"to", required_argument, NULL, OPT_TO},                                               \
	{"from", required_argument, NULL, OPT_FROM},                                           \
	{"subject", required_argument, NULL, OPT_SUBJECT},                                     \
	{"summary", no_argument, NULL, OPT_SUMMARY},                                           \
	{"baseline", required_argument, NULL, OPT_BASELINE},                                   \
	{"waivers", required_argument, NULL, OPT_WAIVERS},                                     \
	{"split", required_argument, NULL, OPT_SPLIT},                                         \
	{"config", required_argument, NULL, OPT_CONFIG},                                       \
	{"manual", no_argument, NULL, OPT_MANUAL},                                             \
	{"sort", required_argument, NULL, OPT_SORT},                                           \
	{"top", required_argument, NULL, OPT_TOP},                                             \
	{"verbose", no_argument, NULL, OPT_VERBOSE},                                           \
	{"output", required_argument, NULL, 'o'},                                              \
	{"help", no_argument, NULL, 'h'}

static const struct option shared_options[] = {SHARED_OPTIONS, {NULL, 0, NULL, 0}};

/* fetch's own options (cmd_fetch.c) are known too: a config naming them
 * serves fetch, and audit, runs, review and rules leave them out */
const struct option opts_known[] = {SHARED_OPTIONS,
				    {"region", required_argument, NULL, 0},
				    {"base-url", required_argument, NULL, 0},
				    {"api-key-file", required_argument, NULL, 0},
				    {"all-types", no_argument, NULL, 0},
				    {"timeout", required_argument, NULL, 0},
				    {NULL, 0, NULL, 0}};


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

struct rules *opts_load_rules(const char *dir, const char *waivers)
{
	char buf[PATH_MAX];
	return matrix_load_with(rules_dir(dir, buf, sizeof buf), waivers);
}

int opts_once(const char *cmd, const char *name, const char **first, const char *arg,
	      long from_config)
{
	if (from_config)
		return 0;
	if (*first) {
		/* its values unsaid: fetch's --base-url may hold a key */
		opts_usage_error(cmd, "%s given twice: it takes one value; give it once", name);
		return -1;
	}
	*first = arg;
	return 0;
}

int opts_parse_count(const char *cmd, const char *name, const char *arg, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || v < 0) {
		opts_usage_error(cmd, "%s wants a count, not '%s'", name, arg);
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
int opts_now(int64_t *out)
{
	const char *fixed = getenv("ALMAUDIT_NOW");
	if (fixed && *fixed) {
		if (times_parse(fixed, strlen(fixed), out) == 0)
			return 0;
		int year = times_year_outside(fixed, strlen(fixed), 0);
		if (year)
			diag_error(NULL, 0,
				   "ALMAUDIT_NOW '%s': almaudit reads and writes the years %d to %d "
				   "only%s%s; unset it to use the clock",
				   fixed, TIMES_YEAR_MIN, TIMES_YEAR_MAX, year == 2 ? ", in " : "",
				   year == 2 ? times_zone_name() : "");
		else
			diag_error(NULL, 0,
				   "ALMAUDIT_NOW '%s' is not an ISO 8601 instant (e.g. "
				   "2026-10-15T12:00:00Z); unset it to use the clock",
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
	o->refreshed = TIME_NONE;
	filter_init(&o->filter);
}

void opts_free(struct opts *o)
{
	free(o->sandbox);
	columns_free(&o->cols);
	filter_free(&o->filter);
	config_free(&o->config_args);
	free(o->to_joined);
}

void opts_unknown_option(const char *cmd, const char *arg, const struct option *table)
{
	char name[64];
	const char *near = NULL;
	if (!strncmp(arg, "--", 2) && arg[2]) {
		snprintf(name, sizeof name, "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
		for (const struct option *o = opts_known; o->name; o++)
			if (!strcmp(o->name, name)) {
				/* another command's option */
				opts_usage_error(cmd, "%s takes no --%s", cmd, name);
				return;
			}
		char names[256];
		if (config_candidates(table, name, strlen(name), names, sizeof names) > 1) {
			/* getopt takes a long option's unambiguous prefix, not this */
			opts_usage_error(cmd, "ambiguous option '--%s' (the start of %s)", name,
					 names);
			return;
		}
		near = config_nearest_option(name, table);
	}
	opts_usage_error(cmd, "unknown option '%s'%s%s%s", arg, near ? " (did you mean '--" : "",
			 near ? near : "", near ? "'?)" : "");
}

const char *opts_format_name(const char *name)
{
	static const char *const formats[] = {"text", "csv", "json", "html", "email"};
	for (size_t i = 0; name && i < sizeof formats / sizeof formats[0]; i++)
		if (!strcasecmp(name, formats[i]))
			return formats[i];
	return name;
}

void opts_origin(const struct opts *o, int opt)
{
	long line = opt >= OPT_SANDBOX && opt < OPT_END ? o->line[opt - OPT_SANDBOX] : 0;
	diag_set_origin(line ? o->config_args.path : NULL, line);
}

/* The options that take one value: given twice on the command line, a
 * usage error (opts_once). --sandbox, --column, --to and the filters add up;
 * of --sandbox-refreshed the latest day counts. */
static int single_value(int c)
{
	switch (c) {
	case OPT_TZ:
	case OPT_REJECTS:
	case OPT_FORMAT:
	case OPT_RULES:
	case OPT_LARGE_SET:
	case OPT_PERIOD:
	case OPT_SINCE:
	case OPT_UNTIL:
	case OPT_LIMIT:
	case OPT_FROM:
	case OPT_SUBJECT:
	case OPT_BASELINE:
	case OPT_WAIVERS:
	case OPT_SPLIT:
	case OPT_SORT:
	case OPT_TOP:
	case OPT_OUTPUT:
		return 1;
	default:
		return 0;
	}
}

/* The options of review: the input options, the period, --job, --user and
 * --unit, --format, --rules, --verbose. */
static int review_takes(int c)
{
	return !(c == OPT_LARGE_SET || c == OPT_LIMIT || (c > OPT_UNIT && c < OPT_VERBOSE)) ||
	       c == OPT_CONFIG;
}

static int parse_one(struct opts *o, int c, const char *arg, const char *given)
{
	switch (c) {
	case OPT_SANDBOX:
		o->sandbox[o->nsandbox++] = arg;
		break;
	case OPT_SANDBOX_REFRESHED: {
		int y, m, d;
		if (times_parse_date(arg, strlen(arg), &y, &m, &d) != 0) {
			opts_usage_error(o->cmd, "--sandbox-refreshed wants a date as YYYY-MM-DD, not '%s'",
					 arg);
			return -1;
		}
		/* refreshed more than once: the latest refresh counts */
		int64_t day = times_days_from_civil(y, m, d);
		if (o->refreshed == TIME_NONE || day > o->refreshed)
			o->refreshed = day;
		break;
	}
	case OPT_TZ:
		o->tz = arg;
		break;
	case OPT_COLUMN:
		return columns_map(&o->cols, arg);
	case OPT_REJECTS:
		o->rejects = arg;
		break;
	case OPT_FORMAT:
		o->format = opts_format_name(arg);
		break;
	case OPT_RULES:
		o->rules = arg;
		break;
	case OPT_LARGE_SET:
		return opts_parse_count(o->cmd, "--large-set", arg, &o->large_set);
	case OPT_LIMIT:
		if (opts_parse_count(o->cmd, "--limit", arg, &o->limit) != 0)
			return -1;
		if (o->limit > LIMIT_MAX) {
			opts_usage_error(o->cmd, "--limit is at most %d rows per table, not '%s'",
					 LIMIT_MAX, arg);
			return -1;
		}
		break;
	case OPT_PERIOD:
		o->period = arg;
		break;
	case OPT_SINCE:
		o->since = arg;
		break;
	case OPT_UNTIL:
		o->until = arg;
		break;
	case OPT_JOB:
	case OPT_USER:
	case OPT_UNIT:
	case OPT_FINDING:
	case OPT_MIN_RECORDS:
	case OPT_STATUS:
	case OPT_GREP:
	case OPT_ID: {
		enum filter_opt f = c == OPT_ID ? FILTER_ID : (enum filter_opt)(c - OPT_JOB);
		if (filter_add(&o->filter, f, arg) != 0)
			return -1;
		if (o->filter.count[f]) {
			/* its errors after reading name the config's line too */
			struct filter_value *v = &o->filter.values[f][o->filter.count[f] - 1];
			v->origin = o->line[c - OPT_SANDBOX] ? o->config_args.path : NULL;
			v->origin_line = o->line[c - OPT_SANDBOX];
		}
		break;
	}
	case OPT_EXPLAIN:
		o->explain = 1;
		break;
	case OPT_TO: {
		/* several add up, "a@x.edu, b@x.edu" in one To: header; the
		 * command line's replace the config's */
		int typed = !o->line[OPT_TO - OPT_SANDBOX];
		if (o->to && typed == o->to_typed) {
			size_t n = strlen(o->to) + strlen(arg) + 3;
			char *joined = malloc(n);
			if (!joined) {
				diag_error(NULL, 0, "out of memory");
				return -1;
			}
			snprintf(joined, n, "%s, %s", o->to, arg);
			free(o->to_joined);
			o->to = o->to_joined = joined;
		} else
			o->to = arg;
		o->to_typed = typed;
		break;
	}
	case OPT_FROM:
		o->from = arg;
		break;
	case OPT_SUBJECT:
		o->subject = arg;
		break;
	case OPT_SUMMARY:
		o->summary = 1;
		break;
	case OPT_BASELINE:
		o->baseline = arg;
		break;
	case OPT_WAIVERS:
		o->waivers = arg;
		break;
	case OPT_SPLIT:
		o->split = arg;
		break;
	case OPT_MANUAL:
		o->view.manual = 1;
		break;
	case OPT_SORT:
		if (runs_order_parse(arg, &o->view.order) != 0) {
			opts_usage_error(o->cmd, "--sort wants time, records, person or job, not '%s'",
					 arg);
			return -1;
		}
		o->sorted = 1;
		break;
	case OPT_TOP: {
		int64_t n;
		if (opts_parse_count(o->cmd, "--top", arg, &n) != 0)
			return -1;
		if (n < 1 || n > RUNS_VIEW_MAX) {
			opts_usage_error(o->cmd, "--top wants 1 to %d, not '%s'", RUNS_VIEW_MAX, arg);
			return -1;
		}
		o->view.top = (size_t)n;
		break;
	}
	case OPT_VERBOSE:
		o->verbose = 1;
		break;
	case OPT_OUTPUT:
		o->out = arg;
		break;
	case OPT_CONFIG:
		break; /* read before (config_args) */
	case ':':
		opts_usage_error(o->cmd, "option '%s' needs a value", given);
		return -1;
	default:
		opts_unknown_option(o->cmd, given, shared_options);
		return -1;
	}
	return 0;
}

int opts_parse(int argc, char **argv, struct opts *o, int audit)
{
	int c, longindex;

	/* the config's options first, then the command line's */
	if (config_args(argc, argv, shared_options, opts_known, o->cmd, &o->config_args) != 0)
		return -1;
	argc = o->config_args.argc;
	argv = o->config_args.argv;
	o->nconfig = o->config_args.nconfig;
	o->sandbox = calloc((size_t)argc, sizeof *o->sandbox);
	if (!o->sandbox) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	const char *once[OPTS_COUNT] = {NULL}; /* the command line's value of each */
	opterr = 0;
	optind = 1;
	while ((longindex = -1, c = getopt_long(argc, argv, ":o:h", shared_options, &longindex)) != -1) {
		/* the config's options are single arguments before the command line's */
		long line = optind - 1 <= o->nconfig ? o->config_args.lines[optind - 1] : 0;
		const char *name = longindex >= 0 ? shared_options[longindex].name : "output";
		if (c == 'h') {
			o->help = 1;
			return 0;
		}
		if (o->review && c >= OPT_SANDBOX && !review_takes(c)) {
			if (line) { /* a config serves every command: not review's */
				config_note(&o->config_args, line, "--%s left out: review takes no --%s",
					    name, name);
				if (c == OPT_SPLIT)
					o->config_args.split_left = line;
				continue;
			}
			opts_usage_error(o->cmd, "review takes no --%s", name);
			return -1;
		}
		int runs_only = c == OPT_ID || c == OPT_EXPLAIN || (c >= OPT_MANUAL && c <= OPT_TOP);
		int audit_only = c == OPT_LIMIT || (c >= OPT_TO && c <= OPT_SPLIT && !runs_only &&
						    c != OPT_SUMMARY);
		if (!o->review && ((audit && runs_only) || (!audit && audit_only))) {
			/* a config serves audit and runs: the other's options are
			 * left to it */
			if (line) {
				config_note(&o->config_args, line, "--%s left out: %s takes no --%s", name,
					    o->cmd, name);
				if (c == OPT_SPLIT)
					o->config_args.split_left = line;
				continue;
			}
			/* named by its name: argv[optind - 1] may be its value */
			opts_usage_error(o->cmd, "unknown option '--%s' for %s: it is %s option", name,
					 o->cmd, audit ? "a runs" : "an audit");
			return -1;
		}
		if (c == 'o')
			c = OPT_OUTPUT;
		if (single_value(c)) {
			char opt[40];
			snprintf(opt, sizeof opt, c == OPT_OUTPUT ? "-o" : "--%s", name);
			if (opts_once(o->cmd, opt, &once[c - OPT_SANDBOX], optarg, line) != 0)
				return -1;
		}
		if (c >= OPT_SANDBOX && c < OPT_END)
			o->line[c - OPT_SANDBOX] = line;
		if (!line && c >= OPT_JOB && c <= OPT_GREP && !o->typed_filter && longindex >= 0)
			o->typed_filter = shared_options[longindex].name;
		diag_set_origin(line ? o->config_args.path : NULL, line);
		int status = parse_one(o, c, optarg, argv[optind - 1]);
		diag_set_origin(NULL, 0);
		if (status != 0)
			return -1;
	}
	o->files = argv + optind;
	o->nfiles = (size_t)(argc - optind);
	if (o->nfiles == 0 && o->nsandbox == 0) {
		opts_usage_error(o->cmd, "no input files (give - to read standard input)");
		return -1;
	}
	return 0;
}

#define FROM_CONFIG(o, opt) ((o)->line[(opt) - OPT_SANDBOX])

/* A config serves every command, and the command line may change its
 * format: the config's options that do not apply to the command and
 * format at hand (runs and --format email; --to with --format text;
 * --summary with --format csv) are dropped, where the command line's would
 * be errors. */
void opts_drop_config(struct opts *o, int audit)
{
	struct config_args *a = &o->config_args;
	/* the command line wins: its choice leaves out the config's that
	 * would conflict with it (a --period against --since/--until, a
	 * --format against --summary) */
	config_period_choice(a, &o->period, FROM_CONFIG(o, OPT_PERIOD), &o->since,
			     FROM_CONFIG(o, OPT_SINCE), &o->until, FROM_CONFIG(o, OPT_UNTIL));
	if (o->summary && !FROM_CONFIG(o, OPT_SUMMARY) && o->format && strcmp(o->format, "text") &&
	    FROM_CONFIG(o, OPT_FORMAT)) {
		config_note(a, FROM_CONFIG(o, OPT_FORMAT),
			    "--format %s left out: the command line's --summary is a text report",
			    o->format);
		o->format = NULL;
		o->line[OPT_FORMAT - OPT_SANDBOX] = 0;
	}
	const char *format = o->format ? o->format : "text";
	int email = !strcmp(format, "email"), html = !strcmp(format, "html");
	if (FROM_CONFIG(o, OPT_FORMAT) && (o->review ? email : !audit && (html || email))) {
		config_note(a, FROM_CONFIG(o, OPT_FORMAT), "--format %s read as text: %s writes no %s",
			    format, o->cmd, format);
		o->format = format = "text";
	}
	if (strcmp(format, "email")) {
		static const int mail[] = {OPT_TO, OPT_FROM, OPT_SUBJECT};
		const char **value[] = {&o->to, &o->from, &o->subject};
		for (int i = 0; i < 3; i++)
			if (*value[i] && FROM_CONFIG(o, mail[i])) {
				config_note(a, FROM_CONFIG(o, mail[i]),
					    "--%s left out: the %s format has no email headers",
					    mail[i] == OPT_TO ? "to" : mail[i] == OPT_FROM ? "from" : "subject",
					    format);
				*value[i] = NULL;
			}
	}
	if (strcmp(format, "text") && o->summary && FROM_CONFIG(o, OPT_SUMMARY)) {
		config_note(a, FROM_CONFIG(o, OPT_SUMMARY), "--summary left out: it is a text report, "
							    "and the format is %s",
			    format);
		o->summary = 0;
	}
	/* a filter on the command line asks for one report: the config's
	 * --split unit (each unit its whole report) is left out, its -o too;
	 * not when the command line names -o (a directory, maybe, for the
	 * split: the usage error says why the two do not go together) */
	if (audit && o->split && FROM_CONFIG(o, OPT_SPLIT) && o->typed_filter &&
	    (!o->out || FROM_CONFIG(o, OPT_OUTPUT))) {
		config_note(a, FROM_CONFIG(o, OPT_SPLIT),
			    "--split %s left out: the command line's --%s filters one report",
			    o->split, o->typed_filter);
		a->split_left = FROM_CONFIG(o, OPT_SPLIT);
		o->split = NULL;
		o->line[OPT_SPLIT - OPT_SANDBOX] = 0;
	}
	/* the config's -o of a --split left out (runs, review): its directory,
	 * no file name for this report, which goes to standard output */
	if (config_split_output(a, FROM_CONFIG(o, OPT_OUTPUT), o->out, o->cmd)) {
		o->out = NULL;
		o->line[OPT_OUTPUT - OPT_SANDBOX] = 0;
	}
	if (o->verbose)
		config_notes_print(a);
}

/* ---- outputs: -o and --rejects ---- */

int opts_refuse_read(const char *cmd, const char *opt, const char *path,
		     const struct opts_read *read, size_t n)
{
	struct output_id id, in;
	if (!path || output_is_stdout(path))
		return 0;
	output_id(path, &id);
	if (!id.exists || !id.regular)
		return 0; /* not there yet, or /dev/null, a pipe: destroys nothing */
	for (size_t i = 0; i < n; i++) {
		if (!read[i].path || output_is_stdout(read[i].path))
			continue;
		output_id(read[i].path, &in);
		if (!in.exists || !output_same(&id, &in))
			continue;
		opts_usage_error(cmd, "%s '%s' is %s '%s': writing it would destroy it", opt, path,
				 read[i].what, read[i].path);
		return -1;
	}
	return 0;
}

/* The files of the rules directory (every one it may hold, read or not:
 * a rules file is never an output) and the other files a run reads
 * besides its inputs, into read (the rules' paths into buf); how many. */
static size_t files_read(const struct opts *o, struct opts_read *read,
			 char (*buf)[PATH_MAX + 32])
{
	static const char *const rules_files[] = {"staff.csv", "approvals.csv", "jobs.csv",
						  "units.csv", "waivers.csv"};
	char dirbuf[PATH_MAX];
	const char *dir = rules_dir(o->rules, dirbuf, sizeof dirbuf);
	size_t n = 0;
	read[n++] = (struct opts_read){o->waivers, "the --waivers file"};
	read[n++] = (struct opts_read){o->baseline, "the --baseline file"};
	read[n++] = (struct opts_read){o->config_args.path, "the config file"};
	for (size_t i = 0; i < sizeof rules_files / sizeof rules_files[0]; i++) {
		snprintf(buf[i], sizeof buf[i], "%s%s%s", dir,
			 *dir && dir[strlen(dir) - 1] == '/' ? "" : "/", rules_files[i]);
		read[n++] = (struct opts_read){buf[i], "the rules file"};
	}
	return n;
}

/* An output in the rules directory (its directory, or for --split unit the
 * -o DIR itself, the rules directory by device and inode): page.txt,
 * README.md and a file not there yet are the matrix's too (a link's
 * file counts where it is). A usage error. 0, or -1 (reported). */
static int refuse_rules_dir(const struct opts *o, const char *opt, const char *path,
			    int is_dir)
{
	char dirbuf[PATH_MAX], parent[PATH_MAX], real[PATH_MAX];
	const char *dir = rules_dir(o->rules, dirbuf, sizeof dirbuf), *where = path;
	struct stat rs, ps;
	if (!is_dir) {
		const char *file = realpath(path, real) ? real : path;
		const char *slash = strrchr(file, '/');
		if (!slash)
			where = ".";
		else if (slash == file)
			where = "/";
		else if ((size_t)(slash - file) < sizeof parent) {
			memcpy(parent, file, (size_t)(slash - file));
			parent[slash - file] = '\0';
			where = parent;
		} else
			return 0;
	}
	if (stat(dir, &rs) != 0 || stat(where, &ps) != 0 || rs.st_dev != ps.st_dev ||
	    rs.st_ino != ps.st_ino)
		return 0;
	opts_usage_error(o->cmd, "%s '%s' is %sthe rules directory '%s': the rules directory "
				 "holds the matrix: write reports elsewhere",
			 opt, path, is_dir ? "" : "in ", dir);
	return -1;
}

/* -o or --rejects naming an input, a rules file, --waivers, --baseline or
 * the config would destroy it before it is read, and -o and --rejects
 * naming one file would mix two outputs: usage errors, found before
 * anything is opened for writing. 0, or -1 (reported). */
static int check_outputs(const struct opts *o)
{
	const char *names[2] = {"-o", "--rejects"}, *paths[2] = {o->out, o->rejects};
	struct output_id ids[2], in;
	struct opts_read read[8];
	char rules_paths[5][PATH_MAX + 32];
	size_t nread = files_read(o, read, rules_paths);
	if (o->rejects && output_is_stdout(o->rejects) && output_is_stdout(o->out)) {
		opts_usage_error(o->cmd, "--rejects - and the report both go to standard output; "
					 "give one of them a file");
		return -1;
	}
	for (int k = 0; k < 2; k++) {
		if (!paths[k] || output_is_stdout(paths[k]))
			continue;
		output_id(paths[k], &ids[k]);
		int split_dir = k == 0 && o->split;
		if (ids[k].exists && !ids[k].regular) {
			/* /dev/null, a pipe: written directly, destroys nothing;
			 * --split's -o DIR: not the rules directory */
			if (refuse_rules_dir(o, names[k], paths[k], split_dir) != 0)
				return -1;
			continue;
		}
		for (size_t i = 0; ids[k].exists && i < o->nsandbox + o->nfiles; i++) {
			int sandbox = i < o->nsandbox;
			const char *input = sandbox ? o->sandbox[i] : o->files[i - o->nsandbox];
			output_id(input, &in);
			if (!in.exists || !output_same(&ids[k], &in))
				continue;
			opts_usage_error(o->cmd, "%s '%s' is the %sinput '%s': writing it would destroy it",
					 names[k], paths[k], sandbox ? "--sandbox " : "",
					 strcmp(input, "-") ? input : "- (standard input)");
			return -1;
		}
		if (opts_refuse_read(o->cmd, names[k], paths[k], read, nread) != 0 ||
		    refuse_rules_dir(o, names[k], paths[k], split_dir) != 0)
			return -1;
		if (k == 1 && paths[0] && !output_is_stdout(paths[0]) && output_same(&ids[0], &ids[1])) {
			opts_usage_error(o->cmd, "-o '%s' and --rejects '%s' are the same file; give each "
						 "its own",
					 paths[0], paths[1]);
			return -1;
		}
	}
	return 0;
}

int opts_set_zone(const char *tz)
{
	if (!tz || times_zone_reversed(tz))
		return times_set_zone(tz); /* says why (a reversed sign) */
	diag_mute(1);
	int bad = times_set_zone(tz) != 0;
	diag_mute(0);
	if (!bad)
		return 0;
	char near[128];
	int has = suggest_zone(tz, near, sizeof near);
	diag_error(NULL, 0, "unknown time zone '%s' (%s%s%suse an IANA name such as America/New_York, or UTC)",
		   tz, has ? "did you mean '" : "", has ? near : "", has ? "'? " : "");
	return -1;
}

struct rules *opts_begin(const struct opts *o, int64_t *now, struct period *period)
{
	struct rules *rules = NULL;
	/* an error about a value from the config names the config's line */
	opts_origin(o, o->out && o->line[OPT_OUTPUT - OPT_SANDBOX] ? OPT_OUTPUT : OPT_REJECTS);
	if (check_outputs(o) != 0)
		goto done;
	diag_set_origin(NULL, 0);
	if (opts_now(now) != 0)
		goto done;
	opts_origin(o, OPT_TZ);
	if (opts_set_zone(o->tz) != 0)
		goto done;
	opts_origin(o, o->period ? OPT_PERIOD : o->since ? OPT_SINCE : OPT_UNTIL);
	if (period_set(period, o->period, o->since, o->until, times_local_day(*now)) != 0)
		goto done;
	/* a --sandbox from the config that cannot be read is said at the
	 * config's line too (the report then says it was not read) */
	for (size_t i = 0; i < o->nsandbox; i++) {
		long line = 0;
		for (int k = 1; k <= o->nconfig; k++)
			if (o->config_args.argv[k] + strlen("--sandbox=") == o->sandbox[i] &&
			    !strncmp(o->config_args.argv[k], "--sandbox=", 10))
				line = o->config_args.lines[k];
		if (line && strcmp(o->sandbox[i], "-") && access(o->sandbox[i], R_OK) != 0) {
			diag_set_origin(o->config_args.path, line);
			diag_error(o->sandbox[i], 0, "warning: --sandbox cannot be read: %s",
				   strerror(errno));
		}
	}
	opts_origin(o, o->waivers && o->line[OPT_WAIVERS - OPT_SANDBOX] ? OPT_WAIVERS : OPT_RULES);
	rules = opts_load_rules(o->rules, o->waivers);
done:
	diag_set_origin(NULL, 0);
	return rules;
}

int opts_open_outputs(const struct opts *o, struct output *out, struct output *rejects)
{
	int rc = -1;
	opts_origin(o, OPT_OUTPUT);
	if (out && output_open(out, o->out) != 0)
		goto done;
	opts_origin(o, OPT_REJECTS);
	if (o->rejects && output_open_opt(rejects, o->rejects, "--rejects") != 0)
		goto done;
	rc = 0;
done:
	diag_set_origin(NULL, 0);
	return rc;
}
