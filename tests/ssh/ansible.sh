#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Ansible's cisco.ios drives vrfsh over SSH (issue 12): vrfsh is the
# login shell of an administrator account (uid 0) on an sshd of the
# sandbox's loopback, and network_cli talks to it as to IOS.
# - ios_interfaces, ios_l3_interfaces and ios_static_routes in state
#   gathered return every configured interface, address and route, VRFs
#   included, as ip -j has them;
# - in state merged they apply (ip -j) and a second run changes nothing;
# - ios_config with parents/lines is idempotent, in a VRF's interface too;
# - ios_vrf makes a VRF with description and rd and moves an interface
#   into it, and a second run changes nothing;
# - commit confirm (configure terminal revert timer, configure confirm)
#   keeps a confirmed change; an unconfirmed one is pending until
#   configure confirm;
# - a line the kernel refuses fails the task (failed, not changed) and
#   changes nothing;
# - Linux names that cisco.ios rewrites (eth5 -> Ethernet5, lo -> loopback)
#   reach their interfaces, and gathered gives the Linux names back;
# - ios_facts with gather_subset all by an operator at level 1 with
#   become: enable (the secret) fills version, host name, interfaces and
#   addresses as ip -j has them.
# ANSIBLE_LONG=1 (make check-ansible) adds, in about three minutes more: a
# revert that fires; a wrong enable secret; ios_interfaces replaced,
# ios_l3_interfaces and ios_static_routes deleted, each twice; vrfsh as
# sshd's forced command instead of the login shell.
# ANSIBLE_KEEP=DIR keeps every playbook and its JSON results in DIR.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
# network_cli's connect and command timeouts: room for a loaded machine
# and a sanitizer build (ios_facts all runs some twenty commands)
SSH_TIMEOUT=${SSH_TIMEOUT:-30}
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ssh/lib.sh"

ssh_need ip jq ansible-playbook setcap
ssh_init
ssh_install_vrfsh
ssh_add_admin admin
# an operator: the copy with file capabilities, level 1 until enable
ssh_install_caps
ssh_add_user user "$SSH_VRFSH_CAPS"
ssh_group_add user vrfsh
SSH_USER=admin
ssh_start
ssh_ansible_init yes
A=$SSH_DIR/ansible

# ---- the lab, in the IOS shape of running-config ---------------------------
cat >"$tmp/lab.conf" <<'EOF'
configure terminal
vrf definition Auto
 description the auto one
 rd 65000:1
!
interface au0
 type veth peer au1
 ip address 10.66.0.1 255.255.255.252
 ip address 10.66.1.1 255.255.255.0 secondary
 ipv6 address 2001:db8:66::1/64
 description uplink
 mtu 1400
 no shutdown
!
interface au1
 vrf forwarding Auto
 ip address 10.66.0.2 255.255.255.252
 ipv6 address 2001:db8:66::2/64
 no shutdown
!
interface Auto/lo
 vrf forwarding Auto
 ip address 10.255.0.1 255.255.255.255 secondary
 no shutdown
!
interface br0
 type bridge
 ip address 10.77.0.1 255.255.255.0
 shutdown
!
interface gr0
 type veth peer gr1
 ip address 10.88.0.1 255.255.255.0
 no shutdown
!
interface gr1
 ip address 10.88.0.2 255.255.255.0
 no shutdown
!
enable secret 0 en-s3cret
ip route 10.97.0.0 255.255.0.0 au0
ip route 10.98.0.0 255.255.0.0 10.66.0.2
ip route vrf Auto 10.99.0.0 255.255.0.0 10.66.0.1
ipv6 route vrf Auto 2001:db8:99::/48 2001:db8:66::1
!
end
EOF
run -f "$tmp/lab.conf"
expect_eq "lab: status" "$rc:$err" "0:"
# IPv6 routes need their gateway's address past duplicate detection
i=0
while [ "$(ip -n Auto -j -6 route show 2001:db8:99::/48 | jq length)" = 0 ]
do
	[ $i -lt 50 ] || break
	sleep 0.1
	i=$((i + 1))
done

