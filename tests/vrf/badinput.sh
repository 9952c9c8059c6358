#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad input: each entry gives the contract's error (sections 3 and 4),
# exit status 1, and changes nothing in any namespace (links, addresses,
# forwarding switches and /run/netns compared with ip -j before and after).
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

# Something to damage: a VRF, a veth pair across it, a bridge, addresses.
cfg 'vrf Blue' 'exit' \
	'interface va type veth peer vb vrf Blue' 'ip address 10.0.0.1/24' \
	'no shutdown' \
	'interface vb vrf Blue' 'ip address 10.0.0.2/24' 'no shutdown' \
	'interface br0 type bridge'
expect_ok "setup"
settle
[ -e /run/x ] && echo "note: /run/x exists before the test" >&2
run_x_before=$([ -e /run/x ] && echo yes)
snapshot "$tmp/before"
# the witness must see changes, or the table proves nothing
cfg 'interface br0' 'mtu 1400'
snapshot "$tmp/changed"
if cmp -s "$tmp/before" "$tmp/changed"; then
	fail "snapshot does not see an MTU change"
else ok; fi
cfg 'interface br0' 'no mtu'
snapshot "$tmp/before"

A=$(printf 'a%.0s' $(seq 64))	# 64 characters
I=abcdefghijklmnop		# 16 characters

# entry LINE-NUMBER ERROR COMMAND... : the commands run in config mode;
# the error is reported for -c LINE-NUMBER (configure terminal is -c 1)
entry() {
	want="-c $1: % $2"
	shift 2
	cfg "$@"
	what="[$*]"
	if [ "$rc" -eq 1 ] && [ "$err" = "$want" ]; then ok; else
		fail "$what: rc=$rc err=[$err], want rc=1 err=[$want]"
	fi
	snapshot "$tmp/after"
	if cmp -s "$tmp/before" "$tmp/after"; then ok; else
		fail "$what changed the kernel: $(diff "$tmp/before" "$tmp/after")"
		snapshot "$tmp/before"
	fi
}

INV="Invalid input detected at '^' marker."
# -- VRF names
entry 2 'Error: Invalid VRF name "../x": must not start with '"'.'"' or '"'-'"'' \
	'vrf ../x'
expect_eq "no /run/x made" "$([ -e /run/x ] && echo yes)" "$run_x_before"
entry 2 "Error: Invalid VRF name \"a/b\": character '/' is not allowed" 'vrf a/b'
entry 2 "Error: Invalid VRF name \"Blue/../x\": character '/' is not allowed" \
	'vrf Blue/../x'
# There is no quoting: `vrf ""` names a VRF of two quote characters, and
# `vrf` alone is the empty name.
entry 2 "Error: Invalid VRF name \"\"\"\": character '\"' is not allowed" 'vrf ""'
entry 2 "Incomplete command." 'vrf'
entry 2 "Error: Invalid VRF name \"${A}a\": longer than 64 characters" "vrf ${A}a"
entry 2 'Error: Invalid VRF name "default": reserved for the starting namespace' \
	'vrf default'
entry 2 'Error: Invalid VRF name "global": reserved for the starting namespace' \
	'vrf global'
entry 2 "Error: Invalid VRF name \".hidden\": must not start with '.' or '-'" \
	'vrf .hidden'
entry 2 "Error: Invalid VRF name \"-x\": must not start with '.' or '-'" 'vrf -x'
entry 2 "Error: Invalid VRF name \"..\": must not start with '.' or '-'" 'vrf ..'
entry 2 "$INV" 'vrf my vrf'
entry 2 "Error: Invalid VRF name \"my:vrf\": character ':' is not allowed" \
	'vrf my:vrf'
entry 2 "Error: Invalid VRF name \"${A}a\": longer than 64 characters" \
	"interface va vrf ${A}a"
entry 2 "Error: Invalid VRF name \"../x\": must not start with '.' or '-'" \
	'interface q type veth peer r vrf ../x'
run -c 'routing-context vrf ../x'
expect_eq "routing-context with a bad name" "$rc:$err" \
	"1:-c 1: % Error: Invalid VRF name \"../x\": must not start with '.' or '-'"
# -- interface names
entry 2 "Error: Invalid interface name \"$I\": longer than 15 characters" \
	"interface $I type bridge"
entry 2 "Error: Invalid interface name \"$I\": longer than 15 characters" \
	"interface $I"
entry 2 "Error: Invalid interface name \"$I\": longer than 15 characters" \
	"interface q type veth peer $I"
entry 2 "Error: Invalid interface name \"a/b\": character '/' is not allowed" \
	'interface a/b type bridge'
entry 2 "Error: Invalid interface name \"..\": '.' and '..' are reserved" \
	'interface .. type bridge'
