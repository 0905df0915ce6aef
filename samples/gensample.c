/* gensample: writes the example Alma job-history exports of samples/, or a
 * synthetic export of any size for benchmarks. Deterministic: the same
 * arguments always write the same rows.
 *
 *   almaudit-gensample --out DIR
 *       DIR/jobs-2026-10.csv.gz      October 2026, production, API layout
 *       DIR/jobs-2026-10-ui.csv.gz   its last week again, as Alma's UI
 *                                    exports it (display headers, US times)
 *       DIR/jobs-2026-10-api.json.gz the same month as the Alma API gives it:
 *                                    job instances, in pages of up to 100 (one
 *                                    page a line), with their counters
 *       DIR/sandbox-2026-10.csv.gz   the sandbox in the same month
 *       DIR/sandbox-2025-11-to-2026-10.csv.gz
 *                                    a year of sandbox history, for the
 *                                    access review (the month's runs too)
 *   almaudit-gensample --rows N [--seed S] [--plain] [--json] -o FILE
 *       N runs in the API layout (gzip unless --plain), for benchmarks; with
 *       --json the same runs as the API's job instances, 100 to a page
 *
 * What the samples hold, and why, is described in samples/README.md. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* ---- deterministic randomness ---- */

static uint64_t rng_state = 0x2026102520261031ull;

