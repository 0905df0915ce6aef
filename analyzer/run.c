#include "run.h"

#include "names.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

const struct run run_zero;

const char *run_type_name(enum run_type t)
{
	switch (t) {
	case RUN_MANUAL:
		return "MANUAL";
	case RUN_SCHEDULED:
		return "SCHEDULED";
	case RUN_OTHER:
		return "OTHER";
	default:
		return "";
	}
}

const char *run_env_name(enum run_env e)
{
	return e == RUN_SANDBOX ? "sandbox" : "production";
}

/* Lower-cases the letters and digits of s into out, dropping the rest. */
static size_t squash(const char *s, size_t n, char *out, size_t size)
{
	size_t len = 0;
	for (size_t i = 0; i < n && len + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			out[len++] = (char)(c + 32);
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[len++] = (char)c;
	}
	out[len] = '\0';
	return len;
}

int run_type_parse(const char *s, size_t n, enum run_type *out)
{
	char k[16];
	/* the labels as exports write them */
	if (n == 6 && memcmp(s, "MANUAL", 6) == 0) {
		*out = RUN_MANUAL;
		return 0;
	}
	if (n == 9 && memcmp(s, "SCHEDULED", 9) == 0) {
		*out = RUN_SCHEDULED;
		return 0;
	}
	if (n >= 32)
		return -1;
	size_t len = squash(s, n, k, sizeof k);
	if (len > 3 && !strcmp(k + len - 3, "job"))
		k[len - 3] = '\0'; /* "Scheduled job", "Manual Job": the type */
	if (!k[0])
		*out = RUN_TYPE_UNKNOWN;
	else if (strcmp(k, "manual") == 0)
		*out = RUN_MANUAL;
	else if (strcmp(k, "scheduled") == 0)
		*out = RUN_SCHEDULED;
	else if (strcmp(k, "other") == 0)
		*out = RUN_OTHER;
	else
		return -1;
	return 0;
}

int run_env_parse(const char *s, size_t n, enum run_env *out)
{
	char k[16];
	if (n >= 32)
		return -1;
	squash(s, n, k, sizeof k);
	if (strcmp(k, "production") == 0)
		*out = RUN_PRODUCTION;
	else if (strcmp(k, "sandbox") == 0)
		*out = RUN_SANDBOX;
	else
		return -1;
	return 0;
}

/* Alma's job statuses: the code, then the labels its interfaces show. */
static const char *const statuses[][4] = {
	{"COMPLETED_SUCCESS", "Completed Successfully"},
	{"COMPLETED_WARNING", "Completed with Warnings", "Completed Warning"},
	{"COMPLETED_FAILED", "Completed with Errors", "Completed Failed"},
	{"COMPLETED_NO_BULKS", "Completed with No Bulks", "Completed No Bulks"},
	{"FAILED", "Failed"},
	{"SYSTEM_ABORTED", "System Aborted", "Aborted by System"},
	{"USER_ABORTED", "Aborted by User", "User Aborted"},
	{"MANUAL_HANDLING_REQUIRED", "Manual Handling Required"},
	{"SKIPPED", "Skipped"},
	{"QUEUED", "Queued"},
	{"PENDING", "Pending"},
	{"INITIALIZING", "Initializing"},
	{"RUNNING", "Running", "In Progress"},
	{"FINALIZING", "Finalizing"},
};

#define NSTATUS (sizeof statuses / sizeof statuses[0])
static char squashed[NSTATUS][4][48];
static size_t code_len[NSTATUS];

const char *run_status_code(const char *s, size_t n, char *buf, size_t size)
{
	char key[64];
	if (!squashed[0][0][0])
		for (size_t i = 0; i < NSTATUS; i++) {
			code_len[i] = strlen(statuses[i][0]);
			for (size_t j = 0; j < 4 && statuses[i][j]; j++)
				squash(statuses[i][j], strlen(statuses[i][j]), squashed[i][j], 48);
		}
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n)
		return "";
	/* the common case: the export wrote the code itself, most often the
	 * one it wrote last */
	static size_t last;
	if (code_len[last] == n && memcmp(statuses[last][0], s, n) == 0)
		return statuses[last][0];
	for (size_t i = 0; i < NSTATUS; i++)
		if (code_len[i] == n && memcmp(statuses[i][0], s, n) == 0) {
			last = i;
			return statuses[i][0];
		}
	if (n < sizeof key) {
		squash(s, n, key, sizeof key);
		for (size_t i = 0; i < NSTATUS; i++)
			for (size_t j = 0; j < 4 && statuses[i][j]; j++)
				if (strcmp(key, squashed[i][j]) == 0)
					return statuses[i][0];
	}
	size_t len = 0;
	int gap = 0;
	for (size_t i = 0; i < n && len + 2 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			if (gap && len)
				buf[len++] = '_';
			gap = 0;
			buf[len++] = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
		} else {
			gap = 1;
		}
	}
	buf[len] = '\0';
	return buf;
}

