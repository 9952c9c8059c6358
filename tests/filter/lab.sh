#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Access lists and NAT with real traffic, all made with vrfsh commands in
# the lab of three VRFs (client, router, server; tests/filter/common.sh):
# an extended list on the router's inside interface, checked both ways
# by pings and TCP connections and by its counters (vrfsh's show against
# nft -j); NAT overload (the server sees the router's address, show ip
# nat translations lists the flow, as conntrack does); a static port
# forward from outside; IPv6 lists; interfaces that move or go.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/filter/common.sh"
trap 'stop_listener; rm -rf "$tmp"' EXIT

lab back

# ---- an extended list on the inside interface ---------------------------
cfg 'ip access-list extended INSIDE' \
	'permit icmp any any' \
	'permit tcp any host 10.0.2.2 eq 8080' \
	'deny ip any any' \
	'interface r0 vrf router' 'ip access-group INSIDE in'
expect_ok "the list, applied"
expect_eq "the router's table jumps to it from r0" \
	"$(ip netns exec router nft -j list chain inet vrfsh acl-in | jq -c \
	  '[.nftables[].rule? | select(. != null) | .comment]')" \
	'["ip r0 INSIDE"]'
expect_eq "the router's copy, entry by entry" \
	"$(ip netns exec router nft -j list chain inet vrfsh ip_INSIDE | jq -c \
	  '[.nftables[].rule? | select(. != null) | .comment]')" \
	'["10 permit p=1","20 permit p=6 d=h10.0.2.2 dp=eq8080","30 deny","end extended"]'
listen_in server 8080 9090
if ping_ok client 10.0.2.2 3; then ok; else fail "ping through the list"; fi
if tcp_ok client 10.0.2.2 8080; then ok; else fail "tcp 8080 permitted"; fi
if tcp_ok client 10.0.2.2 9090; then fail "tcp 9090 passed the list"; else ok; fi
if ip netns exec client "$PY" -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"x", ("10.0.2.2", 5353))' 2>/dev/null; then ok; else
	fail "udp send"; fi
expect_eq "the listener saw 8080 only" "$(cat "$tmp/l/peers")" "8080 10.0.1.2"
# the server reaches the client: the list filters what arrives on r0 only
if tcp_ok server 10.0.1.2 1 2>/dev/null; then :; fi
run -c 'show ip access-lists INSIDE'
expect_eq "show: status" "$rc:$err" "0:"
expect_eq "show: header" "$(printf '%s\n' "$out" | sed -n 1p)" \
	"Extended IP access list INSIDE"
icmp=$(rule_packets router ip_INSIDE 10)
tcp=$(rule_packets router ip_INSIDE 20)
deny=$(rule_packets router ip_INSIDE 30)
expect_eq "three echo requests counted" "$icmp" 3
expect_match "the connection counted (SYN, ACK, FIN, ...)" "$tcp" '^[3-9]$|^[1-9][0-9]$'
expect_match "the refused SYN and the datagram counted" "$deny" '^([2-9]|[1-9][0-9])$'
expect_eq "show: matches from the kernel's counters" \
	"$(printf '%s\n' "$out" | sed 1d)" \
	"    10 permit icmp any any ($icmp matches)
    20 permit tcp any host 10.0.2.2 eq 8080 ($tcp matches)
    30 deny ip any any ($deny matches)"
run -c 'show ip access-lists INSIDE json'
expect_eq "json: the counters" \
	"$(printf '%s' "$out" | jq -c '[.access_lists[0].entries[] | [.sequence, .action, .matches]]')" \
	"[[10,\"permit\",$icmp],[20,\"permit\",$tcp],[30,\"deny\",$deny]]"
expect_eq "json: fields" \
	"$(printf '%s' "$out" | jq -c '.access_lists[0] | [.name, .family, .type,
	  .entries[1].protocol, .entries[1].destination,
	  .entries[1].destination_port]')" \
	'["INSIDE","ipv4","extended",6,{"kind":"host","address":"10.0.2.2"},{"operator":"eq","port":8080}]'
