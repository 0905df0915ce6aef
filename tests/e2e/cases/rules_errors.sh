# Rules that do not load: every problem at its file and line, exit 2; and
# the audit refuses to run on them. Queries that name nothing known suggest.
"$ALMAUDIT" rules check --rules data/bad-rules
echo "check: $?"
"$ALMAUDIT" audit --rules data/bad-rules data/small.csv
echo "audit: $?"
"$ALMAUDIT" rules check --rules data/no-such-rules
echo "missing: $?"
"$ALMAUDIT" rules who withdrawals
echo "who: $?"
"$ALMAUDIT" rules what "Colin Van Alstyne"
echo "what: $?"
"$ALMAUDIT" rules
echo "nothing: $?"
"$ALMAUDIT" rules who
echo "who nothing: $?"
