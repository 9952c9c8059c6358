#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Interface commands on real namespaces, each checked with ip -j: enter,
# create (veth with each end in its VRF, bridge), re-run, delete, move
# between VRFs, IPv4/IPv6 addresses, state, MTU, description, bridge.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

peer_of() {	# VRF IFNAME: ifindex of its peer
	jlink "$1" "$2" '.link_index // (.link as $l | null)'
}

cfg 'vrf Blue' 'vrf Red'
expect_ok "two VRFs"

# ---- interface IFNAME: an existing one, in default or in a VRF
cfg 'interface lo'
expect_ok "interface lo"
cfg 'interface lo vrf Blue' 'mtu 1400'
expect_eq "interface lo vrf Blue acts in Blue" \
	"$(jlink Blue lo .mtu) $(jlink default lo .mtu)" "1400 65536"
cfg 'interface lo vrf Blue' 'no mtu'
expect_eq "no mtu on lo: 65536" "$(jlink Blue lo .mtu)" 65536
cfg 'vrf Blue' 'interface lo' 'shutdown'
expect_eq "interface in VRF mode is the VRF's" \
	"$(is_up Blue lo) $(is_up default lo)" "false true"
cfg 'vrf Blue' 'interface lo' 'no shutdown'
expect_eq "no shutdown" "$(is_up Blue lo)" true

# ---- veth pair: each end in its VRF
cfg 'interface va type veth peer vb vrf Blue'
expect_ok "veth va - vb in Blue"
expect_eq "va in default is a veth" "$(jlink default va .linkinfo.info_kind)" '"veth"'
expect_eq "vb in Blue is a veth" "$(jlink Blue vb .linkinfo.info_kind)" '"veth"'
expect_eq "va's peer is vb" "$(jlink default va .link_index)" \
	"$(jlink Blue vb .ifindex)"
expect_eq "no vb in default" "$(link_json default vb)" "{}"
cfg 'interface vc vrf Blue type veth peer vd vrf Red'
expect_ok "veth between two VRFs"
expect_eq "vc in Blue, vd in Red" \
	"$(jlink Blue vc .link_index) $(jlink Red vd .link_index)" \
	"$(jlink Red vd .ifindex) $(jlink Blue vc .ifindex)"
expect_eq "nothing left in default" \
	"$(link_json default vc)$(link_json default vd)" "{}{}"
cfg 'vrf Red' 'interface ve type veth peer vf'
expect_ok "veth in VRF mode"
expect_eq "both ends in Red by default" \
	"$(jlink Red ve .link) $(jlink Red vf .link)" '"vf" "ve"'
cfg 'interface vg vrf Red type veth peer vh vrf default'
expect_eq "peer vrf default" \
	"$(jlink Red vg .link_index)" "$(jlink default vh .ifindex)"
# ... and the new link is the mode's: the address lands on it
cfg 'interface vi vrf Red type veth peer vj vrf Blue' 'ip address 10.9.9.1/30'
expect_eq "veth creation enters its interface" "$(addrs Red vi 4)" \
	"10.9.9.1/30"

# re-running a creation line is accepted when the same thing exists
snapshot "$tmp/before"
cfg 'interface va type veth peer vb vrf Blue' \
	'interface vb vrf Blue type veth peer va vrf default' \
	'interface vc vrf Blue type veth peer vd vrf Red' \
	'vrf Red' 'interface ve type veth peer vf'
expect_ok "re-run veth lines"
snapshot "$tmp/after"
expect_eq "re-running changes nothing" \
	"$(diff "$tmp/before" "$tmp/after")" ""
# ... not when the name is a veth with another peer
cfg 'interface va type veth peer vz vrf Blue'
expect_eq "veth with another peer" "$err" \
	"-c 2: % Error: Cannot create veth pair va - vz in VRF Blue: va exists with another peer"
expect_eq "...makes no vz" "$(link_json Blue vz)" "{}"
cfg 'interface va type veth peer vb'
expect_eq "veth whose peer is in another VRF" "$rc" 1

# ---- bridge
cfg 'interface br0 type bridge'
expect_ok "bridge"
expect_eq "br0 is a bridge" "$(jlink default br0 .linkinfo.info_kind)" '"bridge"'
cfg 'interface br0 type bridge'
expect_ok "bridge again"
cfg 'interface br1 vrf Blue type bridge'
expect_eq "bridge in Blue" "$(jlink Blue br1 .linkinfo.info_kind)" '"bridge"'
cfg 'interface br0 type veth peer x9'
expect_eq "veth over a bridge's name" "$err" \
	"-c 2: % Error: Cannot create interface br0: the name is taken by a bridge interface"
expect_eq "...makes no x9" "$(link_json default x9)" "{}"
cfg 'interface va type bridge'
expect_eq "bridge over a veth's name" "$err" \
	"-c 2: % Error: Cannot create interface va: the name is taken by a veth interface"

