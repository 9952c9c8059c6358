#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs the interactive test in a pseudo-terminal (needs expect).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

if ! command -v expect >/dev/null 2>&1; then
	echo "expect is not installed: skipping" >&2
	exit 77
fi
mkdir "$tmp/home"
expect -f "$top_srcdir/tests/cli/interactive.exp" "$VRFSH" "$tmp/home"
rc=$?
if [ -s "$tmp/home/.vrfsh_history" ]; then ok; else
	fail "history file not written"
fi
mode=$(stat -c %a "$tmp/home/.vrfsh_history" 2>/dev/null)
expect_eq "history file is private" "$mode" 600
[ $rc -eq 0 ] || fail "interactive session"
finish
