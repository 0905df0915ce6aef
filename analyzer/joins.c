#include "joins.h"

#include "cells.h"
#include "diag.h"
#include "textenc.h"
#include "times.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tally's input named file (run.file: the tally's own string), NULL if none. */
/* A message into buf, cut at size bytes when longer: the messages here
 * quote file names and people, whose lengths the compiler cannot know. */
__attribute__((format(printf, 3, 4))) static void message(char *buf, size_t size,
							   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
}

static struct tally_file *file_of(struct tally *t, const char *file)
{
	for (size_t i = t->nfiles; i-- > 0;)
		if (t->files[i].name == file)
			return &t->files[i];
	return NULL;
}

/* Counts a run of a name matched without its middle names. */
static void reduced(struct tally *t, const char *user_name, int person)
{
	for (size_t i = t->nreduced; i-- > 0;)
		if (!strcmp(t->reduced[i].name, user_name)) {
			t->reduced[i].runs++;
			return;
		}
	if (t->nreduced == t->reduced_cap) {
		size_t cap = t->reduced_cap ? t->reduced_cap * 2 : 8;
		struct tally_reduced *g = realloc(t->reduced, cap * sizeof *g);
		if (!g)
			return; /* out of memory: the name goes unsaid, its run matched */
		t->reduced = g;
		t->reduced_cap = cap;
	}
	char *name = strdup(user_name);
	if (name)
		t->reduced[t->nreduced++] = (struct tally_reduced){name, person, 1};
}

/* Keeps a name not matched that is not ASCII (and fits whole), once. */
static void foreign(struct tally *t, const char *who, int file)
{
	const unsigned char *p = (const unsigned char *)who;
	while (*p && *p < 0x80)
		p++;
	if (!*p || t->nforeign == TALLY_FOREIGN || strlen(who) >= sizeof t->foreign[0].name)
		return;
	for (size_t i = 0; i < t->nforeign; i++)
		if (!strcmp(t->foreign[i].name, who))
			return;
	snprintf(t->foreign[t->nforeign].name, sizeof t->foreign[0].name, "%s", who);
	t->foreign[t->nforeign++].file = file;
}

void joins_person(struct tally *t, const char *file, const char *user, const char *user_name,
		  int person, int how)
{
	struct tally_file *f = file_of(t, file);
	t->manual_runs++;
	if (f)
		f->manual++;
	if (person >= 0) {
		t->matched++;
		if (how == RULES_BY_REDUCED)
			reduced(t, user_name, person);
		return;
	}
	if (how == RULES_BY_SEVERAL) {
		t->several++;
		size_t k = 0;
		while (k < t->nseveral_names &&
		       strncmp(t->several_names[k], user_name, sizeof t->several_names[0] - 1))
			k++;
		if (k == t->nseveral_names && k < 3 && user_name[0])
			snprintf(t->several_names[t->nseveral_names++], sizeof t->several_names[0],
				 "%s", user_name);
	}
	if (f)
		f->unmatched++;
	/* the first id of its runs without a name (none: none gave an id) */
	if (f && !user_name[0]) {
		f->nameless++;
		if (!f->nameless_id[0])
			snprintf(f->nameless_id, sizeof f->nameless_id, "%s", user);
	}
	const char *who = user_name[0] ? user_name : user;
	foreign(t, who, f ? (int)(f - t->files) : -1);
	if (!who[0]) {
		t->unmatched_anon++; /* no name, no id: nobody to say */
		return;
	}
	unsigned char named = user_name[0] != '\0';
	size_t same_kind = 0;
	for (size_t i = 0; i < t->nunmatched; i++) {
		if (!strncmp(t->unmatched[i], who, sizeof t->unmatched[0] - 1))
			return;
		same_kind += t->unmatched_named[i] == named;
	}
	if (same_kind == 3)
		return;
	t->unmatched_named[t->nunmatched] = named;
	snprintf(t->unmatched[t->nunmatched++], sizeof t->unmatched[0], "%s", who);
}

void joins_unlisted(struct tally *t, const char *name)
{
	t->unlisted++;
	int n = (int)run_job_name_len(name);
	if (!n || t->unlisted_more)
		return;
	char job[sizeof t->unlisted_names[0]];
	if ((size_t)n >= sizeof job)
		n = (int)diag_utf8_cut(name, sizeof job - 1);
	snprintf(job, sizeof job, "%.*s", n, name);
	for (size_t i = 0; i < t->nunlisted_names; i++)
		if (!strcmp(t->unlisted_names[i], job))
			return;
	if (t->nunlisted_names == sizeof t->unlisted_names / sizeof t->unlisted_names[0])
		t->unlisted_more = 1;
	else
		memcpy(t->unlisted_names[t->nunlisted_names++], job, sizeof job);
}

