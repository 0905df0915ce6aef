# The monthly cycle's pieces together: a config holding --waivers,
# --baseline and --split (runs leaves them out); a split with the waivers
# and the baseline per unit; a file of the split that is an input, refused;
# a file an earlier run left for a unit without runs now, warned about; a
# split killed while it reads leaves no file, nor the directory it made.
S=$(pwd)/../../samples
export ALMAUDIT_RULES="$(pwd)/../../rules"
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
ln -s "$S" samples
S=samples
export ALMAUDIT_NOW=2026-11-01T11:00:00Z
in="$S/jobs-2026-10.csv.gz $S/jobs-2026-10-ui.csv.gz"
"$ALMAUDIT" audit --tz America/New_York --sandbox "$S/sandbox-2026-10.csv.gz" \
	--since 2026-10-01 --until 2026-10-15 --format json -o prev.json $in
echo "baseline: $?"
cat >almaudit.conf <<EOF2
--tz America/New_York
--sandbox $S/sandbox-2026-10.csv.gz
--waivers $S/waivers-2026-10.csv
--baseline prev.json
--split unit
EOF2
echo "== the second half of October, a report per unit"
"$ALMAUDIT" audit --config almaudit.conf --since 2026-10-16 --until 2026-10-31 -o out $in \
	>list
echo "status: $?"
grep -E '/(ITS|JUD|HYL|all)\.txt|No runs' list
echo "== out/JUD.txt"
sed -n '/^Unit/,/^UNAPPROVED/p' out/JUD.txt
sed -n '/^RESOLVED/,/^$/p' out/JUD.txt
echo "== out/HYL.txt"
sed -n '/^Findings/,/^$/p;/^RESOLVED/,/^$/p' out/HYL.txt
echo "== out/ITS.txt"
sed -n '/^Findings/,/^$/p;/^WAIVED/,/^$/p;/^WAIVERS THAT/,/^$/p' out/ITS.txt | cut -c1-100
echo "== runs with the same config"
"$ALMAUDIT" runs --config almaudit.conf --period 2026-10 --id 6100000192023941 $in
echo "status: $?"
echo "== a file of the split is an input"
mkdir in
cp "$S/jobs-2026-10.csv.gz" in/all.txt
"$ALMAUDIT" audit --config almaudit.conf --period 2026-10 -o in in/all.txt
echo "status: $?"
ls in
echo "== a file left by an earlier run"
echo "September's AEOD report" >out/AEOD.txt
"$ALMAUDIT" audit --config almaudit.conf --since 2026-10-16 --until 2026-10-31 -o out $in \
	>list
echo "status: $?"
grep -E 'No runs' list
cat out/AEOD.txt
echo "== killed while reading: nothing left"
mkfifo fifo
"$ALMAUDIT" audit --config almaudit.conf --period 2026-10 -o killed fifo &
pid=$!
exec 3<>fifo
gzip -dc "$S/jobs-2026-10.csv.gz" | head -5 >&3
i=0
while [ -z "$(ls killed 2>/dev/null)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
{ wait $pid; } 2>/dev/null
echo "killed: status $?"
exec 3>&-
if [ -e killed ]; then echo "killed/ is left:" $(ls -A killed); else echo "no killed/"; fi
