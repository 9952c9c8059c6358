/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interface.c - interfaces: enter, create (veth, bridge), delete, and the
 * interface mode: VRF membership, addresses, state, MTU, description,
 * bridge membership; their running-config stanzas.
 *
 * 'interface NAME' enters the mode of an interface whichever VRF it is
 * in (when the name is unique; VRF/NAME names it otherwise), or of one
 * that does not exist yet: its first line 'type veth peer P [vrf V]' or
 * 'type bridge' makes it.  So a stanza is headed by 'interface NAME'
 * alone, as IOS tools read it, and still rebuilds what it describes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "render/text.h"

#define IF_MODES (MODE_CONFIG | MODE_VRF)
#define ALIAS_MAX 255

/* The VRF for 'interface ...': its 'vrf' argument or the mode's. */
static const char *if_vrf(struct cli_session *s, const struct cli_args *a)
{
	return cmd_vrf(s, a);
}

static int do_interface(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	char vrf[NET_VRF_NAME_MAX + 1], name[NET_IFNAMSIZ], buf[96];
	struct net_link l;
	int r;

	(void)o;
	r = cmd_if_resolve(s, cli_arg(a, "ifname"), cli_arg(a, "vrf"), true,
			   vrf, sizeof(vrf), name, sizeof(name), &l);
	if (r < 0)
		return -1;
	if (r == 1 && s->interactive)
		cli_notice(s,
			   "Interface %s%s does not exist yet: 'type veth "
			   "peer NAME' or 'type bridge' makes it",
			   name, in_vrf(vrf, buf, sizeof(buf)));
	cli_enter(s, MODE_IF, vrf, name);
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
static int exists_as(struct cli_session *s, const char *vrf, const char *ifname,
		     const char *kind, bool *same)
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
	cli_error(s,
		  "Error: Cannot create interface %s%s: the name is taken by "
		  "%s",
		  ifname, in_vrf(vrf, buf, sizeof(buf)),
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

/* Makes the veth pair ifname (in vrf) - peer (in peer_vrf, NULL for the
 * same VRF), or finds it made already. */
static int make_veth(struct cli_session *s, const char *vrf, const char *ifname,
		     const char *peer, const char *peer_vrf)
{
	struct net_err err = { 0 };
	struct net_link pl;
	char b1[96], b2[96];
	bool same;

	if (!peer_vrf)
		peer_vrf = vrf;
	else if (net_vrf_is_default(peer_vrf))
		peer_vrf = "";
	if (cmd_vrf_exists(s, vrf) || cmd_vrf_exists(s, peer_vrf) ||
	    exists_as(s, vrf, ifname, "veth", &same))
		return -1;
	if (!strcmp(ifname, peer) && !strcmp(vrf, peer_vrf)) {
		cli_error(
			s,
			"Error: Cannot create veth pair %s: both ends have the "
			"same name",
			ifname);
		return -1;
	}
	if (!same && !net_link_get(peer_vrf, peer, &pl, NULL)) {
		char what[64];

		cli_error(
			s,
			"Error: Cannot create veth pair %s%s - %s%s: the name %s "
			"is taken by %s",
			ifname, in_vrf(vrf, b1, sizeof(b1)), peer,
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
			cli_error(
				s,
				"Error: Cannot create veth pair %s%s - %s%s: %s "
				"exists with another peer",
				ifname, in_vrf(vrf, b1, sizeof(b1)), peer,
				in_vrf(peer_vrf, b2, sizeof(b2)), ifname);
			return -1;
		}
	}
	if (!same && net_link_add_veth(vrf, ifname, peer_vrf, peer, &err))
		return cmd_fail(s, &err, "create veth pair %s%s - %s%s", ifname,
				in_vrf(vrf, b1, sizeof(b1)), peer,
				in_vrf(peer_vrf, b2, sizeof(b2)));
	if (!same)
		cmd_if_changed();
	return 0;
}

static int make_bridge(struct cli_session *s, const char *vrf,
		       const char *ifname)
{
	struct net_err err = { 0 };
	char buf[96];
	bool same;

	if (cmd_vrf_exists(s, vrf) ||
	    exists_as(s, vrf, ifname, "bridge", &same))
		return -1;
	if (!same && net_link_add_bridge(vrf, ifname, &err))
		return cmd_fail(s, &err, "create bridge %s%s", ifname,
				in_vrf(vrf, buf, sizeof(buf)));
	if (!same)
		cmd_if_changed();
	return 0;
}

/* The one-line forms of 0.1: interface IFNAME [vrf NAME] type ... */
static int do_veth(struct cli_session *s, const struct cli_args *a,
		   struct cli_out *o)
{
	const char *vrf = if_vrf(s, a), *ifname = cli_arg(a, "ifname");

	(void)o;
	if (make_veth(s, vrf, ifname, cli_arg(a, "peer"),
		      cli_arg(a, "peervrf")))
		return -1;
	cli_enter(s, MODE_IF, vrf, ifname);
	return 0;
}

static int do_bridge(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	const char *vrf = if_vrf(s, a), *ifname = cli_arg(a, "ifname");

	(void)o;
	if (make_bridge(s, vrf, ifname))
		return -1;
	cli_enter(s, MODE_IF, vrf, ifname);
	return 0;
}

static int do_no_interface(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char vrf[NET_VRF_NAME_MAX + 1], ifname[NET_IFNAMSIZ], buf[96];
	struct net_err err = { 0 };
	struct net_link l;
	int r;

	(void)o;
	/* a deletion names its VRF: no search through the others */
	r = cmd_if_resolve(s, cli_arg(a, "ifname"), cli_arg(a, "vrf"), false,
			   vrf, sizeof(vrf), ifname, sizeof(ifname), &l);
	if (r < 0)
		return -1;
	if (r == 1) {
		cli_error(s, "Interface %s not found%s", ifname,
			  in_vrf(vrf, buf, sizeof(buf)));
		return -1;
	}
	if (l.loopback || net_link_is_physical(&l)) {
		cli_error(
			s,
			"Error: Interface %s%s is %s: only virtual interfaces "
			"can be deleted",
			ifname, in_vrf(vrf, buf, sizeof(buf)),
			l.loopback ? "the loopback" : "physical");
		return -1;
	}
	if (net_link_del(vrf, ifname, &err))
		return cmd_fail(s, &err, "delete interface %s%s", ifname,
				in_vrf(vrf, buf, sizeof(buf)));
	cmd_if_changed();
	cmd_filter_if_deleted(s, vrf, &l);
	return 0;
}

/* ---- interface mode ---------------------------------------------------------- */

/* The VRF and the name of the interface of the mode. */
static const char *mode_vrf(const struct cli_frame *f)
{
	return cli_frame_get(f, "vrf");
}

static const char *mode_if(const struct cli_frame *f)
{
	return cli_frame_get(f, "ifname");
}

/* The interface of the mode; it must still exist. */
static int current(struct cli_session *s, struct net_link *l)
{
	struct cli_frame *f = cli_top(s);

	return cmd_link(s, mode_vrf(f), mode_if(f), l);
}

/* type veth peer PEER [vrf NAME], type bridge: the first line of the
 * stanza of an interface that may not exist yet. */
static int do_type_veth(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	struct cli_frame *f = cli_top(s);
	const char *peer = cli_arg(a, "peer"), *pvrf = cli_arg(a, "peervrf");
	char qv[NET_VRF_NAME_MAX + 1], qn[NET_IFNAMSIZ + 64];
	bool same;

	(void)o;
	/* the peer written VRF/NAME */
	if (cmd_if_split(peer, qv, sizeof(qv), qn, sizeof(qn))) {
		if (pvrf && strcmp(vrf_label(pvrf), vrf_label(qv))) {
			cli_error(s,
				  "Error: Peer %s is named in VRF %s and in "
				  "VRF %s",
				  peer, vrf_label(qv), vrf_label(pvrf));
			return -1;
		}
		peer = qn;
		pvrf = qv;
	}
	/* made already: the pair is the one described when the other end
	 * has that name (and, when given, is in that VRF), wherever the
	 * stanzas have moved the two since */
	if (exists_as(s, mode_vrf(f), mode_if(f), "veth", &same))
		return -1;
	if (same) {
		struct net_err err = { 0 };
		struct net_link l, p;
		const char *at = mode_vrf(f);
		char b[96];

		if (net_link_get(mode_vrf(f), mode_if(f), &l, &err))
			return cmd_fail(s, &err, "read interface %s%s",
					mode_if(f), in_vrf(at, b, sizeof(b)));
		if (l.peer_netnsid >= 0)
			at = net_vrf_by_netnsid(mode_vrf(f), l.peer_netnsid);
		if (at && net_vrf_is_default(at))
			at = "";
		if (at && (!pvrf || !strcmp(vrf_label(at), vrf_label(pvrf))) &&
		    !net_link_get(at, peer, &p, NULL) &&
		    p.ifindex == l.peer_ifindex)
			return 0;
		cli_error(s,
			  "Error: Cannot create veth pair %s - %s: %s exists "
			  "with another peer",
			  mode_if(f), peer, mode_if(f));
		return -1;
	}
	return make_veth(s, mode_vrf(f), mode_if(f), peer, pvrf);
}

static int do_type_bridge(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	struct cli_frame *f = cli_top(s);

	(void)a;
	(void)o;
	return make_bridge(s, mode_vrf(f), mode_if(f));
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
	if (!strcmp(mode_vrf(f), to))
		return 0;
	if (l.loopback) {
		cli_error(
			s,
			"Error: Cannot move interface %s: the loopback belongs "
			"to its namespace",
			mode_if(f));
		return -1;
	}
	had_v4 = has_ipv4(mode_vrf(f), l.ifindex);
	cmd_if_changed();
	if (net_link_move(mode_vrf(f), mode_if(f), to, &err))
		return cmd_fail(s, &err, "move interface %s%s to VRF %s",
				mode_if(f), in_vrf(mode_vrf(f), b1, sizeof(b1)),
				vrf_label(to));
	if (had_v4)
		cli_notice(s,
			   "Interface %s IPv4 disabled and address(es) "
			   "removed due to %s VRF %s",
			   mode_if(f), enabling ? "enabling" : "disabling",
			   enabling ? vrf_label(to) : vrf_label(mode_vrf(f)));
	cmd_filter_if_moved(s, mode_vrf(f), to, mode_if(f));
	/* the kernel takes a moved link down: keep the state it had */
	if (l.admin_up && net_link_set_up(to, mode_if(f), true, &err))
		cmd_fail(s, &err, "bring interface %s%s up", mode_if(f),
			 in_vrf(to, b2, sizeof(b2)));
	cmd_routes_touch(s, mode_vrf(f));
	cmd_routes_touch(s, to);
	cli_frame_set(f, "vrf", to);
	return 0;
}

static int do_vrf_forwarding(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	const char *to = cli_arg(a, "vrf");

	(void)o;
	return move_to(s, net_vrf_is_default(to) ? "" : to, true);
}

static int do_no_vrf_forwarding(struct cli_session *s, const struct cli_args *a,
				struct cli_out *o)
{
	const char *named = cli_arg(a, "vrf");
	struct cli_frame *f = cli_top(s);

	(void)o;
	if (named && strcmp(vrf_label(named), vrf_label(mode_vrf(f)))) {
		cli_error(s, "Error: Interface %s is not in VRF %s", mode_if(f),
			  named);
		return -1;
	}
	return move_to(s, "", false);
}

/* Parses the address arguments: prefix, or address and mask. */
static bool parse_v4(const struct cli_args *a, struct net_addr *out)
{
	const char *prefix = cli_declares(a, "prefix") ? cli_arg(a, "prefix") :
							 NULL;
	unsigned char b[4];
	int plen;

	memset(out, 0, sizeof(*out));
	out->family = AF_INET;
	if (prefix) {
		if (!cli_parse_ipv4_prefix(prefix, b, &plen))
			return false;
	} else {
		const char *addr = cli_arg(a, "addr"),
			   *mask = cli_arg(a, "mask");

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
	text_prefix(x->family, &x->a, x->plen, buf, size);
}

static bool same_addr(const struct net_addr *x, const struct net_addr *y)
{
	size_t len = x->family == AF_INET ? 4 : 16;

	return x->family == y->family && x->plen == y->plen &&
	       !memcmp(&x->a, &y->a, len);
}

/* The addresses of the mode's interface in family; link-local IPv6
 * addresses, which the kernel makes itself, are left out. */
static int if_addrs(struct cli_session *s, const struct net_link *l, int family,
		    struct net_addrs *out)
{
	struct cli_frame *f = cli_top(s);
	struct net_addrs all = { 0 };
	struct net_err err = { 0 };

	memset(out, 0, sizeof(*out));
	if (net_addr_dump(mode_vrf(f), family, &all, &err))
		return cmd_fail(s, &err, "read the addresses of %s",
				mode_if(f));
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

	rc = add ? net_addr_add(mode_vrf(f), mode_if(f), x, &err) :
		   net_addr_del(mode_vrf(f), mode_if(f), x, &err);
	if (!rc)
		return 0;
	addr_text(x, text, sizeof(text));
	return cmd_fail(s, &err, "%s address %s %s %s", add ? "add" : "remove",
			text, add ? "to" : "from", mode_if(f));
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
			goto out; /* already there */
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
		restore_v4(s, &l, &have, NULL); /* the old one back */
		rc = -1;
	} else {
		rc = restore_v4(s, &l, &have, primary);
	}
out:
	net_addrs_free(&have);
	cmd_routes_touch(s, mode_vrf(cli_top(s)));
	return rc;
}

/* Is have->v[i] the address IOS calls primary (the first the kernel
 * lists as primary, as running-config writes it)? */
static bool ios_primary(const struct net_addrs *have, size_t i)
{
	for (size_t j = 0; j < have->n; j++)
		if (!have->v[j].secondary)
			return j == i;
	return false;
}

static int not_secondary(struct cli_session *s, const struct net_addr *x)
{
	char text[64];

	addr_text(x, text, sizeof(text));
	cli_error(s,
		  "Error: Address %s is the primary address of %s, not a "
		  "secondary",
		  text, mode_if(cli_top(s)));
	return -1;
}

static int remove_addrs(struct cli_session *s, const struct cli_args *a,
			int family)
{
	struct net_addrs have;
	struct net_addr x;
	struct net_link l;
	bool one = (cli_declares(a, "prefix") && cli_has(a, "prefix")) ||
		   (cli_declares(a, "addr") && cli_has(a, "addr"));
	/* IOS's 'no ip address A M secondary': that secondary only */
	bool sec = cli_declares(a, "secondary") && cli_has(a, "secondary");
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
			if (sec && ios_primary(&have, i)) {
				rc = not_secondary(s, &x);
				break;
			}
			rc = addr_change(s, &have.v[i], false);
		}
	}
	if (one && found && !rc && family == AF_INET)
		rc = restore_v4(s, &l, &have, &x);
	if (one && !found) {
		char text[64];

		addr_text(&x, text, sizeof(text));
		cli_error(s, "Error: Address %s is not configured on %s", text,
			  mode_if(cli_top(s)));
		rc = -1;
	}
	net_addrs_free(&have);
	cmd_routes_touch(s, mode_vrf(cli_top(s)));
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
	int rc;

	(void)o;
	if (!parse_v6(a, &x) || current(s, &l) ||
	    if_addrs(s, &l, AF_INET6, &have))
		return -1;
	for (size_t i = 0; i < have.n; i++)
		there |= same_addr(&have.v[i], &x);
	net_addrs_free(&have);
	if (there)
		return 0;
	rc = addr_change(s, &x, true);
	cmd_routes_touch(s, mode_vrf(cli_top(s)));
	return rc;
}

