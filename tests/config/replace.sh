#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# configure replace (issue 12): between each pair of example
# configurations and a lab of our own, in both directions, the result
# equals the target (running-config text and the kernel as ip -j sees
# it); a replace onto the same configuration changes nothing in the
# kernel (ip monitor hears nothing); a small difference costs exactly its
# size in kernel requests; a failing step leaves the state from before;
# the archive keeps what each write and replace replaced.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"
VRFSH_CONFIG="$tmp/etc/vrfsh.conf"
export VRFSH_CONFIG
mkdir -p "$tmp/etc"

# --make FILE DIR : (in a fresh sandbox) apply FILE, keep DIR/conf and
# DIR/state
if [ "$1" = --make ]; then
	"$VRFSH" -f "$2" >/dev/null 2>"$3/err" </dev/null
	kstate_settled "$3/state"
	"$VRFSH" -c 'show running-config' >"$3/conf" 2>>"$3/err" </dev/null
	exit 0
fi
# --replace FROM TO DIR : (in a fresh sandbox) apply FROM, replace with
# TO; DIR/out, DIR/rc, DIR/conf, DIR/state
if [ "$1" = --replace ]; then
	"$VRFSH" -f "$2" >/dev/null 2>&1 </dev/null
	settle
	"$VRFSH" -c "configure replace $3 force" >"$4/out" 2>"$4/err"
	echo $? >"$4/rc"
	kstate_settled "$4/state"
	"$VRFSH" -c 'show running-config' >"$4/conf" 2>>"$4/err" </dev/null
	exit 0
fi

# a lab of our own beside the examples: VRFs with settings, a veth pair
# between VRFs, a bridge, secondary and IPv6 addresses, routes
cat >"$tmp/mylab.conf" <<'EOF'
configure terminal
ip routing
vrf definition A
 description lab A
 rd 65000:1
 ip routing
vrf definition B
 ipv6 unicast-routing
interface ab type veth peer ba vrf B
 vrf forwarding A
 ip address 10.1.0.1/30
 ip address 10.1.1.1 255.255.255.0 secondary
 ipv6 address 2001:db8:1::1/64
 description A to B
 mtu 9000
 no shutdown
interface ba vrf B
 ip address 10.1.0.2/30
 no shutdown
vrf B
 interface brb type bridge
  no shutdown
 interface bm type veth peer bn vrf B
  bridge-group brb
  no shutdown
exit
ip route vrf A 10.9.0.0/16 10.1.0.2
ip route vrf B 10.8.0.0 255.255.0.0 10.1.0.1 20
end
EOF

names="seed-blue three-routers lan-bridge mylab"
for n in $names; do
	mkdir "$tmp/$n"
	src="$top_srcdir/examples/$n.conf"
	[ "$n" = mylab ] && src="$tmp/mylab.conf"
	fresh sh "$0" --make "$src" "$tmp/$n"
	expect_eq "$n: made" "$(cat "$tmp/$n/err")" ""
done

# ---- pairs, both directions: a cycle through all four and back over two
# of its edges (REPLACE_PAIRS=all: every ordered pair, 12 replaces) ---------
pairs="seed-blue:three-routers three-routers:lan-bridge lan-bridge:mylab
	mylab:seed-blue three-routers:seed-blue mylab:lan-bridge"
if [ "${REPLACE_PAIRS:-}" = all ]; then
	pairs=$(for a in $names; do for b in $names; do
		[ "$a" != "$b" ] && echo "$a:$b"; done; done)