int joins_jobs(struct tally *t, const struct rules *r)
{
	uint64_t all = t->manual_runs + t->unlisted;
	/* a matrix that leaves jobs out still lists a good share of what is
	 * run; names in another language match (nearly) none */
	if (!r || !r->njobs || t->manual_runs * 5 >= all || t->nunlisted_names < 2)
		return 0;
	/* a few runs (a day's export, one person's) may all be of jobs the
	 * matrix leaves out: said, not an error */
	int error = all >= JOINS_JOBS_ERROR_RUNS;
	char names[240], n[32], m[32];
	size_t used = 0;
	names[0] = '\0';
	for (size_t i = 0; i < t->nunlisted_names && used < sizeof names; i++)
		used += (size_t)snprintf(names + used, sizeof names - used, "%s'%s'", i ? ", " : "",
					 t->unlisted_names[i]);
	const char *jobs = rules_file_name(r->jobs_path);
	tally_note(t, error,
		   "%s of the %s manual runs are of jobs %s does not list (%s%s): if the history "
		   "was exported with Alma's interface in another language, its job names are "
		   "translated and a damaging run among them is not judged as one (export it "
		   "with the interface in English); else %s lacks these jobs%s",
		   report_count(t->unlisted, n, sizeof n), report_count(all, m, sizeof m), jobs,
		   names, t->unlisted_more ? ", ..." : "", jobs,
		   error ? "; the findings about jobs below are not to be trusted" : "");
	return error;
}

/* "'a', 'b', 'c'": the unmatched names kept (named 1) or ids (named 0),
 * or, when none is of that kind, the others. */
static void examples(const struct tally *t, int named, char *buf, size_t size)
{
	size_t used = 0, any = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < t->nunmatched; i++)
		any += t->unmatched_named[i] == named;
	for (size_t i = 0, k = 0; i < t->nunmatched && used < size; i++)
		if (!any || t->unmatched_named[i] == named)
			used += (size_t)snprintf(buf + used, size - used, "%s'%s'", k++ ? ", " : "",
						 t->unmatched[i]);
}

/* The code pages a file read as Windows-1252 may have been saved in
 * (Central European, Turkish, Greek, Cyrillic, Baltic; a Mac's), as
 * iconv names them, and as a report says them. */
static const char *const code_pages[][2] = {
	{"WINDOWS-1250", "Windows-1250 (Central European)"},
	{"ISO-8859-2", "ISO-8859-2 (Central European)"},
	{"WINDOWS-1254", "Windows-1254 (Turkish)"},
	{"WINDOWS-1253", "Windows-1253 (Greek)"},
	{"WINDOWS-1251", "Windows-1251 (Cyrillic)"},
	{"WINDOWS-1257", "Windows-1257 (Baltic)"},
	{"MACINTOSH", "Mac Roman"},
	{"ISO-8859-15", "ISO-8859-15 (Latin-9)"},
	{"KOI8-R", "KOI8-R (Cyrillic)"},
	{"CP932", "Shift-JIS (Japanese)"},
	{"GBK", "GBK (Chinese)"},
	{"BIG5", "Big5 (Chinese)"},
	{"CP949", "CP949 (Korean)"},
};

/* What a name not matched says of a file read as Windows-1252: read from
 * the bytes of another code page (input: the export's name read back so;
 * staff: staff.csv's, the export's name written so and read as
 * Windows-1252), it is someone in staff.csv. Tried on each name kept
 * (tally.foreign; for an input, those from an input read as Windows-1252).
 * The code page's name, the name as it should read in *fixed (size
 * bytes), the name in *which and its input in *file; or NULL. A name
 * holding U+FFFD (a byte Windows-1252 leaves undefined, which no name
 * saved in it has) gives "another code page" and no fix. */
