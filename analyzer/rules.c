#define _GNU_SOURCE /* strcasestr */
#include "rules.h"

#include "diag.h"
#include "names.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- paths ---- */

char *rules_path_join(const char *dir, const char *file)
{
	size_t n = strlen(dir) + strlen(file) + 2;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s%s%s", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", file);
	return p;
}

/* ---- lookups ---- */

const char *rules_nearest_person_key(const struct rules *r, const char *key)
{
	size_t best = SIZE_MAX;
	const char *name = NULL;
	for (size_t i = 0; i < r->nnames; i++) {
		size_t d = names_distance(key, r->names[i].key);
		if (d < best) {
			best = d;
			name = r->people[r->names[i].person].name;
		}
	}
	return best <= 2 + strlen(key) / 4 ? name : NULL;
}

const char *rules_nearest_job(const struct rules *r, const char *id)
{
	size_t best = SIZE_MAX;
	const char *name = NULL;
	/* a word of the id or title first ("withdrawals"), then spelling */
	for (size_t i = 0; *id && i < r->njobs; i++)
		if (strcasestr(r->jobs[i].id, id) || strcasestr(r->jobs[i].title, id))
			return r->jobs[i].id;
	for (size_t i = 0; i < r->njobs; i++) {
		size_t d = names_distance(id, r->jobs[i].id);
		if (d < best) {
			best = d;
			name = r->jobs[i].id;
		}
	}
	return best <= 2 + strlen(id) / 4 ? name : NULL;
}

