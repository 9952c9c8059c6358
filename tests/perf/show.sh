#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The fast show ip route (the IPv4 table shown as the kernel sends it,
# one address at a time) prints exactly what the sorting one prints
# (the whole table read, sorted, then shown; VRFSH_SHOW_SORTED=1), byte
# for byte, on tables with every kind of route: connected and local,
# static (configured, ECMP, a backup distance, one inactive), kernel and
# boot routes of other tools, blackhole/unreachable/prohibit, routes
# through a link that is down, a default route beside 0.0.0.0/1, several
# lengths and metrics of one address, and thousands of routes (a dump
# of many reads); in text and JSON, for each selection, one VRF and all.
[ -n "$VRFSH_SANDBOX" ] || exec "$top_srcdir/tests/sandbox.sh" sh "$0" "$@"
. "$top_srcdir/tests/vrf/common.sh"

ip link add d0 type veth peer name d1
ip addr add 192.168.1.1/24 dev d0
ip addr add 10.20.0.1/16 dev d0
ip link set d0 up
ip link set d1 up
ip link add x0 type veth peer name x1
ip addr add 192.168.9.1/24 dev x0
ip link set x0 up	# without carrier (x1 is down): its routes do not forward
ip -6 addr add 2001:db8::1/64 dev d0 nodad
ip netns add B
ip link add b0 netns B type veth peer name b1 netns B
ip -n B addr add 172.30.0.1/24 dev b0
ip -n B link set b0 up
ip -n B link set b1 up

cat >"$tmp/routes.conf" <<CONF
configure terminal
ip route 0.0.0.0 0.0.0.0 192.168.1.2
ip route 10.1.0.0 255.255.0.0 192.168.1.2
ip route 10.1.0.0 255.255.0.0 192.168.1.3
ip route 10.1.0.0 255.255.0.0 192.168.1.4 20
ip route 10.2.0.0 255.255.0.0 Null0
ip route 10.3.0.0 255.255.0.0 d0
ip route 10.4.0.0 255.255.0.0 d0 192.168.1.5
ip route 10.5.0.0 255.255.0.0 10.1.2.3
ip route 10.6.0.0 255.255.0.0 10.99.0.1
ip route 10.20.0.0 255.255.0.0 192.168.1.2 5
ip route 192.168.1.1 255.255.255.255 192.168.1.2
ip route vrf B 0.0.0.0 0.0.0.0 172.30.0.2
ip route vrf B 10.9.0.0 255.255.0.0 172.30.0.2
ipv6 route 2001:db8:1::/48 2001:db8::2
CONF
run -f "$tmp/routes.conf"
expect_ok "the configured routes"
for cmd in "unreachable 10.7.0.0/16" "prohibit 10.8.0.0/16" \
	"blackhole 10.10.0.0/16 metric 3" "10.10.0.0/16 via 192.168.1.6" \
	"0.0.0.0/1 via 192.168.1.2" "10.1.0.0/24 via 192.168.1.7" \
	"10.0.0.0/8 via 192.168.1.7 metric 9" \
	"10.0.0.0/8 via 192.168.1.8 metric 4 proto dhcp" \
	"10.11.0.0/16 via 192.168.9.2 dev x0 onlink" \
	"10.12.0.0/16 nexthop via 192.168.1.2 nexthop via 192.168.9.3 dev x0 onlink" \
	"192.168.1.1/32 via 192.168.1.9 metric 7 proto bird" \
	"192.168.1.128/25 dev d0 proto kernel scope link"; do
	# shellcheck disable=SC2086
	ip route add $cmd || fail "ip route add $cmd"
done
ip -n B route add unreachable 10.99.0.0/16

# same TITLE ARGS...: both ways print the same bytes (and exit alike)
same() {
	title=$1
	shift
	"$VRFSH" "$@" >"$tmp/fast" 2>"$tmp/fast.err"
	a=$?
	VRFSH_SHOW_SORTED=1 "$VRFSH" "$@" >"$tmp/slow" 2>"$tmp/slow.err"
	b=$?
	if [ "$a:$b" = 0:0 ] && [ -s "$tmp/slow" ] &&
	   cmp -s "$tmp/fast" "$tmp/slow" &&
	   cmp -s "$tmp/fast.err" "$tmp/slow.err"; then
		ok
	else
		fail "$title: status $a/$b, $(head -c 300 "$tmp/fast.err") $(diff "$tmp/slow" "$tmp/fast" | head -5)"
	fi
}

