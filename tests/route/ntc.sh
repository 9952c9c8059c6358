#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# show ip route, show ipv6 route and show ip route summary as the
# ntc-templates (cisco_ios, in tests/ntc/, python3-textfsm) read them:
# every record's fields against the kernel's routes (ip -j route, main
# table and local addresses), for a VRF with routes of every kind.
# (Interface names without '-' here: the IPv6 template reads an
# interface name as [\w\s/]+ only, as IOS names are.)
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/route/common.sh"

PY=/usr/bin/python3
if ! $PY -c 'import textfsm' 2>/dev/null; then
	echo "python3-textfsm is not installed: skipping" >&2
	exit 77
fi
parse() { $PY "$top_srcdir/tests/ntc/parse.py" "$@"; }

cfg 'vrf N1' 'vrf N2' 'exit' \
	'interface n1a vrf N1 type veth peer n2a vrf N2' \
	'ip address 10.5.12.1/24' 'ipv6 address 2001:db8:5::1/64' \
	'no shutdown' \
	'interface n2a vrf N2' 'ip address 10.5.12.2/24' \
	'ipv6 address 2001:db8:5::2/64' 'no shutdown' 'exit' \
	'ip route vrf N1 0.0.0.0 0.0.0.0 10.5.12.2' \
	'ip route vrf N1 10.60.0.0 255.255.0.0 10.5.12.2' \
	'ip route vrf N1 10.61.0.0/16 n1a' \
	'ip route vrf N1 10.62.0.0/16 10.5.12.2' \
	'ip route vrf N1 10.62.0.0/16 10.5.12.3' \
	'ip route vrf N1 10.63.0.0/16 Null0' \
	'ip route vrf N1 10.64.0.0/16 10.5.12.2 200' \
	'ip route vrf N1 172.20.0.0/16 10.5.12.2 5' \
	'ipv6 route vrf N1 2001:db8:60::/48 2001:db8:5::2' \
	'ipv6 route vrf N1 2001:db8:61::/48 n1a' \
	'ipv6 route vrf N1 2001:db8:62::/48 Null0' \
	'ipv6 route vrf N1 2001:db8:63::/48 n1a fe80::2'
expect_ok "a VRF with routes of every kind"
ip -n N1 route add 10.65.0.0/16 via 10.5.12.2	# another tool's (boot)
wait_oper N1 n1a
wait_dad N1 N2

ns_ip N1 -4 -j route show table main >"$tmp/k4.json"
ns_ip N1 -4 -j route show table local type local >"$tmp/l4.json"
ns_ip N1 -6 -j route show table main >"$tmp/k6.json"
ns_ip N1 -6 -j route show table local type local >"$tmp/l6.json"

# -- show ip route vrf N1
run -c 'show ip route vrf N1'
expect_eq "show ip route: status" "$rc:$err" "0:"
printf '%s\n' "$out" >"$tmp/t4"
parse 'show ip route vrf N1' "$tmp/t4" >"$tmp/r4.json" 2>"$tmp/p.err"
expect_eq "show ip route: parsed" "$?:$(cat "$tmp/p.err")" "0:"
# the records, and what the kernel says they must be: one per next hop
# of each prefix's best route (lowest metric), local routes as L
$PY - "$tmp/r4.json" "$tmp/k4.json" "$tmp/l4.json" >"$tmp/cmp4" <<'PY'
import json, sys
recs = json.load(open(sys.argv[1]))
main = json.load(open(sys.argv[2]))
local = json.load(open(sys.argv[3]))
def pfx(d):
    if d == "default":
        return ("0.0.0.0", "0")
    a, _, l = d.partition("/")
    return (a, l or "32")
got = sorted((r["vrf"], r["protocol"], r["network"], r["prefix_length"],
              r["distance"], r["metric"], r["nexthop_ip"], r["nexthop_if"])
             for r in recs)
want, best = [], {}
for r in main:
    k = pfx(r["dst"])
    if k not in best or r.get("metric", 0) < best[k].get("metric", 0):
        best[k] = r
for k, r in best.items():
    proto = r.get("protocol", "boot")
    conn = proto == "kernel" and "gateway" not in r and "nexthops" not in r
    code = "C" if conn else "S" if proto == "static" else "K"
    dist = "" if conn else str(r.get("metric", 0))
    hops = r.get("nexthops") or [r]
    for h in hops:
        if r.get("type") == "blackhole":
            want.append(("N1", code) + k + ("", "", "", "Null0"))
        elif "gateway" in h:
            want.append(("N1", code) + k + (dist, "0", h["gateway"],
                                            h["dev"]))
        else:
            want.append(("N1", code) + k + ("", "", "", h["dev"]))
for r in local:
    want.append(("N1", "L") + pfx(r["dst"]) + ("", "", "", r["dev"]))
print(json.dumps(got == sorted(want)))
print(json.dumps(sorted(want)))
print(json.dumps(got))
print(len(got))
PY
expect_eq "show ip route: every record as the kernel has it" \
	"$(sed -n 1p "$tmp/cmp4")" true
[ "$(sed -n 1p "$tmp/cmp4")" = true ] ||
	echo "want $(sed -n 2p "$tmp/cmp4")
