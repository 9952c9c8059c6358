/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show_ip.c - show ip interface, show ipv6 interface [brief]: IOS's
 * blocks, headed by the interface's name as show interfaces heads its
 * own, with only lines that IOS prints (tools read these blocks).
 */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/ifview.h"
#include "net/nft.h"
#include "render/text.h"

/* 'VPN Routing/Forwarding "NAME"' for an interface outside default. */
static void vrf_line(struct cli_out *o, const struct view *v)
{
	if (v->vrf[0])
		cli_printf(o, "  VPN Routing/Forwarding \"%s\"\n", v->vrf);
}

static void status_line(struct cli_out *o, const struct net_link *l)
{
	cli_printf(o, "%s is %s, line protocol is %s\n", l->name,
		   view_status(l), view_protocol(l));
}

/* ---- show ip interface ------------------------------------------------------ */

static void v4_addresses(struct cli_out *o, const struct view *v,
			 const struct net_link *l)
{
	char text[TEXT_PREFIX_MAX];
	const struct net_addr *first = view_first_v4(v, l->ifindex);

	if (first) {
		text_prefix(AF_INET, &first->a, first->plen, text,
			    sizeof(text));
		cli_printf(o, "  Internet address is %s\n", text);
	}
	for (size_t i = 0; i < v->addrs.n; i++) {
		const struct net_addr *x = &v->addrs.v[i];

		if (x == first || x->ifindex != l->ifindex ||
		    x->family != AF_INET)
			continue;
		text_prefix(AF_INET, &x->a, x->plen, text, sizeof(text));
		cli_printf(o, "  Secondary address %s\n", text);
	}
}

/* The kernel's settings of the link, in the words IOS uses for them. */
static void v4_settings(struct cli_out *o, const struct net_link *l)
{
	const struct net_link_inet *in = &l->inet;

	if (!in->valid)
		return;
	cli_printf(o, "  Proxy ARP is %s\n",
		   in->proxy_arp ? "enabled" : "disabled");
	cli_printf(o, "  ICMP redirects are %s sent\n",
		   in->send_redirects ? "always" : "never");
	if (in->rp_filter)
		cli_printf(o, "  IP verify source reachable-via %s\n",
			   in->rp_filter == 1 ? "RX" : "ANY");
}

/* The IPv4 access list bound to l in direction dir, or NULL. */
static const char *acl_of(const struct net_acl_binds *b,
			  const struct net_link *l, enum net_acl_dir dir)
{
	for (size_t i = 0; b && i < b->n; i++)
		if (b->v[i].family == AF_INET && b->v[i].dir == dir &&
		    !strcmp(b->v[i].ifname, l->name))
			return b->v[i].acl;
	return NULL;
}

/* binds NULL: the VRF's filters could not be read; say nothing. */
static void acl_lines(struct cli_out *o, const struct net_acl_binds *b,
		      const struct net_link *l)
{
	const char *out = acl_of(b, l, NET_ACL_OUT);
	const char *in = acl_of(b, l, NET_ACL_IN);

	if (!b)
		return;
	cli_printf(o, "  Outgoing access list is %s\n", out ? out : "not set");
	/* two spaces after Inbound: IOS's alignment */
	cli_printf(o, "  Inbound  access list is %s\n", in ? in : "not set");
}

static void ip_block(struct cli_out *o, const struct view *v,
		     const struct net_link *l, const struct net_acl_binds *b)
{
	status_line(o, l);
	if (!view_has_family(v, l->ifindex, AF_INET)) {
		cli_printf(o, "  Internet protocol processing disabled\n");
		return;
	}
	v4_addresses(o, v, l);
	cli_printf(o, "  MTU is %u bytes\n", l->mtu);
	cli_printf(o, "  Helper address is not set\n");
	acl_lines(o, b, l);
	v4_settings(o, l);
	vrf_line(o, v);
}

/* ---- show ipv6 interface ------------------------------------------------------ */

static bool is_link_local(const struct net_addr *x)
{
	return x->family == AF_INET6 && x->a.v6.s6_addr[0] == 0xfe &&
	       (x->a.v6.s6_addr[1] & 0xc0) == 0x80;
}