static int do_no_ipv6_address(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
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
	if (net_link_set_up(mode_vrf(f), mode_if(f), up, &err))
		return cmd_fail(s, &err, "bring interface %s %s", mode_if(f),
				up ? "up" : "down");
	cmd_routes_touch(s, mode_vrf(f));
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
	if (net_link_set_mtu(mode_vrf(f), mode_if(f), mtu, &err))
		return cmd_fail(s, &err, "set the MTU of %s to %u", mode_if(f),
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
		cli_error(s, "Error: Description is longer than %d characters",
			  ALIAS_MAX);
		return -1;
	}
	if (current(s, &l))
		return -1;
	if (net_link_set_alias(mode_vrf(f), mode_if(f), text, &err))
		return cmd_fail(s, &err, "set the description of %s",
				mode_if(f));
	return 0;
}

static int do_description(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	(void)o;
	return set_alias(s, cli_arg(a, "text"));
}

static int do_no_description(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
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
	if (current(s, &l) || cmd_link(s, mode_vrf(f), bridge, &br))
		return -1;
	if (strcmp(br.kind, "bridge")) {
		cli_error(s, "Error: Interface %s is not a bridge", bridge);
		return -1;
	}
	if (br.ifindex == l.ifindex) {
		cli_error(s, "Error: Interface %s cannot be a member of itself",
			  bridge);
		return -1;
	}
	if (net_link_set_master(mode_vrf(f), mode_if(f), bridge, &err))
		return cmd_fail(s, &err, "add %s to bridge %s", mode_if(f),
				bridge);
	return 0;
}

