#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Ansible's cisco.ios ios_facts (network_cli over SSH) with gather_subset
# all fills ansible_net_neighbors from vrfsh's show lldp neighbors detail
# (issue 13): for each veth of the session's VRF, the peer's VRF (the
# host name for default) as host, its interface as port, its first IPv4
# address as ip, checked against ip -j -d link and ip -j addr.  Netmiko
# cisco_ios with use_textfsm=True returns records for both LLDP shows.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ssh/lib.sh"

ssh_need ip jq ansible-playbook setcap "$SSH_PY"
ssh_init
ssh_install_vrfsh
ssh_install_caps
ssh_add_user op "$SSH_VRFSH_CAPS"
ssh_group_add op vrfsh
ssh_start

# default -- Blue -- Red, and a pair inside default; made by root
run -c 'configure terminal' -c 'hostname R7' -c 'vrf Blue' -c 'vrf Red' \
	-c 'exit' \
	-c 'interface va type veth peer vb vrf Blue' -c 'ip address 10.0.0.1/24' \
	-c 'interface vb vrf Blue' -c 'ip address 10.0.0.2/24' \
	-c 'ip address 10.0.0.9/24 secondary' \
	-c 'interface vc vrf Blue type veth peer vd vrf Red' \
	-c 'interface ve type veth peer vf' -c 'ip address 10.9.0.1/30' \
	-c 'interface vf' -c 'ip address 10.9.0.2/30' -c 'end'
expect_eq "lab: status" "$rc:$err" "0:"

ns_ip() {
	v=$1
	shift
	if [ "$v" = default ]; then ip "$@"; else ip -n "$v" "$@"; fi
}
# peer IFNAME : "VRF|PEER-IFNAME" of default's IFNAME, as the kernel
# links them
peer() {
	j=$(ip -j -d link show dev "$1" | jq -c '.[0]')
	nsid=$(printf '%s' "$j" | jq .link_netnsid)
	if [ "$nsid" = null ]; then
		printf 'default|%s\n' "$(printf '%s' "$j" | jq -r .link)"
		return
	fi
	pv=$(ip -j netns list-id |
		jq -r --argjson n "$nsid" '.[] | select(.nsid == $n) | .name')
	pi=$(printf '%s' "$j" | jq .link_index)
	printf '%s|%s\n' "$pv" "$(ip -n "$pv" -j link |
		jq -r --argjson i "$pi" '.[] | select(.ifindex == $i) | .ifname')"
}
ip4() { ns_ip "$1" -j -4 addr show dev "$2" | jq -r '.[0].addr_info[0].local'; }
# want IFNAME : the neighbour ios_facts should give default's IFNAME
want() {
	p=$(peer "$1")
	v=${p%%|*} i=${p#*|}
	h=$v
	[ "$v" = default ] && h=R7
	jq -n -c --arg h "$h" --arg p "$i" --arg ip "$(ip4 "$v" "$i")" \
		-S '[{host: $h, port: $p, ip: $ip}]'
}

# ---- Ansible ios_facts, gather_subset all
ssh_ansible_init no
ssh_ios_task cisco.ios.ios_facts 'gather_subset: all'
expect_eq "ios_facts all: status" "$rc:$task_failed" "0:false"
nb=$(printf '%s' "$task_json" | jq -S -c '.ansible_facts.ansible_net_neighbors')
expect_eq "ios_facts: a neighbour per veth of default" \
	"$(printf '%s' "$nb" | jq -c 'keys')" \
	"$(ip -j -d link | jq -c '[.[] | select(.linkinfo.info_kind == "veth") |
	   .ifname] | sort')"
for i in va ve vf; do
	expect_eq "ios_facts: $i's neighbour is the kernel's" \
		"$(printf '%s' "$nb" | jq -c --arg i $i '.[$i]')" "$(want $i)"
done
expect_eq "ios_facts: va's neighbour, literally" \
	"$(printf '%s' "$nb" | jq -c .va)" \
	'[{"host":"Blue","ip":"10.0.0.2","port":"vb"}]'

# ---- Netmiko, use_textfsm=True: records for both layouts
ssh_netmiko --textfsm 'show lldp neighbors' 'show lldp neighbors detail'
expect_eq "netmiko: status" "$rc" 0
res() { printf '%s' "$out" | jq -c ".results[$1].output"; }
expect_eq "netmiko show lldp neighbors: records" \
	"$(res 0 | jq -c '[.[] | [.local_interface, .neighbor_name,
	   .neighbor_interface, .capabilities]] | sort')" \
	'[["va","Blue","vb","R"],["ve","R7","vf","R"],["vf","R7","ve","R"]]'
expect_eq "netmiko show lldp neighbors detail: records" \
	"$(res 1 | jq -c '[.[] | [.local_interface, .neighbor_name,
	   .neighbor_port_id, .mgmt_address, .chassis_id]] | sort')" \
	"$(for i in va ve vf; do
		p=$(peer $i)
		v=${p%%|*} n=${p#*|}
		h=$v
		[ "$v" = default ] && h=R7
		m=$(ns_ip "$v" -j link show dev "$n" | jq -r '.[0].address' |
			tr -d : | sed 's/^\(....\)\(....\)/\1.\2./')
		jq -n -c --arg i $i --arg h $h --arg n $n --arg a "$(ip4 $v $n)" \
			--arg m "$m" '[$i, $h, $n, $a, $m]'
	done | jq -s -c 'sort')"
finish
