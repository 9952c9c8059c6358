#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The seed walkthrough: examples/seed-blue.conf applied with vrfsh -f,
# checked with iproute2 step by step, then the traffic it promises.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

conf="$top_srcdir/examples/seed-blue.conf"

expect_eq "clean sandbox" "$(vrfs)" ""
run -f "$conf"
expect_ok "vrfsh -f seed-blue.conf"

# ip netns add Blue; ip netns list
expect_eq "namespace Blue" "$(vrfs)" "Blue"
expect_eq "registered as ip netns does" \
	"$(stat -c %F "/run/netns/Blue" 2>&1)" "regular empty file"
# ip netns exec Blue ip link set dev lo up
expect_eq "lo up in Blue" "$(is_up Blue lo)" true
expect_eq "lo in Blue has 127.0.0.1" "$(addrs Blue lo 4)" "127.0.0.1/8"
# ip link add vetha type veth peer name vethb; vethb in Blue
expect_eq "vetha is a veth in default" \
	"$(jlink default vetha .linkinfo.info_kind)" '"veth"'
expect_eq "vethb is a veth in Blue" \
	"$(jlink Blue vethb .linkinfo.info_kind)" '"veth"'
expect_eq "vethb not left in default" "$(link_json default vethb)" "{}"
expect_eq "vetha not in Blue" "$(link_json Blue vetha)" "{}"
expect_eq "vetha's peer is vethb" "$(jlink Blue vethb .ifindex)" \
	"$(jlink default vetha .link_index)"
expect_eq "vethb's peer is vetha" \
	"$(jlink Blue vethb .link_index)" "$(jlink default vetha .ifindex)"
# addresses
expect_eq "vetha 192.168.100.1/24" "$(addrs default vetha 4)" \
	"192.168.100.1/24"
expect_eq "vethb 192.168.100.2/24" "$(addrs Blue vethb 4)" \
	"192.168.100.2/24"
# link states
expect_eq "vetha up" "$(is_up default vetha)" true
expect_eq "vethb up" "$(is_up Blue vethb)" true
# the connected routes (the seed's `route` outputs)
expect_eq "connected route in default" \
	"$(ip -j route show 192.168.100.0/24 | jq -r '.[0].dev')" vetha
expect_eq "Blue's only route is its subnet" \
	"$(ip -n Blue -j route show table main | jq -r \
	   '[.[] | "\(.dst) \(.dev)"] | join(",")')" "192.168.100.0/24 vethb"

# carrier comes a moment after both ends are up
i=0
while [ "$(jlink Blue vethb .operstate)" != '"UP"' ] && [ $i -lt 20 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_eq "vethb oper up" "$(jlink Blue vethb .operstate)" '"UP"'
expect_eq "vetha oper up" "$(jlink default vetha .operstate)" '"UP"'

# traffic both ways
if ip netns exec Blue ping -c1 -W2 192.168.100.1 >"$tmp/ping" 2>&1; then ok
else fail "Blue cannot ping vetha: $(cat "$tmp/ping")"; fi
if ping -c1 -W2 192.168.100.2 >"$tmp/ping" 2>&1; then ok
else fail "default cannot ping vethb: $(cat "$tmp/ping")"; fi
# ...and the ping went over the veth, not through a local route
expect_match "echo came over vethb" \
	"$(ip -n Blue -s -j link show dev vethb | jq '.[0].stats64.rx.packets')" \
	'^[1-9]'
# Blue is a separate routing entity: no route out, nothing sent
ip netns exec Blue ping -c1 -W1 10.10.10.1 >"$tmp/ping" 2>&1
expect_eq "Blue cannot leave its subnet" "$?" 2
expect_match "no route" "$(cat "$tmp/ping")" "Network is unreachable"
expect_eq "ip netns exec works in a vrfsh VRF" \
	"$(ip netns exec Blue ip -j link show lo | jq -r '.[0].ifname')" lo

# vrfsh's own view agrees
run -c 'show ip interface brief vrf all json'
expect_eq "brief json" "$(printf '%s' "$out" | jq -c '[.vrfs[] |
	{vrf, i: [.interfaces[] | select(.name != "lo") | [.name, .ipv4,
	.status]]}]')" \
'[{"vrf":"default","i":[["vetha","192.168.100.1/24","up"]]},{"vrf":"Blue","i":[["vethb","192.168.100.2/24","up"]]}]'

# applying it again changes nothing and fails nothing
snapshot "$tmp/before"
run -f "$conf"
expect_ok "seed-blue.conf applied twice"
snapshot "$tmp/after"
expect_eq "second run changes nothing" \
	"$(diff "$tmp/before" "$tmp/after")" ""

# and it all goes away with the VRF
cfg 'no vrf Blue'
expect_eq "no vrf Blue status" "$rc" 0
expect_eq "Blue gone" "$(vrfs)" ""
i=0
while [ "$(link_json default vetha)" != "{}" ] && [ $i -lt 20 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_eq "vetha went with vethb" "$(link_json default vetha)" "{}"

finish
