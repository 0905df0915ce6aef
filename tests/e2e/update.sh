#!/bin/sh
# Rewrites the expected output of every end-to-end case (or of the cases
# named) from the binary given. Review `git diff tests/e2e` afterwards.
#   sh tests/e2e/update.sh BUILD/bin/almaudit [NAME...]
set -eu
bin=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then
	set -- $(cd "$here/cases" && ls *.sh | sed 's/\.sh$//')
fi
for name in "$@"; do
	sh "$here/run.sh" "$bin" "$name" --update || [ $? = 77 ]
done
