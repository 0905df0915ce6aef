/* fields: what the renderers say the same way whatever their format: the
 * columns of a finding (csv and json, spec section 5) and their values, a
 * start in the --tz zone, a waiver cited as file:line, what a unit's
 * report says of itself, and the lines of the header every format has
 * (identity, coverage, sandbox runs set aside, cells not read). Below the renderers, above the interface
 * (reporter.h). Each writes into the caller's struct or buffer and borrows
 * the finding or info it reads; nothing is allocated. */
#ifndef ALMAUDIT_FIELDS_H
#define ALMAUDIT_FIELDS_H

#include <stddef.h>
#include <stdint.h>

#include "reporter.h"

/* The columns of a finding in csv and json (spec section 5). */
#define REPORT_COLUMNS 15
extern const char *const report_columns[REPORT_COLUMNS];

struct report_fields {
	const char *value[REPORT_COLUMNS];
	char id[24], time[32], records[24];
	/* the start in the --tz zone, "2026-10-14 16:43:07" ("" when unknown):
	 * csv's last column start_local, json's key of that name */
	char local[32];
};

/* Fills the column values of a finding ("" for what is unknown); they
 * point into out and into the finding. */
void report_fields(struct report_fields *out, const struct report_finding *f);

/* The trend against --baseline of kind k's findings as the report's tables
 * show them, those no waiver covers: new and recurring (*fresh, *recurring);
 * and of the waived ones, listed apart (*wnew, *wrecurring). All 0 without
 * a baseline. */
void report_trend(const struct report_info *info, int k, uint64_t *fresh, uint64_t *recurring,
		  uint64_t *wnew, uint64_t *wrecurring);

/* A waived finding's waiver as csv cites it, "waivers.csv:4", into buf
 * ("" when not waived). */
const char *report_waiver_cite(const struct report_finding *f, char *buf, size_t size);

/* "2026-10-14 16:43:07": instant t in the --tz zone, as a spreadsheet
 * reads a date and time; "" for TIME_NONE. buf >= 32 bytes. */
const char *report_local_time(int64_t t, char *buf, size_t size);

/* What a unit's report says of itself, as text: "GUT, Gutman Library: the
 * runs of its people only: 12 of 1,234 runs audited" (which), and "4 runs
 * with findings by people not in staff.csv are in all.txt" (which = 1; ""
 * when there are none). */
void report_unit_text(const struct report_info *info, int which, char *buf, size_t size);

/* What the header says of the identity join (joins.h): "231 of 244
 * manual runs matched to a person in staff.csv (13 not)"; "" when no
 * manual run of a listed job was judged. */
const char *report_identity_text(const struct report_info *info, char *buf, size_t size);

/* What the header says of the coverage join: "in part: no production
 * export reaches 2026-10-01 to 2026-10-24 (24 days)", "no runs that day:
 * the inputs reach it, and hold none"; "" when the period is covered (or
 * not at all: that is t->uncovered). */
const char *report_coverage_text(const struct report_info *info, char *buf, size_t size);

/* The sandbox runs that were no evidence: "12 dated before the sandbox
 * refresh of 2026-04-01, set aside (...); 3 with a production run's id
 * (copies, not tests)"; "" when none. */
const char *report_sandbox_text(const struct tally *t, char *buf, size_t size);

/* The runs judged approved pending a set no one knows (only approvals
 * limited to sets could hold), for one why (enum run_set_unknown): "2 runs
 * whose set is unknown (the instance name names none) judged approved by
 * approvals limited to sets: check them against their reports in Alma
 * (runs --explain)"; the why reads "ui.csv has no set_name column" or
 * "their set_name cell is empty" for a CSV. "" when no run is so. A warning
 * every format gives after its Sets line, one for each why. */
const char *report_sets_unknown(const struct tally *t, int why, char *buf, size_t size);

/* "3 cells not read, their runs judged without them: total_records 2,
 * type 1"; "" when every cell was read. */
const char *report_cells_text(const struct tally *t, char *buf, size_t size);

#endif
