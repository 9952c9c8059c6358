/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * route.h - the backend's routes, neighbours, reachability (ICMP echo and
 * traceroute from inside a VRF), name resolution as a process in the VRF
 * would do it, and running a program in a VRF as `ip netns exec` does.
 * Same conventions as net.h: VRF NULL/""/"default"/"global" is the
 * starting namespace; errors are negative errno values with err filled.
 */
#ifndef VRFSH_NET_ROUTE_H
#define VRFSH_NET_ROUTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "net/net.h"

union net_ip {
	struct in_addr v4;
	struct in6_addr v6;
};

/* addr (an in_addr or in6_addr of family) as text in buf ("?" when it
 * cannot be written); shared by the shows and the static record. */
void net_ip_text(int family, const void *addr, char *buf, size_t size);

/* Next hop flags as the kernel reports them (its RTNH_F_* values). */
enum net_nh_flag {
	NET_NH_F_DEAD = 1, /* its link is down */
	NET_NH_F_PERVASIVE = 2,
	NET_NH_F_ONLINK = 4, /* gateway taken as on-link */
	NET_NH_F_OFFLOAD = 8,
	NET_NH_F_LINKDOWN = 16, /* its link has no carrier */
};

struct net_nexthop {
	bool has_gw;
	union net_ip gw;
	int ifindex;	     /* 0 when none */
	unsigned char flags; /* enum net_nh_flag bits (read only) */
};

#define NET_MAX_NEXTHOPS 8

/* The kernel's route protocols, types, tables and neighbour states, as
 * the backend's own enums so that the command layer needs no kernel
 * header.  The values are the kernel's: a protocol or type that has no
 * name here keeps its number. */
enum net_proto {
	NET_PROTO_UNSPEC = 0,
	NET_PROTO_REDIRECT = 1,
	NET_PROTO_KERNEL = 2, /* connected routes the kernel made */
	NET_PROTO_BOOT = 3,   /* ip route add without proto */
	NET_PROTO_STATIC = 4,
	NET_PROTO_GATED = 8,
	NET_PROTO_RA = 9,
	NET_PROTO_MRT = 10,
	NET_PROTO_ZEBRA = 11,
	NET_PROTO_BIRD = 12,
	NET_PROTO_DNROUTED = 13,
	NET_PROTO_XORP = 14,
	NET_PROTO_NTK = 15,
	NET_PROTO_DHCP = 16,
	NET_PROTO_MROUTED = 17,
	NET_PROTO_KEEPALIVED = 18,
	NET_PROTO_BABEL = 42,
	NET_PROTO_OPENR = 99,
	NET_PROTO_BGP = 186,
	NET_PROTO_ISIS = 187,
	NET_PROTO_OSPF = 188,
	NET_PROTO_RIP = 189,
	NET_PROTO_EIGRP = 192,
	/* vrfsh's own: the local route that makes a VRF answer for the
	 * global address of a static NAT translation (net_route_alias) */
	NET_PROTO_VRFSH_ALIAS = 245,
};

enum net_rt_type {
	NET_RT_UNSPEC = 0,
	NET_RT_UNICAST = 1,
	NET_RT_LOCAL = 2,
	NET_RT_BROADCAST = 3,
	NET_RT_ANYCAST = 4,
	NET_RT_MULTICAST = 5,
	NET_RT_BLACKHOLE = 6,
	NET_RT_UNREACHABLE = 7,
	NET_RT_PROHIBIT = 8,
	NET_RT_THROW = 9,
	NET_RT_NAT = 10,
	NET_RT_XRESOLVE = 11,
};

enum net_table {
	NET_TABLE_ALL = 0,
	NET_TABLE_DEFAULT = 253,
	NET_TABLE_MAIN = 254,
	NET_TABLE_LOCAL = 255,
};

/* Neighbour states (a bit mask, as the kernel's NUD_* flags). */
enum net_nud {
	NET_NUD_INCOMPLETE = 0x01,
	NET_NUD_REACHABLE = 0x02,
	NET_NUD_STALE = 0x04,
	NET_NUD_DELAY = 0x08,
	NET_NUD_PROBE = 0x10,
	NET_NUD_FAILED = 0x20,
	NET_NUD_NOARP = 0x40,
	NET_NUD_PERMANENT = 0x80,
};

struct net_route {
	int family; /* AF_INET or AF_INET6 */
	union net_ip dst;
	unsigned char plen;
	unsigned char protocol; /* enum net_proto */
	unsigned char type;	/* enum net_rt_type */
	unsigned char scope;	/* enum net_scope */
	uint32_t table;		/* enum net_table, or another id */
	uint32_t metric;	/* RTA_PRIORITY */
	bool has_prefsrc;
	union net_ip prefsrc;
	struct net_nexthop nh[NET_MAX_NEXTHOPS];
	int nnh; /* RTA_MULTIPATH gives several */
};

