#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# SSH smoke test: the harness of tests/ssh/lib.sh against today's vrfsh.
# sshd on the sandbox's loopback, an operator account `op` with vrfsh as
# its login shell: `ssh op 'show version'`, batch input on standard input,
# an interactive session in a pty, the ForceCommand set-up, the
# capability-carrying copy that only group vrfsh may run, and the first
# steps of Netmiko (cisco_ios) and Ansible (cisco.ios network_cli).
# iproute2 is the witness of what the operator is shown.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/ssh/lib.sh"

ssh_need ip expect jq ansible-playbook setcap getcap "$SSH_PY"
ssh_init
ssh_install_vrfsh
ssh_add_user op "$SSH_VRFSH"
ssh_add_user op2 "$SSH_VRFSH"
ssh_start

# The startup configuration's directory is the sandbox's own: write
# memory lands there, and the host's (seen through pid 1's root) is as it was
host_before=$(ls -ld --time-style=full-iso "/proc/1/root${SSH_STARTUP%/*}" \
	"/proc/1/root$SSH_STARTUP" 2>&1)
run -c 'write memory'
expect_eq "write memory in the sandbox: status" "$rc" 0
[ -s "$SSH_STARTUP" ] && ok || fail "write memory: no $SSH_STARTUP"
expect_eq "write memory: the host's directory is untouched" \
	"$(ls -ld --time-style=full-iso "/proc/1/root${SSH_STARTUP%/*}" \
		"/proc/1/root$SSH_STARTUP" 2>&1)" "$host_before"
rm -f "$SSH_STARTUP"

# A VRF made by root with iproute2, seen by the operator over SSH
ip netns add Blue || fail "ip netns add Blue"

ssh_op 'show version'
expect_eq "ssh show version: status" "$rc" 0
expect_match "ssh show version: version line" "$out" '^vrfsh Software \(VRFSH-'
expect_match "ssh show version: host name" "$out" "^$SSH_HOSTNAME uptime is "
expect_eq "ssh show version: no error" "$err" ""

ssh_op 'show vrf'
expect_eq "ssh show vrf: status" "$rc" 0
expect_match "ssh show vrf: default" "$out" '^  default +<not set> +ipv4,ipv6 +lo$'
# without privilege the operator sees the VRF but cannot enter it
expect_match "ssh show vrf: Blue (ip netns add)" "$out" \
	'^  Blue +<not set>$'

ssh_op 'show nonsense'
expect_eq "ssh bad command: status" "$rc" 1
expect_match "ssh bad command: message" "$err" \
	"^-c 1: % Invalid input detected at '\\^' marker\\.$"

ssh_op_in 'show version\nshow vrf\n'
expect_eq "batch on stdin: status" "$rc" 0
expect_match "batch on stdin: show version" "$out" '^vrfsh Software \(VRFSH-'
expect_match "batch on stdin: show vrf" "$out" '^  default +<not set> +ipv4,ipv6 +lo$'

ssh_session 'show vrf' 'show version'
expect_eq "interactive: status" "$rc" 0
expect_match "interactive: user EXEC prompt, show vrf" "$out" \
	"^$SSH_HOSTNAME>show vrf\$"
expect_match "interactive: Blue listed" "$out" '^  Blue +<not set>'
expect_match "interactive: show version" "$out" \
	"^$SSH_HOSTNAME>show version\$"
expect_match "interactive: show version output" "$out" '^vrfsh Software \(VRFSH-'
expect_match "interactive: exit" "$out" "^$SSH_HOSTNAME>exit\$"
[ -z "$err" ] || fail "interactive: [$err]"

# Netmiko cisco_ios: session preparation and send_command
ssh_netmiko 'show version'
expect_eq "netmiko: status" "$rc" 0
expect_eq "netmiko: prompt" "$(printf '%s' "$out" | jq -r .prompt)" \
	"$SSH_HOSTNAME>"
expect_match "netmiko: show version" \
	"$(printf '%s' "$out" | jq -r '.results[0].output')" '^vrfsh Software \(VRFSH-'
grep -q "^$SSH_HOSTNAME>terminal length 0" "$SSH_DIR/netmiko/session.log" && ok ||
	fail "netmiko: no terminal length 0 in the session log"

# Ansible cisco.ios over network_cli: ios_command (user EXEC, no become)
ssh_ansible_init no
ssh_ios_task cisco.ios.ios_command 'commands: [show version, show vrf]'
expect_eq "ansible ios_command: status" "$rc" 0
expect_eq "ansible ios_command: not failed" "$task_failed" false
expect_match "ansible ios_command: show version" \
	"$(printf '%s' "$task_json" | jq -r '.stdout[0]')" '^vrfsh Software \(VRFSH-'
expect_match "ansible ios_command: show vrf" \
	"$(printf '%s' "$task_json" | jq -r '.stdout[1]')" '^  Blue +<not set>'
ssh_ios_task cisco.ios.ios_command 'commands: [show nonsense]'
expect_eq "ansible ios_command, bad command: failed" "$task_failed" true
expect_match "ansible ios_command, bad command: message" "$task_msg" \
	'Invalid input detected'

# ForceCommand: whatever the client asks runs as one vrfsh command line
ssh_stop
ssh_set_shell op /bin/sh
ssh_start force
ssh_op 'show version'
expect_eq "ForceCommand show version: status" "$rc" 0
expect_match "ForceCommand show version" "$out" '^vrfsh Software \(VRFSH-'
ssh_op 'id'
expect_eq "ForceCommand: id is not a shell command" "$rc" 1
expect_match "ForceCommand: id refused by vrfsh" "$err" '% Invalid input'
ssh_session 'show vrf'
expect_eq "ForceCommand interactive: status" "$rc" 0
expect_match "ForceCommand interactive: prompt" "$out" \
	"^$SSH_HOSTNAME>show vrf\$"
expect_match "ForceCommand interactive: output" "$out" '^  Name +Default RD +Protocols +Interfaces$'

# The capability-carrying copy: root:vrfsh 0750, caps; op is in vrfsh
ssh_stop
ssh_install_caps
ssh_group_add op vrfsh
ssh_set_shell op "$SSH_VRFSH_CAPS"
ssh_set_shell op2 "$SSH_VRFSH_CAPS"
ssh_start
expect_eq "caps copy: owner and mode" \
	"$(stat -c '%U:%G %a' "$SSH_VRFSH_CAPS")" "root:vrfsh 750"
expect_match "caps copy: file capabilities" "$(getcap "$SSH_VRFSH_CAPS")" \
	'cap_net_admin,cap_net_raw,cap_sys_admin[=+]ep'
ssh_op 'show vrf'
expect_eq "caps copy, group member: status" "$rc" 0
# with the capabilities it can enter Blue
expect_match "caps copy, group member: show vrf" "$out" \
	'^  Blue +<not set> +ipv4,ipv6 +lo$'
ssh_as op2 'show vrf'
[ "$rc" -ne 0 ] && ok || fail "caps copy, not in group vrfsh: ran"
expect_match "caps copy, not in group vrfsh: refused" "$err" \
	'Permission denied'
expect_eq "caps copy, not in group vrfsh: no output" "$out" ""

ip netns del Blue
finish
