#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The exact round trip (contract section 6): a state is made in one
# sandbox (from an example with vrfsh -f, or with iproute2 alone), its
# running-config A and kernel snapshot S1 are taken; A is applied with
# vrfsh -f in a second, clean sandbox, which must then show the same
# running-config A, byte for byte, and the same kernel state S1 (ip -j).
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"
# never the real startup file, whatever a command does
VRFSH_CONFIG="$tmp/never.conf"
export VRFSH_CONFIG

# --apply FILE DIR : (in a fresh sandbox) vrfsh -f FILE; DIR/rc, DIR/err,
# DIR/conf (show running-config) and DIR/state (kstate)
if [ "$1" = --apply ]; then
	"$VRFSH" -f "$2" >"$3/out" 2>"$3/err" </dev/null
	echo $? >"$3/rc"
	kstate_settled "$3/state"
	"$VRFSH" -c 'show running-config' >"$3/conf" 2>>"$3/err" </dev/null
	exit 0
fi

# roundtrip NAME DIR : DIR/conf and DIR/state hold A and S1; replays A
# in a fresh sandbox and compares
roundtrip() {
	mkdir "$2/replay"
	fresh sh "$0" --apply "$2/conf" "$2/replay"
	expect_eq "$1: replay ran" "$?" 0
	expect_eq "$1: A applied to a clean sandbox" \
		"$(cat "$2/replay/rc" 2>&1) $(cat "$2/replay/err" 2>&1)" "0 "
	if cmp -s "$2/conf" "$2/replay/conf"; then ok; else
		fail "$1: running-config after the replay differs:
$(diff "$2/conf" "$2/replay/conf")"
	fi
	if cmp -s "$2/state" "$2/replay/state"; then ok; else
		fail "$1: kernel state after the replay differs:
$(diff "$2/state" "$2/replay/state")"
	fi
}

# ---- every example -------------------------------------------------------
for ex in seed-blue three-routers lan-bridge; do
	d="$tmp/$ex"
	mkdir "$d"
	fresh sh "$0" --apply "$top_srcdir/examples/$ex.conf" "$d"
	expect_eq "$ex: applied" "$(cat "$d/rc" 2>&1) $(cat "$d/err" 2>&1)" \
		"0 "
	case $ex in
	seed-blue) want="Blue" ;;
	three-routers) want="R1 R2 R3" ;;
	lan-bridge) want="GW H1 H2 H3 H4 SRV SW" ;;
	esac
	expect_eq "$ex: snapshot sees its VRFs" "$(sed -n 1p "$d/state")" \
		"netns: $want"
	expect_match "$ex: A is a whole configuration" \
		"$(sed -n '2p;$p' "$d/conf" | tr '\n' ' ')" \
		'^configure terminal end $'
	roundtrip "$ex" "$d"
done

# what the snapshots hold for the examples (so that S1 = S2 means
# something): the veth pair of the seed, by name across namespaces
expect_match "seed snapshot: vetha's peer is Blue vethb" \
	"$(grep '"ifname":"vetha","kind"' "$tmp/seed-blue/state")" \
	'"peer":"Blue vethb"'
expect_match "three-routers snapshot: R2 forwards" \
	"$(grep '^== R2' "$tmp/three-routers/state")" 'ip_forward 1 '
expect_match "lan-bridge snapshot: sw-h1 in br0" \
	"$(grep '"ifname":"sw-h1","kind"' "$tmp/lan-bridge/state")" \
	'"master":"br0"'
expect_match "three-routers snapshot: static route in R1" \
	"$(sed -n '/^== R1/,/^==/p' "$tmp/three-routers/state" |
	   grep '"10.0.23.0/24"')" \
	'"gateway":"10.0.12.2","dev":"r1-r2","protocol":"static".*"metric":1,'

