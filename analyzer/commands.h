/* commands: almaudit's commands, one file each (cmd_NAME.c, as git's
 * builtin/), and the table main.c runs them from. A command's run function
 * takes its arguments (argv[0] its name) and returns the exit status;
 * commands and main are the only places that decide it. Adding a command
 * is a file, its declarations here, and a line in main.c's table (help
 * finds it there). Nothing here owns memory. */
#ifndef ALMAUDIT_COMMANDS_H
#define ALMAUDIT_COMMANDS_H

#include <stdio.h>

/* 0 nothing to look at (no findings but waived ones, no rejected rows), 1
 * findings or rejected rows, 2 error (usage, rules, input). */
enum { EXIT_OK = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	/* writes what 'almaudit help NAME' prints; NULL: help runs NAME --help */
	void (*help)(FILE *out);
};

/* main.c's table, ending with a NULL name. */
extern const struct command commands[];

/* cmd_audit.c: audit and runs, and their help (without the config that
 * NAME --help reads first). */
int cmd_audit(int argc, char **argv);
void cmd_audit_help(FILE *out);
int cmd_runs(int argc, char **argv);
void cmd_runs_help(FILE *out);

int cmd_review(int argc, char **argv); /* cmd_review.c */
int cmd_rules(int argc, char **argv);  /* cmd_rules.c */
int cmd_fetch(int argc, char **argv);  /* cmd_fetch.c */

/* cmd_help.c: help, and almaudit's own usage (almaudit --help); the usage
 * error for a word that is no command, with the nearest one ("no such
 * command 'audti' (did you mean 'audit'?)"). */
int cmd_help(int argc, char **argv);
void cmd_help_usage(FILE *out);
void cmd_help_unknown(const char *name);

#endif
