/* tty: standard output when it is a terminal, as the reports write to it:
 * a FILE of its own over descriptor 1 that erases the progress line of
 * term.h before anything is written (and holds it back while it is), and
 * fits each line to the width the text tables fit (report_width(), cells.h)
 * when one is set: a line longer than the terminal is wrapped at its
 * spaces (a word longer than a line is broken), the continuation indented
 * under the line's value ("Input      ...", "           ..."), so that no
 * line is longer than the width and nothing is lost. To a file or a pipe
 * the reports are written as they are, at their full width. The FILE is
 * the caller's, closed by fclose (output_flush does it), which writes
 * what is left and frees the state; descriptor 1 stays open. */
#ifndef ALMAUDIT_TTY_H
#define ALMAUDIT_TTY_H

#include <stdio.h>

/* The FILE described above when standard output is a terminal (standard
 * output's buffer flushed first); NULL when it is none, or out of memory:
 * then write to stdout. */
FILE *tty_open(void);

#endif
