/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * route_show.c - show ip route and show ipv6 route: a VRF's routing
 * table as a router shows it, in the IOS layouts (the IPv4 table, the
 * IPv6 two-line entries, the "Routing entry for" blocks of one prefix,
 * the summary), or as JSON.
 *
 * The table is honest: of the routes of one prefix only the best one
 * that can forward is active (the local route first, then the lowest
 * distance); a route whose next hops are all unusable (link down or
 * without carrier, next hop flagged dead or linkdown by the kernel) is
 * not.  The table shows the active routes only; one prefix (or address)
 * shows every route of it: the active one, backups (floating statics)
 * and configured static routes the kernel does not hold now.
 *
 * The kernel has no administrative distance: a static route's DISTANCE
 * is its kernel metric (see route.c), shown as [metric/0].
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/route.h"
#include "net/static.h"
#include "render/json.h"
#include "render/text.h"

/* ---- naming routes ------------------------------------------------------ */

struct proto {
	int id;
	const char *name;
	char code;
};

static const struct proto protos[] = {
	{ NET_PROTO_STATIC, "static", 'S' },
	{ NET_PROTO_ZEBRA, "zebra", 'K' },
	{ NET_PROTO_BIRD, "bird", 'K' },
	{ NET_PROTO_DHCP, "dhcp", 'K' },
	{ NET_PROTO_RA, "ra", 'K' },
	{ NET_PROTO_KEEPALIVED, "keepalived", 'K' },
	{ NET_PROTO_BABEL, "babel", 'K' },
	{ NET_PROTO_BGP, "bgp", 'B' },
	{ NET_PROTO_ISIS, "isis", 'i' },
	{ NET_PROTO_OSPF, "ospf", 'O' },
	{ NET_PROTO_RIP, "rip", 'R' },
	{ NET_PROTO_EIGRP, "eigrp", 'D' },
};

static bool has_gateway(const struct net_route *r)
{
	for (int i = 0; i < r->nnh; i++)
		if (r->nh[i].has_gw)
			return true;
	return false;
}

static bool is_local(const struct net_route *r)
{
	return r->type == NET_RT_LOCAL;
}

static bool is_connected(const struct net_route *r)
{
	return r->protocol == NET_PROTO_KERNEL && r->type == NET_RT_UNICAST &&
	       !has_gateway(r);
}

/* Routes that discard: blackhole, unreachable, prohibit (and the rare
 * other types, shown by name). */
static bool is_discard(const struct net_route *r)
{
	return r->type != NET_RT_UNICAST && r->type != NET_RT_LOCAL;
}

/* The protocol as the contract names it, and its code letter. */
static const char *proto_name(const struct net_route *r, char *code, char *buf,
			      size_t size)
{
	*code = 'K';
	if (is_local(r)) {
		*code = 'L';
		return "local";
	}
	if (is_connected(r)) {
		*code = 'C';
		return "connected";
	}
	if (r->protocol <= NET_PROTO_BOOT)
		return "kernel";
	for (size_t i = 0; i < sizeof(protos) / sizeof(*protos); i++) {
		if (protos[i].id == r->protocol) {
			*code = protos[i].code;
			return protos[i].name;
		}
	}
	snprintf(buf, size, "%u", r->protocol);
	return buf;
}

static const char *type_name(unsigned type, char *buf, size_t size)
{
	static const char *const names[] = {
		[NET_RT_UNICAST] = "unicast",
		[NET_RT_LOCAL] = "local",
		[NET_RT_BROADCAST] = "broadcast",
		[NET_RT_ANYCAST] = "anycast",
		[NET_RT_MULTICAST] = "multicast",
		[NET_RT_BLACKHOLE] = "blackhole",
		[NET_RT_UNREACHABLE] = "unreachable",
		[NET_RT_PROHIBIT] = "prohibit",
		[NET_RT_THROW] = "throw",
		[NET_RT_NAT] = "nat",
		[NET_RT_XRESOLVE] = "xresolve",
	};

	if (type < sizeof(names) / sizeof(*names) && names[type])
		return names[type];
	snprintf(buf, size, "%u", type);
	return buf;
}

/* The distance shown: connected and local routes have none. */
static uint32_t distance_of(const struct net_route *r)
{
	return is_local(r) || is_connected(r) ? 0 : r->metric;
}

/* Addresses in text: IPv6 in upper case in the IOS layouts (as IOS
 * prints them and parsers expect), lower case in JSON. */
static void ip_text(int family, const union net_ip *a, bool upper, char *buf,
		    size_t size)
{
	text_ip(family, a, buf, size);
	for (char *p = buf; upper && *p; p++)
		*p = (char)toupper((unsigned char)*p);
}

static void prefix_text(int family, const union net_ip *dst, unsigned plen,
			bool upper, char *buf, size_t size)
{
	text_prefix(family, dst, plen, buf, size);
	for (char *p = buf; upper && *p; p++)
		*p = (char)toupper((unsigned char)*p);
}

static int addr_cmp(int family, const union net_ip *x, const union net_ip *y)
{
	return memcmp(x, y, family == AF_INET ? 4 : 16);
}

/* ---- reading a VRF's table ------------------------------------------------- */

struct ifidx {
	int ifindex;
	const struct net_link *l;
};

struct table {
	const char *vrf;
	int family;
	struct net_routes routes;	/* main, then the local routes */
	const struct net_route **order; /* by prefix; local, then metric */
	bool *active;			/* per entry of order */
	size_t nactive;
	struct net_links links;
	struct ifidx *ix;	      /* links by ifindex */
	const struct net_route *dflt; /* the active default route */
};

static int route_cmp(const void *a, const void *b)
{
	const struct net_route *x = *(const struct net_route *const *)a;
	const struct net_route *y = *(const struct net_route *const *)b;
	int c = addr_cmp(x->family, &x->dst, &y->dst);

	if (c)
		return c;
	if (x->plen != y->plen)
		return x->plen < y->plen ? -1 : 1;
	if (is_local(x) != is_local(y))
		return is_local(x) ? -1 : 1;
	return x->metric < y->metric ? -1 : x->metric > y->metric;
}

