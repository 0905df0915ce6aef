/* rules: the approval matrix in memory (jobs.csv, staff.csv,
 * approvals.csv; spec section 2) and the questions the audit, the review
 * and the `rules` command ask of it: the job that owns an instance name, a
 * job by id or title, the person behind a run, a person's units, which
 * approvals grant which jobs (includes closed transitively), who may run a
 * job, whether an approval holds on a day, the nearest known name for "did
 * you mean". It reads no file: matrix.c loads and checks a rules
 * directory into a struct rules (units.csv and waivers.csv with it) and
 * matrix_free frees it; struct rules owns every table, pattern and string
 * in it, and the units and waivers it points to. */
#ifndef ALMAUDIT_RULES_H
#define ALMAUDIT_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "match.h"
#include "middlenames.h"

struct units;

#define RULES_NO_DATE INT64_MIN	    /* an empty signed_off or revoked */
/* revoked "undated": revoked, the date not recorded; a day before any record */
#define RULES_UNDATED (INT64_MIN + 1)
#define RULES_UNDATED_WORD "undated"
#define RULES_DEFAULT_LARGE_SET 1000 /* --large-set when not given */

struct rules_job {
	char *id, *scope, *title;
	int damaging;
	int64_t large_set; /* -1: the global default */
	char *match_src;
	struct pattern *match;
	char prefix[64]; /* a literal every matching name begins with (lower case), or "" */
	size_t prefix_len;
	/* the pattern is ^, the prefix, then (?: - |$): a name of ASCII up to
	 * the prefix's end is matched without it */
	int prefix_whole;
	/* without a prefix: the ASCII characters a matching name may begin
	 * with (lower case), bit c of first[c / 8], when the pattern says so
	 * plainly ("^(?:Withdraw items|Batch item withdrawals)"); else 0 */
	int has_first;
	unsigned char first[16];
	int *includes; /* direct includes, as job indices */
	size_t nincludes;
	/* records: the counter that gives a run's record count in the Alma
	 * API's JSON (a pattern on its type.value or desc); NULL: the default */
	char *records_src;
	struct pattern *records;
	long line;
};

struct rules_person {
	char *name, *unit;
	char **ids, **aliases;
	size_t nids, naliases;
	long line;
};

struct rules_approval {
	int job, person;
	int64_t signed_off, revoked; /* local dates as days since 1970-01-01;
				      * revoked may be RULES_UNDATED */
	char *staff;		     /* the name as approvals.csv writes it */
	char *sets_src;		     /* NULL: every set */
	struct pattern *sets;
	char *ticket, *note;
	long line;
};

struct rules_key {
	char *key;
	int person;
	long line;
};

struct waivers;

struct rules {
	char *dir, *jobs_path, *staff_path, *approvals_path;
	struct waivers *waivers; /* waivers.csv (waivers.h), NULL when the directory has none */
	struct rules_job *jobs;
	size_t njobs;
	struct rules_person *people;
	size_t npeople;
	struct rules_approval *approvals;
	size_t napprovals;
	unsigned char *grants; /* [k * njobs + j]: an approval for job k grants job j */
	size_t *by_person;     /* approval indices grouped by person: those of person p */
	size_t *person_first;  /* are by_person[person_first[p] .. person_first[p + 1]) */
	int *granted;	       /* the jobs an approval for job k grants, k included, */
	size_t *granted_first; /* ascending: granted[granted_first[k] .. granted_first[k + 1]) */
	int *job_order;	       /* job indices sorted by id, for rules_job_by_id */
	/* the jobs a name beginning with ASCII byte c (lower case) may match,
	 * in file order: by_first[first_at[c] .. first_at[c + 1]) */
	int *by_first;
	size_t *first_at;
	struct rules_key *names, *ids; /* sorted lookup tables */
	size_t nnames, nids;
	size_t staff_warnings; /* said while staff.csv was read (an id with a comma), for rules check */
	/* the rules files whose bytes that are no UTF-8 were read as
	 * Windows-1252 ("staff.csv, approvals.csv"; "" when none) */
	char not_utf8[64];
	/* no jobs.csv pattern has a space, dash or invisible character that a
	 * name is made plain of (rules_name_plain): only then is a name tried
	 * again with its spaces made plain (a pattern written with an en dash
	 * or two spaces would lose its names to a broader one) */
	int plain_patterns;
	struct middlenames reduced; /* the names and aliases without their middle names */
	struct units *units; /* units.csv (analyzer/units.h); NULL when there is none */
};

/* Probes every jobs.csv pattern and every distinct approvals.csv sets
 * pattern with adversarial subjects (match_probe) and warns, at its file and
 * line, about each that hit the match limit or took more than
 * RULES_SLOW_PATTERN_MS: such a pattern would reject rows or slow every row
 * down. Returns the number of warnings (for `rules check`). */
#define RULES_SLOW_PATTERN_MS 2.0
size_t rules_check_patterns(const struct rules *r);

/* Warns, at staff.csv's line, about each two people whose names reduce
 * alike without their middle names ("Ben J. Fischer" and "Ben K.
 * Fischer"): an export's name without them matches neither. Returns the
 * number of warnings (for `rules check`). */