run -c 'show ip access-lists'
printf '%s\n' "$out" >"$tmp/acl.txt"
expect_eq "ntc template cisco_ios_show_ip_access-lists reads it" \
	"$("$PY" "$top_srcdir/tests/ntc/parse.py" 'show ip access-lists' \
	  "$tmp/acl.txt" | jq -c '[.[] | select(.line_num != "") | [.acl_name, .line_num, .action,
	  .protocol, .dst_host, .dst_port, .matches]]')" \
	"[[\"INSIDE\",\"10\",\"permit\",\"icmp\",\"\",\"\",\"$icmp\"],[\"INSIDE\",\"20\",\"permit\",\"tcp\",\"10.0.2.2\",\"8080\",\"$tcp\"],[\"INSIDE\",\"30\",\"deny\",\"ip\",\"\",\"\",\"$deny\"]]"

run -c 'show access-lists'
printf '%s\n' "$out" >"$tmp/acl2.txt"
expect_eq "ntc template cisco_ios_show_access-list reads it" \
	"$("$PY" "$top_srcdir/tests/ntc/parse.py" 'show access-lists' \
	  "$tmp/acl2.txt" | jq -c '[.[] | [.name, .sn, .action, .protocol, .matches]]')" \
	"[[\"INSIDE\",\"10\",\"permit\",\"icmp\",\"$icmp\"],[\"INSIDE\",\"20\",\"permit\",\"tcp\",\"$tcp\"],[\"INSIDE\",\"30\",\"deny\",\"ip\",\"$deny\"]]"
run -c 'show running-config vrf router'
expect_match "running-config vrf router: the list it uses" "$out" '^ip access-list extended INSIDE$'
expect_match "running-config vrf router: the group" "$out" '^ ip access-group INSIDE in$'
run -c 'show running-config vrf server'
if printf '%s\n' "$out" | grep -q 'access-list'; then
	fail "running-config vrf server shows a list it does not use"
else ok; fi

# an edit of a list in use takes effect at once
cfg 'ip access-list extended INSIDE' '25 permit tcp any any eq 9090'
expect_ok "edit in use"
if tcp_ok client 10.0.2.2 9090; then ok; else fail "tcp 9090 after the edit"; fi
cfg 'ip access-list extended INSIDE' '5 deny udp any any eq 7' \
	'27 deny udp any any eq 8' '28 deny udp any any eq 9' '40 deny udp any any eq 10'
expect_ok "edits at the head, in the middle, at the end"
expect_eq "the kernel's rules in sequence order, in the default VRF and the copy" \
	"$(nft -j list chain inet vrfsh ip_INSIDE | jq -c '[.nftables[].rule? | select(. != null) | .comment | split(" ")[0]]') $(ip netns exec router nft -j list chain inet vrfsh ip_INSIDE | jq -c '[.nftables[].rule? | select(. != null) | .comment | split(" ")[0]]')" \
	'["5","10","20","25","27","28","30","40","end"] ["5","10","20","25","27","28","30","40","end"]'
cfg 'ip access-list extended INSIDE' 'no 5' 'no 27' 'no 28' 'no 40'
expect_ok "and removed again"
expect_eq "counters of unchanged entries kept" "$(rule_packets router ip_INSIDE 10)" "$icmp"
run -c 'clear access-list counters INSIDE'
expect_eq "clear access-list counters: status" "$rc:$err:$out" "0::"
expect_eq "counters zeroed in the kernel" \
	"$(rule_packets router ip_INSIDE 10) $(rule_packets router ip_INSIDE 20)" "0 0"
run -c 'show ip access-lists INSIDE'
expect_eq "no (N matches) once cleared" "$(printf '%s\n' "$out" | sed -n 2p)" \
	"    10 permit icmp any any"
stop_listener
cfg 'interface r0 vrf router' 'no ip access-group INSIDE in' \
	'exit' 'no ip access-list extended INSIDE'
expect_ok "unbound and deleted"
expect_eq "the router's table is gone with it" \
	"$(ip netns exec router nft -j list tables | jq -c '[.nftables[].table? | select(. != null) | .name]')" \
	'[]'

