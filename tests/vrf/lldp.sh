#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show lldp neighbors [IF] [detail] [vrf NAME|all] [json] (issue 13): the
# neighbours are the far ends of veth pairs, checked against the kernel
# as iproute2 sees it (ip -j -d link: link_index and link_netnsid, ip -j
# netns list-id, ip -j addr): System Name the peer's VRF (the host name
# for default), Port id its name, Chassis id its MAC dotted, the
# management address its first IPv4 address.  Hostile strings are shown
# escaped; unknown interfaces and VRFs are errors; show cdp is not run.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

host=$(hostname)
dotted() { printf '%s' "$1" | tr -d ':' | sed 's/^\(....\)\(....\)/\1.\2./'; }
has_raw() { LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1"; }

# witness VRF : one line per veth of VRF, as the kernel says:
# LOCAL|SYSTEM-NAME|PORT|CHASSIS|IPV4, sorted
witness() {
	ns_ip "$1" -j -d link | jq -r '.[] |
		select(.linkinfo.info_kind == "veth") |
		"\(.ifname) \(.link_netnsid // "same") \(.link_index // .link)"' |
	while read -r name nsid peer; do
		if [ "$nsid" = same ]; then pv=$1
		else
			pv=$(ns_ip "$1" -j netns list-id |
				jq -r --argjson n "$nsid" '[.[] |
				select(.nsid == $n) | .name][0] // "default"')
		fi
		pj=$(ns_ip "$pv" -j -d link | jq -c --arg p "$peer" '[.[] |
			select((.ifindex | tostring) == $p or .ifname == $p)][0]')
		pname=$(printf '%s' "$pj" | jq -r .ifname)
		mac=$(dotted "$(printf '%s' "$pj" | jq -r .address)")
		ip4=$(ns_ip "$pv" -j -4 addr show dev "$pname" |
			jq -r '.[0].addr_info[0].local // "-"')
		sys=$pv
		[ "$pv" = default ] && sys=$host
		echo "$name|$sys|$pname|$mac|$ip4"
	done | sort
}

# rows : the summary table of $out, as LOCAL|DEVICE|HOLD|CAP|PORT, sorted
# (IOS's fixed columns)
rows() {
	printf '%s\n' "$out" | awk '
		/^Device ID/ { t = 1; next }
		t && /^$/ { exit }
		function col(a, n) { c = substr($0, a, n); sub(/ +$/, "", c)
				     return c }
		t { print col(21, 15) "|" col(1, 20) "|" col(36, 11) "|" \
			  col(47, 16) "|" substr($0, 63) }' | sort
}

# blocks : the detail blocks of $out, as LOCAL|SYSTEM|PORT|CHASSIS|IPV4
blocks() {
	printf '%s\n' "$out" | awk '
		function emit() { if (l != "") print l "|" s "|" p "|" c "|" i }
		/^-+$/ && length($0) == 48 {
			emit(); l = s = p = c = ""; i = "-"; next
		}
		/^Local Intf: / { l = substr($0, 13) }
		/^System Name: / { s = substr($0, 14) }
		/^Port id: / { p = substr($0, 10) }
		/^Chassis id: / { c = substr($0, 13) }
		/^    IP: / { i = substr($0, 9) }
		/^Total entries displayed/ { emit(); l = "" }' | sort
}

# ---- a lab: default -- Blue -- Red, a pair inside default, a bridge
cfg 'vrf Blue' 'vrf Red' 'exit' \
	'interface va type veth peer vb vrf Blue' 'ip address 10.0.0.1/24' \
	'no shutdown' \
	'interface vb vrf Blue' 'ip address 10.0.0.2/24' \
	'ip address 10.0.0.9/24 secondary' 'ipv6 address 2001:db8::2/64' \
	'description to the default VRF' 'no shutdown' \
	'interface vc vrf Blue type veth peer vd vrf Red' \
	'interface ve type veth peer vf' 'ip address 10.9.0.2/30' \
	'interface br0 type bridge'
expect_ok "setup"

n=$(witness default | wc -l)
expect_eq "the lab has three veth ends in default" "$n" 3

# ---- the summary, against the kernel
run -c 'show lldp neighbors'
expect_ok "show lldp neighbors"
expect_eq "summary: header as IOS" \
	"$(printf '%s\n' "$out" | grep '^Device ID')" \
	"Device ID           Local Intf     Hold-time  Capability      Port ID"
expect_eq "summary: the kernel's veth peers" "$(rows | cut -d'|' -f1-2,5)" \
	"$(witness default | cut -d'|' -f1-3)"
expect_eq "summary: hold time and capability" \
	"$(rows | cut -d'|' -f3-4 | sort -u)" "120|R"
expect_eq "summary: total" \
	"$(printf '%s\n' "$out" | tail -n 1)" "Total entries displayed: 3"
expect_eq "summary: columns at IOS's offsets" \
	"$(printf '%s\n' "$out" | grep '^Blue ')" \
	"$(printf '%-20s%-15s%-11s%-16s%s' Blue va 120 R vb)"

# ---- the detail, against the kernel
run -c 'show lldp neighbors detail'
expect_ok "show lldp neighbors detail"
expect_eq "detail: the kernel's values" "$(blocks)" "$(witness default)"
expect_eq "detail: 48 dashes before each block" \
	"$(printf '%s\n' "$out" | grep -c '^-\{48\}$')" 3
expect_eq "detail: the first IPv4 address, not the secondary" \
	"$(printf '%s\n' "$out" | grep -c '^    IP: 10.0.0.9$')" 0
expect_eq "detail: the peer's description" \
	"$(printf '%s\n' "$out" | grep '^Port Description: ')" \
	"Port Description: to the default VRF"
expect_eq "detail: the peer's IPv6 address, IOS's case" \
	"$(printf '%s\n' "$out" | grep '^    IPV6: ')" "    IPV6: 2001:DB8::2"
expect_eq "detail: capabilities and time" \
	"$(printf '%s\n' "$out" |
	   grep -E '^(Time remaining|(System|Enabled) Capabilities)' | sort -u)" \
	"Enabled Capabilities: R