# ---- the kernel's view, as the resource modules would gather it ------------
vrfs() { printf '\n'; ip netns list | awk '{ print $1 }'; }
# in_vrf V ARGS... : ip ARGS in VRF V ("" for default)
in_vrf() {
	v=$1
	shift
	if [ -n "$v" ]; then ip -n "$v" "$@"; else ip "$@"; fi
}
# Interfaces that the configuration has: all but a loopback with nothing
# beyond its defaults.  A VRF's loopback is written VRF/lo.
IFJQ='def lo: .link_type == "loopback";
def v4: [.addr_info[] | select(.family == "inet")];
def own4: (lo) as $lo | [v4[] | select(($lo and .local == "127.0.0.1" and
	.prefixlen == 8) | not)];
def v6: [.addr_info[] | select(.family == "inet6" and .scope == "global")];
def up: any(.flags[]; . == "UP");
def bare: lo and up and .mtu == 65536 and (.ifalias // "") == "" and
	(own4 | length) == 0 and (v6 | length) == 0;
def name($v): if lo and $v != "" then "\($v)/lo" else .ifname end;
[.[] | select(bare | not)]'
kernel_ifs() {
	vrfs | while read -r v; do
		in_vrf "$v" -j -d addr | jq -c --arg v "$v" "$IFJQ"' | .[] |
			{name: name($v), enabled: up} +
			(if (.ifalias // "") != "" then {description: .ifalias}
			 else {} end) +
			(if .mtu != (if lo then 65536 else 1500 end)
			 then {mtu} else {} end)'
	done | jq -S -c -s 'sort_by(.name)'
}
# [name, address/len, secondary] of every address the configuration has
kernel_addrs() {
	vrfs | while read -r v; do
		in_vrf "$v" -j -d addr | jq -c --arg v "$v" "$IFJQ"' | .[] |
			name($v) as $n | (v4 | to_entries[] |
			select((.value.local == "127.0.0.1") | not) |
			[$n, "\(.value.local)/\(.value.prefixlen)", .key > 0]),
			(v6[] | [$n, "\(.local)/\(.prefixlen)", false])'
	done | jq -c -s sort
}
# [vrf, afi, dest, next hop, distance] of every static route installed
kernel_routes() {
	vrfs | while read -r v; do
		for f in 4 6; do
			in_vrf "$v" -j -$f route show proto static |
				jq -c --arg v "$v" --arg f "ipv$f" '.[] |
				[$v, $f, .dst, (.gateway // .dev),
				 (if .metric == 1 then null else .metric end)]'
		done
	done | jq -c -s sort
}
# the same from the results of the gathered tasks
G_IFS='.gathered | map(del(.speed, .duplex)) | sort_by(.name)'
G_ADDRS='[.gathered[] | .name as $n | ((.ipv4 // [])[] |
	[$n, .address, (.secondary // false)]), ((.ipv6 // [])[] |
	[$n, .address, false])] | sort'
G_ROUTES='[.gathered[] | (.vrf // "") as $v | .address_families[] |
	.afi as $f | .routes[] | .dest as $d | .next_hops[] |
	[$v, $f, $d, (.forward_router_address // .interface),
	 .distance_metric]] | sort'

# play NAME [VARS] : a playbook of the tasks on standard input (YAML,
# indented as items of tasks:), with the play's vars VARS (a YAML flow
# mapping); $out is its JSON
play() {
	{
		echo '- hosts: vrfsh'
		echo '  gather_facts: false'
		[ -z "$2" ] || echo "  vars: $2"
		echo '  tasks:'
		sed 's/^/    /'
	} >"$A/$1.yml"
	ssh_playbook "$A/$1.yml"
	printf '%s\n' "$out" >"$A/$1.json"
	[ -z "$ANSIBLE_KEEP" ] || cp "$A/$1.yml" "$A/$1.json" "$ANSIBLE_KEEP"
	# the reasons of failed tasks, for the log (some are meant to fail)
	printf '%s' "$out" | jq -r --arg p "$1" '.plays[0].tasks // [] |
		to_entries[] | select(.value.hosts.r1.failed) |
		"play \($p), task \(.key) failed: \(.value.hosts.r1.msg // "")
\(.value.hosts.r1.module_stderr // "")"' >&2
}
# result N : the JSON of task N (from 0) of the last play
result() { printf '%s' "$out" | jq -c ".plays[0].tasks[$1].hosts.r1 // {}"; }
# status N : failed:changed of task N
status() { result "$1" | jq -r '"\(.failed // false):\(.changed // false)"'; }

# ---- gathered ---------------------------------------------------------------
play gathered <<'EOF'
- cisco.ios.ios_interfaces: {state: gathered}
- cisco.ios.ios_l3_interfaces: {state: gathered}
- cisco.ios.ios_static_routes: {state: gathered}
EOF
expect_eq "gathered: status" "$rc:$(status 0):$(status 1):$(status 2)" \
	"0:false:false:false:false:false:false"
expect_eq "ios_interfaces gathered: every interface, as ip -j has it" \
	"$(result 0 | jq -S -c "$G_IFS")" "$(kernel_ifs)"
expect_match "ios_interfaces gathered: the VRF's interfaces are there" \
	"$(result 0 | jq -c '[.gathered[].name]')" '"Auto/lo".*"au1"'
expect_eq "ios_l3_interfaces gathered: every address, as ip -j has it" \
	"$(result 1 | jq -c "$G_ADDRS")" "$(kernel_addrs)"
expect_eq "ios_static_routes gathered: every route, as ip -j has it" \
	"$(result 2 | jq -c "$G_ROUTES")" "$(kernel_routes)"
expect_match "ios_static_routes gathered: the VRF's routes are there" \
	"$(result 2 | jq -c "$G_ROUTES")" \
	'\["Auto","ipv4","10.99.0.0/16","10.66.0.1",null\].*\["Auto","ipv6","2001:db8:99::/48","2001:db8:66::1",null\]'
# a documented limit: the collection reads an exit interface only when it
# is an IOS type name; Linux's au0 comes back as a gateway
expect_eq "ios_static_routes gathered: an exit interface reads as a gateway" \
	"$(result 2 | jq -c '[.gathered[] | .address_families[].routes[] |
	   select(.dest == "10.97.0.0/16") | .next_hops[]]')" \
	'[{"forward_router_address":"au0"}]'

# ---- merged, twice ----------------------------------------------------------
play merged <<'EOF'
- &ifs
  cisco.ios.ios_interfaces:
    state: merged
    config:
      - {name: au0, description: merged-desc, mtu: 1450}
      - {name: au1, description: in-auto}
      - {name: br0, enabled: true}
- *ifs
- &l3
  cisco.ios.ios_l3_interfaces:
    state: merged
    config:
      - name: au0
        ipv4: [{address: 10.66.2.1/24, secondary: true}]
        ipv6: [{address: "2001:db8:67::1/64"}]
      - name: au1
        ipv4: [{address: 10.66.3.1/24, secondary: true}]
- *l3
- &routes
  cisco.ios.ios_static_routes:
    state: merged
    config:
      - vrf: Auto
        address_families:
          - afi: ipv4
            routes:
              - dest: 10.95.0.0/16
                next_hops: [{forward_router_address: 10.66.0.1}]
      - address_families:
          - afi: ipv4
            routes:
              - dest: 10.94.0.0/16
                next_hops: [{forward_router_address: 10.66.0.2, distance_metric: 5}]
          - afi: ipv6
            routes:
              - dest: "2001:db8:94::/48"
                next_hops: [{forward_router_address: "2001:db8:66::2"}]
- *routes
- cisco.ios.ios_interfaces: {state: gathered}
- cisco.ios.ios_l3_interfaces: {state: gathered}
- cisco.ios.ios_static_routes: {state: gathered}
EOF
expect_eq "merged: status" "$rc" 0
for i in 0 2 4; do
	expect_eq "merged task $i: applied" "$(status $i)" "false:true"
	expect_eq "merged task $((i + 1)): a second run changes nothing" \
		"$(status $((i + 1)))" "false:false"
done
expect_eq "ios_interfaces merged: the commands" \
	"$(result 0 | jq -c .commands)" \
	'["interface au0","description merged-desc","mtu 1450","interface au1","description in-auto","interface br0","no shutdown"]'
expect_eq "ios_interfaces merged: au0 in the kernel" \
	"$(ip -j -d link show au0 | jq -c '.[0] | [.mtu, .ifalias]')" \
	'[1450,"merged-desc"]'
expect_eq "ios_interfaces merged: au1 (VRF Auto) in the kernel" \
	"$(ip -n Auto -j -d link show au1 | jq -r '.[0].ifalias')" in-auto
expect_eq "ios_interfaces merged: br0 is up" \
	"$(ip -j link show br0 | jq -c '.[0].flags | index(["UP"]) != null')" \
	true
expect_eq "ios_l3_interfaces merged: the addresses in the kernel" \
	"$(ip -j addr show au0 | jq -c '[.[0].addr_info[] |
	   select(.scope == "global") | "\(.local)/\(.prefixlen)"] | sort')|$(
	   ip -n Auto -j addr show au1 | jq -c '[.[0].addr_info[] |
	   select(.family == "inet") | "\(.local)/\(.prefixlen)"]')" \
	'["10.66.0.1/30","10.66.1.1/24","10.66.2.1/24","2001:db8:66::1/64","2001:db8:67::1/64"]|["10.66.0.2/30","10.66.3.1/24"]'
expect_eq "ios_static_routes merged: the routes in the kernel" \
	"$(ip -j route show 10.94.0.0/16 | jq -c '[.[] | [.gateway, .metric]]')|$(
	   ip -j -6 route show 2001:db8:94::/48 | jq -c '[.[].gateway]')|$(
	   ip -n Auto -j route show 10.95.0.0/16 | jq -c '[.[].gateway]')" \
	'[["10.66.0.2",5]]|["2001:db8:66::2"]|["10.66.0.1"]'