int run_status_known(const char *code)
{
	for (size_t i = 0; i < NSTATUS; i++)
		if (strcmp(statuses[i][0], code) == 0)
			return 1;
	return 0;
}

int run_status_unfinished(const char *code)
{
	static const char *const unfinished[] = {"PENDING", "QUEUED", "INITIALIZING", "RUNNING",
						 "FINALIZING"};
	for (size_t i = 0; i < sizeof unfinished / sizeof unfinished[0]; i++)
		if (strcmp(unfinished[i], code) == 0)
			return 1;
	return 0;
}

int run_count_so_far(const struct run *r)
{
	return r->api && r->records >= 0 && r->status && run_status_unfinished(r->status);
}

const char *run_status_nearest(const char *s)
{
	char key[NAMES_KEY_MAX], want[NAMES_KEY_MAX];
	size_t best = SIZE_MAX;
	const char *near = NULL;
	size_t n = squash(s, strlen(s), key, sizeof key);
	for (size_t i = 0; i < NSTATUS; i++)
		for (size_t j = 0; j < 4 && statuses[i][j]; j++) {
			squash(statuses[i][j], strlen(statuses[i][j]), want, sizeof want);
			size_t d = names_distance(key, want);
			if (d < best) {
				best = d;
				near = statuses[i][j];
			}
		}
	return n && best <= 2 + n / 4 ? near : NULL;
}

void run_set_from_csv(struct run *r, int has_column)
{
	if (r->api)
		return;
	r->set_unknown = !has_column			      ? RUN_SET_NO_COLUMN
			 : !r->set_name || !r->set_name[0] ? RUN_SET_EMPTY
							   : RUN_SET_KNOWN;
	if (!r->set_name)
		r->set_name = "";
}

int run_is_system(const struct run *r)
{
	return r->type == RUN_SCHEDULED ||
	       ((r->user[0] == 'S' || r->user[0] == 's') && strcasecmp(r->user, "System") == 0);
}

int run_is_account(const struct run *r)
{
	static const char *const accounts[] = {"System", "exl_api", "API", "Ex Libris, API"};
	const char *who = r->user[0] ? r->user : r->user_name;
	/* each account begins with s, e or a, in either case */
	char c = (char)(who[0] | 0x20);
	if (c != 's' && c != 'e' && c != 'a')
		return 0;
	for (size_t i = 0; i < sizeof accounts / sizeof accounts[0]; i++)
		if (strcasecmp(who, accounts[i]) == 0)
			return 1;
	return 0;
}

int run_looks_like_name(const char *s)
{
	int letter = 0, sep = 0, word = 0, gap = 0;
	/* no comma nor space: no separator (an id, "System") */
	const char *p = s;
	while (*p && *p != ',' && *p != ' ' && *p != '\t')
		p++;
	if (!*p)
		return 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ',') {
			sep = 1;
		} else if (c == ' ' || c == '\t') {
			gap = word; /* a space after a word: between words if one follows */
		} else {
			if (gap)
				sep = 1;
			word = 1;
			gap = 0;
			letter |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
		}
	}
	return letter && sep;
}

/* The group separator at s[i..n): its length (0: none) and *kind. */
static size_t group_sep(const char *s, size_t n, size_t i, int *kind)
{
	static const char *const wide[] = {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF",
					   "\xE2\x80\x99"};
	unsigned char c = (unsigned char)s[i];
	if (c == ',' || c == '.' || c == '\'' || c == ' ') {
		*kind = c;
		return 1;
	}
	for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++) {
		size_t len = strlen(wide[k]);
		if (n - i >= len && memcmp(s + i, wide[k], len) == 0) {
			*kind = 256 + (int)k;
			return len;
		}
	}
	return 0;
}

#define COUNT_RUNS 8

