/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interface.c - interfaces: enter, create (veth, bridge), delete, and the
 * interface mode: VRF membership, addresses, state, MTU, description,
 * bridge membership.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/util.h"

#define IF_MODES (CLI_CONFIG | CLI_CONFIG_VRF)
#define ALIAS_MAX 255

/* The VRF for 'interface ...': its 'vrf' argument or the mode's. */
static const char *if_vrf(struct cli_session *s, const struct cli_args *a)
{
	return cmd_vrf(s, a);
}

static int do_interface(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	const char *vrf = if_vrf(s, a), *ifname = cli_arg(a, "ifname");
	struct net_link l;

	(void)o;
	if (cmd_link(s, vrf, ifname, &l))
		return -1;
	cli_enter(s, MODE_CONFIG_IF, vrf, ifname);
	return 0;
}

/* "a veth interface", "the loopback interface", "a physical interface" */
static const char *what_is(const struct net_link *l, char *buf, size_t size)
{
	if (l->loopback && !l->kind[0])
		return "the loopback interface";
	if (!l->kind[0])
		return "a physical interface";
	snprintf(buf, size, "%s %s interface",
		 strchr("aeiou", l->kind[0]) ? "an" : "a", l->kind);
	return buf;
}

/* An interface that exists already is entered when it is what the
 * command would have made, so that a configuration can be applied
 * twice; otherwise the name is taken. */
static int exists_as(struct cli_session *s, const char *vrf,
		     const char *ifname, const char *kind, bool *same)
{
	struct net_link l;
	struct net_err err = { 0 };
	char buf[96], what[64];

	*same = false;
	if (net_link_get(vrf, ifname, &l, &err))
		return 0;
	if (!strcmp(l.kind, kind)) {
		*same = true;
		return 0;
	}
	cli_error(s, "Cannot create interface %s%s: the name is taken by "
		     "%s", ifname, in_vrf(vrf, buf, sizeof(buf)),
		  what_is(&l, what, sizeof(what)));
	return -1;
}

/* Is the existing veth l (in vrf) the one whose other end is peer in
 * peer_vrf?  Both ends must point at each other. */
static bool veth_peer_is(const char *vrf, const struct net_link *l,
			 const char *peer_vrf, const char *peer)
{
	const char *pv = vrf;
	struct net_link p;

	if (l->peer_netnsid >= 0)
		pv = net_vrf_by_netnsid(vrf, l->peer_netnsid);
	if (!pv || strcmp(vrf_label(pv), vrf_label(peer_vrf)) ||
	    net_link_get(peer_vrf, peer, &p, NULL))
		return false;
	return !strcmp(p.kind, "veth") && p.ifindex == l->peer_ifindex;
}

static int do_veth(struct cli_session *s, const struct cli_args *a,
		   struct cli_out *o)
{
	const char *vrf = if_vrf(s, a), *ifname = cli_arg(a, "ifname");
	const char *peer = cli_arg(a, "peer");
	const char *peer_vrf = cli_arg(a, "peervrf");
	struct net_err err = { 0 };
	struct net_link pl;
	char b1[96], b2[96];
	bool same;

