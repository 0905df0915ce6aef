# --since and --until take every time form the exports take: ISO 8601 with
# Z or an offset, the UI's "10/14/2026 9:00 AM", a slash date alone; the
# period is named as the local times it means.
S=../../samples/jobs-2026-10.csv.gz
for since in 2026-10-14T13:00:00Z 2026-10-14T09:00-04:00 "10/14/2026 9:00 AM" 10/14/2026 2026-10-14; do
	"$ALMAUDIT" audit --summary --tz America/New_York --since "$since" --until "10/14/2026 5:00 PM" $S |
		head -1
done
"$ALMAUDIT" audit --summary --tz America/New_York --since 14/13/2026 $S
echo "status: $?"