int run_parse_count(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	/* the digit runs and the separators between them */
	size_t start[COUNT_RUNS], len[COUNT_RUNS];
	int sep[COUNT_RUNS];
	size_t runs = 0, i = 0;
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n && n <= 19) {
		/* digits alone, as exports write a count: no overflow in 19 */
		uint64_t v = 0;
		size_t k = 0;
		while (k < n && s[k] >= '0' && s[k] <= '9')
			v = v * 10 + (uint64_t)(s[k++] - '0');
		if (k == n) {
			if (v > max)
				return -1;
			*out = v;
			return 0;
		}
	}
	while (i < n) {
		if (runs == COUNT_RUNS)
			return -1;
		start[runs] = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		len[runs] = i - start[runs];
		if (!len[runs])
			return -1;
		runs++;
		if (i == n)
			break;
		size_t k = group_sep(s, n, i, &sep[runs]);
		if (!k || i + k == n)
			return -1;
		i += k;
	}
	if (!runs)
		return -1;
	/* a decimal part of zeros after a '.' or ',' that groups nothing */
	size_t whole = runs;
	int grouped = runs > 1;
	for (size_t r = 1; r < runs; r++)
		grouped &= sep[r] == sep[1] && len[r] == 3;
	grouped &= len[0] <= 3;
	if (!grouped && runs > 1 && (sep[runs - 1] == ',' || sep[runs - 1] == '.') &&
	    len[runs - 1] <= 2) {
		for (size_t k = 0; k < len[runs - 1]; k++)
			if (s[start[runs - 1] + k] != '0')
				return -1;
		whole = runs - 1;
		grouped = whole == 1 || len[0] <= 3;
		for (size_t r = 1; r < whole; r++)
			grouped &= sep[r] == sep[1] && sep[r] != sep[runs - 1] && len[r] == 3;
	}
	if (!grouped && whole > 1)
		return -1;
	uint64_t v = 0;
	for (size_t r = 0; r < whole; r++)
		for (size_t k = 0; k < len[r]; k++) {
			unsigned d = (unsigned)(s[start[r] + k] - '0');
			if (v > (max - d) / 10)
				return -1;
			v = v * 10 + d;
		}
	*out = v;
	return 0;
}

int run_parse_progress(const char *s, size_t n, int *out)
{
	size_t i = 0;
	int v = 0, digits = 0;
	if (n == 3 && s[0] == '1' && s[1] == '0' && s[2] == '0') {
		*out = 100; /* as most runs end */
		return 0;
	}
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n && s[n - 1] == '%')
		n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++)
		if ((v = v * 10 + (s[i] - '0')) > 100)
			return -1;
	if (!digits)
		return -1;
	if (i < n && (s[i] == '.' || s[i] == ',')) {
		size_t f = ++i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == f || (v == 100 && strspn(s + f, "0") < i - f))
			return -1;
	}
	if (i != n)
		return -1;
	*out = v;
	return 0;
}

/* The strings of a run, packed after its bytes. A field added to struct
 * run is packed with the bytes; a string (a pointer) must be added here
 * too, which the size check below is a reminder of. A NULL string stays
 * NULL (records_bad, records_note say something by being set); the
 * counters stay with the reader (a packed run has none: its record count
 * was taken from them already). */
static const size_t run_strings[] = {
	offsetof(struct run, file),	    offsetof(struct run, job_id),
	offsetof(struct run, name),	    offsetof(struct run, category),
	offsetof(struct run, user),	    offsetof(struct run, user_name),
	offsetof(struct run, status),	    offsetof(struct run, set_name),
	offsetof(struct run, records_bad), offsetof(struct run, records_note)};
_Static_assert(sizeof(struct run) == 224 || sizeof(void *) != 8,
	       "struct run changed: add its new strings to run_strings (run.c), then this size");

#define RUN_NSTRINGS (sizeof run_strings / sizeof run_strings[0])
#define RUN_NULL UINT32_MAX /* the length that packs a NULL string */

static const char *run_string(const struct run *r, size_t i)
{
	const char *s;
	memcpy(&s, (const char *)r + run_strings[i], sizeof s);
	return s;
}

size_t run_pack(const struct run *r, char *buf, size_t size)
{
	size_t need = sizeof *r;
	for (size_t i = 0; i < RUN_NSTRINGS; i++) {
		const char *s = run_string(r, i);
		need += sizeof(uint32_t) + (s ? strlen(s) + 1 : 0);
	}
	if (need > size)
		return need;
	memcpy(buf, r, sizeof *r);
	size_t at = sizeof *r;
	for (size_t i = 0; i < RUN_NSTRINGS; i++) {
		const char *s = run_string(r, i);
		uint32_t len = s ? (uint32_t)strlen(s) : RUN_NULL;
		memcpy(buf + at, &len, sizeof len);
		at += sizeof len;
		if (s) {
			memcpy(buf + at, s, (size_t)len + 1);
			at += (size_t)len + 1;
		}
	}
	return need;
}

int run_unpack(struct run *r, const char *buf, size_t n)
{
	if (n < sizeof *r)
		return -1;
	memcpy(r, buf, sizeof *r);
	r->counters = NULL;
	r->ncounters = 0;
	size_t at = sizeof *r;
	for (size_t i = 0; i < RUN_NSTRINGS; i++) {
		uint32_t len;
		if (n - at < sizeof len)
			return -1;
		memcpy(&len, buf + at, sizeof len);
		at += sizeof len;
		const char *s = NULL;
		if (len != RUN_NULL) {
			if (n - at < (size_t)len + 1 || buf[at + len] != '\0')
				return -1;
			s = buf + at;
			at += (size_t)len + 1;
		}
		memcpy((char *)r + run_strings[i], &s, sizeof s);
	}
	return at == n ? 0 : -1;
}

size_t run_job_name_len(const char *name)
{
	const char *cut = strstr(name, " - ");
	return cut ? (size_t)(cut - name) : strlen(name);
}
