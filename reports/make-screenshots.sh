#!/bin/sh
# Rewrites the screenshots kept here from the sample reports (run
# make-samples.sh first): reports/sample-report.png, the html page, and
# reports/sample-email.png, the html part of sample-email.eml as a mail
# reader shows it. Needs python3 and chromium (Debian: apt-get install
# chromium); not part of the tests, as chromium is not in CI.
#   sh reports/make-screenshots.sh [CHROMIUM]
set -u
chromium=${1:-chromium}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$here/sample-email.eml" "$tmp/sample-email.html" <<'PY' || exit 2
import email, email.policy, sys
msg = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.default)
html = [p for p in msg.walk() if p.get_content_type() == "text/html"][0]
open(sys.argv[2], "w", encoding="utf-8").write(html.get_content())
PY
shot() {
	"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--screenshot="$2" --window-size=1180,1400 "file://$1" 2>/dev/null
	[ -s "$2" ] || { echo "make-screenshots: $chromium wrote no $2" >&2; exit 2; }
}
shot "$here/sample-report.html" "$here/sample-report.png"
shot "$tmp/sample-email.html" "$here/sample-email.png"
exit 0
