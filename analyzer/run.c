#include "run.h"

#include "names.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

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
	if (n >= 32)
		return -1;
	squash(s, n, k, sizeof k);
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

const char *run_status_code(const char *s, size_t n, char *buf, size_t size)
{
	char key[64];
	if (!squashed[0][0][0])
		for (size_t i = 0; i < NSTATUS; i++)
			for (size_t j = 0; j < 4 && statuses[i][j]; j++)
				squash(statuses[i][j], strlen(statuses[i][j]), squashed[i][j], 48);
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (!n)
		return "";
	/* the common case: the export wrote the code itself */
	for (size_t i = 0; i < NSTATUS; i++)
		if (strlen(statuses[i][0]) == n && memcmp(statuses[i][0], s, n) == 0)
			return statuses[i][0];
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

int run_is_system(const struct run *r)
{
	return r->type == RUN_SCHEDULED || strcasecmp(r->user, "System") == 0;
}

/* The strings of a run, packed after its bytes. A field added to struct
 * run is packed with the bytes; a string (a pointer) must be added here
 * too, which the size check below is a reminder of. */
static const size_t run_strings[] = {
	offsetof(struct run, file),	 offsetof(struct run, job_id), offsetof(struct run, name),
	offsetof(struct run, category),	 offsetof(struct run, user),   offsetof(struct run, user_name),
	offsetof(struct run, status),	 offsetof(struct run, set_name)};
_Static_assert(sizeof(struct run) == 160 || sizeof(void *) != 8,
	       "struct run changed: add its new strings to run_strings (run.c), then this size");

#define RUN_NSTRINGS (sizeof run_strings / sizeof run_strings[0])

static const char *run_string(const struct run *r, size_t i)
{
	const char *s;
	memcpy(&s, (const char *)r + run_strings[i], sizeof s);
	return s ? s : "";
}

size_t run_pack(const struct run *r, char *buf, size_t size)
{
	size_t need = sizeof *r;
	for (size_t i = 0; i < RUN_NSTRINGS; i++)
		need += sizeof(uint32_t) + strlen(run_string(r, i)) + 1;
	if (need > size)
		return need;
	memcpy(buf, r, sizeof *r);
	size_t at = sizeof *r;
	for (size_t i = 0; i < RUN_NSTRINGS; i++) {
		const char *s = run_string(r, i);
		uint32_t len = (uint32_t)strlen(s);
		memcpy(buf + at, &len, sizeof len);
		memcpy(buf + at + sizeof len, s, (size_t)len + 1);
		at += sizeof len + len + 1;
	}
	return need;
}

int run_unpack(struct run *r, const char *buf, size_t n)
{
	if (n < sizeof *r)
		return -1;
	memcpy(r, buf, sizeof *r);
	size_t at = sizeof *r;
	for (size_t i = 0; i < RUN_NSTRINGS; i++) {
		uint32_t len;
		if (n - at < sizeof len)
			return -1;
		memcpy(&len, buf + at, sizeof len);
		at += sizeof len;
		if (n - at < (size_t)len + 1 || buf[at + len] != '\0')
			return -1;
		const char *s = buf + at;
		memcpy((char *)r + run_strings[i], &s, sizeof s);
		at += (size_t)len + 1;
	}
	return at == n ? 0 : -1;
}
