#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The lab of issue 4: three VRFs as routers R1 - R2 - R3 joined by veth
# links (examples/three-routers.conf), static routes, ip routing on R2.
# vrfsh's own ping and traceroute from R1, the ping options, no ip
# routing, routing-context, and IPv6 through R2.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/route/common.sh"

lab
for x in "R1 r1-r2" "R2 r2-r1" "R2 r2-r3" "R3 r3-r2"; do
	expect_eq "$x: plain flags (ARP on)" "$(jlink $x '.flags - ["LOWER_UP",
		"NO-CARRIER", "M-DOWN"]')" '["BROADCAST","MULTICAST","UP"]'
done
if [ "$failed" -ne 0 ]; then
	finish	# the links are wrong: nothing below can pass
	exit 1
fi
expect_eq "R2 forwards" "$(fwd R2 4)" 1
expect_eq "R1 does not forward" "$(fwd R1 4)" 0
expect_eq "R1's static route (ip -j)" "$(ip -n R1 -j route show \
	10.0.23.0/24 | jq -c '[.[] | [.gateway, .dev, .protocol]]')" \
	'[["10.0.12.2","r1-r2","static"]]'
expect_eq "R3's static route (ip -j)" "$(ip -n R3 -j route show \
	10.0.12.0/24 | jq -c '[.[] | [.gateway, .dev, .protocol]]')" \
	'[["10.0.23.2","r3-r2","static"]]'

rx() { ip -n "$1" -s -j link show dev "$2" | jq ".[0].stats64.$3"; }

# -- R1 to R3 through R2: the contract's shape, 100 percent
r3rx=$(rx R3 r3-r2 rx.packets)
run -c 'ping vrf R1 10.0.23.3'
ping_ok "ping vrf R1 10.0.23.3" 5 100 10.0.23.3 2
expect_match "the echoes reached R3 over its veth" \
	"$(($(rx R3 r3-r2 rx.packets) - r3rx))" '^([5-9]|[1-9][0-9]+)$'

# -- traceroute: R2's address first, then R3, and it stops there
run -c 'traceroute vrf R1 10.0.23.3'
expect_eq "traceroute status" "$rc:$err" "0:"
expect_eq "traceroute header" "$(printf '%s\n' "$out" | sed -n 1,3p | \
	tr '\n' '|')" "Type escape sequence to abort.|Tracing the route to 10.0.23.3||"
expect_match "first hop is R2's 10.0.12.2" \
	"$(printf '%s\n' "$out" | sed -n 4p)" \
	'^  1 10\.0\.12\.2( [0-9]+ msec){3}$'
expect_match "second hop is R3's 10.0.23.3" \
	"$(printf '%s\n' "$out" | sed -n 5p)" \
	'^  2 10\.0\.23\.3( [0-9]+ msec){3}$'
expect_eq "traceroute stops at the destination" \
	"$(printf '%s\n' "$out" | wc -l)" 5

# -- routing-context: plain ping acts in R1
run -c 'routing-context vrf R1' -c 'ping 10.0.23.3'
ping_ok "routing-context vrf R1; ping 10.0.23.3" 5 100 10.0.23.3 2
run_in 'routing-context vrf R1
traceroute 10.0.23.3
' -f -
expect_eq "routing-context vrf R1; traceroute: status" "$rc" 0
has_line "routing-context vrf R1; traceroute: first hop" "$out" \
	'^  1 10\.0\.12\.2 '
# ...and without it (or back in default), the default VRF has no route:
# the probe cannot leave, nothing is sent
run -c 'routing-context vrf R1' -c 'routing-context vrf default' \
	-c 'ping 10.0.23.3 repeat 2 timeout 1'
ping_none "routing-context vrf default; ping" 2 10.0.23.3 1 U
expect_match "error names -c 3" "$err" '^-c 3: '

