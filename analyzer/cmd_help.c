/* cmd_help: almaudit help: almaudit's own usage, a command's help (found
 * in main.c's table: its help function, else the command run with
 * --help), and the topics that are no command (investigate: the morning
 * after a bad batch, analyzer/investigate.txt compiled in). */
#include "commands.h"

#include "config.h"
#include "opts.h"

#include "investigate.h" /* investigate_text: analyzer/investigate.txt */

#include <stdio.h>
#include <string.h>

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
	"  fetch    pull a period's job history from the Alma API\n"
	"  help     help on a command: almaudit help audit; the morning after a\n"
	"           bad batch, step by step: almaudit help investigate\n"
	"\n"
	"  -h, --help     this help\n"
	"  --version      the version\n"
	"\n"
	"FILE is a job-history export, CSV or gzip CSV (detected from the content;\n"
	"comma, semicolon or tab separated, UTF-8 or UTF-16 as Excel saves them),\n"
	"or - for standard input. Exit status: 0 nothing to look at (no findings,\n"
	"waived ones aside, no rejected rows), 1 findings, rejected rows, or runs of\n"
	"unknown size that --min-records or --finding damaging-large-set hid, 2 error.\n"
	"See almaudit(1).\n";

void cmd_help_usage(FILE *out)
{
	fputs(usage_main, out);
}

int cmd_help(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage_main, stdout);
		return EXIT_OK;
	}
	const char *name = argv[1];
	if (strcmp(name, "help") == 0) {
		fputs("usage: almaudit help COMMAND\n"
		      "       almaudit help investigate   the morning after a bad batch\n",
		      stdout);
		return EXIT_OK;
	}
	if (strcmp(name, "investigate") == 0) {
		for (size_t i = 0; i < sizeof investigate_text / sizeof investigate_text[0]; i++)
			fputs(investigate_text[i], stdout);
		return EXIT_OK;
	}
	for (const struct command *c = commands; c->name; c++) {
		if (strcmp(name, c->name) != 0)
			continue;
		if (c->help) {
			c->help(stdout);
			return EXIT_OK;
		}
		char *help[] = {argv[1], "--help", NULL};
		return c->run(2, help);
	}
	cmd_help_unknown(name);
	return EXIT_ERROR;
}

void cmd_help_unknown(const char *name)
{
	struct option words[16];
	size_t n = 0;
	for (const struct command *c = commands; c->name && n + 1 < sizeof words / sizeof words[0]; c++)
		words[n++] = (struct option){c->name, 0, NULL, 0};
	words[n] = (struct option){NULL, 0, NULL, 0};
	const char *near = name[0] == '-' ? NULL : config_nearest_option(name, words);
	if (name[0] == '-' && name[1] == '-') {
		/* an option before the command: the options of every command */
		char opt[64];
		snprintf(opt, sizeof opt, "%.*s", (int)strcspn(name + 2, "="), name + 2);
		near = config_nearest_option(opt, opts_known);
		if (near && !strcmp(near, opt))
			near = NULL; /* an option all right, in the wrong place */
		opts_usage_error(NULL, "'%s' before a command: give the command first (almaudit "
				       "COMMAND [options])%s%s%s",
				 name, near ? "; did you mean '--" : "", near ? near : "",
				 near ? "'?" : "");
		return;
	}
	opts_usage_error(NULL, "no such command '%s'%s%s%s", name, near ? " (did you mean '" : "",
			 near ? near : "", near ? "'?)" : "");
}
