#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Static routes and show ip route / show ipv6 route: the JSON compared
# with ip -j route of the same namespace (prefixes, gateways, interfaces,
# protocols, distance = kernel metric), vrf all, the Cisco text layout,
# longest match, prefix and protocol selections, and the no forms, with
# routes added both by vrfsh and by ip.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/route/common.sh"

lab
cfg 'interface r1-r2 vrf R1' 'ipv6 address 2001:db8:12::1/64' \
	'interface r2-r1 vrf R2' 'ipv6 address 2001:db8:12::2/64' \
	'ip route vrf R1 10.30.0.0/16 10.0.12.2 250' \
	'ip route vrf R1 10.41.0.0 255.255.0.0 r1-r2' \
	'ip route vrf R1 10.42.0.0/16 r1-r2 10.0.12.2' \
	'ip route vrf R1 10.0.0.0/8 10.0.12.2 20' \
	'ipv6 route vrf R1 2001:db8:23::/64 2001:db8:12::2' \
	'ipv6 route vrf R1 2001:db8:98::/48 r1-r2 50' \
	'vrf R3' 'ip route 10.60.0.0 255.255.0.0 10.0.23.2' \
	'ipv6 route 2001:db8:12::/64 r3-r2' \
	'exit' 'ip route 10.70.0.0/16 lo'
expect_ok "static routes"
# routes from another tool: boot (ip's default) and a link route
ip -n R1 route add 10.8.0.0/16 via 10.0.12.2
ip -n R1 route add 10.9.0.0/16 dev r1-r2
ip -n R1 -6 route add 2001:db8:97::/48 via 2001:db8:12::2 2>/dev/null ||
	ip -n R1 -6 route add 2001:db8:97::/48 dev r1-r2
wait_dad R1 R2

# -- the kernel agrees with what vrfsh was asked for (ip -j as witness)
kr() {	# VRF FAMILY PREFIX : "gateway dev protocol metric" from ip -j
	ns_ip "$1" -"$2" -j route show table main "$3" | jq -r \
		'[.[] | "\(.gateway) \(.dev) \(.protocol // "boot") \(.metric // 0)"]
		 | join(",")'
}
expect_eq "distance 250 is metric 250" "$(kr R1 4 10.30.0.0/16)" \
	"10.0.12.2 r1-r2 static 250"
expect_eq "dotted mask, interface only" "$(kr R1 4 10.41.0.0/16)" \
	"null r1-r2 static 1"
expect_eq "interface and next hop" "$(kr R1 4 10.42.0.0/16)" \
	"10.0.12.2 r1-r2 static 1"
expect_eq "in VRF config mode: R3" "$(kr R3 4 10.60.0.0/16)" \
	"10.0.23.2 r3-r2 static 1"
expect_eq "...and not in R1" "$(kr R1 4 10.60.0.0/16)" ""
expect_eq "in the default VRF" "$(kr default 4 10.70.0.0/16)" \
	"null lo static 1"
expect_eq "IPv6 static via a gateway" "$(kr R1 6 2001:db8:23::/64)" \
	"2001:db8:12::2 r1-r2 static 1"
expect_eq "IPv6 static via an interface, distance 50" \
	"$(kr R1 6 2001:db8:98::/48)" "null r1-r2 static 50"
expect_eq "IPv6 static in VRF config mode" "$(kr R3 6 2001:db8:12::/64)" \
	"null r3-r2 static 1"

