/* summary: the bounded aggregates of an audit that the text, html and email
 * reports print and the json summary carries: counts by finding kind, the
 * first --limit findings of each kind by time, then run id (whatever order
 * they come in, never more kept), counts
 * by person, job and unit, and runs per day. Memory is bounded by design:
 * the people of staff.csv, the jobs of jobs.csv and the units are bounded by
 * the rules and always kept one row each; the open-ended labels, people not
 * in staff.csv and the names of unlisted jobs, are kept one row each for the
 * first SUMMARY_KEEP distinct labels of each table, and any label first seen
 * after them is counted in that table's "others" row (exact sums, no row of
 * its own). Days are kept sparse: one entry per day that has runs, and so
 * are months (runs audited, runs with findings and findings by kind per
 * local month, for the month table of a report spanning months). struct
 * summary owns every string in it; summary_free releases them. */
#ifndef ALMAUDIT_SUMMARY_H
#define ALMAUDIT_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "hmap.h"
#include "period.h"
#include "rules.h"
#include "run.h"
#include "verdict.h"

struct summary_kept {
	uint64_t id;
	int64_t time, records;
	char *job;    /* job id, or the job name of an unlisted job */
	char *person; /* "Name (UNIT)", or the export's name for someone unknown */
	char *status;
	char *detail;
	char *name; /* the instance name */
	char *set;  /* the set name */
	int kind;   /* the finding kind (an enum finding_kind) */
	int waiver; /* the waiver that covers it (index in rules->waivers), or -1 */
	int is_new; /* with --baseline: 1 new, 0 recurring (else 0, unread) */
	uint64_t seq; /* the order it came in, after time and run id */
};

struct summary_row {
	char *label; /* owned, except the "others" rows' labels (static) */
	uint64_t count[FIND_COUNT];
	uint64_t runs;
};

/* The audited runs of a local day that has any, and how many of them had
 * findings shown. */
struct summary_day {
	int64_t day; /* days since 1970 */
	uint64_t runs, flagged;
};

/* A local month that has audited runs or findings shown: month is
 * year * 12 + month - 1 ("2026-10" is 2026 * 12 + 9). */
struct summary_month {
	int64_t month;
	uint64_t runs, flagged; /* runs audited; of them, runs with findings shown */
	uint64_t count[FIND_COUNT];
};

/* A run of a damaging job, for the largest-damaging-runs chart. */
#define SUMMARY_DAMAGING 10
struct summary_damaging {
	uint64_t id;
	int64_t records, threshold;
	char job[64], person[96];
};

/* People not in staff.csv, and names of unlisted jobs, kept one row each
 * before the rest fold into "others". */
#define SUMMARY_KEEP 10000

struct summary {
	size_t limit;	 /* findings kept per kind */
	size_t keep;	 /* open-ended labels kept per table (SUMMARY_KEEP) */
	uint64_t runs;	 /* runs with findings reported */
	uint64_t kinds[FIND_COUNT];
	struct summary_kept *kept[FIND_COUNT]; /* by time after summary_sort (a heap before) */
	size_t nkept[FIND_COUNT], ckept[FIND_COUNT]; /* kept, and room */
	struct hmap people_at, jobs_at, units_at; /* label -> index */
	struct summary_row *people, *jobs, *units;
	size_t npeople, njobs, nunits, cpeople, cjobs, cunits; /* rows, and room */
	size_t kept_people, kept_jobs; /* rows with open-ended labels */
	/* the open-ended labels past `keep`, summed: runs == 0 and no count
	 * when none was folded */
	struct summary_row people_others, jobs_others;
	struct summary_day *days; /* the days with runs; by date after summary_sort */
	size_t ndays, cdays;
	struct idmap days_at; /* day -> index in days + 1, until summary_sort */
	size_t last_day;      /* index of the day of the last run counted */
	struct summary_month *months; /* the months with runs; by month after summary_sort */
	size_t nmonths, cmonths;
	struct idmap months_at; /* month -> index in months + 1, until summary_sort */
	size_t last_month;      /* index of the month of the last run counted */
	struct summary_damaging damaging[SUMMARY_DAMAGING]; /* most records first */
	size_t ndamaging;
	int failed; /* out of memory: the tables are short (counts by kind are whole) */
	/* waived findings: counted by kind, not in runs or the tables above;
	 * the first `limit` kept; the findings each waiver covered */
	uint64_t waived[FIND_COUNT];
	uint64_t waived_new[FIND_COUNT]; /* of them, new against --baseline */
	struct summary_kept *waived_kept; /* by time after summary_sort (a heap before) */
	size_t nwaived_kept, cwaived_kept;
	uint64_t *covered; /* [waiver index], NULL until a finding is waived */
	size_t ncovered;
	/* the rows of the rules' people (their units; the unit of people not
	 * in staff.csv last) and jobs found so far, by index: row index + 1,
	 * 0 until found; for cache_rules only */
	const struct rules *cache_rules;
	uint32_t *person_row, *unit_row, *job_row;
	/* the month of the last local day counted */
	int64_t month_day, month_value;
	int month_known;
	uint64_t seq; /* findings offered to the kept, for their order */
};

