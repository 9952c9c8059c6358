#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show lldp neighbors [detail] parsed by ntc-templates' cisco_ios
# templates (chosen by the command through ./index, as Netmiko does):
# every line is known to the template, and the records' fields are the
# kernel's (ip -j -d link, ip -j addr): the peer's VRF (host name for
# default) as neighbour name, its interface, MAC, description and first
# IPv4 address (issue 13).  Also a Device ID longer than IOS's column,
# a local name of 15 characters, vrf all, and a VRF without neighbours.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ntc/common.sh"
mac() { dotted "$(jlink "$1" "$2" .address)"; }
ip4() { ns_ip "$1" -j -4 addr show dev "$2" | jq -r '.[0].addr_info[0].local'; }

long=ThisVrfNameIsLongerThan20
cfg 'vrf Blue' "vrf $long" 'vrf Empty' 'exit' \
	'interface va type veth peer vb vrf Blue' 'ip address 10.0.0.1/24' \
	'interface vb vrf Blue' 'ip address 10.0.0.2/24' \
	'ip address 10.0.0.9/24 secondary' 'description to default' \
	"interface abcdefghijklmno type veth peer vl vrf $long" \
	"interface vl vrf $long" 'ip address 10.1.0.2/24'
expect_ok "setup"
host=$(hostname)

# ---- the summary
parse "show lldp neighbors"
expect_eq "summary: a record per veth, the kernel's peers" \
	"$(field '[.[] | [.neighbor_name, .local_interface, .capabilities,
	   .neighbor_interface]] | sort')" \
	"$(jq -c -n --arg l "$(printf '%.20s' $long)" \
	   '[["Blue","va","R","vb"], [$l,"abcdefghijklmno","R","vl"]] | sort')"
parse "show lldp neighbors" "show lldp neighbors vrf all"
expect_eq "summary vrf all: every end" \
	"$(field '[.[] | [.neighbor_name, .local_interface]] | sort')" \
	"$(jq -c -n --arg l "$(printf '%.20s' $long)" --arg h "$host" \
	   --arg v "$long" '[["Blue","va"], [$h,"Blue/vb"],
	   [$l,"abcdefghijklmno"], [$h,($v + "/vl")]] | sort')"
parse "show lldp neighbors" "show lldp neighbors vrf Empty"
expect_eq "summary: no neighbour, no record" "$(field length)" 0

# ---- the detail
parse "show lldp neighbors detail"
expect_eq "detail: a record per veth" "$(field length)" 2
expect_eq "detail: va's neighbour is the kernel's" \
	"$(field '[.[] | select(.local_interface == "va") | .chassis_id,
	   .neighbor_port_id, .neighbor_interface, .neighbor_name,
	   .capabilities, .mgmt_address, .vlan_id]')" \
	"$(jq -c -n --arg m "$(mac Blue vb)" --arg i "$(ip4 Blue vb)" \
	   '[$m, "vb", "to default", "Blue", "R", $i, ""]')"
expect_eq "detail: the first address is 10.0.0.2" \
	"$(field '[.[] | select(.local_interface == "va") | .mgmt_address]')" \
	'["10.0.0.2"]'
expect_eq "detail: the long name whole" \
	"$(field '[.[] | select(.local_interface == "abcdefghijklmno") |
	   .neighbor_name, .neighbor_port_id, .chassis_id, .mgmt_address]')" \
	"$(jq -c -n --arg v $long --arg m "$(mac $long vl)" \
	   --arg i "$(ip4 $long vl)" '[$v, "vl", $m, $i]')"
expect_match "detail: a description" "$(field '[.[].neighbor_description]')" \
	'"VRF Blue: a Linux .* network namespace \(vrfsh [^)]*\)"'
parse "show lldp neighbors detail" "show lldp neighbors detail vrf Blue"
expect_eq "detail vrf Blue: default's host name" \
	"$(field '[.[] | [.local_interface, .neighbor_name, .neighbor_port_id,
	   .chassis_id, .mgmt_address]]')" \
	"$(jq -c -n --arg h "$host" --arg m "$(mac default va)" \
	   --arg i "$(ip4 default va)" '[["vb", $h, "va", $m, $i]]')"
parse "show lldp neighbors detail" "show lldp neighbors detail vrf all"
expect_eq "detail vrf all: every end" "$(field length)" 4
# a peer without addresses: not advertised, still one record
cfg 'interface vc vrf Blue type veth peer vd vrf Empty'
parse "show lldp neighbors detail" "show lldp neighbors detail vrf Empty"
expect_eq "detail: no address" \
	"$(field '[.[] | [.local_interface, .neighbor_name, .mgmt_address]]')" \
	'[["vd","Blue",""]]'

# a peer in a namespace that is no VRF: every line still known
unshare --net sleep 30 &
nspid=$!
i=0
while [ "$(readlink /proc/$nspid/ns/net)" = "$(readlink /proc/$$/ns/net)" ] &&
	[ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
ip link add vz type veth peer name vw netns $nspid
parse "show lldp neighbors" "show lldp neighbors vz"
expect_eq "summary, no VRF: one record" \
	"$(field '[.[] | [.local_interface, .neighbor_interface]]')" \
	"[[\"vz\",\"$(jlink default vz .link_index)\"]]"
parse "show lldp neighbors detail" "show lldp neighbors vz detail"
expect_eq "detail, no VRF: one record, no name" \
	"$(field '[.[] | [.local_interface, .neighbor_name, .chassis_id]]')" \
	'[["vz","",""]]'
kill $nspid
wait $nspid 2>/dev/null

finish
