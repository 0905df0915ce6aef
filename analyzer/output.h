/* output: the files a run writes (-o, --rejects, and the reports of
 * --split unit). A regular file, or one that does not exist yet, is written
 * to a temporary file beside it (FILE.almaudit-XXXXXX, with the mode of the
 * old file, else 0666 & ~umask) and renamed over it only when the run keeps
 * its output (output_finish), so that a failed or killed run never leaves a
 * partial file under the real name: SIGINT, SIGTERM, SIGHUP and SIGPIPE
 * remove every temporary file still pending. Standard output and files that
 * are not regular (/dev/null, a pipe) are written directly.
 *
 * A struct output is the caller's and must stay where it is from
 * output_open to output_finish (the pending list links it); it owns its
 * FILE and its names until output_finish, which frees them. */
#ifndef ALMAUDIT_OUTPUT_H
#define ALMAUDIT_OUTPUT_H

#include <limits.h>
#include <stdio.h>
#include <sys/types.h>

struct output {
	const char *path; /* as given; NULL or "-" for standard output */
	FILE *f;
	char *target; /* where the file goes (a symlink resolved); NULL: direct */
	char *tmp;    /* the temporary file, until renamed or removed */
	struct output *next; /* the pending list, while tmp exists */
};

/* 1 for NULL or "-": standard output. */
int output_is_stdout(const char *path);

/* Opens an output for writing; -1 (reported) when it cannot be. Call
 * output_finish after it either way. */
int output_open(struct output *o, const char *path);

/* Flushes and closes an output; -1 (reported) on a write error. */
int output_flush(struct output *o);

/* Puts a written temporary file in place (keep), or removes it. -1
 * (reported) when it cannot be renamed. */
int output_finish(struct output *o, int keep);

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
