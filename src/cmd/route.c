/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * route.c - static routes: ip route, ipv6 route and their no forms, and
 * their stanzas of the running configuration.
 *
 * The kernel has no administrative distance: DISTANCE is the kernel
 * route's metric (its priority; lower wins), 1 when not given.  Route
 * additions are queued and sent together when the area is flushed (after
 * an interactive command, before the next command that is not queued,
 * at the end of batch input), each kernel answer matched to its line.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "net/route.h"
#include "render/text.h"

/* A static route's distance (its kernel metric) when none is given. */
#define DEFAULT_DISTANCE 1

static int addr_cmp(int family, const union net_ip *x, const union net_ip *y)
{
	return memcmp(x, y, family == AF_INET ? 4 : 16);
}


/* Fills the destination from PREFIX or NET MASK; host bits are refused. */
static int parse_dst(struct cli_session *s, const struct cli_args *a,
		     int family, struct net_route *r)
{
	const char *prefix = cli_arg(a, "prefix");
	unsigned char b[16];
	int plen;
	bool ok;

	if (family == AF_INET)
		ok = prefix ? cli_parse_ipv4_prefix(prefix, b, &plen)
			    : cli_parse_ipv4(cli_arg(a, "net"), b) &&
				      cli_parse_mask(cli_arg(a, "mask"), &plen);
	else
		ok = cli_parse_ipv6_prefix(prefix, b, &plen);
	if (!ok)
		return -1;
	memcpy(&r->dst, b, family == AF_INET ? 4 : 16);
	r->plen = (unsigned char)plen;
	r->family = family;
	/* every bit past the prefix must be zero */
	for (int bit = plen; bit < (family == AF_INET ? 32 : 128); bit++) {
		if (b[bit / 8] & (0x80 >> (bit % 8))) {
			cli_error(s, "Error: Inconsistent address and mask");
			return -1;
		}
	}
	return 0;
}

/* The next hop: a gateway, an interface, or both. */
static int parse_nexthop(struct cli_session *s, const struct cli_args *a,
			 const char *vrf, struct net_route *r)
{
	const char *gw = cli_arg(a, "gw"), *dev = cli_arg(a, "dev");
	struct net_link l;

	r->nnh = 0;
	if (!gw && !dev)
		return 0;
	r->nnh = 1;
	memset(&r->nh[0], 0, sizeof(r->nh[0]));
	if (gw) {
		r->nh[0].has_gw = true;
		if (inet_pton(r->family, gw, &r->nh[0].gw) != 1)
			return -1;
	}
	if (dev) {
		if (cmd_link(s, vrf, dev, &l))
			return -1;
		r->nh[0].ifindex = l.ifindex;
	}
	return 0;
}

/* A route as messages name it: "PREFIX via GW, DEV in VRF V", with the
 * gateway and the interface as given (none for a removal by prefix). */
static void route_what(const struct net_route *r, const char *dev,
		       const char *vrf, char *buf, size_t size)
{
	char p[TEXT_PREFIX_MAX], gw[TEXT_IP_MAX] = "", v[96];
	bool has_gw = r->nnh && r->nh[0].has_gw;

	text_prefix(r->family, &r->dst, r->plen, p, sizeof(p));
	if (has_gw)
		text_ip(r->family, &r->nh[0].gw, gw, sizeof(gw));
	snprintf(buf, size, "%s%s%s%s%s%s", p, has_gw || *dev ? " via " : "",
		 gw, has_gw && *dev ? ", " : "", dev,
		 in_vrf(vrf, v, sizeof(v)));
}

/*
 * Route additions are queued and sent together.  Each queued addition
 * keeps what its error needs; the outcome comes back in order.  When one fails and the batch stops there, additions from later
 * lines that the kernel had already taken are removed again, so nothing
 * after the failing line stays applied.
 */
struct queued {
	struct queued *next;		/* on the undo list */
	struct cli_session *s;
	char origin[256];
	char dev[NET_IFNAMSIZ];		/* as typed, for the message */
	char vrf[NET_VRF_NAME_MAX + 1];
	struct net_route r;
};

static void queued_what(const struct queued *q, char *buf, size_t size)
{
	route_what(&q->r, q->dev, q->vrf, buf, size);
}

static struct {
	int failed;			/* since the last sync */
	struct queued *undo;
} queue;

