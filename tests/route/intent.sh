#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Static routes as configuration (issue 11), through the command line:
# a route whose next hop goes away stays configured, is withdrawn from
# the kernel and comes back with it (shutdown, no ip address, links
# flapped by another tool, seen at the next vrfsh command or by
# vrfsh --watch); ECMP, recursive next hops, Null0, floating statics;
# and an honest show ip route.  ip -j is the witness of the kernel.
#
#   R1 r1-r2 10.0.12.1  --- 10.0.12.2  r2-r1 R2 r2-r3 --- r3-r2 R3
#   R1 r1b   10.0.121.1 --- 10.0.121.2 r2b   R2
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/route/common.sh"

lab
cfg 'interface r1b vrf R1 type veth peer r2b vrf R2' \
	'ip address 10.0.121.1 255.255.255.0' 'no shutdown' \
	'ipv6 address 2001:db8:12::1/64' \
	'interface r2b vrf R2' 'ip address 10.0.121.2/24' 'no shutdown' \
	'ipv6 address 2001:db8:12::2/64'
expect_ok "a second link R1-R2"
wait_oper R1 r1b
wait_oper R2 r2b
wait_dad R1 R2

# kr VRF 4|6 PREFIX : the kernel's routes of PREFIX, "GW DEV METRIC TYPE"
# each (next hops of a multipath route joined by +), comma separated
kr() {
	ns_ip "$1" -"$2" -j route show table main "$3" | jq -r '[.[] |
		(if .nexthops then (.nexthops | map("\(.gateway) \(.dev)") |
		 join("+")) else "\(.gateway // null) \(.dev // null)" end) +
		" \(.metric // 0) \(.type // "unicast")"] | join(",")'
}
# rc_has NAME LINE : show running-config holds exactly this line
rc_has() {
	"$VRFSH" -c 'show running-config' >"$tmp/rc" 2>"$tmp/rc.err"
	if grep -Fxq -- "$2" "$tmp/rc" && [ ! -s "$tmp/rc.err" ]; then ok; else
		fail "$1: running-config lacks [$2]: $(grep route "$tmp/rc") $(cat "$tmp/rc.err")"
	fi
}
# wait_kr VRF 4|6 PREFIX WANT : up to 3 s for kr to say WANT
wait_kr() {
	i=0
	while [ "$(kr "$1" "$2" "$3")" != "$4" ] && [ $i -lt 30 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kr "$1" "$2" "$3"
}

cfg 'ip route vrf R1 10.9.0.0 255.255.0.0 10.0.12.2' \
	'ipv6 route vrf R1 2001:db8:9::/48 r1-r2 fe80::2'
expect_ok "routes through r1-r2"
V4="10.0.12.2 r1-r2 1 unicast"
V6="fe80::2 r1-r2 1 unicast"
expect_eq "installed" "$(kr R1 4 10.9.0.0/16)|$(kr R1 6 2001:db8:9::/48)" \
	"$V4|$V6"

# -- shutdown, no shutdown
cfg 'interface r1-r2 vrf R1' 'shutdown'
expect_ok "shutdown"
expect_eq "shutdown: withdrawn" \
	"$(kr R1 4 10.9.0.0/16)|$(kr R1 6 2001:db8:9::/48)" "|"
rc_has "shutdown: still configured" \
	"ip route vrf R1 10.9.0.0 255.255.0.0 10.0.12.2"
rc_has "shutdown: still configured (IPv6)" \
	"ipv6 route vrf R1 2001:db8:9::/48 r1-r2 fe80::2"
run -c 'show ip route vrf R1 10.9.0.0 255.255.0.0'
expect_eq "shutdown: shown as configured, inactive" "$rc:$out" \
'0:Routing Table: R1
Routing entry for 10.9.0.0/16, inactive
  Known via "static", distance 1, metric 0
  Routing Descriptor Blocks:
    10.0.12.2 (inactive: next hop unusable)'
run -c 'show ip route vrf R1 10.9.0.0/16 json'
expect_eq "shutdown: json" "$(printf '%s' "$out" | jq -c '.routes[] |
	[.active, .installed, .nexthops, [.configured[] |
	 [.gateway, .interface, .active]]]')" \
	'[false,false,[],[["10.0.12.2",null,false]]]'
cfg 'interface r1-r2 vrf R1' 'no shutdown'
expect_ok "no shutdown"
wait_oper R1 r1-r2
expect_eq "no shutdown: installed again" \
	"$(kr R1 4 10.9.0.0/16)|$(kr R1 6 2001:db8:9::/48)" "$V4|$V6"

# -- no ip address, ip address
cfg 'interface r1-r2 vrf R1' 'no ip address'
expect_ok "no ip address"
expect_eq "no ip address: withdrawn" "$(kr R1 4 10.9.0.0/16)" ""
rc_has "no ip address: still configured" \
	"ip route vrf R1 10.9.0.0 255.255.0.0 10.0.12.2"
cfg 'interface r1-r2 vrf R1' 'ip address 10.0.12.1/24'
expect_ok "ip address"
expect_eq "ip address: installed again" "$(kr R1 4 10.9.0.0/16)" "$V4"

# -- links flapped by another tool: seen at the next vrfsh command
ip -n R1 link set r1-r2 down
ip -n R1 link set r1-r2 up
wait_oper R1 r1-r2
expect_eq "ip link set down/up: the kernel flushed it" \
	"$(kr R1 4 10.9.0.0/16)" ""
run -c 'show version'
expect_eq "the next vrfsh command: installed again" \
	"$(kr R1 4 10.9.0.0/16)|$(kr R1 6 2001:db8:9::/48)" "$V4|$V6"
# the far end goes down: no carrier, the kernel keeps the route
# (linkdown); vrfsh withdraws it and puts it back with the carrier
ip -n R2 link set r2-r1 down
run -c 'show version'
expect_eq "no carrier: withdrawn at the next command" \
	"$(kr R1 4 10.9.0.0/16)" ""
rc_has "no carrier: still configured" \
	"ip route vrf R1 10.9.0.0 255.255.0.0 10.0.12.2"
ip -n R2 link set r2-r1 up
wait_oper R1 r1-r2
run -c 'show version'
expect_eq "carrier back: installed at the next command" \
	"$(kr R1 4 10.9.0.0/16)" "$V4"

# -- the same with vrfsh --watch following the links
"$VRFSH" --watch 2>"$tmp/watch.log" &
watch_pid=$!
sleep 0.5
ip -n R1 link set r1-r2 down
expect_eq "watch: down: absent" "$(wait_kr R1 4 10.9.0.0/16 '')" ""
ip -n R1 link set r1-r2 up
expect_eq "watch: up: present" "$(wait_kr R1 4 10.9.0.0/16 "$V4")" "$V4"
expect_eq "watch: up: IPv6 present" \
	"$(wait_kr R1 6 2001:db8:9::/48 "$V6")" "$V6"
ip -n R2 link set r2-r1 down
expect_eq "watch: no carrier: absent" "$(wait_kr R1 4 10.9.0.0/16 '')" ""
ip -n R2 link set r2-r1 up
expect_eq "watch: carrier back: present" \
	"$(wait_kr R1 4 10.9.0.0/16 "$V4")" "$V4"
rc_has "watch: configured throughout" \
	"ip route vrf R1 10.9.0.0 255.255.0.0 10.0.12.2"
kill "$watch_pid"
wait "$watch_pid"
expect_eq "watch: stops on SIGTERM" "$?" 0

# -- ECMP: a second next hop at the same distance, then without it
cfg 'ip route vrf R1 10.9.0.0/16 10.0.121.2'
expect_ok "a second next hop"
expect_eq "ECMP: one multipath route" "$(kr R1 4 10.9.0.0/16)" \
	"10.0.12.2 r1-r2+10.0.121.2 r1b 1 unicast"
rc_has "ECMP: two lines" "ip route vrf R1 10.9.0.0 255.255.0.0 10.0.121.2"
run -c 'show ip route vrf R1'
has_line "ECMP: two paths in the table" "$out" \
	'^                     \[1/0\] via 10\.0\.121\.2, r1b$'
# -- recursive: through 10.9.0.0/16, following it when it moves
cfg 'ip route vrf R1 10.77.0.0/16 10.9.1.1'
expect_ok "a recursive next hop"
expect_eq "recursive: installed with the gateways it resolves to" \
	"$(kr R1 4 10.77.0.0/16)" "10.0.12.2 r1-r2+10.0.121.2 r1b 1 unicast"
cfg 'no ip route vrf R1 10.9.0.0/16 10.0.12.2'
expect_ok "removing one next hop"
expect_eq "ECMP: the other stays" "$(kr R1 4 10.9.0.0/16)" \
	"10.0.121.2 r1b 1 unicast"
expect_eq "recursive: follows the route it resolves through" \
	"$(kr R1 4 10.77.0.0/16)" "10.0.121.2 r1b 1 unicast"
rc_has "recursive: as typed" "ip route vrf R1 10.77.0.0 255.255.0.0 10.9.1.1"
run -c 'show ip route vrf R1 10.77.5.5'
expect_eq "recursive: Routing entry" "$out" 'Routing Table: R1
Routing entry for 10.77.0.0/16
  Known via "static", distance 1, metric 0
  Routing Descriptor Blocks:
  * 10.9.1.1
      Route metric is 0, traffic share count is 1
      Recursive via 10.0.121.2, r1b'
cfg 'interface r1b vrf R1' 'shutdown'
expect_eq "recursive: withdrawn with the route under it" \
	"$(kr R1 4 10.77.0.0/16)|$(kr R1 4 10.9.0.0/16)" "|"
cfg 'interface r1b vrf R1' 'no shutdown'
wait_oper R1 r1b
run -c 'show version'
expect_eq "recursive: back" "$(kr R1 4 10.77.0.0/16)" "10.0.121.2 r1b 1 unicast"
cfg 'no ip route vrf R1 10.77.0.0/16' 'no ip route vrf R1 10.9.0.0/16' \
	'no ipv6 route vrf R1 2001:db8:9::/48'
expect_ok "no ip route, no ipv6 route"
expect_eq "removed" "$(kr R1 4 10.77.0.0/16)$(kr R1 4 10.9.0.0/16)$(kr R1 6 \
	2001:db8:9::/48)" ""
"$VRFSH" -c 'show running-config' >"$tmp/rc"
expect_eq "removed from the configuration" \
	"$(grep -c '10\.77\.\|10\.9\.0\|2001:db8:9:' "$tmp/rc")" 0

# -- Null0
cfg 'ip route vrf R1 10.66.0.0 255.255.0.0 Null0' \
	'ipv6 route vrf R1 2001:db8:66::/48 Null0 unreachable' \
	'ip route vrf R1 10.67.0.0/16 null0 prohibit 5'
expect_ok "Null0 routes"
expect_eq "Null0 is a blackhole" "$(kr R1 4 10.66.0.0/16)" "null null 1 blackhole"
expect_eq "Null0 unreachable" "$(kr R1 6 2001:db8:66::/48 | cut -d' ' -f3,4)" \
	"1 unreachable"
expect_eq "Null0 prohibit" "$(kr R1 4 10.67.0.0/16)" "null null 5 prohibit"
rc_has "Null0 written back" "ip route vrf R1 10.66.0.0 255.255.0.0 Null0"
rc_has "Null0 unreachable written back" \
	"ipv6 route vrf R1 2001:db8:66::/48 Null0 unreachable"
rc_has "Null0 prohibit written back" \
	"ip route vrf R1 10.67.0.0 255.255.0.0 Null0 prohibit 5"
run -c 'show ip route vrf R1'
has_line "Null0 in the table" "$out" \
	'^S        10\.66\.0\.0/16 is directly connected, Null0$'
cfg 'no ip route vrf R1 10.66.0.0/16 Null0' \
	'no ipv6 route vrf R1 2001:db8:66::/48 Null0 unreachable' \
	'no ip route vrf R1 10.67.0.0/16 Null0 prohibit'
expect_ok "no ... Null0"
expect_eq "Null0 routes removed" "$(kr R1 4 10.66.0.0/16)$(kr R1 6 \
	2001:db8:66::/48)$(kr R1 4 10.67.0.0/16)" ""

# -- floating statics: the backup takes over, then yields
cfg 'ip route vrf R1 10.88.0.0/16 10.0.12.2' \
	'ip route vrf R1 10.88.0.0/16 r1b 10.0.121.2 200'
expect_ok "a floating static"
expect_eq "both in the kernel: the kernel forwards by the lower metric" \
	"$(kr R1 4 10.88.0.0/16)" \
	"10.0.12.2 r1-r2 1 unicast,10.0.121.2 r1b 200 unicast"
expect_eq "the kernel uses the primary" \
	"$(ip -n R1 -j route get 10.88.1.1 | jq -r '.[0].gateway')" 10.0.12.2
run -c 'show ip route vrf R1'
has_line "only the primary is in the table" "$out" \
	'^S        10\.88\.0\.0/16 \[1/0\] via 10\.0\.12\.2, r1-r2$'
expect_eq "...and not the backup" "$(printf '%s\n' "$out" | grep -c '200/0')" 0
run -c 'show ip route vrf R1 10.88.0.0 255.255.0.0'
expect_eq "the backup is shown for the prefix" "$out" 'Routing Table: R1
Routing entry for 10.88.0.0/16
  Known via "static", distance 1, metric 0
  Routing Descriptor Blocks:
  * 10.0.12.2
      Route metric is 0, traffic share count is 1

Routing entry for 10.88.0.0/16, backup (not in use)
  Known via "static", distance 200, metric 0
  Routing Descriptor Blocks:
    10.0.121.2, via r1b
      Route metric is 0, traffic share count is 1'
run -c 'show ip route vrf R1 10.88.0.0/16 json'
expect_eq "json: active and backup" "$(printf '%s' "$out" | jq -c \
	'[.routes[] | [.distance, .active, .installed]]')" \
	'[[1,true,true],[200,false,true]]'
ip -n R2 link set r2-r1 down		# the primary's link loses carrier
run -c 'show ip route vrf R1'
has_line "primary down: the backup takes over" "$out" \
	'^S        10\.88\.0\.0/16 \[200/0\] via 10\.0\.121\.2, r1b$'
expect_eq "...in the kernel" "$(kr R1 4 10.88.0.0/16)" \
	"10.0.121.2 r1b 200 unicast"
ip -n R2 link set r2-r1 up
wait_oper R1 r1-r2
run -c 'show ip route vrf R1'
has_line "primary back: it is active again" "$out" \
	'^S        10\.88\.0\.0/16 \[1/0\] via 10\.0\.12\.2, r1-r2$'
expect_eq "...in the kernel" "$(kr R1 4 10.88.0.0/16)" \
	"10.0.12.2 r1-r2 1 unicast,10.0.121.2 r1b 200 unicast"

# -- an honest table for routes vrfsh does not configure: the kernel
# keeps them when the carrier goes (linkdown), they are not active
ip -n R1 route add 10.89.0.0/16 via 10.0.12.2
ip -n R1 route add default via 10.0.12.2
ip -n R1 route add default via 10.0.121.2 metric 10
run -c 'show ip route vrf R1'
has_line "gateway of last resort: the best default" "$out" \
	'^Gateway of last resort is 10\.0\.12\.2 to network 0\.0\.0\.0$'
ip -n R2 link set r2-r1 down
i=0	# until the kernel flags them
while ! ip -n R1 route show 10.89.0.0/16 | grep -q linkdown && [ $i -lt 30 ]
do sleep 0.1; i=$((i + 1)); done
expect_match "the kernel keeps the route, linkdown" \
	"$(ip -n R1 route show 10.89.0.0/16)" 'linkdown'
run -c 'show ip route vrf R1'
expect_eq "linkdown: not in the table" \
	"$(printf '%s\n' "$out" | grep -c '10\.89\.0\.0\|10\.0\.12\.0/24')" 0
has_line "gateway of last resort follows" "$out" \
	'^Gateway of last resort is 10\.0\.121\.2 to network 0\.0\.0\.0$'
has_line "the backup default is the active one" "$out" \
	'^K\*       0\.0\.0\.0/0 \[10/0\] via 10\.0\.121\.2, r1b$'
run -c 'show ip route vrf R1 json'
expect_eq "linkdown: json says not active" "$(printf '%s' "$out" | jq -c \
	'[.routes[] | select(.prefix == "10.89.0.0/16") |
	  [.active, .installed, .nexthops[0].active]]')" '[[false,true,false]]'
