/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * route.c - routes: dump a table, add and delete unicast routes with one
 * or several next hops, and ask the kernel which route it would use.
 *
 * Routes are added as plain `ip route add P via G dev D metric M proto
 * static` does: type unicast, table main, scope universe with a gateway
 * and link without (blackhole, unreachable and prohibit routes: no next
 * hop, scope universe).  Deleting sends only what identifies the route
 * (type and scope left for the kernel to match any; protocol too, except
 * through net_route_request).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"
#include "route.h"

void net_ip_text(int family, const void *addr, char *buf, size_t size)
{
	const unsigned char *b = addr;
	char *p = buf;

	/* dotted quads by hand: shows of 100,000 routes and the record of
	 * as many write one per route, and inet_ntop uses sprintf */
	if (family != AF_INET || size < INET_ADDRSTRLEN) {
		if (!inet_ntop(family, addr, buf, (socklen_t)size))
			snprintf(buf, size, "?");
		return;
	}
	for (int i = 0; i < 4; i++) {
		unsigned v = b[i];

		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		*p++ = i < 3 ? '.' : '\0';
	}
}

/* The backend's enums carry the kernel's numbers. */
_Static_assert((int)NET_PROTO_KERNEL == RTPROT_KERNEL &&
		       (int)NET_PROTO_BOOT == RTPROT_BOOT &&
		       (int)NET_PROTO_STATIC == RTPROT_STATIC &&
		       (int)NET_PROTO_BGP == RTPROT_BGP &&
		       (int)NET_PROTO_EIGRP == RTPROT_EIGRP,
	       "route protocols");
_Static_assert((int)NET_RT_UNICAST == RTN_UNICAST &&
		       (int)NET_RT_LOCAL == RTN_LOCAL &&
		       (int)NET_RT_BLACKHOLE == RTN_BLACKHOLE &&
		       (int)NET_RT_UNREACHABLE == RTN_UNREACHABLE &&
		       (int)NET_RT_PROHIBIT == RTN_PROHIBIT &&
		       (int)NET_RT_XRESOLVE == RTN_XRESOLVE,
	       "route types");
_Static_assert((int)NET_TABLE_MAIN == RT_TABLE_MAIN &&
		       (int)NET_TABLE_LOCAL == RT_TABLE_LOCAL,
	       "route tables");
_Static_assert((int)NET_SCOPE_LINK == RT_SCOPE_LINK &&
		       (int)NET_SCOPE_HOST == RT_SCOPE_HOST,
	       "scopes");
_Static_assert(NET_NH_F_DEAD == RTNH_F_DEAD &&
		       NET_NH_F_ONLINK == RTNH_F_ONLINK &&
		       NET_NH_F_LINKDOWN == RTNH_F_LINKDOWN,
	       "next hop flags");

#define NH_FLAGS                                                               \
	(RTNH_F_DEAD | RTNH_F_PERVASIVE | RTNH_F_ONLINK | RTNH_F_OFFLOAD |     \
	 RTNH_F_LINKDOWN)

static size_t ip_len(int family)
{
	switch (family) {
	case AF_INET:
		return sizeof(struct in_addr);
	case AF_INET6:
		return sizeof(struct in6_addr);
	}
	return 0;
}

/* Copy an address attribute of family into ip; false if absent or odd. */
static bool get_ip(const struct nlattr *a, int family, union net_ip *ip)
{
	size_t len = ip_len(family);

	if (!a || !len || mnl_attr_get_payload_len(a) != len)
		return false;
	memcpy(ip, mnl_attr_get_payload(a), len);
	return true;
}

/* ---- reading ---------------------------------------------------- */

static void parse_nexthop(const struct rtnexthop *rtnh, int family,
			  struct net_nexthop *nh)
{
	const char *end = (const char *)rtnh + rtnh->rtnh_len;
	const struct nlattr *a;

	memset(nh, 0, sizeof(*nh));
	nh->ifindex = rtnh->rtnh_ifindex;
	nh->flags = rtnh->rtnh_flags & NH_FLAGS;
	a = (const void *)((const char *)rtnh + nl_align(sizeof(*rtnh)));
	for (; mnl_attr_ok(a, (int)(end - (const char *)a));
	     a = mnl_attr_next(a))
		if (mnl_attr_get_type(a) == RTA_GATEWAY)
			nh->has_gw = get_ip(a, family, &nh->gw);
}