static uint64_t rng(void)
{
	/* splitmix64 */
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int pick(int n)
{
	return (int)(rng() % (uint64_t)n);
}

static int chance(int percent)
{
	return pick(100) < percent;
}

static long range(long lo, long hi)
{
	return lo + (long)(rng() % (uint64_t)(hi - lo + 1));
}

/* ---- the people ---- */

struct person {
	const char *last, *first;
	const char *id; /* Alma primary id */
};

/* People named on the LTS matrix page, as Alma writes them. */
static const struct person page_people[] = {
	{"Adams", "Anne", "80120011"},		{"Dittman", "Amy", "80120012"},
	{"Lebel", "Brandon", "80120013"},	{"Chau", "Chiunkwan", "80120014"},
	{"Reid", "Cindy", "80120015"},		{"O'Malley", "Denise", "80120016"},
	{"Moody", "Honor", "80120017"},		{"Parker", "Joshua", "80120018"},
	{"Petzold", "Julie", "80120019"},	{"Marchak-Wansor", "Katheryn", "80120020"},
	{"Kulash", "Kristin", "80120021"},	{"Hartnett", "Laura", "80120022"},
	{"Sherriff", "Laura", "80120023"},	{"Schulsinger", "Lori", "80120024"},
	{"Honshuku", "Mariko", "80120025"},	{"Na", "Mihyang", "80120026"},
	{"O'Donnell", "Paris", "80120027"},	{"Lee", "Te-Yi", "80120028"},
	{"Moody", "Todd", "80120029"},		{"Samuels", "Vardit", "80120030"},
	{"Downey", "Vernica", "80120031"},	{"Kornilowicz", "Marek", "80120032"},
	{"Clarke", "Jason", "80120033"},	{"Newell", "Madeleine", "80120034"},
	{"Popkin", "Minna", "80120035"},	{"Walden", "Gerald", "80120036"},
	{"Rua", "Albertina", "80120037"},	{"Rouqui", "Karim", "80120038"},
	{"Sutton", "Patty", "80120039"},	{"Gabriel", "Rebecca", "80120040"},
	{"Hopper", "Michael", "80120041"},	{"Yamamura", "Ryoko", "80120042"},
	{"Zhang", "Wei", "80120043"},		{"Garcia", "Catherine", "80120044"},
	{"Lellman", "Charlotte", "80120045"},	{"Thomas", "Craig", "80120046"},
	{"Nolasco", "Ivonne", "80120047"},	{"Dickson", "John", "80120048"},
	{"Bowers", "Kate", "80120049"},		{"Sweeney", "Katherine", "80120050"},
	{"Zhao", "Mingtao", "80120051"},	{"Brownell", "Eric", "80120052"},
	{"Ma", "Tom", "80120053"},		{"Vernon", "Elizabeth", "80120054"},
	{"Radnofsky", "Violet", "80120055"},	{"Hilliard", "Keena", "80120056"},
	{"Terrizzi", "Anthony", "80120057"},	{"Isaac", "Linda", "80120058"},
	{"Carlson", "Nell", "80120059"},	{"Armitage", "Amy", "80120060"},
	{"Cawelti", "Andrea", "80120061"},	{"Piontek", "Elke", "80120062"},
	{"Saltanovich", "Alla", "80120063"},	{"Skoric", "Jane", "80120064"},
	{"Syer", "Lauren", "80120065"},		{"Van Alstine", "Colin", "80120066"},
	{"Beckett", "Michael", "80120067"},	{"Flanders", "Dennis", "80120068"},
};

/* Staff who are not on the page at all. */
static const struct person other_people[] = {
	{"Okafor", "Chinwe", "80130001"}, {"Lindqvist", "Henrik", "80130002"},
	{"Brennan", "Maeve", "80130003"}, {"Castillo", "Rafael", "80130004"},
	{"Nguyen", "Thao", "80130005"},	  {"Whitfield", "Grace", "80130006"},
};

static const struct person *who(const char *last, const char *first)
{
	for (size_t i = 0; i < sizeof page_people / sizeof page_people[0]; i++)
		if (!strcmp(page_people[i].last, last) && !strcmp(page_people[i].first, first))
			return &page_people[i];
	for (size_t i = 0; i < sizeof other_people / sizeof other_people[0]; i++)
		if (!strcmp(other_people[i].last, last) && !strcmp(other_people[i].first, first))
			return &other_people[i];
	fprintf(stderr, "gensample: no person %s, %s\n", last, first);
	exit(2);
}

/* ---- the jobs ---- */

enum jtype { MANUAL, SCHEDULED, OTHER };

struct job {
	const char *name; /* Alma job name (or import profile name) */
	const char *category;
	const char *job_id;
	int weight;	     /* relative frequency among manual runs */
	long rec_lo, rec_hi; /* usual set size */
	const char *runners; /* "Last, First; Last, First": who usually runs it */
};

static const struct job manual_jobs[] = {
	{"Change Physical Items", "Physical Items", "M26714", 30, 5, 3000,
	 "Adams, Anne; Dittman, Amy; Lebel, Brandon; Reid, Cindy; Moody, Honor; "
	 "Petzold, Julie; Sherriff, Laura; Lee, Te-Yi; Samuels, Vardit; Downey, Vernica; "
	 "Honshuku, Mariko; Na, Mihyang"},
	{"Withdraw items", "Physical Items", "M26720", 10, 5, 900,
	 "Moody, Honor; Parker, Joshua; Petzold, Julie; Kornilowicz, Marek; Reid, Cindy; "
	 "O'Donnell, Paris; Lee, Te-Yi"},
	{"Batch create work orders", "Physical Items", "M26731", 5, 5, 400,
	 "Petzold, Julie; Sherriff, Laura; Clarke, Jason; Newell, Madeleine"},
	{"Staff import profiles - Bibs, Hols, Items + ORDERS", "Import", "M29001", 12, 1, 600,
	 "Rua, Albertina; Chau, Chiunkwan; Rouqui, Karim; Sutton, Patty; Gabriel, Rebecca"},
	{"Staff import profiles - Bibs, Hols, Items (multiple formats)", "Import", "M29002", 10, 1,
	 500, "Garcia, Catherine; Lellman, Charlotte; Thomas, Craig; Nolasco, Ivonne; "
	      "Dickson, John; Sweeney, Katherine; Zhao, Mingtao; Sutton, Patty"},
	{"Middle East LoC Acquisitions - Arabic monographs", "Import", "M29003", 4, 10, 300,
	 "Hopper, Michael; Rouqui, Karim"},
	{"Staff new item, old/new holding - multiple formats (CSV)", "Import", "M29004", 4, 1, 300,
	 "Brownell, Eric; Moody, Honor; Ma, Tom; Samuels, Vardit"},
	{"Staff upgrade bib 001 match (MRC)", "Import", "M29005", 3, 1, 800,
	 "Adams, Anne; Moody, Honor; Rouqui, Karim; Hopper, Michael"},
	{"Staff upgrade bib OCLC number match (MRC)", "Import", "M29006", 3, 1, 800,
	 "Adams, Anne; Thomas, Craig; Moody, Honor; Ma, Tom"},
	{"Upload single record from file", "Import", "M29007", 3, 1, 1,
	 "Sutton, Patty; Garcia, Catherine; Bowers, Kate"},
	{"HUA Profiles - Archives accessions", "Import", "M29008", 2, 1, 200, "Bowers, Kate"},
	{"Judaica Digital Projects - Posters", "Import", "M29009", 2, 1, 150,
	 "Vernon, Elizabeth; Radnofsky, Violet"},
	{"Running norm rules on bibs", "Bib changes", "M26801", 6, 10, 2000,
	 "Adams, Anne; Terrizzi, Anthony; Isaac, Linda; Carlson, Nell; Samuels, Vardit"},
	{"Delete Bibliographic records", "Bib changes", "M26803", 1, 1, 300, "Armitage, Amy"},
	{"Suppress / unsuppress bibliographic record", "Bib changes", "M26804", 3, 1, 500,
	 "Moody, Honor; Samuels, Vardit"},
	{"Unlink bib headings", "Bib changes", "M26805", 2, 10, 1000,
	 "Cawelti, Andrea; Terrizzi, Anthony"},
	{"Running norm rules on holdings", "Holdings changes", "M26811", 6, 10, 2000,
	 "Dittman, Amy; Adams, Anne; Chau, Chiunkwan; Walden, Gerald; Dickson, John; "
	 "Isaac, Linda; Carlson, Nell; Samuels, Vardit"},
	{"Delete holdings without items", "Holdings changes", "M26812", 1, 1, 200,
	 "Samuels, Vardit"},
	{"Update PO Lines Information", "Acquisitions", "M26901", 5, 1, 400,
	 "Dittman, Amy; Piontek, Elke; Saltanovich, Alla; Skoric, Jane; Syer, Lauren"},
	{"Change PO Lines Status", "Acquisitions", "M26902", 4, 1, 400,
	 "Dittman, Amy; O'Donnell, Paris; Walden, Gerald; Van Alstine, Colin"},
	{"Update PO Lines Workflow", "Acquisitions", "M26903", 4, 1, 400,
	 "Skoric, Jane; Syer, Lauren; Chau, Chiunkwan"},
	{"Update PO Lines transactions", "Acquisitions", "M26904", 2, 1, 300,
	 "Dittman, Amy; Walden, Gerald; Van Alstine, Colin"},
	{"Update PO Lines Information - Advanced", "Acquisitions", "M26905", 2, 1, 300,
	 "Dittman, Amy; Syer, Lauren"},
	{"Export Bibliographic Records", "Export", "M27001", 5, 10, 20000,
	 "O'Donnell, Paris; Downey, Vernica; Moody, Honor; Beckett, Michael"},
	{"Change Electronic Portfolio Information", "Electronic Resources", "M27101", 4, 10,
	 5000, "Dittman, Amy; Syer, Lauren; Flanders, Dennis"},
	{"Delete Electronic Portfolios", "Electronic Resources", "M27102", 2, 1, 800,
	 "Dittman, Amy; Syer, Lauren; Flanders, Dennis"},
	{"Change Electronic Collection Information", "Electronic Resources", "M27103", 2, 1, 50,
	 "Dittman, Amy"},
	/* manual jobs the page does not list */
	{"Merge Bibliographic Records and Combine Inventory", "Bib changes", "M26850", 1, 1, 50,
	 "Okafor, Chinwe; Moody, Honor"},
	{"Delete Users", "Users", "M27301", 1, 1, 200, "Lindqvist, Henrik"},
	{"Export Physical Items", "Export", "M27002", 2, 100, 20000,
	 "Brennan, Maeve; Hartnett, Laura"},
};

struct sched {
	const char *name, *category, *job_id;
	int every_hours; /* 0: once a day at hour */
	int hour;
	long rec_lo, rec_hi;
};

static const struct sched scheduled_jobs[] = {
	{"Publishing Platform Job", "Publishing", "S3750770640003941", 2, 0, 0, 4000},
	{"OCLC Connexion Import - daily", "Import", "S3750770650003941", 3, 1, 0, 120},
	{"Resource Sharing - Partner polling", "Fulfillment", "S3750770630003941", 1, 0, 0, 40},
	{"Loans - Overdue and Lost Loan", "Fulfillment", "S3750770660003941", 0, 3, 0, 900},
	{"Requests - Expired Hold Shelf", "Fulfillment", "S3750770670003941", 0, 4, 0, 60},
	{"Synchronize Bib records with external catalog", "Resource Management",
	 "S3750770680003941", 0, 5, 0, 15000},
	{"EOD Order Import - GOBI", "Import", "S3750770690003941", 0, 6, 0, 250},
	{"Users - Expiry notifications", "Users", "S3750770700003941", 0, 7, 0, 300},
	{"Link resolver usage - Export", "Analytics", "S3750770710003941", 0, 2, 0, 1},
	{"Identifier Normalization - update", "Resource Management", "S3750770720003941", 0, 23,
	 0, 2000},
};

/* ---- one run, and its writing ---- */

struct row {
	uint64_t id;
	const char *job_id, *name, *category;
	enum jtype type;
	const char *user, *user_last, *user_first; /* user_last NULL: "System" or API */
	const char *user_desc; /* for System and API runs */
	char desc[64];	       /* for people: "Last, First" */
	int64_t submit, start, end; /* UTC seconds; end 0 when still running */
	const char *status;
	int progress;
	long records;
	char set_name[160];
	char instance[300];
	const char *bad_start; /* written instead of the start time: a damaged row */
};

static const char *const status_label[][2] = {
	{"COMPLETED_SUCCESS", "Completed Successfully"},
	{"COMPLETED_WARNING", "Completed with Warnings"},
	{"COMPLETED_FAILED", "Completed with Errors"},
	{"COMPLETED_NO_BULKS", "Completed with No Bulks"},
	{"FAILED", "Failed"},
	{"SYSTEM_ABORTED", "System Aborted"},
	{"USER_ABORTED", "Aborted by User"},
	{"MANUAL_HANDLING_REQUIRED", "Manual Handling Required"},
	{"SKIPPED", "Skipped"},
	{"RUNNING", "Running"},
	{"QUEUED", "Queued"},
};

static const char *label_of(const char *code)
{
	for (size_t i = 0; i < sizeof status_label / sizeof status_label[0]; i++)
		if (!strcmp(status_label[i][0], code))
			return status_label[i][1];
	return code;
}

static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil(int64_t t, int *y, int *mo, int *d, int *h, int *mi, int *s)
{
	int64_t z = (t >= 0 ? t : t - 86399) / 86400, rem = t - z * 86400;
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*mo = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*mo <= 2));
	*h = (int)(rem / 3600);
	*mi = (int)(rem / 60 % 60);
	*s = (int)(rem % 60);
}

