#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Without privilege: vrfsh run as nobody with no capabilities, inside the
# sandbox.  Show commands still work for the namespace it runs in; every
# change is refused with "% Permission denied: ..." and changes nothing.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

if ! command -v setpriv >/dev/null 2>&1; then
	echo "setpriv is not installed: skipping" >&2
	exit 77
fi
NOBODY="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
if ! $NOBODY test -x "$VRFSH"; then
	echo "$VRFSH cannot be run by uid 65534: skipping" >&2
	exit 77
fi

# urun ARGS... : run vrfsh as nobody; sets $out, $err, $rc
urun() {
	(cd / && $NOBODY "$VRFSH" "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

cfg 'vrf Blue' 'exit' \
	'interface va type veth peer vb vrf Blue' 'ip address 10.0.0.1/24' \
	'no shutdown' 'description uplink' \
	'interface vb vrf Blue' 'ip address 10.0.0.2/24' 'no shutdown' \
	'interface br0 type bridge'
expect_ok "setup (as root)"
settle
urun -c 'show version'
expect_eq "nobody runs vrfsh" "$rc" 0
expect_eq "really without CAP_NET_ADMIN" \
	"$($NOBODY sh -c 'grep ^CapEff: /proc/self/status' | awk '{print $2}')" \
	0000000000000000
snapshot "$tmp/before"

# ---- show commands work for the namespace it runs in
urun -c 'show interfaces json'
expect_eq "show interfaces json: status" "$rc:$err" "0:"
expect_eq "show interfaces json: the kernel's links" \
	"$(printf '%s' "$out" | jq -c '[.interfaces[] | [.name, .ifindex, .mtu, .description, .ipv4]]')" \
	"$(ip -j -d addr | jq -c '[.[] | [.ifname, .ifindex, .mtu, (.ifalias // null),
	  [.addr_info[] | select(.family == "inet") | "\(.local)/\(.prefixlen)"]]]')"
urun -c 'show interfaces va'
expect_match "show interfaces va" "$out" "^va is up, line protocol is up"
urun -c 'show ip interface brief json'
expect_eq "show ip interface brief json" \
	"$rc:$(printf '%s' "$out" | jq -c '[.vrf, [.interfaces[] | [.name, .ipv4]]]')" \
	'0:["default",[["lo","127.0.0.1/8"],["va","10.0.0.1/24"],["br0",null]]]'
urun -c 'show vrf json'
expect_eq "show vrf json: status" "$rc:$err" "0:"
expect_eq "show vrf json: default readable" \
	"$(printf '%s' "$out" | jq -c '.vrfs[0] | [.name, .ip_routing, (.interfaces | sort)]')" \
	'["default",false,["br0","lo","va"]]'
expect_eq "show vrf json: Blue listed" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[].name]')" '["default","Blue"]'
urun -c 'show vrf'
expect_eq "show vrf text: default, one interface a line" \
	"$(printf '%s\n' "$out" | sed -n '2,4p' | tr -s ' ')" \
	" default <not set> ipv4,ipv6 lo
 va
 br0"
urun -c 'show vrf | include Blue'
expect_match "show vrf text: Blue, which cannot be read" "$out" \
	'^  Blue +<not set>$'
urun -c 'show vrf detail Blue'
expect_match "show vrf detail: why Blue is not read" "$out" \
	'^  Flags: cannot enter the namespace \(.+\)$'
# entering another namespace needs CAP_SYS_ADMIN: refused, not wrong
urun -c 'show interfaces vrf Blue'
expect_match "show interfaces vrf Blue" "$rc:$err" \
	'^1:-c 1: % (Error: )?Permission denied: .+$'
# 'vrf all': a VRF that cannot be entered is reported, the others shown
for c in 'show interfaces vrf all' 'show ip interface brief vrf all' \
	 'show ip route vrf all' 'show running-config'; do
	urun -c "$c"
	expect_match "$c: Blue reported" "$rc:$err" \
		'^1:-c 1: % Error: Permission denied: cannot read VRF Blue \(it is left out\) \(.*CAP_SYS_ADMIN\)$'
	expect_match "$c: default shown" "$out" '(^va is up|^va |10\.0\.0\.0/24|^interface va)'
done
urun -c 'show ip interface brief vrf all json'
expect_eq "brief json: default alone, valid" \
	"$(printf '%s' "$out" | jq -c '[.vrfs[].vrf]')" '["default"]'

# ---- every change is refused with % Permission denied, nothing changes
# refused LABEL COMMAND... (config mode)
refused() {
	label=$1
	shift
	n=$#
	set -- "$@" -c 'configure terminal'
	while [ $n -gt 0 ]; do
		set -- "$@" -c "$1"
		shift
		n=$((n - 1))
	done
	urun "$@"
	if [ "$rc" -eq 1 ] &&
	   printf '%s' "$err" | grep -Eq '^-c [0-9]+: % Permission denied: [^ ]'
	then ok; else
		fail "$label: rc=$rc err=[$err]"
	fi
	expect_eq "$label: one line on stderr" "$(printf '%s\n' "$err" | wc -l)" 1
	snapshot "$tmp/after"
	if cmp -s "$tmp/before" "$tmp/after"; then ok; else
		fail "$label changed the kernel: $(diff "$tmp/before" "$tmp/after")"
		snapshot "$tmp/before"
	fi
}

refused "vrf Red" 'vrf Red'
expect_eq "no Red" "$(vrfs)" Blue
refused "vrf Blue (exists)" 'vrf Blue' 'ip routing'
refused "no vrf Blue" 'no vrf Blue'
refused "veth" 'interface q type veth peer r'
refused "veth into Blue" 'interface q type veth peer r vrf Blue'
refused "bridge" 'interface br1 type bridge'
refused "no interface" 'no interface br0'
refused "ip address" 'interface va' 'ip address 10.1.1.1/24'
refused "ip address secondary" 'interface va' 'ip address 10.0.0.9/24 secondary'
refused "no ip address" 'interface va' 'no ip address'
refused "ipv6 address" 'interface va' 'ipv6 address 2001:db8::1/64'
refused "shutdown" 'interface va' 'shutdown'
refused "no shutdown" 'interface br0' 'no shutdown'
refused "mtu" 'interface va' 'mtu 1400'
refused "no mtu" 'interface va' 'no mtu'
refused "description" 'interface va' 'description x'
refused "no description" 'interface va' 'no description'
refused "bridge-group" 'interface va' 'bridge-group br0'
refused "vrf forwarding" 'interface va' 'vrf forwarding Blue'
refused "ip routing" 'ip routing'
refused "no ip routing" 'no ip routing'
refused "ipv6 unicast-routing" 'ipv6 unicast-routing'
expect_eq "forwarding untouched" "$(fwd default 4)$(fwd default 6)" 00

# interactive: starts in user EXEC without CAP_NET_ADMIN
if command -v expect >/dev/null 2>&1; then
	cat >"$tmp/user.exp" <<'EXP'
set timeout 5
spawn {*}[lrange $argv 0 end]
expect -re {>$} {} timeout { exit 1 }
send "exit\r"
expect eof
exit 0
EXP
	(cd / && expect -f "$tmp/user.exp" $NOBODY "$VRFSH") >"$tmp/exp.log" 2>&1
	expect_eq "user EXEC prompt without privilege" "$?" 0
fi

finish
