#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The manual page is lint-clean, and it, --help and the README name every
# option the program takes.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

man="$top_srcdir/doc/vrfsh.1"
if command -v mandoc >/dev/null 2>&1; then
	lint=$(mandoc -Tlint -W warning "$man" 2>&1 | grep -v 'mandoc.db')
	expect_eq "mandoc -Tlint" "$lint" ""
else
	echo "mandoc is not installed: lint skipped" >&2
fi
help=$("$VRFSH" --help)
for opt in -c -f -b --config --keep-going --watch --help --version; do
	case $help in *"$opt"*) ok ;; *) fail "--help lacks $opt" ;; esac
	grep -q -- "Fl ${opt#-}\|Fl -${opt#--}" "$man" && ok ||
		fail "vrfsh.1 lacks $opt"
done
for cmd in 'show ip route' 'show running-config' 'ping' 'traceroute' \
	'shell' 'routing-context' 'bridge-group' 'vrf forwarding'; do
	grep -q "$cmd" "$man" && ok || fail "vrfsh.1 lacks $cmd"
done
finish