# ---- NAT overload: no way back without it ----------------------------------
run -c 'configure terminal' -c 'no ip route vrf server 10.0.1.0/24 10.0.2.1'
expect_ok "the server's way back removed"
listen_in server 8080
if tcp_ok client 10.0.2.2 8080; then fail "a way back without NAT"; else ok; fi
cfg 'access-list 1 permit 10.0.1.0 0.0.0.255' \
	'interface r0 vrf router' 'ip nat inside' \
	'interface r1 vrf router' 'ip nat outside' 'exit' \
	'ip nat inside source list 1 interface r1 overload'
expect_ok "overload (vrf found from the interface)"
ip netns exec router conntrack -F >/dev/null 2>&1
if tcp_ok client 10.0.2.2 8080; then ok; else fail "tcp through NAT"; fi
expect_eq "the server sees the router's outside address" \
	"$(cat "$tmp/l/peers")" "8080 10.0.2.1"
run -c 'show ip nat translations vrf router'
expect_eq "translations: status" "$rc:$err" "0:"
printf '%s\n' "$out" >"$tmp/nat.txt"
expect_eq "translations: the header" "$(sed -n 1p "$tmp/nat.txt")" \
	"Pro Inside global      Inside local       Outside local      Outside global"
cport=$(ip netns exec router conntrack -L -p tcp --orig-src 10.0.1.2 \
	--orig-port-dst 8080 2>/dev/null | sed -n 's/.* sport=\([0-9]*\) dport=8080 .*/\1/p' | head -1)
gport=$(ip netns exec router conntrack -L -p tcp --orig-src 10.0.1.2 \
	--orig-port-dst 8080 2>/dev/null | sed -n 's/.*src=10.0.2.2 dst=10.0.2.1 sport=8080 dport=\([0-9]*\).*/\1/p' | head -1)
expect_match "conntrack sees the flow" "$cport:$gport" '^[0-9]+:[0-9]+$'
expect_eq "ntc template cisco_ios_show_ip_nat_translations reads the flow" \
	"$("$PY" "$top_srcdir/tests/ntc/parse.py" 'show ip nat translations' \
	  "$tmp/nat.txt" | jq -c '[.[] | select(.protocol == "tcp") |
	  [.inside_global_ip, .inside_global_port, .inside_local_ip,
	   .inside_local_port, .outside_local_ip, .outside_global_ip]]')" \
	"[[\"10.0.2.1\",\"$gport\",\"10.0.1.2\",\"$cport\",\"10.0.2.2\",\"10.0.2.2\"]]"
run -c 'show ip nat translations vrf router verbose'
expect_match "verbose: timeout, state, id" "$out" \
	'timeout: [0-9]+:[0-9]{2}:[0-9]{2} left, tcp state: [A-Z_]+, flags: extended.*, entry-id: [0-9]+'
run -c 'show ip nat translations vrf router json'
expect_eq "json: the flow" \
	"$(printf '%s' "$out" | jq -c '[.vrf, (.translations[] | select(.protocol == "tcp") |
	  [.inside_global, .inside_local, .outside_local.address, .static,
	   .direction, (.timeout > 0), (.id > 0)])]')" \
	"[\"router\",[{\"address\":\"10.0.2.1\",\"port\":$gport},{\"address\":\"10.0.1.2\",\"port\":$cport},\"10.0.2.2\",false,\"from inside\",true,true]]"
run -c 'show ip nat statistics vrf router'
expect_match "statistics: total" "$out" '^Total active translations: [1-9][0-9]* \(0 static, [1-9][0-9]* dynamic'
expect_match "statistics: interfaces" "$(printf '%s' "$out" | tr '\n' ' ')" \
	'Outside interfaces:   r1 Inside interfaces:   r0 '
expect_match "statistics: the mapping" "$out" \
	'^\[Id: 1\] access-list 1 interface r1 refcount 1$'
