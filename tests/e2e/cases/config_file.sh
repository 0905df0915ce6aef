# --config FILE (or $ALMAUDIT_CONFIG): options one a line, as on the command
# line; '#' comments and blank lines skipped; a value is the rest of the line
# (spaces and commas kept, one pair of quotes dropped); the command line comes
# after and wins. A config serves every command: what the command or format
# at hand cannot use is left out. Errors at FILE:LINE.
S=$(pwd)/../../samples
export ALMAUDIT_RULES="$(pwd)/../../rules"
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
export ALMAUDIT_NOW=2026-11-01T11:00:00Z
cp "$S/jobs-2026-10.csv.gz" jobs.csv.gz
cat >almaudit.conf <<EOF2
# the monthly audit
--tz America/New_York
--period this-month

--sandbox $S/sandbox-2026-10.csv.gz
--format email
--to "LTS Systems <lts-systems@library.example.edu>"
--from=almaudit@library.example.edu
--subject   Alma jobs, monthly
--finding no-signoff
EOF2
echo "== the config alone, but for --period 2026-10"
"$ALMAUDIT" audit --config almaudit.conf --period 2026-10 jobs.csv.gz >mail.eml
echo "status: $?"
grep -E '^(To|From|Subject):' mail.eml
echo "== --format text, --summary and --period 2026-10 on the command line win; --to is left out"
"$ALMAUDIT" audit --config almaudit.conf --format text --summary --period 2026-10 \
	jobs.csv.gz
echo "status: $?"
echo "== \$ALMAUDIT_CONFIG, and runs with the same config (its --format email, --to and"
echo "   --subject left out; its --finding kept)"
ALMAUDIT_CONFIG=almaudit.conf "$ALMAUDIT" runs --period 2026-10 --id 6100000325193941 \
	jobs.csv.gz
echo "status: $?"
echo "== the config's period alone: November has no runs in this export"
"$ALMAUDIT" audit --config almaudit.conf --format text --summary jobs.csv.gz
echo "status: $?"
echo "== errors at FILE:LINE"
cat >bad.conf <<'EOF2'
--tz
--bogus 12
jobs.csv.gz
--summary yes
   # an indented comment
--config other.conf
-x
EOF2
"$ALMAUDIT" audit --config bad.conf jobs.csv.gz
echo "status: $?"
"$ALMAUDIT" audit --config no-such.conf jobs.csv.gz
echo "status: $?"
"$ALMAUDIT" audit jobs.csv.gz --config
echo "status: $?"
