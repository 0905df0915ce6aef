#include "page.h"

#include "diag.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The most a page may be: the real one is 12 KB. */
#define PAGE_MAX_BYTES (16u << 20)

struct heading {
	char *text, *glued_scope, *note; /* note: glued to the end, "(Anyone ...)" */
	long line;
	int damaging, link;
};

struct pnote {
	char *text;
	long line;
	size_t after; /* how many headings of the run come before it */
};

struct build {
	struct page *p;
	size_t cap_t, cap_p, cap_r;
	char *scope; /* the current scope heading */
	struct heading *h;
	size_t nh, cap_h;
	struct pnote *notes;
	size_t nn, cap_n;
	int in_list, gap;
	size_t list_t0, list_t1; /* the titles the bullets go to */
	char *scope_note;	 /* a "(...)" line between a scope and its title */
	long scope_note_line;
	int oom;
};

static char *dup_n(struct build *b, const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (!d) {
		b->oom = 1;
		return NULL;
	}
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static int grow(struct build *b, void **arr, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *q = realloc(*arr, ncap * size);
	if (!q) {
		b->oom = 1;
		return -1;
	}
	*arr = q;
	*cap = ncap;
	return 0;
}

/* s[0..*n) without the white space around it. */
static const char *trim(const char *s, size_t *n)
{
	while (*n && isspace((unsigned char)*s))
		s++, (*n)--;
	while (*n && isspace((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}

/* Where needle (lower case) first occurs in s[0..n), ignoring ASCII case, or NULL. */
static const char *ci_find(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++) {
		size_t k = 0;
		while (k < m && tolower((unsigned char)s[i + k]) == needle[k])
			k++;
		if (k == m)
			return s + i;
	}
	return NULL;
}

static int ci_starts(const char *s, size_t n, const char *prefix)
{
	size_t m = strlen(prefix);
	return n >= m && ci_find(s, m, prefix) == s;
}

/* The '(' that the ')' ending s[0..n) closes, or n when s does not end
 * with a balanced parenthesis. */
static size_t open_of_last(const char *s, size_t n)
{
	if (n < 2 || s[n - 1] != ')')
		return n;
	size_t depth = 0;
	for (size_t i = n; i-- > 0;) {
		if (s[i] == ')')
			depth++;
		else if (s[i] == '(' && --depth == 0)
			return i;
	}
	return n;
}

static enum page_remark_kind classify(const char *s, size_t n)
{
	if (ci_find(s, n, "all of the above"))
		return PAGE_ALL_ABOVE;
	if (ci_find(s, n, "without orders") && ci_find(s, n, "listed here"))
		return PAGE_ORDERS_LISTED;
	if (ci_find(s, n, "without orders") && ci_find(s, n, "with orders permission"))
		return PAGE_ORDERS_HOLDERS;
	if (ci_find(s, n, "any import profile below"))
		return PAGE_INCLUDES_BELOW;
	if (ci_find(s, n, "anyone with import permission"))
		return PAGE_ANYONE_IMPORT;
	return PAGE_REMARK_OTHER;
}

static void remark(struct build *b, const char *s, size_t n, long line, int title)
{
	struct page *p = b->p;
	if (grow(b, (void **)&p->remarks, &b->cap_r, p->nremarks, sizeof *p->remarks) != 0)
		return;
	struct page_remark *r = &p->remarks[p->nremarks];
	if (!(r->text = dup_n(b, s, n)))
		return;
	r->kind = classify(s, n);
	r->title = title;
	r->line = line;
	p->nremarks++;
}

/* A new title; its index, or -1 out of memory. */
static int add_title(struct build *b, const char *s, size_t n, long line)
{
	struct page *p = b->p;
	if (grow(b, (void **)&p->titles, &b->cap_t, p->ntitles, sizeof *p->titles) != 0)
		return -1;
	struct page_title *t = &p->titles[p->ntitles];
	memset(t, 0, sizeof *t);
	t->line = line;
	t->first = p->npeople;
	if (!(t->title = dup_n(b, s, n)) || (b->scope && !(t->scope = dup_n(b, b->scope,
									 strlen(b->scope))))) {
		free(t->title);
		free(t->scope);
		return -1;
	}
	/* "(... only)" at the end: a set limit ("(WID only)") */
	size_t o = open_of_last(s, n);
	if (o < n && o > 0 && s[o - 1] == ' ') {
		size_t in = n - o - 2;
		if (in >= 4 && ci_find(s + o + 1 + in - 4, 4, "only") && !(t->sets = dup_n(b, s + o + 1, in)))
			return -1;
	}
	return (int)p->ntitles++;
}

static void set_scope(struct build *b, const char *s)
{
	char *d = dup_n(b, s, strlen(s));
	if (!d)
		return;
	free(b->scope);
	b->scope = d;
}

static void flush_scope_note(struct build *b, int title)
{
	if (b->scope_note)
		remark(b, b->scope_note, strlen(b->scope_note), b->scope_note_line, title);
	free(b->scope_note);
	b->scope_note = NULL;
}

static void clear_run(struct build *b)
{
	for (size_t i = 0; i < b->nh; i++) {
		free(b->h[i].text);
		free(b->h[i].glued_scope);
		free(b->h[i].note);
	}
	for (size_t i = 0; i < b->nn; i++)
		free(b->notes[i].text);
	b->nh = b->nn = 0;
}

/* The headings read since the last list become a scope and titles; the
 * bullets that follow (has_list) go to the titles. */
static void finish_run(struct build *b, int has_list, int at_eof)
{
	struct page *p = b->p;
	size_t start = 0;
	size_t t0 = p->ntitles;

	if (b->nh && b->h[0].glued_scope) {
		set_scope(b, b->h[0].glued_scope);
	} else if (b->nh >= 2 && !b->h[0].damaging && !b->h[0].link && !b->h[0].note) {
		set_scope(b, b->h[0].text);
		start = 1;
	}
	for (size_t k = start; k < b->nh; k++) {
		struct heading *h = &b->h[k];
		int t = add_title(b, h->text, strlen(h->text), h->line);
		if (t < 0)
			break;
		p->titles[t].damaging = h->damaging;
		p->titles[t].link = h->link;
		if (h->note)
			remark(b, h->note, strlen(h->note), h->line, t);
	}
	size_t t1 = p->ntitles;
	for (size_t i = 0; i < b->nn; i++) {
		struct pnote *n = &b->notes[i];
		size_t len = strlen(n->text);
		if (start == 1 && n->after == 1 && b->nh >= 2 && !b->scope_note &&
		    classify(n->text, len) == PAGE_REMARK_OTHER) {
			/* between the scope and its title: may name a second list's job */
			b->scope_note = n->text;
			b->scope_note_line = n->line;
			n->text = NULL;
			continue;
		}
		/* after a heading: that title's note (the scope's goes to the title after it) */
		size_t k = n->after ? n->after - 1 : 0;
		if (k < start)
			k = start;
		int t = t1 > t0 ? (int)(t0 + (k - start < t1 - t0 ? k - start : t1 - t0 - 1))
				: (p->ntitles ? (int)p->ntitles - 1 : -1);
		remark(b, n->text, len, n->line, t);
	}
	clear_run(b);
	b->list_t0 = t0;
	b->list_t1 = t1;
	if (!has_list) {
		flush_scope_note(b, t1 > t0 ? (int)t0 : -1);
		if (at_eof && t1 > t0)
			p->titles[t1 - 1].truncated = 1;
	}
}

static void end_list(struct build *b)
{
	flush_scope_note(b, b->list_t1 > b->list_t0 ? (int)b->list_t0 : -1);
	b->in_list = 0;
	b->gap = 0;
}

static void heading(struct build *b, const char *s, size_t n, long line)
{
	struct heading h = {NULL, NULL, NULL, line, 0, 0};
	if (b->in_list)
		end_list(b);
	if (ci_starts(s, n, "(warning)")) {
		h.damaging = 1;
		s += 9, n -= 9;
		s = trim(s, &n);
	}
	h.link = ci_starts(s, n, "/wiki/") || ci_starts(s, n, "http://") ||
		 ci_starts(s, n, "https://");
	size_t o = h.link ? n : open_of_last(s, n);
	if (o < n && o > 0 && !isspace((unsigned char)s[o - 1])) {
		/* a note glued to the end: "file(Anyone with ...)" */
		h.note = dup_n(b, s + o + 1, n - o - 2);
		n = o;
		s = trim(s, &n);
	}
	const char *tab = memchr(s, '\t', n);
	if (tab) {
		/* cells copied with a tab between them: "Items<TAB>Change physical items" */
		size_t sn = (size_t)(tab - s), tn = n - sn - 1;
		const char *sc = trim(s, &sn), *ti = trim(tab + 1, &tn);
		if (sn && tn) {
			h.glued_scope = dup_n(b, sc, sn);
			s = ti, n = tn;
		}
	}
	if (!h.link && !h.glued_scope) {
		/* a scope glued to the title: "ItemsChange physical items" */
		int depth = 0;
		for (size_t i = 0; i + 1 < n; i++) {
			depth += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
			if (depth == 0 && i >= 3 && islower((unsigned char)s[i - 1]) &&
			    isupper((unsigned char)s[i]) && isalpha((unsigned char)s[i + 1]) &&
			    isalpha((unsigned char)s[i - 2])) {
				size_t sn = i;
				const char *sc = trim(s, &sn);
				h.glued_scope = dup_n(b, sc, sn);
				s += i, n -= i;
				break;
			}
		}
	}
	if (h.glued_scope && b->nh)
		finish_run(b, 0, 0); /* the headings before had no list */
	h.text = dup_n(b, s, n);
	for (char *q = h.text; q && *q; q++)
		if (*q == '\t')
			*q = ' ';
	for (char *q = h.glued_scope; q && *q; q++)
		if (*q == '\t')
			*q = ' ';
	if (!h.text || grow(b, (void **)&b->h, &b->cap_h, b->nh, sizeof *b->h) != 0) {
		free(h.text);
		free(h.glued_scope);
		free(h.note);
		return;
	}
	b->h[b->nh++] = h;
}

static void note_line(struct build *b, const char *s, size_t n, long line)
{
	if (b->in_list)
		end_list(b);
	if (grow(b, (void **)&b->notes, &b->cap_n, b->nn, sizeof *b->notes) != 0)
		return;
	struct pnote *pn = &b->notes[b->nn];
	if (!(pn->text = dup_n(b, s + 1, n - 2)))
		return;
	pn->line = line;
	pn->after = b->nh;
	b->nn++;
}

static void person(struct build *b, const char *c, size_t n, long line)
{
	struct page *p = b->p;
	if (grow(b, (void **)&p->people, &b->cap_p, p->npeople, sizeof *p->people) != 0)
		return;
	struct page_person *pp = &p->people[p->npeople];
	memset(pp, 0, sizeof *pp);
	pp->line = line;
	const char *open = memchr(c, '(', n);
	const char *rest = c + n;
	size_t nn = open ? (size_t)(open - c) : n;
	const char *name = trim(c, &nn);
	if (open) {
		const char *close = memchr(open, ')', n - (size_t)(open - c));
		size_t un = (close ? (size_t)(close - open) : n - (size_t)(open - c)) - 1;
		const char *unit = trim(open + 1, &un);
		if (un && !(pp->unit = dup_n(b, unit, un)))
			return;
		rest = close ? close + 1 : c + n;
	} else {
		const char *cr = ci_find(c, n, " change in role");
		if (cr) {
			nn = (size_t)(cr - c);
			name = trim(c, &nn);
			rest = cr;
		}
	}
	size_t rn = (size_t)(c + n - rest);
	rest = trim(rest, &rn);
	if (rn >= 2 && rest[0] == '(' && rest[rn - 1] == ')') {
		rest++, rn -= 2;
		rest = trim(rest, &rn);
		pp->sets = 1;
	}
	if (rn && !(pp->note = dup_n(b, rest, rn))) {
		free(pp->unit);
		return;
	}
	if (pp->note && ci_find(rest, rn, "change in role")) {
		pp->revoked = 1;
		pp->sets = 0;
	}
	if (!rn)
		pp->sets = 0;
	if (!(pp->name = dup_n(b, name, nn))) {
		free(pp->unit);
		free(pp->note);
		return;
	}
	p->npeople++;
	for (size_t t = b->list_t0; t < b->list_t1; t++)
		p->titles[t].n++;
	if (b->list_t0 == b->list_t1)
		remark(b, c, n, line, -1); /* a person under no title */
}

static void bullet(struct build *b, const char *c, size_t n, long line)
{
	struct page *p = b->p;
	if (!b->in_list) {
		finish_run(b, 1, 0);
		b->in_list = 1;
		b->gap = 0;
	} else if (b->gap) {
		b->gap = 0;
		if (b->scope_note) {
			/* a second list: the job the note between scope and title names */
			int t = add_title(b, b->scope_note, strlen(b->scope_note), b->scope_note_line);
			if (t >= 0) {
				p->titles[t].from_note = 1;
				b->list_t0 = (size_t)t;
				b->list_t1 = (size_t)t + 1;
			}
			free(b->scope_note);
			b->scope_note = NULL;
		}
	}
	if (n >= 2 && c[0] == '(' && c[n - 1] == ')')
		remark(b, c + 1, n - 2, line,
		       b->list_t1 > b->list_t0 ? (int)b->list_t1 - 1 : -1);
	else if (n)
		person(b, c, n, line);
}

/* 1 when the line is the table's header "ScopeJob nameStaff name (unit)". */
static int is_header(const char *s, size_t n)
{
	static const char want[] = "scopejobnamestaffname(unit)";
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (isspace((unsigned char)s[i]))
			continue;
		if (k >= sizeof want - 1 || tolower((unsigned char)s[i]) != want[k])
			return 0;
		k++;
	}
	return k == sizeof want - 1;
}

/* The bullet's text after its mark ("•", "*", "-"), or NULL when the line
 * is not a bullet. */
static const char *bullet_text(const char *s, size_t n, size_t *rn)
{
	size_t m = 0;
	if (n >= 3 && !memcmp(s, "\xE2\x80\xA2", 3))
		m = 3;
	else if (n >= 1 && (s[0] == '*' || s[0] == '-') && (n == 1 || s[1] == ' '))
		m = 1;
	if (!m)
		return NULL;
	*rn = n - m;
	return trim(s + m, rn);
}

static void one_line(struct build *b, char *s, size_t n, long line, int *in_table)
{
	/* no-break spaces (as a wiki copy has them) are spaces; tabs are kept
	 * for heading() (a tab between table cells) */
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\xC2' && i + 1 < n && s[i + 1] == '\xA0') {
			s[w++] = ' ';
			i++;
		} else {
			s[w++] = s[i] == '\r' ? ' ' : s[i];
		}
	}
	n = w;
	const char *t = trim(s, &n);
	if (!*in_table) {
		if (is_header(t, n)) {
			*in_table = 1;
			b->p->table_line = line;
		}
		return;
	}
	size_t bn;
	const char *bt;
	if (!n) {
		if (b->in_list)
			b->gap = 1;
	} else if ((bt = bullet_text(t, n, &bn))) {
		bullet(b, bt, bn, line);
	} else if (t[0] == '(' && t[n - 1] == ')' && !ci_starts(t, n, "(warning)")) {
		note_line(b, t, n, line);
	} else {
		heading(b, t, n, line);
	}
}

