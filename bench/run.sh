#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# bench/run.sh [RUNS] - vrfsh against iproute2 and against the kernel's
# own limit (bench/limit: the same kernel work done the fastest way the
# kernel allows), side by side, in a sandbox of its own (unshare --net
# --mount, a tmpfs over /run).  Each figure is the median of RUNS runs
# (default 5), measured in turns; a second table gives the lowest and
# highest run of each.  Needs root.  `make bench` runs it.
#
# Environment: NROUTES (100000), NVRFS (200), NIFS (2000), NBIG (1000000
# routes for the memory rows; 0 leaves them out), NMANY (1000 VRFs with a
# veth each; 0 leaves them out), BEFORE (another vrfsh binary, e.g. the
# previous release: its figures of the memory rows are added).
[ -n "$VRFSH_SANDBOX" ] || exec "${top_srcdir:-$(dirname "$0")/..}/tests/sandbox.sh" sh "$0" "$@"

runs=${1:-5}
load0=$(cut -d" " -f1-3 /proc/loadavg)
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
VRFSH=${VRFSH:-$top_builddir/src/vrfsh}
M=$top_builddir/bench/measure
K=$top_builddir/bench/keypress
L=$top_builddir/bench/limit
A=$top_builddir/bench/acl
w=$(mktemp -d /tmp/vrfsh-bench.XXXXXX)
trap 'rm -rf "$w"' EXIT
NROUTES=${NROUTES:-100000}
NVRFS=${NVRFS:-200}
NIFS=${NIFS:-2000}
NBIG=${NBIG:-1000000}
NMANY=${NMANY:-1000}
NACL=${NACL:-10000}

