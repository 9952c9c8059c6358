#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The operator set-up of doc/operators.md over SSH: sshd on the sandbox's
# 127.0.0.1, an account `op` of group vrfsh whose login shell is the
# root:vrfsh 0750 copy of vrfsh with file capabilities, /run/netns,
# /run/vrfsh and the configuration directory of the group.  `ssh op
# 'show vrf'`, batch input, an interactive session with enable and its
# secret; and by no command does the operator reach a root shell or read
# a root-only file: shell (level 1, level 15, no service shell), do
# shell, configure replace / show archive differences / -f of a path,
# copy to a path, write memory, the history file as a symbolic link,
# --config, VRFSH_CONFIG and VRFSH_STATE_DIR.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ssh/lib.sh"

ssh_need ip jq expect setcap getcap setpriv md5sum
ssh_init
ssh_install_caps
ssh_add_user op "$SSH_VRFSH_CAPS"
ssh_group_add op vrfsh
OPUID=$(id -u op) OPGID=$(id -g op)
CONFDIR=${SSH_STARTUP%/*}
chown root:vrfsh /run/netns /run/vrfsh "$CONFDIR" &&
chmod 2775 /run/netns && chmod 2770 /run/vrfsh && chmod 2770 "$CONFDIR" ||
	exit 99

SECRET='Op3rator-secret'
MARK="ROOT-ONLY-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
ROOTFILE=$SSH_DIR/server/root-only.conf
printf 'hostname %s\n' "$MARK" >"$ROOTFILE"
chmod 0600 "$ROOTFILE"
root_sum=$(md5sum "$ROOTFILE")
run -c 'configure terminal' -c "enable secret 0 $SECRET" -c 'vrf Blue'
expect_eq "root: secret and Blue" "$rc:$err" "0:"
ssh_start

# leaked OUTPUT... : the marker of the root-only file is in none of them
leaked() {
	case "$*" in *"$MARK"*) return 0 ;; esac
	return 1
}
# no_leak LABEL : neither the last output nor its errors hold the marker
no_leak() {
	if leaked "$out" "$err"; then fail "$1: the root-only file leaked"
	else ok; fi
}

# ---- ssh host 'show vrf', batch input
ssh_op 'show vrf'
expect_eq "ssh show vrf: status" "$rc:$err" "0:"
expect_match "ssh show vrf: default" "$out" '^  default +<not set> +ipv4,ipv6 +lo$'
expect_match "ssh show vrf: Blue entered" "$out" '^  Blue +<not set> +ipv4,ipv6 +lo$'
ssh_op 'show privilege'
expect_eq "ssh: level 1" "$rc:$out" "0:Current privilege level is 1"

ssh_op 'shell id -u'
expect_eq "level 1: shell refused" "$rc:$err" \
	"1:-c 1: % Permission denied: 'shell' needs privilege level 15 (enable)"
ssh_op 'configure terminal'
expect_eq "level 1: configure refused" "$rc:$err" \
	"1:-c 1: % Permission denied: 'configure' needs privilege level 15 (enable)"
ssh_op_in 'enable\nwrong\nshow privilege\n'
expect_eq "batch: wrong secret" "$rc:$err" "1:-:2: % Bad secrets"

# at 15 through the secret: shell is the operator's own, without rights
ssh_op_in "enable\n$SECRET\nshow privilege\nshell id -u; id -g; grep -E '^Cap(Prm|Eff|Amb):' /proc/self/status\n"
expect_eq "batch: shell as the operator" "$rc:$err:$out" \
	"0::Current privilege level is 15
$OPUID
$OPGID
CapPrm:	0000000000000000
CapEff:	0000000000000000
CapAmb:	0000000000000000"
ssh_op_in "enable\n$SECRET\nshell vrf Blue cat $ROOTFILE /etc/shadow\n"
expect_eq "shell: the root-only files unread" "$rc:$out:$err" \
	"1::cat: $ROOTFILE: Permission denied
cat: /etc/shadow: Permission denied
-:3: % Command exited with status 1"
ssh_op_in "enable\n$SECRET\nconfigure terminal\ndo shell cat $ROOTFILE\n"
expect_match "do shell: unread" "$rc:$err" "^1:cat: $ROOTFILE: Permission denied"
no_leak "do shell"
ssh_op_in "enable\n$SECRET\nshell sudo -n true\n"
[ "$rc" -ne 0 ] && ok || fail "shell: sudo worked for the operator"

# ---- files named in commands are read as the operator
for c in "configure replace $ROOTFILE force" \
	 "show archive config differences $ROOTFILE running-config"; do
	ssh_op_in "enable\n$SECRET\n$c\n"
	expect_eq "$c: refused" "$rc:$err" \
		"1:-:3: % Error: Cannot read $ROOTFILE: Permission denied"
	no_leak "$c"
done
ssh_op_in "enable\n$SECRET\ncopy running-config $SSH_DIR/server/x\n"
expect_match "copy to a path: no such command" "$rc:$err" \
	"^1:-:3: % Invalid input detected"
[ ! -e "$SSH_DIR/server/x" ] && ok || fail "copy to a path made a file"
# (a space first: ssh itself would take -f)
ssh_op " -f $ROOTFILE"
expect_match "ssh '-f FILE': a command line, refused" "$rc:$err" '^1:.*% Invalid'
no_leak "ssh -f"

# ---- write memory: the built-in startup configuration, the operator's
ssh_op_in "enable\n$SECRET\nwrite memory\n"
expect_eq "write memory: status" "$rc:$err" "0:"
expect_eq "write memory: the group's file" \
	"$(stat -c '%u:%G %a' "$SSH_STARTUP")" "$OPUID:vrfsh 640"
ssh_op 'show startup-config'
expect_match "show startup-config: the saved one" "$out" '^vrf definition Blue$'

# ---- the options and environment of a capability-carrying vrfsh
OP="setpriv --reuid=$OPUID --regid=$OPGID --init-groups"
opl() {
	(cd / && env "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}
opl $OP "$SSH_VRFSH_CAPS" --config "$ROOTFILE" -c 'show startup-config'
expect_match "--config: ignored" "$err" '^vrfsh: --config is ignored: '
no_leak "--config"
opl VRFSH_CONFIG="$ROOTFILE" $OP "$SSH_VRFSH_CAPS" -c 'show startup-config'
expect_eq "VRFSH_CONFIG: ignored, the built-in file shown" "$rc:$err" "0:"
no_leak "VRFSH_CONFIG"
opl $OP "$SSH_VRFSH_CAPS" -f "$ROOTFILE"
expect_eq "-f a root-only file" "$rc:$err" \
	"2:vrfsh: cannot open $ROOTFILE: Permission denied"
mkdir -m 0700 "$SSH_DIR/home/op/state" && chown op "$SSH_DIR/home/op/state"
printf 'enable\n%s\nconfigure terminal\nip route 10.9.0.0 255.255.0.0 Null0\n' \
	"$SECRET" >"$tmp/in"
(cd / && VRFSH_STATE_DIR=$SSH_DIR/home/op/state $OP "$SSH_VRFSH_CAPS" \
	<"$tmp/in" >/dev/null 2>&1)
expect_eq "VRFSH_STATE_DIR: ignored" \
	"$(ls -A "$SSH_DIR/home/op/state"):$(ls /run/vrfsh | grep -cx static)" ":1"

# ---- an interactive session: enable, configure, shell, history
# the history file planted as a link to the root-only file
ln -s "$ROOTFILE" "$SSH_DIR/home/op/.vrfsh_history"
chown -h op "$SSH_DIR/home/op/.vrfsh_history"
cat >"$SSH_DIR/op.exp" <<'EOF'
set timeout $env(SSH_TIMEOUT)
log_user 1
spawn -noecho {*}$env(SSH_SPAWN)
proc step {re what} {
	expect {
		-re $re { return }
		timeout { puts stderr "\nop.exp: timeout at $what"; exit 1 }
		eof { puts stderr "\nop.exp: end of file at $what"; exit 2 }
	}
}
step {R1>$} "the first prompt"
send "enable\r"
step {Password: $} "the password prompt"
send "[lindex $argv 0]\r"
step {R1#$} "level 15"
send "show privilege\r"
step {R1#$} "show privilege"
send "configure terminal\r"
step {R1\(config\)#$} "configure"
send "vrf Green\r"
step {R1\(config-vrf[^)]*\)#$} "vrf Green"
send "end\r"
step {R1#$} "end"
send "shell id -u\r"
step {R1#$} "shell id -u"
send "shell cat [lindex $argv 1]\r"
step {R1#$} "shell cat"
send "configure terminal\r"
step {R1\(config\)#$} "configure again"
send "no service shell\r"
step {R1\(config\)#$} "no service shell"
send "service shell\r"
step {R1\(config\)#$} "service shell"
send "end\r"
step {R1#$} "end again"
send "disable\r"
step {R1>$} "disable"
send "exit\r"
expect eof
exit 0
EOF
ssh_expect "$SSH_DIR/op.exp" "$SECRET" "$ROOTFILE"
expect_eq "interactive: status" "$rc:$err" "0:"
expect_match "interactive: the secret not echoed" "$out" '^Password: $'
if printf '%s' "$out" | grep -q -- "$SECRET"; then
	fail "interactive: the secret was echoed"
else ok; fi
expect_match "interactive: level 15" "$out" '^Current privilege level is 15$'
expect_match "interactive: vrf Green made" "$(ip netns list)" '^Green'
expect_match "interactive: shell as the operator" "$out" "^$OPUID\$"
expect_match "interactive: root-only file unread" "$out" \
	"^cat: $ROOTFILE: Permission denied"
expect_match "interactive: service shell is root's" "$out" \
	"^% Permission denied: 'service shell' needs the caller's own rights"
no_leak "interactive"
expect_eq "history: the planted link left as it was" \
	"$(readlink "$SSH_DIR/home/op/.vrfsh_history")" "$ROOTFILE"
expect_eq "the root-only file unchanged" "$(md5sum "$ROOTFILE")" "$root_sum"

# ---- no service shell (the operator's, above): shell refused to every
# way in, and only root may allow it again
expect_match "interactive: no service shell kept" \
	"$("$VRFSH" -c 'show running-config')" '^no service shell$'
ssh_op_in "enable\n$SECRET\nshell id -u\n"
expect_eq "no service shell: refused" "$rc:$out:$err" \
	"1::-:3: % Permission denied: shell is switched off here ('no service shell')"
ssh_op_in "enable\n$SECRET\nconfigure terminal\nservice shell\n"
expect_eq "no service shell: the operator cannot undo it" "$rc:$err" \
	"1:-:4: % Permission denied: 'service shell' needs the caller's own rights (root), not those of vrfsh's file capabilities"

ip netns del Green 2>/dev/null
ip netns del Blue 2>/dev/null
finish
