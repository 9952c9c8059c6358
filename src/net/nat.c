/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nat.c - NAT rules: static translations and overload (masquerade), their
 * comments in the kernel and the rules they compile to.
 *
 * A static translation is two rules: in nat-pre, traffic to GLOBAL that
 * arrives on an outside interface goes to LOCAL (dnat); in nat-post,
 * traffic from LOCAL that leaves by an outside interface takes GLOBAL as
 * its source (snat).  Connection tracking translates the answers.
 * Overload jumps, for traffic leaving by its interface, to the list's
 * NAT copy, whose permits masquerade.
 *
 * As on IOS, the VRF takes each static global address as its own (an
 * alias: a local route of vrfsh's, see net_route_alias) unless it is an
 * address of the VRF already, so that the outside's neighbours get an
 * answer to ARP for it; traffic to it that no translation takes is the
 * VRF's own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>

#include "filter.h"
#include "net/route.h"
#include "nftab.h"

static const char *proto_name(uint8_t proto)
{
	return proto == IPPROTO_TCP ? "tcp" : "udp";
}

int nat_static_check(const struct net_nat_static *s, struct net_err *err)
{
	if (s->proto && s->proto != IPPROTO_TCP && s->proto != IPPROTO_UDP)
		return net_err_set(err, EINVAL,
				   "a static translation is of "
				   "an address, or of a tcp or udp port");
	if (!s->local.s_addr || !s->global.s_addr)
		return net_err_set(err, EINVAL,
				   "a static translation needs "
				   "a local and a global address");
	if (s->proto && (!s->lport || !s->gport))
		return net_err_set(err, EINVAL,
				   "a port translation needs "
				   "ports 1-65535");
	if (!s->proto && (s->lport || s->gport))
		return net_err_set(err, EINVAL, "ports need tcp or udp");
	return 0;
}

bool nat_static_same_key(const struct net_nat_static *a,
			 const struct net_nat_static *b)
{
	return a->proto == b->proto && a->local.s_addr == b->local.s_addr &&
	       a->lport == b->lport;
}

static bool wanted(const struct net_nat *nat, struct in_addr a)
{
	for (size_t i = 0; i < nat->nst; i++)
		if (nat->st[i].global.s_addr == a.s_addr)
			return true;
	return false;
}

static bool is_alias(const struct net_route *r)
{
	return r->family == AF_INET && r->type == NET_RT_LOCAL &&
	       r->protocol == NET_PROTO_VRFSH_ALIAS && r->plen == 32 &&
	       r->table == NET_TABLE_LOCAL;
}

static bool local_has(const struct net_routes *l, struct in_addr a)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].type == NET_RT_LOCAL && l->v[i].plen == 32 &&
		    l->v[i].dst.v4.s_addr == a.s_addr)
			return true;
	return false;
}

int nat_alias_sync(const char *vrf, const struct net_nat *nat,
		   struct net_err *err)
{
	struct net_routes l = { 0 };
	int ret = net_route_dump(vrf, AF_INET, NET_TABLE_LOCAL, &l, err);

	for (size_t i = 0; ret == 0 && i < l.n; i++)
		if (is_alias(&l.v[i]) && !wanted(nat, l.v[i].dst.v4)) {
			ret = net_route_alias(vrf, &l.v[i].dst.v4, false, err);
			if (ret == -ESRCH) /* gone meanwhile */
				ret = 0;
		}
	for (size_t i = 0; ret == 0 && i < nat->nst; i++) {
		struct in_addr g = nat->st[i].global;
		bool again = false;

		for (size_t j = 0; j < i; j++)
			again |= nat->st[j].global.s_addr == g.s_addr;
		if (again || local_has(&l, g))
			continue;
		ret = net_route_alias(vrf, &g, true, err);
		if (ret == -EEXIST) /* the VRF's own meanwhile */
			ret = 0;
	}
	net_routes_free(&l);
	return ret;
}

int nat_static_encode(const struct net_nat_static *s, char *buf, size_t size)
{
	char l[INET_ADDRSTRLEN], g[INET_ADDRSTRLEN];
	int n;

	inet_ntop(AF_INET, &s->local, l, sizeof(l));
	inet_ntop(AF_INET, &s->global, g, sizeof(g));
	if (s->proto)
		n = snprintf(buf, size, "static %s %s %u %s %u",
			     proto_name(s->proto), l, s->lport, g, s->gport);
	else
		n = snprintf(buf, size, "static %s %s", l, g);
	return n < 0 || (size_t)n >= size ? -E2BIG : 0;
}