# forget_routes : no static route left, in the kernel nor configured
# (vrfsh keeps configured routes beside the kernel, in /run/vrfsh, and
# installs them again at its next start)
forget_routes() {
	ip route flush proto static
	ip route flush proto boot
	rm -f /run/vrfsh/static/*
}

# stats FILE [FIELD]: "median min max" of a field (1: seconds, 2: kB)
stats() {
	sort -g -k"${2:-1}" "$1" | awk -v f="${2:-1}" '
		{ v[NR] = $f }
		END { if (NR) print v[int((NR + 1) / 2)], v[1], v[NR]; else print "- - -" }'
}
med() { stats "$1" "$2" | cut -d' ' -f1; }
spread() { stats "$1" "$2" | awk '$1 == "-" { print "-"; next } { print $2 "-" $3 }'; }
# ratio X Y: X / Y with two decimals, "-" when either is missing
ratio() {
	echo "$1 $2" | awk '$1 == "-" || $2 == "-" || $2 == 0 { print "-"; next }
		{ printf "%.2f\n", $1 / $2 }'
}
# ok EXPR: "met" or "NOT met" by an awk condition on $1 (a ratio or a value)
ok() { echo "$1" | awk "\$1 == \"-\" { print \"?\"; next } $2 { print \"met\"; next } { print \"NOT met\" }"; }
kb2mb() { echo "$1" | awk '$1 == "-" { print "-"; next } { printf "%.1f\n", $1 / 1024 }'; }

: >"$w/table"; : >"$w/spread"
# row NAME VRFSH IPROUTE2 LIMIT TARGET [SPREADS...]: the figures, then
# vrfsh/limit and iproute2/vrfsh
row() {
	printf '%-44s %9s %9s %9s %7s %7s  %s\n' "$1" "$2" "$3" "$4" \
		"$(ratio "$2" "$4")" "$(ratio "$3" "$2")" "$5" >>"$w/table"
	printf '%-44s %19s %19s %19s\n' "$1" "${6:--}" "${7:--}" "${8:--}" \
		>>"$w/spread"
}
# timed NAME FILE-V FILE-I FILE-L TARGET: a row of times in seconds
timed() {
	row "$1" "$(med "$2")" "$(med "$3")" "$(med "$4")" "$5" \
		"$(spread "$2")" "$(spread "$3")" "$(spread "$4")"
}
none() { : >"$w/none"; }
none

# ---- 100,000 routes from a file -------------------------------------------
ip link add b0 type veth peer name b1
ip addr add 192.168.1.1/24 dev b0
ip link set b0 up
ip link set b1 up
routes_files() {	# N DIR
	awk -v n="$1" -v c="$2/routes.conf" -v b="$2/routes.ip" 'BEGIN {
		print "configure terminal" > c
		for (i = 0; i < n; i++) {
			p = sprintf("%d.%d.%d.0/24", 10 + int(i / 65536), int(i / 256) % 256, i % 256)
			print "ip route " p " 192.168.1.2" > c
			print "route add " p " via 192.168.1.2" > b
		}
	}'
}
routes_files "$NROUTES" "$w"
: >"$w/v"; : >"$w/i"; : >"$w/l"; : >"$w/la"
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/routes.conf" >>"$w/v"
	forget_routes
	$M ip -batch "$w/routes.ip" >>"$w/i"
	forget_routes
	$M "$L" routes "$NROUTES" 192.168.1.2 b0 >>"$w/l"
	forget_routes
	$M "$L" routes -a "$NROUTES" 192.168.1.2 b0 >>"$w/la"
	forget_routes
done
x=$(ratio "$(med "$w/v")" "$(med "$w/l")")
timed "$NROUTES routes from a file (s)" "$w/v" "$w/i" "$w/l" \
	"vrfsh/limit <= 1.15: $(ok "$x" '$1 <= 1.15')"
timed "  limit with an ack per request (s)" "$w/none" "$w/none" "$w/la" \
	"(for scale)"

# ---- the same file again onto the live table (idempotent) -------------------
# the iproute2 column is the first apply of the same run
: >"$w/v"; : >"$w/f"
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/routes.conf" >>"$w/f"
	$M "$VRFSH" -f "$w/routes.conf" >>"$w/v"
	forget_routes
done
x=$(ratio "$(med "$w/v")" "$(med "$w/f")")
timed "  again onto it; 2nd column: 1st apply (s)" "$w/v" "$w/f" "$w/none" \
	"again/first $x <= 2: $(ok "$x" '$1 <= 2')"

# ---- show ip route of 100,000 routes -----------------------------------------
"$VRFSH" -f "$w/routes.conf"
: >"$w/v"; : >"$w/i"; : >"$w/vj"; : >"$w/ij"; : >"$w/l"
for r in $(seq "$runs"); do
	$M "$VRFSH" -c "show ip route" >>"$w/v"
	$M ip route show >>"$w/i"
	$M "$VRFSH" -c "show ip route json" >>"$w/vj"
	$M ip -j route show >>"$w/ij"
	$M "$L" dump >>"$w/l"
done
x=$(ratio "$(med "$w/i")" "$(med "$w/v")")
timed "show ip route, $NROUTES routes (s)" "$w/v" "$w/i" "$w/l" \
	"iproute2/vrfsh >= 1: $(ok "$x" '$1 >= 1')"
x=$(ratio "$(med "$w/ij")" "$(med "$w/vj")")
timed "show ip route json vs ip -j route (s)" "$w/vj" "$w/ij" "$w/l" \
	"iproute2/vrfsh >= 1: $(ok "$x" '$1 >= 1')"
forget_routes

# ---- 200 VRFs with lo up --------------------------------------------------------
{
	echo "configure terminal"
	for n in $(seq "$NVRFS"); do echo "vrf bench$n"; done
} >"$w/vrfs.conf"
cat >"$w/vrfs.sh" <<SH
for n in \$(seq $NVRFS); do
	ip netns add ip\$n && ip -n ip\$n link set lo up
done
SH
: >"$w/v"; : >"$w/i"; : >"$w/l"
# drop PREFIX: removes the VRFs PREFIX1..PREFIXN, then waits a little:
# the kernel frees namespaces in the background, which would slow down
# whatever is measured next
drop() {
	for n in $(seq "$NVRFS"); do echo "netns delete $1$n"; done >"$w/drop"
	ip -batch "$w/drop"
	sleep 2
}
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/vrfs.conf" >>"$w/v"
	drop bench
	$M sh "$w/vrfs.sh" >>"$w/i"
	drop ip
	$M "$L" vrfs "$NVRFS" lim >>"$w/l"
	drop lim
done
x=$(ratio "$(med "$w/v")" "$(med "$w/l")")
timed "$NVRFS VRFs with lo up (s)" "$w/v" "$w/i" "$w/l" \
	"vrfsh/limit <= 1.15: $(ok "$x" '$1 <= 1.15')"

# ---- show vrf against ip netns list ------------------------------------------------
for n in $(seq 10); do ip netns add show$n; done
: >"$w/v"; : >"$w/i"
for r in $(seq "$runs"); do
	$M "$VRFSH" -c "show vrf" >>"$w/v"
	$M ip netns list >>"$w/i"
done
timed "vrfsh -c 'show vrf', 10 VRFs (s)" "$w/v" "$w/i" "$w/none" "-"
for n in $(seq 10); do ip netns delete show$n; done

# ---- TAB and ? with 2000 interfaces -------------------------------------------------
ip netns add K
awk -v n="$NIFS" 'BEGIN { for (i = 0; i < n; i++) printf "link add e%d type bridge\n", i }' \
	>"$w/ifs.ip"
ip -n K -batch "$w/ifs.ip"
: >"$w/i"
for r in $(seq "$runs"); do $M ip -n K -br link >>"$w/i"; done
i=$(med "$w/i" | awk '{ printf "%.3f", $1 * 1000 }')
$K K 15 >"$w/k"
while read -r kind line; do
	ms=$(echo "$line" | sed 's/.*" \([0-9.]*\) ms.*/\1/')
	what=$(echo "$line" | sed 's/^\("[^"]*"\).*/\1/')
	row "$kind $what, $NIFS interfaces (ms)" "$ms" "$i" "-" \
		"< 10 ms: $(ok "$ms" '$1 < 10')"
done <"$w/k"
ip netns delete K

# ---- 1,000,000 routes: memory of the shows ------------------------------------------
if [ "$NBIG" -gt 0 ]; then
	mkdir "$w/big"
	routes_files "$NBIG" "$w/big"
	"$VRFSH" -f "$w/big/routes.conf"
	# the first command after the apply: it would reconcile the record
	# if the VRF's links had no static-seen digest (they have one from
	# the rows above); measured apart, not in the shows
	$M "$VRFSH" -c "show version" >"$w/v"
	row "  1st command after it (s)" "$(med "$w/v")" "-" "-" \
		"peak $(kb2mb "$(med "$w/v" 2)") MB"
	for what in "show ip route" "show running-config"; do
		: >"$w/v"; : >"$w/i"; : >"$w/l"; : >"$w/b"
		for r in $(seq "$runs"); do
			$M "$VRFSH" -c "$what" >>"$w/v"
			[ -z "$BEFORE" ] || $M "$BEFORE" -c "$what" >>"$w/b"
			$M ip route show >>"$w/i"
			$M "$L" dump >>"$w/l"
		done
		timed "$what, $NBIG routes (s)" "$w/v" "$w/i" "$w/l" \
			"${BEFORE:+time before: $(med "$w/b") s}"
		m=$(kb2mb "$(med "$w/v" 2)")
		row "  its peak memory (MB)" "$m" "$(kb2mb "$(med "$w/i" 2)")" \
			"$(kb2mb "$(med "$w/l" 2)")" \
			"< 32 MB: $(ok "$m" '$1 < 32')${BEFORE:+; before: $(kb2mb "$(med "$w/b" 2)") MB}"
	done
	forget_routes
	rm -rf "$w/big"
fi

# ---- 1,000 VRFs, each with a veth to the default VRF --------------------------------
# per-VRF time of each show at NMANY VRFs against at NMANY/10
many_add() {	# FROM TO
	awk -v a="$1" -v b="$2" 'BEGIN { for (i = a; i <= b; i++) {
		printf "netns add m%d\n", i
		printf "link add mv%d type veth peer name mp%d netns m%d\n", i, i, i
	} }' >"$w/many.ip"
	ip -batch "$w/many.ip"
}
if [ "$NMANY" -gt 0 ]; then
	small=$((NMANY / 10))
	many_add 1 "$small"
	for n in $small $NMANY; do
		[ "$n" = "$small" ] || many_add $((small + 1)) "$n"
		for what in "show vrf" "show ip interface brief vrf all" \
			"show running-config"; do
			f="$w/many.$n.$(echo "$what" | tr ' ' _)"
			: >"$f"
			for r in $(seq "$runs"); do
				$M "$VRFSH" -c "$what" >>"$f"
			done
		done
	done
	for what in "show vrf" "show ip interface brief vrf all" \
		"show running-config"; do
		k=$(echo "$what" | tr ' ' _)
		a=$(med "$w/many.$small.$k"); b=$(med "$w/many.$NMANY.$k")
		x=$(echo "$a $b $small $NMANY" | awk '{ printf "%.2f", ($2 / $4) / ($1 / $3) }')
		row "$what, $NMANY VRFs (s)" "$b" "-" "-" \
			"per VRF vs $small VRFs ($a s): $x <= 1.5: $(ok "$x" '$1 <= 1.5')" \
			"$(spread "$w/many.$NMANY.$k")"
	done
	for i in $(seq "$NMANY"); do echo "netns delete m$i"; done >"$w/many.ip"
	ip -batch "$w/many.ip"
