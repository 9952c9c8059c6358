/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * route.c - static routes: ip route, ipv6 route and their no forms, the
 * reconciliation that keeps them installed whenever their next hop is
 * usable, and their lines of the running configuration.
 *
 * Static routes are configuration (intent) kept by the backend
 * (net/static.h) beside the kernel: a route whose next hop is unusable
 * now stays configured and is installed when it comes back.  The kernel
 * has no administrative distance: DISTANCE is the kernel route's metric
 * (its priority; lower wins), 1 when not given.  Several next hops of
 * one prefix and distance are one multipath route (ECMP).
 *
 * Every change goes one way: queued with the backend and sent when the
 * area is flushed (after an interactive command, before the next command
 * that is not queued, at the end of batch input), each outcome matched
 * to its line.  A batch that stops at its first error keeps nothing of
 * the lines after it.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd/cmds.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "net/route.h"
#include "net/state.h"
#include "net/static.h"
#include "render/text.h"

/* A static route's distance (its kernel metric) when none is given. */
#define DEFAULT_DISTANCE 1

static int addr_cmp(int family, const union net_ip *x, const union net_ip *y)
{
	return memcmp(x, y, family == AF_INET ? 4 : 16);
}

/* Bounded copy of a string known to be short. */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = src ? strnlen(src, size - 1) : 0;

	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* ---- parsing --------------------------------------------------------- */

/* Fills the destination from PREFIX or NET MASK; host bits are refused. */
static int parse_dst(struct cli_session *s, const struct cli_args *a,
		     int family, struct net_static *st)
{
	const char *prefix = cli_arg(a, "prefix");
	unsigned char b[16];
	int plen;
	bool ok;

	if (family == AF_INET)
		ok = prefix ? cli_parse_ipv4_prefix(prefix, b, &plen) :
			      cli_parse_ipv4(cli_arg(a, "net"), b) &&
				      cli_parse_mask(cli_arg(a, "mask"), &plen);
	else
		ok = cli_parse_ipv6_prefix(prefix, b, &plen);
	if (!ok)
		return -1;
	memcpy(&st->dst, b, family == AF_INET ? 4 : 16);
	st->plen = (unsigned char)plen;
	st->family = family;
	/* every bit past the prefix must be zero */
	for (int bit = plen; bit < (family == AF_INET ? 32 : 128); bit++) {
		if (b[bit / 8] & (0x80 >> (bit % 8))) {
			cli_error(s, "Error: Inconsistent address and mask");
			return -1;
		}
	}
	return 0;
}

/* IOS takes interface types in any case: "null0" is Null0. */
static bool is_null0(const char *dev)
{
	return dev && !strcasecmp(dev, "null0");
}

/* The next hop as typed: a gateway, an interface, both, or Null0 (with
 * unreachable or prohibit: those kernel route types).  Null0 is typed
 * where an interface is, in any case.  An interface must exist when a
 * route is added (check_dev), not when one is removed. */
static int parse_nexthop(struct cli_session *s, const struct cli_args *a,
			 const char *vrf, bool check_dev, struct net_static *st)
{
	const char *gw = cli_arg(a, "gw"), *dev = cli_arg(a, "dev");
	bool unreach = cli_has(a, "unreachable"),
	     prohibit = cli_has(a, "prohibit");
	struct net_link l;

	if (is_null0(dev)) {
		if (gw) {
			cli_error(s, "Error: Null0 takes no next hop address");
			return -1;
		}
		st->kind = unreach  ? NET_STATIC_UNREACHABLE :
			   prohibit ? NET_STATIC_PROHIBIT :
				      NET_STATIC_NULL0;
		return 0;
	}
	if (unreach || prohibit) {
		cli_error(s, "Error: %s goes with Null0 only",
			  unreach ? "unreachable" : "prohibit");
		return -1;
	}
	st->kind = gw && dev ? NET_STATIC_GW_DEV :
		   gw	     ? NET_STATIC_GW :
			       NET_STATIC_DEV;
	if (gw && inet_pton(st->family, gw, &st->gw) != 1)
		return -1;
	if (dev) {
		if (check_dev && cmd_link(s, vrf, dev, &l))
			return -1;
		copy(st->ifname, sizeof(st->ifname), dev);
	}
	return 0;
}

