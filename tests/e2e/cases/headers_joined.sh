# Exports joined with cat whose headers differ (spec section 1): a header
# inside the file in another column order, or spelled in another case and
# spacing, is a header, not a row of data: the rows after it are read by
# it (a 40,000-record withdrawal is a damaging-large-set, not 100 records;
# two text columns swapped are read where they are), it starts the next
# export (its span is its own), and the input line says how many exports
# were joined and that one was read by its own header. A header inside
# the file that lacks a required column is an error at its line (exit 2):
# the rows under it are rejected, counted, until a header that reads.
# Slash dates held undecided across such a header are read by the header
# they came under.
cd "$SCRATCH" || exit 2
cp -R "$OLDPWD/../../rules" r
R=r
a() { "$ALMAUDIT" audit --rules "$R" --tz America/New_York "$@"; echo "status: $?"; }
cat >a.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,progress,total_records
6100000000000001,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 09:03,100,900
CSV
cat >b.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,total_records,progress
6100000000000002,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 10:03,40000,100
CSV
echo "== columns in another order"
cat a.csv b.csv >ab.csv
a --period 2026-10-14 ab.csv
echo "== the header in another case and spacing, then the first again"
cat >c.csv <<'CSV'
JOB INSTANCE ID,JOB NAME,TYPE,SUBMITTED BY,SUBMITTED BY NAME,START TIME,PROGRESS,TOTAL RECORDS
6100000000000003,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",2026-10-14 11:03,100,30000
CSV
cat a.csv c.csv a.csv b.csv >acab.csv
a --period 2026-10-14 acab.csv | grep -E '^(Input|Rows|Headers|Findings|status)' 
echo "== two text columns swapped"
cat >d.csv <<'CSV'
id,submitted_by_desc,type,submitted_by,name,start_time,progress,total_records
6100000000000004,"Reid, Cindy",MANUAL,80120002,Withdraw items - weeding,2026-10-14 12:03,100,20
CSV
cat a.csv d.csv >ad.csv
"$ALMAUDIT" runs --rules "$R" --tz America/New_York --period 2026-10-14 ad.csv
echo "status: $?"
echo "== a header inside the file without the name column"
cat >e.csv <<'CSV'
id,type,submitted_by,submitted_by_desc,start_time,progress,total_records
6100000000000005,MANUAL,80120002,"Reid, Cindy",2026-10-14 13:03,100,30000
6100000000000006,MANUAL,80120002,"Reid, Cindy",2026-10-14 13:04,100,30000
CSV
cat a.csv e.csv b.csv >aeb.csv
a --period 2026-10-14 --rejects rejects.csv aeb.csv 2>&1
cat rejects.csv
echo "== slash dates held across a header in another order"
cat >s.csv <<'CSV'
id,name,type,submitted_by,submitted_by_desc,start_time,progress,total_records
6100000000000011,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",10/05/2026 09:03,100,900
id,name,type,submitted_by,submitted_by_desc,total_records,progress,start_time
6100000000000012,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",40000,100,10/05/2026 10:03
6100000000000013,Withdraw items - weeding,MANUAL,80120002,"Reid, Cindy",50000,100,25/05/2026 10:03
CSV
"$ALMAUDIT" runs --rules "$R" --tz America/New_York s.csv
echo "status: $?"
