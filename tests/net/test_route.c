/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_route.c - routes, neighbours, ping, traceroute, name resolution
 * and programs in a VRF, against the real kernel, with iproute2 as the
 * independent witness.  Changes the kernel: run it only as
 *
 *	tests/sandbox.sh tests/net/test_route
 *
 * Most tests build three namespaces in a chain,
 *
 *	R1 r1a 10.0.12.1 --- 10.0.12.2 r2a R2 r2b 10.0.23.2 --- 10.0.23.3 r3a R3
 *
 * and send traffic only between them or over loopback.  Every call is
 * followed by a check that the process is still in the network namespace
 * it started in.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/capability.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <cmocka.h>

#include "net/net.h"
#include "net/route.h"
#include "kernel.h"

static bool have_etc; /* /etc is a writable overlay of our own */

/* ---- helpers ---------------------------------------------------- */

static union net_ip ip4(const char *a)
{
	union net_ip ip;

	memset(&ip, 0, sizeof(ip));
	assert_int_equal(inet_pton(AF_INET, a, &ip.v4), 1);
	return ip;
}

static union net_ip ip6(const char *a)
{
	union net_ip ip;

	memset(&ip, 0, sizeof(ip));
	assert_int_equal(inet_pton(AF_INET6, a, &ip.v6), 1);
	return ip;
}

static struct sockaddr_storage sa(const char *a)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

	memset(&ss, 0, sizeof(ss));
	if (inet_pton(AF_INET, a, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		return ss;
	}
	assert_int_equal(inet_pton(AF_INET6, a, &sin6->sin6_addr), 1);
	sin6->sin6_family = AF_INET6;
	return ss;
}

/* The text form of an address in ss ("" when none). */
static const char *sa_str(const struct sockaddr_storage *ss)
{
	static char buf[INET6_ADDRSTRLEN];
	const void *a = &((const struct sockaddr_in *)ss)->sin_addr;

	if (ss->ss_family == AF_INET6)
		a = &((const struct sockaddr_in6 *)ss)->sin6_addr;
	else if (ss->ss_family != AF_INET)
		return "";
	return inet_ntop(ss->ss_family, a, buf, sizeof(buf));
}

static int ifindex(const char *vrf, const char *ifname)
{
	struct net_link l;

	OK(net_link_get(vrf, ifname, &l, &err));
	return l.ifindex;
}

/* A route to pfx/plen through gateway gw (NULL: none) on ifindex. */
static struct net_route route(const char *pfx, int plen, const char *gw,
			      int oif)
{
	struct net_route r;

	memset(&r, 0, sizeof(r));
	r.family = strchr(pfx, ':') ? AF_INET6 : AF_INET;
	r.dst = r.family == AF_INET ? ip4(pfx) : ip6(pfx);
	r.plen = (unsigned char)plen;
	r.protocol = RTPROT_STATIC;
	r.nnh = 1;
	if (gw) {
		r.nh[0].has_gw = true;
		r.nh[0].gw = r.family == AF_INET ? ip4(gw) : ip6(gw);
	}
	r.nh[0].ifindex = oif;
	return r;
}

static const struct net_route *find_route(const struct net_routes *rs,
					  const char *pfx, int plen)
{
	int family = strchr(pfx, ':') ? AF_INET6 : AF_INET;
	union net_ip want;
	size_t i, len;

	want = family == AF_INET6 ? ip6(pfx) : ip4(pfx);
	len = family == AF_INET6 ? 16 : 4;
	for (i = 0; i < rs->n; i++)
		if (rs->v[i].family == family && rs->v[i].plen == plen &&
		    !memcmp(&rs->v[i].dst, &want, len))
			return &rs->v[i];
	return NULL;
}

static bool ip_eq(const union net_ip *a, const char *text)
{
	union net_ip b = strchr(text, ':') ? ip6(text) : ip4(text);

	return !memcmp(a, &b, strchr(text, ':') ? 16 : 4);
}

/* Delete every VRF and the links tests left in default. */
static int teardown(void **state)
{
	(void)state;
	delete_vrfs();
	return 0;
}

/* The chain R1 - R2 - R3; R2 forwards when forward is true. */
static void chain(bool forward)
{
	OK(net_vrf_create("R1", NULL, &err));
	OK(net_vrf_create("R2", NULL, &err));
	OK(net_vrf_create("R3", NULL, &err));
	sh("ip link add r1a netns R1 type veth peer name r2a netns R2"
	   " && ip link add r2b netns R2 type veth peer name r3a netns R3"
	   " && ip -n R1 addr add 10.0.12.1/24 dev r1a"
	   " && ip -n R2 addr add 10.0.12.2/24 dev r2a"
	   " && ip -n R2 addr add 10.0.23.2/24 dev r2b"
	   " && ip -n R3 addr add 10.0.23.3/24 dev r3a"
	   " && ip -n R1 link set r1a up && ip -n R2 link set r2a up"
	   " && ip -n R2 link set r2b up && ip -n R3 link set r3a up");
	OK(net_forwarding_set("R2", AF_INET, forward, &err));
	/* Fewer ICMP errors lost to rate limits.  IPv4 forwarding errors
	 * still go at about one a second (net.ipv4.route.error_cost, a
	 * setting of the host's namespace only): tests allow for it. */
	sh("ip netns exec R2 sysctl -qw net.ipv4.icmp_ratelimit=0"
	   " net.ipv6.icmp.ratelimit=0");
}

/* The chain with static routes between the ends. */
static void chain_routed(bool forward)
{
	struct net_route r;

	chain(forward);
	r = route("10.0.23.0", 24, "10.0.12.2", 0);
	OK(net_route_add("R1", &r, &err));
	r = route("10.0.12.0", 24, "10.0.23.2", 0);
	OK(net_route_add("R3", &r, &err));
}

/* ---- routes ----------------------------------------------------- */