static bool has_nexthop(const struct cli_args *a)
{
	return cli_has(a, "gw") || cli_has(a, "dev");
}

/* A route as messages name it: "PREFIX via GW, DEV in VRF V", "PREFIX
 * via Null0 (unreachable)", or the prefix alone (nh false). */
static void route_what(const char *vrf, const struct net_static *st, bool nh,
		       char *buf, size_t size)
{
	char p[TEXT_PREFIX_MAX], gw[TEXT_IP_MAX] = "", v[96], via[96] = "";
	bool has_gw = st->kind == NET_STATIC_GW ||
		      st->kind == NET_STATIC_GW_DEV;
	bool has_dev = st->kind == NET_STATIC_DEV ||
		       st->kind == NET_STATIC_GW_DEV;

	text_prefix(st->family, &st->dst, st->plen, p, sizeof(p));
	if (has_gw)
		text_ip(st->family, &st->gw, gw, sizeof(gw));
	if (!nh)
		;
	else if (st->kind == NET_STATIC_NULL0)
		snprintf(via, sizeof(via), " via Null0");
	else if (st->kind == NET_STATIC_UNREACHABLE)
		snprintf(via, sizeof(via), " via Null0 (unreachable)");
	else if (st->kind == NET_STATIC_PROHIBIT)
		snprintf(via, sizeof(via), " via Null0 (prohibit)");
	else
		snprintf(via, sizeof(via), " via %s%s%s", gw,
			 has_gw && has_dev ? ", " : "",
			 has_dev ? st->ifname : "");
	snprintf(buf, size, "%s%s%s", p, via, in_vrf(vrf, v, sizeof(v)));
}

/* ---- changes, queued ---------------------------------------------------- */

/*
 * Each change waiting for the flush keeps what its message needs; the
 * backend calls back with its index.  New next hops that were not
 * usable when typed are looked at again just before the flush (a later
 * line may have made them usable) and get a notice if they still are
 * not.  A route entered again as it is configured changes nothing and
 * says nothing.
 */
struct pending {
	struct cli_session *s;
	char *origin; /* NULL: interactive */
	char vrf[NET_VRF_NAME_MAX + 1];
	struct net_static st;
	bool del, nh;
	bool failed;
	bool inactive; /* add: a candidate for the notice */
	bool checked;
};

static struct {
	struct pending *v;
	size_t n, cap;
	int failed; /* reported since the last flush */
	bool any_inactive;
	bool reconciled; /* once per process, at the start */
} P;

static struct pending *pending_new(struct cli_session *s, const char *vrf,
				   const struct net_static *st)
{
	struct pending *p;

	if (P.n == P.cap) {
		P.cap = P.cap ? P.cap * 2 : 64;
		P.v = realloc(P.v, P.cap * sizeof(*P.v));
		if (!P.v)
			abort();
	}
	p = &P.v[P.n++];
	memset(p, 0, sizeof(*p));
	p->s = s;
	p->st = *st;
	copy(p->vrf, sizeof(p->vrf), vrf);
	if (s->origin && !(p->origin = strdup(s->origin)))
		abort();
	return p;
}

static void pending_drop_last(void)
{
	free(P.v[--P.n].origin);
}

static void pending_clear(void)
{
	for (size_t i = 0; i < P.n; i++)
		free(P.v[i].origin);
	P.n = 0;
	P.any_inactive = false;
}