shows() {
	for sel in "" " static" " connected" " kernel" " local"; do
		same "show ip route$sel$1" -c "show ip route$sel"
		same "show ip route$sel json$1" -c "show ip route$sel json"
	done
	same "show ip route vrf all$1" -c "show ip route vrf all"
	same "show ip route vrf all json$1" -c "show ip route vrf all json"
	same "show ip route vrf B$1" -c "show ip route vrf B"
	same "show ip route | include$1" -c "show ip route | include 10\.1"
}
shows ""
[ -z "$SHOWDBG" ] || { "$VRFSH" -c "show ip route"; "$VRFSH" -c "show ip route vrf B"; }

# what is checked against is right: the fast table, by iproute2
"$VRFSH" -c "show ip route" >"$tmp/out"
expect_match "the default route is the gateway of last resort" \
	"$(cat "$tmp/out")" 'Gateway of last resort is 192\.168\.1\.2 to network 0\.0\.0\.0'
expect_match "the candidate default" "$(cat "$tmp/out")" \
	'S\*       0\.0\.0\.0/0 \[1/0\] via 192\.168\.1\.2, d0'
expect_eq "ECMP, both next hops" \
	"$(grep -A1 '^S        10\.1\.0\.0/16 ' "$tmp/out")" \
	"S        10.1.0.0/16 [1/0] via 192.168.1.2, d0
                     [1/0] via 192.168.1.3, d0"
expect_eq "a route through a link that is down is not shown" \
	"$(grep -c '10\.11\.0\.0' "$tmp/out")" 0
expect_match "the local route beside a static one of its address" \
	"$(cat "$tmp/out")" 'L        192\.168\.1\.1/32 is directly connected, d0'
expect_eq "JSON: every route of the main table and the local ones" \
	"$("$VRFSH" -c "show ip route json" | jq '.routes | length')" \
	"$(( $(ip -j route show table main | jq length) + \
	     $(ip -j route show table local type local | jq length) ))"
expect_eq "JSON: in the order of address, length, local first, metric" \
	"$("$VRFSH" -c "show ip route json" | jq -c '[.routes[] | .prefix]')" \
	"$("$VRFSH" -c "show ip route json" | jq -c '[.routes[] | .prefix] |
		sort_by(split("/") | [(.[0] | split(".") | map(tonumber)),
				      (.[1] | tonumber)])')"

# thousands of routes: leaves across the reads of the dump, several
# lengths and metrics of one address, local routes between them
awk 'BEGIN {
	for (i = 0; i < 3000; i++) {
		a = sprintf("10.%d.%d.0", 100 + int(i / 256) % 100, i % 256)
		printf "route add %s/24 via 192.168.1.2 metric %d\n", a, i % 3
		if (i % 7 == 0)
			printf "route add %s/%d via 192.168.1.3\n", a, 16 + i % 9
		if (i % 11 == 0)
			printf "route add %s/24 via 192.168.1.4 metric 50\n", a
		if (i % 13 == 0)
			printf "address add %s/32 dev d1\n", a
	}
}' | sort -u >"$tmp/many.ip"
ip -force -batch "$tmp/many.ip" 2>/dev/null
shows " (many routes)"
expect_eq "many routes: JSON has them all" \
	"$("$VRFSH" -c "show ip route json" | jq '.routes | length')" \
	"$(( $(ip -j route show table main | jq length) + \
	     $(ip -j route show table local type local | jq length) ))"

# the IPv6 table is not streamed: unchanged either way (once duplicate
# address detection is over: its local routes appear when it ends)
for i in $(seq 50); do
	[ -z "$(ip -6 addr show tentative)" ] && break
	sleep 0.1
done
same "show ipv6 route" -c "show ipv6 route"
finish