static void test_route_add_dump_del(void **state)
{
	const struct net_route *p;
	struct net_routes rs;
	struct net_route r;
	int r1a;

	(void)state;
	chain(true);
	r1a = ifindex("R1", "r1a");
	r = route("10.0.23.0", 24, "10.0.12.2", 0);
	OK(net_route_add("R1", &r, &err));
	assert_true(out_has("\"dst\":\"10.0.23.0/24\",\"gateway\":"
			    "\"10.0.12.2\",\"dev\":\"r1a\",\"protocol\":"
			    "\"static\"",
			    "ip -n R1 -j route"));

	OK(net_route_dump("R1", AF_INET, RT_TABLE_MAIN, &rs, &err));
	p = find_route(&rs, "10.0.23.0", 24);
	assert_non_null(p);
	assert_int_equal(p->family, AF_INET);
	assert_int_equal(p->protocol, RTPROT_STATIC);
	assert_int_equal(p->type, RTN_UNICAST);
	assert_int_equal(p->scope, RT_SCOPE_UNIVERSE);
	assert_int_equal(p->table, RT_TABLE_MAIN);
	assert_int_equal(p->nnh, 1);
	assert_true(p->nh[0].has_gw);
	assert_true(ip_eq(&p->nh[0].gw, "10.0.12.2"));
	assert_int_equal(p->nh[0].ifindex, r1a);
	/* The connected route, and nothing of the local table. */
	p = find_route(&rs, "10.0.12.0", 24);
	assert_non_null(p);
	assert_int_equal(p->protocol, RTPROT_KERNEL);
	assert_int_equal(p->scope, RT_SCOPE_LINK);
	assert_true(p->has_prefsrc);
	assert_true(ip_eq(&p->prefsrc, "10.0.12.1"));
	assert_false(p->nh[0].has_gw);
	assert_int_equal(p->nh[0].ifindex, r1a);
	assert_null(find_route(&rs, "10.0.12.1", 32));
	assert_int_equal(rs.n, 2);
	net_routes_free(&rs);

	FAILS(net_route_add("R1", &r, &err), EEXIST);
	OK(net_route_del("R1", &r, &err));
	assert_false(out_has("10.0.23.0/24", "ip -n R1 -j route"));
	FAILS(net_route_del("R1", &r, &err), ESRCH);
	/* Deleting by prefix alone. */
	OK(net_route_add("R1", &r, &err));
	r.nnh = 0;
	OK(net_route_del("R1", &r, &err));
	assert_false(out_has("10.0.23.0/24", "ip -n R1 -j route"));
}

static void test_route_tables(void **state)
{
	const struct net_route *p;
	struct net_routes rs;

	(void)state;
	chain_routed(true);
	/* The local table holds the local addresses; table 0 holds all. */
	OK(net_route_dump("R1", AF_INET, RT_TABLE_LOCAL, &rs, &err));
	p = find_route(&rs, "10.0.12.1", 32);
	assert_non_null(p);
	assert_int_equal(p->type, RTN_LOCAL);
	assert_int_equal(p->table, RT_TABLE_LOCAL);
	assert_null(find_route(&rs, "10.0.23.0", 24));
	net_routes_free(&rs);
	OK(net_route_dump("R1", AF_INET, 0, &rs, &err));
	assert_non_null(find_route(&rs, "10.0.12.1", 32));
	assert_non_null(find_route(&rs, "10.0.23.0", 24));
	net_routes_free(&rs);
	/* Both families at once. */
	OK(net_route_dump("R1", AF_UNSPEC, RT_TABLE_MAIN, &rs, &err));
	assert_non_null(find_route(&rs, "10.0.23.0", 24));
	assert_non_null(find_route(&rs, "fe80::", 64));
	net_routes_free(&rs);
}

static void test_route_dev_metric_default(void **state)
{
	const struct net_route *p;
	struct net_routes rs;
	struct net_route r;
	int r1a;

	(void)state;
	chain(true);
	r1a = ifindex("R1", "r1a");
	r = route("10.0.50.0", 24, NULL, r1a);
	r.metric = 100;
	OK(net_route_add("R1", &r, &err));
	assert_true(out_has("\"dst\":\"10.0.50.0/24\",\"dev\":\"r1a\","
			    "\"protocol\":\"static\",\"scope\":\"link\","
			    "\"metric\":100",
			    "ip -n R1 -j route"));
	OK(net_route_dump("R1", AF_INET, RT_TABLE_MAIN, &rs, &err));
	p = find_route(&rs, "10.0.50.0", 24);
	assert_non_null(p);
	assert_int_equal(p->metric, 100);
	assert_int_equal(p->scope, RT_SCOPE_LINK);
	net_routes_free(&rs);
	/* The same prefix with another metric is another route. */
	r.metric = 200;
	OK(net_route_add("R1", &r, &err));
	assert_true(out_has("\"metric\":200", "ip -n R1 -j route"));
	r.metric = 300;
	FAILS(net_route_del("R1", &r, &err), ESRCH);
	r.metric = 100;
	OK(net_route_del("R1", &r, &err));
	assert_false(out_has("\"metric\":100", "ip -n R1 -j route"));
	assert_true(out_has("\"metric\":200", "ip -n R1 -j route"));

	/* A default route, gateway and interface both given. */
	r = route("0.0.0.0", 0, "10.0.12.2", r1a);
	OK(net_route_add("R1", &r, &err));
	assert_true(out_has("\"dst\":\"default\",\"gateway\":\"10.0.12.2\"",
			    "ip -n R1 -j route"));
	OK(net_route_dump("R1", AF_INET, RT_TABLE_MAIN, &rs, &err));
	p = find_route(&rs, "0.0.0.0", 0);
	assert_non_null(p);
	assert_true(ip_eq(&p->nh[0].gw, "10.0.12.2"));
	net_routes_free(&rs);
	OK(net_route_del("R1", &r, &err));
	assert_false(out_has("default", "ip -n R1 -j route"));
}

