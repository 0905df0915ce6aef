#include "pagecount.h"

#include "grow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void pagecount_object(struct pagecount *pc)
{
	pc->page_total = -2; /* not given yet */
	pc->page_given = 0;
	pc->page_nids = 0;
	pc->page_job[0] = '\0';
}

void pagecount_total(struct pagecount *pc, const char *s, size_t n)
{
	if (pc->page_total != -2)
		return; /* the first one counts */
	long long v = 0;
	size_t i = 0, digits = 0;
	while (i < n && s[i] == ' ')
		i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9' && digits < 15; i++, digits++)
		v = v * 10 + (s[i] - '0');
	while (i < n && s[i] == ' ')
		i++;
	pc->page_total = digits && i == n ? v : -1;
}

/* An instance id's key: its value when it is digits (Alma's are), else a
 * hash of its bytes (FNV-1a, top bit set). */
static uint64_t id_key(const char *s, size_t n)
{
	uint64_t v = 0, h = 0xcbf29ce484222325ull;
	while (n && (*s == ' ' || *s == '\t')) /* as the audit trims a cell */
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	size_t i = 0;
	for (; i < n && n <= 19 && s[i] >= '0' && s[i] <= '9'; i++)
		v = v * 10 + (uint64_t)(s[i] - '0');
	if (i == n)
		return v;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	return h | 1ull << 63;
}

unsigned pagecount_instance(struct pagecount *pc, const char *id, size_t idn, const char *job,
			    size_t n, int paged)
{
	/* an id not kept (none, or out of memory) counts as a run of its own */
	if (paged && idn &&
	    grow_array((void **)&pc->page_ids, &pc->page_idcap, pc->page_nids + 1,
		       sizeof *pc->page_ids) == 0)
		pc->page_ids[pc->page_nids++] = id_key(id, idn);
	if (pc->page_given++ || !job || !paged)
		return pc->exports;
	snprintf(pc->page_job, sizeof pc->page_job, "%.*s", (int)n, job);
	if (strcmp(pc->page_job, pc->last_job) == 0)
		return pc->exports; /* the job's next page */
	memcpy(pc->last_job, pc->page_job, sizeof pc->last_job);
	for (size_t i = 0; i < pc->nseen; i++)
		if (strcmp(pc->seen[i], pc->page_job) == 0) {
			pc->exports++; /* a job this export gave already: the next export */
			pc->nseen = 0;
			break;
		}
	if (pc->nseen < PAGECOUNT_SEEN)
		memcpy(pc->seen[pc->nseen++], pc->page_job, PAGECOUNT_JOB_MAX);
	return pc->exports;
}

/* The group ends: kept when it gave other than its total. */
static void group_end(struct pagecount *pc)
{
	if (!pc->open)
		return;
	pc->open = 0;
	if ((long long)pc->given == pc->total)
		return;
	if (pc->bad++)
		return;
	pc->bad_line = pc->line;
	pc->bad_total = pc->total;
	pc->bad_given = pc->given;
	pc->bad_twice = pc->twice;
	memcpy(pc->bad_job, pc->job, sizeof pc->job);
}

/* 1 when the page is the group's last page again: its runs, in order. */
static int last_again(const struct pagecount *pc)
{
	return pc->page_nids && pc->page_nids == pc->page_given && pc->page_nids == pc->last_n &&
	       memcmp(pc->page_ids, pc->last_ids, pc->last_n * sizeof *pc->last_ids) == 0;
}

void pagecount_page(struct pagecount *pc, long line)
{
	if (pc->page_total < 0)
		return; /* no total said: nothing to hold it to */
	if (pc->page_total == 0 && pc->page_given == 0)
		return; /* an empty history, whole */
	/* a page is of the group before it when of its total and, if it has
	 * instances, of its job while the group is not whole yet (a page after
	 * a whole one is the next query's; one without instances, an offset
	 * past the end, adds nothing) */
	int same = pc->open && pc->total == pc->page_total &&
		   (!pc->page_given ||
		    ((long long)pc->given < pc->total && strcmp(pc->job, pc->page_job) == 0));
	if (!same && pc->open && pc->total == pc->page_total &&
	    strcmp(pc->job, pc->page_job) == 0 && last_again(pc)) {
		pc->twice += pc->page_nids; /* a page of the whole group again */
		return;
	}
	if (!same) {
		group_end(pc);
		pc->open = 1;
		pc->total = pc->page_total;
		pc->given = pc->twice = 0;
		pc->line = line;
		memcpy(pc->job, pc->page_job, sizeof pc->job);
		if (pc->has_ids)
			idmap_free(&pc->ids);
		idmap_init(&pc->ids);
		pc->has_ids = 1;
	}
	/* the page's runs the group has not given yet (ids not kept: each new) */
	size_t again = 0;
	for (size_t i = 0; i < pc->page_nids; i++) {
		uint32_t *v = idmap_put(&pc->ids, pc->page_ids[i]);
		if (v)
			again += (*v)++ != 0;
	}
	pc->given += pc->page_given - again;
	pc->twice += again;
	/* kept to tell the page again (not kept: none will be told) */
	pc->last_n = 0;
	if (grow_array((void **)&pc->last_ids, &pc->last_cap, pc->page_nids,
		       sizeof *pc->last_ids) == 0 && pc->page_nids) {
		memcpy(pc->last_ids, pc->page_ids, pc->page_nids * sizeof *pc->last_ids);
		pc->last_n = pc->page_nids;
	}
	if (!pc->job[0])
		memcpy(pc->job, pc->page_job, sizeof pc->job);
}

int pagecount_end(struct pagecount *pc, long *line, char *msg, size_t size)
{
	group_end(pc);
	if (!pc->bad)
		return 0;
	*line = pc->bad_line;
	char job[PAGECOUNT_JOB_MAX + 8] = "";
	if (pc->bad_job[0])
		snprintf(job, sizeof job, " of %s", pc->bad_job);
	char more[64] = "", twice[96] = "";
	if (pc->bad > 1)
		snprintf(more, sizeof more, " (and %zu more queries' pages below)", pc->bad - 1);
	if (pc->bad_twice)
		snprintf(twice, sizeof twice,
			 " (and %zu again: a page saved twice, or pages that overlap)",
			 pc->bad_twice);
	if ((long long)pc->bad_given < pc->bad_total)
		snprintf(msg, size,
			 "the page%s says %lld runs; this file gives %zu of them%s: the rest of "
			 "the job's history is missing; page through with offset, or use "
			 "almaudit fetch%s",
			 job, pc->bad_total, pc->bad_given, twice, more);
	else
		snprintf(msg, size,
			 "the page%s says %lld runs; this file gives %zu: the job's history "
			 "moved while it was paged (runs may be missing or given twice); use "
			 "almaudit fetch%s",
			 job, pc->bad_total, pc->bad_given, more);
	return -1;
}

void pagecount_free(struct pagecount *pc)
{
	free(pc->page_ids);
	pc->page_ids = NULL;
	free(pc->last_ids);
	pc->last_ids = NULL;
	pc->last_n = pc->last_cap = 0;
	pc->page_nids = pc->page_idcap = 0;
	if (pc->has_ids)
		idmap_free(&pc->ids);
	pc->has_ids = 0;
}