int page_read(const char *name, const char *text, size_t len, struct page **out)
{
	struct build b;
	memset(&b, 0, sizeof b);
	*out = NULL;
	if (!(b.p = calloc(1, sizeof *b.p)) || !(b.p->path = dup_n(&b, name, strlen(name)))) {
		free(b.p);
		diag_error(name, 0, "out of memory");
		return -1;
	}
	char *buf = NULL;
	size_t cap = 0;
	int in_table = 0;
	long line = 0;
	for (size_t i = 0; i < len && !b.oom;) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
		if (n + 1 > cap) {
			char *q = realloc(buf, n + 1);
			if (!q) {
				b.oom = 1;
				break;
			}
			buf = q;
			cap = n + 1;
		}
		memcpy(buf, text + i, n);
		buf[n] = '\0';
		one_line(&b, buf, n, ++line, &in_table);
		i += n + 1;
	}
	free(buf);
	if (!b.oom) {
		if (b.in_list)
			end_list(&b);
		else
			finish_run(&b, 0, 1);
	}
	clear_run(&b);
	free(b.h);
	free(b.notes);
	free(b.scope);
	free(b.scope_note);
	if (b.oom) {
		diag_error(name, 0, "out of memory");
		page_free(b.p);
		return -1;
	}
	if (!in_table) {
		diag_error(name, 0,
			   "no job table: no line 'ScopeJob nameStaff name (unit)' "
			   "(not the matrix page?)");
		page_free(b.p);
		return -1;
	}
	if (!b.p->ntitles) {
		diag_error(name, b.p->table_line, "no job titles after the table's header "
						  "(not the matrix page?)");
		page_free(b.p);
		return -1;
	}
	*out = b.p;
	return 0;
}

