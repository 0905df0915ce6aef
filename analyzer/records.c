#include "records.h"

#include "match.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* What a counter's text says, found in one pass over it lower-cased
 * (ASCII letters; a text longer than TEXT_MAX is cut there): a million
 * runs' counters are many short texts. */
#define TEXT_MAX 512
enum {
	SAYS_TOTAL = 1,	    /* "total" */
	SAYS_RECORDS = 2,   /* "records", "processed", or "in set" as words */
	SAYS_PARTIAL = 4,   /* failed, error, ... or the words not, non, without */
};

/* Whether p starts with the literal w (the text is padded with NULs past
 * its end, so that the bytes compared are there). */
#define STARTS(p, w) (memcmp((p), (w), sizeof(w) - 1) == 0)
#define PAD 16 /* at least the longest literal */

/* Whether the n letters at p in low are a word of their own. */
static int word_at(const char *low, const char *p, size_t n)
{
	return (p == low || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[n]);
}

/* 1 when the part word at p is in what "including" or "incl." lists: after
 * it, before the next ')' or ';' ("(including records with errors)",
 * "including failed and skipped": the whole); a part word before it
 * ("failed (incl. rejected)"), after the list's end, or after "incl. in"
 * ("included in error report") is still a part. */
static int included(const char *incl_end, const char *p)
{
	if (!incl_end || p < incl_end)
		return 0;
	for (const char *q = incl_end; q < p; q++)
		if (*q == ')' || *q == ';')
			return 0;
	return 1;
}

/* After "including" or "incl" at p (n letters): where its list starts, or
 * NULL when it is "incl. in" / "including in" (a place, not a list). */
static const char *list_after(const char *p, size_t n)
{
	const char *q = p + n;
	while (*q == '.' || *q == ' ' || *q == ':')
		q++;
	return STARTS(q, "in ") ? NULL : q;
}

static unsigned says(const char *text)
{
	char low[TEXT_MAX + PAD];
	size_t len = 0;
	for (; text[len] && len < TEXT_MAX; len++)
		low[len] = (char)tolower((unsigned char)text[len]);
	memset(low + len, 0, PAD);
	unsigned f = 0;
	const char *incl_end = NULL; /* where the list of the last "including" starts */
#define PART(cond) (f |= (cond) && !included(incl_end, p) ? SAYS_PARTIAL : 0)
	for (const char *p = low; *p; p++) {
		switch (*p) {
		case 'd':
			PART(STARTS(p, "duplicat"));
			break;
		case 'e':
			PART(STARTS(p, "error") || STARTS(p, "exclu"));
			break;
		case 'f':
			PART(STARTS(p, "fail"));
			break;
		case 'i':
			PART(STARTS(p, "invalid") || STARTS(p, "ignor"));
			if (word_at(low, p, 9) && STARTS(p, "including"))
				incl_end = list_after(p, 9);
			else if (word_at(low, p, 4) && STARTS(p, "incl"))
				incl_end = list_after(p, 4);
			f |= STARTS(p, "in set") && word_at(low, p, 6) ? SAYS_RECORDS : 0;
			break;
		case 'm':
			PART(STARTS(p, "mismatch"));
			break;
		case 'n':
			PART((STARTS(p, "not") || STARTS(p, "non")) && word_at(low, p, 3));
			break;
		case 'p':
			f |= STARTS(p, "processed") ? SAYS_RECORDS : 0;
			break;
		case 'r':
			PART(STARTS(p, "reject"));
			f |= STARTS(p, "records") ? SAYS_RECORDS : 0;
			break;
		case 's':
			PART(STARTS(p, "skip"));
			break;
		case 't':
			f |= STARTS(p, "total") ? SAYS_TOTAL : 0;
			break;
		case 'u':
			PART(STARTS(p, "unchang") || STARTS(p, "unmatch"));
			break;
		case 'w':
			PART(STARTS(p, "warn") || STARTS(p, "withheld") ||
			     (STARTS(p, "without") && word_at(low, p, 7)));
			break;
		}
	}
#undef PART
	return f;
}

int records_is_partial(const char *text)
{
	return (says(text) & SAYS_PARTIAL) != 0;
}

/* A counter's type.value says a part: its last dotted part does (the part
 * before it names the job: delete_holdings_without_items.holdings_in_set). */
static int type_partial(const char *type)
{
	const char *dot = strrchr(type, '.');
	return records_is_partial(dot ? dot + 1 : type);
}

int records_is_total(const char *desc)
{
	unsigned f = says(desc);
	return (f & (SAYS_TOTAL | SAYS_RECORDS)) == (SAYS_TOTAL | SAYS_RECORDS) &&
	       !records_is_partial(desc);
}

/* A counter's value as a count, read as a record count cell is (run.h:
 * digits, perhaps grouped, "2,400", "2.400"). */
static int count_of(const char *s, int64_t *out)
{
	uint64_t v;
	if (run_parse_count(s, strlen(s), (uint64_t)1 << 53, &v) != 0)
		return -1;
	*out = (int64_t)v;
	return 0;
}