static void parse_multipath(const struct nlattr *mp, struct net_route *r)
{
	const struct rtnexthop *rtnh = mnl_attr_get_payload(mp);
	size_t left = mnl_attr_get_payload_len(mp);

	while (left >= sizeof(*rtnh) && rtnh->rtnh_len >= sizeof(*rtnh) &&
	       rtnh->rtnh_len <= left && r->nnh < NET_MAX_NEXTHOPS) {
		parse_nexthop(rtnh, r->family, &r->nh[r->nnh++]);
		if (nl_align(rtnh->rtnh_len) >= left)
			break;
		left -= nl_align(rtnh->rtnh_len);
		rtnh = (const void *)((const char *)rtnh +
				      nl_align(rtnh->rtnh_len));
	}
}

static void parse_nexthops(const struct nlattr **tb, unsigned flags,
			   struct net_route *r)
{
	uint32_t oif = 0;
	struct net_nexthop *nh = &r->nh[0];

	if (tb[RTA_MULTIPATH]) {
		parse_multipath(tb[RTA_MULTIPATH], r);
		return;
	}
	nh->has_gw = get_ip(tb[RTA_GATEWAY], r->family, &nh->gw);
	nl_u32(tb[RTA_OIF], &oif);
	nh->ifindex = (int)oif;
	nh->flags = flags & NH_FLAGS;
	if (nh->has_gw || nh->ifindex)
		r->nnh = 1;
}

static int parse_route(const struct nlmsghdr *nlh, struct net_route *r)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[RTA_MAX + 1];

	if (nlh->nlmsg_type != RTM_NEWROUTE ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*rtm) ||
	    !ip_len(rtm->rtm_family))
		return -EBADMSG;
	nl_parse(nlh, sizeof(*rtm), tb, RTA_MAX);
	memset(r, 0, sizeof(*r));
	r->family = rtm->rtm_family;
	r->plen = rtm->rtm_dst_len;
	r->protocol = rtm->rtm_protocol;
	r->type = rtm->rtm_type;
	r->scope = rtm->rtm_scope;
	if (!nl_u32(tb[RTA_TABLE], &r->table))
		r->table = rtm->rtm_table;
	nl_u32(tb[RTA_PRIORITY], &r->metric);
	get_ip(tb[RTA_DST], r->family, &r->dst);
	r->has_prefsrc = get_ip(tb[RTA_PREFSRC], r->family, &r->prefsrc);
	parse_nexthops(tb, rtm->rtm_flags, r);
	return 0;
}

/* What a dump collects, and what it keeps. */
struct route_dump {
	struct net_routes *out;
	int family;
	uint32_t table;
};

static bool route_wanted(const struct nlmsghdr *nlh, const struct route_dump *d,
			 const struct net_route *r)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);

	if (rtm->rtm_flags & RTM_F_CLONED)
		return false;
	if (d->family != AF_UNSPEC && r->family != d->family)
		return false;
	return !d->table || r->table == d->table;
}

static int route_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct route_dump *d = data;
	struct net_routes *out = d->out;
	void *v = nl_grow(out->v, out->n, sizeof(*out->v));

	if (!v)
		return MNL_CB_ERROR;
	out->v = v;
	if (parse_route(nlh, &out->v[out->n]) == 0 &&
	    route_wanted(nlh, d, &out->v[out->n]))
		out->n++;
	return MNL_CB_OK;
}

static void routes_reset(void *data)
{
	struct route_dump *d = data;

	net_routes_free(d->out);
}

/* A dump of family's routes; of one table only when table is not
 * NET_TABLE_ALL: the kernel then walks that table alone (it reads the
 * table of the request's header under strict checking, which nl.c turns
 * on; without it the kernel sends every table, and route_wanted() keeps
 * the one asked for). */
static int route_dump_req(const char *vrf, int family, uint32_t table,
			  mnl_cb_t cb, void *data, void (*reset)(void *data),
			  struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct rtmsg *rtm;
	struct nl_sock *s;
	int ret;

	ret = nl_sock_get(vrf, &s, err);
	if (ret < 0)
		return ret;
	nlh = nl_msg(buf, RTM_GETROUTE, 0);
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = (unsigned char)family;
	if (table && table < 256)
		rtm->rtm_table = (unsigned char)table;
	else if (table)
		mnl_attr_put_u32(nlh, RTA_TABLE, table);
	return nl_dump(s, nlh, cb, data, reset, err);
}

int net_route_dump(const char *vrf, int family, uint32_t table,
		   struct net_routes *out, struct net_err *err)
{
	struct route_dump d = { out, family, table };
	int ret;

	out->v = NULL;
	out->n = 0;
	if (family != AF_UNSPEC && !ip_len(family))
		return net_err_errno(err, EAFNOSUPPORT);
	ret = route_dump_req(vrf, family, table, route_dump_cb, &d,
			     routes_reset, err);
	if (ret < 0)
		net_routes_free(out);
	return ret;
}

