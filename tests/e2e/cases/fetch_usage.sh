# almaudit fetch refuses what it cannot do before any request: no -o, or
# standard output; no host, a region unknown, plain http to another machine,
# a key or a query in the base URL (never repeated); no period, a bad one;
# no key, a key file others may read (its mode named), an empty key, a key
# with a line break inside; the key on the command line in any spelling
# (never repeated); another command's option typed (a config's is left out);
# and its help.
unset ALMA_API_KEY ALMA_SANDBOX_API_KEY ALMAUDIT_CONFIG
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
f() {
	echo "== fetch $*"
	"$ALMAUDIT" fetch "$@"
	echo "status: $?"
}
o="-o out.json.gz"
f --region eu --period 2026-10
f --region eu --period 2026-10 -o -
f --period 2026-10 $o
f --region mars --period 2026-10 $o
f --region eu --base-url https://h.example.org --period 2026-10 $o
f --base-url http://api-eu.hosted.exlibrisgroup.com --period 2026-10 $o
f --base-url 'https://h.example.org/almaws?apikey=l7xxSECRET' --period 2026-10 $o
f --base-url 'https://me:l7xxSECRET@h.example.org' --period 2026-10 $o
f --base-url ftp://h.example.org --period 2026-10 $o
f --region eu $o
f --region eu --period 2026-13 $o
f --region eu --period 2026-10 --timeout 0 $o
f --region eu --period 2026-10 $o
f --region eu --period 2026-10 --sandbox $o
printf 'l7xxSECRET\n' >key
chmod 644 key
f --region eu --period 2026-10 --api-key-file key $o
chmod 600 key
f --region eu --period 2026-10 --api-key-file nokey $o
printf '  \n' >empty
chmod 600 empty
f --region eu --period 2026-10 --api-key-file empty $o
echo "== a key with a space inside"
ALMA_API_KEY='l7xx SECRET' "$ALMAUDIT" fetch --region eu --period 2026-10 $o
echo "status: $?"
f --region eu --period 2026-10 --api-key=l7xxSECRET $o
f --region eu --period 2026-10 --api-key l7xxSECRET $o
f --region eu --period 2026-10 --api l7xxSECRET $o
f --region eu --period 2026-10 $o l7xxSECRET
f --region eu --period 2026-10 --sandbox=l7xxSECRET $o
f --region eu --period 2026-10 --format json $o
f --region eu --period 2026-10 --frobnicate=l7xxSECRET $o
echo "== a config's options of other commands are left out"
printf -- '--format json\n--rules /nowhere\n--sandbox /x/sandbox.json.gz\n--region eu\n--tz UTC\n' \
	>conf
f --config conf --period 2026-10 $o
ls
echo "== help"
"$ALMAUDIT" help fetch | head -3
"$ALMAUDIT" help fetch >h
"$ALMAUDIT" fetch --help | cmp - h && echo "help fetch is fetch --help"
