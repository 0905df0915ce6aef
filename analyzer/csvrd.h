/* csvrd: CSV rows from a file, streaming, for exports and rules alike.
 * Reads through reader (plain or gzip), parses with libcsv (the only module
 * that includes csv.h), counts physical lines itself, drops a UTF-8 byte
 * order mark, takes LF, CRLF and lone CR line ends, and bounds the memory a
 * hostile field can take. The text is made UTF-8 as it streams (textenc):
 * UTF-16 (Excel's "Unicode text", by its byte order mark) transcoded, and
 * each byte that is no UTF-8 read as Windows-1252 (Excel's CSV on Windows);
 * the delimiter (comma, semicolon or tab) can be detected from the header
 * row (csvrd_detect). A quoted field that never closes is damage: its row
 * comes flagged CSVROW_UNTERMINATED and the lines after its first are read
 * again as rows. Quote-free lines take a fast path with libcsv's rules
 * (csvrd_set_fast). csvrd_open allocates; csvrd_close frees; a row borrows
 * the reader's buffers until the next call. */
#ifndef ALMAUDIT_CSVRD_H
#define ALMAUDIT_CSVRD_H

#include <stddef.h>

/* Longest field and row kept; a row past either comes flagged. */
#define CSVRD_FIELD_MAX (64u * 1024u)
#define CSVRD_ROW_MAX (1024u * 1024u)
#define CSVRD_FIELDS_MAX 1024u

/* A quoted field may hold line breaks (set names, descriptions), but one
 * still open after CSVRD_QUOTED_LINES_MAX physical lines (its row's first
 * included), after CSVRD_QUOTED_BYTES_MAX bytes past its row's first line,
 * or at the end of the input is a stray quote: CSVROW_UNTERMINATED. */
#define CSVRD_QUOTED_LINES_MAX 100L
#define CSVRD_QUOTED_BYTES_MAX (1024u * 1024u)

enum {
	CSVROW_FIELD_TOO_LARGE = 1, /* a field past CSVRD_FIELD_MAX was cut off */
	CSVROW_TOO_LARGE = 2,	    /* the row passed CSVRD_ROW_MAX or CSVRD_FIELDS_MAX */
	CSVROW_TRUNCATED = 4,	    /* the input failed inside this row */
	/* a quoted field in this row never closed (csvrow.damage says where it
	 * was given up): the row holds the fields before it, and the lines
	 * after the row's first line are read again as rows of their own */
	CSVROW_UNTERMINATED = 8,
	CSVROW_NO_LINE_END = 16 /* the input ended inside this row, with no line end */
};

struct csvrow {
	long line;		   /* physical line where the row starts */
	size_t n;		   /* fields */
	const char *const *field;  /* each NUL-terminated */
	const size_t *len;
	int flags;
	/* CSVROW_UNTERMINATED: where the quote was given up ("at the end of
	 * the file", "after 100 lines", ...); "" otherwise */
	const char *damage;
	unsigned part; /* JSON: the export (almaudit fetch's output) it is of; CSV: 0 */
};

struct csvrd;

/* Opens path ("-" is standard input); name is what messages call it.
 * Reports and returns NULL when it cannot be opened. */
struct csvrd *csvrd_open(const char *path, const char *name);

struct reader;
/* The same on a reader already open (reader.h), which it takes over: closed
 * by csvrd_close, or here when out of memory (reported, NULL). */
struct csvrd *csvrd_open_reader(struct reader *rd, const char *name);

/* The line of the first byte read (1 unless set: sniff.h passed lines of
 * white space before it). Before any csvrd_next. */
void csvrd_set_line(struct csvrd *r, long line);

/* The next row: 1 and *row filled, 0 at the end, -1 when reading failed
 * (reported at file and line). A row the failure cut short comes first,
 * flagged CSVROW_TRUNCATED; -1 follows. Blank lines are not rows, nor
 * lines of empty cells (",,,,": Excel pads a blank line so). Each
 * cell is trimmed of the white space (spaces, tabs, line ends) around it,
 * whether it was quoted or not. */
int csvrd_next(struct csvrd *r, struct csvrow *row);

/* The fields of the row last handed out, counting those past
 * CSVRD_FIELDS_MAX (which it holds no more of). */
size_t csvrd_fields_seen(const struct csvrd *r);

/* Whole lines that start a row and hold no quote are split without libcsv,
 * by its rules, in one copy (the fast path, on by default); every other line
 * goes through libcsv. Tests turn the fast path off to compare the two. */
void csvrd_set_fast(struct csvrd *r, int fast);

/* Narrows s[0..n) to drop spaces and tabs at both ends. (Every cell
 * csvrd_next hands out is already trimmed of white space, quoted or not.) */
static inline void csvrd_trim(const char **s, size_t *n)
{
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* Scores a header cell: 1 when it is a column name the caller knows. */
typedef int (*csvrd_score_fn)(const char *cell, size_t len, void *ctx);

/* Before the first csvrd_next: splits the header row (the first line that
 * is not blank, nor a '#' comment when comments is set) with comma,
 * semicolon and tab, and reads the file with the one that gives the most
 * cells score accepts (comma on a tie). When none gives two (a title line
 * above the header), the next lines are split likewise, up to
 * CSVRD_TITLE_LINES of them, until one does. Without it the file is comma
 * separated. */
#define CSVRD_TITLE_LINES 3
void csvrd_detect(struct csvrd *r, csvrd_score_fn score, void *ctx, int comments);

/* The reader's inflating moves to the thread that calls csvrd_next
 * (reader_here): for rowpipe, whose thread reads the rows. */
void csvrd_read_here(struct csvrd *r);

/* 1 when the input is gzip. */
int csvrd_is_gzip(const struct csvrd *r);

/* The delimiter in use: ',', ';' or '\t'. */
char csvrd_delim(const struct csvrd *r);

/* "UTF-16LE" or "UTF-16BE" when the text was transcoded, "Windows-1252"
 * once a byte that is no UTF-8 has been read so, NULL for UTF-8 (static
 * strings). Valid after the first csvrd_next; Windows-1252 may first show
 * at any later row. */
const char *csvrd_encoding(const struct csvrd *r);

void csvrd_close(struct csvrd *r);

#endif