/* Reports a change's failure as coming from its own line. */
static void report(struct pending *p, const struct net_err *err)
{
	struct cli_session *s = p->s;
	const char *origin = s->origin;
	char what[384];

	route_what(p->vrf, &p->st, p->nh || !p->del, what, sizeof(what));
	s->origin = p->origin;
	if (p->del && err->code == ESRCH)
		cli_error(s, "Error: No matching route to delete: %s", what);
	else if (!p->del && err->code == EEXIST)
		cli_error(s,
			  "Error: Cannot add route %s: a route to this "
			  "prefix with distance %u exists",
			  what, p->st.distance);
	else
		cmd_fail(s, err, "%s route %s", p->del ? "remove" : "add",
			 what);
	s->origin = origin;
}

static void pending_done(void *ctx, const struct net_err *err)
{
	struct pending *p = &P.v[(uintptr_t)ctx];

	if (!err->code)
		return;
	p->failed = true;
	if (err->code == ECANCELED) /* after a failure: not applied */
		return;
	report(p, err);
	P.failed++;
}

static int static_key_cmp(const struct net_static *x,
			  const struct net_static *y)
{
	int c;

	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	c = addr_cmp(x->family, &x->dst, &y->dst);
	if (c)
		return c;
	if (x->plen != y->plen)
		return x->plen < y->plen ? -1 : 1;
	return (x->distance > y->distance) - (x->distance < y->distance);
}

/* Is the configured next hop st still unusable?  (l: its VRF's list,
 * sorted by prefix and distance.) */
static bool still_inactive(const struct net_static_list *l,
			   const struct net_static *st)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (static_key_cmp(&l->v[mid].s, st) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < l->n && !static_key_cmp(&l->v[lo].s, st); lo++) {
		const struct net_static *e = &l->v[lo].s;

		if (e->kind == st->kind &&
		    !addr_cmp(e->family, &e->gw, &st->gw) &&
		    !strcmp(e->ifname, st->ifname))
			return l->v[lo].state == NET_STATIC_INACTIVE;
	}
	return false; /* gone (removed by a later line) */
}

/* The additions still waiting for a usable next hop, as the backend
 * sees them with every queued change: one list per VRF concerned. */
static void check_inactive(void)
{
	for (size_t i = 0; i < P.n; i++) {
		struct net_static_list l;
		struct net_err err = { 0 };
		const char *vrf = P.v[i].vrf;
		bool ok;

		if (!P.v[i].inactive || P.v[i].checked)
			continue;
		ok = net_static_list(vrf, NET_STATIC_LIST_STATE, &l, &err) == 0;
		for (size_t k = i; k < P.n; k++) {
			struct pending *p = &P.v[k];

			if (!p->inactive || p->checked || strcmp(p->vrf, vrf))
				continue;
			p->checked = true;
			if (ok)
				p->inactive = still_inactive(&l, &p->st);
		}
		if (ok)
			net_static_list_free(&l);
	}
}

static void notice_inactive(void)
{
	for (size_t i = 0; i < P.n; i++) {
		struct pending *p = &P.v[i];
		char what[384];

		if (!p->inactive || p->failed)
			continue;
		route_what(p->vrf, &p->st, true, what, sizeof(what));
		cli_notice(p->s,
			   "Route %s is configured; not installed: its "
			   "next hop is unusable now%s%s%s",
			   what, p->origin ? " (" : "",
			   p->origin ? p->origin : "", p->origin ? ")" : "");
	}
}

/* The area's flush hook: sends what is queued, reconciles what was
 * touched. */
static int route_flush(struct cli_session *s)
{
	struct net_err err = { 0 };
	int failed;

	if (P.any_inactive)
		check_inactive();
	if (net_static_flush(!s->keep_going, &err) < 0) {
		cmd_fail(s, &err, "apply the static routes");
		P.failed++;
	}
	notice_inactive();
	pending_clear();
	failed = P.failed;
	P.failed = 0;
	return failed;
}