	(void)o;
	if (!peer_vrf)
		peer_vrf = vrf;
	else if (net_vrf_is_default(peer_vrf))
		peer_vrf = "";
	if (cmd_vrf_exists(s, vrf) || cmd_vrf_exists(s, peer_vrf) ||
	    exists_as(s, vrf, ifname, "veth", &same))
		return -1;
	if (!strcmp(ifname, peer) && !strcmp(vrf, peer_vrf)) {
		cli_error(s, "Cannot create veth pair %s: both ends have the "
			     "same name", ifname);
		return -1;
	}
	if (!same && !net_link_get(peer_vrf, peer, &pl, NULL)) {
		char what[64];

		cli_error(s, "Cannot create veth pair %s%s - %s%s: the name %s "
			     "is taken by %s", ifname,
			  in_vrf(vrf, b1, sizeof(b1)), peer,
			  in_vrf(peer_vrf, b2, sizeof(b2)), peer,
			  what_is(&pl, what, sizeof(what)));
		return -1;
	}
	if (same) {
		struct net_link l;

		if (net_link_get(vrf, ifname, &l, &err))
			return cmd_fail(s, &err, "read interface %s%s", ifname,
					in_vrf(vrf, b1, sizeof(b1)));
		if (!veth_peer_is(vrf, &l, peer_vrf, peer)) {
			cli_error(s, "Cannot create veth pair %s%s - %s%s: %s "
				     "exists with another peer", ifname,
				  in_vrf(vrf, b1, sizeof(b1)), peer,
				  in_vrf(peer_vrf, b2, sizeof(b2)), ifname);
			return -1;
		}
	}
	if (!same && net_link_add_veth(vrf, ifname, peer_vrf, peer, &err))
		return cmd_fail(s, &err, "create veth pair %s%s - %s%s",
				ifname, in_vrf(vrf, b1, sizeof(b1)), peer,
				in_vrf(peer_vrf, b2, sizeof(b2)));
	cli_enter(s, MODE_CONFIG_IF, vrf, ifname);
	return 0;
}

static int do_bridge(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	const char *vrf = if_vrf(s, a), *ifname = cli_arg(a, "ifname");
	struct net_err err = { 0 };
	char buf[96];
	bool same;

	(void)o;
	if (cmd_vrf_exists(s, vrf) || exists_as(s, vrf, ifname, "bridge", &same))
		return -1;
	if (!same && net_link_add_bridge(vrf, ifname, &err))
		return cmd_fail(s, &err, "create bridge %s%s", ifname,
				in_vrf(vrf, buf, sizeof(buf)));
	cli_enter(s, MODE_CONFIG_IF, vrf, ifname);
	return 0;
}

static int do_no_interface(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	const char *vrf = if_vrf(s, a), *ifname = cli_arg(a, "ifname");
	struct net_err err = { 0 };
	struct net_link l;
	char buf[96];

	(void)o;
	if (cmd_link(s, vrf, ifname, &l))
		return -1;
	if (l.loopback || net_link_is_physical(&l)) {
		cli_error(s, "Interface %s%s is %s: only virtual interfaces "
			     "can be deleted", ifname,
			  in_vrf(vrf, buf, sizeof(buf)),
			  l.loopback ? "the loopback" : "physical");
		return -1;
	}
	if (net_link_del(vrf, ifname, &err))
		return cmd_fail(s, &err, "delete interface %s%s", ifname,
				in_vrf(vrf, buf, sizeof(buf)));
	return 0;
}

/* ---- interface mode ---------------------------------------------------------- */

/* The interface of the mode; it must still exist. */
static int current(struct cli_session *s, struct net_link *l)
{
	struct cli_frame *f = cli_top(s);

	return cmd_link(s, f->vrf, f->ifname, l);
}

static bool has_ipv4(const char *vrf, int ifindex)
{
	struct net_addrs addrs = { 0 };
	struct net_err err = { 0 };
	bool found = false;

	if (net_addr_dump(vrf, AF_INET, &addrs, &err))
		return false;
	for (size_t i = 0; i < addrs.n; i++)
		found |= addrs.v[i].ifindex == ifindex;
	net_addrs_free(&addrs);
	return found;
}

static int move_to(struct cli_session *s, const char *to, bool enabling)
{
	struct cli_frame *f = cli_top(s);
	struct net_err err = { 0 };
	struct net_link l;
	char b1[96], b2[96];
	bool had_v4;

	if (current(s, &l) || cmd_vrf_exists(s, to))
		return -1;
	if (!strcmp(f->vrf, to))
		return 0;
	if (l.loopback) {
		cli_error(s, "Cannot move interface %s: the loopback belongs "
			     "to its namespace", f->ifname);
		return -1;
	}
	had_v4 = has_ipv4(f->vrf, l.ifindex);
	if (net_link_move(f->vrf, f->ifname, to, &err))
		return cmd_fail(s, &err, "move interface %s%s to VRF %s",
				f->ifname, in_vrf(f->vrf, b1, sizeof(b1)),
				vrf_label(to));
	if (had_v4)
		cli_notice(s, "Interface %s IPv4 disabled and address(es) "
			      "removed due to %s VRF %s",
			   f->ifname, enabling ? "enabling" : "disabling",
			   enabling ? vrf_label(to) : vrf_label(f->vrf));
	/* the kernel takes a moved link down: keep the state it had */
	if (l.admin_up && net_link_set_up(to, f->ifname, true, &err))
		cmd_fail(s, &err, "bring interface %s%s up", f->ifname,
			 in_vrf(to, b2, sizeof(b2)));
	snprintf(f->vrf, sizeof(f->vrf), "%s", to);
	return 0;
}

