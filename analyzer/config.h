/* config: `--config FILE`, else $ALMAUDIT_CONFIG: a file of options that
 * every command reads, one per line as written on the command line
 * ("--tz America/New_York", "--subject Alma jobs, monthly"): the option, a
 * space, and the rest of the line, trimmed, as its value (one pair of
 * surrounding quotes dropped). "--name=value" is taken too. Blank lines and
 * lines starting with '#' are skipped, and so is a '#' after white space
 * outside quotes with the rest of its line ("--tz America/New_York  # New
 * York"). The config's options are put before the command line's, so the
 * command line comes after and wins (a repeatable option adds to the
 * config's values).
 *
 * One config serves every command: an option that some command takes but
 * the one at hand does not is left out (noted, for --verbose), where on the
 * command line it would be an error. Only options: an input file, an
 * option no command takes, a missing or unwanted value, --help or --config
 * is an error at FILE:LINE. A config that others than its owner may
 * change is refused, as ssh refuses such files: one not the user's nor
 * root's, or writable by group or others, or in a directory (of the name
 * given, or of the file a link leads to) not the user's nor root's, or
 * writable by group or others without the sticky bit. A struct config_args owns its argv, its lines
 * and notes and the config's strings; config_free frees them. */
#ifndef ALMAUDIT_CONFIG_H
#define ALMAUDIT_CONFIG_H

#include <getopt.h>
#include <stddef.h>

struct config_args {
	int argc;
	char **argv;  /* argv[0], the config's options, the command line's arguments
		       * without --config; NULL-terminated */
	int nconfig;  /* argv[1 .. nconfig] came from the config */
	long *lines;  /* lines[i]: the config's line of argv[i], 1 <= i <= nconfig */
	const char *path; /* the config read, or NULL */
	/* what was left out of the config for this command, a line each
	 * ("--limit: rules takes no --limit"), with its config line */
	char **notes;
	long *note_lines;
	size_t nnotes;
	/* the line of a --split unit the command left out (0: none): the
	 * config's -o is that split's directory, left out with it
	 * (config_split_output) */
	long split_left;
};

/* Builds the arguments from argv (argv[0] first) and the config it names
 * with --config FILE or --config=FILE (the last given; or an abbreviation
 * getopt_long takes for --config among takes, --conf FILE), else
 * $ALMAUDIT_CONFIG when set and not empty, else none. takes: the options
 * the command takes (getopt_long's table, which has "config" too); known:
 * every option some command takes (a config line naming one that takes
 * does not is left out, with a note; one naming neither is an error). cmd:
 * the command, for the notes ("rules"). 0, or -1 after reporting (at the
 * config's file and line). */
int config_args(int argc, char **argv, const struct option *takes, const struct option *known,
		const char *cmd, struct config_args *out);
void config_free(struct config_args *a);

/* Reads one line of a config (NUL-terminated, no line end) into *arg, an
 * argument for getopt ("--tz=UTC", "--summary"); or *arg NULL for a blank
 * or comment line, or, with *skipped set to the option's name (from known),
 * for an option of known that takes lacks. 0, or -1 with the reason
 * written into why. The caller frees *arg. */
int config_line(const char *line, const struct option *takes, const struct option *known,
		char **arg, const char **skipped, char *why, size_t whysize);

/* A config's -o written for its --split unit (-o DIR) is no file name for
 * a command that left the --split out (runs, review, fetch): whether the -o
 * at out_line (0: the command line's) must be left out with it; noted
 * when so. */
int config_split_output(struct config_args *a, long out_line, const char *out, const char *cmd);

/* --period and --since/--until exclude each other: the command line's
 * choice leaves out the config's other one (noted), since the command line
 * wins. Each value with its config line (0: the command line's). Both
 * from the config, or both from the command line, stay: an error later. */
void config_period_choice(struct config_args *a, const char **period, long period_line,
			  const char **since, long since_line, const char **until,
			  long until_line);

/* Adds a note: what of the config at line was left out, and why. */
void config_note(struct config_args *a, long line, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Writes the notes to standard error, each at the config's FILE:LINE
 * (what --verbose says). */
void config_notes_print(const struct config_args *a);

/* The option of table that getopt_long takes "--NAME" for, name being
 * len bytes (without "--" and "=value"): the option of that name, else the
 * one whose name begins with it (--conf for --config), as on the command
 * line long options may be abbreviated. NULL when none, with *ambiguous
 * set when several begin with it ("--co": --column, --config). */
const struct option *config_match(const struct option *table, const char *name, size_t len,
				  int *ambiguous);

/* The options of table whose names begin with name (len bytes), listed in
 * buf ("--column, --config"); how many. */
size_t config_candidates(const struct option *table, const char *name, size_t len, char *buf,
			 size_t size);

/* The name in table nearest to name ("period" for "perod"), for "did you
 * mean"; NULL when none is close. */
const char *config_nearest_option(const char *name, const struct option *table);

#endif
