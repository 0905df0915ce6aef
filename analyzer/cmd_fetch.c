/* cmd_fetch: almaudit fetch, the job history pulled from the Alma API for
 * a period and written as gzip JSON, one API page a line (fetch.c walks
 * the API, almaapi.c speaks HTTP, gzout.c compresses), to a temporary file
 * put in place only when every page is in (output.c). Here: the options
 * (a config's that fetch does not take are left out; typed, they are
 * errors), the API key ($ALMA_API_KEY, $ALMA_SANDBOX_API_KEY or
 * --api-key-file; never from the command line, never printed), the period
 * widened a day each side, the progress line on a terminal and the
 * summary at the end. Exit 0, or 2 with nothing put in place. */
#include "commands.h"

#include "almaapi.h"
#include "cells.h"
#include "config.h"
#include "diag.h"
#include "fetch.h"
#include "gzout.h"
#include "opts.h"
#include "output.h"
#include "period.h"
#include "term.h"
#include "times.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef ALMAUDIT_VERSION
#define ALMAUDIT_VERSION "0"
#endif

static const char usage_fetch[] =
	"usage: almaudit fetch --period P (--region R | --base-url URL) [--sandbox]\n"
	"                      [options] -o FILE\n"
	"\n"
	"Pulls the job history of a period from the Alma API: the jobs listed\n"
	"(MANUAL and OTHER), then each job's runs submitted in the period, a day\n"
	"more on each side; written to FILE as gzip JSON, one API page a line, as\n"
	"the API gave it, and put in place only when every page is in. 'almaudit\n"
	"audit' reads FILE as it is.\n"
	"\n"
	"  --period P        the period, as for audit: last-month, 2026-10,\n"
	"                    2026-Q4, 2026-10-14, ...; or --since DATE and\n"
	"                    --until DATE (inclusive; --until defaults to none)\n"
	"  --tz ZONE         the zone of the period's days (IANA name, or UTC;\n"
	"                    default $TZ, else the system zone)\n"
	"  --region R        the Ex Libris API gateway: na, eu, ap, aps, ca, cn\n"
	"  --base-url URL    another host (https://; http:// only to this machine;\n"
	"                    a base ending in /almaws/v1 is taken as it is)\n"
	"  --sandbox         the sandbox: its key from $ALMA_SANDBOX_API_KEY\n"
	"  --api-key-file FILE  the API key from FILE (its first line; refused\n"
	"                    when others than its owner may read it); else\n"
	"                    $ALMA_API_KEY (production) or $ALMA_SANDBOX_API_KEY\n"
	"  --all-types       SCHEDULED jobs too (their runs are many and seldom\n"
	"                    staff's)\n"
	"  --timeout SECONDS give up a request that receives nothing for SECONDS,\n"
	"                    or is not done in 3 times SECONDS (default 60;\n"
	"                    retried, as 429 and 5xx answers are)\n"
	"  -o, --output FILE the file to write (required; never standard output)\n"
	"  --config FILE     read options from FILE first (default\n"
	"                    $ALMAUDIT_CONFIG); the options fetch does not take\n"
	"                    are left out (--sandbox FILE, audit's, too)\n"
	"  --verbose         say what of the config was left out\n"
	"  -h, --help        this help\n"
	"\n"
	"The key is never taken on the command line and never printed. A\n"
	"progress line on a terminal; a summary on standard error at the end.\n"
	"Exit status: 0 fetched, 2 an error (nothing put in place). See\n"
	"almaudit-fetch(1).\n";

enum {
	F_PERIOD = 256,
	F_SINCE,
	F_UNTIL,
	F_TZ,
	F_SANDBOX,
	F_REGION,
	F_BASE_URL,
	F_KEY_FILE,
	F_ALL_TYPES,
	F_TIMEOUT,
	F_CONFIG,
	F_VERBOSE,
	F_OUTPUT, /* -o */
	F_END
};

