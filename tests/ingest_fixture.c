/* ingest_fixture: see ingest_fixture.h. */
#include "ingest_fixture.h"

#include "testutil.h"
#include "times.h"

#include <check.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define API_HEADER                                                                         \
	"id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,start_time," \
	"end_time,status,progress,total_records,set_name\n"

const char fixture_api_sample[] =
	API_HEADER
	"6100000170523941,M26720,Withdraw items - weeding - 10/05/2026 05:11:32,Physical Items,"
	"MANUAL,80120017,\"Moody, Honor\",2026-10-05T09:11:00.100Z,2026-10-05T09:11:32.592Z,"
	"2026-10-05T09:20:00Z,COMPLETED_SUCCESS,100,40112,\"Weed set\nline two\"\n"
	"6100000170533941,S3750770640003941,Publishing Platform Job,Publishing,SCHEDULED,System,"
	"System,2026-10-05T10:00:00Z,,,QUEUED,0,,\n"
	"6100000170543941,M26714,Change Physical Items,Physical Items,MANUAL,80130004,"
	"\"Castillo, Rafael\",2026-10-05T11:00:00Z,2026-10-05T11:00:05Z,2026-10-05T11:01:00Z,"
	"FAILED,35,310,\"Widener \"\"fix\"\", round 2\"\n";

struct fixture fx;

void fixture_setup(void)
{
	times_set_zone("America/New_York");
	tally_init(&fx.tally);
	memset(&fx.cols, 0, sizeof fx.cols);
	fx.in = NULL;
}

void fixture_teardown(void)
{
	ingest_free(fx.in);
	columns_free(&fx.cols);
	tally_free(&fx.tally);
}

char *fixture_dump_env(const char *path, enum run_env env, FILE *rejects, int *status)
{
	static char text[1 << 20];
	size_t used = 0;
	struct run r;
	char a[32], b[32], c[32];

	if (!fx.in)
		fx.in = ingest_new(&fx.cols, &fx.tally, rejects);
	text[0] = '\0';
	*status = ingest_open(fx.in, path, env);
	if (*status != 0)
		return text;
	int got;
	while ((got = ingest_next(fx.in, &r)) > 0) {
		ck_assert_msg(used < sizeof text - 4096, "dump buffer too small");
		times_format_utc(r.submit_time, a, sizeof a);
		times_format_utc(r.start_time, b, sizeof b);
		times_format_utc(r.end_time, c, sizeof c);
		used += (size_t)snprintf(
			text + used, sizeof text - used,
			"%ld|%" PRIu64 "|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%" PRId64 "|%s|%s\n",
			r.line, r.id, r.job_id, r.name, r.category, run_type_name(r.type), r.user,
			r.user_name, r.submit_time == TIME_NONE ? "-" : a,
			r.start_time == TIME_NONE ? "-" : b, r.end_time == TIME_NONE ? "-" : c,
			r.status, r.progress, r.records, r.set_name, run_env_name(r.env));
	}
	*status = got;
	ingest_close(fx.in);
	return text;
}

char *fixture_dump(const char *path)
{
	int status;
	char *text = fixture_dump_env(path, RUN_PRODUCTION, NULL, &status);
	ck_assert_int_eq(status, 0);
	return text;
}
