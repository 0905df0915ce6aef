/* Unit tests of analyzer/rules.c and analyzer/match.c: the page's facts
 * through the shipped rules, every load error with its exact message, and
 * pattern limits (name keys: check_names.c). */
#include "match.h"
#include "matrix.h"
#include "names.h"
#include "rules.h"
#include "testutil.h"
#include "times.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define SHIPPED ALMAUDIT_SOURCE_DIR "/rules"

static struct rules *shipped;

static void setup(void)
{
	times_set_zone("America/New_York");
	shipped = matrix_load(SHIPPED);
	ck_assert_ptr_nonnull(shipped);
}

static void teardown(void)
{
	matrix_free(shipped);
}

static int job(const char *id)
{
	int j = rules_job_by_id(shipped, id);
	ck_assert_msg(j >= 0, "no job %s", id);
	return j;
}

static int person(const char *name)
{
	int p = rules_person_by_text(shipped, name);
	ck_assert_msg(p >= 0, "no person %s", name);
	return p;
}

static int64_t day(const char *ymd)
{
	int y, m, d;
	ck_assert_int_eq(times_parse_date(ymd, strlen(ymd), &y, &m, &d), 0);
	return times_days_from_civil(y, m, d);
}

/* Whether the person may run the job on that day, on that set. */
static int may(const char *who, const char *job_id, const char *ymd, const char *set)
{
	int p = person(who), j = job(job_id);
	for (size_t i = 0; i < shipped->napprovals; i++) {
		const struct rules_approval *a = &shipped->approvals[i];
		if (a->person == p && rules_grants(shipped, a->job, j) &&
		    rules_approval_holds(a, day(ymd), set) == 1)
			return 1;
	}
	return 0;
}

/* The people with a direct or included approval for a job, in file order. */
static const char *who_may(const char *job_id)
{
	static char text[2048];
	size_t used = 0;
	int j = job(job_id);
	text[0] = '\0';
	for (size_t i = 0; i < shipped->napprovals; i++) {
		const struct rules_approval *a = &shipped->approvals[i];
		if (rules_grants(shipped, a->job, j) &&
		    rules_approval_holds(a, day("2026-10-15"), "") == 1)
			used += (size_t)snprintf(text + used, sizeof text - used, "%s%s",
						 used ? "; " : "", shipped->people[a->person].name);
	}
	return text;
}

START_TEST(shipped_rules_load)
{
	ck_assert_uint_eq(shipped->njobs, 33);
	ck_assert_uint_eq(shipped->npeople, 58);
	ck_assert_uint_eq(shipped->napprovals, 145);
	size_t damaging = 0;
	for (size_t i = 0; i < shipped->njobs; i++)
		damaging += shipped->jobs[i].damaging;
	/* the page's (warning) rows */
	ck_assert_uint_eq(damaging, 7);
	ck_assert_int_eq(shipped->jobs[job("batch-item-withdrawals")].damaging, 1);
	ck_assert_int_eq(shipped->jobs[job("delete-portfolios")].damaging, 1);
	ck_assert_int_eq(shipped->jobs[job("change-physical-items")].damaging, 0);
	ck_assert_int_eq(shipped->jobs[job("batch-item-withdrawals")].large_set, -1);
}
END_TEST

START_TEST(who_may_withdraw_items)
{
	ck_assert_str_eq(who_may("batch-item-withdrawals"),
			 "Honor Moody; Joshua Parker; Julie Petzold; Marek Kornilowicz; "
			 "Brandon Lebel; Cindy Reid; Paris O'Donnell; Te-Yi Lee");
	ck_assert(!may("Mihyang Na", "batch-item-withdrawals", "2026-10-08", ""));
	ck_assert(may("Josh Parker", "batch-item-withdrawals", "2026-10-08", ""));
}
END_TEST

START_TEST(with_orders_staff_run_without_orders_profiles)
{
	/* "(All staff with Import profiles WITH ORDERS permissions may also run
	 * the jobs without Orders)" */
	ck_assert(may("Albertina Rua", "import-multiple-formats", "2026-10-08", ""));
	ck_assert(may("Michael Hopper", "import-multiple-formats", "2026-10-08", ""));
	ck_assert(may("Wei Zhang", "import-multiple-formats", "2026-10-08", ""));
	/* but not the rows that name their own people, nor the other way */
	ck_assert(!may("Albertina Rua", "upgrade-bib-001", "2026-10-08", ""));
	ck_assert(!may("Albertina Rua", "import-new-item-holding", "2026-10-08", ""));
	ck_assert(!may("Catherine Garcia", "import-with-orders", "2026-10-08", ""));
}
END_TEST

START_TEST(anyone_with_import_permission_uploads_a_single_record)
{
	static const char *const importers[] = {
		"Albertina Rua", "Michael Hopper", "Ryoko Yamamura", "Catherine Garcia",
		"Eric Brownell", "Anne Adams",	   "Craig Thomas",   "Kate Bowers",
		"Violet Radnofsky", "Keena Hilliard", "Minna Popkin", "Gerald Walden"};
	for (size_t i = 0; i < sizeof importers / sizeof importers[0]; i++)
		ck_assert_msg(may(importers[i], "upload-single-record", "2026-10-08", ""), "%s",
			      importers[i]);
	ck_assert(!may("Amy Dittman", "upload-single-record", "2026-10-08", ""));
	ck_assert(!may("Dennis Flanders", "upload-single-record", "2026-10-08", ""));
}
END_TEST

