#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# 'interface NAME' in global configuration takes the IOS names that
# Ansible's cisco.ios makes of Linux names (lo -> loopback, eth0 ->
# Ethernet0, tun0 -> Tunnel0, vlan10 -> Vlan10, se1 -> Serial1, po1 ->
# Port-channel1): the one interface of default with that IOS name, else
# the one of the other VRFs.  An exact name always wins; an IOS name that
# two interfaces share stands for neither; names longer than a Linux
# name (GigabitEthernet0) are refused as before.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"

cfg 'vrf Blue' 'exit' \
	'interface eth0 type veth peer tun0' 'no shutdown' \
	'interface tun0' 'no shutdown' \
	'interface vlan10.5 type veth peer po1 vrf Blue' \
	'interface se1 type veth peer et7' \
	'interface Tunnel3 type veth peer tun3' \
	'interface ethA type veth peer etB'
expect_ok "lab"
alias_of() { ip $2 -j -d link show "$1" | jq -r '.[0].ifalias // ""'; }

run -c 'configure terminal' -c 'interface loopback' -c 'description lb' \
	-c 'interface Ethernet0' -c 'description e0' -c 'mtu 1400' \
	-c 'interface tunnel0' -c 'description t0' \
	-c 'interface Vlan10.5' -c 'description v' \
	-c 'interface Serial1' -c 'description s1' \
	-c 'interface Port-channel1' -c 'description p1' \
	-c 'interface Ethernet7' -c 'description e7' -c 'end'
expect_eq "IOS names: status" "$rc:$err" "0:"
expect_eq "loopback is lo, Ethernet0 is eth0, tunnel0 is tun0 (any case)" \
	"$(alias_of lo):$(alias_of eth0):$(ip -j link show eth0 | jq '.[0].mtu'):$(alias_of tun0)" \
	"lb:e0:1400:t0"
expect_eq "Vlan10.5, Serial1, Ethernet7" \
	"$(alias_of vlan10.5):$(alias_of se1):$(alias_of et7)" "v:s1:e7"
expect_eq "Port-channel1: the one interface of that IOS name, in Blue" \
	"$(alias_of po1 '-n Blue')" p1
expect_eq "the VRFs' loopbacks are left alone" \
	"$(alias_of lo '-n Blue')" ""

# the prompt names the interface itself
run -c 'configure terminal' -c 'interface loopback' -c 'do show running-config interface lo'
expect_match "the mode is lo's" "$out" '^interface lo$'

# an exact name wins: Tunnel3 is itself, not tun3
run -c 'configure terminal' -c 'interface Tunnel3' -c 'description exact' -c end
expect_eq "an exact name wins" "$(alias_of Tunnel3):$(alias_of tun3)" "exact:"

# ethA and etB are both Ethernet: Ethernet stands for neither
run -c 'configure terminal' -c 'interface Ethernet' -c 'description x' -c end
expect_eq "shared IOS name: not found" "$rc:$err" \
	"1:-c 3: % Interface Ethernet not found"
expect_eq "shared IOS name: nothing changed" \
	"$(alias_of ethA):$(alias_of etB)" ":"

# a VRF's own context is not searched, as for exact names
run -c 'configure terminal' -c 'vrf Blue' -c 'interface loopback' \
	-c 'description x' -c end
expect_eq "in a VRF's mode: no alias" "$rc:$err:$(alias_of lo '-n Blue')" \
	"1:-c 4: % Interface loopback not found in VRF Blue:"

# longer than 15 characters: refused as any such name
run -c 'configure terminal' -c 'interface GigabitEthernet0'
expect_eq "GigabitEthernet0 is too long for a name" "$rc" 1
expect_match "GigabitEthernet0: why" "$err" 'longer than 15 characters'

# what is written stays the Linux name
run -c 'show running-config'
expect_match "running-config: lo's stanza" "$out" '^interface lo
 description lb'
expect_eq "running-config: no IOS name" \
	"$(printf '%s\n' "$out" | grep -c '^interface \(loopback\|Ethernet0\)$')" 0
finish
