# A value an option does not take gets "did you mean" the nearest valid one
# (--format, --period, --tz, --split; in any case), and none when nothing
# is near; an error about a --split from the config names its FILE:LINE.
for args in "audit --format jsn" "audit --format HTM" "audit --format xml" "runs --format htm" \
	"review --format jsno" "audit --period last-mnth" "audit --period Last-Month" \
	"audit --period 2026-13" "audit --tz America/New_Yrok" "audit --tz europe/london" \
	"audit --tz Mars/Base" "audit --split unti -o $SCRATCH/units" "audit --split person -o $SCRATCH/units"; do
	# shellcheck disable=SC2086 # the words of args are the options
	"$ALMAUDIT" $args data/small.csv
	echo "status: $?"
done
printf -- '--tz America/New_Yrok\n' >"$SCRATCH/tz.conf"
printf -- '# every month\n--split unit\n' >"$SCRATCH/split.conf"
for conf in tz split; do
	"$ALMAUDIT" audit --config "$SCRATCH/$conf.conf" data/small.csv 2>"$SCRATCH/config.err"
	echo "status: $?"
	sed "s|$SCRATCH|SCRATCH|" "$SCRATCH/config.err"
done