START_TEST(creating_profiles_includes_any_import_profile)
{
	ck_assert(may("Minna Popkin", "upgrade-bib-oclc", "2026-10-08", ""));
	ck_assert(may("Minna Popkin", "judaica-digital-projects", "2026-10-08", ""));
	ck_assert(may("Gerald Walden", "import-with-orders", "2026-10-08", ""));
	ck_assert(!may("Minna Popkin", "change-physical-items", "2026-10-08", ""));
}
END_TEST

START_TEST(all_of_the_above)
{
	/* the six on norm rules for bibs, and the two named after them */
	ck_assert_str_eq(who_may("local-authority-aap"),
			 "Anne Adams; Anthony Terrizzi; Linda Isaac; Nell Carlson; Vardit Samuels; "
			 "Vernica Downey; John Dickson; Paris O'Donnell");
	ck_assert(!may("John Dickson", "norm-rules-bibs", "2026-10-08", ""));
}
END_TEST

START_TEST(judaica_sets_and_wid_only)
{
	ck_assert(may("Vardit Samuels", "suppress-bib-records", "2026-10-08", "Judaica posters 2"));
	ck_assert(may("Vardit Samuels", "suppress-bib-records", "2026-10-08", "JUD suppress FY27"));
	ck_assert(!may("Vardit Samuels", "suppress-bib-records", "2026-10-08", "Widener weeding"));
	ck_assert(may("Honor Moody", "suppress-bib-records", "2026-10-08", "Widener weeding"));
	ck_assert(may("Vardit Samuels", "delete-holdings-without-items", "2026-10-08",
		      "WID empty holdings"));
	ck_assert(!may("Vardit Samuels", "delete-holdings-without-items", "2026-10-08",
		       "Loeb Music empty holdings"));
}
END_TEST

START_TEST(change_in_role_is_revoked)
{
	/* the page gives no date: revoked "undated", before any record */
	for (size_t i = 0; i < shipped->napprovals; i++)
		if (!strcmp(shipped->people[shipped->approvals[i].person].name, "Amy Armitage") &&
		    (!strcmp(shipped->jobs[shipped->approvals[i].job].id, "delete-bib-records") ||
		     !strcmp(shipped->jobs[shipped->approvals[i].job].id, "norm-rules-holdings")))
			ck_assert_int_eq(shipped->approvals[i].revoked, RULES_UNDATED);
	ck_assert(!may("Amy Armitage", "delete-bib-records", "1999-12-31", ""));
	ck_assert(!may("Amy Armitage", "delete-bib-records", "2026-10-08", ""));
	ck_assert(!may("Amy Armitage", "norm-rules-holdings", "2026-10-08", ""));
	ck_assert_str_eq(who_may("delete-bib-records"), "");
	ck_assert_str_eq(who_may("move-portfolio-information"), "");
}
END_TEST

static const char *owner(const char *name)
{
	int j = rules_job_for_name(shipped, name, strlen(name));
	return j >= 0 ? shipped->jobs[j].id : j == -1 ? "(none)" : "(limit)";
}

START_TEST(instance_names_find_their_job)
{
	ck_assert_str_eq(owner("Withdraw items"), "batch-item-withdrawals");
	ck_assert_str_eq(owner("Withdraw items - HD transfer cleanup"), "batch-item-withdrawals");
	ck_assert_str_eq(owner("WITHDRAW ITEMS - 10/14/2026 16:42:31"), "batch-item-withdrawals");
	ck_assert_str_eq(owner("Change Physical Items - via API - ShelfReady integration"),
			 "change-physical-items");
	ck_assert_str_eq(owner("Change Physical Itemsx"), "(none)");
	ck_assert_str_eq(owner("Update PO Lines Information - Advanced"), "update-po-lines-advanced");
	ck_assert_str_eq(owner("Update PO Lines Information - Advanced - 10/05/2026 09:11:32"),
			 "update-po-lines-advanced");
	ck_assert_str_eq(owner("Update PO Lines Information - 10/05/2026 09:11:32"),
			 "update-po-lines-information");
	ck_assert_str_eq(owner("Update PO Lines transactions"), "update-po-lines-transactions");
	ck_assert_str_eq(owner("Staff upgrade bib 001 match (MRC) - Casalini variation"),
			 "upgrade-bib-001");
	ck_assert_str_eq(owner("Staff import profiles - Bibs, Hols, Items + ORDERS - weekly"),
			 "import-with-orders");
	ck_assert_str_eq(owner("Staff import profiles - Bibs, Hols, Items (multiple formats)"),
			 "import-multiple-formats");
	ck_assert_str_eq(owner("Middle East LoC Acquisitions - Arabic monographs"),
			 "me-loc-acquisitions");
	ck_assert_str_eq(owner("HUA Profiles - Archives accessions"), "hua-profiles");
	ck_assert_str_eq(owner("Judaica Digital Projects - Posters"), "judaica-digital-projects");
	ck_assert_str_eq(owner("Delete Bibliographic records (for CZ/IZ issue)"),
			 "delete-bib-records");
	ck_assert_str_eq(owner("Delete Electronic Portfolios - Springer"), "delete-portfolios");
	ck_assert_str_eq(owner("Delete Portfolios"), "delete-portfolios");
	ck_assert_str_eq(owner("Delete Users"), "(none)");
	ck_assert_str_eq(owner("Publishing Platform Job"), "(none)");
	/* invalid UTF-8 in a name neither crashes nor matches as text */
	ck_assert_str_eq(owner("Export Bibliographic Records - bad \xff\xfe bytes"),
			 "export-bib-records");
	ck_assert_str_eq(owner("Export Bibliographic Records\xff\xfe"), "(none)");
	ck_assert_str_eq(owner("\xc3\x28Withdraw items"), "(none)");
}
END_TEST