expect_eq "merged, gathered again: the interfaces are the kernel's" \
	"$(result 6 | jq -S -c "$G_IFS")" "$(kernel_ifs)"
expect_eq "merged, gathered again: the addresses are the kernel's" \
	"$(result 7 | jq -c "$G_ADDRS")" "$(kernel_addrs)"
expect_eq "merged, gathered again: the routes are the kernel's" \
	"$(result 8 | jq -c "$G_ROUTES")" "$(kernel_routes)"

# ---- ios_config: parents and lines, twice ------------------------------------
play config <<'EOF'
- &vif
  cisco.ios.ios_config:
    parents: [interface au1]
    lines: [description via-config, ip address 10.66.4.1 255.255.255.0 secondary]
- *vif
- &glob
  cisco.ios.ios_config:
    lines: [ip route vrf Auto 10.93.0.0 255.255.0.0 10.66.0.1]
- *glob
- &vrf
  cisco.ios.ios_config:
    parents: [vrf definition Auto]
    lines: [description still auto]
- *vrf
EOF
expect_eq "ios_config: status" "$rc" 0
for i in 0 2 4; do
	expect_eq "ios_config task $i: applied" "$(status $i)" "false:true"
	expect_eq "ios_config task $((i + 1)): a second run changes nothing" \
		"$(status $((i + 1)))" "false:false"