static const struct option fetch_options[] = {
	{"period", required_argument, NULL, F_PERIOD},
	{"since", required_argument, NULL, F_SINCE},
	{"until", required_argument, NULL, F_UNTIL},
	{"tz", required_argument, NULL, F_TZ},
	/* optional: audit's --sandbox FILE in a config is left out, not an error */
	{"sandbox", optional_argument, NULL, F_SANDBOX},
	{"region", required_argument, NULL, F_REGION},
	{"base-url", required_argument, NULL, F_BASE_URL},
	{"api-key-file", required_argument, NULL, F_KEY_FILE},
	{"all-types", no_argument, NULL, F_ALL_TYPES},
	{"timeout", required_argument, NULL, F_TIMEOUT},
	{"config", required_argument, NULL, F_CONFIG},
	{"verbose", no_argument, NULL, F_VERBOSE},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* The Ex Libris API gateways (the Developer Network's list of servers). */
static const struct {
	const char *name, *url;
} regions[] = {
	{"na", "https://api-na.hosted.exlibrisgroup.com"},
	{"eu", "https://api-eu.hosted.exlibrisgroup.com"},
	{"ap", "https://api-ap.hosted.exlibrisgroup.com"},
	{"aps", "https://api-aps.hosted.exlibrisgroup.com"},
	{"ca", "https://api-ca.hosted.exlibrisgroup.com"},
	{"cn", "https://api-cn.hosted.exlibrisgroup.com.cn"},
};

struct fetch_opts {
	const char *period, *since, *until, *tz, *region, *base, *key_file, *out;
	int sandbox, all_types, help, verbose;
	int host_from_config; /* --region or --base-url came from the config */
	long timeout;
	struct config_args config;
	/* the config's line of each option's (last) value, by F_x - F_PERIOD;
	 * 0 when it is the command line's */
	long line[F_END - F_PERIOD];
};

/* Names the config's FILE:LINE in the messages that follow when option
 * opt's value came from the config; origin(o, 0) clears it. */
static void origin(const struct fetch_opts *o, int opt)
{
	long line = opt >= F_PERIOD && opt < F_END ? o->line[opt - F_PERIOD] : 0;
	diag_set_origin(line ? o->config.path : NULL, line);
}

/* An argument that names the key itself ("--api-key=...", or any
 * abbreviation getopt would take for --api-key-file short of its whole
 * name): refused without a word of its value. 0, or -1 (reported). */
static int refuse_key_argument(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--"))
			break;
		if (strncmp(a, "--api", 5))
			continue;
		size_t n = strcspn(a + 2, "=");
		if (n == strlen("api-key-file") && !strncmp(a + 2, "api-key-file", n))
			continue;
		opts_usage_error("fetch", "fetch takes no --%.*s: the API key is never given on the "
					  "command line (others can see it there); put it in "
					  "$ALMA_API_KEY or in a file for --api-key-file",
				 (int)(n > 20 ? 20 : n), a + 2);
		return -1;
	}
	return 0;
}

static int parse(int argc, char **argv, struct fetch_opts *o)
{
	int c, longindex;
	if (refuse_key_argument(argc, argv) != 0)
		return -1;
	/* a config's options that fetch does not take are left out */
	if (config_args(argc, argv, fetch_options, opts_known, "fetch", &o->config) != 0)
		return -1;
	argc = o->config.argc;
	argv = o->config.argv;
	const char *once[F_END - F_PERIOD] = {NULL}; /* the command line's value of each */
	opterr = 0;
	optind = 1;
	while ((longindex = -1, c = getopt_long(argc, argv, ":o:h", fetch_options, &longindex)) != -1) {
		/* the config's options are single arguments before the command line's */
		long line = optind - 1 <= o->config.nconfig ? o->config.lines[optind - 1] : 0;
		int from_config = line > 0;
		int opt = c == 'o' ? F_OUTPUT : c;
		/* an option of one value given twice on the command line */
		if (opt >= F_PERIOD && opt < F_END && opt != F_SANDBOX && opt != F_ALL_TYPES &&
		    opt != F_CONFIG && opt != F_VERBOSE) {
			char name[40];
			snprintf(name, sizeof name, opt == F_OUTPUT ? "-o" : "--%s",
				 longindex >= 0 ? fetch_options[longindex].name : "");
			if (opts_once("fetch", name, &once[opt - F_PERIOD], optarg, line) != 0)
				return -1;
		}
		if (opt >= F_PERIOD && opt < F_END)
			o->line[opt - F_PERIOD] = line;
		switch (c) {
		case F_PERIOD:
			o->period = optarg;
			break;
		case F_SINCE:
			o->since = optarg;
			break;
		case F_UNTIL:
			o->until = optarg;
			break;
		case F_TZ:
			o->tz = optarg;
			break;
		case F_SANDBOX:
			/* a config's bare --sandbox comes as --sandbox= */
			if (optarg && !*optarg && from_config)
				optarg = NULL;
			if (optarg && from_config) {
				/* audit's --sandbox FILE: one config serves both */
				config_note(&o->config, line, "--sandbox FILE left out: it is audit's "
							      "(the sandbox's history to read); fetch's "
							      "--sandbox takes no value");
				break;
			}
			if (optarg) {
				opts_usage_error("fetch", "fetch's --sandbox takes no value: it fetches "
							  "the sandbox's history (with $ALMA_SANDBOX_API_KEY)");
				return -1;
			}
			o->sandbox = 1;
			break;
		case F_REGION:
		case F_BASE_URL:
			/* one host: the command line's wins over the config's */
			if ((c == F_REGION ? o->base : o->region) && !o->host_from_config) {
				opts_usage_error("fetch", "--region and --base-url both given: give one");
				return -1;
			}
			o->region = c == F_REGION ? optarg : NULL;
			o->base = c == F_BASE_URL ? optarg : NULL;
			o->host_from_config = from_config;
			break;
		case F_KEY_FILE:
			o->key_file = optarg;
			break;
		case F_ALL_TYPES:
			o->all_types = 1;
			break;
		case F_TIMEOUT: {
			int64_t n;
			origin(o, F_TIMEOUT);
			int bad = opts_parse_count("fetch", "--timeout", optarg, &n) != 0;
			if (!bad && (n < 1 || n > 3600)) {
				opts_usage_error("fetch", "--timeout wants 1 to 3600 seconds, not '%s'",
						 optarg);
				bad = 1;
			}
			origin(o, 0);
			if (bad)
				return -1;
			o->timeout = (long)n;
			break;
		}
		case F_CONFIG:
			break; /* read before (config_args) */
		case F_VERBOSE:
			o->verbose = 1;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'h':
			o->help = 1;
			return 0;
		case ':':
			opts_usage_error("fetch", "option '%.*s' needs a value",
					 (int)strcspn(argv[optind - 1], "="), argv[optind - 1]);
			return -1;
		default: {
			/* the name only: what follows '=' may be anything (a key) */
			char name[80];
			const char *arg = argv[optind - 1];
			size_t n = strcspn(arg, "=");
			snprintf(name, sizeof name, "%.*s", (int)n, arg);
			for (const struct option *t = fetch_options; arg[n] && t->name; t++)
				if (t->has_arg == no_argument && !strncmp(arg, "--", 2) && n > 2 &&
				    !strncmp(t->name, arg + 2, n - 2)) {
					opts_usage_error("fetch", "%s takes no value (no '=...')", name);
					return -1;
				}
			opts_unknown_option("fetch", name, fetch_options);
			return -1;
		}
		}
	}
	if (optind < argc) {
		/* not quoted: it may be a key given where it should not be */
		opts_usage_error("fetch", "fetch takes no arguments but its options (it writes "
					  "-o FILE)");
		return -1;
	}
	/* the command line's --period or --since/--until leaves out the
	 * config's other */
	config_period_choice(&o->config, &o->period, o->line[F_PERIOD - F_PERIOD], &o->since,
			     o->line[F_SINCE - F_PERIOD], &o->until, o->line[F_UNTIL - F_PERIOD]);
	/* the config's -o of a --split unit: its directory, no file for the
	 * history */
	if (config_split_output(&o->config, o->line[F_OUTPUT - F_PERIOD], o->out, "fetch")) {
		o->out = NULL;
		o->line[F_OUTPUT - F_PERIOD] = 0;
	}
	if (o->verbose)
		config_notes_print(&o->config);
	return 0;
}

/* The first line of a key file no one but its owner may read, into key
 * (size bytes). 0, or -1 (reported, never quoting the key). */
static int read_key_file(const char *path, char *key, size_t size)
{
	/* not blocking on a FIFO (nor taking a terminal): what it is is
	 * known before anything is read */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		diag_error(path, 0, "cannot read the API key: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		diag_error(path, 0, "cannot read the API key: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_error(path, 0, "the API key file is %s, not a regular file: refused",
			   output_kind(st.st_mode));
		close(fd);
		return -1;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
		diag_error(path, 0, "cannot read the API key: %s", strerror(errno));
		close(fd);
		return -1;
	}
	if (st.st_mode & 077) {
		diag_error(path, 0,
			   "mode %04o: others than its owner may read or change the API key: refused "
			   "(chmod 600 %s)",
			   (unsigned)(st.st_mode & 07777), path);
		close(fd);
		return -1;
	}
	size_t n = 0;
	ssize_t k;
	while (n + 1 < size && (k = read(fd, key + n, size - 1 - n)) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			diag_error(path, 0, "cannot read the API key: %s", strerror(errno));
			close(fd);
			return -1;
		}
		n += (size_t)k;
	}
	close(fd);
	key[n] = '\0';
	key[strcspn(key, "\n")] = '\0';
	return 0;
}