int page_load(const char *path, struct page **out)
{
	*out = NULL;
	FILE *f = fopen(path, "rb");
	if (!f) {
		diag_error(path, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	char *text = NULL;
	size_t len = 0, cap = 0;
	int err = 0;
	for (;;) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 65536;
			char *q = ncap <= 2 * (size_t)PAGE_MAX_BYTES ? realloc(text, ncap) : NULL;
			if (!q) {
				err = ENOMEM;
				break;
			}
			text = q;
			cap = ncap;
		}
		size_t got = fread(text + len, 1, cap - len, f);
		len += got;
		if (len > PAGE_MAX_BYTES || got == 0)
			break;
	}
	if (!err && ferror(f))
		err = errno ? errno : EIO;
	fclose(f);
	if (err) {
		diag_error(path, 0, "cannot read: %s", strerror(err));
		free(text);
		return -1;
	}
	if (len > PAGE_MAX_BYTES) {
		diag_error(path, 0, "more than %u MB: not the matrix page", PAGE_MAX_BYTES >> 20);
		free(text);
		return -1;
	}
	int rc = page_read(path, text, len, out);
	free(text);
	return rc;
}

void page_free(struct page *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->ntitles; i++) {
		free(p->titles[i].title);
		free(p->titles[i].scope);
		free(p->titles[i].sets);
	}
	for (size_t i = 0; i < p->npeople; i++) {
		free(p->people[i].name);
		free(p->people[i].unit);
		free(p->people[i].note);
	}
	for (size_t i = 0; i < p->nremarks; i++)
		free(p->remarks[i].text);
	free(p->titles);
	free(p->people);
	free(p->remarks);
	free(p->path);
	free(p);
}
