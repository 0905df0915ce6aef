# Pages of one query hold its total_record_count in distinct runs (spec
# 1.1): a page saved twice (a paging script that repeats an offset), or
# pages that overlap (the page number given as the offset), make the count
# of instances come out right while runs are missing: INCOMPLETE, exit 2,
# in every format, as the page saved once is.
P='{"total_record_count":4,"job_instance":[{"id":"6100000000000024","name":"Withdraw items - weeding","submitted_by":{"value":"80120001","desc":"Moody, Honor"},"start_time":"2026-10-07T17:00:00Z","counter":[{"type":{"value":"w.items_in_set","desc":"Number of items in set"},"value":"50"}],"job_info":{"id":"M1","name":"Withdraw items","type":{"value":"MANUAL"}}},{"id":"6100000000000023","name":"Withdraw items - weeding","submitted_by":{"value":"80120001","desc":"Moody, Honor"},"start_time":"2026-10-07T16:00:00Z","counter":[{"type":{"value":"w.items_in_set","desc":"Number of items in set"},"value":"50"}],"job_info":{"id":"M1","name":"Withdraw items","type":{"value":"MANUAL"}}}]}'
Q=$(printf '%s' "$P" | sed 's/0000000000024/0000000000022/; s/T17:00/T15:00/')
printf '%s\n%s\n' "$P" "$P" >"$SCRATCH/twice.json"
printf '%s\n%s\n' "$P" "$Q" >"$SCRATCH/overlap.json"
for f in twice overlap; do
	echo "--- $f.json"
	"$ALMAUDIT" audit --tz UTC --period 2026-10-07 "$SCRATCH/$f.json" >"$SCRATCH/report.txt" 2>&1
	s=$?
	sed "s|$SCRATCH/||g" "$SCRATCH/report.txt"
	echo "status: $s"
done
echo "--- twice.json in each format: the status"
for fmt in csv json html email; do
	"$ALMAUDIT" audit --tz UTC --period 2026-10-07 --format $fmt "$SCRATCH/twice.json" >/dev/null 2>&1
	echo "$fmt: $?"
done
echo "--- the last page saved twice (a request retried, both kept): whole"
R=$(printf '%s' "$P" | sed 's/0000000000024/0000000000022/; s/0000000000023/0000000000021/; s/T17:00/T15:00/; s/T16:00/T14:00/')
printf '%s\n%s\n%s\n' "$P" "$R" "$R" >"$SCRATCH/last.json"
"$ALMAUDIT" audit --tz UTC --period 2026-10-07 --summary "$SCRATCH/last.json" >"$SCRATCH/report.txt" 2>&1
s=$?
sed "s|$SCRATCH/||g" "$SCRATCH/report.txt"
echo "status: $s"
echo "--- a page of runs of two of the query's pages (another window, its later pages lost): short"
S3=$(printf '%s' "$R" | sed 's/,"job_instance":\[/,"job_instance":[{"id":"6100000000000023","name":"Withdraw items - weeding","submitted_by":{"value":"80120001","desc":"Moody, Honor"},"start_time":"2026-10-07T16:00:00Z","job_info":{"id":"M1","name":"Withdraw items","type":{"value":"MANUAL"}}},/')
printf '%s\n%s\n%s\n' "$P" "$R" "$S3" >"$SCRATCH/span.json"
"$ALMAUDIT" audit --tz UTC --period 2026-10-07 --summary "$SCRATCH/span.json" 2>&1 | sed "s|$SCRATCH/||g" | head -1
