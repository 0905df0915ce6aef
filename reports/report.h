/* report: the registry of the audit's renderers, above them all: whoever
 * picks a renderer includes this header. reporter_audit chooses the
 * renderer for a --format; each renderer's own header (text, csv, json,
 * html, email, and the run listing's three) comes with it, and so does the
 * interface they implement (reporter.h). It owns nothing: a reporter
 * borrows its FILE. Below the renderers are the interface, the fields
 * (fields.h), the cells (cells.h) and the summary (summary.h). */
#ifndef ALMAUDIT_REPORT_H
#define ALMAUDIT_REPORT_H

#include <stdio.h>

#include "report_csv.h"
#include "report_email.h"
#include "report_html.h"
#include "report_json.h"
#include "report_runs.h"
#include "report_text.h"
#include "reporter.h"

/* The audit's reporter for a format (text, csv, json, html or email;
 * summary: the short text form). */
void reporter_audit(struct reporter *r, const char *format, int summary, FILE *out,
		    const struct email_options *mail);

#endif
