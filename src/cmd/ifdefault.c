/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ifdefault.c - default interface IFNAME [vrf NAME]: the interface's
 * configuration back to what a new link has, as IOS does.
 *
 * What goes: its addresses but those the kernel makes (IPv6 link-local
 * addresses, lo's 127.0.0.1/8 and ::1), its description, an MTU that is not the
 * default, its bridge membership, and the access lists bound to it.
 * What stays: the VRF it is in (in vrfsh the link lives in its VRF's
 * namespace: 'no vrf forwarding' moves it) and its admin state (a link
 * that carries the session itself must not go down by surprise:
 * 'shutdown' is one command away).
 */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/nft.h"

#define MTU_ETHERNET 1500
#define MTU_LOOPBACK 65536

static bool link_local(const struct net_addr *x)
{
	return x->family == AF_INET6 && x->a.v6.s6_addr[0] == 0xfe &&
	       (x->a.v6.s6_addr[1] & 0xc0) == 0x80;
}

/* What the kernel gives a link itself: IPv6 link-local addresses, and
 * lo's 127.0.0.1/8 and ::1. */
static bool kernels(const struct net_link *l, const struct net_addr *x)
{
	if (link_local(x))
		return true;
	if (!l->loopback)
		return false;
	if (x->family == AF_INET)
		return ((const unsigned char *)&x->a.v4)[0] == 127 &&
		       x->plen == 8;
	return IN6_IS_ADDR_LOOPBACK(&x->a.v6);
}

/* Removes l's addresses: secondaries before primaries, which would
 * take their secondaries with them. */
static int clear_addresses(struct cli_session *s, const char *vrf,
			   const struct net_link *l)
{
	struct net_addrs addrs = { 0 };
	struct net_err err = { 0 };
	int rc = 0;

	if (net_addr_dump(vrf, AF_UNSPEC, &addrs, &err))
		return cmd_fail(s, &err, "read the addresses of %s", l->name);
	for (int pass = 0; pass < 2 && !rc; pass++) {
		for (size_t i = 0; i < addrs.n && !rc; i++) {
			const struct net_addr *x = &addrs.v[i];

			if (x->ifindex != l->ifindex || kernels(l, x) ||
			    (x->family == AF_INET && x->secondary != !pass))
				continue;
			if (x->family == AF_INET6 && pass == 0)
				continue;
			if (net_addr_del(vrf, l->name, x, &err) &&
			    err.code != EADDRNOTAVAIL && err.code != ENOENT)
				rc = cmd_fail(s, &err,
					      "remove an address of %s",
					      l->name);
		}
	}
	net_addrs_free(&addrs);
	return rc;
}

static int clear_settings(struct cli_session *s, const char *vrf,
			  const struct net_link *l)
{
	unsigned mtu = l->loopback ? MTU_LOOPBACK : MTU_ETHERNET;
	struct net_err err = { 0 };

	if (l->alias[0] && net_link_set_alias(vrf, l->name, NULL, &err))
		return cmd_fail(s, &err, "remove the description of %s",
				l->name);
	if (l->mtu != mtu && net_link_set_mtu(vrf, l->name, 0, &err))
		return cmd_fail(s, &err, "set the MTU of %s", l->name);
	if (l->master && net_link_set_master(vrf, l->name, NULL, &err))
		return cmd_fail(s, &err, "take %s out of its bridge", l->name);
	return 0;
}

/* The access lists bound to it, both families and directions; a VRF
 * whose filters cannot be read has none bound. */
static int clear_filters(struct cli_session *s, const char *vrf,
			 const struct net_link *l)
{
	static const int families[] = { AF_INET, AF_INET6 };
	static const enum net_acl_dir dirs[] = { NET_ACL_IN, NET_ACL_OUT };
	struct net_acl_binds binds = { 0 };
	struct net_err err = { 0 };
	int rc = 0;

	if (net_acl_bind_dump(vrf, &binds, &err))
		return 0;
	for (size_t f = 0; f < 2 && !rc; f++)
		for (size_t d = 0; d < 2 && !rc; d++)
			for (size_t i = 0; i < binds.n; i++)
				if (binds.v[i].family == families[f] &&
				    binds.v[i].dir == dirs[d] &&
				    !strcmp(binds.v[i].ifname, l->name) &&
				    net_acl_unbind(vrf, l->name, families[f],
						   dirs[d], &err) < 0) {
					rc = cmd_fail(s, &err,
						      "remove the "
						      "access list of %s",
						      l->name);
					break;
				}
	net_acl_binds_free(&binds);
	return rc;
}

static int do_default_interface(struct cli_session *s, const struct cli_args *a,
				struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a), *ifname = cli_arg(a, "ifname");
	struct net_link l;

	if (cmd_link(s, vrf, ifname, &l) || clear_filters(s, vrf, &l) ||
	    clear_addresses(s, vrf, &l) || clear_settings(s, vrf, &l))
		return -1;
	cli_printf(o, "Interface %s set to default configuration\n", ifname);
	return 0;
}

static const struct cli_cmd ifdefault_cmds[] = {
	{ "default interface IFNAME$ifname [vrf NAME$vrf]",
	  "Set a command to its defaults\n"
	  "The interface's configuration back to a new link's\n"
	  "Interface name\nIn a VRF\nVRF name",
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, do_default_interface },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area ifdefault_area = {
	.name = "ifdefault",
	.cmds = ifdefault_cmds,
};