static const char *code_page_of(const struct tally *t, const struct rules *r, int staff,
				char *fixed, size_t size, const char **which, int *file)
{
	for (size_t i = 0; i < t->nforeign; i++) {
		const char *e = t->foreign[i].name;
		int fi = t->foreign[i].file;
		const struct tally_file *f = fi >= 0 ? &t->files[fi] : NULL;
		int cp1252 = f && f->encoding && !strcmp(f->encoding, "Windows-1252");
		if (!staff && !cp1252)
			continue; /* read as UTF-8: no code page to blame */
		*which = e;
		*file = fi;
		fixed[0] = '\0';
		if (!staff && strstr(e, "\xEF\xBF\xBD"))
			return "another code page";
		for (size_t k = 0; k < sizeof code_pages / sizeof code_pages[0]; k++) {
			const char *cp = code_pages[k][0];
			int how;
			if ((staff ? textenc_reread(e, cp, "WINDOWS-1252", fixed, size)
				   : textenc_reread(e, "WINDOWS-1252", cp, fixed, size)) == 0 &&
			    strcmp(fixed, e) != 0 && rules_person_for(r, "", fixed, &how) >= 0)
				return code_pages[k][1];
		}
	}
	fixed[0] = '\0';
	return NULL;
}

/* The sentence of a code page found (code_page_of): into buf. */
static void code_page_text(char *buf, size_t size, const char *file, int staff, const char *cp,
			   const char *which, const char *fixed, const struct rules *r)
{
	const char *staffcsv = rules_file_name(r->staff_path);
	if (!fixed[0])
		snprintf(buf, size,
			 "%s is not UTF-8 (read as Windows-1252), and the name '%s' holds a byte "
			 "that is no Windows-1252 character: the file was saved in another code page "
			 "(Central European, Turkish, Greek, ...), and its names are misread; save it "
			 "as CSV UTF-8",
			 file, which);
	else if (staff)
		snprintf(buf, size,
			 "%s of the rules %s not UTF-8 (read as Windows-1252), and '%s', not matched, "
			 "is %s's '%s' written in %s: the rules were saved in %s, and their names are "
			 "misread; save them as CSV UTF-8",
			 file, strchr(file, ',') ? "are" : "is", which, staffcsv, fixed, cp, cp);
	else
		snprintf(buf, size,
			 "%s is not UTF-8 (read as Windows-1252), and '%s', not in %s, reads as '%s' "
			 "in %s, who is in it: the file was saved in %s, and its names are misread; "
			 "save it as CSV UTF-8",
			 file, which, staffcsv, fixed, cp, cp);
}

/* A production input read (not unread, not a second name of one). */
static int production_read(const struct tally_file *f)
{
	return f->env == RUN_PRODUCTION && !f->unread && !f->same_as;
}

/* 1 when input f gives no name for the runs that failed to match: a CSV
 * export without a submitted_by_desc column (nor names in submitted_by),
 * or the API's instances (a name per run, submitted_by.desc) when most of
 * those not matched came without one. */
static int gives_no_name(const struct tally_file *f)
{
	if (f->json)
		return f->nameless && f->nameless * 2 > f->unmatched;
	return !f->user_name_col && !f->names_in_user;
}

/* The ERROR of an identity join under half matched: *noted 0 when it
 * noted none, else 1, or 2 when its cause was a rules file read as
 * Windows-1252, 3 an input so read; the input its cause names, else NULL. */
