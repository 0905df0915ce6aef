# Every run counts once (spec section 3): copies of a run in overlapping
# exports are audited once and their findings are the union of the copies,
# whichever file comes first; unknown-size only when no copy gives a count;
# the same file named twice is read once, with a warning.
D=data
echo "== a then b"
"$ALMAUDIT" audit --format csv $D/copies-a.csv $D/copies-b.csv
echo "status: $?"
echo "== b then a"
"$ALMAUDIT" audit --format csv $D/copies-b.csv $D/copies-a.csv
echo "status: $?"
echo "== text, a then b"
"$ALMAUDIT" audit $D/copies-a.csv $D/copies-b.csv
echo "status: $?"
echo "== a alone: the running copies"
"$ALMAUDIT" audit --format csv $D/copies-a.csv
echo "status: $?"
echo "== the same file twice, by two names"
ln -s "$(pwd)/$D/copies-a.csv" "$SCRATCH/link.csv"
"$ALMAUDIT" audit --format json $D/copies-a.csv "$SCRATCH/link.csv" >"$SCRATCH/report.txt" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/report.txt"
"$ALMAUDIT" audit --period 2026-10 $D/copies-a.csv "$SCRATCH/link.csv" >"$SCRATCH/report.txt" 2>&1
echo "status: $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/report.txt" | head -8
echo "== an export with no record count column"
"$ALMAUDIT" audit $D/nocount.csv
echo "status: $?"
"$ALMAUDIT" runs $D/nocount.csv
echo "status: $?"
