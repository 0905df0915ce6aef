/* cli: what the command files (cmd_review.c) share with cli.c, which owns
 * main and the audit, runs, rules and help commands: the exit statuses,
 * the options of the commands over history and their parser, the rules
 * directory, "now", and the check that outputs never name an input (the
 * outputs themselves are output.c's). struct opts owns what opts_free
 * releases. */
#ifndef ALMAUDIT_CLI_H
#define ALMAUDIT_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "columns.h"
#include "config.h"
#include "diag.h"
#include "filter.h"
#include "output.h"
#include "period.h"
#include "rules.h"
#include "runs_view.h"

enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };

/* The options of audit, runs and review. */
struct opts {
	const char *cmd;
	const char *rules, *tz, *out, *rejects, *format;
	const char *period, *since, *until;
	int64_t large_set, limit;
	const char **sandbox;
	size_t nsandbox;
	struct columns cols;
	struct filter filter;
	char **files;
	size_t nfiles;
	int help;
	int explain, summary;
	const char *to, *from, *subject;
	const char *baseline;
	const char *waivers;
	const char *split; /* "unit" */
	struct config_args config_args; /* argv: the config's options, then the command line's */
	int nconfig;	   /* argv[1 .. nconfig] are the config's */
	unsigned config;   /* the options whose value is the config's: 1u << (OPT_x - 256) */
	struct runs_view_options view; /* runs: --manual, --sort, --top, --summary */
	int sorted;		       /* --sort given */
	int review;		       /* review: only the options it takes */
};


/* The help on filters and on input options, after a command's own. */
extern const char usage_filters[], usage_common[];

/* A usage error, with where to find help ("see 'almaudit help CMD'"). */
void usage_error(const char *cmd, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* The rules of --rules DIR (else $ALMAUDIT_RULES, else the shipped ones),
 * with the waivers of --waivers FILE when given; NULL (reported). */
struct rules *load_rules(const char *opt, const char *waivers);

/* "Now": $ALMAUDIT_NOW or the clock. 0, or -1 (reported). */
int now_get(int64_t *out);

void opts_init(struct opts *o, const char *cmd);
void opts_free(struct opts *o);
/* Parses the options of audit (audit != 0) and runs, or of review (with
 * o->review set: only its options). 0, or -1 after reporting. */
int parse_opts(int argc, char **argv, struct opts *o, int audit);
/* -o or --rejects naming an input, or one file: a usage error. 0, or -1. */
int check_outputs(const struct opts *o);
/* What audit, runs and review do before reading: the outputs checked,
 * "now", the zone and the period set, the rules (with --waivers) loaded.
 * The rules, or NULL (reported). */
struct rules *opts_begin(const struct opts *o, int64_t *now, struct period *period);


/* almaudit review (cmd_review.c). */
int cmd_review(int argc, char **argv);

#endif