size_t rules_check_names(const struct rules *r);

/* The job that owns an instance name: the first jobs.csv pattern that
 * matches; when none does, and every pattern is plain ASCII with single
 * spaces (rules.plain_patterns), the first that matches the name with its spaces
 * made plain (a no-break or other Unicode space a space, runs of spaces
 * one, none at the ends, invisible characters dropped, a Unicode hyphen or dash a
 * hyphen: "Withdraw\u00A0items" is Withdraw items). Returns its index,
 * -1 when none does, -2 when a match hit the PCRE2 limits. */
int rules_job_for_name(const struct rules *r, const char *name, size_t n);
/* 1 when s has no space, dash or invisible character that a name is made
 * plain of (a pattern so written: rules.plain_patterns). */
int rules_name_plain(const char *s);

/* A job by its id ("batch-item-withdrawals"), or -1. */
int rules_job_by_id(const struct rules *r, const char *id);

/* How rules_person_for found a person, in *how: by name (0), by Alma id;
 * by the name without its middle names (middlenames.h: "Fischer, Ben J."
 * is staff.csv's "Ben Fischer"). When it found nobody, RULES_BY_SEVERAL
 * says the name without its middle names fits several people, and so
 * matched none of them. */
#define RULES_BY_NAME 0
#define RULES_BY_ID 1
#define RULES_BY_REDUCED 2
#define RULES_BY_SEVERAL 3

/* The person behind a run: by Alma id among alma_ids first (user, then
 * user_name: an id with a comma read as a name), then by name against
 * names and aliases, then a name with its id in parentheses ("Fischer, Ben
 * (bfischer)") by that id, else by the name before it, and last by the
 * name without its middle names and initials, when one person alone fits
 * it so. -1 when nobody; *how (RULES_BY_...) tells which matched. */
int rules_person_for(const struct rules *r, const char *user, const char *user_name, int *how);

/* The person whose name in staff.csv is the export's "Family, Given" in
 * the order written ("Nagy, László" as "Nagy László"; joined: without the
 * space, "李, 德义" as "李德义"), or -1. rules_person_for takes it for a
 * name in Han, kana or Hangul, where the family name comes first; for any
 * other it is only a hint (two people may be Thomas James and James
 * Thomas). */
int rules_person_reversed(const struct rules *r, const char *user_name, int joined);

/* A person by name, alias or Alma id, or -1 (for `rules what`, waivers and
 * baselines): the name whole, never without its middle names (a waiver's
 * "Smith, John Q." is not staff.csv's John Smith). */
int rules_person_by_text(const struct rules *r, const char *text);

/* A person by a name's key (names_key: a name or an alias), or -1. */
int rules_person_by_key(const struct rules *r, const char *key);

/* The known person or job id nearest to text, for "did you mean" (NULL
 * when none is close). */
const char *rules_nearest_person(const struct rules *r, const char *text);
const char *rules_nearest_job(const struct rules *r, const char *id);
/* The same for a name's key: the name of the person nearest to it. */
const char *rules_nearest_person_key(const struct rules *r, const char *key);

/* The next job, at index from or after, whose title is text compared
 * ignoring case and extra white space ("batch item  withdrawals"), or -1. */
int rules_job_by_title(const struct rules *r, const char *text, int from);

/* 1 when the person's staff.csv unit names unit, ignoring case. A unit cell
 * may name several units separated by '/' or ';' ("HKS/GUT"): the person
 * is in each. */
int rules_person_in_unit(const struct rules *r, int person, const char *unit);

/* The next unit of a staff.csv unit cell at *cell ("HKS/GUT": "HKS", then
 * "GUT"; '/' and ';' separate), trimmed: its start, its length in *n, and
 * *cell moved past it; NULL after the last. */
const char *rules_unit_next(const char **cell, size_t *n);

/* The unit staff.csv names nearest to unit, written into buf, for "did you
 * mean" (NULL when none is close). */
const char *rules_nearest_unit(const struct rules *r, const char *unit, char *buf, size_t size);

/* dir/file (no doubled slash), malloc'd; NULL when out of memory. */
char *rules_path_join(const char *dir, const char *file);

/* A rules file's name within its directory ("approvals.csv"), for citing
 * rows as "approvals.csv:23". */
const char *rules_file_name(const char *path);

/* 1 when an approval for job k also grants job j (k == j included). */
int rules_grants(const struct rules *r, int k, int j);

/* For every job j, the people who may run it on local day `today`: with an
 * approval that grants j (directly or through includes) and is not revoked
 * on or before today. Fills count[0 .. njobs) in time linear in the
 * approvals and the jobs they grant. 0, or -1 (reported) out of memory. */
int rules_may_run(const struct rules *r, int64_t today, size_t *count);

/* Whether approval a is in force on local day `day`: signed off on or
 * before it, not revoked on or before it (its sets aside). */
int rules_approval_in_force(const struct rules_approval *a, int64_t day);

/* Whether approval a holds on local day `day` for a run on set_name: in
 * force, and the set matching. 1 holds, 0 not, -1 the set pattern hit a
 * limit. */
int rules_approval_holds(const struct rules_approval *a, int64_t day, const char *set_name);

#endif
