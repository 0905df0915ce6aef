# A report that cannot be written is an error (exit 2), said once, in csv
# and json alike (their findings are written a buffer at a time).
for format in csv json; do
	"$ALMAUDIT" audit --format $format --tz America/New_York --period 2026-10 \
		-o - ../../samples/jobs-2026-10.csv.gz >/dev/full
	echo "$format: exit $?"
done
