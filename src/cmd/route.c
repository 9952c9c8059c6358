/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * route.c - static routes (ip route, ipv6 route and their no forms), show
 * ip route, show ipv6 route, show ip arp, show ipv6 neighbors.
 *
 * The kernel has no administrative distance: DISTANCE is the kernel
 * route's metric (its priority; lower wins), 1 when not given.  show ip
 * route prints [distance/metric] as [kernel metric/0].
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/route.h"
#include "render/json.h"


/* ---- naming routes ------------------------------------------------------ */

struct proto {
	int id;
	const char *name;
	char code;
};

static const struct proto protos[] = {
	{ NET_PROTO_STATIC, "static", 'S' }, { NET_PROTO_ZEBRA, "zebra", 'K' },
	{ NET_PROTO_BIRD, "bird", 'K' },	   { NET_PROTO_DHCP, "dhcp", 'K' },
	{ NET_PROTO_RA, "ra", 'K' },	   { NET_PROTO_KEEPALIVED, "keepalived", 'K' },
	{ NET_PROTO_BABEL, "babel", 'K' },	   { NET_PROTO_BGP, "bgp", 'B' },
	{ NET_PROTO_ISIS, "isis", 'i' },	   { NET_PROTO_OSPF, "ospf", 'O' },
	{ NET_PROTO_RIP, "rip", 'R' },	   { NET_PROTO_EIGRP, "eigrp", 'D' },
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

/* The protocol as the contract names it, and its code letter. */
static const char *proto_name(const struct net_route *r, char *code,
			      char *buf, size_t size)
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

/* inet_ntop, with IPv4 written by hand: tables are long. */
static void ip_text(int family, const union net_ip *a, char *buf,
		    size_t size)
{
	const unsigned char *b = (const unsigned char *)&a->v4;
	char *p = buf;

	if (family != AF_INET || size < INET_ADDRSTRLEN) {
		inet_ntop(family, a, buf, (socklen_t)size);
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

static void prefix_text(const struct net_route *r, char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	ip_text(r->family, &r->dst, a, sizeof(a));
	snprintf(buf, size, "%s/%u", a, r->plen);
}

/* ---- reading a VRF's table ------------------------------------------------- */

struct table {
	const char *vrf;
	int family;
	struct net_routes routes;	/* main, then the local routes */
	const struct net_route **order;	/* sorted by prefix */
	struct net_links links;
};

static int addr_cmp(int family, const union net_ip *x, const union net_ip *y)
{
	return memcmp(x, y, family == AF_INET ? 4 : 16);
}

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
		return is_local(x) ? 1 : -1;
	return x->metric < y->metric ? -1 : x->metric > y->metric;
}

/* Main-table routes plus the local routes of the local table. */
static int table_read(struct cli_session *s, const char *vrf, int family,
		      struct table *t)
{
	struct net_routes local = { 0 };
	struct net_err err = { 0 };
	size_t n;

	memset(t, 0, sizeof(*t));
	t->vrf = vrf;
	t->family = family;
	if (net_route_dump(vrf, family, NET_TABLE_MAIN, &t->routes, &err) ||
	    net_route_dump(vrf, family, NET_TABLE_LOCAL, &local, &err) ||
	    net_link_dump(vrf, &t->links, &err)) {
		net_routes_free(&local);
		return cmd_fail(s, &err, "read the routes of VRF %s",
				vrf_label(vrf));
	}
	n = t->routes.n;
	t->routes.v = realloc(t->routes.v,
			      (n + local.n + 1) * sizeof(*t->routes.v));
	if (!t->routes.v)
		abort();
	for (size_t i = 0; i < local.n; i++)
		if (is_local(&local.v[i]))
			t->routes.v[n++] = local.v[i];
	t->routes.n = n;
	net_routes_free(&local);
	t->order = malloc((t->routes.n + 1) * sizeof(*t->order));
	if (!t->order)
		abort();
	for (size_t i = 0; i < t->routes.n; i++)
		t->order[i] = &t->routes.v[i];
	qsort(t->order, t->routes.n, sizeof(*t->order), route_cmp);
	return 0;
}

static void table_free(struct table *t)
{
	free(t->order);
	net_routes_free(&t->routes);
	net_links_free(&t->links);
}

static const char *ifname_of(const struct table *t, int ifindex)
{
	for (size_t i = 0; i < t->links.n; i++)
		if (t->links.v[i].ifindex == ifindex)
			return t->links.v[i].name;
	return NULL;
}

/* ---- which routes a show covers ------------------------------------------ */

struct selection {
	const char *proto;	/* connected, static, kernel, local or NULL */
	bool has_addr;		/* longest match for addr */
	bool has_prefix;	/* exactly prefix */
	union net_ip addr;
	int plen;
};

static bool contains(const struct net_route *r, const union net_ip *a)
{
	const unsigned char *p = (const void *)&r->dst, *q = (const void *)a;
	int bits = r->plen;

	for (int i = 0; bits > 0; i++, bits -= 8) {
		unsigned char mask = bits >= 8 ? 0xff
					       : (unsigned char)(0xff << (8 - bits));

		if ((p[i] ^ q[i]) & mask)
			return false;
	}
	return true;
}

static bool selected(const struct selection *sel, const struct net_route *r,
		     int longest)
{
	char code, buf[16];

	if (sel->proto && strcmp(sel->proto, proto_name(r, &code, buf,
							 sizeof(buf))))
		return false;
	if (sel->has_prefix)
		return r->plen == sel->plen && !addr_cmp(r->family, &r->dst,
							 &sel->addr);
	if (sel->has_addr)
		return r->plen == longest && contains(r, &sel->addr);
	return true;
}

/* The longest prefix length that covers the address, or -1. */
static int longest_match(const struct table *t, const struct selection *sel)
{
	int best = -1;

	if (!sel->has_addr)
		return -1;
	for (size_t i = 0; i < t->routes.n; i++) {
		const struct net_route *r = t->order[i];

		if (r->type != NET_RT_BROADCAST && r->plen > best &&
		    contains(r, &sel->addr))
			best = r->plen;
	}
	return best;
}

/* Is any route selected?  (A prefix that is not there prints no legend
 * before its error.) */
static bool any_selected(const struct table *t, const struct selection *sel)
{
	for (size_t i = 0; i < t->routes.n; i++)
		if (selected(sel, t->order[i], -1))
			return true;
	return false;
}

static int parse_selection(struct cli_session *s, const struct cli_args *a,
			   int family, struct selection *sel)
{
	static const char *const names[] = { "connected", "static", "kernel",
					     "local" };
	const char *addr = cli_arg(a, "addr"), *prefix = cli_arg(a, "prefix");
	char text[INET6_ADDRSTRLEN + 8];

	memset(sel, 0, sizeof(*sel));
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (cli_has(a, names[i]))
			sel->proto = names[i];
	if (addr) {
		sel->has_addr = true;
		return inet_pton(family, addr, &sel->addr) == 1 ? 0 : -1;
	}
	if (prefix) {
		char *slash;

		snprintf(text, sizeof(text), "%s", prefix);
		slash = strchr(text, '/');
		*slash = '\0';
		sel->has_prefix = true;
		sel->plen = atoi(slash + 1);
		if (inet_pton(family, text, &sel->addr) != 1)
			return -1;
	}
	(void)s;
	return 0;
}

/* ---- rendering --------------------------------------------------------------- */

static void route_json(struct json *j, const struct table *t,
		       const struct net_route *r)
{
	char text[INET6_ADDRSTRLEN + 8], code, buf[16];

	json_obj(j, NULL);
	prefix_text(r, text, sizeof(text));
	json_str(j, "prefix", text);
	json_str(j, "protocol", proto_name(r, &code, buf, sizeof(buf)));
	json_u64(j, "distance", is_local(r) || is_connected(r) ? 0 : r->metric);
	json_int(j, "metric", 0);
	json_arr(j, "nexthops");
	for (int i = 0; i < r->nnh; i++) {
		json_obj(j, NULL);
		if (r->nh[i].has_gw) {
			ip_text(r->family, &r->nh[i].gw, text, sizeof(text));
			json_str(j, "gateway", text);
		} else {
			json_null(j, "gateway");
		}
		json_str(j, "interface", ifname_of(t, r->nh[i].ifindex));
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

static void nexthop_text(struct cli_out *o, const struct table *t,
			 const struct net_route *r, int i)
{
	const char *dev = ifname_of(t, r->nh[i].ifindex);
	char gw[INET6_ADDRSTRLEN];

	if (r->nh[i].has_gw) {
		ip_text(r->family, &r->nh[i].gw, gw, sizeof(gw));
		cli_printf(o, "[%u/0] via %s%s%s\n", r->metric, gw,
			   dev ? ", " : "", dev ? dev : "");
	} else if (r->type != NET_RT_UNICAST && r->type != NET_RT_LOCAL) {
		cli_printf(o, "[%u/0] via Null0 (%s)\n", r->metric,
			   r->type == NET_RT_BLACKHOLE ? "blackhole"
						    : "unreachable");
	} else {
		cli_printf(o, "is directly connected, %s\n",
			   dev ? dev : "?");
	}
}

static void route_text(struct cli_out *o, const struct table *t,
		       const struct net_route *r)
{
	char text[INET6_ADDRSTRLEN + 8], code, buf[16];
	bool dflt = r->plen == 0;

	proto_name(r, &code, buf, sizeof(buf));
	prefix_text(r, text, sizeof(text));
	cli_printf(o, "%c%c       %s ", code, dflt ? '*' : ' ', text);
	if (r->nnh == 0) {
		cli_printf(o, "[%u/0] via Null0 (%s)\n", r->metric,
			   r->type == NET_RT_BLACKHOLE ? "blackhole"
						    : "unreachable");
		return;
	}
	for (int i = 0; i < r->nnh; i++) {
		if (i)
			cli_printf(o, "%*s", (int)strlen(text) + 10, "");
		nexthop_text(o, t, r, i);
	}
}

static void detail_text(struct cli_out *o, const struct table *t,
			const struct net_route *r)
{
	char text[INET6_ADDRSTRLEN + 8], code, buf[16];
	const char *proto = proto_name(r, &code, buf, sizeof(buf));

	prefix_text(r, text, sizeof(text));
	cli_printf(o, "Routing entry for %s\n", text);
	cli_printf(o, "  Known via \"%s\", distance %u, metric 0\n", proto,
		   is_local(r) || is_connected(r) ? 0 : r->metric);
	cli_printf(o, "  Routing Descriptor Blocks:\n");
	for (int i = 0; i < r->nnh; i++) {
		const char *dev = ifname_of(t, r->nh[i].ifindex);

		if (r->nh[i].has_gw) {
			ip_text(r->family, &r->nh[i].gw, text, sizeof(text));
			cli_printf(o, "  * %s, via %s\n", text, dev ? dev : "?");
		} else {
			cli_printf(o, "  * directly connected, via %s\n",
				   dev ? dev : "?");
		}
	}
}

static void header_text(struct cli_out *o, const struct table *t)
{
	const struct net_route *dflt = NULL;

	if (*t->vrf)
		cli_printf(o, "Routing Table: %s\n", t->vrf);
	cli_printf(o, "Codes: L - local, C - connected, S - static, "
		      "K - kernel, O - OSPF, B - BGP,\n"
		      "       R - RIP, D - EIGRP, i - IS-IS, "
		      "* - candidate default\n\n");
	if (t->family != AF_INET)
		return;
	for (size_t i = 0; i < t->routes.n && !dflt; i++)
		if (t->order[i]->plen == 0 && !is_local(t->order[i]))
			dflt = t->order[i];
	if (dflt && dflt->nnh && dflt->nh[0].has_gw) {
		char gw[INET6_ADDRSTRLEN];

		ip_text(AF_INET, &dflt->nh[0].gw, gw, sizeof(gw));
		cli_printf(o, "Gateway of last resort is %s to network "
			      "0.0.0.0\n\n", gw);
	} else {
		cli_printf(o, "Gateway of last resort is not set\n\n");
	}
}

static int show_routes(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o, int family)
{
	struct selection sel;
	struct net_names set;
	bool json = cli_has(a, "json"), all = cli_has(a, "all");
	bool found = false;
	struct json j;
	int rc = 0;

	if (parse_selection(s, a, family, &sel) || cmd_vrf_set(s, a, &set))
		return -1;
	if (json) {
		json_init(&j, o);
		if (all) {
			json_obj(&j, NULL);
			json_arr(&j, "vrfs");
		}
	}
	for (size_t k = 0; k < set.n && !rc && !cli_out_aborted(o); k++) {
		struct table t;
		int longest;

		if (table_read(s, set.v[k], family, &t)) {
			rc = -1;
			break;
		}
		longest = longest_match(&t, &sel);
		if (json) {
			json_obj(&j, NULL);
			json_str(&j, "vrf", vrf_label(set.v[k]));
			json_arr(&j, "routes");
		} else if (!sel.has_addr &&
			   !(sel.has_prefix && !any_selected(&t, &sel))) {
			if (k)
				cli_printf(o, "\n");
			header_text(o, &t);
		}
		for (size_t i = 0; i < t.routes.n; i++) {
			const struct net_route *r = t.order[i];

			if (!selected(&sel, r, longest))
				continue;
			found = true;
			if (json)
				route_json(&j, &t, r);
			else if (sel.has_addr)
				detail_text(o, &t, r);
			else
				route_text(o, &t, r);
		}
		if (json) {
			json_arr_end(&j);
			json_obj_end(&j);
		}
		table_free(&t);
	}
	if (json && all) {
		json_arr_end(&j);
		json_obj_end(&j);
	}
	if (json && !rc)
		json_done(&j);
	net_names_free(&set);
	if (!rc && !found && !json && (sel.has_addr || sel.has_prefix)) {
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

static int do_show_ipv6_route(struct cli_session *s,
			      const struct cli_args *a, struct cli_out *o)
{
	return show_routes(s, a, o, AF_INET6);
}

/* ---- static routes ------------------------------------------------------------ */

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
			cli_error(s, "Inconsistent address and mask");
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

static void describe(const struct net_route *r, const struct cli_args *a,
		     char *buf, size_t size)
{
	char p[INET6_ADDRSTRLEN + 8];
	const char *gw = cli_arg(a, "gw"), *dev = cli_arg(a, "dev");

	prefix_text(r, p, sizeof(p));
	snprintf(buf, size, "%s%s%s%s%s", p, gw ? " via " : "", gw ? gw : "",
		 dev ? (gw ? ", " : " via ") : "", dev ? dev : "");
}

/*
 * Batch input queues route additions and sends them together.  Each
 * queued addition keeps what its error needs; the outcome comes back in
 * order.  When one fails and the batch stops there, additions from later
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

/* The route as an error names it: "PREFIX via GW, DEV in VRF V". */
static void queued_what(const struct queued *q, char *buf, size_t size)
{
	char p[INET6_ADDRSTRLEN + 8], gw[INET6_ADDRSTRLEN] = "", v[96];
	const struct net_nexthop *nh = &q->r.nh[0];

	prefix_text(&q->r, p, sizeof(p));
	if (nh->has_gw)
		ip_text(q->r.family, &nh->gw, gw, sizeof(gw));
	snprintf(buf, size, "%s via %s%s%s%s", p, gw, *gw && *q->dev ? ", " : "",
		 q->dev, in_vrf(q->vrf, v, sizeof(v)));
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
			cli_error(s, "Cannot add route %s: a route to this "
				     "prefix with distance %u exists",
				  what, q->r.metric);
		else
			cmd_fail(s, err, "add route %s", what);
		s->origin = origin;
		queue.failed++;
	}
	free(q);
}

int cmd_route_sync(struct cli_session *s)
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
	struct net_err err = { 0 };
	char what[256], buf[96];

	if (cmd_vrf_exists(s, vrf) || parse_dst(s, a, family, &r) ||
	    parse_nexthop(s, a, vrf, &r))
		return -1;
	r.protocol = cli_has(a, "boot") ? NET_PROTO_BOOT : NET_PROTO_STATIC;
	r.table = NET_TABLE_MAIN;
	r.type = NET_RT_UNICAST;
	r.metric = (uint32_t)cli_arg_long(a, "distance", CMD_DEFAULT_DISTANCE);
	if (s->defer)
		return add_deferred(s, a, vrf, &r);
	describe(&r, a, what, sizeof(what));
	if (net_route_add(vrf, &r, &err) == 0)
		return 0;
	if (err.code == EEXIST) {
		cli_error(s, "Cannot add route %s%s: a route to this prefix "
			     "with distance %u exists",
			  what, in_vrf(vrf, buf, sizeof(buf)), r.metric);
		return -1;
	}
	return cmd_fail(s, &err, "add route %s%s", what,
			in_vrf(vrf, buf, sizeof(buf)));
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
	bool metric = cli_has(a, "distance");
	int found = 0, rc = 0;
	char what[256], buf[96];

	if (cmd_vrf_exists(s, vrf) || parse_dst(s, a, family, &want) ||
	    parse_nexthop(s, a, vrf, &want))
		return -1;
	want.metric = (uint32_t)cli_arg_long(a, "distance", 0);
	describe(&want, a, what, sizeof(what));
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
			rc = cmd_fail(s, &err, "remove route %s%s", what,
				      in_vrf(vrf, buf, sizeof(buf)));
	}
	net_routes_free(&have);
	if (!found && !rc) {
		cli_error(s, "No matching route to delete: %s%s", what,
			  in_vrf(vrf, buf, sizeof(buf)));
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

/* ---- neighbours ------------------------------------------------------------------ */

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
	struct table t = { .vrf = vrf };
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
	t.links = links;
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
		const char *dev = ifname_of(&t, n->ifindex);

		ip_text(n->family, &n->addr, addr, sizeof(addr));
		if (n->has_lladdr)
			snprintf(mac, sizeof(mac),
				 "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1],
				 m[2], m[3], m[4], m[5]);
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
#define ROUTE_SEL(a, p) \
	"[vrf {NAME$vrf|all}] [" a "$addr|" p "$prefix|connected|static|" \
	"kernel|local] [json]"
#define H_ROUTE_SEL \
	"In a VRF\nVRF name\nEvery VRF\nThe route used for this address\n" \
	"Exactly this prefix\nConnected routes\nStatic routes\n" \
	"Routes added by the kernel or other tools\n" \
	"Local addresses\nJSON output"

const struct cli_cmd route_cmds[] = {
	{ "ip route [vrf NAME$vrf] " V4_DST " " V4_NH " [" DIST "] " PROTO,
	  H_IP "Establish a static route\n" H_VRF H_V4_DST H_V4_NH H_DIST
	  H_PROTO,
	  CLI_CONFIG | CLI_CONFIG_VRF, PRIV_ADMIN, CLI_F_DEFER, do_ip_route },
	{ "no ip route [vrf NAME$vrf] " V4_DST " [" V4_NH " [" DIST "]]",
	  H_NO H_IP "Remove static routes\n" H_VRF H_V4_DST H_V4_NH H_DIST,
	  CLI_CONFIG | CLI_CONFIG_VRF, PRIV_ADMIN, 0, do_no_ip_route },
	{ "ipv6 route [vrf NAME$vrf] X:X::X:X/M$prefix " V6_NH " [" DIST "] "
	  PROTO,
	  H_IPV6 "Establish a static route\n" H_VRF "Destination prefix\n"
	  "Next hop address\nOutgoing interface\nNext hop address\n" H_DIST
	  H_PROTO,
	  CLI_CONFIG | CLI_CONFIG_VRF, PRIV_ADMIN, CLI_F_DEFER, do_ipv6_route },
	{ "no ipv6 route [vrf NAME$vrf] X:X::X:X/M$prefix [" V6_NH " ["
	  DIST "]]",
	  H_NO H_IPV6 "Remove static routes\n" H_VRF "Destination prefix\n"
	  "Next hop address\nOutgoing interface\nNext hop address\n" H_DIST,
	  CLI_CONFIG | CLI_CONFIG_VRF, PRIV_ADMIN, 0, do_no_ipv6_route },
	{ "show ip route " ROUTE_SEL("A.B.C.D", "A.B.C.D/M"),
	  H_SHOW H_IP "The IPv4 routing table\n" H_ROUTE_SEL,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ip_route },
	{ "show ipv6 route " ROUTE_SEL("X:X::X:X", "X:X::X:X/M"),
	  H_SHOW H_IPV6 "The IPv6 routing table\n" H_ROUTE_SEL,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ipv6_route },
	{ "show ip arp [vrf NAME$vrf] [json]",
	  H_SHOW H_IP "The ARP table\n" H_VRF "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_arp },
	{ "show ipv6 neighbors [vrf NAME$vrf] [json]",
	  H_SHOW H_IPV6 "The neighbour discovery table\n" H_VRF "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_nd },
	{ NULL, NULL, 0, 0, 0, NULL },
};
