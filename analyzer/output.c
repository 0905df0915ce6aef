#define _GNU_SOURCE /* O_TMPFILE, getrandom, realpath */
#include "output.h"

#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <pwd.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The outputs with a temporary file, and the directory this run made, for
 * a signal that ends the run. */
static struct output *volatile pending;
static const char *volatile made_dir;

static void remove_pending(int sig)
{
	for (struct output *o = pending; o; o = o->next)
		if (o->tmp)
			unlinkat(o->dirfd, o->tmp, 0);
	if (made_dir)
		rmdir(made_dir); /* only when empty */
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int pending_sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};

/* The signals that remove the pending files, blocked while the list
 * changes (block) and let through again (!block); the handler is set the
 * first time. */
static void pending_block(int block, sigset_t *old)
{
	static int handlers;
	sigset_t set;
	if (!block) {
		sigprocmask(SIG_SETMASK, old, NULL);
		return;
	}
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof pending_sigs / sizeof pending_sigs[0]; i++)
		sigaddset(&set, pending_sigs[i]);
	sigprocmask(SIG_BLOCK, &set, old);
	if (!handlers) {
		for (size_t i = 0; i < sizeof pending_sigs / sizeof pending_sigs[0]; i++)
			if (signal(pending_sigs[i], remove_pending) == SIG_IGN)
				signal(pending_sigs[i], SIG_IGN); /* left ignored, as nohup asked */
		handlers = 1;
	}
}

/* With the signals blocked: o joins the list. */
static void pending_add(struct output *o)
{
	o->prev = NULL;
	o->next = pending;
	if (pending)
		pending->prev = o;
	pending = o;
}

/* Takes o off the list and frees its temporary file's name. */
static void pending_remove(struct output *o)
{
	sigset_t old;
	pending_block(1, &old);
	if (o->prev)
		o->prev->next = o->next;
	else if (pending == o)
		pending = o->next;
	if (o->next)
		o->next->prev = o->prev;
	o->prev = o->next = NULL;
	free(o->tmp);
	o->tmp = NULL;
	pending_block(0, &old);
}

int output_is_stdout(const char *path)
{
	return !path || strcmp(path, "-") == 0;
}

const char *output_kind(mode_t mode)
{
	return S_ISREG(mode)  ? "a regular file"
	       : S_ISDIR(mode)	? "a directory"
	       : S_ISFIFO(mode) ? "a FIFO"
	       : S_ISSOCK(mode) ? "a socket"
	       : S_ISBLK(mode)	? "a block device"
	       : S_ISCHR(mode)	? "a character device"
	       : S_ISLNK(mode)	? "a symbolic link"
				: "a file of an unknown kind";
}

/* Six characters for a temporary file's name, hard to guess (an O_EXCL
 * that fails on a name someone made is tried again with another). */
static void random_suffix(char *out)
{
	static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static uint64_t counter;
	unsigned char r[6];
	if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
			     ((uint64_t)getpid() << 40) ^ (++counter * 0x9E3779B97F4A7C15ull);
		for (size_t i = 0; i < sizeof r; i++, x >>= 8)
			r[i] = (unsigned char)x;
	}
	for (size_t i = 0; i < sizeof r; i++)
		out[i] = set[r[i] % (sizeof set - 1)];
	out[6] = '\0';
}

/* Makes o's temporary file in o->dirfd for NAME, registered for removal,
 * opened with rw (O_WRONLY or O_RDWR): its descriptor, or -1 with errno
 * set. */
