#include "waivers.h"

#include "diag.h"
#include "names.h"
#include "rules_table.h"
#include "times.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { WV_FINDING, WV_JOB, WV_STAFF, WV_RUN_ID, WV_SETS, WV_FROM, WV_UNTIL, WV_TICKET, WV_REASON,
       WV_COLS };

struct load {
	struct waivers *w;
	const struct rules *r;
	size_t cap;
};

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* A date cell: RULES_NO_DATE when empty; -1 (reported) when not a date. */
static int date_cell(const char *path, long line, const char *what, const char *s, size_t n,
		     int64_t *out)
{
	int y, m, d;
	*out = RULES_NO_DATE;
	if (!n)
		return 0;
	if (times_parse_date(s, n, &y, &m, &d) != 0) {
		diag_error(path, line, "%s '%.*s' is not a date (want YYYY-MM-DD)", what, (int)n, s);
		return -1;
	}
	*out = times_days_from_civil(y, m, d);
	return 0;
}

/* One word of letters, digits and . _ - @ : what an Alma primary id or an
 * integration's user (exl_api) looks like, never a person's full name. */
static int id_like(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-@", s[i]))
			return 0;
	return n > 0;
}

/* The staff cell: a staff.csv person (name, alias or Alma id), else the
 * export's id or name of someone not in staff.csv. Returns the problems
 * reported (0 or 1). */
static int staff_cell(struct load *ld, long line, struct waiver *wv, const char *s, size_t n)
{
	const char *path = ld->w->path;
	char text[256], key[NAMES_KEY_MAX];
	if (!n)
		return 0;
	snprintf(text, sizeof text, "%.*s", (int)n, s);
	wv->staff = dup_n(s, n);
	wv->person = rules_person_by_text(ld->r, text);
	if (wv->person >= 0 || !wv->staff)
		return 0;
	if (id_like(s, n)) {
		wv->staff_key = dup_n("", 0);
		return 0; /* an export id: exl_api, 80130004 */
	}
	const char *near = rules_nearest_person(ld->r, text);
	if (near) {
		diag_error(path, line,
			   "unknown person '%s' (did you mean '%s'? someone not in staff.csv is "
			   "named by the export's id)",
			   text, near);
		return 1;
	}
	names_key(s, n, key);
	wv->staff_key = dup_n(key, strlen(key));
	diag_error(path, line,
		   "warning: '%s' is not in staff.csv: taken as the export's name of someone "
		   "not in staff.csv",
		   text);
	ld->w->warnings++;
	return 0;
}

static void waiver_free(struct waiver *wv)
{
	free(wv->staff);
	free(wv->staff_key);
	free(wv->sets_src);
	match_free(wv->sets);
	free(wv->ticket);
	free(wv->reason);
}