/* The address's prefix: the address with its host bits cleared. */
static void subnet_of(const struct net_addr *x, char *buf, size_t size)
{
	struct in6_addr p = x->a.v6;

	for (unsigned i = 0; i < 16; i++) {
		unsigned keep = x->plen > i * 8 ? x->plen - i * 8 : 0;

		if (keep < 8)
			p.s6_addr[i] &= (unsigned char)(0xff00u >> keep);
	}
	text_ip_upper(AF_INET6, &p, buf, size);
	snprintf(buf + strlen(buf), size - strlen(buf), "/%u", x->plen);
}

static const struct net_addr *v6_link_local(const struct view *v, int ifindex)
{
	for (size_t i = 0; i < v->addrs.n; i++)
		if (v->addrs.v[i].ifindex == ifindex &&
		    is_link_local(&v->addrs.v[i]))
			return &v->addrs.v[i];
	return NULL;
}

static void v6_addresses(struct cli_out *o, const struct view *v,
			 const struct net_link *l)
{
	char text[TEXT_IP_MAX], subnet[TEXT_PREFIX_MAX];
	bool head = false;

	for (size_t i = 0; i < v->addrs.n; i++) {
		const struct net_addr *x = &v->addrs.v[i];

		if (x->ifindex != l->ifindex || x->family != AF_INET6 ||
		    is_link_local(x))
			continue;
		if (!head)
			cli_printf(o, "  Global unicast address(es):\n");
		head = true;
		text_ip_upper(AF_INET6, &x->a, text, sizeof(text));
		subnet_of(x, subnet, sizeof(subnet));
		cli_printf(o, "    %s, subnet is %s\n", text, subnet);
	}
	if (!head)
		cli_printf(o, "  No global unicast address is configured\n");
}

static void v6_settings(struct cli_out *o, const struct net_link *l)
{
	const struct net_link_inet6 *in = &l->inet6;

	cli_printf(o, "  MTU is %u bytes\n", in->mtu ? in->mtu : l->mtu);
	if (!in->valid)
		return;
	if (in->dad_transmits > 0)
		cli_printf(o,
			   "  ND DAD is enabled, number of DAD attempts: "
			   "%d\n",
			   in->dad_transmits);
	else
		cli_printf(o, "  ND DAD is disabled\n");
	if (in->reachable_ms)
		cli_printf(o, "  ND reachable time is %u milliseconds\n",
			   in->reachable_ms);
	if (in->retrans_ms)
		cli_printf(o, "  ND retransmit interval is %u milliseconds\n",
			   in->retrans_ms);
}

static bool v6_enabled(const struct view *v, const struct net_link *l)
{
	return !(l->inet6.valid && l->inet6.disabled) &&
	       view_has_family(v, l->ifindex, AF_INET6);
}

static void ipv6_block(struct cli_out *o, const struct view *v,
		       const struct net_link *l)
{
	const struct net_addr *ll = v6_link_local(v, l->ifindex);
	char text[TEXT_IP_MAX];

	status_line(o, l);
	if (!v6_enabled(v, l))
		return;
	if (ll) {
		text_ip_upper(AF_INET6, &ll->a, text, sizeof(text));
		cli_printf(o, "  IPv6 is enabled, link-local address is %s\n",
			   text);
	} else {
		cli_printf(o, "  IPv6 is enabled, no link-local address\n");
	}
	if (l->alias[0])
		cli_printf(o, "  Description: %s\n", l->alias);
	v6_addresses(o, v, l);
	v6_settings(o, l);
	vrf_line(o, v);
}

/* "va                         [up/up]", then one address a line. */
static void ipv6_brief(struct cli_out *o, const struct view *v,
		       const struct net_link *l)
{
	const struct net_addr *ll = v6_link_local(v, l->ifindex);
	char state[64], text[TEXT_IP_MAX];
	bool any = false;

	snprintf(state, sizeof(state), "[%s/%s]", view_status(l),
		 view_protocol(l));
	cli_printf(o, "%-26s %s\n", l->name, state);
	if (ll) { /* link-local first, as IOS lists them */
		text_ip_upper(AF_INET6, &ll->a, text, sizeof(text));
		cli_printf(o, "    %s\n", text);
		any = true;
	}
	for (size_t i = 0; i < v->addrs.n; i++) {
		const struct net_addr *x = &v->addrs.v[i];

		if (x->ifindex != l->ifindex || x->family != AF_INET6 ||
		    x == ll)
			continue;
		text_ip_upper(AF_INET6, &x->a, text, sizeof(text));
		cli_printf(o, "    %s\n", text);
		any = true;
	}
	if (!any)
		cli_printf(o, "    unassigned\n");
}