static int make_temporary(struct output *o, const char *name, int rw)
{
	size_t n = strlen(name);
	char *tmp = malloc(n + 32);
	if (!tmp) {
		errno = ENOMEM;
		return -1;
	}
	for (int tries = 0; tries < 100; tries++) {
		char suffix[8];
		sigset_t old;
		random_suffix(suffix);
		if (n + sizeof ".almaudit-XXXXXX" - 1 <= NAME_MAX)
			snprintf(tmp, n + 32, "%s.almaudit-%s", name, suffix);
		else
			snprintf(tmp, n + 32, ".almaudit-%s", suffix);
		/* created and listed with the signals held: never one without the other */
		pending_block(1, &old);
		int fd = openat(o->dirfd, tmp, rw | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		int err = errno;
		struct stat st;
		if (fd >= 0) {
			o->tmp = tmp;
			pending_add(o);
			/* what the name must still hold when it is put in place */
			if (fstat(fd, &st) == 0) {
				o->tmp_dev = st.st_dev;
				o->tmp_ino = st.st_ino;
			}
		}
		pending_block(0, &old);
		if (fd >= 0)
			return fd;
		if (err != EEXIST) {
			free(tmp);
			errno = err;
			return -1;
		}
	}
	free(tmp);
	errno = EEXIST;
	return -1;
}

/* A character device named directly (/dev/null): written directly, opened
 * without following a link, creating or truncating anything. */
static int open_device(struct output *o, const char *name, const char *path)
{
	int fd = openat(o->dirfd, name, O_WRONLY | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISCHR(st.st_mode)) {
		diag_error(path, 0, "cannot write: it changed while it was opened");
		close(fd);
		return -1;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	if (!(o->f = fdopen(fd, "w"))) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		close(fd);
		return -1;
	}
	return 0;
}

/* "root", or "uid 1234" for an owner without a name. */
static const char *owner_name(uid_t uid, char *buf, size_t size)
{
	struct passwd *pw = getpwuid(uid);
	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(buf, size, "%s", pw->pw_name);
	else
		snprintf(buf, size, "uid %lu", (unsigned long)uid);
	for (char *c = buf; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = '?';
	return buf;
}

/* The option a file was named by, for hints ("-o", "--rejects"); NULL for
 * the split's files. */
static const char *std_hint(const struct output *o)
{
	if (o->what)
		return ""; /* a command that writes no standard output (fetch) */
	return o->opt && !strcmp(o->opt, "--rejects") ? " (--rejects - for standard output)"
						      : " (-o - for standard output)";
}

/* What st (at NAME in o->dirfd) being replaced would meet that a rename
 * cannot get past: NULL, or why (into buf). An immutable or append-only
 * file (chattr +i, +a); in a directory with the sticky bit (/tmp), a file
 * of another user when neither the directory nor the file is this user's
 * (root aside). */
static const char *unreplaceable(const struct output *o, const char *name, const struct stat *st,
				 char *buf, size_t size)
{
	struct statx sx;
	struct stat dir;
	uid_t me = geteuid();
	char who[64];
	if (statx(o->dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, &sx) == 0 &&
	    (sx.stx_attributes & sx.stx_attributes_mask &
	     (STATX_ATTR_IMMUTABLE | STATX_ATTR_APPEND))) {
		snprintf(buf, size, "%s (chattr +%c): it cannot be replaced; remove the attribute",
			 sx.stx_attributes & STATX_ATTR_IMMUTABLE ? "immutable" : "append-only",
			 sx.stx_attributes & STATX_ATTR_IMMUTABLE ? 'i' : 'a');
		return buf;
	}
	if (me != 0 && st->st_uid != me && fstat(o->dirfd, &dir) == 0 && (dir.st_mode & S_ISVTX) &&
	    dir.st_uid != me) {
		snprintf(buf, size,
			 "%s that belongs to %s, in a directory with the sticky bit (as /tmp): "
			 "only its owner may replace it; have it removed, or write elsewhere",
			 output_kind(st->st_mode), owner_name(st->st_uid, who, sizeof who));
		return buf;
	}
	return NULL;
}

/* What is at NAME in o->dirfd, before a file is written to replace it (at
 * open) or put in place (!at_open): 0 when it may be replaced: nothing, a
 * regular file, or a symbolic link (a link seen at open is warned about;
 * for -o and --rejects only a link to a regular file, and never one into
 * /proc: /dev/stdout, /dev/fd/N name a descriptor); 1 for a character
 * device named directly (-o /dev/null: written directly); -1 (reported)
 * otherwise. *mode (at open): the mode the new file gets: that of the
 * regular file it replaces when it is this user's (read and write bits
 * only: no setuid, setgid, sticky or execute bit), else 0666 less the
 * umask, as for a new file. split: a file of --split unit. */
static int name_check(struct output *o, const char *name, const char *path, int split,
		      int at_open, mode_t *mode)
{
	struct stat st;
	char why[256];
	if (fstatat(o->dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
		if (errno == ENOENT)
			return 0;
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	if (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)) {
		if (unreplaceable(o, name, &st, why, sizeof why)) {
			diag_error(path, 0, "%s", why);
			return -1;
		}
	}
	if (S_ISREG(st.st_mode)) {
		if (at_open && st.st_uid == geteuid())
			*mode = st.st_mode & 0666; /* the owner's own choice of who reads it */
		return 0;
	}
	if (S_ISLNK(st.st_mode)) {
		struct stat to;
		char target[256];
		ssize_t n = readlinkat(o->dirfd, name, target, sizeof target - 1);
		target[n > 0 ? n : 0] = '\0';
		int proc = !strncmp(target, "/proc/", 6);
		if (!split && (proc || (fstatat(o->dirfd, name, &to, 0) == 0 && !S_ISREG(to.st_mode)))) {
			if (proc)
				diag_error(path, 0,
					   "a symbolic link to a descriptor of this process ('%s'): "
					   "almaudit writes through no link; name a file%s",
					   target, std_hint(o));
			else
				diag_error(path, 0,
					   "a symbolic link to %s: almaudit writes through no link; name "
					   "the file itself%s",
					   output_kind(to.st_mode), std_hint(o));
			return -1;
		}
		if (!at_open)
			return 0; /* planted while the run read: replaced */
		for (char *c = target; *c; c++)
			if ((unsigned char)*c < 0x20 || *c == 0x7F)
				*c = '?';
		diag_error(path, 0,
			   "warning: a symbolic link (to '%s%s'): replaced by %s; the file it "
			   "names is left as it was",
			   target, n >= (ssize_t)sizeof target - 1 ? "..." : "",
			   o->what ? o->what
			   : o->opt && !strcmp(o->opt, "--rejects") ? "the rejected rows"
								    : "the report");
		return 0;
	}
	if (S_ISCHR(st.st_mode) && !split && at_open)
		return 1;
	diag_error(path, 0, "%s, not a regular file: never opened for writing; %s",
		   output_kind(st.st_mode),
		   split     ? "remove it or give another -o DIR"
		   : o->what ? "write to a regular file (or /dev/null)"
			     : "write to a regular file, /dev/null or standard output");
	return -1;
}

/* Opens NAME in o->dirfd: see output.h. split: the split's file. */
static int open_at(struct output *o, const char *name, const char *path, int split)
{
	mode_t mask = umask(0);
	umask(mask);
	mode_t mode = 0666 & ~mask; /* what fopen would give a new file */
	int kind = name_check(o, name, path, split, 1, &mode);
	if (kind < 0)
		return -1;
	if (kind == 1)
		return open_device(o, name, path);
	int fd = make_temporary(o, name, O_WRONLY);
	if (fd < 0) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		return -1;
	}
	if (!(o->name = strdup(name))) {
		diag_error(path, 0, "out of memory");
		close(fd);
		return -1;
	}
	if (fchmod(fd, mode) != 0 || !(o->f = fdopen(fd, "w"))) {
		diag_error(path, 0, "cannot write: %s", strerror(errno));
		close(fd);
		return -1;
	}
	return 0;
}

int output_open(struct output *o, const char *path)
{
	return output_open_opt(o, path, "-o");
}

static int open_named(struct output *o, const char *path, const char *opt, const char *what);

int output_open_as(struct output *o, const char *path, const char *what)
{
	return open_named(o, path, "-o", what);
}

int output_open_opt(struct output *o, const char *path, const char *opt)
{
	return open_named(o, path, opt, NULL);
}

/* output_open_opt and output_open_as: opt names the option, what (or NULL)
 * what a command that writes no standard output writes. */
static int open_named(struct output *o, const char *path, const char *opt, const char *what)
{
	memset(o, 0, sizeof *o);
	o->dirfd = -1;
	o->path = path;
	o->opt = opt;
	o->what = what;
	if (output_is_stdout(path)) {
		o->f = stdout;
		return 0;
	}
	const char *slash = strrchr(path, '/');
	const char *name = slash ? slash + 1 : path;
	if (!*name) {
		diag_error(path, 0, "cannot write: a directory, not a file");
		return -1;
	}
	char *dir = slash == path ? strdup("/") : slash ? strndup(path, (size_t)(slash - path))
							: strdup(".");
	if (!dir) {
		diag_error(path, 0, "out of memory");
		return -1;
	}
	/* the directory as named (a link among its parts is the user's); the
	 * file in it never through a link */
	o->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int err = errno;
	free(dir);
	if (o->dirfd < 0) {
		diag_error(path, 0, "cannot write: %s", strerror(err));
		return -1;
	}
	o->own_dir = 1;
	return open_at(o, name, path, 0);
}

int output_open_in(struct output *o, const struct output_dir *d, const char *name,
		   const char *path)
{
	memset(o, 0, sizeof *o);
	o->path = path;
	o->dirfd = d->fd;
	return open_at(o, name, path, 1);
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

/* 1 when o's temporary file's name still holds the file this run made:
 * the same file, regular, this user's (the directory's owner could have
 * put another there). */
static int tmp_intact(const struct output *o)
{
	struct stat st;
	return fstatat(o->dirfd, o->tmp, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
	       st.st_dev == o->tmp_dev && st.st_ino == o->tmp_ino && st.st_uid == geteuid();
}

/* Reports that o's temporary file is not the one written. */
static void tmp_changed(const struct output *o)
{
	char shown[NAME_MAX + 1];
	snprintf(shown, sizeof shown, "%s", o->tmp);
	for (char *c = shown; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = '?';
	diag_error(o->path, 0,
		   "its temporary file '%s' is not the file almaudit wrote any more (changed "
		   "in the directory while the run wrote it): not put in place",
		   shown);
}

int output_ready(struct output *o)
{
	mode_t unused;
	if (!o->tmp)
		return 0;
	if (!tmp_intact(o)) {
		tmp_changed(o);
		return -1;
	}
	return name_check(o, o->name, o->path, !o->opt, 0, &unused) == 0 ? 0 : -1;
}

int output_check_in(const struct output_dir *d, const char *name, const char *path)
{
	struct output o = {.path = path, .dirfd = d->fd};
	mode_t unused;
	return name_check(&o, name, path, 1, 0, &unused) == 0 ? 0 : -1;
}

static sigset_t held_mask;
static int held;

void output_hold(int on)
{
	if (on && !held++)
		pending_block(1, &held_mask);
	else if (!on && held && !--held)
		pending_block(0, &held_mask);
}

int output_finish(struct output *o, int keep)
{
	int status = 0, ours = 1;
	if (o->f && output_flush(o) != 0) {
		keep = 0; /* written short: not put in place */
		status = -1;
	}
	if (o->tmp && keep && !tmp_intact(o)) {
		tmp_changed(o);
		status = -1;
		ours = 0; /* someone else's file now: left alone */
	} else if (o->tmp && keep && renameat(o->dirfd, o->tmp, o->dirfd, o->name) != 0) {
		diag_error(o->path, 0, "cannot write: %s", strerror(errno));
		status = -1;
	}
	if (o->tmp && ours && (!keep || status))
		unlinkat(o->dirfd, o->tmp, 0);
	if (o->tmp)
		pending_remove(o);
	free(o->name);
	o->name = NULL;
	if (o->own_dir)
		close(o->dirfd);
	o->own_dir = 0;
	o->dirfd = -1;
	return status;
}

int output_dir_open(struct output_dir *d, const char *path)
{
	d->fd = -1;
	d->made = 0;
	/* "out/" would follow a link named out: the name without its slashes */
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	if (!(d->path = strndup(path, n))) {
		diag_error(path, 0, "out of memory");
		return -1;
	}
	int flags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	d->fd = open(d->path, flags);
	if (d->fd < 0 && errno == ENOENT) {
		sigset_t old;
		pending_block(1, &old);
		if (mkdir(d->path, 0777) == 0) {
			d->made = 1;
			made_dir = d->path;
		}
		int err = errno;
		pending_block(0, &old);
		if (!d->made && err != EEXIST) {
			diag_error(path, 0, "cannot make the directory: %s", strerror(err));
			return -1;
		}
		d->fd = open(d->path, flags);
	}
	if (d->fd < 0) {
		int err = errno;
		struct stat st;
		if (lstat(d->path, &st) == 0 && S_ISLNK(st.st_mode))
			diag_error(path, 0,
				   "--split writes into a directory (-o DIR), not through a symbolic "
				   "link: give the directory itself");
		else
			diag_error(path, 0, "--split writes into a directory (-o DIR): %s",
				   err == ENOTDIR ? "not a directory" : strerror(err));
		return -1;
	}
	/* a directory of another user (root aside) is theirs to change: they
	 * could put files of their own in place of the reports before these
	 * are renamed into place */
	struct stat st;
	uid_t me = geteuid();
	if (!d->made && fstat(d->fd, &st) == 0 && st.st_uid != me && st.st_uid != 0) {
		char who[64], runs[64];
		diag_error(path, 0,
			   "the directory belongs to %s, not to %s, who runs almaudit: its owner "
			   "could change the reports in it before they are put in place; give a "
			   "directory of your own",
			   owner_name(st.st_uid, who, sizeof who), owner_name(me, runs, sizeof runs));
		return -1;
	}
	return 0;
}

void output_dir_close(struct output_dir *d, int remove)
{
	sigset_t old;
	if (d->fd >= 0)
		close(d->fd);
	d->fd = -1;
	pending_block(1, &old);
	if (made_dir == d->path)
		made_dir = NULL;
	pending_block(0, &old);
	if (remove && d->made && d->path)
		rmdir(d->path); /* only when empty */
	free(d->path);
	d->path = NULL;
	d->made = 0;
}

int output_scratch(const struct output_dir *d)
{
	int fd = openat(d->fd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	/* no O_TMPFILE here: a name of its own, removed at once */
	struct output o = {.dirfd = d->fd};
	fd = make_temporary(&o, ".almaudit-scratch", O_RDWR);
	if (fd < 0) {
		diag_error(d->path, 0, "cannot write a scratch file: %s", strerror(errno));
		return -1;
	}
	unlinkat(d->fd, o.tmp, 0);
	pending_remove(&o);
	return fd;
}

/* The directory the last temporary file was made in. */
static char tmp_made_in[PATH_MAX];

/* An unnamed read-write file in dir: its descriptor, or -1 with errno. */
static int tmp_in(const char *dir)
{
	int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL)) {
		/* no O_TMPFILE there: a name of its own, removed at once */
		char path[PATH_MAX];
		int n = snprintf(path, sizeof path, "%s/.almaudit-XXXXXX", dir);
		if (n < 0 || (size_t)n >= sizeof path) {
			errno = ENAMETOOLONG;
		} else if ((fd = mkostemp(path, O_CLOEXEC)) >= 0) {
			unlink(path);
		}
	}
	return fd;
}

static void printable(char *s)
{
	for (char *c = s; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = '?';
}

FILE *output_tmpfile(const char **why)
{
	static char said[2 * PATH_MAX + 128];
	static int warned;
	const char *env = getenv("TMPDIR");
	const char *dir = env && *env ? env : "/tmp";
	int fd = tmp_in(dir), err = errno;
	if (fd < 0 && strcmp(dir, "/tmp") != 0) {
		/* a $TMPDIR that cannot take a file (missing, not writable): /tmp,
		 * said once, rather than a report without its findings */
		snprintf(said, sizeof said, "cannot make a temporary file in %s ($TMPDIR): %s", dir,
			 strerror(err));
		printable(said);
		if ((fd = tmp_in("/tmp")) >= 0) {
			if (!warned++)
				diag_error(NULL, 0, "warning: %s; using /tmp", said);
			dir = "/tmp";
		} else {
			err = errno;
			size_t n = strlen(said);
			snprintf(said + n, sizeof said - n, ", nor in /tmp: %s", strerror(err));
		}
	} else if (fd < 0) {
		snprintf(said, sizeof said, "cannot make a temporary file in %s: %s", dir,
			 strerror(err));
		printable(said);
	}
	FILE *f = fd >= 0 ? fdopen(fd, "w+") : NULL;
	if (f) {
		snprintf(tmp_made_in, sizeof tmp_made_in, "%s", dir);
		printable(tmp_made_in);
		return f;
	}
	if (fd >= 0) {
		snprintf(said, sizeof said, "cannot make a temporary file in %s: %s", dir,
			 strerror(errno));
		printable(said);
		close(fd);
	}
	*why = said;
	return NULL;
}

const char *output_tmpfile_dir(void)
{
	return tmp_made_in;
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