fi

# ---- a 10,000-entry access list in one transaction ------------------------------------
# vrfsh -f of the list in IOS syntax (the mode, then one line per entry,
# all sent as one transaction) against nft -f of the same rules; and the
# backend alone (bench/acl: net_acl_set of the whole list) in the limit
# column.
$A -n "$NACL" -w "$w/acl.nft"
awk -v n="$NACL" 'BEGIN {
	print "configure terminal"
	print "ip access-list extended BENCH"
	for (i = 0; i < n; i++) {
		a = i + 1
		printf " %d %s tcp host 10.%d.%d.%d any eq %d\n", 10 * a,
			i % 10 == 9 ? "deny" : "permit", int(a / 65536) % 256,
			int(a / 256) % 256, a % 256, 1024 + i % 60000
	}
	print "end"
}' >"$w/acl.conf"
: >"$w/v"; : >"$w/i"; : >"$w/b"
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/acl.conf" >>"$w/v"
	nft delete table inet vrfsh
	$M nft -f "$w/acl.nft" >>"$w/i"
	nft delete table inet bench
	$M "$A" -n "$NACL" >>"$w/b"
	nft delete table inet vrfsh
done
timed "$NACL-entry access list; nft -f; backend (s)" "$w/v" "$w/i" "$w/b" "-"

echo "vrfsh $("$VRFSH" --version | cut -d' ' -f2) on $(uname -srm), $(nproc) cores, $runs runs each, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "CPU: $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1); load average at the start $load0, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-44s %9s %9s %9s %7s %7s  %s\n' "medians" "vrfsh" "iproute2" "limit" \
	"v/limit" "ip/v" "target"
cat "$w/table"
echo
printf '%-44s %19s %19s %19s\n' "lowest-highest run" "vrfsh" "iproute2" "limit"
cat "$w/spread"
