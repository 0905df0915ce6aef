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
# the counter runs --explain names for each input, and the threshold
explain() {
	for f; do
		echo "--- $f.json"
		"$ALMAUDIT" runs --tz UTC --explain "$SCRATCH/$f.json" 2>&1 | grep -e records: -e threshold:
	done
}
# "Items in set (including failed)" is the whole set, larger than the
# items withdrawn: the count; a part word in the job's key (the type.value
# before its last dot) says nothing of the counter
W='{"type":{"value":"withdraw_items.items_in_set","desc":"Items in set (including failed)"},"value":"5000"},{"type":{"value":"withdraw_items.items_in_set_withdrawn","desc":"Items in set withdrawn"},"value":"800"}'
printf '%s\n' "$I" | sed "s|COUNTERS|$W|" >"$SCRATCH/including.json"
printf '%s\n' '{"id":"6100000000000101","name":"Delete holdings without items - WID weeding","submitted_by":{"value":"80120002","desc":"Samuels, Vardit"},"start_time":"2026-10-07T17:00:00Z","status":{"value":"COMPLETED_SUCCESS"},"counter":[{"type":{"value":"delete_holdings_without_items.holdings_in_set","desc":"Holdings records in the set"},"value":"4800"}],"job_info":{"id":"M9","name":"Delete holdings without items","type":{"value":"MANUAL"}}}' >"$SCRATCH/without.json"
explain including without
# the whole's value is no count: unknown-size, never the failed count's 0;
# a part word not right after "including" ("included in error report") is
# a part, in the default rule too
N='{"type":{"value":"withdraw_items.items_in_set","desc":"Number of items in set"},"value":"N/A"}'
printf '%s\n' "$I" | sed "s|COUNTERS|$N,$F|" >"$SCRATCH/na.json"
printf '%s\n' '{"id":"6100000000000002","name":"Merge records - x","submitted_by":{"value":"80120001","desc":"Dittman, Amy"},"start_time":"2026-10-07T19:02:00Z","status":{"value":"COMPLETED_SUCCESS"},"counter":[{"type":{"value":"merge.included_in_error_report","desc":"Total records included in error report"},"value":"3"},{"type":{"value":"merge.records","desc":"Records merged"},"value":"4000"}],"job_info":{"id":"M2","name":"Merge records","type":{"value":"MANUAL"}}}' >"$SCRATCH/report.json"
explain na report
# a whole that lists its parts reads as a part, but is larger than the
# whole withdrawn: the set is at least it; a whole unreadable beside another
# whole's count leaves the run unknown-size (it may be the largest)
L='{"type":{"value":"withdraw_items.items_in_set","desc":"Items in set (including failed and skipped)"},"value":"5000"},{"type":{"value":"withdraw_items.items_in_set_withdrawn","desc":"Items in set withdrawn"},"value":"800"}'
U='{"type":{"value":"withdraw_items.items_in_set","desc":"Number of items in the set"},"value":"N/A"},{"type":{"value":"withdraw_items.items_in_set_withdrawn","desc":"Items in set withdrawn"},"value":"12"}'
printf '%s\n' "$I" | sed "s|COUNTERS|$L|" >"$SCRATCH/listed.json"
printf '%s\n' "$I" | sed "s|COUNTERS|$U|" >"$SCRATCH/unread.json"
explain listed unread
# every part word in what "including" lists is included, to the list's end
C='{"type":{"value":"withdraw_items.total_in_set","desc":"Items in set (including records with errors)"},"value":"5000"},{"type":{"value":"withdraw_items.errors","desc":"Records with errors"},"value":"4"}'
printf '%s\n' "$I" | sed "s|COUNTERS|$C|" >"$SCRATCH/listing.json"
explain listing