static int do_no_bridge_group(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	struct cli_frame *f = cli_top(s);
	struct net_err err = { 0 };
	struct net_link l;

	(void)a;
	(void)o;
	if (current(s, &l))
		return -1;
	if (l.master &&
	    net_link_set_master(mode_vrf(f), mode_if(f), NULL, &err))
		return cmd_fail(s, &err, "remove %s from its bridge",
				mode_if(f));
	return 0;
}

#define H_NO "Negate a command or set its defaults\n"
#define H_IF "Select an interface to configure\nInterface name\n"
#define H_VRF "In a VRF other than the mode's\nVRF name\n"
#define H_IP "Internet Protocol (IPv4)\n"
#define H_IPV6 "Internet Protocol version 6\n"

static const struct cli_cmd interface_cmds[] = {
	{ "interface IFREF$ifname [vrf NAME$vrf]", H_IF H_VRF, IF_MODES,
	  PRIV_ADMIN, 0, do_interface },
	{ "interface IFNAME$ifname [vrf NAME$vrf] type veth peer "
	  "IFNAME$peer [vrf NAME$peervrf]",
	  H_IF H_VRF "Create a virtual interface\n"
		     "A veth pair: two interfaces joined like a cable\n"
		     "The other end\nName of the other end\n"
		     "The VRF of the other end (default: the same)\nVRF name",
	  IF_MODES, PRIV_ADMIN, 0, do_veth },
	{ "interface IFNAME$ifname [vrf NAME$vrf] type bridge",
	  H_IF H_VRF "Create a virtual interface\nAn Ethernet bridge", IF_MODES,
	  PRIV_ADMIN, 0, do_bridge },
	{ "no interface IFREF$ifname [vrf NAME$vrf]",
	  H_NO "Delete a virtual interface\nInterface name\n" H_VRF, IF_MODES,
	  PRIV_ADMIN, 0, do_no_interface },
	{ "type veth peer IFREF$peer [vrf NAME$peervrf]",
	  "Make the interface of the mode, if it does not exist\n"
	  "A veth pair: two interfaces joined like a cable\n"
	  "The other end\nName of the other end (or VRF/NAME)\n"
	  "The VRF of the other end (default: this one)\nVRF name",
	  MODE_IF, PRIV_ADMIN, 0, do_type_veth },
	{ "type bridge",
	  "Make the interface of the mode, if it does not exist\n"
	  "An Ethernet bridge",
	  MODE_IF, PRIV_ADMIN, 0, do_type_bridge },
	{ "vrf forwarding NAME$vrf",
	  "VRF membership\nMove the interface into a VRF\nVRF name", MODE_IF,
	  PRIV_ADMIN, 0, do_vrf_forwarding },
	{ "ip vrf forwarding NAME$vrf",
	  H_IP "VRF membership\nMove the interface into a VRF\nVRF name",
	  MODE_IF, PRIV_ADMIN, 0, do_vrf_forwarding },
	{ "no vrf forwarding [NAME$vrf]",
	  H_NO "VRF membership\nMove the interface back to VRF default\n"
	       "VRF name",
	  MODE_IF, PRIV_ADMIN, 0, do_no_vrf_forwarding },
	{ "no ip vrf forwarding [NAME$vrf]",
	  H_NO H_IP "VRF membership\nMove the interface back to VRF default\n"
		    "VRF name",
	  MODE_IF, PRIV_ADMIN, 0, do_no_vrf_forwarding },
	{ "ip address A.B.C.D/M$prefix [secondary]",
	  H_IP "Set an IPv4 address\nAddress and prefix length\n"
	       "An address beside the primary one",
	  MODE_IF, PRIV_ADMIN, 0, do_ip_address },
	{ "ip address A.B.C.D$addr MASK$mask [secondary]",
	  H_IP "Set an IPv4 address\nIPv4 address\nSubnet mask\n"
	       "An address beside the primary one",
	  MODE_IF, PRIV_ADMIN, 0, do_ip_address },
	{ "no ip address [A.B.C.D/M$prefix|A.B.C.D$addr MASK$mask]",
	  H_NO H_IP "Remove IPv4 addresses (all, or one)\n"
		    "Address and prefix length\nIPv4 address\nSubnet mask",
	  MODE_IF, PRIV_ADMIN, 0, do_no_ip_address },
	{ "no ip address A.B.C.D/M$prefix secondary",
	  H_NO H_IP
	  "Remove IPv4 addresses (all, or one)\n"
	  "Address and prefix length\nOnly if it is a secondary address",
	  MODE_IF, PRIV_ADMIN, 0, do_no_ip_address },
	{ "no ip address A.B.C.D$addr MASK$mask secondary",
	  H_NO H_IP
	  "Remove IPv4 addresses (all, or one)\n"
	  "IPv4 address\nSubnet mask\nOnly if it is a secondary address",
	  MODE_IF, PRIV_ADMIN, 0, do_no_ip_address },
	{ "ipv6 address X:X::X:X/M$prefix",
	  H_IPV6 "Set an IPv6 address\nAddress and prefix length", MODE_IF,
	  PRIV_ADMIN, 0, do_ipv6_address },
	{ "no ipv6 address [X:X::X:X/M$prefix]",
	  H_NO H_IPV6 "Remove IPv6 addresses (all but link-local, or one)\n"
		      "Address and prefix length",
	  MODE_IF, PRIV_ADMIN, 0, do_no_ipv6_address },
	{ "shutdown", "Take the interface administratively down", MODE_IF,
	  PRIV_ADMIN, 0, do_shutdown },
	{ "no shutdown", H_NO "Bring the interface up", MODE_IF, PRIV_ADMIN, 0,
	  do_no_shutdown },
	{ "mtu <68-65536>$mtu",
	  "Set the maximum transmission unit\nMTU in bytes", MODE_IF,
	  PRIV_ADMIN, 0, do_mtu },
	{ "no mtu [<68-65536>$mtu]",
	  H_NO "Set the MTU back to its default\nAny MTU (IOS's form)", MODE_IF,
	  PRIV_ADMIN, 0, do_no_mtu },
	{ "description LINE$text",
	  "Describe the interface (its alias)\nUp to 255 characters", MODE_IF,
	  PRIV_ADMIN, 0, do_description },
	{ "no description [LINE$text]",
	  H_NO "Remove the description\nAny text (IOS's form)", MODE_IF,
	  PRIV_ADMIN, 0, do_no_description },
	{ "bridge-group IFNAME$bridge",
	  "Make the interface a member of a bridge\n"
	  "The bridge (in the same VRF)",
	  MODE_IF, PRIV_ADMIN, 0, do_bridge_group },
	{ "no bridge-group", H_NO "Leave the bridge", MODE_IF, PRIV_ADMIN, 0,
	  do_no_bridge_group },
	{ NULL, NULL, 0, 0, 0, NULL },
};

