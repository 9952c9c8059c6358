#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# shell [vrf NAME] [COMMAND]: the command runs in the VRF as ip netns exec
# runs it (its network namespace, a mount namespace of its own with the
# VRF's /sys, /etc/netns/NAME files over /etc), a non-zero exit status is
# reported, and vrfsh itself stays where it was.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/route/common.sh"

lab
sys_before=$(ls /sys/class/net | tr '\n' ' ')

# -- the child is in R1: its links, its namespace, its /sys
run -c 'shell vrf R1 ip -j link'
expect_eq "shell vrf R1 ip -j link: status" "$rc:$err" "0:"
expect_eq "shell vrf R1 ip -j link = ip -n R1 -j link" \
	"$(printf '%s' "$out" | jq -c '[.[] | [.ifindex, .ifname, .address]]')" \
	"$(ip -n R1 -j link | jq -c '[.[] | [.ifindex, .ifname, .address]]')"
expect_eq "... which is not default's" \
	"$(printf '%s' "$out" | jq -r '[.[].ifname] | join(" ")')" "lo r1-r2"
run -c 'shell vrf R1 readlink /proc/self/ns/net'
expect_eq "the child's network namespace is /run/netns/R1" "$rc:$out" \
	"0:net:[$(stat -L -c %i /run/netns/R1)]"
run -c 'shell vrf R1 ls /sys/class/net'
expect_eq "the child's /sys is R1's" "$rc:$(printf '%s' "$out" | sort |
	tr '\n' ' ')" "0:lo r1-r2 "
expect_eq "...and ours is still ours" "$(ls /sys/class/net | tr '\n' ' ')" \
	"$sys_before"
run -c 'shell vrf R1 readlink /proc/self/ns/mnt'
expect_match "the child has a mount namespace of its own" \
	"$rc:$out" "^0:mnt:\[[0-9]+\]$"
expect_eq "...not ours" "$(printf '%s' "$out" | grep -c \
	"^$(readlink /proc/self/ns/mnt | sed 's/[][]/\\&/g')$")" 0
run -c 'shell vrf R2 cat /proc/sys/net/ipv4/ip_forward'
expect_eq "R2's sysctl (R2 routes)" "$rc:$out" "0:1"
run -c 'shell cat /proc/sys/net/ipv4/ip_forward' \
	-c 'shell readlink /proc/self/ns/net'
expect_eq "no vrf: the default VRF" "$rc:$out" \
	"0:0
$(readlink /proc/self/ns/net)"
run -c 'routing-context vrf R3' -c 'shell ip -j addr show dev r3-r2'
expect_eq "routing-context vrf R3; shell" "$rc:$(printf '%s' "$out" |
	jq -r '[.[0].addr_info[] | select(.family == "inet") | .local] |
	join(" ")')" "0:10.0.23.3"

# -- vrfsh itself does not move: after shell, it still acts in default
run -c 'shell vrf R1 true' -c 'show ip route json' \
	-c 'shell vrf R2 true' -c 'show interfaces json'
expect_eq "after shell: status" "$rc:$err" "0:"
printf '%s\n' "$out" | sed -n 1p >"$tmp/routes.json"
printf '%s\n' "$out" | sed -n '2,$p' >"$tmp/ifs.json"
expect_eq "after shell vrf R1: show ip route is default's" \
	"$(jq -c '[.vrf, [.routes[].prefix]]' "$tmp/routes.json")" \
	'["default",["127.0.0.0/8","127.0.0.1/32"]]'
expect_eq "after shell vrf R2: show interfaces is default's" \
	"$(jq -c '[.interfaces[].name]' "$tmp/ifs.json")" \
	"$(ip -j link | jq -c '[.[].ifname]')"
run -c 'shell vrf R1 true' -c 'ping 10.0.23.3 repeat 1 timeout 1'
expect_match "after shell vrf R1: ping acts in default (no route)" \
	"$rc:$out" '^1:.*
