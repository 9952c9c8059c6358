#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# VRF commands on real namespaces: vrf NAME (and again), no vrf NAME with
# what it says about interfaces and processes, interplay with ip netns,
# ip routing / ipv6 unicast-routing per VRF, routing-context.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

nsid() { ip netns exec "$1" readlink /proc/self/ns/net 2>/dev/null; }

# ---- vrf NAME creates a namespace exactly as ip netns add does
cfg 'vrf Blue'
expect_ok "vrf Blue"
expect_eq "ip netns list shows Blue" "$(vrfs)" "Blue"
expect_eq "bound namespace file" "$(stat -f -c %T /run/netns/Blue)" nsfs
expect_eq "lo up in Blue" "$(is_up Blue lo)" true
expect_eq "Blue is not this namespace" \
	"$([ "$(nsid Blue)" != "$(readlink /proc/self/ns/net)" ] && echo yes)" yes
expect_eq "ip netns exec Blue works" \
	"$(ip netns exec Blue ip -j link | jq -r '[.[].ifname] | join(" ")')" lo
ino=$(nsid Blue)
cfg 'vrf Blue' 'exit-vrf' 'vrf Blue'
expect_ok "vrf Blue again"
expect_eq "re-entry keeps the same namespace" "$(nsid Blue)" "$ino"
expect_eq "still one VRF" "$(vrfs)" "Blue"

# the VRF mode acts on its VRF
cfg 'vrf Blue' 'ip routing' 'ipv6 unicast-routing'
expect_ok "ip routing in VRF Blue"
expect_eq "IPv4 forwarding on in Blue" "$(fwd Blue 4)" 1
expect_eq "IPv6 forwarding on in Blue" "$(fwd Blue 6)" 1
expect_eq "IPv4 forwarding untouched in default" "$(fwd default 4)" 0
expect_eq "IPv6 forwarding untouched in default" "$(fwd default 6)" 0
run -c 'show vrf Blue json'
expect_eq "show vrf sees Blue routing" \
	"$(printf '%s' "$out" | jq -c '.vrfs[0] | [.ip_routing, .ipv6_routing]')" \
	"[true,true]"
cfg 'vrf Blue' 'no ip routing'
expect_eq "no ip routing in Blue" "$(fwd Blue 4)$(fwd Blue 6)" 01
cfg 'vrf Blue' 'no ipv6 unicast-routing'
expect_eq "no ipv6 unicast-routing in Blue" "$(fwd Blue 4)$(fwd Blue 6)" 00
# the global forms act on default only
cfg 'ip routing'
expect_ok "ip routing"
expect_eq "ip routing in default" "$(fwd default 4)$(fwd Blue 4)" 10
cfg 'ipv6 unicast-routing'
expect_eq "ipv6 unicast-routing in default" "$(fwd default 6)$(fwd Blue 6)" 10
run -c 'show vrf json'
expect_eq "show vrf routing columns" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[] | [.name, .ip_routing, .ipv6_routing]]')" \
	'[["default",true,true],["Blue",false,false]]'
cfg 'no ip routing' 'no ipv6 unicast-routing'
expect_eq "no forms in default" "$(fwd default 4)$(fwd default 6)" 00
# a command of the enclosing mode leaves VRF mode (IOS)
cfg 'vrf Blue' 'vrf Blue2' 'ip routing'
expect_eq "vrf from vrf mode moves on" "$(fwd Blue2 4)$(fwd Blue 4)" 10
cfg 'no vrf Blue2'

# ---- ip netns add is seen by vrfsh, and deleted by it
ip netns add Green
run -c 'show vrf json'
expect_eq "ip netns add seen by show vrf" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[] | {name, netns, interfaces}]')" \
'[{"name":"default","netns":null,"interfaces":["lo"]},{"name":"Blue","netns":"/run/netns/Blue","interfaces":["lo"]},{"name":"Green","netns":"/run/netns/Green","interfaces":["lo"]}]'
run -c 'show vrf'
expect_match "show vrf text lists Green" "$out" \
	'^  Green +<not set> +ipv4,ipv6 +lo$'
