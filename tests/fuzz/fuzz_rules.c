/* Fuzzes the rules loader: the input is three files, jobs.csv, staff.csv
 * and approvals.csv, separated by lines of "%%". When the rules load, the
 * lookups run on a few names. */
#include "diag.h"
#include "fuzz.h"
#include "matrix.h"
#include "rules.h"
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[64];

static void put(const char *name, const uint8_t *data, size_t size)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
}

static const char *const names[] = {"jobs.csv", "staff.csv", "approvals.csv"};

/* The scratch directory and its three files removed at exit (a replay's,
 * and a fuzzing run's that ends by exit). */
static void cleanup(void)
{
	char path[128];
	for (int i = 0; i < 3; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/almaudit-fuzz-rules-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		atexit(cleanup);
		times_set_zone("UTC");
		/* the loader reports every problem: keep the fuzzer's output readable */
		diag_set_stream(fopen("/dev/null", "w"));
	}
	const uint8_t *p = data, *end = data + size;
	for (int i = 0; i < 3; i++) {
		const uint8_t *cut = NULL;
		for (const uint8_t *q = p; q + 3 <= end && i < 2; q++)
			if (q[0] == '%' && q[1] == '%' && q[2] == '\n') {
				cut = q;
				break;
			}
		const uint8_t *stop = cut ? cut : end;
		put(names[i], p, (size_t)(stop - p));
		p = cut ? cut + 3 : end;
	}
	struct rules *r = matrix_load(dir);
	if (r) {
		static const char *const tries[] = {"Withdraw items - x", "", "Change Physical Items",
						    "\xff\xfe", "Moody, Honor", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"};
		for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
			int j = rules_job_for_name(r, tries[i], strlen(tries[i]));
			if (j >= (int)r->njobs || j < -2)
				abort();
			int by_id;
			int person = rules_person_for(r, tries[i], tries[i], &by_id);
			if (person >= (int)r->npeople)
				abort();
			for (size_t a = 0; a < r->napprovals; a++)
				rules_approval_holds(&r->approvals[a], 20000, tries[i]);
		}
		matrix_free(r);
	}
	return 0;
}