START_TEST(people_found_by_any_spelling)
{
	int honor = person("Honor Moody");
	int by_id;
	ck_assert_int_eq(rules_person_for(shipped, "80120017", "Moody, Honor", &by_id), honor);
	ck_assert_int_eq(by_id, 0);
	ck_assert_int_eq(rules_person_by_text(shipped, "  MOODY ,   honor "), honor);
	ck_assert_int_eq(rules_person_by_text(shipped, "O\u2019Malley, Denise"),
			 person("Denise O'Malley"));
	ck_assert_int_eq(rules_person_by_text(shipped, "Sàmuels, Vardít"), person("Vardit Samuels"));
	ck_assert_int_eq(rules_person_by_text(shipped, "Chau, Chiun"), person("Chiunkwan Chau"));
	ck_assert_int_ne(rules_person_by_text(shipped, "Moody, Todd"), honor);
	ck_assert_int_eq(rules_person_by_text(shipped, "Moody"), -1);
	ck_assert_int_eq(rules_person_by_text(shipped, ""), -1);
	ck_assert_str_eq(rules_nearest_person(shipped, "Colin Van Alstyne"), "Colin Van Alstine");
	ck_assert_str_eq(rules_nearest_job(shipped, "withdrawals"), "batch-item-withdrawals");
}
END_TEST

/* Every name the page lists is a person in staff.csv. */
START_TEST(every_person_on_the_page)
{
	char *page = testutil_read(SHIPPED "/page.txt");
	char *p = strstr(page, "Master list of jobs");
	ck_assert_ptr_nonnull(p);
	size_t names = 0;
	while ((p = strstr(p, "\xe2\x80\xa2")) != NULL) { /* a bullet */
		p += 3;
		while (*p == ' ')
			p++;
		char name[128];
		size_t n = strcspn(p, "(\n");
		if (n >= sizeof name)
			n = sizeof name - 1;
		memcpy(name, p, n);
		name[n] = '\0';
		char *cut = strstr(name, " change in role");
		if (cut)
			*cut = '\0';
		while (n && (name[strlen(name) - 1] == ' '))
			name[strlen(name) - 1] = '\0';
		if (!name[0])
			continue; /* "(All of the above)" and the like */
		ck_assert_msg(rules_person_by_text(shipped, name) >= 0, "'%s' is not in staff.csv",
			      name);
		names++;
	}
	ck_assert_uint_eq(names, 127); /* bullets naming a person, counted by hand */
	free(page);
}
END_TEST

