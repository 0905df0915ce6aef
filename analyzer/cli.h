/* cli: what the command files (cmd_review.c) share with cli.c, which owns
 * main and the audit, runs, rules and help commands: the exit statuses,
 * the options of the commands over history and their parser, the rules
 * directory, "now", and the outputs (-o, --rejects), written to a
 * temporary file put in place at the end. struct opts owns what
 * opts_free releases; an output owns its temporary file's name until
 * output_finish. */
#ifndef ALMAUDIT_CLI_H
#define ALMAUDIT_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "columns.h"
#include "diag.h"
#include "filter.h"
#include "rules.h"

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
	int review; /* review: only the options it takes */
};

/* An output file. A regular file (or one that does not exist yet) is
 * written to a temporary file beside it, renamed over it only when the run
 * keeps its output (output_close), so a failed or killed run never leaves a
 * partial file under the real name; standard output and other files that
 * are not regular (/dev/null, a pipe) are written directly. */
struct output {
	const char *path; /* as given; NULL or "-" for standard output */
	FILE *f;
	char *target; /* where the file goes (a symlink resolved); NULL: direct */
	char *tmp;    /* the temporary file, until renamed or removed */
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

int output_open(struct output *o, const char *path);
int output_flush(struct output *o);
int output_finish(struct output *o, int keep);

/* almaudit review (cmd_review.c). */
int cmd_review(int argc, char **argv);

#endif
