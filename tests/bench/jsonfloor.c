/* The JSON input's floor: inflates a gzip file with ISA-L and hands every
 * byte to yajl_parse with no callbacks (mode 1: lexing and validating only)
 * or to json-c's tokener (mode 2: objects built and freed), or to nothing
 * (mode 0): the library's CPU time beside the audit's (tests/bench/README.md,
 * "The JSON input after round 4"). Not built by CMake:
 *   cc -O2 -o jsonfloor tests/bench/jsonfloor.c -lisal -lyajl -ljson-c
 *   /usr/bin/time taskset -c 0 ./jsonfloor FILE.json.gz 1 */
#include <isa-l/igzip_lib.h>
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_parse.h>
int main(int argc, char **argv)
{
	FILE *f = fopen(argv[1], "rb");
	int mode = atoi(argv[2]); /* 0 inflate only, 1 yajl, 2 json-c */
	static unsigned char in[1 << 17], out[1 << 18];
	struct inflate_state s;
	isal_inflate_init(&s);
	s.crc_flag = ISAL_GZIP;
	yajl_handle y = yajl_alloc(NULL, NULL, NULL);
	yajl_config(y, yajl_allow_multiple_values, 1);
	json_tokener *tok = json_tokener_new();
	unsigned long long total = 0, objs = 0;
	for (;;) {
		if (s.avail_in == 0) {
			size_t n = fread(in, 1, sizeof in, f);
			if (!n)
				break;
			s.next_in = in;
			s.avail_in = (unsigned)n;
		}
		s.next_out = out;
		s.avail_out = sizeof out;
		if (isal_inflate(&s) != ISAL_DECOMP_OK)
			return 1;
		size_t got = sizeof out - s.avail_out;
		total += got;
		if (mode == 1 && yajl_parse(y, out, got) != yajl_status_ok) {
			fprintf(stderr, "yajl error\n");
			return 1;
		}
		if (mode == 2) {
			size_t at = 0;
			while (at < got) {
				json_object *o = json_tokener_parse_ex(tok, (char *)out + at, (int)(got - at));
				enum json_tokener_error e = json_tokener_get_error(tok);
				if (e == json_tokener_continue)
					break;
				if (e != json_tokener_success) { fprintf(stderr, "json-c error %d\n", e); return 1; }
				at += json_tokener_get_parse_end(tok);
				json_object_put(o);
				objs++;
				while (at < got && (out[at] == '\n' || out[at] == ' ')) at++;
			}
		}
		if (s.block_state == ISAL_BLOCK_FINISH) {
			unsigned char *ni = s.next_in; unsigned ai = s.avail_in;
			isal_inflate_reset(&s);
			s.crc_flag = ISAL_GZIP;
			s.next_in = ni; s.avail_in = ai;
		}
	}
	if (mode == 1 && yajl_complete_parse(y) != yajl_status_ok)
		return 1;
	printf("%llu bytes, %llu objects\n", total, objs);
	return 0;
}