/* Every job row of the page is a job whose title is the page's words. */
START_TEST(every_job_row_on_the_page)
{
	char *page = testutil_read(SHIPPED "/page.txt");
	/* the page writes some spaces as no-break spaces (U+00A0) */
	char *w = page;
	for (char *r = page; *r; r++) {
		if (r[0] == '\xc2' && r[1] == '\xa0') {
			*w++ = ' ';
			r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
	for (size_t i = 0; i < shipped->njobs; i++) {
		const char *title = shipped->jobs[i].title;
		ck_assert_msg(strstr(page, title), "title '%s' is not the page's words", title);
	}
	static const char *const rows[] = {
		"Change physical items", "Batch item withdrawals", "Batch create work orders",
		"Creating new profiles (Physical)", "Creating new profiles (Electronic)",
		"Staff import profiles - Bibs, Hols, Items + ORDERS",
		"Middle East LoC Acquisitions Profiles", "54823382",
		"Staff import profiles - Bibs, Hols, Items (multiple formats)",
		"Staff new item, old/new holding - multiple formats (CSV)",
		"Staff upgrade bib 001 match (MRC) and variations",
		"Staff upgrade bib OCLC number match (MRC)", "Upload single record from file",
		"HUA Profiles", "Judaica Digital Projects", "54823266", "Running norm rules on bibs",
		"Use of local authority records to update Authorized Access Points",
		"Delete Bibliographic records (for CZ/IZ issue)",
		"Suppress / unsuppress bibliographic record", "Unlink bib headings",
		"Running norm rules on holdings", "Delete holdings without items (WID only)",
		"Update PO lines information (NOT", "Change PO lines status", "Update PO lines workflow",
		"Update PO lines transactions", "Update PO lines information ADVANCED",
		"Export Bibliographic Records", "Change Electronic Portfolio Information",
		"Delete Electronic Portfolios", "Change Electronic Collection Information",
		"Move Electronic Portfolio Information"};
	ck_assert_uint_eq(sizeof rows / sizeof rows[0], shipped->njobs);
	for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
		int found = 0;
		for (size_t i = 0; i < shipped->njobs && !found; i++)
			found = strstr(shipped->jobs[i].title, rows[k]) != NULL;
		ck_assert_msg(found, "page row '%s' has no job", rows[k]);
	}
	free(page);
}
END_TEST

/* ---- load errors ---- */

static const char *rules_dir(const char *jobs, const char *staff, const char *approvals)
{
	const char *dir = testutil_dir();
	const char *files[][2] = {{"jobs.csv", jobs}, {"staff.csv", staff}, {"approvals.csv", approvals}};
	for (int i = 0; i < 3; i++)
		if (files[i][1])
			testutil_write(dir, files[i][0], files[i][1]);
	return dir;
}

#define JOBS_HEADER "job,scope,title,damaging,large_set,match,includes\n"
#define STAFF "name,unit,alma_ids,aliases\nHonor Moody,ITS,80120017,\nColin Van Alstine,ITS,,\n"
#define APPROVALS_HEADER "job,staff,signed_off,revoked,sets,ticket,note\n"

/* Loads rules that must fail; returns what was reported, with the
 * directory replaced by DIR. */
static const char *load_errors(const char *jobs, const char *staff, const char *approvals)
{
	static char text[4096];
	const char *dir = rules_dir(jobs, staff, approvals);
	testutil_stderr_begin();
	struct rules *r = matrix_load(dir);
	const char *err = testutil_stderr_end();
	ck_assert_ptr_null(r);
	size_t used = 0, dl = strlen(dir);
	for (const char *p = err; *p && used + 4 < sizeof text;) {
		if (strncmp(p, dir, dl) == 0) {
			memcpy(text + used, "DIR", 3);
			used += 3;
			p += dl;
		} else {
			text[used++] = *p++;
		}
	}
	text[used] = '\0';
	return text;
}

/* A stray quote in a rules file is an error at its line, whether it stays
 * open to the end or closes a line on; the rows after it are still read
 * (no knock-on errors). */
START_TEST(error_stray_quote)
{
	ck_assert_str_eq(load_errors(JOBS_HEADER "a,S,\"A,no,,^A,\nb,S,B,no,,^B,\n", STAFF,
				     APPROVALS_HEADER "b,Honor Moody,,,,,\n"),
			 "almaudit: DIR/jobs.csv:2: unterminated quote: a quoted field opened in "
			 "this row is still open at the end of the file\n");
	ck_assert_str_eq(load_errors(JOBS_HEADER "a,S,A,no,,^A,\n", STAFF "\"Ann Lee,ITS,,\n",
				     APPROVALS_HEADER "a,Colin Van Alstine,,,,,\n"),
			 "almaudit: DIR/staff.csv:4: unterminated quote: a quoted field opened in "
			 "this row is still open at the end of the file\n");
	ck_assert_str_eq(load_errors(JOBS_HEADER "a,S,\"A,no,,^A,\nb,S,B\",no,,^B,\n", STAFF,
				     APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv:2: unterminated quote: a quoted field opened in "
			 "this row runs on over the next line as text, delimiters and all (a stray "
			 "quote?)\n");
}
END_TEST

/* The shipped rules saved as Excel's "Unicode text" (UTF-16LE, tabs, CRLF)
 * and as semicolon CSV load as the originals do. */
static void excel_copy(const char *dir, const char *name, char delim, int utf16)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/rules/%s", ALMAUDIT_SOURCE_DIR, name);
	char *text = testutil_read(path);
	/* re-quote: cells with the delimiter are quoted already (they hold commas) */
	size_t n = strlen(text);
	char *out = malloc(2 * n + 1), *o = out;
	int quoted = 0;
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			quoted = !quoted;
		if (*p == '\n')
			*o++ = '\r';
		*o++ = *p == ',' && !quoted ? delim : *p;
	}
	*o = '\0';
	if (utf16) {
		size_t len;
		char *u = testutil_utf16(out, 0, &len);
		testutil_write_bytes(dir, name, u, len);
		free(u);
	} else {
		testutil_write(dir, name, out);
	}
	free(out);
	free(text);
}

START_TEST(excel_rules_load)
{
	struct rules *orig = matrix_load(ALMAUDIT_SOURCE_DIR "/rules");
	ck_assert_ptr_nonnull(orig);
	for (int k = 0; k < 2; k++) {
		const char *dir = testutil_dir();
		const char *names[] = {"jobs.csv", "staff.csv", "approvals.csv"};
		for (int i = 0; i < 3; i++)
			excel_copy(dir, names[i], k ? ';' : '\t', !k);
		testutil_stderr_begin();
		struct rules *r = matrix_load(dir);
		const char *err = testutil_stderr_end();
		ck_assert_msg(r != NULL, "%s", err);
		ck_assert_str_eq(err, "");
		ck_assert_uint_eq(r->njobs, orig->njobs);
		ck_assert_uint_eq(r->npeople, orig->npeople);
		ck_assert_uint_eq(r->napprovals, orig->napprovals);
		for (size_t i = 0; i < r->npeople; i++)
			ck_assert_str_eq(r->people[i].name, orig->people[i].name);
		matrix_free(r);
	}
	matrix_free(orig);
}
END_TEST

