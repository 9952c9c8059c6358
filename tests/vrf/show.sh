#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show vrf, show interfaces and show ip interface brief, with vrf NAME|all
# and json: the JSON shapes of the contract (section 7: every key, its
# type, null rather than omitted) and the values, compared with ip -j.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

cfg 'vrf Blue' 'vrf Red' 'exit' \
	'interface va type veth peer vb vrf Blue' \
	'ip address 10.0.0.1/24' 'ip address 10.0.0.9/24 secondary' \
	'mtu 1400' 'description to Blue' 'no shutdown' \
	'interface vb vrf Blue' 'ip address 10.0.0.2/24' \
	'ipv6 address 2001:db8::2/64' 'mtu 1400' 'no shutdown' \
	'interface br0 vrf Blue type bridge' 'no shutdown' \
	'interface vc vrf Blue type veth peer vd vrf Red' 'bridge-group br0' \
	'no shutdown' \
	'interface ve vrf Red type veth peer vf' 'no shutdown' \
	'vrf Red' 'ip routing'
expect_ok "setup"
ip netns add Green	# made by another tool: lo down, nothing else

# wait for carrier on the veths that are up at both ends
for x in "default va" "Blue vb" "Red ve" "Red vf"; do
	i=0
	while [ "$(jlink $x .operstate)" != '"UP"' ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
done
sleep 0.3

# The kernel as ip sees it: every link of every namespace, tagged with
# its VRF.
kernel() {
	for v in default $(vrfs); do
		ns_ip "$v" -j -d addr | jq --arg v "$v" '[.[] | .vrf = $v]'
	done | jq -s -c 'add'
}

# What show interfaces json must say about each link, from ip -j.
expected_ifaces='
def has($f): (.flags // []) | index($f) != null;
def addrs($fam): [.addr_info[]? | select(.family == $fam) |
                  "\(.local)/\(.prefixlen)"];
. as $all |
[ .[] | . as $e | {
  name: .ifname, vrf: .vrf, ifindex: .ifindex,
  kind: (.linkinfo.info_kind //
         (if .link_type == "loopback" then "loopback" else null end)),
  admin_up: has("UP"), oper_up: has("LOWER_UP"), mtu: .mtu,
  mac: .address, description: (.ifalias // null),
  ipv4: addrs("inet"), ipv6: addrs("inet6"),
  peer: (if .linkinfo.info_kind != "veth" then null
         elif (.link | type) == "string" then {name: .link, vrf: .vrf}
         else ([$all[] | select(.linkinfo.info_kind == "veth" and
                 .ifindex == $e.link_index and .link_index == $e.ifindex
                 and .vrf != $e.vrf) | {name: .ifname, vrf}] | first)
         end),
  master: (.master // null) } ]'

iface_keys='["name","vrf","ifindex","kind","admin_up","oper_up","mtu","mac",
"description","ipv4","ipv6","peer","master","rx_packets","tx_packets",
"rx_bytes","tx_bytes"'
# what vrfsh adds after the contract's keys: the rest of the kernel's
# counters, the burnt-in address, speed, duplex, queue, last clearing
iface_keys="$iface_keys"',"bia","speed","duplex","txqlen","counters_cleared",
"rx_errors","tx_errors","rx_dropped","tx_dropped","multicast","collisions",
"rx_length_errors","rx_over_errors","rx_crc_errors","rx_frame_errors",
"rx_fifo_errors","rx_missed_errors","tx_aborted_errors","tx_carrier_errors",
"tx_fifo_errors","tx_heartbeat_errors","tx_window_errors","rx_nohandler",
"carrier_changes"]'
# jq: true when every interface object has the contract's shape (its
# keys first, in its order), then vrfsh's own
iface_shape='
def str_or_null: type == "string" or type == "null";
def strs: type == "array" and all(.[]; type == "string");
def count: type == "number" and . >= 0 and floor == .;
all(.[];
  keys_unsorted == '"$iface_keys"' and
  (.name | type) == "string" and (.vrf | type) == "string" and
  (.ifindex | type) == "number" and (.kind | str_or_null) and
  (.admin_up | type) == "boolean" and (.oper_up | type) == "boolean" and
  (.mtu | type) == "number" and (.mac | str_or_null) and
  (.description | str_or_null) and (.ipv4 | strs) and (.ipv6 | strs) and
  ((.peer == null) or (.peer | type == "object" and
    keys_unsorted == ["name","vrf"] and (.name | type) == "string" and
    (.vrf | type) == "string")) and
  (.master | str_or_null) and
  (.rx_packets | count) and (.tx_packets | count) and
  (.rx_bytes | count) and (.tx_bytes | count) and
  (.bia | str_or_null) and (.speed == null or (.speed | count)) and
  (.duplex == null or .duplex == "full" or .duplex == "half") and
  (.txqlen | count) and (.counters_cleared == null or (.counters_cleared | count)) and
  (.rx_errors | count) and (.carrier_changes | count))'
# the contract's keys but the counters, to compare with ip -j
no_counters='[.[] | {name, vrf, ifindex, kind, admin_up, oper_up, mtu, mac,
  description, ipv4, ipv6, peer, master}]'

# ---- show interfaces vrf all json
run -c 'show interfaces vrf all json'
expect_ok "show interfaces vrf all json"
printf '%s' "$out" >"$tmp/all.json"
k=$(kernel)
expect_eq "one document, one key" "$(jq -c 'keys' "$tmp/all.json")" \
	'["interfaces"]'
expect_eq "interfaces: contract shape" \
	"$(jq ".interfaces | $iface_shape" "$tmp/all.json")" true
expect_eq "interfaces: values are the kernel's" \
	"$(jq -S -c ".interfaces | $no_counters" "$tmp/all.json")" \
	"$(printf '%s' "$k" | jq -S -c "$expected_ifaces")"
# spot checks of what the comparison covers, so that a broken witness
# cannot pass silently
expect_eq "va as the contract describes it" \
	"$(jq -c '.interfaces[] | select(.name == "va") |
	  [.vrf, .kind, .mtu, .description, .ipv4, .peer, .master]' "$tmp/all.json")" \
	'["default","veth",1400,"to Blue",["10.0.0.1/24","10.0.0.9/24"],{"name":"vb","vrf":"Blue"},null]'
expect_eq "vc is a member of br0, peer vd in Red" \
	"$(jq -c '.interfaces[] | select(.name == "vc") | [.vrf, .master, .peer]' \
	  "$tmp/all.json")" '["Blue","br0",{"name":"vd","vrf":"Red"}]'
expect_eq "same-VRF peers" \
	"$(jq -c '[.interfaces[] | select(.vrf == "Red" and .peer.vrf == "Red") |
	  [.name, .peer.name]] | sort' "$tmp/all.json")" '[["ve","vf"],["vf","ve"]]'
expect_eq "null, not omitted" \
	"$(jq -c '.interfaces[] | select(.name == "br0") | [.peer, .description]' \
	  "$tmp/all.json")" '[null,null]'
expect_eq "lo of Green: down, kind loopback" \
	"$(jq -c '.interfaces[] | select(.vrf == "Green") |
	  [.name, .kind, .admin_up, .oper_up, .mac]' "$tmp/all.json")" \
	'["lo","loopback",false,false,"00:00:00:00:00:00"]'
expect_eq "every VRF covered" \
	"$(jq -c '[.interfaces[].vrf] | unique | sort' "$tmp/all.json")" \
	'["Blue","Green","Red","default"]'

# counters: between two kernel readings taken around vrfsh's
c1=$(ip -n Blue -s -j link show dev vb | jq -c '.[0].stats64 | [.rx.packets, .tx.bytes]')
run -c 'show interfaces vb vrf Blue json'
c2=$(ip -n Blue -s -j link show dev vb | jq -c '.[0].stats64 | [.rx.packets, .tx.bytes]')
v=$(printf '%s' "$out" | jq -c '.interfaces[0] | [.rx_packets, .tx_bytes]')
expect_eq "counters from the kernel" \
	"$(jq -n -c "$c1 as \$a | $c2 as \$b | $v as \$v |
	  \$a[0] <= \$v[0] and \$v[0] <= \$b[0] and \$a[1] <= \$v[1] and \$v[1] <= \$b[1]")" true
expect_match "traffic was counted" "$v" '^\[[1-9]'

# ---- show interfaces vrf NAME json, IFNAME, and routing context
for v in default Blue Red Green; do
	run -c "show interfaces vrf $v json"
	expect_eq "show interfaces vrf $v json" \
		"$(printf '%s' "$out" | jq -S -c ".interfaces | $no_counters")" \
		"$(kernel | jq -S -c "[$expected_ifaces[] | select(.vrf == \"$v\")]")"
done
run -c 'show interfaces json'
expect_eq "show interfaces json is default" \
	"$(printf '%s' "$out" | jq -c '[.interfaces[].name] | sort')" '["lo","va"]'
run -c 'show interfaces vd vrf Red json'
expect_eq "one interface" "$(printf '%s' "$out" | jq -c \
	'[.interfaces[] | [.name, .vrf, .admin_up, .peer]]')" \
	'[["vd","Red",false,{"name":"vc","vrf":"Blue"}]]'
run -c 'routing-context vrf Red' -c 'show interfaces vd json'
expect_eq "context VRF" "$(printf '%s' "$out" | jq -c '[.interfaces[].vrf]')" \
	'["Red"]'
run -c 'show interfaces vd vrf all json'
expect_eq "IFNAME with vrf all" "$(printf '%s' "$out" | jq -c \
	'[.interfaces[] | [.name, .vrf]]')" '[["vd","Red"]]'
run -c 'show interfaces lo vrf all json'
expect_eq "lo in every VRF" "$(printf '%s' "$out" | jq -c \
	'[.interfaces[].vrf]')" '["default","Blue","Green","Red"]'
run -c 'show interfaces vd'
expect_eq "missing interface" "$err" "-c 1: % Interface vd not found"
run -c 'show interfaces vd vrf Blue json'
expect_eq "missing interface in a VRF" "$err" \
	"-c 1: % Interface vd not found in VRF Blue"
run -c 'show interfaces vrf Nope json'
expect_eq "missing VRF" "$err" "-c 1: % VRF Nope not found"
expect_eq "...status" "$rc" 1

# ---- show interfaces text
run -c 'show interfaces va'
expect_ok "show interfaces va"
mac=$(jlink default va .address | tr -d '"')
idx=$(jlink default va .ifindex)
dotted=$(printf '%s' "$mac" | tr -d : | sed 's/^\(....\)\(....\)/\1.\2./')
expect_eq "text layout (IOS's)" "$(printf '%s\n' "$out" | sed -n '1,7p')" \
"va is up, line protocol is up
  Hardware is veth, address is $dotted (bia $dotted)
  Description: to Blue
  Internet address is 10.0.0.1/24
  VRF default, index $idx, peer vb in VRF Blue
  MTU 1400 bytes, BW 10000000 Kbit/sec, DLY 10 usec,
  Encapsulation ARPA, loopback not set"
expect_match "text: veth speed and duplex" "$out" \
	"^  Full Duplex, 10000Mbps, link type is auto, media type is Virtual$"
expect_match "text: counters never cleared" "$out" \
	'^  Last clearing of "show interface" counters never$'
expect_match "text: counter lines" "$out" \
	"^     [0-9]+ packets input, [0-9]+ bytes, [0-9]+ no buffer$"
run -c 'show interfaces br0 vrf Blue'
expect_match "text: bridge members" "$out" "^  Bridge members: vc$"
run -c 'show interfaces vc vrf Blue'
expect_match "text: member" "$out" "^  Member of bridge br0$"
run -c 'show interfaces vd vrf Red'
expect_match "text: admin down" "$out" \
	"^vd is administratively down, line protocol is down$"

# ---- show vrf
vrf_keys='["name","netns","ip_routing","ipv6_routing","interfaces"]'
run -c 'show vrf json'
expect_ok "show vrf json"
expect_eq "show vrf: shape" "$(printf '%s' "$out" | jq "keys == [\"vrfs\"] and
	all(.vrfs[]; keys_unsorted == $vrf_keys and (.name | type) == \"string\"
	and (.netns | type == \"string\" or type == \"null\") and
	(.ip_routing | type) == \"boolean\" and
	(.ipv6_routing | type) == \"boolean\" and
	(.interfaces | type) == \"array\")")" true
want=$(for v in default $(vrfs); do
	if [ $v = default ]; then p=null; else p="\"/run/netns/$v\""; fi
	ns_ip $v -j link | jq -c --arg v $v --argjson p "$p" \
		--argjson f4 "$(fwd $v 4)" --argjson f6 "$(fwd $v 6)" \
		'{name: $v, netns: $p, ip_routing: ($f4 == 1),
		  ipv6_routing: ($f6 == 1), interfaces: ([.[].ifname] | sort)}'
done | jq -s -c .)
expect_eq "show vrf: values are the kernel's" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[] | .interfaces |= sort]')" "$want"
expect_eq "show vrf: default first, then sorted" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[].name]')" \
	'["default","Blue","Green","Red"]'
expect_eq "Red routes" "$(printf '%s' "$out" | jq -c \
	'[.vrfs[] | select(.ip_routing) | .name]')" '["Red"]'
run -c 'show vrf Blue json'
expect_eq "show vrf NAME json" "$(printf '%s' "$out" | jq -c \
	'[.vrfs[] | .name, (.interfaces | sort)]')" '["Blue",["br0","lo","vb","vc"]]'
run -c 'show vrf default json'
expect_eq "show vrf default json" "$(printf '%s' "$out" | jq -c \
	'.vrfs | [length, .[0].name, .[0].netns]')" '[1,"default",null]'
run -c 'show vrf Nope'
expect_eq "show vrf of a missing VRF" "$err" "-c 1: % VRF Nope not found"
run -c 'show vrf'
# IOS's columns: each further interface on a line of its own
vrf_rows() {
	ns_ip "$1" -j link | jq -r --arg v "$1" '[.[].ifname] |
	  "  \($v + (" " * (32 - ($v | length)))) <not set>           ipv4,ipv6   \(.[0])",
	  (.[1:][] | "\(" " * 67)\(.)")'
}
expect_eq "show vrf text (IOS's columns)" "$out" \
"  Name                             Default RD          Protocols   Interfaces
$(vrf_rows default)
$(vrf_rows Blue)
$(vrf_rows Green)
$(vrf_rows Red)"
run -c 'show vrf | include ^  Red'
expect_match "show vrf filtered" "$out" '^  Red +<not set> +ipv4,ipv6 +lo$'
run -c 'show vrf detail Red'
expect_match "show vrf detail: the namespace" "$out" \
	'^  Flags: namespace /run/netns/Red$'
expect_eq "show vrf detail: forwarding per family" \
	"$(printf '%s\n' "$out" | grep -A1 '^Address family ipv[46] unicast (' |
	   grep Flags | tr -s ' ' | tr '\n' ';')" \
	" Flags: forwarding enabled; Flags: forwarding disabled;"

# ---- show ip interface brief
brief_want='
[ .[] | {
  name: .ifname,
  ipv4: ([.addr_info[]? | select(.family == "inet" and (.secondary | not)) |
          "\(.local)/\(.prefixlen)"] | first),
  status: (if (.flags | index("UP")) then "up" else "administratively down" end),
  protocol: (if (.flags | index("LOWER_UP")) then "up" else "down" end) } ]'
brief_shape='keys_unsorted == ["vrf","interfaces"] and (.vrf | type) == "string"
  and all(.interfaces[]; keys_unsorted == ["name","ipv4","status","protocol"]
  and (.ipv4 | type == "string" or type == "null"))'
for v in default Blue Red Green; do
	run -c "show ip interface brief vrf $v json"
	expect_eq "brief vrf $v: shape" "$(printf '%s' "$out" | jq "$brief_shape")" true
	expect_eq "brief vrf $v: values" \
		"$(printf '%s' "$out" | jq -c '[.vrf, .interfaces]')" \
		"$(ns_ip $v -j addr | jq -c --arg v $v "[\$v, $brief_want]")"
done
run -c 'show ip interface brief vrf all json'
expect_eq "brief vrf all: shape" "$(printf '%s' "$out" | jq \
	"keys == [\"vrfs\"] and all(.vrfs[]; $brief_shape)")" true
expect_eq "brief vrf all: one per VRF" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[].vrf]')" \
	'["default","Blue","Green","Red"]'
