/* filter: which runs a report shows (spec section 4): --job, --user,
 * --unit, --finding, --min-records, --status, --grep, --id. A repeated option
 * widens (any of its values); different options narrow (all must hold).
 *
 * Filters take the names people use: --job a job id, a job's title or a
 * pattern on the instance name; --user an Alma id, a full name in either
 * order, or a part of a name (whole words: a surname) that picks out
 * people; --unit one of the units of a staff unit cell. A value that
 * matches nothing known is an error: filter_resolve reports the values the
 * rules alone can judge (before anything is read); filter_seen records,
 * for the others, whether some row read matched them, and filter_miss
 * names those that matched nothing (after reading), so that a typo never
 * reads as an all-clear.
 *
 * struct filter owns its values, patterns and what filter_seen records;
 * filter_free releases them. filter_seen writes only into the values (the
 * record of the inputs), which is why it takes the filter as const. */
#ifndef ALMAUDIT_FILTER_H
#define ALMAUDIT_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "hmap.h"
#include "match.h"
#include "rules.h"
#include "run.h"
#include "verdict.h"

enum filter_opt {
	FILTER_JOB,
	FILTER_USER,
	FILTER_UNIT,
	FILTER_FINDING,
	FILTER_MIN_RECORDS,
	FILTER_STATUS,
	FILTER_GREP,
	FILTER_ID,
	FILTER_OPTS
};

/* How a --user value names people. */
enum filter_user_how {
	FILTER_USER_PART, /* words of a name (or an id only the inputs know) */
	FILTER_USER_ID,	  /* an Alma id in staff.csv */
	FILTER_USER_NAME  /* a name or alias in staff.csv, either order */
};

/* People a report names for one --user value; the rest are counted. */
#define FILTER_NAMED 5

struct filter_value {
	char *text;
	struct pattern *pattern; /* --job not naming a job id or title, --grep */
	uint64_t id;		 /* --id */
	char key[128];		 /* --user: the name key; --status: the code */
	int *items;		 /* --job: the jobs named by id or title; --user: */
	size_t nitems;		 /* the staff people the rules pick out */
	enum filter_user_how how;
	int known; /* the rules know the value: no row need confirm it */
	/* what filter_seen records (values the rules alone cannot judge) */
	int hit;	     /* some row read matched the value */
	int *found;	     /* --user: staff people matched only through the */
	size_t nfound;	     /* export's id or name */
	struct hmap others;  /* --user: people not in staff.csv it matched, as the
				export wrote them; value: order of first sight */
	char near[128];	     /* the value seen in the inputs nearest to it */
	size_t near_distance; /* SIZE_MAX: none yet */
	/* the config file and line the value came from (its errors name
	 * them), or NULL and 0; the caller's strings, set after filter_add */
	const char *origin;
	long origin_line;
};

struct filter {
	struct filter_value *values[FILTER_OPTS];
	size_t count[FILTER_OPTS];
	unsigned findings;   /* --finding kinds; 0: any */
	int64_t min_records; /* -1: any */
	int track;	     /* some value needs the rows to be judged */
};

void filter_init(struct filter *f);
void filter_free(struct filter *f);

/* Adds an option's value. Reports a bad one (an unknown finding kind, a
 * pattern that does not compile) and returns -1. */
int filter_add(struct filter *f, enum filter_opt opt, const char *arg);

/* Resolves the values against the rules once they are loaded: job ids and
 * titles, people, units. Reports each value the rules show to be wrong (a
 * --unit no one is in, a --job that is no id or title and no pattern) with
 * the nearest known value, and returns -1; else 0. rules may be NULL (then
 * values stay patterns and names, and nothing is checked). */
int filter_resolve(struct filter *f, const struct rules *rules);

/* Records, for the values the rules alone cannot confirm, whether the run
 * (any row read: any environment, any time, whatever the other filters
 * say) matches them; and for --user, who the value picked out. */
void filter_seen(const struct filter *f, const struct rules *rules, const struct run *run);

/* After reading: the i-th value (i = 0, 1, ...) that matched nothing the
 * rules or the inputs know, as a message ("--user 'Lovlace' matched no one
 * in staff.csv or the inputs (did you mean 'Ada Lovelace'?)") written into
 * buf (which may be NULL). Returns 1, or 0 when there is no i-th; f may be
 * NULL. */
int filter_miss(const struct filter *f, const struct rules *rules, size_t i, char *buf,
		size_t size);

/* The known value nearest to value v of a --job or --user filter (opt) that
 * matched nothing, for "did you mean", as filter_miss suggests it: a job id
 * or title of jobs.csv; a person of staff.csv, by the whole name or one of
 * its words (a surname), or a name the inputs wrote. NULL when none is
 * close; the text may be written into buf. For a command that reads only
 * the rules (review) as for audit and runs. */
const char *filter_suggest(const struct filter_value *v, enum filter_opt opt,
			   const struct rules *rules, char *buf, size_t size);

/* Reports each miss with diag_error; returns how many there are. */
size_t filter_report_misses(const struct filter *f, const struct rules *rules);

/* Who the i-th --user value was taken to mean, for report headers: returns
 * the value as given (NULL when there is no i-th; f may be NULL) and writes
 * the people into buf ("Ada Lovelace (ITS); Lovelace, Byron (not in
 * staff.csv)", at most FILTER_NAMED of them and "and N more"), or "" when
 * it matched no one (a miss). */
const char *filter_user_means(const struct filter *f, const struct rules *rules, size_t i,
			      char *buf, size_t size);

/* 1 when the run, with its verdict (NULL for a system or sandbox run), is
 * shown; 0 when not; -1 when a pattern hit its limit. */
int filter_match(const struct filter *f, const struct rules *rules, const struct run *run,
		 const struct verdict *v);

/* filter_match whatever the run's findings (--finding aside): 1 when the
 * run is one the filters ask about (a warning about an approved run then
 * concerns the report), 0 when not, -1 when a pattern hit its limit. */
int filter_concerns(const struct filter *f, const struct rules *rules, const struct run *run,
		    const struct verdict *v);

/* 1 when the filters hide the run only for want of its size: a run whose
 * size is unknown (v has unknown-size: no record count, or a count so far
 * of a run not finished) that filter_match hides and would show were it
 * large (read as damaging-large-set too, and on --min-records), when
 * --finding damaging-large-set or --min-records asks about size: the
 * filters cannot say it is not one of those asked for (audit.c says so,
 * and the exit status is 1). 0 when not; -1 when a pattern hit its limit. */
int filter_undecided(const struct filter *f, const struct rules *rules, const struct run *run,
		     const struct verdict *v);

#endif
