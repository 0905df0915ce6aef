/* summary: the bounded aggregates of an audit that the text, html and email
 * reports print and the json summary carries: counts by finding kind, the
 * first --limit findings of each kind, and counts by person and by job.
 * Memory grows with the people and jobs seen, never with rows. struct
 * summary owns every string in it; summary_free releases them. */
#ifndef ALMAUDIT_SUMMARY_H
#define ALMAUDIT_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "hmap.h"
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
};

struct summary_row {
	char *label;
	uint64_t count[FIND_COUNT];
	uint64_t runs;
};

/* One audited run per local day, and how many of them had findings shown. */
struct summary_day {
	int64_t day; /* days since 1970 */
	uint64_t runs, flagged;
};

/* A run of a damaging job, for the largest-damaging-runs chart. */
#define SUMMARY_DAMAGING 10
struct summary_damaging {
	uint64_t id;
	int64_t records, threshold;
	char job[64], person[96];
};

struct summary {
	size_t limit;	 /* findings kept per kind */
	uint64_t runs;	 /* runs with findings reported */
	uint64_t kinds[FIND_COUNT];
	struct summary_kept *kept[FIND_COUNT];
	size_t nkept[FIND_COUNT];
	struct hmap people_at, jobs_at, units_at; /* label -> index */
	struct summary_row *people, *jobs, *units;
	size_t npeople, njobs, nunits;
	struct summary_day *days; /* one per day from the first seen, dense */
	size_t ndays;
	struct summary_damaging damaging[SUMMARY_DAMAGING]; /* most records first */
	size_t ndamaging;
	int failed; /* out of memory: the aggregates are short */
};

void summary_init(struct summary *s, size_t limit);
void summary_free(struct summary *s);

/* Counts the finding kinds shown for a run; new_run: the first shown for
 * it (a run is counted once however many copies add kinds). */
void summary_add(struct summary *s, const struct rules *rules, const struct run *run,
		 const struct verdict *v, unsigned kinds, int new_run);

/* Counts one distinct audited run by its local day; summary_flag marks it
 * as having findings shown (once per run). */
void summary_audited(struct summary *s, const struct run *run);
void summary_flag(struct summary *s, const struct run *run);

/* Offers a copy of a run of a damaging job to the largest damaging runs
 * (a run is kept once, with its largest record count). */
void summary_damaging(struct summary *s, const struct rules *rules, const struct run *run,
		      const struct verdict *v);

/* The labels a run is counted under ("Honor Moody (ITS)", "batch-item-withdrawals"). */
void summary_person(char *buf, size_t size, const struct rules *rules, const struct run *run,
		    const struct verdict *v);
void summary_job(char *buf, size_t size, const struct rules *rules, const struct run *run,
		 const struct verdict *v);

/* The unit a run is counted under ("ITS"; "(not in staff.csv)"). */
void summary_unit(char *buf, size_t size, const struct rules *rules, const struct verdict *v);

/* The rows sorted by runs, most first (ties by label); the days by date. */
void summary_sort(struct summary *s);

#endif
