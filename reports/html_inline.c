#include "html_inline.h"

#include <string.h>

/* What the page's style sheet gives each element and class, as attributes
 * and inline styles for mail readers, which strip <style> (Gmail, Outlook).
 * Kept short: Gmail clips a message past about 100 kB. A class not listed
 * here stays a class, and the tests fail on any class in the mail. */
static const struct mail_look {
	const char *name; /* an element, or ".class" */
	const char *attrs, *style;
} mail_looks[] = {
	{"body", "",
	 "margin:0;padding:12px;font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif;"
	 "font-size:14px;line-height:1.45;color:#1b1b1b"},
	{"h1", "", "font-size:22px;margin:0 0 2px"},
	{"h2", "", "font-size:17px;margin:22px 0 6px;border-bottom:2px solid #1b1b1b;padding-bottom:2px"},
	{"h3", "", "font-size:14px;margin:16px 0 4px"},
	{"table", "width=\"100%\" cellpadding=\"3\" cellspacing=\"0\"",
	 "border-collapse:collapse;margin:4px 0 14px;font-size:13px"},
	{"th", "align=\"left\"", "background-color:#f2f3f5"},
	{"tr", "", "border-bottom:1px solid #ddd"},
	{"small", "", "color:#555"},
	{"ul", "", "margin:3px 0"},
	{"footer", "", "display:block;margin-top:24px;color:#777;font-size:12px"},
	{".sub", "", "color:#555;margin:0 0 12px"},
	{".incomplete", "",
	 "background-color:#fdecea;border:1px solid #c0392b;padding:6px 12px;font-weight:bold"},
	{".n", "align=\"right\"", ""},
	{".id", "", "font-family:monospace"},
	{".facts", "", ""},
	{".more", "", "color:#555;font-style:italic"},
	{".tnew", "", "color:#a93226;font-weight:bold"},
	{".note", "", "background-color:#eef4fb;border:1px solid #9dbbd8;padding:6px 12px"},
	{".trec", "", "color:#555"},
};

static const struct mail_look *mail_look(const char *name, size_t n)
{
	for (size_t i = 0; i < sizeof mail_looks / sizeof mail_looks[0]; i++)
		if (strlen(mail_looks[i].name) == n && !memcmp(mail_looks[i].name, name, n))
			return &mail_looks[i];
	return NULL;
}

/* 1 when the attributes a..e hold one named name (name="..." or name). */
static int has_attr(const char *a, const char *e, const char *name, size_t n)
{
	for (const char *p = a; p + n <= e; p++)
		if ((p == a || p[-1] == ' ') && !memcmp(p, name, n) && (p + n == e || p[n] == '=' || p[n] == ' '))
			return 1;
	return 0;
}

/* Adds a look's attributes that the tag does not set itself, nor an
 * earlier look (set: the attributes added so far, " name=..." each). */
static void look_attrs(FILE *out, const struct mail_look *look, const char *a, const char *e,
		       char *set, size_t size)
{
	const char *p = look->attrs;
	while (*p) {
		size_t name = strcspn(p, "="), len = strcspn(p, " ");
		const char *q = memchr(p, '"', len);
		if (q) /* the value may hold no space: ours do not */
			len = (size_t)(strchr(q + 1, '"') + 1 - p);
		size_t used = strlen(set);
		if (!has_attr(a, e, p, name) && !has_attr(set, set + used, p, name)) {
			putc(' ', out);
			fwrite(p, 1, len, out);
			snprintf(set + used, size - used, " %.*s", (int)len, p);
		}
		p += len;
		while (*p == ' ')
			p++;
	}
}

/* Writes one start tag with the looks of its element and classes inline:
 * their attributes where the tag sets none, and one style attribute, the
 * element's style (unless the tag has a style of its own), then the
 * classes', then the tag's own (which wins). */
