# SPDX-License-Identifier: GPL-2.0-or-later
# Shared helpers for the filtering and NAT tests (tests/filter/*.sh): the
# configuration test helpers, plus the lab of three VRFs built with vrfsh
# commands, traffic between them (ping, TCP connections to a listener
# from tests/net/listen.py), and nftables as the independent witness
# (nft -j list ruleset inside each namespace, conntrack, jq).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"

for tool in nft conntrack ping /usr/bin/python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "$tool is missing (Debian: nftables conntrack iputils-ping" \
			"python3)" >&2
		exit 1
	fi
done
# never the real startup file, whatever a command does
VRFSH_CONFIG="$tmp/never.conf"
export VRFSH_CONFIG
PY=/usr/bin/python3

# The lab:  client c0 --10.0.1.0/24-- r0 router r1 --10.0.2.0/24-- s0 server
# (and fd00:1::/64, fd00:2::/64).  The router forwards; the client's
# default route points at it.  With "back", the server has a route back
# to the client's network (no NAT needed).
lab_conf() {
	cat <<EOF
configure terminal
vrf client
vrf router
 ip routing
 ipv6 unicast-routing
vrf server
exit
interface c0 vrf client type veth peer r0 vrf router
 ip address 10.0.1.2/24
 ipv6 address fd00:1::2/64
 no shutdown
interface r0 vrf router
 ip address 10.0.1.1/24
 ipv6 address fd00:1::1/64
 no shutdown
interface r1 vrf router type veth peer s0 vrf server
 ip address 10.0.2.1/24
 ipv6 address fd00:2::1/64
 no shutdown
interface s0 vrf server
 ip address 10.0.2.2/24
 ipv6 address fd00:2::2/64
 no shutdown
exit
ip route vrf client 0.0.0.0/0 10.0.1.1
ipv6 route vrf client ::/0 fd00:1::1
ipv6 route vrf server fd00:1::/64 fd00:2::1
EOF
	[ "$1" = back ] && echo "ip route vrf server 10.0.1.0/24 10.0.2.1"
	echo end
}

# lab [back] : the lab made with vrfsh -f; stops the test when it fails
lab() {
	lab_conf "$1" >"$tmp/lab.conf"
	run -f "$tmp/lab.conf"
	if [ "$rc" -ne 0 ] || [ -n "$err" ]; then
		fail "the lab: rc=$rc err=[$err]"
		finish
		exit 1
	fi
	ok
	lab_wait
}

# lab_wait : carrier on the four ends, IPv6 addresses usable
lab_wait() {
	i=0
	while [ $i -lt 100 ]; do
		t=0
		for v in client router server; do
			if ns_ip "$v" -j addr | jq -e '[.[].addr_info[] |
			   select(.tentative)] | length > 0' >/dev/null ||
			   ns_ip "$v" -j link | jq -e '[.[] | select(.ifname
			   != "lo" and .operstate != "UP")] | length > 0' \
			   >/dev/null; then
				t=1
			fi
		done
		[ $t -eq 0 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "lab_wait: links or addresses not ready" >&2
}

# listen_in VRF PORT... : starts the listener there; $lpid is its pid,
# $tmp/l/peers gets "PORT PEER" per connection
listen_in() {
	v=$1
	shift
	rm -rf "$tmp/l"
	mkdir "$tmp/l"
	ip netns exec "$v" "$PY" "$top_srcdir/tests/net/listen.py" "$tmp/l" \
		"$@" >/dev/null 2>&1 &
	lpid=$!
	i=0
	while [ ! -e "$tmp/l/ready" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ -e "$tmp/l/ready" ] || echo "listen_in: no listener in $v" >&2
}

stop_listener() {
	[ -n "$lpid" ] && kill "$lpid" 2>/dev/null && wait "$lpid" 2>/dev/null
	lpid=
}

# tcp_ok VRF ADDR PORT : does a connection from VRF get the listener's "ok"
tcp_ok() {
	got=$(ip netns exec "$1" "$PY" -c '
import socket, sys
s = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=1)
print(s.recv(2).decode())' "$2" "$3" 2>/dev/null)
	[ "$got" = ok ]
}

# ping_ok VRF ADDR COUNT
ping_ok() {
	ip netns exec "$1" ping -n -q -c "$3" -i 0.2 -W 1 "$2" >/dev/null 2>&1
}

# nft_norm NS : the namespace's whole ruleset as nft -j gives it, one
# object a line, without what differs between two equal rulesets
# (handles, counters, the order in which tables, chains and sets, and the
# elements of sets, were made); rules stay in their order in each chain
nft_norm() {
	if [ "$1" = default ]; then nft -j list ruleset
	else ip netns exec "$1" nft -j list ruleset; fi | jq -S -c '
	  [.nftables[] | select(has("metainfo") | not)] |
	  walk(if type == "object" then del(.handle) |
	    (if has("packets") and has("bytes") then .packets = 0 |
	     .bytes = 0 else . end) else . end) |
	  map(if .set.elem then .set.elem |= sort else . end) |
	  ([.[] | select(has("rule") | not)] | sort[]),
	  ([.[] | select(has("rule"))] |
	   sort_by(.rule.family, .rule.table, .rule.chain)[])'
}

# nft_all FILE : nft_norm of every namespace, each under a header line
nft_all() {
	for n in default $(vrfs); do
		echo "== $n"
		nft_norm "$n"
	done >"$1"
}

# rule_packets NS CHAIN SEQ : the kernel's count for entry SEQ of a list's
# chain (by the rule's comment)
rule_packets() {
	ip netns exec "$1" nft -j list chain inet vrfsh "$2" | jq -r \
	  --arg seq "$3" '[.nftables[].rule? | select(. != null) |
	    select(.comment | startswith($seq + " ")) | .expr[] |
	    .counter?.packets | select(. != null)] | add // 0'
}
