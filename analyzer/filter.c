#define _GNU_SOURCE /* strcasestr */
#include "filter.h"

#include "diag.h"
#include "names.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void filter_init(struct filter *f)
{
	memset(f, 0, sizeof *f);
	f->min_records = -1;
}

void filter_free(struct filter *f)
{
	for (int o = 0; o < FILTER_OPTS; o++) {
		for (size_t i = 0; i < f->count[o]; i++) {
			struct filter_value *v = &f->values[o][i];
			free(v->text);
			match_free(v->pattern);
			free(v->items);
			free(v->found);
			hmap_free(&v->others);
		}
		free(f->values[o]);
	}
	filter_init(f);
}

static struct pattern *compile(const char *arg, char *msg, size_t size, size_t *offset)
{
	return match_compile(arg, strlen(arg), msg, size, offset);
}

/* "(did you mean 'X'?)" after a message, or nothing. */
static const char *did_you_mean(const char *near, char *buf, size_t size)
{
	if (!near || !*near)
		return "";
	snprintf(buf, size, " (did you mean '%s'?)", near);
	return buf;
}

static int finding_add(struct filter *f, const char *arg)
{
	char lower[64], list[256] = "", near[96];
	size_t n = 0, best = SIZE_MAX;
	const char *nearest = NULL;
	for (; arg[n] && n + 1 < sizeof lower; n++)
		lower[n] = (char)tolower((unsigned char)arg[n]);
	lower[n] = '\0';
	int k = arg[n] ? -1 : finding_parse(lower);
	if (k >= 0) {
		f->findings |= 1u << k;
		return 0;
	}
	for (int i = 0; i < FIND_COUNT; i++) {
		const char *name = finding_name((enum finding_kind)i);
		size_t used = strlen(list);
		snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", name);
		size_t d = names_distance(lower, name);
		if (d < best) {
			best = d;
			nearest = name;
		}
	}
	if (best > 2 + n / 4)
		nearest = NULL;
	diag_error(NULL, 0, "--finding '%s' is no finding kind%s; the kinds: %s", arg,
		   did_you_mean(nearest, near, sizeof near), list);
	return -1;
}

int filter_add(struct filter *f, enum filter_opt opt, const char *arg)
{
	struct filter_value v = {.how = FILTER_USER_PART, .near_distance = SIZE_MAX};
	char buf[64], msg[256];
	size_t offset;

	hmap_init(&v.others);
	switch (opt) {
	case FILTER_FINDING:
		return finding_add(f, arg);
	case FILTER_MIN_RECORDS: {
		char *end;
		errno = 0;
		long long n = strtoll(arg, &end, 10);
		if (errno || end == arg || *end || n < 0) {
			diag_error(NULL, 0, "--min-records wants a count of records, not '%s'", arg);
			return -1;
		}
		f->min_records = n;
		break;
	}
	case FILTER_GREP:
		if (!(v.pattern = compile(arg, msg, sizeof msg, &offset))) {
			diag_error(NULL, 0, "--grep '%s': pattern error at offset %zu: %s", arg, offset,
				   msg);
			return -1;
		}
		break;
	case FILTER_ID: {
		char *end;
		errno = 0;
		unsigned long long id = strtoull(arg, &end, 10);
		if (errno || end == arg || *end || arg[0] == '-') {
			diag_error(NULL, 0, "--id wants a run id (a number), not '%s'", arg);
			return -1;
		}
		v.id = id;
		break;
	}
	case FILTER_STATUS:
		snprintf(v.key, sizeof v.key, "%s", run_status_code(arg, strlen(arg), buf, sizeof buf));
		break;
	case FILTER_USER:
		names_key(arg, strlen(arg), v.key);
		break;
	default:
		break;
	}
	v.text = strdup(arg);
	struct filter_value *grown = realloc(f->values[opt], (f->count[opt] + 1) * sizeof *grown);
	if (!v.text || !grown) {
		free(v.text);
		match_free(v.pattern);
		if (grown)
			f->values[opt] = grown;
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	f->values[opt] = grown;
	f->values[opt][f->count[opt]++] = v;
	return 0;
}

static int in_list(const int *list, size_t n, int x)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] == x)
			return 1;
	return 0;
}

