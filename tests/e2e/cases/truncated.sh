# A truncated gzip export: an error naming the file and line, exit 2, and
# the report of what was read, marked INCOMPLETE; the next file is still read.
"$ALMAUDIT" audit --tz America/New_York data/truncated.csv.gz data/small.csv
"$ALMAUDIT" audit --summary --tz America/New_York data/truncated.csv.gz