/* America/New_York from 2025 to early November 2026: EDT (UTC-4) until
 * 2025-11-02 06:00 UTC, EST (UTC-5) until 2026-03-08 07:00 UTC, EDT until
 * 2026-11-01 06:00 UTC, EST after. The month's samples stay inside October;
 * the sandbox year (write_sandbox_year) crosses both changes. */
static int64_t ny_offset(int64_t t)
{
	if (t >= days_from_civil(2025, 11, 2) * 86400 + 6 * 3600 &&
	    t < days_from_civil(2026, 3, 8) * 86400 + 7 * 3600)
		return -5 * 3600;
	return t < days_from_civil(2026, 11, 1) * 86400 + 6 * 3600 ? -4 * 3600 : -5 * 3600;
}

static void iso_utc(char *buf, size_t size, int64_t t, int millis)
{
	int y, mo, d, h, mi, s;
	civil(t, &y, &mo, &d, &h, &mi, &s);
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", y, mo, d, h, mi, s, millis);
}

static void us_local(char *buf, size_t size, int64_t t)
{
	int y, mo, d, h, mi, s;
	civil(t + ny_offset(t), &y, &mo, &d, &h, &mi, &s);
	snprintf(buf, size, "%02d/%02d/%04d %d:%02d %s", mo, d, y, h % 12 ? h % 12 : 12, mi,
		 h < 12 ? "AM" : "PM");
}

/* Writes one CSV cell, quoted when it needs to be. */
static void cell(gzFile f, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		gzputc(f, '"');
		for (; *s; s++) {
			if (*s == '"')
				gzputc(f, '"');
			gzputc(f, *s);
		}
		gzputc(f, '"');
	} else {
		gzputs(f, s);
	}
	gzputc(f, last ? '\n' : ',');
}

enum layout { API, UI };

static void header(gzFile f, enum layout layout)
{
	if (layout == API)
		gzputs(f, "id,job_id,name,category,type,submitted_by,submitted_by_desc,submit_time,"
			  "start_time,end_time,status,progress,total_records,set_name\n");
	else
		gzputs(f, "Job Instance ID,Job ID,Job Name,Job Category,Job Type,Submitted By,"
			  "Submitted By Name,Submit Date,Start Time,End Time,Status,Progress,"
			  "Number of Records,Set Name\n");
}

static void write_row(gzFile f, const struct row *r, enum layout layout)
{
	static const char *const types[][2] = {
		{"MANUAL", "Manual"}, {"SCHEDULED", "Scheduled"}, {"OTHER", "Other"}};
	char id[32], sub[48], start[48], end[48], prog[16], rec[32];
	int ui = layout == UI;

	if (r->id)
		snprintf(id, sizeof id, "%" PRIu64, r->id);
	else
		id[0] = '\0';
	if (ui) {
		us_local(sub, sizeof sub, r->submit);
		if (r->start)
			us_local(start, sizeof start, r->start);
		else
			start[0] = '\0';
		if (r->end)
			us_local(end, sizeof end, r->end);
		else
			end[0] = '\0';
	} else {
		iso_utc(sub, sizeof sub, r->submit, (int)(r->id % 1000));
		if (r->start)
			iso_utc(start, sizeof start, r->start, (int)(r->id / 7 % 1000));
		else
			start[0] = '\0';
		if (r->end)
			iso_utc(end, sizeof end, r->end, (int)(r->id / 13 % 1000));
		else
			end[0] = '\0';
	}
	snprintf(prog, sizeof prog, "%d", r->progress);
	if (r->records < 0)
		rec[0] = '\0';
	else if (ui && r->records >= 1000)
		snprintf(rec, sizeof rec, "%ld,%03ld", r->records / 1000, r->records % 1000);
	else
		snprintf(rec, sizeof rec, "%ld", r->records);

	cell(f, id, 0);
	cell(f, r->job_id, 0);
	cell(f, r->instance, 0);
	cell(f, r->category, 0);
	cell(f, types[r->type][ui], 0);
	cell(f, r->user, 0);
	/* rows move when sorted: a person's name lives in the row itself */
	cell(f, r->user_last ? r->desc : r->user_desc, 0);
	cell(f, sub, 0);
	cell(f, r->bad_start ? r->bad_start : start, 0);
	cell(f, end, 0);
	cell(f, ui ? label_of(r->status) : r->status, 0);
	cell(f, prog, 0);
	cell(f, rec, 0);
	cell(f, r->set_name, 1);
}

