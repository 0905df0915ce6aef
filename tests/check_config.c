/* Unit tests of analyzer/config.c: --config FILE and $ALMAUDIT_CONFIG, one
 * option a line as on the command line, placed before the command line's
 * arguments so that those win; errors at the config's file and line. */
#include "config.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const struct option opts[] = {
	{"tz", required_argument, NULL, 1},
	{"subject", required_argument, NULL, 2},
	{"to", required_argument, NULL, 3},
	{"sandbox", required_argument, NULL, 4},
	{"summary", no_argument, NULL, 5},
	{"format", required_argument, NULL, 6},
	{"config", required_argument, NULL, 7},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* every option some command takes: opts, and two another command takes */
static const struct option known[] = {
	{"tz", required_argument, NULL, 1},
	{"subject", required_argument, NULL, 2},
	{"to", required_argument, NULL, 3},
	{"sandbox", required_argument, NULL, 4},
	{"summary", no_argument, NULL, 5},
	{"format", required_argument, NULL, 6},
	{"config", required_argument, NULL, 7},
	{"limit", required_argument, NULL, 8},
	{"period", required_argument, NULL, 9},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* The argument a line makes, or "ERROR: why", or "(none)", or "(left out:
 * NAME)". */
static const char *line(const char *text)
{
	static char buf[512];
	char *arg, why[256];
	const char *skipped;
	if (config_line(text, opts, known, &arg, &skipped, why, sizeof why) != 0)
		snprintf(buf, sizeof buf, "ERROR: %s", why);
	else if (skipped)
		snprintf(buf, sizeof buf, "(left out: %s)", skipped);
	else
		snprintf(buf, sizeof buf, "%s", arg ? arg : "(none)");
	free(arg);
	return buf;
}

START_TEST(lines)
{
	ck_assert_str_eq(line("--tz America/New_York"), "--tz=America/New_York");
	ck_assert_str_eq(line("  --subject   Alma jobs, monthly  \r\n"),
			 "--subject=Alma jobs, monthly");
	ck_assert_str_eq(line("--to \"LTS <lts@x.edu>\""), "--to=LTS <lts@x.edu>");
	ck_assert_str_eq(line("--subject 'a' and 'b'"), "--subject='a' and 'b'");
	ck_assert_str_eq(line("--subject \""), "--subject=\"");
	ck_assert_str_eq(line("--tz=UTC"), "--tz=UTC");
	ck_assert_str_eq(line("--tz\tUTC"), "--tz=UTC");
	ck_assert_str_eq(line("-o /tmp/out dir"), "--output=/tmp/out dir");
	ck_assert_str_eq(line("--summary"), "--summary");
	ck_assert_str_eq(line("\xEF\xBB\xBF--summary"), "--summary");
	ck_assert_str_eq(line(""), "(none)");
	ck_assert_str_eq(line("   \t"), "(none)");
	ck_assert_str_eq(line("# --tz UTC"), "(none)");
	ck_assert_str_eq(line("  # indented"), "(none)");
	ck_assert_str_eq(line("--tz"), "ERROR: option '--tz' needs a value (--tz VALUE)");
	ck_assert_str_eq(line("--tz   "), "ERROR: option '--tz' needs a value (--tz VALUE)");
	ck_assert_str_eq(line("--summary yes"), "ERROR: option '--summary' takes no value");
	ck_assert_str_eq(line("--tzz UTC"), "ERROR: unknown option '--tzz' (did you mean '--tz'?)");
	ck_assert_str_eq(line("--perod 2026"), "ERROR: unknown option '--perod' (did you mean '--period'?)");
	ck_assert_str_eq(line("--bogus 1"), "ERROR: unknown option '--bogus'");
	ck_assert_str_eq(line("--sub x"), "ERROR: unknown option '--sub' (did you mean '--subject'?)");
	ck_assert_str_eq(line("--t UTC"), "ERROR: unknown option '--t'"); /* no abbreviations */
	/* another command's option: left out, not an error */
	ck_assert_str_eq(line("--limit 10"), "(left out: limit)");
	ck_assert_str_eq(line("--period=2026 # the year"), "(left out: period)");
	/* comments after the value, following white space */
	ck_assert_str_eq(line("--tz America/New_York  # New York"), "--tz=America/New_York");
	ck_assert_str_eq(line("--tz UTC\t#x"), "--tz=UTC");
	ck_assert_str_eq(line("--subject Jobs #1 # monthly"), "--subject=Jobs"); /* quote it to keep #1 */
	ck_assert_str_eq(line("--subject Jobs#1"), "--subject=Jobs#1");
	ck_assert_str_eq(line("--subject \"Jobs # all\"  # quoted"), "--subject=Jobs # all");
	ck_assert_str_eq(line("--summary # a flag"), "--summary");
	ck_assert_str_eq(line("--tz # no value"), "ERROR: option '--tz' needs a value (--tz VALUE)");
	ck_assert_str_eq(line("--tz=#x"), "--tz=#x");
	ck_assert_str_eq(line("--help"), "ERROR: no config takes the option '--help'");
	ck_assert_ptr_nonnull(strstr(line("--config x"), "not nested"));
	ck_assert_ptr_nonnull(strstr(line("jobs.csv.gz"), "'jobs.csv.gz' is no option"));
	ck_assert_ptr_nonnull(strstr(line("tz UTC"), "is no option"));
}
END_TEST

