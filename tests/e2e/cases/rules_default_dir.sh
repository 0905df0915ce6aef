# Without --rules or $ALMAUDIT_RULES, a binary in its build tree finds the
# source tree's rules/.
unset ALMAUDIT_RULES
"$ALMAUDIT" rules check | sed 's#^.*/rules\([:/]\)#RULES\1#'