static int add_route(struct cli_session *s, const struct cli_args *a,
		     int family)
{
	const char *vrf = cmd_vrf(s, a);
	enum net_static_state state = NET_STATIC_INSTALLED;
	struct net_static st;
	struct net_err err = { 0 };
	struct pending *p;
	size_t idx;
	int ret;

	memset(&st, 0, sizeof(st));
	if (cmd_vrf_exists(s, vrf) || parse_dst(s, a, family, &st) ||
	    parse_nexthop(s, a, vrf, true, &st))
		return -1;
	st.protocol = cli_has(a, "boot") ? NET_PROTO_BOOT : NET_PROTO_STATIC;
	st.distance = (uint32_t)cli_arg_long(a, "distance", DEFAULT_DISTANCE);
	p = pending_new(s, vrf, &st);
	idx = P.n - 1;
	ret = net_static_add(vrf, &st, &state, pending_done,
			     (void *)(uintptr_t)idx, &err);
	p = &P.v[idx];
	if (ret < 0) {
		report(p, &err);
		pending_drop_last();
		return -1;
	}
	if (ret == 1) {
		pending_drop_last(); /* configured so already: no word */
		return 0;
	}
	p->inactive = state == NET_STATIC_INACTIVE;
	P.any_inactive |= p->inactive;
	return 0;
}

static int del_route(struct cli_session *s, const struct cli_args *a,
		     int family)
{
	const char *vrf = cmd_vrf(s, a);
	unsigned flags = 0;
	struct net_static st;
	struct net_err err = { 0 };
	struct pending *p;
	size_t idx;
	int ret;

	memset(&st, 0, sizeof(st));
	if (cmd_vrf_exists(s, vrf) || parse_dst(s, a, family, &st))
		return -1;
	if (has_nexthop(a)) {
		if (parse_nexthop(s, a, vrf, false, &st))
			return -1;
		flags |= NET_STATIC_MATCH_NH;
	}
	if (cli_has(a, "distance")) {
		st.distance = (uint32_t)cli_arg_long(a, "distance", 0);
		flags |= NET_STATIC_MATCH_DISTANCE;
	}
	st.protocol = NET_PROTO_STATIC;
	p = pending_new(s, vrf, &st);
	p->del = true;
	p->nh = flags & NET_STATIC_MATCH_NH;
	idx = P.n - 1;
	ret = net_static_del(vrf, &st, flags, pending_done,
			     (void *)(uintptr_t)idx, &err);
	if (ret < 0) {
		report(&P.v[idx], &err);
		pending_drop_last();
		return -1;
	}
	return 0;
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

/* ---- reconciliation ------------------------------------------------------ */

static void reconcile_report(struct cli_session *s,
			     const struct net_static_report *r)
{
	if (r->failed)
		cli_warn(s,
			 "%u static route change%s refused by the kernel "
			 "while reconciling (VRF %s: %s)",
			 r->failed, r->failed == 1 ? " was" : "s were",
			 vrf_label(r->first_vrf), r->first.msg);
}

/*
 * At the start, a VRF is reconciled when its links or addresses changed
 * since it last was (by another tool: a link set down and up again, a
 * carrier lost, an address removed), which a digest of them kept beside
 * its record ("static-seen") tells at the cost of reading its links and
 * addresses: a large table is not read again at every start.  Routes
 * changed by another tool while the links stayed are vrfsh --watch's.
 */
#define SEEN_RECORD "static-seen"

static void mix(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++) {
		*h ^= b[i];
		*h *= 1099511628211ULL; /* FNV-1a */
	}
}

/* The links (name, state, carrier and how often it changed) and the
 * addresses of vrf; false when they cannot be read. */
