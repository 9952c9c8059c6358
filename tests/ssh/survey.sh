#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Compatibility survey (not part of make check): drives vrfsh over SSH
# with Ansible cisco.ios and Netmiko as network teams would, and keeps
# every -vvvv log, result and session log for reading.
#   tests/sandbox.sh sh tests/ssh/survey.sh OUTDIR
# OUTDIR/summary has one line per step (status, failed, changed, msg);
# OUTDIR/ansible/STEP.log is the persistent connection's log (every
# command sent, every window received, every regex matched).
# SSH_NET_TEXTFSM names an ntc-templates directory for use_textfsm.
# About three minutes.  The reference run is /work/notes/automation-report.md.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ssh/lib.sh"

O=${1:?usage: survey.sh OUTDIR}
mkdir -p "$O/ansible" "$O/netmiko" && : >"$O/summary" || exit 2
ssh_need jq ansible-playbook setcap

# The lab: au0 (default) -- au1 (VRF Auto), an address each, routes
cat >"$tmp/lab.conf" <<'EOF'
configure terminal
vrf Auto
 ip routing
exit
interface au0 type veth peer au1 vrf Auto
 ip address 10.66.0.1/30
 ipv6 address 2001:db8:66::1/64
 description uplink
 no shutdown
interface au1 vrf Auto
 ip address 10.66.0.2/30
 no shutdown
exit
ip route vrf Auto 10.99.0.0/16 10.66.0.1
ip route 10.98.0.0/16 10.66.0.2
end
EOF
ssh_init
"$VRFSH" -f "$tmp/lab.conf" >/dev/null || echo "the lab failed" >&2
"$VRFSH" -c 'ping 10.66.0.2 repeat 1' >/dev/null
ssh_install_vrfsh
ssh_install_caps
# op: the capability-carrying copy (today: privileged EXEC at once);
# user: the plain copy (user EXEC)
ssh_add_user op "$SSH_VRFSH_CAPS"
ssh_group_add op vrfsh
ssh_add_user user "$SSH_VRFSH"
ssh_start
SSH_ANSIBLE_DEBUG=1
ssh_ansible_init no
A=$SSH_DIR/ansible

# step NAME MODULE YAML : one task, its logs kept
step() {
	n=$1
	shift
	ssh_ios_task "$@"
	printf '%s\n' "$task_json" | jq . >"$O/ansible/$n.result.json"
	mv "$A/ansible.log" "$O/ansible/$n.log" 2>/dev/null
	printf '%s\n' "$err" >"$O/ansible/$n.err"
	printf '%-24s rc=%s failed=%s changed=%s msg=%.200s\n' "$n" "$rc" \
		"$task_failed" "$task_changed" \
		"$(printf '%s' "$task_msg" | tr '\n' ' ')" >>"$O/summary"
}

step facts-all cisco.ios.ios_facts 'gather_subset: all'
step facts-min cisco.ios.ios_facts 'gather_subset: [min]'
step facts-hardware cisco.ios.ios_facts 'gather_subset: [hardware]'
step facts-config cisco.ios.ios_facts 'gather_subset: [config]'
step facts-interfaces cisco.ios.ios_facts 'gather_subset: [interfaces]'
step facts-resources cisco.ios.ios_facts 'gather_subset: [min]
gather_network_resources: [interfaces, l3_interfaces, static_routes]'
step command cisco.ios.ios_command \
	'commands: [show version, show ip interface brief]'
for i in 1 2; do
	step config-parents-$i cisco.ios.ios_config 'parents: [interface au0]
lines: [description via-ansible]'
	step config-route-mask-$i cisco.ios.ios_config \
		'lines: [ip route 10.97.0.0 255.255.0.0 10.66.0.2]'
	step config-route-prefix-$i cisco.ios.ios_config \
		'lines: [ip route 10.98.0.0/16 10.66.0.2]'
done
step config-refused cisco.ios.ios_config \
	'lines: [ip route 10.96.0.0 255.255.0.0 192.0.2.99]'
step config-save cisco.ios.ios_config \
	'lines: [ip route 10.91.0.0 255.255.0.0 10.66.0.2]