done
expect_eq "ios_config: the VRF's interface in the kernel" \
	"$(ip -n Auto -j -d addr show au1 | jq -c '.[0] | [.ifalias,
	   [.addr_info[] | select(.family == "inet") | .local]]')" \
	'["via-config",["10.66.0.2","10.66.3.1","10.66.4.1"]]'
expect_eq "ios_config: the VRF's route in the kernel" \
	"$(ip -n Auto -j route show 10.93.0.0/16 | jq -c '[.[].gateway]')" \
	'["10.66.0.1"]'
run -c 'show running-config vrf Auto'
expect_match "ios_config: the VRF's description" "$out" '^ description still auto$'

# ---- ios_vrf -----------------------------------------------------------------
play vrf <<'EOF'
- &def
  cisco.ios.ios_vrf: {name: Green, description: green vrf, rd: "65000:2"}
- *def
- &mem
  cisco.ios.ios_vrf: {name: Green, interfaces: [gr1]}
- *mem
EOF
expect_eq "ios_vrf: status" "$rc" 0
expect_eq "ios_vrf: made" "$(status 0)" "false:true"
expect_eq "ios_vrf: a second run changes nothing" "$(status 1)" "false:false"
expect_eq "ios_vrf: the interface moved" "$(status 2)" "false:true"
expect_eq "ios_vrf: the commands that moved it" \
	"$(result 2 | jq -c .commands)" \
	'["interface gr1","vrf forwarding Green","ip address 10.88.0.2 255.255.255.0"]'
expect_eq "ios_vrf: a second move changes nothing" "$(status 3)" "false:false"
expect_eq "ios_vrf: the namespace and its interface" \
	"$(ip netns list | awk '{ print $1 }' | sort | tr '\n' ' ')|$(
	   ip -n Green -j addr show gr1 | jq -c '[.[0].addr_info[] |
	   select(.family == "inet") | .local]')|$(ip -j link show gr1 2>/dev/null)" \
	'Auto Green |["10.88.0.2"]|'
