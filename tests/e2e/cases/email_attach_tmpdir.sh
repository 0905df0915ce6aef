# The email's csv attachment is staged in $TMPDIR (else /tmp), not where
# tmpfile() puts it whatever TMPDIR says; a $TMPDIR where no file can be
# made falls back to /tmp with a warning, said once, and the message keeps
# its attachment (it was status 2 and no attachment, for a small sample),
# for one message and for each of a split's. A message whose attachment
# cannot be written says so at its top: sortout_tmp_fail.sh.
S=../../samples
export ALMAUDIT_NOW=2026-11-01T13:00:00Z
set -- --tz America/New_York --period 2026-10 --to lts@library.example.edu \
	--from a@library.example.edu --format email $S/jobs-2026-10.csv.gz
hide() { sed "s|$SCRATCH|SCRATCH|g" "$@"; }
mkdir "$SCRATCH/tmp"
TMPDIR=$SCRATCH/tmp "$ALMAUDIT" audit "$@" >"$SCRATCH/m.eml"
echo "TMPDIR a directory: status $?; $(grep -c '^Content-Disposition: attachment' "$SCRATCH/m.eml") attachment"
TMPDIR=$SCRATCH/none "$ALMAUDIT" audit "$@" >"$SCRATCH/m.eml" 2>"$SCRATCH/e.txt"
echo "TMPDIR missing: status $?; $(grep -c '^Content-Disposition: attachment' "$SCRATCH/m.eml") attachment"
hide "$SCRATCH/e.txt"
grep 'could not be attached' "$SCRATCH/m.eml" | hide
TMPDIR=$SCRATCH/none "$ALMAUDIT" audit --split unit -o "$SCRATCH/mail" "$@" >"$SCRATCH/l.txt" 2>"$SCRATCH/e.txt"
echo "split, TMPDIR missing: status $?; $(wc -l <"$SCRATCH/l.txt") files listed"
echo "$(grep -l 'could not be attached' "$SCRATCH"/mail/*.eml | wc -l) of $(ls "$SCRATCH"/mail | wc -l) messages say so"
hide "$SCRATCH/e.txt" | sort | uniq -c