static const char *conf(const char *text)
{
	return testutil_plain(text);
}

/* A command whose --sandbox is a flag (fetch) and a config written for
 * audit's --sandbox FILE: the line is audit's, left out, not an error. */
START_TEST(another_commands_form)
{
	static const struct option flag[] = {{"sandbox", no_argument, NULL, 1},
					     {"config", required_argument, NULL, 2},
					     {NULL, 0, NULL, 0}};
	char *arg, why[256];
	const char *skipped;
	ck_assert_int_eq(config_line("--sandbox a.csv", flag, known, &arg, &skipped, why, sizeof why), 0);
	ck_assert_ptr_null(arg);
	ck_assert_str_eq(skipped, "sandbox");
	ck_assert_int_eq(config_line("--sandbox", flag, known, &arg, &skipped, why, sizeof why), 0);
	ck_assert_str_eq(arg, "--sandbox");
	free(arg);
	/* no command takes --summary with a value: an error still */
	ck_assert_int_eq(config_line("--summary 1", opts, known, &arg, &skipped, why, sizeof why), -1);
}
END_TEST

START_TEST(command_line_after_the_config)
{
	const char *path = conf("# monthly\n--tz America/New_York\n\n--sandbox a.csv\n"
				"--format email\n");
	char *argv[] = {"audit", "--format", "text", "--config", (char *)path, "--sandbox", "b.csv",
			"x.csv", NULL};
	struct config_args a;
	unsetenv("ALMAUDIT_CONFIG");
	ck_assert_int_eq(config_args(8, argv, opts, known, "audit", &a), 0);
	ck_assert_int_eq(a.nconfig, 3);
	ck_assert_str_eq(a.path, path);
	const char *want[] = {"audit",	"--tz=America/New_York", "--sandbox=a.csv", "--format=email",
			      "--format", "text", "--sandbox", "b.csv", "x.csv"};
	ck_assert_int_eq(a.argc, 9);
	for (int i = 0; i < 9; i++)
		ck_assert_str_eq(a.argv[i], want[i]);
	ck_assert_ptr_null(a.argv[9]);
	config_free(&a);
}
END_TEST

START_TEST(environment_and_equals_form)
{
	const char *env = conf("--tz UTC\n"), *given = conf("--summary\n");
	struct config_args a;
	setenv("ALMAUDIT_CONFIG", env, 1);
	char *plain[] = {"audit", "x.csv", NULL};
	ck_assert_int_eq(config_args(2, plain, opts, known, "audit", &a), 0);
	ck_assert_int_eq(a.argc, 3);
	ck_assert_str_eq(a.argv[1], "--tz=UTC");
	config_free(&a);

	/* --config=FILE wins over the environment; after "--", it is a file */
	char arg[512];
	snprintf(arg, sizeof arg, "--config=%s", given);
	char *argv[] = {"audit", arg, "--", "--config", NULL};
	ck_assert_int_eq(config_args(4, argv, opts, known, "audit", &a), 0);
	ck_assert_int_eq(a.argc, 4);
	ck_assert_str_eq(a.argv[1], "--summary");
	ck_assert_str_eq(a.argv[2], "--");
	ck_assert_str_eq(a.argv[3], "--config");
	config_free(&a);

	setenv("ALMAUDIT_CONFIG", "", 1); /* empty: none */
	ck_assert_int_eq(config_args(2, plain, opts, known, "audit", &a), 0);
	ck_assert_int_eq(a.argc, 2);
	ck_assert_int_eq(a.nconfig, 0);
	config_free(&a);
	unsetenv("ALMAUDIT_CONFIG");
}
END_TEST

