# A messy UI export (BOM, CRLF, a repeated header, damaged rows): rejected
# rows are counted by reason and written with --rejects; formulas neutralised.
"$ALMAUDIT" audit --tz America/New_York --rejects "$SCRATCH/rejects.csv" data/messy.csv
status=$?
cat "$SCRATCH/rejects.csv"
exit $status
