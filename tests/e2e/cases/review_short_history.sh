# The review's "the production history reaches only ..." WARNING: in every
# format (csv on standard error: no place in its rows), and with the
# audit's day of tolerance at the period's ends (spec 1.2: a quiet first
# Sunday is an answer, not a history short).
i() {
	printf '{"id":"%s","name":"Withdraw items - weeding - %s","submitted_by":{"value":"80120027","desc":"O'"'"'Donnell, Paris"},"start_time":"%s","status":{"value":"COMPLETED_SUCCESS"},"counter":[{"type":{"value":"withdraw_items.items_in_set","desc":"Items in set"},"value":"%s"}],"job_info":{"id":"M26720","name":"Withdraw items","type":{"value":"MANUAL"}}}' "$1" "$2" "$3" "$4"
}
for first in 02 05; do
	{ printf '{"total_record_count":2,"job_instance":['; i 61000006000139$first "11/$first/2026" 2026-11-${first}T14:00:00Z 300
		printf ','; i 6100000600023941 "11/30/2026" 2026-11-30T14:00:00Z 200; printf ']}\n'; } >"$SCRATCH/from$first.json"
	for f in text csv json html; do
		printf 'from %s, %s: ' $first $f
		"$ALMAUDIT" review --tz America/New_York --period 2026-11 --format $f "$SCRATCH/from$first.json" 2>&1 |
			grep -c "reaches only"
	done
done
"$ALMAUDIT" review --tz America/New_York --period 2026-11 --format csv "$SCRATCH/from05.json" 2>&1 >/dev/null |
	sed "s|$SCRATCH/||g"