START_TEST(errors_at_file_and_line)
{
	const char *path = conf("--tz UTC\n# fine\n--tzz UTC\njobs.csv\n--summary 1\n");
	char *argv[] = {"audit", "--config", (char *)path, "x.csv", NULL};
	struct config_args a;
	char want[600];
	testutil_stderr_begin();
	ck_assert_int_eq(config_args(4, argv, opts, known, "audit", &a), -1);
	const char *err = testutil_stderr_end();
	snprintf(want, sizeof want, "almaudit: %s:3: unknown option '--tzz' (did you mean '--tz'?)\n", path);
	ck_assert_ptr_nonnull(strstr(err, want));
	snprintf(want, sizeof want, "almaudit: %s:4: 'jobs.csv' is no option", path);
	ck_assert_ptr_nonnull(strstr(err, want));
	snprintf(want, sizeof want, "almaudit: %s:5: option '--summary' takes no value\n", path);
	ck_assert_ptr_nonnull(strstr(err, want));
	snprintf(want, sizeof want, "%s:1:", path);
	ck_assert_ptr_null(strstr(err, want));
	config_free(&a);

	/* another command's options: left out, each noted at its line */
	path = conf("--limit 5\n--tz UTC  # zone\n--period 2026\n");
	char *argv2[] = {"rules", "--config", (char *)path, NULL};
	ck_assert_int_eq(config_args(3, argv2, opts, known, "rules", &a), 0);
	ck_assert_int_eq(a.nconfig, 1);
	ck_assert_str_eq(a.argv[1], "--tz=UTC");
	ck_assert_int_eq(a.lines[1], 2);
	ck_assert_uint_eq(a.nnotes, 2);
	ck_assert_int_eq(a.note_lines[0], 1);
	ck_assert_str_eq(a.notes[0], "--limit left out: rules takes no --limit");
	ck_assert_int_eq(a.note_lines[1], 3);
	testutil_stderr_begin();
	config_notes_print(&a);
	snprintf(want, sizeof want, "almaudit: %s:3: --period left out: rules takes no --period\n", path);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(), want));
	config_free(&a);

	char *missing[] = {"audit", "--config", "/nonexistent/almaudit.conf", NULL};
	testutil_stderr_begin();
	ck_assert_int_eq(config_args(3, missing, opts, known, "audit", &a), -1);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(),
				     "/nonexistent/almaudit.conf: cannot read the config"));
	config_free(&a);

	char *no_value[] = {"audit", "x.csv", "--config", NULL};
	testutil_stderr_begin();
	ck_assert_int_eq(config_args(3, no_value, opts, known, "audit", &a), -1);
	ck_assert_ptr_nonnull(strstr(testutil_stderr_end(), "'--config' needs a value"));
	config_free(&a);
}
END_TEST

/* On the command line a long option may be abbreviated as getopt_long
 * takes it (--conf for --config): the config it names is read, never the
 * environment's or none. An option's value is not taken for --config. */