ip -n R2 link set r2-r1 up
wait_oper R1 r1-r2
run -c 'show ip route vrf R1'
has_line "carrier back: active again" "$out" \
	'^K        10\.89\.0\.0/16 \[0/0\] via 10\.0\.12\.2, r1-r2$'
ip -n R1 route del default via 10.0.121.2 metric 10
ip -n R1 route del default via 10.0.12.2

# -- IPv6 keeps one prefix at one metric through two interfaces as two
# routes: both forward, one entry of the table
run -c 'show ipv6 route vrf R1'
expect_eq "ipv6: fe80::/64 through both links, one entry" \
	"$(printf '%s\n' "$out" | grep -A2 '^C   FE80::/64 \[0/0\]$' |
	   sed 1d | sort | tr '\n' ,)" \
	"     via r1-r2, directly connected,     via r1b, directly connected,"
expect_eq "ipv6: ...counted once" "$(printf '%s\n' "$out" |
	grep -c '^C   FE80::/64 ')" 1

# -- summary: the active routes by source
run -c 'show ip route vrf R1 summary'
expect_eq "summary: header" "$rc:$(printf '%s\n' "$out" | sed -n 1,3p)" \
'0:IP routing table name is R1 (0x0)
IP routing table maximum-paths is 8
Route Source    Networks    Subnets     Replicates  Overhead    Memory (bytes)'
act=$(run -c 'show ip route vrf R1 json'; printf '%s' "$out" | jq \
	'[.routes[] | select(.active)] | length')
run -c 'show ip route vrf R1 summary'
expect_eq "summary: the total is the active routes" "$(printf '%s\n' "$out" |
	awk '$1 == "Total" { print $2 + $3 }')" "$act"

# -- a VRF deleted forgets its routes: made again, it has none
cfg 'vrf T' 'ip route 10.5.0.0/16 10.99.0.1' 'exit' 'no vrf T' 'vrf T'
"$VRFSH" -c 'show running-config vrf T' >"$tmp/rc"
expect_eq "no vrf: its routes are forgotten" "$(grep -c route "$tmp/rc")" 0
expect_eq "...and its record" "$(ls /run/vrfsh/static | grep -c T)" 0

finish
