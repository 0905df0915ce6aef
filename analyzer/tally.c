#include "tally.h"

#include "diag.h"
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tally_init(struct tally *t)
{
	memset(t, 0, sizeof *t);
	t->first = t->last = TIME_NONE;
}

int tally_add_file(struct tally *t, const char *name, enum run_env env)
{
	if (t->nfiles == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		struct tally_file *f = realloc(t->files, cap * sizeof *f);
		if (!f) {
			diag_error(NULL, 0, "out of memory");
			return -1;
		}
		t->files = f;
		t->cap = cap;
	}
	struct tally_file *f = &t->files[t->nfiles];
	memset(f, 0, sizeof *f);
	f->name = strdup(name);
	if (!f->name) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	f->env = env;
	return (int)t->nfiles++;
}

void tally_free(struct tally *t)
{
	for (size_t i = 0; i < t->nfiles; i++)
		free(t->files[i].name);
	free(t->files);
	tally_init(t);
}

void tally_reject(struct tally *t, const char *file, long line, enum reject_reason why,
		  const char *detail)
{
	t->rejected[why]++;
	if (t->nrejects == TALLY_REJECTS_KEPT)
		return;
	struct tally_reject *r = &t->rejects[t->nrejects++];
	r->file = file;
	r->line = line;
	r->why = why;
	snprintf(r->detail, sizeof r->detail, "%s", detail);
}

void tally_uncounted(struct tally *t, int job)
{
	for (size_t i = 0; i < t->nuncounted; i++)
		if (t->uncounted[i].job == job) {
			t->uncounted[i].runs++;
			return;
		}
	if (t->nuncounted < TALLY_UNCOUNTED_KEPT)
		t->uncounted[t->nuncounted++] = (struct tally_uncounted){job, 1};
}

void tally_seen(struct tally *t, int64_t time)
{
	if (time == TIME_NONE)
		return;
	if (t->first == TIME_NONE || time < t->first)
		t->first = time;
	if (t->last == TIME_NONE || time > t->last)
		t->last = time;
}

uint64_t tally_rejected(const struct tally *t)
{
	uint64_t n = 0;
	for (int i = 0; i < REJ_COUNT; i++)
		n += t->rejected[i];
	return n;
}

uint64_t tally_skipped(const struct tally *t)
{
	uint64_t n = 0;
	for (int i = 0; i < SKIP_COUNT; i++)
		n += t->skipped[i];
	return n;
}

const char *tally_reject_name(enum reject_reason r)
{
	static const char *const names[REJ_COUNT] = {
		[REJ_FIELD_COUNT] = "wrong field count",
		[REJ_EMPTY_ID] = "empty id",
		[REJ_BAD_ID] = "bad id",
		[REJ_BAD_TIME] = "unparseable time",
		[REJ_NO_TIME] = "no time",
		[REJ_BAD_TYPE] = "bad type",
		[REJ_BAD_ENVIRONMENT] = "bad environment",
		[REJ_BAD_RECORDS] = "bad record count",
		[REJ_BAD_PROGRESS] = "bad progress",
		[REJ_FIELD_TOO_LARGE] = "field too large",
		[REJ_TRUNCATED] = "truncated row",
		[REJ_MATCH_LIMIT] = "pattern limit",
		[REJ_UNTERMINATED] = "unterminated quote",
	};
	return names[r];
}

const char *tally_skip_name(enum skip_reason s)
{
	static const char *const names[SKIP_COUNT] = {
		[SKIP_SYSTEM] = "system runs",
		[SKIP_SANDBOX] = "sandbox runs",
		[SKIP_PERIOD] = "outside the period",
		[SKIP_REPEAT] = "seen twice",
	};
	return names[s];
}

const char *tally_file_format(const struct tally_file *f, char *buf, size_t size)
{
	if (f->json) {
		snprintf(buf, size, "JSON (Alma API job instances), %s", f->gzip ? "gzip" : "plain");
		return buf;
	}
	snprintf(buf, size, "%s%s%s%s", f->gzip ? "gzip" : "plain", f->encoding ? ", " : "",
		 f->encoding ? f->encoding : "",
		 f->delim == ';'    ? ", semicolon-separated"
		 : f->delim == '\t' ? ", tab-separated"
				    : "");
	return buf;
}
