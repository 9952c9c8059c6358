# SPDX-License-Identifier: GPL-2.0-or-later
# Shared helpers for the routing and reachability tests (tests/route/*.sh):
# everything of tests/vrf/common.sh, plus the three-router lab, a route
# snapshot and the checks of ping's output shape.  As there, iproute2
# (ip -j) is the independent witness of the kernel.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

# lab : examples/three-routers.conf applied with vrfsh -f, then wait
# for carrier on the four veth ends
lab() {
	run -f "$top_srcdir/examples/three-routers.conf"
	if [ "$rc" -ne 0 ] || [ -n "$err" ]; then
		# everything after depends on the lab: stop here
		fail "vrfsh -f three-routers.conf: rc=$rc err=[$err]"
		finish
		exit 1
	fi
	ok
	for x in "R1 r1-r2" "R2 r2-r1" "R2 r2-r3" "R3 r3-r2"; do
		wait_oper $x
	done
}

# wait_oper VRF IFNAME : up to 5 s for operstate UP
wait_oper() {
	i=0
	while [ "$(jlink "$1" "$2" .operstate)" != '"UP"' ] && [ $i -lt 50 ]
	do
		sleep 0.1
		i=$((i + 1))
	done
}

# wait_dad VRF... : up to 5 s until no IPv6 address there is tentative
wait_dad() {
	i=0
	while [ $i -lt 50 ]; do
		t=0
		for v in "$@"; do
			if ns_ip "$v" -6 -j addr | jq -e \
			   '[.[].addr_info[] | select(.tentative)] | length > 0' \
			   >/dev/null; then
				t=1
			fi
		done
		[ $t -eq 0 ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "wait_dad: addresses still tentative" >&2
}

# routes_snapshot FILE : the IPv4 and IPv6 routes of every table of every
# namespace (ip -j, raw: nothing here expires or changes on its own)
routes_snapshot() {
	{
		echo "netns: $(vrfs)"
		for n in default $(vrfs); do
			for f in 4 6; do
				echo "== $n -$f"
				ns_ip "$n" -$f -j route show table all
			done
		done
	} >"$1"
}

# ping_ok NAME COUNT SIZE DEST TIMEOUT : $out is exactly the contract's
# shape for COUNT replies out of COUNT, with min <= avg <= max, and the
# command succeeded
ping_ok() {
	bangs=$(printf '!%.0s' $(seq "$2"))
	expect_eq "$1: status" "$rc:$err" "0:"
	expect_eq "$1: lines 1-3" "$(printf '%s\n' "$out" | sed -n 1,3p)" \
"Type escape sequence to abort.
Sending $2, $3-byte ICMP Echos to $4, timeout is $5 seconds:
$bangs"
	expect_eq "$1: four lines" "$(printf '%s\n' "$out" | wc -l)" 4
	last=$(printf '%s\n' "$out" | sed -n 4p)
	expect_match "$1: summary" "$last" \
"^Success rate is 100 percent \($2/$2\), round-trip min/avg/max = [0-9]+/[0-9]+/[0-9]+ ms$"
	rtt=$(printf '%s' "$last" | sed -n 's|.* = \([0-9/]*\) ms$|\1|p')
	min=${rtt%%/*}
	max=${rtt##*/}
	avg=${rtt#*/}
	avg=${avg%/*}
	if [ -n "$rtt" ] && [ "$min" -le "$avg" ] && [ "$avg" -le "$max" ]
	then ok; else fail "$1: min/avg/max [$rtt] out of order"; fi
}

# ping_none NAME COUNT DEST TIMEOUT CHAR : $out is the shape of a ping
# that got nothing back (COUNT times CHAR: . or U), with no round-trip
# part, and (batch) the command failed
ping_none() {
	marks=$(printf "$5%.0s" $(seq "$2"))
	expect_eq "$1: output" "$out" \
"Type escape sequence to abort.
Sending $2, 100-byte ICMP Echos to $3, timeout is $4 seconds:
$marks
Success rate is 0 percent (0/$2)"
	expect_eq "$1: exit status 1" "$rc" 1
	expect_match "$1: an error is reported" "$err" "^-c [0-9]+: % .*$3"
}

# has_line NAME TEXT EXTENDED-REGEX : some line of TEXT matches
has_line() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then ok; else
		fail "$1: no line of [$2] matches /$3/"
	fi
}
