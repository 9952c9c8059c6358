#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The startup configuration (contract section 6): write memory and copy
# running-config startup-config into --config PATH or $VRFSH_CONFIG, the
# .bak of the previous file, show startup-config, failures that leave
# the old file alone, and vrfsh -b: applied, stopped at the bad line,
# or gone on past it with --keep-going.  Files only under $tmp.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"
# whatever is run without --config writes here, never to $(sysconfdir)
VRFSH_CONFIG="$tmp/unused/vrfsh.conf"
export VRFSH_CONFIG

# reset : a clean kernel again: no namespaces, nothing but lo in default
reset() {
	for n in $(vrfs); do ip netns delete "$n"; done
	for l in $(ip -j link | jq -r '.[].ifname | select(. != "lo")'); do
		ip link delete "$l" 2>/dev/null
	done
	i=0
	while [ "$(ip -j link | jq length)" != 1 ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	expect_eq "reset" "$(vrfs) $(ip -j link | jq -r '[.[].ifname] | join(",")')" " lo"
}

# running FILE : show running-config into FILE
running() {
	"$VRFSH" -c 'show running-config' >"$1" 2>"$tmp/running.err"
	expect_eq "show running-config" "$? $(cat "$tmp/running.err")" "0 "
}

# same NAME FILE1 FILE2 : the two files are equal, byte for byte
same() {
	if cmp -s "$2" "$3"; then ok; else
		fail "$1: $2 and $3 differ: $(diff "$2" "$3" 2>&1)"
	fi
}

etc="$tmp/etc"
mkdir "$etc"
conf="$etc/vrfsh.conf"

# ---- nothing saved yet --------------------------------------------------
run --config "$conf" -c 'show startup-config'
expect_eq "no startup file" "$rc [$out] $err" \
	"1 [] -c 1: % startup-config is not present ($conf)"
run --config "$conf" -b
expect_eq "-b without a startup file: status" "$rc" 2
expect_match "-b without a startup file: message" "$err" \
	"^vrfsh: cannot open $conf: No such file or directory"
expect_eq "-b with -c is a usage error" \
	"$("$VRFSH" -b -c 'show vrf' --config "$conf" >/dev/null 2>&1; echo $?)" 2

# ---- write memory, with --config -----------------------------------------
run -f "$top_srcdir/examples/seed-blue.conf"
expect_ok "seed applied"
running "$tmp/run1"
run --config "$conf" -c 'write memory'
expect_eq "write memory" "$rc [$out] $err" \
	"0 [Building configuration...
[OK]] "
same "the file is show running-config" "$conf" "$tmp/run1"
expect_eq "no .bak after the first write" "$(ls -A "$etc")" "vrfsh.conf"
expect_eq "mode 644" "$(stat -c %a "$conf")" 644
cp "$conf" "$tmp/saved1"

run --config "$conf" -c 'show startup-config'
expect_eq "show startup-config" "$rc $err" "0 "
printf '%s\n' "$out" >"$tmp/shown"
same "show startup-config prints the file" "$tmp/shown" "$conf"

# ---- a second write: copy running-config startup-config, $VRFSH_CONFIG -
cfg 'vrf Red' 'interface r0 vrf Red type veth peer r1 vrf Blue' \
	'ip address 10.20.0.1/24' 'no shutdown'
expect_ok "a change"
running "$tmp/run2"
VRFSH_CONFIG=$conf run -c 'copy running-config startup-config'
expect_eq "copy running-config startup-config" "$rc [$out] $err" \
	"0 [Building configuration...
[OK]] "
same "the file is the new running-config" "$conf" "$tmp/run2"
same "the previous file is kept as .bak" "$conf.bak" "$tmp/saved1"
expect_eq "nothing else left in the directory (but the archive)" \
	"$(ls -A "$etc" | tr '\n' ' ')" "archive vrfsh.conf vrfsh.conf.bak "
VRFSH_CONFIG=$conf run -c 'show startup-config'
printf '%s\n' "$out" >"$tmp/shown"
same "show startup-config with VRFSH_CONFIG" "$tmp/shown" "$tmp/run2"
# --config wins over the environment
VRFSH_CONFIG=$tmp/saved1 run --config "$conf" -c 'show startup-config'
printf '%s\n' "$out" >"$tmp/shown"
same "--config overrides VRFSH_CONFIG" "$tmp/shown" "$tmp/run2"

# a third write (write alone is write memory): .bak is the second file
cfg 'interface r0 vrf Red' 'description third'
expect_ok "another change"
running "$tmp/run3"
run --config "$conf" -c 'write'
expect_eq "write" "$rc $err" "0 "
same "third file" "$conf" "$tmp/run3"
same ".bak is the second file" "$conf.bak" "$tmp/run2"

# user EXEC cannot write
run --config "$conf" -c disable -c 'write memory'
expect_eq "user EXEC cannot write memory" "$rc" 1
same "file untouched after the refusal" "$conf" "$tmp/run3"

