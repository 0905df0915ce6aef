/* ingest: export files (plain or gzip CSV) into typed runs, streaming, one
 * row in memory at a time; a file whose content is JSON is the Alma API's
 * job instances, read by instances.c into rows of the canonical columns and
 * typed the same way (an XML response is refused, saying what to do).
 * Finds columns by header name (header.c maps them), counts physical
 * lines, skips repeated header rows, and rejects unreadable rows with a
 * reason (counted in the tally, written to the rejects file if one is set).
 * Rows come from csvrd. ingest_new allocates; ingest_free
 * releases; the runs it returns borrow its row buffer until the next call. */
#ifndef ALMAUDIT_INGEST_H
#define ALMAUDIT_INGEST_H

#include <stdio.h>

#include "columns.h"
#include "run.h"
#include "tally.h"

struct ingest;

/* cols may be NULL (built-in header names only); rejects may be NULL (no
 * rejects file). Both are borrowed, as is the tally that counts the rows. */
struct ingest *ingest_new(const struct columns *cols, struct tally *tally, FILE *rejects);
void ingest_free(struct ingest *in);

/* Starts reading path ("-" is standard input) as env history, reading its
 * header. Reports and returns -1 when the file cannot be opened, is empty,
 * or lacks a required column. */
int ingest_open(struct ingest *in, const char *path, enum run_env env);

/* The next run of the open file: 1 and *run filled, 0 at its end, -1 when
 * reading stopped on an error, or at the end of a file read past damage (a
 * quoted field that never closed: its row rejected, the rows after it
 * read); either is reported and marks the file incomplete in the tally.
 * Rejected and header rows are consumed silently; a last row without line
 * end is read, with a warning (stderr and the tally). The delimiter
 * (comma, semicolon, tab) is detected from the header row, UTF-16 text
 * (by its byte order mark) is read, and bytes that are no UTF-8 are read as
 * Windows-1252. Slash dates are month first (10/05/2026 is October 5)
 * unless the file proves them day first (a first number over 12); until a
 * date has proved either, rows whose dates read both ways are held (up to
 * 10,000 rows or 4 MiB), then handed out in order; a later date against
 * the reading rejects its row (REJ_DATE_ORDER) and is an error at its line.
 * A cell the verdict can do without (record count, progress, status, type,
 * a time that is not the run's) that cannot be read is counted and named
 * (tally_bad_cell), its run judged without it; only a row that cannot be
 * judged is rejected. A submitted_by value that reads as a name is taken
 * as the name (run.name_from_user). Each production run's time goes into
 * its file's span (tally_production), and that of its export in the file:
 * a header row inside the file starts the next export. One that is not
 * the header in force (header_reads_as: columns in another order, names
 * spelled otherwise) is taken for the rows after it, rows held for their
 * slash dates keeping the header they came under; one that lacks a
 * required column is an error at its line, the rows under it rejected
 * (REJ_HEADER) until a header that reads, the file marked incomplete. */
int ingest_next(struct ingest *in, struct run *run);

/* 1 when the open file has column c (COL_ENVIRONMENT: rows that may be
 * sandbox runs in a production file). */
int ingest_has(const struct ingest *in, enum col c);

/* On: the rows an environment column does not mark sandbox are passed over
 * untyped (a first reading of a production file for its sandbox rows). */
void ingest_only_sandbox(struct ingest *in, int on);

/* Rejects the run last returned, after the fact (a rule pattern hit its
 * limit on it): counts it and writes it to the rejects file. */
void ingest_reject_last(struct ingest *in, enum reject_reason why, const char *detail);

/* Ends the open file (safe to call after an error or twice). */
void ingest_close(struct ingest *in);

#endif