/* ---- the same runs as the Alma API gives them: job instances (JSON) ---- */

/* s as a JSON string; line ends become spaces (an instance name holds none). */
static void json_str(gzFile f, const char *s)
{
	gzputc(f, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			gzputc(f, '\\');
		gzputc(f, *s == '\n' || *s == '\r' ? ' ' : *s);
	}
	gzputc(f, '"');
}

/* "change_physical_items" for "Change Physical Items", into buf. */
static const char *snake(const char *s, char *buf, size_t size, int upper)
{
	size_t n = 0;
	int gap = 0;
	for (; *s && n + 2 < size; s++) {
		char c = *s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			if (gap && n)
				buf[n++] = '_';
			gap = 0;
			if (upper && c >= 'a' && c <= 'z')
				c = (char)(c - 32);
			else if (!upper && c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			buf[n++] = c;
		} else {
			gap = 1;
		}
	}
	buf[n] = '\0';
	return buf;
}

static void counter(gzFile f, int *first, const char *key, const char *name, const char *desc,
		    long value)
{
	gzprintf(f, "%s{\"type\":{\"value\":\"%s.%s\",\"desc\":", *first ? "" : ",", key, name);
	json_str(f, desc);
	gzprintf(f, "},\"value\":\"%ld\"}", value);
	*first = 0;
}

/* The counters of a run's report. Which of them gives the record count
 * depends on the job (rules/jobs.csv, records, and rules/README.md): most
 * jobs count a "Total records processed", the imports a "Total records in
 * file", the deletions and withdrawals the members of the set; the
 * deletion of portfolios counts only what it deleted and did not, so its
 * runs have no record count. A run that failed, was aborted or skipped
 * before it counted anything has no counters at all. */
static void write_counters(gzFile f, const struct row *r)
{
	char key[64];
	int first = 1;
	long n = r->records < 0 ? 0 : r->records;
	long failed = !strcmp(r->status, "COMPLETED_WARNING") || !strcmp(r->status, "COMPLETED_FAILED")
			      ? n / 10 + (long)(r->id / 10000 % 3)
			      : 0;
	if (failed > n)
		failed = n;
	if (r->progress < 100 || !strcmp(r->status, "SKIPPED"))
		return;
	snake(r->name, key, sizeof key, 0);
	if (!strcmp(r->name, "Withdraw items")) {
		counter(f, &first, "withdraw_items", "items_in_set", "Number of items in the set", n);
		counter(f, &first, "withdraw_items", "items_withdrawn", "Items withdrawn", n - failed);
		counter(f, &first, "withdraw_items", "items_not_withdrawn", "Items not withdrawn",
			failed);
		counter(f, &first, "withdraw_items", "holdings_deleted", "Holdings records deleted",
			(n - failed) / 3);
	} else if (!strcmp(r->name, "Delete Bibliographic records")) {
		counter(f, &first, "delete_bib_records", "records_in_set", "Records in the set", n);
		counter(f, &first, "delete_bib_records", "deleted", "Bibliographic records deleted",
			n - failed);
		counter(f, &first, "delete_bib_records", "not_deleted",
			"Records not deleted (inventory or orders)", failed);
	} else if (!strcmp(r->name, "Delete holdings without items")) {
		counter(f, &first, "delete_holdings", "holdings_in_set", "Holdings records in the set",
			n);
		counter(f, &first, "delete_holdings", "deleted", "Holdings records deleted",
			n - failed);
	} else if (!strcmp(r->name, "Delete Electronic Portfolios")) {
		counter(f, &first, "delete_portfolios", "deleted", "Portfolios deleted", n - failed);
		counter(f, &first, "delete_portfolios", "not_deleted", "Portfolios not deleted",
			failed);
	} else if (!strcmp(r->category, "Import") && r->type == MANUAL) {
		counter(f, &first, "import", "total_records", "Total records in file", n);
		counter(f, &first, "import", "imported", "Records imported", n - failed);
		counter(f, &first, "import", "not_imported", "Records not imported", failed);
	} else {
		counter(f, &first, key, "total_records", "Total records processed", n);
		counter(f, &first, key, "records_failed", "Records failed", failed);
	}
}

/* The instance name of a run in the API's JSON: the job's name, the set it
 * ran on (what a careful library writes in the Run a Job wizard's name, and
 * what almaudit reads the set from), the time it was submitted. */
static void api_instance_name(const struct row *r, char *buf, size_t size)
{
	char date[32];
	int y, mo, d, h, mi, s;
	if (r->type != MANUAL || strstr(r->instance, " - via API - ")) {
		snprintf(buf, size, "%s", r->instance);
		return;
	}
	civil(r->submit + ny_offset(r->submit), &y, &mo, &d, &h, &mi, &s);
	snprintf(date, sizeof date, "%02d/%02d/%04d %02d:%02d:%02d", mo, d, y, h, mi, s);
	if (r->set_name[0])
		snprintf(buf, size, "%s - %s - %s", r->name, r->set_name, date);
	else
		snprintf(buf, size, "%s - %s", r->name, date);
}

