#!/bin/sh
# Rewrites the screenshots kept here from the sample reports (run
# make-samples.sh first): reports/sample-report.png, the html page,
# reports/sample-email.png, the html part of sample-email.eml as a mail
# reader shows it, and reports/sample-review.png, the access review's page
# in a window 1280 pixels wide. Needs python3 and chromium (Debian: apt-get
# install chromium); not part of the tests, as chromium is not in CI.
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
		--disable-background-networking --disable-component-update --no-first-run \
		--user-data-dir="$tmp/profile" --screenshot="$2" --window-size="${3:-1180},1400" \
		"file://$1" 2>/dev/null
	[ -s "$2" ] || { echo "make-screenshots: $chromium wrote no $2" >&2; exit 2; }
}
shot "$here/sample-report.html" "$here/sample-report.png"
shot "$tmp/sample-email.html" "$here/sample-email.png"
shot "$here/sample-review.html" "$here/sample-review.png" 1280
exit 0
