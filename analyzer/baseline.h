/* baseline: month over month (audit --baseline FILE): what a baseline
 * holds and how this audit's findings are set against it. Of each finding
 * of an earlier audit (baseline_json.c reads its json report and hands
 * each finding to baseline_add) it keeps only the distinct (kind, person,
 * job) triple, in a hash set, so memory grows with the baseline's distinct
 * triples, never with its findings or its size. Then each finding of this
 * audit is marked new or recurring (the baseline had the same kind for the
 * same person and the same job), and the triples nothing matched are the
 * resolved ones.
 *
 * Two findings are the same person's when they are the same person of
 * this audit's staff.csv (the baseline's staff name found through its names
 * and aliases: someone renamed, the old name kept as an alias); else, when
 * one of the two has no such person (someone added to staff.csv since,
 * removed from it, renamed without an alias), the same Alma id (the
 * export's user); else, when one of the two has no Alma id, the same name
 * (names.h's key of the staff name, else of the user name). The job is
 * its job id, or for an unlisted job the job name without the instance's
 * suffixes (what comes before the first " - ").
 *
 * struct baseline owns every string and table in it; baseline_free
 * releases them. */
#ifndef ALMAUDIT_BASELINE_H
#define ALMAUDIT_BASELINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "filter.h"
#include "hmap.h"
#include "period.h"
#include "rules.h"
#include "verdict.h"

enum baseline_trend { TREND_NONE, TREND_NEW, TREND_RECURRING };

/* One distinct (kind, person, job) of the baseline. */
struct baseline_item {
	enum finding_kind kind;
	int hit;	 /* a finding of this audit matched it */
	uint64_t count;	 /* the baseline's findings with this triple */
	char *person;	 /* "Amy Armitage (ITS)", "Okafor, Chinwe (not in staff.csv)" */
	char *job;	 /* a job id, or an unlisted job's name */
	int staff;	 /* the person in this audit's staff.csv, or -1 (not there, or
			    not in staff.csv then): the unit reports of --split list
			    the item in the units of this person */
};

struct baseline {
	char *path;
	struct period period; /* the baseline's period (from its report.period) */
	size_t njobs, npeople, napprovals; /* its report.rules counts */
	int other_rules;	 /* they differ from this audit's rules */
	int not_before;		 /* its period is not before this audit's */
	int incomplete;		 /* its summary says complete: false */
	int uncovered;		 /* its period was not covered (then incomplete too) */
	uint64_t hidden;	 /* its summary's hidden_by_filters */
	uint64_t findings;	 /* findings read from it */
	uint64_t filtered;	 /* of them, findings this audit's filters would not show */
	struct hmap at;		 /* triple key -> index in items */
	struct baseline_item *items;
	size_t nitems, citems;
	uint64_t fresh[FIND_COUNT], recurring[FIND_COUNT], resolved[FIND_COUNT];
	size_t *gone; /* after baseline_finish: the resolved items, by kind, most first */
	size_t ngone;
};

void baseline_init(struct baseline *b);
void baseline_free(struct baseline *b);

/* Compares the baseline with this audit's period and rules (sets
 * not_before and other_rules) and warns on stderr about what the report
 * will also say: a period not before this one, other rules, a baseline
 * that was incomplete or filtered. */
void baseline_compare(struct baseline *b, const struct period *current,
		      const struct rules *rules);

/* The key parts of a finding, as its csv/json columns give them, and its
 * person in this audit's staff.csv (-1: none): for this audit's finding
 * its verdict's, for the baseline's its staff name found by
 * rules_person_by_text. */
struct baseline_finding {
	enum finding_kind kind;
	const char *staff, *user, *user_name, *job, *job_name;
	int person;
};

/* Adds a finding of the baseline report: counted on its triple, and when
 * the triple is new, an item labelled with the person ("staff (unit)", or
 * "... (not in staff.csv)") and the job; unit: the finding's unit or "".
 * 0, or -1 when out of memory (not reported: the reader reports it where
 * it is reading). */
int baseline_add(struct baseline *b, const struct baseline_finding *f, const char *unit);

/* Marks a finding of this audit: new or recurring, counted by kind. */
enum baseline_trend baseline_mark(struct baseline *b, const struct baseline_finding *f);

/* After the audit: counts and orders the resolved items. -1 when out of
 * memory (reported; the resolved list is then empty). */
int baseline_finish(struct baseline *b);

/* Why the trend may call new what the baseline missed: it was INCOMPLETE,
 * or its exports did not cover its period (when b->incomplete). */
const char *baseline_incomplete_text(const struct baseline *b);

/* "new", "recurring" ("" for TREND_NONE). */
const char *baseline_trend_name(enum baseline_trend t);

/* The sentence a report gives about other rules: "the baseline was made
 * with other rules (30 jobs, 55 people, 140 approvals)". */
void baseline_rules_text(const struct baseline *b, char *buf, size_t size);

/* The sentence about a period not before this one. */
void baseline_period_warning(const struct baseline *b, const struct period *current, char *buf,
			     size_t size);

#endif
