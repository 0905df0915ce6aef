#include "units.h"

#include "diag.h"
#include "rules_table.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum { UN_UNIT, UN_NAME, UN_EMAIL };

void units_free(struct units *u)
{
	if (!u)
		return;
	for (size_t i = 0; i < u->n; i++) {
		free(u->v[i].code);
		free(u->v[i].name);
		free(u->v[i].email);
	}
	free(u->v);
	free(u->path);
	hmap_free(&u->at);
	free(u);
}

/* The key of a code in the index: its n bytes with ASCII letters in lower
 * case, in buf when it fits (size), else in memory the caller frees
 * (*alloc); NULL when out of memory. */
static const char *code_key(const char *code, size_t n, char *buf, size_t size, char **alloc)
{
	char *k = buf;
	*alloc = NULL;
	if (n > size && !(k = *alloc = malloc(n ? n : 1)))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		char c = code[i];
		k[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	return k;
}

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

/* Appends a unit (its strings copied); -1 when out of memory (reported). */
static int add(struct units *u, const char *code, size_t n, const char *name, const char *email,
	       long line, long staff_line)
{
	if ((u->n & (u->n - 1)) == 0) { /* 0, 1, 2, 4, ...: full */
		struct unit *v = realloc(u->v, (u->n ? u->n * 2 : 1) * sizeof *v);
		if (!v) {
			diag_error(NULL, 0, "out of memory");
			return -1;
		}
		u->v = v;
	}
	struct unit *x = &u->v[u->n];
	x->code = dup_n(code, n);
	x->name = strdup(name);
	x->email = strdup(email);
	x->line = line;
	x->staff_line = staff_line;
	u->n++;
	char buf[256], *alloc;
	const char *key = code_key(code, n, buf, sizeof buf, &alloc);
	int added;
	int64_t *at = key ? hmap_put(&u->at, key, n, (int64_t)(u->n - 1), &added) : NULL;
	free(alloc);
	if (!x->code || !x->name || !x->email || !at) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	return 0;
}

const struct unit *units_find(const struct units *u, const char *code, size_t n)
{
	if (!u || !u->n)
		return NULL;
	char buf[256], *alloc;
	const char *key = code_key(code, n, buf, sizeof buf, &alloc);
	int64_t *at = key ? hmap_get(&u->at, key, n) : NULL;
	free(alloc);
	if (at)
		return &u->v[*at];
	if (key)
		return NULL;
	for (size_t i = 0; i < u->n; i++) /* out of memory for the key: the long way */
		if (strlen(u->v[i].code) == n && strncasecmp(u->v[i].code, code, n) == 0)
			return &u->v[i];
	return NULL;
}

/* One address: local@domain, plain printable ASCII without spaces or the
 * characters an address list or header would take apart. */
static int address_ok(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	/* at most 254 characters (RFC 5321): a To line can fold between them */
	if (n > 254 || !at || at == s || memchr(at + 1, '@', n - (size_t)(at + 1 - s)))
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= ' ' || c >= 0x7F || strchr("<>()[]\\,;:\"", c))
			return 0;
	}
	const char *domain = at + 1, *end = s + n;
	const char *dot = memchr(domain, '.', (size_t)(end - domain));
	return dot && domain[0] != '.' && end[-1] != '.';
}

int units_email_ok(const char *text)
{
	int any = 0;
	for (;;) {
		size_t len = strcspn(text, ",");
		const char *s = text;
		size_t n = len;
		while (n && (*s == ' ' || *s == '\t'))
			s++, n--;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (!address_ok(s, n))
			return 0;
		any = 1;
		if (!text[len])
			return any;
		text += len + 1;
	}
}

