# A title line above the header (Excel's, a report tool's): up to three
# are skipped, each a warning at its line and named on the input line, when
# the next line reads as a header; a semicolon export's delimiter is found
# past its title. A first line that is neither a title nor a header, a line
# above the header that could be data (a number in the id column), or a
# fourth title: refused as before, at line 1.
cd "$SCRATCH" || exit 2
ln -s "$OLDPWD/../../rules" rules # named the same wherever the case runs
run() {
	"$ALMAUDIT" audit --rules rules --tz America/New_York --period 2026-10-14 "$@"
	echo "status: $?"
}
header=id,name,type,submitted_by,submitted_by_desc,start_time,total_records
row='6100000000000001,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 09:03,900'
printf 'Monitor Jobs - exported 2026-11-01\n%s\n%s\n' "$header" "$row" >comma.csv
run comma.csv
# two titles, one of several cells, in a semicolon export
printf 'Monitor Jobs;exported 2026-11-01;;;\n\nInstitution: Harvard;;;\n%s\n%s\n' \
	"$(echo "$header" | tr , ';')" "$(echo "$row" | sed 's/,/;/g; s/Reid; Cindy/Reid, Cindy/')" >semi.csv
run semi.csv
# a header lacking a column, not a title: as before
printf 'job_id,name,submitted_by,start_time\n%s\n' "$row" >partial.csv
run --summary partial.csv
# a line of data above the header could be data: not skipped
printf '%s\n%s\n%s\n' "$row" "$header" "$row" >data_first.csv
run --summary data_first.csv
# four titles: more than are skipped
printf 'A\nB\nC\nD\n%s\n%s\n' "$header" "$row" >four.csv
run --summary four.csv
