#include "rules_table.h"

#include "diag.h"
#include "reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static void fail(struct rules_table *t, long line, const char *fmt, ...) DIAG_PRINTF(3, 4);

static void fail(struct rules_table *t, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_verror(t->path, line, fmt, ap);
	va_end(ap);
	t->errors++;
}

/* csvrd_detect's score: a header cell that names a column of the table. */
static int table_column(const char *cell, size_t len, void *ctx)
{
	const struct rules_table *t = ctx;
	for (size_t i = 0; i < t->ncols; i++)
		if (strlen(t->names[i]) == len && strncasecmp(cell, t->names[i], len) == 0)
			return 1;
	return 0;
}

int rules_table_open(struct rules_table *t, const char *path, const char *const *names,
		     size_t ncols, size_t required)
{
	memset(t, 0, sizeof *t);
	t->path = path;
	t->ncols = ncols;
	for (size_t i = 0; i < ncols; i++) {
		t->names[i] = names[i];
		t->index[i] = -1;
	}
	t->rd = csvrd_open(path, path);
	if (!t->rd) {
		t->errors++;
		return -1;
	}
	csvrd_detect(t->rd, table_column, t, 1);
	int got;
	while ((got = csvrd_next(t->rd, &t->row)) > 0 && t->row.n && t->row.field[0][0] == '#')
		;
	if (got <= 0) {
		if (got == 0)
			fail(t, 0, "empty file: no header row (want %s, ...)", names[0]);
		else
			t->errors++;
		return -1;
	}
	if (t->row.flags & CSVROW_UNTERMINATED) {
		fail(t, t->row.line, "unterminated quote: a quoted field opened in the header row "
				     "is still open %s", t->row.damage);
		return -1;
	}
	t->header_n = t->row.n;
	for (size_t h = 0; h < t->row.n; h++) {
		const char *s = t->row.field[h];
		size_t n = t->row.len[h];
		csvrd_trim(&s, &n);
		for (size_t i = 0; i < ncols; i++)
			if (t->index[i] < 0 && strlen(names[i]) == n && strncasecmp(s, names[i], n) == 0)
				t->index[i] = (int)h;
	}
	for (size_t i = 0; i < required; i++)
		if (t->index[i] < 0) {
			char all[256];
			size_t used = 0;
			for (size_t k = 0; k < ncols && used < sizeof all; k++)
				used += (size_t)snprintf(all + used, sizeof all - used, "%s%s",
							 k ? "," : "", names[k]);
			fail(t, t->row.line, "missing column '%s' (the header is %s)", names[i], all);
			return -1;
		}
	return 0;
}

/* 1 when a cell of the row holds a line break with the delimiter after it:
 * the mark of a stray quote that took the lines after it as its text (a
 * title or note may hold a line break, never whole rows). */
static int stray_quote(const struct rules_table *t)
{
	char delim = csvrd_delim(t->rd);
	for (size_t i = 0; i < t->row.n; i++) {
		const char *s = t->row.field[i], *end = s + t->row.len[i];
		const char *lf = memchr(s, '\n', t->row.len[i]), *cr = memchr(s, '\r', t->row.len[i]);
		const char *brk = lf && (!cr || lf < cr) ? lf : cr;
		if (brk && memchr(brk, delim, (size_t)(end - brk)))
			return 1;
	}
	return 0;
}

/* The name of the column at field f of the header, or NULL. */
static const char *column_name(const struct rules_table *t, size_t f)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (t->index[i] == (int)f)
			return t->names[i];
	return NULL;
}

/* 1 (reported) when a row of a comma-separated file looks tab-separated:
 * fewer fields than the header (or one) and a cell holding a TAB inside
 * it. A row pasted with TABs for commas ("Carl Cox<TAB>ITS<TAB>ccox") is
 * one cell, a person named "Carl Cox ITS ccox" with no unit, never so
 * silently. A row with every field of the header is comma-separated: a
 * TAB in a cell there ("Copied from the ticket:<TAB>ShelfReady by
 * design", a waiver's reason) is text. */