# -- options
run -c 'ping vrf R1 10.0.23.3 repeat 3'
ping_ok "repeat 3" 3 100 10.0.23.3 2
run -c 'ping vrf R1 10.0.23.3 repeat 1 timeout 1'
ping_ok "timeout 1" 1 100 10.0.23.3 1
run -c 'ping vrf R1 10.0.23.3 repeat 2 size 36'
ping_ok "size 36 (smallest)" 2 36 10.0.23.3 2
run -c 'ping vrf R1 10.0.23.3 repeat 1 size 18024'
ping_ok "size 18024 (largest, fragmented)" 1 18024 10.0.23.3 2
# size is the IP datagram: 2 echoes of 1000 bytes leave r1-r2 as 2
# frames of 1014 bytes (a little room for ARP or ND that happens along)
run -c 'ping vrf R1 10.0.12.2 repeat 1'	# the neighbour is known now
tx0=$(rx R1 r1-r2 tx.bytes)
run -c 'ping vrf R1 10.0.12.2 repeat 2 size 1000'
tx1=$(rx R1 r1-r2 tx.bytes)
ping_ok "size 1000" 2 1000 10.0.12.2 2
expect_match "size 1000 puts 2028 bytes on the wire (got $((tx1 - tx0)))" \
	"$(( (tx1 - tx0) >= 2028 && (tx1 - tx0) < 2300 ))" '^1$'
run -c 'ping vrf R1 10.0.23.3 repeat 2 size 200 timeout 1 source 10.0.12.1'
ping_ok "all options, source 10.0.12.1" 2 200 10.0.23.3 1
# options in any order, as on IOS; the last of a repeated one counts
run -c 'ping vrf R1 10.0.23.3 source 10.0.12.1 size 200 repeat 9 repeat 2'
ping_ok "options in any order" 2 200 10.0.23.3 2
run -c 'ping vrf R1 10.0.23.3 repeat 2 source 10.0.12.1'
ping_ok "source 10.0.12.1" 2 100 10.0.23.3 2
run -c 'ping vrf R1 10.0.23.3 repeat 2 source r1-r2'
ping_ok "source r1-r2" 2 100 10.0.23.3 2
# the source address is used: R2 learns a neighbour only from it
cfg 'interface r1-r2 vrf R1' 'ip address 10.0.12.11/24 secondary'
expect_ok "secondary address on r1-r2"
expect_eq "R2 has not seen 10.0.12.11" \
	"$(ip -n R2 -j neigh show 10.0.12.11 | jq length)" 0
run -c 'ping vrf R1 10.0.12.2 repeat 2 source 10.0.12.11'
ping_ok "source 10.0.12.11" 2 100 10.0.12.2 2
expect_eq "R2 answered 10.0.12.11" \
	"$(ip -n R2 -j neigh show 10.0.12.11 | jq -r '.[0].dev')" r2-r1
# a source that is not there, or of the wrong family, is a clear error
run -c 'ping vrf R1 10.0.23.3 repeat 1 source 10.9.9.9'
expect_eq "source not on the box: status" "$rc" 1
expect_match "source not on the box: message" "$err" \
	'^-c 1: % Error: Cannot ping 10\.0\.23\.3: Invalid source address'
expect_eq "source not on the box: no summary" \
	"$(printf '%s' "$out" | grep -c 'Success rate')" 0
run -c 'ping vrf R1 10.0.23.3 repeat 1 source r2-r1'
expect_eq "source interface of another VRF" "$rc" 1
expect_match "source interface of another VRF: message" "$err" \
	'^-c 1: % Error: Cannot ping 10\.0\.23\.3: Invalid source interface'
run -c 'ping vrf R1 10.0.23.3 repeat 1 source 2001:db8::1'
expect_eq "source of the other family" "$rc:$err" \
	"1:-c 1: % Source 2001:db8::1 is not an address of the destination's family"

# loopback inside the VRF, by address and by name (resolved in R1)
run -c 'ping vrf R1 127.0.0.1 repeat 2'
ping_ok "ping vrf R1 127.0.0.1" 2 100 127.0.0.1 2
if grep -Eq '^127\.0\.0\.1[[:space:]](.*[[:space:]])?localhost([[:space:]]|$)' \
	/etc/hosts 2>/dev/null; then
	run -c 'ping vrf R1 localhost repeat 1'
	ping_ok "ping vrf R1 localhost" 1 100 127.0.0.1 2
else
	echo "note: localhost is not 127.0.0.1 here; name check skipped" >&2
fi

