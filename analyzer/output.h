/* output: the files a run writes (-o, --rejects, and the reports of
 * --split unit), safe in a folder others can write to. A file is written
 * to a temporary file made in its directory (NAME.almaudit-XXXXXX, or
 * .almaudit-XXXXXX when NAME is long; created with O_EXCL|O_NOFOLLOW
 * through a descriptor of the directory, opened once, with the read and
 * write bits of the regular file it replaces when that file is the running
 * user's, else 0666 & ~umask: never a setuid, setgid, sticky or execute
 * bit, never a mode another user chose) and renamed over NAME in that
 * directory only when the run keeps its output (output_finish), and only
 * while the temporary name still holds the file written (same file, this
 * user's), so that a failed or killed run never leaves a partial file
 * under the real name. Nothing is written through a symbolic link: one at
 * NAME, planted before the run or during it, is replaced by the rename
 * (warned about when seen at the start), the file it names untouched; for
 * -o and --rejects a link to something that is not a regular file, or into
 * /proc (/dev/stdout), is an error. A file that a rename cannot replace
 * (immutable, append-only, another user's in a sticky directory) is an
 * error when seen. SIGINT, SIGTERM, SIGHUP and SIGPIPE remove every
 * temporary file still pending, and a directory the run made for its
 * outputs (output_dir_open) when it is empty then; output_hold holds them
 * back while the outputs are put in place.
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
	dev_t tmp_dev; /* the temporary file as made */
	ino_t tmp_ino;
	const char *opt; /* "-o", "--rejects" (for hints); NULL: a file of the split */
	const char *what; /* what fetch writes, for its messages; NULL: a report */
	struct output *prev, *next; /* the pending list, while tmp exists */
};

/* A directory that outputs are written into (the split's -o DIR). One that
 * belongs to another user (root aside) is refused: its owner could swap
 * the files in it. */
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

/* The same, for the file of option opt ("--rejects"), named in hints. */
int output_open_opt(struct output *o, const char *path, const char *opt);

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
 * (reported) when it cannot be renamed, or its temporary file is not the
 * one written any more (then left as it is: not this run's). */
int output_finish(struct output *o, int keep);

/* Whether a written output can be put in place: its temporary file is the
 * one written, and what is at its name now may be replaced (see
 * name_check in output.c: nothing, a regular file or a link, not
 * immutable, not another user's in a sticky directory). 0, or -1
 * (reported). Before output_finish, to put several in place together. */
int output_ready(struct output *o);

/* The same check of NAME in d for a file of the split before it is written
 * (a FIFO there is an error before the audit reads). 0, or -1 (reported). */
int output_check_in(const struct output_dir *d, const char *name, const char *path);

/* Holds back (on) the signals that end a run, until as many output_hold(0)
 * let them through: the outputs are put in place across it, all of them,
 * and a signal that came meanwhile ends the run after. */
void output_hold(int on);

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

/* An unnamed temporary file, read and write, for what a renderer stages
 * (the findings' sorter, the email's csv attachment): in $TMPDIR when it is
 * set, else /tmp; gone when closed. A $TMPDIR where no file can be made
 * (missing, not writable) falls back to /tmp, with a warning on standard
 * error the first time. NULL when it cannot be made, with *why a sentence
 * for the message ("cannot make a temporary file in /x ($TMPDIR): No such
 * file or directory, nor in /tmp: Permission denied"; static, valid until
 * the next call). */
FILE *output_tmpfile(const char **why);
/* The directory the last temporary file was made in ("/tmp"), for
 * messages about it; "" before one was made. */
const char *output_tmpfile_dir(void);

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