static int tab_in_cell(struct rules_table *t)
{
	if (csvrd_delim(t->rd) != ',' || (t->row.n >= t->header_n && t->row.n > 1))
		return 0;
	for (size_t f = 0; f < t->row.n; f++) {
		const char *s = t->row.field[f];
		size_t n = t->row.len[f];
		csvrd_trim(&s, &n);
		if (!memchr(s, '\t', n))
			continue;
		/* the cell as said: its TABs as <TAB>, cut at a character */
		char shown[100];
		size_t used = 0, k;
		for (k = 0; k < n; k++) {
			size_t len = s[k] == '\t' ? 5 : 1;
			if (used + len >= sizeof shown)
				break;
			memcpy(shown + used, s[k] == '\t' ? "<TAB>" : s + k, len);
			used += len;
		}
		while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80 && s[k - 1] != '\t')
			k--, used--;
		shown[used] = '\0';
		const char *column = column_name(t, f);
		fail(t, t->row.line,
		     "a TAB in field %zu%s%s%s '%s%s': the row looks tab-separated, but the file "
		     "is comma-separated (its header); write the row with commas; the row is left "
		     "out",
		     f + 1, column ? " (" : "", column ? column : "", column ? ")" : "", shown,
		     k < n ? "..." : "");
		return 1;
	}
	return 0;
}

int rules_table_next(struct rules_table *t)
{
	for (;;) {
		int got = csvrd_next(t->rd, &t->row);
		if (got < 0) {
			t->errors++;
			return -1;
		}
		if (got == 0)
			return 0;
		if (t->row.flags & CSVROW_UNTERMINATED) {
			/* the lines after its first are read again as rows */
			fail(t, t->row.line, "unterminated quote: a quoted field opened in this row "
					     "is still open %s", t->row.damage);
			continue;
		}
		if (t->row.flags & ~CSVROW_NO_LINE_END) {
			fail(t, t->row.line, "row too large");
			continue;
		}
		if (stray_quote(t)) {
			fail(t, t->row.line,
			     "unterminated quote: a quoted field opened in this row runs on over "
			     "the next line as text, delimiters and all (a stray quote?)");
			continue;
		}
		if (t->row.n && t->row.field[0][0] == '#')
			continue;
		int blank = 1;
		for (size_t i = 0; i < t->row.n && blank; i++)
			for (size_t k = 0; k < t->row.len[i] && blank; k++)
				blank = t->row.field[i][k] == ' ' || t->row.field[i][k] == '\t';
		if (blank)
			continue;
		if (t->row.n > t->header_n) {
			fail(t, t->row.line, "%zu fields, but the header has %zu", t->row.n,
			     t->header_n);
			continue;
		}
		/* a NUL byte would cut a cell short where it is copied as a
		 * string (a unit code "GU\0T" read as "GU"): said, never cut */
		size_t f = 0;
		while (f < t->row.n && !memchr(t->row.field[f], '\0', t->row.len[f]))
			f++;
		if (f < t->row.n) {
			const char *column = column_name(t, f);
			fail(t, t->row.line,
			     "a NUL byte in field %zu%s%s%s: a rules file holds text; the row is left "
			     "out",
			     f + 1, column ? " (" : "", column ? column : "", column ? ")" : "");
			continue;
		}
		if (tab_in_cell(t))
			continue;
		return 1;
	}
}

const char *rules_table_cell(const struct rules_table *t, size_t i, size_t *n)
{
	int at = t->index[i];
	if (at < 0 || (size_t)at >= t->row.n) {
		*n = 0;
		return "";
	}
	const char *s = t->row.field[at];
	*n = t->row.len[at];
	csvrd_trim(&s, n);
	return s;
}

void rules_table_close(struct rules_table *t)
{
	/* a file saved from Excel on Windows: read, and said */
	const char *enc = t->rd ? csvrd_encoding(t->rd) : NULL;
	t->cp1252 = enc && !strcmp(enc, "Windows-1252");
	if (t->cp1252)
		diag_error(t->path, 0,
			   "warning: not UTF-8: its bytes that are no UTF-8 were read as "
			   "Windows-1252 (save it as \"CSV UTF-8\" to be sure of its names)");
	csvrd_close(t->rd);
	t->rd = NULL;
}

int rules_table_read(const char *path, const char *const *names, size_t ncols, size_t required,
		     int (*row)(void *ctx, long line, const char *const *cell, const size_t *len),
		     void *ctx)
{
	struct rules_table t;
	int errors = 0;
	if (ncols > RULES_TABLE_MAX_COLS)
		ncols = RULES_TABLE_MAX_COLS;
	reader_set_rules(1);
	if (rules_table_open(&t, path, names, ncols, required) == 0) {
		while (rules_table_next(&t) > 0) {
			const char *cell[RULES_TABLE_MAX_COLS];
			size_t len[RULES_TABLE_MAX_COLS];
			for (size_t i = 0; i < ncols; i++)
				cell[i] = rules_table_cell(&t, i, &len[i]);
			errors += row(ctx, t.row.line, cell, len);
		}
	}
	rules_table_close(&t);
	reader_set_rules(0);
	return errors + t.errors;
}
