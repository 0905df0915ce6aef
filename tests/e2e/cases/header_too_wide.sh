# A header of more columns than are read (1,024): said at line 1 with how
# many it has, never a false "missing required column" for a column past
# the limit (id at column 1,101); the file is not read (exit 2).
cd "$SCRATCH" || exit 2
awk 'BEGIN {
	for (i = 1; i <= 1100; i++) { h = h "c" i ","; d = d "x," }
	print h "id,name,submitted_by,start_time"
	print d "61,Withdraw items,u,2026-10-14 09:00"
}' >wide.csv
"$ALMAUDIT" audit --rules "$OLDPWD/../../rules" --summary wide.csv
echo "status: $?"