/* ---- running-config ------------------------------------------------------------ */

/* The peer of a veth, when it is in a VRF we can name. */
static bool veth_peer(struct cli_config *c, const struct cfg_vrf *v,
		      const struct net_link *l, const struct cfg_vrf **pv,
		      const struct net_link **p)
{
	const char *name = v->name;

	if (strcmp(l->kind, "veth") || !l->peer_ifindex)
		return false;
	if (l->peer_netnsid >= 0) {
		name = net_vrf_by_netnsid(v->name, l->peer_netnsid);
		if (!name)
			return false;
		name = net_vrf_is_default(name) ? "" : name;
	}
	*pv = cfg_vrf_named(c, name);
	*p = *pv ? cfg_link(*pv, l->peer_ifindex) : NULL;
	return *p != NULL;
}

/* Has the veth pair been rendered from its other end already?  The end
 * met first in rendering order creates the pair. */
static bool rendered_before(const struct cli_config *c, const struct cfg_vrf *v,
			    const struct net_link *l, const struct cfg_vrf *pv,
			    const struct net_link *p)
{
	size_t vi = (size_t)(v - c->v), pi = (size_t)(pv - c->v);

	(void)l;
	if (pi != vi)
		return pi < vi;
	return strcmp(p->name, l->name) < 0;
}

