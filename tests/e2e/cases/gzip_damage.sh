# Data after the last gzip member (text appended, a tape's zero padding, a
# damaged member) is damage, never dropped in silence: an error naming the
# file and the line reached, every row before it read, the report marked
# INCOMPLETE with the reason, exit 2.
"$ALMAUDIT" audit --tz America/New_York data/trailing-garbage.csv.gz
echo "status: $?"
# A file of another kind is not read, and the report says what it is.
"$ALMAUDIT" audit --summary --tz America/New_York data/small.csv.xz data/small.csv
echo "status: $?"
