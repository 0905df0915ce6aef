# -o and --rejects are written to a temporary file beside the target and
# renamed over it at the end, so a failed run never leaves a partial file
# under the real name. A run that failed on an input still puts its report
# in place when the report says so itself (INCOMPLETE); a csv cannot say
# it, so there the old report stays, and so does an old rejects file.
data=$(pwd)/data
ALMAUDIT_RULES=$(pwd)/../../rules
export ALMAUDIT_RULES
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
ln -s "$data" data
echo "last month's report" >report.csv
echo "last month's rejects" >rejects.csv
"$ALMAUDIT" audit --format csv -o report.csv --rejects rejects.csv data/small.csv \
	data/truncated.csv.gz data/messy.csv 2>/dev/null
echo "status: $?"
cat report.csv rejects.csv
"$ALMAUDIT" runs --id 42 -o report.csv data/small.csv
echo "status: $?"
cat report.csv
# the text report states what failed: it is put in place
"$ALMAUDIT" audit -o report.txt data/small.csv data/truncated.csv.gz 2>/dev/null
echo "status: $?"
head -3 report.txt
# a run that succeeds replaces the old report
"$ALMAUDIT" audit --format csv -o report.csv data/small.csv
echo "status: $?"
head -1 report.csv
# a run killed while it reads leaves nothing behind
mkdir out
mkfifo fifo
"$ALMAUDIT" runs -o out/runs.txt fifo &
pid=$!
exec 3<>fifo
cat data/small.csv >&3
i=0
while [ -z "$(ls out)" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
kill -TERM $pid
{ wait $pid; } 2>/dev/null
echo "killed: status $?"
exec 3>&-
ls out
echo "end of out/"
ls
