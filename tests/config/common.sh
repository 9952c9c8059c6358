# SPDX-License-Identifier: GPL-2.0-or-later
# Shared helpers for the configuration tests (tests/config/*.sh): the
# VRF test helpers, plus a normalized kernel snapshot for round trips
# and a way to run a command in a second, clean sandbox.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

# kstate_raw NS : one JSON object with what kstate needs of namespace NS,
# read by one process in it
kstate_raw() {
	set -- "$1" 'printf "{\"ns\": \"%s\", \"fwd\": [%s, %s, %s, %s]" "$0" \
		$(cat /proc/sys/net/ipv4/ip_forward \
		      /proc/sys/net/ipv4/conf/default/forwarding \
		      /proc/sys/net/ipv6/conf/all/forwarding \
		      /proc/sys/net/ipv6/conf/default/forwarding)
	    printf ", \"ids\": %s" "$(ip -j netns list-id)"
	    printf ", \"links\": %s" "$(ip -j -d link)"
	    printf ", \"addrs\": %s" "$(ip -j addr)"
	    printf ", \"routes\": %s" "$(ip -4 -j route show table main)"
	    printf ", \"routes6\": %s}\n" "$(ip -6 -j route show table main)"'
	if [ "$1" = default ]; then sh -c "$2" "$1"
	else ip netns exec "$1" sh -c "$2" "$1"; fi
}

# kstate FILE : every namespace's links, addresses, main-table routes
# and forwarding switches, as iproute2 sees them, one JSON line per
# object, sorted, without what is volatile or local to one boot:
# ifindexes, MACs, counters, carrier, DAD state, lifetimes, link-local
# addresses and routes; the next hops of a multipath route by gateway
# and interface.  A veth peer is named by namespace and name (its
# netnsid mapped back through ip netns list-id; an nsid that has no name
# there is the sandbox's own namespace, "default").
kstate() {
	ns=$(vrfs)
	for n in default $ns; do kstate_raw "$n"; done >"$1.raw"
	jq -s -r --arg netns "$ns" '
	  (map({key: .ns, value: .}) | from_entries) as $all |
	  "netns: \($netns)",
	  (.[] | .ns as $ns | . as $me |
	    "== \($ns) ip_forward \(.fwd[0]) v4.default \(.fwd[1])" +
	      " v6.all \(.fwd[2]) v6.default \(.fwd[3])",
	    ([.links[] | {ifname,
	      kind: (.linkinfo.info_kind // null),
	      mtu, up: ((.flags // []) | index("UP") != null),
	      master: (.master // null),
	      alias: (.ifalias // null),
	      peer: (if .linkinfo.info_kind != "veth" then null
	        elif .link_netnsid == null then "\($ns) \(.link)"
	        else (.link_netnsid as $id | .link_index as $ix |
	          ([$me.ids[] | select(.nsid == $id) | .name // empty][0]
	           // "default") as $pns |
	          "\($pns) \([$all[$pns].links[]? |
	            select(.ifindex == $ix) | .ifname][0])") end)} |
	      tojson] | sort[]),
	    ([.addrs[] | {ifname, v4: [.addr_info[] |
	       select(.family == "inet") |
	       [.local, .prefixlen, (.secondary // false)]],
	      v6: ([.addr_info[] | select(.family == "inet6" and
	       .scope != "link") | [.local, .prefixlen]] | sort)} |
	      tojson] | sort[]),
	    (.routes, .routes6 | [.[] |
	      select((.dst | startswith("fe80:")) | not) |
	      {dst, type: (.type // "unicast"),
	       gateway: (.gateway // null), dev: (.dev // null),
	       protocol: (.protocol // "boot"), scope: (.scope // "global"),
	       metric: (.metric // 0), prefsrc: (.prefsrc // null),
	       nexthops: [.nexthops[]? | {gateway, dev}]} |
	      tojson] | sort[]))' "$1.raw" >"$1"
}

# kstate_settled FILE : kstate once two snapshots 0.3 s apart agree
# (addresses and routes can still be appearing after a change)
kstate_settled() {
	i=0
	kstate "$1"
	while [ $i -lt 20 ]; do
		sleep 0.3
		kstate "$1.again"
		cmp -s "$1" "$1.again" && return 0
		mv "$1.again" "$1"
		i=$((i + 1))
	done
	echo "kstate: the kernel state kept changing" >&2
}

# fresh CMD... : runs CMD in a second, clean sandbox (a new network
# namespace with its own empty /run/netns); its status is returned
fresh() {
	VRFSH_IN_SANDBOX='' "$top_srcdir/tests/sandbox.sh" "$@"
}