static bool links_digest(const char *vrf, uint64_t *out)
{
	struct net_links ls = { NULL, 0 };
	struct net_addrs as = { NULL, 0 };
	struct net_err err = { 0 };
	uint64_t h = 14695981039346656037ULL;

	if (net_link_dump(vrf, &ls, &err) < 0)
		return false;
	if (net_addr_dump(vrf, AF_UNSPEC, &as, &err) < 0) {
		net_links_free(&ls);
		return false;
	}
	for (size_t i = 0; i < ls.n; i++) {
		const struct net_link *l = &ls.v[i];
		unsigned char st =
			(unsigned char)(l->admin_up | l->carrier << 1);

		mix(&h, &l->ifindex, sizeof(l->ifindex));
		mix(&h, l->name, strnlen(l->name, sizeof(l->name)) + 1);
		mix(&h, &st, 1);
		mix(&h, &l->carrier_changes, sizeof(l->carrier_changes));
	}
	for (size_t i = 0; i < as.n; i++) {
		const struct net_addr *x = &as.v[i];

		mix(&h, &x->ifindex, sizeof(x->ifindex));
		mix(&h, &x->family, sizeof(x->family));
		mix(&h, &x->plen, 1);
		mix(&h, &x->a, x->family == AF_INET ? 4 : 16);
	}
	net_links_free(&ls);
	net_addrs_free(&as);
	*out = h;
	return true;
}

static void seen_text(uint64_t d, char *buf, size_t size)
{
	snprintf(buf, size, "links %016llx\n", (unsigned long long)d);
}

static bool seen_same(const char *vrf, uint64_t d)
{
	struct net_err err = { 0 };
	char want[32], *data;
	size_t len;
	bool same;

	if (net_state_read(vrf, SEEN_RECORD, &data, &len, &err) < 0)
		return false;
	seen_text(d, want, sizeof(want));
	same = len == strlen(want) && !memcmp(data, want, len);
	free(data);
	return same;
}

/* Keeps the digests of the VRFs just reconciled (best effort: a digest
 * not kept costs one more reconciliation). */
static void seen_write(const struct net_names *vrfs, const uint64_t *d,
		       const bool *done)
{
	struct net_err err = { 0 };
	char text[32];
	int lock = -1;

	for (size_t i = 0; i < vrfs->n; i++) {
		if (!done[i])
			continue;
		if (lock < 0 &&
		    (lock = net_state_lock(SEEN_RECORD, true, &err)) < 0)
			return;
		seen_text(d[i], text, sizeof(text));
		net_state_write(vrfs->v[i], SEEN_RECORD, text, strlen(text),
				&err);
	}
	if (lock >= 0)
		net_state_unlock(lock);
}

void cmd_routes_begin(struct cli_session *s)
{
	struct net_static_report r = { 0 };
	struct net_names vrfs = { NULL, 0 };
	struct net_err err = { 0 };
	uint64_t *d;
	bool *done;

	/* at the start of the process, and before each command typed at
	 * the console (never in the middle of queued changes) */
	if (s->level < PRIV_ADMIN || P.n || (P.reconciled && !s->interactive))
		return;
	P.reconciled = true;
	if (net_state_list(NET_STATIC_RECORD, &vrfs, &err) < 0) {
		cli_warn(s, "Cannot reconcile the static routes: %s", err.msg);
		return;
	}
	d = calloc(vrfs.n + 1, sizeof(*d));
	done = calloc(vrfs.n + 1, sizeof(*done));
	if (!d || !done)
		abort();
	for (size_t i = 0; i < vrfs.n; i++) {
		bool known = links_digest(vrfs.v[i], &d[i]);

		if (known && seen_same(vrfs.v[i], d[i]))
			continue;
		if (net_static_reconcile(vrfs.v[i], &r, &err) < 0)
			cli_warn(s,
				 "Cannot reconcile the static routes of VRF "
				 "%s: %s",
				 vrf_label(vrfs.v[i]), err.msg);
		else
			done[i] = known;
	}
	reconcile_report(s, &r);
	seen_write(&vrfs, d, done);
	free(d);
	free(done);
	net_names_free(&vrfs);
}

void cmd_routes_touch(struct cli_session *s, const char *vrf)
{
	struct net_err err = { 0 };

	if (net_static_touch(vrf, &err) < 0)
		cli_warn(s, "Cannot reconcile the static routes of VRF %s: %s",
			 vrf_label(vrf), err.msg);
}

/* ---- running-config ------------------------------------------------------ */

