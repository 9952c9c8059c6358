#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Bad input to the access list and NAT commands: each refused with one
# clear error (what automation reads as one: "% Error: ...", "... not
# found", "% Invalid input ..."), and nothing changed in any namespace's
# nftables (nft -j) or anywhere else in the kernel (ip -j).
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/filter/common.sh"

lab back
cfg 'ip access-list extended WEB' 'permit tcp any host 10.0.2.2 eq www' 'permit icmp any any' \
	'ipv6 access-list V6' 'permit icmp any any' \
	'access-list 1 permit 10.0.1.0 0.0.0.255' \
	'interface r0 vrf router' 'ip access-group WEB in' 'ip nat inside' \
	'interface r1 vrf router' 'ip nat outside' 'exit' \
	'ip nat inside source static 10.0.1.2 10.0.2.100 vrf router' \
	'interface dup vrf client type veth peer dup vrf server'
expect_ok "setup"
lab_wait
nft_all "$tmp/nft.before"
kstate "$tmp/k.before"

# refused LABEL PATTERN COMMAND... : the commands in global configuration;
# the last fails with one message matching PATTERN; nothing changes
refused() {
	label=$1
	want=$2
	shift 2
	cfg "$@"
	expect_eq "$label: status" "$rc" 1
	expect_match "$label: message" "$err" "^-c $(($# + 1)): % ($want)\$"
	expect_eq "$label: one line" "$(printf '%s\n' "$err" | wc -l)" 1
	nft_all "$tmp/nft.after"
	if cmp -s "$tmp/nft.before" "$tmp/nft.after"; then ok; else
		fail "$label changed nftables: $(diff "$tmp/nft.before" "$tmp/nft.after")"
		cp "$tmp/nft.after" "$tmp/nft.before"
	fi
}

# the issue's list
refused "unknown list in ip access-group" 'Access list NOPE not found' \
	'interface r0 vrf router' 'ip access-group NOPE in'
refused "ports on ip" 'Error: Ports \(eq\) apply to tcp and udp only: .*' \
	'ip access-list extended WEB' 'permit ip any any eq 80'
refused "ports on ip, source side" 'Error: Ports \(range\) apply to tcp and udp only: .*' \
	'ip access-list extended WEB' 'permit ip any range 1 2 any'
refused "ports on a protocol number" 'Error: Ports \(lt\) apply to tcp and udp only: .*' \
	'access-list 101 permit 6 any any lt 80'
refused "a bad wildcard" 'Error: Bad wildcard "0\.0\.0\.256": .*' \
	'ip access-list extended WEB' 'permit ip 10.0.0.0 0.0.0.256 any'
refused "a wildcard that is no address" 'Error: Bad wildcard "255\.0": .*' \
	'access-list 1 permit 10.0.0.0 255.0'
refused "a prefix for a wildcard" \
	'Error: IPv4 access lists match an address and wildcard bits: write 10\.0\.0\.0 0\.0\.0\.255, not 10\.0\.0\.0/24' \
	'ip access-list extended WEB' 'deny ip any 10.0.0.0/24'
refused "sequence number 0" 'Error: Sequence number 0 is out of range \(1-2147483647\)' \
	'ip access-list extended WEB' '0 permit ip any any'
refused "sequence number too high" 'Error: Sequence number 2147483648 is out of range \(1-2147483647\)' \
	'ip access-list extended WEB' '2147483648 permit ip any any'
refused "sequence number of an IPv6 entry" 'Error: Sequence number 4294967295 is out of range \(1-2147483647\)' \
	'ipv6 access-list V6' 'sequence 4294967295 permit ipv6 any any'
refused "NAT to a missing interface" 'Interface nope not found in VRF router' \
	'ip nat inside source list 1 interface nope vrf router overload'
refused "NAT to an interface no VRF has" 'Interface nope not found' \
	'ip nat inside source list 1 interface nope overload'
refused "a list name with spaces" 'Error: Invalid access list name "my list": a name has no spaces' \
	'ip access-list extended my list'
# and more
refused "a name with a quote" 'Error: Invalid access list name "a\"b": .*' \
	'ip access-list extended a"b'
refused "a number of the other type" 'Error: Access list 150 is an extended list by its number' \
	'ip access-list standard 150'
refused "a number of no type" 'Error: Invalid access list number 3000: .*' \
	'ip access-list extended 3000'
refused "a list of the other type" 'Error: Access list WEB is an extended list' \
	'ip access-list standard WEB'
refused "duplicate sequence number" 'Error: Duplicate sequence number 10 in access list WEB' \
	'ip access-list extended WEB' '10 deny ip any any'
refused "unknown port name" 'Error: Unknown tcp port "wwww": .*' \
	'ip access-list extended WEB' 'permit tcp any any eq wwww'
refused "a udp name on tcp" 'Error: Unknown tcp port "snmp": .*' \
	'ip access-list extended WEB' 'permit tcp any any eq snmp'
