# A config, or its directory, owned by a user other than the one running
# almaudit or root is refused (its owner may change it, or put another in
# its place), as ssh refuses such files; one of root's is taken by any
# user. Needs root (chown to nobody, setpriv to act as nobody): skipped
# otherwise.
if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
	echo "needs root and setpriv, to act as a second user (nobody)" >&2
	exit 77
fi
unset ALMAUDIT_CONFIG
top=$(pwd)/../..
chmod 0755 "$SCRATCH"
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
chmod 0755 .
cp -r "$top/rules" rules
export ALMAUDIT_RULES=rules
nobody=$(id -u nobody)
run() { # its status and errors (its report left out)
	echo "== almaudit $*"
	"$ALMAUDIT" "$@" >/dev/null 2>"$SCRATCH/e.txt"
	echo "status: $?"
	sed "s|uid $nobody\([^0-9]\)|uid NOBODY\1|g; s|chown $nobody |chown NOBODY |" "$SCRATCH/e.txt" >&2
}
printf -- '--large-set 5\n' >c.conf
chmod 0644 c.conf
run rules jobs --config c.conf
chown nobody c.conf
run rules jobs --config c.conf
chown root c.conf
mkdir theirs && cp c.conf theirs/ && chown nobody theirs
run rules jobs --config theirs/c.conf
echo "== as nobody, root's config"
setpriv --reuid=nobody --regid=nogroup --clear-groups "$ALMAUDIT" rules jobs --config c.conf >/dev/null
echo "status: $?"