START_TEST(abbreviated_config)
{
	const char *path = conf("--tz UTC\n"), *env = conf("--summary\n");
	struct config_args a;
	setenv("ALMAUDIT_CONFIG", env, 1);
	char *forms[][3] = {{"--conf", (char *)path, NULL}, {"--c", (char *)path, NULL},
			    {"--confi", (char *)path, NULL}};
	for (size_t i = 0; i < 3; i++) {
		char *argv[] = {"audit", forms[i][0], forms[i][1], "x.csv", NULL};
		ck_assert_int_eq(config_args(4, argv, opts, known, "audit", &a), 0);
		ck_assert_str_eq(a.path, path);
		ck_assert_int_eq(a.argc, 3);
		ck_assert_str_eq(a.argv[1], "--tz=UTC");
		ck_assert_str_eq(a.argv[2], "x.csv");
		config_free(&a);
	}
	char joined[512];
	snprintf(joined, sizeof joined, "--con=%s", path);
	char *eq[] = {"audit", joined, "x.csv", NULL};
	ck_assert_int_eq(config_args(3, eq, opts, known, "audit", &a), 0);
	ck_assert_str_eq(a.path, path);
	ck_assert_str_eq(a.argv[1], "--tz=UTC");
	config_free(&a);

	/* a value that looks like --config is the option's value */
	char *value[] = {"audit", "--subject", "--config", "-o", "--conf", "x.csv", NULL};
	ck_assert_int_eq(config_args(6, value, opts, known, "audit", &a), 0);
	ck_assert_str_eq(a.path, env);
	ck_assert_int_eq(a.argc, 7);
	ck_assert_str_eq(a.argv[1], "--summary");
	ck_assert_str_eq(a.argv[3], "--config");
	ck_assert_str_eq(a.argv[5], "--conf");
	config_free(&a);

	/* ambiguous ("--s": --subject, --sandbox, ...): getopt's to refuse */
	char *amb[] = {"audit", "--s", (char *)path, NULL};
	ck_assert_int_eq(config_args(3, amb, opts, known, "audit", &a), 0);
	ck_assert_str_eq(a.path, env);
	config_free(&a);
	unsetenv("ALMAUDIT_CONFIG");

	int ambiguous;
	ck_assert_ptr_null(config_match(opts, "s", 1, &ambiguous));
	ck_assert_int_eq(ambiguous, 1);
	ck_assert_str_eq(config_match(opts, "conf", 4, &ambiguous)->name, "config");
	ck_assert_str_eq(config_match(opts, "to", 2, &ambiguous)->name, "to"); /* whole, not tz */
	ck_assert_ptr_null(config_match(opts, "x", 1, &ambiguous));
	ck_assert_int_eq(ambiguous, 0);
	char names[64];
	ck_assert_uint_eq(config_candidates(opts, "su", 2, names, sizeof names), 2);
	ck_assert_str_eq(names, "--subject, --summary");
}
END_TEST

/* A config others than its owner may change (mode 0666), or in a
 * directory they may write to without the sticky bit (0777), is refused
 * at the file, saying the chmod that fixes it; 0644 in a sticky 1777
 * directory (as /tmp) is read. */
START_TEST(config_others_may_change)
{
	struct config_args a;
	char want[3000];
	const char *path = conf("--tz UTC\n");
	char *argv[] = {"audit", "--config", (char *)path, NULL};
	ck_assert_int_eq(chmod(path, 0666), 0);
	testutil_stderr_begin();
	ck_assert_int_eq(config_args(3, argv, opts, known, "audit", &a), -1);
	snprintf(want, sizeof want, "almaudit: %s: mode 0666: others than its owner may change", path);
	const char *err = testutil_stderr_end();
	ck_assert_ptr_nonnull(strstr(err, want));
	snprintf(want, sizeof want, "refused (chmod go-w %s)\n", path);
	ck_assert_ptr_nonnull(strstr(err, want));
	ck_assert_int_eq(a.nconfig, 0);
	config_free(&a);

	char dir[600], file[700];
	snprintf(dir, sizeof dir, "%s", testutil_path(".d"));
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	testutil_write(dir, "c.conf", "--tz UTC\n");
	snprintf(file, sizeof file, "%s/c.conf", dir);
	ck_assert_int_eq(chmod(file, 0644), 0);
	ck_assert_int_eq(chmod(dir, 0777), 0);
	char *in_dir[] = {"audit", "--config", file, NULL};
	testutil_stderr_begin();
	ck_assert_int_eq(config_args(3, in_dir, opts, known, "audit", &a), -1);
	snprintf(want, sizeof want,
		 "almaudit: %s: the config's directory %s has mode 0777: others than its owner may "
		 "put another config in its place: refused (chmod go-w %s)\n",
		 file, dir, dir);
	ck_assert_str_eq(testutil_stderr_end(), want);
	config_free(&a);

	ck_assert_int_eq(chmod(dir, 01777), 0);
	ck_assert_int_eq(config_args(3, in_dir, opts, known, "audit", &a), 0);
	ck_assert_int_eq(a.nconfig, 1);
	ck_assert_str_eq(a.argv[1], "--tz=UTC");
	config_free(&a);
}
END_TEST

int main(void)
{
	umask(022); /* the configs written here are not others' to change */
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("config");
	tcase_add_test(tc, lines);
	tcase_add_test(tc, command_line_after_the_config);
	tcase_add_test(tc, another_commands_form);
	tcase_add_test(tc, environment_and_equals_form);
	tcase_add_test(tc, errors_at_file_and_line);
	tcase_add_test(tc, abbreviated_config);
	tcase_add_test(tc, config_others_may_change);
	suite_add_tcase(s, tc);
	return testutil_run(s);
}
