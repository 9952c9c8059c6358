#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Issue 9, defects 2 and 6: deleting a VRF never leaves half of one (a
# refused delete changes nothing, whichever step refuses), creation rolls
# back, stale /run/netns entries are reported and never in the way,
# concurrent creation and deletion give no spurious error, and the
# interfaces of a deleted VRF stop forwarding even while another vrfsh
# holds its namespace.  iproute2 is the witness.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

for tool in setpriv ping; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "$tool is not installed: skipping" >&2
		exit 77
	fi
done

# as CAPS ARGS... : run vrfsh as root with only CAPS (e.g. +sys_admin)
as() {
	c=$1
	shift
	setpriv --inh-caps=-all,$c --ambient-caps=-all,$c \
		--bounding-set=-all,$c "$VRFSH" "$@" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# operator ARGS... : vrfsh as uid 65534 with CAP_SYS_ADMIN and
# CAP_NET_ADMIN, the rights a delete needs besides /run/netns
operator() {
	c=+sys_admin,+net_admin
	(cd / && setpriv --reuid=65534 --regid=65534 --clear-groups \
		--inh-caps=-all,$c --ambient-caps=-all,$c \
		--bounding-set=-all,$c "$VRFSH" "$@") \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

ino() { stat -c %i "/run/netns/$1" 2>/dev/null; }

# ---- a refused delete changes nothing
cfg 'vrf Y' 'exit' 'interface y0 type veth peer y1 vrf Y' \
	'ip address 10.8.0.1/24' 'no shutdown' \
	'interface y1 vrf Y' 'ip address 10.8.0.2/24' 'no shutdown'
expect_ok "setup Y"
settle
snapshot "$tmp/before"
y_ino=$(ino Y)
operator -c 'configure terminal' -c 'no vrf Y'
expect_eq "no /run/netns write access: refused" "$rc:$out" "1:"
expect_match "no /run/netns write access: the step named" "$err" \
	'^-c 2: % Error: Permission denied: cannot delete VRF Y \(check /run/netns: Permission denied'
snapshot "$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then ok; else
	fail "refused delete changed the kernel: $(diff "$tmp/before" "$tmp/after")"
fi
expect_eq "refused delete: the same namespace" "$(ino Y)" "$y_ino"

# The unlink refused after the unmount (sticky /run/netns, the file is
# root's): the namespace is bound back, its interfaces untouched.
chmod 1777 /run/netns
operator -c 'configure terminal' -c 'no vrf Y'
chmod 0755 /run/netns
expect_eq "unlink refused: status" "$rc:$out" "1:"
expect_match "unlink refused: the step named, the VRF kept" "$err" \
	'cannot delete VRF Y \(remove the file: Operation not permitted \(the VRF is kept\)'
snapshot "$tmp/after"
if cmp -s "$tmp/before" "$tmp/after"; then ok; else
	fail "refused unlink changed the kernel: $(diff "$tmp/before" "$tmp/after")"
fi
expect_eq "unlink refused: the same namespace" "$(ino Y)" "$y_ino"
expect_eq "unlink refused: it still forwards" \
	"$(ping -c 1 -W 2 -q 10.8.0.2 >/dev/null 2>&1 && echo yes)" yes
run -c 'show running-config'
expect_match "unlink refused: still configured" \
	"$(printf '%s\n' "$out" | sed -n '/^interface y1$/,/^!/p')" '^ vrf forwarding Y$'

# ---- a creation that fails half-way leaves nothing
as +sys_admin -c 'configure terminal' -c 'vrf Half'
expect_match "CAP_SYS_ADMIN only: the step named" "$rc:$err" \
	'^1:-c 2: % Error: Permission denied: cannot create VRF Half \(bring lo up: Operation not permitted'
expect_eq "CAP_SYS_ADMIN only: no file left" "$(ls -A /run/netns)" "Y"
as +net_admin -c 'configure terminal' -c 'vrf Half'
expect_match "CAP_NET_ADMIN only: the step named" "$rc:$err" \
	'^1:-c 2: % Error: Permission denied: cannot create VRF Half \((make /run/netns shared|unshare): Operation not permitted'
expect_eq "CAP_NET_ADMIN only: no file left" "$(ls -A /run/netns)" "Y"
expect_eq "nothing half made" "$(vrfs)" "Y"

# ---- stale entries are reported and skipped, never fatal
touch /run/netns/Half
run -c 'show vrf'
expect_eq "show vrf warns of a stale entry" "$rc:$err" \
	"0:-c 1: % Warning: /run/netns/Half is a stale entry (no namespace on it): skipped; 'no vrf Half' removes it"
expect_match "show vrf goes on after it" "$out" '^  Y +<not set> +ipv4,ipv6 +lo$'
run -c 'show vrf detail'
expect_match "show vrf detail marks a stale entry" "$out" \
	'^  Flags: stale entry, no namespace on it$'
for c in 'show running-config' 'show interfaces vrf all' \
	 'show ip interface brief vrf all' 'show ip route vrf all'; do
	run -c "$c"
	expect_eq "$c with a stale entry: status, and a warning" "$rc:$err" \
		"0:-c 1: % Warning: /run/netns/Half is a stale entry (no namespace on it): skipped; 'no vrf Half' removes it"
done
run -c 'show running-config'
expect_match "running-config has Y" "$out" '^vrf definition Y$'
run --config "$tmp/vrfsh.conf" -c 'write memory'
expect_eq "write memory with a stale entry" "$rc" 0
expect_eq "write memory skips it" "$(grep -c Half "$tmp/vrfsh.conf")" 0
cfg 'no vrf Half'
expect_eq "no vrf on a stale entry" "$rc:$out" \
	"0:% Removed /run/netns/Half: a stale entry with no namespace"
expect_eq "stale entry removed" "$(ls -A /run/netns)" "Y"
touch /run/netns/Half
cfg 'vrf Half' 'ip routing'
expect_ok "vrf over a stale empty file"
expect_eq "a namespace on it now" "$(vrfs)" "Half Y"
expect_eq "its lo up" "$(is_up Half lo)" true
expect_eq "its forwarding on" "$(fwd Half 4)" 1
cfg 'no vrf Half'
expect_ok "no vrf Half"
: >"$tmp/target"
ln -s "$tmp/target" /run/netns/Link
cfg 'vrf Link'
expect_match "vrf never over a symlink" "$rc:$err" \
	'^1:-c 2: % Error: Cannot create VRF Link: /run/netns/Link is in the way'
expect_eq "nothing mounted on the symlink's target" \
	"$(grep -c "$tmp/target" /proc/self/mountinfo)" 0
cfg 'no vrf Link'
expect_ok "no vrf removes a stale symlink"
expect_eq "only the link went" \
	"$(ls -A /run/netns):$(test -f "$tmp/target" && echo kept)" "Y:kept"

# ---- concurrent creation and deletion: no spurious error, no half VRF
n=60
i=0
: >"$tmp/mk"
: >"$tmp/rm"
while [ $i -lt $n ]; do
	printf 'vrf R\nexit\n' >>"$tmp/mk"
	printf 'no vrf R\n' >>"$tmp/rm"
	i=$((i + 1))
done
for f in mk rm; do
	{ echo 'configure terminal'; cat "$tmp/$f"; } >"$tmp/$f.conf"
done
"$VRFSH" --keep-going -f "$tmp/mk.conf" >/dev/null 2>"$tmp/mk1.err" &
p1=$!
"$VRFSH" --keep-going -f "$tmp/rm.conf" >/dev/null 2>"$tmp/rm1.err" &
p2=$!
"$VRFSH" --keep-going -f "$tmp/mk.conf" >/dev/null 2>"$tmp/mk2.err" &
p3=$!
"$VRFSH" --keep-going -f "$tmp/rm.conf" >/dev/null 2>"$tmp/rm2.err" &
p4=$!
wait $p1 $p2 $p3 $p4
expect_eq "concurrent creation: no error" "$(cat "$tmp/mk1.err" "$tmp/mk2.err")" ""
expect_eq "concurrent deletion: only 'not found'" \
	"$(cat "$tmp/rm1.err" "$tmp/rm2.err" |
	   grep -v ': % VRF R not found$')" ""
if [ -e /run/netns/R ]; then
	expect_eq "R whole if there" "$(vrfs):$(is_up R lo)" "R Y:true"
else
	expect_eq "R gone if not there" "$(vrfs)" "Y"
fi

# ---- defect 6: another vrfsh holds X; its interfaces must stop at once
cfg 'vrf X' 'exit' 'interface vx type veth peer vy vrf X' \
	'ip address 10.7.0.1/24' 'no shutdown' \
	'interface vy vrf X' 'ip address 10.7.0.2/24' 'no shutdown'
expect_ok "setup X"
settle
expect_eq "X forwards before" \
	"$(ping -c 1 -W 2 -q 10.7.0.2 >/dev/null 2>&1 && echo yes)" yes
# a second session that used X and lives on, caching its namespace
mkfifo "$tmp/hold"
"$VRFSH" <"$tmp/hold" >"$tmp/hold.out" 2>&1 &
holder=$!
exec 9>"$tmp/hold"
echo 'show interfaces vy vrf X' >&9
x_ino=$(ino X)
holds() {
	find -L /proc/$holder/fd -inum "$x_ino" 2>/dev/null | wc -l | tr -d ' '
}
i=0
while [ "$(holds)" = 0 ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
expect_eq "the other vrfsh holds X" "$(holds)" 1
cfg 'no vrf X'
expect_eq "no vrf X status" "$rc" 0
expect_match "no vrf X: vy destroyed" "$out" '^% Interface vy destroyed with VRF X$'
expect_match "no vrf X: the holder named" "$out" \
	"% VRF X is still in use by process $holder \\(vrfsh\\)"
expect_eq "vx gone from default (ip -j link)" \
	"$(ip -j link | jq -c '[.[].ifname | select(. == "vx")]')" '[]'
expect_eq "no traffic any more" \
	"$(ping -c 1 -W 1 -q 10.7.0.2 >/dev/null 2>&1 && echo yes || echo no)" no
expect_eq "the holder is still alive" \
	"$(kill -0 $holder 2>/dev/null && echo yes)" yes
echo 'show vrf' >&9
exec 9>&-
wait $holder
expect_eq "the holder sees X gone" "$(grep -c '^  X ' "$tmp/hold.out")" 0

finish
