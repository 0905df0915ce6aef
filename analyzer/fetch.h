/* fetch: the job history walked through the Alma API (almaapi.h) and
 * written as gzip JSON (gzout.h). First the jobs are listed (GET
 * /almaws/v1/conf/jobs, per type: MANUAL and OTHER, SCHEDULED too with
 * all_types; paged by FETCH_LIMIT), then each job's instances submitted
 * between from and to (GET .../jobs/{id}/instances, paged), every page of
 * instances written as it came followed by a newline, in the order of the
 * listing and then of the offsets, whatever order the answers come in
 * (FETCH_PARALLEL at once, at most FETCH_WINDOW pages held). The listing
 * pages are read for their ids, not written; a listing of no jobs at all
 * is an error. Each page is checked against the first of its series: the
 * same total_record_count, as many items as are due at its offset, and no
 * item id that an earlier page of the series gave (a set of the series'
 * ids, freed when the next series begins); else the history moved while
 * it was read. A page that holds the API key is not written. The first
 * failure ends the walk, reported with the job (or the listing) and the
 * offset, the key taken out of the message. fetch_run owns everything it
 * makes and frees it before it returns; the gzout and its FILE are the
 * caller's. */
#ifndef ALMAUDIT_FETCH_H
#define ALMAUDIT_FETCH_H

#include <stddef.h>

#include "gzout.h"

#define FETCH_LIMIT 100	  /* items a page: the API's largest */
#define FETCH_PARALLEL 4  /* requests at once */
#define FETCH_RATE 20	  /* requests started a second: under the API's 25 */
#define FETCH_ATTEMPTS 5  /* tries of a request */
#define FETCH_WINDOW 8	  /* pages asked for and not yet written */
#define FETCH_MAX_TOTAL 10000000 /* a total_record_count beyond it is no count */

struct fetch_stats {
	size_t types;		      /* job types listed */
	size_t jobs;		      /* jobs listed so far */
	size_t jobs_done;	      /* jobs whose instances are all written */
	unsigned long long instances; /* instances written */
	size_t pages;		      /* pages of instances written */
	long requests, retries;	      /* HTTP requests sent; of them retries */
	int listing;		      /* 1 while the jobs are being listed */
};

struct fetch_config {
	const char *base, *key, *agent; /* as almaapi_config's */
	const char *from, *to;		/* submit_date_from/_to, YYYY-MM-DD; NULL: none */
	int all_types;			/* SCHEDULED jobs too */
	long stall;			/* seconds without a byte: a stalled request */
	double backoff;			/* the first retry's wait, seconds */
	/* called as the walk goes (may be NULL); with s NULL before a message
	 * is written, to clear a progress line */
	void (*progress)(const struct fetch_stats *s, void *arg);
	void *arg;
};

/* What a person reads of the walk, every count with its thousands
 * separators and its singular: the progress line ("jobs 3 of 140, 4,310
 * instances, 1,020 requests, 2 retries"; "listing jobs: 140 so far, ..."
 * while the jobs are listed) and the summary ("140 jobs, 4,310 instances,
 * 157 requests, 2 retries, 8.4 s"). Each writes buf and returns it. */
const char *fetch_progress_text(const struct fetch_stats *s, char *buf, size_t size);
const char *fetch_summary_text(const struct fetch_stats *s, double secs, char *buf, size_t size);

/* Walks the API and writes the pages to out. 0, or -1 (reported, naming
 * the job or the listing and the offset). *s holds the counts either way. */
int fetch_run(const struct fetch_config *c, struct gzout *out, struct fetch_stats *s);

#endif
