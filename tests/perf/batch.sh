#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The fast path of batch input: route additions are queued and sent
# together, yet a failing line is still reported as FILE:LINE, nothing
# after it stays applied, and --keep-going applies the rest.  Routes are
# configuration kept beside the kernel (/run/vrfsh): a test that starts
# again from nothing removes that record too (forget).
[ -n "$VRFSH_SANDBOX" ] || exec "$top_srcdir/tests/sandbox.sh" sh "$0" "$@"
. "$top_srcdir/tests/lib.sh"

ip link add d0 type veth peer name d1
ip addr add 192.168.1.1/24 dev d0
ip link set d0 up
ip link set d1 up
ip netns add V
ip link add v0 netns V type veth peer name v1 netns V
ip -n V addr add 192.168.2.1/24 dev v0
ip -n V link set v0 up
ip -n V link set v1 up

# routes N [BAD_AT]: a file of N routes in default, the line BAD_AT
# (1-based among the routes) replaced by one that the kernel refuses (a
# gateway that is the broadcast address of the connected subnet; an
# unreachable gateway is accepted and kept inactive, see below)
routes() {
	echo "configure terminal"
	i=0
	while [ $i -lt "$1" ]; do
		i=$((i + 1))
		if [ "$i" = "${2:-0}" ]; then
			echo "ip route 172.16.0.0/24 192.168.1.255"
		else
			echo "ip route 10.$((i / 256)).$((i % 256)).0/24 192.168.1.2"
		fi
	done
}
count() { ip -j route show proto static | jq length; }
forget() {
	ip route flush proto static
	ip -n V route flush proto static
	rm -f /run/vrfsh/static/*
}

routes 10000 5000 >"$tmp/fail.conf"
"$VRFSH" -f "$tmp/fail.conf" 2>"$tmp/err"
expect_eq "failing line: status" $? 1
expect_eq "failing line: reported with its number" "$(cat "$tmp/err")" \
"$tmp/fail.conf:5001: % Error: Cannot add route 172.16.0.0/24 via 192.168.1.255: Nexthop has invalid gateway"
expect_eq "lines before the failure applied" "$(count)" 4999
expect_eq "the last line before it is there" \
	"$(ip -j route show 10.19.135.0/24 | jq length)" 1
expect_eq "nothing after it stays applied" \
	"$(ip -j route show 10.19.137.0/24 | jq length)" 0
expect_eq "nothing after it stays configured" \
	"$("$VRFSH" -c 'show running-config' | grep -c '^ip route ')" 4999
forget

"$VRFSH" --keep-going -f "$tmp/fail.conf" 2>"$tmp/err"
expect_eq "keep going: status" $? 1
expect_eq "keep going: one error" "$(wc -l <"$tmp/err")" 1
expect_eq "keep going: the rest applied" "$(count)" 9999
expect_eq "keep going: the rest configured" \
	"$("$VRFSH" -c 'show running-config' | grep -c '^ip route ')" 9999
forget

# a duplicate inside one batch is configured already: nothing to do
{ routes 3000; echo "ip route 10.0.1.0/24 192.168.1.2"; } >"$tmp/dup.conf"
"$VRFSH" -f "$tmp/dup.conf" 2>"$tmp/err"
expect_eq "duplicate: status" $? 0
expect_eq "duplicate: no error" "$(cat "$tmp/err")" ""
expect_eq "duplicate: the routes, once" "$(count)" 3000
# the same file again onto the live table: nothing changes
ip -j route show >"$tmp/before.json"
"$VRFSH" -f "$tmp/dup.conf" 2>"$tmp/err"
expect_eq "applied again: status and errors" "$?:$(cat "$tmp/err")" "0:"
ip -j route show >"$tmp/after.json"
expect_eq "applied again: the kernel unchanged" \
	"$(cmp -s "$tmp/before.json" "$tmp/after.json" && echo same)" same
forget

# queued routes are done before the next command runs: a show sees them,
# and an error stops the file before that command
{ routes 200; echo "do show ip route static | include 10.0.200.0/24"; } \
	>"$tmp/show.conf"
out=$("$VRFSH" -f "$tmp/show.conf")
expect_match "show after queued routes" "$out" '^S +10\.0\.200\.0/24'
forget
{ routes 300 150; echo "do show version"; } >"$tmp/stop.conf"
out=$("$VRFSH" -f "$tmp/stop.conf" 2>"$tmp/err")
expect_eq "a command after a failed batch does not run" "$out" ""
expect_eq "routes after the failure removed" "$(count)" 149
forget

# switching VRF sends what is queued; errors keep their VRF and line
cat >"$tmp/vrfs.conf" <<CONF
configure terminal
ip route 10.1.0.0/16 192.168.1.2
ip route vrf V 10.2.0.0/16 192.168.2.2
ip route 10.3.0.0/16 192.168.1.2
ip route vrf V 10.4.0.0/16 192.168.2.255
ip route vrf V 10.5.0.0/16 192.168.2.2
CONF
"$VRFSH" -f "$tmp/vrfs.conf" 2>"$tmp/err"
expect_eq "VRF switch: status" $? 1
expect_eq "VRF switch: error" "$(cat "$tmp/err")" \
"$tmp/vrfs.conf:5: % Error: Cannot add route 10.4.0.0/16 via 192.168.2.255 in VRF V: Nexthop has invalid gateway"
expect_eq "VRF switch: default routes" "$(count)" 2
expect_eq "VRF switch: V keeps the one before" \
	"$(ip -n V -j route show proto static | jq -r '.[].dst')" "10.2.0.0/16"

# interactive-style -c runs are not queued differently: same answers
forget
"$VRFSH" -c 'configure terminal' -c 'ip route 10.9.0.0/16 192.168.1.2' \
	-c 'ip route 10.9.0.0/16 192.168.1.2' 2>"$tmp/err"
expect_eq "-c duplicate: status and errors" "$?:$(cat "$tmp/err")" "0:"
"$VRFSH" -c 'configure terminal' -c 'ip route 10.9.0.0/16 192.168.1.255' \
	2>"$tmp/err"
expect_eq "-c refused: status" $? 1
expect_match "-c refused: origin" "$(cat "$tmp/err")" '^-c 2: % Error: Cannot add'

# an unreachable gateway is configuration all the same: kept, not
# installed, with a notice (on the output, with its line); it is
# installed when a later line makes it reachable
forget
cat >"$tmp/inactive.conf" <<CONF
configure terminal
ip route 172.16.0.0/24 10.99.99.99
ip route 172.17.0.0/24 10.98.0.1
ip route 10.98.0.0/16 192.168.1.2
CONF
out=$("$VRFSH" -f "$tmp/inactive.conf" 2>"$tmp/err")
expect_eq "inactive: status and errors" "$?:$(cat "$tmp/err")" "0:"
expect_eq "inactive: one notice, with its line" "$out" \
"% Route 172.16.0.0/24 via 10.99.99.99 is configured; not installed: its next hop is unusable now ($tmp/inactive.conf:2)"
expect_eq "inactive: not in the kernel" \
	"$(ip -j route show 172.16.0.0/24 | jq length)" 0
expect_eq "made reachable by a later line: installed" \
	"$(ip -j route show 172.17.0.0/24 | jq -r '.[].gateway')" 192.168.1.2
"$VRFSH" -c 'show running-config' >"$tmp/run"
expect_match "inactive: in the running-config" "$(cat "$tmp/run")" \
	'ip route 172\.16\.0\.0 255\.255\.255\.0 10\.99\.99\.99'
# Long files are sent ahead while they are read (every 256 changes, in
# batches that a thread of vrfsh sends while the next lines are parsed).
# What a line does must not depend on where those rounds fall: the same
# results as a short file, and as one command at a time.
# filler N BASE: N routes 10.BASE.0.0/24 and on, that nothing else names
filler() {
	i=0
	while [ $i -lt "$1" ]; do
		echo "ip route 10.$(($2 + i / 256)).$((i % 256)).0/24 192.168.1.2"
		i=$((i + 1))
	done
}
forget
ip route add 10.201.0.0/24 via 192.168.1.4 proto static
for n in 0 700; do
	{
		echo "configure terminal"
		# a second next hop, far from the first: one multipath route
		echo "ip route 10.200.0.0/24 192.168.1.2"
		# a route of iproute2 removed, then configured again: it is
		# not taken over a second time
		echo "no ip route 10.201.0.0/24"
		filler "$n" 100
		echo "ip route 10.201.0.0/24 192.168.1.3"
		echo "ip route 10.200.0.0/24 192.168.1.3"
		# one of ours, sent ahead, removed and configured again
		echo "ip route 10.204.0.0/24 192.168.1.2"
		filler "$n" 120
		echo "no ip route 10.204.0.0/24"
		echo "ip route 10.204.0.0/24 192.168.1.3"
		# on-link through a route that a later line removes: not
		# installed, as if nothing had been sent ahead
		echo "ip route 10.205.0.0/16 d0"
		filler "$n" 130
		echo "ip route 20.0.0.0/8 d0 10.205.2.3"
		filler "$n" 140
		# unusable when sent ahead, usable by the end of the file
		echo "ip route 10.202.0.0/24 10.203.0.1"
		filler "$n" 110
		echo "ip route 10.203.0.0/16 192.168.1.2"
		# sent ahead, then removed by a later line
		if [ "$n" -gt 0 ]; then
			echo "no ip route 10.100.0.0/24"
			echo "no ip route 10.110.0.0/24"
		fi
		# (the last line: in the same flush as the route through it)
		echo "no ip route 10.205.0.0/16 d0"
	} >"$tmp/ahead.conf"
	"$VRFSH" -f "$tmp/ahead.conf" 2>"$tmp/err"
	expect_eq "ahead $n: status and errors" "$?:$(cat "$tmp/err")" "0:"
	expect_eq "ahead $n: multipath from lines far apart" \
		"$(ip -j route show 10.200.0.0/24 |
			jq -r '[.[0].nexthops[].gateway] | sort | join(" ")')" \
		"192.168.1.2 192.168.1.3"
	expect_eq "ahead $n: removed, then configured again" \
		"$(ip -j route show 10.201.0.0/24 | jq -c '[.[] | [.gateway, .nexthops]]')" \
		'[["192.168.1.3",null]]'
	expect_eq "ahead $n: ours removed, then configured again" \
		"$(ip -j route show 10.204.0.0/24 | jq -c '[.[] | [.gateway, .nexthops]]')" \
		'[["192.168.1.3",null]]'
	expect_eq "ahead $n: on-link through a removed route, not installed" \
		"$(ip -j route show 20.0.0.0/8; ip -j route show 10.205.0.0/16)" "[]
[]"
	expect_eq "ahead $n: usable by the end, installed" \
		"$(ip -j route show 10.202.0.0/24 | jq -r '.[].gateway')" 192.168.1.2
	if [ "$n" -gt 0 ]; then
		expect_eq "ahead $n: removed by a later line, gone" \
			"$(ip -j route show 10.100.0.0/24; ip -j route show 10.110.0.0/24)" "[]
[]"
		expect_eq "ahead $n: every other route installed" \
			"$(count)" $((5 + 5 * n - 2))
	fi
	"$VRFSH" -c 'show running-config' | grep '^ip route 10\.20[0-4]\.' >"$tmp/run"
	expect_eq "ahead $n: the configuration" "$(cat "$tmp/run")" \
"ip route 10.200.0.0 255.255.255.0 192.168.1.2
ip route 10.200.0.0 255.255.255.0 192.168.1.3
ip route 10.201.0.0 255.255.255.0 192.168.1.3
ip route 10.202.0.0 255.255.255.0 10.203.0.1
ip route 10.203.0.0 255.255.0.0 192.168.1.2
ip route 10.204.0.0 255.255.255.0 192.168.1.3"
	forget
	ip route add 10.201.0.0/24 via 192.168.1.4 proto static
done
# the same lines one command at a time
"$VRFSH" -c 'configure terminal' -c 'no ip route 10.201.0.0/24' \
	-c 'ip route 10.201.0.0/24 192.168.1.3' 2>"$tmp/err"
expect_eq "one at a time: status and errors" "$?:$(cat "$tmp/err")" "0:"
expect_eq "one at a time: removed, then configured again" \
	"$(ip -j route show 10.201.0.0/24 | jq -c '[.[] | [.gateway, .nexthops]]')" \
	'[["192.168.1.3",null]]'
forget

# routes through gateways that a later line makes reachable, with fewer
# and with more different gateways than vrfsh follows one by one (32):
# each is installed by the end of the file
for n in 8 40; do
	{
		echo "configure terminal"
		i=0
		while [ $i -lt $n ]; do
			echo "ip route 10.210.$i.0/24 10.211.$i.1"
			i=$((i + 1))
		done
		filler 600 100
		echo "ip route 10.211.0.0/16 192.168.1.2"
	} >"$tmp/gws.conf"
	"$VRFSH" -f "$tmp/gws.conf" >/dev/null 2>"$tmp/err"
	expect_eq "$n gateways: status and errors" "$?:$(cat "$tmp/err")" "0:"
	expect_eq "$n gateways: every route through them installed" \
		"$(ip -j route show proto static | jq '[.[] | select(.dst | startswith("10.210.")) | select(.gateway == "192.168.1.2")] | length')" $n
	forget
done

# The slow twin (VRFSH_STATIC_AT_END=1 sends a batch's changes only at
# its end) against the fast path on a mixed file: additions, second next
# hops, deletions, another VRF, recursive routes through routes that are
# there and through routes just removed, refused lines: the same kernel
# tables, configuration, messages and status.
awk 'function p(i) { return sprintf("10.%d.%d.0/24", 150 + int(i / 256), i % 256) }
function gw(i) { return sprintf("10.%d.%d.1", 150 + int(i / 256), i % 256) }
BEGIN {
	print "configure terminal"
	for (i = 0; i < 4000; i++) {
		r = i % 10
		if (r <= 4) print "ip route " p(i) " 192.168.1.2"
		else if (r == 5) print "ip route " p(i - 5) " 192.168.1.3"
		else if (r == 6) print "ip route vrf V " p(i) " 192.168.2.2"
		else if (r == 7) print "no ip route " p(i - 6) " 192.168.1.2"
		else if (r == 8) print "ip route 172." 16 + int(i / 256) % 16 "." i % 256 ".0/24 " gw(i - 7)
		else print "ip route 172." 16 + int(i / 256) % 16 "." i % 256 ".0/24 " gw(i - 7)
		if (i % 1000 == 999) print "ip route 172.31." int(i / 1000) ".0/24 192.168.1.255"
	}
}' >"$tmp/mixed.conf"
state() {
	ip -j route show | jq -S 'sort_by(.dst)'
	ip -n V -j route show | jq -S 'sort_by(.dst)'
	"$VRFSH" -c 'show running-config' | grep '^ip route '
}
forget
"$VRFSH" --keep-going -f "$tmp/mixed.conf" >"$tmp/fast.out" 2>"$tmp/fast.err"
echo "status $?" >>"$tmp/fast.err"
state >"$tmp/fast.state"
recursive=$(ip -j route show | jq '[.[] | select(.dst | startswith("172."))] | length')
forget
VRFSH_STATIC_AT_END=1 "$VRFSH" --keep-going -f "$tmp/mixed.conf" \
	>"$tmp/slow.out" 2>"$tmp/slow.err"
echo "status $?" >>"$tmp/slow.err"
state >"$tmp/slow.state"
forget
expect_eq "twin: refused lines and status" "$(cat "$tmp/fast.err")" \
	"$(cat "$tmp/slow.err")"
expect_eq "twin: four refused lines" "$(grep -c 'Nexthop has invalid gateway' "$tmp/fast.err")" 4
expect_eq "twin: notices" "$(cat "$tmp/fast.out")" "$(cat "$tmp/slow.out")"
expect_match "twin: some routes inactive" "$(cat "$tmp/fast.out")" 'not installed'
expect_eq "twin: kernel tables and configuration" \
	"$(cmp "$tmp/fast.state" "$tmp/slow.state" && echo same)" same
expect_eq "twin: the recursive routes that can be, installed" "$recursive" 400

# two VRFs line by line, more than a batch each: every route where its
# line put it, and a refused one named by its VRF and line
{
	echo "configure terminal"
	i=0
	while [ $i -lt 1200 ]; do
		echo "ip route 10.$((i / 256)).$((i % 256)).0/24 192.168.1.2"
		if [ $i = 1000 ]; then
			echo "ip route vrf V 10.250.0.0/16 192.168.2.255"
		else
			echo "ip route vrf V 10.$((i / 256)).$((i % 256)).0/24 192.168.2.2"
		fi
		i=$((i + 1))
	done
} >"$tmp/two.conf"
"$VRFSH" --keep-going -f "$tmp/two.conf" 2>"$tmp/err"
expect_eq "two VRFs: status" $? 1
expect_eq "two VRFs: the refused line" "$(cat "$tmp/err")" \
"$tmp/two.conf:2003: % Error: Cannot add route 10.250.0.0/16 via 192.168.2.255 in VRF V: Nexthop has invalid gateway"
expect_eq "two VRFs: default" "$(count)" 1200
expect_eq "two VRFs: V" "$(ip -n V -j route show proto static | jq length)" 1199
forget

finish
