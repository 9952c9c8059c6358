#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 9, defect 7: 2,000 VRFs under the default `ulimit -n 1024`.  The
# backend keeps a bounded number of namespace fds and netlink sockets, so
# one `vrfsh -f` file makes them all, and show vrf, show running-config,
# show interfaces vrf all and show ip interface brief vrf all read them
# all.  iproute2 is the witness; each step's time goes to the log.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

N=${MANY_VRFS:-2000}
ulimit -n 1024 || { echo "cannot set ulimit -n 1024" >&2; exit 99; }

now() { date +%s.%N; }
# timed LABEL ARGS... : run vrfsh and log how long it took
timed() {
	label=$1
	shift
	t0=$(now)
	run "$@"
	echo "$label: $(echo "$(now) - $t0" | bc) s" >&2
}

# N VRFs with forwarding on; 20 of them with a veth to default, and one
# VRF-to-VRF pair, addressed and up.
{
	echo 'configure terminal'
	i=1
	while [ $i -le $N ]; do
		printf 'vrf V%d\n ip routing\nexit-vrf\n' $i
		i=$((i + 1))
	done
	i=1
	while [ $i -le 20 ]; do
		v=$((i * N / 20))
		printf 'interface d%d type veth peer e%d vrf V%d\n' $i $i $v
		printf ' ip address 10.%d.0.1/24\n no shutdown\n' $i
		printf 'interface e%d vrf V%d\n' $i $v
		printf ' ip address 10.%d.0.2/24\n no shutdown\n' $i
		i=$((i + 1))
	done
	printf 'interface x1 vrf V1 type veth peer x2 vrf V%d\n' $N
	echo end
} >"$tmp/many.conf"

timed "create $N VRFs" -f "$tmp/many.conf"
expect_ok "vrfsh -f makes $N VRFs"
expect_eq "ip netns list has them all" "$(ip netns list | wc -l)" "$N"
expect_eq "each with lo up and forwarding on" \
	"$(ip -n V$N -j link show lo | jq -r '.[0].flags | index("UP") != null'):$(fwd V$N 4)" \
	"true:1"

timed "show vrf" -c 'show vrf'
expect_eq "show vrf: status" "$rc:$err" "0:"
expect_eq "show vrf: every VRF, readable" \
	"$(printf '%s\n' "$out" | grep -Ec '^  V[0-9]+ +<not set> +ipv4,ipv6 +lo$')" "$N"

timed "show running-config" -c 'show running-config'
expect_eq "show running-config: status" "$rc:$err" "0:"
expect_eq "show running-config: every VRF" \
	"$(printf '%s\n' "$out" | grep -c '^vrf definition V')" "$N"
stanza() { printf '%s\n' "$out" | sed -n "/^interface $1\$/,/^!/p" | tr '\n' '|'; }
expect_eq "show running-config: a veth to default named" "$(stanza d20)" \
	"interface d20| type veth peer e20| ip address 10.20.0.1 255.255.255.0| no shutdown|!|"
expect_match "show running-config: its peer moved to its VRF" "$(stanza e20)" \
	"^interface e20\\| vrf forwarding V$N\\|"
expect_match "show running-config: a veth between VRFs named" "$(stanza x1)" \
	"^interface x1\\| type veth peer x2\\| vrf forwarding V1\\|"

timed "show interfaces vrf all" -c 'show interfaces vrf all json'
expect_eq "show interfaces vrf all: status" "$rc:$err" "0:"
expect_eq "show interfaces vrf all: every interface" \
	"$(printf '%s' "$out" | jq '.vrfs // . | [.. | objects | select(has("ifindex"))] | length')" \
	"$((N + 42 + 1))"
expect_eq "show interfaces vrf all: peers in their VRFs" \
	"$(printf '%s' "$out" | jq -S -c '[.. | objects | select(has("ifindex")) |
	  select(.name == "e7" or .name == "x2") | {(.name): .peer}] | add')" \
	'{"e7":{"name":"d7","vrf":"default"},"x2":{"name":"x1","vrf":"V1"}}'

timed "show ip interface brief vrf all" -c 'show ip interface brief vrf all'
expect_eq "show ip interface brief vrf all: status" "$rc:$err" "0:"
expect_eq "show ip interface brief vrf all: every lo" \
	"$(printf '%s\n' "$out" | grep -c '^lo ')" "$((N + 1))"

finish
