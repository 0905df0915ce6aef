#include "columns.h"

#include "names.h"

#include "diag.h"

#include <stdlib.h>
#include <string.h>

/* Each column's accepted names, canonical first, as a reader writes them. */
static const char *const names[COL_COUNT][6] = {
	[COL_ID] = {"id", "instance_id", "Job Instance ID", "Process ID"},
	[COL_JOB_ID] = {"job_id", "Job ID"},
	[COL_NAME] = {"name", "Job Name", "instance name"},
	[COL_CATEGORY] = {"category", "Job Category"},
	[COL_TYPE] = {"type", "Job Type"},
	[COL_USER] = {"submitted_by", "Submitted By", "Creator", "Operator"},
	[COL_USER_NAME] = {"submitted_by_desc", "Submitted By Name", "user_name"},
	[COL_SUBMIT_TIME] = {"submit_time", "Submit Date"},
	[COL_START_TIME] = {"start_time", "Start Time"},
	[COL_END_TIME] = {"end_time", "End Time"},
	[COL_STATUS] = {"status", "Status"},
	[COL_PROGRESS] = {"progress", "Progress"},
	[COL_RECORDS] = {"total_records", "Total Records", "records", "Number of Records"},
	[COL_SET_NAME] = {"set_name", "Set Name", "Set"},
	[COL_ENVIRONMENT] = {"environment"},
};

static char accepted[COL_COUNT][160];

const char *columns_name(enum col c)
{
	return names[c][0];
}

const char *columns_accepted(enum col c)
{
	if (!accepted[c][0]) {
		size_t used = 0;
		for (int i = 0; i < 6 && names[c][i]; i++) {
			size_t len = strlen(names[c][i]);
			if (used + len + 3 >= sizeof accepted[c])
				break;
			if (i) {
				memcpy(accepted[c] + used, ", ", 2);
				used += 2;
			}
			memcpy(accepted[c] + used, names[c][i], len);
			used += len;
		}
		accepted[c][used] = '\0';
	}
	return accepted[c];
}

int columns_normalize(const char *s, size_t n, char out[COLUMNS_NAME_MAX + 1])
{
	/* past ASCII: folded as names are ("ANZAHL DER DATENSÄTZE", a
	 * decomposed "ä", are "Anzahl der Datensätze") */
	char folded[COLUMNS_NAME_MAX * 4 + 1];
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80) {
			n = names_fold(s, n, folded, sizeof folded);
			s = folded;
			break;
		}
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch == '_' || ch == '\t')
			continue;
		if (len == COLUMNS_NAME_MAX)
			return -1;
		out[len++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	out[len] = '\0';
	return (int)len;
}

static int canonical(const char *s, size_t n)
{
	char key[COLUMNS_NAME_MAX + 1], want[COLUMNS_NAME_MAX + 1];
	if (columns_normalize(s, n, key) < 0)
		return -1;
	for (int c = 0; c < COL_COUNT; c++) {
		columns_normalize(names[c][0], strlen(names[c][0]), want);
		if (strcmp(key, want) == 0)
			return c;
	}
	return -1;
}

int columns_map(struct columns *cols, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char key[COLUMNS_NAME_MAX + 1];
	if (!eq || eq == arg || !eq[1]) {
		diag_error(NULL, 0, "--column wants CANONICAL=HEADER, not '%s'", arg);
		return -1;
	}
	int c = canonical(arg, (size_t)(eq - arg));
	if (c < 0) {
		diag_error(NULL, 0, "--column: '%.*s' is not a column; the columns are id, job_id, "
			   "name, category, type, submitted_by, submitted_by_desc, submit_time, "
			   "start_time, end_time, status, progress, total_records, set_name, "
			   "environment", (int)(eq - arg), arg);
		return -1;
	}
	if (columns_normalize(eq + 1, strlen(eq + 1), key) <= 0) {
		diag_error(NULL, 0, "--column: header name '%s' is empty or too long", eq + 1);
		return -1;
	}
	char *dup = strdup(key), *raw = strdup(eq + 1);
	if (!dup || !raw) {
		free(dup);
		free(raw);
		diag_error(NULL, 0, "out of memory");
		return -1;
	}
	free(cols->mapped[c]);
	free(cols->mapped_raw[c]);
	cols->mapped[c] = dup;
	cols->mapped_raw[c] = raw;
	return 0;
}

int columns_lookup_rank(const struct columns *cols, const char *header, size_t n, int *explicit,
			int *rank)
{
	char key[COLUMNS_NAME_MAX + 1], want[COLUMNS_NAME_MAX + 1];
	*explicit = 0;
	*rank = -1;
	if (columns_normalize(header, n, key) <= 0)
		return -1;
	for (int c = 0; c < COL_COUNT; c++) {
		if (cols && cols->mapped[c] && strcmp(cols->mapped[c], key) == 0) {
			*explicit = 1;
			return c;
		}
	}
	for (int c = 0; c < COL_COUNT; c++) {
		for (int i = 0; i < 6 && names[c][i]; i++) {
			columns_normalize(names[c][i], strlen(names[c][i]), want);
			if (strcmp(key, want) == 0) {
				*rank = i;
				return c;
			}
		}
	}
	return -1;
}

int columns_lookup(const struct columns *cols, const char *header, size_t n, int *explicit)
{
	int rank;
	return columns_lookup_rank(cols, header, n, explicit, &rank);
}

void columns_free(struct columns *cols)
{
	for (int c = 0; c < COL_COUNT; c++) {
		free(cols->mapped[c]);
		free(cols->mapped_raw[c]);
		cols->mapped[c] = cols->mapped_raw[c] = NULL;
	}
}