static void test_route_multipath(void **state)
{
	const struct net_route *p;
	struct net_routes rs;
	struct net_route r;
	int r1a, r1b;

	(void)state;
	chain(true);
	sh("ip link add r1b netns R1 type veth peer name r2c netns R2"
	   " && ip -n R1 addr add 10.0.121.1/24 dev r1b"
	   " && ip -n R2 addr add 10.0.121.2/24 dev r2c"
	   " && ip -n R1 link set r1b up && ip -n R2 link set r2c up");
	r1a = ifindex("R1", "r1a");
	r1b = ifindex("R1", "r1b");
	r = route("10.0.99.0", 24, "10.0.12.2", 0);
	r.nnh = 2;
	r.nh[1].has_gw = true;
	r.nh[1].gw = ip4("10.0.121.2");
	OK(net_route_add("R1", &r, &err));
	assert_true(out_has("\"nexthops\":[{\"gateway\":\"10.0.12.2\","
			    "\"dev\":\"r1a\",\"weight\":1,\"flags\":[]},"
			    "{\"gateway\":\"10.0.121.2\",\"dev\":\"r1b\"",
			    "ip -n R1 -j route show 10.0.99.0/24"));
	OK(net_route_dump("R1", AF_INET, RT_TABLE_MAIN, &rs, &err));
	p = find_route(&rs, "10.0.99.0", 24);
	assert_non_null(p);
	assert_int_equal(p->nnh, 2);
	assert_true(p->nh[0].has_gw && p->nh[1].has_gw);
	assert_true(ip_eq(&p->nh[0].gw, "10.0.12.2"));
	assert_true(ip_eq(&p->nh[1].gw, "10.0.121.2"));
	assert_int_equal(p->nh[0].ifindex, r1a);
	assert_int_equal(p->nh[1].ifindex, r1b);
	assert_int_equal(p->protocol, RTPROT_STATIC);
	net_routes_free(&rs);
	FAILS(net_route_add("R1", &r, &err), EEXIST);
	OK(net_route_del("R1", &r, &err));
	assert_false(out_has("10.0.99.0", "ip -n R1 -j route"));

	/* IPv6 takes several next hops too. */
	sh("ip -n R1 addr add 2001:db8:12::1/64 dev r1a nodad"
	   " && ip -n R1 addr add 2001:db8:121::1/64 dev r1b nodad");
	r = route("2001:db8:99::", 64, "2001:db8:12::2", 0);
	r.nnh = 2;
	r.nh[1].has_gw = true;
	r.nh[1].gw = ip6("2001:db8:121::2");
	OK(net_route_add("R1", &r, &err));
	assert_true(out_has("2001:db8:121::2",
			    "ip -n R1 -6 -j route show 2001:db8:99::/64"));
	OK(net_route_dump("R1", AF_INET6, RT_TABLE_MAIN, &rs, &err));
	p = find_route(&rs, "2001:db8:99::", 64);
	assert_non_null(p);
	assert_int_equal(p->nnh, 2);
	net_routes_free(&rs);
	OK(net_route_del("R1", &r, &err));
	assert_false(out_has("2001:db8:99::", "ip -n R1 -6 -j route"));
}

static void test_route_v6(void **state)
{
	const struct net_route *p;
	struct net_routes rs;
	struct net_route r;

	(void)state;
	chain(true);
	sh("ip -n R1 addr add 2001:db8:12::1/64 dev r1a nodad");
	r = route("2001:db8:23::", 64, "2001:db8:12::2", 0);
	r.metric = 512;
	OK(net_route_add("R1", &r, &err));
	assert_true(out_has("\"dst\":\"2001:db8:23::/64\",\"gateway\":"
			    "\"2001:db8:12::2\",\"dev\":\"r1a\",\"protocol\":"
			    "\"static\",\"metric\":512",
			    "ip -n R1 -6 -j route"));
	OK(net_route_dump("R1", AF_INET6, RT_TABLE_MAIN, &rs, &err));
	p = find_route(&rs, "2001:db8:23::", 64);
	assert_non_null(p);
	assert_int_equal(p->family, AF_INET6);
	assert_int_equal(p->metric, 512);
	assert_true(ip_eq(&p->nh[0].gw, "2001:db8:12::2"));
	assert_null(find_route(&rs, "10.0.12.0", 24)); /* v6 only */
	net_routes_free(&rs);
	FAILS(net_route_add("R1", &r, &err), EEXIST);
	OK(net_route_del("R1", &r, &err));
	assert_false(out_has("2001:db8:23::", "ip -n R1 -6 -j route"));
	FAILS(net_route_del("R1", &r, &err), ESRCH);
}

static void test_route_errors(void **state)
{
	struct net_routes rs;
	struct net_route r;

	(void)state;
	chain(true);
	r = route("10.0.77.0", 24, NULL, 9999);
	FAILS(net_route_add("R1", &r, &err), ENODEV);
	r = route("10.0.77.0", 24, "10.9.9.9", 0);
	FAILS(net_route_add("R1", &r, &err), ENETUNREACH);
	r = route("10.0.77.0", 24, "10.0.12.2", 0);
	r.nnh = 0;
	FAILS(net_route_add("R1", &r, &err), EINVAL);
	r.nnh = 1;
	r.plen = 33;
	FAILS(net_route_add("R1", &r, &err), EINVAL);
	r.plen = 24;
	r.family = AF_UNIX;
	FAILS(net_route_add("R1", &r, &err), EAFNOSUPPORT);
	r.family = AF_INET;
	r.nh[0].has_gw = false;
	FAILS(net_route_add("R1", &r, &err), EINVAL);
	r = route("10.0.77.0", 24, "10.0.12.2", 0);
	FAILS(net_route_add("Nope", &r, &err), ENOENT);
	FAILS(net_route_dump("Nope", AF_INET, 0, &rs, &err), ENOENT);
	assert_int_equal(rs.n, 0);
	FAILS(net_route_dump("R1", AF_UNIX, 0, &rs, &err), EAFNOSUPPORT);
	assert_false(out_has("10.0.77.0", "ip -n R1 -j route"));
}

