# A zone with no daylight saving named like a US or European zone (EST is
# UTC-5 all year: an hour off New York all summer), or a legacy name, is a
# warning at the top of every report naming the zone to use; every format
# names the zone in force (the text header, --summary, json, html, runs).
for tz in EST Etc/GMT+5 EST5 US/Eastern EST5EDT CET MST; do
	"$ALMAUDIT" audit --summary --tz $tz data/small.csv 2>/dev/null | head -2
done
"$ALMAUDIT" audit --tz EST data/small.csv | head -4
"$ALMAUDIT" audit --format json --tz EST data/small.csv | grep -o '"zone":"[^"]*"\|"warnings":\[[^]]*\]'
"$ALMAUDIT" audit --format html --tz EST data/small.csv | grep 'class="sub"\|WARNING'
"$ALMAUDIT" runs --tz EST data/small.csv | head -3
echo "== no warning for a zone that keeps summer time, nor for UTC"
"$ALMAUDIT" audit --summary --tz America/New_York data/small.csv | head -1
"$ALMAUDIT" audit --summary --tz utc data/small.csv | head -1
TZ=EST "$ALMAUDIT" audit --summary data/small.csv 2>&1 | head -1