static int do_vrf_forwarding(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	const char *to = cli_arg(a, "vrf");

	(void)o;
	return move_to(s, net_vrf_is_default(to) ? "" : to, true);
}

static int do_no_vrf_forwarding(struct cli_session *s,
				const struct cli_args *a, struct cli_out *o)
{
	const char *named = cli_arg(a, "vrf");
	struct cli_frame *f = cli_top(s);

	(void)o;
	if (named && strcmp(vrf_label(named), vrf_label(f->vrf))) {
		cli_error(s, "Interface %s is not in VRF %s", f->ifname,
			  named);
		return -1;
	}
	return move_to(s, "", false);
}

/* Parses the address arguments: prefix, or address and mask. */
static bool parse_v4(const struct cli_args *a, struct net_addr *out)
{
	const char *prefix = cli_arg(a, "prefix");
	unsigned char b[4];
	int plen;

	memset(out, 0, sizeof(*out));
	out->family = AF_INET;
	if (prefix) {
		if (!cli_parse_ipv4_prefix(prefix, b, &plen))
			return false;
	} else {
		const char *addr = cli_arg(a, "addr"), *mask = cli_arg(a, "mask");

		if (!addr || !mask || !cli_parse_ipv4(addr, b) ||
		    !cli_parse_mask(mask, &plen))
			return false;
	}
	memcpy(&out->a.v4, b, 4);
	out->plen = (unsigned char)plen;
	return true;
}

static bool parse_v6(const struct cli_args *a, struct net_addr *out)
{
	const char *prefix = cli_arg(a, "prefix");
	unsigned char b[16];
	int plen;

	memset(out, 0, sizeof(*out));
	out->family = AF_INET6;
	if (!prefix || !cli_parse_ipv6_prefix(prefix, b, &plen))
		return false;
	memcpy(&out->a.v6, b, 16);
	out->plen = (unsigned char)plen;
	return true;
}

static void addr_text(const struct net_addr *x, char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(x->family, &x->a, a, sizeof(a));
	snprintf(buf, size, "%s/%u", a, x->plen);
}

static bool same_addr(const struct net_addr *x, const struct net_addr *y)
{
	size_t len = x->family == AF_INET ? 4 : 16;

	return x->family == y->family && x->plen == y->plen &&
	       !memcmp(&x->a, &y->a, len);
}

/* The addresses of the mode's interface in family; link-local IPv6
 * addresses, which the kernel makes itself, are left out. */
static int if_addrs(struct cli_session *s, const struct net_link *l,
		    int family, struct net_addrs *out)
{
	struct cli_frame *f = cli_top(s);
	struct net_addrs all = { 0 };
	struct net_err err = { 0 };

	memset(out, 0, sizeof(*out));
	if (net_addr_dump(f->vrf, family, &all, &err))
		return cmd_fail(s, &err, "read the addresses of %s",
				f->ifname);
	out->v = calloc(all.n + 1, sizeof(*out->v));
	if (!out->v)
		abort();
	for (size_t i = 0; i < all.n; i++) {
		const struct net_addr *x = &all.v[i];

		if (x->ifindex != l->ifindex)
			continue;
		if (x->family == AF_INET6 && x->scope == NET_SCOPE_LINK)
			continue;
		out->v[out->n++] = *x;
	}
	net_addrs_free(&all);
	return 0;
}