/* What a walk hands on, and to whom. */
struct route_walk {
	net_route_fn fn;
	void *ctx;
	void (*reset)(void *ctx);
	struct route_dump d;
	int error; /* what fn stopped with */
};

static int route_walk_cb(const struct nlmsghdr *nlh, void *data)
{
	struct route_walk *w = data;
	struct net_route r;

	if (parse_route(nlh, &r) < 0 || !route_wanted(nlh, &w->d, &r))
		return MNL_CB_OK;
	w->error = w->fn(w->ctx, &r);
	if (w->error >= 0)
		return MNL_CB_OK;
	errno = -w->error;
	return MNL_CB_ERROR;
}

static void walk_reset(void *data)
{
	struct route_walk *w = data;

	if (w->reset)
		w->reset(w->ctx);
}

int net_route_walk(const char *vrf, int family, uint32_t table, net_route_fn fn,
		   void *ctx, void (*reset)(void *ctx), struct net_err *err)
{
	struct route_walk w = { fn, ctx, reset, { NULL, family, table }, 0 };

	if (family != AF_UNSPEC && !ip_len(family))
		return net_err_errno(err, EAFNOSUPPORT);
	return route_dump_req(vrf, family, table, route_walk_cb, &w, walk_reset,
			      err);
}

void net_routes_free(struct net_routes *routes)
{
	free(routes->v);
	routes->v = NULL;
	routes->n = 0;
}

/* ---- changing --------------------------------------------------- */

static bool is_unicast(const struct net_route *r)
{
	return r->type == NET_RT_UNSPEC || r->type == NET_RT_UNICAST;
}

static bool no_nexthop_type(unsigned char type)
{
	return type == NET_RT_BLACKHOLE || type == NET_RT_UNREACHABLE ||
	       type == NET_RT_PROHIBIT;
}

static int check_route(const struct net_route *r, bool adding,
		       struct net_err *err)
{
	size_t len = ip_len(r->family);
	bool need_nh = adding && is_unicast(r);
	int i;

	if (!len)
		return net_err_errno(err, EAFNOSUPPORT);
	if (r->plen > len * 8)
		return net_err_set(err, EINVAL, "Invalid prefix length");
	if (adding && !is_unicast(r) && !no_nexthop_type(r->type))
		return net_err_set(err, EINVAL, "Invalid route type");
	if (adding && !is_unicast(r) && r->nnh)
		return net_err_set(err, EINVAL, "%s",
				   "A blackhole, unreachable or prohibit "
				   "route takes no next hop");
	if (r->nnh < 0 || r->nnh > NET_MAX_NEXTHOPS || (need_nh && !r->nnh))
		return net_err_set(err, EINVAL, "Invalid number of next hops");
	for (i = 0; i < r->nnh; i++)
		if (!r->nh[i].has_gw && r->nh[i].ifindex <= 0)
			return net_err_set(err, EINVAL, "%s",
					   "Next hop with neither gateway nor "
					   "interface");
	return 0;
}

static bool any_gateway(const struct net_route *r)
{
	int i;

	for (i = 0; i < r->nnh; i++)
		if (r->nh[i].has_gw)
			return true;
	return false;
}

static void put_multipath(struct nlmsghdr *nlh, const struct net_route *r)
{
	size_t len = ip_len(r->family);
	struct rtnexthop *rtnh;
	struct nlattr *nest;
	int i;

	nest = mnl_attr_nest_start(nlh, RTA_MULTIPATH);
	for (i = 0; i < r->nnh; i++) {
		rtnh = mnl_nlmsg_get_payload_tail(nlh);
		memset(rtnh, 0, sizeof(*rtnh));
		nlh->nlmsg_len += (uint32_t)nl_align(sizeof(*rtnh));
		rtnh->rtnh_ifindex = r->nh[i].ifindex;
		if (r->nh[i].has_gw)
			mnl_attr_put(nlh, RTA_GATEWAY, len, &r->nh[i].gw);
		rtnh->rtnh_len =
			(unsigned short)((char *)mnl_nlmsg_get_payload_tail(
						 nlh) -
					 (char *)rtnh);
	}
	mnl_attr_nest_end(nlh, nest);
}

static void put_nexthops(struct nlmsghdr *nlh, const struct net_route *r)
{
	const struct net_nexthop *nh = &r->nh[0];

	if (r->nnh > 1) {
		put_multipath(nlh, r);
		return;
	}
	if (r->nnh == 1 && nh->has_gw)
		mnl_attr_put(nlh, RTA_GATEWAY, ip_len(r->family), &nh->gw);
	if (r->nnh == 1 && nh->ifindex > 0)
		mnl_attr_put_u32(nlh, RTA_OIF, (uint32_t)nh->ifindex);
}

