# An input that stops before its first run (the Alma API's error object
# saved in place of job instances) leaves nothing read: the ERROR at the top
# says no run could be read and where the input stopped, not that the
# exports do not cover the period (they were never read).
printf '{"errorsExist":true,"errorList":{"error":[{"errorCode":"UNAUTHORIZED","errorMessage":"API-key not defined or not configured to allow this API.","trackingId":"E01-0712"}]},"result":null}\n' >"$SCRATCH/err.json"
"$ALMAUDIT" audit --tz UTC --period 2026-10 "$SCRATCH/err.json" >"$SCRATCH/report.txt" 2>&1
s=$?
sed "s|$SCRATCH/||g" "$SCRATCH/report.txt"
echo "status: $s"
"$ALMAUDIT" audit --tz UTC --format json "$SCRATCH/err.json" 2>/dev/null | grep -o '"errors":\["[^]]*]' |
	sed "s|$SCRATCH/||g"