/* The key: --api-key-file, else the environment. Checked to be one token of
 * printable characters (it goes in a header line). 0, or -1 (reported). */
static int get_key(const struct fetch_opts *o, char *key, size_t size)
{
	const char *var = o->sandbox ? "ALMA_SANDBOX_API_KEY" : "ALMA_API_KEY";
	const char *from = o->key_file;
	if (o->key_file) {
		if (read_key_file(o->key_file, key, size) != 0)
			return -1;
	} else {
		const char *env = getenv(var);
		if (!env || !*env) {
			diag_error(NULL, 0, "no API key: set $%s or give --api-key-file FILE%s", var,
				   o->sandbox ? " (the sandbox has a key of its own)" : "");
			return -1;
		}
		if (strlen(env) >= size) {
			diag_error(NULL, 0, "$%s is too long for an API key", var);
			return -1;
		}
		strcpy(key, env);
		from = NULL;
	}
	/* trimmed of surrounding white space (an editor's line end, a space) */
	size_t start = strspn(key, " \t\r"), len = strlen(key);
	while (len > start && strchr(" \t\r", key[len - 1]))
		len--;
	memmove(key, key + start, len - start);
	key[len - start] = '\0';
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f) {
			diag_error(from, 0, "the API key%s%s holds a character no API key has "
					    "(byte %zu): check it",
				   from ? "" : " in $", from ? "" : var,
				   (size_t)(p - (const unsigned char *)key) + 1);
			return -1;
		}
	if (!*key) {
		diag_error(from, 0, "the API key%s%s is empty", from ? "" : " in $", from ? "" : var);
		return -1;
	}
	return 0;
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct progress {
	int tty, shown;
	double start, last;
};

