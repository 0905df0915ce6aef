# Excel's "sep=;" line above a header in another language, its columns
# named with --column: the header was read only when half its cells named
# a column (6 of 14 here), so the run stopped on "the file has no header
# 'Job-Instanz-ID'", which is on line 2. Under "sep=" alone, any row that
# names a column is the header.
printf 'sep=;\r\nJob-Instanz-ID;Job-ID;Jobname;Jobkategorie;Jobtyp;Eingereicht von;Name des Einreichenden;Einreichungsdatum;Startzeit;Endzeit;Status;Fortschritt;Anzahl der Datensätze;Set-Name\r\n7600000000000001;M26720;Withdraw items;Physische Exemplare;Manuell;u1;Lee, Te-Yi;2026-10-26 10:00;2026-10-26 10:00;2026-10-26 10:05;Abgeschlossen;100;40.112;Aussonderung\r\n' >"$SCRATCH/sep.csv"
"$ALMAUDIT" audit --tz Europe/Berlin --format csv --column id=Job-Instanz-ID --column name=Jobname \
	--column submitted_by="Eingereicht von" --column submitted_by_desc="Name des Einreichenden" \
	--column start_time=Startzeit \
	"$SCRATCH/sep.csv" 2>&1 | sed "s|$SCRATCH/||" | cut -d, -f1-5
# a title line that is not "sep=": the header must still read as one
printf 'Monitor Jobs\r\nJob-Instanz-ID;Jobname;Eingereicht von;Name des Einreichenden;Startzeit;Status;Fortschritt;Set-Name;Endzeit;Jobtyp\r\n' >"$SCRATCH/title.csv"
"$ALMAUDIT" audit --tz Europe/Berlin --column id=Job-Instanz-ID --column name=Jobname \
	--column submitted_by_desc="Name des Einreichenden" --column start_time=Startzeit \
	"$SCRATCH/title.csv" 2>&1 | sed "s|$SCRATCH/||" | head -2