run -c 'show running-config vrf Green'
expect_match "ios_vrf: description and rd" "$out" \
	'^vrf definition Green
 description green vrf
 rd 65000:2$'
expect_eq "ios_vrf: traffic over the moved interface" \
	"$(ip netns exec Green ping -c 1 -W 2 10.88.0.1 >/dev/null 2>&1; echo $?)" 0

# ---- commit confirm ------------------------------------------------------------
# ansible_ios_commit_confirm_immediate: revert timer, the lines, end,
# configure confirm; _timeout alone: the revert stays pending
play confirm <<'EOF'
- cisco.ios.ios_config:
    lines: [ip route 10.89.0.0 255.255.0.0 10.66.0.2]
  vars: {ansible_ios_commit_confirm_immediate: true}
- cisco.ios.ios_command:
    commands: [show archive config rollback timer]
- cisco.ios.ios_config:
    lines: [ip route 10.88.0.0 255.255.0.0 10.66.0.2]
  vars: {ansible_ios_commit_confirm_timeout: 1}
- cisco.ios.ios_command:
    commands: [show archive config rollback timer]
- cisco.ios.ios_command:
    commands: [configure confirm, show archive config rollback timer]
EOF
expect_eq "commit confirm: status" "$rc:$(status 0):$(status 2)" \
	"0:false:true:false:true"
expect_eq "commit confirm immediate: confirmed at once" \
	"$(result 1 | jq -c .stdout)" '["%No Rollback Confirmed Change pending"]'
expect_match "commit confirm timeout: a rollback pending" \
	"$(result 3 | jq -r '.stdout[0]')" '^Timer type *: Rollback$'
expect_eq "commit confirm timeout: configure confirm" \
	"$(result 4 | jq -c '.stdout[1]')" '"%No Rollback Confirmed Change pending"'
expect_eq "commit confirm: both routes in the kernel" \
	"$(ip -j route show 10.89.0.0/16 | jq -c '[.[].gateway]')$(
	   ip -j route show 10.88.0.0/16 | jq -c '[.[].gateway]')" \
	'["10.66.0.2"]["10.66.0.2"]'

# ---- lines the kernel refuses ---------------------------------------------------
snap() {
	vrfs | while read -r v; do
		in_vrf "$v" -j -d addr | jq -c 'map([.ifname, .mtu, .flags,
			.ifalias, [.addr_info[] | [.local, .prefixlen]]])'
		in_vrf "$v" -j route
	done
}
before=$(snap)
play refused <<'EOF'
- cisco.ios.ios_config:
    parents: [interface br0]
    lines: [vrf forwarding Green]
  ignore_errors: true
- cisco.ios.ios_config:
    parents: [interface au0]
    lines: [mtu 65536]
  ignore_errors: true
- cisco.ios.ios_interfaces:
    state: merged
    config: [{name: au0, mtu: 65536}]
  ignore_errors: true
EOF
for i in 0 1 2; do
	expect_eq "refused task $i: failed, not changed" "$(status $i)" \
		"true:false"
done
expect_match "refused: the kernel's reason reaches Ansible" \
	"$(result 0 | jq -r '.module_stderr // .msg')" \
	'% Error: Cannot move interface br0 to VRF Green: .*immutable'
expect_match "refused: the MTU's reason" \
	"$(result 1 | jq -r '.module_stderr // .msg')" \
	'% Error: Cannot set the MTU of au0 to 65536'
expect_eq "refused: nothing changed" "$(snap)" "$before"

# ---- IOS names: cisco.ios sends Ethernet5 for eth5, loopback for lo --------
run -c 'configure terminal' -c 'interface eth5 type veth peer tun5' -c end
expect_eq "names: eth5 and tun5 made" "$rc:$err" "0:"
play names <<'EOF'
- &nif
  cisco.ios.ios_interfaces:
    state: merged
    config:
      - {name: eth5, description: e5, enabled: true}
      - {name: tun5, enabled: true}
      - {name: lo, description: lb}
- *nif
- &nl3
  cisco.ios.ios_l3_interfaces:
    state: merged
    config: [{name: eth5, ipv4: [{address: 10.55.0.1/24}]}]