static void test_route_get(void **state)
{
	union net_ip a = ip4("10.0.23.3");
	struct net_route r;

	(void)state;
	chain_routed(true);
	OK(net_route_get("R1", AF_INET, &a, &r, &err));
	assert_int_equal(r.plen, 32);
	assert_true(ip_eq(&r.dst, "10.0.23.3"));
	assert_int_equal(r.nnh, 1);
	assert_true(ip_eq(&r.nh[0].gw, "10.0.12.2"));
	assert_int_equal(r.nh[0].ifindex, ifindex("R1", "r1a"));
	assert_true(r.has_prefsrc);
	assert_true(ip_eq(&r.prefsrc, "10.0.12.1"));
	assert_int_equal(r.table, RT_TABLE_MAIN);

	OK(net_route_match("R1", AF_INET, &a, &r, &err));
	assert_int_equal(r.plen, 24);
	assert_true(ip_eq(&r.dst, "10.0.23.0"));
	assert_int_equal(r.protocol, RTPROT_STATIC);
	assert_true(ip_eq(&r.nh[0].gw, "10.0.12.2"));

	a = ip4("10.0.12.1"); /* our own: the local table */
	OK(net_route_get("R1", AF_INET, &a, &r, &err));
	assert_int_equal(r.type, RTN_LOCAL);

	a = ip4("192.0.2.1"); /* no default route */
	FAILS(net_route_get("R1", AF_INET, &a, &r, &err), ENETUNREACH);
	assert_true(out_has("unreachable",
			    "ip -n R1 route get 192.0.2.1 2>&1 | cat"));

	sh("ip -n R1 addr add 2001:db8:12::1/64 dev r1a nodad");
	a = ip6("2001:db8:12::2");
	OK(net_route_get("R1", AF_INET6, &a, &r, &err));
	assert_int_equal(r.family, AF_INET6);
	assert_int_equal(r.plen, 128);
	assert_int_equal(r.nh[0].ifindex, ifindex("R1", "r1a"));
	OK(net_route_match("R1", AF_INET6, &a, &r, &err));
	assert_int_equal(r.plen, 64);
}

/* ---- neighbours ------------------------------------------------- */

struct probes {
	unsigned n;
	unsigned seq[64];
	enum net_probe res[64];
	unsigned rtt[64];
	unsigned stop_after; /* set *stop after this many */
	volatile int *stop;
};

static void on_probe(void *ctx, unsigned seq, enum net_probe res,
		     unsigned rtt_us)
{
	struct probes *p = ctx;

	assert_true(p->n < 64);
	p->seq[p->n] = seq;
	p->res[p->n] = res;
	p->rtt[p->n] = rtt_us;
	p->n++;
	if (p->stop && p->n == p->stop_after)
		*p->stop = 1;
}

static struct net_ping_opts ping_opts(const char *dst, unsigned count)
{
	struct net_ping_opts o;

	memset(&o, 0, sizeof(o));
	o.dst = sa(dst);
	o.count = count;
	o.size = 100;
	o.timeout_ms = 1000;
	return o;
}

static unsigned count_of(const struct probes *p, enum net_probe res)
{
	unsigned i, n = 0;

	for (i = 0; i < p->n; i++)
		n += p->res[i] == res;
	return n;
}

static void test_neigh(void **state)
{
	struct net_ping_opts o = ping_opts("10.0.12.2", 1);
	struct probes p = { 0 };
	struct net_neighs ns;
	struct net_link peer;
	bool found = false;
	size_t i;

	(void)state;
	chain(true);
	OK(net_neigh_dump("R1", AF_INET, &ns, &err));
	assert_int_equal(ns.n, 0);
	net_neighs_free(&ns);
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 1);
	OK(net_link_get("R2", "r2a", &peer, &err));
	OK(net_neigh_dump("R1", AF_UNSPEC, &ns, &err));
	for (i = 0; i < ns.n; i++) {
		if (ns.v[i].family != AF_INET ||
		    !ip_eq(&ns.v[i].addr, "10.0.12.2"))
			continue;
		found = true;
		assert_int_equal(ns.v[i].ifindex, ifindex("R1", "r1a"));
		assert_true(ns.v[i].has_lladdr);
		assert_memory_equal(ns.v[i].lladdr, peer.mac, 6);
		assert_true(ns.v[i].state & (NUD_REACHABLE | NUD_STALE |
					     NUD_DELAY | NUD_PROBE));
	}
	assert_true(found);
	net_neighs_free(&ns);
	assert_true(out_has("\"dst\":\"10.0.12.2\",\"dev\":\"r1a\"",
			    "ip -n R1 -j neigh"));
	FAILS(net_neigh_dump("Nope", AF_INET, &ns, &err), ENOENT);
	FAILS(net_neigh_dump("R1", AF_UNIX, &ns, &err), EAFNOSUPPORT);
}

/* ---- ping ------------------------------------------------------- */

static void test_ping_chain(void **state)
{
	struct net_ping_opts o = ping_opts("10.0.23.3", 5);
	struct probes p = { 0 };
	struct timespec t0, t1;
	unsigned i;

	(void)state;
	chain_routed(true);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_int_equal(p.n, 5);
	assert_int_equal(count_of(&p, PROBE_REPLY), 5);
	for (i = 0; i < 5; i++) {
		assert_int_equal(p.seq[i], i);
		assert_true(p.rtt[i] > 0 && p.rtt[i] < 1000000);
	}
	/* No pause between answered probes, as IOS. */
	assert_true(t1.tv_sec - t0.tv_sec < 2);

	/* R2 says it cannot reach R3 (at least once in 1.5 s). */
	sh("ip -n R2 route add unreachable 10.0.23.3/32");
	memset(&p, 0, sizeof(p));
	o.timeout_ms = 300;
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(p.n, 5);
	assert_true(count_of(&p, PROBE_UNREACHABLE) >= 1);
	assert_int_equal(count_of(&p, PROBE_UNREACHABLE) +
				 count_of(&p, PROBE_TIMEOUT),
			 5);
	sh("ip -n R2 route del unreachable 10.0.23.3/32");

	/* R2 stops forwarding: nothing comes back from R3. */
	OK(net_forwarding_set("R2", AF_INET, false, &err));
	memset(&p, 0, sizeof(p));
	o.count = 3;
	o.timeout_ms = 300;
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(p.n, 3);
	assert_int_equal(count_of(&p, PROBE_TIMEOUT), 3);
}