# -- show ... json against ip -j route, table main (and local)
vrfsh_main() {	# VRF 4|6 : the non-local routes of show ip[v6] route json
	if [ "$2" = 4 ]; then s="show ip route"; else s="show ipv6 route"; fi
	run -c "$s vrf $1 json"
	printf '%s' "$out" | jq -c '[.routes[] | select(.protocol != "local")
		| [.prefix, .protocol, [.nexthops[] | [.gateway, .interface]],
		   (if .protocol == "connected" then null else .distance end)]]
		| sort'
}
kernel_main() {	# VRF 4|6 : the same from ip -j route show table main
	ns_ip "$1" -"$2" -j route show table main | jq -c --arg f "$2" '
		def pfx: if .dst == "default" then
				(if $f == "4" then "0.0.0.0/0" else "::/0" end)
			elif (.dst | contains("/")) then .dst
			else .dst + (if $f == "4" then "/32" else "/128" end) end;
		def proto: (.protocol // "boot") as $p |
			if $p == "kernel" and .gateway == null then "connected"
			elif $p == "boot" or $p == "kernel" then "kernel"
			else $p end;
		[.[] | [pfx, proto, [[.gateway, .dev]],
			(if proto == "connected" then null else (.metric // 0)
			 end)]] | sort'
}
vrfsh_local() {
	if [ "$2" = 4 ]; then s="show ip route"; else s="show ipv6 route"; fi
	run -c "$s vrf $1 local json"
	printf '%s' "$out" | jq -c '[.routes[] | [.prefix, .protocol,
		[.nexthops[] | [.gateway, .interface]]]] | sort'
}
kernel_local() {
	ns_ip "$1" -"$2" -j route show table local type local | jq -c \
		--arg f "$2" '[.[] | [(if (.dst | contains("/")) then .dst
		else .dst + (if $f == "4" then "/32" else "/128" end) end),
		"local", [[null, .dev]]]] | sort'
}
for v in default R1 R2 R3; do
	for f in 4 6; do
		got=$(vrfsh_main $v $f)
		expect_eq "show ip$([ $f = 6 ] && echo v6) route vrf $v json = ip -$f -j route (main)" \
			"$got" "$(kernel_main $v $f)"
		expect_eq "vrf $v -$f: local routes = ip -j route table local" \
			"$(vrfsh_local $v $f)" "$(kernel_local $v $f)"
	done
done
# the witness must see what vrfsh adds, or the comparison proves little
got=$(vrfsh_main R1 4)
expect_match "R1's json has every kind" "$got" \
'"10\.0\.12\.0/24","connected",\[\[null,"r1-r2"\]\],null.*"10\.30\.0\.0/16","static",\[\["10\.0\.12\.2","r1-r2"\]\],250.*"10\.8\.0\.0/16","kernel",\[\["10\.0\.12\.2","r1-r2"\]\],0.*"10\.9\.0\.0/16","kernel",\[\[null,"r1-r2"\]\],0'

# the shape of one document (contract section 7)
run -c 'show ip route vrf R1 json'
expect_eq "json: keys and types" "$(printf '%s' "$out" | jq -c '[keys,
	(.routes | map(keys) | unique),
	(.routes | map(.nexthops[] | keys) | unique),
	(.routes | map([.prefix, .protocol, .distance, .metric] |
	  map(type)) | unique)]')" \
'[["routes","vrf"],[["active","distance","installed","metric","nexthops","prefix","protocol","type"]],[["active","gateway","interface"]],[["string","string","number","number"]]]'
expect_eq "json: vrf name" "$(printf '%s' "$out" | jq -r .vrf)" R1
run -c 'show ip route json'
expect_eq "json: default VRF is named default" \
	"$(printf '%s' "$out" | jq -r .vrf)" default

# -- vrf all: {"vrfs": [one document per VRF]}
run -c 'show ip route vrf all json'
all=$out
expect_eq "vrf all: the VRFs" "$(printf '%s' "$all" | jq -c \
	'[keys, [.vrfs[].vrf]]')" '[["vrfs"],["default","R1","R2","R3"]]'
for v in default R1 R2 R3; do
	run -c "show ip route vrf $v json"
	expect_eq "vrf all: $v as alone" "$(printf '%s' "$all" | jq -c \
		--arg v $v '.vrfs[] | select(.vrf == $v)')" \
		"$(printf '%s' "$out" | jq -c .)"
done
run -c 'show ipv6 route vrf all json'
expect_eq "ipv6 vrf all: R1 as alone" "$(printf '%s' "$out" | jq -c \
	'.vrfs[] | select(.vrf == "R1") | [.routes[].prefix]')" \
	"$(run -c 'show ipv6 route vrf R1 json'; printf '%s' "$out" |
	   jq -c '[.routes[].prefix]')"