/* How many VRFs have an interface of that name. */
static unsigned homes(struct cli_config *c, const char *name)
{
	unsigned n = 0;

	for (size_t i = 0; i < c->n; i++) {
		const struct cfg_vrf *v = cfg_vrf(c, i);

		for (size_t k = 0; v && k < v->links.n; k++)
			n += !strcmp(v->links.v[k].name, name);
	}
	return n;
}

/* Is the interface written VRF/NAME?  When 'interface NAME' typed in
 * global configuration would not find it (the name is not unique, or is
 * the default VRF's too), and for what cannot change VRF once made (a
 * bridge, the loopback), which is made where the header says. */
static bool qualified(struct cli_config *c, const struct cfg_vrf *v,
		      const struct net_link *l)
{
	if (!*v->name)
		return false;
	return l->loopback || !strcmp(l->kind, "bridge") ||
	       homes(c, l->name) > 1;
}

/* "NAME" or "VRF/NAME", as the stanza's header names it. */
static const char *if_ref(struct cli_config *c, const struct cfg_vrf *v,
			  const struct net_link *l, char *buf, size_t size)
{
	if (!qualified(c, v, l))
		return l->name;
	snprintf(buf, size, "%s/%s", v->name, l->name);
	return buf;
}

/* The header, and the line that makes the interface: a bridge, or a veth
 * pair from the end met first.  An end that is not qualified is made in
 * the default VRF and moved by its 'vrf forwarding' line; so is its peer,
 * unless the peer is qualified or belongs to the default VRF, when it is
 * made where it belongs. */
