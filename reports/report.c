#include "report.h"

#include <string.h>

void reporter_audit(struct reporter *r, const char *format, int summary, FILE *out,
		    const struct email_options *mail)
{
	if (!strcmp(format, "text") && summary)
		reporter_summary(r, out);
	else if (!strcmp(format, "text"))
		reporter_text(r, out);
	else if (!strcmp(format, "csv"))
		reporter_csv(r, out);
	else if (!strcmp(format, "html"))
		reporter_html(r, out);
	else if (!strcmp(format, "email"))
		reporter_email(r, out, mail);
	else
		reporter_json(r, out);
}