/* One row of units.csv: the number of problems (reported). */
static int load_row(void *ctx, long line, const char *const *cell, const size_t *len)
{
	struct units *u = ctx;
	const char *code = cell[UN_UNIT], *path = u->path;
	size_t n = len[UN_UNIT];
	const struct unit *before = units_find(u, code, n);
	if (!n) {
		diag_error(path, line, "a unit without a code");
	} else if (strcspn(code, ",/;") < n) {
		diag_error(path, line,
			   "unit '%.*s': a code holds no ',', '/' or ';' (a staff.csv unit "
			   "cell separates several units with '/' or ';')",
			   (int)n, code);
	} else if (n == 3 && strncasecmp(code, "all", 3) == 0) {
		diag_error(path, line, "unit 'all': the name of the whole report "
				       "(all.txt, ...), not a unit's");
	} else if (before) {
		diag_error(path, line, "unit '%.*s' again: it is at line %ld", (int)n, code,
			   before->line);
	} else {
		char *nm = dup_n(cell[UN_NAME], len[UN_NAME]);
		char *em = dup_n(cell[UN_EMAIL], len[UN_EMAIL]);
		int errors = 0;
		if (!nm || !em) {
			diag_error(path, line, "out of memory");
			errors++;
		} else if (len[UN_EMAIL] && !units_email_ok(em)) {
			diag_error(path, line,
				   "unit '%.*s': '%s' is no email address (want "
				   "name@example.edu, at most 254 characters; several separated by ',')",
				   (int)n, code, em);
			errors++;
		} else if (add(u, code, n, nm, em, line, 0) != 0) {
			errors++;
		}
		free(nm);
		free(em);
		return errors;
	}
	return 1;
}

int units_load(struct rules *r)
{
	static const char *const cols[] = {"unit", "name", "email"};
	struct stat st;
	char *path = rules_path_join(r->dir, "units.csv");
	if (!path) {
		diag_error(r->dir, 0, "out of memory");
		return -1;
	}
	if (stat(path, &st) != 0 && errno == ENOENT) {
		free(path); /* optional */
		return 0;
	}
	struct units *u = calloc(1, sizeof *u);
	if (!u) {
		diag_error(path, 0, "out of memory");
		free(path);
		return -1;
	}
	u->path = path;
	r->units = u;
	return rules_table_read(path, cols, 3, 1, load_row, u) != 0 ? -1 : 0;
}

struct units *units_of_staff(const struct rules *r)
{
	struct units *all = calloc(1, sizeof *all);
	if (!all) {
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	/* units.csv's order first, for those staff.csv names (each with the
	 * first staff.csv row that names it) */
	size_t listed = r->units ? r->units->n : 0;
	long *first = calloc(listed ? listed : 1, sizeof *first);
	if (!first) {
		units_free(all);
		diag_error(NULL, 0, "out of memory");
		return NULL;
	}
	for (size_t p = 0; listed && p < r->npeople; p++) {
		const char *cell = r->people[p].unit, *code;
		size_t n;
		while ((code = rules_unit_next(&cell, &n))) {
			const struct unit *x = units_find(r->units, code, n);
			if (x && !first[x - r->units->v])
				first[x - r->units->v] = r->people[p].line;
		}
	}
	for (size_t i = 0; i < listed; i++) {
		const struct unit *x = &r->units->v[i];
		if (first[i] &&
		    add(all, x->code, strlen(x->code), x->name, x->email, x->line, first[i]) != 0) {
			free(first);
			goto oom;
		}
	}
	free(first);
	for (size_t p = 0; p < r->npeople; p++) {
		const char *cell = r->people[p].unit, *code;
		size_t n;
		while ((code = rules_unit_next(&cell, &n)))
			if (!units_find(all, code, n) &&
			    add(all, code, n, "", "", 0, r->people[p].line) != 0)
				goto oom;
	}
	return all;
oom:
	units_free(all);
	return NULL;
}

size_t units_check(const struct rules *r)
{
	if (!r->units)
		return 0;
	struct units *all = units_of_staff(r);
	size_t missing = 0;
	for (size_t i = 0; all && i < all->n; i++) {
		const struct unit *x = &all->v[i];
		if (x->line)
			continue;
		missing++;
		diag_error(r->staff_path, x->staff_line,
			   "warning: unit '%s' is not in units.csv: its report goes to --to%s", x->code,
			   strchr(x->code, ',') ? " (several units in one cell are separated by '/' "
						  "or ';', not ',')"
						: "");
	}
	units_free(all);
	return missing;
}
