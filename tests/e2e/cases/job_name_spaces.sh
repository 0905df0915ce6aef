# Instance names with the spaces a web page or a word processor gives (the
# Monitor Jobs table pasted into Excel): a no-break space, one at the end,
# a zero-width space at the start, two spaces and an en dash, an
# ideographic space. Each is the job its plain spelling names: a 40,112-item
# withdrawal is a damaging run on a large set, not an unlisted job.
printf 'id,name,submitted_by_desc,start_time,total_records\n' >"$SCRATCH/nb.csv"
printf '7400000000000001,Withdraw\302\240items - weeding,"Lee, Te-Yi",2026-10-26T10:00:00Z,40112\n' >>"$SCRATCH/nb.csv"
printf '7400000000000002,Withdraw items\302\240,"Lee, Te-Yi",2026-10-26T10:01:00Z,40112\n' >>"$SCRATCH/nb.csv"
printf '7400000000000003,Withdraw items,"Lee, Te-Yi",2026-10-26T10:02:00Z,40112\n' >>"$SCRATCH/nb.csv"
printf '7400000000000004,\342\200\213Withdraw  items \342\200\223 x,"Lee, Te-Yi",2026-10-26T10:03:00Z,40112\n' >>"$SCRATCH/nb.csv"
printf '7400000000000005,Withdraw\343\200\200items,"Lee, Te-Yi",2026-10-26T10:04:00Z,40112\n' >>"$SCRATCH/nb.csv"
# and one that only looks like it: another word is another job
printf '7400000000000006,Withdraw\302\240itemz,"Lee, Te-Yi",2026-10-26T10:05:00Z,40112\n' >>"$SCRATCH/nb.csv"
"$ALMAUDIT" audit --tz UTC --format csv "$SCRATCH/nb.csv" | cut -d, -f1,4,5
# a jobs.csv whose patterns hold an en dash: a name made plain could meet
# a broader pattern before its own (EOD – Bibs with orders taken for EOD):
# names are then matched only as written
mkdir "$SCRATCH/r"
printf 'job,scope,title,damaging,large_set,match,includes\neod-orders,Import,EOD \342\200\223 Bibs with orders,yes,100,^EOD \342\200\223 Bibs with orders(?: - |$),\neod,Import,EOD,no,,^EOD(?: - |$),\n' >"$SCRATCH/r/jobs.csv"
printf 'name,unit,alma_ids,aliases\nTe-Yi Lee,GUT,,\n' >"$SCRATCH/r/staff.csv"
printf 'job,staff,signed_off,revoked,sets,ticket,note\neod,Te-Yi Lee,,,,,\n' >"$SCRATCH/r/approvals.csv"
printf 'id,name,submitted_by_desc,start_time,total_records\n2,EOD\302\240\342\200\223 Bibs with orders,"Lee, Te-Yi",2026-10-26T11:00:00Z,40112\n' >"$SCRATCH/eod.csv"
"$ALMAUDIT" audit --rules "$SCRATCH/r" --tz UTC --format csv "$SCRATCH/eod.csv" | cut -d, -f1,3
