#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Strings from the kernel are untrusted (issue 9, defect 1): an alias or
# a namespace name holding a newline and 'do shell ...' never becomes a
# command of running-config (so write memory and vrfsh -b run nothing),
# and escape sequences never reach the terminal raw from show commands;
# JSON stays valid.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

conf="$tmp/vrfsh.conf"
pwn1="$tmp/pwned-by-alias"
pwn2="$tmp/pwned-by-netns"
nl='
'
esc=$(printf '\033')

# has_raw FILE : any byte that is a control character other than newline
has_raw() { LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$1"; }

ip link add vb type veth peer name vc &&
	ip link set vb alias "uplink${nl}do shell touch $pwn1" &&
	ip link set vc alias "$(printf 'a\033]0;pwned\007b\033[2J')" &&
	ip netns add "x${nl}do shell touch pwned-by-netns" &&
	ip netns add "$(printf 'e\033[31mred')"
expect_eq "hostile strings made with iproute2" "$?" 0

# ---- running-config: left out, as comments, with warnings ----------------
"$VRFSH" -c 'show running-config' >"$tmp/run" 2>"$tmp/err"
expect_eq "running-config status" "$?" 0
expect_eq "no line runs a shell" "$(grep -c '^ *do ' "$tmp/run")" 0
if has_raw "$tmp/run"; then fail "raw control bytes in running-config"
else ok; fi
expect_match "the alias is left out, shown escaped" "$(cat "$tmp/run")" \
	'^! vrfsh: interface "vb" is left out: its description cannot be typed back$'
expect_match "the VRF is left out, shown escaped" "$(cat "$tmp/run")" \
	'^! vrfsh: VRF "x\\x0ado shell touch .*" is left out: its name cannot be typed back'
expect_match "and a warning" "$(cat "$tmp/err")" \
	'^-c 1: % Warning: interface "vb" is left out of the configuration'
expect_match "vc's escape sequence is left out" "$(cat "$tmp/run")" \
	'^! vrfsh: interface "vc" is left out: its description cannot be typed back$'

# ---- write memory, then boot from it: nothing runs -------------------------
# (a namespace name cannot hold '/': its command writes where vrfsh runs)
cd "$tmp" || exit 1
run --config "$conf" -c 'write memory'
expect_eq "write memory" "$rc" 0
expect_eq "no command in the saved file runs a shell" \
	"$(grep -v '^!' "$conf" | grep -c 'do \|shell')" 0
run -b --config "$conf"
[ -e "$pwn1" ] && fail "the alias ran a command" || ok
[ -e "$pwn2" ] && fail "the namespace name ran a command" || ok
# the file fed as commands does not either
"$VRFSH" -f "$tmp/run" >/dev/null 2>&1
[ -e "$pwn1" ] || [ -e "$pwn2" ] && fail "the running-config ran a command" || ok

# ---- show commands: escaped, never raw ------------------------------------
for c in 'show interfaces' 'show interfaces vc' 'show vrf' \
	 'show ip interface brief' 'show running-config' \
	 'show interfaces vrf all'; do
	"$VRFSH" -c "$c" >"$tmp/show" 2>&1
	if has_raw "$tmp/show"; then
		fail "$c: raw control bytes: $(od -c "$tmp/show" | head -3)"
	else ok; fi
done
"$VRFSH" -c 'show interfaces vc' >"$tmp/show" 2>&1
expect_match "the escape sequence shown escaped" "$(cat "$tmp/show")" \
	'a\\x1b]0;pwned\\x07b\\x1b\[2J'
"$VRFSH" -c 'show vrf' >"$tmp/show" 2>&1
expect_match "the VRF name shown escaped" "$(cat "$tmp/show")" \
	'e\\x1b\[31mred'

# ---- JSON: valid, the strings exact ---------------------------------------
"$VRFSH" -c 'show interfaces json' >"$tmp/json"
expect_eq "JSON with hostile strings parses" \
	"$(jq -r '.interfaces[] | select(.name == "vc") | .description' \
	   "$tmp/json" | od -An -c | tr -s ' ')" \
	"$(printf 'a\033]0;pwned\007b\033[2J\n' | od -An -c | tr -s ' ')"
"$VRFSH" -c 'show vrf json' >"$tmp/json"
expect_eq "show vrf json lists the VRFs" \
	"$(jq '.vrfs | length' "$tmp/json")" 3

# ---- the prompt: a host name with control bytes is escaped -----------------
hostname "$(printf 'r\033[5m1')" 2>/dev/null &&
if command -v expect >/dev/null 2>&1; then
	cat >"$tmp/p.exp" <<'EXP'
set timeout 5
spawn -noecho {*}$argv
expect -re {#} {}
send "exit\r"
expect eof
EXP
	HOME=$tmp expect -f "$tmp/p.exp" "$VRFSH" >"$tmp/prompt" 2>&1
	expect_match "the prompt shows the host name escaped" \
		"$(cat "$tmp/prompt")" 'r\\x1b\[5m1#'
fi
finish
