/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * neigh.c - the neighbour tables: show ip arp and show ipv6 neighbors.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/route.h"
#include "render/json.h"
#include "render/text.h"

static const char *ifname_of(const struct net_links *links, int ifindex)
{
	for (size_t i = 0; i < links->n; i++)
		if (links->v[i].ifindex == ifindex)
			return links->v[i].name;
	return NULL;
}


static const char *nud_name(uint16_t state)
{
	static const struct {
		uint16_t bit;
		const char *name;
	} names[] = {
		{ NET_NUD_PERMANENT, "permanent" }, { NET_NUD_NOARP, "noarp" },
		{ NET_NUD_REACHABLE, "reachable" }, { NET_NUD_STALE, "stale" },
		{ NET_NUD_DELAY, "delay" },		{ NET_NUD_PROBE, "probe" },
		{ NET_NUD_FAILED, "failed" },	{ NET_NUD_INCOMPLETE, "incomplete" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (state & names[i].bit)
			return names[i].name;
	return "none";
}

static int show_neighbors(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o, int family)
{
	const char *vrf = cmd_vrf(s, a);
	struct net_neighs nb = { 0 };
	struct net_links links = { 0 };
	struct net_err err = { 0 };
	bool json = cli_has(a, "json");
	struct json j;

	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_neigh_dump(vrf, family, &nb, &err) ||
	    net_link_dump(vrf, &links, &err)) {
		net_neighs_free(&nb);
		return cmd_fail(s, &err, "read the neighbours of VRF %s",
				vrf_label(vrf));
	}
	if (json) {
		json_init(&j, o);
		json_obj(&j, NULL);
		json_str(&j, "vrf", vrf_label(vrf));
		json_arr(&j, "neighbors");
	} else {
		cli_printf(o, "%-9s %-39s %-17s %-10s %s\n", "Protocol",
			   "Address", "Hardware Addr", "State", "Interface");
	}
	for (size_t i = 0; i < nb.n; i++) {
		const struct net_neigh *n = &nb.v[i];
		const unsigned char *m = n->lladdr;
		char addr[INET6_ADDRSTRLEN], mac[24] = "incomplete";
		const char *dev = ifname_of(&links, n->ifindex);

		text_ip(n->family, &n->addr, addr, sizeof(addr));
		if (n->has_lladdr)
			text_mac(m, mac, sizeof(mac));
		if (json) {
			json_obj(&j, NULL);
			json_str(&j, "address", addr);
			json_str(&j, "mac", n->has_lladdr ? mac : NULL);
			json_str(&j, "state", nud_name(n->state));
			json_str(&j, "interface", dev);
			json_obj_end(&j);
		} else {
			cli_printf(o, "%-9s %-39s %-17s %-10s %s\n",
				   family == AF_INET ? "Internet" : "IPv6",
				   addr, mac, nud_name(n->state),
				   dev ? dev : "?");
		}
	}
	if (json) {
		json_arr_end(&j);
		json_obj_end(&j);
		json_done(&j);
	}
	net_neighs_free(&nb);
	net_links_free(&links);
	return 0;
}

static int do_show_arp(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	return show_neighbors(s, a, o, AF_INET);
}

static int do_show_nd(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o)
{
	return show_neighbors(s, a, o, AF_INET6);
}

#define H_SHOW "Show running system information\n"
#define H_IP "Internet Protocol (IPv4)\n"
#define H_IPV6 "Internet Protocol version 6\n"
#define H_VRF "In a VRF\nVRF name\n"

static const struct cli_cmd neigh_cmds[] = {
	{ "show ip arp [vrf NAME$vrf] [json]",
	  H_SHOW H_IP "The ARP table\n" H_VRF "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_arp },
	{ "show ipv6 neighbors [vrf NAME$vrf] [json]",
	  H_SHOW H_IPV6 "The neighbour discovery table\n" H_VRF "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_nd },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area neigh_area = {
	.name = "neigh",
	.cmds = neigh_cmds,
};