static void header_lines(struct cli_out *o, struct cli_config *c,
			 const struct cfg_vrf *v, const struct net_link *l)
{
	const struct cfg_vrf *pv;
	const struct net_link *p;
	char ref[NET_VRF_NAME_MAX + NET_IFNAMSIZ + 2];
	bool here = qualified(c, v, l);

	cli_printf(o, "interface %s\n", if_ref(c, v, l, ref, sizeof(ref)));
	if (!strcmp(l->kind, "bridge")) {
		cli_printf(o, " type bridge\n");
	} else if (veth_peer(c, v, l, &pv, &p) &&
		   !rendered_before(c, v, l, pv, p)) {
		bool made_here = here ? !strcmp(pv->name, v->name) : !*pv->name;

		cli_printf(o, " type veth peer %s", p->name);
		if (!made_here && (qualified(c, pv, p) || !*pv->name || here))
			cli_printf(o, " vrf %s", vrf_label(pv->name));
		cli_printf(o, "\n");
	}
	if (*v->name)
		cli_printf(o, " vrf forwarding %s\n", v->name);
}

static int v6_cmp(const struct net_addr *x, const struct net_addr *y)
{
	int c = memcmp(&x->a.v6, &y->a.v6, sizeof(x->a.v6));

	return c ? c : (int)x->plen - (int)y->plen;
}

