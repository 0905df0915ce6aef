# An HTML page saved in place of an export (a single sign-on login page or
# a proxy's, which a script's download got with HTTP 200) is named as an
# HTML page, with what to do, exit 2: it was read as a CSV export and said
# "missing required column 'id'". So is one in XHTML after an XML
# declaration, or opening with a comment; an Alma XML response stays named
# as such.
cat >"$SCRATCH/login.csv" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head><title>Sign in - Library SSO</title></head>
<body><form method="post" action="/idp/profile/SAML2/Redirect/SSO"><input name="j_username"></form></body>
</html>
HTML
printf '<?xml version="1.0" encoding="UTF-8"?>\n<!-- proxy -->\n<HTML xmlns="http://www.w3.org/1999/xhtml"><body>Access denied</body></HTML>\n' >"$SCRATCH/proxy.csv"
printf '\n  <!-- portal -->\n<html><body>Please log in</body></html>\n' >"$SCRATCH/portal.json"
for f in login.csv proxy.csv portal.json; do
	echo "== $f"
	"$ALMAUDIT" audit --tz UTC --period 2026-10 --summary "$SCRATCH/$f" >"$SCRATCH/o.txt" \
		2>"$SCRATCH/e.txt"
	echo "status: $?"
	sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/o.txt"
	sed "s|$SCRATCH|SCRATCH|g" "$SCRATCH/e.txt" >&2
done
echo "== an XML response of the API: named as before"
"$ALMAUDIT" audit --tz UTC --period 2026-10 --summary data/api-instances.xml
echo "status: $?"
