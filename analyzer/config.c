#define _XOPEN_SOURCE 700 /* realpath, S_ISVTX */
#include "config.h"

#include "diag.h"
#include "names.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static int space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* The option of table that short option c is (its val), or NULL. */
static const struct option *short_option(const struct option *table, char c)
{
	for (const struct option *o = table; o && o->name; o++)
		if (o->val == c && !o->flag)
			return o;
	return NULL;
}

static const struct option *find(const struct option *table, const char *name, size_t len)
{
	for (const struct option *o = table; o && o->name; o++)
		if (strlen(o->name) == len && !strncmp(o->name, name, len))
			return o;
	return NULL;
}

const struct option *config_match(const struct option *table, const char *name, size_t len,
				  int *ambiguous)
{
	const struct option *found = NULL;
	*ambiguous = 0;
	if (!len)
		return NULL;
	for (const struct option *o = table; o && o->name; o++) {
		if (strncmp(o->name, name, len))
			continue;
		if (strlen(o->name) == len)
			return o; /* the whole name wins over the longer ones it begins */
		/* as getopt_long: options alike in all but name are no ambiguity */
		if (found && (found->has_arg != o->has_arg || found->flag != o->flag ||
			      found->val != o->val))
			*ambiguous = 1;
		if (!found)
			found = o;
	}
	return *ambiguous ? NULL : found;
}

size_t config_candidates(const struct option *table, const char *name, size_t len, char *buf,
			 size_t size)
{
	size_t n = 0, used = 0;
	if (size)
		buf[0] = '\0';
	/* the names, "--column, --config", each once */
	for (const struct option *o = table; len && o && o->name; o++) {
		if (strncmp(o->name, name, len))
			continue;
		int twice = 0;
		for (const struct option *p = table; p != o; p++)
			twice |= !strcmp(p->name, o->name);
		if (twice)
			continue;
		int w = snprintf(buf + used, size > used ? size - used : 0, "%s--%s",
				 n ? ", " : "", o->name);
		if (w > 0 && used + (size_t)w < size)
			used += (size_t)w;
		n++;
	}
	return n;
}

const char *config_nearest_option(const char *name, const struct option *table)
{
	const char *best = NULL, *prefixed = NULL;
	size_t best_d = (size_t)-1, len = strlen(name);
	int prefixes = 0;
	for (const struct option *o = table; o && o->name; o++) {
		if (len && !strncmp(o->name, name, len)) {
			prefixes++;
			prefixed = o->name;
		}
		size_t d = names_distance(name, o->name);
		if (d < best_d) {
			best_d = d;
			best = o->name;
		}
	}
	if (best && best_d <= 2 && best_d * 2 <= len)
		return best;
	return prefixes == 1 ? prefixed : NULL;
}

/* Where the value's comment begins ('#' after white space, outside the
 * quotes around the value), or end. spaced: white space comes before the
 * value (not "--name=value"). */
static const char *comment(const char *value, const char *end, int spaced)
{
	const char *p = value;
	if (spaced && p < end && *p == '#')
		return p;
	if (p < end && (*p == '"' || *p == '\'')) {
		const char *close = memchr(p + 1, *p, (size_t)(end - p - 1));
		if (close)
			p = close + 1;
	}
	for (; p < end; p++)
		if (*p == '#' && p > value && (p[-1] == ' ' || p[-1] == '\t'))
			return p;
	return end;
}