static void test_ping_loopback(void **state)
{
	struct net_ping_opts o = ping_opts("127.0.0.1", 3);
	struct probes p = { 0 };

	(void)state;
	OK(net_vrf_create("L", NULL, &err));
	OK(net_ping("L", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 3);
	memset(&p, 0, sizeof(p));
	OK(net_ping(NULL, &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 3);
	/* The largest datagram there is. */
	memset(&p, 0, sizeof(p));
	o.size = 65535;
	o.count = 1;
	OK(net_ping("L", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 1);
	/* With lo down the packets are lost. */
	sh("ip -n L link set lo down");
	memset(&p, 0, sizeof(p));
	o.size = 100;
	o.count = 2;
	o.timeout_ms = 200;
	OK(net_ping("L", &o, on_probe, &p, NULL, &err));
	assert_int_equal(p.n, 2);
	assert_int_equal(count_of(&p, PROBE_TIMEOUT), 2);
}

static void test_ping_v6(void **state)
{
	struct net_ping_opts o = ping_opts("2001:db8:12::2", 3);
	struct probes p = { 0 };

	(void)state;
	chain(true);
	/* R2's time-exceeded answers must not be rate-limited away when
	 * the machine is busy and the probes bunch up */
	sh("ip netns exec R2 sysctl -qw net.ipv6.icmp.ratelimit=0"
	   " && ip -n R1 addr add 2001:db8:12::1/64 dev r1a nodad"
	   " && ip -n R2 addr add 2001:db8:12::2/64 dev r2a nodad");
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 3);
	memset(&p, 0, sizeof(p));
	o = ping_opts("::1", 2);
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 2);
	/* Sized as the whole IPv6 datagram: 48 is the least. */
	memset(&p, 0, sizeof(p));
	o = ping_opts("2001:db8:12::2", 1);
	o.size = 48;
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 1);
	o.size = 47;
	FAILS(net_ping("R1", &o, on_probe, &p, NULL, &err), EINVAL);
	/* Big ones are fragmented over the 1500-byte veth. */
	memset(&p, 0, sizeof(p));
	o.size = 4000;
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 1);
	/* An address nobody has, on the link: no reply. */
	memset(&p, 0, sizeof(p));
	o = ping_opts("2001:db8:12::99", 1);
	o.timeout_ms = 200;
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 0);
}

static void test_ping_size_source(void **state)
{
	struct net_ping_opts o = ping_opts("10.0.12.2", 2);
	struct probes p = { 0 };

	(void)state;
	chain(true);
	o.size = 3000; /* fragmented */
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 2);
	o.size = 28; /* headers only */
	memset(&p, 0, sizeof(p));
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 2);
	o.size = 27;
	FAILS(net_ping("R1", &o, on_probe, &p, NULL, &err), EINVAL);
	o.size = 65536;
	FAILS(net_ping("R1", &o, on_probe, &p, NULL, &err), EINVAL);

	o.size = 100;
	o.has_source = true;
	o.source = sa("10.0.12.1");
	memset(&p, 0, sizeof(p));
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 2);
	snprintf(o.source_if, sizeof(o.source_if), "r1a");
	memset(&p, 0, sizeof(p));
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 2);
	/* Bound to lo, the link's neighbour is out of reach. */
	snprintf(o.source_if, sizeof(o.source_if), "lo");
	o.has_source = false;
	memset(&p, 0, sizeof(p));
	o.timeout_ms = 200;
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_REPLY), 0);

	snprintf(o.source_if, sizeof(o.source_if), "nosuch0");
	FAILS(net_ping("R1", &o, on_probe, &p, NULL, &err), ENODEV);
	o.source_if[0] = '\0';
	o.has_source = true;
	o.source = sa("10.0.12.2"); /* not ours */
	FAILS(net_ping("R1", &o, on_probe, &p, NULL, &err), EADDRNOTAVAIL);
	o.source = sa("::1");
	FAILS(net_ping("R1", &o, on_probe, &p, NULL, &err), EAFNOSUPPORT);
	o.has_source = false;
	FAILS(net_ping("Nope", &o, on_probe, &p, NULL, &err), ENOENT);
	o.dst.ss_family = AF_UNIX;
	FAILS(net_ping("R1", &o, on_probe, &p, NULL, &err), EAFNOSUPPORT);
}

static void test_ping_no_route(void **state)
{
	struct net_ping_opts o = ping_opts("10.0.23.3", 3);
	struct probes p = { 0 };

	(void)state;
	chain(true); /* no route to R3 from R1 */
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(p.n, 3);
	assert_int_equal(count_of(&p, PROBE_UNREACHABLE), 3);
}

static volatile int alarm_stop;

static void on_alarm(int sig)
{
	(void)sig;
	alarm_stop = 1;
}