- *nl3
- cisco.ios.ios_interfaces: {state: gathered}
EOF
expect_eq "names: status" "$rc" 0
for i in 0 2; do
	expect_eq "names task $i: applied" "$(status $i)" "false:true"
	expect_eq "names task $((i + 1)): a second run changes nothing" \
		"$(status $((i + 1)))" "false:false"
done
expect_eq "names: cisco.ios sent the IOS names" \
	"$(result 0 | jq -c .commands)|$(result 2 | jq -c .commands)" \
	'["interface Ethernet5","description e5","no shutdown","interface Tunnel5","no shutdown","interface loopback","description lb","no shutdown"]|["interface Ethernet5","ip address 10.55.0.1 255.255.255.0"]'
expect_eq "names: eth5, tun5 and lo in the kernel" \
	"$(ip -j -d addr show eth5 | jq -c '.[0] | [.ifalias,
	   (.flags | index(["UP"]) != null), [.addr_info[] |
	   select(.family == "inet") | "\(.local)/\(.prefixlen)"]]')|$(
	   ip -j link show tun5 | jq -c '.[0].flags | index(["UP"]) != null')|$(
	   ip -j -d link show lo | jq -r '.[0].ifalias')" \
	'["e5",true,["10.55.0.1/24"]]|true|lb'
expect_eq "names: gathered gives the Linux names, as ip -j has them" \
	"$(result 4 | jq -S -c "$G_IFS")" "$(kernel_ifs)"

# ---- ios_facts, gather_subset all, by an operator with become --------------
# The operator's copy has its rights from file capabilities: the session
# starts at level 1 and enable asks for the secret.
ssh_as user 'show privilege'
expect_eq "operator: level 1 without enable" "$rc:$out" \
	"0:Current privilege level is 1"
play facts '{ansible_user: user, ansible_become_password: en-s3cret}' <<'EOF'
- cisco.ios.ios_facts: {gather_subset: all}
- cisco.ios.ios_command: {commands: [show privilege]}
EOF
expect_eq "facts: status" "$rc:$(status 0):$(status 1)" \
	"0:false:false:false:false"
expect_eq "facts: become: enable gave level 15" \
	"$(result 1 | jq -r '.stdout[0]')" "Current privilege level is 15"
fa() { result 0 | jq -c ".ansible_facts | $1"; }
expect_eq "ios_facts: version, hostname, image" \
	"$(fa '[.ansible_net_version, .ansible_net_hostname,
	   .ansible_net_image, .ansible_net_iostype]')" \
	"[\"$("$VRFSH" -V | cut -d' ' -f2)\",\"R1\",\"file:$SSH_VRFSH_CAPS\",\"IOS\"]"
expect_eq "ios_facts: the interfaces are the kernel's" \
	"$(fa '.ansible_net_interfaces | keys')" \
	"$(ip -j link | jq -c '[.[].ifname] | sort')"
expect_eq "ios_facts: au0's addresses" \
	"$(fa '[.ansible_net_interfaces.au0.ipv4[] |
	   "\(.address)/\(.subnet)"] | sort')" \
	'["10.66.0.1/30","10.66.1.1/24","10.66.2.1/24"]'
expect_eq "ios_facts: every IPv4 address" \
	"$(fa '.ansible_net_all_ipv4_addresses | sort')" \
	"$(ip -j -4 addr | jq -c '[.[].addr_info[].local] | sort')"
expect_eq "ios_facts: every IPv6 address but the link-local ones" \
	"$(fa '.ansible_net_all_ipv6_addresses | sort')" \
	"$(ip -j -6 addr | jq -c '[.[].addr_info[] | select(.scope != "link") |
	   .local | ascii_upcase] | sort')"

if [ -n "$ANSIBLE_LONG" ]; then
	# an unconfirmed change is undone by the revert timer (a minute)
	play revert <<'EOF'
- cisco.ios.ios_config:
    lines: [ip route 10.87.0.0 255.255.0.0 10.66.0.2]
  vars: {ansible_ios_commit_confirm_timeout: 1}
