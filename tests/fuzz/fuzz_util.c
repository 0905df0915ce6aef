#define _GNU_SOURCE /* memfd_create */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static int fd = -1;
static char path[32];

const char *fuzz_file(const void *data, size_t size)
{
	fuzz_done();
	fd = memfd_create("almaudit-fuzz", 0);
	if (fd < 0) {
		perror("memfd_create");
		abort();
	}
	const char *p = data;
	while (size) {
		ssize_t n = write(fd, p, size);
		if (n <= 0)
			abort();
		p += n;
		size -= (size_t)n;
	}
	snprintf(path, sizeof path, "/dev/fd/%d", fd);
	return path;
}

void fuzz_done(void)
{
	if (fd >= 0)
		close(fd);
	fd = -1;
}
