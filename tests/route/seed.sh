#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The seed walkthrough (examples/seed-blue.conf) finished with vrfsh's own
# ping in both directions, and the seed's unreachable case from Blue
# (10.10.10.1: Blue has no route out, so nothing is ever sent) reported
# as a clear failure.  Then the same over IPv6, and show ip arp.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/route/common.sh"

run -f "$top_srcdir/examples/seed-blue.conf"
expect_ok "vrfsh -f seed-blue.conf"
wait_oper default vetha
wait_oper Blue vethb

pkts() { ns_ip "$1" -s -j link show dev "$2" | jq ".[0].stats64.$3.packets"; }

# default -> Blue
rx0=$(pkts Blue vethb rx)
run -c 'ping 192.168.100.2'
ping_ok "ping 192.168.100.2 (from default)" 5 100 192.168.100.2 2
expect_match "the echoes came over vethb" \
	"$(($(pkts Blue vethb rx) - rx0))" '^([5-9]|[1-9][0-9]+)$'

# Blue -> default
rx0=$(pkts default vetha rx)
run -c 'ping vrf Blue 192.168.100.1'
ping_ok "ping vrf Blue 192.168.100.1" 5 100 192.168.100.1 2
expect_match "the echoes came over vetha" \
	"$(($(pkts default vetha rx) - rx0))" '^([5-9]|[1-9][0-9]+)$'

# the same from inside the VRF with routing-context, from a file
printf 'routing-context vrf Blue\nping 192.168.100.1 repeat 2\n' >"$tmp/rc"
run -f "$tmp/rc"
ping_ok "routing-context vrf Blue; ping 192.168.100.1" 2 100 \
	192.168.100.1 2

# Blue cannot reach 10.10.10.1: no route, U for every probe, 0 percent,
# a failed command, and not one packet leaves Blue
expect_eq "Blue has no route to 10.10.10.1 (kernel)" \
	"$(ip -n Blue route get 10.10.10.1 2>&1 | grep -c unreachable)" 1
# snmp VRF PROTO FIELD : a counter of /proc/net/snmp in that VRF
snmp() {
	ip netns exec "$1" cat /proc/net/snmp | awk -v p="$2:" -v f="$3" \
		'$1 == p && !h { for (i = 2; i <= NF; i++) c[$i] = i; h = 1;
		   next } $1 == p { print $c[f] }'
}
echos0=$(snmp Blue Icmp OutEchos)
run -c 'ping vrf Blue 10.10.10.1'
ping_none "ping vrf Blue 10.10.10.1" 5 10.10.10.1 2 U
expect_eq "ping vrf Blue 10.10.10.1: the error" "$err" \
	"-c 1: % No reply from 10.10.10.1"
run -c 'ping vrf Blue 10.10.10.1 repeat 2 timeout 1'
ping_none "ping vrf Blue 10.10.10.1 repeat 2 timeout 1" 2 10.10.10.1 1 U
run -c 'traceroute vrf Blue 10.10.10.1'
expect_eq "traceroute vrf Blue 10.10.10.1: status" "$rc" 1
expect_eq "traceroute vrf Blue 10.10.10.1: the error" "$err" \
	"-c 1: % No route to 10.10.10.1 in VRF Blue"
expect_eq "traceroute vrf Blue 10.10.10.1: one hop, !N" \
	"$(printf '%s\n' "$out" | sed -n '4,$p')" "  1 !N !N !N"
expect_eq "no echo request left Blue" "$(snmp Blue Icmp OutEchos)" "$echos0"
# ...and the counter does count vrfsh's echoes
run -c 'ping vrf Blue 192.168.100.1 repeat 2'
expect_eq "the witness counts vrfsh's echoes" \
	"$(($(snmp Blue Icmp OutEchos) - echos0))" 2
# --keep-going: the failure is still the exit status
run --keep-going -c 'ping vrf Blue 10.10.10.1 repeat 1' \
	-c 'ping vrf Blue 192.168.100.1 repeat 1'
expect_eq "--keep-going: exit 1, the next ping ran" \
	"$rc:$(printf '%s\n' "$out" | grep -c '^Success rate is 100 percent')" \
	"1:1"