# -- text layout
run -c 'show ip route vrf R1'
expect_eq "text: status" "$rc:$err" "0:"
txt=$out
expect_eq "text: the table is named" "$(printf '%s\n' "$txt" | sed -n 1p)" \
	"Routing Table: R1"
expect_match "text: codes legend" "$(printf '%s\n' "$txt" | sed -n 2p)" \
	'^Codes: L - local, C - connected, S - static, K - kernel'
has_line "text: gateway of last resort not set" "$txt" \
	'^Gateway of last resort is not set$'
has_line "text: connected" "$txt" \
	'^C +10\.0\.12\.0/24 is directly connected, r1-r2$'
has_line "text: local" "$txt" \
	'^L +10\.0\.12\.1/32 is directly connected, r1-r2$'
has_line "text: static" "$txt" \
	'^S +10\.0\.23\.0/24 \[1/0\] via 10\.0\.12\.2, r1-r2$'
has_line "text: distance 250" "$txt" \
	'^S +10\.30\.0\.0/16 \[250/0\] via 10\.0\.12\.2, r1-r2$'
has_line "text: static via an interface" "$txt" \
	'^S +10\.41\.0\.0/16 is directly connected, r1-r2$'
has_line "text: kernel (ip route add)" "$txt" \
	'^K +10\.8\.0\.0/16 \[0/0\] via 10\.0\.12\.2, r1-r2$'
has_line "text: kernel link route" "$txt" \
	'^K +10\.9\.0\.0/16 is directly connected, r1-r2$'
expect_eq "text: one line per active route" \
	"$(printf '%s\n' "$txt" | grep -Ec '^[LCSK][* ] ')" \
	"$(run -c 'show ip route vrf R1 json'; printf '%s' "$out" |
	   jq '[.routes[] | select(.active)] | length')"
# a default route
cfg 'ip route vrf R1 0.0.0.0 0.0.0.0 10.0.12.2'
expect_ok "default route"
expect_eq "default route in the kernel" "$(kr R1 4 default)" \
	"10.0.12.2 r1-r2 static 1"
run -c 'show ip route vrf R1'
has_line "text: gateway of last resort" "$out" \
	'^Gateway of last resort is 10\.0\.12\.2 to network 0\.0\.0\.0$'
has_line "text: candidate default" "$out" \
	'^S\* +0\.0\.0\.0/0 \[1/0\] via 10\.0\.12\.2, r1-r2$'
cfg 'no ip route vrf R1 0.0.0.0/0 10.0.12.2'
expect_ok "no default route"
expect_eq "default route gone from the kernel" "$(kr R1 4 default)" ""
run -c 'show ip route vrf R1'
has_line "text: gateway of last resort not set again" "$out" \
	'^Gateway of last resort is not set$'
# vrf all: one table per VRF
run -c 'show ip route vrf all'
expect_eq "text vrf all: four legends" \
	"$(printf '%s\n' "$out" | grep -c '^Codes:')" 4
expect_eq "text vrf all: named tables" \
	"$(printf '%s\n' "$out" | grep '^Routing Table:' | tr '\n' ,)" \
	"Routing Table: R1,Routing Table: R2,Routing Table: R3,"
# IPv6: IOS's two-line entries, addresses in upper case
run -c 'show ipv6 route vrf R1'
expect_eq "ipv6 text: header" "$(printf '%s\n' "$out" | sed -n 1p)" \
	"IPv6 Routing Table - R1 - $(printf '%s\n' "$out" |
	grep -Ec '^[A-Z] +[0-9A-F:]+/[0-9]+ \[[0-9]+/0\]$') entries"
has_entry() {	# NAME TEXT LINE NEXT-LINE : LINE is followed by NEXT-LINE
	if printf '%s\n' "$2" | grep -Fx -A1 -- "$3" | sed -n 2p |
	   grep -Fxq -- "$4"; then ok; else
		fail "$1: no [$3] then [$4] in [$2]"
	fi
}
has_entry "ipv6 text: connected" "$out" 'C   2001:DB8:12::/64 [0/0]' \
	'     via r1-r2, directly connected'
