#include "cmd_rules_drift.h"

#include "drift.h"
#include "page.h"

int cmd_rules_drift(FILE *out, const struct rules *r, const char *page_path)
{
	struct page *p;
	struct drift d;
	if (page_load(page_path, &p) != 0)
		return 2;
	if (drift_compare(p, r, &d) != 0) {
		page_free(p);
		return 2;
	}
	const char *jobs = rules_file_name(r->jobs_path);
	for (size_t i = 0; i < d.n; i++)
		fprintf(out, "%s:%ld: %s\n", d.items[i].on_page ? page_path : jobs, d.items[i].line,
			d.items[i].text);
	for (size_t t = 0; t < p->ntitles; t++)
		if (p->titles[t].truncated)
			fprintf(out, "note: %s:%ld: the page ends at \"%s\", which lists no one: "
				     "the page may be cut short there\n",
				page_path, p->titles[t].line, p->titles[t].title);
	if (d.n)
		fprintf(out, "%zu %s between %s and the rules in %s: the rules have drifted from "
			     "the page\n",
			d.n, d.n == 1 ? "difference" : "differences", page_path, r->dir);
	else
		fprintf(out, "No drift: %s (%zu job titles, %zu names listed under them) agrees with the rules "
			     "in %s (%zu jobs, %zu approvals)\n",
			page_path, p->ntitles, p->npeople, r->dir, r->njobs, r->napprovals);
	int status = d.n ? 1 : 0;
	drift_free(&d);
	page_free(p);
	return status;
}
