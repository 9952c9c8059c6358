#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# hostname and banner motd (per-boot records, the running configuration's
# first stanzas, replayed exactly; the system's host name untouched),
# clear ip arp, default interface, and names against keywords: a VRF or
# interface of exactly the name typed wins over a keyword it is a prefix
# of, and VRF names that a keyword would shadow are refused.  ip -j and
# the state directory are the witnesses.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

state=${VRFSH_STATE_DIR:-/run/vrfsh}
system_name=$(hostname)

# ---- hostname
cfg 'hostname R9'
expect_ok "hostname R9"
expect_eq "the system's host name is not changed" "$(hostname)" "$system_name"
expect_eq "kept in the per-boot state" \
	"$(tail -n 1 "$state/hostname/default")" "R9"
run -c 'show version'
expect_match "show version names R9" "$out" '^R9 uptime is '
run -c 'show running-config'
expect_eq "running-config: hostname is the first stanza" \
	"$(printf '%s\n' "$out" | grep -v '^!\|^configure terminal$' | sed -n 1p)" \
	"hostname R9"
for bad in 'bad!name' '-lead' "$(printf 'x%.0s' $(seq 64))"; do
	cfg "hostname $bad"
	expect_match "hostname $bad refused" "$rc:$err" \
		'^1:-c 2: % Error: Invalid host name ".*": '
done
expect_eq "a refused name changes nothing" \
	"$(tail -n 1 "$state/hostname/default")" "R9"
cfg "hostname $system_name"
expect_ok "hostname SYSTEM-NAME"
expect_eq "the system's own name needs no record" \
	"$(ls -A "$state/hostname")" ""
cfg 'hostname R9' 'no hostname'
expect_ok "no hostname"
run -c 'show version'
expect_match "no hostname: the system's name again" "$out" \
	"^$system_name uptime is "

# ---- banner motd
cfg 'banner motd #Welcome#'
expect_ok "banner motd on one line"
expect_eq "one-line banner stored" "$(sed -n '$p' "$state/banner/default")" \
	"Welcome"
printf '%s\n' 'configure terminal' 'banner motd @' 'Line one' \
	'  indented, with # and ^ inside' 'last@ and what follows is dropped' \
	'hostname R5' 'end' >"$tmp/banner.conf"
run -f "$tmp/banner.conf"
expect_ok "banner motd over several lines (IOS's delimiter)"
run -c 'show running-config'
expect_eq "running-config: the banner in ios_banner's form" \
	"$(printf '%s\n' "$out" | sed -n '/^banner motd/,/^\^C$/p')" \
	"banner motd ^C
Line one
  indented, with # and ^ inside
last
^C"
expect_match "the line after the banner ran" "$out" '^hostname R5$'
printf '%s\n' "$out" >"$tmp/running"
cfg 'no banner motd' 'no hostname'
expect_ok "no banner motd"
expect_eq "no banner: no record" "$(ls -A "$state/banner")" ""
run -f "$tmp/running"
expect_ok "the running configuration replays"
run -c 'show running-config'
if printf '%s\n' "$out" | cmp -s - "$tmp/running"; then ok; else
	fail "replayed configuration differs: $(printf '%s\n' "$out" | diff "$tmp/running" -)"
fi
printf '%s\n' 'configure terminal' 'banner motd %never closed' 'more' >"$tmp/open.conf"
before=$(cat "$state/banner/default")
run -f "$tmp/open.conf"
expect_eq "an unclosed banner is refused" "$rc:$err" \
	"1:$tmp/open.conf:2: % Error: banner motd: the input ended before the closing '%'"
expect_eq "...and changes nothing" "$(cat "$state/banner/default")" "$before"
run -c 'show running-config'
expect_match "the replayed banner is still there" "$out" '^Line one$'
cfg 'banner motd #with ^C inside#'
expect_match "a banner holding ^C is refused" "$rc:$err" \
	'^1:-c 2: % Error: Invalid banner: it contains \^C'
cfg 'no banner motd' 'no hostname'

