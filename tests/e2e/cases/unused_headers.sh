# Headers not read that look like a column by a word of them ("Start
# Date", "End Date", "Records Processed", "User Name") are named on the
# input line, each with the --column that would read it (at most three,
# never for a column the header already has); with no time column, the
# error gives the --column for the first that looks like a time.
cd "$SCRATCH" || exit 2
ln -s "$OLDPWD/../../rules" rules # named the same wherever the case runs
run() {
	"$ALMAUDIT" audit --rules rules --tz America/New_York --period 2026-10-14 "$@"
	echo "status: $?"
}
cat >jobs.csv <<'CSV'
Process ID,Job Name,Job Type,Submitted By,Submitted By Name,Start Date,End Date,Records Processed,Notes
6100000000000001,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 09:03,2026-10-14 09:20,900,weeding
CSV
run --summary jobs.csv
run --column "start_time=Start Date" jobs.csv
# a time already read: "Updated Date" is no other time; "Records Failed" no count;
# "Full Name" the user's name, "Logical Set" the set
cat >more.csv <<'CSV'
id,name,type,submitted_by,start_time,Updated Date,Records Failed,Full Name,Logical Set
6100000000000001,Withdraw items - weeding,MANUAL,80120002,2026-10-14 09:03,2026-10-14,0,"Reid, Cindy",Weed
CSV
run more.csv
