# Inputs that cannot be read: each named, the others still read, exit 2.
"$ALMAUDIT" audit data/no-id.csv data/empty.csv data/missing.csv data/small.csv
echo "status: $?"
# The report says in its own text what went wrong (a mail reader sees no
# standard error): a directory, and in --summary and json too.
"$ALMAUDIT" audit --summary data/missing.csv data/bad-rules data/small.csv
echo "status: $?"
"$ALMAUDIT" audit --format json data/missing.csv data/no-id.csv data/small.csv | grep '^"summary"'