save_when: modified'
step config-defaults cisco.ios.ios_config 'lines: [ip route 10.90.0.0 255.255.0.0 10.66.0.2]
defaults: true'
step interfaces-gathered cisco.ios.ios_interfaces 'state: gathered'
step interfaces-merged cisco.ios.ios_interfaces 'state: merged
config: [{name: au0, description: merged-desc, enabled: true, mtu: 1400}]'
step l3-gathered cisco.ios.ios_l3_interfaces 'state: gathered'
step l3-merged cisco.ios.ios_l3_interfaces 'state: merged
config: [{name: au0, ipv4: [{address: 10.66.1.1/24, secondary: true}]}]'
step static-gathered cisco.ios.ios_static_routes 'state: gathered'
step static-merged cisco.ios.ios_static_routes 'state: merged
config: [{vrf: Auto, address_families: [{afi: ipv4, routes: [{dest: 10.95.0.0/16, next_hops: [{forward_router_address: 10.66.0.1}]}]}]}]'
step vrf cisco.ios.ios_vrf 'name: Green
state: present'
step vrf-interfaces cisco.ios.ios_vrf 'name: Green
interfaces: [au0]'
# offline: what the resource modules would send, and how they read text
step interfaces-rendered cisco.ios.ios_interfaces 'state: rendered
config: [{name: au0, mtu: 1400}, {name: eth0}, {name: lo}, {name: tun0}, {name: test1}]'
step l3-rendered cisco.ios.ios_l3_interfaces 'state: rendered
config: [{name: au0, ipv4: [{address: 10.66.0.1/30}, {address: 10.66.1.1/24, secondary: true}], ipv6: [{address: "2001:db8::1/64"}]}]'
step static-rendered cisco.ios.ios_static_routes 'state: rendered
config: [{vrf: Auto, address_families: [{afi: ipv4, routes: [{dest: 10.95.0.0/16, next_hops: [{forward_router_address: 10.66.0.1}, {interface: au1, forward_router_address: 10.66.0.1}]}]}]}]'
step static-parsed cisco.ios.ios_static_routes 'state: parsed
running_config: |
  ip route 10.98.0.0 255.255.0.0 10.66.0.2
  ip route 10.97.0.0 255.255.0.0 au0 10.66.0.2
  ip route vrf Auto 10.99.0.0 255.255.0.0 10.66.0.1'
step l3-parsed cisco.ios.ios_l3_interfaces 'state: parsed
running_config: |
  interface au0
   type veth peer au1 vrf Auto
   ip address 10.66.0.1 255.255.255.252
   ip address 10.66.1.1 255.255.255.0 secondary
   ipv6 address 2001:db8:66::1/64
  !
  interface au1
   vrf forwarding Auto
   ip address 10.66.0.2 255.255.255.252'
# become: enable from user EXEC (the plain copy)
SSH_USER=user ssh_ansible_init yes
step become-command cisco.ios.ios_command 'commands: [show version]'
SSH_USER=user ssh_ansible_init no
step nobecome-config cisco.ios.ios_config \
	'lines: [ip route 10.94.0.0 255.255.0.0 10.66.0.2]'
# commit confirm (configure terminal revert timer)
SSH_USER=op ssh_ansible_init no
printf '%s\n' ansible_ios_commit_confirm_immediate=true \
	ansible_ios_commit_confirm_timeout=1 >>"$A/hosts"
step commit-confirm cisco.ios.ios_config \
	'lines: [ip route 10.89.0.0 255.255.0.0 10.66.0.2]'

# nm NAME ARGS... : one Netmiko run, its session log kept
nm() {
	n=$1
	shift
	ssh_netmiko "$@"
	printf '%s\n' "$out" >"$O/netmiko/$n.json"
	printf '%s\n' "$err" >"$O/netmiko/$n.err"
	mv "$SSH_DIR/netmiko/session.log" "$O/netmiko/$n.session.log"
	printf '%-24s rc=%s %.200s\n' "$n" "$rc" "$(printf '%s' "$out" |
		jq -c '{error, prompt, connect_seconds,
			errors: [.results[] | select(.error) | .error]}')" \
		>>"$O/summary"
}
nm textfsm --textfsm 'show version' 'show ip arp' 'show interfaces' \
	'show ip route'
nm plain 'show version' 'show ip arp' 'show interfaces au0' 'show ip route'
nm config --config 'interface au0' --config 'description via-netmiko' \
	'show running-config'
SSH_USER=user nm enable --enable 'show version'
SSH_USER=user nm config-user --config 'interface au0'
cp "$SSH_DIR/server/sshd.log" "$O/sshd.log"
cat "$O/summary"
