/* joins: what the inputs must let an audit know (spec section 1.2), checked
 * once the inputs are read. An audit joins runs to people and a period to
 * the exports that cover it; when a join fails the findings are wrong, not
 * merely fewer, and every report says so at its top (the tally's notes).
 * Identity: the manual runs of listed jobs matched to a person in
 * staff.csv, and when fewer than half were, an ERROR naming the likely
 * cause. Jobs: the manual runs of jobs jobs.csv lists, and when fewer
 * than a fifth were, an ERROR. Coverage: each production input's span (its first and last run)
 * against the period: none of it reached is an ERROR, part of it a WARNING
 * with the days missing, months of a long period with no run a WARNING, a
 * quiet stretch inside the spans an answer. Dates: a file whose slash dates
 * went against the reading its first dates proved. It owns nothing; it writes into
 * the tally it is given. */
#ifndef ALMAUDIT_JOINS_H
#define ALMAUDIT_JOINS_H

#include "period.h"
#include "rules.h"
#include "tally.h"

/* Counts a judged manual run of a listed job (System and API accounts are
 * left aside by the caller): matched to person (-1: not), how
 * (RULES_BY_..., rules.h); keeping a few of the unmatched ids or names
 * for the report, in all and for its file (the tally's input named file,
 * run.file), and every name matched without its middle names, with its
 * runs. */
void joins_person(struct tally *t, const char *file, const char *user, const char *user_name,
		  int person, int how);

/* The identity join: when staff.csv has people and fewer than half the
 * runs counted were matched, an ERROR note naming the likely cause (no
 * name column and no alma_ids, suggesting --column where a header looks
 * like names, or JSON instances without submitted_by.desc when they are
 * most of its runs not matched; names in submitted_by; a file not
 * UTF-8). Then, per input:
 * a production input with no name column whose runs' ids are in no
 * alma_ids cannot be joined (its unmatched runs may be anyone's, listed or
 * not), a WARNING naming it unless the ERROR did. Last, the names matched
 * only without their middle names: a WARNING naming a few, with the
 * person each was taken for and its runs. 1 when it noted an error, else
 * 0. */
int joins_identity(struct tally *t, const struct rules *r);

/* Counts a judged manual run of a job jobs.csv does not list (System and
 * API accounts are left aside by the caller), keeping a few of the Alma
 * job names (the instance name before " - "), each once. */
void joins_unlisted(struct tally *t, const char *name);

/* The job join: when fewer than a fifth of the manual runs counted
 * (joins_person and joins_unlisted) are of jobs jobs.csv lists, the others
 * under two job names or more, a note: the names may be in the language of
 * Alma's interface, or jobs.csv lacks the jobs; every finding about jobs
 * below is then in doubt (a damaging run on a large set reads as an
 * unlisted job). An ERROR from JOINS_JOBS_ERROR_RUNS runs counted, a
 * WARNING below (a day's export, one person's, may be all of jobs the
 * matrix leaves out). One job name, however many runs, is an answer about
 * that job. 1 when it noted an ERROR, else 0. */
#define JOINS_JOBS_ERROR_RUNS 10
int joins_jobs(struct tally *t, const struct rules *r);

/* The WARNING of production inputs whose runs in the period were all
 * system runs, none of those that reach the period holding a staff run on
 * any date: nothing judged, which would read as an all-clear. */
void joins_staff_runs(struct tally *t, const struct period *p);

/* The coverage join over the production inputs read (tally_production gave
 * their spans): sets t->coverage, t->gaps, t->quiet and the notes. When no
 * day of a bounded period is reached (or the production inputs hold no
 * run), says so in t->uncovered and on standard error and returns -1 (the
 * exit status is 2); else 0. With no production input read, or an open
 * period, there is nothing to compare: 0. any_run: the listing counts
 * sandbox runs in the period too (it answers for them). */
int joins_coverage(struct tally *t, const struct period *p, int any_run);

/* The slash dates of each input against its reading: an ERROR note for each
 * file with a date that went against it (its other dates cannot be read
 * with certainty). 1 when it noted one, else 0. */
int joins_dates(struct tally *t);

/* "2026-10-01 to 2026-10-24 (24 days)", or "2026-10-04" for one day. */
void joins_gap_text(const struct tally_gap *g, char *buf, size_t size);

#endif
