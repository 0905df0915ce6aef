#include "term.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int term_columns(int fd)
{
	if (!isatty(fd))
		return 0;
#ifdef TIOCGWINSZ
	struct winsize ws;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
#endif
	const char *env = getenv("COLUMNS");
	if (env && *env) {
		char *end;
		long n = strtol(env, &end, 10);
		if (!*end && n > 0 && n < 100000)
			return (int)n;
	}
	return 80;
}

int term_fit_columns(int fd)
{
	int cols = term_columns(fd);
	return cols && cols < TERM_FIT_MIN ? TERM_FIT_MIN : cols;
}

/* The progress line shows after this many seconds of one file. */
#define PROGRESS_AFTER 3

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

static struct {
	pthread_t thread;
	int watching, stop, shown;
	int fd;
	char name[256];
	off_t size; /* a regular file's size; 0: unknown (a pipe) */
	struct timespec start;
} w;

static double since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* Erases the line (under mu). */
static void erase(void)
{
	if (w.shown)
		fputs("\r\033[K", stderr);
	w.shown = 0;
}

/* The bytes of the first columns of s that fit in cols columns, a
 * character taking one column (the file names of a progress line), never
 * inside a UTF-8 character. */
static size_t fit_bytes(const char *s, size_t cols)
{
	size_t i = 0;
	while (s[i] && cols) {
		i++;
		while (((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		cols--;
	}
	return i;
}

static size_t text_columns(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Draws the line (under mu), never wider than the terminal less a column
 * (a line as wide as the terminal wraps on some, and "\r\033[K" then
 * erases only its last row): the file's name cut with "…" first, then
 * the whole line. */
static void draw(double seconds)
{
	char tail[160], line[600];
	int n = 0;
	off_t at = w.size ? lseek(w.fd, 0, SEEK_CUR) : -1;
	if (at >= 0 && w.size > 0) {
		double mb = 1024.0 * 1024.0;
		n = snprintf(tail, sizeof tail, ": %d%% (%.0f MB of %.0f MB)",
			     (int)((double)at * 100 / (double)w.size), (double)at / mb,
			     (double)w.size / mb);
	}
	snprintf(tail + n, sizeof tail - (size_t)n, ", %.0f s", seconds);
	static const char head[] = "almaudit: reading ";
	size_t cols = (size_t)term_columns(STDERR_FILENO);
	cols = cols > 1 ? cols - 1 : 1;
	size_t fixed = sizeof head - 1 + text_columns(tail);
	size_t room = cols > fixed ? cols - fixed : 0;
	if (text_columns(w.name) <= room)
		snprintf(line, sizeof line, "%s%s%s", head, w.name, tail);
	else if (room >= 2)
		snprintf(line, sizeof line, "%s%.*s…%s", head, (int)fit_bytes(w.name, room - 1), w.name,
			 tail);
	else
		snprintf(line, sizeof line, "%s…%s", head, tail);
	line[fit_bytes(line, cols)] = '\0';
	fprintf(stderr, "\r%s\033[K", line);
	fflush(stderr);
	w.shown = 1;
}

static void *watch(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&mu);
	while (!w.stop) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		pthread_cond_timedwait(&cv, &mu, &until);
		double seconds = since(&w.start);
		if (!w.stop && seconds >= PROGRESS_AFTER)
			draw(seconds);
	}
	erase();
	pthread_mutex_unlock(&mu);
	return NULL;
}

void term_watch(const char *name, int fd)
{
	if (fd < 0 || !isatty(STDERR_FILENO))
		return;
	pthread_mutex_lock(&mu);
	if (w.watching) {
		pthread_mutex_unlock(&mu);
		return;
	}
	struct stat st;
	w.fd = fd;
	w.size = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0;
	snprintf(w.name, sizeof w.name, "%s", name);
	clock_gettime(CLOCK_MONOTONIC, &w.start);
	w.stop = 0;
	w.shown = 0;
	w.watching = pthread_create(&w.thread, NULL, watch, NULL) == 0;
	pthread_mutex_unlock(&mu);
}

void term_unwatch(int fd)
{
	pthread_mutex_lock(&mu);
	if (!w.watching || w.fd != fd) {
		pthread_mutex_unlock(&mu);
		return;
	}
	w.stop = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	pthread_join(w.thread, NULL);
	pthread_mutex_lock(&mu);
	w.watching = 0;
	pthread_mutex_unlock(&mu);
}

void term_hold(void)
{
	pthread_mutex_lock(&mu);
	erase();
}

void term_release(void)
{
	pthread_mutex_unlock(&mu);
}
