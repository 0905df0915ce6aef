/* pagecount: whether the pages of the Alma API's job instances in one input
 * hold the whole of what they say (spec section 1.1). A page says how many
 * runs its query has (total_record_count); the pages of one query come one
 * after another (almaudit fetch writes one page a line), so consecutive
 * pages whose instances are of one job (job_info.id) with the same total
 * are one query's (until they have given the total: a page after that is
 * the next query's): when that group ends (a page of another job or total,
 * or the input's end) the distinct runs its pages gave (by instance id: a
 * page saved twice, or pages that overlap, give some twice) must be the
 * total; a page of the group's job and total that is its last page again
 * (the same runs in the same order: a request retried, both kept) is of
 * the group, not a next query's. Fewer (one page saved by hand: Alma's default limit is 10) is
 * history missing; more is history that moved while it was paged. A page
 * of total 0 without instances is none of this. The first group that falls
 * short or over is kept, with its page's line, for instances.c to report
 * as the input's damage. A struct pagecount, zeroed to start, owns the ids
 * of the page being read and of the group so far (a few bytes a run of one
 * query, dropped when the group ends); pagecount_free releases them. */
#ifndef ALMAUDIT_PAGECOUNT_H
#define ALMAUDIT_PAGECOUNT_H

#include <stddef.h>
#include <stdint.h>

#include "hmap.h"

#define PAGECOUNT_JOB_MAX 64 /* the job id kept (Alma's are under 20 bytes) */
#define PAGECOUNT_SEEN 256   /* the jobs of one export kept to tell the next */

struct pagecount {
	/* the page being read */
	long long page_total; /* its total_record_count; -1 none or not a count */
	size_t page_given;    /* its instances */
	uint64_t *page_ids;   /* the keys of its instances' ids */
	size_t page_nids, page_idcap;
	char page_job[PAGECOUNT_JOB_MAX]; /* its first instance's job_info.id */
	/* the group of pages so far */
	int open;
	long long total;
	size_t given; /* distinct runs */
	size_t twice; /* instances of a run the group gave before */
	struct idmap ids; /* the keys of the runs given, each value 1 */
	uint64_t *last_ids; /* the keys of its last page, in their order */
	size_t last_n, last_cap;
	int has_ids;
	long line; /* its first page's */
	char job[PAGECOUNT_JOB_MAX];
	/* the first group that fell short or over, and how many did */
	size_t bad;
	long bad_line;
	long long bad_total;
	size_t bad_given, bad_twice;
	char bad_job[PAGECOUNT_JOB_MAX];
	/* the exports: fetch writes a job's pages together, each job once; a
	 * page of another job than the page before it, of a job an earlier
	 * page of this export gave, starts the next export (two fetch outputs
	 * joined in one file); the jobs seen in this export, up to
	 * PAGECOUNT_SEEN (past it, no further export is told) */
	unsigned exports;
	char last_job[PAGECOUNT_JOB_MAX];
	char seen[PAGECOUNT_SEEN][PAGECOUNT_JOB_MAX];
	size_t nseen;
};

/* An object that may be a page opens: its counts start. */
void pagecount_object(struct pagecount *pc);

/* The object's total_record_count, as the JSON gave it (a number, or a
 * string of digits); the first one counts. */
void pagecount_total(struct pagecount *pc, const char *s, size_t n);

/* An instance of the object ended: id (idn bytes; none when idn is 0) its
 * id, job its job_info.id (NULL: none); paged, 1 when it is in a page's
 * job_instance (an instance alone, in a top-level array or one a line,
 * starts no export: such a list is in any order). Returns the export it is
 * of (0 the first: see exports above). */
unsigned pagecount_instance(struct pagecount *pc, const char *id, size_t idn, const char *job,
			    size_t n, int paged);

/* The object ended as a page (it had job_instance or total_record_count),
 * begun at line. */
void pagecount_page(struct pagecount *pc, long line);

/* The input ended: the last group ends. 0 when every group gave its total;
 * else -1, *line the page of the first that did not, and msg (size bytes)
 * saying what it gave and what to do. */
int pagecount_end(struct pagecount *pc, long *line, char *msg, size_t size);

void pagecount_free(struct pagecount *pc);

#endif