static int ifidx_cmp(const void *a, const void *b)
{
	const struct ifidx *x = a, *y = b;

	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

static const struct net_link *link_of(const struct table *t, int ifindex)
{
	struct ifidx key = { ifindex, NULL };
	const struct ifidx *hit =
		bsearch(&key, t->ix, t->links.n, sizeof(*t->ix), ifidx_cmp);

	return hit ? hit->l : NULL;
}

static const char *ifname_of(const struct table *t, int ifindex)
{
	const struct net_link *l = link_of(t, ifindex);

	return l ? l->name : NULL;
}

/* Can this next hop forward: not flagged dead by the kernel, and its
 * link up with carrier?  (The kernel's linkdown flag says the same a
 * moment later, when its linkwatch work has run; without a link it is
 * the only word.) */
static bool nh_usable(const struct table *t, const struct net_nexthop *nh)
{
	const struct net_link *l;

	if (nh->flags & NET_NH_F_DEAD)
		return false;
	if (!nh->ifindex)
		return !(nh->flags & NET_NH_F_LINKDOWN);
	l = link_of(t, nh->ifindex);
	return l && l->admin_up && l->carrier;
}

static bool route_usable(const struct table *t, const struct net_route *r)
{
	if (is_discard(r) || r->nnh == 0)
		return true;
	for (int i = 0; i < r->nnh; i++)
		if (nh_usable(t, &r->nh[i]))
			return true;
	return false;
}

static bool same_prefix(const struct net_route *x, const struct net_route *y)
{
	return x->plen == y->plen && !addr_cmp(x->family, &x->dst, &y->dst);
}

/* Of each prefix among the n routes of order (sorted), the best route
 * that can forward, and those as good as it (IPv6 keeps routes of one
 * prefix and metric through different interfaces apart: each
 * forwards); *dflt becomes the first active default route if it is not
 * set.  Returns how many are active. */
static size_t mark_range(const struct table *t, const struct net_route **order,
			 size_t n, bool *active, const struct net_route **dflt)
{
	size_t nactive = 0;

	for (size_t i = 0; i < n;) {
		const struct net_route *best = NULL;
		size_t j = i;

		for (; j < n && same_prefix(order[i], order[j]); j++) {
			const struct net_route *r = order[j];

			active[j] = false;
			if (best && (is_local(r) != is_local(best) ||
				     r->metric != best->metric))
				continue;
			if (!route_usable(t, r))
				continue;
			best = r;
			active[j] = true;
			nactive++;
			if (r->plen == 0 && !is_local(r) && !*dflt)
				*dflt = r;
		}
		i = j;
	}
	return nactive;
}

static void mark_active(struct table *t)
{
	t->active = calloc(t->routes.n + 1, sizeof(*t->active));
	if (!t->active)
		abort();
	t->nactive = mark_range(t, t->order, t->routes.n, t->active, &t->dflt);
}

static void table_free(struct table *t)
{
	free(t->order);
	free(t->active);
	free(t->ix);
	net_routes_free(&t->routes);
	net_links_free(&t->links);
}

static void links_index(struct table *t)
{
	t->ix = malloc((t->links.n + 1) * sizeof(*t->ix));
	if (!t->ix)
		abort();
	for (size_t i = 0; i < t->links.n; i++)
		t->ix[i] =
			(struct ifidx){ t->links.v[i].ifindex, &t->links.v[i] };
	qsort(t->ix, t->links.n, sizeof(*t->ix), ifidx_cmp);
}

/* A VRF that cannot be read: reported, -1; with 'all', 1 for a VRF that
 * has vanished (not reported). */
static int table_unreadable(struct cli_session *s, const char *vrf, bool all,
			    struct net_err *err)
{
	/* one VRF of 'vrf all' that cannot be read is reported and left
	 * out; one that vanished is not there */
	if (all)
		return cmd_vrf_unreadable(s, vrf, err) ? -1 : 1;
	return cmd_fail(s, err, "read the routes of VRF %s", vrf_label(vrf));
}

/* The local routes of the local table, appended to out. */
static int local_routes(const char *vrf, int family, struct net_routes *out,
			struct net_err *err)
{
	struct net_routes local = { 0 };
	size_t n = out->n;

	if (net_route_dump(vrf, family, NET_TABLE_LOCAL, &local, err))
		return -1;
	out->v = realloc(out->v, (n + local.n + 1) * sizeof(*out->v));
	if (!out->v)
		abort();
	for (size_t i = 0; i < local.n; i++)
		if (is_local(&local.v[i]))
			out->v[n++] = local.v[i];
	out->n = n;
	net_routes_free(&local);
	return 0;
}

/* Reads the table of vrf into t: with main, the main table's routes
 * and the local routes of the local table; without, the local routes
 * alone (for a table that is streamed).  Links indexed, routes sorted.
 * Returns 0, or as table_unreadable(). */
static int table_load(struct cli_session *s, const char *vrf, int family,
		      bool all, bool main, struct table *t)
{
	struct net_err err = { 0 };

	memset(t, 0, sizeof(*t));
	t->vrf = vrf;
	t->family = family;
	if ((main &&
	     net_route_dump(vrf, family, NET_TABLE_MAIN, &t->routes, &err)) ||
	    local_routes(vrf, family, &t->routes, &err) ||
	    net_link_dump(vrf, &t->links, &err)) {
		table_free(t);
		return table_unreadable(s, vrf, all, &err);
	}
	links_index(t);
	t->order = malloc((t->routes.n + 1) * sizeof(*t->order));
	if (!t->order)
		abort();
	for (size_t i = 0; i < t->routes.n; i++)
		t->order[i] = &t->routes.v[i];
	qsort(t->order, t->routes.n, sizeof(*t->order), route_cmp);
	return 0;
}

/* The whole table, its active routes marked. */
static int table_read(struct cli_session *s, const char *vrf, int family,
		      bool all, struct table *t)
{
	int ret = table_load(s, vrf, family, all, true, t);

	if (ret == 0)
		mark_active(t);
	return ret;
}

/* The links and the local routes only, for a table that is streamed. */
static int table_open(struct cli_session *s, const char *vrf, int family,
		      bool all, struct table *t)
{
	return table_load(s, vrf, family, all, false, t);
}

/* ---- which routes a show covers ------------------------------------------ */

struct selection {
	const char *proto; /* connected, static, kernel, local or NULL */
	bool has_addr;	   /* longest match for addr */
	bool has_prefix;   /* exactly prefix */
	bool summary;
	union net_ip addr;
	int plen;
};

static bool proto_selected(const struct selection *sel,
			   const struct net_route *r)
{
	char code, buf[16];

	return !sel->proto ||
	       !strcmp(sel->proto, proto_name(r, &code, buf, sizeof(buf)));
}

static bool covers(int family, const union net_ip *dst, unsigned plen,
		   const union net_ip *addr)
{
	const unsigned char *d = (const unsigned char *)dst;
	const unsigned char *x = (const unsigned char *)addr;
	unsigned full = plen / 8, rest = plen % 8;

	(void)family;
	if (memcmp(d, x, full))
		return false;
	return !rest || !((d[full] ^ x[full]) & (0xff00 >> rest));
}

/* The prefix a detail shows: the one given, or the longest active match
 * of the address; false when there is none. */
static bool detail_prefix(const struct table *t, const struct selection *sel,
			  union net_ip *dst, unsigned *plen)
{
	const struct net_route *best = NULL;

	if (sel->has_prefix) {
		*dst = sel->addr;
		*plen = (unsigned)sel->plen;
		return true;
	}
	for (size_t i = 0; i < t->routes.n; i++) {
		const struct net_route *r = t->order[i];

		if (t->active[i] && (!best || r->plen > best->plen) &&
		    covers(t->family, &r->dst, r->plen, &sel->addr))
			best = r;
	}
	if (!best)
		return false;
	*dst = best->dst;
	*plen = best->plen;
	return true;
}

static void mask_host_bits(int family, union net_ip *a, int plen)
{
	unsigned char *b = (unsigned char *)a;
	int bytes = family == AF_INET ? 4 : 16;

	for (int bit = plen; bit < bytes * 8; bit++)
		b[bit / 8] &= (unsigned char)~(0x80 >> (bit % 8));
}

static int parse_selection(const struct cli_args *a, int family,
			   struct selection *sel)
{
	static const char *const names[] = { "connected", "static", "kernel",
					     "local" };
	const char *addr = cli_arg(a, "addr"), *prefix = cli_arg(a, "prefix");
	const char *mask = cli_declares(a, "mask") ? cli_arg(a, "mask") : NULL;
	char text[INET6_ADDRSTRLEN + 8];

	memset(sel, 0, sizeof(*sel));
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (cli_has(a, names[i]))
			sel->proto = names[i];
	sel->summary = cli_declares(a, "summary") && cli_has(a, "summary");
	if (addr) {
		if (inet_pton(family, addr, &sel->addr) != 1)
			return -1;
		if (!mask) {
			sel->has_addr = true;
			return 0;
		}
		if (!cli_parse_mask(mask, &sel->plen))
			return -1;
		sel->has_prefix = true;
		mask_host_bits(family, &sel->addr, sel->plen);
		return 0;
	}
	if (prefix) {
		char *slash;

		snprintf(text, sizeof(text), "%s", prefix);
		slash = strchr(text, '/');
		if (!slash)
			return -1;
		*slash = '\0';
		sel->has_prefix = true;
		sel->plen = atoi(slash + 1);
		if (inet_pton(family, text, &sel->addr) != 1)
			return -1;
		mask_host_bits(family, &sel->addr, sel->plen);
	}
	return 0;
}

/* ---- the table ---------------------------------------------------------------- */

static void nh_json(struct json *j, const struct table *t,
		    const struct net_route *r, const struct net_nexthop *nh)
{
	char text[TEXT_IP_MAX];

	json_obj(j, NULL);
	if (nh->has_gw) {
		ip_text(r->family, &nh->gw, false, text, sizeof(text));
		json_str(j, "gateway", text);
	} else {
		json_null(j, "gateway");
	}
	json_str(j, "interface", ifname_of(t, nh->ifindex));
	json_bool(j, "active", nh_usable(t, nh));
	json_obj_end(j);
}

/* The fields every route object has; the caller ends the object. */
static void route_json_fields(struct json *j, const struct table *t,
			      const struct net_route *r, bool active)
{
	char text[TEXT_PREFIX_MAX], code, buf[16];

	json_obj(j, NULL);
	prefix_text(r->family, &r->dst, r->plen, false, text, sizeof(text));
	json_str(j, "prefix", text);
	json_str(j, "protocol", proto_name(r, &code, buf, sizeof(buf)));
	json_u64(j, "distance", distance_of(r));
	json_int(j, "metric", 0);
	json_str(j, "type", type_name(r->type, buf, sizeof(buf)));
	json_bool(j, "active", active);
	json_bool(j, "installed", true);
	json_arr(j, "nexthops");
	for (int i = 0; !is_discard(r) && i < r->nnh; i++)
		nh_json(j, t, r, &r->nh[i]);
	json_arr_end(j);
}

/* IPv4: "[D/0] via GW, IF", "is directly connected, IF". */
static void nh_text4(struct cli_out *o, const struct table *t,
		     const struct net_route *r, const struct net_nexthop *nh)
{
	const char *dev = ifname_of(t, nh->ifindex);
	char gw[TEXT_IP_MAX];

	if (nh->has_gw) {
		ip_text(r->family, &nh->gw, false, gw, sizeof(gw));
		cli_printf(o, "[%u/0] via %s%s%s\n", r->metric, gw,
			   dev ? ", " : "", dev ? dev : "");
	} else {
		cli_printf(o, "is directly connected, %s\n", dev ? dev : "?");
	}
}

static void discard_text4(struct cli_out *o, const struct net_route *r)
{
	char buf[16];

	cli_printf(o, "is directly connected, Null0");
	if (r->type != NET_RT_BLACKHOLE)
		cli_printf(o, " (%s)", type_name(r->type, buf, sizeof(buf)));
	cli_printf(o, "\n");
}

/* One active route of the IPv4 table; its unusable next hops are left
 * out (they do not forward). */
static void route_text4(struct cli_out *o, const struct table *t,
			const struct net_route *r)
{
	char text[TEXT_PREFIX_MAX], code, buf[16];
	bool first = true;

	proto_name(r, &code, buf, sizeof(buf));
	prefix_text(r->family, &r->dst, r->plen, false, text, sizeof(text));
	cli_printf(o, "%c%c       %s ", code, r == t->dflt ? '*' : ' ', text);
	if (is_discard(r) || r->nnh == 0) {
		discard_text4(o, r);
		return;
	}
	for (int i = 0; i < r->nnh; i++) {
		if (!nh_usable(t, &r->nh[i]))
			continue;
		if (!first)
			cli_printf(o, "%*s", (int)strlen(text) + 10, "");
		first = false;
		nh_text4(o, t, r, &r->nh[i]);
	}
}

/* Does r continue the entry of prev (the active route shown before it):
 * the same prefix, protocol and distance through another interface? */
static bool same_entry(const struct net_route *prev, const struct net_route *r)
{
	return prev && same_prefix(prev, r) && is_local(prev) == is_local(r) &&
	       prev->protocol == r->protocol && prev->metric == r->metric &&
	       prev->type == r->type;
}

/* IPv6: the entry line, then one "via" line per next hop (the routes of
 * one entry through several interfaces under one entry line). */
static void route_text6(struct cli_out *o, const struct table *t,
			const struct net_route *r, const struct net_route *prev)
{
	char text[TEXT_PREFIX_MAX], code, buf[16], gw[TEXT_IP_MAX];

	proto_name(r, &code, buf, sizeof(buf));
	prefix_text(r->family, &r->dst, r->plen, true, text, sizeof(text));
	if (!same_entry(prev, r))
		cli_printf(o, "%-4c%s [%u/0]\n", code, text, distance_of(r));
	if (is_discard(r) || r->nnh == 0) {
		cli_printf(o, "     via Null0, %s\n",
			   r->type == NET_RT_BLACKHOLE ?
				   "directly connected" :
				   type_name(r->type, buf, sizeof(buf)));
		return;
	}
	for (int i = 0; i < r->nnh; i++) {
		const struct net_nexthop *nh = &r->nh[i];
		const char *dev = ifname_of(t, nh->ifindex);

		if (!nh_usable(t, nh))
			continue;
		if (nh->has_gw) {
			ip_text(r->family, &nh->gw, true, gw, sizeof(gw));
			cli_printf(o, "     via %s%s%s\n", gw, dev ? ", " : "",
				   dev ? dev : "");
		} else {
			cli_printf(o, "     via %s, %s\n", dev ? dev : "?",
				   is_local(r) ? "receive" :
						 "directly connected");
		}
	}
}

/* The entries of the IPv6 table. */
static size_t count_shown(const struct table *t, const struct selection *sel)
{
	const struct net_route *prev = NULL;
	size_t n = 0;

	for (size_t i = 0; i < t->routes.n; i++) {
		if (!t->active[i] || !proto_selected(sel, t->order[i]))
			continue;
		n += !same_entry(prev, t->order[i]);
		prev = t->order[i];
	}
	return n;
}

static void header4(struct cli_out *o, const struct table *t)
{
	if (*t->vrf)
		cli_printf(o, "Routing Table: %s\n", t->vrf);
	cli_printf(o, "Codes: L - local, C - connected, S - static, "
		      "K - kernel, O - OSPF, B - BGP,\n"
		      "       R - RIP, D - EIGRP, i - IS-IS, "
		      "* - candidate default\n\n");
	if (t->dflt && !is_discard(t->dflt) && t->dflt->nnh) {
		char gw[TEXT_IP_MAX] = "";

		for (int i = 0; i < t->dflt->nnh && !*gw; i++)
			if (t->dflt->nh[i].has_gw &&
			    nh_usable(t, &t->dflt->nh[i]))
				ip_text(AF_INET, &t->dflt->nh[i].gw, false, gw,
					sizeof(gw));
		if (*gw)
			cli_printf(o,
				   "Gateway of last resort is %s to network "
				   "0.0.0.0\n\n",
				   gw);
		else
			cli_printf(o, "Gateway of last resort is 0.0.0.0 to "
				      "network 0.0.0.0\n\n");
	} else if (t->dflt) {
		cli_printf(o, "Gateway of last resort is 0.0.0.0 to network "
			      "0.0.0.0\n\n");
	} else {
		cli_printf(o, "Gateway of last resort is not set\n\n");
	}
}

static void header6(struct cli_out *o, const struct table *t, size_t n)
{
	cli_printf(o, "IPv6 Routing Table - %s - %zu entries\n",
		   vrf_label(t->vrf), n);
	cli_printf(o, "Codes: C - Connected, L - Local, S - Static, "
		      "K - Kernel, B - BGP, R - RIP\n"
		      "       O - OSPF, D - EIGRP, i - IS-IS\n\n");
}

static void table_text(struct cli_out *o, const struct table *t,
		       const struct selection *sel)
{
	const struct net_route *prev = NULL;

	if (t->family == AF_INET)
		header4(o, t);
	else
		header6(o, t, count_shown(t, sel));
	for (size_t i = 0; i < t->routes.n && !cli_out_aborted(o); i++) {
		const struct net_route *r = t->order[i];

		if (!t->active[i] || !proto_selected(sel, r))
			continue;
		if (t->family == AF_INET)
			route_text4(o, t, r);
		else
			route_text6(o, t, r, prev);
		prev = r;
	}
}

static void table_json(struct json *j, const struct table *t,
		       const struct selection *sel)
{
	for (size_t i = 0; i < t->routes.n; i++) {
		if (!proto_selected(sel, t->order[i]))
			continue;
		route_json_fields(j, t, t->order[i], t->active[i]);
		json_obj_end(j);
	}
}

/* ---- the IPv4 table, streamed ---------------------------------------------- */

/*
 * A large IPv4 table is shown as the kernel sends it, never held whole.
 * The kernel walks its IPv4 table (a trie) in the order of the
 * addresses: the routes of one address (every prefix length and metric
 * of it, a leaf of the trie) come together, leaves by rising address,
 * also when the dump takes several reads.  One leaf is kept at a time,
 * merged with the local routes of its address (the local table is read
 * first: one route per local address), sorted and marked as the whole
 * table would be, and shown.  The default route, which the header
 * names, can only be in the first leaf (address 0.0.0.0).  The IPv6
 * table (a tree that the kernel walks in another order), one prefix and
 * the summary read the whole table (table_read); so does the IPv4 table
 * when VRFSH_SHOW_SORTED is set in the environment, which the tests use
 * to compare both.
 */

/* Text gathered into pieces of a few kilobytes: one write each. */
struct lbuf {
	struct cli_out *o;
	size_t n;
	char b[4096];
};

static void lb_flush(struct lbuf *b)
{
	if (b->n)
		cli_write(b->o, b->b, b->n);
	b->n = 0;
}

static void lb_put(struct lbuf *b, const char *s, size_t n)
{
	if (b->n + n > sizeof(b->b)) {
		lb_flush(b);
		if (n > sizeof(b->b)) {
			cli_write(b->o, s, n);
			return;
		}
	}
	memcpy(b->b + b->n, s, n);
	b->n += n;
}

static void lb_str(struct lbuf *b, const char *s)
{
	lb_put(b, s, strlen(s));
}

static void lb_chr(struct lbuf *b, char c)
{
	lb_put(b, &c, 1);
}

static void lb_u32(struct lbuf *b, uint32_t v)
{
	char d[12];
	size_t k = sizeof(d);

	do
		d[--k] = (char)('0' + v % 10);
	while (v /= 10);
	lb_put(b, d + k, sizeof(d) - k);
}

static void lb_spaces(struct lbuf *b, size_t n)
{
	static const char sp[] = "                                ";

	for (; n > sizeof(sp) - 1; n -= sizeof(sp) - 1)
		lb_put(b, sp, sizeof(sp) - 1);
	lb_put(b, sp, n);
}

/* route_text4() written by hand, byte for byte. */
static void route_line4(struct lbuf *b, const struct table *t,
			const struct net_route *r)
{
	char text[TEXT_PREFIX_MAX], code, buf[16], gw[TEXT_IP_MAX];
	bool first = true;
	size_t tlen;

	proto_name(r, &code, buf, sizeof(buf));
	text_ip(AF_INET, &r->dst, text, sizeof(text));
	tlen = strlen(text);
	text[tlen++] = '/';
	tlen += (size_t)snprintf(text + tlen, sizeof(text) - tlen, "%u",
				 r->plen);
	lb_chr(b, code);
	lb_chr(b, r == t->dflt ? '*' : ' ');
	lb_put(b, "       ", 7);
	lb_put(b, text, tlen);
	lb_chr(b, ' ');
	if (is_discard(r) || r->nnh == 0) {
		lb_str(b, "is directly connected, Null0");
		if (r->type != NET_RT_BLACKHOLE) {
			lb_put(b, " (", 2);
			lb_str(b, type_name(r->type, buf, sizeof(buf)));
			lb_chr(b, ')');
		}
		lb_chr(b, '\n');
		return;
	}
	for (int i = 0; i < r->nnh; i++) {
		const struct net_nexthop *nh = &r->nh[i];
		const char *dev;

		if (!nh_usable(t, nh))
			continue;
		if (!first)
			lb_spaces(b, tlen + 10);
		first = false;
		dev = ifname_of(t, nh->ifindex);
		if (nh->has_gw) {
			text_ip(AF_INET, &nh->gw, gw, sizeof(gw));
			lb_chr(b, '[');
			lb_u32(b, r->metric);
			lb_put(b, "/0] via ", 8);
			lb_str(b, gw);
			if (dev) {
				lb_put(b, ", ", 2);
				lb_str(b, dev);
			}
		} else {
			lb_str(b, "is directly connected, ");
			lb_str(b, dev ? dev : "?");
		}
		lb_chr(b, '\n');
	}
}

struct stream {
	struct table *t; /* links; the local routes, sorted */
	struct cli_out *o;
	struct json *j; /* NULL: text */
	const struct selection *sel;
	struct lbuf *b;
	struct json mj;		/* one route object at a time */
	struct net_route *leaf; /* main routes of one address */
	size_t n, cap;
	const struct net_route **order; /* the leaf and its local routes */
	bool *active;
	size_t ocap;
	size_t li;     /* the next local route */
	uint32_t key;  /* the address of the leaf */
	bool header;   /* the header is out */
	bool disorder; /* the kernel broke its order */
};

static uint32_t addr_key(const struct net_route *r)
{
	const unsigned char *a = (const unsigned char *)&r->dst;

	return (uint32_t)a[0] << 24 | (uint32_t)a[1] << 16 |
	       (uint32_t)a[2] << 8 | a[3];
}

/* Shows nmain routes of the leaf and nlocal local routes from lfirst. */
static void leaf_show(struct stream *st, size_t nmain, size_t lfirst,
		      size_t nlocal)
{
	struct table *t = st->t;
	const struct net_route *dflt = NULL;
	size_t n = nmain + nlocal;

	if (n > st->ocap) {
		st->ocap = n * 2;
		st->order = realloc(st->order, st->ocap * sizeof(*st->order));
		st->active =
			realloc(st->active, st->ocap * sizeof(*st->active));
		if (!st->order || !st->active)
			abort();
	}
	for (size_t i = 0; i < nmain; i++)
		st->order[i] = &st->leaf[i];
	for (size_t i = 0; i < nlocal; i++)
		st->order[nmain + i] = t->order[lfirst + i];
	if (n > 1)
		qsort(st->order, n, sizeof(*st->order), route_cmp);
	mark_range(t, st->order, n, st->active, &dflt);
	if (!st->header) {
		t->dflt = dflt;
		if (!st->j)
			header4(st->o, t);
		st->header = true;
	}
	for (size_t i = 0; i < n; i++) {
		const struct net_route *r = st->order[i];

		if (!proto_selected(st->sel, r))
			continue;
		if (st->j) {
			json_mem_reset(&st->mj);
			route_json_fields(&st->mj, t, r, st->active[i]);
			json_obj_end(&st->mj);
			json_raw(st->j, NULL, st->mj.buf, st->mj.len);
		} else if (st->active[i]) {
			route_line4(st->b, t, r);
		}
	}
	/* only the first leaf can hold it; it points into the leaf */
	t->dflt = NULL;
}

/* Shows the local routes below the held leaf's address, each address
 * as a leaf of its own, then the held leaf with the local routes of its
 * address; with no leaf held, every local route left. */
static void stream_leaf(struct stream *st)
{
	const struct table *t = st->t;
	size_t nl = t->routes.n, first;

	while (st->li < nl &&
	       (!st->n || addr_key(t->order[st->li]) < st->key)) {
		uint32_t k = addr_key(t->order[st->li]);

		first = st->li;
		while (st->li < nl && addr_key(t->order[st->li]) == k)
			st->li++;
		leaf_show(st, 0, first, st->li - first);
	}
	if (!st->n)
		return;
	first = st->li;
	while (st->li < nl && addr_key(t->order[st->li]) == st->key)
		st->li++;
	leaf_show(st, st->n, first, st->li - first);
	st->n = 0;
}

static int stream_route(void *ctx, const struct net_route *r)
{
	struct stream *st = ctx;
	uint32_t k = addr_key(r);

	if (st->n && k != st->key) {
		st->disorder |= k < st->key;
		stream_leaf(st);
	}
	if (cli_out_aborted(st->o))
		return -ECANCELED;
	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 16;
		st->leaf = realloc(st->leaf, st->cap * sizeof(*st->leaf));
		if (!st->leaf)
			abort();
	}
	st->leaf[st->n++] = *r;
	st->key = k;
	return 0;
}

