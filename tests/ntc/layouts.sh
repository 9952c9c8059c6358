#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Every IOS-layout show of vrfsh parsed by its ntc-templates cisco_ios
# template (chosen by the command through ./index, as Netmiko does), one
# check per template, with the records' fields compared with the kernel
# (ip -j -s link, ip -j addr, ip -j neigh) where vrfsh has the value.
# A template that meets a line it does not know fails the parse.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ntc/common.sh"

cfg 'vrf Blue' 'vrf Red' 'exit' \
	'interface va type veth peer vb vrf Blue' \
	'ip address 10.0.0.1/24' 'ip address 10.0.0.9/24 secondary' \
	'ipv6 address 2001:db8::1/64' 'mtu 1400' 'description to Blue' \
	'no shutdown' \
	'interface vb vrf Blue' 'ip address 10.0.0.2/24' \
	'ipv6 address 2001:db8::2/64' 'no shutdown' \
	'interface vc type veth peer vd vrf Red' 'description to Red, shut' \
	'interface br0 type bridge' 'no shutdown'
expect_ok "setup"
i=0
while [ "$(jlink default va .operstate)" != '"UP"' ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
ip -6 addr show dev va | grep -q tentative && sleep 2
run -c 'ping 10.0.0.2 repeat 3 timeout 1' -c 'ping 2001:db8::2 repeat 3 timeout 1'
expect_ok "traffic for the counters and the neighbours"

# ---- show version
parse "show version"
expect_eq "show version: one record" "$(field length)" 1
expect_eq "show version: software, version, release" \
	"$(field '.[0] | [.software_image, .version, .release]')" \
	"[\"VRFSH-$(uname -m | tr a-z A-Z)\",\"$("$VRFSH" -V | cut -d' ' -f2)\",\"vrfsh\"]"
expect_eq "show version: rommon, hostname, hardware" \
	"$(field '.[0] | [.rommon, .hostname, .hardware]')" \
	"[\"Linux\",\"$(hostname)\",[\"vrfsh\"]]"
expect_eq "show version: running image" "$(field '.[0].running_image')" \
	"\"$(readlink -f "$VRFSH")\""
up=$(cut -d. -f1 /proc/uptime)
expect_eq "show version: uptime minutes (of /proc/uptime)" \
	"$(field '.[0].uptime_minutes | tonumber')" "$((up / 60 % 60))"
expect_match "show version: restarted" "$(field '.[0].restarted')" \
	'^"[0-9]{2}:[0-9]{2}:[0-9]{2} [A-Z]+ [A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{1,2} [0-9]{4}"$'
if id=$(cat /etc/machine-id 2>/dev/null) && [ ${#id} -eq 32 ]; then
	expect_eq "show version: serial is the machine id" \
		"$(field '.[0].serial')" "[\"$id\"]"
fi

# ---- show interfaces
k1=$(ip -s -s -j link)
parse "show interfaces"
k2=$(ip -s -s -j link)
expect_eq "show interfaces: a record per link" \
	"$(field '[.[].interface]')" "$(printf '%s' "$k1" | jq -c '[.[].ifname]')"
# the kernel's view in the template's fields
kernel_if() {
	printf '%s' "$k1" | jq -c --argjson addrs "$(ip -j -4 addr)" '[.[] |
	  . as $l | {interface: .ifname,
	  link_status: (if (.flags | index("UP") | not) then "administratively down"
	               elif (.flags | index("LOWER_UP")) then "up" else "down" end),
	  protocol_status: (if .operstate == "UP" or (.operstate == "UNKNOWN" and
	               (.flags | index("LOWER_UP"))) then "up" else "down" end),
	  description: (.ifalias // ""), mtu: (.mtu | tostring),
	  ip_address: ([$addrs[] | select(.ifname == $l.ifname) | .addr_info[] |
	               select(.secondary | not) | .local] | first // ""),
	  encapsulation: (if .link_type == "loopback" then "LOOPBACK" else "ARPA" end)}]'
}
expect_eq "show interfaces: state, description, MTU, primary address" \
	"$(field '[.[] | {interface, link_status, protocol_status, description,
	   mtu, ip_address, encapsulation}]')" "$(kernel_if)"
expect_eq "show interfaces: dotted MAC and bia of va" \
	"$(field '.[] | select(.interface == "va") | [.mac_address, .bia]')" \
	"[\"$(dotted "$(jlink default va .address)")\",\"$(dotted "$(jlink default va '.permaddr // .address')")\"]"
expect_eq "show interfaces: va's prefix, bandwidth, delay, duplex, speed, media" \
	"$(field '.[] | select(.interface == "va") | [.prefix_length, .bandwidth,
	   .delay, .duplex, .speed, .media_type, .hardware_type]')" \
	'["24","10000000 Kbit","10 usec","Full Duplex","10000Mbps","Virtual","veth"]'
# each counter between the kernel's readings around vrfsh's
between() {	# RECORD-FIELD KERNEL-PATH
	printf '%s' "$recs" | jq --argjson a "$k1" --argjson b "$k2" \
	  --arg f "$1" "[.[] | .interface as \$n | (.[\$f] | tonumber) as \$v |
	    ([\$a[] | select(.ifname == \$n) | .stats64.$2] | first) <= \$v and
	    \$v <= ([\$b[] | select(.ifname == \$n) | .stats64.$2] | first)] | all"
}
for c in "input_packets rx.packets" "output_packets tx.packets" \
	 "input_errors rx.errors" "output_errors tx.errors" "crc rx.crc_errors" \
	 "frame rx.frame_errors" "overrun rx.over_errors" \
	 "giants rx.length_errors" "queue_drops rx.dropped" \
	 "queue_output_drops tx.dropped"; do
	set -- $c
	expect_eq "show interfaces: $1 is the kernel's $2" "$(between $1 $2)" true
