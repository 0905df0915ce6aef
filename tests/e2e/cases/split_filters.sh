# --split unit with a filter: each unit's report would show only what the
# filter lets through and read "Findings none" for a unit whose findings it
# hid (no count of them per unit), so every unit head would get an
# all-clear. The combination is a usage error, also when --split comes from
# a config file, and no file is written.
S=../../samples
in="$S/jobs-2026-10.csv.gz $S/jobs-2026-10-ui.csv.gz"
for f in "--user Armitage" "--unit ITS" "--finding unapproved" "--job delete-bib-records" \
	"--min-records 100" "--status Failed" "--grep HD"; do
	"$ALMAUDIT" audit --tz America/New_York --period 2026-10 --split unit -o "$SCRATCH/units" \
		$f $in
	echo "$f: status $?"
done
printf -- '--split unit\n' >"$SCRATCH/almaudit.conf"
"$ALMAUDIT" audit --config "$SCRATCH/almaudit.conf" --tz America/New_York --period 2026-10 \
	-o "$SCRATCH/units" --user Armitage $in 2>"$SCRATCH/config.err"
echo "config: status $?"
# the --split the config gave, at its line
sed "s|$SCRATCH|SCRATCH|" "$SCRATCH/config.err"
ls "$SCRATCH/units" 2>&1 | sed "s|$SCRATCH|SCRATCH|"
