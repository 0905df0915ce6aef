# A jobs.csv records pattern that also matches a counter of a part of the
# records ("Items in set that failed to be withdrawn" beside "Number of
# items in set") takes the set's count, whatever the counters' order; one
# that matches only such a part gives no count: unknown-size, not a 0 that
# clears a damaging run (the shipped pattern of batch-item-withdrawals is
# items? in (?:the )?set).
I='{"id":"6100000000000001","name":"Withdraw items - weeding","submitted_by":{"value":"80120001","desc":"Moody, Honor"},"start_time":"2026-10-07T19:02:00Z","counter":[COUNTERS],"job_info":{"id":"M1","name":"Withdraw items","type":{"value":"MANUAL"}}}'
F='{"type":{"value":"withdraw_items.items_in_set_failed","desc":"Items in set that failed to be withdrawn"},"value":"0"}'
T='{"type":{"value":"withdraw_items.items_in_set","desc":"Number of items in set"},"value":"5000"}'
printf '%s\n' "$I" | sed "s|COUNTERS|$F,$T|" >"$SCRATCH/both.json"
printf '%s\n' "$I" | sed "s|COUNTERS|$F|" >"$SCRATCH/failed.json"
for f in both failed; do
	echo "--- $f.json"
	"$ALMAUDIT" audit --tz UTC --summary "$SCRATCH/$f.json" >"$SCRATCH/report.txt" 2>&1
	s=$?
	sed "s|$SCRATCH/||g" "$SCRATCH/report.txt"
	echo "status: $s"
	"$ALMAUDIT" runs --tz UTC --explain "$SCRATCH/$f.json" 2>&1 | grep records:
done
