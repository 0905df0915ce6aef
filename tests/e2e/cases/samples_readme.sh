# samples/README.md tells only what the samples hold: every example it quotes
# (in backquotes) under "What is in them" is in the sample exports (a quote
# inside a CSV field is doubled there), and the statuses the samples hold.
readme=../../samples/README.md
data=$SCRATCH/samples.csv
gzip -dc ../../samples/*.csv.gz >"$data"
sed -n '/^## What is in them/,/^## /p' "$readme" | tr '\n' ' ' | tr -s ' ' |
	grep -o '`[^`]*`' | tr -d '`' | sort -u >"$SCRATCH/quoted"
while IFS= read -r q; do
	doubled=$(printf '%s' "$q" | sed 's/"/""/g')
	if grep -qF -- "$q" "$data" || grep -qF -- "$doubled" "$data"; then
		echo "in the samples: $q"
	else
		echo "NOT in the samples: $q"
	fi
done <"$SCRATCH/quoted"
echo "statuses:"
"$ALMAUDIT" runs --format json ../../samples/*.csv.gz 2>/dev/null |
	grep -o '"status":"[^"]*"' | sort -u