U
Success rate is 0 percent'
# ...and neither does the test's own process
expect_eq "our namespace: only lo" "$(ip -j link | jq -r '[.[].ifname] |
	join(" ")')" "lo"

# -- exit status
run -c 'shell vrf R1 exit 3'
expect_eq "exit 3" "$rc:$err" "1:-c 1: % Command exited with status 3"
run -c 'shell vrf R1 false'
expect_eq "false" "$rc:$err" "1:-c 1: % Command exited with status 1"
run -c 'shell vrf R1 no-such-command-vrfsh'
expect_eq "command not found: status" "$rc" 1
expect_match "command not found: 127" "$err" \
	'-c 1: % Command exited with status 127$'
run -c 'shell vrf R1 kill -TERM $$'
expect_eq "killed by SIGTERM: 128+15" "$rc:$err" \
	"1:-c 1: % Command exited with status 143"
run --keep-going -c 'shell vrf R1 exit 4' -c 'shell vrf R2 echo after'
expect_eq "--keep-going: reported, the next command ran" "$rc:$err:$out" \
	"1:-c 1: % Command exited with status 4:after"
run -c 'shell vrf R1 exit 5' -c 'shell vrf R2 echo after'
expect_eq "without it: stops there" "$rc:$out" "1:"
printf 'shell vrf R1 exit 6\n' >"$tmp/f"
run -f "$tmp/f"
expect_eq "from a file: FILE:LINE" "$rc:$err" \
	"1:$tmp/f:1: % Command exited with status 6"
run -c 'shell vrf R1 echo one' -c 'shell vrf R2 echo two' \
	-c 'shell vrf R3 echo three'
expect_eq "output in order" "$rc:$out" "0:one
two
three"

# -- refusals
run -c 'shell vrf NOPE true'
expect_eq "shell in a missing VRF" "$rc:$err" \
	"1:-c 1: % VRF NOPE not found"
run -c 'shell vrf R1'
expect_eq "shell without a command, no terminal" "$rc:$err" \
	"1:-c 1: % A shell without a command needs a terminal"
run -c 'disable' -c 'shell vrf R1 touch '"$tmp"'/ran'
expect_eq "shell in user EXEC is refused" "$rc" 1
expect_eq "...and nothing ran" "$([ -e "$tmp/ran" ] && echo ran)" ""

# -- /etc/netns/R1 files over /etc (and host names resolved with them)
if [ -d /etc/netns ]; then
	# the sandbox's mount namespace is private: this tmpfs hides the
	# host's /etc/netns from this test only, and dies with it
	hosts_before=$(cat /etc/hosts)
	mount -t tmpfs -o mode=0755 vrfsh-etc-netns /etc/netns
	mkdir /etc/netns/R1
	printf '10.0.23.3 r3.vrfsh-test.invalid\n' >/etc/netns/R1/hosts
	run -c 'shell vrf R1 cat /etc/hosts'
	expect_eq "/etc/netns/R1/hosts is R1's /etc/hosts" "$rc:$out" \
		"0:10.0.23.3 r3.vrfsh-test.invalid"
	run -c 'shell vrf R2 cat /etc/hosts'
	expect_eq "R2 (no /etc/netns/R2) keeps /etc/hosts" "$rc:$out" \
		"0:$hosts_before"
	run -c 'ping vrf R1 r3.vrfsh-test.invalid repeat 1'
	ping_ok "a name from /etc/netns/R1/hosts" 1 100 10.0.23.3 2
	run -c 'ping vrf R2 r3.vrfsh-test.invalid repeat 1'
	expect_eq "...unknown in R2" "$rc:$err" \
		"1:-c 1: % Unrecognized host or address, or protocol not running."
	expect_eq "our /etc/hosts is unchanged" "$(cat /etc/hosts)" \
		"$hosts_before"
	umount /etc/netns
else
	echo "note: /etc/netns not found here; the /etc/netns/R1 bind" \
		"checks are skipped (the host is never changed)" >&2
fi

finish