# ---- a state made with iproute2 alone (in this sandbox) --------------------
d="$tmp/iproute2"
mkdir "$d"
(
	set -e
	ip netns add A
	ip netns add B
	ip netns add C
	ip netns add lab-1.x_y
	for n in A B lab-1.x_y; do ip -n $n link set lo up; done
	# C keeps lo down, as ip netns add leaves it
	ip link add va type veth peer name vb netns B
	ip link set va netns A
	ip -n A link add vx type veth peer name vy	# both ends in A
	ip link add up0 type veth peer name up1 netns C
	ip -n lab-1.x_y link add l0 type veth peer name l1 netns A
	ip -n B link add br1 type bridge
	ip -n B link add m1 type veth peer name m2 netns C
	ip -n B link set m1 master br1
	ip -n B link add m3 type veth peer name m4
	ip -n B link set m3 master br1
	ip -n A addr add 10.1.0.1/24 dev va
	ip -n A addr add 10.2.0.1/24 dev va
	ip -n A addr add 10.1.0.9/24 dev va		# a secondary
	ip -n A addr add 2001:db8:1::1/64 dev va nodad
	ip -n A addr add 2001:db8:1::1:1/64 dev va nodad
	ip -n A addr add 10.255.0.1/32 dev lo		# a router's loopback
	ip -n B addr add 10.1.0.2/24 dev br1
	ip -n B addr add 2001:db8:1::2/64 dev br1 nodad
	ip -n B addr add 10.4.0.1/24 dev m3		# on a link left down
	ip -n B addr add 2001:db8:4::1/64 dev m3 nodad
	ip -n C addr add 10.3.0.3/24 dev m2
	ip addr add 10.9.0.1/30 dev up0
	ip addr add 2001:db8:9::1/64 dev up0 nodad
	ip -n C addr add 10.9.0.2/30 dev up1
	ip -n C addr add 2001:db8:9::2/64 dev up1 nodad
	ip -n lab-1.x_y addr add 172.31.0.1/31 dev l0
	ip -n A addr add 172.31.0.0/31 dev l1
	ip -n A link set va mtu 1400 up
	ip -n A link set vx alias "inner pair, both ends in A" up
	ip -n A link set vy up
	ip -n A link set l1 up
	ip -n lab-1.x_y link set l0 mtu 9000 alias uplink up
	ip -n B link set vb up
	ip -n B link set m1 mtu 1450 up		# the bridge follows: 1450
	ip -n B link set br1 alias "the switch" up
	ip -n C link set m2 up
	ip -n C link set up1 up
	ip link set up0 up
	# routes as ip route add makes them (protocol boot), and static ones
	ip -n A route add 10.50.0.0/16 via 10.1.0.2
	ip -n A route add 10.60.0.0/16 dev va
	ip -n A route add 10.70.0.0/16 via 10.1.0.2 metric 20
	ip -n A route add default via 172.31.0.1
	ip -n A -6 route add 2001:db8:50::/48 via 2001:db8:1::2
	ip -n A -6 route add 2001:db8:60::/48 dev va metric 5
	ip -n A -6 route add 2001:db8:70::/48 via fe80::1 dev va
	ip route add 10.80.0.0/16 via 10.9.0.2 proto static metric 1
	ip -6 route add 2001:db8:80::/48 via 2001:db8:9::2 proto static \
		metric 7
	ip -n C route add 10.0.0.0/8 via 10.9.0.1
	# multipath, blackhole, unreachable and prohibit routes
	ip -n A route add 10.51.0.0/16 nexthop via 10.1.0.2 nexthop via 10.1.0.3
	ip -n A -6 route add 2001:db8:51::/48 nexthop via 2001:db8:1::2 dev va \
		nexthop via 2001:db8:1::3 dev va
	ip -n A route add blackhole 10.52.0.0/16
	ip -n A -6 route add blackhole 2001:db8:52::/48
	ip -n A route add unreachable 10.53.0.0/16 metric 7
	ip -n A -6 route add unreachable 2001:db8:53::/48
	ip -n A route add prohibit 10.54.0.0/16
	ip -n A -6 route add prohibit 2001:db8:54::/48 metric 9
	ip netns exec B sysctl -qw net.ipv4.ip_forward=1
	ip netns exec B sysctl -qw net.ipv6.conf.all.forwarding=1
) >"$tmp/build.log" 2>&1
expect_eq "state built with iproute2" "$? $(cat "$tmp/build.log")" "0 "
kstate_settled "$d/state"
run -c 'show running-config'
printf '%s\n' "$out" >"$d/conf"
expect_eq "show running-config of the iproute2 state" "$rc $err" "0 "

