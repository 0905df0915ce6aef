# --summary says what the full report's header says about the check that
# could not be made (an export with no record count column) and about a
# file named twice, since a chat message or short mail is all its reader
# sees: asked only for damaging-large-set, the summary must not read as
# "0 runs" without saying the check was not made; the run it could not
# judge is a WARNING on top, and the exit status is 1, not 0.
D=data
"$ALMAUDIT" audit --summary --finding damaging-large-set $D/nocount.csv
echo "status: $?"
"$ALMAUDIT" audit --summary $D/copies-a.csv $D/nocount.csv ./$D/copies-a.csv
echo "status: $?"
