/* fuzz: what the libFuzzer harnesses share: the entry point, and a way to
 * hand bytes to code that reads files by name. */
#ifndef ALMAUDIT_FUZZ_H
#define ALMAUDIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes data to a memory file and returns a path that opens it
 * ("/dev/fd/N"); fuzz_done closes it. */
const char *fuzz_file(const void *data, size_t size);
void fuzz_done(void);

#endif
