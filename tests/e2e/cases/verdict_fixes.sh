# Two verdict rules of spec section 3 as revised. For a person not in
# staff.csv, a sandbox run is evidence when it has the same id where both
# runs have one, else the same name: Okafor's sandbox run has a name and no
# id (evidence: no-signoff); Brennan's has another id (none: unapproved).
# A waiver naming an export id (zz9) covers only people not in staff.csv:
# not Amy Dittman, a staff person whose export id happens to be zz9.
d=data/verdict-fixes
"$ALMAUDIT" audit --tz UTC --sandbox $d/sandbox.csv --waivers $d/waivers.csv $d/prod.csv |
	grep '^85000\|^[A-Z-]* ('
echo "status: $?"