static const struct tally_file *identity_error(struct tally *t, const struct rules *r, int *noted)
{
	*noted = 0;
	if (!t->manual_runs || t->matched * 2 >= t->manual_runs)
		return NULL;
	const struct tally_file *no_name = NULL, *names = NULL, *cp1252 = NULL;
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!production_read(f))
			continue;
		if (gives_no_name(f) && !no_name)
			no_name = f;
		if (f->names_in_user && !names)
			names = f;
		if (f->encoding && !strcmp(f->encoding, "Windows-1252") && !cp1252)
			cp1252 = f;
	}
	/* the inputs without names are the cause when their runs are most of
	 * those not matched: a small one beside a large export of named
	 * strangers is not what failed */
	uint64_t nameless = 0;
	for (size_t i = 0; no_name && i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (production_read(f) && gives_no_name(f))
			nameless += f->json ? f->nameless : f->unmatched;
	}
	if (no_name && nameless * 2 <= t->manual_runs - t->matched)
		no_name = NULL;
	char seen[240], seen_ids[240], cause[480], fixed[128];
	int several_cause = 0;
	const char *cp, *which;
	int code_page = 1, fi;
	examples(t, 1, seen, sizeof seen);
	examples(t, 0, seen_ids, sizeof seen_ids);
	const char *staff = rules_file_name(r->staff_path);
	char lacks[320] = "", n[32], all[32];
	if (no_name && no_name->json) /* the API gives a name per run */
		message(lacks, sizeof lacks,
			"%s gives no name (submitted_by.desc) for %s of its %s manual runs",
			no_name->name, report_count(no_name->nameless, n, sizeof n),
			report_count(no_name->manual, all, sizeof all));
	else if (no_name)
		message(lacks, sizeof lacks, "%s has no submitted_by_desc column (Submitted By Name)",
			no_name->name);
	if (no_name && !no_name->nameless_id[0]) {
		/* instances with no submitted_by at all: no id to add anywhere */
		message(cause, sizeof cause,
			"%s, nor a submitted_by id: who ran them is not in the input (ask the "
			"API again, or export with Submitted By)",
			lacks);
	} else if (no_name && !r->nids) {
		char hint[240];
		if (no_name->json)
			message(hint, sizeof hint, "; add each person's Alma ids to %s", staff);
		else if (no_name->name_like[0])
			message(hint, sizeof hint,
				"; if its column '%s' holds the names, give --column "
				"submitted_by_desc='%s'",
				no_name->name_like, no_name->name_like);
		else
			message(hint, sizeof hint,
				"; export the Submitted By Name column too, or add each person's "
				"Alma ids to %s",
				staff);
		message(cause, sizeof cause,
			"%s and %s gives no alma_ids, so runs can be matched by neither name nor id%s",
			lacks, staff, hint);
	} else if (no_name) {
		message(cause, sizeof cause,
			"%s, and the submitted_by ids (%s) are not among the alma_ids of %s%s%s%s",
			lacks, seen_ids, staff, no_name->name_like[0] ? "; if its column '" : "",
			no_name->name_like,
			no_name->name_like[0] ? "' holds the names, give --column submitted_by_desc" : "");
	} else if (names) {
		message(cause, sizeof cause,
			"%s's submitted_by holds names, not Alma ids (read as names), and they "
			"(%s) are not names or aliases in %s",
			names->name, seen, staff);
	} else if (t->several * 2 > t->manual_runs - t->matched) {
		/* in staff.csv, but not told apart: no stranger (before the
		 * encodings: an ASCII name was not mangled) */
		char fit[240];
		size_t used = 0;
		fit[0] = '\0';
		for (size_t i = 0; i < t->nseveral_names && used < sizeof fit; i++)
			used += (size_t)snprintf(fit + used, sizeof fit - used, "%s'%s'", i ? ", " : "",
						 t->several_names[i]);
		message(cause, sizeof cause,
			"their names (%s) without middle names fit several people in %s each: an "
			"alias says who",
			fit, staff);
		several_cause = 1;
	} else if (r->not_utf8[0] && (cp = code_page_of(t, r, 1, fixed, sizeof fixed, &which, &fi))) {
		code_page_text(cause, sizeof cause, r->not_utf8, 1, cp, which, fixed, r);
		cp1252 = NULL; /* the inputs' encoding is another matter */
		code_page = 2;
	} else if (cp1252) {
		message(cause, sizeof cause,
			"%s is not UTF-8 (read as Windows-1252); if its names are in another "
			"encoding they cannot match (save it as CSV UTF-8); unmatched: %s",
			cp1252->name, seen);
		code_page = 3;
	} else if (t->nunmatched < 2 && !t->unmatched_anon) {
		/* one stranger, however many runs: the join held; the runs are
		 * findings about that person, not a failed join */
		return NULL;
	} else {
		message(cause, sizeof cause,
			"the people who ran them (%s) are not in %s: add them, with their "
			"alma_ids",
			seen, staff);
	}
	char m[32], of[32], w[48], several[160] = "";
	if (t->several && !several_cause)
		snprintf(several, sizeof several,
			 " (%s without middle names %s several people in %s: an alias says who)",
			 report_count_of(t->several, "run's name", "runs' names", w, sizeof w),
			 t->several == 1 ? "fits" : "fit", staff);
	tally_note(t, 1,
		   "only %s of %s manual runs matched a person in %s: %s%s; "
		   "the findings about people below are not to be trusted",
		   report_count(t->matched, m, sizeof m), report_count(t->manual_runs, of, sizeof of),
		   staff, cause, several);
	*noted = code_page;
	return no_name ? no_name : names ? names : cp1252;
}

/* A name not matched that a file read as Windows-1252 misread
 * (code_page_of): a WARNING naming the file and the code page, the input
 * first, then the rules, unless the identity ERROR named it (named: 1 it
 * named the rules, 2 an input). Without it the runs accuse someone who is
 * in staff.csv, and only standard error says the file was not UTF-8. */