fi
for pair in $pairs; do
	from=${pair%%:*} to=${pair#*:}
	{
		d="$tmp/$from-$to"
		mkdir "$d"
		src="$top_srcdir/examples/$from.conf"
		[ "$from" = mylab ] && src="$tmp/mylab.conf"
		fresh sh "$0" --replace "$src" "$tmp/$to/conf" "$d"
		expect_eq "$from -> $to: status" "$(cat "$d/rc") $(cat "$d/err")" "0 "
		if cmp -s "$d/conf" "$tmp/$to/conf"; then ok; else
			fail "$from -> $to: running-config is not the target:
$(diff "$tmp/$to/conf" "$d/conf")"
		fi
		if cmp -s "$d/state" "$tmp/$to/state"; then ok; else
			fail "$from -> $to: the kernel is not the target's:
$(diff "$tmp/$to/state" "$d/state")"
		fi
		expect_match "$from -> $to: says what it did" "$(tail -n 2 "$d/out")" \
			'^Total number of changes: [1-9][0-9]* \([0-9]+ kernel requests\)
Rollback Done$'
	}
done

# ---- onto the same configuration: nothing at all -----------------------------
"$VRFSH" -f "$tmp/mylab.conf" >/dev/null 2>&1
settle
"$VRFSH" -c 'show running-config' >"$tmp/same.conf"
kstate "$tmp/same.before"
for ns in default A B; do
	if [ $ns = default ]; then ip -o monitor all >"$tmp/mon.$ns" 2>&1 &
	else ip -n $ns -o monitor all >"$tmp/mon.$ns" 2>&1 & fi
	echo $! >>"$tmp/mon.pids"
done
sleep 0.3
run -c "configure replace $tmp/same.conf force"
sleep 0.3
kill $(cat "$tmp/mon.pids") 2>/dev/null
wait 2>/dev/null
expect_eq "same: nothing to do" "$rc $out $err" \
	"0 Total number of changes: 0 (0 kernel requests)
Rollback Done "
expect_eq "same: the kernel heard nothing" \
	"$(cat "$tmp/mon.default" "$tmp/mon.A" "$tmp/mon.B")" ""
kstate "$tmp/same.after"
expect_eq "same: state unchanged" "$(diff "$tmp/same.before" "$tmp/same.after")" ""

# ---- a difference of three lines costs three kernel requests -------------------
awk '$0 == " description A to B" { $0 = " description A to B, changed" }
     $0 == " ip address 10.1.1.1 255.255.255.0 secondary" { next }
     { print }
     /^ip route vrf A 10\.9\.0\.0/ { print "ip route vrf A 10.7.0.0 255.255.0.0 10.1.0.2" }' \
	"$tmp/same.conf" >"$tmp/three.conf"
run -c "show archive config differences running-config $tmp/three.conf"
expect_eq "three: the difference" "$(printf '%s\n' "$out" | grep -c '^ *[+-]')" 4
run -c "configure replace $tmp/three.conf force"
expect_eq "three: status" "$rc $err" "0 "
expect_match "three: three changes, three kernel requests" "$out" \
	'Total number of changes: 3 \(3 kernel requests\)'
"$VRFSH" -c 'show running-config' >"$tmp/three.now"
# (running-config sorts the routes: the new one is written before 10.9)
sort "$tmp/three.conf" >"$tmp/three.sorted"
expect_eq "three: running-config is the target" \
	"$(sort "$tmp/three.now" | diff "$tmp/three.sorted" -)" ""
expect_eq "three: ip sees the new description" \
	"$(ip -n A -j link show ab | jq -r '.[0].ifalias')" "A to B, changed"
expect_eq "three: ip sees the secondary gone" "$(addrs A ab 4)" "10.1.0.1/30"
expect_eq "three: ip sees the new route" \
	"$(ip -n A -j route show 10.7.0.0/16 | jq -r '.[0].gateway')" "10.1.0.2"

# ---- a step that fails: everything back -----------------------------------------
"$VRFSH" -c 'show running-config' >"$tmp/before.conf"
kstate "$tmp/before.state"
awk '/^ip route vrf A 10\.7\.0\.0/ { $0 = "ip route vrf A 10.6.0.0 255.255.0.0 10.1.0.2" }
     $0 == " mtu 9000" { $0 = " mtu 70000" } { print }' \
	"$tmp/before.conf" >"$tmp/bad.conf"
run -c "configure replace $tmp/bad.conf force"
expect_eq "failing: status" "$rc" 1
expect_match "failing: the step and the rollback named" "$err" \
	"% Error: configure replace failed at 'mtu 70000': rolling back to the configuration before"
"$VRFSH" -c 'show running-config' >"$tmp/after.conf"
expect_eq "failing: running-config as before" \
	"$(diff "$tmp/before.conf" "$tmp/after.conf")" ""
kstate "$tmp/after.state"
expect_eq "failing: kernel as before" \
	"$(diff "$tmp/before.state" "$tmp/after.state")" ""

# ---- the archive ------------------------------------------------------------------
run -c 'write memory'
run -c 'show archive'
expect_match "archive: lists the replaced configurations" "$out" \
	"There are currently [1-9][0-9]* archive configurations saved"
n=$(printf '%s\n' "$out" | sed -n 's/^ *\([0-9][0-9]*\) .*Most Recent$/\1/p')
run -c "show archive config differences archive:$n running-config"
expect_eq "archive: the newest differs from the running one" "$rc" 0
run -c "configure replace archive:$n force"
expect_eq "archive: replace from it" "$rc $err" "0 "
run -c 'show archive config differences archive:0'
expect_match "archive: a bad entry" "$rc $err" \
	'^1 -c 1: % Error: Invalid archive entry "archive:0"'
run -c 'configure replace /nonexistent/x force'
expect_match "replace from a missing file" "$rc $err" \
	'^1 -c 1: % Error: Cannot read /nonexistent/x: No such file'
i=0
while [ $i -lt 12 ]; do "$VRFSH" -c 'write memory' >/dev/null; i=$((i + 1)); done
expect_eq "archive: bounded" "$(ls "$tmp/etc/archive" | wc -l)" 10

finish
