/* report_email: the email renderer: an RFC 5322 message for `sendmail -t`
 * (From, To, Subject, Date, Message-ID and MIME-Version headers) whose
 * multipart/alternative body holds the text report (report_text.h) and
 * the html page as mail readers show it (report_html_mail), both
 * quoted-printable. Above the text and html renderers, whose pages it
 * renders into memory it frees before returning; it borrows the FILE and
 * the options. */
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
 * (line breaks and controls become spaces; non-ASCII text becomes encoded
 * words; folded at 78), and a quoted-printable body. */
void report_email_header(FILE *out, const char *name, const char *value);
void report_email_qp(FILE *out, const char *text, size_t n);

#endif
