#include "header.h"

#include "diag.h"
#include "names.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void header_free(struct header *h)
{
	free(h->buf);
	free(h->off);
	free(h->len);
	h->buf = NULL;
	h->off = h->len = NULL;
	h->map.n = 0;
}

int header_take(struct header *h, const struct columns *cols, const struct csvrow *row,
		const char *path)
{
	int explicit[COL_COUNT] = {0}, rank[COL_COUNT];
	size_t total = 0, n = row->n, used = 0;

	header_free(h);
	for (int c = 0; c < COL_COUNT; c++)
		h->map.col[c] = h->map.dup[c] = -1;
	for (size_t i = 0; i < n; i++)
		total += row->len[i] + 1;
	h->buf = malloc(total ? total : 1);
	h->off = malloc((n ? n : 1) * sizeof *h->off);
	h->len = malloc((n ? n : 1) * sizeof *h->len);
	if (!h->buf || !h->off || !h->len) {
		header_free(h);
		diag_error(path, row->line, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		memcpy(h->buf + used, row->field[i], row->len[i] + 1);
		h->off[i] = used;
		h->len[i] = row->len[i];
		used += row->len[i] + 1;
	}
	h->map.n = n;
	h->map.named = n;
	while (h->map.named && !row->len[h->map.named - 1])
		h->map.named--;
	/* of two cells naming one column: a --column mapping's, else the
	 * better name ("Set Name" over "Set"); the same name twice cannot be
	 * told apart (header_check says so) */
	for (size_t i = 0; i < n; i++) {
		int ex, r, c = columns_lookup_rank(cols, row->field[i], row->len[i], &ex, &r);
		if (c < 0)
			continue;
		/* "Set" beside a set's name is Analytics' set id: the name is read */
		int weak = !ex && c == COL_SET_NAME && r == 2;
		int held_weak = h->map.col[c] >= 0 && !explicit[c] && c == COL_SET_NAME && rank[c] == 2;
		if (h->map.col[c] < 0 || (ex && !explicit[c]) || (ex == explicit[c] && held_weak && !weak)) {
			h->map.col[c] = (int)i;
			h->map.dup[c] = -1;
			explicit[c] = ex;
			rank[c] = r;
		} else if (ex == explicit[c] && !(weak && !held_weak) && h->map.dup[c] < 0) {
			h->map.dup[c] = (int)i; /* two cells for one column: which cannot be told */
		}
	}
	return 0;
}

int header_same(const struct header *h, const struct csvrow *row)
{
	if (row->n != h->map.n)
		return 0;
	for (size_t i = 0; i < row->n; i++)
		if (row->len[i] != h->len[i] || memcmp(row->field[i], h->buf + h->off[i], h->len[i]) != 0)
			return 0;
	return 1;
}

/* 1 when the header holds a header of comparison form key. */
static int has_header(const struct header *h, const char *key)
{
	char have[COLUMNS_NAME_MAX + 1];
	for (size_t i = 0; i < h->map.n; i++)
		if (columns_normalize(h->buf + h->off[i], h->len[i], have) > 0 &&
		    strcmp(have, key) == 0)
			return 1;
	return 0;
}

/* The header nearest to key (a comparison form), as the file writes it,
 * for "did you mean"; NULL when none is close. */
static const char *nearest_header(const struct header *h, const char *key)
{
	char have[COLUMNS_NAME_MAX + 1];
	size_t best = SIZE_MAX;
	const char *near = NULL;
	for (size_t i = 0; i < h->map.n; i++) {
		if (columns_normalize(h->buf + h->off[i], h->len[i], have) <= 0)
			continue;
		size_t d = names_distance(key, have);
		if (d < best) {
			best = d;
			near = h->buf + h->off[i];
		}
	}
	return best <= 2 + strlen(key) / 4 ? near : NULL;
}

void header_name_like(const struct header *h, const struct columns *cols, char *buf, size_t size)
{
	static const char *const words[] = {"name", "user", "submitter", "creator", "operator",
					     "person", "staff", "owner", "runby"};
	static const char *const not_people[] = {"jobname", "setname", "instancename",
						 "filename", "profilename", "jobtitle"};
	char key[COLUMNS_NAME_MAX + 1];
	buf[0] = '\0';
	for (size_t i = 0; i < h->map.n; i++) {
		int mapped = 0, ex;
		for (int c = 0; c < COL_COUNT && !mapped; c++)
			mapped = h->map.col[c] == (int)i;
		if (mapped || columns_lookup(cols, h->buf + h->off[i], h->len[i], &ex) >= 0 ||
		    columns_normalize(h->buf + h->off[i], h->len[i], key) <= 0)
			continue;
		int person = 0;
		for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
			person |= strstr(key, words[w]) != NULL;
		for (size_t w = 0; w < sizeof not_people / sizeof not_people[0]; w++)
			person &= strstr(key, not_people[w]) == NULL;
		if (person) {
			snprintf(buf, size, "%s", h->buf + h->off[i]);
			return;
		}
	}
}

/* An ASCII letter or digit (the words of a header; locale aside). */
static int alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* 1 when one of words[0..n) is w, or w with an s after it. */
static int has_word(char words[][16], size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i < n; i++)
		if (strncmp(words[i], w, k) == 0 && (!words[i][k] || !strcmp(words[i] + k, "s")))
			return 1;
	return 0;
}