/* The kernel restarted its dump: what was shown stays shown. */
static void stream_reset(void *ctx)
{
	struct stream *st = ctx;

	st->disorder |= st->header;
	st->n = 0;
}

/* The IPv4 table of t->vrf as the kernel sends it (text or JSON).
 * Returns 0, or as table_unreadable(). */
static int table_stream(struct cli_session *s, struct cli_out *o,
			struct json *j, struct table *t,
			const struct selection *sel, bool all)
{
	struct lbuf *b = malloc(sizeof(*b));
	struct stream st = { .t = t, .o = o, .j = j, .sel = sel, .b = b };
	struct net_err err = { 0 };
	int ret;

	if (!b)
		abort();
	b->o = o;
	b->n = 0;
	json_init_mem(&st.mj);
	ret = net_route_walk(t->vrf, AF_INET, NET_TABLE_MAIN, stream_route, &st,
			     stream_reset, &err);
	if (ret == 0 || ret == -ECANCELED) {
		stream_leaf(&st);
		stream_leaf(&st);
		if (!st.header && !j)
			header4(o, t);
	}
	lb_flush(b);
	free(b);
	free(st.leaf);
	free(st.order);
	free(st.active);
	json_mem_free(&st.mj);
	if (ret < 0 && ret != -ECANCELED)
		return table_unreadable(s, t->vrf, all, &err);
	if (st.disorder)
		cli_warn(s,
			 "The routes of VRF %s changed while they were "
			 "read: the table shown may be out of order",
			 vrf_label(t->vrf));
	return 0;
}

