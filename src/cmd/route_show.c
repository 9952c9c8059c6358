/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * route_show.c - show ip route and show ipv6 route: a VRF's main table
 * with its local routes, in the Cisco layout with the codes legend, or
 * as JSON; an address shows the entry the kernel would use.
 *
 * The kernel has no administrative distance: a static route's DISTANCE
 * is its kernel metric (see route.c), shown as [metric/0].
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/route.h"
#include "render/json.h"
#include "render/text.h"

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

static void ip_text(int family, const union net_ip *a, char *buf,
		    size_t size)
{
	text_ip(family, a, buf, size);
}

static void prefix_text(const struct net_route *r, char *buf, size_t size)
{
	text_prefix(r->family, &r->dst, r->plen, buf, size);
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

static void table_free(struct table *t);

/* Main-table routes plus the local routes of the local table.  Returns
 * 0, or -1 after reporting why not; with 'all', 1 for a VRF that has
 * vanished. */
static int table_read(struct cli_session *s, const char *vrf, int family,
		      bool all, struct table *t)
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
		table_free(t);
		/* one VRF of 'vrf all' that cannot be read is reported and
		 * left out; one that vanished is not there */
		if (all)
			return cmd_vrf_unreadable(s, vrf, &err) ? -1 : 1;
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

/* longest: the entry an address uses (sel->has_addr), or NULL */
static bool selected(const struct selection *sel, const struct net_route *r,
		     const struct net_route *longest)
{
	char code, buf[16];

	if (sel->proto && strcmp(sel->proto, proto_name(r, &code, buf,
							 sizeof(buf))))
		return false;
	if (sel->has_prefix)
		return r->plen == sel->plen && !addr_cmp(r->family, &r->dst,
							 &sel->addr);
	if (sel->has_addr)
		return longest && r->plen == longest->plen &&
		       !addr_cmp(r->family, &r->dst, &longest->dst);
	return true;
}

/* The entry the kernel uses for the address (the backend knows the
 * blackhole and unreachable ones too); false when nothing covers it. */
static bool longest_match(const struct table *t, const struct selection *sel,
			  struct net_route *out)
{
	struct net_err err = { 0 };

	return sel->has_addr &&
	       net_route_match(t->vrf, t->family, &sel->addr, out, &err) == 0;
}

/* Is any route selected?  (A prefix that is not there prints no legend
 * before its error.) */
static bool any_selected(const struct table *t, const struct selection *sel)
{
	for (size_t i = 0; i < t->routes.n; i++)
		if (selected(sel, t->order[i], NULL))
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
	for (size_t k = 0; k < set.n && !cli_out_aborted(o); k++) {
		struct table t;
		struct net_route match;
		const struct net_route *longest;
		int got = table_read(s, set.v[k], family, all, &t);

		if (got) {
			if (got < 0)
				rc = -1;
			if (!all)
				break;
			continue;
		}
		longest = longest_match(&t, &sel, &match) ? &match : NULL;
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
	if (json && (all || !rc))
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

#define H_SHOW "Show running system information\n"
#define H_IP "Internet Protocol (IPv4)\n"
#define H_IPV6 "Internet Protocol version 6\n"
#define ROUTE_SEL(a, p) \
	"[vrf {NAME$vrf|all}] [" a "$addr|" p "$prefix|connected|static|" \
	"kernel|local] [json]"
#define H_ROUTE_SEL \
	"In a VRF\nVRF name\nEvery VRF\nThe route used for this address\n" \
	"Exactly this prefix\nConnected routes\nStatic routes\n" \
	"Routes added by the kernel or other tools\n" \
	"Local addresses\nJSON output"

static const struct cli_cmd rib_cmds[] = {
	{ "show ip route " ROUTE_SEL("A.B.C.D", "A.B.C.D/M"),
	  H_SHOW H_IP "The IPv4 routing table\n" H_ROUTE_SEL,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ip_route },
	{ "show ipv6 route " ROUTE_SEL("X:X::X:X", "X:X::X:X/M"),
	  H_SHOW H_IPV6 "The IPv6 routing table\n" H_ROUTE_SEL,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ipv6_route },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area rib_area = {
	.name = "rib",
	.cmds = rib_cmds,
};
