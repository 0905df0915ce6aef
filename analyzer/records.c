#include "records.h"

#include "match.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* 1 when s holds word, in any case. */
static int has(const char *s, const char *word)
{
	size_t n = strlen(word);
	char c = word[0]; /* lower case: a letter's either case has 0x20 */
	for (; *s; s++)
		if ((*s | 0x20) == c && strncasecmp(s, word, n) == 0)
			return 1;
	return 0;
}

/* 1 when s holds word as a word of its own (not inside another), in any
 * case: "not" is not "note". */
static int has_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = s; *p; p++)
		if (strncasecmp(p, word, n) == 0 &&
		    (p == s || !isalpha((unsigned char)p[-1])) && !isalpha((unsigned char)p[n]))
			return 1;
	return 0;
}

int records_is_partial(const char *text)
{
	/* counts of some records only: failed, rejected, ... ("Total records
	 * failed", import.total_failed) */
	static const char *const parts[] = {"fail",	"error",  "skip",    "reject", "warn",
					    "exclu",	"invalid", "ignor",  "unchang", "duplicat",
					    "mismatch", "unmatch", "withheld"};
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		if (has(text, parts[i]))
			return 1;
	return has_word(text, "not") || has_word(text, "non") ||
	       has_word(text, "without");
}

int records_is_total(const char *desc)
{
	return has(desc, "total") &&
	       (has(desc, "records") || has(desc, "processed") || has_word(desc, "in set")) &&
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
	/* a pattern: the first counter it matches; the default rule: the
	 * largest of the counters that read as a total (a count too small
	 * would clear a run silently) */
	const struct run_counter *best = NULL, *bad = NULL;
	int64_t best_v = -1;
	size_t totals = 0;
	for (size_t i = 0; i < run->ncounters; i++) {
		const struct run_counter *c = &run->counters[i];
		int m;
		if (p) {
			m = match_run(p, c->type, strlen(c->type));
			if (m == 0)
				m = match_run(p, c->desc, strlen(c->desc));
			if (m < 0) {
				snprintf(note, size, "not looked for: %s hit the PCRE2 match limit",
					 where);
				return -1;
			}
		} else {
			m = records_is_total(c->desc) && !records_is_partial(c->type);
		}
		if (!m)
			continue;
		int64_t v;
		if (count_of(c->value, &v) != 0) {
			if (!bad)
				bad = c;
			if (p)
				break;
			continue;
		}
		totals++;
		if (v > best_v) {
			best = c;
			best_v = v;
		}
		if (p)
			break;
	}
	if (best) {
		run->records = best_v;
		if (p)
			snprintf(note, size, "counter %s ('%.80s') = %" PRId64 ", named by %s",
				 best->type, best->desc, best_v, where);
		else
			snprintf(note, size,
				 "counter %s ('%.80s') = %" PRId64 ", %s whose description reads "
				 "as the total of records",
				 best->type, best->desc, best_v,
				 totals > 1 ? "the largest of the counters" : "the counter");
		return 0;
	}
	if (bad) {
		snprintf(note, size, "counter %s ('%.80s') has value '%.40s', not a count",
			 bad->type, bad->desc, bad->value);
		run->records_bad = bad->value; /* the verdict says so, not "no counter" */
		return 0;
	}
	char list[200] = "";
	if (run->ncounters)
		counters_list(run, list, sizeof list);
	if (!run->ncounters)
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
