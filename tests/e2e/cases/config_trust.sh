# A config that others than its owner may change is refused, as ssh
# refuses such files: it can send fetch's API key to another host
# (--base-url) or make an audit clean (--rules, --waivers). Refused, exit
# 2, naming the mode and the chmod that fixes it: a config of mode 0666 or
# 0664 (as $ALMAUDIT_CONFIG too, and for fetch before any key is read), a
# config in a directory of mode 0777 or 0775 without the sticky bit, and a
# link to a config in such a directory; taken: mode 0644 in a sticky 1777
# directory (as /tmp), 0600, 0644 in a 0755 directory, and /dev/null
# (mode 0666, but it reads empty).
unset ALMA_API_KEY ALMA_SANDBOX_API_KEY ALMAUDIT_CONFIG
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
chmod 0755 .
real=$(pwd -P)
run() {
	echo "== almaudit $*"
	"$ALMAUDIT" "$@" 2>"$SCRATCH/e.txt"
	echo "status: $?"
	sed "s|$real|W|g" "$SCRATCH/e.txt" >&2
}
# a clean bill from rules that hold nothing but a job
mkdir clean
printf 'job,scope,title,damaging,large_set,match,includes\nx,Items,X,no,,^X$,\n' >clean/jobs.csv
printf 'name,unit,alma_ids,aliases\n' >clean/staff.csv
printf 'job,staff,signed_off,revoked,sets,ticket,note\n' >clean/approvals.csv
printf -- '--rules clean\n' >c.conf
chmod 0666 c.conf
run rules jobs --config c.conf
ALMAUDIT_CONFIG=c.conf run rules jobs
printf -- '--base-url http://127.0.0.1:9\n' >f.conf
chmod 0664 f.conf
run fetch --config f.conf --period 2026-10 -o out.json.gz
chmod 0600 c.conf
run rules jobs --config c.conf
chmod 0644 c.conf
run rules jobs --config c.conf
echo "== a directory others may write to"
mkdir open && cp c.conf open/ && chmod 0777 open
run rules jobs --config open/c.conf
chmod 0775 open
run rules jobs --config open/c.conf
ln -s open/c.conf link.conf
run rules jobs --config link.conf
echo "== a sticky directory (as /tmp): others cannot replace the owner's file"
chmod 1777 open
run rules jobs --config open/c.conf
echo "== /dev/null: no config"
run rules jobs --config /dev/null --rules clean
