#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The exact round trip of filtering and NAT: a lab with access lists of
# every kind (standard, extended, IPv6, numbered; every address and port
# form, names and numbers, remarks, sequence numbers of their own), their
# use on interfaces in several VRFs and NAT, made with vrfsh commands in
# one sandbox; its running-config A replayed with vrfsh -f into a fresh
# sandbox gives A again, byte for byte, the same nftables rulesets (nft -j
# in every namespace, handles and counters aside) and the same kernel
# state (ip -j).  A replay onto itself changes nothing.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/filter/common.sh"

# --apply FILE DIR : (in a fresh sandbox) vrfsh -f FILE; DIR/rc, DIR/err,
# DIR/conf, DIR/nft, DIR/state
if [ "$1" = --apply ]; then
	"$VRFSH" -f "$2" >"$3/out" 2>"$3/err" </dev/null
	echo $? >"$3/rc"
	kstate_settled "$3/state"
	nft_all "$3/nft"
	"$VRFSH" -c 'show running-config' >"$3/conf" 2>>"$3/err" </dev/null
	exit 0
fi

lab back
cat >"$tmp/filters.conf" <<'EOF'
configure terminal
ip access-list extended WEB
 remark what the inside may reach
 permit tcp any host 10.0.2.2 eq www
 permit tcp 10.0.1.0 0.0.0.255 host 10.0.2.2 range 8000 8080
 permit tcp any eq 1024 10.0.2.0 0.0.0.255 gt 1023 established
 permit tcp any any neq telnet log
 permit tcp host 10.0.1.2 lt 1024 any eq 443
 permit udp any any eq domain
 permit udp any range bootps bootpc any
 permit icmp any any echo
 permit icmp any any port-unreachable
 permit icmp any any 3 4
 permit icmp any any 11
 permit gre any any
 permit 47 any host 10.0.2.2
 permit 6 any any
 7 deny ip host 10.0.1.66 any log
 deny ip 10.0.1.0 0.0.0.254 any
 permit ip 10.0.1.2 0.0.0.0 any
exit
ip access-list standard MGMT
 permit host 10.0.1.2
 permit 10.0.1.3
 permit 10.0.1.0 0.0.0.255 log
 deny any log
exit
access-list 1 permit 10.0.1.0 0.0.0.255
access-list 1 remark the inside
access-list 101 permit tcp any any eq www
access-list 101 deny icmp any any time-exceeded log
access-list 2000 permit ip any any
ip access-list extended EMPTY
exit
ipv6 access-list V6
 permit icmp any any echo-request
 permit icmp any any nd-ns
 sequence 25 permit tcp fd00:1::/64 host fd00:2::2 eq 8080
 permit udp any eq 53 any
 permit ipv6 host fd00:1::2 any log
 deny ipv6 any any
exit
ipv6 access-list resequence V6 100 20
ip access-list resequence MGMT 5 5
interface r0 vrf router
 ip access-group WEB in
 ip access-group 101 out
 ipv6 traffic-filter V6 in
 ip nat inside
interface r1 vrf router
 ip access-group MGMT out
 ip nat outside
interface s0 vrf server
 ip access-group WEB out
interface lo vrf server
 ip access-group 2000 in
exit
ip nat inside source list 1 interface r1 vrf router overload
ip nat inside source static 10.0.1.2 10.0.2.100 vrf router
ip nat inside source static udp 10.0.1.2 53 10.0.2.1 5353 vrf router
vrf server
 ip nat inside source static tcp 10.0.2.2 80 10.0.2.2 8080
end
EOF
run -f "$tmp/filters.conf"
expect_eq "the filters applied" "$rc:$err" "0:"

d="$tmp/a"
mkdir "$d"
kstate_settled "$d/state"
nft_all "$d/nft"
run -c 'show running-config'
expect_eq "running-config: status" "$rc:$err" "0:"
printf '%s\n' "$out" >"$d/conf"
# a few lines as they must read
for want in '^ip access-list extended WEB$' '^ 10 remark what the inside may reach$' \
	'^ 20 permit tcp any host 10\.0\.2\.2 eq www$' \
	'^ 40 permit tcp any eq 1024 10\.0\.2\.0 0\.0\.0\.255 gt 1023 established$' \
	'^ 80 permit udp any range bootps bootpc any$' \
	'^ 110 permit icmp any any 3 4$' '^ 140 permit 47 any host 10\.0\.2\.2$' \
	'^ 7 deny ip host 10\.0\.1\.66 any log$' \
	'^ 170 permit ip 10\.0\.1\.2 0\.0\.0\.0 any$' \
	'^ip access-list standard MGMT$' '^ 5 permit host 10\.0\.1\.2$' \
	'^ 10 permit 10\.0\.1\.3$' '^ 20 deny any log$' \
	'^ip access-list standard 1$' '^ 20 remark the inside$' \
	'^ip access-list extended 2000$' '^ip access-list extended EMPTY$' \
	'^ sequence 140 permit tcp fd00:1::/64 host fd00:2::2 eq 8080$' \
	'^ ip access-group WEB in$' '^ ipv6 traffic-filter V6 in$' \
	'^ip nat inside source static udp 10\.0\.1\.2 53 10\.0\.2\.1 5353 vrf router$' \
	'^ip nat inside source static tcp 10\.0\.2\.2 80 10\.0\.2\.2 8080 vrf server$' \
	'^interface server/lo$'
