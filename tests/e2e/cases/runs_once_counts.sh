# The run listing shows every copy of a run with its own verdict, but its
# summary counts runs as the audit does: a run with no record count in one
# export and a count in the next is not unknown-size, in either order.
D=data
for order in "a b" "b a"; do
	set -- $order
	echo "== $1 then $2"
	"$ALMAUDIT" runs --format json $D/copies-$1.csv $D/copies-$2.csv |
		grep -o '"runs_with_findings":[0-9]*,"hidden_by_filters":[0-9]*,"findings":{[^}]*}'
	"$ALMAUDIT" audit --format json $D/copies-$1.csv $D/copies-$2.csv |
		grep -o '"runs_with_findings":[0-9]*,"hidden_by_filters":[0-9]*,"findings":{[^}]*}'
done
echo "== a alone: the runs with no count stay unknown-size"
"$ALMAUDIT" runs --format json $D/copies-a.csv |
	grep -o '"runs_with_findings":[0-9]*,"hidden_by_filters":[0-9]*,"findings":{[^}]*}'
echo "== by person, listed once per run"
"$ALMAUDIT" runs --format json $D/copies-a.csv $D/copies-b.csv | grep '"person"'