done
expect_match "show interfaces: va has traffic" \
	"$(field '.[] | select(.interface == "va") | .input_packets')" '"[1-9]'
expect_eq "show interfaces: the Output queue is the txqlen" \
	"$(field '[.[] | .queue_max]')" \
	"$(printf '%s' "$k1" | jq -c '[.[] | "1000"]')"

# clear counters: a baseline subtracted in the text and the JSON
# (IPv6 sends a packet now and then: what vrfsh shows is at most what the
# kernel counted since just before the clearing, and without a baseline
# it would be at least what it counted before it)
kb=$(ip -s -j link show va | jq -c '.[0].stats64 | [.rx.packets, .tx.packets, .rx.bytes, .tx.bytes]')
run -c 'clear counters va'
expect_ok "clear counters va"
parse "show interfaces va"
run -c 'show interfaces va json'
json=$(printf '%s' "$out" | jq -c '.interfaces[0] | [.rx_packets, .tx_packets, .rx_bytes, .tx_bytes]')
ka=$(ip -s -j link show va | jq -c '.[0].stats64 | [.rx.packets, .tx.packets, .rx.bytes, .tx.bytes]')
less() {	# VALUES: each at most ka - kb, and kb >= 6 packets each way
	jq -n -c --argjson v "$1" --argjson a "$ka" --argjson b "$kb" \
		'$b[0] >= 3 and $b[1] >= 3 and
		 ([range(0; ($v | length))] | all($v[.] >= 0 and $v[.] <= $a[.] - $b[.]))'
}
expect_eq "after clear counters: va counts afresh (text)" \
	"$(less "$(field '.[0] | [(.input_packets | tonumber), (.output_packets | tonumber)]')")" true
expect_eq "after clear counters: the JSON too" "$(less "$json")" true
run -c 'show interfaces va json'
expect_eq "after clear counters: JSON says when" \
	"$(printf '%s' "$out" | jq -c '.interfaces[0].counters_cleared | type')" '"number"'
expect_match "after clear counters: Last clearing says when" \
	"$(grep 'Last clearing' "$tmp/raw")" \
	'counters 00:00:0[0-9]$'
run -c 'show interfaces vb vrf Blue json'
expect_match "clear counters va leaves vb alone" \
	"$(printf '%s' "$out" | jq -c '.interfaces[0] | [.rx_packets, .counters_cleared]')" \
	'^\[[1-9][0-9]*,null\]$'
run -c 'ping 10.0.0.2 repeat 2 timeout 1'
k=$(ip -s -j link show va | jq '.[0].stats64.tx.packets')
run -c 'show interfaces va json'
got=$(printf '%s' "$out" | jq '.interfaces[0].tx_packets')
expect_eq "after clear counters: new traffic counted, less the baseline" \
	"$([ "$got" -ge 2 ] && [ "$got" -lt "$k" ] && echo yes)" yes
