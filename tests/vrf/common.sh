# SPDX-License-Identifier: GPL-2.0-or-later
# Shared helpers for the VRF/interface integration tests (tests/vrf/*.sh).
# Each script re-executes itself in tests/sandbox.sh first, then sources
# this file.  iproute2 (ip -j) is the independent witness of the kernel;
# jq reads both its JSON and vrfsh's.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

if [ -z "$VRFSH_SANDBOX" ]; then
	echo "not in the sandbox: refusing to change the kernel" >&2
	exit 99
fi
for tool in ip jq; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "$tool is not installed: skipping" >&2
		exit 77
	fi
done

# cfg CMD... : runs the commands in global config mode as one session
cfg() {
	n=$#
	set -- "$@" -c 'configure terminal'
	while [ $n -gt 0 ]; do
		set -- "$@" -c "$1"
		shift
		n=$((n - 1))
	done
	run "$@"
}

# expect_ok NAME : the last run succeeded, silently on stderr
expect_ok() {
	if [ "$rc" -eq 0 ] && [ -z "$err" ]; then ok; else
		fail "$1: rc=$rc err=[$err] out=[$out]"
	fi
}

# ns_ip VRF ARGS... : ip in that VRF's namespace (default: this one)
ns_ip() {
	v=$1
	shift
	if [ "$v" = default ]; then ip "$@"; else ip -n "$v" "$@"; fi
}

# link_json VRF IFNAME : ip -j link of one interface as one object ({} if none)
link_json() {
	j=$(ns_ip "$1" -j -d link show dev "$2" 2>/dev/null)
	printf '%s' "${j:-[]}" | jq -c '.[0] // {}'
}

# jlink VRF IFNAME JQ-FILTER : a field of that interface, compact
jlink() {
	link_json "$1" "$2" | jq -c "$3"
}

# addrs VRF IFNAME FAMILY : sorted "a.b.c.d/n" (global and host scope)
addrs() {
	ns_ip "$1" -j -"$3" addr show dev "$2" 2>/dev/null | jq -r \
		'[.[0].addr_info[]? | select(.scope != "link") |
		  "\(.local)/\(.prefixlen)"] | sort | join(" ")'
}

# is_up VRF IFNAME : "true" when IFF_UP is set
is_up() {
	jlink "$1" "$2" '(.flags // []) | index("UP") != null'
}

# vrfs : the names ip netns list shows, sorted, one line
vrfs() {
	ip -j netns list 2>/dev/null | jq -r '[.[]?.name] | sort | join(" ")'
}

# fwd VRF 4|6 : the forwarding sysctl in that namespace
fwd() {
	if [ "$2" = 4 ]; then f=/proc/sys/net/ipv4/ip_forward
	else f=/proc/sys/net/ipv6/conf/all/forwarding; fi
	if [ "$1" = default ]; then cat $f; else ip netns exec "$1" cat $f; fi
}

# snapshot FILE : every namespace's links, addresses and forwarding
# switches, without fields that change on their own (carrier, DAD,
# lifetimes, counters)
snapshot() {
	: >"$1.raw"
	{
		echo "netns: $(vrfs)"
		echo "files: $(ls -A /run/netns | tr '\n' ' ')"
		for n in default $(vrfs); do
			echo "== $n fwd $(fwd "$n" 4) $(fwd "$n" 6)"
			ns_ip "$n" -j -d link | jq -S -c '.[] |
				del(.operstate, .linkmode, .stats64, .stats) |
				.flags -= ["LOWER_UP", "NO-CARRIER", "M-DOWN"]'
			ns_ip "$n" -j addr | tee -a "$1.raw" | jq -S -c '.[] | {ifname,
				addrs: [.addr_info[] | del(.tentative,
				.valid_life_time, .preferred_life_time)]}'
		done
	} >"$1"
}

# settle : wait (up to 10 s) until carrier and IPv6 link-local
# addresses have finished appearing, so that snapshots are stable
settle() {
	i=0
	snapshot "$tmp/settle.a"
	while [ $i -lt 40 ]; do
		sleep 0.25
		snapshot "$tmp/settle.b"
		if cmp -s "$tmp/settle.a" "$tmp/settle.b" &&
		   ! grep -q tentative "$tmp/settle.b.raw"; then
			return 0
		fi
		mv "$tmp/settle.b" "$tmp/settle.a"
		i=$((i + 1))
	done
	echo "settle: the kernel state kept changing" >&2
}
