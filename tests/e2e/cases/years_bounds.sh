# The years 1900 to 9999 bound what is read and what is written, and the
# message says so at the bound: --period, --since and --until with a year
# outside them (they got "wants a date as ..."), $ALMAUDIT_NOW in 1899 (it
# got "not an ISO 8601 instant"), a time whose local date is past 9999 in
# the zone (9999-12-31T23:59:59Z in Pacific/Kiritimati showed as
# "10000-01-01 13:59", and a mail made then was dated year 10000): such a
# row is rejected, saying why, and such a "now" is an error.
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
cat >jobs.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records,set_name
101,Change Physical Items,MANUAL,999,"Nobody, X",9999-12-31T23:59:59Z,COMPLETED_SUCCESS,20,a
102,Change Physical Items,MANUAL,999,"Nobody, X",9999-12-31T09:00:00Z,COMPLETED_SUCCESS,20,a
103,Change Physical Items,MANUAL,999,"Nobody, X",1900-01-01T00:00:00Z,COMPLETED_SUCCESS,20,a
CSV
R=$(cd "$OLDPWD/../../rules" && pwd)
A() { "$ALMAUDIT" audit --rules "$R" "$@"; }
for a in "--period 1899-12" "--period 1899" "--period 10000-Q1" "--since 1899-12-31" \
	"--until 10000-01-01" "--until 12/31/1899" "--since 1899-12-31T09:00" \
	"--tz Pacific/Kiritimati --until 9999-12-31T23:59:59Z"; do
	A $a jobs.csv >/dev/null
	echo "$a: $?"
done
ALMAUDIT_NOW=1899-12-31T23:00:00Z A jobs.csv >/dev/null
echo "ALMAUDIT_NOW in 1899: $?"
ALMAUDIT_NOW=9999-12-31T23:59:59Z A --tz Pacific/Kiritimati --period 9999-12 --format email \
	--to a@example.edu jobs.csv >m.eml
echo "now 10000-01-01 in Pacific/Kiritimati: $?; $(wc -c <m.eml) bytes of mail"
echo "== the runs in Pacific/Kiritimati and in America/New_York"
for z in Pacific/Kiritimati America/New_York; do
	A --tz $z --rejects rej.csv jobs.csv 2>/dev/null | grep -E '^(Runs seen|10[123] )' | cut -c1-44
	sed '1d' rej.csv | cut -d'"' -f1,2
done
