#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The console in a pseudo-terminal against live namespaces (needs expect
# and root; in its own sandbox).
[ -n "$VRFSH_SANDBOX" ] || exec "$top_srcdir/tests/sandbox.sh" sh "$0" "$@"
. "$top_srcdir/tests/lib.sh"

if ! command -v expect >/dev/null 2>&1; then
	echo "expect is not installed: skipping" >&2
	exit 77
fi
"$VRFSH" -f "$top_srcdir/examples/seed-blue.conf" && ok ||
	fail "seed applied"
mkdir "$tmp/home"
expect -f "$top_srcdir/tests/cli/live.exp" "$VRFSH" "$tmp/home" && ok ||
	fail "live console session"
# what the console's ip route did, as the kernel has it
expect_eq "route typed at the console is in the kernel" \
	"$(ip -n Blue -j route show 10.99.0.0/16 | jq -c '[.[] | [.dst, .gateway, .protocol]]')" \
	'[["10.99.0.0/16","192.168.100.1","static"]]'
expect_eq "refused route is not" "$(ip -j route show 10.98.0.0/16)" "[]"
expect_eq "the inactive one is not in the kernel" \
	"$(ip -j route show 10.97.0.0/16)" "[]"
expect_match "...but in the configuration" \
	"$("$VRFSH" -c 'show running-config' | grep '^ip route')" \
	'^ip route 10\.97\.0\.0 255\.255\.0\.0 10\.123\.0\.1$'
finish
