/* report_email: the email renderer: an RFC 5322 message for `sendmail -t`
 * (From, To, Subject, Date, Message-ID and MIME-Version headers) whose
 * multipart/mixed body holds a multipart/alternative of the text report
 * (report_text.h) and the html page as mail readers show it
 * (report_html_mail), both quoted-printable, and the findings as a csv
 * attachment, exactly what --format csv writes (report_csv.h; gzip past a
 * megabyte, gzwrite.h), base64. The html part stays under the size past
 * which Gmail clips a message (100 kB as sent) by showing fewer rows per
 * table, the text part the same rows, both saying so (the lists that are
 * not of findings, inputs, waivers and months, cut first in the html
 * when they would take more than half of it, to a few rows each); no header line is
 * longer than 78 characters where a word allows (998 at most). Above the
 * text, html and csv renderers: the csv goes to a temporary file as the
 * findings come, the pages are rendered into memory, all freed before the
 * end returns; it borrows the FILE and the options. */
#ifndef ALMAUDIT_REPORT_EMAIL_H
#define ALMAUDIT_REPORT_EMAIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "reporter.h"

struct email_options {
	const char *to, *from, *subject; /* subject NULL: a default naming the counts */
	int64_t now;			 /* the Date header */
};

void reporter_email(struct reporter *r, FILE *out, const struct email_options *o);

/* Helpers of the email, for tests: the RFC 2047 form of a header value
 * (line breaks and controls become spaces; non-ASCII text, or a word too
 * long for a line, becomes encoded words, cut at characters' starts;
 * folded at 78), an address header (To, From: folded between its
 * addresses, RFC 5322), and a quoted-printable body. */
void report_email_header(FILE *out, const char *name, const char *value);
void report_email_addresses(FILE *out, const char *name, const char *value);

/* Checks an address list as --to or --from gives it ("LTS <lts@x.edu>,
 * "O\"Brien, Pat" <pob@x.edu>, José Núñez <jn@x.edu>"): each address
 * local@domain, plain ASCII, with an '@', at most 254 characters, maybe
 * after a display name in any text; on one line. 0, or -1 with the reason,
 * then the address at fault (cut), written into why. */
int report_email_check(const char *list, char *why, size_t size);
void report_email_qp(FILE *out, const char *text, size_t n);

#endif
