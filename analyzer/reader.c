#include "reader.h"

#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define READER_BUFFER (128u * 1024u) /* zlib's input buffer */
#define CHUNK (256u * 1024u)	     /* one decompressed chunk */
#define RING 4			     /* chunks in flight */

struct slot {
	unsigned char *data;
	size_t len;
	int full;
};

struct reader {
	gzFile gz;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct slot slot[RING];
	size_t next_in, next_out; /* the producer's and the consumer's slots */
	int held;		  /* the consumer holds slot next_out - 1 */
	int done;		  /* the producer has finished: end or error */
	int failed;		  /* ... on an error, described in why */
	int stop;		  /* the consumer is closing: the producer quits */
	int gzip;
	char why[200];
};

/* Describes the stream's state after gzread returned n (<= 0): 0 for a
 * clean end, -1 for an error written to r->why. */
static int stream_state(struct reader *r, int n)
{
	int err;
	const char *msg = gzerror(r->gz, &err);
	/* zlib names the stream "<fd:N>" in its messages: the caller names the file */
	if (strncmp(msg, "<fd:", 4) == 0 && strstr(msg, ": "))
		msg = strstr(msg, ": ") + 2;
	/* gzread returns 0, not -1, when the input stops inside a gzip member:
	 * only gzerror tells a clean end from a truncated one. */
	if (n == 0 && err == Z_OK)
		return 0;
	if (err == Z_BUF_ERROR)
		snprintf(r->why, sizeof r->why, "truncated gzip stream (unexpected end of file)");
	else if (err == Z_DATA_ERROR)
		snprintf(r->why, sizeof r->why, "corrupt gzip stream (%s)", msg);
	else if (err == Z_ERRNO)
		snprintf(r->why, sizeof r->why, "read error: %s", strerror(errno));
	else
		snprintf(r->why, sizeof r->why, "read error: %s", msg);
	return -1;
}

static void *produce(void *arg)
{
	struct reader *r = arg;
	int first = 1;
	for (;;) {
		pthread_mutex_lock(&r->mu);
		while (r->slot[r->next_in].full && !r->stop)
			pthread_cond_wait(&r->cv, &r->mu);
		if (r->stop) {
			pthread_mutex_unlock(&r->mu);
			return NULL;
		}
		struct slot *s = &r->slot[r->next_in];
		pthread_mutex_unlock(&r->mu);

		/* the slot is free and only this thread writes it until full */
		int n = gzread(r->gz, s->data, CHUNK);
		int state = n > 0 ? 1 : stream_state(r, n);
		if (first) {
			r->gzip = !gzdirect(r->gz);
			first = 0;
		}

		pthread_mutex_lock(&r->mu);
		if (state > 0) {
			s->len = (size_t)n;
			s->full = 1;
			r->next_in = (r->next_in + 1) % RING;
		} else {
			r->done = 1;
			r->failed = state < 0;
		}
		pthread_cond_broadcast(&r->cv);
		pthread_mutex_unlock(&r->mu);
		if (state <= 0)
			return NULL;
	}
}

struct reader *reader_open(const char *path)
{
	const char *name = strcmp(path, "-") ? path : "(standard input)";
	int fd = strcmp(path, "-") == 0 ? dup(STDIN_FILENO) : open(path, O_RDONLY);
	if (fd < 0) {
		diag_error(name, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct reader *r = calloc(1, sizeof *r);
	if (!r) {
		close(fd);
		diag_error(name, 0, "out of memory");
		return NULL;
	}
	for (size_t i = 0; i < RING; i++)
		if (!(r->slot[i].data = malloc(CHUNK)))
			goto oom;
	r->gz = gzdopen(fd, "rb");
	if (!r->gz) {
		close(fd);
		goto oom;
	}
	gzbuffer(r->gz, READER_BUFFER);
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->cv, NULL);
	if (pthread_create(&r->thread, NULL, produce, r) != 0) {
		pthread_mutex_destroy(&r->mu);
		pthread_cond_destroy(&r->cv);
		gzclose_r(r->gz);
		r->gz = NULL;
		goto oom;
	}
	return r;
oom:
	for (size_t i = 0; i < RING; i++)
		free(r->slot[i].data);
	free(r);
	diag_error(name, 0, "cannot read: out of memory or threads");
	return NULL;
}

int reader_chunk(struct reader *r, const unsigned char **data, size_t *len, const char **why)
{
	pthread_mutex_lock(&r->mu);
	if (r->held) {
		/* give back the chunk handed out last time */
		r->slot[(r->next_out + RING - 1) % RING].full = 0;
		r->held = 0;
		pthread_cond_broadcast(&r->cv);
	}
	while (!r->slot[r->next_out].full && !r->done)
		pthread_cond_wait(&r->cv, &r->mu);
	int got;
	if (r->slot[r->next_out].full) {
		struct slot *s = &r->slot[r->next_out];
		*data = s->data;
		*len = s->len;
		r->next_out = (r->next_out + 1) % RING;
		r->held = 1;
		got = 1;
	} else if (r->failed) {
		*why = r->why;
		got = -1;
	} else {
		got = 0;
	}
	pthread_mutex_unlock(&r->mu);
	return got;
}

int reader_is_gzip(const struct reader *r)
{
	return r->gzip;
}

void reader_close(struct reader *r)
{
	if (!r)
		return;
	pthread_mutex_lock(&r->mu);
	r->stop = 1;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
	pthread_join(r->thread, NULL);
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->cv);
	gzclose_r(r->gz);
	for (size_t i = 0; i < RING; i++)
		free(r->slot[i].data);
	free(r);
}