static void queued_done(void *ctx, const struct net_err *err)
{
	struct queued *q = ctx;
	struct cli_session *s = q->s;
	const char *origin = s->origin;

	if (!err->code && queue.failed && !s->keep_going) {
		q->next = queue.undo;	/* after the failure: take it back */
		queue.undo = q;
		return;
	}
	if (err->code && !(queue.failed && !s->keep_going)) {
		char what[384];

		queued_what(q, what, sizeof(what));
		s->origin = q->origin;
		if (err->code == EEXIST)
			cli_error(s, "Error: Cannot add route %s: a route to this "
				     "prefix with distance %u exists",
				  what, q->r.metric);
		else
			cmd_fail(s, err, "add route %s", what);
		s->origin = origin;
		queue.failed++;
	}
	free(q);
}

/* The area's flush hook: sends what is queued. */
static int route_flush(struct cli_session *s)
{
	struct net_err err = { 0 };
	int failed;

	if (net_flush(&err)) {
		cmd_fail(s, &err, "send the queued routes");
		queue.failed++;
	}
	while (queue.undo) {
		struct queued *q = queue.undo;

		queue.undo = q->next;
		net_route_del(q->vrf, &q->r, &err);
		free(q);
	}
	failed = queue.failed;
	queue.failed = 0;
	return failed;
}

/* Bounded copy of a string known to be short. */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = src ? strnlen(src, size - 1) : 0;

	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* The hot path of a large file: no formatting unless it fails. */
static int add_deferred(struct cli_session *s, const struct cli_args *a,
			const char *vrf, const struct net_route *r)
{
	struct queued *q = malloc(sizeof(*q));
	struct net_err err = { 0 };
	char what[384];

	if (!q)
		abort();
	q->next = NULL;
	q->s = s;
	q->r = *r;
	copy(q->origin, sizeof(q->origin), s->origin);
	copy(q->dev, sizeof(q->dev), cli_arg(a, "dev"));
	copy(q->vrf, sizeof(q->vrf), vrf);
	if (net_route_add_deferred(vrf, r, queued_done, q, &err) == 0)
		return 0;
	queued_what(q, what, sizeof(what));
	free(q);
	return cmd_fail(s, &err, "add route %s", what);
}

static int add_route(struct cli_session *s, const struct cli_args *a,
		     int family)
{
	const char *vrf = cmd_vrf(s, a);
	struct net_route r = { 0 };

	if (cmd_vrf_exists(s, vrf) || parse_dst(s, a, family, &r) ||
	    parse_nexthop(s, a, vrf, &r))
		return -1;
	r.protocol = cli_has(a, "boot") ? NET_PROTO_BOOT : NET_PROTO_STATIC;
	r.table = NET_TABLE_MAIN;
	r.type = NET_RT_UNICAST;
	r.metric = (uint32_t)cli_arg_long(a, "distance", DEFAULT_DISTANCE);
	return add_deferred(s, a, vrf, &r);
}

static bool same_nexthop(const struct net_route *r, const struct net_route *x)
{
	if (!x->nnh)
		return true;
	for (int i = 0; i < r->nnh; i++) {
		const struct net_nexthop *h = &r->nh[i], *w = &x->nh[0];

		if (w->has_gw && (!h->has_gw || addr_cmp(r->family, &h->gw,
							 &w->gw)))
			continue;
		if (w->ifindex && w->ifindex != h->ifindex)
			continue;
		return true;
	}
	return false;
}

static int del_route(struct cli_session *s, const struct cli_args *a,
		     int family)
{
	const char *vrf = cmd_vrf(s, a);
	struct net_route want = { 0 };
	struct net_routes have = { 0 };
	struct net_err err = { 0 };
	const char *dev = cli_arg(a, "dev");
	bool metric = cli_has(a, "distance");
	int found = 0, rc = 0;
	char what[384];

	if (cmd_vrf_exists(s, vrf) || parse_dst(s, a, family, &want) ||
	    parse_nexthop(s, a, vrf, &want))
		return -1;
	want.metric = (uint32_t)cli_arg_long(a, "distance", 0);
	route_what(&want, dev ? dev : "", vrf, what, sizeof(what));
	if (net_route_dump(vrf, family, NET_TABLE_MAIN, &have, &err))
		return cmd_fail(s, &err, "read the routes of VRF %s",
				vrf_label(vrf));
	for (size_t i = 0; i < have.n && !rc; i++) {
		const struct net_route *r = &have.v[i];

		if (r->plen != want.plen ||
		    addr_cmp(family, &r->dst, &want.dst) ||
		    r->protocol == NET_PROTO_KERNEL ||
		    (metric && r->metric != want.metric) ||
		    !same_nexthop(r, &want))
			continue;
		found++;
		if (net_route_del(vrf, r, &err))
			rc = cmd_fail(s, &err, "remove route %s", what);
	}
	net_routes_free(&have);
	if (!found && !rc) {
		cli_error(s, "Error: No matching route to delete: %s", what);
		rc = -1;
	}
	return rc;
}

