# The README's main command on the API's JSON instead of the CSV export:
# the input line says what it read, the report names the damaging jobs whose
# counters gave no record count and says that sets were inferred.
"$ALMAUDIT" audit --tz America/New_York --period 2026-10 --sandbox ../../samples/sandbox-2026-10.csv.gz \
	../../samples/jobs-2026-10-api.json.gz
echo "status: $?"