static void code_page_note(struct tally *t, const struct rules *r, int named)
{
	char fixed[128], text[640];
	const char *which, *cp;
	int fi;
	if (named != 2 && (cp = code_page_of(t, r, 0, fixed, sizeof fixed, &which, &fi))) {
		code_page_text(text, sizeof text, t->files[fi].name, 0, cp, which, fixed, r);
		tally_note(t, 0, "%s", text);
	}
	if (r->not_utf8[0] && named != 1 &&
	    (cp = code_page_of(t, r, 1, fixed, sizeof fixed, &which, &fi))) {
		code_page_text(text, sizeof text, r->not_utf8, 1, cp, which, fixed, r);
		tally_note(t, 0, "%s", text);
	}
}


/* The WARNING of the names matched only without their middle names. */
static void reduced_note(struct tally *t, const struct rules *r)
{
	char list[520], n[48], m[32];
	size_t used = 0, shown = t->nreduced < 3 ? t->nreduced : 3;
	if (!t->nreduced)
		return;
	list[0] = '\0';
	for (size_t i = 0; i < shown && used < sizeof list; i++) {
		const struct tally_reduced *x = &t->reduced[i];
		used += (size_t)snprintf(list + used, sizeof list - used, "%s'%.80s' as %.80s (%s)",
					 i ? ", " : "", x->name, r->people[x->person].name,
					 report_count_of(x->runs, "run", "runs", n, sizeof n));
	}
	if (t->nreduced > shown && used < sizeof list)
		snprintf(list + used, sizeof list - used, " and %s more",
			 report_count(t->nreduced - shown, m, sizeof m));
	tally_note(t, 0,
		   "%s matched to %s without %s middle names: %s; add %s as %s to be sure",
		   report_count_of(t->nreduced, "name", "names", n, sizeof n),
		   rules_file_name(r->staff_path), t->nreduced == 1 ? "its" : "their", list,
		   t->nreduced == 1 ? "it" : "them", t->nreduced == 1 ? "an alias" : "aliases");
}

void joins_staff_runs(struct tally *t, const struct period *p)
{
	if (t->audited || !t->skipped[SKIP_SYSTEM] || t->coverage == 2)
		return;
	/* a quiet day (a Sunday's scheduled runs) is an answer when an input
	 * that reaches the period holds staff runs on other days; last
	 * month's full export beside this month's scheduled runs only is not */
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!production_read(f) || !f->staff || f->first == TIME_NONE)
			continue;
		int64_t a = times_local_day(f->first), b = times_local_day(f->last);
		if ((p->first_day == TIME_NONE || b >= p->first_day) &&
		    (p->last_day == TIME_NONE || a <= p->last_day))
			return;
	}
	char n[32];
	tally_note(t, 0,
		   "no staff run was audited: the production inputs that reach the period hold only "
		   "system runs "
		   "(scheduled, or by System; %s in the period); an export filtered by job type, "
		   "or taken from another tab of the job history, holds no manual run: export "
		   "every type",
		   report_count(t->skipped[SKIP_SYSTEM], n, sizeof n));
}

int joins_identity(struct tally *t, const struct rules *r)
{
	if (!r || !r->npeople)
		return 0;
	int noted;
	const struct tally_file *named = identity_error(t, r, &noted);
	code_page_note(t, r, noted > 1 ? noted - 1 : 0);
	const char *staff = rules_file_name(r->staff_path);
	/* an input that gives no name, whose ids are in no alma_ids: its
	 * unmatched runs may be anyone's, in staff.csv or not */
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!production_read(f) || f == named || !f->nameless)
			continue;
		char ids[160];
		if (!f->nameless_id[0])
			snprintf(ids, sizeof ids, "no submitted_by id either");
		else if (r->nids)
			snprintf(ids, sizeof ids, "their ids (such as '%s') are in no alma_ids of %s",
				 f->nameless_id, staff);
		else
			snprintf(ids, sizeof ids, "%s gives no alma_ids", staff);
		char n[32], all[32], fix[160];
		if (!f->nameless_id[0])
			snprintf(fix, sizeof fix, "ask the API again, or export with Submitted By");
		else
			snprintf(fix, sizeof fix, "%sadd each person's Alma ids to %s",
				 f->json ? "" : "export Submitted By Name too, or ", staff);
		tally_note(t, 0,
			   "%s of the %s manual runs of %s give no name%s and %s: "
			   "they cannot be matched to a person, and their findings say 'not matched', "
			   "not 'not in %s'; %s",
			   report_count(f->nameless, n, sizeof n), report_count(f->manual, all, sizeof all),
			   f->name, f->user_name_col ? "" : " (no submitted_by_desc column)", ids, staff,
			   fix);
	}
	reduced_note(t, r);
	return noted != 0;
}

