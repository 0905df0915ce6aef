#include "gzwrite.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define BUF (64u * 1024u)

int gzwrite_copy(FILE *in, FILE *out, const char **why)
{
	unsigned char *inbuf = malloc(BUF), *outbuf = malloc(BUF);
	z_stream z;
	memset(&z, 0, sizeof z);
	/* 16 + MAX_WBITS: a gzip header and trailer around the deflate stream */
	if (!inbuf || !outbuf || deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8,
					      Z_DEFAULT_STRATEGY) != Z_OK) {
		free(inbuf);
		free(outbuf);
		*why = "out of memory";
		return -1;
	}
	int flush, status = 0;
	do {
		z.avail_in = (uInt)fread(inbuf, 1, BUF, in);
		z.next_in = inbuf;
		if (ferror(in)) {
			*why = "cannot read the file to compress";
			status = -1;
			break;
		}
		flush = feof(in) ? Z_FINISH : Z_NO_FLUSH;
		do {
			z.avail_out = BUF;
			z.next_out = outbuf;
			deflate(&z, flush); /* no error with a valid stream and room to write */
			size_t have = BUF - z.avail_out;
			if (have && fwrite(outbuf, 1, have, out) != have) {
				*why = "cannot write the compressed file";
				status = -1;
				break;
			}
		} while (z.avail_out == 0);
	} while (status == 0 && flush != Z_FINISH);
	deflateEnd(&z);
	free(inbuf);
	free(outbuf);
	return status;
}
