/* output: the files a run writes (-o, --rejects, and the reports of
 * --split unit), safe in a folder others can write to. A file is written
 * to a temporary file made in its directory (NAME.almaudit-XXXXXX, or
 * .almaudit-XXXXXX when NAME is long; created with O_EXCL|O_NOFOLLOW
 * through a descriptor of the directory, opened once, with the mode of the
 * regular file it replaces, else 0666 & ~umask) and renamed over NAME in
 * that directory only when the run keeps its output (output_finish), so
 * that a failed or killed run never leaves a partial file under the real
 * name. Nothing is written through a symbolic link: one at NAME, planted
 * before the run or during it, is replaced by the rename (warned about when
 * seen at the start), the file it names untouched; a link to something
 * that is not a regular file (/dev/stdout) is an error. SIGINT, SIGTERM,
 * SIGHUP and SIGPIPE remove every temporary file still pending, and a
 * directory the run made for its outputs (output_dir_open) when it is
 * empty then.
 *
 * Standard output is written directly, and so is a character device named
 * directly (/dev/null, a terminal). A FIFO, a socket, a block device or a
 * directory at NAME is never opened for writing: an error that says what it
 * is.
 *
 * A struct output is the caller's and must stay where it is from
 * output_open to output_finish (the pending list links it); it owns its
 * FILE, its names and (from output_open) its directory's descriptor until
 * output_finish, which frees them. A struct output_dir owns its
 * descriptor and path until output_dir_close. */
#ifndef ALMAUDIT_OUTPUT_H
#define ALMAUDIT_OUTPUT_H

#include <limits.h>
#include <stdio.h>
#include <sys/types.h>

struct output {
	const char *path; /* as given (shown in messages); NULL or "-" for standard output */
	FILE *f;
	int dirfd;   /* the directory NAME is in, while a temporary file is pending */
	int own_dir; /* dirfd was opened by output_open: closed by output_finish */
	char *name;  /* NAME in dirfd; NULL: written directly */
	char *tmp;   /* the temporary file's name in dirfd, until renamed or removed */
	struct output *prev, *next; /* the pending list, while tmp exists */
};

/* A directory that outputs are written into (the split's -o DIR). */
struct output_dir {
	int fd;	    /* opened with O_DIRECTORY|O_NOFOLLOW; -1 when not open */
	char *path; /* as given */
	int made;   /* made by this run: removed again when it ends empty */
};

/* 1 for NULL or "-": standard output. */
int output_is_stdout(const char *path);

/* Opens an output for writing (its directory opened once; see above); -1
 * (reported) when it cannot be. Call output_finish after it either way. */
int output_open(struct output *o, const char *path);

/* As output_open, for a command that writes a file and never standard
 * output (fetch): its messages name what it writes (what: "the fetched
 * history") and offer no standard output. */
int output_open_as(struct output *o, const char *path, const char *what);

/* Opens the output NAME in directory d (d stays open until output_finish):
 * only a regular file or a symbolic link at NAME is ever replaced; anything
 * else there is an error (reported as path: what it is). -1 (reported)
 * when it cannot be written. */
int output_open_in(struct output *o, const struct output_dir *d, const char *name,
		   const char *path);

/* Flushes and closes an output; -1 (reported) on a write error. */
int output_flush(struct output *o);

/* Puts a written temporary file in place (keep), or removes it. -1
 * (reported) when it cannot be renamed. */
int output_finish(struct output *o, int keep);

/* Opens directory path for outputs, making it (one level) when missing; a
 * symbolic link there is an error (the files must land where named). -1
 * (reported) when it cannot be. Until output_dir_close a signal that ends
 * the run removes it when this run made it and it is empty. */
int output_dir_open(struct output_dir *d, const char *path);

/* Closes d; with remove, removes it when this run made it and it is empty. */
void output_dir_close(struct output_dir *d, int remove);

/* A scratch file in d: read and write, with no name (gone when closed, or
 * when the run is killed). The descriptor, or -1 (reported). */
int output_scratch(const struct output_dir *d);

/* What a file is, for messages ("a FIFO", "a directory", ...), from its
 * st_mode. */
const char *output_kind(mode_t mode);

/* The identity of a file that exists, or the canonical path of one that
 * does not yet (its directory resolved), for telling two names of one
 * file apart from two files ("-": the file standard input reads). */
struct output_id {
	int exists, regular;
	dev_t dev;
	ino_t ino;
	char path[PATH_MAX + NAME_MAX + 2];
};

void output_id(const char *path, struct output_id *id);
int output_same(const struct output_id *a, const struct output_id *b);

#endif