# ---- writes that cannot happen leave the old file alone ------------------
# the parent is a regular file
: >"$tmp/plain"
run --config "$tmp/plain/vrfsh.conf" -c 'write memory'
expect_eq "parent is a file" "$rc [$out] $err" \
	"1 [] -c 1: % Error: Cannot write $tmp/plain/vrfsh.conf: Not a directory"
# a read-only mount (root ignores permission bits; the mount is in the
# sandbox's own mount namespace)
ro="$tmp/ro"
mkdir "$ro"
cp "$tmp/run2" "$ro/vrfsh.conf"
cp "$tmp/run1" "$ro/vrfsh.conf.bak"
if mount --bind "$ro" "$ro" && mount -o remount,bind,ro "$ro"; then
	run --config "$ro/vrfsh.conf" -c 'write memory'
	expect_eq "read-only directory" "$rc [$out] $err" \
		"1 [] -c 1: % Warning: Cannot make the archive $ro/archive: Read-only file system
-c 1: % Error: Cannot write $ro/vrfsh.conf: Read-only file system"
	same "old file intact (read-only)" "$ro/vrfsh.conf" "$tmp/run2"
	same "old .bak intact (read-only)" "$ro/vrfsh.conf.bak" "$tmp/run1"
	expect_eq "no temporary file left" "$(ls -A "$ro" | tr '\n' ' ')" \
		"vrfsh.conf vrfsh.conf.bak "
	umount "$ro"
else
	fail "cannot make a read-only bind mount in the sandbox"
fi
# the directory of the file is missing
run --config "$tmp/nodir/vrfsh.conf" -c 'copy running-config startup-config'
expect_eq "missing directory" "$rc [$out] $err" \
	"1 [] -c 1: % Error: Cannot write $tmp/nodir/vrfsh.conf: No such file or directory"
same "the real file was not touched by any of that" "$conf" "$tmp/run3"
expect_eq "nothing written where VRFSH_CONFIG points" \
	"$(ls -A "$tmp/unused" 2>&1)" \
	"ls: cannot access '$tmp/unused': No such file or directory"

# ---- vrfsh -b --------------------------------------------------------------
# what was saved comes back, exactly
kstate_settled "$tmp/state3"
reset
run -b --config "$conf"
expect_ok "vrfsh -b --config"
kstate_settled "$tmp/state3b"
same "-b rebuilt the saved state" "$tmp/state3b" "$tmp/state3"
running "$tmp/run3b"
same "and its running-config" "$tmp/run3b" "$tmp/run3"

# an example as the startup file, through VRFSH_CONFIG
reset
cp "$top_srcdir/examples/three-routers.conf" "$etc/three.conf"
VRFSH_CONFIG=$etc/three.conf run -b
expect_ok "vrfsh -b with VRFSH_CONFIG"
expect_eq "R1 R2 R3 made" "$(vrfs)" "R1 R2 R3"
expect_eq "r1-r2 address" "$(addrs R1 r1-r2 4)" "10.0.12.1/24"
expect_eq "R2 forwards" "$(fwd R2 4)" 1
expect_eq "R1's static route" "$(ip -n R1 -j route show 10.0.23.0/24 |
	jq -r '.[0] | "\(.gateway) \(.protocol) \(.metric)"')" "10.0.12.2 static 1"
if ip netns exec R1 ping -c1 -W2 10.0.23.3 >"$tmp/ping" 2>&1; then ok
else fail "R1 cannot reach R3 after -b: $(cat "$tmp/ping")"; fi

# an error on line 7: reported as FILE:7, nothing after it applied
bad="$etc/bad.conf"
cat >"$bad" <<'EOF'
! a startup file with mistakes
configure terminal
vrf E1
 ip routing
exit-vrf
interface e0 vrf E1 type veth peer e9 vrf E1
interface nosuch0 vrf Nope
vrf E2
interface e1 vrf E1 type veth peer e2 vrf E2
 ip address 10.6.0.1/24
 ip address 10.6.0.2/33
 no shutdown
end
EOF
reset
run -b --config "$bad"
expect_eq "-b stops at the error" "$rc [$out] $err" \
	"1 [] $bad:7: % VRF Nope not found"
expect_eq "before line 7 applied" "$(vrfs) $(fwd E1 4) $(jlink E1 e0 .ifname)" \
	'E1 1 "e0"'
expect_eq "after line 7 not applied" "$(link_json E1 e1)" "{}"

# with --keep-going the rest is applied, each error reported, status 1
reset
run -b --keep-going --config "$bad"
expect_eq "--keep-going status" "$rc [$out]" "1 []"
expect_eq "--keep-going reports every error" "$err" \
"$bad:7: % VRF Nope not found
$bad:11: % Invalid input detected at '^' marker."
expect_eq "--keep-going: E2 made" "$(vrfs)" "E1 E2"
expect_eq "--keep-going: e1 in E1 with its address" "$(addrs E1 e1 4)" \
	"10.6.0.1/24"
expect_eq "--keep-going: the line after the second error too" \
	"$(is_up E1 e1)" true
expect_eq "--keep-going: e2 in E2" "$(jlink E2 e2 .linkinfo.info_kind)" \
	'"veth"'

finish
