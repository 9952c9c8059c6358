#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The console in a pseudo-terminal against live namespaces (needs expect
# and root; in its own sandbox): see live.exp.
[ -n "$VRFSH_SANDBOX" ] || exec "$top_srcdir/tests/sandbox.sh" sh "$0" "$@"
. "$top_srcdir/tests/lib.sh"

if ! command -v expect >/dev/null 2>&1; then
	echo "expect is not installed: skipping" >&2
	exit 77
fi
"$VRFSH" -f "$top_srcdir/examples/seed-blue.conf" && ok ||
	fail "seed applied"
"$VRFSH" -c 'configure terminal' -c 'banner motd #Welcome to the seed lab#' &&
	ok || fail "banner set"

# A resolver that never answers, for Ctrl-C during a slow name lookup:
# a private /etc (an overlay, in the sandbox's own mount namespace) whose
# resolv.conf names a UDP listener on lo that reads and never replies.
mkdir "$tmp/etc" && mount -t tmpfs vrfsh-etc "$tmp/etc" &&
	mkdir "$tmp/etc/u" "$tmp/etc/w" &&
	mount -t overlay vrfsh-etc -o "lowerdir=/etc,upperdir=$tmp/etc/u,workdir=$tmp/etc/w" /etc &&
	printf 'nameserver 127.0.0.1\noptions timeout:5 attempts:2\n' >/etc/resolv.conf
expect_eq "private /etc with a silent resolver" "$?" 0
/usr/bin/python3 -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 53))
open("'"$tmp"'/dns-ready", "w").close()
while True:
    s.recvfrom(512)
' &
dns=$!
i=0
while [ ! -e "$tmp/dns-ready" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done

# the seed's veth has its carrier before the console shows it
i=0
while [ "$(ip -n Blue -j link show vethb | jq -r '.[0].operstate')" != UP ] &&
	[ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
mkdir "$tmp/home"
expect -f "$top_srcdir/tests/cli/live.exp" "$VRFSH" "$tmp/home" && ok ||
	fail "live console session"
kill "$dns" 2>/dev/null
wait "$dns" 2>/dev/null
umount /etc "$tmp/etc"
# typed in the C locale at the console, stored whole
expect_eq "a non-ASCII description typed at the console" \
	"$(ip -j link show vetha | jq -r '.[0].ifalias')" "café au lait"
# what the console's ip route did, as the kernel has it
expect_eq "route typed at the console is in the kernel" \
	"$(ip -n Blue -j route show 10.99.0.0/16 | jq -c '[.[] | [.dst, .gateway, .protocol]]')" \
	'[["10.99.0.0/16","192.168.100.1","static"]]'
expect_eq "refused route is not" "$(ip -j route show 10.98.0.0/16)" "[]"
expect_eq "the inactive one is not in the kernel" \
	"$(ip -j route show 10.97.0.0/16)" "[]"
expect_match "...but in the configuration" \
	"$("$VRFSH" -c 'show running-config' | grep '^ip route')" \
	'^ip route 10\.97\.0\.0 255\.255\.0\.0 10\.123\.0\.1$'
finish
