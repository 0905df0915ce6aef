/* waivers: the exceptions LTS has accepted (waivers.csv, optional, in the
 * rules directory, or the file --waivers names; spec section 2). A waiver
 * covers a finding when every non-empty field matches it: the kind, the job
 * id, the person, the run id, the set (PCRE2, caseless) and the run's local
 * date within from..until. The file is checked whole when loaded, every
 * problem at its file and line. A waived finding is not deleted: the audit
 * reports it in its own section. waivers_load allocates one struct waivers
 * that owns every waiver, string and pattern in it; waivers_free frees it.
 * matrix_load reads them (matrix_load_with from another file) and struct
 * rules owns them (matrix_free frees them). */
#ifndef ALMAUDIT_WAIVERS_H
#define ALMAUDIT_WAIVERS_H

#include <stddef.h>
#include <stdint.h>

#include "match.h"
#include "rules.h"
#include "run.h"
#include "verdict.h"

#define WAIVERS_FILE "waivers.csv"

struct waiver {
	long line;
	int kind;	 /* an enum finding_kind, or -1: any kind */
	int job;	 /* a job index, or -1: any job */
	char *staff;	 /* the person as written, or NULL: anyone */
	int person;	 /* the staff.csv person it names, or -1 */
	char *staff_key; /* for someone not in staff.csv: the name's key ("" none) */
	uint64_t run_id; /* 0: any run */
	char *sets_src;	 /* NULL: any set */
	struct pattern *sets;
	int64_t from, until; /* local days since 1970; from RULES_NO_DATE: no start */
	char *ticket, *reason;
};

struct waivers {
	char *path;	  /* as given */
	const char *name; /* its file name, for citing "waivers.csv:4" */
	struct waiver *w;
	size_t n;
	size_t warnings; /* people taken as export names, warned about */
};

/* Loads and checks the waivers file at path against the rules (jobs and
 * people). Every problem is reported at its file and line; any makes the
 * load fail (NULL). A person that is no staff.csv name, alias or Alma id
 * is taken as the export's id (one word: exl_api) or name (a name with a
 * space or a comma, warned about, since it may be a misspelt staff name),
 * which covers only runs by people not in staff.csv; one close to a staff
 * name is an error that suggests it. */
struct waivers *waivers_load(const char *path, const struct rules *r);
void waivers_free(struct waivers *w);

/* The first waiver (in file order) that covers a finding of the kind for
 * the run judged as v: its index, or -1 when none does. A set pattern that
 * hits the PCRE2 limits does not cover. */
int waivers_find(const struct waivers *w, enum finding_kind kind, const struct run *run,
		 const struct verdict *v);

/* 1 when the waiver has expired: its until is before today (a local day,
 * the day of the same "now" as relative periods). */
int waivers_expired(const struct waiver *w, int64_t today);

#endif