int config_line(const char *line, const struct option *takes, const struct option *known,
		char **arg, const char **skipped, char *why, size_t whysize)
{
	const char *s = line, *end;
	*arg = NULL;
	*skipped = NULL;
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
		int spaced = *value != '=';
		value++; /* the space or '=' */
		while (value < end && space(*value))
			value++;
		end = comment(value, end, spaced);
		while (end > value && space(end[-1]))
			end--;
		has_value = value < end || s[nlen] == '=';
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
	const struct option *o = find(takes, name, len);
	if (!o && (o = find(known, name, len)) && strcmp(o->name, "help") &&
	    strcmp(o->name, "config")) {
		*skipped = o->name; /* another command's option */
		return 0;
	}
	if (!o || !strcmp(o->name, "help") || !strcmp(o->name, "config")) {
		char given[64];
		snprintf(given, sizeof given, "%.*s", (int)(len > 60 ? 60 : len), name);
		const char *near = o ? NULL : config_nearest_option(given, known ? known : takes);
		snprintf(why, whysize, "%s option '--%s'%s%s%s%s",
			 o ? "no config takes the" : "unknown", given,
			 o && !strcmp(o->name, "config") ? ": one config file, not nested" : "",
			 near ? " (did you mean '--" : "", near ? near : "", near ? "'?)" : "");
		return -1;
	}
	int wants = o->has_arg == required_argument, given = has_value && value != end;
	if (wants != given && o->has_arg != optional_argument) {
		/* as another command takes it (fetch --sandbox, audit --sandbox
		 * FILE): that command's, left out here */
		const struct option *other = find(known, name, len);
		if (other && other != o && (other->has_arg == required_argument) == given) {
			*skipped = o->name;
			return 0;
		}
		if (wants)
			snprintf(why, whysize, "option '--%s' needs a value (--%s VALUE)", o->name,
				 o->name);
		else
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

void config_note(struct config_args *a, long line, const char *fmt, ...)
{
	char text[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	char **notes = realloc(a->notes, (a->nnotes + 1) * sizeof *notes);
	if (notes)
		a->notes = notes;
	long *lines = realloc(a->note_lines, (a->nnotes + 1) * sizeof *lines);
	if (lines)
		a->note_lines = lines;
	char *copy = strdup(text);
	if (!notes || !lines || !copy) {
		free(copy);
		return; /* a note, not a result: lost when out of memory */
	}
	a->notes[a->nnotes] = copy;
	a->note_lines[a->nnotes++] = line;
}

int config_split_output(struct config_args *a, long out_line, const char *out, const char *cmd)
{
	if (!a->split_left || !out_line || !out)
		return 0;
	config_note(a, out_line,
		    "-o %s left out with --split unit (line %ld): it names the split's directory, "
		    "not a file for %s",
		    out, a->split_left, cmd);
	return 1;
}

void config_period_choice(struct config_args *a, const char **period, long period_line,
			  const char **since, long since_line, const char **until,
			  long until_line)
{
	int typed_range = (*since && !since_line) || (*until && !until_line);
	if (*period && period_line && typed_range) {
		config_note(a, period_line,
			    "--period %s left out: the command line gives --since/--until", *period);
		*period = NULL;
	}
	if (!*period || period_line)
		return;
	const char **range[] = {since, until};
	const long lines[] = {since_line, until_line};
	for (int i = 0; i < 2; i++)
		if (*range[i] && lines[i]) {
			config_note(a, lines[i], "--%s %s left out: the command line gives --period",
				    i ? "until" : "since", *range[i]);
			*range[i] = NULL;
		}
}

void config_notes_print(const struct config_args *a)
{
	/* in the config's order: a line's notes as they were made */
	long last = 0;
	for (;;) {
		long next = 0;
		for (size_t i = 0; i < a->nnotes; i++)
			if (a->note_lines[i] > last && (!next || a->note_lines[i] < next))
				next = a->note_lines[i];
		if (!next)
			break;
		for (size_t i = 0; i < a->nnotes; i++)
			if (a->note_lines[i] == next)
				diag_error(a->path, next, "%s", a->notes[i]);
		last = next;
	}
}

/* Room for one more argument (and the NULL after it); -1 when out of memory. */
static int grow(struct config_args *a, size_t *cap)
{
	if ((size_t)a->argc + 1 < *cap)
		return 0;
	char **v = realloc(a->argv, *cap * 2 * sizeof *v);
	if (!v)
		return -1;
	a->argv = v;
	long *l = realloc(a->lines, *cap * 2 * sizeof *l);
	if (!l)
		return -1;
	a->lines = l;
	*cap *= 2;
	return 0;
}

/* Whether st, the config's or its directory's (dir, NULL for the file),
 * is one that only the user running almaudit or root may change, as ssh
 * asks of its files: a config can send fetch's API key elsewhere
 * (--base-url) or make an audit clean (--rules, --waivers). 0, or -1
 * after saying why at the config (path) and what to do. */
static int config_owned(const char *path, const char *dir, const struct stat *st)
{
	uid_t me = geteuid();
	if (st->st_uid != me && st->st_uid != 0 && !dir) {
		diag_error(path, 0,
			   "the config is owned by uid %lu, neither the user running almaudit (uid "
			   "%lu) nor root, and its owner may change it: refused (use a copy of your "
			   "own, or chown %lu %s)",
			   (unsigned long)st->st_uid, (unsigned long)me, (unsigned long)me, path);
		return -1;
	}
	if (st->st_uid != me && st->st_uid != 0) {
		diag_error(path, 0,
			   "the config's directory %s is owned by uid %lu, neither the user running "
			   "almaudit (uid %lu) nor root, and its owner may put another config in its "
			   "place: refused (keep the config in a directory of your own, or chown %lu "
			   "%s)",
			   dir, (unsigned long)st->st_uid, (unsigned long)me, (unsigned long)me, dir);
		return -1;
	}
	if (!dir && (st->st_mode & 022)) {
		diag_error(path, 0,
			   "mode %04o: others than its owner may change the config, and with it where "
			   "fetch sends the API key (--base-url) or the rules an audit is judged by "
			   "(--rules, --waivers): refused (chmod go-w %s)",
			   (unsigned)(st->st_mode & 07777), path);
		return -1;
	}
	if (dir && (st->st_mode & 022) && !(st->st_mode & S_ISVTX)) {
		diag_error(path, 0,
			   "the config's directory %s has mode %04o: others than its owner may put "
			   "another config in its place: refused (chmod go-w %s)",
			   dir, (unsigned)(st->st_mode & 07777), dir);
		return -1;
	}
	return 0;
}

/* The config open at fd (named path) and its directory, both the
 * directory of the name given and that of the file a symbolic link leads
 * to, checked by config_owned. 0, or -1 when reported. */
static int config_trusted(const char *path, int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0) {
		diag_error(path, 0, "cannot read the config: %s", strerror(errno));
		return -1;
	}
	/* /dev/null (mode 0666) reads empty whoever writes to it: no config */
	struct stat null;
	if (S_ISCHR(st.st_mode) && stat("/dev/null", &null) == 0 && null.st_rdev == st.st_rdev)
		return 0;
	if (config_owned(path, NULL, &st) != 0)
		return -1;
	char *given = strdup(path), *real = realpath(path, NULL);
	if (!given) {
		free(real);
		diag_error(path, 0, "out of memory");
		return -1;
	}
	const char *dirs[2] = {dirname(given), real ? dirname(real) : NULL};
	int status = 0;
	for (int i = 0; i < 2 && status == 0; i++) {
		if (!dirs[i] || (i && !strcmp(dirs[i], dirs[0])))
			continue;
		if (stat(dirs[i], &st) != 0) {
			diag_error(path, 0, "cannot read the config's directory %s: %s", dirs[i],
				   strerror(errno));
			status = -1;
		} else {
			status = config_owned(path, dirs[i], &st);
		}
	}
	free(given);
	free(real);
	return status;
}

/* Reads the config at path into a->argv from index 1; -1 when reported. */
static int read_config(const char *path, const struct option *takes, const struct option *known,
		       const char *cmd, struct config_args *a, size_t *cap)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_error(path, 0, "cannot read the config: %s", strerror(errno));
		return -1;
	}
	if (config_trusted(path, fd) != 0) {
		close(fd);
		return -1;
	}
	FILE *f = fdopen(fd, "r");
	if (!f) {
		diag_error(path, 0, "cannot read the config: %s", strerror(errno));
		close(fd);
		return -1;
	}
	char *line = NULL, why[256];
	size_t size = 0;
	long lineno = 0;
	int status = 0;
	ssize_t n;
	while ((n = getline(&line, &size, f)) >= 0) {
		char *arg;
		const char *skipped;
		lineno++;
		if ((size_t)n != strlen(line)) {
			diag_error(path, lineno, "a NUL byte: a config is text");
			status = -1;
			continue;
		}
		if (config_line(line, takes, known, &arg, &skipped, why, sizeof why) != 0) {
			diag_error(path, lineno, "%s", why);
			status = -1;
			continue;
		}
		if (skipped && !arg && find(takes, skipped, strlen(skipped)))
			config_note(a, lineno, "--%s left out: it is another command's (%s's --%s %s)",
				    skipped, cmd, skipped,
				    find(takes, skipped, strlen(skipped))->has_arg == no_argument
					    ? "takes no value"
					    : "wants a value");
		else if (skipped)
			config_note(a, lineno, "--%s left out: %s takes no --%s", skipped, cmd, skipped);
		if (skipped && !arg && !strcmp(skipped, "split"))
			a->split_left = lineno;
		if (!arg)
			continue;
		if (grow(a, cap) != 0) {
			free(arg);
			diag_error(path, lineno, "out of memory");
			status = -1;
			break;
		}
		a->lines[a->argc] = lineno;
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

int config_args(int argc, char **argv, const struct option *takes, const struct option *known,
		const char *cmd, struct config_args *a)
{
	const char *path = NULL;
	size_t cap = (size_t)argc + 8;
	memset(a, 0, sizeof *a);
	a->argv = calloc(cap, sizeof *a->argv);
	a->lines = calloc(cap, sizeof *a->lines);
	char *keep = calloc((size_t)argc + 1, 1); /* 1: argv[i] is passed on */
	if (!a->argv || !a->lines || !keep) {
		free(keep);
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	/* --config FILE and --config=FILE, up to a "--", and every
	 * abbreviation getopt_long takes for it (--conf, --c=FILE when no
	 * other option of the command begins so); each argument read as
	 * getopt reads it, so that an option's value ("--subject --config")
	 * is not taken for an option */
	for (int i = 1; i < argc; i++)
		keep[i] = 1;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		if (!strcmp(arg, "--"))
			break;
		if (arg[0] != '-' || !arg[1])
			continue; /* an input file, or "-" */
		if (arg[1] != '-') {
			/* short options, maybe a cluster ("-ho FILE"); a value
			 * joined ("-oFILE") or the next argument */
			for (const char *c = arg + 1; *c; c++) {
				const struct option *o = short_option(takes, *c);
				if (o && o->has_arg != no_argument) {
					if (!c[1] && o->has_arg == required_argument)
						i++;
					break;
				}
			}
			continue;
		}
		size_t len = strcspn(arg + 2, "=");
		int ambiguous;
		const struct option *o = config_match(takes, arg + 2, len, &ambiguous);
		if (!o)
			continue; /* unknown or ambiguous: getopt says so */
		if (strcmp(o->name, "config")) {
			if (o->has_arg == required_argument && !arg[2 + len])
				i++; /* its value, whatever it looks like */
			continue;
		}
		keep[i] = 0;
		if (arg[2 + len] == '=') {
			path = arg + 3 + len;
		} else if (i + 1 >= argc) {
			free(keep);
			diag_error(NULL, 0, "option '--config' needs a value (--config FILE)");
			return -1;
		} else {
			path = argv[++i];
			keep[i] = 0;
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
		status = read_config(path, takes, known, cmd, a, &cap);
	} else if (path) {
		diag_error(NULL, 0, "option '--config' needs a file name");
		status = -1;
	}
	for (int i = 1; i < argc && status == 0; i++) {
		if (!keep[i])
			continue;
		if (grow(a, &cap) != 0) {
			diag_error(NULL, 0, "out of memory");
			status = -1;
			break;
		}
		a->lines[a->argc] = 0;
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
	for (size_t i = 0; i < a->nnotes; i++)
		free(a->notes[i]);
	free(a->notes);
	free(a->note_lines);
	free(a->argv);
	free(a->lines);
	memset(a, 0, sizeof *a);
}
