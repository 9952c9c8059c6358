#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# configure replace with filtering and NAT (issues 12, 14): between two
# configurations of the lab that differ in their access lists (entries
# added, removed and changed, a list gone, a new one), in what the
# interfaces bind and in NAT, a replace in either direction gives the
# target exactly: running-config text, nftables in every namespace (nft -j,
# handles and counters aside) and the kernel (ip -j) as a fresh apply of
# the target gives them.  Traffic follows the new rules.  A replace onto
# the same configuration changes nothing (no rule replaced).
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/filter/common.sh"

# snap DIR : DIR/state, DIR/nft, DIR/conf of this sandbox
snap() {
	kstate_settled "$1/state"
	nft_all "$1/nft"
	"$VRFSH" -c 'show running-config' >"$1/conf" 2>>"$1/err" </dev/null
}
# --make FILE DIR : (in a fresh sandbox) apply FILE; snap DIR
if [ "$1" = --make ]; then
	"$VRFSH" -f "$2" >/dev/null 2>"$3/err" </dev/null
	snap "$3"
	exit 0
fi
# --replace FROM TO DIR : (in a fresh sandbox) apply FROM, replace with TO;
# DIR/out, DIR/rc and snap DIR
if [ "$1" = --replace ]; then
	"$VRFSH" -f "$2" >/dev/null 2>&1 </dev/null
	settle
	"$VRFSH" -c "configure replace $3 force" >"$4/out" 2>"$4/err"
	echo $? >"$4/rc"
	snap "$4"
	exit 0
fi

# A: what the inside may reach on the web, a list on the way out (which
# sees the translated source), NAT with overload and two static
# translations (10.0.3.0/24 is routed to the router)
{
	lab_conf back | sed '$d'
	echo 'ip route vrf server 10.0.3.0/24 10.0.2.1'
	cat <<'EOF'
ip access-list extended WEB
 remark what the inside may reach
 permit tcp any host 10.0.2.2 eq www
 permit tcp 10.0.1.0 0.0.0.255 host 10.0.2.2 range 8000 8080
 permit udp any any eq domain
 permit icmp any any echo
 deny ip host 10.0.1.66 any log
exit
ip access-list standard MGMT
 permit host 10.0.3.100
 deny any log
exit
access-list 1 permit 10.0.1.0 0.0.0.255
ipv6 access-list V6
 permit icmp any any
 permit tcp any any eq 8080
 deny ipv6 any any
exit
interface r0 vrf router
 ip access-group WEB in
 ipv6 traffic-filter V6 in
 ip nat inside
interface r1 vrf router
 ip access-group MGMT out
 ip nat outside
exit
ip nat inside source list 1 interface r1 vrf router overload
ip nat inside source static 10.0.1.2 10.0.3.100 vrf router
ip nat inside source static udp 10.0.1.2 53 10.0.2.1 5353 vrf router
end
EOF
} >"$tmp/a.conf"

# B: WEB with an entry changed (www now 8081), one gone, one new; MGMT
# gone and a new list OUT bound in its place; V6 kept but unbound; a new
# numbered list on the server; NAT without the overload, one static changed
{
	lab_conf back | sed '$d'
	echo 'ip route vrf server 10.0.3.0/24 10.0.2.1'
	cat <<'EOF'
ip access-list extended WEB
 remark what the inside may reach
 permit tcp any host 10.0.2.2 eq 8081
 permit tcp 10.0.1.0 0.0.0.255 host 10.0.2.2 range 8000 8080
 permit icmp any any echo
 permit tcp any any eq 22
 deny ip host 10.0.1.66 any log
exit
ip access-list extended OUT
 permit tcp any any established
 permit ip host 10.0.3.101 any
 deny ip any any log
exit
access-list 1 permit 10.0.1.0 0.0.0.255
access-list 2 permit 10.0.3.0 0.0.0.255
ipv6 access-list V6
 permit icmp any any
 permit tcp any any eq 8080
 deny ipv6 any any
exit
interface r0 vrf router
 ip access-group WEB in
 ip nat inside
interface r1 vrf router
 ip access-group OUT out
 ip nat outside
interface s0 vrf server
 ip access-group 2 in
exit
ip nat inside source static 10.0.1.2 10.0.3.101 vrf router
ip nat inside source static udp 10.0.1.2 53 10.0.2.1 5353 vrf router
end
EOF
} >"$tmp/b.conf"

