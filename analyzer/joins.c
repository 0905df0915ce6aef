#include "joins.h"

#include "cells.h"
#include "diag.h"
#include "times.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void joins_person(struct tally *t, const char *user, const char *user_name, int matched)
{
	t->manual_runs++;
	if (matched) {
		t->matched++;
		return;
	}
	const char *who = user_name[0] ? user_name : user;
	if (!who[0] || t->nunmatched == sizeof t->unmatched / sizeof t->unmatched[0])
		return;
	for (size_t i = 0; i < t->nunmatched; i++)
		if (!strncmp(t->unmatched[i], who, sizeof t->unmatched[0] - 1))
			return;
	snprintf(t->unmatched[t->nunmatched++], sizeof t->unmatched[0], "%s", who);
}

/* "'a', 'b', 'c'": the unmatched ids or names kept. */
static void examples(const struct tally *t, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < t->nunmatched && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s'%s'", i ? ", " : "",
					 t->unmatched[i]);
}

/* A production input read (not unread, not a second name of one). */
static int production_read(const struct tally_file *f)
{
	return f->env == RUN_PRODUCTION && !f->unread && !f->same_as;
}

int joins_identity(struct tally *t, const struct rules *r)
{
	if (!r || !r->npeople || !t->manual_runs || t->matched * 2 >= t->manual_runs)
		return 0;
	const struct tally_file *no_name = NULL, *names = NULL, *cp1252 = NULL;
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!production_read(f))
			continue;
		if (!f->user_name_col && !f->names_in_user && !no_name)
			no_name = f;
		if (f->names_in_user && !names)
			names = f;
		if (f->encoding && !strcmp(f->encoding, "Windows-1252") && !cp1252)
			cp1252 = f;
	}
	char seen[240], cause[480];
	examples(t, seen, sizeof seen);
	const char *staff = rules_file_name(r->staff_path);
	if (no_name && !r->nids) {
		char hint[240];
		if (no_name->name_like[0])
			snprintf(hint, sizeof hint,
				 "; if its column '%s' holds the names, give --column "
				 "submitted_by_desc='%s'",
				 no_name->name_like, no_name->name_like);
		else
			snprintf(hint, sizeof hint,
				 "; export the Submitted By Name column too, or add each person's "
				 "Alma ids to %s",
				 staff);
		snprintf(cause, sizeof cause,
			 "%s has no submitted_by_desc column (Submitted By Name) and %s gives no "
			 "alma_ids, so runs can be matched by neither name nor id%s",
			 no_name->name, staff, hint);
	} else if (no_name) {
		snprintf(cause, sizeof cause,
			 "%s has no submitted_by_desc column (Submitted By Name), and the "
			 "submitted_by ids (%s) are not among the alma_ids of %s%s%s%s",
			 no_name->name, seen, staff, no_name->name_like[0] ? "; if its column '" : "",
			 no_name->name_like,
			 no_name->name_like[0] ? "' holds the names, give --column submitted_by_desc" : "");
	} else if (names) {
		snprintf(cause, sizeof cause,
			 "%s's submitted_by holds names, not Alma ids (read as names), and they "
			 "(%s) are not names or aliases in %s",
			 names->name, seen, staff);
	} else if (cp1252) {
		snprintf(cause, sizeof cause,
			 "%s is not UTF-8 (read as Windows-1252); if its names are in another "
			 "encoding they cannot match (save it as CSV UTF-8); unmatched: %s",
			 cp1252->name, seen);
	} else {
		snprintf(cause, sizeof cause,
			 "the people who ran them (%s) are not in %s: add them, with their "
			 "alma_ids",
			 seen, staff);
	}
	char m[32], of[32];
	tally_note(t, 1,
		   "only %s of %s manual runs matched a person in %s: %s; "
		   "the findings about people below are not to be trusted",
		   report_count(t->matched, m, sizeof m), report_count(t->manual_runs, of, sizeof of),
		   staff, cause);
	return 1;
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

/* Records a gap of more than a day (a day without runs at an end or
 * between exports is a quiet day, not a missing one). */
static void gap(struct tally *t, int64_t first, int64_t last)
{
	if (last - first < 1)
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

int joins_coverage(struct tally *t, const struct period *p, int any_run)
{
	size_t nread = 0, n = 0;
	struct span *spans = malloc((t->nfiles ? t->nfiles : 1) * sizeof *spans);
	if (!spans) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		if (!production_read(f))
			continue;
		nread++;
		if (f->first != TIME_NONE)
			spans[n++] = (struct span){times_local_day(f->first), times_local_day(f->last)};
	}
	int open = p->first_day == TIME_NONE && p->last_day == TIME_NONE;
	if (!nread || (open && n)) {
		free(spans);
		return 0;
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
	int64_t from = p->first_day, to = p->last_day, at = from;
	int reached = 0;
	for (size_t i = 0; i < m; i++) {
		int64_t a = spans[i].first, b = spans[i].last;
		if ((from != TIME_NONE && b < from) || (to != TIME_NONE && a > to))
			continue;
		if (from != TIME_NONE && a < from)
			a = from;
		if (to != TIME_NONE && b > to)
			b = to;
		if (at != TIME_NONE && a > at)
			gap(t, at, a - 1);
		at = b + 1;
		reached = 1;
	}
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
		if (open)
			snprintf(t->uncovered, sizeof t->uncovered,
				 "the production inputs hold no run: nothing was audited%s", seen);
		else
			snprintf(t->uncovered, sizeof t->uncovered,
				 "no %srun of the inputs falls in the period %s: the exports do not "
				 "cover it%s",
				 any_run ? "" : "production ", text, seen);
		t->coverage = 2;
		t->ngaps = t->ngaps_all = 0;
		t->gap_days = 0;
		diag_error(NULL, 0, "%s", t->uncovered);
		return -1;
	}
	if (to != TIME_NONE && at <= to)
		gap(t, at, to);
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
		tally_note(t, 0,
			   "the inputs cover only part of the period %s: no production export "
			   "reaches %s; nothing below answers for %s",
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
				   "the dates of %s cannot be read with certainty: they were read month "
				   "first (no date in its first rows said which), but line %ld's %s is "
				   "day first (its row rejected)",
				   f->name, f->date_conflict, f->conflict_date);
	}
	return any;
}
