# --help, --version and help COMMAND go to standard output and exit 0.
"$ALMAUDIT" --help
"$ALMAUDIT" --version
"$ALMAUDIT" help audit
"$ALMAUDIT" runs --help
