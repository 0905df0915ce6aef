# --summary says what the full report's header says about the check that
# could not be made (an export with no record count column) and about a
# file named twice, since a chat message or short mail is all its reader
# sees: asked only for damaging-large-set, the summary must not read as
# "0 runs" without saying the check was not made.
D=data
"$ALMAUDIT" audit --summary --finding damaging-large-set $D/nocount.csv
echo "status: $?"
"$ALMAUDIT" audit --summary $D/copies-a.csv $D/nocount.csv ./$D/copies-a.csv
echo "status: $?"