has_entry "ipv6 text: local" "$out" 'L   2001:DB8:12::1/128 [0/0]' \
	'     via r1-r2, receive'
has_entry "ipv6 text: static" "$out" 'S   2001:DB8:23::/64 [1/0]' \
	'     via 2001:DB8:12::2, r1-r2'
has_entry "ipv6 text: static via an interface" "$out" \
	'S   2001:DB8:98::/48 [50/0]' '     via r1-r2, directly connected'
has_line "ipv6 text: kernel" "$out" '^K   2001:DB8:97::/48 \[1024/0\]$'
# -- an address: the longest match, in detail
detail() {	# NAME ADDRESS WANT
	run -c "show ip route vrf R1 $2"
	expect_eq "$1" "$rc:$out" "0:$3"
}
detail "address under /24 and /8: the /24" 10.0.23.77 \
'Routing Table: R1
Routing entry for 10.0.23.0/24
  Known via "static", distance 1, metric 0
  Routing Descriptor Blocks:
  * 10.0.12.2
      Route metric is 0, traffic share count is 1'
detail "address under the /8 only" 10.200.0.1 \
'Routing Table: R1
Routing entry for 10.0.0.0/8
  Known via "static", distance 20, metric 0
  Routing Descriptor Blocks:
  * 10.0.12.2
      Route metric is 0, traffic share count is 1'
detail "address on the connected subnet" 10.0.12.77 \
'Routing Table: R1
Routing entry for 10.0.12.0/24
  Known via "connected", distance 0, metric 0 (connected, via interface)
  Routing Descriptor Blocks:
  * directly connected, via r1-r2
      Route metric is 0, traffic share count is 1'
detail "a route made by ip, with its interface" 10.8.1.1 \
'Routing Table: R1
Routing entry for 10.8.0.0/16
  Known via "kernel", distance 0, metric 0
  Routing Descriptor Blocks:
  * 10.0.12.2, via r1-r2
      Route metric is 0, traffic share count is 1'
expect_eq "the kernel agrees on 10.200.0.1" \
	"$(ip -n R1 -j route get 10.200.0.1 | jq -r '.[0].gateway')" 10.0.12.2
run -c 'show ip route vrf R1 10.0.23.77 json'
expect_eq "address, json" "$(printf '%s' "$out" | jq -c \
	'[.routes[] | [.prefix, .protocol]]')" '[["10.0.23.0/24","static"]]'
run -c 'show ip route vrf R1 192.0.2.1'
expect_eq "address not covered" "$rc:$err" "1:-c 1: % Network not in table"
run -c 'show ipv6 route vrf R1 2001:db8:23::99'
expect_eq "ipv6 address" "$rc:$(printf '%s\n' "$out" | sed -n 2p)" \
	"0:Routing entry for 2001:DB8:23::/64"
# -- a prefix: exactly that one
run -c 'show ip route vrf R1 10.0.23.0/24'
expect_eq "prefix: its block" "$rc:$(printf '%s\n' "$out" | sed -n 2,3p)" \
	'0:Routing entry for 10.0.23.0/24
  Known via "static", distance 1, metric 0'
run -c 'show ip route vrf R1 10.0.23.0 255.255.255.0'
expect_eq "prefix as network and mask: the same" "$rc:$(printf '%s\n' \
	"$out" | sed -n 2p)" '0:Routing entry for 10.0.23.0/24'
run -c 'show ip route vrf R1 10.0.0.0/8 json'
expect_eq "prefix json: exactly the /8" "$(printf '%s' "$out" | jq -c \
	'[.routes[].prefix]')" '["10.0.0.0/8"]'
run -c 'show ip route vrf R1 10.0.24.0/24'
expect_eq "prefix not in the table" "$rc:$err" \
	"1:-c 1: % Network not in table"
