# Slash dates that no date proves month or day first (all 1st to 12th):
# the reading that puts them closest together is taken (an export covers a
# stretch of days), said at the top as a WARNING naming the file, the
# reading and what the other would give. Twelve day-first dates 01/10 to
# 12/10 are October 1 to 12, not eleven months (under --period 2026-10 they
# are all audited); one date, as compact either way, is month first, said
# when the two readings put it on other days, not when they agree.
ALMAUDIT_RULES=$PWD/../../rules
export ALMAUDIT_RULES
cd "$SCRATCH" || exit 2
ui() {
	echo 'Job Instance ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Time,Status,Number of Records'
	for d in $(seq -w "$1" "$2"); do
		echo "50$d,Withdraw items,Manual,aadams,\"Adams, Anne\",$d/$3/2026 10:00,Completed Successfully,20"
	done
}
ui 1 12 10 >eu.csv
"$ALMAUDIT" audit --tz Europe/Berlin --period 2026-10 --summary eu.csv 2>/dev/null
echo "status: $?"
"$ALMAUDIT" audit --tz Europe/Berlin --period 2026-10 eu.csv 2>&1 | grep -E '^(almaudit|Input|Rows)'
echo "== month first, most compact"
ui 10 10 01 >us.csv
ui 10 10 03 | tail -n 1 >>us.csv
"$ALMAUDIT" audit --tz Europe/Berlin --summary us.csv 2>/dev/null | head -1
echo "== one date"
ui 3 3 10 >one.csv
"$ALMAUDIT" audit --tz Europe/Berlin --summary one.csv 2>/dev/null | head -1
ui 5 5 05 >same.csv
"$ALMAUDIT" audit --tz Europe/Berlin --summary same.csv 2>/dev/null | head -1