got  $(sed -n 3p "$tmp/cmp4")" >&2
expect_match "show ip route: records" "$(sed -n 4p "$tmp/cmp4")" "^13$"
expect_eq "show ip route: records of the multipath route" \
	"$(jq -c '[.[] | select(.network == "10.62.0.0") | .nexthop_ip]' \
	"$tmp/r4.json")" '["10.5.12.2","10.5.12.3"]'
expect_eq "show ip route: the default route is flagged" \
	"$(printf '%s\n' "$out" | grep -c '^S\*       0\.0\.0\.0/0 ')" 1
expect_eq "show ip route: the backup of 10.64.0.0/16 is not a record" \
	"$(jq -c '[.[] | select(.network == "10.64.0.0") | .distance]' \
	"$tmp/r4.json")" '["200"]'

# -- show ipv6 route vrf N1
run -c 'show ipv6 route vrf N1'
expect_eq "show ipv6 route: status" "$rc:$err" "0:"
printf '%s\n' "$out" >"$tmp/t6"
parse 'show ipv6 route vrf N1' "$tmp/t6" >"$tmp/r6.json" 2>"$tmp/p.err"
expect_eq "show ipv6 route: parsed" "$?:$(cat "$tmp/p.err")" "0:"
$PY - "$tmp/r6.json" "$tmp/k6.json" "$tmp/l6.json" >"$tmp/cmp6" <<'PY'
import json, sys
recs = json.load(open(sys.argv[1]))
main = json.load(open(sys.argv[2]))
local = json.load(open(sys.argv[3]))
def pfx(d):
    a, _, l = d.partition("/")
    return (a.upper() + "/" + (l or "128"))
got = sorted((r["protocol"], r["network"], r["distance"], r["metric"],
              r["nexthop_ip"], r["nexthop_if"].strip()) for r in recs)
want = []
for r in main:
    proto = r.get("protocol", "boot")
    conn = proto == "kernel" and "gateway" not in r
    code = "C" if conn else "S" if proto == "static" else "K"
    dist = "0" if conn else str(r.get("metric", 0))
    if r.get("type") == "blackhole":
        want.append((code, pfx(r["dst"]), dist, "0", "", "Null0"))
    elif "gateway" in r:
        want.append((code, pfx(r["dst"]), dist, "0",
                     r["gateway"].upper(), r["dev"]))
    else:
        want.append((code, pfx(r["dst"]), dist, "0", "", r["dev"]))
for r in local:
    want.append(("L", pfx(r["dst"]), "0", "0", "", r["dev"]))
print(json.dumps(got == sorted(want)))
print(json.dumps(sorted(want)))
print(json.dumps(got))
print(len(got))
PY
expect_eq "show ipv6 route: every record as the kernel has it" \
	"$(sed -n 1p "$tmp/cmp6")" true
[ "$(sed -n 1p "$tmp/cmp6")" = true ] ||
	echo "want $(sed -n 2p "$tmp/cmp6")
got  $(sed -n 3p "$tmp/cmp6")" >&2
expect_match "show ipv6 route: records" "$(sed -n 4p "$tmp/cmp6")" "^9$"
expect_eq "show ipv6 route: the header counts the entries" \
	"$(printf '%s\n' "$out" | sed -n 1p)" \
	"IPv6 Routing Table - N1 - $(jq -r '[.[].network] | unique | length' \
	"$tmp/r6.json") entries"

# -- show ip route vrf N1 summary
run -c 'show ip route vrf N1 summary'
expect_eq "summary: status" "$rc:$err" "0:"
printf '%s\n' "$out" >"$tmp/ts"
parse 'show ip route summary' "$tmp/ts" >"$tmp/rs.json" 2>"$tmp/p.err"
expect_eq "summary: parsed" "$?:$(cat "$tmp/p.err")" "0:"
count() {	# SOURCE : networks + subnets of that row
	jq -r --arg s "$1" '[.[] | select(.route_source == $s) |
		(.networks | tonumber) + (.subnets | tonumber)] | add // 0' \
		"$tmp/rs.json"
}
nk() { jq "$1" "$tmp/k4.json"; }
expect_eq "summary: its name" "$(jq -r '.[0].name' "$tmp/rs.json")" \
	"N1 (0x0)"
expect_eq "summary: connected = connected and local routes" \
	"$(count connected)" "$(($(nk '[.[] | select(.protocol == "kernel")]
	| length') + $(jq length "$tmp/l4.json")))"
expect_eq "summary: static = the best static route of each prefix" \
	"$(count static)" "$(nk '[.[] | select(.protocol == "static") | .dst]
	| unique | length')"
expect_eq "summary: kernel = the route ip added" "$(count kernel)" \
	"$(nk '[.[] | select(.protocol == null or .protocol == "boot")] |
	length')"
expect_eq "summary: Total" "$(count Total)" \
	"$(($(count connected) + $(count static) + $(count kernel)))"
expect_eq "summary: class B 172.20.0.0/16 is a network" \
	"$(jq -r '.[] | select(.route_source == "static") | .networks' \
	"$tmp/rs.json")" 1

finish
