# The part of the review one unit head gets: --unit GUT shows the GUT
# people only (Julie Petzold is in HKS/GUT); --user and --job narrow it.
S=../../samples
R="--tz America/New_York --period 2026-10 --sandbox $S/sandbox-2025-11-to-2026-10.csv.gz"
run() {
	echo "== $*"
	"$ALMAUDIT" "$@"
	echo "status: $?"
}
run review $R --unit GUT $S/jobs-2026-10.csv.gz
# the approvals that grant import-multiple-formats (directly or through includes), for ITS
run review $R --unit its --job import-multiple-formats $S/jobs-2026-10.csv.gz
# one person: every approval used, tested or undated
run review $R --user "Lee, Te-Yi" --job "Batch item withdrawals" $S/jobs-2026-10.csv.gz