void joins_gap_text(const struct tally_gap *g, char *buf, size_t size)
{
	char a[16], b[16], n[32];
	times_format_day(g->first, a, sizeof a);
	times_format_day(g->last, b, sizeof b);
	if (g->first == g->last)
		snprintf(buf, size, "%s", a);
	else
		snprintf(buf, size, "%s to %s (%s days)", a, b,
			 report_count((uint64_t)(g->last - g->first + 1), n, sizeof n));
}

struct span {
	int64_t first, last; /* local days */
};

static int by_first(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Records a gap: between two exports, of any length (a day no export
 * reaches, with exports on both sides, is missing); at an end of the
 * period, of more than a day (an export taken on a day with no runs yet
 * ends the day before: that day is a quiet day, not a missing one). */
static void gap(struct tally *t, int64_t first, int64_t last, int between)
{
	if (last < first || (!between && last - first < 1))
		return;
	t->ngaps_all++;
	t->gap_days += (uint64_t)(last - first + 1);
	if (t->ngaps < TALLY_GAPS)
		t->gaps[t->ngaps++] = (struct tally_gap){first, last};
}

/* 1 when the whole of days first..last lies in one gap recorded. */
static int in_gap(const struct tally *t, int64_t first, int64_t last)
{
	for (size_t i = 0; i < t->ngaps; i++)
		if (t->gaps[i].first <= first && last <= t->gaps[i].last)
			return 1;
	return 0;
}

/* The months of the period (two or more) in which no production run was
 * read, those whose days in the period lie in a gap already said aside. */
static void empty_months(struct tally *t, const struct period *p)
{
	char list[256] = "";
	size_t used = 0, n = 0;
	if (!t->months || t->nmonths < 2)
		return;
	for (size_t i = 0; i < t->nmonths; i++) {
		if (t->months[i])
			continue;
		int64_t m = t->month0 + (int64_t)i;
		int y = (int)(m / 12), mo = (int)(m % 12) + 1;
		int64_t first = times_days_from_civil(y, mo, 1);
		int64_t last = times_days_from_civil(mo == 12 ? y + 1 : y, mo == 12 ? 1 : mo + 1, 1) - 1;
		if (first < p->first_day)
			first = p->first_day;
		if (last > p->last_day)
			last = p->last_day;
		if (in_gap(t, first, last))
			continue;
		if (n++ < 6 && used < sizeof list)
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%04d-%02d",
						 n > 1 ? ", " : "", y, mo);
	}
	if (!n)
		return;
	char more[32];
	if (n > 6 && used < sizeof list)
		snprintf(list + used, sizeof list - used, " and %s more",
			 report_count(n - 6, more, sizeof more));
	char months[32];
	tally_note(t, 0,
		   "%s %s of the period %s no production run in the inputs: %s; the inputs' span "
		   "reaches %s, yet holds no run of %s",
		   report_count(n, months, sizeof months), n == 1 ? "month" : "months", n == 1 ? "has" : "have", list,
		   n == 1 ? "it" : "them", n == 1 ? "it" : "them");
}

/* The period not covered, t->uncovered saying why: no gap kept (the whole
 * period is missing), the ERROR said; -1. */
static int not_covered(struct tally *t)
{
	t->coverage = 2;
	t->ngaps = t->ngaps_all = 0;
	t->gap_days = 0;
	diag_error(NULL, 0, "%s", t->uncovered);
	return -1;
}

/* 1 when the exports that say they hold rows of total (the pages of one
 * report, given as several files) hold all of them together: their
 * ranges joined, a page given twice counted once. */
static int pages_whole(const struct tally *t, uint64_t total)
{
	uint64_t next = 1; /* the first row not yet held */
	for (int grew = 1; grew && next <= total;) {
		grew = 0;
		for (size_t j = 0; j < t->nfiles; j++) {
			const struct tally_file *g = &t->files[j];
			if (g->rows_total == total && g->rows_first <= next && g->rows_last >= next) {
				next = g->rows_last + 1;
				grew = 1;
			}
		}
	}
	return next > total;
}

/* What the exports say of themselves that the figures cannot: the title
 * lines skipped above a header (a report's name, and the filter it ran
 * with: "Job Category is equal to Import"), an export that says it holds
 * rows 1 to N of more, one that ends on the last line a sheet of Excel
 * holds. WARNINGs at the top of every report. */
