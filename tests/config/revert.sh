#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The revert timer (issue 12): a change made after 'configure terminal
# revert timer' is undone at the deadline unless 'configure confirm'
# comes first, even when the session that made it was killed with
# SIGKILL; show archive config rollback timer says what is pending.
# (The timer counts in seconds here: 'revert timer seconds N'.)
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"
VRFSH_CONFIG="$tmp/vrfsh.conf"
export VRFSH_CONFIG

alias_of() { ip -n R1 -j link show r1-r2 | jq -r '.[0].ifalias // ""'; }
# wait_for VALUE : up to 15 s for r1-r2's alias to become VALUE
wait_for() {
	i=0
	while [ "$(alias_of)" != "$1" ] && [ $i -lt 60 ]; do
		sleep 0.25
		i=$((i + 1))
	done
	alias_of
}

run -f "$top_srcdir/examples/three-routers.conf"
expect_ok "lab"
run -c 'show archive config rollback timer'
expect_eq "nothing pending" "$rc $out" \
	"0 %No Rollback Confirmed Change pending"
run -c 'configure confirm'
expect_eq "confirm with nothing pending" "$rc $err" \
	"1 -c 1: % Error: No rollback confirmed change pending"

# ---- not confirmed: undone at the deadline
run -c 'configure terminal revert timer seconds 3' -c 'interface r1-r2' \
	-c 'description temporary' -c 'end'
expect_ok "armed and changed"
expect_eq "the change is made" "$(alias_of)" "temporary"
run -c 'show archive config rollback timer'
expect_match "pending" "$out" '^Timer type      : Rollback$'
expect_match "pending: its length" "$out" '^Timer seconds   : 3$'
run -c 'configure terminal revert timer seconds 3'
expect_match "a second timer is refused" "$rc $err" \
	'^1 -c 1: % Error: A rollback confirmed change is pending'
expect_eq "undone at the deadline" "$(wait_for 'link to R2')" "link to R2"
run -c 'show archive config rollback timer'
expect_eq "nothing pending after it" "$out" \
	"%No Rollback Confirmed Change pending"

# ---- confirmed: kept
run -c 'configure terminal revert timer seconds 3' -c 'interface r1-r2' \
	-c 'description kept' -c 'end' -c 'configure confirm'
expect_ok "armed, changed, confirmed"
sleep 5
expect_eq "kept after the deadline" "$(alias_of)" "kept"

# ---- the session dies: undone all the same
if command -v expect >/dev/null 2>&1; then
	cat >"$tmp/killed.exp" <<EXP
set timeout 10
spawn -noecho $VRFSH
expect "#"
send "configure terminal revert timer seconds 3\r"
expect "(config)#"
send "interface r1-r2\r"
expect "#"
send "description killed\r"
expect "#"
exec kill -9 [exp_pid]
EXP
	HOME=$tmp expect -f "$tmp/killed.exp" >/dev/null 2>&1
	expect_eq "the killed session's change was made" "$(alias_of)" "killed"
	expect_eq "undone after SIGKILL" "$(wait_for kept)" "kept"
else
	fail "expect is needed"
fi

finish
