#include "csvw.h"

#include <inttypes.h>
#include <string.h>

void csvw_init(struct csvw *w, FILE *f)
{
	w->f = f;
	w->col = 0;
}

void csvw_cell(struct csvw *w, const char *s, size_t n)
{
	int formula = n && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			    s[0] == '\t' || s[0] == '\r');
	int quote = formula || (n && (s[0] == ' ' || s[n - 1] == ' '));

	if (w->col++)
		putc(',', w->f);
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!quote) {
		fwrite(s, 1, n, w->f);
		return;
	}
	putc('"', w->f);
	if (formula)
		putc('\'', w->f);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			putc('"', w->f);
		putc(s[i], w->f);
	}
	putc('"', w->f);
}

void csvw_str(struct csvw *w, const char *s)
{
	csvw_cell(w, s ? s : "", s ? strlen(s) : 0);
}

void csvw_i64(struct csvw *w, int64_t v)
{
	char buf[24];
	int n = v < 0 ? 0 : snprintf(buf, sizeof buf, "%" PRId64, v);
	csvw_cell(w, buf, (size_t)n);
}

void csvw_end(struct csvw *w)
{
	putc('\n', w->f);
	w->col = 0;
}
