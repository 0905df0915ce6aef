# Inputs that cannot be read: each named, the others still read, exit 2.
"$ALMAUDIT" audit data/no-id.csv data/empty.csv data/missing.csv data/small.csv
echo "status: $?"