if ping_ok client 10.0.2.2 1; then ok; else fail "ping through NAT"; fi
run -c 'clear ip nat translation *'
expect_eq "clear in default: nothing there" "$rc:$err" "0:"
run -c 'clear ip nat translation vrf router *'
expect_eq "clear ip nat translation vrf router *" "$rc:$err:$out" "0::"
expect_eq "conntrack: no translation left" \
	"$(ip netns exec router conntrack -L -p tcp --orig-src 10.0.1.2 2>/dev/null | wc -l)" 0
run -c 'show ip nat translations vrf router'
expect_eq "no translation shown" "$out" \
	"Pro Inside global      Inside local       Outside local      Outside global"
stop_listener

# ---- a static port forward from outside ----------------------------------
cfg 'vrf router' 'ip nat inside source static tcp 10.0.1.2 8080 10.0.2.1 80'
expect_ok "port forward typed in VRF mode"
listen_in client 8080
if tcp_ok server 10.0.2.1 80; then ok; else fail "port forward reached"; fi
expect_eq "the client sees the server" "$(cat "$tmp/l/peers")" "8080 10.0.2.2"
run -c 'show ip nat translations vrf router'
expect_match "the static line" "$out" \
	'^tcp 10\.0\.2\.1:80 +10\.0\.1\.2:8080 +--- +---$'
expect_match "the flow from outside" "$out" \
	'^tcp 10\.0\.2\.1:80 +10\.0\.1\.2:8080 +10\.0\.2\.2:[0-9]+ +10\.0\.2\.2:[0-9]+$'
stop_listener

# ---- the running configuration of all that ----------------------------------
run -c 'show running-config'
expect_match "access-list 1 before the interfaces" \
	"$(printf '%s\n' "$out" | grep -n -e '^ip access-list standard 1$' -e '^interface ' | head -1)" \
	':ip access-list standard 1$'
expect_match "its entry" "$out" '^ 10 permit 10\.0\.1\.0 0\.0\.0\.255$'
expect_match "r0 inside" "$(printf '%s\n' "$out" | sed -n '/^interface r0$/,/^!/p' | tr '\n' '|')" \
	'\| ip nat inside\|'
expect_match "r1 outside" "$(printf '%s\n' "$out" | sed -n '/^interface r1$/,/^!/p' | tr '\n' '|')" \
	'\| ip nat outside\|'
expect_match "overload" "$out" \
	'^ip nat inside source list 1 interface r1 vrf router overload$'
expect_match "port forward" "$out" \
	'^ip nat inside source static tcp 10\.0\.1\.2 8080 10\.0\.2\.1 80 vrf router$'
expect_eq "a global address of the router's own: no alias" \
	"$(ip -n router -j route show table local proto 245 | jq length)" 0

# ---- a static translation to a free address of the outside subnet: the
# router takes it as its own (an alias, as IOS makes) and answers ARP ------
cfg 'ip nat inside source static 10.0.1.2 10.0.2.100 vrf router'
expect_ok "static 1:1 to an address of the outside subnet"
expect_eq "the alias: a local route of vrfsh's, by lo" \
	"$(ip -n router -j route show table local 10.0.2.100 | \
	  jq -c '[.[] | [.type, .protocol, .dev, .scope]]')" \
	'[["local","245","lo","host"]]'
listen_in server 8080
ip netns exec router conntrack -F >/dev/null 2>&1
if tcp_ok client 10.0.2.2 8080; then ok; else fail "tcp through the 1:1 translation"; fi
expect_eq "the server sees the global address (static before overload)" \
	"$(cat "$tmp/l/peers")" "8080 10.0.2.100"
expect_eq "the server learnt it from the router's ARP answer" \
	"$(ip -n server -j neigh show 10.0.2.100 | jq -r '.[0].lladdr')" \
	"$(ip -n router -j link show r1 | jq -r '.[0].address')"
stop_listener
listen_in client 9090
if tcp_ok server 10.0.2.100 9090; then ok; else fail "from outside to the global address"; fi
stop_listener
run -c 'show ip route vrf router 10.0.2.100'
expect_eq "show ip route: the address is the router's" "$rc:$err" "0:"
cfg 'ip nat inside source static 10.0.1.3 10.0.2.100 vrf router'
expect_match "a second translation to the same global address refused" "$err" \
	'the global address is already translated otherwise'