static void write_instance(gzFile f, const struct row *r)
{
	static const char *const types[][2] = {
		{"MANUAL", "Manual"}, {"SCHEDULED", "Scheduled"}, {"OTHER", "Other"}};
	char name[512], t[48], cat[64];
	int y, mo, d, h, mi, s;

	api_instance_name(r, name, sizeof name);
	gzprintf(f, "{\"id\":\"%" PRIu64 "\",\"external_id\":\"%" PRIu64 "\",\"name\":", r->id,
		 r->id - 10);
	json_str(f, name);
	gzprintf(f, ",\"submitted_by\":{\"value\":");
	json_str(f, r->user);
	gzprintf(f, ",\"desc\":");
	json_str(f, r->user_last ? r->desc : r->user_desc);
	iso_utc(t, sizeof t, r->submit, (int)(r->id % 1000));
	gzprintf(f, "},\"submit_time\":\"%s\"", t);
	if (r->start) {
		iso_utc(t, sizeof t, r->start, (int)(r->id / 7 % 1000));
		gzprintf(f, ",\"start_time\":\"%s\"", t);
	}
	if (r->end) {
		iso_utc(t, sizeof t, r->end, (int)(r->id / 13 % 1000));
		gzprintf(f, ",\"end_time\":\"%s\"", t);
	}
	gzprintf(f, ",\"progress\":%d,\"status\":{\"value\":\"%s\",\"desc\":\"%s\"}", r->progress,
		 r->status, label_of(r->status));
	civil(r->end ? r->end : r->submit, &y, &mo, &d, &h, &mi, &s);
	gzprintf(f, ",\"status_date\":\"%04d-%02d-%02dZ\"", y, mo, d);
	if (!strcmp(r->status, "COMPLETED_SUCCESS"))
		gzputs(f, ",\"alert\":[{\"value\":\"alert_general_success\",\"desc\":\"The job "
			  "completed successfully. For more information view the report details.\"}]");
	else
		gzprintf(f, ",\"alert\":[{\"value\":\"alert_general_%s\",\"desc\":\"The job ended: "
			    "%s.\"}]",
			 r->status[0] == 'C' ? "warning" : "error", label_of(r->status));
	gzputs(f, ",\"counter\":[");
	write_counters(f, r);
	gzprintf(f, "],\"job_info\":{\"id\":\"%s\",\"name\":", r->job_id);
	json_str(f, r->name);
	gzprintf(f, ",\"description\":\"\",\"type\":{\"value\":\"%s\",\"desc\":\"%s\"},"
		    "\"category\":{\"value\":\"%s\",\"desc\":",
		 types[r->type][0], types[r->type][1], snake(r->category, cat, sizeof cat, 1));
	json_str(f, r->category);
	gzprintf(f, "}},\"link\":\"https://api-na.hosted.exlibrisgroup.com/almaws/v1/conf/jobs/%s/"
		    "instances/%" PRIu64 "\"}",
		 r->job_id, r->id);
}

/* rows[0..n) as pages of up to 100 instances, one page a line; total is
 * the page's total_record_count. */
static void write_page(gzFile f, struct row *const *rows, int n, int total)
{
	gzprintf(f, "{\"total_record_count\":%d,\"job_instance\":[", total);
	for (int i = 0; i < n; i++) {
		if (i)
			gzputc(f, ',');
		write_instance(f, rows[i]);
	}
	gzputs(f, "]}\n");
}

static int by_job(const void *a, const void *b)
{
	const struct row *x = *(struct row *const *)a, *y = *(struct row *const *)b;
	int c = strcmp(x->job_id, y->job_id);
	if (c)
		return c;
	int64_t tx = x->start ? x->start : x->submit, ty = y->start ? y->start : y->submit;
	return tx != ty ? (tx > ty) - (tx < ty) : (x->id > y->id) - (x->id < y->id);
}

/* ---- building runs ---- */

static uint64_t next_id = 6100000000003941ull;
static int64_t now; /* when the export was taken: later runs are still going */

static void fill_status(struct row *r)
{
	int p = pick(1000);
	if (r->end == 0 || r->end > now) {
		r->status = chance(70) ? "RUNNING" : "QUEUED";
		r->end = 0;
		if (r->status[0] == 'Q')
			r->start = 0; /* not started yet */
		r->progress = r->status[0] == 'R' ? (int)range(5, 95) : 0;
		return;
	}
	r->progress = 100;
	if (p < 880)
		r->status = "COMPLETED_SUCCESS";
	else if (p < 930)
		r->status = "COMPLETED_WARNING";
	else if (p < 950)
		r->status = "COMPLETED_FAILED";
	else if (p < 962)
		r->status = "COMPLETED_NO_BULKS", r->records = 0;
	else if (p < 974)
		r->status = "FAILED", r->progress = (int)range(0, 60);
	else if (p < 982)
		r->status = "SYSTEM_ABORTED", r->progress = (int)range(0, 90);
	else if (p < 990)
		r->status = "USER_ABORTED", r->progress = (int)range(0, 90);
	else if (p < 995)
		r->status = "MANUAL_HANDLING_REQUIRED", r->progress = (int)range(50, 99);
	else
		r->status = "SKIPPED", r->progress = 0;
}

static const char *const descriptions[] = {
	"weeding", "fix call numbers", "move to HD", "Q3 cleanup", "per ticket LTS-4512",
	"relabel", "status change", "vendor load", "retro", "shelf-ready",
};

static const char *const set_words[] = {
	"Widener", "Lamont", "Cabot", "Loeb Music", "Countway", "Baker", "Houghton",
	"Tozzer", "Fung", "HD transfer", "Judaica", "Mideast", "Harvard-Yenching",
};

static void set_name_for(struct row *r, const struct job *j)
{
	int k = pick(100);
	if (k < 8) {
		r->set_name[0] = '\0';
		return;
	}
	if (k < 10) /* a set name written on two lines */
		snprintf(r->set_name, sizeof r->set_name, "%s %s\nbatch %d",
			 set_words[pick(13)], j->category, (int)range(1, 9));
	else if (k < 13) /* with commas and quotes */
		snprintf(r->set_name, sizeof r->set_name, "%s \"%s\", round %d",
			 set_words[pick(13)], descriptions[pick(10)], (int)range(1, 5));
	else
		snprintf(r->set_name, sizeof r->set_name, "%s %s FY27 - %d", set_words[pick(13)],
			 descriptions[pick(10)], (int)range(1, 40));
}

static void instance_name(struct row *r, const char *name, const char *via_api)
{
	char date[32];
	int y, mo, d, h, mi, s;
	civil(r->submit + ny_offset(r->submit), &y, &mo, &d, &h, &mi, &s);
	snprintf(date, sizeof date, "%02d/%02d/%04d %02d:%02d:%02d", mo, d, y, h, mi, s);
	if (via_api)
		snprintf(r->instance, sizeof r->instance, "%s - via API - %s", name, via_api);
	else if (chance(30))
		snprintf(r->instance, sizeof r->instance, "%s - %s - %s", name,
			 descriptions[pick(10)], date);
	else if (chance(50))
		snprintf(r->instance, sizeof r->instance, "%s - %s", name, date);
	else
		snprintf(r->instance, sizeof r->instance, "%s", name);
}