# ---- bridge-group
cfg 'interface va' 'bridge-group br0'
expect_ok "bridge-group"
expect_eq "va enslaved to br0" "$(jlink default va .master)" '"br0"'
cfg 'interface va' 'no bridge-group'
expect_ok "no bridge-group"
expect_eq "va free" "$(jlink default va .master)" null
cfg 'interface va' 'no bridge-group'
expect_ok "no bridge-group when free"
cfg 'interface va' 'bridge-group br1'
expect_eq "bridge in another VRF" "$err" "-c 3: % Interface br1 not found"
cfg 'interface va' 'bridge-group vh'
expect_eq "not a bridge" "$err" "-c 3: % Error: Interface vh is not a bridge"
cfg 'interface br0' 'bridge-group br0'
expect_eq "bridge in itself" "$err" \
	"-c 3: % Error: Interface br0 cannot be a member of itself"
expect_eq "...nothing enslaved" "$(jlink default va .master)$(jlink default vh .master)" nullnull
cfg 'interface vb vrf Blue' 'bridge-group br1'
expect_eq "bridge-group in a VRF" "$(jlink Blue vb .master)" '"br1"'

# ---- shutdown, mtu, description
cfg 'interface va' 'no shutdown'
expect_eq "no shutdown" "$(is_up default va)" true
cfg 'interface va' 'shutdown'
expect_eq "shutdown" "$(is_up default va)" false
cfg 'interface va' 'mtu 1400'
expect_eq "mtu 1400" "$(jlink default va .mtu)" 1400
cfg 'interface va' 'mtu 9000'
expect_eq "mtu 9000" "$(jlink default va .mtu)" 9000
cfg 'interface va' 'no mtu'
expect_eq "no mtu" "$(jlink default va .mtu)" 1500
cfg 'interface va' 'mtu 67'
expect_eq "mtu below range" "$err" "-c 3: % Invalid input detected at '^' marker."
expect_eq "...unchanged" "$(jlink default va .mtu)" 1500
cfg 'interface va' 'description uplink to  Blue, "quoted"'
expect_ok "description"
expect_eq "description is the alias" "$(jlink default va .ifalias)" \
	'"uplink to  Blue, \"quoted\""'
cfg 'interface va' 'description second'
expect_eq "description replaced" "$(jlink default va .ifalias)" '"second"'
cfg 'interface va' 'no description'
expect_eq "no description" "$(jlink default va '.ifalias // "none"')" '"none"'
long=$(printf 'x%.0s' $(seq 256))
cfg 'interface va' "description $long"
expect_eq "description of 256" "$err" \
	"-c 3: % Error: Description is longer than 255 characters"
cfg 'interface va' "description ${long%x}"
expect_eq "description of 255" "$(jlink default va '.ifalias | length')" 255

# ---- IPv4 addresses
cfg 'interface va' 'ip address 10.0.0.1/24'
expect_ok "ip address prefix"
expect_eq "10.0.0.1/24" "$(addrs default va 4)" "10.0.0.1/24"
cfg 'interface va' 'ip address 10.0.0.1/24'
expect_ok "same address again"
expect_eq "still one" "$(addrs default va 4)" "10.0.0.1/24"
cfg 'interface va' 'ip address 10.0.0.5 255.255.255.0 secondary'
expect_ok "dotted mask secondary"
expect_eq "secondary added" "$(addrs default va 4)" "10.0.0.1/24 10.0.0.5/24"
expect_eq "kernel marks it secondary" "$(ip -j -4 addr show dev va | jq -c \
	'[.[0].addr_info[] | select(.secondary) | .local]')" '["10.0.0.5"]'
cfg 'interface va' 'ip address 172.16.0.1/16 secondary'
expect_eq "secondary in another subnet" "$(addrs default va 4)" \
	"10.0.0.1/24 10.0.0.5/24 172.16.0.1/16"
cfg 'interface va' 'ip address 10.0.0.2/24'
expect_ok "replace the primary"
expect_eq "primary replaced, secondaries kept" "$(addrs default va 4)" \
	"10.0.0.2/24 10.0.0.5/24 172.16.0.1/16"
expect_eq "new primary is the kernel's primary" \
	"$(ip -j -4 addr show dev va | jq -r '[.[0].addr_info[] |
	   select(.local | startswith("10.")) | select(.secondary | not) |
	   .local] | join(" ")')" "10.0.0.2"
cfg 'interface va' 'no ip address 172.16.0.1/16'
expect_ok "no ip address ADDR"
expect_eq "one removed" "$(addrs default va 4)" "10.0.0.2/24 10.0.0.5/24"
cfg 'interface va' 'ip address 192.168.7.1 255.255.255.128'
expect_eq "replace with a dotted mask" "$(addrs default va 4)" \
	"10.0.0.5/24 192.168.7.1/25"
