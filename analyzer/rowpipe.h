/* rowpipe: a csvrd's rows read ahead in a thread of their own, so that
 * splitting lines and fields (and, below it, inflating) runs on one core
 * while the audit judges the rows on another. The thread calls csvrd_next
 * and copies each row into blocks of rows (a few in flight, each about
 * ROWPIPE_BLOCK bytes, one row larger than that in a block of its own);
 * rowpipe_next hands them out in order, each exactly as csvrd_next would
 * have. What csvrd reports in the thread is held (diag_hold) and written
 * when the row it came with (or the end) is handed out, so the messages
 * come in the order and at the place they would without the thread.
 *
 * rowpipe_open borrows the csvrd: nothing else may use it until
 * rowpipe_close, which stops the thread and frees the blocks (the csvrd
 * stays the caller's: its encoding is then that of every row read). A row
 * handed out is valid until the next rowpipe_next or rowpipe_close. */
#ifndef ALMAUDIT_ROWPIPE_H
#define ALMAUDIT_ROWPIPE_H

#include "csvrd.h"

#define ROWPIPE_BLOCK (64u * 1024u)
#define ROWPIPE_BLOCKS 4

struct rowpipe;

/* Starts reading r's rows ahead; name is what messages call the file
 * (borrowed until rowpipe_close). NULL when it would not help (this
 * process may run on one CPU only) or could not start (no memory, no
 * thread: nothing reported); the caller then reads r itself. */
struct rowpipe *rowpipe_open(struct csvrd *r, const char *name);

/* As csvrd_next: 1 and *row, 0 at the end, -1 when reading failed
 * (reported, at the place csvrd_next reports it). */
int rowpipe_next(struct rowpipe *p, struct csvrow *row);

void rowpipe_close(struct rowpipe *p);

/* Whether rowpipe_open starts a thread: 1 when this process may run on
 * two CPUs or more (the default), 2 always, 0 never (the tests compare
 * the two ways). */
void rowpipe_enable(int how);

#endif
