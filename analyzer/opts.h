/* opts: what the commands share of the command line, below every cmd_*.c
 * (it includes none of them): the options of audit, runs and review and
 * their parser (a config's options first, then the command line's), their
 * help texts, usage errors, count options, "now" ($ALMAUDIT_NOW or the
 * clock), the rules directory a command names (--rules, $ALMAUDIT_RULES,
 * else the shipped rules) loaded whole (matrix.h), the check that no
 * output names an input (the outputs themselves are output.c's), and
 * opts_begin, what audit, runs and review do before reading. struct opts
 * owns what opts_free releases (the sandbox list, the column map, the
 * filters, the config's arguments, the joined --to); its strings are argv's or the
 * config's. The rules it loads are the caller's, freed by matrix_free. */
#ifndef ALMAUDIT_OPTS_H
#define ALMAUDIT_OPTS_H

#include <getopt.h>
#include <stddef.h>
#include <stdint.h>

#include "columns.h"
#include "config.h"
#include "diag.h"
#include "filter.h"
#include "period.h"
#include "rules.h"
#include "runs_view.h"

/* The long options of audit, runs and review (getopt_long's values). */
enum opts_option {
	OPT_SANDBOX = 256,
	OPT_SANDBOX_REFRESHED,
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
	OPT_VERBOSE,
	OPT_OUTPUT, /* -o, --output */
	OPT_END
};
#define OPTS_COUNT (OPT_END - OPT_SANDBOX)

/* Every long option some command takes, for the config (config.h): a
 * line naming one of them that the command at hand does not take is left
 * out; one naming none is an error. A command with options of its own
 * (fetch) adds them here. */
extern const struct option opts_known[];

/* The options of audit, runs and review. */
struct opts {
	const char *cmd;
	const char *rules, *tz, *out, *rejects, *format;
	const char *period, *since, *until;
	int64_t large_set, limit;
	int64_t refreshed; /* --sandbox-refreshed: the latest day, or TIME_NONE */
	const char **sandbox;
	size_t nsandbox;
	struct columns cols;
	struct filter filter;
	char **files;
	size_t nfiles;
	int help;
	int explain, summary;
	const char *to, *from, *subject;
	char *to_joined; /* --to given more than once: the addresses joined ("a, b") */
	int to_typed;	 /* to is the command line's (a config's --to is replaced by it) */
	const char *baseline;
	const char *waivers;
	const char *split; /* "unit" */
	struct config_args config_args; /* argv: the config's options, then the command line's */
	int nconfig;	   /* argv[1 .. nconfig] are the config's */
	/* the config's line of each option whose (last) value is the
	 * config's, by OPT_x - OPT_SANDBOX; 0 when it is the command line's */
	long line[OPTS_COUNT];
	int verbose; /* --verbose: say what of the config was left out */
	const char *typed_filter; /* the first filter option on the command line ("--user") */
	struct runs_view_options view; /* runs: --manual, --sort, --top, --summary */
	int sorted;		       /* --sort given */
	int review;		       /* review: only the options it takes */
};

/* getopt_long's table of every option the parser knows: audit's, runs'
 * and review's, and fetch's (which the three leave out when a config gives
 * them); a NULL name ends it. cmd_fetch.c reads it to know the options a
 * config may hold that fetch does not take. */

/* The help on filters (audit and runs) and on input options (audit, runs
 * and review), after a command's own. */
extern const char opts_help_filters[], opts_help_input[];

/* A usage error, with where to find help ("see 'almaudit help CMD'"; cmd
 * NULL: "see 'almaudit help'"). */
void opts_usage_error(const char *cmd, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* An option of one value (--rules, --baseline, -o, ...) given on the
 * command line (from_config 0) when the command line gave it before, with
 * *first its earlier value there, is a usage error of cmd naming it
 * (name: "--baseline", "-o"; its values unsaid, which may be secret):
 * which of the two was meant is not known. A
 * config's value is not counted: the command line's overrides it. Sets
 * *first to arg when from the command line. 0, or -1 (reported). */
int opts_once(const char *cmd, const char *name, const char **first, const char *arg,
	      long from_config);

/* A count option's value ("--large-set 5000"): 0, or -1 (a usage error of
 * cmd, reported). */
int opts_parse_count(const char *cmd, const char *name, const char *arg, int64_t *out);

/* The rules of --rules DIR (else $ALMAUDIT_RULES, else the shipped ones),
 * with the waivers of --waivers FILE when given; NULL (reported). */
struct rules *opts_load_rules(const char *dir, const char *waivers);

/* "Now": $ALMAUDIT_NOW or the clock. 0, or -1 (reported). */
int opts_now(int64_t *out);

void opts_init(struct opts *o, const char *cmd);
void opts_free(struct opts *o);
/* Parses the options of audit (audit != 0) and runs, or of review (with
 * o->review set: only its options). 0, or -1 after reporting. */
int opts_parse(int argc, char **argv, struct opts *o, int audit);
/* A config serves every command: drops the config's options that do not
 * apply to the command and format at hand, where the command line's would
 * be usage errors (audit: runs' options; runs: a format it does not write
 * is read as text; review: email is read as text), then, with --verbose,
 * says on standard error what of the config was left out. */
void opts_drop_config(struct opts *o, int audit);

/* Names the config's FILE:LINE in the messages that follow when option
 * opt's value came from the config (diag_set_origin); opts_origin(o, 0)
 * clears it. */
void opts_origin(const struct opts *o, int opt);

/* times_set_zone(tz), with "did you mean" for a zone the system does not
 * know ("America/New_Yrok": America/New_York). 0, or -1 after reporting. */
int opts_set_zone(const char *tz);

/* A format name as given, in any case ("JSON"): the format's name
 * ("json"), or the name as it is when it is no format. */
const char *opts_format_name(const char *name);

/* "unknown option '--perod' (did you mean '--period'?)": a usage error of
 * cmd for the argument arg that table does not have. */
void opts_unknown_option(const char *cmd, const char *arg, const struct option *table);
/* What audit, runs and review do before reading: the outputs checked (-o
 * or --rejects naming an input, a file of the rules directory, --waivers,
 * --baseline or the config, or the two naming one file, is a usage error), "now", the
 * zone and the period set, the rules (with --waivers) loaded. The rules,
 * or NULL (reported). */
struct rules *opts_begin(const struct opts *o, int64_t *now, struct period *period);

/* A file a run reads besides its inputs, and what it is for messages
 * ("the --baseline file"); path NULL: none. */
struct opts_read {
	const char *path, *what;
};

/* An output (opt "-o", path) that is one of the n files of read, by device
 * and inode (through any link), would destroy it before it is read: a usage
 * error of cmd. Nothing to check when path is NULL, "-", not there yet or
 * not a regular file. 0, or -1 (reported). */
int opts_refuse_read(const char *cmd, const char *opt, const char *path,
		     const struct opts_read *read, size_t n);

/* Opens -o into out (unless out is NULL: a split opens its own files) and
 * --rejects, when given, into rejects, an error about a value from the
 * config naming the config's line. 0, or -1 (reported). */
struct output;
int opts_open_outputs(const struct opts *o, struct output *out, struct output *rejects);

#endif
