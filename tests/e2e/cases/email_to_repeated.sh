# --to may be given more than once, as several recipients usually are: the
# addresses go in one To: header ("a@x.edu, b@x.edu"), each checked; in a
# config too, and the command line's --to replace the config's. --from and
# --subject stay single: given twice, a usage error.
S=../../samples
export ALMAUDIT_NOW=2026-11-01T13:00:00Z
set -- --tz UTC --period 2026-10 $S/jobs-2026-10.csv.gz
hdr() { sed -n '/^To:/,/^[A-Z][a-z-]*: /p' | sed '$d'; }
"$ALMAUDIT" audit --format email --to a@x.edu --to "B <b@x.edu>" --from m@x.edu "$@" 2>/dev/null | hdr
C=$SCRATCH/c.conf
printf -- '--to c1@x.edu\n--to c2@x.edu\n' >"$C"
chmod 600 "$C"
echo "== the config's two"
"$ALMAUDIT" audit --config "$C" --format email --from m@x.edu "$@" 2>/dev/null | hdr
echo "== the command line's replace them"
"$ALMAUDIT" audit --config "$C" --format email --to a@x.edu --to b@x.edu --from m@x.edu "$@" 2>/dev/null | hdr
echo "== a bad one of them named"
"$ALMAUDIT" audit --format email --to a@x.edu --to b.x.edu --from m@x.edu "$@" >/dev/null 2>"$SCRATCH/e"
echo "status: $?"
grep -v warning "$SCRATCH/e"
"$ALMAUDIT" audit --format email --to a@x.edu --from m@x.edu --from n@x.edu "$@" >/dev/null
echo "status: $?"