# show ip arp after the pings, compared with ip -j neigh
arp_cmp() {	# VRF FAMILY-FLAG SHOW
	tries=0
	while :; do
		run -c "$3 json"
		a=$(printf '%s' "$out" | jq -c \
			'[.neighbors[] | select(.state != "noarp") |
			  [.address, .mac, .interface, .state]] | sort')
		k=$(ns_ip "$1" "$2" -j neigh show nud all | jq -c \
			'[.[] | select(.state != ["NOARP"]) | [.dst, .lladdr,
			  .dev, (.state[0] | ascii_downcase)]] | sort')
		[ "$a" = "$k" ] || [ $tries -ge 3 ] && break
		tries=$((tries + 1))
	done
	expect_eq "$3 json = ip -j neigh" "$a" "$k"
}
arp_cmp Blue -4 'show ip arp vrf Blue'
arp_cmp default -4 'show ip arp'
mac_a=$(jlink default vetha .address | tr -d '"')
run -c 'show ip arp vrf Blue json'
expect_eq "show ip arp vrf Blue json: vetha's entry" \
	"$(printf '%s' "$out" | jq -c '[.vrf, (.neighbors[] |
	   select(.address == "192.168.100.1") | .mac, .interface)]')" \
	"[\"Blue\",\"$mac_a\",\"vethb\"]"
dotted() { printf '%s' "$1" | tr -d : | sed 's/^\(....\)\(....\)/\1.\2./'; }
run -c 'show ip arp vrf Blue'
expect_eq "show ip arp: IOS's header" "$(printf '%s\n' "$out" | sed -n 1p)" \
	"Protocol  Address          Age (min)  Hardware Addr   Type   Interface"
has_line "show ip arp: vetha's line, its age in minutes" "$out" \
	"^Internet  192\.168\.100\.1 +[0-9]+   $(dotted "$mac_a")  ARPA   vethb$"
mac_b=$(jlink Blue vethb .address | tr -d '"')
has_line "show ip arp: the VRF's own address, age -" "$out" \
	"^Internet  192\.168\.100\.2 +-   $(dotted "$mac_b")  ARPA   vethb$"
age=$(printf '%s\n' "$out" | awk '$2 == "192.168.100.1" { print $3 }')
k=$(ip -n Blue -s -j neigh show 192.168.100.1 | jq '.[0].confirmed / 60 | floor')
expect_eq "show ip arp: the age is the kernel's" \
	"$([ "$age" -ge $((k - 1)) ] && [ "$age" -le $((k + 1)) ] && echo yes)" yes

# IPv6 on the same link
cfg 'interface vetha' 'ipv6 address 2001:db8:100::1/64' \
	'interface vethb vrf Blue' 'ipv6 address 2001:db8:100::2/64'
expect_ok "IPv6 addresses"
wait_dad default Blue
run -c 'ping vrf Blue 2001:db8:100::1'
ping_ok "ping vrf Blue 2001:db8:100::1" 5 100 2001:db8:100::1 2
run -c 'ping 2001:db8:100::2 repeat 2'
ping_ok "ping 2001:db8:100::2 (from default)" 2 100 2001:db8:100::2 2
run -c 'ping vrf Blue 2001:db8:200::1 repeat 2 timeout 1'
ping_none "ping vrf Blue 2001:db8:200::1 (no route)" 2 2001:db8:200::1 1 U
arp_cmp Blue -6 'show ipv6 neighbors vrf Blue'
mac_a6=$(jlink default vetha .address | tr -d '"')
run -c 'show ipv6 neighbors vrf Blue'
expect_eq "show ipv6 neighbors: IOS's header" "$(printf '%s\n' "$out" | sed -n 1p)" \
	"IPv6 Address                              Age Link-layer Addr State Interface"
has_line "show ipv6 neighbors: vetha's line" "$out" \
	"^2001:DB8:100::1 +[0-9]+ $(dotted "$mac_a6")  (REACH|STALE|DELAY|PROBE) vethb$"
expect_eq "show ipv6 neighbors: no multicast (noarp) entries" \
	"$(printf '%s\n' "$out" | grep -ci '^ff0')" 0

finish