run -c 'clear counters'
expect_ok "clear counters (every interface)"
run -c 'show interfaces vrf all json'
expect_eq "clear counters: every interface of every VRF" \
	"$(printf '%s' "$out" | jq -c '[.interfaces[] | .counters_cleared | type] | unique')" \
	'["number"]'
run -c 'clear counters nope'
expect_eq "clear counters of a missing interface" "$rc:$err" \
	"1:-c 1: % Interface nope not found"

# ---- show interfaces status / description
parse "show interfaces status"
expect_eq "show interfaces status: va, vc" \
	"$(field '[.[] | select(.port == "va" or .port == "vc") |
	   [.port, .name, .status, .vlan_id, .duplex, .speed, .type]]')" \
	'[["va","to Blue","connected","routed","full","10G","Virtual Ethernet"],["vc","to Red, shut","disabled","routed","full","10G","Virtual Ethernet"]]'
expect_eq "show interfaces status: every link" "$(field '[.[].port]')" \
	"$(ip -j link | jq -c '[.[].ifname]')"
parse "show interfaces description"
expect_eq "show interfaces description" \
	"$(field '[.[] | [.port, .status, .protocol, .description]]')" \
	"$(ip -j link | jq -c '[.[] | [.ifname,
	   (if (.flags | index("UP") | not) then "admin down"
	    elif (.flags | index("LOWER_UP")) then "up" else "down" end),
	   (if .operstate == "UP" or (.operstate == "UNKNOWN" and
	    (.flags | index("LOWER_UP"))) then "up" else "down" end),
	   (.ifalias // "")]]')"

# ---- show ip interface [brief]
for v in default Blue; do
	parse "show ip interface" "show ip interface vrf $v"
	expect_eq "show ip interface vrf $v: addresses, primary first" \
		"$(field '[.[] | [.interface, .ip_address, .prefix_length]]')" \
		"$(ns_ip $v -j -4 addr | jq -c --argjson l "$(ns_ip $v -j link)" \
		   '. as $a | [$l[] | .ifname as $n | [$n,
		   [$a[] | select(.ifname == $n) | .addr_info[] | .local],
		   [$a[] | select(.ifname == $n) | .addr_info[] | .prefixlen | tostring]]]')"
	expect_eq "show ip interface vrf $v: MTU, VRF, no access list" \
		"$(field '[.[] | select(.ip_address != []) | [.mtu, .vrf,
		   .outgoing_acl, .inbound_acl]] | unique')" \
		"$(ns_ip $v -j link | jq -c --arg v $v '[.[] | select(.ifname != "br0"
		   and .ifname != "vc" and .ifname != "vd") | [(.mtu | tostring),
		   (if $v == "default" then "" else $v end), "", ""]] | unique')"
done
parse "show ip interface brief"
expect_eq "show ip interface brief" \
	"$(field '[.[] | [.interface, .ip_address, .status, .proto]]')" \
	"$(ip -j -4 addr | jq -c --argjson l "$(ip -j link)" '. as $a | [$l[] |
	   .ifname as $n | [$n, ([$a[] | select(.ifname == $n) | .addr_info[] |
	   select(.secondary | not) | .local] | first // "unassigned"),
	   (if (.flags | index("UP") | not) then "administratively down"
	    elif (.flags | index("LOWER_UP")) then "up" else "down" end),
	   (if (.flags | index("LOWER_UP")) then "up" else "down" end)]]')"
parse "show ipv6 interface brief"
expect_eq "show ipv6 interface brief: upper case, link-local first" \
	"$(field '[.[] | [.interface, .ipv6_address]]')" \
	"$(ip -j -6 addr | jq -c --argjson l "$(ip -j link)" '. as $a | [$l[] |
	   .ifname as $n | [$n, ([$a[] | select(.ifname == $n) | .addr_info |
	   (map(select(.scope == "link")) + map(select(.scope != "link"))) |
	   .[].local | ascii_upcase] | if . == [] then ["UNASSIGNED"] else . end)]] |
	   map(.[1] |= map(if . == "UNASSIGNED" then "unassigned" else . end))')"

