# The rules command on the shipped matrix: check, the job list, who may run
# a job (by id or by an instance name), what a person may run; an approval
# revoked "undated" (date not recorded).
"$ALMAUDIT" rules check
"$ALMAUDIT" rules jobs
"$ALMAUDIT" rules who batch-item-withdrawals
"$ALMAUDIT" rules who "Update PO Lines Information - Advanced - 10/05/2026 09:11:32"
"$ALMAUDIT" rules what "Moody, Honor"
"$ALMAUDIT" rules what "Parker, Josh"
"$ALMAUDIT" rules who delete-bib-records
"$ALMAUDIT" rules what "Amy Armitage"
# the name forms --user and --job take: a surname picks out each person it
# names; a job's title; a misspelt surname gets --user's suggestion
"$ALMAUDIT" rules what Moody
"$ALMAUDIT" rules who "Change physical items"
"$ALMAUDIT" rules what Mooody
echo "status: $?"
# an accented surname, with its accents, without them, in capitals, and
# the full name in either order, as --user takes them
for who in "Núñez" "Nunez" "NÚÑEZ" "Nunez, Rosa" "rosa núñez"; do
	"$ALMAUDIT" rules what --rules data/explain-verdicts-rules "$who" | head -1
done