/* The request common to adding and deleting r in the main table.  It
 * fits in 128 bytes and 32 per next hop (the headers, four attributes of
 * at most 20 bytes; a next hop's rtnexthop and gateway), so only as much
 * of buf is zeroed: 100,000 routes from a file make 100,000 of them. */
static struct nlmsghdr *route_msg(void *buf, uint16_t type, uint16_t flags,
				  const struct net_route *r)
{
	size_t room = 128 + 32 * (size_t)(r->nnh > 0 ? r->nnh : 0);
	struct nlmsghdr *nlh = nl_msg_room(buf, room, type, flags);
	struct rtmsg *rtm;

	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = (unsigned char)r->family;
	rtm->rtm_dst_len = r->plen;
	rtm->rtm_table = RT_TABLE_MAIN;
	if (type == RTM_NEWROUTE && !is_unicast(r)) {
		rtm->rtm_type = r->type;
		rtm->rtm_protocol = r->protocol;
		rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	} else if (type == RTM_NEWROUTE) {
		rtm->rtm_type = RTN_UNICAST;
		rtm->rtm_protocol = r->protocol;
		rtm->rtm_scope = any_gateway(r) ? RT_SCOPE_UNIVERSE :
						  RT_SCOPE_LINK;
	} else {
		rtm->rtm_scope = RT_SCOPE_NOWHERE; /* any scope */
	}
	mnl_attr_put_u32(nlh, RTA_TABLE, RT_TABLE_MAIN);
	if (r->plen)
		mnl_attr_put(nlh, RTA_DST, ip_len(r->family), &r->dst);
	if (r->metric)
		mnl_attr_put_u32(nlh, RTA_PRIORITY, r->metric);
	put_nexthops(nlh, r);
	if (nlh->nlmsg_len > room)
		abort(); /* the bound above is wrong */
	return nlh;
}

static int route_change(const char *vrf, const struct net_route *r,
			uint16_t type, uint16_t flags, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nl_sock *s;
	int ret;

	ret = check_route(r, type == RTM_NEWROUTE, err);
	if (ret == 0)
		ret = nl_sock_get(vrf, &s, err);
	if (ret < 0)
		return ret;
	return nl_talk(s, route_msg(buf, type, flags, r), NULL, NULL, err);
}

int net_route_add(const char *vrf, const struct net_route *r,
		  struct net_err *err)
{
	return route_change(vrf, r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL,
			    err);
}

int net_route_add_deferred(const char *vrf, const struct net_route *r,
			   net_done_fn fn, void *ctx, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nl_sock *s;
	int ret;

	ret = check_route(r, true, err);
	if (ret < 0)
		return ret;
	s = nl_batch_sock(vrf);
	if (!s && (ret = nl_sock_get(vrf, &s, err)) < 0)
		return ret;
	return nl_defer(
		s, route_msg(buf, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, r),
		fn, ctx, err);
}

int net_route_del(const char *vrf, const struct net_route *r,
		  struct net_err *err)
{
	return route_change(vrf, r, RTM_DELROUTE, 0, err);
}

int net_route_request(const char *vrf, const struct net_route *r,
		      enum net_route_op op, net_done_fn fn, void *ctx,
		      struct net_err *err)
{
	uint16_t type = op == NET_ROUTE_DEL ? RTM_DELROUTE : RTM_NEWROUTE;
	uint16_t flags = op == NET_ROUTE_ADD ? NLM_F_CREATE | NLM_F_EXCL :
			 op == NET_ROUTE_REPLACE ?
					       NLM_F_CREATE | NLM_F_REPLACE :
					       0;
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct nl_sock *s;
	int ret;

	ret = check_route(r, type == RTM_NEWROUTE, err);
	if (ret < 0)
		return ret;
	s = fn ? nl_batch_sock(vrf) : NULL;
	if (!s && (ret = nl_sock_get(vrf, &s, err)) < 0)
		return ret;
	nlh = route_msg(buf, type, flags, r);
	if (op == NET_ROUTE_DEL) {
		struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);

		rtm->rtm_protocol = r->protocol;
	}
	if (fn)
		return nl_defer(s, nlh, fn, ctx, err);
	return nl_talk(s, nlh, NULL, NULL, err);
}

