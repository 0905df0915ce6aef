# runs says its ERROR and WARNING lines at its top (spec section 1.2), as
# audit does, though they are known only once every row is read: the text
# listing is spooled to an unnamed scratch file and written after them;
# --summary says them before its tables; csv says them on standard error.
ALMAUDIT_RULES=$PWD/../../rules
export ALMAUDIT_RULES
cd "$SCRATCH" || exit 2
mk() {
	echo id,job_id,name,type,submitted_by,submitted_by_desc,start_time,status,total_records
	for d in $(seq -w "$2" "$3"); do
		echo "$1$d,M1,Change Physical Items,MANUAL,aadams,\"Adams, Anne\",2026-10-$d 10:00,COMPLETED_SUCCESS,5"
	done
}
mk 6 01 03 >a.csv
mk 7 20 21 >b.csv
"$ALMAUDIT" runs --period 2026-10 a.csv b.csv >listing.txt 2>/dev/null
echo "status: $?"
cut -c1-60 listing.txt
"$ALMAUDIT" runs --sort records --period 2026-10 a.csv b.csv 2>/dev/null | cut -c1-60
"$ALMAUDIT" runs --summary --period 2026-10 a.csv b.csv 2>/dev/null | head -3
"$ALMAUDIT" runs --format csv --period 2026-10 a.csv b.csv | cut -d, -f1-2
echo "== the ERROR: --period not reached, --user matching nothing"
"$ALMAUDIT" runs --period 2026-11 --user nobody a.csv >listing.txt 2>/dev/null
echo "status: $?"
cut -c1-60 listing.txt
