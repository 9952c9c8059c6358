#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show running-config vrf NAME and show running-config interface IFNAME
# [vrf NAME] print exactly their part of the whole configuration, and
# write terminal prints the whole of it.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"
VRFSH_CONFIG="$tmp/never.conf"
export VRFSH_CONFIG

# two labs side by side, and something made with iproute2 in default
run -f "$top_srcdir/examples/three-routers.conf"
expect_ok "three-routers.conf"
run -f "$top_srcdir/examples/lan-bridge.conf"
expect_ok "lan-bridge.conf"
ip link add d0 type veth peer name d1 netns R1 &&
	ip addr add 10.99.0.1/24 dev d0 && ip link set d0 up &&
	ip route add 10.98.0.0/16 via 10.99.0.2 &&
	ip -n R1 addr add 10.99.0.2/24 dev d1 && ip -n R1 link set d1 up &&
	ip -n R1 route add 10.97.0.0/16 dev d1
expect_eq "iproute2 additions" "$?" 0

"$VRFSH" -c 'show running-config' >"$tmp/full" 2>"$tmp/err"
expect_eq "show running-config" "$? $(cat "$tmp/err")" "0 "
"$VRFSH" -c 'write terminal' >"$tmp/wt" 2>"$tmp/err"
expect_eq "write terminal" "$? $(cat "$tmp/err")" "0 "
if cmp -s "$tmp/full" "$tmp/wt"; then ok; else
	fail "write terminal differs: $(diff "$tmp/full" "$tmp/wt")"
fi
expect_match "the whole configuration is rendered" \
	"$(grep -c '^interface ' "$tmp/full")" '^19$'

# part VRF : the stanzas and routes of that VRF, cut out of the whole
# one: stanzas end with a "!" line; routes are single lines.  A stanza
# belongs to the VRF its header names (vrf definition V, interface V/X)
# or its ' vrf forwarding V' line says; else to default.
part() {
	awk -v vrf="$1" '
	function owner(first, blk,    n, a) {
		if (first ~ /^(no )?ip routing$/) return "default"
		if (first ~ /^vrf definition /) { split(first, a, " "); return a[3] }
		if (first ~ /^interface /) {
			split(first, a, " ")
			if (index(a[2], "/")) { split(a[2], n, "/"); return n[1] }
			if (match(blk, /\n vrf forwarding [^\n]+\n/))
				return substr(blk, RSTART + 17, RLENGTH - 18)
			return "default"
		}
		return ""
	}
	NR <= 3 || /^end$/ { next }
	/^ip(v6)? route / {
		if (vrf == "default" ? $3 != "vrf" : \
		    $3 == "vrf" && $4 == vrf) print
		next
	}
	{
		if (blk == "") first = $0
		blk = blk $0 "\n"
		if ($0 == "!") {
			if (owner(first, "\n" blk) == vrf) printf "%s", blk
			blk = ""
		}
	}' "$tmp/full"
}

for v in default R1 R2 R3 GW H1 SW SRV; do
	"$VRFSH" -c "show running-config vrf $v" >"$tmp/got" 2>"$tmp/err"
	expect_eq "show running-config vrf $v" "$? $(cat "$tmp/err")" "0 "
	part $v >"$tmp/want"
	if [ -s "$tmp/want" ] && cmp -s "$tmp/got" "$tmp/want"; then ok; else
		fail "show running-config vrf $v is not its part:
$(diff "$tmp/want" "$tmp/got")"
	fi
done
# what the parts hold, checked by hand for two of them
expect_eq "R1's part" "$(part R1 | grep -v '^ ')" "vrf definition R1
!
interface d1
!
interface r1-r2
!
ip route vrf R1 10.0.23.0 255.255.255.0 10.0.12.2
ip route vrf R1 10.97.0.0 255.255.0.0 d1 0 protocol boot"
expect_eq "default's part" "$(part default | grep -v '^ ')" "no ip routing
no ipv6 unicast-routing
!
interface d0
!
ip route 10.98.0.0 255.255.0.0 10.99.0.2 0 protocol boot"
"$VRFSH" -c 'show running-config vrf global' >"$tmp/got" 2>&1
part default >"$tmp/want"
expect_eq "vrf global is default" "$(diff "$tmp/want" "$tmp/got")" ""

