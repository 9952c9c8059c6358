/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * neigh.c - the neighbour tables in IOS's layouts: show ip arp (show
 * arp), show ipv6 neighbors; clear ip arp.
 */
#include <arpa/inet.h>
#include <errno.h>
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
		{ NET_NUD_PERMANENT, "permanent" },
		{ NET_NUD_NOARP, "noarp" },
		{ NET_NUD_REACHABLE, "reachable" },
		{ NET_NUD_STALE, "stale" },
		{ NET_NUD_DELAY, "delay" },
		{ NET_NUD_PROBE, "probe" },
		{ NET_NUD_FAILED, "failed" },
		{ NET_NUD_INCOMPLETE, "incomplete" },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (state & names[i].bit)
			return names[i].name;
	return "none";
}

/* IOS's Age column: minutes since the entry was last confirmed, "-"
 * where the kernel keeps no time (permanent entries, own addresses). */
static void age_text(const struct net_neigh *n, char *buf, size_t size)
{
	if (!n->has_times || (n->state & NET_NUD_PERMANENT))
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%u", n->confirmed / 60);
}

static bool resolved(const struct net_neigh *n)
{
	return n->has_lladdr &&
	       !(n->state & (NET_NUD_INCOMPLETE | NET_NUD_FAILED));
}

/* The router's own addresses, listed by IOS with Age "-": each IPv4
 * address of an interface with a MAC. */
static void own_arp(struct cli_out *o, const struct net_links *links,
		    const struct net_addrs *addrs)
{
	for (size_t i = 0; i < addrs->n; i++) {
		const struct net_addr *x = &addrs->v[i];
		const struct net_link *l = NULL;
		char addr[TEXT_IP_MAX], mac[TEXT_MAC_MAX];

		for (size_t k = 0; k < links->n; k++)
			if (links->v[k].ifindex == x->ifindex)
				l = &links->v[k];
		if (x->family != AF_INET || !l || !l->has_mac || l->loopback)
			continue;
		text_ip(AF_INET, &x->a, addr, sizeof(addr));
		text_mac_dotted(l->mac, mac, sizeof(mac));
		cli_printf(o, "Internet  %-16s%9s   %-14s  ARPA   %s\n", addr,
			   "-", mac, l->name);
	}
}

/* "Internet  10.100.88.1             -   c4f7.d564.b716  ARPA   Vlan10" */
static void arp_row(struct cli_out *o, const struct net_neigh *n,
		    const char *dev)
{
	char addr[TEXT_IP_MAX], mac[TEXT_MAC_MAX], age[16];

	text_ip(AF_INET, &n->addr, addr, sizeof(addr));
	age_text(n, age, sizeof(age));
	if (!resolved(n)) {
		cli_printf(o, "Internet  %-16s%9s   %-14s  ARPA\n", addr, age,
			   "Incomplete");
		return;
	}
	text_mac_dotted(n->lladdr, mac, sizeof(mac));
	cli_printf(o, "Internet  %-16s%9s   %-14s  ARPA   %s\n", addr, age, mac,
		   dev ? dev : "?");
}

/* IOS's short states: INCMP REACH STALE DELAY PROBE. */
static const char *nd_state(uint16_t state)
{
	if (state & NET_NUD_REACHABLE)
		return "REACH";
	if (state & NET_NUD_STALE)
		return "STALE";
	if (state & NET_NUD_DELAY)
		return "DELAY";
	if (state & NET_NUD_PROBE)
		return "PROBE";
	if (state & NET_NUD_PERMANENT)
		return "REACH";
	return "INCMP";
}

static void nd_row(struct cli_out *o, const struct net_neigh *n,
		   const char *dev)
{
	char addr[TEXT_IP_MAX], mac[TEXT_MAC_MAX] = "-", age[16];

	text_ip_upper(AF_INET6, &n->addr, addr, sizeof(addr));
	age_text(n, age, sizeof(age));
	if (resolved(n))
		text_mac_dotted(n->lladdr, mac, sizeof(mac));
	cli_printf(o, "%-42s%3s %-15s %-5s %s\n", addr, age, mac,
		   nd_state(n->state), dev ? dev : "?");
}