START_TEST(error_pattern_does_not_compile)
{
	ck_assert_str_eq(load_errors(JOBS_HEADER "w,Items,W,yes,,^(Withdraw,\n", STAFF, APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv:2: pattern error at offset 10: missing closing "
			 "parenthesis\n");
	ck_assert_str_eq(load_errors(JOBS_HEADER "# a comment\nw,Items,W,yes,,^W,\n",
				     STAFF, APPROVALS_HEADER "w,Honor Moody,,,[judaica,,\n"),
			 "almaudit: DIR/approvals.csv:2: sets pattern error at offset 8: missing "
			 "terminating ] for character class\n");
}
END_TEST

START_TEST(error_includes_unknown_job_and_cycles)
{
	ck_assert_str_eq(load_errors(JOBS_HEADER "a,S,A,no,,^A,b zz\nb,S,B,no,,^B,\n", STAFF,
				     APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv:2: job 'a' includes unknown job 'zz'\n");
	ck_assert_str_eq(load_errors(JOBS_HEADER "a,S,A,no,,^A,b\nb,S,B,no,,^B,c\nc,S,C,no,,^C,a\n"
						 "d,S,D,no,,^D,d\n",
				     STAFF, APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv:2: includes cycle: a -> b -> c -> a\n"
			 "almaudit: DIR/jobs.csv:5: includes cycle: d -> d\n");
}
END_TEST

START_TEST(error_jobs_fields)
{
	ck_assert_str_eq(load_errors(JOBS_HEADER "a,S,A,maybe,,^A,\na,S,A,no,12k,^A,\nb,S,B,no,,,\n",
				     STAFF, APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv:2: damaging must be yes, no or empty, not 'maybe'\n"
			 "almaudit: DIR/jobs.csv:3: job 'a' is defined twice (first at line 2)\n"
			 "almaudit: DIR/jobs.csv:4: job 'b' has no match pattern\n");
	ck_assert_str_eq(load_errors(JOBS_HEADER "a,S,A,yes,12k,^A,\n", STAFF, APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv:2: large_set must be a record count or empty, not "
			 "'12k'\n");
	ck_assert_str_eq(load_errors("job,title\na,A\n", STAFF, APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv:1: missing column 'match'\n");
	ck_assert_str_eq(load_errors(NULL, STAFF, APPROVALS_HEADER),
			 "almaudit: DIR/jobs.csv: cannot open: No such file or directory\n");
}
END_TEST

START_TEST(error_unreadable_rules_file_said_once)
{
	const char *jobs = JOBS_HEADER "batch-item-withdrawals,Items,W,yes,,^Withdraw items,\n";
	const char *approvals = APPROVALS_HEADER "batch-item-withdrawals,Honor Moody,,,,,\n"
						"batch-item-withdrawals,Colin Van Alstine,,,,,\n";
	/* a compressed jobs.csv: one error saying what it is, none for each
	 * approval naming a job it would have defined */
	ck_assert_str_eq(load_errors("\x28\xB5\x2F\xFD\x24\x1F", STAFF, approvals),
			 "almaudit: DIR/jobs.csv: a zstd file: rules files are plain CSV: decompress "
			 "it (zstd -dc DIR/jobs.csv > NEW) and put NEW in its place\n");
	ck_assert_str_eq(load_errors(jobs, "PK\x03\x04\x14", approvals),
			 "almaudit: DIR/staff.csv: a zip archive (an Excel workbook?): save it as "
			 "CSV, or unzip it first\n");
	ck_assert_str_eq(load_errors("job,title\na,A\n", STAFF, approvals),
			 "almaudit: DIR/jobs.csv:1: missing column 'match'\n");
}
END_TEST

START_TEST(error_approvals)
{
	const char *jobs = JOBS_HEADER "batch-item-withdrawals,Items,W,yes,,^Withdraw items,\n";
	ck_assert_str_eq(load_errors(jobs, STAFF,
				     APPROVALS_HEADER "batch-item-withdrawals,Colin Van Alstyn,,,,,\n"),
			 "almaudit: DIR/approvals.csv:2: unknown person 'Colin Van Alstyn' (did you "
			 "mean 'Colin Van Alstine'?)\n");
	ck_assert_str_eq(load_errors(jobs, STAFF,
				     APPROVALS_HEADER "batch-item-withdrawal,Honor Moody,,,,,\n"
						      "withdrawals,Nobody Atall,,,,,\n"),
			 "almaudit: DIR/approvals.csv:2: unknown job 'batch-item-withdrawal' (did "
			 "you mean 'batch-item-withdrawals'?)\n"
			 "almaudit: DIR/approvals.csv:3: unknown job 'withdrawals' (did you mean "
			 "'batch-item-withdrawals'?)\n"
			 "almaudit: DIR/approvals.csv:3: unknown person 'Nobody Atall' (not in "
			 "DIR/staff.csv)\n");
	ck_assert_str_eq(load_errors(jobs, STAFF,
				     APPROVALS_HEADER
				     "batch-item-withdrawals,Honor Moody,2026-13-01,,,,\n"
				     "batch-item-withdrawals,Honor Moody,2026-10-01,2026-09-30,,,\n"
				     "batch-item-withdrawals,Honor Moody,,10/01/2026,,,\n"),
			 "almaudit: DIR/approvals.csv:2: signed_off '2026-13-01' is not a date (want "
			 "YYYY-MM-DD)\n"
			 "almaudit: DIR/approvals.csv:3: revoked on or before it was signed off\n"
			 "almaudit: DIR/approvals.csv:4: revoked '10/01/2026' is not a date (want "
			 "YYYY-MM-DD, or undated)\n");
	/* "undated": revoked, the date not recorded; with any sign-off date */
	ck_assert_str_eq(load_errors(jobs, STAFF,
				     APPROVALS_HEADER
				     "batch-item-withdrawals,Honor Moody,2026-10-01,undated,,,\n"
				     "batch-item-withdrawals,Honor Moody,,Undated,,,\n"
				     "batch-item-withdrawals,Honor Moody,,undate,,,\n"),
			 "almaudit: DIR/approvals.csv:4: revoked 'undate' is not a date (want "
			 "YYYY-MM-DD, or undated)\n");
}
END_TEST

START_TEST(error_two_people_one_name)
{
	ck_assert_str_eq(load_errors(JOBS_HEADER, "name,unit,alma_ids,aliases\n"
						  "Honor Moody,ITS,801,\n"
						  "Todd Moody,ITS-LANGDELL,802,\"H. Moody;Moody, Honor\"\n"
						  "Josh Parker,DIV,801,\n",
				     APPROVALS_HEADER),
			 "almaudit: DIR/staff.csv:3: name 'honor moody' would match both 'Honor "
			 "Moody' (line 2) and 'Todd Moody' (line 3)\n"
			 "almaudit: DIR/staff.csv:4: Alma id '801' would match both 'Honor Moody' "
			 "(line 2) and 'Josh Parker' (line 4)\n");
}
END_TEST

/* One person listed twice: both lines named, or the two read the same. */
START_TEST(error_person_listed_twice)
{
	ck_assert_str_eq(load_errors(JOBS_HEADER, "name,unit,alma_ids,aliases\n"
						  "Ada Lovelace,ITS,,\n"
						  "Carl Cox,ITS,,\n"
						  "Ada Lovelace,ITS,,\n",
				     APPROVALS_HEADER),
			 "almaudit: DIR/staff.csv:4: name 'ada lovelace' would match both 'Ada "
			 "Lovelace' (line 2) and 'Ada Lovelace' (line 4)\n");
}
END_TEST

START_TEST(people_by_alma_id_first)
{
	const char *dir = rules_dir(JOBS_HEADER,
				    "name,unit,alma_ids,aliases\nHonor Moody,ITS,80120017 HM01,\n"
				    "Todd Moody,ITS,80120029,\n",
				    APPROVALS_HEADER);
	struct rules *r = matrix_load(dir);
	ck_assert_ptr_nonnull(r);
	int by_id;
	/* the id wins over a name that says otherwise */
	ck_assert_int_eq(rules_person_for(r, "HM01", "Moody, Todd", &by_id), 0);
	ck_assert_int_eq(by_id, 1);
	ck_assert_int_eq(rules_person_for(r, "99999", "Moody, Todd", &by_id), 1);
	ck_assert_int_eq(by_id, 0);
	ck_assert_int_eq(rules_person_for(r, "exl_api", "API", &by_id), -1);
	matrix_free(r);
}
END_TEST

START_TEST(pattern_limits_stop_runaway_matches)
{
	char msg[128];
	size_t off;
	struct pattern *p = match_compile("^(a+)+$", 7, msg, sizeof msg, &off);
	ck_assert_ptr_nonnull(p);
	char subject[64];
	memset(subject, 'a', 40);
	strcpy(subject + 40, "b");
	clock_t start = clock();
	ck_assert_int_eq(match_run(p, subject, strlen(subject)), -1);
	ck_assert_int_eq(match_run(p, "aaaa", 4), 1);
	ck_assert_int_eq(match_run(p, "b", 1), 0);
	/* a limit, not a hang: well under a second of CPU */
	ck_assert(clock() - start < CLOCKS_PER_SEC);
	match_free(p);
}
END_TEST

static void check_indexes(const struct rules *r)
{
	for (size_t j = 0; j < r->njobs; j++)
		ck_assert_int_eq(rules_job_by_id(r, r->jobs[j].id), (int)j);
	ck_assert_int_eq(rules_job_by_id(r, ""), -1);
	ck_assert_int_eq(rules_job_by_id(r, "no-such-job"), -1);
	ck_assert_int_eq(rules_job_by_id(r, "zzzz"), -1);
	for (size_t k = 0; k < r->njobs; k++) {
		size_t g = r->granted_first[k];
		for (size_t j = 0; j < r->njobs; j++)
			if (rules_grants(r, (int)k, (int)j))
				ck_assert_int_eq(r->granted[g++], (int)j);
		ck_assert_uint_eq(g, r->granted_first[k + 1]);
	}
	size_t seen = 0;
	for (size_t p = 0; p < r->npeople; p++)
		for (size_t i = r->person_first[p]; i < r->person_first[p + 1]; i++, seen++) {
			ck_assert_int_eq(r->approvals[r->by_person[i]].person, (int)p);
			if (i > r->person_first[p])
				ck_assert_uint_gt(r->by_person[i], r->by_person[i - 1]);
		}
	ck_assert_uint_eq(seen, r->napprovals);
	size_t count[256];
	ck_assert_uint_le(r->njobs, 256);
	const char *days[] = {"2020-01-01", "2026-10-06", "2026-10-15", "2030-01-01"};
	for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
		int64_t today = day(days[d]);
		ck_assert_int_eq(rules_may_run(r, today, count), 0);
		for (size_t j = 0; j < r->njobs; j++) {
			size_t want = 0;
			for (size_t p = 0; p < r->npeople; p++)
				for (size_t i = 0; i < r->napprovals; i++) {
					const struct rules_approval *a = &r->approvals[i];
					if (a->person == (int)p && rules_grants(r, a->job, (int)j) &&
					    (a->revoked == RULES_NO_DATE || a->revoked > today)) {
						want++;
						break;
					}
				}
			ck_assert_msg(count[j] == want, "%s on %s: %zu may run it, not %zu",
				      r->jobs[j].id, days[d], want, count[j]);
		}
	}
}

START_TEST(rules_indexes)
{
	check_indexes(shipped);
	/* includes, revocations and sets */
	struct rules *r = matrix_load(ALMAUDIT_SOURCE_DIR "/tests/e2e/data/explain-verdicts-rules");
	ck_assert_ptr_nonnull(r);
	check_indexes(r);
	matrix_free(r);
	/* includes two deep, one revoked on a day in the middle */
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes\n"
		       "c,S,C,no,,^C$,\n"
		       "a,S,A,no,,^A$,b\n"
		       "b,S,B,no,,^B$,c\n");
	testutil_write(dir, "staff.csv", "name,unit\nAda One,U\nBo Two,U\nCy Three,U\n");
	testutil_write(dir, "approvals.csv",
		       "job,staff,signed_off,revoked\n"
		       "b,Bo Two,,\n"
		       "a,Ada One,,2026-10-15\n"
		       "c,Bo Two,,\n"
		       "c,Cy Three,,\n");
	r = matrix_load(dir);
	ck_assert_ptr_nonnull(r);
	check_indexes(r);
	ck_assert_int_eq(rules_may_run(r, day("2026-10-14"), (size_t[3]){0}), 0);
	size_t count[3];
	rules_may_run(r, day("2026-10-14"), count);
	/* c: Ada (through a), Bo (through b, and c), Cy */
	ck_assert_uint_eq(count[rules_job_by_id(r, "c")], 3);
	ck_assert_uint_eq(count[rules_job_by_id(r, "b")], 2);
	ck_assert_uint_eq(count[rules_job_by_id(r, "a")], 1);
	rules_may_run(r, day("2026-10-15"), count);
	ck_assert_uint_eq(count[rules_job_by_id(r, "c")], 2);
	ck_assert_uint_eq(count[rules_job_by_id(r, "a")], 0);
	matrix_free(r);
}
END_TEST

/* rules_job_for_name tries only the jobs whose prefix or first characters
 * a name's first byte allows: it finds what trying every job in order
 * finds (the index taken away), for names of every kind against patterns
 * of every shape, the plain ones indexed and the doubtful ones tried on
 * every name. */
START_TEST(job_lookup_by_first_byte)
{
	const char *dir = testutil_dir();
	testutil_write(dir, "jobs.csv",
		       "job,scope,title,damaging,large_set,match,includes\n"
		       "alt,S,A,no,,^(?:Withdraw items|Batch item withdrawals)(?: - |$),\n"
		       "opt,S,O,no,,^(?:Kx|Ky)?Zed,\n"
		       "cls,S,C,no,,^(?:[wq]ux|Mo),\n"
		       "any,S,Y,no,,(?:Loose|Vague),\n"
		       "esc,S,E,no,,^(?:Qa|\\dQ),\n"
		       "top,S,T,no,,^(?:Tt|Uu)|Ww,\n"
		       "kel,S,K,no,,^(?:Kelvin|Sigma),\n"
		       "pre,S,P,no,,^Withdraw it,\n"
		       "grp,S,G,no,,^(?:Nested (?:a|b)|Other),\n");
	testutil_write(dir, "staff.csv", "name,unit\nAda One,U\n");
	testutil_write(dir, "approvals.csv", "job,staff,signed_off,revoked\nalt,Ada One,,\n");
	struct rules *r = matrix_load(dir);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "alt")].has_first, 1);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "kel")].has_first, 1);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "grp")].has_first, 1);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "opt")].has_first, 0);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "cls")].has_first, 0);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "esc")].has_first, 0);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "top")].has_first, 0);
	ck_assert_int_eq(r->jobs[rules_job_by_id(r, "any")].has_first, 0);
	static const char *const heads[] = {
		"Withdraw items", "withdraw ITEMS - x", "Batch item withdrawals", "KxZed", "Zed",
		"qux", "wux", "Mo", "A Loose one", "Vague", "Qa", "1Q", "Tt", "Uu", "xWw",
		"Kelvin", "\xe2\x84\xaa" "elvin", "sigma", "\xc5\xbf" "igma", "Nested b", "Other",
		"Withdraw it", "", " Withdraw items", "\xc3\xa9", "zzz"};
	size_t nheads = sizeof heads / sizeof heads[0];
	for (size_t i = 0; i < nheads; i++)
		for (size_t k = 0; k < nheads; k++) {
			char name[96];
			snprintf(name, sizeof name, "%s%s", heads[i], k % 3 ? heads[k] : "");
			int indexed = rules_job_for_name(r, name, strlen(name));
			size_t *first_at = r->first_at;
			r->first_at = NULL;
			int every = rules_job_for_name(r, name, strlen(name));
			r->first_at = first_at;
			ck_assert_msg(indexed == every, "'%s': %d indexed, %d trying every job", name,
				      indexed, every);
		}
	ck_assert_int_eq(rules_job_for_name(r, "Batch item withdrawals", 22), rules_job_by_id(r, "alt"));
	/* the shipped patterns "^Literal(?: - |$)" decided without PCRE2 as
	 * PCRE2 decides them: case, what follows, line ends, bytes past ASCII */
	static const char *const tails[] = {"", " - x", " -", " - ", "x", " ", "\n", "\r\n", "\r",
					    "\n - x", " \xe2\x80\x93 x", "\xff", " -\x00x"};
	size_t wholes = 0;
	int saved[256];
	ck_assert_uint_le(shipped->njobs, 256);
	for (size_t k = 0; k < shipped->njobs; k++)
		saved[k] = shipped->jobs[k].prefix_whole;
	for (size_t j = 0; j < shipped->njobs; j++) {
		struct rules_job *jb = &shipped->jobs[j];
		wholes += (size_t)jb->prefix_whole;
		for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++)
			for (int variant = 0; variant < 4; variant++) {
				char name[160];
				snprintf(name, sizeof name, "%s%s", jb->prefix, tails[t]);
				size_t len = strlen(name) + (t == 12 ? 3 : 0);
				if (variant == 1)
					for (char *c = name; *c; c++)
						*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
				if (variant == 2 && len > 2)
					name[len / 2] = 's' == name[len / 2] ? 'S' : name[len / 2];
				if (variant == 3) {
					char *sx = strchr(name, 's'); /* long s: folds to s */
					if (!sx || strlen(name) + 2 >= sizeof name)
						continue;
					memmove(sx + 2, sx + 1, strlen(sx + 1) + 1);
					memcpy(sx, "\xc5\xbf", 2);
					len = strlen(name);
				}
				int native = rules_job_for_name(shipped, name, len);
				for (size_t k = 0; k < shipped->njobs; k++)
					shipped->jobs[k].prefix_whole = 0;
				int pcre = rules_job_for_name(shipped, name, len);
				for (size_t k = 0; k < shipped->njobs; k++)
					shipped->jobs[k].prefix_whole = saved[k];
				ck_assert_msg(native == pcre, "'%s': %d, PCRE2 %d", name, native, pcre);
			}
	}
	ck_assert_uint_gt(wholes, 20);
	ck_assert_int_eq(rules_job_for_name(r, "\xe2\x84\xaa" "elvin", 8), rules_job_by_id(r, "kel"));
	matrix_free(r);
}
END_TEST