# every interface stanza of the whole, one at a time, by the name its
# header gives
n=0
grep '^interface ' "$tmp/full" | while read -r _ ifname; do
	awk -v sel="interface $ifname" '$0 == sel { p = 1 }
		p { print } p && $0 == "!" { exit }' "$tmp/full" >"$tmp/want"
	"$VRFSH" -c "show running-config interface $ifname" \
		>"$tmp/got" 2>"$tmp/err"
	r="$? $(cat "$tmp/err")"
	if [ "$r" = "0 " ] && [ -s "$tmp/want" ] &&
	   cmp -s "$tmp/got" "$tmp/want"; then echo ok; else
		echo "fail show running-config interface $ifname:" \
			"$r $(diff "$tmp/want" "$tmp/got" | tr '\n' ' ')"
	fi
done >"$tmp/ifs"
# the routing context names the VRF when no vrf keyword is given
run -c 'routing-context vrf R3' -c 'show running-config interface r3-r2'
expect_eq "interface in the routing context" "$rc $out" "0 interface r3-r2
 vrf forwarding R3
 ip address 10.0.23.3 255.255.255.0
 description link to R2
 no shutdown
!"
# lo as a VRF is made with it is left out of the whole, not of its own
run -c 'show running-config interface lo vrf H2'
expect_eq "lo of H2" "$rc $out $err" "0 interface H2/lo
 vrf forwarding H2
 no shutdown
! "
run -c 'show running-config interface H2/lo'
expect_eq "lo of H2 by its qualified name" "$rc $out $err" "0 interface H2/lo
 vrf forwarding H2
 no shutdown
! "
expect_eq "lo not in the whole" "$(grep -c '^interface lo' "$tmp/full")" 0

# errors: exit status 1, the contract's messages, nothing on stdout
run -c 'show running-config vrf Nope'
expect_eq "missing VRF" "$rc [$out] $err" "1 [] -c 1: % VRF Nope not found"
run -c 'show running-config interface nope vrf R1'
expect_eq "missing interface" "$rc [$out] $err" \
	"1 [] -c 1: % Interface nope not found in VRF R1"
run -c 'show running-config interface r1-r2 vrf default'
expect_eq "interface not in default" "$rc [$out] $err" \
	"1 [] -c 1: % Interface r1-r2 not found"

# user EXEC may look; filters apply
run -c disable -c 'show running-config'
expect_eq "user EXEC sees it" "$rc $err" "0 "
expect_eq "user EXEC sees the same" "$out" "$(cat "$tmp/full")"
run -c 'show running-config | include ^interface'
expect_eq "filtered" "$out" "$(grep '^interface' "$tmp/full")"

# all (and full, its IOS synonym): also what is left out as default, the
# bare loopbacks; the rest is the same configuration, in the same order
run -c 'show running-config all'
expect_eq "all: status" "$rc $err" "0 "
printf '%s\n' "$out" >"$tmp/all"
expect_eq "all: the bare loopbacks, default's and each VRF's" \
	"$(grep -A2 '^interface \(.*/\)\{0,1\}lo$' "$tmp/all" | grep -c '^interface')" \
	"$(($(ip netns list | wc -l) + 1))"
diff "$tmp/full" "$tmp/all" >"$tmp/diff"
expect_eq "all: only adds to the plain configuration" \
	"$(grep -c '^[<-]' "$tmp/diff")" 0
expect_eq "all: and only bare loopbacks" \
	"$(grep '^> ' "$tmp/diff" | grep -cv '^> \(interface \([^ ]*/\)\{0,1\}lo\| vrf forwarding [^ ]*\| no shutdown\|!\)$')" 0
run -c 'show running-config full'
expect_eq "full is all" "$rc $err $out" "0  $(cat "$tmp/all")"
run -c 'show running-config all vrf R2'
expect_match "all vrf: its loopback" "$out" '^interface R2/lo
 vrf forwarding R2'
run -c 'show running-config | include ^interface (R2/)?lo$'
expect_eq "without all: no bare loopback" "$rc [$out]" "0 []"

finish
