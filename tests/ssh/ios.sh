#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# IOS tools over SSH read vrfsh's shows as they read IOS's: Netmiko
# cisco_ios with use_textfsm=True (the ntc-templates of tests/ntc) on
# show version, show ip arp and show interfaces returns records, and
# Ansible's cisco.ios ios_facts with gather_subset all fills the version,
# the host name (set with vrfsh's hostname), the model, the image, the
# interfaces and their IPv4 and IPv6 addresses.  The values are checked
# against ip -j.  Kept to one Netmiko session and one Ansible task (each
# costs seconds); IOS_LONG=1 (make check-ios-long) adds the others.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ssh/lib.sh"

ssh_need ip jq ansible-playbook setcap "$SSH_PY"
ssh_init
ssh_install_vrfsh
# an operator of group vrfsh, with the copy that may enter every VRF
ssh_install_caps
ssh_add_user op "$SSH_VRFSH_CAPS"
ssh_group_add op vrfsh
ssh_start

# a small lab, made by root; the operator only looks
run -c 'configure terminal' -c 'hostname R7' -c 'vrf Blue' -c 'exit' \
	-c 'interface va type veth peer vb vrf Blue' \
	-c 'ip address 10.0.0.1/24' -c 'ip address 10.0.0.9/24 secondary' \
	-c 'ipv6 address 2001:db8::1/64' -c 'description to Blue' \
	-c 'no shutdown' -c 'interface vb vrf Blue' -c 'ip address 10.0.0.2/24' \
	-c 'ipv6 address 2001:db8::2/64' -c 'no shutdown' -c 'end'
expect_eq "lab: status" "$rc:$err" "0:"
i=0
while ! ip -6 addr show dev va | grep -q 'scope global' ||
	ip -6 addr show dev va | grep -q tentative; do
	[ $i -lt 50 ] || break
	sleep 0.1
	i=$((i + 1))
done
run -c 'ping 10.0.0.2 repeat 2 timeout 1'
expect_eq "lab: traffic" "$rc" 0
mac=$(ip -j link show va | jq -r '.[0].address')
dotted=$(printf '%s' "$mac" | tr -d : | sed 's/^\(....\)\(....\)/\1.\2./')
version=$("$VRFSH" -V | cut -d' ' -f2)

# ---- Netmiko, use_textfsm=True: records, not text
ssh_netmiko --textfsm 'show version' 'show ip arp' 'show interfaces'
expect_eq "netmiko: status" "$rc" 0
expect_eq "netmiko: the prompt shows vrfsh's host name" \
	"$(printf '%s' "$out" | jq -r .prompt)" "R7>"
res() { printf '%s' "$out" | jq -c ".results[$1].output"; }
expect_eq "netmiko show version: a record" \
	"$(res 0 | jq -c '.[0] | [.version, .hostname, .hardware, .software_image]')" \
	"[\"$version\",\"R7\",[\"vrfsh\"],\"VRFSH-$(uname -m | tr a-z A-Z)\"]"
expect_eq "netmiko show ip arp: the neighbour and the own addresses" \
	"$(res 1 | jq -c '[.[] | [.ip_address, .mac_address, .interface, .type]] | sort')" \
	"$(jq -n -c --arg m "$dotted" --arg p "$(ip -j neigh show 10.0.0.2 | jq -r '.[0].lladdr' |
	   tr -d : | sed 's/^\(....\)\(....\)/\1.\2./')" \
	   '[["10.0.0.1", $m, "va", "ARPA"], ["10.0.0.2", $p, "va", "ARPA"],
	     ["10.0.0.9", $m, "va", "ARPA"]]')"
expect_eq "netmiko show interfaces: va's record" \
	"$(res 2 | jq -c '.[] | select(.interface == "va") | [.link_status,
	   .mac_address, .ip_address, .prefix_length, .mtu, .description]')" \
	"[\"up\",\"$dotted\",\"10.0.0.1\",\"24\",\"1500\",\"to Blue\"]"
expect_eq "netmiko show interfaces: every link" \
	"$(res 2 | jq -c '[.[].interface]')" "$(ip -j link | jq -c '[.[].ifname]')"