static int has_any(char words[][16], size_t n, const char *const *list)
{
	for (; *list; list++)
		if (has_word(words, n, *list))
			return 1;
	return 0;
}

/* The column a header not read looks like by a word of it (its words:
 * runs of letters and digits, in lower case), -1 when none: a date or time
 * is the time its other words say (a start, an end, a submission; one
 * they do not say is start_time when the header maps no time), a record or
 * a count total_records, a set set_name, a user or a name the job's name,
 * the user's id or the user's name. */
static int look_alike(const struct header_map *map, const char *s, size_t len)
{
	static const char *const time[] = {"date", "time", "datetime", "timestamp", NULL};
	static const char *const start[] = {"start", "started", "begin", "began", NULL};
	static const char *const end[] = {"end", "ended", "finish", "finished", "completion",
					  "completed", NULL};
	static const char *const submit[] = {"submit", "submitted", "submission", "created",
					     "creation", "queued", NULL};
	static const char *const counts[] = {"record", "count", NULL};
	static const char *const not_all[] = {"fail", "failed", "error", "warning", "reject",
					      "rejected", "skip", "skipped", NULL};
	static const char *const people[] = {"user", "name", "username", "fullname", "submitter",
					     "staff", "person", "owner", "operator", "creator",
					     NULL};
	static const char *const job[] = {"job", "process", "task", "instance", NULL};
	static const char *const other[] = {"file", "profile", "library", "vendor",
					    "institution", NULL};
	static const char *const ids[] = {"id", "userid", "primary", "identifier", NULL};
	char words[8][16];
	size_t n = 0;
	for (size_t i = 0; i < len && n < 8;) {
		size_t k = 0;
		while (i < len && !alnum(s[i]))
			i++;
		while (i < len && alnum(s[i])) {
			if (k < sizeof words[0] - 1)
				words[n][k++] = (char)(s[i] | (s[i] >= 'A' && s[i] <= 'Z' ? 0x20 : 0));
			i++;
		}
		if (k)
			words[n++][k] = '\0';
	}
	if (has_any(words, n, time)) {
		if (has_any(words, n, start))
			return COL_START_TIME;
		if (has_any(words, n, end))
			return COL_END_TIME;
		if (has_any(words, n, submit))
			return COL_SUBMIT_TIME;
		int timed = map->col[COL_START_TIME] >= 0 || map->col[COL_SUBMIT_TIME] >= 0 ||
			    map->col[COL_END_TIME] >= 0;
		return timed ? -1 : COL_START_TIME;
	}
	if (has_any(words, n, counts))
		return has_any(words, n, not_all) ? -1 : COL_RECORDS;
	if (has_word(words, n, "set"))
		return has_any(words, n, ids) ? -1 : COL_SET_NAME;
	if (!has_any(words, n, people) || has_any(words, n, other))
		return -1;
	if (has_any(words, n, job))
		return COL_NAME;
	return has_any(words, n, ids) ? COL_USER : COL_USER_NAME;
}

size_t header_unused(const struct header *h, const struct columns *cols,
		     struct header_hint *hint, size_t max)
{
	size_t got = 0;
	int taken[COL_COUNT] = {0};
	for (size_t i = 0; i < h->map.n && got < max; i++) {
		const char *s = h->buf + h->off[i];
		size_t n = h->len[i];
		int mapped = 0, ex;
		for (int c = 0; c < COL_COUNT && !mapped; c++)
			mapped = h->map.col[c] == (int)i;
		csvrd_trim(&s, &n);
		if (mapped || !n || n >= sizeof hint->header || memchr(s, '\'', n) ||
		    columns_lookup(cols, s, n, &ex) >= 0)
			continue;
		int c = look_alike(&h->map, s, n);
		if (c < 0 || h->map.col[c] >= 0 || taken[c])
			continue;
		taken[c] = 1;
		hint[got].col = (enum col)c;
		memcpy(hint[got].header, s, n);
		hint[got++].header[n] = '\0';
	}
	return got;
}

