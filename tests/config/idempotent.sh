#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Configuration that can be applied twice (issue 11): every example and
# a lab of static routes of every kind (tests/config/labs/statics.conf),
# each in a clean sandbox of its own, applied with vrfsh -f, then again,
# then its own running-config fed back: each time exit 0, nothing on
# stderr, the same kernel state (kstate: ip -j of every namespace) and
# the same running-config.  vrfsh -b of a startup file twice likewise.
# The lab also goes through the exact round trip into a fresh sandbox.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"
VRFSH_CONFIG="$tmp/never.conf"
export VRFSH_CONFIG

# step DIR N ARGS... : vrfsh ARGS; DIR/N.rc (status and stderr), DIR/N.state
# (kstate), DIR/N.conf (show running-config)
step() {
	sp=$1/$2	# (kstate uses $n and $d)
	shift 2
	"$VRFSH" "$@" >"$sp.out" 2>"$sp.err" </dev/null
	echo "$? $(cat "$sp.err")" >"$sp.rc"
	kstate_settled "$sp.state"
	"$VRFSH" -c 'show running-config' >"$sp.conf" 2>>"$sp.rc" </dev/null
}

# --twice FILE DIR : (in a fresh sandbox) FILE applied twice, then the
# running-config; then FILE as the startup file, vrfsh -b twice
if [ "$1" = --twice ]; then
	step "$3" 1 -f "$2"
	step "$3" 2 -f "$2"
	step "$3" 3 -f "$3/1.conf"
	cp "$2" "$3/startup.conf"
	VRFSH_CONFIG="$3/startup.conf" step "$3" 4 -b
	VRFSH_CONFIG="$3/startup.conf" step "$3" 5 -b
	exit 0
fi
# --apply FILE DIR : (in a fresh sandbox) FILE applied once
if [ "$1" = --apply ]; then
	step "$3" 1 -f "$2"
	exit 0
fi

same() {	# NAME FILE1 FILE2
	if cmp -s "$2" "$3"; then ok; else
		fail "$1: $(diff "$2" "$3" | head -20)"
	fi
}

for f in "$top_srcdir"/examples/*.conf "$top_srcdir"/tests/config/labs/*.conf
do
	name=$(basename "$f" .conf)
	d="$tmp/$name"
	mkdir "$d"
	fresh sh "$0" --twice "$f" "$d"
	expect_eq "$name: ran" "$?" 0
	expect_eq "$name: first apply" "$(cat "$d/1.rc")" "0 "
	expect_eq "$name: applied again" "$(cat "$d/2.rc")" "0 "
	same "$name: the kernel unchanged by the second apply" \
		"$d/1.state" "$d/2.state"
	same "$name: running-config unchanged by the second apply" \
		"$d/1.conf" "$d/2.conf"
	expect_eq "$name: its running-config fed back" "$(cat "$d/3.rc")" "0 "
	same "$name: ...changes nothing in the kernel" "$d/1.state" \
		"$d/3.state"
	same "$name: ...nor in running-config" "$d/1.conf" "$d/3.conf"
	expect_eq "$name: vrfsh -b onto it" "$(cat "$d/4.rc")" "0 "
	expect_eq "$name: vrfsh -b again" "$(cat "$d/5.rc")" "0 "
	same "$name: vrfsh -b twice changes nothing" "$d/1.state" "$d/5.state"
	same "$name: ...nor running-config" "$d/1.conf" "$d/5.conf"
	expect_eq "$name: nothing said the second time" "$(cat "$d/2.out")" ""
done

# the lab holds what it says (so that the comparisons mean something)
d="$tmp/statics"
st=$(cat "$d/1.state")
for want in \
	'"dst":"10.10.0.0/16","type":"unicast","gateway":null,"dev":null,"protocol":"static","scope":"global","metric":1,"prefsrc":null,"nexthops":[{"gateway":"10.1.0.2","dev":"a-b"},{"gateway":"10.2.0.2","dev":"a-c"}]' \
	'"dst":"10.20.0.0/16","type":"unicast","gateway":null,"dev":null,"protocol":"static","scope":"global","metric":1,"prefsrc":null,"nexthops":[{"gateway":"10.1.0.2","dev":"a-b"},{"gateway":"10.2.0.2","dev":"a-c"}]' \
	'"dst":"10.30.0.0/16","type":"unicast","gateway":"10.2.0.2","dev":"a-c","protocol":"static","scope":"global","metric":200' \
	'"dst":"10.41.0.0/16","type":"unreachable"' \
	'"dst":"10.42.0.0/16","type":"prohibit"' \
	'"dst":"10.60.0.0/16","type":"unicast","gateway":"10.1.0.2","dev":"a-b","protocol":"boot","scope":"global","metric":7' \
	'"dst":"2001:db8:11::/48","type":"unicast","gateway":"fe80::2","dev":"a-b","protocol":"static"'
do
	case $st in
	*"$want"*) ok ;;
	*) fail "statics: the kernel lacks [$want]" ;;
	esac
done
case $st in
*'"dst":"10.70.0.0/16"'*|*'"dst":"10.80.0.0/16"'*)
	fail "statics: an inactive route is in the kernel" ;;
*) ok ;;
esac
for want in 'ip route vrf A 10.70.0.0 255.255.0.0 10.3.0.4' \
	'ip route vrf A 10.80.0.0 255.255.0.0 192.0.2.1' \
	'ip route vrf A 10.30.0.0 255.255.0.0 a-c 10.2.0.2 200' \
	'ip route vrf A 10.60.0.0 255.255.0.0 10.1.0.2 7 protocol boot'
do
	if grep -Fxq -- "$want" "$d/1.conf"; then ok; else
		fail "statics: running-config lacks [$want]"
	fi
done
expect_eq "statics: the inactive routes are announced once" \
	"$(grep -c 'is configured; not installed' "$d/1.out")" 2

# the lab's running-config into a fresh sandbox: the same again
mkdir "$d/replay"
fresh sh "$0" --apply "$d/1.conf" "$d/replay"
expect_eq "statics: replayed" "$(cat "$d/replay/1.rc")" "0 "
same "statics: replay, running-config" "$d/1.conf" "$d/replay/1.conf"
same "statics: replay, kernel" "$d/1.state" "$d/replay/1.state"

finish
