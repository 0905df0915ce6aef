/* report_header: what a text report says before its findings, of its
 * inputs and of their reading, in three forms: the full header of the text
 * report (and so of the email's text part), the short lines that open
 * --summary, and the lines on standard error of a csv report. Its pieces serve the run listing (the notes, the rejected rows
 * and cells not read) and the review (the whole header). Each writes to the
 * caller's FILE from the info it borrows; nothing is allocated or kept. */
#ifndef ALMAUDIT_REPORT_HEADER_H
#define ALMAUDIT_REPORT_HEADER_H

#include <stdio.h>

#include "reporter.h"
#include "tally.h"

/* The report's header: INCOMPLETE and what went wrong (file, line and
 * error of each input not read whole), the notes, period, inputs, times
 * seen, coverage, where every row went (the first rejected rows and cells
 * not read named), the people matched, the sandbox runs set aside, and the
 * rules in force. */
void report_header_write(FILE *out, const struct report_info *info);

/* The same said short, as --summary opens: the filter values that matched
 * nothing, the notes, a line of the period and the runs with findings, the
 * inputs not read whole, then a line each for what the full header says at
 * length (unchecked, coverage, people, cells, sandbox, rejected rows, the
 * unit, --user, the trend since the baseline). */
void report_header_brief(FILE *out, const struct report_info *info);

/* "FILE:LINE: error" for an input that could not be read whole (no LINE
 * when none applies), for a terminal. */
void report_header_file_error(FILE *out, const struct tally_file *f);

/* The tally's notes, "ERROR: ..." and "WARNING: ..." a line each, then a
 * blank line (nothing when there are none): what the top of a report says
 * when a join failed (joins.h) or the zone looks wrong. */
void report_header_notes(FILE *out, const struct tally *t);

/* The header's lines on reading: the rejected rows by reason and the
 * first of them at file:line, the cells not read and the first of them
 * (the run listing ends with these), then with header set the people
 * matched and the sandbox runs set aside. */
void report_header_reading(FILE *out, const struct report_info *info, int header);

/* What the header says of the inputs and their reading beside the notes
 * (which tally_note says on standard error as it makes them): the
 * Unchecked lines (an input with no record count column, the API's jobs
 * no counter gave a count), the sets inferred, the rows rejected and the
 * cells not read with the first of each at file:line. Said on standard
 * error (diag.h), once, for a report that has no place for them (csv), so
 * that a csv that lists nothing is no all-clear where the text report
 * would have said why. */
void report_header_say(const struct report_info *info);

#endif