static bool is_lo_v4(const struct net_addr *x)
{
	return x->family == AF_INET && x->plen == 8 &&
	       ntohl(x->a.v4.s_addr) == 0x7f000001;
}

/* Does lo have 127.0.0.1/8, as it has once it has been up? */
static bool has_lo_v4(const struct cfg_vrf *v, const struct net_link *l)
{
	for (size_t i = 0; i < v->addrs.n; i++)
		if (v->addrs.v[i].ifindex == l->ifindex &&
		    is_lo_v4(&v->addrs.v[i]))
			return true;
	return false;
}

static void addresses(struct cli_out *o, const struct cfg_vrf *v,
		      const struct net_link *l)
{
	char a[INET6_ADDRSTRLEN], mask[TEXT_IP_MAX];
	bool first = true;

	/* lo gets 127.0.0.1/8 when a VRF is made (lo up).  When it has it,
	 * the other addresses are added to it, not put in its place; when
	 * it has not (lo never up, or the address removed), say so. */
	if (l->loopback) {
		if (has_lo_v4(v, l))
			first = false;
		else
			cli_printf(o, " no ip address\n");
	}
	/* IPv4: primaries in the kernel's order, then secondaries */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < v->addrs.n; i++) {
			const struct net_addr *x = &v->addrs.v[i];

			if (x->ifindex != l->ifindex || x->family != AF_INET ||
			    x->secondary != (pass == 1))
				continue;
			if (l->loopback && is_lo_v4(x))
				continue;
			inet_ntop(AF_INET, &x->a.v4, a, sizeof(a));
			text_mask(x->plen, mask, sizeof(mask));
			cli_printf(o, " ip address %s %s%s\n", a, mask,
				   first ? "" : " secondary");
			first = false;
		}
	}
	/* IPv6: sorted, since the kernel lists the newest first */
	const struct net_addr *prev = NULL;

	for (;;) {
		const struct net_addr *next = NULL;

		for (size_t i = 0; i < v->addrs.n; i++) {
			const struct net_addr *x = &v->addrs.v[i];

			if (x->ifindex != l->ifindex || x->family != AF_INET6 ||
			    x->scope == NET_SCOPE_LINK ||
			    (l->loopback && IN6_IS_ADDR_LOOPBACK(&x->a.v6)))
				continue;
			if (prev && v6_cmp(x, prev) <= 0)
				continue;
			if (!next || v6_cmp(x, next) < 0)
				next = x;
		}
		if (!next)
			break;
		inet_ntop(AF_INET6, &next->a.v6, a, sizeof(a));
		cli_printf(o, " ipv6 address %s/%u\n", a, next->plen);
		prev = next;
	}
}

static bool has_addresses(const struct cfg_vrf *v, const struct net_link *l)
{
	for (size_t i = 0; i < v->addrs.n; i++) {
		const struct net_addr *x = &v->addrs.v[i];

		if (x->ifindex != l->ifindex)
			continue;
		if (x->family == AF_INET &&
		    !(x->plen == 8 && ntohl(x->a.v4.s_addr) == 0x7f000001))
			return true;
		if (x->family == AF_INET6 && x->scope != NET_SCOPE_LINK &&
		    !IN6_IS_ADDR_LOOPBACK(&x->a.v6))
			return true;
	}
	return false;
}