static void mail_tag(FILE *out, const char *tag, size_t n)
{
	const char *name = tag + 1, *p = name;
	while (p < tag + n && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
		p++;
	const char *a = p, *e = tag + n - 1; /* the attributes: a..e, before '>' */
	const char *cls = NULL, *own = NULL;
	size_t ncls = 0, nown = 0;
	const struct mail_look *looks[8];
	size_t nlooks = 0;
	looks[nlooks] = mail_look(name, (size_t)(p - name));
	nlooks += looks[nlooks] != NULL;
	size_t element = nlooks; /* 1: looks[0] is the element's */
	fwrite(tag, 1, (size_t)(a - tag), out);
	/* the other attributes as they are; class and style kept aside */
	for (p = a; p < e;) {
		while (p < e && *p == ' ')
			p++;
		const char *start = p;
		while (p < e && *p != ' ' && *p != '=')
			p++;
		const char *value = NULL;
		size_t nvalue = 0;
		if (p < e && *p == '=' && p[1] == '"') {
			value = p + 2;
			const char *close = memchr(value, '"', (size_t)(e - value));
			nvalue = close ? (size_t)(close - value) : (size_t)(e - value);
			p = value + nvalue + 1;
		}
		if (p == start)
			break;
		if ((size_t)(p - start) > 6 && !memcmp(start, "class=", 6)) {
			cls = value;
			ncls = nvalue;
		} else if ((size_t)(p - start) > 6 && !memcmp(start, "style=", 6)) {
			own = value;
			nown = nvalue;
		} else {
			putc(' ', out);
			fwrite(start, 1, (size_t)(p - start), out);
		}
	}
	/* the classes: known ones become looks, others stay classes */
	char kept[128];
	size_t nkept = 0;
	for (size_t i = 0; i < ncls;) {
		size_t len = 0;
		while (i + len < ncls && cls[i + len] != ' ')
			len++;
		char dotted[64];
		const struct mail_look *look = NULL;
		if (len && len + 1 < sizeof dotted) {
			dotted[0] = '.';
			memcpy(dotted + 1, cls + i, len);
			look = mail_look(dotted, len + 1);
		}
		if (look && nlooks < sizeof looks / sizeof looks[0])
			looks[nlooks++] = look;
		else if (len && nkept + len + 1 < sizeof kept)
			nkept += (size_t)snprintf(kept + nkept, sizeof kept - nkept, "%s%.*s",
						  nkept ? " " : "", (int)len, cls + i);
		i += len + 1;
	}
	/* the classes' attributes win over the element's */
	char set[256] = "";
	for (size_t i = nlooks; i-- > 0;)
		look_attrs(out, looks[i], a, e, set, sizeof set);
	if (nkept)
		fprintf(out, " class=\"%s\"", kept);
	/* a tag with a style of its own (the charts, the cards) is styled
	 * whole by it: no element style (the page stays small) */
	int any = 0;
	for (size_t i = own ? element : 0; i < nlooks; i++)
		if (looks[i]->style[0])
			fprintf(out, "%s%s", any++ ? ";" : " style=\"", looks[i]->style);
	if (nown) {
		fputs(any++ ? ";" : " style=\"", out);
		fwrite(own, 1, nown, out);
	}
	if (any)
		putc('"', out);
	putc('>', out);
}

void html_inline_write(FILE *out, const char *html, size_t n)
{
	for (size_t i = 0; i < n;) {
		const char *lt = memchr(html + i, '<', n - i);
		if (!lt) {
			fwrite(html + i, 1, n - i, out);
			break;
		}
		fwrite(html + i, 1, (size_t)(lt - (html + i)), out);
		const char *gt = memchr(lt, '>', (size_t)(html + n - lt));
		size_t len = gt ? (size_t)(gt - lt) + 1 : (size_t)(html + n - lt);
		if (gt && lt[1] >= 'a' && lt[1] <= 'z')
			mail_tag(out, lt, len);
		else
			fwrite(lt, 1, len, out);
		i = (size_t)(lt - html) + len;
	}
}