/* Adds x to a list once; -1 (reported) when out of memory. */
static int add_once(int **list, size_t *n, int x)
{
	if (in_list(*list, *n, x))
		return 0;
	int *grown = realloc(*list, (*n + 1) * sizeof *grown);
	if (!grown) {
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	grown[(*n)++] = x;
	*list = grown;
	return 0;
}

static int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Words of a name key are separated by spaces and hyphens ("te-yi lee"). */
#define WORD_GAPS " -"

/* 1 when the word w (n bytes) is a whole word of key. */
static int has_word(const char *key, const char *w, size_t n)
{
	for (const char *p = key; *p; p += strspn(p, WORD_GAPS)) {
		size_t len = strcspn(p, WORD_GAPS);
		if (len == n && memcmp(p, w, n) == 0)
			return 1;
		p += len;
	}
	return 0;
}

/* 1 when every word of the key `words` is a word of `key` ("lovelace" of
 * "ada lovelace"); 0 when not, or when `words` has none. */
static int has_words(const char *key, const char *words)
{
	int any = 0;
	for (const char *p = words + strspn(words, WORD_GAPS); *p; p += strspn(p, WORD_GAPS)) {
		size_t len = strcspn(p, WORD_GAPS);
		if (!has_word(key, p, len))
			return 0;
		any = 1;
		p += len;
	}
	return any;
}

/* The distance of key from a name key: from the whole of it, or from the
 * nearest of its words (a misspelt surname). */
static size_t name_distance(const char *key, const char *name)
{
	size_t best = names_distance(key, name);
	char word[NAMES_KEY_MAX];
	for (const char *p = name; *p; p += strspn(p, WORD_GAPS)) {
		size_t len = strcspn(p, WORD_GAPS);
		if (len < sizeof word) {
			memcpy(word, p, len);
			word[len] = '\0';
			size_t d = names_distance(key, word);
			if (d < best)
				best = d;
		}
		p += len;
	}
	return best;
}

static int close_enough(size_t distance, const char *to)
{
	return distance <= 2 + strlen(to) / 4;
}

/* Writes s with its runs of white space made one space into buf. */
static const char *one_line(const char *s, char *buf, size_t size)
{
	size_t o = 0;
	for (s += strspn(s, " \t\r\n"); *s && o + 1 < size; s++) {
		if (isspace((unsigned char)*s)) {
			s += strspn(s, " \t\r\n") - 1;
			if (s[1])
				buf[o++] = ' ';
		} else {
			buf[o++] = *s;
		}
	}
	buf[o] = '\0';
	return buf;
}

/* The job id or title nearest to text, for "did you mean": a job whose id
 * or title holds text, else the nearest in spelling. */
static const char *nearest_job(const struct rules *r, const char *text, char *buf, size_t size)
{
	char want[NAMES_KEY_MAX], have[NAMES_KEY_MAX], title[NAMES_KEY_MAX];
	size_t best = SIZE_MAX;
	const char *near = NULL;
	one_line(text, want, sizeof want);
	for (char *c = want; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	if (!r || !want[0])
		return NULL;
	for (size_t i = 0; i < r->njobs; i++) {
		one_line(r->jobs[i].title, title, sizeof title);
		if (strcasestr(r->jobs[i].id, want) || strcasestr(title, want))
			return r->jobs[i].id;
	}
	for (size_t i = 0; i < r->njobs; i++) {
		size_t d = names_distance(want, r->jobs[i].id);
		if (d < best) {
			best = d;
			near = r->jobs[i].id;
		}
		one_line(r->jobs[i].title, have, sizeof have);
		for (char *c = have; *c; c++)
			*c = (char)tolower((unsigned char)*c);
		d = names_distance(want, have);
		if (d < best) {
			best = d;
			near = one_line(r->jobs[i].title, buf, size);
		}
	}
	return close_enough(best, want) ? near : NULL;
}

static int resolve_job(struct filter *f, struct filter_value *v, const struct rules *r)
{
	char msg[256];
	size_t offset;
	v->nitems = 0;
	v->known = 0;
	for (size_t i = 0; r && i < r->njobs; i++)
		if (strcasecmp(r->jobs[i].id, v->text) == 0 && add_once(&v->items, &v->nitems, (int)i))
			return -1;
	/* else the page's title: every job of that title */
	for (int j = r && !v->nitems ? rules_job_by_title(r, v->text, 0) : -1; j >= 0;
	     j = rules_job_by_title(r, v->text, j + 1))
		if (add_once(&v->items, &v->nitems, j))
			return -1;
	if (v->nitems) {
		v->known = 1;
		return 0;
	}
	if (!v->pattern && !(v->pattern = compile(v->text, msg, sizeof msg, &offset))) {
		char near[160], buf[200];
		diag_error(NULL, 0, "--job '%s' is no job id or title in jobs.csv, nor a pattern "
				    "(error at offset %zu: %s)%s",
			   v->text, offset, msg,
			   did_you_mean(nearest_job(r, v->text, near, sizeof near), buf, sizeof buf));
		return -1;
	}
	f->track = 1;
	return 0;
}

static int resolve_user(struct filter *f, struct filter_value *v, const struct rules *r)
{
	int by_id, p;
	v->nitems = 0;
	v->known = 0;
	v->how = FILTER_USER_PART;
	if (r && (p = rules_person_for(r, v->text, "", &by_id)) >= 0)
		v->how = FILTER_USER_ID;
	else if (r && (p = rules_person_for(r, "", v->text, &by_id)) >= 0)
		v->how = FILTER_USER_NAME;
	if (v->how != FILTER_USER_PART) {
		v->known = 1;
		return add_once(&v->items, &v->nitems, p);
	}
	/* a part of a name: the people with every word of it in a name or alias */
	for (size_t i = 0; r && v->key[0] && i < r->nnames; i++)
		if (has_words(r->names[i].key, v->key) &&
		    add_once(&v->items, &v->nitems, r->names[i].person))
			return -1;
	if (v->nitems > 1)
		qsort(v->items, v->nitems, sizeof *v->items, int_cmp);
	v->known = v->nitems > 0;
	f->track = 1; /* the inputs may show more people it picks out */
	return 0;
}

static int resolve_unit(struct filter_value *v, const struct rules *r)
{
	char near[96], buf[128];
	v->known = 0;
	for (size_t p = 0; r && p < r->npeople; p++)
		if (rules_person_in_unit(r, (int)p, v->text)) {
			v->known = 1;
			return 0;
		}
	if (!r)
		return 0;
	diag_error(NULL, 0, "--unit '%s' is no unit of anyone in %s%s", v->text,
		   rules_file_name(r->staff_path),
		   did_you_mean(rules_nearest_unit(r, v->text, near, sizeof near), buf, sizeof buf));
	return -1;
}

int filter_resolve(struct filter *f, const struct rules *rules)
{
	int status = 0;
	f->track = 0;
	/* each value's errors name the config's line when it came from one */
	for (size_t i = 0; i < f->count[FILTER_JOB]; i++) {
		struct filter_value *v = &f->values[FILTER_JOB][i];
		diag_set_origin(v->origin, v->origin_line);
		if (resolve_job(f, v, rules) != 0)
			status = -1;
	}
	for (size_t i = 0; i < f->count[FILTER_USER]; i++) {
		struct filter_value *v = &f->values[FILTER_USER][i];
		diag_set_origin(v->origin, v->origin_line);
		if (resolve_user(f, v, rules) != 0)
			status = -1;
	}
	for (size_t i = 0; i < f->count[FILTER_UNIT]; i++) {
		struct filter_value *v = &f->values[FILTER_UNIT][i];
		diag_set_origin(v->origin, v->origin_line);
		if (resolve_unit(v, rules) != 0)
			status = -1;
	}
	diag_set_origin(NULL, 0);
	for (size_t i = 0; i < f->count[FILTER_STATUS]; i++) {
		struct filter_value *v = &f->values[FILTER_STATUS][i];
		v->known = run_status_known(v->key);
		if (!v->known)
			f->track = 1;
	}
	/* a --grep must match some field of some row read */
	if (f->count[FILTER_GREP])
		f->track = 1;
	return status;
}

/* Keeps what the inputs wrote nearest to the value, for "did you mean". */
static void near_seen(struct filter_value *v, size_t distance, const char *seen)
{
	if (distance < v->near_distance && *seen) {
		v->near_distance = distance;
		snprintf(v->near, sizeof v->near, "%s", seen);
	}
}

/* A row a --user value matched through the export's id or name: whom it
 * picked out. */
static void user_seen(struct filter_value *v, const struct rules *r, const struct run *run)
{
	int by_id, added;
	int p = r ? rules_person_for(r, run->user, run->user_name, &by_id) : -1;
	v->hit = 1;
	if (p >= 0) {
		if (!in_list(v->items, v->nitems, p))
			(void)add_once(&v->found, &v->nfound, p);
		return;
	}
	const char *who = run->user_name[0] ? run->user_name : run->user;
	/* out of memory: the person goes unnamed, counted as a hit all the same */
	(void)hmap_put(&v->others, who, strlen(who), (int64_t)v->others.count, &added);
}

void filter_seen(const struct filter *f, const struct rules *rules, const struct run *run)
{
	char key[NAMES_KEY_MAX];
	int keyed = 0;
	if (!f->track)
		return;
	for (size_t i = 0; i < f->count[FILTER_JOB]; i++) {
		struct filter_value *v = &f->values[FILTER_JOB][i];
		if (!v->known && !v->hit && v->pattern &&
		    match_run(v->pattern, run->name, strlen(run->name)) == 1)
			v->hit = 1;
	}
	for (size_t i = 0; i < f->count[FILTER_STATUS]; i++) {
		struct filter_value *v = &f->values[FILTER_STATUS][i];
		if (v->known || v->hit)
			continue;
		if (strcmp(run->status, v->key) == 0)
			v->hit = 1;
		else
			near_seen(v, names_distance(v->key, run->status), run->status);
	}
	for (size_t i = 0; i < f->count[FILTER_GREP]; i++) {
		struct filter_value *v = &f->values[FILTER_GREP][i];
		if (v->hit)
			continue;
		char id[24];
		snprintf(id, sizeof id, "%" PRIu64, run->id);
		const char *fields[] = {id,	   run->job_id,	   run->name,	  run->category,
					run->user, run->user_name, run->status, run->set_name};
		for (size_t k = 0; !v->hit && k < sizeof fields / sizeof fields[0]; k++)
			v->hit = match_run(v->pattern, fields[k], strlen(fields[k])) == 1;
	}
	for (size_t i = 0; i < f->count[FILTER_USER]; i++) {
		struct filter_value *v = &f->values[FILTER_USER][i];
		if (v->how != FILTER_USER_PART)
			continue;
		if (!keyed) {
			names_key(run->user_name, strlen(run->user_name), key);
			keyed = 1;
		}
		if ((run->user[0] && strcasecmp(run->user, v->text) == 0) ||
		    (v->key[0] && has_words(key, v->key)))
			user_seen(v, rules, run);
		else if (!v->hit && !v->nitems && key[0])
			near_seen(v, name_distance(v->key, key), run->user_name);
	}
}

/* The staff name nearest to a --user key, and its distance. */
static const char *nearest_person(const struct rules *r, const char *key, size_t *distance)
{
	const char *near = NULL;
	*distance = SIZE_MAX;
	for (size_t i = 0; r && key[0] && i < r->nnames; i++) {
		size_t d = name_distance(key, r->names[i].key);
		if (d < *distance) {
			*distance = d;
			near = r->people[r->names[i].person].name;
		}
	}
	return near;
}

static const char *user_suggestion(const struct filter_value *v, const struct rules *r)
{
	size_t staff;
	const char *near = nearest_person(r, v->key, &staff);
	if (v->near[0] && v->near_distance < staff) {
		near = v->near;
		staff = v->near_distance;
	}
	return near && close_enough(staff, v->key) ? near : NULL;
}

static const char *status_suggestion(const struct filter_value *v)
{
	const char *near = run_status_nearest(v->text);
	if (!near && v->near[0] && close_enough(v->near_distance, v->key))
		near = v->near;
	return near;
}

const char *filter_suggest(const struct filter_value *v, enum filter_opt opt,
			   const struct rules *rules, char *buf, size_t size)
{
	if (opt == FILTER_JOB)
		return nearest_job(rules, v->text, buf, size);
	return opt == FILTER_USER ? user_suggestion(v, rules) : NULL;
}

int filter_miss(const struct filter *f, const struct rules *rules, size_t i, char *buf,
		size_t size)
{
	char near[160], dym[200];
	if (!f)
		return 0;
	for (size_t k = 0; k < f->count[FILTER_JOB]; k++) {
		const struct filter_value *v = &f->values[FILTER_JOB][k];
		if (v->known || v->hit || i--)
			continue;
		if (buf)
			snprintf(buf, size, "--job '%s' matched no job id or title in jobs.csv and no "
					    "instance name in the inputs%s",
				 v->text,
				 did_you_mean(filter_suggest(v, FILTER_JOB, rules, near, sizeof near),
					      dym, sizeof dym));
		return 1;
	}
	for (size_t k = 0; k < f->count[FILTER_USER]; k++) {
		const struct filter_value *v = &f->values[FILTER_USER][k];
		if (v->known || v->hit || i--)
			continue;
		if (buf)
			snprintf(buf, size, "--user '%s' matched no one in staff.csv or the inputs%s",
				 v->text,
				 did_you_mean(filter_suggest(v, FILTER_USER, rules, near, sizeof near),
					      dym, sizeof dym));
		return 1;
	}
	for (size_t k = 0; k < f->count[FILTER_STATUS]; k++) {
		const struct filter_value *v = &f->values[FILTER_STATUS][k];
		if (v->known || v->hit || i--)
			continue;
		if (buf)
			snprintf(buf, size, "--status '%s' matched no status Alma is known to write "
					    "and none in the inputs%s",
				 v->text, did_you_mean(status_suggestion(v), dym, sizeof dym));
		return 1;
	}
	for (size_t k = 0; k < f->count[FILTER_GREP]; k++) {
		const struct filter_value *v = &f->values[FILTER_GREP][k];
		if (v->hit || i--)
			continue;
		if (buf)
			snprintf(buf, size, "--grep '%s' matched no field of any row in the inputs",
				 v->text);
		return 1;
	}
	return 0;
}

/* The value of the i-th miss, in filter_miss's order. */
static const struct filter_value *miss_value(const struct filter *f, size_t i)
{
	static const enum filter_opt order[] = {FILTER_JOB, FILTER_USER, FILTER_STATUS, FILTER_GREP};
	for (size_t o = 0; o < sizeof order / sizeof order[0]; o++)
		for (size_t k = 0; k < f->count[order[o]]; k++) {
			const struct filter_value *v = &f->values[order[o]][k];
			if (((order[o] != FILTER_GREP && v->known) || v->hit) || i--)
				continue;
			return v;
		}
	return NULL;
}

size_t filter_report_misses(const struct filter *f, const struct rules *rules)
{
	char msg[512];
	size_t n = 0;
	while (filter_miss(f, rules, n, msg, sizeof msg)) {
		const struct filter_value *v = miss_value(f, n);
		diag_set_origin(v ? v->origin : NULL, v ? v->origin_line : 0);
		diag_error(NULL, 0, "%s", msg);
		diag_set_origin(NULL, 0);
		n++;
	}
	return n;
}

/* Appends text to buf (used bytes in *o), cutting it short if need be. */
static void append(char *buf, size_t size, size_t *o, const char *text)
{
	int n = snprintf(buf + *o, size - *o, "%s", text);
	if (n > 0)
		*o += (size_t)n < size - *o ? (size_t)n : size - *o - 1;
}

static void append_person(char *buf, size_t size, size_t *o, const struct rules *r, int p)
{
	const struct rules_person *who = &r->people[p];
	append(buf, size, o, *o ? "; " : "");
	append(buf, size, o, who->name);
	if (who->unit[0]) {
		append(buf, size, o, " (");
		append(buf, size, o, who->unit);
		append(buf, size, o, ")");
	}
}

const char *filter_user_means(const struct filter *f, const struct rules *rules, size_t i,
			      char *buf, size_t size)
{
	if (!f || i >= f->count[FILTER_USER] || !size)
		return NULL;
	const struct filter_value *v = &f->values[FILTER_USER][i];
	size_t o = 0, named = 0, total = v->nitems + v->nfound + v->others.count;
	buf[0] = '\0';
	for (size_t k = 0; rules && k < v->nitems && named < FILTER_NAMED; k++, named++)
		append_person(buf, size, &o, rules, v->items[k]);
	for (size_t k = 0; rules && k < v->nfound && named < FILTER_NAMED; k++, named++)
		append_person(buf, size, &o, rules, v->found[k]);
	/* people not in staff.csv, in the order the inputs showed them */
	const char *others[FILTER_NAMED] = {NULL};
	for (size_t s = 0; s < v->others.cap; s++) {
		const struct hmap_slot *slot = &v->others.slots[s];
		if (slot->key && slot->value < FILTER_NAMED)
			others[slot->value] = slot->key;
	}
	for (size_t k = 0; k < FILTER_NAMED && others[k] && named < FILTER_NAMED; k++, named++) {
		append(buf, size, &o, o ? "; " : "");
		append(buf, size, &o, others[k]);
		append(buf, size, &o, " (not in staff.csv)");
	}
	if (total > named) {
		char more[48];
		snprintf(more, sizeof more, "; and %zu more", total - named);
		append(buf, size, &o, more);
	}
	return v->text;
}

static int any_job(const struct filter *f, const struct run *run, const struct verdict *v)
{
	for (size_t i = 0; i < f->count[FILTER_JOB]; i++) {
		const struct filter_value *fv = &f->values[FILTER_JOB][i];
		if (fv->nitems) {
			if (v && in_list(fv->items, fv->nitems, v->job))
				return 1;
		} else if (fv->pattern) {
			int m = match_run(fv->pattern, run->name, strlen(run->name));
			if (m)
				return m;
		}
	}
	return 0;
}

static int any_user(const struct filter *f, const struct run *run, const struct verdict *v)
{
	char key[NAMES_KEY_MAX];
	int keyed = 0;
	for (size_t i = 0; i < f->count[FILTER_USER]; i++) {
		const struct filter_value *fv = &f->values[FILTER_USER][i];
		if (v && v->person >= 0 && in_list(fv->items, fv->nitems, v->person))
			return 1;
		if (run->user[0] && strcasecmp(run->user, fv->text) == 0)
			return 1;
		if (fv->how == FILTER_USER_ID || !fv->key[0])
			continue;
		if (!keyed) {
			names_key(run->user_name, strlen(run->user_name), key);
			keyed = 1;
		}
		if (fv->how == FILTER_USER_NAME ? strcmp(key, fv->key) == 0 : has_words(key, fv->key))
			return 1;
	}
	return 0;
}

static int any_unit(const struct filter *f, const struct rules *rules, const struct verdict *v)
{
	if (!rules || !v || v->person < 0)
		return 0;
	for (size_t i = 0; i < f->count[FILTER_UNIT]; i++)
		if (rules_person_in_unit(rules, v->person, f->values[FILTER_UNIT][i].text))
			return 1;
	return 0;
}

static int any_status(const struct filter *f, const struct run *run)
{
	for (size_t i = 0; i < f->count[FILTER_STATUS]; i++)
		if (strcmp(run->status, f->values[FILTER_STATUS][i].key) == 0)
			return 1;
	return 0;
}

static int grep_all(const struct filter *f, const struct run *run)
{
	char id[24];
	snprintf(id, sizeof id, "%" PRIu64, run->id);
	const char *fields[] = {id,	   run->job_id,	   run->name,	  run->category,
				run->user, run->user_name, run->status, run->set_name};
	for (size_t i = 0; i < f->count[FILTER_GREP]; i++) {
		const struct pattern *p = f->values[FILTER_GREP][i].pattern;
		for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
			int hit = match_run(p, fields[k], strlen(fields[k]));
			if (hit)
				return hit;
		}
	}
	return 0;
}

static int any_id(const struct filter *f, const struct run *run)
{
	for (size_t i = 0; i < f->count[FILTER_ID]; i++)
		if (f->values[FILTER_ID][i].id == run->id)
			return 1;
	return 0;
}

/* How match reads a run's findings and size. */
enum kinds {
	ANY_KINDS,   /* whatever the run's findings */
	KINDS,	     /* its findings, as --finding asks */
	AS_IF_LARGE  /* a run of unknown size (unknown-size) read as large: as
			damaging-large-set too, and on --min-records records */
};

/* filter_match, filter_concerns and filter_undecided: see enum kinds. */
static int match(const struct filter *f, const struct rules *rules, const struct run *run,
		 const struct verdict *v, enum kinds kinds)
{
	int m;
	unsigned found = v ? v->findings : 0;
	int large = kinds == AS_IF_LARGE && (found & 1u << FIND_UNKNOWN_SIZE);
	if (large)
		found |= 1u << FIND_DAMAGING_LARGE_SET;
	if (f->count[FILTER_ID] && !any_id(f, run))
		return 0;
	if (f->count[FILTER_JOB] && (m = any_job(f, run, v)) != 1)
		return m;
	if (f->count[FILTER_USER] && !any_user(f, run, v))
		return 0;
	if (f->count[FILTER_UNIT] && !any_unit(f, rules, v))
		return 0;
	if (kinds != ANY_KINDS && f->findings && !(found & f->findings))
		return 0;
	if (f->min_records >= 0 && run->records < f->min_records && !large)
		return 0;
	if (f->count[FILTER_STATUS] && !any_status(f, run))
		return 0;
	if (f->count[FILTER_GREP])
		return grep_all(f, run);
	return 1;
}

int filter_match(const struct filter *f, const struct rules *rules, const struct run *run,
		 const struct verdict *v)
{
	return match(f, rules, run, v, KINDS);
}

int filter_concerns(const struct filter *f, const struct rules *rules, const struct run *run,
		    const struct verdict *v)
{
	return match(f, rules, run, v, ANY_KINDS);
}

int filter_undecided(const struct filter *f, const struct rules *rules, const struct run *run,
		     const struct verdict *v)
{
	if (!(v->findings & 1u << FIND_UNKNOWN_SIZE) ||
	    !(f->min_records >= 0 || (f->findings & 1u << FIND_DAMAGING_LARGE_SET)))
		return 0;
	int m = match(f, rules, run, v, KINDS);
	if (m != 0)
		return m < 0 ? -1 : 0;
	return match(f, rules, run, v, AS_IF_LARGE);
}
