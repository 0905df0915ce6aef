/* split: `audit --split unit -o DIR`: the whole report and one report per
 * unit, from one pass over the input. The audit feeds split_reporter as it
 * feeds any reporter, and its tap beside its own summary; the reporter
 * hands each finding to the whole report and to the report of every unit of
 * the finding's person (people in several units are in each), each unit with
 * its own bounded summary (memory: units x summary). Findings of people not
 * in staff.csv go to the whole report only, and each unit's report says how
 * many there are. DIR/<unit>.<ext> is opened at the unit's first audited run
 * (a unit without runs gets no file); DIR/all.<ext> at the start. A struct
 * split owns its files, reporters, summaries and unit list; it borrows the
 * rules and options. split_close closes and lists; split_free frees. */
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
};

struct split;

/* NULL (reported) when DIR cannot be made or written, two units would
 * share a file name, or memory runs out. */
struct split *split_open(const struct rules *rules, const struct split_options *o);

/* The reporter to give audit_run (with its tap). */
struct reporter *split_reporter(struct split *s);

/* Closes every file and writes to `list` one line per file written, with
 * its counts, and the units that had no runs. 0, or -1 when a file could not
 * be opened or written (reported). */
int split_close(struct split *s, FILE *list);
void split_free(struct split *s);

/* The file name a unit's report is written to: its code with each byte
 * other than a letter, digit, '-', '_' or '.' (and a leading '.') as '_',
 * then '.' and ext ("Access Services" -> "Access_Services.txt"). */
void split_file_name(const char *code, const char *ext, char *buf, size_t size);

#endif