cfg 'no ip nat inside source static 10.0.1.2 10.0.2.100 vrf router'
expect_ok "the 1:1 translation removed"
expect_eq "its alias with it" \
	"$(ip -n router -j route show table local proto 245 | jq length)" 0
cfg 'no ip nat inside source list 1 interface r1 vrf router overload' \
	'no ip nat inside source static tcp 10.0.1.2 8080 10.0.2.1 80 vrf router' \
	'interface r0 vrf router' 'no ip nat inside' \
	'interface r1 vrf router' 'no ip nat outside' 'exit' 'no access-list 1'
expect_ok "NAT undone"
expect_eq "nothing left in the router's nftables" "$(nft_norm router)" ""

# ---- IPv6 lists --------------------------------------------------------------
# no explicit deny: the implicit end lets neighbour discovery through
cfg 'ipv6 access-list V6IN' 'permit icmp any any echo-request' \
	'sequence 20 permit tcp any host fd00:2::2 eq 8080' \
	'interface r0 vrf router' 'ipv6 traffic-filter V6IN in'
expect_ok "IPv6 list applied"
listen_in server 8080 9090
if ping_ok client fd00:2::2 2; then ok; else fail "ping6 through the list"; fi
if tcp_ok client fd00:2::2 8080; then ok; else fail "tcp6 8080 permitted"; fi
if tcp_ok client fd00:2::2 9090; then fail "tcp6 9090 passed"; else ok; fi
# neighbour discovery still works through the implicit end
ip -n router neigh flush dev r0 >/dev/null 2>&1
if ping_ok client fd00:2::2 1; then ok; else fail "ping6 after a neighbour flush"; fi
expect_eq "the listener saw 8080" "$(cat "$tmp/l/peers")" "8080 fd00:1::2"
run -c 'show ipv6 access-list V6IN'
expect_eq "show ipv6 access-list" "$(printf '%s\n' "$out" | sed 's/([0-9]* match\(es\)*) //')" \
	"IPv6 access list V6IN
    permit icmp any any echo-request sequence 10
    permit tcp any host fd00:2::2 eq 8080 sequence 20"
expect_match "echo requests counted" "$(printf '%s\n' "$out" | sed -n 2p)" \
	'echo-request \([3-9] matches\) sequence 10$'
expect_eq "the kernel counts the same" "$(rule_packets router ipv6_V6IN 10)" \
	"$(printf '%s\n' "$out" | sed -n 's/.*(\([0-9]*\) match.*sequence 10$/\1/p')"
run -c 'show ipv6 access-list V6IN json'
expect_match "the implicit deny counted the refused SYN" \
	"$(printf '%s' "$out" | jq '.access_lists[0].implicit_deny_matches')" '^[1-9]'
stop_listener

# ---- an interface that moves takes its groups along ----------------------
cfg 'vrf spare' 'exit' 'interface r0 vrf router' 'vrf forwarding spare'
expect_eq "moved: status" "$rc" 0
expect_eq "the old VRF's table no longer names r0" \
	"$(ip netns exec router nft -j list ruleset | jq -c '[.nftables[].rule? | select(. != null) | .comment | select(startswith("ipv6 r0"))]')" \
	'[]'
expect_eq "the new VRF's table does" \
	"$(ip netns exec spare nft -j list chain inet vrfsh acl-in | jq -c '[.nftables[].rule? | select(. != null) | .comment]')" \
	'["ipv6 r0 V6IN"]'
run -c 'show running-config interface r0 vrf spare'
expect_match "running-config follows" "$out" '^ ipv6 traffic-filter V6IN in$'
# deleting a veth: its groups go from both ends' VRFs
cfg 'interface c0 vrf client' 'ipv6 traffic-filter V6IN out' 'exit' \
	'no interface c0 vrf client'
expect_eq "deleted: status" "$rc:$err" "0:"
expect_eq "both ends' tables are empty (and gone)" \
	"$(nft_norm client)$(nft_norm spare)" ""
run -c 'configure terminal' -c 'no ipv6 access-list V6IN'
expect_ok "the list, now unused, deleted"

finish