static void test_ping_stop(void **state)
{
	struct net_ping_opts o = ping_opts("127.0.0.1", 10);
	struct itimerval it = { .it_value = { 0, 200000 } };
	struct probes p = { 0 };
	struct timespec t0, t1;
	volatile int stop = 0;
	long ms;

	(void)state;
	OK(net_vrf_create("L", NULL, &err));
	/* Stopped from the callback after the third probe. */
	p.stop = &stop;
	p.stop_after = 3;
	OK(net_ping("L", &o, on_probe, &p, &stop, &err));
	assert_int_equal(p.n, 3);
	/* Already stopped: nothing is sent. */
	memset(&p, 0, sizeof(p));
	OK(net_ping("L", &o, on_probe, &p, &stop, &err));
	assert_int_equal(p.n, 0);

	/* Stopped by a signal in the middle of a 5 s wait. */
	chain(true);
	o = ping_opts("10.0.12.99", 3);
	o.timeout_ms = 5000;
	memset(&p, 0, sizeof(p));
	alarm_stop = 0;
	signal(SIGALRM, on_alarm);
	setitimer(ITIMER_REAL, &it, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	OK(net_ping("R1", &o, on_probe, &p, &alarm_stop, &err));
	clock_gettime(CLOCK_MONOTONIC, &t1);
	signal(SIGALRM, SIG_DFL);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 +
	     (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_int_equal(p.n, 0);
	assert_true(ms >= 150 && ms < 1000);
}

/* ---- traceroute ------------------------------------------------- */

struct trace {
	unsigned n;
	struct net_hop hops[100];
};

static void on_hop(void *ctx, const struct net_hop *hop)
{
	struct trace *t = ctx;

	assert_true(t->n < 100);
	t->hops[t->n++] = *hop;
}

static void test_traceroute(void **state)
{
	struct sockaddr_storage dst = sa("10.0.23.3");
	struct trace t = { 0 };
	unsigned i;

	(void)state;
	chain_routed(true);
	OK(net_traceroute("R1", &dst, 30, 1000, on_hop, &t, NULL, &err));
	assert_int_equal(t.n, 6);
	for (i = 0; i < 3; i++) {
		assert_int_equal(t.hops[i].ttl, 1);
		assert_int_equal(t.hops[i].probe, i);
		assert_int_equal(t.hops[i].result, PROBE_TTL);
		assert_string_equal(sa_str(&t.hops[i].from), "10.0.12.2");
		assert_true(t.hops[i].rtt_us > 0);
	}
	for (i = 3; i < 6; i++) {
		assert_int_equal(t.hops[i].ttl, 2);
		assert_int_equal(t.hops[i].result, PROBE_REPLY);
		assert_string_equal(sa_str(&t.hops[i].from), "10.0.23.3");
	}

	/* R2 says unreachable: the trace ends with the hop where it said
	 * so (its rate limit may turn the first probes into timeouts). */
	sh("ip -n R2 route add unreachable 10.0.23.3/32");
	memset(&t, 0, sizeof(t));
	OK(net_traceroute("R1", &dst, 30, 200, on_hop, &t, NULL, &err));
	assert_true(t.n >= 3 && t.n % 3 == 0 && t.n < 30);
	for (i = 0; i < t.n; i++) {
		assert_int_not_equal(t.hops[i].result, PROBE_REPLY);
		if (t.hops[i].result == PROBE_UNREACHABLE)
			assert_string_equal(sa_str(&t.hops[i].from),
					    "10.0.12.2");
	}
	assert_true(t.hops[t.n - 1].result == PROBE_UNREACHABLE ||
		    t.hops[t.n - 2].result == PROBE_UNREACHABLE ||
		    t.hops[t.n - 3].result == PROBE_UNREACHABLE);
	sh("ip -n R2 route del unreachable 10.0.23.3/32");

	/* Nothing answers when R2 stops forwarding: max_hops of stars. */
	OK(net_forwarding_set("R2", AF_INET, false, &err));
	memset(&t, 0, sizeof(t));
	OK(net_traceroute("R1", &dst, 3, 100, on_hop, &t, NULL, &err));
	assert_int_equal(t.n, 9);
	for (i = 0; i < t.n; i++)
		assert_int_equal(t.hops[i].result, PROBE_TIMEOUT);
	assert_int_equal(t.hops[8].ttl, 3);

	/* Loopback: there at the first hop. */
	dst = sa("127.0.0.1");
	memset(&t, 0, sizeof(t));
	OK(net_traceroute("R1", &dst, 0, 1000, on_hop, &t, NULL, &err));
	assert_int_equal(t.n, 3);
	assert_int_equal(t.hops[0].result, PROBE_REPLY);
	assert_string_equal(sa_str(&t.hops[0].from), "127.0.0.1");
	dst.ss_family = AF_UNIX;
	FAILS(net_traceroute("R1", &dst, 0, 1000, on_hop, &t, NULL, &err),
	      EAFNOSUPPORT);
}

static void test_traceroute_v6(void **state)
{
	struct sockaddr_storage dst = sa("2001:db8:23::3");
	struct net_ping_opts o;
	struct probes p = { 0 };
	struct trace t = { 0 };
	struct net_route r;

	(void)state;
	chain(true);
	OK(net_forwarding_set("R2", AF_INET6, true, &err));
	/* R2's time-exceeded answers must not be rate-limited away when
	 * the machine is busy and the probes bunch up */
	sh("ip netns exec R2 sysctl -qw net.ipv6.icmp.ratelimit=0"
	   " && ip -n R1 addr add 2001:db8:12::1/64 dev r1a nodad"
	   " && ip -n R2 addr add 2001:db8:12::2/64 dev r2a nodad"
	   " && ip -n R2 addr add 2001:db8:23::2/64 dev r2b nodad"
	   " && ip -n R3 addr add 2001:db8:23::3/64 dev r3a nodad");
	r = route("2001:db8:23::", 64, "2001:db8:12::2", 0);
	OK(net_route_add("R1", &r, &err));
	r = route("2001:db8:12::", 64, "2001:db8:23::2", 0);
	OK(net_route_add("R3", &r, &err));
	OK(net_traceroute("R1", &dst, 30, 1000, on_hop, &t, NULL, &err));
	assert_int_equal(t.n, 6);
	assert_int_equal(t.hops[0].result, PROBE_TTL);
	assert_string_equal(sa_str(&t.hops[0].from), "2001:db8:12::2");
	assert_int_equal(t.hops[5].result, PROBE_REPLY);
	assert_string_equal(sa_str(&t.hops[5].from), "2001:db8:23::3");

	/* R2 cannot reach R3: ICMPv6 unreachable, to ping and traceroute. */
	sh("ip -n R2 -6 route add unreachable 2001:db8:23::3/128");
	o = ping_opts("2001:db8:23::3", 2);
	OK(net_ping("R1", &o, on_probe, &p, NULL, &err));
	assert_int_equal(count_of(&p, PROBE_UNREACHABLE), 2);
	memset(&t, 0, sizeof(t));
	OK(net_traceroute("R1", &dst, 30, 200, on_hop, &t, NULL, &err));
	assert_int_equal(t.n, 3);
	assert_int_equal(t.hops[2].result, PROBE_UNREACHABLE);
	assert_string_equal(sa_str(&t.hops[2].from), "2001:db8:12::2");
}

/* ---- without CAP_NET_RAW: datagram ping sockets ------------------ */

static void drop_net_raw(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d) != 0)
		_exit(90);
	d[0].effective &= ~(1u << CAP_NET_RAW);
	d[0].permitted &= ~(1u << CAP_NET_RAW);
	if (syscall(SYS_capset, &h, d) != 0)
		_exit(91);
}