static void set_person(struct row *r, const struct person *p)
{
	snprintf(r->desc, sizeof r->desc, "%s, %s", p->last, p->first);
	r->user = p->id;
	r->user_last = p->last;
	r->user_first = p->first;
	r->user_desc = NULL;
}

/* A runner named in a job's "Last, First; ..." list. */
static const struct person *runner(const char *list, int n)
{
	char buf[1024], *save, *tok;
	snprintf(buf, sizeof buf, "%s", list);
	tok = strtok_r(buf, ";", &save);
	for (int i = 0; tok && i < n; i++)
		tok = strtok_r(NULL, ";", &save);
	if (!tok)
		return NULL;
	while (*tok == ' ')
		tok++;
	char *comma = strchr(tok, ',');
	*comma = '\0';
	return who(tok, comma + 2);
}

static int runners(const char *list)
{
	int n = 1;
	for (; *list; list++)
		n += *list == ';';
	return n;
}

static void manual_run(struct row *r, const struct job *j, const struct person *p,
		       int64_t submit, long records)
{
	memset(r, 0, sizeof *r);
	r->id = next_id += 10000 * (uint64_t)range(1, 40);
	r->job_id = j->job_id;
	r->name = j->name;
	r->category = j->category;
	r->type = MANUAL;
	set_person(r, p);
	r->submit = submit;
	r->start = submit + range(1, 90);
	r->records = records >= 0 ? records : range(j->rec_lo, j->rec_hi);
	r->end = r->start + 20 + r->records / range(5, 40);
	set_name_for(r, j);
	instance_name(r, j->name, NULL);
	fill_status(r);
}

static const struct job *job_named(const char *name)
{
	for (size_t i = 0; i < sizeof manual_jobs / sizeof manual_jobs[0]; i++)
		if (!strcmp(manual_jobs[i].name, name))
			return &manual_jobs[i];
	fprintf(stderr, "gensample: no job %s\n", name);
	exit(2);
}

/* ---- whole exports ---- */

#define MAX_ROWS 8192

struct month {
	struct row rows[MAX_ROWS];
	int n;
};

static int by_start(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int64_t tx = x->start ? x->start : x->submit, ty = y->start ? y->start : y->submit;
	return (tx > ty) - (tx < ty);
}

static struct row *add(struct month *m)
{
	if (m->n == MAX_ROWS) {
		fprintf(stderr, "gensample: too many rows\n");
		exit(2);
	}
	return &m->rows[m->n++];
}

/* Set times of day in New York, as UTC for October (EDT). */
static int64_t ny_time(int day, int hour, int minute)
{
	return days_from_civil(2026, 10, day) * 86400 + hour * 3600 + minute * 60 + 4 * 3600;
}

/* The stories the samples tell, beyond the daily routine: each is a run
 * the audit should notice (see samples/README.md). */
static void stories(struct month *m, struct month *sandbox)
{
	struct row *r;

	/* Someone withdrew 40,000 items: approved, but a damaging job on a large set. */
	r = add(m);
	manual_run(r, job_named("Withdraw items"), who("Lee", "Te-Yi"), ny_time(14, 16, 42),
		   40112);
	snprintf(r->set_name, sizeof r->set_name, "GUT withdrawn - all of HD transfer 2026");
	snprintf(r->instance, sizeof r->instance, "Withdraw items - HD transfer cleanup");
	r->status = "COMPLETED_SUCCESS";

	/* Portfolio deletion on a large set by an approved person. */
	r = add(m);
	manual_run(r, job_named("Delete Electronic Portfolios"), who("Flanders", "Dennis"),
		   ny_time(21, 10, 5), 5230);
	snprintf(r->set_name, sizeof r->set_name, "Springer ebooks 2019 cancelled");

	/* On the page for Change Physical Items only, runs a withdrawal. */
	r = add(m);
	manual_run(r, job_named("Withdraw items"), who("Na", "Mihyang"), ny_time(8, 11, 20), 64);

	/* Not on the page at all. */
	r = add(m);
	manual_run(r, job_named("Change Physical Items"), who("Castillo", "Rafael"),
		   ny_time(19, 14, 3), 310);
	r = add(m);
	manual_run(r, job_named("Update PO Lines transactions"), who("Nguyen", "Thao"),
		   ny_time(27, 9, 48), 12);

	/* Tested on the sandbox, then ran in production without sign-off. */
	r = add(sandbox);
	manual_run(r, job_named("Delete Electronic Portfolios"), who("Whitfield", "Grace"),
		   ny_time(2, 13, 30), 5);
	r = add(m);
	manual_run(r, job_named("Delete Electronic Portfolios"), who("Whitfield", "Grace"),
		   ny_time(15, 15, 12), 260);
	r = add(sandbox);
	manual_run(r, job_named("Running norm rules on bibs"), who("Hartnett", "Laura"),
		   ny_time(6, 10, 0), 20);
	r = add(m);
	manual_run(r, job_named("Running norm rules on bibs"), who("Hartnett", "Laura"),
		   ny_time(22, 10, 30), 1450);

	/* An integration through the API. */
	for (int day = 1; day <= 31; day += 3) {
		r = add(m);
		memset(r, 0, sizeof *r);
		r->id = next_id += 10000;
		r->job_id = "M26714";
		r->name = "Change Physical Items";
		r->category = "Physical Items";
		r->type = MANUAL;
		r->user = "exl_api";
		r->user_desc = "API";
		r->submit = ny_time(day, 2, 15);
		r->start = r->submit + 12;
		r->records = range(20, 400);
		r->end = r->start + 300;
		snprintf(r->set_name, sizeof r->set_name, "ShelfReady inbound %02d", day);
		instance_name(r, "Change Physical Items", "ShelfReady integration");
		fill_status(r);
	}
}