static void export_notes(struct tally *t)
{
	char titles[480] = "";
	size_t used = 0, shown = 0;
	for (size_t i = 0; i < t->nfiles; i++) {
		struct tally_file *f = &t->files[i];
		char n[32], m[32], k[32];
		if (f->title_text[0] && shown < 3 && used < sizeof titles) {
			used += (size_t)snprintf(titles + used, sizeof titles - used, "%s%s: %s",
						 shown++ ? "; " : "", f->name, f->title_text);
		}
		if (f->rows_total && !pages_whole(t, f->rows_total))
			tally_note(t, 0,
				   "%s says it holds rows %s to %s of %s: the others are not in it, "
				   "and nothing below answers for them; export them all",
				   f->name, report_count(f->rows_first, k, sizeof k),
				   report_count(f->rows_last, n, sizeof n),
				   report_count(f->rows_total, m, sizeof m));
		/* a CSV of as many rows (header and titles too) as a sheet holds */
		uint64_t sheet = f->rows + 1 + f->titles;
		if (f->delim && (sheet == 65536 || sheet == 1048576))
			tally_note(t, 0,
				   "%s has %s rows with its header, as many as a sheet of Excel holds: "
				   "if it went through Excel, the runs past them were cut, and nothing "
				   "below answers for them",
				   f->name, report_count(sheet, n, sizeof n));
	}
	if (used)
		tally_note(t, 0,
			   "title lines above the header, skipped (%s): if one is a report's filter, "
			   "the export holds only the runs it let through, and nothing below answers "
			   "for the others",
			   titles);
}