/* rules check's probe: a pattern that backtracks catastrophically on an
 * adversarial name is found, at its line; the shipped patterns are not. */
START_TEST(slow_patterns_are_found)
{
	char msg[128];
	size_t off, len;
	double ms;
	const char *bad[] = {"^(a+)+$", "^(\\w+\\s?)+$", "^(\\d+)*x", "(x+x+)+y"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct pattern *p = match_compile(bad[i], strlen(bad[i]), msg, sizeof msg, &off);
		ck_assert_ptr_nonnull(p);
		ck_assert_msg(match_probe(p, bad[i], &ms, &len) == 1, "%s not found", bad[i]);
		ck_assert_uint_ge(len, MATCH_PROBE_LEN);
		match_free(p);
	}
	struct pattern *p = match_compile("^Change Physical Items(?: - |$)", 31, msg, sizeof msg, &off);
	ck_assert_int_eq(match_probe(p, "^Change Physical Items(?: - |$)", &ms, &len), 0);
	match_free(p);
	testutil_stderr_begin();
	size_t warnings = rules_check_patterns(shipped);
	ck_assert_str_eq(testutil_stderr_end(), "");
	ck_assert_uint_eq(warnings, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("shipped");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, shipped_rules_load);
	tcase_add_test(tc, who_may_withdraw_items);
	tcase_add_test(tc, with_orders_staff_run_without_orders_profiles);
	tcase_add_test(tc, anyone_with_import_permission_uploads_a_single_record);
	tcase_add_test(tc, creating_profiles_includes_any_import_profile);
	tcase_add_test(tc, all_of_the_above);
	tcase_add_test(tc, judaica_sets_and_wid_only);
	tcase_add_test(tc, change_in_role_is_revoked);
	tcase_add_test(tc, instance_names_find_their_job);
	tcase_add_test(tc, people_found_by_any_spelling);
	tcase_add_test(tc, every_person_on_the_page);
	tcase_add_test(tc, every_job_row_on_the_page);
	tcase_add_test(tc, rules_indexes);
	tcase_add_test(tc, job_lookup_by_first_byte);
	tcase_add_test(tc, slow_patterns_are_found);
	suite_add_tcase(s, tc);
	TCase *errors = tcase_create("errors");
	tcase_add_test(errors, error_pattern_does_not_compile);
	tcase_add_test(errors, error_stray_quote);
	tcase_add_test(errors, excel_rules_load);
	tcase_add_test(errors, error_includes_unknown_job_and_cycles);
	tcase_add_test(errors, error_jobs_fields);
	tcase_add_test(errors, error_approvals);
	tcase_add_test(errors, error_unreadable_rules_file_said_once);
	tcase_add_test(errors, error_two_people_one_name);
	tcase_add_test(errors, error_person_listed_twice);
	tcase_add_test(errors, people_by_alma_id_first);
	tcase_add_test(errors, pattern_limits_stop_runaway_matches);
	suite_add_tcase(s, errors);
	return testutil_run(s);
}
