/* split: `audit --split unit -o DIR`: the whole report and one report per
 * unit, from one pass over the input. The audit feeds split_reporter as it
 * feeds any reporter, and its tap beside its own summary; the reporter
 * hands each finding to the whole report and to the report of every unit of
 * the finding's person (people in several units are in each). Findings of
 * people not in staff.csv go to the whole report only, and each unit's
 * report says how many there are. Waived findings go where their person's
 * findings go; the waivers that expired or covered nothing are counted over
 * the whole audit in every report. With --baseline each unit's report has
 * its own trend counts and lists the resolved items of its people now
 * (staff.csv).
 *
 * The whole report, DIR/all.<ext>, is written as the audit goes. What each
 * unit's report is told waits in a scratch file (unitlog.h) until the end,
 * when each unit that had runs gets its report made, with its own bounded
 * summary, and written, one unit at a time: memory and open files do not
 * grow with the units (a unit without runs gets no file). DIR is opened
 * once (made when missing, never through a symbolic link); each file is
 * written to a temporary file made in it and all are renamed into place
 * there by split_finish, or all removed, with DIR when this run made it: a
 * failed or killed run leaves no report, partial or whole (output.h),
 * except that a rename failing after others (not foreseen by split_ready)
 * leaves those, said. A
 * struct split owns its files, reporters, scratch log and unit list; it
 * borrows the rules and options. split_flush closes the files,
 * split_ready checks them, split_finish puts them in place, split_list
 * lists them, split_free frees (removing any file not finished). */
#ifndef ALMAUDIT_SPLIT_H
#define ALMAUDIT_SPLIT_H

#include <stdio.h>

#include "report.h"
#include "rules.h"

struct split_options {
	const char *dir;    /* created when missing */
	const char *format; /* text, csv, json, html or email: also the files' extension */
	int summary;	    /* text: the short form */
	const struct email_options *mail; /* email: --to for all and for units without an address */
	size_t limit;
	/* the inputs, --rejects, --baseline and --config (NULL: none), which no
	 * file of the split may be (nor the rules files and the waivers) */
	const char *const *sandbox;
	size_t nsandbox;
	const char *const *files;
	size_t nfiles;
	const char *rejects;
	const char *baseline;
	const char *config;
};

struct split;

/* NULL (reported) when DIR cannot be made or is not a directory (or is a
 * symbolic link), two units would share a file name, a file of the split
 * would be an input or the --rejects file, or memory runs out. */
struct split *split_open(const struct rules *rules, const struct split_options *o);

/* The reporter to give audit_run (with its tap). */
struct reporter *split_reporter(struct split *s);

/* Closes every file written. 0, or -1 when a file could not be opened or
 * written, or something not a regular file holds a unit's name (reported):
 * then split_finish keeps nothing. */
int split_flush(struct split *s);

/* Checks that every file written can be put in place (output_ready): 0,
 * or -1 (each problem reported): then split_finish keeps nothing. Call it
 * before putting any output in place. */
int split_ready(struct split *s);

/* Renames every file written into place (keep, and nothing failed), else
 * removes them all (and DIR, when this run made it and it is empty), said
 * ("no report put in place"). A rename that fails midway cannot undo those
 * before it: the files are then said to be partly in place, and the rest
 * removed. With the signals held (output_hold) around it, a signal cannot
 * cut it short. When all are kept, warns of a file left in DIR by an
 * earlier run for a unit that had no runs now. -1 when a file could not be
 * put in place (reported). */
int split_finish(struct split *s, int keep);

/* Writes to `list` one line per file put in place, with its counts, and
 * (when all were) the units that had no runs; codes and names with their
 * control characters as spaces. Nothing when none is in place. */
void split_list(const struct split *s, FILE *list);
void split_free(struct split *s);

/* The file name a unit's report is written to: its code with each byte
 * other than a letter, digit, '-', '_' or '.' (and a leading '.') as '_',
 * then '.' and ext ("Access Services" -> "Access_Services.txt"). A code of
 * more than SPLIT_NAME_MAX bytes gets a short name of its own, stable and
 * distinct: its first SPLIT_NAME_KEEP bytes so, '~' (which no other name
 * holds) and 12 hex digits of a hash of the whole code. A name whose part
 * before its first '.' is one that Windows reserves for a device (CON,
 * PRN, AUX, NUL, COM0-9, LPT0-9, in any case) gets the same '~' and hash
 * after that part ("con.x" -> "con~1a2b3c4d5e6f.x.txt"): a share opened
 * from Windows could not hold it. Returns SPLIT_NAME_SHORT,
 * SPLIT_NAME_RESERVED or both when the name is so changed, else 0. buf
 * holds at least SPLIT_NAME_MAX + 32 bytes (NAME_MAX and more would not
 * fit a file system's name). */
#define SPLIT_NAME_MAX 100
#define SPLIT_NAME_KEEP 48
#define SPLIT_NAME_SHORT 1
#define SPLIT_NAME_RESERVED 2
int split_file_name(const char *code, const char *ext, char *buf, size_t size);

#endif
