#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# bench/run.sh [RUNS] - vrfsh against iproute2, side by side, in a sandbox
# of its own (unshare --net --mount, a tmpfs over /run/netns).  Each
# figure is the median of RUNS runs (default 5); the table gives both
# medians, their ratio and the target.  Needs root.  `make bench` runs it.
[ -n "$VRFSH_SANDBOX" ] || exec "${top_srcdir:-$(dirname "$0")/..}/tests/sandbox.sh" sh "$0" "$@"

runs=${1:-5}
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-$top_srcdir}
VRFSH=${VRFSH:-$top_builddir/src/vrfsh}
M=$top_builddir/bench/measure
K=$top_builddir/bench/keypress
w=$(mktemp -d /tmp/vrfsh-bench.XXXXXX)
trap 'rm -rf "$w"' EXIT
NROUTES=${NROUTES:-100000}
NVRFS=${NVRFS:-200}
NIFS=${NIFS:-2000}

# forget_routes : no static route left, in the kernel nor configured
# (vrfsh keeps configured routes beside the kernel, in /run/vrfsh, and
# installs them again at its next start)
forget_routes() {
	ip route flush proto static
	rm -f /run/vrfsh/static/*
}

# median of the first field of the lines on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# median of the second field (peak memory, kB)
median2() { sort -n -k2 | awk '{ v[NR] = $2 } END { print v[int((NR + 1) / 2)] }'; }

rows=""
# row NAME VRFSH IPROUTE2 TARGET-RATIO (ratio = iproute2 / vrfsh when
# "faster" is the goal, vrfsh / iproute2 when "at most")
row() {
	printf '%-44s %10s %10s %8s  %s\n' "$1" "$2" "$3" "$4" "$5"
}

echo "vrfsh $("$VRFSH" --version | cut -d' ' -f2) on $(uname -srm), $(nproc) cores, $runs runs each"
row "measure" "vrfsh" "iproute2" "ratio" "target"

# ---- 1. 100,000 routes from a file --------------------------------------
ip link add b0 type veth peer name b1
ip addr add 192.168.1.1/24 dev b0
ip link set b0 up
ip link set b1 up
awk -v n="$NROUTES" 'BEGIN {
	print "configure terminal" > "'"$w"'/routes.conf"
	for (i = 0; i < n; i++) {
		p = sprintf("%d.%d.%d.0/24", 10 + int(i / 65536), int(i / 256) % 256, i % 256)
		print "ip route " p " 192.168.1.2" > "'"$w"'/routes.conf"
		print "route add " p " via 192.168.1.2" > "'"$w"'/routes.ip"
	}
}'
: >"$w/v" ; : >"$w/i"
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/routes.conf" >>"$w/v"
	forget_routes
	$M ip -batch "$w/routes.ip" >>"$w/i"
	ip route flush proto boot
done
v=$(median <"$w/v"); i=$(median <"$w/i")
row "vrfsh -f $NROUTES routes vs ip -batch (s)" "$v" "$i" \
	"$(echo "$i $v" | awk '{ printf "%.1fx", $1 / $2 }')" ">= 4x faster"

# ---- 1b. the same file again onto the live table (idempotent) ------------
# Second column: the first apply of the same run (not iproute2).
: >"$w/v" ; : >"$w/f"
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/routes.conf" >>"$w/f"
	$M "$VRFSH" -f "$w/routes.conf" >>"$w/v"
	forget_routes
done
v=$(median <"$w/v"); f=$(median <"$w/f")
row "vrfsh -f again vs first apply (s)" "$v" "$f" \
	"$(echo "$v $f" | awk '{ printf "%.2fx", $1 / $2 }')" "<= 2x"

# ---- 3. show ip route with the table loaded ----------------------------
"$VRFSH" -f "$w/routes.conf"
: >"$w/v" ; : >"$w/i"; : >"$w/vj"; : >"$w/ij"
for r in $(seq "$runs"); do
	$M "$VRFSH" -c "show ip route" >>"$w/v"
	$M ip route show >>"$w/i"
	$M "$VRFSH" -c "show ip route json" >>"$w/vj"
	$M ip -j route show >>"$w/ij"
done
v=$(median <"$w/v"); i=$(median <"$w/i")
row "show ip route, $NROUTES routes (s)" "$v" "$i" \
	"$(echo "$v $i" | awk '{ printf "%.2fx", $1 / $2 }')" "<= 1.5x"
vj=$(median <"$w/vj"); ij=$(median <"$w/ij")
row "show ip route json vs ip -j route (s)" "$vj" "$ij" \
	"$(echo "$vj $ij" | awk '{ printf "%.2fx", $1 / $2 }')" "<= 1.5x"
mem=$(cat "$w/v" "$w/vj" | median2)
row "peak memory of show ip route (MB)" \
	"$(echo "$mem" | awk '{ printf "%.1f", $1 / 1024 }')" "-" "-" "< 64 MB"
forget_routes

# ---- 2. 200 VRFs from one file ------------------------------------------
{
	echo "configure terminal"
	for n in $(seq "$NVRFS"); do echo "vrf bench$n"; done
} >"$w/vrfs.conf"
cat >"$w/vrfs.sh" <<SH
for n in \$(seq $NVRFS); do
	ip netns add ip\$n && ip -n ip\$n link set lo up
done
SH
: >"$w/v" ; : >"$w/i"
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/vrfs.conf" >>"$w/v"
	$M sh "$w/vrfs.sh" >>"$w/i"
	for n in $(seq "$NVRFS"); do
		ip netns delete bench$n
		ip netns delete ip$n
	done
done
v=$(median <"$w/v"); i=$(median <"$w/i")
row "$NVRFS VRFs with lo up (s)" "$v" "$i" \
	"$(echo "$i $v" | awk '{ printf "%.1fx", $1 / $2 }')" ">= 10x faster"

# ---- 4. show vrf against ip netns list -----------------------------------
for n in $(seq 10); do ip netns add show$n; done
: >"$w/v" ; : >"$w/i"
for r in $(seq "$runs"); do
	$M "$VRFSH" -c "show vrf" >>"$w/v"
	$M ip netns list >>"$w/i"
done
v=$(median <"$w/v"); i=$(median <"$w/i")
row "vrfsh -c 'show vrf', 10 VRFs (s)" "$v" "$i" \
	"$(echo "$v $i" | awk '{ printf "%.2fx", $1 / $2 }')" "<= 3x"

# ---- 5. TAB and ? with 2000 interfaces ----------------------------------
ip netns add K
awk -v n="$NIFS" 'BEGIN { for (i = 0; i < n; i++) printf "link add e%d type bridge\n", i }' \
	>"$w/ifs.ip"
ip -n K -batch "$w/ifs.ip"
: >"$w/i"
for r in $(seq "$runs"); do $M ip -n K -br link >>"$w/i"; done
i=$(median <"$w/i")
$K K 15 >"$w/k"
while read -r kind line; do
	ms=$(echo "$line" | sed 's/.*" \([0-9.]*\) ms.*/\1/')
	what=$(echo "$line" | sed 's/^\("[^"]*"\).*/\1/')
	row "$kind $what, $NIFS interfaces (ms)" "$ms" \
		"$(echo "$i" | awk '{ printf "%.3f", $1 * 1000 }')" \
		"$(echo "$ms $i" | awk '{ printf "%.2fx", $1 / ($2 * 1000) }')" \
		"< 20 ms"
done <"$w/k"

# ---- 6. a 10,000-entry access list in one transaction ----------------------
# vrfsh -f of the list in IOS syntax (the mode, then one line per entry,
# all sent as one transaction) against nft -f of the same rules; and the
# backend alone (bench/acl: net_acl_set of the whole list).
A=$top_builddir/bench/acl
NACL=${NACL:-10000}
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
: >"$w/v" ; : >"$w/i"; : >"$w/b"
for r in $(seq "$runs"); do
	$M "$VRFSH" -f "$w/acl.conf" >>"$w/v"
	nft delete table inet vrfsh
	$M nft -f "$w/acl.nft" >>"$w/i"
	nft delete table inet bench
	$M "$A" -n "$NACL" >>"$w/b"
	nft delete table inet vrfsh
done
v=$(median <"$w/v"); i=$(median <"$w/i"); b=$(median <"$w/b")
row "vrfsh -f $NACL-entry list vs nft -f (s)" "$v" "$i" \
	"$(echo "$v $i" | awk '{ printf "%.2fx", $1 / $2 }')" "-"
row "$NACL-entry list, backend vs nft -f (s)" "$b" "$i" \
	"$(echo "$b $i" | awk '{ printf "%.2fx", $1 / $2 }')" "-"
