# Exit 0 only when there is nothing to look at: no findings and no rejected
# rows. A rejected row may hide a finding (here an unapproved run whose time
# cannot be read), so rejected rows alone give 1, in audit and in runs.
"$ALMAUDIT" audit data/rejected-only.csv
echo "status: $?"
"$ALMAUDIT" audit --summary data/rejected-only.csv
echo "status: $?"
"$ALMAUDIT" runs data/rejected-only.csv
echo "status: $?"
# without the rejected row there is nothing to look at: 0
head -2 data/rejected-only.csv >"$SCRATCH/clean.csv"
"$ALMAUDIT" audit --summary "$SCRATCH/clean.csv"
echo "status: $?"
"$ALMAUDIT" runs "$SCRATCH/clean.csv"
echo "status: $?"
