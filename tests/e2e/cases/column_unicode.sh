# --column's header compared as people type it, past ASCII too: a header
# in capitals with an umlaut, or its "ä" written as "a" and a combining
# diaeresis (a Mac keyboard), is the header the file writes. It was
# "no header 'ANZAHL DER DATENSÄTZE' (did you mean 'Anzahl der
# Datensätze'?)", exit 2.
printf 'id;name;submitted_by_desc;start_time;Anzahl der Datensätze\n7400000000000001;Withdraw items;Lee, Te-Yi;2026-10-26T10:00:00Z;40.112\n' >"$SCRATCH/h.csv"
for header in 'ANZAHL DER DATENSÄTZE' "$(printf 'Anzahl der Datensa\314\210tze')" 'anzahl_der_datensätze'; do
	"$ALMAUDIT" audit --tz UTC --format csv --column total_records="$header" "$SCRATCH/h.csv" |
		cut -d, -f1,2
done
"$ALMAUDIT" audit --tz UTC --column total_records='Anzahl der Sätze' "$SCRATCH/h.csv" 2>&1 |
	sed "s|$SCRATCH/||"