/* Is the table shown as the kernel sends it? */
static bool streamed(int family, const struct selection *sel)
{
	return family == AF_INET && !sel->has_addr && !sel->has_prefix &&
	       !sel->summary && !secure_getenv("VRFSH_SHOW_SORTED");
}

/* ---- one prefix: every route of it ---------------------------------------- */

/*
 * A prefix's routes by distance: the kernel's (the local route first,
 * then by metric), and the groups of configured static next hops of the
 * record, matched to the kernel route of their distance or, when the
 * kernel holds none now, shown on their own as inactive.
 */
struct slot {
	const struct net_route *k; /* the kernel's, or NULL */
	bool active;
	const struct net_static_entry *e; /* configured, or NULL */
	size_t ne;
};

struct detail {
	union net_ip dst;
	unsigned plen;
	struct slot *v;
	size_t n;
	struct net_static_list list;
	bool has_list;
};

static int entry_key_cmp(const struct net_static *e, int family,
			 const union net_ip *dst, unsigned plen)
{
	int c;

	if (e->family != family)
		return e->family == AF_INET ? -1 : 1;
	c = addr_cmp(family, &e->dst, dst);
	if (c)
		return c;
	return (e->plen > plen) - (e->plen < plen);
}

/* The record's entries of the prefix: [*first, *first + *n). */
static void entries_of(const struct net_static_list *l, int family,
		       const union net_ip *dst, unsigned plen, size_t *first,
		       size_t *n)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (entry_key_cmp(&l->v[mid].s, family, dst, plen) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo < l->n && !entry_key_cmp(&l->v[lo].s, family, dst, plen))
		lo++;
	*n = lo - *first;
}

