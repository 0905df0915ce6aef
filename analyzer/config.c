#include "config.h"

#include "diag.h"

#include <errno.h>
#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

int config_line(const char *line, const struct option *opts, char **arg, char *why,
		size_t whysize)
{
	const char *s = line, *end;
	*arg = NULL;
	if (!strncmp(s, "\xEF\xBB\xBF", 3))
		s += 3; /* a byte order mark, as some editors save */
	while (space(*s))
		s++;
	end = s + strlen(s);
	while (end > s && space(end[-1]))
		end--;
	if (s == end || *s == '#')
		return 0;
	size_t nlen = 0;
	while (s + nlen < end && !space(s[nlen]) && s[nlen] != '=')
		nlen++;
	const char *value = s + nlen;
	int has_value = value < end;
	if (has_value) {
		value++; /* the space or '=' */
		while (value < end && space(*value))
			value++;
		/* "a value", as a shell would take it; not 'a' and 'b' */
		if (end - value >= 2 && (*value == '"' || *value == '\'') && end[-1] == *value &&
		    !memchr(value + 1, *value, (size_t)(end - value - 2)))
			value++, end--;
	}
	const char *name;
	size_t len;
	if (nlen == 2 && !strncmp(s, "-o", 2)) {
		name = "output";
		len = 6;
	} else if (nlen > 2 && !strncmp(s, "--", 2)) {
		name = s + 2;
		len = nlen - 2;
	} else {
		snprintf(why, whysize,
			 "'%.*s' is no option: a config holds options, one a line as on the command "
			 "line (--tz UTC); input files go on the command line",
			 (int)(nlen > 60 ? 60 : nlen), s);
		return -1;
	}
	const struct option *o = opts;
	while (o->name && (strlen(o->name) != len || strncmp(o->name, name, len)))
		o++;
	if (!o->name || !strcmp(o->name, "help") || !strcmp(o->name, "config")) {
		snprintf(why, whysize, "%s option '--%.*s'%s",
			 o->name ? "no config takes the" : "unknown", (int)(len > 60 ? 60 : len), name,
			 o->name && !strcmp(o->name, "config") ? ": one config file, not nested" : "");
		return -1;
	}
	if (o->has_arg == required_argument && (!has_value || value == end)) {
		snprintf(why, whysize, "option '--%s' needs a value (--%s VALUE)", o->name, o->name);
		return -1;
	}
	if (o->has_arg == no_argument && has_value) {
		snprintf(why, whysize, "option '--%s' takes no value", o->name);
		return -1;
	}
	size_t vlen = has_value ? (size_t)(end - value) : 0;
	size_t size = strlen(o->name) + vlen + 4;
	if (!(*arg = malloc(size))) {
		snprintf(why, whysize, "out of memory");
		return -1;
	}
	if (o->has_arg == no_argument)
		snprintf(*arg, size, "--%s", o->name);
	else
		snprintf(*arg, size, "--%s=%.*s", o->name, (int)vlen, value);
	return 0;
}

/* Reads the config at path into a->argv from index 1; -1 when reported. */
static int read_config(const char *path, const struct option *opts, struct config_args *a,
		       size_t *cap)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		diag_error(path, 0, "cannot read the config: %s", strerror(errno));
		return -1;
	}
	char *line = NULL, why[256];
	size_t size = 0;
	long lineno = 0;
	int status = 0;
	ssize_t n;
	while ((n = getline(&line, &size, f)) >= 0) {
		char *arg;
		lineno++;
		if ((size_t)n != strlen(line)) {
			diag_error(path, lineno, "a NUL byte: a config is text");
			status = -1;
			continue;
		}
		if (config_line(line, opts, &arg, why, sizeof why) != 0) {
			diag_error(path, lineno, "%s", why);
			status = -1;
			continue;
		}
		if (!arg)
			continue;
		if ((size_t)a->argc + 1 >= *cap) {
			char **v = realloc(a->argv, *cap * 2 * sizeof *v);
			if (!v) {
				free(arg);
				diag_error(path, lineno, "out of memory");
				status = -1;
				break;
			}
			a->argv = v;
			*cap *= 2;
		}
		a->argv[a->argc++] = arg;
		a->nconfig++;
	}
	if (ferror(f)) {
		diag_error(path, 0, "cannot read the config: %s", strerror(errno));
		status = -1;
	}
	free(line);
	fclose(f);
	return status;
}

int config_args(int argc, char **argv, const struct option *opts, struct config_args *a)
{
	const char *path = NULL;
	size_t cap = (size_t)argc + 8;
	memset(a, 0, sizeof *a);
	a->argv = calloc(cap, sizeof *a->argv);
	char *keep = calloc((size_t)argc + 1, 1); /* 1: argv[i] is passed on */
	if (!a->argv || !keep) {
		free(keep);
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	/* --config FILE and --config=FILE, up to a "--" */
	for (int i = 1, after = 0; i < argc; i++) {
		keep[i] = 1;
		if (after)
			continue;
		if (!strcmp(argv[i], "--")) {
			after = 1;
		} else if (!strncmp(argv[i], "--config=", 9)) {
			path = argv[i] + 9;
			keep[i] = 0;
		} else if (!strcmp(argv[i], "--config")) {
			keep[i] = 0;
			if (i + 1 >= argc) {
				free(keep);
				diag_error(NULL, 0, "option '--config' needs a value (--config FILE)");
				return -1;
			}
			path = argv[++i]; /* keep[i] stays 0 */
		}
	}
	if (!path) {
		const char *env = getenv("ALMAUDIT_CONFIG");
		if (env && *env)
			path = env;
	}
	a->argv[a->argc++] = argv[0];
	int status = 0;
	if (path && *path) {
		a->path = path;
		status = read_config(path, opts, a, &cap);
	} else if (path) {
		diag_error(NULL, 0, "option '--config' needs a file name");
		status = -1;
	}
	for (int i = 1; i < argc && status == 0; i++) {
		if (!keep[i])
			continue;
		if ((size_t)a->argc + 1 >= cap) {
			char **v = realloc(a->argv, cap * 2 * sizeof *v);
			if (!v) {
				diag_error(NULL, 0, "out of memory");
				status = -1;
				break;
			}
			a->argv = v;
			cap *= 2;
		}
		a->argv[a->argc++] = argv[i];
	}
	if (a->argv)
		a->argv[a->argc] = NULL;
	free(keep);
	return status;
}

void config_free(struct config_args *a)
{
	for (int i = 1; i <= a->nconfig; i++)
		free(a->argv[i]);
	free(a->argv);
	memset(a, 0, sizeof *a);
}