static int load_row(void *ctx, long line, const char *const *cell, const size_t *len)
{
	struct load *ld = ctx;
	struct waivers *w = ld->w;
	const char *path = w->path;
	struct waiver wv;
	int bad = 0;
	char text[256];

	memset(&wv, 0, sizeof wv);
	wv.line = line;
	wv.kind = wv.job = wv.person = -1;

	if (len[WV_FINDING]) {
		snprintf(text, sizeof text, "%.*s", (int)len[WV_FINDING], cell[WV_FINDING]);
		wv.kind = finding_parse(text);
		if (wv.kind < 0) {
			char kinds[128] = "";
			for (int k = 0; k < FIND_COUNT; k++)
				snprintf(kinds + strlen(kinds), sizeof kinds - strlen(kinds), "%s%s",
					 k ? ", " : "", finding_name((enum finding_kind)k));
			diag_error(path, line, "unknown finding kind '%s' (one of %s)", text, kinds);
			bad++;
		}
	}
	if (len[WV_JOB]) {
		snprintf(text, sizeof text, "%.*s", (int)len[WV_JOB], cell[WV_JOB]);
		wv.job = rules_job_by_id(ld->r, text);
		if (wv.job < 0) {
			const char *near = rules_nearest_job(ld->r, text);
			if (near)
				diag_error(path, line, "unknown job '%s' (did you mean '%s'?)", text, near);
			else
				diag_error(path, line, "unknown job '%s' (not in %s)", text,
					   ld->r->jobs_path);
			bad++;
		} else if (wv.kind == FIND_UNLISTED_JOB) {
			diag_error(path, line,
				   "job '%s' with finding unlisted-job: an unlisted job has no job id "
				   "(leave job empty)",
				   text);
			bad++;
		}
	}
	bad += staff_cell(ld, line, &wv, cell[WV_STAFF], len[WV_STAFF]);
	if (len[WV_RUN_ID]) {
		uint64_t id = 0;
		int ok = 1;
		for (size_t i = 0; i < len[WV_RUN_ID] && ok; i++) {
			char c = cell[WV_RUN_ID][i];
			ok = c >= '0' && c <= '9' && id <= (UINT64_MAX - 9) / 10;
			id = id * 10 + (uint64_t)(c - '0');
		}
		if (!ok || !id) {
			diag_error(path, line, "run_id '%.*s' is not a run id (the export's id, digits)",
				   (int)len[WV_RUN_ID], cell[WV_RUN_ID]);
			bad++;
		}
		wv.run_id = id;
	}
	if (len[WV_SETS]) {
		char msg[256];
		size_t offset;
		wv.sets = match_compile(cell[WV_SETS], len[WV_SETS], msg, sizeof msg, &offset);
		if (!wv.sets) {
			diag_error(path, line, "sets pattern error at offset %zu: %s", offset, msg);
			bad++;
		} else {
			wv.sets_src = dup_n(cell[WV_SETS], len[WV_SETS]);
		}
	}
	int dates = date_cell(path, line, "from", cell[WV_FROM], len[WV_FROM], &wv.from);
	dates |= date_cell(path, line, "until", cell[WV_UNTIL], len[WV_UNTIL], &wv.until);
	if (dates)
		bad++;
	if (!len[WV_UNTIL]) {
		diag_error(path, line, "missing until: no waiver is forever");
		bad++;
	} else if (!dates && wv.from != RULES_NO_DATE && wv.until < wv.from) {
		diag_error(path, line, "until %.*s is before from %.*s", (int)len[WV_UNTIL],
			   cell[WV_UNTIL], (int)len[WV_FROM], cell[WV_FROM]);
		bad++;
	}
	if (!len[WV_TICKET]) {
		diag_error(path, line, "missing ticket: say where the exception was accepted");
		bad++;
	}
	if (!len[WV_REASON]) {
		diag_error(path, line, "missing reason: say why the exception is accepted");
		bad++;
	}
	if (!len[WV_JOB] && !len[WV_STAFF] && !len[WV_RUN_ID] && !len[WV_SETS]) {
		/* a kind alone (or nothing) is every finding of that kind: an
		 * exception is for a job, a person, a run or a set */
		diag_error(path, line,
			   "a waiver that names no job, person, run or set would waive every "
			   "%.*s%sfinding: name what it covers",
			   (int)len[WV_FINDING], cell[WV_FINDING], len[WV_FINDING] ? " " : "");
		bad++;
	}
	wv.ticket = dup_n(cell[WV_TICKET], len[WV_TICKET]);
	wv.reason = dup_n(cell[WV_REASON], len[WV_REASON]);
	if (!bad && (!wv.ticket || !wv.reason || (len[WV_STAFF] && !wv.staff) ||
		     (wv.staff && wv.person < 0 && !wv.staff_key) || (wv.sets && !wv.sets_src))) {
		diag_error(path, line, "out of memory");
		bad++;
	}
	if (!bad && ld->cap == w->n) {
		size_t cap = ld->cap ? ld->cap * 2 : 8;
		struct waiver *grown = realloc(w->w, cap * sizeof *grown);
		if (!grown) {
			diag_error(path, line, "out of memory");
			bad++;
		} else {
			w->w = grown;
			ld->cap = cap;
		}
	}
	if (bad) {
		waiver_free(&wv);
		return bad;
	}
	w->w[w->n++] = wv;
	return 0;
}

struct waivers *waivers_load(const char *path, const struct rules *r)
{
	static const char *const cols[WV_COLS] = {"finding", "job",   "staff",  "run_id", "sets",
						  "from",    "until", "ticket", "reason"};
	struct waivers *w = calloc(1, sizeof *w);
	if (!w || !(w->path = strdup(path))) {
		diag_error(path, 0, "out of memory");
		free(w);
		return NULL;
	}
	w->name = rules_file_name(w->path);
	struct load ld = {w, r, 0};
	if (rules_table_read(path, cols, WV_COLS, WV_COLS, load_row, &ld) != 0) {
		waivers_free(w);
		return NULL;
	}
	return w;
}

void waivers_free(struct waivers *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		waiver_free(&w->w[i]);
	free(w->w);
	free(w->path);
	free(w);
}

/* Whether the waiver's person is the run's: the staff.csv person, or for
 * someone named by the export's id or name, that id or name, which covers
 * only people not in staff.csv (a staff person's run whose export id or
 * name happens to be the same is not theirs to waive). */
static int same_person(const struct waiver *wv, const struct run *run, const struct verdict *v)
{
	if (wv->person >= 0)
		return v->person == wv->person;
	if (v->person >= 0)
		return 0;
	if (strcasecmp(run->user, wv->staff) == 0)
		return 1;
	if (!wv->staff_key[0])
		return 0;
	char key[NAMES_KEY_MAX];
	return names_key(run->user_name, strlen(run->user_name), key) &&
	       strcmp(key, wv->staff_key) == 0;
}

int waivers_find(const struct waivers *w, enum finding_kind kind, const struct run *run,
		 const struct verdict *v)
{
	if (!w || !w->n)
		return -1;
	int64_t day = times_local_day(run->time);
	for (size_t i = 0; i < w->n; i++) {
		const struct waiver *wv = &w->w[i];
		if ((wv->kind >= 0 && wv->kind != (int)kind) || (wv->job >= 0 && wv->job != v->job) ||
		    (wv->run_id && wv->run_id != run->id) ||
		    (wv->from != RULES_NO_DATE && day < wv->from) || day > wv->until)
			continue;
		if (wv->staff && !same_person(wv, run, v))
			continue;
		if (wv->sets && match_run(wv->sets, run->set_name, strlen(run->set_name)) != 1)
			continue;
		return (int)i;
	}
	return -1;
}

int waivers_expired(const struct waiver *w, int64_t today)
{
	return w->until < today;
}
