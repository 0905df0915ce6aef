# -o and --rejects never write over an input (the same file by any name:
# a symlink, standard input, a --sandbox file), and never name one file
# together, nor both standard output: each is a usage error (2) before
# anything is opened for writing, and the input is left as it was.
data=$(pwd)/data
ALMAUDIT_RULES=$(pwd)/../../rules
export ALMAUDIT_RULES
mkdir "$SCRATCH/w" && cd "$SCRATCH/w" || exit 2
ln -s "$data" data
cp data/small.csv in.csv
ln -s in.csv link.csv
"$ALMAUDIT" audit -o in.csv in.csv
echo "status: $?"
"$ALMAUDIT" audit -o link.csv data/nocount.csv ./in.csv
echo "status: $?"
"$ALMAUDIT" audit --rejects in.csv --sandbox in.csv data/nocount.csv
echo "status: $?"
"$ALMAUDIT" runs --format csv -o ./in.csv - <in.csv
echo "status: $?"
cmp -s data/small.csv in.csv && echo "in.csv is intact"
"$ALMAUDIT" audit -o report.txt --rejects ../w/report.txt in.csv
echo "status: $?"
"$ALMAUDIT" audit --rejects - in.csv
echo "status: $?"
ls
# /dev/null is no input's file: both may go there
"$ALMAUDIT" audit -o /dev/null --rejects /dev/null in.csv
echo "status: $?"
