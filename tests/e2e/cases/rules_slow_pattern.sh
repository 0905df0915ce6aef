# rules check probes every job pattern and every sets pattern with
# adversarial names (long runs of the pattern's characters, then a '!')
# and warns, at the pattern's file and line, about one that backtracks
# catastrophically: it would reject rows ("pattern limit") or slow every
# row. A warning, not an error: the rules still load (exit 0).
cp -r data/explain-rules "$SCRATCH/r"
cd "$SCRATCH" || exit 2
cat >>r/jobs.csv <<'CSV'
nested,Items,Nested repeats,no,,^(a+)+$,
words,Items,Words,no,,^(\w+\s?)+$,
fine,Items,Fine,no,,^Fine(?: - |$),
CSV
cat >>r/approvals.csv <<'CSV'
withdraw,Honor Moody,,,^(\d+)*x,,
change,Honor Moody,,,^(\d+)*x,,
change,Vardit Samuels,,,^GUT ,,
CSV
"$ALMAUDIT" rules check --rules r
echo "status: $?"