/* In a child without CAP_NET_RAW: ping, an ICMP error, traceroute. */
static int unprivileged_checks(void)
{
	struct net_ping_opts o = ping_opts("10.0.12.2", 2);
	struct sockaddr_storage dst = sa("10.0.23.3");
	struct probes p = { 0 };
	struct trace t = { 0 };

	drop_net_raw();
	if (socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) >= 0 || errno != EPERM)
		return 7; /* the datagram socket would not be tested */
	if (net_ping("R1", &o, on_probe, &p, NULL, &err) != 0 ||
	    count_of(&p, PROBE_REPLY) != 2)
		return 1;
	memset(&p, 0, sizeof(p));
	o = ping_opts("10.0.23.3", 1);
	if (net_ping("R1", &o, on_probe, &p, NULL, &err) != 0 ||
	    count_of(&p, PROBE_REPLY) != 1)
		return 2;
	if (net_traceroute("R1", &dst, 5, 1000, on_hop, &t, NULL, &err) ||
	    t.n != 6 || t.hops[0].result != PROBE_TTL ||
	    strcmp(sa_str(&t.hops[0].from), "10.0.12.2") ||
	    t.hops[5].result != PROBE_REPLY)
		return 3;
	/* R2 answers "host unreachable": from the error queue. */
	if (system("ip -n R2 route add unreachable 10.0.23.3/32"))
		return 4;
	memset(&p, 0, sizeof(p));
	o.count = 5;
	o.timeout_ms = 300;
	if (net_ping("R1", &o, on_probe, &p, NULL, &err) != 0 ||
	    count_of(&p, PROBE_UNREACHABLE) < 1 ||
	    count_of(&p, PROBE_REPLY) != 0)
		return 5;
	o = ping_opts("2001:db8:12::2", 2);
	memset(&p, 0, sizeof(p));
	if (net_ping("R1", &o, on_probe, &p, NULL, &err) != 0 ||
	    count_of(&p, PROBE_REPLY) != 2)
		return 6;
	/* ICMPv6 errors come on the error queue too. */
	o = ping_opts("2001:db8:23::3", 2);
	memset(&p, 0, sizeof(p));
	if (net_ping("R1", &o, on_probe, &p, NULL, &err) != 0 ||
	    count_of(&p, PROBE_UNREACHABLE) != 2)
		return 8;
	dst = sa("2001:db8:23::3");
	memset(&t, 0, sizeof(t));
	if (net_traceroute("R1", &dst, 5, 1000, on_hop, &t, NULL, &err) ||
	    t.n != 3 || t.hops[0].result != PROBE_UNREACHABLE ||
	    strcmp(sa_str(&t.hops[0].from), "2001:db8:12::2"))
		return 9;
	return 0;
}

