#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The manual page is lint-clean, and it, --help and the README name every
# option the program takes.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

man="$top_srcdir/doc/vrfsh.1"
if command -v mandoc >/dev/null 2>&1; then
	lint=$(mandoc -Tlint -W warning "$man" 2>&1 | grep -v 'mandoc.db')
	expect_eq "mandoc -Tlint" "$lint" ""
else
	echo "mandoc is not installed: lint skipped" >&2
fi
help=$("$VRFSH" --help)
for opt in -c -f -b --config --keep-going --watch --help --version; do
	case $help in *"$opt"*) ok ;; *) fail "--help lacks $opt" ;; esac
	grep -q -- "Fl ${opt#-}\|Fl -${opt#--}" "$man" && ok ||
		fail "vrfsh.1 lacks $opt"
done
for cmd in 'show ip route' 'show running-config' 'ping' 'traceroute' \
	'shell' 'routing-context' 'bridge-group' 'vrf forwarding' \
	'Ic hostname' 'Ic banner motd' 'Ic clear counters' 'Ic clear ip arp' \
	'Ic default interface' 'Ic show clock' 'Ic show users' \
	'Ic show interfaces status' 'Ic show interfaces description' \
	'Ic show ip interface Oo' 'Ic show ipv6 interface Oo' \
	'Ic show ipv6 interface brief' 'Ic show vrf Oo Cm detail' \
	'Ic show arp' 'Ic show lldp neighbors' 'Ic show cdp' 'Sh IOS LAYOUTS'; do
	grep -q "$cmd" "$man" && ok || fail "vrfsh.1 lacks $cmd"
done

# The README's two commands work as root without sudo, and as a user
# through sudo: they start with ./as-root, never with sudo itself.
readme="$top_srcdir/README"
expect_eq "README: no command starts with sudo" \
	"$(grep -cE '^ +(sudo |.*&& sudo )' "$readme")" 0
expect_eq "README: the set-up command starts with ./as-root" \
	"$(grep -cE '^    \./as-root \./deps && \./bootstrap && \./configure && make && \./as-root \./src/vrfsh$' "$readme")" 1
expect_eq "README: the test command" \
	"$(grep -cE '^    \./as-root \./deps --tests && \./as-root make check$' "$readme")" 1
# CI installs what the README's commands install: the same script
expect_eq "CI installs with ./deps --tests" \
	"$(grep -c '^\./deps --tests$' "$top_srcdir/.ci/run")" 1
mkdir -p "$tmp/bin" && chmod 755 "$tmp" "$tmp/bin"
cp "$top_srcdir/as-root" "$tmp/as-root" && chmod 755 "$tmp/as-root"
printf '#!/bin/sh\necho "sudo $*"\n' >"$tmp/bin/sudo" && chmod 755 "$tmp/bin/sudo"
if [ "$(id -u)" -eq 0 ]; then
	# root on a machine without sudo: the command runs directly
	expect_eq "as-root as root, no sudo on PATH" \
		"$(PATH=/usr/bin:/bin sh -c 'cd / && exec "$0" id -u' "$tmp/as-root")" 0
	expect_eq "as-root as root never asks sudo" \
		"$(PATH="$tmp/bin:/usr/bin:/bin" "$tmp/as-root" echo direct)" direct
	if command -v setpriv >/dev/null 2>&1; then
		got=$(cd / && PATH="$tmp/bin:/usr/bin:/bin" setpriv --reuid=65534 \
			--regid=65534 --clear-groups "$tmp/as-root" make check)
		expect_eq "as-root as a user goes through sudo" "$got" \
			"sudo -- make check"
		mkdir -p "$tmp/nosudo" && chmod 755 "$tmp/nosudo" &&
			ln -s "$(command -v id)" "$tmp/nosudo/id"
		got=$(cd / && setpriv --reuid=65534 --regid=65534 \
			--clear-groups /usr/bin/env PATH="$tmp/nosudo" \
			/bin/sh "$tmp/as-root" true 2>&1)
		expect_match "as-root as a user without sudo says so" "$got" \
			'not root and there is no sudo'
	fi
fi
expect_eq "as-root without a command" \
	"$("$tmp/as-root" 2>&1; echo "rc $?")" "usage: ./as-root COMMAND [ARG]...
rc 2"
finish