entry 3 "Error: Invalid interface name \"a/b\": character '/' is not allowed" \
	'interface va' 'bridge-group a/b'
# -- addresses
entry 3 "$INV" 'interface va' 'ip address 300.1.1.1/24'
entry 3 "$INV" 'interface va' 'ip address 10.1.1.1/33'
entry 3 "$INV" 'interface va' 'ip address 10.1.1.1 255.0.255.0'
entry 3 "$INV" 'interface va' 'ip address 10.1.1.1 255.255.255.0 primary'
entry 3 "Incomplete command." 'interface va' 'ip address 10.1.1.1'
entry 3 "$INV" 'interface va' 'ipv6 address 2001:db8::1/129'
entry 3 "$INV" 'interface va' 'ipv6 address 2001:db8:::1/64'
entry 3 "$INV" 'interface va' 'no ip address 300.1.1.1/24'
entry 3 "Error: Address 10.9.9.9/24 is not configured on va" \
	'interface va' 'no ip address 10.9.9.9/24'
# -- missing objects: 'interface NAME' of one that does not exist enters
# its mode (its first line may make it); what needs it says it is missing
entry 3 "Interface nosuch not found" 'interface nosuch' \
	'ip address 10.7.7.7/24'
entry 3 "Interface nosuch not found in VRF Blue" \
	'interface nosuch vrf Blue' 'ip address 10.7.7.7/24'
entry 4 "Interface va not found in VRF Blue" 'vrf Blue' 'interface va' \
	'shutdown'
entry 2 "VRF Nope not found" 'interface va vrf Nope'
entry 3 "VRF Nope not found" 'interface va' 'vrf forwarding Nope'
entry 3 "VRF Nope not found" 'interface vb vrf Blue' 'vrf forwarding Nope'
entry 2 "VRF Nope not found" 'interface q type veth peer r vrf Nope'
entry 2 "VRF Nope not found" 'interface q vrf Nope type bridge'
entry 2 "VRF Nope not found" 'no vrf Nope'
entry 2 "Interface nosuch not found" 'no interface nosuch'
entry 3 "Interface nosuch not found" 'interface va' 'bridge-group nosuch'
# -- names taken
entry 2 "Error: Cannot create interface va: the name is taken by a veth interface" \
	'interface va type bridge'
entry 2 "Error: Cannot create interface br0: the name is taken by a bridge interface" \
	'interface br0 type veth peer q'
entry 2 "Error: Cannot create interface lo: the name is taken by the loopback interface" \
	'interface lo type veth peer q'
entry 2 "Error: Cannot create veth pair q - br0: the name br0 is taken by a bridge interface" \
	'interface q type veth peer br0'
entry 2 "Error: Cannot create veth pair q - vb in VRF Blue: the name vb is taken by a veth interface" \
	'interface q type veth peer vb vrf Blue'
entry 2 "Error: Cannot create veth pair va - q: va exists with another peer" \
	'interface va type veth peer q'
entry 2 "Error: Cannot create veth pair q: both ends have the same name" \
	'interface q type veth peer q'
# -- what may not be deleted or moved
entry 2 "Error: Interface lo is the loopback: only virtual interfaces can be deleted" \
	'no interface lo'
entry 2 "Error: Interface lo in VRF Blue is the loopback: only virtual interfaces can be deleted" \
	'no interface lo vrf Blue'
entry 3 "Error: Cannot move interface lo: the loopback belongs to its namespace" \
	'interface lo' 'vrf forwarding Blue'
entry 2 'Error: Invalid VRF name "default": reserved for the starting namespace' \
	'no vrf default'
entry 2 'Error: Invalid VRF name "global": reserved for the starting namespace' \
	'no vrf global'
# Deleting a physical interface: the sandbox has none (only lo and virtual
# links), so the refusal of a physical one is not tested here.
# -- out of range
entry 3 "$INV" 'interface va' 'mtu 67'
entry 3 "$INV" 'interface va' 'mtu 65537'
entry 3 "Error: Cannot set the MTU of va to 65536: mtu greater than device maximum" \
	'interface va' 'mtu 65536'
entry 3 "Error: Description is longer than 255 characters" 'interface va' \
	"description $(printf 'd%.0s' $(seq 256))"

# a failed line stops the batch: nothing after it runs
entry 3 "VRF Nope not found" 'interface va' 'vrf forwarding Nope' \
	'shutdown' 'no ip address'

# the boundaries themselves are accepted
cfg "vrf $A" 'exit' "interface abcdefghijklmno vrf $A type bridge"
expect_ok "64-character VRF, 15-character interface"
expect_eq "...made" "$(ip -n "$A" -j link show abcdefghijklmno | jq -r '.[0].ifname')" \
	abcdefghijklmno
cfg "no vrf $A"
expect_eq "...and removed" "$(vrfs)" "Blue"

finish