# ---- clear ip arp
cfg 'vrf Blue' 'exit' 'interface va type veth peer vb vrf Blue' \
	'ip address 10.0.0.1/24' 'ipv6 address 2001:db8::1/64' 'mtu 1400' \
	'description to Blue' 'no shutdown' \
	'interface vb vrf Blue' 'ip address 10.0.0.2/24' 'no shutdown' \
	'interface br0 type bridge' 'no shutdown' 'interface va' 'bridge-group br0'
expect_ok "lab"
cfg 'interface va' 'no bridge-group'
ip neigh replace 10.0.0.50 lladdr 02:00:00:00:00:50 dev va nud permanent
sleep 1
run -c 'ping 10.0.0.2 repeat 1 timeout 1' -c 'ping vrf Blue 10.0.0.1 repeat 1 timeout 1'
learnt() { ns_ip "$1" -j -4 neigh | jq -c '[.[] | select(.state | index("PERMANENT") or
	index("NOARP") | not) | .dst] | sort'; }
expect_eq "learnt entries before" "$(learnt default)" '["10.0.0.2"]'
run -c 'clear ip arp 10.0.0.77'
expect_eq "clear ip arp of no entry" "$rc:$err" \
	"1:-c 1: % ARP entry 10.0.0.77 not found"
run -c 'clear ip arp'
expect_ok "clear ip arp"
expect_eq "learnt entries gone" "$(learnt default)" '[]'
expect_eq "a configured entry stays" \
	"$(ip -j neigh show 10.0.0.50 | jq -r '.[0].state[0]')" PERMANENT
expect_eq "other VRFs untouched" "$(learnt Blue)" '["10.0.0.1"]'
run -c 'clear ip arp vrf Blue 10.0.0.1'
expect_ok "clear ip arp vrf Blue ADDR"
expect_eq "that entry gone" "$(learnt Blue)" '[]'

# ---- default interface
cfg 'interface va' 'bridge-group br0' 'ip address 10.0.0.3/24 secondary'
cfg 'default interface va'
expect_eq "default interface: status and IOS's message" "$rc:$err:$out" \
	"0::Interface va set to default configuration"
expect_eq "addresses gone, the link-local kept" \
	"$(ip -j addr show va | jq -c '[.[0].addr_info[] | .scope]')" '["link"]'
expect_eq "MTU, description, bridge back to a new link's" \
	"$(jlink default va '[.mtu, .ifalias, .master]')" '[1500,null,null]'
expect_eq "admin state kept" "$(jlink default va '.flags | index("UP") != null')" true
cfg 'default interface lo'
expect_eq "lo keeps the kernel's addresses" \
	"$(ip -j addr show lo | jq -c '[.[0].addr_info[].local]')" '["127.0.0.1","::1"]'
cfg 'default interface nope'
expect_eq "default interface of a missing one" "$rc:$err" \
	"1:-c 2: % Interface nope not found"

# ---- names and keywords
for name in all json detail; do
	cfg "vrf $name"
	expect_eq "vrf $name refused" "$rc:$err" \
		"1:-c 2: % Error: Invalid VRF name \"$name\": a keyword where VRF names are typed"
done
expect_eq "no VRF made" "$(vrfs | tr '\n' ' ')" "Blue "
cfg 'vrf al'
expect_ok "vrf al"
run -c 'show ip interface brief vrf al json'
expect_eq "vrf al is VRF al, not all" "$(printf '%s' "$out" | jq -r .vrf)" al
run -c 'show ip interface brief vrf a json'
expect_eq "vrf a is still all" "$(printf '%s' "$out" | jq -c '[.vrfs[].vrf]')" \
	'["default","Blue","al"]'
ip netns add json
cfg 'no vrf json'
expect_ok "a VRF another tool named json can still be deleted"
cfg 'interface st type veth peer st2'
expect_ok "an interface named st"
run -c 'show interfaces st json'
expect_eq "show interfaces st is interface st" \
	"$(printf '%s' "$out" | jq -r '.interfaces[0].name')" st
run -c 'show interfaces sta json'
expect_eq "show interfaces sta is the status table" \
	"$(printf '%s' "$out" | jq -c '[.interfaces[0] | has("type"), .name]')" \
	'[true,"lo"]'

finish
