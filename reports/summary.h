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
};

struct summary_row {
	char *label;
	uint64_t count[FIND_COUNT];
	uint64_t runs;
};

struct summary {
	size_t limit;	 /* findings kept per kind */
	uint64_t runs;	 /* runs with findings reported */
	uint64_t kinds[FIND_COUNT];
	struct summary_kept *kept[FIND_COUNT];
	size_t nkept[FIND_COUNT];
	struct hmap people_at, jobs_at; /* label -> index */
	struct summary_row *people, *jobs;
	size_t npeople, njobs;
	int failed; /* out of memory: the aggregates are short */
};

void summary_init(struct summary *s, size_t limit);
void summary_free(struct summary *s);

/* Counts one reported run with the finding kinds shown. */
void summary_add(struct summary *s, const struct rules *rules, const struct run *run,
		 const struct verdict *v, unsigned kinds);

/* The labels a run is counted under ("Honor Moody (ITS)", "batch-item-withdrawals"). */
void summary_person(char *buf, size_t size, const struct rules *rules, const struct run *run,
		    const struct verdict *v);
void summary_job(char *buf, size_t size, const struct rules *rules, const struct run *run,
		 const struct verdict *v);

/* The rows sorted by runs, most first (ties by label). */
void summary_sort(struct summary *s);

#endif