static int addr_change(struct cli_session *s, const struct net_addr *x,
		       bool add)
{
	struct cli_frame *f = cli_top(s);
	struct net_err err = { 0 };
	char text[64];
	int rc;

	rc = add ? net_addr_add(f->vrf, f->ifname, x, &err)
		 : net_addr_del(f->vrf, f->ifname, x, &err);
	if (!rc)
		return 0;
	addr_text(x, text, sizeof(text));
	return cmd_fail(s, &err, "%s address %s %s %s", add ? "add" : "remove",
			text, add ? "to" : "from", f->ifname);
}

/* Deleting an IPv4 primary makes the kernel delete the secondaries of
 * its subnet too (unless promote_secondaries is set): put back what was
 * in had and is gone, except the address meant to go. */
static int restore_v4(struct cli_session *s, const struct net_link *l,
		      const struct net_addrs *had, const struct net_addr *gone)
{
	struct net_addrs now;
	int rc = 0;

	if (if_addrs(s, l, AF_INET, &now))
		return -1;
	for (size_t i = 0; i < had->n && !rc; i++) {
		bool there = false;

		if (gone && same_addr(&had->v[i], gone))
			continue;
		for (size_t k = 0; k < now.n; k++)
			there |= same_addr(&had->v[i], &now.v[k]);
		if (!there)
			rc = addr_change(s, &had->v[i], true);
	}
	net_addrs_free(&now);
	return rc;
}

/* IOS semantics: without 'secondary' the address replaces the primary.
 * The old primary goes first, so that the new address is not taken as
 * one of its secondaries and deleted along with it. */
static int do_ip_address(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	struct net_addrs have;
	struct net_addr x;
	struct net_link l;
	const struct net_addr *primary = NULL;
	int rc = 0;

	(void)o;
	if (!parse_v4(a, &x) || current(s, &l) ||
	    if_addrs(s, &l, AF_INET, &have))
		return -1;
	for (size_t i = 0; i < have.n; i++) {
		if (same_addr(&have.v[i], &x))
			goto out;	/* already there */
		if (!primary && !have.v[i].secondary)
			primary = &have.v[i];
	}
	if (!primary || cli_has(a, "secondary")) {
		rc = addr_change(s, &x, true);
		goto out;
	}
	rc = addr_change(s, primary, false);
	if (rc)
		goto out;
	if (addr_change(s, &x, true)) {
		restore_v4(s, &l, &have, NULL);	/* the old one back */
		rc = -1;
	} else {
		rc = restore_v4(s, &l, &have, primary);
	}
out:
	net_addrs_free(&have);
	return rc;
}

static int remove_addrs(struct cli_session *s, const struct cli_args *a,
			int family)
{
	struct net_addrs have;
	struct net_addr x;
	struct net_link l;
	bool one = cli_has(a, "prefix") || cli_has(a, "addr");
	bool found = false;
	int rc = 0;

	if (one && !(family == AF_INET ? parse_v4(a, &x) : parse_v6(a, &x)))
		return -1;
	if (current(s, &l) || if_addrs(s, &l, family, &have))
		return -1;
	/* secondaries first, so that removing a primary does not take
	 * them along unasked */
	for (int pass = 0; pass < 2 && !rc; pass++) {
		for (size_t i = 0; i < have.n && !rc; i++) {
			if (have.v[i].secondary != (pass == 0))
				continue;
			if (one && !same_addr(&have.v[i], &x))
				continue;
			found = true;
			rc = addr_change(s, &have.v[i], false);
		}
	}
	if (one && found && !rc && family == AF_INET)
		rc = restore_v4(s, &l, &have, &x);
	if (one && !found) {
		char text[64];

		addr_text(&x, text, sizeof(text));
		cli_error(s, "Address %s is not configured on %s", text,
			  cli_top(s)->ifname);
		rc = -1;
	}
	net_addrs_free(&have);
	return rc;
}

static int do_no_ip_address(struct cli_session *s, const struct cli_args *a,
			    struct cli_out *o)
{
	(void)o;
	return remove_addrs(s, a, AF_INET);
}

