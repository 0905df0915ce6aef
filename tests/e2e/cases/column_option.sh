# Headers of any name, mapped with --column.
"$ALMAUDIT" runs --tz America/New_York --column id=Ref_No --column name=task \
	--column submitted_by_desc=Who --column start_time=When data/odd-headers.csv
"$ALMAUDIT" runs data/odd-headers.csv
echo "without --column: $?"