cfg 'vrf Green' 'ip routing'
expect_eq "vrf on an ip netns namespace" "$(fwd Green 4)" 1
expect_eq "vrf did not bring its lo up" "$(is_up Green lo)" false
cfg 'no vrf Green'
expect_ok "no vrf Green"
expect_eq "no vrf deletes as ip netns delete" "$(vrfs)" "Blue"
expect_eq "namespace file gone" "$(ls -A /run/netns)" "Blue"

# ---- no vrf says what happens to the interfaces
cfg 'vrf Red' 'exit' \
	'interface r0 type veth peer r1 vrf Red' \
	'interface r2 vrf Red type veth peer r3 vrf Red' \
	'interface br9 vrf Red type bridge'
expect_ok "interfaces in Red"
cfg 'no vrf Red'
expect_eq "no vrf Red status" "$rc" 0
expect_eq "no vrf Red messages" "$(printf '%s\n' "$out" | sort)" \
"% Interface br9 destroyed with VRF Red
% Interface r1 destroyed with VRF Red
% Interface r2 destroyed with VRF Red
% Interface r3 destroyed with VRF Red"
expect_eq "no errors" "$err" ""
expect_eq "Red gone" "$(vrfs)" "Blue"
i=0
while [ "$(link_json default r0)" != "{}" ] && [ $i -lt 30 ]; do
	sleep 0.1
	i=$((i + 1))
done
expect_eq "the peer in default went too" "$(link_json default r0)" "{}"
# physical interfaces returning to default: the sandbox has none (only
# lo and virtual links); not tested here.

# ---- a process running in it: refused without force, then named
cfg 'vrf Busy' 'exit' 'interface b0 type veth peer b1 vrf Busy'
ip netns exec Busy sleep 30 &
pid=$!
i=0
while [ "$(readlink /proc/$pid/ns/net)" = "$(readlink /proc/self/ns/net)" ] &&
      [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
cfg 'no vrf Busy'
expect_eq "no vrf Busy refused" "$rc:$out" "1:"
expect_eq "no vrf Busy: the process named" "$err" \
	"-c 2: % Error: VRF Busy not deleted: process $pid (sleep) runs in it (no vrf Busy force deletes it anyway)"
expect_eq "Busy kept" "$(vrfs)" "Blue Busy"
expect_eq "Busy: b1 kept" "$(jlink Busy b1 .ifname)" '"b1"'
cfg 'no vrf Busy force'
expect_eq "no vrf Busy force status" "$rc" 0
expect_match "Busy: b1 reported" "$out" "^% Interface b1 destroyed with VRF Busy"
expect_match "Busy: process named" "$out" \
	"% VRF Busy is still in use by process $pid \\(sleep\\)"
expect_eq "Busy unregistered" "$(vrfs)" "Blue"
expect_eq "veth destroyed although the process holds the namespace" \
	"$(link_json default b0)" "{}"
kill $pid 2>/dev/null
wait $pid 2>/dev/null

# ---- routing-context
cfg 'interface c0 vrf Blue type veth peer c1 vrf Blue'
run -c 'routing-context vrf Blue' -c 'show ip interface brief json' \
	-c 'show interfaces c0 json' -c 'routing-context vrf default' \
	-c 'show ip interface brief json'
expect_ok "routing-context"
expect_eq "show uses the context" \
	"$(printf '%s\n' "$out" | jq -s -c '[.[0].vrf, ([.[0].interfaces[].name] | sort),
	  .[1].interfaces[0].vrf, .[2].vrf]')" \
	'["Blue",["c0","c1","lo"],"Blue","default"]'
run -c 'routing-context vrf Blue' -c 'show interfaces c0 vrf default'
expect_eq "vrf keyword beats the context" "$err" \
	"-c 2: % Interface c0 not found"
run -c 'routing-context vrf Nope'
expect_eq "routing-context of a missing VRF" "$err" \
	"-c 1: % VRF Nope not found"
expect_eq "its status" "$rc" 1
run -c 'routing-context vrf Blue' -c 'configure terminal' -c 'no vrf Blue' \
	-c 'end' -c 'show ip interface brief json'
expect_eq "deleting the context VRF goes back to default" \
	"$(printf '%s\n' "$out" | grep '^{' | jq -r .vrf)" default
expect_eq "Blue deleted" "$(vrfs)" ""

# ---- no vrf of default
cfg 'no vrf default'
expect_eq "no vrf default" "$err" \
	"-c 2: % Error: Invalid VRF name \"default\": reserved for the starting namespace"

finish
