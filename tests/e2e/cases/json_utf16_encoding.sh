# The API's JSON saved as UTF-16 (PowerShell 5.1's `>` writes UTF-16LE with
# a byte order mark), either order, plain or gzip: read as the UTF-8
# original is, and the input line and json's "encoding" say which, as they
# do for a UTF-16 CSV (almaudit(1)). UTF-8, with a byte order mark or
# without, says none in the input line and "UTF-8" in json, for both.
ALMAUDIT_RULES=$(cd ../../rules && pwd)
export ALMAUDIT_RULES
cd "$SCRATCH" || exit 2
inst() { # id day
	printf '{"id":"%s","name":"Change Physical Items - s","submitted_by":{"value":"801","desc":"Adams, Anne"},"start_time":"2026-10-%sT13:58:26Z","status":{"value":"COMPLETED_SUCCESS"},"job_info":{"id":"M1","name":"Change Physical Items","type":{"value":"MANUAL"}}}\n' "$1" "$2"
}
{ inst 6500000000000101 16; inst 6500000000000102 17; } >d.json
printf 'id,name,submitted_by,submitted_by_desc,start_time,status,type\n' >d.csv
printf '%s,Change Physical Items - s,801,"Adams, Anne",2026-10-%sT13:58:26Z,COMPLETED_SUCCESS,MANUAL\n' \
	6500000000000101 16 6500000000000102 17 >>d.csv
for x in json csv; do
	{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE d.$x; } >le.$x
	{ printf '\376\377'; iconv -f UTF-8 -t UTF-16BE d.$x; } >be.$x
	gzip -c le.$x >le.$x.gz
	{ printf '\357\273\277'; cat d.$x; } >bom.$x
done
for f in d.json le.json be.json le.json.gz bom.json d.csv le.csv be.csv le.csv.gz bom.csv; do
	echo "== $f"
	"$ALMAUDIT" audit --tz UTC --summary "$f" 2>&1
	echo "status: $?"
	"$ALMAUDIT" audit --tz UTC "$f" 2>/dev/null | grep '^Input'
	"$ALMAUDIT" audit --tz UTC --format json "$f" 2>/dev/null | grep -o '"encoding":"[^"]*"'
done
