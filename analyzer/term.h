/* term: what almaudit knows of the terminal it may write to, below every
 * module but diag: the width of standard output when it is a terminal
 * (TIOCGWINSZ, else $COLUMNS, else 80), and a progress line on standard
 * error while a file takes long to read (an input, a baseline), only when
 * standard error is a terminal: after a few seconds, "almaudit: reading
 * FILE: 45% (86 MB of 190 MB), 12 s", narrower than the terminal (FILE
 * cut with "…"), redrawn each second and erased when the file is closed or
 * a message is written. One file is watched at a
 * time (inputs are read one after another), by a thread of its own that
 * term_unwatch stops and joins; term owns that thread and nothing else. */
#ifndef ALMAUDIT_TERM_H
#define ALMAUDIT_TERM_H

/* The columns of the terminal on fd, or 0 when fd is no terminal. */
int term_columns(int fd);
/* The width a text report on the terminal on fd is fitted to: its
 * columns, but at least TERM_FIT_MIN (a narrower one, $COLUMNS=1, would
 * have every cell cut to nothing and each line wrapped a character a
 * line: it wraps the 40-column lines itself); 0 when fd is no terminal. */
#define TERM_FIT_MIN 40
int term_fit_columns(int fd);

/* Starts watching the file open on fd (name as the messages give it); a
 * file already watched, or standard error not a terminal: nothing. */
void term_watch(const char *name, int fd);

/* Stops watching fd (before it is closed), erasing the progress line. */
void term_unwatch(int fd);

/* Around a message written to standard error: the progress line erased and
 * held back, then let go (diag calls them). */
void term_hold(void);
void term_release(void);

#endif