# the snapshot sees what was built
s1=$(cat "$d/state")
for want in 'netns: A B C lab-1.x_y' '== B ip_forward 1 v4.default 1 v6.all 1' \
	'"ifname":"va","kind":"veth","mtu":1400,"up":true,"master":null,"alias":null,"peer":"B vb"' \
	'"ifname":"vx","kind":"veth","mtu":1500,"up":true,"master":null,"alias":"inner pair, both ends in A","peer":"A vy"' \
	'"ifname":"l0","kind":"veth","mtu":9000,"up":true,"master":null,"alias":"uplink","peer":"A l1"' \
	'"ifname":"up1","kind":"veth","mtu":1500,"up":true,"master":null,"alias":null,"peer":"default up0"' \
	'"ifname":"br1","kind":"bridge","mtu":1450,' \
	'"ifname":"m3","kind":"veth","mtu":1500,"up":false,"master":"br1"' \
	'"ifname":"va","v4":[["10.1.0.1",24,false],["10.2.0.1",24,false],["10.1.0.9",24,true]],"v6":[["2001:db8:1::1",64],["2001:db8:1::1:1",64]]}' \
	'"ifname":"lo","v4":[],"v6":[]}' \
	'"ifname":"m3","v4":[["10.4.0.1",24,false]],"v6":[["2001:db8:4::1",64]]}' \
	'"dst":"10.60.0.0/16","type":"unicast","gateway":null,"dev":"va","protocol":"boot","scope":"link","metric":0' \
	'"dst":"2001:db8:70::/48","type":"unicast","gateway":"fe80::1","dev":"va","protocol":"boot"' \
	'"dst":"10.80.0.0/16","type":"unicast","gateway":"10.9.0.2","dev":"up0","protocol":"static","scope":"global","metric":1' \
	'"dst":"10.51.0.0/16","type":"unicast","gateway":null,"dev":null,"protocol":"boot","scope":"global","metric":0,"prefsrc":null,"nexthops":[{"gateway":"10.1.0.2","dev":"va"},{"gateway":"10.1.0.3","dev":"va"}]' \
	'"dst":"10.52.0.0/16","type":"blackhole"' \
	'"dst":"10.53.0.0/16","type":"unreachable"' \
	'"dst":"2001:db8:54::/48","type":"prohibit"'
do
	case $s1 in
	*"$want"*) ok ;;
	*) fail "iproute2 snapshot lacks [$want]" ;;
	esac
done

# and running-config renders it, ip route add routes with protocol boot
for want in 'vrf definition lab-1.x_y' 'interface C/lo
 vrf forwarding C
 no ip address
 shutdown' 'interface A/lo
 vrf forwarding A
 ip address 10.255.0.1 255.255.255.255 secondary
 no shutdown' \
	'ip route vrf A 10.50.0.0 255.255.0.0 10.1.0.2 0 protocol boot' \
	'ip route vrf A 10.60.0.0 255.255.0.0 va 0 protocol boot' \
	'ipv6 route vrf A 2001:db8:70::/48 va fe80::1 1024 protocol boot' \
	'ip route 10.80.0.0 255.255.0.0 10.9.0.2
' 'ipv6 route 2001:db8:80::/48 2001:db8:9::2 7
' 'ip route vrf A 10.51.0.0 255.255.0.0 10.1.0.2 0 protocol boot
ip route vrf A 10.51.0.0 255.255.0.0 10.1.0.3 0 protocol boot
ip route vrf A 10.52.0.0 255.255.0.0 Null0 0 protocol boot
ip route vrf A 10.53.0.0 255.255.0.0 Null0 unreachable 7 protocol boot
ip route vrf A 10.54.0.0 255.255.0.0 Null0 prohibit 0 protocol boot' \
	'ipv6 route vrf A 2001:db8:51::/48 2001:db8:1::2 1024 protocol boot
ipv6 route vrf A 2001:db8:51::/48 2001:db8:1::3 1024 protocol boot
ipv6 route vrf A 2001:db8:52::/48 Null0 1024 protocol boot
ipv6 route vrf A 2001:db8:53::/48 Null0 unreachable 1024 protocol boot
ipv6 route vrf A 2001:db8:54::/48 Null0 prohibit 9 protocol boot'
do
	case $out in
	*"$want"*) ok ;;
	*) fail "running-config lacks [$want]" ;;
	esac
done

roundtrip iproute2 "$d"

# the witness itself: each kind of change shows in the snapshot
cp "$d/state" "$tmp/prev"
for change in 'ip -n A link set vx mtu 1499' 'ip -n A link set vy down' \
	'ip -n A link set vy alias x' 'ip -n B link set m1 nomaster' \
	'ip -n A addr del 10.1.0.9/24 dev va' \
	'ip -n A addr add 10.1.0.9/24 dev va' \
	'ip -n A addr del 2001:db8:1::1:1/64 dev va' \
	'ip -n A route add 10.70.0.0/16 via 10.1.0.2 metric 21' \
	'ip -n A route del 10.70.0.0/16' \
	'ip -n A route change 10.50.0.0/16 via 10.1.0.2 proto static' \
	'ip netns exec A sysctl -qw net.ipv6.conf.all.forwarding=1' \
	'ip -n B link set m4 netns C'
do
	if ! sh -c "$change" >"$tmp/change.err" 2>&1; then
		fail "witness: $change: $(cat "$tmp/change.err")"
		continue
	fi
	kstate "$tmp/cur"
	if cmp -s "$tmp/prev" "$tmp/cur"; then
		fail "witness: the snapshot does not see: $change"
	else ok; fi
	mv "$tmp/cur" "$tmp/prev"
done

finish