static bool get_port(const char *s, uint16_t *port)
{
	char *end;
	unsigned long v;

	if (!s || s[0] < '1' || s[0] > '9')
		return false;
	v = strtoul(s, &end, 10);
	if (*end || v > 65535)
		return false;
	*port = (uint16_t)v;
	return true;
}

int nat_static_decode(const char *comment, struct net_nat_static *s)
{
	char text[128], again[128], *save = NULL, *w[6];
	int n = 0;

	memset(s, 0, sizeof(*s));
	if (strlen(comment) >= sizeof(text))
		return -EINVAL;
	strcpy(text, comment);
	for (char *t = strtok_r(text, " ", &save); t && n < 6;
	     t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	if (n < 3 || strcmp(w[0], "static"))
		return -EINVAL;
	if (n == 6) {
		s->proto = !strcmp(w[1], "tcp") ? IPPROTO_TCP :
			   !strcmp(w[1], "udp") ? IPPROTO_UDP :
						  0;
		if (!s->proto || inet_pton(AF_INET, w[2], &s->local) != 1 ||
		    !get_port(w[3], &s->lport) ||
		    inet_pton(AF_INET, w[4], &s->global) != 1 ||
		    !get_port(w[5], &s->gport))
			return -EINVAL;
	} else if (n != 3 || inet_pton(AF_INET, w[1], &s->local) != 1 ||
		   inet_pton(AF_INET, w[2], &s->global) != 1) {
		return -EINVAL;
	}
	if (nat_static_check(s, NULL) < 0 ||
	    nat_static_encode(s, again, sizeof(again)) < 0 ||
	    strcmp(again, comment))
		return -EINVAL;
	return 0;
}

void nat_static_compile(const struct net_nat_static *s, bool dnat,
			struct nftnl_rule *r)
{
	static const uint8_t ipv4 = NFPROTO_IPV4;
	const struct in_addr *match = dnat ? &s->global : &s->local;
	uint16_t port = htons(dnat ? s->gport : s->lport);

	nft_x_meta(r, dnat ? NFT_META_IIFNAME : NFT_META_OIFNAME);
	nft_x_lookup(r, "nat-outside");
	nft_x_meta_eq(r, NFT_META_NFPROTO, &ipv4, 1);
	nft_x_payload(r, NFT_PAYLOAD_NETWORK_HEADER, dnat ? 16 : 12, 4);
	nft_x_cmp(r, NFT_CMP_EQ, match, 4);
	if (s->proto) {
		nft_x_meta_eq(r, NFT_META_L4PROTO, &s->proto, 1);
		nft_x_payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, dnat ? 2 : 0, 2);
		nft_x_cmp(r, NFT_CMP_EQ, &port, 2);
	}
	nft_x_counter(r);
	if (dnat)
		nft_x_nat(r, NFT_NAT_DNAT, s->local, s->lport);
	else
		nft_x_nat(r, NFT_NAT_SNAT, s->global, s->gport);
}

int nat_overload_encode(const struct net_nat_overload *o, char *buf,
			size_t size)
{
	int n = snprintf(buf, size, "overload %s %s", o->acl, o->ifname);

	return n < 0 || (size_t)n >= size ? -E2BIG : 0;
}

int nat_overload_decode(const char *comment, struct net_nat_overload *o)
{
	char text[128], again[128], *save = NULL, *kw, *acl, *ifname;

	memset(o, 0, sizeof(*o));
	if (strlen(comment) >= sizeof(text))
		return -EINVAL;
	strcpy(text, comment);
	kw = strtok_r(text, " ", &save);
	acl = strtok_r(NULL, " ", &save);
	ifname = strtok_r(NULL, " ", &save);
	if (!kw || strcmp(kw, "overload") || !acl || !ifname ||
	    strtok_r(NULL, " ", &save) || net_acl_name_check(acl, NULL) < 0 ||
	    !nft_ifname_ok(ifname))
		return -EINVAL;
	snprintf(o->acl, sizeof(o->acl), "%s", acl);
	snprintf(o->ifname, sizeof(o->ifname), "%s", ifname);
	/* one space between words: the only way vrfsh writes it */
	if (nat_overload_encode(o, again, sizeof(again)) < 0)
		return -EINVAL;
	return strcmp(again, comment) ? -EINVAL : 0;
}

void nat_overload_compile(const struct net_nat_overload *o,
			  struct nftnl_rule *r)
{
	static const uint8_t ipv4 = NFPROTO_IPV4;
	char chain[NET_ACL_NAME_MAX + 8];

	snprintf(chain, sizeof(chain), "nat_%s", o->acl);
	nft_x_ifname(r, NFT_META_OIFNAME, o->ifname);
	nft_x_meta_eq(r, NFT_META_NFPROTO, &ipv4, 1);
	nft_x_verdict(r, NFT_JUMP, chain);
}
