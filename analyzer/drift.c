#include "drift.h"

#include "diag.h"
#include "match.h"
#include "times.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cmp {
	const struct page *p;
	const struct rules *r;
	struct drift *d;
	int *tjob;	    /* [title]: its job, or -1 */
	int oom;
};

static void add(struct cmp *c, int on_page, long line, const char *fmt, ...) DIAG_PRINTF(4, 5);

static void add(struct cmp *c, int on_page, long line, const char *fmt, ...)
{
	struct drift *d = c->d;
	if (c->oom)
		return;
	if (d->n == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 16;
		struct drift_item *q = realloc(d->items, ncap * sizeof *q);
		if (!q) {
			c->oom = 1;
			return;
		}
		d->items = q;
		d->cap = ncap;
	}
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *text = len >= 0 ? malloc((size_t)len + 1) : NULL;
	if (!text) {
		c->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(text, (size_t)len + 1, fmt, ap);
	va_end(ap);
	d->items[d->n] = (struct drift_item){on_page, line, d->n, text};
	d->n++;
}

static int ci_contains(const char *s, const char *needle)
{
	size_t m = strlen(needle);
	for (; s && *s; s++) {
		size_t k = 0;
		while (k < m && tolower((unsigned char)s[k]) == needle[k])
			k++;
		if (k == m)
			return 1;
	}
	return 0;
}

static int ci_begins(const char *s, const char *prefix)
{
	size_t m = strlen(prefix);
	for (size_t k = 0; k < m; k++)
		if (!s || tolower((unsigned char)s[k]) != prefix[k])
			return 0;
	return 1;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t drift_unit_key(const char *unit, char *key, size_t size)
{
	char buf[256];
	char *tok[64];
	size_t nt = 0, len = 0;
	snprintf(buf, sizeof buf, "%s", unit ? unit : "");
	for (char *s = buf; *s && nt < 64;) {
		size_t n = strcspn(s, ",/; \t");
		if (n) {
			for (size_t i = 0; i < n; i++)
				s[i] = (char)tolower((unsigned char)s[i]);
			tok[nt++] = s;
		}
		if (!s[n])
			break;
		s[n] = '\0';
		s += n + 1;
	}
	qsort(tok, nt, sizeof *tok, cmp_str);
	if (size)
		key[0] = '\0';
	for (size_t i = 0; i < nt; i++) {
		if (i && !strcmp(tok[i], tok[i - 1]))
			continue;
		int w = snprintf(key + len, len < size ? size - len : 0, "%s%s", len ? " " : "",
				 tok[i]);
		if (w < 0 || len + (size_t)w >= size) {
			len = size ? size - 1 : 0;
			break;
		}
		len += (size_t)w;
	}
	return len;
}

/* The first approval of person for job, or -1. */
static long approval_of(const struct rules *r, int person, int job)
{
	for (size_t i = r->person_first[person]; i < r->person_first[person + 1]; i++)
		if (r->approvals[r->by_person[i]].job == job)
			return (long)r->by_person[i];
	return -1;
}

/* 1 when one of person's approvals quotes the page's "Name (UNIT)" in its
 * note: the difference was decided (rules/README.md, "Units"). */
static int unit_quoted(const struct rules *r, int person, const char *name, const char *unit)
{
	char quote[512];
	snprintf(quote, sizeof quote, "%s (%s)", name, unit);
	for (size_t i = r->person_first[person]; i < r->person_first[person + 1]; i++) {
		const char *note = r->approvals[r->by_person[i]].note;
		if (note && strstr(note, quote))
			return 1;
	}
	return 0;
}

static void revoked_text(const struct rules_approval *a, char *buf, size_t size)
{
	if (a->revoked == RULES_UNDATED)
		snprintf(buf, size, "date not recorded");
	else
		times_format_day(a->revoked, buf, size);
}

/* A unit that differs, with every page line that gives it. */
struct unit_diff {
	int person;
	const char *unit;
	char key[128];
	long first;
	char lines[256];
};

static void person_line(struct cmp *c, int t, const struct page_person *b, unsigned char *seen,
			struct unit_diff *ud, size_t *nud)
{
	const struct rules *r = c->r;
	const struct page_title *pt = &c->p->titles[t];
	int job = c->tjob[t];
	int person = rules_person_by_text(r, b->name);
	if (person < 0) {
		const char *near = rules_nearest_person(r, b->name);
		add(c, 1, b->line, "\"%s\": %s is listed, but is not in staff.csv%s%s%s", pt->title,
		    b->name, near ? " (did you mean " : "", near ? near : "", near ? "?)" : "");
		return;
	}
	if (b->unit) {
		char pk[128], sk[128];
		drift_unit_key(b->unit, pk, sizeof pk);
		drift_unit_key(r->people[person].unit, sk, sizeof sk);
		if (strcmp(pk, sk) && !unit_quoted(r, person, b->name, b->unit)) {
			size_t i = 0;
			while (i < *nud && (ud[i].person != person || strcmp(ud[i].key, pk)))
				i++;
			if (i == *nud && *nud < c->p->npeople) {
				ud[i].person = person;
				ud[i].unit = b->unit;
				snprintf(ud[i].key, sizeof ud[i].key, "%s", pk);
				ud[i].first = b->line;
				ud[i].lines[0] = '\0';
				(*nud)++;
			} else if (i < *nud) {
				size_t l = strlen(ud[i].lines);
				snprintf(ud[i].lines + l, sizeof ud[i].lines - l, "%s%ld",
					 l ? ", " : "", b->line);
			}
		}
	}
	if (job < 0)
		return;
	long ai = approval_of(r, person, job);
	if (ai < 0) {
		add(c, 1, b->line, "\"%s\": %s is listed, but approvals.csv has no approval of %s for %s",
		    pt->title, b->name, r->people[person].name, r->jobs[job].id);
		return;
	}
	seen[ai] = 1;
	const struct rules_approval *a = &r->approvals[ai];
	char when[32];
	if (b->revoked && a->revoked == RULES_NO_DATE)
		add(c, 1, b->line, "\"%s\": %s \"%s\", but approvals.csv:%ld does not revoke the approval",
		    pt->title, b->name, b->note, a->line);
	if (!b->revoked && a->revoked != RULES_NO_DATE) {
		revoked_text(a, when, sizeof when);
		add(c, 1, b->line, "\"%s\": %s is listed, but approvals.csv:%ld revokes the approval (%s)",
		    pt->title, b->name, a->line, when);
	}
	const char *sets = b->sets ? b->note : pt->sets;
	if (sets && !a->sets) {
		add(c, 1, b->line, "\"%s\": %s is limited to \"%s\", but approvals.csv:%ld has no sets",
		    pt->title, b->name, sets, a->line);
	} else if (sets && match_run(a->sets, sets, strlen(sets)) != 1) {
		add(c, 1, b->line, "\"%s\": %s is limited to \"%s\", but approvals.csv:%ld's sets %s "
				   "does not match it",
		    pt->title, b->name, sets, a->line, a->sets_src);
	} else if (!sets && a->sets && !b->revoked) {
		add(c, 1, b->line, "\"%s\": %s has no set limit, but approvals.csv:%ld limits the "
				   "approval to sets matching %s",
		    pt->title, b->name, a->line, a->sets_src);
	}
	if (b->note && !b->revoked && !b->sets)
		add(c, 1, b->line, "\"%s\": %s: the note \"%s\" is not one drift reads; compare "
				   "approvals.csv:%ld by hand",
		    pt->title, b->name, b->note, a->line);
}

/* The include a note implies: an approval for title `from`'s job grants
 * title `to`'s job. */
static void grants(struct cmp *c, const struct page_remark *m, size_t from, size_t to)
{
	int k = c->tjob[from], j = c->tjob[to];
	if (k < 0 || j < 0 || k == j || rules_grants(c->r, k, j))
		return;
	add(c, 1, m->line, "\"(%s)\": %s (\"%s\") does not include %s (\"%s\") in jobs.csv:%ld",
	    m->text, c->r->jobs[k].id, c->r->jobs[k].title, c->r->jobs[j].id, c->r->jobs[j].title,
	    c->r->jobs[k].line);
}

static void remark(struct cmp *c, const struct page_remark *m)
{
	const struct page *p = c->p;
	if (m->title < 0) {
		add(c, 1, m->line, "\"%s\" stands under no job title; compare the rules by hand",
		    m->text);
		return;
	}
	size_t t = (size_t)m->title;
	switch (m->kind) {
	case PAGE_ALL_ABOVE:
		if (t > 0)
			grants(c, m, t - 1, t);
		break;
	case PAGE_ORDERS_LISTED: {
		size_t target = p->ntitles;
		for (size_t i = 0; i < p->nremarks && target == p->ntitles; i++)
			if (p->remarks[i].kind == PAGE_ORDERS_HOLDERS && p->remarks[i].title >= 0)
				target = (size_t)p->remarks[i].title;
		for (size_t i = 0; i < p->ntitles && target == p->ntitles; i++)
			if (ci_contains(p->titles[i].scope, "without orders"))
				target = i;
		if (target < p->ntitles)
			grants(c, m, t, target);
		break;
	}
	case PAGE_ORDERS_HOLDERS:
		for (size_t i = 0; i < p->ntitles; i++)
			if (ci_contains(p->titles[i].scope, "with orders"))
				grants(c, m, i, t);
		break;
	case PAGE_INCLUDES_BELOW:
		for (size_t i = t + 1; i < p->ntitles; i++)
			if (ci_begins(p->titles[i].scope, "import profiles"))
				grants(c, m, t, i);
		break;
	case PAGE_ANYONE_IMPORT:
		for (size_t i = 0; i < p->ntitles; i++)
			if (ci_contains(p->titles[i].scope, "import profile"))
				grants(c, m, i, t);
		break;
	case PAGE_REMARK_OTHER:
		add(c, 1, m->line, "\"%s\": the note \"(%s)\" is not one drift reads; compare the rules "
				   "by hand",
		    p->titles[t].title, m->text);
		break;
	}
}

static int item_cmp(const void *a, const void *b)
{
	const struct drift_item *x = a, *y = b;
	if (x->on_page != y->on_page)
		return y->on_page - x->on_page;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int drift_compare(const struct page *p, const struct rules *r, struct drift *d)
{
	struct cmp c = {p, r, d, NULL, 0};
	memset(d, 0, sizeof *d);
	unsigned char *seen = calloc(r->napprovals + 1, 1);
	unsigned char *mapped = calloc(r->njobs + 1, 1);
	long *job_line = calloc(r->njobs + 1, sizeof *job_line);
	struct unit_diff *ud = calloc(p->npeople + 1, sizeof *ud);
	size_t nud = 0;
	c.tjob = calloc(p->ntitles + 1, sizeof *c.tjob);
	if (!seen || !mapped || !job_line || !ud || !c.tjob)
		c.oom = 1;

	/* titles and their jobs */
	for (size_t t = 0; !c.oom && t < p->ntitles; t++) {
		const struct page_title *pt = &p->titles[t];
		int j = rules_job_by_title(r, pt->title, 0);
		int first = j;
		while (j >= 0 && mapped[j])
			j = rules_job_by_title(r, pt->title, j + 1);
		c.tjob[t] = j;
		if (j < 0 && first >= 0) {
			add(&c, 1, pt->line, "\"%s\" is on the page again (line %ld); jobs.csv has one "
					     "job of this title",
			    pt->title, job_line[first]);
			continue;
		}
		if (j < 0) {
			add(&c, 1, pt->line, "\"%s\" (scope \"%s\") has no job of this title in jobs.csv",
			    pt->title, pt->scope ? pt->scope : "");
			continue;
		}
		mapped[j] = 1;
		job_line[j] = pt->line;
		if (pt->damaging != (r->jobs[j].damaging != 0))
			add(&c, 1, pt->line, "\"%s\": %s on the page, but jobs.csv:%ld has damaging %s",
			    pt->title, pt->damaging ? "(warning)" : "no (warning)", r->jobs[j].line,
			    r->jobs[j].damaging ? "yes" : "no");
	}
	/* the people under each title */
	for (size_t t = 0; !c.oom && t < p->ntitles; t++) {
		const struct page_title *pt = &p->titles[t];
		for (size_t i = pt->first; i < pt->first + pt->n; i++)
			person_line(&c, (int)t, &p->people[i], seen, ud, &nud);
		int j = c.tjob[t];
		if (j < 0)
			continue;
		/* approvals of this job of people not listed (a revoked one may go) */
		for (size_t a = 0; a < r->napprovals; a++) {
			const struct rules_approval *ap = &r->approvals[a];
			if (ap->job != j || seen[a] || ap->revoked != RULES_NO_DATE)
				continue;
			seen[a] = 1;
			add(&c, 1, pt->line, "\"%s\": approvals.csv:%ld approves %s for %s, but they are "
					     "not listed%s",
			    pt->title, ap->line, ap->staff, r->jobs[j].id,
			    pt->truncated ? " (the page ends at this title: its list may be cut off)"
					  : "");
		}
	}
	for (size_t i = 0; i < nud && !c.oom; i++) {
		const struct rules_person *rp = &r->people[ud[i].person];
		add(&c, 1, ud[i].first, "%s: unit \"%s\" on the page%s%s%s, but %s%s%s in staff.csv:%ld",
		    rp->name, ud[i].unit, ud[i].lines[0] ? " (also lines " : "", ud[i].lines,
		    ud[i].lines[0] ? ")" : "", rp->unit && *rp->unit ? "\"" : "",
		    rp->unit && *rp->unit ? rp->unit : "none",
		    rp->unit && *rp->unit ? "\"" : "", rp->line);
	}
	for (size_t i = 0; i < p->nremarks && !c.oom; i++)
		remark(&c, &p->remarks[i]);
	for (size_t j = 0; j < r->njobs && !c.oom; j++)
		if (!mapped[j])
			add(&c, 0, r->jobs[j].line, "job %s \"%s\" is not on the page", r->jobs[j].id,
			    r->jobs[j].title);
	free(seen);
	free(mapped);
	free(job_line);
	free(ud);
	free(c.tjob);
	if (c.oom) {
		diag_error(NULL, 0, "out of memory");
		drift_free(d);
		return -1;
	}
	if (d->n)
		qsort(d->items, d->n, sizeof *d->items, item_cmp);
	return 0;
}

void drift_free(struct drift *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->items[i].text);
	free(d->items);
	memset(d, 0, sizeof *d);
}