struct net_routes {
	struct net_route *v;
	size_t n;
};

/* Routes of one table (NET_TABLE_MAIN, NET_TABLE_LOCAL; NET_TABLE_ALL
 * for every table) in family (AF_INET, AF_INET6). Cached routes (RTM_F_CLONED) are
 * left out. */
int net_route_dump(const char *vrf, int family, uint32_t table,
		   struct net_routes *out, struct net_err *err);
void net_routes_free(struct net_routes *routes);
/* Like net_route_dump, but each route is handed to fn as it is read, so
 * that a large table needs no array: fn returns 0 to go on or a negative
 * errno value to stop.  When the kernel restarts the dump, reset(ctx)
 * (may be NULL) is called first and the routes come again. */
typedef int (*net_route_fn)(void *ctx, const struct net_route *r);
int net_route_walk(const char *vrf, int family, uint32_t table, net_route_fn fn,
		   void *ctx, void (*reset)(void *ctx), struct net_err *err);
/* Adds a route to the main table with r->protocol (the caller sets
 * NET_PROTO_STATIC), r->metric and its one or more next hops, with
 * NLM_F_CREATE|NLM_F_EXCL (an existing one is EEXIST).  r->type 0 or
 * NET_RT_UNICAST is a unicast route; NET_RT_BLACKHOLE, NET_RT_UNREACHABLE
 * and NET_RT_PROHIBIT take no next hop; other types are EINVAL. */
int net_route_add(const char *vrf, const struct net_route *r,
		  struct net_err *err);
/* Like net_route_add, but queued with others and sent in one go: fn gets
 * the outcome no later than net_flush() or the next backend call that
 * talks to the kernel.  fn must not call the backend.  Requests for one
 * VRF keep their order; switching VRF sends what is queued. */
int net_route_add_deferred(const char *vrf, const struct net_route *r,
			   net_done_fn fn, void *ctx, struct net_err *err);
/* Deletes the route matching dst/plen, metric (when nonzero) and next
 * hops (when nnh > 0) from the main table; ESRCH when none matches. */
int net_route_del(const char *vrf, const struct net_route *r,
		  struct net_err *err);
/* One change of the main table: add as net_route_add does, replace the
 * route of the same prefix and metric (NLM_F_REPLACE; created when
 * there is none), or delete as net_route_del does but only a route of
 * r->protocol (when nonzero).  fn NULL: done now, the outcome returned;
 * else queued as net_route_add_deferred does and fn gets the outcome. */
enum net_route_op {
	NET_ROUTE_ADD,
	NET_ROUTE_REPLACE,
	NET_ROUTE_DEL,
};
int net_route_request(const char *vrf, const struct net_route *r,
		      enum net_route_op op, net_done_fn fn, void *ctx,
		      struct net_err *err);
/* add: makes the VRF take a (IPv4) as its own without an interface
 * address: a local route in the local table, by lo, of protocol
 * NET_PROTO_VRFSH_ALIAS (the VRF then answers ARP for it on every
 * interface, as IOS's NAT aliases do); EEXIST when a local route for a is
 * there already.  !add: deletes that route, only if of that protocol
 * (ESRCH when there is none). */
int net_route_alias(const char *vrf, const struct in_addr *a, bool add,
		    struct net_err *err);
/* The kernel's route lookup (RTM_GETROUTE for one address). */
int net_route_get(const char *vrf, int family, const union net_ip *addr,
		  struct net_route *out, struct net_err *err);
/* The table entry that lookup uses (RTM_F_FIB_MATCH): its real prefix,
 * protocol and all its next hops, as `show ip route ADDRESS` shows; also
 * when it is a blackhole, unreachable or prohibit entry, which the
 * kernel's lookup refuses to name.  ENETUNREACH when nothing covers addr. */
int net_route_match(const char *vrf, int family, const union net_ip *addr,
		    struct net_route *out, struct net_err *err);

struct net_neigh {
	int family;
	union net_ip addr;
	int ifindex;
	bool has_lladdr;
	unsigned char lladdr[6];
	uint16_t state; /* enum net_nud bits */
	bool has_times; /* the kernel sent NDA_CACHEINFO */
	/* seconds since the entry was last confirmed reachable, used, and
	 * changed (`ip -s neigh`'s used/confirmed/updated) */
	unsigned confirmed, used, updated;
};

struct net_neighs {
	struct net_neigh *v;
	size_t n;
};

