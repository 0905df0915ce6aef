#define _XOPEN_SOURCE 700 /* realpath */
#include "output.h"

#include "diag.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The outputs with a temporary file, for a signal that ends the run. */
static struct output *volatile pending;

static void remove_pending(int sig)
{
	for (struct output *o = pending; o; o = o->next)
		if (o->tmp)
			unlink(o->tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int pending_sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

/* The signals that remove the pending files, blocked while the list
 * changes (block) and let through again (!block). */
static void pending_block(int block, sigset_t *old)
{
	sigset_t set;
	if (!block) {
		sigprocmask(SIG_SETMASK, old, NULL);
		return;
	}
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof pending_sigs / sizeof pending_sigs[0]; i++)
		sigaddset(&set, pending_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void pending_add(struct output *o)
{
	static int handlers;
	sigset_t old;
	if (!handlers) {
		for (size_t i = 0; i < sizeof pending_sigs / sizeof pending_sigs[0]; i++)
			if (signal(pending_sigs[i], remove_pending) == SIG_IGN)
				signal(pending_sigs[i], SIG_IGN); /* left ignored, as nohup asked */
		handlers = 1;
	}
	pending_block(1, &old);
	o->next = pending;
	pending = o;
	pending_block(0, &old);
}

/* Takes o off the list and frees its temporary file's name. */
static void pending_remove(struct output *o)
{
	sigset_t old;
	pending_block(1, &old);
	if (pending == o)
		pending = o->next;
	else
		for (struct output *p = pending; p; p = p->next)
			if (p->next == o) {
				p->next = o->next;
				break;
			}
	free(o->tmp);
	o->tmp = NULL;
	pending_block(0, &old);
}

int output_is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

int output_open(struct output *o, const char *path)
{
	struct stat st;
	memset(o, 0, sizeof *o);
	o->path = path;
	if (output_is_stdout(path)) {
		o->f = stdout;
		return 0;
	}
	int exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		if (!(o->f = fopen(path, "w"))) {
			diag_error(path, 0, "cannot write: %s", strerror(errno));
			return -1;
		}
		return 0;
	}
	/* an existing file keeps its mode; a new one gets what fopen would give */
	mode_t mask = umask(0);
	umask(mask);
	mode_t mode = exists ? st.st_mode & 07777 : 0666 & ~mask;
	o->target = exists ? realpath(path, NULL) : strdup(path);
	size_t n = o->target ? strlen(o->target) + sizeof ".almaudit-XXXXXX" : 0;
	char *tmp = n ? malloc(n) : NULL;
	if (!tmp) {
		diag_error(path, 0, "out of memory");
		return -1;
	}
	snprintf(tmp, n, "%s.almaudit-XXXXXX", o->target);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		free(tmp);
		return -1;
	}
	o->tmp = tmp;
	pending_add(o);
	if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "w"))) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		close(fd);
		return -1;
	}
	return 0;
}

int output_flush(struct output *o)
{
	if (!o->f)
		return 0;
	int bad = fflush(o->f) != 0 || ferror(o->f);
	int err = errno;
	if (o->f != stdout && fclose(o->f) != 0 && !bad) {
		bad = 1;
		err = errno;
	}
	o->f = NULL;
	if (bad)
		diag_error(output_is_stdout(o->path) ? "standard output" : o->path, 0,
			   "write error: %s", strerror(err));
	return bad ? -1 : 0;
}

int output_finish(struct output *o, int keep)
{
	int status = 0;
	if (o->f && output_flush(o) != 0) {
		keep = 0; /* written short: not put in place */
		status = -1;
	}
	if (o->tmp && keep && rename(o->tmp, o->target) != 0) {
		diag_error(o->path, 0, "cannot write: %s", strerror(errno));
		status = -1;
	}
	if (o->tmp && (!keep || status))
		unlink(o->tmp);
	if (o->tmp)
		pending_remove(o);
	free(o->target);
	o->target = NULL;
	return status;
}

void output_id(const char *path, struct output_id *id)
{
	struct stat st;
	memset(id, 0, sizeof *id);
	if ((strcmp(path, "-") == 0 ? fstat(STDIN_FILENO, &st) : stat(path, &st)) == 0) {
		id->exists = 1;
		id->regular = S_ISREG(st.st_mode);
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		return;
	}
	const char *slash = strrchr(path, '/');
	char dir[PATH_MAX], real[PATH_MAX];
	const char *base = slash ? slash + 1 : path;
	int len = slash ? snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path)
			: snprintf(dir, sizeof dir, ".");
	if (slash == path)
		snprintf(dir, sizeof dir, "/");
	if (len > 0 && (size_t)len < sizeof dir && realpath(dir, real))
		snprintf(id->path, sizeof id->path, "%s/%s", real, base);
	else
		snprintf(id->path, sizeof id->path, "%s", path);
}

int output_same(const struct output_id *a, const struct output_id *b)
{
	if (a->exists != b->exists)
		return 0;
	return a->exists ? a->dev == b->dev && a->ino == b->ino : strcmp(a->path, b->path) == 0;
}