static int do_ipv6_address(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	struct net_addrs have;
	struct net_addr x;
	struct net_link l;
	bool there = false;

	(void)o;
	if (!parse_v6(a, &x) || current(s, &l) ||
	    if_addrs(s, &l, AF_INET6, &have))
		return -1;
	for (size_t i = 0; i < have.n; i++)
		there |= same_addr(&have.v[i], &x);
	net_addrs_free(&have);
	return there ? 0 : addr_change(s, &x, true);
}

static int do_no_ipv6_address(struct cli_session *s,
			      const struct cli_args *a, struct cli_out *o)
{
	(void)o;
	return remove_addrs(s, a, AF_INET6);
}

static int set_up(struct cli_session *s, bool up)
{
	struct cli_frame *f = cli_top(s);
	struct net_err err = { 0 };
	struct net_link l;

	if (current(s, &l))
		return -1;
	if (net_link_set_up(f->vrf, f->ifname, up, &err))
		return cmd_fail(s, &err, "bring interface %s %s", f->ifname,
				up ? "up" : "down");
	return 0;
}

static int do_shutdown(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	(void)a;
	(void)o;
	return set_up(s, false);
}

static int do_no_shutdown(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	(void)a;
	(void)o;
	return set_up(s, true);
}

static int set_mtu(struct cli_session *s, unsigned mtu)
{
	struct cli_frame *f = cli_top(s);
	struct net_err err = { 0 };
	struct net_link l;

	if (current(s, &l))
		return -1;
	if (!mtu)
		mtu = l.loopback ? 65536 : 1500;
	if (net_link_set_mtu(f->vrf, f->ifname, mtu, &err))
		return cmd_fail(s, &err, "set the MTU of %s to %u", f->ifname,
				mtu);
	return 0;
}

static int do_mtu(struct cli_session *s, const struct cli_args *a,
		  struct cli_out *o)
{
	(void)o;
	return set_mtu(s, (unsigned)cli_arg_long(a, "mtu", 1500));
}

static int do_no_mtu(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	(void)a;
	(void)o;
	return set_mtu(s, 0);
}

static int set_alias(struct cli_session *s, const char *text)
{
	struct cli_frame *f = cli_top(s);
	struct net_err err = { 0 };
	struct net_link l;

	if (strlen(text) > ALIAS_MAX) {
		cli_error(s, "Description is longer than %d characters",
			  ALIAS_MAX);
		return -1;
	}
	if (current(s, &l))
		return -1;
	if (net_link_set_alias(f->vrf, f->ifname, text, &err))
		return cmd_fail(s, &err, "set the description of %s",
				f->ifname);
	return 0;
}

static int do_description(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	(void)o;
	return set_alias(s, cli_arg(a, "text"));
}

static int do_no_description(struct cli_session *s,
			     const struct cli_args *a, struct cli_out *o)
{
	(void)a;
	(void)o;
	return set_alias(s, "");
}

static int do_bridge_group(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	struct cli_frame *f = cli_top(s);
	const char *bridge = cli_arg(a, "bridge");
	struct net_err err = { 0 };
	struct net_link l, br;

	(void)o;
	if (current(s, &l) || cmd_link(s, f->vrf, bridge, &br))
		return -1;
	if (strcmp(br.kind, "bridge")) {
		cli_error(s, "Interface %s is not a bridge", bridge);
		return -1;
	}
	if (br.ifindex == l.ifindex) {
		cli_error(s, "Interface %s cannot be a member of itself",
			  bridge);
		return -1;
	}
	if (net_link_set_master(f->vrf, f->ifname, bridge, &err))
		return cmd_fail(s, &err, "add %s to bridge %s", f->ifname,
				bridge);
	return 0;
}

static int do_no_bridge_group(struct cli_session *s,
			      const struct cli_args *a, struct cli_out *o)
{
	struct cli_frame *f = cli_top(s);
	struct net_err err = { 0 };
	struct net_link l;

	(void)a;
	(void)o;
	if (current(s, &l))
		return -1;
	if (l.master && net_link_set_master(f->vrf, f->ifname, NULL, &err))
		return cmd_fail(s, &err, "remove %s from its bridge",
				f->ifname);
	return 0;
}

