#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show running-config reads the configured static routes a piece at a
# time into a compact index (net_static_index) instead of the whole
# record and a list entry per route.  Its output is byte for byte that
# of the record read whole by the context's reader (VRFSH_STATIC_WHOLE=1,
# vctx_parse), on records configured out of order (ECMP in the order
# typed, distances, every kind of next hop, boot routes, IPv6, another
# VRF, kernel routes merged between them, thousands of routes across
# the reader's pieces), and on broken records: the same error, the same
# line named, whichever fault comes first.
[ -n "$VRFSH_SANDBOX" ] || exec "$top_srcdir/tests/sandbox.sh" sh "$0" "$@"
. "$top_srcdir/tests/vrf/common.sh"

ip link add d0 type veth peer name d1
ip addr add 192.168.1.1/24 dev d0
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip link set d0 up
ip link set d1 up
ip netns add B
ip link add b0 netns B type veth peer name b1 netns B
ip -n B addr add 172.30.0.1/24 dev b0
ip -n B link set b0 up
ip -n B link set b1 up

# same TITLE ARGS...: both readers give the same bytes (and exit alike)
same() {
	title=$1
	shift
	"$VRFSH" "$@" >"$tmp/fast" 2>"$tmp/fast.err"
	a=$?
	VRFSH_STATIC_WHOLE=1 "$VRFSH" "$@" >"$tmp/slow" 2>"$tmp/slow.err"
	b=$?
	if [ "$a" = "$b" ] && [ -s "$tmp/slow" ] &&
	   cmp -s "$tmp/fast" "$tmp/slow" &&
	   cmp -s "$tmp/fast.err" "$tmp/slow.err"; then
		ok
	else
		fail "$title: status $a/$b, $(head -c 300 "$tmp/fast.err") / $(head -c 300 "$tmp/slow.err") $(diff "$tmp/slow" "$tmp/fast" | head -5)"
	fi
}

cat >"$tmp/routes.conf" <<CONF
configure terminal
ip route 10.9.0.0 255.255.0.0 192.168.1.2
ip route 10.1.0.0 255.255.0.0 192.168.1.4
ip route 10.1.0.0 255.255.0.0 192.168.1.3
ip route 10.1.0.0 255.255.0.0 192.168.1.9 20
ip route 10.1.0.0 255.255.0.0 192.168.1.8 5
ip route 10.2.0.0 255.255.0.0 Null0
ip route 10.2.1.0 255.255.255.0 Null0 unreachable
ip route 10.2.2.0 255.255.255.0 Null0 prohibit 7
ip route 10.3.0.0 255.255.0.0 d0
ip route 10.4.0.0 255.255.0.0 d0 192.168.1.5
ip route 10.5.0.0 255.255.0.0 10.1.2.3
ip route 0.0.0.0 0.0.0.0 192.168.1.2
ip route 10.6.0.0 255.255.0.0 192.168.1.6 protocol boot
ip route 10.1.0.0 255.255.255.0 192.168.1.7
ipv6 route 2001:db8:2::/48 2001:db8::3
ipv6 route 2001:db8:1::/48 2001:db8::2
ipv6 route 2001:db8:1::/48 d0 fe80::1
ip route vrf B 10.9.0.0 255.255.0.0 172.30.0.2
ip route vrf B 0.0.0.0 0.0.0.0 172.30.0.2
CONF
run -f "$tmp/routes.conf"
expect_ok "the configured routes"
# the kernel's static and boot routes of other tools, merged in
ip route add 10.1.0.0/16 via 192.168.1.10 metric 3
ip route add 10.7.0.0/16 via 192.168.1.11 proto boot
ip route add 10.0.0.0/8 dev d0 proto static
ip route add blackhole 10.8.0.0/16 proto static metric 4

rec=/run/vrfsh/static/default
expect_match "the record is not sorted (the index sorts it)" \
	"$(sed -n 6,7p "$rec")" '10\.9\.0\.0/16.*
.*10\.1\.0\.0/16'
same "show running-config" -c "show running-config"
same "show running-config vrf B" -c "show running-config vrf B"
"$VRFSH" -c "show running-config" >"$tmp/out"
expect_eq "ECMP in the order typed, then by distance" \
	"$(grep '^ip route 10\.1\.0\.0 255\.255\.0\.0' "$tmp/out")" \
	"ip route 10.1.0.0 255.255.0.0 192.168.1.4
ip route 10.1.0.0 255.255.0.0 192.168.1.3
ip route 10.1.0.0 255.255.0.0 192.168.1.10 3 protocol boot
ip route 10.1.0.0 255.255.0.0 192.168.1.8 5
ip route 10.1.0.0 255.255.0.0 192.168.1.9 20"

# a session that changed routes reads its own context, not the file
cat >"$tmp/session.conf" <<CONF
configure terminal
ip route 10.30.0.0 255.255.0.0 192.168.1.2
no ip route 10.9.0.0 255.255.0.0
do show running-config
CONF
"$VRFSH" -f "$tmp/session.conf" >"$tmp/session" 2>&1
"$VRFSH" -c "show running-config" >"$tmp/after"
expect_eq "in the session, what it configured" \
	"$(grep '^ip route' "$tmp/session")" "$(grep '^ip route' "$tmp/after")"