System Capabilities: R
Time remaining: 120 seconds"

# ---- JSON, against the kernel
run -c 'show lldp neighbors json'
expect_ok "show lldp neighbors json"
expect_eq "json: the kernel's values" \
	"$(printf '%s' "$out" | jq -r '.neighbors[] | [.local_interface,
	   .system_name, .port_id, (.chassis_id | gsub(":"; "") |
	   .[0:4] + "." + .[4:8] + "." + .[8:12]), .management_ipv4 // "-"] |
	   join("|")' | sort)" "$(witness default)"
expect_eq "json: vrf, hold time, capabilities" \
	"$(printf '%s' "$out" | jq -c '[.neighbors[] | [.vrf, .hold_time,
	   .capabilities]] | unique')" '[["default",120,["R"]]]'
expect_eq "json: the peer's VRF and index" \
	"$(printf '%s' "$out" | jq -c '[.neighbors[] |
	   select(.local_interface == "va") | .peer_vrf, .peer_ifindex]')" \
	"[\"Blue\",$(ip -n Blue -j link show vb | jq .[0].ifindex)]"

# ---- another VRF; a peer without address
run -c 'show lldp neighbors detail vrf Blue'
expect_ok "show lldp neighbors detail vrf Blue"
expect_eq "vrf Blue: the kernel's values" "$(blocks)" "$(witness Blue)"
run -c 'show lldp neighbors vd detail vrf Red'
expect_match "no address: not advertised" "$out" \
	'Management Addresses - not advertised'
expect_eq "no address: System Name is Blue" \
	"$(printf '%s\n' "$out" | grep '^System Name')" "System Name: Blue"
run -c 'show lldp neighbors vd vrf Red json'
expect_eq "no address: json null" \
	"$(printf '%s' "$out" | jq -c '[.neighbors[] | .management_ipv4]')" \
	'[null]'

# ---- vrf all: every end, local names VRF/NAME outside default
run -c 'show lldp neighbors vrf all'
expect_ok "show lldp neighbors vrf all"
want=$(for v in default Blue Red; do
	witness $v | while IFS='|' read -r l s p c i; do
		[ $v = default ] && echo "$l|$s|$p" || echo "$v/$l|$s|$p"
	done; done | sort)
expect_eq "vrf all: every veth end" "$(rows | cut -d'|' -f1-2,5)" "$want"
run -c 'show lldp neighbors vrf all json'
expect_eq "vrf all json: count" \
	"$(printf '%s' "$out" | jq '.neighbors | length')" \
	"$(printf '%s\n' "$want" | wc -l)"

# ---- one interface: by name, by VRF/NAME
run -c 'show lldp neighbors vb detail vrf Blue'
expect_eq "one interface" "$(blocks)" "$(witness Blue | grep '^vb|')"
run -c 'show lldp neighbors Blue/vb detail'
expect_eq "one interface, VRF/NAME" "$(blocks)" "$(witness Blue | grep '^vb|')"
run -c 'show lldp neighbors br0'
expect_ok "a bridge has no neighbour"
expect_eq "a bridge: total 0" "$(printf '%s\n' "$out" | tail -n 1)" \
	"Total entries displayed: 0"

# ---- each show reads the kernel
ip -n Blue link set vb address 02:00:00:00:00:42
ip -n Blue addr flush dev vb
ip -n Blue addr add 10.7.7.7/24 dev vb
run -c 'show lldp neighbors va detail'
expect_eq "a new MAC and address are seen" "$(blocks)" \
	"va|Blue|vb|0200.0000.0042|10.7.7.7"

# ---- errors: nothing on stdout, the message on stderr, non-zero status
run -c 'show lldp neighbors nope'
expect_eq "unknown interface" "$rc:$out:$err" \
	"1::-c 1: % Interface nope not found"
run -c 'show lldp neighbors nope vrf Blue'
expect_eq "unknown interface in a VRF" "$rc:$out:$err" \
	"1::-c 1: % Interface nope not found in VRF Blue"
