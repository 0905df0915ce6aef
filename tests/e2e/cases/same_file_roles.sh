# The same file given with --sandbox and as production history is read in
# both roles, as a copy of it would be: the production runs are audited, not
# dropped as "read once" with an all-clear. The same file twice in one role
# is still read once.
D=data
echo "== one file, sandbox and production"
"$ALMAUDIT" audit --format csv --sandbox $D/copies-b.csv $D/copies-b.csv
echo "status: $?"
"$ALMAUDIT" audit --summary --sandbox $D/copies-b.csv $D/copies-b.csv
echo "status: $?"
echo "== a copy of it, sandbox and production: the same report"
cp $D/copies-b.csv "$SCRATCH/copy.csv"
"$ALMAUDIT" audit --summary --sandbox "$SCRATCH/copy.csv" $D/copies-b.csv
echo "status: $?"
echo "== twice as sandbox: read once"
"$ALMAUDIT" audit --summary --sandbox $D/copies-b.csv --sandbox $D/copies-b.csv $D/copies-a.csv
echo "status: $?"