/*
 * The lines are the configured routes of the record as typed, and the
 * kernel's static and boot routes that the record does not cover (made
 * by another tool), one line per next hop, in IOS shape:
 *   ip route [vrf NAME] A.B.C.D MASK {GW|IFNAME [GW]|Null0 [unreachable|
 *   prohibit]} [DISTANCE] [protocol boot]
 * and ipv6 route with X:X::X:X/M.  Both are sorted by prefix and
 * distance and merged.
 */

/* One next hop of a kernel route that the record does not cover. */
struct kline {
	union net_ip dst, gw;
	uint32_t metric;
	uint32_t seq; /* the kernel's order */
	int ifindex;
	unsigned char family, plen, protocol;
	enum net_static_kind kind;
};

struct klines {
	struct kline *v;
	size_t n, cap;
	const struct net_static_index *l;
	uint32_t seq;
};

static bool renderable(const struct net_route *r)
{
	if (r->protocol != NET_PROTO_STATIC && r->protocol != NET_PROTO_BOOT)
		return false;
	if (r->type == NET_RT_UNICAST)
		return r->nnh > 0;
	return r->type == NET_RT_BLACKHOLE || r->type == NET_RT_UNREACHABLE ||
	       r->type == NET_RT_PROHIBIT;
}

static void kline_push(struct klines *k, const struct net_route *r,
		       const struct net_nexthop *nh, enum net_static_kind kind)
{
	struct kline *x;

	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 256;
		k->v = realloc(k->v, k->cap * sizeof(*k->v));
		if (!k->v)
			abort();
	}
	x = &k->v[k->n++];
	memset(x, 0, sizeof(*x));
	x->family = (unsigned char)r->family;
	x->dst = r->dst;
	x->plen = r->plen;
	x->metric = r->metric;
	x->protocol = r->protocol;
	x->seq = k->seq++;
	x->kind = kind;
	if (nh) {
		x->ifindex = nh->ifindex;
		x->gw = nh->gw;
	}
}

static int kline_take(void *ctx, const struct net_route *r)
{
	struct klines *k = ctx;

	if (r->table != NET_TABLE_MAIN || !renderable(r) ||
	    net_static_index_covers(k->l, r))
		return 0;
	if (r->type != NET_RT_UNICAST) {
		kline_push(
			k, r, NULL,
			r->type == NET_RT_BLACKHOLE   ? NET_STATIC_NULL0 :
			r->type == NET_RT_UNREACHABLE ? NET_STATIC_UNREACHABLE :
							NET_STATIC_PROHIBIT);
		return 0;
	}
	for (int i = 0; i < r->nnh; i++) {
		const struct net_nexthop *nh = &r->nh[i];
		bool ll = r->family == AF_INET6 &&
			  IN6_IS_ADDR_LINKLOCAL(&nh->gw.v6);

		/* a gateway alone names the next hop, unless it is an IPv6
		 * link-local address, which needs its interface */
		kline_push(k, r, nh,
			   !nh->has_gw ? NET_STATIC_DEV :
			   ll	       ? NET_STATIC_GW_DEV :
					 NET_STATIC_GW);
	}
	return 0;
}

static void kline_reset(void *ctx)
{
	struct klines *k = ctx;

	k->n = 0;
	k->seq = 0;
}

static int key_cmp(int fx, const union net_ip *dx, unsigned px, uint32_t mx,
		   int fy, const union net_ip *dy, unsigned py, uint32_t my)
{
	int c;

	if (fx != fy)
		return fx == AF_INET ? -1 : 1;
	c = addr_cmp(fx, dx, dy);
	if (c)
		return c;
	if (px != py)
		return px < py ? -1 : 1;
	return (mx > my) - (mx < my);
}

