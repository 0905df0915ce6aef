/* Fuzzes the reading of an Alma API answer (apipage.c, over json.c's events):
 * whatever the network sends, the reader returns a page or a reason, never
 * reads past the answer, and what it hands on holds: a total that is a
 * count, ids of printable ASCII within APIPAGE_MAX_ID, an error message of
 * one line, quoted, within its buffer, with no part of the key it quotes. */
#include "apipage.h"
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

static int check_id(void *arg, const char *id)
{
	size_t n = strlen(id);
	(void)arg;
	if (n == 0 || n > APIPAGE_MAX_ID)
		abort();
	for (size_t i = 0; i < n; i++)
		if (id[i] <= 0x20 || id[i] >= 0x7f)
			abort();
	return 0;
}

/* A key the answers may quote: never in a message, whole or its start. */
#define SECRET "l7xxFUZZ"

static void check_message(const char *msg, size_t size)
{
	size_t n = strnlen(msg, size);
	if (n == size || strstr(msg, "l7xx"))
		abort();
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* as almaapi.c hands an answer over: NUL-terminated after its length */
	char *body = malloc(size + 1);
	if (!body)
		return 0;
	memcpy(body, data, size);
	body[size] = '\0';
	static const char *const arrays[] = {"job_instance", "job"};
	for (size_t k = 0; k < 2; k++) {
		struct apipage p;
		char why[300];
		if (apipage_read(body, size, SECRET, arrays[k], &p, check_id, NULL, why, sizeof why) ==
		    0) {
			if (!p.error && p.total < 0)
				abort();
			check_message(p.message, sizeof p.message);
		} else {
			check_message(why, sizeof why);
		}
	}
	char msg[240];
	if (apipage_error(body, size, SECRET, msg, sizeof msg) == 0) {
		if (msg[0] != '"' && msg[0] != '(')
			abort();
		check_message(msg, sizeof msg);
	}
	free(body);
	return 0;
}