static void show_progress(const struct fetch_stats *s, void *arg)
{
	struct progress *p = arg;
	double t = seconds();
	if (!s) { /* a message follows: it starts on a clear line */
		if (p->shown)
			fputs("\r\033[K", stderr);
		p->shown = 0;
		p->last = t;
		return;
	}
	if (!p->tty || t - p->last < 0.2)
		return;
	char line[200];
	p->last = t;
	p->shown = 1;
	fetch_progress_text(s, line, sizeof line);
	/* never wider than the terminal: a wider line wraps, and "\r\033[K"
	 * erases only its last row */
	int cols = term_columns(STDERR_FILENO);
	if (cols > 1 && strlen(line) > (size_t)cols - 1)
		line[cols - 1] = '\0';
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
}

/* Checks what needs no network; sets the base URL and the dates. An error
 * about a value from the config names its line. */
static int check(const struct fetch_opts *o, const char **base, char *from, char *to)
{
	int status = -1;
	if (!o->out) {
		opts_usage_error("fetch", "fetch wants -o FILE (gzip JSON, put in place when every "
					  "page is in)");
		return -1;
	}
	origin(o, F_OUTPUT);
	if (output_is_stdout(o->out)) {
		opts_usage_error("fetch", "fetch writes a file, put in place when complete, not "
					  "standard output: give -o FILE");
		goto out;
	}
	/* the key or the config written over: destroyed before it is read
	 * next time */
	const struct opts_read read[] = {{o->key_file, "the --api-key-file"},
					 {o->config.path, "the config file"}};
	if (opts_refuse_read("fetch", "-o", o->out, read, 2) != 0)
		goto out;
	if (o->region) {
		size_t i = 0;
		origin(o, F_REGION);
		while (i < sizeof regions / sizeof regions[0] && strcmp(regions[i].name, o->region))
			i++;
		if (i == sizeof regions / sizeof regions[0]) {
			opts_usage_error("fetch", "--region wants na, eu, ap, aps, ca or cn, not '%s'",
					 o->region);
			goto out;
		}
		*base = regions[i].url;
	} else if (o->base) {
		char why[300];
		origin(o, F_BASE_URL);
		if (almaapi_check_base(o->base, why, sizeof why) != 0) {
			diag_error(NULL, 0, "--base-url: %s", why);
			goto out;
		}
		*base = o->base;
	} else {
		origin(o, 0);
		opts_usage_error("fetch", "fetch wants --region na|eu|ap|aps|ca|cn (the Ex Libris "
					  "API gateway) or --base-url URL");
		goto out;
	}
	origin(o, 0);
	if (!o->period && !o->since && !o->until) {
		opts_usage_error("fetch", "fetch wants a period: --period P, or --since DATE "
					  "[--until DATE]");
		goto out;
	}
	int64_t now;
	struct period p;
	if (opts_now(&now) != 0)
		goto out;
	origin(o, F_TZ);
	if (opts_set_zone(o->tz) != 0)
		goto out;
	origin(o, o->period ? F_PERIOD : o->since ? F_SINCE : F_UNTIL);
	if (period_set(&p, o->period, o->since, o->until, times_local_day(now)) != 0)
		goto out;
	/* a day more on each side: the API's dates are not the zone's */
	from[0] = to[0] = '\0';
	if (p.first_day != TIME_NONE)
		times_format_day(p.first_day - 1, from, 16);
	if (p.last_day != TIME_NONE)
		times_format_day(p.last_day + 1, to, 16);
	status = 0;
out:
	origin(o, 0);
	return status;
}