static int kline_order(const void *a, const void *b)
{
	const struct kline *x = a, *y = b;
	int c = key_cmp(x->family, &x->dst, x->plen, x->metric, y->family,
			&y->dst, y->plen, y->metric);

	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* The kernel's routes that the list does not cover, both families. */
static int read_klines(struct cli_config *c, const struct cfg_vrf *v,
		       const struct net_static_index *l, struct klines *k)
{
	static const int families[] = { AF_INET, AF_INET6 };
	struct net_err err = { 0 };

	memset(k, 0, sizeof(*k));
	k->l = l;
	for (int f = 0; f < 2; f++) {
		struct klines one = { NULL, 0, 0, l, 0 };

		if (net_route_walk(v->name, families[f], NET_TABLE_MAIN,
				   kline_take, &one, kline_reset, &err) < 0) {
			free(one.v);
			free(k->v);
			k->v = NULL;
			if (err.code == ENOENT)
				return -1; /* the VRF vanished */
			c->failed++;
			return cmd_fail(c->s, &err,
					"read the routes of VRF %s "
					"(they are left out)",
					vrf_label(v->name));
		}
		for (size_t i = 0; i < one.n; i++) {
			one.v[i].seq += k->seq;
			if (k->n == k->cap) {
				k->cap = k->cap ? k->cap * 2 : 256;
				k->v = realloc(k->v, k->cap * sizeof(*k->v));
				if (!k->v)
					abort();
			}
			k->v[k->n++] = one.v[i];
		}
		k->seq += one.seq;
		free(one.v);
	}
	if (k->n)
		qsort(k->v, k->n, sizeof(*k->v), kline_order);
	return 0;
}

/* Names that cannot be typed back as the interface they are: invalid
 * ones, and Null0 in any case. */
static bool ifname_writable(const char *name)
{
	return cfg_ifname_ok(name) && !is_null0(name);
}

/* One line; false when its interface cannot be written (left out). */
static void route_line(struct cli_config *c, const struct cfg_vrf *v,
		       const struct net_static *st, const char *ifname)
{
	char b[96], dst[TEXT_IP_MAX], gw[TEXT_IP_MAX], mask[16];
	bool has_dev = st->kind == NET_STATIC_DEV ||
		       st->kind == NET_STATIC_GW_DEV;

	text_ip(st->family, &st->dst, dst, sizeof(dst));
	if (has_dev && (!ifname || !ifname_writable(ifname))) {
		char what[CLI_ESCAPED_MAX(NET_IFNAMSIZ) + 96];

		snprintf(what, sizeof(what),
			 "the route to %s/%u through "
			 "\"%s\"",
			 dst, st->plen, ifname ? ifname : "?");
		cfg_left_out(c, what,
			     ifname ? "the name of its interface "
				      "cannot be typed back" :
				      "its interface is not "
				      "known");
		return;
	}
	if (st->family == AF_INET) {
		text_mask(st->plen, mask, sizeof(mask));
		cli_printf(c->o, "ip route%s %s %s",
			   cfg_vrf_suffix(v->name, b, sizeof(b)), dst, mask);
	} else {
		cli_printf(c->o, "ipv6 route%s %s/%u",
			   cfg_vrf_suffix(v->name, b, sizeof(b)), dst,
			   st->plen);
	}
	if (has_dev)
		cli_printf(c->o, " %s", ifname);
	if (st->kind == NET_STATIC_GW || st->kind == NET_STATIC_GW_DEV) {
		text_ip(st->family, &st->gw, gw, sizeof(gw));
		cli_printf(c->o, " %s", gw);
	}
	if (st->kind == NET_STATIC_NULL0 ||
	    st->kind == NET_STATIC_UNREACHABLE ||
	    st->kind == NET_STATIC_PROHIBIT)
		cli_printf(c->o, " Null0%s",
			   st->kind == NET_STATIC_UNREACHABLE ? " unreachable" :
			   st->kind == NET_STATIC_PROHIBIT    ? " prohibit" :
								"");
	if (st->distance != DEFAULT_DISTANCE)
		cli_printf(c->o, " %u", st->distance);
	cli_printf(c->o, "%s\n",
		   st->protocol == NET_PROTO_BOOT ? " protocol boot" : "");
	c->lines++;
}

static void kline_write(struct cli_config *c, const struct cfg_vrf *v,
			const struct kline *k)
{
	const struct net_link *dev = k->ifindex ? cfg_link(v, k->ifindex) :
						  NULL;
	struct net_static st;

	memset(&st, 0, sizeof(st));
	st.family = k->family;
	st.dst = k->dst;
	st.plen = k->plen;
	st.distance = k->metric;
	st.protocol = k->protocol;
	st.kind = k->kind;
	st.gw = k->gw;
	route_line(c, v, &st, dev ? dev->name : NULL);
}

/* The configured routes (read a few words each: a million of them fit)
 * merged with the kernel's that they do not cover. */
static void routes(struct cli_config *c, const struct cfg_vrf *v)
{
	struct net_static_index *l = NULL;
	struct net_err err = { 0 };
	struct net_static e;
	struct klines k;
	size_t i = 0, j = 0, n;

	if (net_static_index(v->name, &l, &err) < 0) {
		if (err.code == ENOENT)
			return;
		c->failed++;
		cmd_fail(c->s, &err,
			 "read the configured static routes of "
			 "VRF %s (only the kernel's are written)",
			 vrf_label(v->name));
	}
	if (read_klines(c, v, l, &k)) {
		net_static_index_free(l);
		return;
	}
	n = net_static_index_len(l);
	if (n)
		net_static_index_get(l, 0, &e);
	while (i < n || j < k.n) {
		const struct kline *x = j < k.n ? &k.v[j] : NULL;

		if (i < n && (!x || key_cmp(e.family, &e.dst, e.plen,
					    e.distance, x->family, &x->dst,
					    x->plen, x->metric) <= 0)) {
			route_line(c, v, &e, e.ifname);
			if (++i < n)
				net_static_index_get(l, i, &e);
		} else {
			kline_write(c, v, x);
			j++;
		}
	}
	free(k.v);
	net_static_index_free(l);
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
#define V4_NH "{A.B.C.D$gw|IFNAME$dev [A.B.C.D$gw|unreachable|prohibit]}"
#define H_NH                                                                   \
	"Next hop address\n"                                                   \
	"Outgoing interface, or Null0: discard (a blackhole route)\n"          \
	"Next hop address\n"                                                   \
	"Null0: discard with ICMP unreachable (an unreachable route)\n"        \
	"Null0: discard with ICMP prohibited (a prohibit route)\n"
#define V6_NH "{X:X::X:X$gw|IFNAME$dev [X:X::X:X$gw|unreachable|prohibit]}"
#define DIST "<0-4294967295>$distance"
#define H_DIST "Distance (the kernel route's metric; default 1)\n"
#define PROTO "[protocol {static|boot}]"
#define H_PROTO                                                                \
	"The kernel protocol the route is installed with\n"                    \
	"static (the default)\nboot, as ip route add does\n"

static const struct cli_cmd route_cmds[] = {
	{ "ip route [vrf NAME$vrf] " V4_DST " " V4_NH " [" DIST "] " PROTO,
	  H_IP "Establish a static route\n" H_VRF H_V4_DST H_NH H_DIST H_PROTO,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, CLI_F_DEFER, do_ip_route },
	{ "no ip route [vrf NAME$vrf] " V4_DST " [" V4_NH " [" DIST "]]",
	  H_NO H_IP "Remove static routes\n" H_VRF H_V4_DST H_NH H_DIST,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, CLI_F_DEFER, do_no_ip_route },
	{ "ipv6 route [vrf NAME$vrf] X:X::X:X/M$prefix " V6_NH " [" DIST
	  "] " PROTO,
	  H_IPV6 "Establish a static route\n" H_VRF
		 "Destination prefix\n" H_NH H_DIST H_PROTO,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, CLI_F_DEFER, do_ipv6_route },
	{ "no ipv6 route [vrf NAME$vrf] X:X::X:X/M$prefix [" V6_NH " [" DIST
	  "]]",
	  H_NO H_IPV6 "Remove static routes\n" H_VRF
		      "Destination prefix\n" H_NH H_DIST,
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, CLI_F_DEFER, do_no_ipv6_route },
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