#define H_NO "Negate a command or set its defaults\n"
#define H_IF "Select an interface to configure\nInterface name\n"
#define H_VRF "In a VRF other than the mode's\nVRF name\n"
#define H_IP "Internet Protocol (IPv4)\n"
#define H_IPV6 "Internet Protocol version 6\n"

const struct cli_cmd interface_cmds[] = {
	{ "interface IFNAME$ifname [vrf NAME$vrf]",
	  H_IF H_VRF, IF_MODES, PRIV_ADMIN, 0, do_interface },
	{ "interface IFNAME$ifname [vrf NAME$vrf] type veth peer "
	  "IFNAME$peer [vrf NAME$peervrf]",
	  H_IF H_VRF "Create a virtual interface\n"
	  "A veth pair: two interfaces joined like a cable\n"
	  "The other end\nName of the other end\n"
	  "The VRF of the other end (default: the same)\nVRF name",
	  IF_MODES, PRIV_ADMIN, 0, do_veth },
	{ "interface IFNAME$ifname [vrf NAME$vrf] type bridge",
	  H_IF H_VRF "Create a virtual interface\nAn Ethernet bridge",
	  IF_MODES, PRIV_ADMIN, 0, do_bridge },
	{ "no interface IFNAME$ifname [vrf NAME$vrf]",
	  H_NO "Delete a virtual interface\nInterface name\n" H_VRF,
	  IF_MODES, PRIV_ADMIN, 0, do_no_interface },
	{ "vrf forwarding NAME$vrf",
	  "VRF membership\nMove the interface into a VRF\nVRF name",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_vrf_forwarding },
	{ "no vrf forwarding [NAME$vrf]",
	  H_NO "VRF membership\nMove the interface back to VRF default\n"
	  "VRF name",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_no_vrf_forwarding },
	{ "ip address A.B.C.D/M$prefix [secondary]",
	  H_IP "Set an IPv4 address\nAddress and prefix length\n"
	  "An address beside the primary one",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_ip_address },
	{ "ip address A.B.C.D$addr MASK$mask [secondary]",
	  H_IP "Set an IPv4 address\nIPv4 address\nSubnet mask\n"
	  "An address beside the primary one",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_ip_address },
	{ "no ip address [A.B.C.D/M$prefix|A.B.C.D$addr MASK$mask]",
	  H_NO H_IP "Remove IPv4 addresses (all, or one)\n"
	  "Address and prefix length\nIPv4 address\nSubnet mask",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_no_ip_address },
	{ "ipv6 address X:X::X:X/M$prefix",
	  H_IPV6 "Set an IPv6 address\nAddress and prefix length",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_ipv6_address },
	{ "no ipv6 address [X:X::X:X/M$prefix]",
	  H_NO H_IPV6 "Remove IPv6 addresses (all but link-local, or one)\n"
	  "Address and prefix length",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_no_ipv6_address },
	{ "shutdown", "Take the interface administratively down",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_shutdown },
	{ "no shutdown", H_NO "Bring the interface up",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_no_shutdown },
	{ "mtu <68-65536>$mtu",
	  "Set the maximum transmission unit\nMTU in bytes",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_mtu },
	{ "no mtu", H_NO "Set the MTU back to its default",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_no_mtu },
	{ "description LINE$text",
	  "Describe the interface (its alias)\nUp to 255 characters",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_description },
	{ "no description", H_NO "Remove the description",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_no_description },
	{ "bridge-group IFNAME$bridge",
	  "Make the interface a member of a bridge\n"
	  "The bridge (in the same VRF)",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_bridge_group },
	{ "no bridge-group", H_NO "Leave the bridge",
	  CLI_CONFIG_IF, PRIV_ADMIN, 0, do_no_bridge_group },
	{ NULL, NULL, 0, 0, 0, NULL },
};