expect_eq "brief: va's primary only, null when none" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[].interfaces[] |
	  select(.name == "va" or .name == "vd") | .ipv4]')" \
	'["10.0.0.1/24",null]'
run -c 'routing-context vrf Blue' -c 'show ip interface brief json'
expect_eq "brief in the context VRF" "$(printf '%s' "$out" | jq -r .vrf)" Blue
run -c 'show ip interface brief vrf Red'
expect_eq "brief text" "$out" \
"Interface                  IP-Address      OK? Method Status                Protocol
$(ip -n Red -j addr | jq -r '.[] | [.ifname,
  ([.addr_info[] | select(.family == "inet") | .local] | first // "unassigned"),
  (if ([.addr_info[] | select(.family == "inet")] | length) > 0 then "manual" else "unset" end),
  (if (.flags | index("UP") | not) then "administratively down"
   elif (.flags | index("LOWER_UP")) then "up" else "down" end),
  (if (.flags | index("LOWER_UP")) then "up" else "down" end)] |
  "\(.[0] + (" " * (26 - (.[0] | length)))) \(.[1] + (" " * (15 - (.[1] | length)))) YES \(.[2] + (" " * (6 - (.[2] | length)))) \(.[3] + (" " * (21 - (.[3] | length)))) \(.[4])"')"
run -c 'show ip interface brief vrf all'
expect_match "brief vrf all has headers" "$(printf '%s\n' "$out" | grep -c '^VRF ')" '^4$'
run -c 'show ip interface brief vrf Nope'
expect_eq "brief missing VRF" "$err" "-c 1: % VRF Nope not found"

finish
