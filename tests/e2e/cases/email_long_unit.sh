# A unit code of 40 characters or more, with --since/--until, makes the
# longest attachment name (almaudit-findings-FIRST-to-LAST-UNIT.csv.gz,
# the code cut to 40): the message's header lines stay within 78
# characters, the attachment part's file name line does not (up to 102,
# within RFC 5322's 998), and almaudit-audit(1) says both bounds. (It
# said no header line was over 78.)
S=../../samples
export ALMAUDIT_NOW=2026-11-01T13:00:00Z
long=GUT_Gutman_Library_Special_Collections_Reading_Room
mkdir "$SCRATCH/rules" && cp ../../rules/*.csv "$SCRATCH/rules/"
sed -i "s/,GUT,/,$long,/; s/^GUT,/$long,/" "$SCRATCH/rules/staff.csv" "$SCRATCH/rules/units.csv"
"$ALMAUDIT" audit --rules "$SCRATCH/rules" --format email --to lts@library.example.edu \
	--from a@library.example.edu --split unit -o "$SCRATCH/mail" --tz America/New_York \
	--since 2026-10-01 --until 2026-10-31 $S/jobs-2026-10.csv.gz >/dev/null
echo "status: $?"
m=$SCRATCH/mail/$long.eml
grep '^ \(file\)\{0,1\}name=' "$m"
header=$(sed '/^$/q' "$m" | awk '{ if (length > n) n = length } END { print n }')
parts=$(awk '/^--=_almaudit/ { head = 1; next } head && /^$/ { head = 0 } head { if (length > n) n = length } END { print n }' "$m")
echo "longest line of the message's header: $header; of a part's header: $parts"
man=../../man/almaudit-audit.1
said=$(tr '\n' ' ' <$man | sed -n 's/.*no line of the message.s header is over \([0-9]*\) characters.*up to \([0-9]*\) characters.*/\1 \2/p')
echo "almaudit-audit(1) bounds them at: ${said:-(nothing said)}"
set -- $said
[ -n "$said" ] && [ "$header" -le "$1" ] && [ "$parts" -le "$2" ] && [ "$2" -le 998 ] ||
	echo "almaudit-audit(1) does not hold"