# ---- neighbours
parse "show ip arp"
own=$(ip -j -4 addr | jq -c --argjson l "$(ip -j link)" '[.[] | .ifname as $n |
	select(.ifname != "lo") | .addr_info[] |
	[.local, "-", ($l[] | select(.ifname == $n) | .address)]]')
learnt=$(ip -s -j -4 neigh | jq -c '[.[] | select(.state | index("NOARP") | not) |
	[.dst, ((.confirmed // 0) / 60 | floor | tostring), (.lladdr // "Incomplete")]]')
expect_eq "show ip arp: own addresses (age -) and the kernel's entries" \
	"$(field '[.[] | [.ip_address, .age, .mac_address, .type]] | sort')" \
	"$(jq -n -c --argjson o "$own" --argjson k "$learnt" '$o + $k |
	   map([.[0], .[1], (.[2] | gsub(":"; "") |
	   if . == "Incomplete" then . else .[0:4] + "." + .[4:8] + "." + .[8:12] end),
	   "ARPA"]) | sort')"
parse "show arp" "show arp vrf Blue"
expect_eq "show arp (the other template): Blue's entries" \
	"$(field '[.[] | [.address, .hardware_address, .interface]] | sort')" \
	"$(jq -n -c --argjson a "$(ip -n Blue -j -4 addr)" --argjson n "$(ip -n Blue -j -4 neigh)" \
	   --argjson l "$(ip -n Blue -j link)" '([$a[] | .ifname as $i |
	   select(.ifname != "lo") | .addr_info[] |
	   [.local, ($l[] | select(.ifname == $i) | .address), $i]] +
	   [$n[] | select(.state | index("NOARP") | not) | [.dst, .lladdr, .dev]]) |
	   map(.[1] |= (gsub(":"; "") | .[0:4] + "." + .[4:8] + "." + .[8:12])) | sort')"
parse "show ipv6 neighbors" "show ipv6 neighbors vrf Blue"
expect_eq "show ipv6 neighbors: the kernel's unicast entries" \
	"$(field '[.[] | [.address, .mac_address, .interface]] | sort')" \
	"$(ip -n Blue -j -6 neigh | jq -c '[.[] | select(.state | index("NOARP") | not) |
	   [(.dst | ascii_upcase), (.lladdr // "-" | gsub(":"; "") |
	   if . == "-" then . else .[0:4] + "." + .[4:8] + "." + .[8:12] end), .dev]] | sort')"
expect_match "show ipv6 neighbors: IOS's states" "$(field '[.[].type] | unique')" \
	'^\[("(REACH|STALE|DELAY|PROBE|INCMP)",?)+\]$'

# ---- show vrf [detail]
parse "show vrf"
expect_eq "show vrf: names and interfaces" \
	"$(field '[.[] | [.name, .default_rd, .protocols, .interfaces]]')" \
	"$(for v in default Blue Red; do ns_ip $v -j link | jq -c --arg v $v \
	   '[$v, "<not set>", "ipv4,ipv6", [.[].ifname]]'; done | jq -s -c .)"
parse "show vrf detail"
expect_eq "show vrf detail: names, RD, interfaces" \
	"$(field '[.[] | [.vrf, .rd, .vpn_id, .interfaces]]')" \
	"$(for v in default Blue Red; do ns_ip $v -j link | jq -c --arg v $v \
	   '[$v, "<not set>", "<not set>", [.[].ifname]]'; done | jq -s -c .)"

# ---- show clock, show users
before=$(date +%s)
parse "show clock"
after=$(date +%s)
t=$(field '.[0] | "\(.day) \(.month) \(.year) \(.time)"' | tr -d '"')
got=$(date -d "$(printf '%s' "$t" | cut -d. -f1)" +%s 2>/dev/null)
expect_eq "show clock: the system's time" \
	"$([ -n "$got" ] && [ "$got" -ge $((before - 1)) ] && [ "$got" -le $((after + 1)) ] && echo yes)" yes
expect_eq "show clock: the zone" "$(field '.[0].timezone')" "\"$(date +%Z)\""
parse "show users"
expect_eq "show users: this session, marked" \
	"$(field '[.[] | select(.line | startswith("*")) | .user]')" "[\"$(id -un)\"]"

finish
