#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad input for routes and reachability: each a clear error, exit status
# 1, and nothing changed: the routes of every table of every namespace
# (ip -j route, both families) and the configured static routes kept
# beside them (/run/vrfsh) compared before and after each; the links,
# addresses and forwarding switches (tests/vrf/common.sh's snapshot)
# before and after them all.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/route/common.sh"

lab
cfg 'interface r1-r2 vrf R1' 'ipv6 address 2001:db8:12::1/64'
expect_ok "IPv6 address"
wait_dad R1
settle

# a configured route whose gateway resolves nowhere yet (kept inactive),
# for the recursive loop below
cfg 'ip route vrf R1 10.8.0.0/16 10.9.0.1'
expect_ok "a route kept inactive"

# each entry compares the routes and the configured static routes kept
# beside them; links, addresses and forwarding are compared once, over
# the whole run
state() {
	routes_snapshot "$1"
	cat /run/vrfsh/static/* >>"$1" 2>/dev/null
}
snapshot "$tmp/links.before"
state "$tmp/before"
# the witness must see a route change, or the table proves nothing
ip -n R3 route add 10.99.0.0/16 via 10.0.23.2
state "$tmp/changed"
if cmp -s "$tmp/before" "$tmp/changed"; then
	fail "the route snapshot does not see a new route"
else ok; fi
ip -n R3 route del 10.99.0.0/16 via 10.0.23.2
state "$tmp/before"

INV="Invalid input detected at '^' marker."

# check WHAT WANT-ERR : the last run failed with exactly that error (or,
# when WANT-ERR starts with ~, an error matching that regex) and the
# kernel is as before
check() {
	case $2 in
	\~*)	if [ "$rc" -eq 1 ] && printf '%s' "$err" |
		   grep -Eq -- "${2#\~}"; then ok; else
			fail "$1: rc=$rc err=[$err], want rc=1 err=/${2#\~}/"
		fi ;;
	*)	if [ "$rc" -eq 1 ] && [ "$err" = "$2" ]; then ok; else
			fail "$1: rc=$rc err=[$err], want rc=1 err=[$2]"
		fi ;;
	esac
	state "$tmp/after"
	if cmp -s "$tmp/before" "$tmp/after"; then ok; else
		fail "$1 changed the kernel: $(diff "$tmp/before" "$tmp/after")"
		state "$tmp/before"
	fi
}

# entry ERROR COMMAND : COMMAND run in config mode (-c 2)
entry() {
	cfg "$2"
	case $1 in
	\~*) check "[$2]" "~^-c 2: % ${1#\~}" ;;
	*) check "[$2]" "-c 2: % $1" ;;
	esac
}

# -- routes
entry "Interface nosuch not found in VRF R1" \
	'ip route vrf R1 10.5.0.0/16 nosuch'
entry "Interface nosuch not found in VRF R1" \
	'ip route vrf R1 10.5.0.0/16 nosuch 10.0.12.2'
entry "Interface r2-r1 not found in VRF R1" \
	'ip route vrf R1 10.5.0.0/16 r2-r1'
entry "Interface nosuch not found" 'ip route 10.5.0.0/16 nosuch'
entry "Interface nosuch not found in VRF R1" \
	'ipv6 route vrf R1 2001:db8:5::/48 nosuch'
# a gateway the kernel refuses (the subnet's broadcast address)
entry "~Error: Cannot add route 10\.5\.0\.0/16 via 10\.0\.12\.255 in VRF R1: [A-Za-z].+" \
	'ip route vrf R1 10.5.0.0/16 10.0.12.255'
entry "~Error: Cannot add route 10\.5\.0\.0/16 via 10\.0\.12\.255, r1-r2 in VRF R1: [A-Za-z].+" \
	'ip route vrf R1 10.5.0.0/16 r1-r2 10.0.12.255'
# a gateway that is this router's own address
entry "Error: Cannot add route 10.5.0.0/16 via 10.0.12.1 in VRF R1: Invalid next hop address (it is this router's)" \
	'ip route vrf R1 10.5.0.0/16 10.0.12.1'
entry "Error: Cannot add route 2001:db8:5::/48 via 2001:db8:12::1 in VRF R1: Invalid next hop address (it is this router's)" \
	'ipv6 route vrf R1 2001:db8:5::/48 2001:db8:12::1'
# a recursive next hop that loops: 10.8.0.1 would resolve through
# 10.8.0.0/16, whose gateway 10.9.0.1 resolves through this one
entry "Error: Cannot add route 10.9.0.0/16 via 10.8.0.1 in VRF R1: The next hop resolves only through a loop of recursive routes" \
	'ip route vrf R1 10.9.0.0/16 10.8.0.1'
# an ECMP next hop through another VRF's interface
entry "Interface r2-r1 not found in VRF R1" \
	'ip route vrf R1 10.0.23.0/24 r2-r1 10.0.12.2'
# Null0 with a next hop, beside one, or unreachable without it
entry "Error: Null0 takes no next hop address" \
	'ip route vrf R1 10.66.0.0/16 Null0 10.0.12.2'
entry "Error: Null0 takes no next hop address" \
	'ip route vrf R1 10.66.0.0 255.255.0.0 null0 10.0.12.2'
entry "Error: Cannot add route 10.0.23.0/24 via Null0 in VRF R1: Null0, unreachable and prohibit take no other next hop for the same prefix and distance" \
	'ip route vrf R1 10.0.23.0/24 Null0'
entry "Error: unreachable goes with Null0 only" \
	'ip route vrf R1 10.66.0.0/16 r1-r2 unreachable'
entry "Error: prohibit goes with Null0 only" \
	'ipv6 route vrf R1 2001:db8:66::/48 r1-r2 prohibit'
# a prefix and distance that a route of another protocol holds (the
# connected route)
entry "Error: Cannot add route 10.0.12.0/24 via 10.0.12.2 in VRF R1: a route to this prefix with distance 0 exists" \
	'ip route vrf R1 10.0.12.0/24 10.0.12.2 0'
# removing what is not there
entry "Error: No matching route to delete: 10.6.0.0/16 in VRF R1" \
	'no ip route vrf R1 10.6.0.0/16'
entry "Error: No matching route to delete: 10.0.23.0/24 via 10.0.12.9 in VRF R1" \
	'no ip route vrf R1 10.0.23.0/24 10.0.12.9'
entry "~Error: No matching route to delete: 10\.0\.23\.0/24.* in VRF R1$" \
	'no ip route vrf R1 10.0.23.0/24 10.0.12.2 7'
entry "Error: No matching route to delete: 10.0.23.0/24 in VRF R3" \
	'no ip route vrf R3 10.0.23.0/24'
entry "~Error: No matching route to delete: 10\.0\.12\.0/24 in VRF R1$" \
	'no ip route vrf R1 10.0.12.0/24'
entry "Error: No matching route to delete: 2001:db8:6::/48 in VRF R1" \
	'no ipv6 route vrf R1 2001:db8:6::/48'
# host bits set
entry "Error: Inconsistent address and mask" 'ip route vrf R1 10.1.1.1/8 10.0.12.2'
entry "Error: Inconsistent address and mask" \
	'ip route vrf R1 10.1.1.1 255.0.0.0 10.0.12.2'
entry "Error: Inconsistent address and mask" 'no ip route vrf R1 10.0.23.1/24'
entry "Error: Inconsistent address and mask" \
	'ipv6 route vrf R1 2001:db8::1/32 r1-r2'
# malformed
entry "$INV" 'ip route vrf R1 10.5.0.0 255.0.255.0 10.0.12.2'
entry "$INV" 'ip route vrf R1 10.5.0.0/33 10.0.12.2'
# (an address of the other family is taken for an interface name)
entry 'Error: Invalid interface name "2001:db8::1": character '"':'"' is not allowed' \
	'ip route vrf R1 10.5.0.0/16 2001:db8::1'
entry "$INV" 'ip route vrf R1 10.5.0.0/16 10.0.12.2 4294967296'
entry "Interface 10.0.12.2 not found in VRF R1" \
	'ipv6 route vrf R1 2001:db8:5::/48 10.0.12.2'
entry "Incomplete command." 'ip route vrf R1 10.5.0.0/16'
# a VRF that is not there
entry "VRF NOPE not found" 'ip route vrf NOPE 10.1.0.0/16 10.0.12.2'
entry "VRF NOPE not found" 'no ip route vrf NOPE 10.1.0.0/16'
entry "VRF NOPE not found" \
	'ipv6 route vrf NOPE 2001:db8:5::/48 2001:db8:12::2'

# -- ping and traceroute (exec mode, -c 1)
run -c 'ping vrf R1 no-such-host.invalid'
check "ping to an unknown name" \
	"-c 1: % Unrecognized host or address, or protocol not running."
expect_eq "nothing printed for it" "$out" ""
run -c 'ping vrf R1 999.1.2.3'
check "ping to 999.1.2.3" \
	"-c 1: % Unrecognized host or address, or protocol not running."
run -c 'traceroute vrf R1 no-such-host.invalid'
check "traceroute to an unknown name" \
	"-c 1: % Unrecognized host or address, or protocol not running."
run -c 'ping vrf R1 10.0.12.2 size 70000'
check "size 70000" "-c 1: % $INV"
run -c 'ping vrf R1 10.0.12.2 size 35'
check "size 35" "-c 1: % $INV"
run -c 'ping vrf R1 10.0.12.2 repeat 0'
check "repeat 0" "-c 1: % $INV"
run -c 'ping vrf R1 10.0.12.2 repeat -1'
check "repeat -1" "-c 1: % $INV"
run -c 'ping vrf R1 10.0.12.2 timeout 3601'
check "timeout 3601" "-c 1: % $INV"
run -c 'ping vrf NOPE 10.0.12.2'
check "ping in a missing VRF" "-c 1: % VRF NOPE not found"
run -c 'traceroute vrf NOPE 10.0.12.2'
check "traceroute in a missing VRF" "-c 1: % VRF NOPE not found"
run -c 'ping vrf R1'
check "ping without a host" "-c 1: % Incomplete command."
run -c 'ping vrf R1 10.0.12.2 repeat 1 source 10.9.9.9'
check "ping from an address not on the box" \
	"~^-c 1: % Error: Cannot ping 10\.0\.12\.2: Invalid source address"
run -c 'ping vrf R1 10.0.12.2 repeat 1 source nosuch'
check "ping from a missing interface" \
	"~^-c 1: % Error: Cannot ping 10\.0\.12\.2: Invalid source interface"
# -- show
run -c 'show ip route vrf NOPE'
check "show ip route in a missing VRF" "-c 1: % VRF NOPE not found"
run -c 'show ip arp vrf NOPE'
check "show ip arp in a missing VRF" "-c 1: % VRF NOPE not found"
run -c 'show ip route vrf R1 10.0.23.0/33'
check "show ip route with a bad prefix" "-c 1: % $INV"

snapshot "$tmp/links.after"
expect_eq "links, addresses and forwarding unchanged" \
	"$(diff "$tmp/links.before" "$tmp/links.after")" ""

finish
