# An instance whose text passes 1 MiB is rejected in JSON's words (not a
# CSV row's "1024 fields"), its id and the fields read before the bound
# kept in --rejects; the next instance is read.
{
	printf '[{"id":"6500000000000061","name":"Withdraw items - x - 10/07/2026 10:00:00",'
	printf '"start_time":"2026-10-07T14:00:00Z","counter":['
	awk 'BEGIN { s = "x"; for (i = 0; i < 12; i++) s = s s;
		for (i = 0; i < 300; i++) printf "%s{\"value\":\"%s\"}", i ? "," : "", s }'
	printf ']},\n{"id":"6500000000000062","name":"Withdraw items - y - 10/07/2026 11:00:00",'
	printf '"submitted_by":{"value":"x","desc":"Lee, Te-Yi"},"start_time":"2026-10-07T15:00:00Z",'
	printf '"status":{"value":"COMPLETED_SUCCESS"},"job_info":{"id":"M1","name":"Withdraw items"}}]\n'
} >"$SCRATCH/big.json"
"$ALMAUDIT" audit --tz UTC --since 2026-10-07 --until 2026-10-07 --summary \
	--rejects "$SCRATCH/rejects.csv" "$SCRATCH/big.json" 2>&1 | sed "s|$SCRATCH|SCRATCH|g" |
	grep -i -e reject -e 'read ='
echo "status: $?"
cut -d, -f1-7 "$SCRATCH/rejects.csv" | sed "s|$SCRATCH|SCRATCH|g"