int header_row_damaged(const struct csvrow *row, size_t fields, const char *path)
{
	if (row->flags & CSVROW_UNTERMINATED)
		diag_error(path, row->line,
			   "unterminated quote: a quoted field opened in the header row is still "
			   "open %s",
			   row->damage);
	if ((row->flags & CSVROW_TOO_LARGE) && fields > row->n)
		diag_error(path, row->line,
			   "the header has %zu columns, more than the %u read: the file cannot be read",
			   fields, CSVRD_FIELDS_MAX);
	else if (row->flags & CSVROW_TOO_LARGE)
		diag_error(path, row->line,
			   "the header row is longer than %u bytes: the file cannot be read",
			   CSVRD_ROW_MAX);
	return row->flags & (CSVROW_UNTERMINATED | CSVROW_TOO_LARGE) ? -1 : 0;
}

int header_check(const struct header *h, const struct columns *cols, const char *path,
		 long line, int inside)
{
	const int *map = h->map.col;
	const char *in = inside ? "a header inside the file (exports joined): " : "";
	/* a --column header this file does not have: the mapping is wrong for
	 * it, and its column would be read as absent */
	for (int c = 0; cols && c < COL_COUNT; c++) {
		if (!cols->mapped[c] || has_header(h, cols->mapped[c]))
			continue;
		const char *near = nearest_header(h, cols->mapped[c]);
		diag_error(path, line, "%s--column %s=%s: the file has no header '%s'%s%s%s", in,
			   columns_name((enum col)c), cols->mapped_raw[c], cols->mapped_raw[c],
			   near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
		return -1;
	}

	/* the same name twice: which cell holds the column cannot be told
	 * ("Number of Records" twice, a count of 0 beside 40,112) */
	for (int c = 0; c < COL_COUNT; c++) {
		if (h->map.dup[c] < 0)
			continue;
		int a = h->map.col[c], b = h->map.dup[c];
		char ka[COLUMNS_NAME_MAX + 1], kb[COLUMNS_NAME_MAX + 1];
		if (columns_normalize(h->buf + h->off[a], h->len[a], ka) >= 0 &&
		    columns_normalize(h->buf + h->off[b], h->len[b], kb) >= 0 && !strcmp(ka, kb))
			diag_error(path, line,
				   "%sthe header names '%.*s' twice (columns %d and %d), read as %s: "
				   "which of the two holds it cannot be told; rename or remove one of them",
				   in, (int)h->len[a], h->buf + h->off[a], a + 1, b + 1,
				   columns_name((enum col)c));
		else
			diag_error(path, line,
				   "%stwo columns of the header are %s: '%.*s' (column %d) and '%.*s' "
				   "(column %d): which of the two holds it cannot be told; remove one, or "
				   "name the one to read with --column %s='HEADER'",
				   in, columns_name((enum col)c), (int)h->len[a], h->buf + h->off[a], a + 1,
				   (int)h->len[b], h->buf + h->off[b], b + 1, columns_name((enum col)c));
		return -1;
	}

	static const enum col required[] = {COL_ID, COL_NAME};
	for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
		enum col c = required[i];
		if (map[c] < 0) {
			diag_error(path, line,
				   "%smissing required column '%s' (accepted headers: %s; or name "
				   "yours with --column %s=HEADER)",
				   in, columns_name(c), columns_accepted(c), columns_name(c));
			return -1;
		}
	}
	if (map[COL_USER] < 0 && map[COL_USER_NAME] < 0) {
		diag_error(path, line,
			   "%smissing required column 'submitted_by' or 'submitted_by_desc' "
			   "(accepted headers: %s, %s; or name yours with --column)",
			   in, columns_accepted(COL_USER), columns_accepted(COL_USER_NAME));
		return -1;
	}
	if (map[COL_SUBMIT_TIME] < 0 && map[COL_START_TIME] < 0 && map[COL_END_TIME] < 0) {
		/* a header that looks like a time: the --column that reads it */
		struct header_hint hint[COL_COUNT];
		size_t n = header_unused(h, cols, hint, COL_COUNT), t = 0;
		while (t < n && hint[t].col != COL_START_TIME && hint[t].col != COL_SUBMIT_TIME &&
		       hint[t].col != COL_END_TIME)
			t++;
		diag_error(path, line,
			   "%smissing required column: one of start_time, submit_time, end_time "
			   "(accepted headers: %s, %s, %s; or name yours with --column%s%s%s%s%s)",
			   in, columns_accepted(COL_START_TIME), columns_accepted(COL_SUBMIT_TIME),
			   columns_accepted(COL_END_TIME), t < n ? ", e.g. --column " : "",
			   t < n ? columns_name(hint[t].col) : "", t < n ? "='" : "",
			   t < n ? hint[t].header : "", t < n ? "'" : "");
		return -1;
	}
	return 0;
}