int net_neigh_dump(const char *vrf, int family, struct net_neighs *out,
		   struct net_err *err);
void net_neighs_free(struct net_neighs *neighs);
/* Removes the learnt entries of family (AF_INET or AF_INET6) in vrf, as
 * `ip neigh flush` does: every entry that is not permanent or noarp, or
 * only the one of addr when addr is not NULL (ENOENT when there is no
 * learnt entry of it).  *removed (may be NULL) counts what went. */
int net_neigh_flush(const char *vrf, int family, const union net_ip *addr,
		    unsigned *removed, struct net_err *err);

/* ---- reachability ---------------------------------------------------- */

/* Resolves host (an address literal or a name) as a process in vrf
 * would: /etc/netns/VRF/{hosts,resolv.conf} over /etc when they exist,
 * in a child that has entered the VRF (the default VRF looks up in
 * process).  family AF_UNSPEC prefers IPv4.  A literal is parsed without
 * a child; one of the other family is EAFNOSUPPORT.  An unknown name is
 * ENOENT, "unknown host (the resolver's reason)".  With stop (may be
 * NULL) the lookup runs in a child, in every VRF, and is abandoned
 * (EINTR, the child killed) once *stop is set. */
int net_resolve(const char *vrf, const char *host, int family,
		struct sockaddr_storage *out, volatile int *stop,
		struct net_err *err);

enum net_probe {
	PROBE_REPLY, /* echo reply, or the destination reached */
	PROBE_TIMEOUT,
	PROBE_UNREACHABLE, /* ICMP destination unreachable */
	PROBE_TTL,	   /* traceroute: time exceeded from a hop */
};

struct net_ping_opts {
	struct sockaddr_storage dst;
	unsigned count;	     /* probes */
	unsigned size;	     /* datagram size in bytes, as IOS */
	unsigned timeout_ms; /* per probe */
	bool has_source;
	struct sockaddr_storage source; /* bind to this address */
	char source_if[NET_IFNAMSIZ];	/* or SO_BINDTODEVICE this */
};

/* Called once per probe.  rtt_us is valid for PROBE_REPLY. */
typedef void (*net_ping_fn)(void *ctx, unsigned seq, enum net_probe result,
			    unsigned rtt_us);

/* ICMP or ICMPv6 echo from a socket opened inside vrf (raw, else a
 * datagram ping socket).  The next probe leaves as soon as the previous
 * one is answered or timed out.  A probe the kernel refuses to send for
 * want of a route (ENETUNREACH, EHOSTUNREACH) is PROBE_UNREACHABLE.
 * Stops early, without reporting the probe in flight, when *stop (may be
 * NULL) becomes nonzero (Ctrl-C).  Returns 0 when the probes were sent
 * (whatever came back), or an error: size out of range (EINVAL), bad
 * source address or interface, or another send failure. */
int net_ping(const char *vrf, const struct net_ping_opts *o, net_ping_fn fn,
	     void *ctx, volatile int *stop, struct net_err *err);

/* One traceroute probe's answer. */
struct net_hop {
	unsigned ttl, probe;
	enum net_probe result;
	struct sockaddr_storage from; /* who answered */
	unsigned rtt_us;
};
typedef void (*net_trace_fn)(void *ctx, const struct net_hop *hop);

/* Traceroute from inside vrf: ICMP echo probes (3 per hop) with rising
 * TTL until the destination answers, a hop says unreachable, or max_hops
 * (0: 30).  A probe that cannot leave for want of a route is
 * PROBE_UNREACHABLE with from left AF_UNSPEC. */
int net_traceroute(const char *vrf, const struct sockaddr_storage *dst,
		   unsigned max_hops, unsigned timeout_ms, net_trace_fn fn,
		   void *ctx, volatile int *stop, struct net_err *err);

/* ---- programs in a VRF ---------------------------------------------- */

/* Runs argv (argv[0] looked up in PATH) in vrf as `ip netns exec` does:
 * the child enters the namespace, gets a mount namespace of its own with
 * /sys remounted for it and the files of /etc/netns/VRF bound over those
 * of /etc.  Waits for it; *status is its exit status (128+N for signal
 * N; 127 when the command is not found, 126 when it cannot be run, with
 * a message on stderr).  Returns an error only when the child could not
 * enter the VRF (or fork failed); then no command ran. */
int net_exec(const char *vrf, char *const argv[], int *status,
	     struct net_err *err);
/* When on, the program run by net_exec gives up, after entering the VRF,
 * every right the process holds beyond its caller's: the real user and
 * group ids, and no capability.  vrfsh turns it on when file
 * capabilities or a set-id bit gave it rights its user lacks. */
void net_exec_drop_rights(bool on);

#endif
