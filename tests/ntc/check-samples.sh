#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Parse every sample under samples/ with parse.py, once by template name
# and once by the command looked up in ./index, and compare the records
# with the sample's expected YAML.  Needs /usr/bin/python3 with Debian's
# python3-textfsm and python3-yaml.  Prints one line per template.
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
fail=0
for dir in "$here"/samples/*/; do
	t=$(basename "$dir")
	cmd=$(printf '%s\n' "$t" | tr _ ' ')
	n=0 bad=0
	for raw in "$dir"*.raw; do
		yml=${raw%.raw}.yml
		n=$((n + 1))
		if ! "$py" "$here/parse.py" --check "$yml" "$t" "$raw" ||
		   ! "$py" "$here/parse.py" --check "$yml" "$cmd" "$raw"; then
			bad=$((bad + 1))
		fi
	done
	if [ "$bad" -eq 0 ]; then
		echo "PASS $t ($n samples)"
	else
		echo "FAIL $t ($bad of $n samples)"
		fail=1
	fi
done
exit $fail