static void routine(struct month *m, struct month *sandbox)
{
	int total_weight = 0;
	size_t njobs = sizeof manual_jobs / sizeof manual_jobs[0];
	for (size_t i = 0; i < njobs; i++)
		total_weight += manual_jobs[i].weight;

	for (int day = 1; day <= 31; day++) {
		int64_t midnight = days_from_civil(2026, 10, day) * 86400;
		int weekday = (int)((days_from_civil(2026, 10, day) + 4) % 7); /* 0 Sunday */

		for (size_t i = 0; i < sizeof scheduled_jobs / sizeof scheduled_jobs[0]; i++) {
			const struct sched *s = &scheduled_jobs[i];
			for (int hour = s->hour; hour < 24; hour += s->every_hours ? s->every_hours : 24) {
				int64_t submit = midnight + hour * 3600 + 4 * 3600 + range(0, 59);
				if (submit > now)
					break;
				struct row *r = add(m);
				memset(r, 0, sizeof *r);
				r->id = next_id += 10000 * (uint64_t)range(1, 9);
				r->job_id = s->job_id;
				r->name = s->name;
				r->category = s->category;
				r->type = SCHEDULED;
				r->user = "System";
				r->user_desc = "System";
				r->submit = submit;
				r->start = r->submit + range(1, 30);
				r->records = range(s->rec_lo, s->rec_hi);
				r->end = r->start + 30 + r->records / 50;
				snprintf(r->instance, sizeof r->instance, "%s", s->name);
				fill_status(r);
			}
		}
		if (weekday == 0 || weekday == 6)
			continue;
		int runs = (int)range(40, 60);
		for (int k = 0; k < runs; k++) {
			int w = pick(total_weight);
			size_t j = 0;
			while (w >= manual_jobs[j].weight)
				w -= manual_jobs[j++].weight;
			const struct job *job = &manual_jobs[j];
			const struct person *p = runner(job->runners, pick(runners(job->runners)));
			struct row *r = add(m);
			manual_run(r, job, p, midnight + range(8 * 3600 + 4 * 3600, 18 * 3600 + 4 * 3600),
				   -1);
			fill_status(r);
			/* One in ten runs was tried on the sandbox first, on a small set. */
			if (chance(10)) {
				struct row *t = add(sandbox);
				manual_run(t, job, p, r->submit - range(3600, 6 * 86400), range(1, 25));
				fill_status(t);
			}
		}
	}
}

static void finish(struct month *m)
{
	qsort(m->rows, (size_t)m->n, sizeof m->rows[0], by_start);
}

static gzFile create(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	gzFile f = gzopen(path, "wb9");
	if (!f) {
		fprintf(stderr, "gensample: cannot write %s\n", path);
		exit(2);
	}
	return f;
}

static void close_or_die(gzFile f)
{
	if (gzclose(f) != Z_OK) {
		fprintf(stderr, "gensample: write error\n");
		exit(2);
	}
}

static struct month production, sandbox;
/* ---- a year of sandbox history, for the access review ---- */

/* A local time in New York on a date of the sandbox year, as UTC. */
static int64_t ny_at(int y, int mo, int d, int hour, int minute)
{
	int64_t local = days_from_civil(y, mo, d) * 86400 + hour * 3600 + minute * 60;
	return local - ny_offset(local + 5 * 3600);
}

/* The sign-offs of rules/approvals.csv that the year tells (see
 * samples/README.md): each sandbox test before its date, or none. */
static void year_stories(struct month *y)
{
	struct row *r;
	/* tested three days before the sign-off of 2026-03-12 */
	r = add(y);
	manual_run(r, job_named("Delete Electronic Portfolios"), who("Flanders", "Dennis"),
		   ny_at(2026, 3, 9, 14, 20), 12);
	/* tested the morning of the sign-off of 2026-05-20 */
	r = add(y);
	manual_run(r, job_named("Change Electronic Portfolio Information"), who("Syer", "Lauren"),
		   ny_at(2026, 5, 20, 9, 30), 8);
	/* an import the approval includes, tested before the sign-off of 2026-04-07 */
	r = add(y);
	manual_run(r, job_named("Staff import profiles - Bibs, Hols, Items (multiple formats)"),
		   who("Sutton", "Patty"), ny_at(2026, 4, 2, 11, 5), 3);
	/* tested, signed off on 2026-01-15, and never run in production since */
	r = add(y);
	manual_run(r, job_named("Change Physical Items"), who("Kulash", "Kristin"),
		   ny_at(2026, 1, 12, 15, 40), 20);
	for (int i = y->n - 4; i < y->n; i++)
		y->rows[i].status = "COMPLETED_SUCCESS", y->rows[i].progress = 100;
	/* Te-Yi Lee (withdrawals, signed off 2026-02-10) and Minna Popkin
	 * (import profiles, 2026-06-01) have no test before their sign-off:
	 * the routine below never gives them one. */
}

/* The sandbox year's routine: on each weekday from 3 November 2025 to 25
 * September 2026 (where the month's sandbox export begins), up to three
 * tries of the manual jobs by the people who run them. */
static void year_routine(struct month *y)
{
	int total_weight = 0;
	size_t njobs = sizeof manual_jobs / sizeof manual_jobs[0];
	for (size_t i = 0; i < njobs; i++)
		total_weight += manual_jobs[i].weight;
	for (int64_t day = days_from_civil(2025, 11, 3); day < days_from_civil(2026, 9, 26);
	     day++) {
		int weekday = (int)((day + 4) % 7);
		if (weekday == 0 || weekday == 6)
			continue;
		for (int k = (int)range(0, 2); k > 0; k--) {
			int w = pick(total_weight);
			size_t j = 0;
			while (w >= manual_jobs[j].weight)
				w -= manual_jobs[j++].weight;
			const struct job *job = &manual_jobs[j];
			const struct person *p = runner(job->runners, pick(runners(job->runners)));
			/* the withdrawals signed off untested stay untested */
			if (!strcmp(job->name, "Withdraw items") && p == who("Lee", "Te-Yi"))
				continue;
			int64_t local = day * 86400 + range(9 * 3600, 17 * 3600);
			struct row *r = add(y);
			manual_run(r, job, p, local - ny_offset(local + 5 * 3600), range(1, 25));
		}
	}
}

static struct month year;

/* sandbox-2025-11-to-2026-10.csv.gz: the year's tries, then the month's
 * sandbox runs again with their own ids (the export of the year overlaps
 * the month's: each run counts once). Written after the month's files,
 * from a seed of its own, so that they stay as they were. */
