/* config: `--config FILE`, else $ALMAUDIT_CONFIG: a file of options for
 * audit and runs, one per line as written on the command line
 * ("--tz America/New_York", "--subject Alma jobs, monthly"): the option, a
 * space, and the rest of the line, trimmed, as its value (one pair of
 * surrounding quotes dropped; nothing else is special). "--name=value" is
 * taken too. Blank lines and lines starting with '#' are skipped. The
 * config's options are put before the command line's, so the command line
 * comes after and wins (a repeatable option adds to the config's values).
 * Only options: an input file, an unknown option, a missing or unwanted
 * value, --help or --config is an error at FILE:LINE. A struct config_args
 * owns its argv and strings; config_free frees them. */
#ifndef ALMAUDIT_CONFIG_H
#define ALMAUDIT_CONFIG_H

#include <getopt.h>
#include <stddef.h>

struct config_args {
	int argc;
	char **argv;  /* argv[0], the config's options, the command line's arguments
		       * without --config; NULL-terminated */
	int nconfig;  /* argv[1 .. nconfig] came from the config */
	const char *path; /* the config read, or NULL */
};

/* Builds the arguments from argv (argv[0] first) and the config it names
 * with --config FILE or --config=FILE (the last given), else
 * $ALMAUDIT_CONFIG when set and not empty, else none. opts: the options the
 * command line takes (getopt_long's table, which has "config" too). 0, or -1
 * after reporting (at the config's file and line). */
int config_args(int argc, char **argv, const struct option *opts, struct config_args *out);
void config_free(struct config_args *a);

/* Reads one line of a config (NUL-terminated, no line end) into *arg, an
 * argument for getopt ("--tz=UTC", "--summary"), or NULL for a blank or
 * comment line. 0, or -1 with the reason written into why. The caller frees
 * *arg. */
int config_line(const char *line, const struct option *opts, char **arg, char *why,
		size_t whysize);

#endif
