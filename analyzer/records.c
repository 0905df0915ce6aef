#include "records.h"

#include "match.h"

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

int records_is_total(const char *desc)
{
	return has(desc, "total") && (has(desc, "records") || has(desc, "processed"));
}

/* A counter's value as a count: digits, perhaps grouped by commas. */
static int count_of(const char *s, int64_t *out)
{
	int64_t v = 0;
	int digits = 0;
	while (*s == ' ')
		s++;
	for (; *s && *s != ' '; s++) {
		if (*s == ',' && digits)
			continue;
		if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
	}
	while (*s == ' ')
		s++;
	if (!digits || *s)
		return -1;
	*out = v;
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
			m = records_is_total(c->desc);
		}
		if (!m)
			continue;
		int64_t v;
		if (count_of(c->value, &v) != 0) {
			snprintf(note, size, "counter %s ('%.80s') has no count: '%.40s'", c->type,
				 c->desc, c->value);
			return 0;
		}
		run->records = v;
		if (p)
			snprintf(note, size, "counter %s ('%.80s') = %" PRId64 ", named by %s",
				 c->type, c->desc, v, where);
		else
			snprintf(note, size,
				 "counter %s ('%.80s') = %" PRId64 ", the first whose description "
				 "reads as the total of records",
				 c->type, c->desc, v);
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