expect_eq "prefix not in the table: no legend" "$out" ""
# -- one protocol
for p in connected static kernel local; do
	c=$(echo $p | cut -c1 | tr a-z A-Z)
	run -c "show ip route vrf R1 $p"
	codes=$(printf '%s\n' "$out" | grep -E '^[A-Z][* ] ' | cut -c1 |
		sort -u | tr -d '\n')
	expect_eq "filter $p: only $c lines" "$rc:$codes" "0:$c"
	run -c "show ip route vrf R1 $p json"
	expect_eq "filter $p json: only $p" "$(printf '%s' "$out" | jq -r \
		'[.routes[].protocol] | unique | join(",")')" "$p"
done
run -c 'show ip route vrf R1 kernel json'
expect_eq "filter kernel: the ip-added routes" "$(printf '%s' "$out" | jq -c \
	'[.routes[].prefix]')" '["10.8.0.0/16","10.9.0.0/16"]'
run -c 'show ipv6 route vrf R1 static json'
expect_eq "ipv6 filter static" "$(printf '%s' "$out" | jq -c \
	'[.routes[] | [.prefix, .distance]]')" \
	'[["2001:db8:23::/64",1],["2001:db8:98::/48",50]]'

# -- no forms
cfg 'no ip route vrf R1 10.30.0.0/16 10.0.12.2'
expect_ok "no ip route with next hop"
expect_eq "... gone" "$(kr R1 4 10.30.0.0/16)" ""
cfg 'no ip route vrf R1 10.41.0.0 255.255.0.0'
expect_ok "no ip route, dotted mask, no next hop"
expect_eq "... gone" "$(kr R1 4 10.41.0.0/16)" ""
cfg 'no ip route vrf R1 10.42.0.0/16 r1-r2 10.0.12.2'
expect_ok "no ip route with interface and next hop"
expect_eq "... gone" "$(kr R1 4 10.42.0.0/16)" ""
cfg 'ip route vrf R1 10.50.0.0/16 10.0.12.2' \
	'ip route vrf R1 10.50.0.0/16 10.0.12.2 5'
expect_ok "the same prefix at two distances"
expect_eq "... both in the kernel" "$(kr R1 4 10.50.0.0/16)" \
	"10.0.12.2 r1-r2 static 1,10.0.12.2 r1-r2 static 5"
cfg 'no ip route vrf R1 10.50.0.0/16 10.0.12.2 5'
expect_ok "no ip route with a distance"
expect_eq "... only that one went" "$(kr R1 4 10.50.0.0/16)" \
	"10.0.12.2 r1-r2 static 1"
cfg 'vrf R1' 'no ip route 10.50.0.0/16'
expect_ok "no ip route in VRF config mode"
expect_eq "... gone" "$(kr R1 4 10.50.0.0/16)" ""
cfg 'no ip route vrf R1 10.8.0.0/16'
expect_ok "no ip route of a route ip added"
expect_eq "... gone" "$(kr R1 4 10.8.0.0/16)" ""
cfg 'no ip route 10.70.0.0/16 lo'
expect_ok "no ip route in the default VRF"
expect_eq "... gone" "$(kr default 4 10.70.0.0/16)" ""
cfg 'no ipv6 route vrf R1 2001:db8:23::/64 2001:db8:12::2' \
	'no ipv6 route vrf R1 2001:db8:98::/48' \
	'vrf R3' 'no ipv6 route 2001:db8:12::/64 r3-r2'
expect_ok "no ipv6 route forms"
expect_eq "IPv6 statics gone" "$(kr R1 6 2001:db8:23::/64)$(kr R1 6 \
	2001:db8:98::/48)$(kr R3 6 2001:db8:12::/64)" ""
run -c 'show ipv6 route vrf R1 static json'
expect_eq "show ipv6 route static: none left" \
	"$(printf '%s' "$out" | jq -c .routes)" '[]'
# the connected routes are not static routes: no removes nothing
cfg 'no ip route vrf R1 10.0.12.0/24'
expect_eq "no ip route of a connected route fails" "$rc" 1
expect_eq "... and it stays" "$(kr R1 4 10.0.12.0/24)" "null r1-r2 kernel 0"

finish