int net_route_alias(const char *vrf, const struct in_addr *a, bool add,
		    struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct nl_sock *s;
	struct rtmsg *rtm;
	int ret = nl_sock_get(vrf, &s, err);

	if (ret < 0)
		return ret;
	nlh = nl_msg(buf, add ? RTM_NEWROUTE : RTM_DELROUTE,
		     add ? NLM_F_CREATE | NLM_F_EXCL : 0);
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = AF_INET;
	rtm->rtm_dst_len = 32;
	rtm->rtm_table = RT_TABLE_LOCAL;
	rtm->rtm_type = RTN_LOCAL;
	rtm->rtm_protocol = NET_PROTO_VRFSH_ALIAS;
	rtm->rtm_scope = add ? RT_SCOPE_HOST : RT_SCOPE_NOWHERE;
	mnl_attr_put_u32(nlh, RTA_TABLE, RT_TABLE_LOCAL);
	mnl_attr_put(nlh, RTA_DST, sizeof(*a), a);
	if (add)
		mnl_attr_put_u32(nlh, RTA_OIF, 1); /* lo, in every netns */
	return nl_talk(s, nlh, NULL, NULL, err);
}

/* ---- lookups ---------------------------------------------------- */

struct route_one {
	struct net_route *out;
	bool found;
};

static int route_one_cb(const struct nlmsghdr *nlh, void *data)
{
	struct route_one *o = data;

	if (!o->found && parse_route(nlh, o->out) == 0)
		o->found = true;
	return MNL_CB_OK;
}

static int route_lookup(const char *vrf, int family, const union net_ip *addr,
			unsigned flags, struct net_route *out,
			struct net_err *err)
{
	struct route_one o = { out, false };
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct rtmsg *rtm;
	struct nl_sock *s;
	size_t len = ip_len(family);
	int ret;

	if (!len)
		return net_err_errno(err, EAFNOSUPPORT);
	ret = nl_sock_get(vrf, &s, err);
	if (ret < 0)
		return ret;
	nlh = nl_msg(buf, RTM_GETROUTE, 0);
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = (unsigned char)family;
	rtm->rtm_dst_len = (unsigned char)(len * 8);
	rtm->rtm_flags = flags;
	mnl_attr_put(nlh, RTA_DST, len, addr);
	ret = nl_talk(s, nlh, route_one_cb, &o, err);
	if (ret == 0 && !o.found)
		return net_err_set(err, EBADMSG, "No route in the reply");
	return ret;
}

int net_route_get(const char *vrf, int family, const union net_ip *addr,
		  struct net_route *out, struct net_err *err)
{
	return route_lookup(vrf, family, addr, 0, out, err);
}

/* Does r's prefix cover a? */
static bool covers(const struct net_route *r, const union net_ip *a)
{
	const unsigned char *p = (const void *)&r->dst, *q = (const void *)a;
	int bits = r->plen;

	for (int i = 0; bits > 0; i++, bits -= 8) {
		unsigned mask = bits >= 8 ? 0xff : (0xffu << (8 - bits)) & 0xff;

		if ((p[i] ^ q[i]) & mask)
			return false;
	}
	return true;
}

/* The longest prefix of the main and local tables that covers addr
 * (broadcast entries aside), as the kernel would pick it. */
static int longest_in_tables(const char *vrf, int family,
			     const union net_ip *addr, struct net_route *out,
			     struct net_err *err)
{
	struct net_routes all = { 0 };
	int best = -1, ret;

	ret = net_route_dump(vrf, family, NET_TABLE_ALL, &all, err);
	for (size_t i = 0; ret == 0 && i < all.n; i++) {
		const struct net_route *r = &all.v[i];

		if ((r->table != RT_TABLE_MAIN && r->table != RT_TABLE_LOCAL) ||
		    r->type == RTN_BROADCAST || r->plen <= best ||
		    !covers(r, addr))
			continue;
		best = r->plen;
		*out = *r;
	}
	net_routes_free(&all);
	if (ret == 0 && best < 0)
		ret = net_err_errno(err, ENETUNREACH);
	return ret;
}

int net_route_match(const char *vrf, int family, const union net_ip *addr,
		    struct net_route *out, struct net_err *err)
{
	int ret = route_lookup(vrf, family, addr, RTM_F_FIB_MATCH, out, err);

	/* the kernel's lookup refuses to return the entries that do not
	 * forward: blackhole (EINVAL), unreachable (EHOSTUNREACH) and
	 * prohibit (EACCES); find them in the tables */
	if (ret == -EINVAL || ret == -EHOSTUNREACH || ret == -EACCES)
		ret = longest_in_tables(vrf, family, addr, out, err);
	return ret;
}