static void neigh_json(struct json *j, const struct net_neigh *n,
		       const char *dev)
{
	char addr[TEXT_IP_MAX], mac[TEXT_MAC_MAX];

	text_ip(n->family, &n->addr, addr, sizeof(addr));
	if (n->has_lladdr)
		text_mac(n->lladdr, mac, sizeof(mac));
	json_obj(j, NULL);
	json_str(j, "address", addr);
	json_str(j, "mac", n->has_lladdr ? mac : NULL);
	json_str(j, "state", nud_name(n->state));
	json_str(j, "interface", dev);
	if (n->has_times && !(n->state & NET_NUD_PERMANENT))
		json_u64(j, "age", n->confirmed);
	else
		json_null(j, "age");
	json_obj_end(j);
}

/* What the table lists: the kernel's unicast entries (a noarp entry is
 * a multicast or broadcast address the kernel maps itself). */
static bool listed(const struct net_neigh *n)
{
	return !(n->state & NET_NUD_NOARP) && n->state != 0;
}

static int show_neighbors(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o, int family)
{
	const char *vrf = cmd_vrf(s, a);
	struct net_neighs nb = { 0 };
	struct net_links links = { 0 };
	struct net_addrs addrs = { 0 };
	struct net_err err = { 0 };
	bool json = cli_has(a, "json");
	struct json j;

	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_neigh_dump(vrf, family, &nb, &err) ||
	    net_link_dump(vrf, &links, &err) ||
	    (family == AF_INET && !json &&
	     net_addr_dump(vrf, AF_INET, &addrs, &err))) {
		net_neighs_free(&nb);
		net_links_free(&links);
		return cmd_fail(s, &err, "read the neighbours of VRF %s",
				vrf_label(vrf));
	}
	if (json) {
		json_init(&j, o);
		json_obj(&j, NULL);
		json_str(&j, "vrf", vrf_label(vrf));
		json_arr(&j, "neighbors");
	} else if (family == AF_INET) {
		cli_printf(o, "Protocol  Address          Age (min)  Hardware "
			      "Addr   Type   Interface\n");
		own_arp(o, &links, &addrs);
	} else {
		cli_printf(o, "%-42s%3s %-15s %-5s %s\n", "IPv6 Address", "Age",
			   "Link-layer Addr", "State", "Interface");
	}
	for (size_t i = 0; i < nb.n; i++) {
		const struct net_neigh *n = &nb.v[i];
		const char *dev = ifname_of(&links, n->ifindex);

		if (!listed(n))
			continue;
		if (json)
			neigh_json(&j, n, dev);
		else if (family == AF_INET)
			arp_row(o, n, dev);
		else
			nd_row(o, n, dev);
	}
	if (json) {
		json_arr_end(&j);
		json_obj_end(&j);
		json_done(&j);
	}
	net_neighs_free(&nb);
	net_links_free(&links);
	net_addrs_free(&addrs);
	return 0;
}

/* clear ip arp [vrf NAME] [A.B.C.D]: the learnt entries go (the kernel
 * learns them again when traffic needs them); configured ones stay. */
static int do_clear_arp(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a), *addr = cli_arg(a, "addr");
	struct net_err err = { 0 };
	union net_ip ip;
	char buf[96];

	(void)o;
	if (cmd_vrf_exists(s, vrf))
		return -1;
	memset(&ip, 0, sizeof(ip));
	if (addr && inet_pton(AF_INET, addr, &ip.v4) != 1) {
		cli_error(s, "Error: Invalid address %s", addr);
		return -1;
	}
	if (net_neigh_flush(vrf, AF_INET, addr ? &ip : NULL, NULL, &err) == 0)
		return 0;
	if (addr && err.code == ENOENT) {
		cli_error(s, "ARP entry %s not found%s", addr,
			  in_vrf(vrf, buf, sizeof(buf)));
		return -1;
	}
	return cmd_fail(s, &err, "clear the ARP table of VRF %s",
			vrf_label(vrf));
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
	  H_SHOW H_IP "The ARP table\n" H_VRF "JSON output", CLI_EXEC,
	  PRIV_USER, CLI_F_OUTPUT, do_show_arp },
	{ "show arp [vrf NAME$vrf] [json]",
	  H_SHOW "The ARP table (as show ip arp)\n" H_VRF "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_arp },
	{ "clear ip arp [vrf NAME$vrf] [A.B.C.D$addr]",
	  "Reset functions\n" H_IP
	  "Remove the learnt entries of the ARP table\n" H_VRF
	  "Only this address",
	  CLI_EXEC, PRIV_ADMIN, 0, do_clear_arp },
	{ "show ipv6 neighbors [vrf NAME$vrf] [json]",
	  H_SHOW H_IPV6 "The neighbour discovery table\n" H_VRF "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_nd },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area neigh_area = {
	.name = "neigh",
	.cmds = neigh_cmds,
};
