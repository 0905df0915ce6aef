# The command line wins over the config (SPEC section 4): its choice leaves
# out the config's option that would conflict with it, where both were an
# error: --summary on the command line with a config's --format email, and
# --since/--until with a config's --period (and --period with a config's
# --since); noted with --verbose. Both from the config stay an error.
S=../../samples
export ALMAUDIT_NOW=2026-11-02T12:00:00Z
C=$SCRATCH/p.conf
printf -- '--tz UTC\n--period last-month\n--format email\n--to a@example.edu\n' >"$C"
"$ALMAUDIT" audit --config "$C" --verbose --summary --since 2026-10-05 --until 2026-10-06 \
	$S/jobs-2026-10.csv.gz 2>&1 | sed "s|$SCRATCH|SCRATCH|g" | head -5
"$ALMAUDIT" audit --config "$C" --since 2026-10-05 --until 2026-10-06 $S/jobs-2026-10.csv.gz |
	grep '^Subject:'
printf -- '--tz UTC\n--since 2026-10-05\n' >"$C"
"$ALMAUDIT" runs --config "$C" --verbose --summary --period 2026-10 $S/jobs-2026-10.csv.gz 2>&1 |
	sed "s|$SCRATCH|SCRATCH|g" | head -2
"$ALMAUDIT" fetch --config "$C" --verbose --period 2026-10 -o "$SCRATCH/h.json.gz" 2>&1 |
	sed "s|$SCRATCH|SCRATCH|g" | head -1
printf -- '--tz UTC\n--since 2026-10-05\n--period 2026-10\n' >"$C"
"$ALMAUDIT" audit --config "$C" $S/jobs-2026-10.csv.gz 2>"$SCRATCH/e.txt"
echo "both from the config: status $?"
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/e.txt"
# a filter on the command line asks for one report: a config's --split unit
# is left out, and its -o (the split's directory) with it
printf -- '--tz UTC\n--split unit\n-o %s/monthly\n' "$SCRATCH" >"$C"
"$ALMAUDIT" audit --config "$C" --verbose --user Lindqvist $S/jobs-2026-10.csv.gz 2>&1 |
	sed "s|$SCRATCH|SCRATCH|g" | head -3
echo "monthly: $(ls -d "$SCRATCH/monthly" 2>&1 | sed 's/.*: //')"