static void test_ping_socket_fallback(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	chain_routed(true);
	sh("ip netns exec R1 sysctl -qw net.ipv4.ping_group_range='0 0'"
	   " && ip -n R1 addr add 2001:db8:12::1/64 dev r1a nodad"
	   " && ip -n R2 addr add 2001:db8:12::2/64 dev r2a nodad"
	   " && ip -n R1 -6 route add 2001:db8:23::/64 via 2001:db8:12::2"
	   " && ip -n R2 -6 route add unreachable 2001:db8:23::3/128");
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(unprivileged_checks());
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

/* ---- names ------------------------------------------------------ */

static void test_resolve_literal(void **state)
{
	struct sockaddr_storage ss;

	(void)state;
	OK(net_resolve("Nope", "10.1.2.3", AF_UNSPEC, &ss, NULL, &err));
	assert_int_equal(ss.ss_family, AF_INET);
	assert_string_equal(sa_str(&ss), "10.1.2.3");
	OK(net_resolve(NULL, "2001:db8::1", AF_UNSPEC, &ss, NULL, &err));
	assert_int_equal(ss.ss_family, AF_INET6);
	assert_string_equal(sa_str(&ss), "2001:db8::1");
	OK(net_resolve(NULL, "2001:db8::1", AF_INET6, &ss, NULL, &err));
	FAILS(net_resolve(NULL, "::1", AF_INET, &ss, NULL, &err), EAFNOSUPPORT);
	FAILS(net_resolve(NULL, "10.1.2.3", AF_INET6, &ss, NULL, &err),
	      EAFNOSUPPORT);
	FAILS(net_resolve(NULL, "", AF_UNSPEC, &ss, NULL, &err), EINVAL);
	FAILS(net_resolve(NULL, "x", AF_UNIX, &ss, NULL, &err), EAFNOSUPPORT);
}

static void test_resolve_names(void **state)
{
	struct sockaddr_storage ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;

	(void)state;
	if (!have_etc)
		skip();
	chain(true);
	OK(net_resolve(NULL, "localhost", AF_UNSPEC, &ss, NULL, &err));
	assert_string_equal(sa_str(&ss), "127.0.0.1");
	OK(net_resolve("R1", "localhost", AF_UNSPEC, &ss, NULL, &err));
	assert_string_equal(sa_str(&ss), "127.0.0.1");
	/* R1's own hosts file, seen only from R1. */
	sh("mkdir -p /etc/netns/R1"
	   " && echo '10.0.23.3 far-end' > /etc/netns/R1/hosts"
	   " && echo '2001:db8:23::3 far-end' >> /etc/netns/R1/hosts"
	   " && echo '2001:db8:23::4 only6' >> /etc/netns/R1/hosts");
	OK(net_resolve("R1", "far-end", AF_UNSPEC, &ss, NULL, &err));
	assert_int_equal(ss.ss_family, AF_INET);
	assert_string_equal(sa_str(&ss), "10.0.23.3");
	OK(net_resolve("R1", "far-end", AF_INET6, &ss, NULL, &err));
	assert_string_equal(sa_str(&ss), "2001:db8:23::3");
	OK(net_resolve("R1", "only6", AF_UNSPEC, &ss, NULL, &err));
	assert_string_equal(sa_str(&ss), "2001:db8:23::4");
	FAILS(net_resolve("R1", "only6", AF_INET, &ss, NULL, &err), ENOENT);
	FAILS(net_resolve("R2", "far-end", AF_UNSPEC, &ss, NULL, &err), ENOENT);
	assert_non_null(strstr(err.msg, "unknown host"));
	FAILS(net_resolve(NULL, "far-end", AF_UNSPEC, &ss, NULL, &err), ENOENT);
	/* Our own /etc is untouched by the child's binds. */
	assert_false(out_has("far-end", "cat /etc/hosts"));
	/* Scoped literals are looked up in the VRF: r1a exists in R1. */
	OK(net_resolve("R1", "fe80::1%r1a", AF_UNSPEC, &ss, NULL, &err));
	assert_int_equal(ss.ss_family, AF_INET6);
	assert_int_equal(sin6->sin6_scope_id, ifindex("R1", "r1a"));
	FAILS(net_resolve(NULL, "fe80::1%r1a", AF_UNSPEC, &ss, NULL, &err),
	      ENOENT);
	FAILS(net_resolve("Nope", "far-end", AF_UNSPEC, &ss, NULL, &err),
	      ENOENT);
	/* With a stop flag the lookup runs in a child in every VRF, and
	 * a set flag abandons it (Ctrl-C during a slow lookup). */
	{
		volatile int stop = 0;

		OK(net_resolve(NULL, "localhost", AF_UNSPEC, &ss, &stop, &err));
		assert_string_equal(sa_str(&ss), "127.0.0.1");
		OK(net_resolve("R1", "far-end", AF_UNSPEC, &ss, &stop, &err));
		assert_string_equal(sa_str(&ss), "10.0.23.3");
		stop = 1;
		FAILS(net_resolve("R1", "far-end", AF_UNSPEC, &ss, &stop, &err),
		      EINTR);
		FAILS(net_resolve(NULL, "localhost", AF_UNSPEC, &ss, &stop,
				  &err),
		      EINTR);
	}
}

/* ---- programs --------------------------------------------------- */

static int run(const char *vrf, const char *script)
{
	char *argv[] = { "sh", "-c", (char *)script, NULL };
	int status = -1;

	OK(net_exec(vrf, argv, &status, &err));
	return status;
}

static void test_exec(void **state)
{
	char script[256];
	struct stat ns;

	(void)state;
	chain(true);
	assert_int_equal(stat("/run/netns/R1", &ns), 0);
	snprintf(script, sizeof(script),
		 "test \"$(readlink /proc/self/ns/net)\" = 'net:[%lu]'",
		 (unsigned long)ns.st_ino);
	assert_int_equal(run("R1", script), 0);
	assert_int_equal(run("R2", script), 1);
	snprintf(script, sizeof(script),
		 "test \"$(readlink /proc/self/ns/net)\" = 'net:[%lu]'",
		 (unsigned long)home.st_ino);
	assert_int_equal(run(NULL, script), 0);
	assert_int_equal(run("default", script), 0);

	/* Its own /sys, showing the VRF's links. */
	assert_int_equal(run("R1", "test -e /sys/class/net/r1a"), 0);
	assert_int_equal(run("R1", "test -e /sys/class/net/r2a"), 1);
	assert_false(out_has("r1a", "ls /sys/class/net"));

	/* What it saw of the network is R1's. */
	assert_int_equal(run("R1", "ip -o addr show r1a | grep -q 10.0.12.1"),
			 0);
	assert_int_equal(run("R1", "exit 3"), 3);
	assert_int_equal(run("R1", "kill -TERM $$"), 128 + SIGTERM);
	assert_int_equal(run(NULL, "exit 0"), 0);
}

static void test_exec_errors(void **state)
{
	char *missing[] = { "vrfsh-no-such-command", NULL };
	char *empty[] = { NULL };
	int status = -1;

	(void)state;
	OK(net_vrf_create("E", NULL, &err));
	OK(net_exec("E", missing, &status, &err));
	assert_int_equal(status, 127);
	OK(net_exec(NULL, missing, &status, &err));
	assert_int_equal(status, 127);
	FAILS(net_exec("Nope", missing, &status, &err), ENOENT);
	FAILS(net_exec("E", empty, &status, &err), EINVAL);
	FAILS(net_exec("E", NULL, &status, &err), EINVAL);
}

static void test_exec_etc(void **state)
{
	(void)state;
	if (!have_etc)
		skip();
	OK(net_vrf_create("E", NULL, &err));
	sh("mkdir -p /etc/netns/E && echo '10.7.7.7 seven' > "
	   "/etc/netns/E/hosts && echo 'nameserver 127.0.0.1' > "
	   "/etc/netns/E/resolv.conf");
	assert_int_equal(run("E", "grep -q seven /etc/hosts"), 0);
	assert_int_equal(run("E", "grep -q 'nameserver 127.0.0.1' "
				  "/etc/resolv.conf"),
			 0);
	assert_int_equal(run(NULL, "grep -q seven /etc/hosts"), 1);
	/* A bind made by the child does not come back to us. */
	assert_int_equal(run("E", "mount -t tmpfs none /mnt"), 0);
	assert_false(out_has("seven", "cat /etc/hosts"));
	assert_false(out_has(" /mnt tmpfs", "cat /proc/self/mounts"));
}

/* ---- main ------------------------------------------------------- */

/* Give this sandbox a writable /etc of its own: an overlay whose upper
 * layer is a tmpfs over /tmp.  Both mounts live only in the sandbox's
 * private mount namespace; nothing is written to the host's /etc. */
static bool private_etc(void)
{
	return system("mount -t tmpfs vrfsh-tmp /tmp && mkdir /tmp/u /tmp/w"
		      " && mount -t overlay vrfsh-etc -o lowerdir=/etc,"
		      "upperdir=/tmp/u,workdir=/tmp/w /etc"
		      " && echo 'nameserver 127.0.0.1' > /etc/resolv.conf"
		      " 2>/dev/null") == 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_teardown(f, teardown)
		T(test_route_add_dump_del),
		T(test_route_tables),
		T(test_route_dev_metric_default),
		T(test_route_multipath),
		T(test_route_v6),
		T(test_route_errors),
		T(test_route_get),
		T(test_neigh),
		T(test_ping_chain),
		T(test_ping_loopback),
		T(test_ping_v6),
		T(test_ping_size_source),
		T(test_ping_no_route),
		T(test_ping_stop),
		T(test_traceroute),
		T(test_traceroute_v6),
		T(test_ping_socket_fallback),
		T(test_resolve_literal),
		T(test_resolve_names),
		T(test_exec),
		T(test_exec_errors),
		T(test_exec_etc),
#undef T
	};
	int ret;

	if (getuid() != 0 || !getenv("VRFSH_SANDBOX") ||
	    access("/run/netns", W_OK) != 0) {
		fprintf(stderr, "run me as tests/sandbox.sh %s\n",
			"test_route");
		return 77;
	}
	if (stat("/proc/thread-self/ns/net", &home) != 0)
		return 99;
	have_etc = private_etc();
	if (!have_etc)
		fprintf(stderr, "no private /etc: skipping /etc/netns tests\n");
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	net_cleanup();
	return ret;
}