static int find_key(const struct rules_key *keys, size_t n, const char *key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(keys[mid].key, key);
		if (c == 0)
			return keys[mid].person;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* An Alma id among the ids (kept in lower case): case ignored, as Alma
 * ignores it in primary ids. */
static int find_id(const struct rules *r, const char *id)
{
	size_t lo = 0, hi = r->nids;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcasecmp(r->ids[mid].key, id);
		if (c == 0)
			return r->ids[mid].person;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int rules_person_by_key(const struct rules *r, const char *key)
{
	return find_key(r->names, r->nnames, key);
}

/* Eight ASCII bytes (none past 0x7F) in lower case: 0x20 added to each of
 * A to Z, found all at once. */
static uint64_t ascii_lower8(uint64_t x)
{
	uint64_t from_a = x + 0x3F3F3F3F3F3F3F3Full; /* the high bit: at or past 'A' */
	uint64_t past_z = x + 0x2525252525252525ull; /* the high bit: past 'Z' */
	return x | ((from_a & ~past_z & 0x8080808080808080ull) >> 2);
}

static int job_for(const struct rules *r, const char *name, size_t n)
{
	/* A pattern whose literal prefix the name lacks cannot match, so it is
	 * not run; compared in ASCII only, where case folding is simple: a
	 * byte past ASCII before the prefix's end leaves it to the pattern. */
	size_t from = 0, to = r->njobs;
	const int *which = NULL;
	unsigned char c0 = n ? (unsigned char)name[0] : 0x80;
	if (c0 < 0x80 && r->first_at) {
		/* the jobs a name of this first byte may match (all when it is
		 * past ASCII, or while the rules load) */
		unsigned char c = (unsigned char)(c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0);
		from = r->first_at[c];
		to = r->first_at[c + 1];
		which = r->by_first;
	}
	for (size_t k = from; k < to; k++) {
		size_t i = which ? (size_t)which[k] : k;
		const struct rules_job *jb = &r->jobs[i];
		size_t pl = jb->prefix_len, at = 0;
		/* eight ASCII bytes at a time while they agree */
		while (at + 8 <= pl && at + 8 <= n) {
			uint64_t x, want;
			memcpy(&x, name + at, sizeof x);
			memcpy(&want, jb->prefix + at, sizeof want);
			if ((x & 0x8080808080808080ull) || ascii_lower8(x) != want)
				break;
			at += 8;
		}
		while (at < pl && at < n) {
			unsigned char c = (unsigned char)name[at];
			if (c >= 0x80 || (c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)jb->prefix[at])
				break;
			at++;
		}
		if (at < pl && (at == n || (unsigned char)name[at] < 0x80))
			continue; /* an ASCII byte differs, or the name ends first */
		if (at == pl && jb->prefix_whole) {
			/* ^prefix(?: - |$) on a name whose prefix is there in
			 * ASCII: the name ends, or " - " follows; anything else
			 * but a line end (where $ has its say) does not match */
			const char *rest = name + pl;
			size_t rn = n - pl;
			if (rn == 0 || (rn >= 3 && rest[0] == ' ' && rest[1] == '-' && rest[2] == ' '))
				return (int)i;
			if (rest[0] != '\n' && rest[0] != '\r')
				continue;
		}
		int m = match_run(jb->match, name, n);
		if (m < 0)
			return -2;
		if (m)
			return (int)i;
	}
	return -1;
}

/* The name with its spaces made plain, into out (cap bytes): every Unicode
 * space (no-break, narrow, ideographic, zero-width, a line separator) a
 * space, the invisible characters (soft hyphen, zero-width non-joiner,
 * word joiner, a byte order mark) dropped, runs of spaces and tabs one
 * space, none at either end, and a hyphen or dash (U+2010 to U+2014,
 * minus) a hyphen:
 * what a name pasted from a web page or typed in a word processor holds.
 * Its length, or 0 when nothing changed or it does not fit. */
static size_t plain_name(const char *name, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int changed = 0, space = 0;
	for (size_t i = 0; i < n;) {
		const unsigned char *p = (const unsigned char *)name + i;
		size_t len = diag_utf8_len(p, n - i);
		unsigned cp = len == 2 ? (unsigned)(p[0] & 0x1F) << 6 | (p[1] & 0x3F)
			    : len == 3 ? (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 |
					     (p[2] & 0x3F)
				       : p[0];
		size_t step = len ? len : 1;
		i += step;
		if (cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
		    cp == 0x202F || cp == 0x205F || cp == 0x3000) {
			changed |= cp != ' ' || space || !o;
			space = 1;
			continue;
		}
		if (cp == 0x2028 || cp == 0x2029 || cp == 0x85 || cp == 0x200B) {
			changed = 1; /* a line or paragraph separator, a zero-width space: a space */
			space = 1;
			continue;
		}
		if (cp == 0x200C || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD) {
			changed = 1;
			continue;
		}
		const char *put = (const char *)p;
		if ((cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212) {
			put = "-";
			step = 1;
			changed = 1;
		}
		if (o + step + 1 >= cap)
			return 0;
		if (space && o)
			out[o++] = ' ';
		space = 0;
		memcpy(out + o, put, step);
		o += step;
	}
	changed |= space;
	out[o] = '\0';
	return changed ? o : 0;
}

int rules_name_plain(const char *s)
{
	char out[1024];
	size_t n = strlen(s);
	return n < sizeof out - 1 && plain_name(s, n, out, sizeof out) == 0;
}

int rules_job_for_name(const struct rules *r, const char *name, size_t n)
{
	int job = job_for(r, name, n);
	if (job != -1 || !r->plain_patterns)
		return job;
	/* no job: the same name with plain spaces and dashes, when it has others */
	char plain[1024];
	size_t pn = plain_name(name, n, plain, sizeof plain);
	return pn ? job_for(r, plain, pn) : -1;
}

int rules_job_by_id(const struct rules *r, const char *id)
{
	if (r->job_order) {
		size_t lo = 0, hi = r->njobs;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = strcmp(r->jobs[r->job_order[mid]].id, id);
			if (c == 0)
				return r->job_order[mid];
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		return -1;
	}
	/* while the rules load */
	for (size_t i = 0; i < r->njobs; i++)
		if (strcmp(r->jobs[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* The length of a name with its Alma id in parentheses after it
 * ("Fischer, Ben (bfischer)", as some screens write Submitted By) without
 * them, trimmed; 0 when s is not so. */
static size_t before_id(const char *s, size_t n)
{
	const char *open = n > 3 && s[n - 1] == ')' ? strrchr(s, '(') : NULL;
	size_t len = open ? (size_t)(s + n - 1 - (open + 1)) : 0;
	if (!open || open == s || !len || len >= 64 || memchr(open + 1, ' ', len))
		return 0;
	size_t b = (size_t)(open - s);
	while (b && isspace((unsigned char)s[b - 1]))
		b--;
	return b;
}

/* "Fischer, Ben (bfischer)": found by the id, else by the name before it;
 * -1 when s is not so or neither is known. */
static int name_and_id(const struct rules *r, const char *s, int *how)
{
	char id[64], key[NAMES_KEY_MAX];
	size_t n = s ? strlen(s) : 0, b = before_id(s, n);
	if (!b)
		return -1;
	const char *open = strrchr(s, '(');
	size_t len = (size_t)(s + n - 1 - (open + 1));
	memcpy(id, open + 1, len);
	id[len] = '\0';
	int p = find_id(r, id);
	if (p >= 0) {
		*how = RULES_BY_ID;
		return p;
	}
	if (!names_key(s, b, key))
		return -1;
	return find_key(r->names, r->nnames, key);
}

/* 1 when s is written in a script that puts the family name first (Han,
 * kana, Hangul): "山田, 太郎" is staff.csv's "山田 太郎". */
static int family_first_script(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			continue;
		unsigned cp = (unsigned)(p[0] & 0x0F) << 12 | (unsigned)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
		    (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF))
			return 1;
	}
	return 0;
}

int rules_person_reversed(const struct rules *r, const char *user_name, int joined)
{
	const char *comma = user_name ? strchr(user_name, ',') : NULL;
	if (!comma || strchr(comma + 1, ','))
		return -1;
	/* "Family, Given" as "Family Given" (or "FamilyGiven"), read as staff.csv reads a name */
	char text[NAMES_KEY_MAX * 2], key[NAMES_KEY_MAX];
	const char *given = comma + 1;
	while (*given == ' ')
		given++;
	int n = snprintf(text, sizeof text, "%.*s%s%s", (int)(comma - user_name), user_name,
			 joined ? "" : " ", given);
	if (n < 0 || (size_t)n >= sizeof text || !names_key(text, (size_t)n, key))
		return -1;
	return find_key(r->names, r->nnames, key);
}

int rules_person_for(const struct rules *r, const char *user, const char *user_name, int *how)
{
	char key[NAMES_KEY_MAX];
	*how = RULES_BY_NAME;
	if (user && *user) {
		int p = find_id(r, user);
		if (p >= 0) {
			*how = RULES_BY_ID;
			return p;
		}
	}
	/* an Alma id with a comma or space ("fischer,b"), read as a name when
	 * the name cell was empty: an id listed in alma_ids is the id (spec
	 * section 2: submitted_by among alma_ids first) */
	if (user_name && *user_name) {
		int p = find_id(r, user_name);
		if (p >= 0) {
			*how = RULES_BY_ID;
			return p;
		}
	}
	/* a name in a script that writes the family name first: staff.csv
	 * writes it so too, with or without a space; that reading first */
	if (user_name && family_first_script(user_name)) {
		int p = rules_person_reversed(r, user_name, 0);
		if (p < 0)
			p = rules_person_reversed(r, user_name, 1);
		if (p >= 0)
			return p;
	}
	if (user_name && names_key(user_name, strlen(user_name), key)) {
		int p = find_key(r->names, r->nnames, key);
		if (p >= 0)
			return p;
	}
	int p = name_and_id(r, user_name, how);
	if (p >= 0 || !user_name || !*user_name || !r->reduced.n)
		return p;
	/* last, the name without its middle names: one person alone */
	size_t n = strlen(user_name), b = before_id(user_name, n);
	enum middlenames_how found;
	p = middlenames_find(&r->reduced, user_name, b ? b : n, &found, NULL, 0, NULL);
	/* a run that gives an id the person's alma_ids do not hold ("Fischer,
	 * Ben J." as bjfischer, staff.csv's Ben Fischer being bfischer) is
	 * another person's: only the whole name could say otherwise */
	if (p >= 0 && user && *user && user != user_name && r->people[p].nids)
		p = -1;
	*how = p >= 0 ? RULES_BY_REDUCED : found == MIDDLENAMES_SEVERAL ? RULES_BY_SEVERAL
									  : RULES_BY_NAME;
	return p;
}

int rules_person_by_text(const struct rules *r, const char *text)
{
	int how, p = rules_person_for(r, text, text, &how);
	return how == RULES_BY_REDUCED ? -1 : p;
}

const char *rules_nearest_person(const struct rules *r, const char *text)
{
	char key[NAMES_KEY_MAX];
	names_key(text, strlen(text), key);
	return rules_nearest_person_key(r, key);
}

/* Compares a and b ignoring ASCII case and runs of white space. */
static int same_words(const char *a, const char *b)
{
	for (;;) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		while (*a && *b && !isspace((unsigned char)*a) && !isspace((unsigned char)*b)) {
			if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
				return 0;
			a++, b++;
		}
		if (!isspace((unsigned char)*a) && *a)
			return 0;
		if (!isspace((unsigned char)*b) && *b)
			return 0;
	}
}

int rules_job_by_title(const struct rules *r, const char *text, int from)
{
	for (size_t i = from < 0 ? 0 : (size_t)from; i < r->njobs; i++)
		if (same_words(r->jobs[i].title, text))
			return (int)i;
	return -1;
}

const char *rules_unit_next(const char **s, size_t *n)
{
	for (;;) {
		const char *p = *s;
		if (!*p)
			return NULL;
		size_t len = strcspn(p, "/;");
		*s = p[len] ? p + len + 1 : p + len;
		while (len && isspace((unsigned char)*p))
			p++, len--;
		while (len && isspace((unsigned char)p[len - 1]))
			len--;
		if (len) {
			*n = len;
			return p;
		}
	}
}

int rules_person_in_unit(const struct rules *r, int person, const char *unit)
{
	const char *cell = r->people[person].unit, *u;
	size_t n, want = strlen(unit);
	while ((u = rules_unit_next(&cell, &n)))
		if (n == want && strncasecmp(u, unit, n) == 0)
			return 1;
	return 0;
}

static int char_cmp(const void *a, const void *b)
{
	return *(const char *)a - *(const char *)b;
}

/* 1 when a and b hold the same letters (a transposition: "gtu", "gut"). */
static int same_letters(const char *a, const char *b)
{
	char x[NAMES_KEY_MAX], y[NAMES_KEY_MAX];
	size_t n = strlen(a);
	if (n != strlen(b) || n >= sizeof x)
		return 0;
	memcpy(x, a, n);
	memcpy(y, b, n);
	qsort(x, n, 1, char_cmp);
	qsort(y, n, 1, char_cmp);
	return memcmp(x, y, n) == 0;
}

const char *rules_nearest_unit(const struct rules *r, const char *unit, char *buf, size_t size)
{
	char a[NAMES_KEY_MAX], b[NAMES_KEY_MAX];
	size_t best = SIZE_MAX, la = 0;
	int swapped = 0;
	for (; unit[la] && la + 1 < sizeof a; la++)
		a[la] = (char)tolower((unsigned char)unit[la]);
	a[la] = '\0';
	for (size_t p = 0; p < r->npeople; p++) {
		const char *cell = r->people[p].unit, *u;
		size_t n;
		while ((u = rules_unit_next(&cell, &n))) {
			size_t lb = 0;
			for (; lb < n && lb + 1 < sizeof b; lb++)
				b[lb] = (char)tolower((unsigned char)u[lb]);
			b[lb] = '\0';
			size_t d = names_distance(a, b);
			/* on a tie, letters swapped are the likelier typo */
			int swap = same_letters(a, b);
			if ((d < best || (d == best && swap && !swapped)) && size) {
				best = d;
				swapped = swap;
				snprintf(buf, size, "%.*s", (int)n, u);
			}
		}
	}
	return la && best <= 2 + la / 4 ? buf : NULL;
}

const char *rules_file_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

int rules_grants(const struct rules *r, int k, int j)
{
	return r->grants[(size_t)k * r->njobs + (size_t)j];
}

int rules_approval_in_force(const struct rules_approval *a, int64_t day)
{
	return (a->signed_off == RULES_NO_DATE || a->signed_off <= day) &&
	       (a->revoked == RULES_NO_DATE || a->revoked > day);
}

int rules_approval_holds(const struct rules_approval *a, int64_t day, const char *set_name)
{
	if (!rules_approval_in_force(a, day))
		return 0;
	if (!a->sets)
		return 1;
	return match_run(a->sets, set_name ? set_name : "", set_name ? strlen(set_name) : 0);
}

int rules_may_run(const struct rules *r, int64_t today, size_t *count)
{
	/* seen[j]: the last person (plus one) counted for job j */
	size_t *seen = calloc(r->njobs ? r->njobs : 1, sizeof *seen);
	if (!seen) {
		diag_error(r->dir, 0, "out of memory");
		return -1;
	}
	memset(count, 0, r->njobs * sizeof *count);
	for (size_t p = 0; p < r->npeople; p++)
		for (size_t i = r->person_first[p]; i < r->person_first[p + 1]; i++) {
			const struct rules_approval *a = &r->approvals[r->by_person[i]];
			if (a->revoked != RULES_NO_DATE && a->revoked <= today)
				continue;
			size_t k = (size_t)a->job;
			for (size_t g = r->granted_first[k]; g < r->granted_first[k + 1]; g++) {
				size_t j = (size_t)r->granted[g];
				if (seen[j] != p + 1) {
					seen[j] = p + 1;
					count[j]++;
				}
			}
		}
	free(seen);
	return 0;
}

/* Warns about one pattern that a probe found slow; 1 when it did. */
static int probe_pattern(const char *path, long line, const char *what, const struct pattern *p,
			 const char *src)
{
	double ms;
	size_t len;
	if (match_probe(p, src, &ms, &len)) {
		diag_error(path, line,
			   "warning: %s '%s' hit the PCRE2 match limit on an adversarial name of "
			   "%zu characters: every row like it would be rejected (\"pattern limit\"); "
			   "rewrite it without nested or chained unbounded repeats ((a+)+, .*x.*y)",
			   what, src, len);
		return 1;
	}
	if (ms > RULES_SLOW_PATTERN_MS) {
		diag_error(path, line,
			   "warning: %s '%s' took %.1f ms on an adversarial name of %zu characters "
			   "(a pattern should take microseconds): rewrite it without nested or chained "
			   "unbounded repeats ((a+)+, .*x.*y)",
			   what, src, ms, len);
		return 1;
	}
	return 0;
}

static int sets_cmp(const void *a, const void *b)
{
	const struct rules_approval *x = *(const struct rules_approval *const *)a;
	const struct rules_approval *y = *(const struct rules_approval *const *)b;
	int c = strcmp(x->sets_src, y->sets_src);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

size_t rules_check_names(const struct rules *r)
{
	size_t warnings = 0, at = 0;
	const struct middlenames_entry *a, *b;
	while (middlenames_next_pair(&r->reduced, &at, &a, &b)) {
		diag_error(r->staff_path, b->line,
			   "warning: '%s' and '%s' (line %ld) are one name without their middle "
			   "names ('%s'): an export's name without them matches neither; add it "
			   "as an alias of the one it is",
			   r->people[b->person].name, r->people[a->person].name, a->line, a->key);
		warnings++;
	}
	return warnings;
}

size_t rules_check_patterns(const struct rules *r)
{
	size_t warnings = 0, n = 0;
	for (size_t i = 0; i < r->njobs; i++)
		warnings += (size_t)probe_pattern(r->jobs_path, r->jobs[i].line, "pattern",
						  r->jobs[i].match, r->jobs[i].match_src);
	/* each sets pattern once, at its first line, however many rows use it */
	const struct rules_approval **sets = malloc((r->napprovals ? r->napprovals : 1) *
						    sizeof *sets);
	if (!sets) {
		diag_error(r->dir, 0, "out of memory: the sets patterns were not probed");
		return warnings + 1;
	}
	for (size_t i = 0; i < r->napprovals; i++)
		if (r->approvals[i].sets)
			sets[n++] = &r->approvals[i];
	if (n)
		qsort(sets, n, sizeof *sets, sets_cmp);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(sets[i]->sets_src, sets[i - 1]->sets_src) != 0)
			warnings += (size_t)probe_pattern(r->approvals_path, sets[i]->line,
							  "sets pattern", sets[i]->sets,
							  sets[i]->sets_src);
	free(sets);
	return warnings;
}

