/* ingest_fixture: what the suites of ingest share (check_ingest.c,
 * check_encodings.c, check_dates.c): a fixture of one tally, one column map
 * and one reader, set up and freed around each test (fixture_setup,
 * fixture_teardown free all of it), an API export of three runs, and a dump
 * of every run a file gives, one line each, for comparison. */
#ifndef ALMAUDIT_INGEST_FIXTURE_H
#define ALMAUDIT_INGEST_FIXTURE_H

#include "columns.h"
#include "ingest.h"

#include <stdio.h>

struct fixture {
	struct tally tally;
	struct columns cols;
	struct ingest *in; /* made by the first dump, or by the test */
};

extern struct fixture fx;

/* An export in the API's layout: three runs, one with a quoted line break. */
extern const char fixture_api_sample[];

void fixture_setup(void);
void fixture_teardown(void);

/* Reads every run of path (as env, rejects written to rejects if not NULL)
 * into one line each: line|id|job_id|name|category|type|user|user_name|
 * submit|start|end|status|progress|records|set_name|env. *status is what
 * ingest_open or the last ingest_next returned. The text is static storage,
 * overwritten by the next call. */
char *fixture_dump_env(const char *path, enum run_env env, FILE *rejects, int *status);
/* fixture_dump_env of a production file that must read to its end. */
char *fixture_dump(const char *path);

#endif