/* lo as a new namespace has it (up, 65536, 127.0.0.1/8 alone, no alias)
 * is not rendered. */
static bool is_default_lo(const struct cfg_vrf *v, const struct net_link *l)
{
	return l->loopback && l->admin_up && l->mtu == 65536 && !l->alias[0] &&
	       has_lo_v4(v, l) && !has_addresses(v, l);
}

/* Why the interface cannot be written as commands that make it again
 * exactly, or NULL. */
static const char *unsafe(const struct cfg_vrf *v, const struct net_link *l)
{
	const struct net_link *m = l->master ? cfg_link(v, l->master) : NULL;
	const char *pv;

	if (!cfg_ifname_ok(l->name))
		return "its name cannot be typed back";
	if (l->alias[0] && !cfg_line_ok(l->alias))
		return "its description cannot be typed back";
	if (m && !cfg_ifname_ok(m->name))
		return "the name of its bridge cannot be typed back";
	if (!strcmp(l->kind, "veth") && l->peer_netnsid >= 0 &&
	    (pv = net_vrf_by_netnsid(v->name, l->peer_netnsid)) &&
	    !cfg_vrf_name_ok(net_vrf_is_default(pv) ? "" : pv))
		return "its veth peer is in a VRF whose name cannot be "
		       "typed back";
	return NULL;
}

static void interface(struct cli_out *o, struct cli_config *c,
		      const struct cfg_vrf *v, const struct net_link *l)
{
	const struct net_link *m = l->master ? cfg_link(v, l->master) : NULL;
	const struct cfg_vrf *pv;
	const struct net_link *p;
	const char *why = unsafe(v, l);

	if (!why && veth_peer(c, v, l, &pv, &p) && !cfg_ifname_ok(p->name))
		why = "the name of its veth peer cannot be typed back";
	if (why) {
		char what[CLI_ESCAPED_MAX(NET_IFNAMSIZ) + 128], b[96];

		snprintf(what, sizeof(what), "interface \"%s\"%s", l->name,
			 in_vrf(v->name, b, sizeof(b)));
		cfg_left_out(c, what, why);
		cli_printf(o, "!\n");
		return;
	}
	header_lines(o, c, v, l);
	addresses(o, v, l);
	if (l->alias[0])
		cli_printf(o, " description %s\n", l->alias);
	if (l->mtu != (l->loopback ? 65536u : 1500u))
		cli_printf(o, " mtu %u\n", l->mtu);
	if (m)
		cli_printf(o, " bridge-group %s\n", m->name);
	cfg_if_lines(c, v, l);
	cli_printf(o, " %sshutdown\n", l->admin_up ? "no " : "");
	cli_printf(o, "!\n");
}

/* Bridges first, so that members can name them; then by name, which
 * unlike ifindex survives a replay. */
static void interfaces(struct cli_out *o, struct cli_config *c,
		       const struct cfg_vrf *v, const char *only)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < v->links.n; i++) {
			const struct net_link *l = &v->links.v[i];
			bool bridge = !strcmp(l->kind, "bridge");

			if (bridge != (pass == 0))
				continue;
			if (only && strcmp(only, l->name))
				continue;
			if (!only && !c->all && is_default_lo(v, l) &&
			    !cfg_if_has_lines(c, v, l))
				continue;
			interface(o, c, v, l);
		}
	}
}

/* Every VRF's interfaces, or the one asked for. */
static void interface_config(struct cli_config *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct cfg_vrf *v;

		if (cfg_covers(c, i) && (v = cfg_vrf(c, i)))
			interfaces(c->o, c, v, c->only_if);
	}
}

static void if_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	const char *vrf = mode_vrf(f);

	if (*vrf)
		snprintf(buf, size, "(config-vrf-%s-if-%s)", vrf, mode_if(f));
	else
		snprintf(buf, size, "(config-if-%s)", mode_if(f));
}

/* Entered from global or VRF configuration; its frame holds the VRF the
 * interface is in ("" for default) and its name. */
static const struct cli_mode interface_modes[] = {
	{ MODE_IF,
	  "config-if",
	  MODE_CONFIG | MODE_VRF,
	  { "vrf", "ifname" },
	  if_prompt },
	{ 0, NULL, 0, { NULL, NULL }, NULL },
};

static const struct cli_config_ops interface_config_ops = {
	.stanzas = interface_config,
};

const struct cli_area interface_area = {
	.name = "interface",
	.cmds = interface_cmds,
	.modes = interface_modes,
	.config = &interface_config_ops,
};