/* ---- the commands --------------------------------------------------------------- */

enum which {
	IP_BLOCKS,
	IPV6_BLOCKS,
	IPV6_BRIEF
};

static void one_link(struct cli_out *o, const struct view *v,
		     const struct net_link *l, enum which w, bool named,
		     const struct net_acl_binds *b)
{
	switch (w) {
	case IP_BLOCKS:
		ip_block(o, v, l, b);
		break;
	case IPV6_BLOCKS:
		/* the listing has the interfaces that run IPv6 */
		if (named || v6_enabled(v, l))
			ipv6_block(o, v, l);
		break;
	case IPV6_BRIEF:
		ipv6_brief(o, v, l);
		break;
	}
}

static int show_blocks(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o, enum which w)
{
	const char *one = cli_declares(a, "ifname") ? cli_arg(a, "ifname") :
						      NULL;
	bool all = cli_has(a, "all"), found = false;
	struct views vs = { 0 };
	struct net_names set;
	int rc;

	if (cmd_vrf_set(s, a, &set))
		return -1;
	rc = views_read(s, &vs, &set, all);
	if (rc && !all)
		goto out;
	for (size_t k = 0; k < set.n && !cli_out_aborted(o); k++) {
		const struct view *v = &vs.v[k];
		struct net_acl_binds binds = { 0 };
		struct net_err err = { 0 };
		bool acls = w == IP_BLOCKS && v->ok &&
			    net_acl_bind_dump(v->vrf, &binds, &err) == 0;

		for (size_t i = 0; v->ok && i < v->links.n; i++) {
			if (one && strcmp(one, v->links.v[i].name))
				continue;
			found = true;
			one_link(o, v, &v->links.v[i], w, one != NULL,
				 acls ? &binds : NULL);
		}
		if (acls)
			net_acl_binds_free(&binds);
	}
	if (one && !found)
		rc = view_not_found(s, one, &set);
out:
	views_free(&vs);
	net_names_free(&set);
	return rc;
}

static int do_show_ip_interface(struct cli_session *s, const struct cli_args *a,
				struct cli_out *o)
{
	return show_blocks(s, a, o, IP_BLOCKS);
}

static int do_show_ipv6_interface(struct cli_session *s,
				  const struct cli_args *a, struct cli_out *o)
{
	return show_blocks(s, a, o, IPV6_BLOCKS);
}

static int do_show_ipv6_brief(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	return show_blocks(s, a, o, IPV6_BRIEF);
}

#define H_SHOW "Show running system information\n"
#define H_VRFS "In a VRF\nVRF name\nEvery VRF\n"

static const struct cli_cmd show_ip_cmds[] = {
	{ "show ip interface [IFNAME$ifname] [vrf {NAME$vrf|all}]",
	  H_SHOW
	  "Internet Protocol (IPv4)\n"
	  "Interfaces: IPv4 addresses and settings\nOnly this interface\n" H_VRFS,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ip_interface },
	{ "show ipv6 interface [IFNAME$ifname] [vrf {NAME$vrf|all}]",
	  H_SHOW
	  "Internet Protocol version 6\n"
	  "Interfaces: IPv6 addresses and settings\nOnly this interface\n" H_VRFS,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ipv6_interface },
	{ "show ipv6 interface brief [vrf {NAME$vrf|all}]",
	  H_SHOW "Internet Protocol version 6\n"
		 "Interfaces: IPv6 addresses and settings\n"
		 "One line per interface, then its addresses\n" H_VRFS,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ipv6_brief },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area show_ip_area = {
	.name = "show-ip",
	.cmds = show_ip_cmds,
};