int cmd_fetch(int argc, char **argv)
{
	struct fetch_opts o = {.timeout = 60};
	const char *base = NULL;
	char from[16], to[16], key[4096];
	int status = EXIT_ERROR;
	key[0] = '\0';
	if (parse(argc, argv, &o) != 0)
		goto out;
	if (o.help) {
		fputs(usage_fetch, stdout);
		status = EXIT_OK;
		goto out;
	}
	double backoff = 1;
	const char *env = getenv("ALMAUDIT_FETCH_BACKOFF");
	if (env && *env) {
		char *end;
		backoff = strtod(env, &end);
		if (*end || end == env || !(backoff >= 0 && backoff <= 60)) {
			diag_error(NULL, 0, "ALMAUDIT_FETCH_BACKOFF '%s' is not 0 to 60 seconds", env);
			goto out;
		}
	}
	if (check(&o, &base, from, to) != 0)
		goto out;
	origin(&o, o.key_file ? F_KEY_FILE : 0);
	int bad = get_key(&o, key, sizeof key) != 0;
	origin(&o, 0);
	if (bad)
		goto out;

	struct output out;
	origin(&o, F_OUTPUT);
	bad = output_open_as(&out, o.out, "the fetched history") != 0;
	origin(&o, 0);
	if (bad) {
		output_finish(&out, 0);
		goto out;
	}
	struct gzout *gz = gzout_new(out.f, o.out);
	struct progress pr = {.tty = isatty(STDERR_FILENO), .start = seconds()};
	struct fetch_config fc = {
		.base = base,
		.key = key,
		.agent = "almaudit/" ALMAUDIT_VERSION,
		.from = from[0] ? from : NULL,
		.to = to[0] ? to : NULL,
		.all_types = o.all_types,
		.stall = o.timeout,
		.backoff = backoff,
		.progress = show_progress,
		.arg = &pr,
	};
	struct fetch_stats st;
	memset(&st, 0, sizeof st);
	int ok = gz && fetch_run(&fc, gz, &st) == 0;
	if (ok) {
		ok = gzout_finish(gz) == 0;
		gz = NULL;
	}
	gzout_free(gz);
	if (pr.shown)
		fputs("\r\033[K", stderr);
	ok = output_finish(&out, ok) == 0 && ok;
	char counts[160];
	fetch_summary_text(&st, seconds() - pr.start, counts, sizeof counts);
	if (ok) {
		char span[64];
		if (from[0] && to[0])
			snprintf(span, sizeof span, "submitted %s to %s", from, to);
		else if (from[0])
			snprintf(span, sizeof span, "submitted %s on", from);
		else
			snprintf(span, sizeof span, "submitted up to %s", to);
		fprintf(stderr, "almaudit: %s: %s (%s, %s)\n", o.out, counts,
			o.sandbox ? "sandbox" : "production", span);
		status = EXIT_OK;
	} else {
		diag_error(o.out, 0, "not written: the fetch did not complete (%s)", counts);
	}
out:
	for (volatile char *p = key; p < key + sizeof key; p++)
		*p = 0; /* the key gone before the memory is */
	config_free(&o.config);
	return status;
}
