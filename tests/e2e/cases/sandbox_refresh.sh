# Sandbox runs that are no evidence (spec section 3). A sandbox run whose
# id is also a production run's is a copy (a refresh copied production's
# history), never evidence: Hartnett's withdrawal of 8 October is
# unapproved, not "tested in sandbox" on 3 October. --sandbox-refreshed
# DATE (or its config line) sets aside the sandbox runs dated before DATE:
# her norm-rules test of April is production's history once the sandbox
# was refreshed in May; the header counts them, the detail says so.
d=data/refresh
a() { "$ALMAUDIT" audit --tz UTC --sandbox $d/sandbox.csv "$@" $d/prod.csv; echo "status: $?"; }
a
a --sandbox-refreshed 2026-05-01
a --summary --sandbox-refreshed 2026-03-01 --sandbox-refreshed 2026-05-01
"$ALMAUDIT" audit --format json --tz UTC --sandbox $d/sandbox.csv --sandbox-refreshed 2026-05-01 \
	$d/prod.csv | grep -o '"sandbox":{[^}]*}'
printf -- '--sandbox-refreshed 2026-05-01\n' >"$SCRATCH/almaudit.conf"
"$ALMAUDIT" runs --explain --tz UTC --config "$SCRATCH/almaudit.conf" --sandbox $d/sandbox.csv \
	--id 8600000000033941 $d/prod.csv | grep 'verdict\|sandbox:'
"$ALMAUDIT" audit --sandbox-refreshed 2026-13-01 $d/prod.csv
echo "status: $?"
