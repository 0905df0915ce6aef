/* instances: the job instances of the Alma API (GET /almaws/v1/conf/jobs/
 * {job_id}/instances, spec section 1.1), JSON, read as rows of the canonical
 * export columns (columns.h), streaming, so that ingest.c types them as it
 * types a CSV row.
 *
 * Shapes read: a page {"total_record_count": N, "job_instance": [...]}, one
 * instance object, a top-level array of either, or a sequence of them
 * (concatenated, or one per line, as `almaudit fetch` writes), through the
 * reader (plain or gzip; UTF-8, or UTF-16 with a byte order mark,
 * transcoded by textenc.h). One instance is built at a time, and the
 * instances that end in a slice of INSTANCES_SLICE bytes are queued until
 * handed out: memory does not grow with the file. Mapping: id, name,
 * submitted_by.value and .desc, the times, progress (a fraction read as its
 * whole percent), status.value, job_info.id, .type.value and
 * .category.value; no record count (the counters, every one, go with the
 * row, each charged to INSTANCE_TEXT_MAX); the set name is
 * inferred from the instance name (setname.h). Unknown keys are ignored.
 *
 * Damage stops the file at FILE:LINE, the instances before it handed out
 * first: JSON that is not well-formed or cut short (json.h's limits), a
 * value of the wrong kind where a field of an instance belongs (a number
 * for a name, a string for submitted_by), an API error object (its
 * errorMessage quoted), a jobs listing or a job instead of instances,
 * anything else that is not job instances. An instance whose kept text
 * passes INSTANCE_TEXT_MAX comes flagged CSVROW_TOO_LARGE (its row is
 * rejected, the reading goes on). Pages that do not give the runs their
 * total_record_count says (pagecount.h: one page of a longer history saved
 * by hand) are damage said at the end, at the first such page's line,
 * once every instance was handed out.
 *
 * instances_open takes over the reader; instances_close frees everything.
 * A row, its counters and its strings are valid until the next call. */
#ifndef ALMAUDIT_INSTANCES_H
#define ALMAUDIT_INSTANCES_H

#include <stddef.h>

#include "csvrd.h"
#include "reader.h"
#include "run.h"

#define INSTANCES_SLICE 4096u		    /* bytes given to the parser at a time */
#define INSTANCE_TEXT_MAX (1024u * 1024u) /* text kept of an instance */

struct instances;

/* Reads the JSON behind rd (sniff_input said so; utf16 and the line of its
 * next byte as it said); name is what messages call the file. NULL when
 * out of memory (reported; rd closed). */
struct instances *instances_open(struct reader *rd, const char *name, int utf16, long line);

/* The next instance: 1 and *row filled (COL_COUNT cells, in the order of
 * enum col; row->line where the instance begins), 0 at the end, -1 when
 * reading stopped on damage or a read error (reported at its line, after
 * the instances before it were handed out). */
int instances_next(struct instances *in, struct csvrow *row);

/* The counters of the row last handed out, and whether its set name was
 * inferred (1) from the instance name. */
const struct run_counter *instances_counters(const struct instances *in, size_t *n);
int instances_set_inferred(const struct instances *in);

/* 1 when the reading failed at the end on pages that did not give the
 * runs they say (every instance was read: the history is what is missing). */
int instances_pages_short(const struct instances *in);

void instances_close(struct instances *in);

#endif