static int write_sandbox_year(const char *dir)
{
	rng_state = 0x2025110320260925ull;
	next_id = 6050000000003941ull;
	year_routine(&year);
	year_stories(&year);
	for (int i = 0; i < year.n; i++)
		year.rows[i].id += 500000000000ull;
	for (int i = 0; i < sandbox.n; i++)
		*add(&year) = sandbox.rows[i];
	finish(&year);
	gzFile f = create(dir, "sandbox-2025-11-to-2026-10.csv.gz");
	header(f, API);
	for (int i = 0; i < year.n; i++)
		write_row(f, &year.rows[i], API);
	close_or_die(f);
	printf("gensample: %d sandbox runs in the year, %d of them the month's\n", year.n,
	       sandbox.n);
	return 0;
}

static int write_samples(const char *dir)
{
	gzFile f;

	/* The exports were taken at 2026-10-31 18:05 New York: a few runs of
	 * that evening are still running or queued. */
	now = days_from_civil(2026, 10, 31) * 86400 + 22 * 3600 + 300;
	routine(&production, &sandbox);
	stories(&production, &sandbox);
	finish(&production);
	finish(&sandbox);

	f = create(dir, "jobs-2026-10.csv.gz");
	header(f, API);
	for (int i = 0; i < production.n; i++)
		write_row(f, &production.rows[i], API);
	close_or_die(f);

	/* The same month as `almaudit fetch` gets it from the API: each job's
	 * instances, a page of up to 100 a line. */
	static struct row *by[MAX_ROWS];
	for (int i = 0; i < production.n; i++)
		by[i] = &production.rows[i];
	qsort(by, (size_t)production.n, sizeof by[0], by_job);
	f = create(dir, "jobs-2026-10-api.json.gz");
	for (int i = 0; i < production.n;) {
		int end = i;
		while (end < production.n && !strcmp(by[end]->job_id, by[i]->job_id))
			end++;
		for (int k = i; k < end; k += 100)
			write_page(f, by + k, end - k < 100 ? end - k : 100, end - i);
		i = end;
	}
	close_or_die(f);

	/* The UI export of the last week: two pages of the same export pasted
	 * together (so the header repeats), and two rows damaged in a spreadsheet. */
	f = create(dir, "jobs-2026-10-ui.csv.gz");
	header(f, UI);
	int64_t from = ny_time(25, 0, 0);
	int written = 0;
	for (int i = 0; i < production.n; i++) {
		struct row r = production.rows[i];
		if ((r.start ? r.start : r.submit) < from)
			continue;
		if (++written == 400)
			header(f, UI);
		if (written == 150)
			r.bad_start = "10/32/2026 9:61 AM";
		if (written == 275)
			r.id = 0;
		write_row(f, &r, UI);
	}
	close_or_die(f);

	f = create(dir, "sandbox-2026-10.csv.gz");
	header(f, API);
	for (int i = 0; i < sandbox.n; i++) {
		sandbox.rows[i].id += 500000000000ull; /* the sandbox numbers its own runs */
		write_row(f, &sandbox.rows[i], API);
	}
	close_or_die(f);
	printf("gensample: %d production runs, %d of them again in the UI export, "
	       "%d sandbox runs\n", production.n, written, sandbox.n);
	return write_sandbox_year(dir);
}

/* A synthetic export of n runs for benchmarks: the routine mix of a month,
 * laid again and again over the twelve months of 2026 (a year of history
 * for a large consortium), with longer instance names. */
static int write_bench(const char *path, long n, int plain, int json)
{
	static struct row *page[100];
	int npage = 0;
	gzFile f = gzopen(path, plain ? "wbT" : "wb6");
	long written = 0;
	static struct month m, sb;

	if (!f) {
		fprintf(stderr, "gensample: cannot write %s\n", path);
		return 2;
	}
	gzbuffer(f, 256 * 1024);
	now = INT64_MAX / 2;
	if (!json)
		header(f, API);
	for (int month = 0; written < n; month++) {
		m.n = sb.n = 0;
		routine(&m, &sb);
		finish(&m);
		int64_t shift = (days_from_civil(2026, 1 + month % 12, 1) -
				 days_from_civil(2026, 10, 1)) * 86400;
		for (int i = 0; i < m.n && written < n; i++, written++) {
			struct row *r = &m.rows[i];
			r->submit += shift;
			r->start += shift;
			if (r->end)
				r->end += shift;
			if (r->type == MANUAL && chance(30)) {
				size_t len = strlen(r->instance);
				snprintf(r->instance + len, sizeof r->instance - len,
					 " - requested by %s for the %s project, see ticket LTS-%ld",
					 set_words[pick(13)], descriptions[pick(10)], range(1000, 9999));
			}
			if (!json) {
				write_row(f, r, API);
				continue;
			}
			/* a page of 100 is written before the month's rows are reused;
			 * its runs are of several jobs, in time order, so each page is
			 * a query of its own: its total is its instances (a total of
			 * all the rows would read as a page short of its history) */
			page[npage++] = r;
			if (npage == 100 || i + 1 == m.n || written + 1 == n) {
				write_page(f, page, npage, npage);
				npage = 0;
			}
		}
	}
	if (gzclose(f) != Z_OK) {
		fprintf(stderr, "gensample: write error on %s\n", path);
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *out_dir = NULL, *out_file = NULL;
	long rows = 0;
	int plain = 0, json = 0;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--out") && i + 1 < argc)
			out_dir = argv[++i];
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out_file = argv[++i];
		else if (!strcmp(argv[i], "--rows") && i + 1 < argc)
			rows = strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			rng_state = strtoull(argv[++i], NULL, 0);
		else if (!strcmp(argv[i], "--plain"))
			plain = 1;
		else if (!strcmp(argv[i], "--json"))
			json = 1;
		else {
			fprintf(stderr, "usage: almaudit-gensample --out DIR\n"
					"       almaudit-gensample --rows N [--seed S] [--plain] [--json] "
					"-o FILE\n");
			return 2;
		}
	}
	if (out_dir)
		return write_samples(out_dir);
	if (out_file && rows > 0)
		return write_bench(out_file, rows, plain, json);
	fprintf(stderr, "usage: almaudit-gensample --out DIR | --rows N -o FILE\n");
	return 2;
}
