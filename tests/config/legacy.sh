#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# A startup file written by vrfsh 0.1.0 still boots (issue 12): labs/
# v0.1.0.conf is the running-config that 0.1.0 wrote for
# examples/three-routers.conf and labs/v0.1.0-lab.conf (VRFs with their
# switches and exit-vrf, interface stanzas headed by their creation, prefix
# lengths, secondary and IPv6 addresses, mtu, a bridge, a shut port, lo in
# a VRF, static routes).  vrfsh -b of it exits 0 and makes the kernel (ip
# -j) that the sources make; its running-config, in today's shape, then
# replays to the same text.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"
labs="$top_srcdir/tests/config/labs"

# --make DIR FILE... : (in a fresh sandbox) vrfsh -f each FILE; DIR/state,
# DIR/conf
if [ "$1" = --make ]; then
	d=$2
	shift 2
	for f in "$@"; do
		"$VRFSH" -f "$f" >/dev/null 2>>"$d/err" </dev/null
	done
	kstate_settled "$d/state"
	"$VRFSH" -c 'show running-config' >"$d/conf" 2>>"$d/err" </dev/null
	exit 0
fi

mkdir "$tmp/src" "$tmp/replay"
fresh sh "$0" --make "$tmp/src" "$top_srcdir/examples/three-routers.conf" \
	"$labs/v0.1.0-lab.conf"
expect_eq "the sources applied" "$(cat "$tmp/src/err")" ""

VRFSH_CONFIG="$labs/v0.1.0.conf"
export VRFSH_CONFIG
run -b
expect_eq "vrfsh -b of the 0.1.0 file" "$rc:$err" "0:"
unset VRFSH_CONFIG
kstate_settled "$tmp/boot.state"
if cmp -s "$tmp/src/state" "$tmp/boot.state"; then ok; else
	fail "the kernel after booting the 0.1.0 file is not the sources':
$(diff "$tmp/src/state" "$tmp/boot.state")"
fi
"$VRFSH" -c 'show running-config' >"$tmp/boot.conf"
if cmp -s "$tmp/src/conf" "$tmp/boot.conf"; then ok; else
	fail "running-config after booting the 0.1.0 file is not the sources':
$(diff "$tmp/src/conf" "$tmp/boot.conf")"
fi
expect_match "today's shape" "$(cat "$tmp/boot.conf")" '^vrf definition A$'

fresh sh "$0" --make "$tmp/replay" "$tmp/boot.conf"
expect_eq "today's text replays" "$(cat "$tmp/replay/err")" ""
expect_eq "to the same text" "$(diff "$tmp/boot.conf" "$tmp/replay/conf")" ""
expect_eq "and the same kernel" "$(diff "$tmp/boot.state" "$tmp/replay/state")" ""

finish