static struct slot *slot_add(struct detail *d)
{
	d->v = realloc(d->v, (d->n + 1) * sizeof(*d->v));
	if (!d->v)
		abort();
	memset(&d->v[d->n], 0, sizeof(d->v[d->n]));
	return &d->v[d->n++];
}

static uint32_t slot_distance(const struct slot *x)
{
	return x->k ? x->k->metric : x->e->s.distance;
}

static int slot_cmp(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;
	uint32_t dx = slot_distance(x), dy = slot_distance(y);

	if (x->k && y->k && is_local(x->k) != is_local(y->k))
		return is_local(x->k) ? -1 : 1;
	return (dx > dy) - (dx < dy);
}

static void detail_read(struct cli_session *s, const struct table *t,
			struct detail *d)
{
	struct net_err err = { 0 };
	size_t first = 0, n = 0;

	for (size_t i = 0; i < t->routes.n; i++) {
		const struct net_route *r = t->order[i];
		struct slot *x;

		if (r->plen != d->plen || addr_cmp(t->family, &r->dst, &d->dst))
			continue;
		x = slot_add(d);
		x->k = r;
		x->active = t->active[i];
	}
	d->has_list = net_static_list(t->vrf, NET_STATIC_LIST_STATE, &d->list,
				      &err) == 0;
	if (!d->has_list && err.code != ENOENT)
		cli_warn(s,
			 "Cannot read the configured static routes of VRF "
			 "%s (only the kernel's are shown): %s",
			 vrf_label(t->vrf), err.msg);
	if (d->has_list)
		entries_of(&d->list, t->family, &d->dst, d->plen, &first, &n);
	/* group the entries by distance, each onto its kernel route */
	for (size_t i = first; i < first + n;) {
		const struct net_static_entry *e = &d->list.v[i];
		size_t k = i;
		struct slot *x = NULL;

		while (k < first + n &&
		       d->list.v[k].s.distance == e->s.distance)
			k++;
		for (size_t m = 0; m < d->n && !x; m++)
			if (d->v[m].k && !is_local(d->v[m].k) &&
			    (d->v[m].k->protocol == NET_PROTO_STATIC ||
			     d->v[m].k->protocol == NET_PROTO_BOOT) &&
			    d->v[m].k->metric == e->s.distance)
				x = &d->v[m];
		if (!x)
			x = slot_add(d);
		x->e = e;
		x->ne = k - i;
		i = k;
	}
	if (d->n)
		qsort(d->v, d->n, sizeof(*d->v), slot_cmp);
}

