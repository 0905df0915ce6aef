/* main: almaudit's entry. Runs the command its first argument names, from
 * the table below (as git's builtin/: a command is a file, cmd_NAME.c,
 * and a line here), or answers --help and --version; then checks standard
 * output, a write error there being exit status 2. The only place that
 * exits. */
#include "commands.h"

#include "diag.h"
#include "opts.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#ifndef ALMAUDIT_VERSION
#define ALMAUDIT_VERSION "0"
#endif

/* help NAME: the command's help function, else NAME --help */
const struct command commands[] = {
	{"audit", cmd_audit, cmd_audit_help},
	{"runs", cmd_runs, cmd_runs_help},
	{"review", cmd_review, NULL},
	{"rules", cmd_rules, NULL},
	{"fetch", cmd_fetch, NULL},
	{"help", cmd_help, NULL},
	{NULL, NULL, NULL},
};

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

int main(int argc, char **argv)
{
	if (argc < 2) {
		cmd_help_usage(stderr);
		return EXIT_ERROR;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cmd_help_usage(stdout);
		return close_out(stdout, NULL) ? EXIT_ERROR : EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("almaudit " ALMAUDIT_VERSION);
		return close_out(stdout, NULL) ? EXIT_ERROR : EXIT_OK;
	}
	for (const struct command *c = commands; c->name; c++)
		if (strcmp(argv[1], c->name) == 0) {
			int status = c->run(argc - 1, argv + 1);
			/* audit and runs have checked their own output; the rest not */
			if (status != EXIT_ERROR && close_out(stdout, NULL) != 0)
				status = EXIT_ERROR;
			return status;
		}
	cmd_help_unknown(argv[1]);
	return EXIT_ERROR;
}