run -c 'show lldp neighbors vb'
expect_eq "an interface of another VRF" "$rc:$out" "1:"
run -c 'show lldp neighbors vrf Nope'
expect_eq "unknown VRF" "$rc:$out:$err" "1::-c 1: % VRF Nope not found"
run -c 'show lldp neighbors Nope/vb'
expect_eq "unknown VRF of VRF/NAME" "$rc:$out:$err" \
	"1::-c 1: % VRF Nope not found"
run -c 'show lldp neighbors Red/vb'
expect_eq "VRF/NAME, no such interface there" "$rc:$out:$err" \
	"1::-c 1: % Interface vb not found in VRF Red"
run -c 'show lldp neighbors Blue/vb vrf Red'
expect_eq "VRF/NAME against another vrf" "$rc:$out" "1:"
expect_match "VRF/NAME against another vrf: message" "$err" 'not found'
run -c 'show lldp neighbors va detail extra'
expect_match "trailing word" "$rc:$err" '^1:.*Invalid input'

# ---- show lldp, show cdp
run -c 'show lldp'
expect_ok "show lldp"
expect_match "show lldp: active" "$out" '^    Status: ACTIVE$'
expect_eq "show lldp: what ios_facts looks for is not there" \
	"$(printf '%s' "$out" | grep -c 'Invalid input\|LLDP is not enabled')" 0
run -c 'show lldp json'
expect_eq "show lldp json" "$(printf '%s' "$out" | jq -c .)" \
	'{"enabled":true,"advertisements_sent":false,"hold_time":120}'
for c in 'show cdp' 'show cdp neighbors' 'show cdp neighbors detail'; do
	run -c "$c"
	expect_eq "$c" "$rc:$out:$err" "0:% CDP is not enabled:"
done

# ---- a peer in a namespace that is no VRF (a process's own): what the
# kernel says of it, the rest not advertised
unshare --net sleep 30 &
nspid=$!
i=0
while [ "$(readlink /proc/$nspid/ns/net)" = "$(readlink /proc/$$/ns/net)" ] &&
	[ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
ip link add vz type veth peer name vw netns $nspid
expect_eq "a veth into a process's namespace" "$?" 0
k=$(jlink default vz '[.link_netnsid, .link_index]')
run -c 'show lldp neighbors vz'
expect_ok "show lldp neighbors vz"
expect_eq "no VRF: the namespace id and the peer's index" "$(rows)" \
	"$(printf '%s' "$k" | jq -r '"vz|netnsid \(.[0])|120||\(.[1])"')"
run -c 'show lldp neighbors vz detail'
expect_eq "no VRF: not advertised" \
	"$(printf '%s\n' "$out" | grep -c -e '^System Name - not advertised$' \
	   -e '^Chassis id - not advertised$' \
	   -e '^Enabled Capabilities - not advertised$' \
	   -e '^Management Addresses - not advertised$')" 4
expect_eq "no VRF: Port id is the peer's index" \
	"$(printf '%s\n' "$out" | grep '^Port id: ')" \
	"Port id: $(printf '%s' "$k" | jq '.[1]')"
run -c 'show lldp neighbors vz json'
expect_eq "no VRF: json" "$(printf '%s' "$out" | jq -c '.neighbors[0] |
	[.system_name, .peer_vrf, .port_id, .peer_netnsid, .peer_ifindex,
	 .chassis_id, .capabilities]')" \
	"$(printf '%s' "$k" | jq -c '[null, null, null, .[0], .[1], null, null]')"
kill $nspid
wait $nspid 2>/dev/null

# ---- hostile strings: a VRF (namespace) name and a description with
# escape sequences and a newline; shown escaped, JSON exact
bad=$(printf 'e\033[31mred')
nl='
'
ip netns add "$bad" &&
	ip link add vx type veth peer name vy netns "$bad" &&
	ip -n "$bad" link set vy alias "a${nl}b$(printf '\033]0;x\007')"
expect_eq "hostile strings made with iproute2" "$?" 0
for c in 'show lldp neighbors' 'show lldp neighbors detail' \
	 'show lldp neighbors vrf all' 'show lldp neighbors detail vrf all'; do
	"$VRFSH" -c "$c" >"$tmp/show" 2>&1
	if has_raw "$tmp/show"; then
		fail "$c: raw control bytes: $(od -c "$tmp/show" | head -3)"
	else ok; fi
done
run -c 'show lldp neighbors vx detail'
expect_match "hostile System Name shown escaped" "$out" \
	'^System Name: e\\x1b\[31mred$'
expect_eq "hostile description on one line" \
	"$(printf '%s\n' "$out" | grep -c '^Port Description: ')" 1
run -c 'show lldp neighbors vx json'
expect_eq "hostile strings exact in JSON" \
	"$(printf '%s' "$out" | jq -r '.neighbors[0] | .system_name,
	   .port_description' | od -An -c | tr -s ' ')" \
	"$(printf '%s\n%s\n' "$bad" "a${nl}b$(printf '\033]0;x\007')" |
	   od -An -c | tr -s ' ')"

finish