# ---- Ansible ios_facts, gather_subset all
ssh_ansible_init no
ssh_ios_task cisco.ios.ios_facts 'gather_subset: all'
expect_eq "ios_facts all: status" "$rc:$task_failed" "0:false"
f() { printf '%s' "$task_json" | jq -c ".ansible_facts | $1"; }
expect_eq "ios_facts: version, hostname, model, image" \
	"$(f '[.ansible_net_version, .ansible_net_hostname, .ansible_net_model,
	   .ansible_net_image, .ansible_net_iostype]')" \
	"[\"$version\",\"R7\",\"vrfsh\",\"file:$(readlink -f "$SSH_VRFSH_CAPS")\",\"IOS\"]"
expect_eq "ios_facts: the interfaces are the kernel's" \
	"$(f '.ansible_net_interfaces | keys')" \
	"$(ip -j link | jq -c '[.[].ifname] | sort')"
expect_eq "ios_facts: va" \
	"$(f '.ansible_net_interfaces.va | [.macaddress, .mtu, .bandwidth,
	   .description, .duplex, .lineprotocol, .operstatus, .type]')" \
	"[\"$dotted\",1500,10000000,\"to Blue\",\"Full\",\"up\",\"up\",\"veth\"]"
expect_eq "ios_facts: va's IPv4 addresses, primary and secondary" \
	"$(f '.ansible_net_interfaces.va.ipv4 | sort_by(.address)')" \
	'[{"address":"10.0.0.1","subnet":"24"},{"address":"10.0.0.9","subnet":"24"}]'
expect_eq "ios_facts: va's IPv6 address" \
	"$(f '.ansible_net_interfaces.va.ipv6')" \
	'[{"address":"2001:DB8::1","subnet":"2001:DB8::/64"}]'
expect_eq "ios_facts: every IPv4 address" \
	"$(f '.ansible_net_all_ipv4_addresses | sort')" \
	"$(ip -j -4 addr | jq -c '[.[].addr_info[].local] | sort')"
expect_eq "ios_facts: every global IPv6 address" \
	"$(f '.ansible_net_all_ipv6_addresses | sort')" \
	"$(ip -j -6 addr | jq -c '[.[].addr_info[] | select(.scope != "link") |
	   .local | ascii_upcase] | sort')"
cfgtext=$(f .ansible_net_config | jq -r . | tr -d '\r')
expect_eq "ios_facts: the configuration, whole, the host name first" \
	"$(printf '%s\n' "$cfgtext" | grep -v '^!\|^configure terminal$' | sed -n 1p):$(printf '%s\n' "$cfgtext" | grep -c Error)" \
	"hostname R7:0"
expect_match "ios_facts: the configuration has Blue" "$cfgtext" '^vrf (definition )?Blue$'
[ -n "$(f '.ansible_net_serialnum // empty' | jq -r .)" ] ||
	[ ! -s /etc/machine-id ] && ok || fail "ios_facts: no serial number"

if [ -n "$IOS_LONG" ]; then
	# each subset on its own, and the other shows over ios_command
	for sub in min hardware interfaces config; do
		ssh_ios_task cisco.ios.ios_facts "gather_subset: $sub"
		expect_eq "ios_facts $sub: status" "$rc:$task_failed" "0:false"
	done
	ssh_ios_task cisco.ios.ios_command 'commands: [show ip interface,
  show ipv6 interface, show ipv6 interface brief, show vrf detail,
  show interfaces status, show interfaces description, show clock,
  show users, show arp, show ipv6 neighbors]'
	expect_eq "ios_command of every show: status" "$rc:$task_failed" "0:false"
	ssh_netmiko --textfsm 'show vrf' 'show ip interface' 'show clock' \
		'show interfaces status'
	expect_eq "netmiko, more shows: status" "$rc" 0
	expect_eq "netmiko, more shows: records" \
		"$(printf '%s' "$out" | jq -c '[.results[].output | type]')" \
		'["array","array","array","array"]'
fi
finish