refused "port out of range" 'Error: Port 65536 is out of range \(0-65535\)' \
	'ip access-list extended WEB' 'permit udp any any range 1 65536'
refused "an empty range" 'Error: Cannot add the entry to access list WEB: destination port: range 90 80 is empty' \
	'ip access-list extended WEB' 'permit tcp any any range 90 80'
refused "established on udp" 'Error: Cannot add the entry to access list WEB: established applies to tcp only' \
	'ip access-list extended WEB' 'permit udp any any established'
refused "established on ip" 'Error: established applies to tcp only' \
	'ip access-list extended WEB' 'permit ip any any established'
refused "an ICMP type on tcp" "Invalid input detected at '\\^' marker\\." \
	'ip access-list extended WEB' 'permit tcp any any echo'
refused "a remark too long" 'Error: A remark has at most 100 characters' \
	'ip access-list extended WEB' \
	"remark $(printf '%0101d' 0)"
refused "no entry of that number" 'Error: Access list WEB has no entry 99' \
	'ip access-list extended WEB' 'no 99'
refused "no such entry" 'Error: No entry "deny ip any any" in access list WEB' \
	'ip access-list extended WEB' 'no deny ip any any'
refused "delete a list in use" 'Error: Cannot delete access list WEB: .*' \
	'no ip access-list extended WEB'
refused "delete a list of the other type" 'Error: Access list WEB is an extended list' \
	'no ip access-list standard WEB'
refused "delete a missing list" 'Access list NOPE not found' \
	'no ip access-list extended NOPE'
refused "resequence past the end" 'Error: Cannot resequence access list WEB from 2147483647 by 10: .*' \
	'ip access-list resequence WEB 2147483647 10'
refused "resequence a missing list" 'IPv6 access list NOPE not found' \
	'ipv6 access-list resequence NOPE'
refused "an IPv6 list as ip access-group" 'Access list V6 not found' \
	'interface r0 vrf router' 'ip access-group V6 in'
refused "an IPv4 list as ipv6 traffic-filter" 'IPv6 access list WEB not found' \
	'interface r0 vrf router' 'ipv6 traffic-filter WEB in'
refused "no ip access-group of another list" 'Error: Interface r0 uses access list WEB in, not OTHER' \
	'interface r0 vrf router' 'no ip access-group OTHER in'
refused "NAT with a missing list" 'Access list 9 not found' \
	'ip nat inside source list 9 interface r1 vrf router overload'
refused "NAT with an IPv6 list" 'Access list V6 not found' \
	'ip nat inside source list V6 interface r1 vrf router overload'
refused "NAT to an interface in several VRFs" \
	"Error: Interface dup is in VRFs client, server: say which with 'vrf NAME'" \
	'ip nat inside source list 1 interface dup overload'
refused "NAT in a missing VRF" 'VRF nowhere not found' \
	'ip nat inside source static 10.0.1.3 10.0.2.101 vrf nowhere'
refused "a static translation that clashes" 'Error: Cannot translate 10\.0\.1\.2 to 10\.0\.2\.101 in VRF router: .*' \
	'ip nat inside source static 10.0.1.2 10.0.2.101 vrf router'
refused "no static translation that is not there" 'Error: No static translation of 10\.0\.1\.9 to 10\.0\.2\.109 in VRF router' \
	'no ip nat inside source static 10.0.1.9 10.0.2.109 vrf router'
refused "no overload that is not there" 'Error: No translation of list 1 in VRF router' \
	'vrf router' 'no ip nat inside source list 1'
run -c 'clear ip nat translation vrf router everything'
expect_eq "clear ip nat translation WORD" "$rc:$err" \
	"1:-c 1: % Error: Only all translations can be cleared: clear ip nat translation *"
run -c 'show ip access-lists NOPE'
expect_eq "show a missing list" "$rc:$out:$err" "1::-c 1: % Access list NOPE not found"
run -c 'clear access-list counters NOPE'
expect_eq "clear a missing list" "$rc:$err" "1:-c 1: % Access list NOPE not found"

# a bad line in a file: refused with its line number, the lines before it
# applied as one change, nothing after it
printf 'configure terminal\nip access-list extended F\n permit tcp any any eq 1\n permit tcp any any eq 2\n permit ip any any eq 3\n permit tcp any any eq 4\n' >"$tmp/bad.conf"
run -f "$tmp/bad.conf"
expect_eq "a file stops at its bad line" "$rc:$err" \
	"1:$tmp/bad.conf:5: % Error: Ports (eq) apply to tcp and udp only: write tcp or udp, not the protocol given"
expect_eq "the lines before it are applied" \
	"$(nft -j list chain inet vrfsh ip_F | jq -c '[.nftables[].rule? | select(. != null) | .comment]')" \
	'["10 permit p=6 dp=eq1","20 permit p=6 dp=eq2","end extended"]'

kstate "$tmp/k.after"
if cmp -s "$tmp/k.before" "$tmp/k.after"; then ok; else
	fail "the kernel state changed: $(diff "$tmp/k.before" "$tmp/k.after")"
fi

finish