EOF
	expect_eq "revert: applied" "$rc:$(status 0)" "0:false:true"
	expect_eq "revert: the route in the kernel" \
		"$(ip -j route show 10.87.0.0/16 | jq -c '[.[].gateway]')" \
		'["10.66.0.2"]'
	i=0
	while [ "$(ip -j route show 10.87.0.0/16 | jq length)" != 0 ] &&
		[ $i -lt 90 ]; do
		sleep 1
		i=$((i + 1))
	done
	expect_eq "revert: gone after the minute, the session closed" \
		"$(ip -j route show 10.87.0.0/16 | jq length)" 0
	expect_eq "revert: the confirmed routes stay" \
		"$(ip -j route show 10.89.0.0/16 | jq -c '[.[].gateway]')" \
		'["10.66.0.2"]'

	# a wrong enable secret fails the task, and nothing runs
	play badsecret '{ansible_user: user, ansible_become_password: wrong,
    ansible_command_timeout: 10}' <<'EOF'
- cisco.ios.ios_command: {commands: [show privilege]}
  ignore_errors: true
EOF
	expect_eq "wrong secret: the task fails" "$(status 0)" "true:false"
	expect_match "wrong secret: why" "$(result 0 | jq -r .msg)" \
		'[Bb]ad secret|privilege|enable'

	# replaced and deleted, twice each (ios_static_routes deleted once:
	# cisco.ios 4.6.1 deletes every route of the VRF when the one it is
	# given is not there)
	play replaced <<'EOF'
- &rep
  cisco.ios.ios_interfaces:
    state: replaced
    config: [{name: gr0, description: replaced, mtu: 1400}]
- *rep
- cisco.ios.ios_l3_interfaces:
    state: replaced
    config:
      - name: gr0
        ipv4: [{address: 10.88.0.1/24}]
        ipv6: [{address: "2001:db8:88::1/64"}]
- &rep3
  cisco.ios.ios_l3_interfaces:
    state: replaced
    config: [{name: gr0, ipv4: [{address: 10.88.0.1/24}]}]
- *rep3
- &del3
  cisco.ios.ios_l3_interfaces:
    state: deleted
    config: [{name: gr0}]
- *del3
- cisco.ios.ios_static_routes:
    state: deleted
    config:
      - vrf: Auto
        address_families:
          - afi: ipv4
            routes:
              - dest: 10.95.0.0/16
                next_hops: [{forward_router_address: 10.66.0.1}]
EOF
	expect_eq "replaced/deleted: status" "$rc" 0
	expect_eq "long task 2: applied" "$(status 2)" "false:true"
	expect_eq "long task 7: applied" "$(status 7)" "false:true"
	for i in 0 3 5; do
		expect_eq "long task $i: applied" "$(status $i)" "false:true"
		expect_eq "long task $((i + 1)): a second run changes nothing" \
			"$(status $((i + 1)))" "false:false"
	done
	expect_eq "ios_interfaces replaced: gr0 in the kernel" \
		"$(ip -j -d link show gr0 | jq -c '.[0] | [.mtu, .ifalias]')" \
		'[1400,"replaced"]'
	expect_eq "ios_l3_interfaces replaced: the commands" \
		"$(result 2 | jq -c .commands)|$(result 3 | jq -c .commands)" \
		'["interface gr0","ipv6 address 2001:db8:88::1/64"]|["interface gr0","no ipv6 address 2001:db8:88::1/64"]'
	expect_eq "ios_l3_interfaces deleted: gr0 has no address left" \
		"$(ip -j addr show gr0 | jq -c '[.[0].addr_info[] |
		   select(.scope == "global")]')" '[]'
	expect_eq "ios_static_routes deleted: the VRF's route is gone" \
		"$(ip -n Auto -j route show 10.95.0.0/16 | jq length):$(
		   ip -n Auto -j route show 10.99.0.0/16 | jq length)" "0:1"

	# vrfsh as sshd's forced command (the account's shell is /bin/sh)
	ssh_stop
	ssh_set_shell admin /bin/sh
	ssh_start force
	ssh_ansible_init yes
	routes_before=$(kernel_routes)
	play forced <<'EOF'
- cisco.ios.ios_static_routes: {state: gathered}
- cisco.ios.ios_config:
    lines: [ip route 10.86.0.0 255.255.0.0 10.66.0.2]
EOF
	expect_eq "forced command: status" "$rc:$(status 0):$(status 1)" \
		"0:false:false:false:true"
	expect_eq "forced command: the routes gathered are the kernel's" \
		"$(result 0 | jq -c "$G_ROUTES")" "$routes_before"
	expect_eq "forced command: the route in the kernel" \
		"$(ip -j route show 10.86.0.0/16 | jq -c '[.[].gateway]')" \
		'["10.66.0.2"]'
fi
finish