for n in a b; do
	mkdir "$tmp/$n"
	fresh sh "$0" --make "$tmp/$n.conf" "$tmp/$n"
	expect_eq "$n: made" "$(cat "$tmp/$n/err")" ""
done
expect_eq "a and b differ in their filters" \
	"$(cmp -s "$tmp/a/nft" "$tmp/b/nft"; echo $?)" 1

for pair in a:b b:a; do
	from=${pair%%:*} to=${pair#*:}
	d="$tmp/$from-$to"
	mkdir "$d"
	fresh sh "$0" --replace "$tmp/$from.conf" "$tmp/$to/conf" "$d"
	expect_eq "$from -> $to: status" "$(cat "$d/rc") $(cat "$d/err")" "0 "
	expect_match "$from -> $to: says what it did" "$(tail -n 2 "$d/out")" \
		'^Total number of changes: [1-9][0-9]* \([0-9]+ kernel requests\)
Rollback Done$'
	for what in conf nft state; do
		if cmp -s "$d/$what" "$tmp/$to/$what"; then ok; else
			fail "$from -> $to: $what is not the target's:
$(diff "$tmp/$to/$what" "$d/$what")"
		fi
	done
done

# ---- here: A, then B by replace; traffic follows -------------------------------
run -f "$tmp/a.conf"
expect_eq "A applied" "$rc:$err" "0:"
lab_wait
listen_in server 80 8081 22
if tcp_ok client 10.0.2.2 80; then ok; else fail "A: www from the client"; fi
if tcp_ok client 10.0.2.2 8081; then
	fail "A: 8081 from the client passes before the replace"
else ok; fi
run -c "configure replace $tmp/b/conf force"
expect_eq "A -> B here: status" "$rc $err" "0 "
if tcp_ok client 10.0.2.2 8081; then ok; else fail "B: 8081 from the client"; fi
if tcp_ok client 10.0.2.2 22; then ok; else fail "B: 22 from the client"; fi
if tcp_ok client 10.0.2.2 80; then
	fail "B: www from the client still passes"
else ok; fi
stop_listener
expect_eq "B: the static translation is the new one" \
	"$(ip netns exec router nft -j list ruleset | jq -r '[.. | objects |
	  select(has("snat")) | .snat.addr | strings] | unique | join(" ")')" \
	"10.0.2.1 10.0.3.101"

# ---- the same configuration: no change, no rule replaced ----------------------
"$VRFSH" -c 'show running-config' >"$tmp/same.conf"
before=$(ip netns exec router nft -j list ruleset | jq -c '[.nftables[].rule? |
	select(. != null) | .handle]')
nft_all "$tmp/same.nft"
run -c "configure replace $tmp/same.conf force"
expect_eq "same: nothing to do" "$rc $out $err" \
	"0 Total number of changes: 0 (0 kernel requests)
Rollback Done "
expect_eq "same: no rule of the router replaced (same handles)" \
	"$(ip netns exec router nft -j list ruleset | jq -c '[.nftables[].rule? |
	  select(. != null) | .handle]')" "$before"
nft_all "$tmp/same.nft.after"
expect_eq "same: nftables unchanged" \
	"$(diff "$tmp/same.nft" "$tmp/same.nft.after")" ""

# ---- a bad target changes nothing -------------------------------------------------
sed 's/^\( [0-9]* permit tcp any any eq\) 22$/\1 99999/' \
	"$tmp/same.conf" >"$tmp/bad.conf"
run -c "configure replace $tmp/bad.conf force"
expect_eq "bad: refused" "$rc" 1
expect_match "bad: says which line" "$err" "99999"
nft_all "$tmp/bad.nft"
expect_eq "bad: nftables unchanged" "$(diff "$tmp/same.nft" "$tmp/bad.nft")" ""

finish
