# $TZ is checked as --tz is: a name that is no zone is an error (exit 2),
# never UTC in silence under the misspelt name. A POSIX string naming UTC
# or GMT with an offset (UTC+5, GMT-5) reads the offset west of UTC, the
# opposite of what it says: refused in --tz and $TZ, saying why.
f=../../samples/jobs-2026-10.csv.gz
for tz in America/NewYork UTC+5 GMT-5 GMT-5:30; do
	TZ=$tz "$ALMAUDIT" audit --summary $f
	echo "TZ=$tz: $?"
done
for tz in UTC+5 gmt+3; do
	"$ALMAUDIT" audit --summary --tz $tz $f
	echo "--tz $tz: $?"
done
for tz in America/New_York UTC+0 :/etc/localtime; do
	TZ=$tz "$ALMAUDIT" audit --summary $f >/dev/null
	echo "TZ=$tz: $?"
done