static void detail_free(struct detail *d)
{
	free(d->v);
	if (d->has_list)
		net_static_list_free(&d->list);
}

/* The classful length of an IPv4 network (32 for classes D and E). */
static unsigned classful(const union net_ip *dst)
{
	unsigned char b = ((const unsigned char *)dst)[0];

	return b < 128 ? 8 : b < 192 ? 16 : b < 224 ? 24 : 32;
}

static bool entry_discards(const struct net_static *s)
{
	return s->kind == NET_STATIC_NULL0 ||
	       s->kind == NET_STATIC_UNREACHABLE ||
	       s->kind == NET_STATIC_PROHIBIT;
}

static void metric_line(struct cli_out *o)
{
	cli_printf(o, "      Route metric is 0, traffic share count is 1\n");
}

/* A configured next hop as a descriptor block: "* GW", "* GW, via IF",
 * "* directly connected, via IF" (Null0 for the discarding kinds). */
static void entry_text(struct cli_out *o, const struct table *t,
		       const struct net_static_entry *e, bool in_use)
{
	const struct net_static *s = &e->s;
	bool up = t->family == AF_INET6;
	char gw[TEXT_IP_MAX];
	bool usable = e->state == NET_STATIC_INSTALLED;

	cli_printf(o, "  %c ", in_use && usable ? '*' : ' ');
	if (s->kind == NET_STATIC_GW || s->kind == NET_STATIC_GW_DEV) {
		ip_text(s->family, &s->gw, up, gw, sizeof(gw));
		cli_printf(o, "%s", gw);
		if (s->kind == NET_STATIC_GW_DEV)
			cli_printf(o, ", via %s", s->ifname);
	} else if (s->kind == NET_STATIC_DEV) {
		cli_printf(o, "directly connected, via %s", s->ifname);
	} else {
		cli_printf(o, "directly connected, via Null0%s",
			   s->kind == NET_STATIC_UNREACHABLE ?
				   " (unreachable)" :
			   s->kind == NET_STATIC_PROHIBIT ? " (prohibit)" :
							    "");
	}
	cli_printf(o, "%s\n", usable ? "" : " (inactive: next hop unusable)");
	if (!usable)
		return;
	metric_line(o);
	if (!e->recursive)
		return;
	for (int i = 0; i < e->nvia; i++) {
		const char *dev = ifname_of(t, e->via[i].ifindex);

		if (e->via[i].has_gw)
			ip_text(s->family, &e->via[i].gw, up, gw, sizeof(gw));
		cli_printf(o, "      Recursive via %s%s%s\n",
			   e->via[i].has_gw ? gw : "",
			   e->via[i].has_gw && dev ? ", " : "", dev ? dev : "");
	}
}

