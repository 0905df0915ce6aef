# What cannot be read twice is read once, whatever names it: a FIFO given
# with --sandbox and as production (a second open waited for a writer
# forever; read as sandbox, no production is left: the coverage ERROR,
# exit 2, never "Findings none"), and "-" with /dev/stdin on a pipe (one
# of them read empty, exit 2). A regular file in both roles is still read in both
# (same_file_roles). timeout: a hang fails the case, not the run.
D=data
mkfifo "$SCRATCH/fifo"
echo "== a FIFO, sandbox and production"
cat $D/copies-b.csv >"$SCRATCH/fifo" &
timeout 20 "$ALMAUDIT" audit --summary --sandbox "$SCRATCH/fifo" "$SCRATCH/fifo" \
	>"$SCRATCH/fifo-out" 2>"$SCRATCH/fifo-err"
echo "status: $?"
wait
sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/fifo-err" "$SCRATCH/fifo-out"
echo "== - and /dev/stdin on a pipe"
cat $D/copies-b.csv | timeout 20 "$ALMAUDIT" audit --summary - /dev/stdin
echo "status: $?"
echo "== /dev/stdin and -"
cat $D/copies-b.csv | timeout 20 "$ALMAUDIT" audit --summary /dev/stdin -
echo "status: $?"
echo "== --sandbox - and /dev/fd/0"
cat $D/copies-b.csv | timeout 20 "$ALMAUDIT" audit --summary --sandbox - /dev/fd/0
echo "status: $?"