void summary_init(struct summary *s, size_t limit);
void summary_free(struct summary *s);

/* Counts the finding kinds shown for a run; new_kinds: those of them new
 * against --baseline (the others recurring; 0 without one); new_run: the
 * first shown for it (a run is counted once however many copies add
 * kinds). */
void summary_add(struct summary *s, const struct rules *rules, const struct run *run,
		 const struct verdict *v, unsigned kinds, unsigned new_kinds, int new_run);

/* Counts a finding of the kind that the waiver (an index in
 * rules->waivers) covers: waived, not among the runs with findings;
 * is_new: new against --baseline. */
void summary_waive(struct summary *s, const struct rules *rules, const struct run *run,
		   const struct verdict *v, enum finding_kind kind, int waiver, int is_new);

/* The findings waiver i covered (0 when none). */
uint64_t summary_covered(const struct summary *s, size_t i);

/* Counts one distinct audited run by its local day; summary_flag marks it
 * as having findings shown (once per run). */
void summary_audited(struct summary *s, const struct run *run);
void summary_flag(struct summary *s, const struct run *run);

/* Offers a copy of a run of a damaging job to the largest damaging runs
 * (a run is kept once, with its largest record count). */
void summary_damaging(struct summary *s, const struct rules *rules, const struct run *run,
		      const struct verdict *v);

/* 1 when summary_damaging counts the run at all: a run of a damaging job
 * with a record count. */
int summary_is_damaging(const struct rules *rules, const struct run *run,
			const struct verdict *v);

/* The labels a run is counted under ("Honor Moody (ITS)", "batch-item-withdrawals"). */
void summary_person(char *buf, size_t size, const struct rules *rules, const struct run *run,
		    const struct verdict *v);
void summary_job(char *buf, size_t size, const struct rules *rules, const struct run *run,
		 const struct verdict *v);

/* The unit a run is counted under ("ITS"; "(not in staff.csv)"). */
void summary_unit(char *buf, size_t size, const struct rules *rules, const struct verdict *v);

/* 1 when an "others" row counts anything (some label was folded into it). */
int summary_folded(const struct summary_row *others);

/* What an "others" row holds, in a sentence for the reports ("Only the
 * first 10,000 people not in staff.csv have a row each; ..."). */
void summary_others_note(char *buf, size_t size, const struct summary *s,
			 const struct summary_row *others);

/* The months of the month table, first and last inclusive (year * 12 +
 * month - 1): the period's first and last month, an open end taken from
 * the months with runs audited or findings. Returns 1 when they are two
 * months or more (the reports then add the table), else 0. Call after
 * summary_sort. */
int summary_month_span(const struct summary *s, const struct period *p, int64_t *first,
		       int64_t *last);

/* The entry of a month, or NULL when the month had no runs (all zero);
 * after summary_sort. */
const struct summary_month *summary_month_get(const struct summary *s, int64_t month);

/* A row of the month table: one month (first == last), or a stretch of
 * more than SUMMARY_MONTH_GAP months in a row with no runs (e NULL), so
 * that the table's length follows the months with runs, not the span
 * (two runs 8,000 years apart make three rows). */
#define SUMMARY_MONTH_GAP 12
struct summary_month_row {
	int64_t first, last;
	const struct summary_month *e; /* NULL: no runs in these months */
};

/* The next row of the month table from *at (start it at the span's first
 * month) up to last: fills row, moves *at past it and returns 1; 0 when
 * *at is past last. After summary_sort. */
int summary_month_next(const struct summary *s, int64_t *at, int64_t last,
		       struct summary_month_row *row);

/* "2026-10" for a month (year * 12 + month - 1); buf >= 16 bytes. */
const char *summary_month_name(int64_t month, char *buf, size_t size);

/* A view of s that shows at most rows rows per table (the findings of
 * each kind, the waived, the summary tables): a copy of the struct that
 * shares s's memory, read-only, never freed, valid while s is (the email
 * shows fewer rows to stay within a mail reader's size). */
void summary_view(const struct summary *s, size_t rows, struct summary *view);

/* The rows sorted by runs, most first (ties by label); the days and the
 * months by date; the findings kept by time, then run id.
 * The "others" rows stay apart, to be printed after the kept rows. */
void summary_sort(struct summary *s);

#endif