static int do_ip_route(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	(void)o;
	return add_route(s, a, AF_INET);
}

static int do_no_ip_route(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	(void)o;
	return del_route(s, a, AF_INET);
}

static int do_ipv6_route(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	(void)o;
	return add_route(s, a, AF_INET6);
}

static int do_no_ipv6_route(struct cli_session *s, const struct cli_args *a,
			    struct cli_out *o)
{
	(void)o;
	return del_route(s, a, AF_INET6);
}

/* ---- running-config ------------------------------------------------------------ */

/* Static routes: protocol static, or boot as ip route add makes them. */
static bool renderable(const struct net_route *r)
{
	return (r->protocol == NET_PROTO_STATIC ||
		r->protocol == NET_PROTO_BOOT) &&
	       r->type == NET_RT_UNICAST && r->nnh > 0;
}

static int nexthop_cmp(int family, const struct net_nexthop *x,
		       const struct net_nexthop *y)
{
	int c;

	if (x->has_gw != y->has_gw)
		return x->has_gw ? 1 : -1;
	c = x->has_gw ? addr_cmp(family, &x->gw, &y->gw) : 0;
	if (c)
		return c;
	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

static int route_order(const void *a, const void *b)
{
	const struct net_route *x = a, *y = b;
	int c;

	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	c = addr_cmp(x->family, &x->dst, &y->dst);
	if (c)
		return c;
	if (x->plen != y->plen)
		return x->plen < y->plen ? -1 : 1;
	if (x->metric != y->metric)
		return x->metric < y->metric ? -1 : 1;
	return nexthop_cmp(x->family, &x->nh[0], &y->nh[0]);
}

/* The static routes of a VRF, both families, in rendering order. */
static int read_routes(struct cli_config *c, const struct cfg_vrf *v,
		       struct net_routes *out)
{
	static const int families[] = { AF_INET, AF_INET6 };
	struct net_err err = { 0 };
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	for (int f = 0; f < 2; f++) {
		struct net_routes rs = { 0 };

		if (net_route_dump(v->name, families[f], NET_TABLE_MAIN, &rs,
				   &err)) {
			net_routes_free(out);
			if (err.code == ENOENT)
				return -1;	/* the VRF vanished */
			c->failed++;
			return cmd_fail(c->s, &err, "read the routes of VRF %s "
					"(they are left out)",
					vrf_label(v->name));
		}
		out->v = realloc(out->v, (n + rs.n + 1) * sizeof(*out->v));
		if (!out->v)
			abort();
		for (size_t i = 0; i < rs.n; i++)
			if (renderable(&rs.v[i]))
				out->v[n++] = rs.v[i];
		net_routes_free(&rs);
	}
	out->n = n;
	qsort(out->v, n, sizeof(*out->v), route_order);
	return 0;
}

/* A gateway alone names the next hop, unless it is an IPv6 link-local
 * address, which needs its interface. */
static void nexthop(struct cli_out *o, const struct cfg_vrf *v,
		    const struct net_route *r, const struct net_nexthop *nh)
{
	const struct net_link *dev = nh->ifindex ? cfg_link(v, nh->ifindex)
						 : NULL;
	char gw[TEXT_IP_MAX];
	bool ll = r->family == AF_INET6 && IN6_IS_ADDR_LINKLOCAL(&nh->gw.v6);

	if (dev && (!nh->has_gw || ll))
		cli_printf(o, " %s", dev->name);
	if (nh->has_gw) {
		text_ip(r->family, &nh->gw, gw, sizeof(gw));
		cli_printf(o, " %s", gw);
	}
}

static void routes(struct cli_config *c, const struct cfg_vrf *v)
{
	struct net_routes rs;
	char b[96], dst[TEXT_IP_MAX];

	if (read_routes(c, v, &rs))
		return;
	for (size_t i = 0; i < rs.n; i++) {
		const struct net_route *r = &rs.v[i];

		text_ip(r->family, &r->dst, dst, sizeof(dst));
		for (int h = 0; h < r->nnh; h++) {
			const struct net_link *dev =
				r->nh[h].ifindex ? cfg_link(v, r->nh[h].ifindex)
						 : NULL;

			if (dev && !cfg_ifname_ok(dev->name)) {
				char what[CLI_ESCAPED_MAX(NET_IFNAMSIZ) + 96];

				snprintf(what, sizeof(what), "the route to %s/%u "
					 "through \"%s\"", dst, r->plen,
					 dev->name);
				cfg_left_out(c, what, "the name of its "
					     "interface cannot be typed back");
				continue;
			}
			cli_printf(c->o, "%s route%s %s/%u",
				   r->family == AF_INET ? "ip" : "ipv6",
				   cfg_vrf_suffix(v->name, b, sizeof(b)), dst,
				   r->plen);
			nexthop(c->o, v, r, &r->nh[h]);
			if (r->metric != DEFAULT_DISTANCE)
				cli_printf(c->o, " %u", r->metric);
			cli_printf(c->o, "%s\n", r->protocol == NET_PROTO_STATIC
							 ? ""
							 : " protocol boot");
			c->lines++;
		}
	}
	net_routes_free(&rs);
}

static void route_config(struct cli_config *c)
{
	if (c->only_if)
		return;
	for (size_t i = 0; i < c->n; i++) {
		const struct cfg_vrf *v;

		if (cfg_covers(c, i) && (v = cfg_vrf(c, i)))
			routes(c, v);
	}
}

#define H_IP "Internet Protocol (IPv4)\n"
#define H_IPV6 "Internet Protocol version 6\n"
#define H_NO "Negate a command or set its defaults\n"
#define H_VRF "In a VRF\nVRF name\n"
#define V4_DST "{A.B.C.D/M$prefix|A.B.C.D$net MASK$mask}"
#define H_V4_DST "Destination prefix\nDestination network\nNetwork mask\n"
#define V4_NH "{A.B.C.D$gw|IFNAME$dev [A.B.C.D$gw]}"
#define H_V4_NH "Next hop address\nOutgoing interface\nNext hop address\n"
#define V6_NH "{X:X::X:X$gw|IFNAME$dev [X:X::X:X$gw]}"
#define DIST "<0-4294967295>$distance"
#define H_DIST "Distance (the kernel route's metric; default 1)\n"
#define PROTO "[protocol {static|boot}]"
#define H_PROTO "The kernel protocol the route is installed with\n" \
	"static (the default)\nboot, as ip route add does\n"

static const struct cli_cmd route_cmds[] = {
	{ "ip route [vrf NAME$vrf] " V4_DST " " V4_NH " [" DIST "] " PROTO,
	  H_IP "Establish a static route\n" H_VRF H_V4_DST H_V4_NH H_DIST
	  H_PROTO,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, CLI_F_DEFER, do_ip_route },
	{ "no ip route [vrf NAME$vrf] " V4_DST " [" V4_NH " [" DIST "]]",
	  H_NO H_IP "Remove static routes\n" H_VRF H_V4_DST H_V4_NH H_DIST,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, do_no_ip_route },
	{ "ipv6 route [vrf NAME$vrf] X:X::X:X/M$prefix " V6_NH " [" DIST "] "
	  PROTO,
	  H_IPV6 "Establish a static route\n" H_VRF "Destination prefix\n"
	  "Next hop address\nOutgoing interface\nNext hop address\n" H_DIST
	  H_PROTO,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, CLI_F_DEFER, do_ipv6_route },
	{ "no ipv6 route [vrf NAME$vrf] X:X::X:X/M$prefix [" V6_NH " ["
	  DIST "]]",
	  H_NO H_IPV6 "Remove static routes\n" H_VRF "Destination prefix\n"
	  "Next hop address\nOutgoing interface\nNext hop address\n" H_DIST,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, do_no_ipv6_route },
	{ NULL, NULL, 0, 0, 0, NULL },
};

static const struct cli_config_ops route_config_ops = {
	.stanzas = route_config,
};

const struct cli_area route_area = {
	.name = "route",
	.cmds = route_cmds,
	.flush = route_flush,
	.config = &route_config_ops,
};
