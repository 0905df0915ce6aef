# The email (spec section 5): multipart/mixed, the text and html report as
# multipart/alternative, then the findings as a csv attachment, exactly
# what --format csv writes for the same run; To folded between addresses
# (RFC 5322), no header line over 78 characters; a long subject in UTF-8 as
# encoded words cut at characters' starts, a unit's keeping ": UNIT". The
# message's headers and the headers of its parts, and what differs.
S=../../samples
export ALMAUDIT_NOW=2026-11-01T13:00:00Z
set -- --tz America/New_York --period 2026-10 --sandbox $S/sandbox-2026-10.csv.gz $S/jobs-2026-10.csv.gz
mime() { # the message's header and each part's header lines
	awk 'NR == 1 || /^--=_almaudit/ { head = 1 } head { print } /^$/ { head = 0 }' "$1"
}
"$ALMAUDIT" audit --format email --to "LTS <lts@library.example.edu>" --from a@library.example.edu \
	"$@" >"$SCRATCH/m.eml"
echo "status: $?"
mime "$SCRATCH/m.eml"
"$ALMAUDIT" audit --format csv "$@" >"$SCRATCH/m.csv"
python3 - "$SCRATCH/m.eml" "$SCRATCH/m.csv" <<'PY'
import email, email.policy, sys
msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
att = [p for p in msg.iter_parts() if p.get_filename()][0]
print("attachment is --format csv:", att.get_payload(decode=True) == open(sys.argv[2], "rb").read())
PY
echo "== 40 addresses and a long subject, a message per unit"
mkdir "$SCRATCH/rules" && cp ../../rules/*.csv "$SCRATCH/rules/"
to=$(seq -f 'gut-%02g@library.example.edu' 0 39 | paste -sd, - | sed 's/,/, /g')
sed -i "s/^GUT,,$/GUT,Gutman Library,\"$to\"/" "$SCRATCH/rules/units.csv"
subject=$(i=0; while [ $i -lt 12 ]; do printf 'Prüfung der Aufträge – Oktober '; i=$((i+1)); done)
"$ALMAUDIT" audit --rules "$SCRATCH/rules" --format email --to lts@library.example.edu \
	--from a@library.example.edu --subject "$subject" --split unit -o "$SCRATCH/mail" "$@" >/dev/null
echo "status: $?"
sed -n '/^To:/,/^Date:/p' "$SCRATCH/mail/GUT.eml"
python3 - "$SCRATCH/mail" <<'PY'
import email, email.policy, os, sys
longest, subjects = 0, []
for name in sorted(os.listdir(sys.argv[1])):
    raw = open(os.path.join(sys.argv[1], name), "rb").read()
    longest = max([longest] + [len(l) for l in raw.partition(b"\n\n")[0].split(b"\n")])
    subjects.append(str(email.message_from_bytes(raw, policy=email.policy.default)["Subject"]))
print("messages:", len(subjects), "distinct subjects:", len(set(subjects)), "longest header line:", longest)
print("GUT's subject ends:", subjects[[i for i, s in enumerate(subjects) if s.endswith(": GUT")][0]][-40:])
PY
