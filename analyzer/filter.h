/* filter: which runs a report shows (spec section 4): --job, --user,
 * --unit, --finding, --min-records, --status, --grep, --id. A repeated option
 * widens (any of its values); different options narrow (all must hold).
 * struct filter owns its values and patterns; filter_free releases them. */
#ifndef ALMAUDIT_FILTER_H
#define ALMAUDIT_FILTER_H

#include <stddef.h>
#include <stdint.h>

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

struct filter_value {
	char *text;
	struct pattern *pattern; /* --job not naming a job id, --grep */
	int index;		 /* --job: a job id's index; --user: a person; else -1 */
	uint64_t id;		 /* --id */
	char key[128];		 /* --user: the name key; --status: the code */
};

struct filter {
	struct filter_value *values[FILTER_OPTS];
	size_t count[FILTER_OPTS];
	unsigned findings;   /* --finding kinds; 0: any */
	int64_t min_records; /* -1: any */
};

void filter_init(struct filter *f);
void filter_free(struct filter *f);

/* Adds an option's value. Reports a bad one (an unknown finding kind, a
 * pattern that does not compile) and returns -1. */
int filter_add(struct filter *f, enum filter_opt opt, const char *arg);

/* Resolves the values that name rules (job ids, people) once the rules are
 * loaded (rules may be NULL: then they stay patterns and names). */
void filter_resolve(struct filter *f, const struct rules *rules);

/* 1 when the run, with its verdict (NULL for a system or sandbox run), is
 * shown; 0 when not; -1 when a pattern hit its limit. */
int filter_match(const struct filter *f, const struct rules *rules, const struct run *run,
		 const struct verdict *v);


#endif
