# -o and --rejects naming a descriptor through a link (/dev/stdout,
# /dev/stderr, a link to /proc/self/fd/N) are refused, whatever the
# descriptor is (a pipe; a regular file, whose link in /dev the rename
# would have replaced), with the hint of the option named.
ALMAUDIT_RULES=$(cd "$ALMAUDIT_RULES" && pwd) && export ALMAUDIT_RULES
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
cat >jobs.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name
101,Change Physical Items,MANUAL,801,"Petzold, Julie",2026-10-02T14:00:00Z,COMPLETED_SUCCESS,20,a
bad row
CSV
A() { "$ALMAUDIT" audit "$@"; }
A --rejects /dev/stderr jobs.csv 2>&1 >/dev/null | cat
A -o /dev/stdout jobs.csv 2>&1 | cat
ln -s /proc/self/fd/1 to-stdout
A --rejects to-stdout jobs.csv >file 2>err
echo "status: $?"
cat err
[ -L to-stdout ] && echo "to-stdout is still a link"
A -o to-stdout jobs.csv >file 2>err
echo "status: $?"
cat err