cfg 'interface va' 'no ip address 10.0.0.5 255.255.255.0'
expect_eq "no ip address ADDR MASK" "$(addrs default va 4)" "192.168.7.1/25"
cfg 'interface va' 'no ip address 10.0.0.5/24'
expect_eq "removing a missing address" "$err" \
	"-c 3: % Error: Address 10.0.0.5/24 is not configured on va"
cfg 'interface va' 'ip address 10.1.0.1/24' 'ip address 10.1.0.2/24 secondary' \
	'ip address 10.1.0.3/24 secondary'
expect_eq "without secondary: the primary replaced" \
	"$(addrs default va 4)" "10.1.0.1/24 10.1.0.2/24 10.1.0.3/24"
cfg 'interface va' 'no ip address'
expect_ok "no ip address"
expect_eq "all IPv4 gone" "$(addrs default va 4)" ""
cfg 'interface va' 'ip address 10.1.0.1/24' 'ip address 10.1.0.2/24 secondary' \
	'ip address 10.1.0.3/24 secondary' 'no ip address 10.1.0.1/24'
expect_eq "removing a primary keeps its secondaries" \
	"$(addrs default va 4)" "10.1.0.2/24 10.1.0.3/24"
cfg 'interface va' 'no ip address'
cfg 'interface vb vrf Blue' 'ip address 10.0.0.2/24'
expect_eq "address in a VRF" "$(addrs Blue vb 4)" "10.0.0.2/24"
expect_eq "not in default" "$(ip -j -4 addr | jq -r \
	'[.[].addr_info[].local] | index("10.0.0.2")')" null

# ---- IPv6 addresses
cfg 'interface vb vrf Blue' 'no shutdown'
cfg 'interface va' 'no shutdown' 'ipv6 address 2001:db8::1/64' \
	'ipv6 address 2001:DB8:1::1/48'