expect_eq "10.30/16 in, 10.9/16 out" \
	"$(grep -c '10\.30\.0\.0\|^ip route 10\.9\.0\.0' "$tmp/after")" 1

# thousands of routes, through many interface names, in no order: the
# record is read in pieces of 64 KiB
for i in $(seq 0 19); do
	echo "link add v$i type veth peer name w$i"
done >"$tmp/links.ip"
ip -batch "$tmp/links.ip"
awk 'BEGIN {
	print "configure terminal"
	for (i = 0; i < 4000; i++) {
		j = (i * 7919) % 4000
		a = sprintf("10.%d.%d.0", 100 + int(j / 256), j % 256)
		if (j % 5 == 0)
			printf "ip route %s 255.255.255.0 %s%d\n", a, j % 2 ? "v" : "w", j % 20
		else
			printf "ip route %s 255.255.255.0 192.168.1.%d %d\n", a, 2 + j % 3, 1 + j % 4
	}
}' >"$tmp/many.conf"
run -f "$tmp/many.conf"
expect_eq "many routes: configured" "$(grep -c '^route ' "$rec")" \
	"$(( 4000 + $(grep -c '^ip route 10\|^ipv6' "$tmp/routes.conf") + 1 ))"
same "show running-config (many routes)" -c "show running-config"

# ---- broken records ---------------------------------------------------
head -n 4 "$rec" | sed '$d' >"$tmp/header"	# without its length line
good="route 10.1.0.0/16 1 static via 192.168.1.2"
# record TITLE BODY...: the record holds these lines (printf %b), then
# both readers must say the same
record() {
	title=$1
	shift
	printf '%b' "$@" >"$tmp/body"
	{ cat "$tmp/header"; echo "length $(wc -c <"$tmp/body")"
	  cat "$tmp/body"; } >"$tmp/rec"
	cat "$tmp/rec" >"$rec"	# in place: the file vrfsh made
	same "$title" -c "show running-config"
}
record "a route given twice" "format 1\n$good\n$good\n"
expect_match "the line named" "$(cat "$tmp/fast")$(cat "$tmp/fast.err")" \
	'record line 3: a route given twice'
record "twice, far apart" "format 1\n$good\nroute 10.2.0.0/16 1 static null0\n" \
	"route 10.1.0.0/16 2 static via 192.168.1.3\n$good\n"
record "Null0 beside a gateway" \
	"format 1\nroute 10.2.0.0/16 1 static null0\n$good\nroute 10.2.0.0/16 1 static via 192.168.1.4\n"
record "a gateway beside Null0" \
	"format 1\n$good\nroute 10.1.0.0/16 1 static unreachable\n"
record "static and boot in one route" \
	"format 1\n$good\nroute 10.1.0.0/16 1 boot via 192.168.1.3\n"
lines=""
for i in 2 3 4 5 6 7 8 9 10; do
	lines="${lines}route 10.1.0.0/16 1 static via 192.168.1.$i\n"
done
record "nine next hops" "format 1\n$lines"
expect_match "too many, named" "$(cat "$tmp/fast")$(cat "$tmp/fast.err")" \
	'record line 10: too many next hops'
record "twice before a bad line" "format 1\n$good\n$good\nroute 10.x/16 1 static null0\n"
record "a bad line before twice" "format 1\n$good\nroute 10.x/16 1 static null0\n$good\n"
record "twice after a bad line, other group" \
	"format 1\nroute 10.3.0.0/16 1 static null0\nroute 10.3.0.0/16 1 static null0\n" \
	"route 10.1.0.0/15 1 static null0\n"
record "host bits set" "format 1\nroute 10.1.0.1/16 1 static via 192.168.1.2\n"
record "IPv6 distance 0" "format 1\nroute 2001:db8::/32 0 static via 2001:db8::9\n"
record "a bad interface name" "format 1\nroute 10.1.0.0/16 1 static dev a/b\n"
record "not format 1" "format 2\n$good\n"
record "empty" ""
record "no newline at the end" "format 1\n$good"
record "no newline at all" "format 1"
record "a NUL" "format 1\n$good\nroute 10.3.0.0/16 1 st\0atic null0\n"
long=$(head -c 70000 /dev/zero | tr '\0' x)
record "a line longer than a piece" "format 1\n$good\nroute $long 1 static null0\n"
record "a line longer than a piece, alone" "format 1\n$good\nroute${long}\n"
record "a good record again" "format 1\nroute 10.1.0.0/16 1 static via 192.168.1.3\n$good\n"
expect_match "it is shown" "$(cat "$tmp/fast")" \
	'ip route 10\.1\.0\.0 255\.255\.0\.0 192\.168\.1\.3
ip route 10\.1\.0\.0 255\.255\.0\.0 192\.168\.1\.2'
finish