/* A kernel next hop as a descriptor block. */
static void knh_text(struct cli_out *o, const struct table *t,
		     const struct net_route *r, const struct net_nexthop *nh,
		     bool in_use)
{
	const char *dev = ifname_of(t, nh->ifindex);
	bool usable = nh_usable(t, nh);
	char gw[TEXT_IP_MAX];

	cli_printf(o, "  %c ", in_use && usable ? '*' : ' ');
	if (nh->has_gw) {
		ip_text(r->family, &nh->gw, r->family == AF_INET6, gw,
			sizeof(gw));
		cli_printf(o, "%s, via %s", gw, dev ? dev : "?");
	} else {
		cli_printf(o, "directly connected, via %s", dev ? dev : "?");
	}
	cli_printf(o, "%s\n", usable ? "" : " (inactive: link down)");
	if (usable)
		metric_line(o);
}

/* One "Routing entry for" block. */
static void slot_text(struct cli_out *o, const struct table *t,
		      const struct detail *d, const struct slot *x)
{
	char text[TEXT_PREFIX_MAX], code = 'S', buf[16];
	const char *proto = "static";
	uint32_t dist = slot_distance(x);
	bool usable = x->k && route_usable(t, x->k);
	bool dflt = t->family == AF_INET && d->plen == 0;

	if (x->k) {
		proto = proto_name(x->k, &code, buf, sizeof(buf));
		dist = distance_of(x->k);
	}
	prefix_text(t->family, &d->dst, d->plen, t->family == AF_INET6, text,
		    sizeof(text));
	cli_printf(o, "Routing entry for %s%s%s\n", text,
		   t->family == AF_INET && d->plen < classful(&d->dst) ?
			   ", supernet" :
			   "",
		   x->active ? "" :
		   usable    ? ", backup (not in use)" :
			       ", inactive");
	cli_printf(o, "  Known via \"%s\", distance %u, metric 0%s%s\n", proto,
		   dist,
		   x->k && (is_connected(x->k) || is_local(x->k)) ?
			   " (connected, via interface)" :
			   "",
		   dflt ? ", candidate default path" : "");
	cli_printf(o, "  Routing Descriptor Blocks:\n");
	if (x->e) {
		for (size_t i = 0; i < x->ne; i++)
			entry_text(o, t, &x->e[i], x->active);
		return;
	}
	if (is_discard(x->k) || !x->k->nnh) {
		cli_printf(o, "  %c directly connected, via Null0",
			   x->active ? '*' : ' ');
		if (x->k->type != NET_RT_BLACKHOLE)
			cli_printf(o, " (%s)",
				   type_name(x->k->type, buf, sizeof(buf)));
		cli_printf(o, "\n");
		metric_line(o);
		return;
	}
	for (int i = 0; i < x->k->nnh; i++)
		knh_text(o, t, x->k, &x->k->nh[i], x->active);
}

static void entry_json(struct json *j, const struct net_static_entry *e)
{
	char gw[TEXT_IP_MAX];
	const struct net_static *s = &e->s;

	json_obj(j, NULL);
	if (s->kind == NET_STATIC_GW || s->kind == NET_STATIC_GW_DEV) {
		text_ip(s->family, &s->gw, gw, sizeof(gw));
		json_str(j, "gateway", gw);
	} else {
		json_null(j, "gateway");
	}
	if (s->kind == NET_STATIC_DEV || s->kind == NET_STATIC_GW_DEV)
		json_str(j, "interface", s->ifname);
	else if (entry_discards(s))
		json_str(j, "interface", "Null0");
	else
		json_null(j, "interface");
	json_str(j, "type",
		 s->kind == NET_STATIC_UNREACHABLE ? "unreachable" :
		 s->kind == NET_STATIC_PROHIBIT	   ? "prohibit" :
		 s->kind == NET_STATIC_NULL0	   ? "blackhole" :
						     "unicast");
	json_bool(j, "active", e->state == NET_STATIC_INSTALLED);
	json_bool(j, "recursive", e->recursive);
	json_obj_end(j);
}

static void slot_json(struct json *j, const struct table *t,
		      const struct detail *d, const struct slot *x)
{
	char text[TEXT_PREFIX_MAX];
	const struct net_static *s = x->e ? &x->e->s : NULL;

	if (x->k) {
		route_json_fields(j, t, x->k, x->active);
	} else {
		json_obj(j, NULL);
		prefix_text(t->family, &d->dst, d->plen, false, text,
			    sizeof(text));
		json_str(j, "prefix", text);
		json_str(j, "protocol", "static");
		json_u64(j, "distance", s->distance);
		json_int(j, "metric", 0);
		json_str(j, "type",
			 entry_discards(s) ?
				 (s->kind == NET_STATIC_UNREACHABLE ?
					  "unreachable" :
				  s->kind == NET_STATIC_PROHIBIT ?
					  "prohibit" :
					  "blackhole") :
				 "unicast");
		json_bool(j, "active", false);
		json_bool(j, "installed", false);
		json_arr(j, "nexthops");
		json_arr_end(j);
	}
	if (x->e) {
		json_arr(j, "configured");
		for (size_t i = 0; i < x->ne; i++)
			entry_json(j, &x->e[i]);
		json_arr_end(j);
	} else {
		json_null(j, "configured");
	}
	json_obj_end(j);
}

/* show ip route PREFIX | A.B.C.D MASK | ADDRESS: false when the table
 * has no route for it. */
static bool detail_show(struct cli_session *s, struct cli_out *o,
			struct json *j, const struct table *t,
			const struct selection *sel)
{
	struct detail d;

	memset(&d, 0, sizeof(d));
	if (!detail_prefix(t, sel, &d.dst, &d.plen))
		return false;
	detail_read(s, t, &d);
	if (!d.n) {
		detail_free(&d);
		return false;
	}
	if (!j && *t->vrf)
		cli_printf(o, "Routing Table: %s\n", t->vrf);
	for (size_t i = 0; i < d.n; i++) {
		if (j) {
			slot_json(j, t, &d, &d.v[i]);
			continue;
		}
		if (i)
			cli_printf(o, "\n");
		slot_text(o, t, &d, &d.v[i]);
	}
	detail_free(&d);
	return true;
}