expect_ok "ipv6 address"
expect_eq "two IPv6" "$(addrs default va 6)" "2001:db8:1::1/48 2001:db8::1/64"
cfg 'interface va' 'ipv6 address 2001:db8::1/64'
expect_ok "ipv6 address again"
cfg 'interface va' 'no ipv6 address 2001:db8::1/64'
expect_eq "no ipv6 address ADDR" "$(addrs default va 6)" "2001:db8:1::1/48"
cfg 'interface va' 'no ipv6 address'
expect_eq "no ipv6 address" "$(addrs default va 6)" ""
i=0
while [ -z "$(ip -j -6 addr show dev va scope link | jq -r '.[0].addr_info[0].local // empty')" ] &&
      [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
expect_match "link-local kept" "$(ip -j -6 addr show dev va | jq -r \
	'[.[0].addr_info[] | select(.scope == "link") | .local] | join(" ")')" \
	'^fe80:'
cfg 'interface va' 'ipv6 address 2001:db8::1/129'
expect_eq "IPv6 /129" "$err" "-c 3: % Invalid input detected at '^' marker."

# ---- vrf forwarding: moves the interface, the mode follows it
cfg 'interface va' 'ip address 10.5.0.1/24' 'no shutdown' 'mtu 1450' \
	'description moving'
cfg 'interface va' 'vrf forwarding Red'
expect_eq "vrf forwarding status" "$rc" 0
expect_eq "IOS message on stdout" "$out" \
	"% Interface va IPv4 disabled and address(es) removed due to enabling VRF Red"
expect_eq "va left default" "$(link_json default va)" "{}"
expect_eq "va is in Red" "$(jlink Red va .ifname)" '"va"'
expect_eq "addresses removed" "$(addrs Red va 4)" ""
expect_eq "admin state kept" "$(is_up Red va)" true
expect_eq "mtu and description kept" "$(jlink Red va '[.mtu, .ifalias]')" \
	'[1450,"moving"]'
expect_eq "still paired with vb in Blue" "$(jlink Red va .link_index)" \
	"$(jlink Blue vb .ifindex)"
cfg 'interface va vrf Red' 'vrf forwarding Red'
expect_ok "vrf forwarding to where it is"
cfg 'interface va vrf Red' 'vrf forwarding Blue' 'ip address 10.6.0.1/24'
expect_eq "no message without IPv4" "$out" ""
expect_eq "the mode followed: address in Blue" "$(addrs Blue va 4)" \
	"10.6.0.1/24"
cfg 'interface va vrf Blue' 'no vrf forwarding Red'
expect_eq "no vrf forwarding of another VRF" "$err" \
	"-c 3: % Error: Interface va is not in VRF Red"
expect_eq "...stays" "$(jlink Blue va .ifname)" '"va"'
cfg 'interface va vrf Blue' 'no vrf forwarding'
expect_eq "no vrf forwarding message" "$out" \
	"% Interface va IPv4 disabled and address(es) removed due to disabling VRF Blue"
expect_eq "back in default" "$(jlink default va .ifname)" '"va"'
expect_eq "up in default" "$(is_up default va)" true
cfg 'interface va' 'shutdown' 'vrf forwarding Red' 'vrf forwarding default'
expect_eq "down stays down" "$(is_up default va)" false
cfg 'interface lo' 'vrf forwarding Red'
expect_eq "loopback cannot move" "$err" \
	"-c 3: % Error: Cannot move interface lo: the loopback belongs to its namespace"

# prompt follows the interface (interactive, needs expect)
if command -v expect >/dev/null 2>&1; then
	cat >"$tmp/prompt.exp" <<'EXP'
set timeout 5
spawn [lindex $argv 0]
expect -re {#$} {} timeout { exit 1 }
send "configure terminal\r"
expect -re {\(config\)#$} {} timeout { exit 2 }
send "interface vh\r"
expect -re {\(config-if-vh\)#$} {} timeout { exit 3 }
send "vrf forwarding Blue\r"
expect -re {\(config-vrf-Blue-if-vh\)#$} {} timeout { exit 4 }
send "no vrf forwarding\r"
expect -re {\(config-if-vh\)#$} {} timeout { exit 5 }
send "end\r"
send "exit\r"
expect eof
exit 0
EXP
	expect -f "$tmp/prompt.exp" "$VRFSH" >"$tmp/exp.log" 2>&1
	expect_eq "prompt follows vrf forwarding (expect rc)" "$?" 0
fi

# ---- IOS's no forms with their values (cisco.ios sends them)
cfg 'interface nx0 type veth peer nx1' 'ip address 10.77.0.1 255.255.255.0' \
	'ip address 10.77.1.1 255.255.255.0 secondary' \
	'ip address 10.77.0.9 255.255.255.0 secondary' 'mtu 1400' \
	'description to be gone'
expect_ok "the interface with values"
snapshot "$tmp/nx.before"
cfg 'interface nx0' 'no ip address 10.77.0.1 255.255.255.0 secondary'
expect_eq "no ip address PRIMARY secondary refused" "$err" \
	"-c 3: % Error: Address 10.77.0.1/24 is the primary address of nx0, not a secondary"
snapshot "$tmp/nx.after"
expect_eq "...and nothing changed" "$(diff "$tmp/nx.before" "$tmp/nx.after")" ""
cfg 'interface nx0' 'no ip address 10.77.1.1 255.255.255.0 secondary' \
	'no ip address 10.77.0.9/24 secondary' 'no mtu 1400' \
	'no description to be gone'
expect_ok "no ip address A M secondary, no mtu N, no description TEXT"
expect_eq "only the primary left" "$(addrs default nx0 4)" "10.77.0.1/24"
expect_eq "mtu back" "$(jlink default nx0 .mtu)" 1500
expect_eq "description gone" "$(jlink default nx0 '.ifalias // ""')" '""'
cfg 'interface nx0' 'no ip address 10.77.5.5 255.255.255.0 secondary'
expect_eq "no ip address of an absent secondary" "$err" \
	"-c 3: % Error: Address 10.77.5.5/24 is not configured on nx0"
cfg 'interface nx0' 'no mtu 20'
expect_match "no mtu with an MTU out of range" "$err" "^-c 3: % Invalid input"
cfg 'no interface nx0'

# ---- no interface
cfg 'no interface vc vrf Blue'
expect_ok "no interface vc vrf Blue"
expect_eq "vc gone" "$(link_json Blue vc)" "{}"
expect_eq "its peer vd gone" "$(link_json Red vd)" "{}"
cfg 'vrf Red' 'no interface ve'
expect_eq "no interface in VRF mode" "$(link_json Red ve)$(link_json Red vf)" "{}{}"
cfg 'no interface br0'
expect_eq "bridge deleted" "$(link_json default br0)" "{}"
cfg 'no interface br0'
expect_eq "deleting it twice" "$err" "-c 2: % Interface br0 not found"
cfg 'no interface vb'
expect_eq "no interface in the wrong VRF" "$err" \
	"-c 2: % Interface vb not found"
cfg 'no interface vb vrf Red'
expect_eq "...names the VRF" "$err" \
	"-c 2: % Interface vb not found in VRF Red"
expect_eq "vb kept" "$(jlink Blue vb .ifname)" '"vb"'
cfg 'no interface lo vrf Blue'
expect_eq "lo refused" "$err" \
	"-c 2: % Error: Interface lo in VRF Blue is the loopback: only virtual interfaces can be deleted"
expect_eq "lo kept" "$(jlink Blue lo .ifname)" '"lo"'

finish
