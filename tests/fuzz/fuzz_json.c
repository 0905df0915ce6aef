/* Fuzzes the two JSON readers, both on yajl through json.c. The first
 * byte chooses: even, the rest is read as the Alma API's job instances
 * (through ingest, as an input file is), each run's record count taken
 * from its counters against the shipped rules, and no instance may be lost
 * (rows read = runs returned + rows rejected); odd, the rest is read as a
 * --baseline report against the shipped rules. */
#include "baseline.h"
#include "baseline_json.h"
#include "diag.h"
#include "fuzz.h"
#include "ingest.h"
#include "matrix.h"
#include "records.h"
#include "tally.h"
#include "times.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct rules *rules;

static void instances(const char *path)
{
	struct tally t;
	tally_init(&t);
	struct ingest *in = ingest_new(NULL, &t, NULL);
	uint64_t runs = 0;
	if (in && ingest_open(in, path, RUN_PRODUCTION) == 0) {
		struct run r;
		while (ingest_next(in, &r) > 0) {
			runs++;
			char note[320];
			(void)records_resolve(rules, &r, note, sizeof note);
			if (r.api && (!r.records_note || strlen(r.records_note) >= sizeof note))
				abort();
			const char *fields[] = {r.name,	     r.job_id, r.category, r.user,
						r.user_name, r.status, r.set_name};
			for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
				(void)strlen(fields[i]);
			for (size_t i = 0; i < r.ncounters; i++)
				(void)(strlen(r.counters[i].type) + strlen(r.counters[i].desc) +
				       strlen(r.counters[i].value));
			/* an inferred set lies inside the instance name */
			if (r.set_inferred && !strstr(r.name, r.set_name))
				abort();
		}
	}
	if (t.read != runs + tally_rejected(&t))
		abort(); /* an instance was lost silently */
	ingest_free(in);
	tally_free(&t);
}

static void baseline(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		abort();
	struct baseline b;
	baseline_init(&b);
	if (baseline_json_read(&b, f, "prev.json", rules, NULL) == 0)
		(void)baseline_finish(&b);
	baseline_free(&b);
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!rules) {
		times_set_zone("UTC");
		/* damaged input is reported: keep the fuzzer's output readable */
		diag_set_stream(fopen("/dev/null", "w"));
		rules = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
		if (!rules)
			abort();
	}
	if (size == 0)
		return 0;
	const char *path = fuzz_file(data + 1, size - 1);
	if (data[0] & 1)
		baseline(path);
	else
		instances(path);
	fuzz_done();
	return 0;
}