/* ---- summary ------------------------------------------------------------------- */

struct source {
	char name[16];
	unsigned networks, subnets;
};

static void summary_count(const struct table *t, struct source *v, size_t *n,
			  size_t max)
{
	for (size_t i = 0; i < t->routes.n; i++) {
		const struct net_route *r = t->order[i];
		char code, buf[16];
		const char *name;
		size_t k;

		if (!t->active[i])
			continue;
		name = proto_name(r, &code, buf, sizeof(buf));
		if (!strcmp(name, "local"))
			name = "connected"; /* as IOS counts them */
		for (k = 0; k < *n && strcmp(v[k].name, name); k++)
			;
		if (k == *n) {
			if (*n == max)
				continue;
			snprintf(v[k].name, sizeof(v[k].name), "%s", name);
			(*n)++;
		}
		if (r->plen == classful(&r->dst))
			v[k].networks++;
		else
			v[k].subnets++;
	}
}

static void summary_show(struct cli_out *o, struct json *j,
			 const struct table *t)
{
	struct source v[40] = {
		{ "connected", 0, 0 },
		{ "static", 0, 0 },
		{ "kernel", 0, 0 },
	};
	size_t n = 3;
	unsigned nets = 0, subs = 0;

	summary_count(t, v, &n, sizeof(v) / sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		nets += v[i].networks;
		subs += v[i].subnets;
	}
	if (j) {
		json_arr(j, "sources");
		for (size_t i = 0; i < n; i++) {
			json_obj(j, NULL);
			json_str(j, "source", v[i].name);
			json_u64(j, "networks", v[i].networks);
			json_u64(j, "subnets", v[i].subnets);
			json_obj_end(j);
		}
		json_arr_end(j);
		json_u64(j, "networks", nets);
		json_u64(j, "subnets", subs);
		json_u64(j, "maximum_paths", NET_MAX_NEXTHOPS);
		return;
	}
	cli_printf(o, "IP routing table name is %s (0x0)\n", vrf_label(t->vrf));
	cli_printf(o, "IP routing table maximum-paths is %d\n",
		   NET_MAX_NEXTHOPS);
	cli_printf(o, "%-16s%-12s%-12s%-12s%-12s%s\n", "Route Source",
		   "Networks", "Subnets", "Replicates", "Overhead",
		   "Memory (bytes)");
	for (size_t i = 0; i < n; i++)
		cli_printf(o, "%-16s%-12u%-12u%-12u%-12u%u\n", v[i].name,
			   v[i].networks, v[i].subnets, 0u, 0u, 0u);
	cli_printf(o, "%-16s%-12u%-12u%-12u%-12u%u\n", "Total", nets, subs, 0u,
		   0u, 0u);
}

/* ---- the command ------------------------------------------------------------ */

static int show_routes(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o, int family)
{
	struct selection sel;
	struct net_names set;
	bool json = cli_has(a, "json"), all = cli_has(a, "all");
	bool detail, found = false;
	struct json j;
	int rc = 0;

	if (parse_selection(a, family, &sel) || cmd_vrf_set(s, a, &set))
		return -1;
	detail = sel.has_addr || sel.has_prefix;
	if (json) {
		json_init(&j, o);
		if (all) {
			json_obj(&j, NULL);
			json_arr(&j, "vrfs");
		}
	}
	for (size_t k = 0; k < set.n && !cli_out_aborted(o); k++) {
		struct table t;
		bool stream = streamed(family, &sel);
		int got = stream ? table_open(s, set.v[k], family, all, &t) :
				   table_read(s, set.v[k], family, all, &t);

		if (got) {
			if (got < 0)
				rc = -1;
			if (!all)
				break;
			continue;
		}
		if (json) {
			json_obj(&j, NULL);
			json_str(&j, "vrf", vrf_label(set.v[k]));
		} else if (k && (found || !detail)) {
			cli_printf(o, "\n");
		}
		if (sel.summary) {
			summary_show(o, json ? &j : NULL, &t);
		} else if (detail) {
			if (json)
				json_arr(&j, "routes");
			found |= detail_show(s, o, json ? &j : NULL, &t, &sel);
			if (json)
				json_arr_end(&j);
		} else if (stream) {
			if (json)
				json_arr(&j, "routes");
			got = table_stream(s, o, json ? &j : NULL, &t, &sel,
					   all);
			if (json)
				json_arr_end(&j);
			if (got < 0)
				rc = -1;
		} else if (json) {
			json_arr(&j, "routes");
			table_json(&j, &t, &sel);
			json_arr_end(&j);
		} else {
			table_text(o, &t, &sel);
		}
		if (json)
			json_obj_end(&j);
		table_free(&t);
	}
	if (json && all) {
		json_arr_end(&j);
		json_obj_end(&j);
	}
	if (json && (all || !rc))
		json_done(&j);
	net_names_free(&set);
	if (!rc && !found && !json && detail) {
		cli_error(s, "Network not in table");
		rc = -1;
	}
	return rc;
}

static int do_show_ip_route(struct cli_session *s, const struct cli_args *a,
			    struct cli_out *o)
{
	return show_routes(s, a, o, AF_INET);
}

static int do_show_ipv6_route(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	return show_routes(s, a, o, AF_INET6);
}

#define H_SHOW "Show running system information\n"
#define H_IP "Internet Protocol (IPv4)\n"
#define H_IPV6 "Internet Protocol version 6\n"
#define H_VRF_SEL "In a VRF\nVRF name\nEvery VRF\n"
#define H_PROTOS                                                               \
	"Connected routes\nStatic routes\n"                                    \
	"Routes added by the kernel or other tools\nLocal addresses\n"
#define PROTOS "connected|static|kernel|local"

static const struct cli_cmd rib_cmds[] = {
	{ "show ip route [vrf {NAME$vrf|all}] [A.B.C.D$addr [MASK$mask]|"
	  "A.B.C.D/M$prefix|" PROTOS "|summary] [json]",
	  H_SHOW H_IP "The IPv4 routing table\n" H_VRF_SEL
		      "The routes of the prefix that this address uses\n"
		      "The routes of exactly this prefix (network and mask)\n"
		      "The routes of exactly this prefix\n" H_PROTOS
		      "How many routes of each source\nJSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ip_route },
	{ "show ipv6 route [vrf {NAME$vrf|all}] [X:X::X:X$addr|"
	  "X:X::X:X/M$prefix|" PROTOS "] [json]",
	  H_SHOW H_IPV6 "The IPv6 routing table\n" H_VRF_SEL
			"The routes of the prefix that this address uses\n"
			"The routes of exactly this prefix\n" H_PROTOS
			"JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ipv6_route },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area rib_area = {
	.name = "rib",
	.cmds = rib_cmds,
};