/* "(of 3 counters: a, b, c)" into buf, as far as it goes. */
static void counters_list(const struct run *run, char *buf, size_t size)
{
	size_t used = (size_t)snprintf(buf, size, "(of %zu counter%s: ", run->ncounters,
				       run->ncounters == 1 ? "" : "s");
	for (size_t i = 0; i < run->ncounters && used + 8 < size; i++) {
		const struct run_counter *c = &run->counters[i];
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
					 c->type[0] ? c->type : c->desc);
	}
	if (used + 2 >= size && size > 5)
		memcpy(buf + size - 5, "...)", 5);
	else if (used + 1 < size)
		snprintf(buf + used, size - used, ")");
}

int records_resolve(const struct rules *r, struct run *run, char *note, size_t size)
{
	if (!run->api)
		return 0;
	run->records = -1;
	run->records_bad = NULL;
	run->records_note = note;
	note[0] = '\0';
	int job = rules_job_for_name(r, run->name, strlen(run->name));
	if (job == -2) {
		snprintf(note, size, "not looked for: a jobs.csv pattern hit the PCRE2 match limit");
		return -1;
	}
	const struct rules_job *jb = job >= 0 ? &r->jobs[job] : NULL;
	const struct pattern *p = jb ? jb->records : NULL;
	char where[96] = "";
	if (p)
		snprintf(where, sizeof where, "%s:%ld's records pattern",
			 rules_file_name(r->jobs_path), jb->line);
	/* The candidates: the counters the pattern matches, or (the default
	 * rule) those whose desc reads as a total ("total" with "records",
	 * "processed" or "in set"). Each is a whole, or a part (failed,
	 * skipped, not ...: in its desc, or in its type.value's last dotted
	 * part). The count is the largest value among them (a part is never
	 * more than the whole: the set is at least that) when a whole gives a
	 * count and none is unreadable (it might be the largest); else the run
	 * has none: a count too small would clear a run silently. */
	const struct run_counter *best = NULL, *bad = NULL, *part = NULL;
	int64_t best_v = -1;
	size_t cands = 0, wholes = 0;
	for (size_t i = 0; i < run->ncounters; i++) {
		const struct run_counter *c = &run->counters[i];
		int m = 0;
		if (p) {
			m = match_run(p, c->type, strlen(c->type));
			if (m == 0)
				m = match_run(p, c->desc, strlen(c->desc));
			if (m < 0) {
				snprintf(note, size, "not looked for: %s hit the PCRE2 match limit",
					 where);
				return -1;
			}
		}
		/* what the desc says, read once: a total (the default rule's
		 * candidates), a part */
		unsigned said = !p || m ? says(c->desc) : 0;
		if (!p)
			m = (said & (SAYS_TOTAL | SAYS_RECORDS)) == (SAYS_TOTAL | SAYS_RECORDS);
		if (!m)
			continue;
		cands++;
		int is_part = (said & SAYS_PARTIAL) || type_partial(c->type);
		int64_t v;
		int counted = count_of(c->value, &v) == 0;
		if (is_part && !part)
			part = c;
		if (!counted && !is_part && !bad)
			bad = c;
		if (!counted)
			continue;
		wholes += !is_part;
		if (v > best_v) {
			best = c;
			best_v = v;
		}
	}
	if (bad) {
		snprintf(note, size, "counter %s ('%.80s') has value '%.40s', not a count",
			 bad->type, bad->desc, bad->value);
		run->records_bad = bad->value; /* the verdict says so, not "no counter" */
		return 0;
	}
	if (best && wholes) {
		run->records = best_v;
		const char *larger = type_partial(best->type) || records_is_partial(best->desc)
					     ? "; it reads as a part of the records, more than "
					       "any whole: the set is at least that"
					     : "";
		if (p)
			snprintf(note, size, "counter %s ('%.80s') = %" PRId64 ", named by %s%s%s",
				 best->type, best->desc, best_v, where,
				 cands > 1 ? " (the largest it matches)" : "", larger);
		else
			snprintf(note, size,
				 "counter %s ('%.80s') = %" PRId64 ", %s whose description reads "
				 "as the total of records%s",
				 best->type, best->desc, best_v,
				 cands > 1 ? "the largest of the counters" : "the counter", larger);
		return 0;
	}
	char list[200] = "";
	if (run->ncounters)
		counters_list(run, list, sizeof list);
	if (part && p)
		snprintf(note, size,
			 "none: %s matches only counters of a part of the records (%s ('%.80s'): "
			 "failed, skipped, not ...), not the set",
			 where, part->type, part->desc);
	else if (part)
		snprintf(note, size,
			 "none: the counters whose description reads as a total count a part of "
			 "the records (%s ('%.80s'): failed, skipped, not ...), not the set",
			 part->type, part->desc);
	else if (!run->ncounters)
		snprintf(note, size, "none: the instance has no counters");
	else if (p)
		snprintf(note, size, "none: no counter matches %s %s %s", where, jb->records_src,
			 list);
	else
		snprintf(note, size,
			 "none: no counter's description reads as the total of records %s%s", list,
			 jb ? "; name one in jobs.csv's records column" : "");
	return 0;
}