do
	expect_match "running-config has /$want/" "$out" "$want"
done
expect_eq "the lists come before the interfaces" \
	"$(grep -n -m1 '^interface ' "$d/conf" | cut -d: -f1 | \
	  awk -v l="$(grep -n '^ip access-list' "$d/conf" | tail -1 | cut -d: -f1)" \
	  '{ print ($1 > l) }')" 1

run -c 'show access-lists json'
expect_eq "json: every list and entry has every key" \
	"$(printf '%s' "$out" | jq -c '[([.access_lists[] | keys] | unique),
	  ([.access_lists[].entries[] | keys] | unique)]')" \
	'[[["changed_by_hand","entries","family","implicit_deny_matches","name","type"]],[["action","bytes","destination","destination_port","established","icmp_code","icmp_type","log","matches","protocol","remark","sequence","source","source_port","text"]]]'
expect_eq "json: the lists, IPv4 first" \
	"$(printf '%s' "$out" | jq -c '[.access_lists[] | [.name, .family, .type, (.entries | length)]]')" \
	'[["1","ipv4","standard",2],["101","ipv4","extended",2],["2000","ipv4","extended",1],["EMPTY","ipv4","extended",0],["MGMT","ipv4","standard",4],["WEB","ipv4","extended",18],["V6","ipv6","extended",6]]'
expect_eq "json: an entry" \
	"$(printf '%s' "$out" | jq -c '.access_lists[5].entries[4] | [.sequence, .text, .source, .destination, .source_port, .destination_port, .established]')" \
	'[40,"permit tcp any eq 1024 10.0.2.0 0.0.0.255 gt 1023 established",{"kind":"any"},{"kind":"wildcard","address":"10.0.2.0","wildcard":"0.0.0.255"},{"operator":"eq","port":1024},{"operator":"gt","port":1023},true]'
run -c 'show ip nat translations vrf router json'
expect_eq "json: NAT lines have every key" \
	"$(printf '%s' "$out" | jq -c '[.translations[] | keys] | unique | length')" 1

# ---- replayed into a fresh sandbox --------------------------------------
mkdir "$d/replay"
fresh sh "$0" --apply "$d/conf" "$d/replay"
expect_eq "A applied to a clean sandbox" \
	"$(cat "$d/replay/rc" 2>&1) $(cat "$d/replay/err" 2>&1)" "0 "
if cmp -s "$d/conf" "$d/replay/conf"; then ok; else
	fail "running-config after the replay differs:
$(diff "$d/conf" "$d/replay/conf")"
fi
if cmp -s "$d/nft" "$d/replay/nft"; then ok; else
	fail "nftables after the replay differ:
$(diff "$d/nft" "$d/replay/nft")"
fi
if cmp -s "$d/state" "$d/replay/state"; then ok; else
	fail "kernel state after the replay differs:
$(diff "$d/state" "$d/replay/state")"
fi
expect_match "the witness has the lists in the router's table" \
	"$(grep -c '"chain":{' "$d/nft")" '^[1-9]'

# ---- replayed onto itself: no change -------------------------------------
before=$(ip netns exec router nft -j list ruleset | jq -c '[.nftables[].rule? |
	select(. != null) | .handle]')
# (the routes are refused as existing; everything else is taken)
run --keep-going -f "$d/conf"
expect_eq "replay onto itself: only the routes refused" \
	"$(printf '%s\n' "$err" | grep -v 'Cannot add route .* exists$')" ""
expect_eq "no rule of the router replaced (same handles)" \
	"$(ip netns exec router nft -j list ruleset | jq -c '[.nftables[].rule? |
	  select(. != null) | .handle]')" "$before"
nft_all "$d/nft.again"
if cmp -s "$d/nft" "$d/nft.again"; then ok; else
	fail "replay onto itself changed nftables:
$(diff "$d/nft" "$d/nft.again")"
fi

finish