# -- no ip routing on R2: 0 percent, a failed command in batch mode
cfg 'vrf R2' 'no ip routing'
expect_ok "no ip routing in VRF R2"
expect_eq "R2 no longer forwards (kernel)" "$(fwd R2 4)" 0
run -c 'ping vrf R1 10.0.23.3 repeat 2 timeout 1'
ping_none "ping through a non-routing R2" 2 10.0.23.3 1 .
# the same from a file: FILE:LINE and exit 1, and the rest is not run
printf 'ping vrf R1 10.0.23.3 repeat 2 timeout 1\nshow version\n' \
	>"$tmp/p.txt"
run -f "$tmp/p.txt"
expect_eq "-f: exit 1" "$rc" 1
expect_eq "-f: error names the line" "$err" \
	"$tmp/p.txt:1: % No reply from 10.0.23.3"
expect_eq "-f: stops at the failed ping" \
	"$(printf '%s' "$out" | grep -c 'Success rate is 0 percent (0/2)$'):$(printf '%s' "$out" | grep -ci version)" \
	"1:0"
# R2 still answers for itself
run -c 'ping vrf R1 10.0.12.2 repeat 1'
ping_ok "R2 itself still answers" 1 100 10.0.12.2 2
cfg 'vrf R2' 'ip routing'
expect_eq "R2 forwards again" "$(fwd R2 4)" 1
run -c 'ping vrf R1 10.0.23.3 repeat 2'
ping_ok "ip routing again: reaches R3" 2 100 10.0.23.3 2

# -- IPv6 through R2
cfg 'interface r1-r2 vrf R1' 'ipv6 address 2001:db8:12::1/64' \
	'interface r2-r1 vrf R2' 'ipv6 address 2001:db8:12::2/64' \
	'interface r2-r3 vrf R2' 'ipv6 address 2001:db8:23::2/64' \
	'interface r3-r2 vrf R3' 'ipv6 address 2001:db8:23::3/64' \
	'vrf R2' 'ipv6 unicast-routing' \
	'vrf R1' 'ipv6 route 2001:db8:23::/64 2001:db8:12::2' \
	'vrf R3' 'ipv6 route 2001:db8:12::/64 2001:db8:23::2'
expect_ok "IPv6 addresses and routes"
expect_eq "R2 forwards IPv6" "$(fwd R2 6)" 1
expect_eq "R1's IPv6 static route (ip -j)" "$(ip -n R1 -6 -j route show \
	2001:db8:23::/64 | jq -c '[.[] | [.gateway, .dev, .protocol]]')" \
	'[["2001:db8:12::2","r1-r2","static"]]'
wait_dad R1 R2 R3
run -c 'ping vrf R1 2001:db8:12::2'
ping_ok "IPv6 R1 to R2" 5 100 2001:db8:12::2 2
run -c 'ping vrf R1 2001:db8:23::3 repeat 3'
ping_ok "IPv6 R1 to R3 through R2" 3 100 2001:db8:23::3 2
run -c 'ping vrf R3 2001:db8:12::1 repeat 2 size 1500'
ping_ok "IPv6 R3 to R1, size 1500" 2 1500 2001:db8:12::1 2
run -c 'ping vrf R1 2001:db8:23::3 repeat 2 source 2001:db8:12::1'
ping_ok "IPv6 with source address" 2 100 2001:db8:23::3 2
run -c 'ping vrf R1 2001:db8:23::3 repeat 2 source r1-r2'
ping_ok "IPv6 with source interface" 2 100 2001:db8:23::3 2
run -c 'traceroute vrf R1 2001:db8:23::3'
expect_eq "IPv6 traceroute: status" "$rc:$err" "0:"
has_line "IPv6 traceroute: first hop R2" "$out" '^  1 2001:db8:12::2 '
has_line "IPv6 traceroute: then R3" "$out" '^  2 2001:db8:23::3 '
cfg 'vrf R2' 'no ipv6 unicast-routing'
run -c 'ping vrf R1 2001:db8:23::3 repeat 2 timeout 1'
expect_eq "IPv6 through a non-routing R2: status" "$rc" 1
has_line "IPv6 through a non-routing R2: 0 percent" "$out" \
	'^Success rate is 0 percent \(0/2\)$'

finish
