#include "report_text.h"

#include "times.h"

#include <inttypes.h>
#include <string.h>

const char *report_count(uint64_t n, char *buf, size_t size)
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%" PRIu64, n);
	size_t o = 0;
	for (int i = 0; i < len && o + 1 < size; i++) {
		if (i && (len - i) % 3 == 0 && o + 2 < size)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

void report_text_cell(FILE *out, const char *s, int width)
{
	const unsigned char *p = (const unsigned char *)s;
	int shown = 0;
	while (*p && (width <= 0 || shown < width)) {
		size_t len = 1;
		if (*p >= 0xC0 && *p < 0xF8) {
			size_t want = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
			while (len < want && (p[len] & 0xC0) == 0x80)
				len++;
			if (len != want)
				len = 1;
		}
		if (len == 1 && (*p < 0x20 || *p == 0x7F))
			putc(' ', out);
		else if (len == 1 && *p >= 0x80)
			putc('?', out); /* a stray byte of invalid UTF-8 */
		else
			fwrite(p, 1, len, out);
		p += len;
		shown++;
	}
	while (shown++ < width)
		putc(' ', out);
}

/* "system runs: 2,196, sandbox runs: 214" for the non-zero counts. */
static void reasons(FILE *out, const char *label, const uint64_t *counts, int n,
		    const char *(*name)(int))
{
	char b[32];
	int any = 0;
	for (int i = 0; i < n; i++) {
		if (!counts[i])
			continue;
		fprintf(out, "%s%s: %s", any ? ", " : label, name(i),
			report_count(counts[i], b, sizeof b));
		any = 1;
	}
	if (any)
		fputc('\n', out);
}

static const char *reject_name(int i)
{
	return tally_reject_name((enum reject_reason)i);
}

static const char *skip_name(int i)
{
	return tally_skip_name((enum skip_reason)i);
}

void report_text_header(FILE *out, const struct tally *t, const struct rules *rules)
{
	char a[32], b[32], c[32], d[32];

	if (t->incomplete)
		fputs("INCOMPLETE: some input could not be read whole (see the errors above);\n"
		      "the figures cover only what was read.\n\n",
		      out);
	for (size_t i = 0; i < t->nfiles; i++) {
		const struct tally_file *f = &t->files[i];
		fprintf(out, "%-10s ", i ? "" : "Input");
		report_text_cell(out, f->name, 0);
		fprintf(out, "  %s, %s, %s rows%s\n", run_env_name(f->env), f->gzip ? "gzip" : "plain",
			report_count(f->rows, a, sizeof a), f->incomplete ? ", INCOMPLETE" : "");
	}
	if (t->first != TIME_NONE) {
		times_format_local(t->first, a, sizeof a);
		times_format_local(t->last, b, sizeof b);
		fprintf(out, "%-10s %s to %s (%s)\n", "Times", a, b, times_zone_name());
	}
	fprintf(out, "%-10s %s read = %s audited + %s skipped + %s rejected\n", "Rows",
		report_count(t->read, a, sizeof a), report_count(t->audited, b, sizeof b),
		report_count(tally_skipped(t), c, sizeof c),
		report_count(tally_rejected(t), d, sizeof d));
	reasons(out, "Skipped    ", t->skipped, SKIP_COUNT, skip_name);
	reasons(out, "Rejected   ", t->rejected, REJ_COUNT, reject_name);
	if (t->headers)
		fprintf(out, "%-10s repeated header rows skipped: %s\n", "Headers",
			report_count(t->headers, a, sizeof a));
	if (rules)
		fprintf(out, "%-10s %s: %zu jobs, %zu people, %zu approvals\n", "Rules", rules->dir,
			rules->njobs, rules->npeople, rules->napprovals);
}
