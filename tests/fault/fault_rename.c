/* A fault for the end-to-end cases, loaded with LD_PRELOAD into almaudit:
 * renameat() of the name $FAULT_RENAME_FAIL fails with EPERM (a rename
 * that nothing could foresee, midway through putting a split's files in
 * place), and renameat() of the name $FAULT_RENAME_SLOW first creates the
 * file $FAULT_RENAME_MARK and then waits two seconds (so that a case can
 * send a signal while the files are being put in place). Every other call
 * is the C library's. Test code only: never installed. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath);

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
	static int (*real)(int, const char *, int, const char *);
	const char *fail = getenv("FAULT_RENAME_FAIL"), *slow = getenv("FAULT_RENAME_SLOW");
	const char *mark = getenv("FAULT_RENAME_MARK");
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "renameat");
	if (fail && !strcmp(newpath, fail)) {
		errno = EPERM;
		return -1;
	}
	if (slow && !strcmp(newpath, slow)) {
		if (mark) {
			int fd = open(mark, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
			if (fd >= 0)
				close(fd);
		}
		struct timespec left = {2, 0};
		while (nanosleep(&left, &left) != 0 && errno == EINTR)
			;
	}
	return real(olddirfd, oldpath, newdirfd, newpath);
}