int joins_coverage(struct tally *t, const struct period *p, int any_run)
{
	export_notes(t);
	size_t nread = 0, n = 0;
	struct span *spans = malloc((t->nfiles ? t->nfiles : 1) * TALLY_PARTS * sizeof *spans);
	if (!spans) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!production_read(f))
			continue;
		nread++;
		/* each export of the file: exports concatenated keep their gaps */
		for (unsigned k = 0; k < f->nparts; k++)
			spans[n++] = (struct span){times_local_day(f->part[k].first),
						   times_local_day(f->part[k].last)};
	}
	int open = p->first_day == TIME_NONE && p->last_day == TIME_NONE;
	if (!nread) {
		/* production inputs given, none read (each said where it
		 * failed): the period is not covered; none given (a run
		 * listing of sandbox exports): nothing to compare */
		free(spans);
		size_t given = 0;
		for (size_t i = 0; i < t->nfiles; i++)
			given += t->files[i].env == RUN_PRODUCTION; /* read once as sandbox too */
		if (!given)
			return 0;
		message(t->uncovered, sizeof t->uncovered,
			"no production input could be read: nothing was audited");
		return not_covered(t);
	}
	qsort(spans, n, sizeof *spans, by_first);
	/* the union of the spans, clipped to the period */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (m && spans[i].first <= spans[m - 1].last + 1) {
			if (spans[i].last > spans[m - 1].last)
				spans[m - 1].last = spans[i].last;
		} else {
			spans[m++] = spans[i];
		}
	}
	int64_t from = p->first_day, to = p->last_day;
	if (open && m) {
		/* all dates: the days between the first export's first run and
		 * the last's last, whose gaps between exports are said too (a
		 * month's export left out of a year's review) */
		from = spans[0].first;
		to = spans[m - 1].last;
	}
	int reached = 0;
	for (size_t i = 0; i <= m; i++) {
		/* the days before span i (after the last span when i == m):
		 * after the span before it, or from the period's first day */
		int64_t g0 = i ? spans[i - 1].last + 1 : from;
		int64_t g1 = i < m ? spans[i].first - 1 : to;
		if (g0 != TIME_NONE && g1 != TIME_NONE) {
			if (from != TIME_NONE && g0 < from)
				g0 = from;
			if (to != TIME_NONE && g1 > to)
				g1 = to;
			gap(t, g0, g1, i > 0 && i < m);
		}
		if (i < m && (from == TIME_NONE || spans[i].last >= from) &&
		    (to == TIME_NONE || spans[i].first <= to))
			reached = 1;
	}
	/* a one-day period the day before the first export or after the
	 * last: within the day's tolerance at an end, a quiet day */
	if (!reached && m && from != TIME_NONE && from == to &&
	    (to == spans[0].first - 1 || from == spans[m - 1].last + 1))
		reached = 1;
	free(spans);
	/* the run listing answers for the sandbox runs in the period too */
	if (!reached && any_run && t->in_period) {
		t->quiet = 0;
		return 0;
	}
	if (!reached) {
		char text[96], seen[80] = "";
		period_text(p, text, sizeof text);
		if (t->first != TIME_NONE) {
			char a[32], b[32];
			times_format_local(t->first, a, sizeof a);
			times_format_local(t->last, b, sizeof b);
			snprintf(seen, sizeof seen, " (runs seen %s to %s)", a, b);
		}
		/* rows rejected: the runs may be there, unread (dates in a
		 * form not read): said, with the first reason and its line */
		char rejected[200] = "";
		uint64_t nrej = tally_rejected(t);
		if (nrej && t->nrejects) {
			const struct tally_reject *r = &t->rejects[0];
			char count[32];
			snprintf(rejected, sizeof rejected, "%s %s rejected (%s: %.64s at %.48s:%ld)",
				 report_count(nrej, count, sizeof count), nrej == 1 ? "row" : "rows",
				 tally_reject_name(r->why), r->detail, r->file, r->line);
		}
		/* every input read stopped before its first row (an API error
		 * object, a file cut in its first line): no run could be read */
		const struct tally_file *stopped = NULL;
		size_t nprod = 0, nstopped = 0, unread = 0;
		for (size_t i = 0; i < t->nfiles; i++) {
			const struct tally_file *f = &t->files[i];
			if (f->env == RUN_PRODUCTION && !f->same_as && f->unread)
				unread++;
			if (!production_read(f))
				continue;
			nprod++;
			if (f->incomplete && !f->rows && nstopped++ == 0)
				stopped = f;
		}
		if (!n && nprod && nstopped == nprod) {
			char more[64] = "";
			if (nstopped + unread > 1)
				snprintf(more, sizeof more, " (and %zu more %s not read either)",
					 nstopped + unread - 1, nstopped + unread > 2 ? "inputs" : "input");
			message(t->uncovered, sizeof t->uncovered,
				"no production run could be read: %.120s stopped at line %ld, before its "
				"first run%s",
				stopped->name, stopped->error_line, more);
		} else if (rejected[0] && !n) {
			message(t->uncovered, sizeof t->uncovered,
				"no production run could be read: %s", rejected);
		} else if (rejected[0]) {
			/* cut when too long: the rejected rows' part is the last */
			message(t->uncovered, sizeof t->uncovered,
				"no production run of the inputs falls in the period %s%s, and %s", text,
				seen, rejected);
		} else if (open) {
			message(t->uncovered, sizeof t->uncovered,
				"the production inputs hold no run: nothing was audited%s", seen);
		} else {
			message(t->uncovered, sizeof t->uncovered,
				"no %srun of the inputs falls in the period %s: the exports do not "
				"cover it%s",
				any_run ? "" : "production ", text, seen);
		}
		return not_covered(t);
	}
	if (t->ngaps_all) {
		char text[96], list[300] = "";
		size_t used = 0;
		period_text(p, text, sizeof text);
		for (size_t i = 0; i < t->ngaps && i < 3 && used < sizeof list; i++) {
			char g[64];
			joins_gap_text(&t->gaps[i], g, sizeof g);
			used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", g);
		}
		char more[32];
		if (t->ngaps_all > 3 && used < sizeof list)
			snprintf(list + used, sizeof list - used, " and %s more stretches",
				 report_count(t->ngaps_all - 3, more, sizeof more));
		t->coverage = 1;
		if (open)
			tally_note(t, 0,
				   "the exports leave days between them: no production export "
				   "reaches %s; nothing below answers for %s",
				   list, t->gap_days == 1 ? "that day" : "those days");
		else
			tally_note(t, 0,
				   "the inputs cover only part of the period %s: no production "
				   "export reaches %s; nothing below answers for %s",
				   text, list, t->gap_days == 1 ? "that day" : "those days");
	}
	empty_months(t, p);
	t->quiet = !t->in_period;
	return 0;
}

int joins_dates(struct tally *t)
{
	int any = 0;
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!f->date_conflict)
			continue;
		any = 1;
		if (f->slash_line)
			tally_note(t, 1,
				   "the dates of %s cannot be read with certainty: line %ld's %s proved "
				   "them %s first, but line %ld's %s is %s first (its row rejected)",
				   f->name, f->slash_line, f->slash_date, f->slash == 2 ? "day" : "month",
				   f->date_conflict, f->conflict_date, f->slash == 2 ? "month" : "day");
		else
			tally_note(t, 1,
				   "the dates of %s cannot be read with certainty: they were read %s "
				   "first (no date in its first rows said which), but line %ld's %s is "
				   "%s first (its row rejected)",
				   f->name, f->slash == 2 ? "day" : "month", f->date_conflict,
				   f->conflict_date, f->slash == 2 ? "month" : "day");
	}
	return any;
}