int header_known(const char *cell, size_t len, void *ctx)
{
	int ex;
	return columns_lookup(ctx, cell, len, &ex) >= 0;
}

int header_may_be(const struct header *h, const struct csvrow *row)
{
	int c = h->map.col[COL_ID];
	if (c < 0 || (size_t)c >= row->n)
		return 1;
	const char *s = row->field[c];
	size_t n = row->len[c];
	csvrd_trim(&s, &n);
	return !n || s[0] < '0' || s[0] > '9';
}

/* The cells of row not empty, those of them that name a column, and
 * whether one names the id column. */
static void count_named(const struct columns *cols, const struct csvrow *row, size_t *cells,
			size_t *named, int *id)
{
	*cells = *named = 0;
	*id = 0;
	for (size_t i = 0; i < row->n; i++) {
		int ex, c;
		if (!row->len[i])
			continue;
		(*cells)++;
		c = columns_lookup(cols, row->field[i], row->len[i], &ex);
		*named += c >= 0;
		*id |= c == COL_ID;
	}
}

int header_reads_as(const struct columns *cols, const struct csvrow *row)
{
	size_t cells, named;
	int id;
	count_named(cols, row, &cells, &named, &id);
	return id && named >= 2 && 2 * named >= cells;
}

int header_title(const struct columns *cols, const struct csvrow *row)
{
	size_t cells, named;
	int id;
	count_named(cols, row, &cells, &named, &id);
	return cells >= 1 && named == 0;
}

int header_like(const struct columns *cols, const struct csvrow *row)
{
	size_t cells, named;
	int id;
	count_named(cols, row, &cells, &named, &id);
	return named >= 2 && 2 * named >= cells;
}

int header_title_data(const struct header *title, const struct header *h)
{
	int c = h->map.col[COL_ID];
	if (c < 0 || (size_t)c >= title->map.n)
		return 0;
	const char *s = title->buf + title->off[c];
	size_t n = title->len[c];
	csvrd_trim(&s, &n);
	return n && s[0] >= '0' && s[0] <= '9';
}

int header_title_sep(const struct header *title)
{
	if (!title->map.n || title->len[0] < 4 || title->len[0] > 5 ||
	    strncasecmp(title->buf + title->off[0], "sep=", 4) != 0)
		return 0;
	for (size_t i = 1; i < title->map.n; i++)
		if (title->len[i])
			return 0;
	return 1;
}

void header_title_text(const struct header *title, char delim, char *buf, size_t size)
{
	size_t last = title->map.n, used = 0;
	while (last && !title->len[last - 1])
		last--;
	buf[0] = '\0';
	for (size_t i = 0; i < last && used + 1 < size; i++) {
		const char *s = title->buf + title->off[i];
		size_t n = title->len[i];
		csvrd_trim(&s, &n);
		if (i)
			buf[used++] = delim;
		for (size_t k = 0; k < n && used + 1 < size; k++)
			buf[used++] = s[k];
	}
	if (used + 1 >= size && size > 4) { /* cut short: at a character's start, marked */
		used = size - 4;
		while (used && ((unsigned char)buf[used] & 0xC0) == 0x80)
			used--;
		memcpy(buf + used, "...", 3);
		used += 3;
	}
	buf[used] = '\0';
}

int header_same_map(const struct header_map *a, const struct header_map *b)
{
	return a->n == b->n && memcmp(a->col, b->col, sizeof a->col) == 0;
}

int header_padded(const struct header_map *map, const struct csvrow *row)
{
	if (map->named == map->n || row->n < map->named)
		return 0;
	for (size_t i = map->n; i < row->n; i++)
		if (row->len[i])
			return 0;
	return 1;
}

int header_stray(const struct header_map *map, const struct csvrow *row)
{
	for (size_t i = map->named; i < map->n && i < row->n; i++)
		if (row->len[i])
			return (int)i;
	return -1;
}
