#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Tables vrfsh did not make: one made with nft by hand in a VRF (and one
# in default) is untouched by every vrfsh change there (nft -j of it,
# handles included, the same after each), and running-config mentions it
# as a comment; a `table inet vrfsh` made by hand is vrfsh's name but not
# its table: every change in that VRF is refused and it stays as it was.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/filter/common.sh"

lab back
ip netns exec router nft -f - <<'NFT'
table ip mine {
	set hosts { type ipv4_addr; elements = { 10.0.1.9 } }
	chain input {
		type filter hook input priority 0; policy accept;
		ip saddr @hosts drop comment "by hand"
	}
}
NFT
nft add table inet filter
nft add chain inet filter c '{ type filter hook forward priority 0; }'
nft add rule inet filter c ip daddr 192.0.2.1 drop
mine() {
	ip netns exec router nft -j list table ip mine
	nft -j list table inet filter
}
mine >"$tmp/mine.before"

# untouched LABEL COMMAND... : the commands change vrfsh's tables only
untouched() {
	label=$1
	shift
	cfg "$@"
	expect_eq "$label: status" "$rc:$err" "0:"
	mine >"$tmp/mine.after"
	if cmp -s "$tmp/mine.before" "$tmp/mine.after"; then ok; else
		fail "$label touched the hand-made tables: $(diff "$tmp/mine.before" "$tmp/mine.after")"
	fi
}

untouched "a list" 'ip access-list extended L' 'permit tcp any any eq 22' \
	'permit icmp any any'
untouched "applied in the router" 'interface r0 vrf router' 'ip access-group L in'
untouched "applied in default's view too" 'ip access-list standard S' 'permit any'
untouched "an edit in use" 'ip access-list extended L' '15 deny udp any any'
untouched "NAT roles" 'interface r0 vrf router' 'ip nat inside' \
	'interface r1 vrf router' 'ip nat outside'
untouched "overload" 'ip nat inside source list S interface r1 vrf router overload'
untouched "static" 'ip nat inside source static tcp 10.0.1.2 22 10.0.2.1 2222 vrf router'
untouched "resequence" 'ip access-list resequence L 100 100'
run -c 'clear access-list counters'
expect_eq "clear counters" "$rc:$err" "0:"
run -c 'clear ip nat translation vrf router *'
expect_eq "clear translations" "$rc:$err" "0:"
mine >"$tmp/mine.after"
if cmp -s "$tmp/mine.before" "$tmp/mine.after"; then ok; else
	fail "clearing touched the hand-made tables"
fi
run -c 'show running-config'
expect_match "running-config mentions the router's table" "$out" \
	'^! vrfsh: VRF router has table ip mine, which is not vrfsh.s: left alone$'
expect_match "and default's" "$out" \
	'^! vrfsh: VRF default has table inet filter, which is not vrfsh.s: left alone$'
untouched "all undone" 'no ip nat inside source static tcp 10.0.1.2 22 10.0.2.1 2222 vrf router' \
	'no ip nat inside source list S interface r1 vrf router overload' \
	'interface r0 vrf router' 'no ip nat inside' 'no ip access-group L in' \
	'interface r1 vrf router' 'no ip nat outside' 'exit' \
	'no ip access-list extended L' 'no ip access-list standard S'
expect_eq "vrfsh's tables are gone" \
	"$(ip netns exec router nft -j list tables | jq -c '[.nftables[].table? | select(. != null) | .name]') $(nft -j list tables | jq -c '[.nftables[].table? | select(. != null) | .name]')" \
	'["mine"] ["filter"]'

# ---- a rule of vrfsh's changed by hand ------------------------------------------
cfg 'ip access-list extended H' 'permit tcp any any eq 22'
expect_ok "list H"
nft insert rule inet vrfsh ip_H tcp dport 23 accept
run -c 'show running-config'
expect_match "running-config names the rule made by hand" "$out" \
	'^! vrfsh: VRF default: rule [0-9]+ of chain ip_H was changed by hand \(\(no comment\)\)$'
expect_match "and says the list is written as vrfsh made it" \
	"$(printf '%s\n' "$out" | sed -n '/^ip access-list extended H$/,/^!$/p' | tr '\n' '|')" \
	'^ip access-list extended H\|! vrfsh: the kernel.s rules of this list were changed by hand: .*\| 10 permit tcp any any eq 22\|!\|$'
run -c 'show ip access-lists H json'
expect_eq "json says so too" "$(printf '%s' "$out" | jq '.access_lists[0].changed_by_hand')" true
cfg 'ip access-list extended H' 'permit tcp any any eq 80'
expect_ok "the next change"
expect_eq "puts the chain back as vrfsh makes it" \
	"$(nft -j list chain inet vrfsh ip_H | jq -c '[.nftables[].rule? | select(. != null) | .comment]')" \
	'["10 permit p=6 dp=eq22","20 permit p=6 dp=eq80","end extended"]'
run -c 'configure terminal' -c 'no ip access-list extended H'
expect_ok "list H deleted"

# ---- table inet vrfsh made by hand in the server -----------------------------
ip netns exec server nft add table inet vrfsh
ip netns exec server nft add chain inet vrfsh x
ip netns exec server nft -j list ruleset >"$tmp/alien.before"
cfg 'ip access-list extended A' 'permit ip any any' \
	'interface s0 vrf server' 'ip access-group A in'
expect_eq "a change in that VRF is refused" "$rc" 1
expect_match "saying why" "$err" \
	'^-c 5: % Error: Cannot apply access list A to interface s0 in VRF server: .*not made by vrfsh'
ip netns exec server nft -j list ruleset >"$tmp/alien.after"
if cmp -s "$tmp/alien.before" "$tmp/alien.after"; then ok; else
	fail "the hand-made table inet vrfsh changed"
fi
run -c 'show running-config'
expect_match "running-config says so" "$out" \
	'^! vrfsh: VRF server: table inet vrfsh was not made by vrfsh: left alone'

finish
