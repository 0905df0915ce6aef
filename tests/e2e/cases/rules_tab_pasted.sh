# A row pasted into a comma-separated rules file with TABs for its commas
# ("Carl Cox<TAB>ITS<TAB>ccox", as a spreadsheet's cells copy) was one
# cell: a person named "Carl Cox ITS ccox" with no unit, silently. A cell
# holding a TAB in a comma-separated file is an error at its line naming
# the cell (staff.csv, approvals.csv, jobs.csv alike); a TAB around a
# cell is trimmed as a space is, and a file whose header is tab-separated
# is read with TABs as its delimiter. A TAB inside a cell of a row with
# every field of the header (a waiver's reason, an approval's note) is
# text: the rules set is not refused for it.
top=$(pwd)/../..
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
cp -r "$top/rules" r
printf 'Carl Cox\tITS\tccox\n' >>r/staff.csv
printf 'change-physical-items\tAda Lovelace\t2026-01-01\n' >>r/approvals.csv
printf 'x-job\tItems\tX\tno\t\t^X$\t\n' >>r/jobs.csv
"$ALMAUDIT" rules check --rules r >/dev/null
echo "status: $?"
echo "== a TAB around a cell: trimmed"
cp -r "$top/rules" trimmed
printf 'Carl Cox\t,ITS,ccox\t,\n' >>trimmed/staff.csv
"$ALMAUDIT" rules what ccox --rules trimmed >o.txt
echo "status: $?"
head -1 o.txt
echo "== a tab-separated staff.csv"
cp -r "$top/rules" tsv
tr ',' '\t' <"$top/rules/staff.csv" | grep -v '"' >tsv/staff.csv
printf 'Carl Cox\tITS\tccox\t\n' >>tsv/staff.csv
"$ALMAUDIT" rules what ccox --rules tsv >o.txt
echo "status: $?"
head -1 o.txt
echo "== a TAB inside a cell of a row with every field: text"
cp -r "$top/rules" note
printf 'change-physical-items,Amy Dittman,2026-01-01,,,,"Copied from the ticket:\tShelfReady by design"\n' >>note/approvals.csv
printf 'unapproved,change-physical-items,Amy Dittman,,,2026-01-01,2026-12-31,T-1,"Copied from the ticket:\tShelfReady by design"\n' >>note/waivers.csv
"$ALMAUDIT" rules check --rules note >/dev/null
echo "status: $?"
echo "== a short row with a TAB: still tab-separated"
cp -r "$top/rules" short
printf 'Dee Dee\tITS,ddee\n' >>short/staff.csv
"$ALMAUDIT" rules check --rules short >/dev/null
echo "status: $?"
