/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * net.h - the backend: network namespaces (VRFs), links, addresses and
 * forwarding switches, spoken to the kernel with netlink (libmnl) and
 * setns(2).  Knows nothing of the CLI: returns plain structures and errors
 * carrying the kernel's own message.
 *
 * A VRF name NULL, "default" or "global" means the namespace the process
 * started in.  Every function leaves the calling thread in the namespace it
 * was in when called.
 *
 * Not thread-safe: the caches of namespace fds and netlink sockets are
 * process-wide.  Every fd and socket is close-on-exec.
 */
#ifndef VRFSH_NET_H
#define VRFSH_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#define NET_NETNS_DIR "/run/netns"
#define NET_IFNAMSIZ 16
#define NET_VRF_NAME_MAX 64

/* An error: errno-style code plus the best human text for its cause. */
struct net_err {
	int code;		/* positive errno value, 0 for none */
	char msg[256];		/* kernel extended ack text, or strerror */
};

/* Fills err (may be NULL) with code and the printf-style message and
 * returns -code; an empty message becomes strerror(code).  The backend
 * passes the kernel's extended-ack text or strerror(code) as the message,
 * so msg is the cause only: the caller names the object. */
int net_err_set(struct net_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The outcome of a deferred request: err->code is 0 on success. */
typedef void (*net_done_fn)(void *ctx, const struct net_err *err);

/* Sends every deferred request and reports each outcome (see
 * net_route_add_deferred).  Other backend calls do this first.  Returns
 * an error only when the requests could not be sent or acknowledged. */
int net_flush(struct net_err *err);

/* ---- namespaces ---------------------------------------------------- */

/* true for NULL, "", "default" and "global" */
bool net_vrf_is_default(const char *vrf);

/* Sorted names of /run/netns entries (not including default).  Caller
 * frees with net_names_free(). */
struct net_names {
	char **v;
	size_t n;
};
int net_vrf_list(struct net_names *out, struct net_err *err);
void net_names_free(struct net_names *names);

bool net_vrf_exists(const char *vrf);

/* Create as `ip netns add` does, then bring lo up.  Returns 0 and sets
 * *created (may be NULL) to false when it already existed. */
int net_vrf_create(const char *vrf, bool *created, struct net_err *err);

/* What deleting a VRF did or would do. */
struct net_vrf_del_report {
	struct net_names destroyed;	/* virtual links destroyed with it */
	struct net_names returned;	/* physical links back in default */
	int *pids;			/* processes keeping it alive */
	size_t npids;
};
/* Delete as `ip netns delete` does (umount + unlink).  Physical links
 * are first moved back to the default namespace.  Fills report (may be
 * NULL); free it with net_vrf_del_report_free(). */
int net_vrf_delete(const char *vrf, struct net_vrf_del_report *report,
		   struct net_err *err);
void net_vrf_del_report_free(struct net_vrf_del_report *report);

/* The open namespace fd for vrf (cached; do not close).  -1 + err. */
int net_vrf_fd(const char *vrf, struct net_err *err);

/* ---- links --------------------------------------------------------- */

struct net_link {
	int ifindex;
	char name[NET_IFNAMSIZ];
	char kind[32];		/* "veth", "bridge", ... ; "" for physical */
	bool admin_up;		/* IFF_UP */
	bool oper_up;		/* IFF_LOWER_UP / operstate up */
	bool carrier;		/* IFF_LOWER_UP now (operstate may lag) */
	bool loopback;		/* IFF_LOOPBACK */
	unsigned mtu;
	unsigned char mac[6];
	bool has_mac;
	char alias[256];	/* "" when none */
	int master;		/* ifindex of master in same ns, 0 none */
	int peer_ifindex;	/* veth peer's ifindex (IFLA_LINK), 0 none */
	int peer_netnsid;	/* IFLA_LINK_NETNSID, -1 when same ns */
	uint64_t rx_packets, tx_packets, rx_bytes, tx_bytes;
};

struct net_links {
	struct net_link *v;
	size_t n;
};

int net_link_dump(const char *vrf, struct net_links *out, struct net_err *err);
/* A physical link: no IFLA_INFO_KIND and not the loopback.  These are
 * moved back to default when their VRF is deleted and cannot be deleted. */
bool net_link_is_physical(const struct net_link *link);
void net_links_free(struct net_links *links);
/* Look one link up by name. */
int net_link_get(const char *vrf, const char *ifname, struct net_link *out,
		 struct net_err *err);

/* Name of the VRF whose namespace has id netnsid as seen from vrf, or
 * NULL if unknown.  Returned string is static or owned by the backend. */
const char *net_vrf_by_netnsid(const char *vrf, int netnsid);

int net_link_add_veth(const char *vrf, const char *ifname,
		      const char *peer_vrf, const char *peer,
		      struct net_err *err);
int net_link_add_bridge(const char *vrf, const char *ifname,
			struct net_err *err);
int net_link_del(const char *vrf, const char *ifname, struct net_err *err);
/* Move ifname from vrf into to_vrf (keeps its name). */
int net_link_move(const char *vrf, const char *ifname, const char *to_vrf,
		  struct net_err *err);
int net_link_set_up(const char *vrf, const char *ifname, bool up,
		    struct net_err *err);
/* mtu 0 = the kind's default (1500 for ethernet-like links) */
int net_link_set_mtu(const char *vrf, const char *ifname, unsigned mtu,
		     struct net_err *err);
/* alias "" or NULL clears */
int net_link_set_alias(const char *vrf, const char *ifname, const char *alias,
		       struct net_err *err);
/* master NULL releases */
int net_link_set_master(const char *vrf, const char *ifname,
			const char *master, struct net_err *err);

/* ---- addresses ----------------------------------------------------- */

/* Address and route scopes (the kernel's numbers: unknown ones pass). */
enum net_scope {
	NET_SCOPE_UNIVERSE = 0,
	NET_SCOPE_SITE = 200,
	NET_SCOPE_LINK = 253,
	NET_SCOPE_HOST = 254,
	NET_SCOPE_NOWHERE = 255,
};

struct net_addr {
	int ifindex;
	int family;		/* AF_INET or AF_INET6 */
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} a;
	unsigned char plen;
	bool secondary;		/* IFA_F_SECONDARY */
	unsigned char scope;	/* enum net_scope */
};

struct net_addrs {
	struct net_addr *v;
	size_t n;
};

/* family AF_UNSPEC for both */
int net_addr_dump(const char *vrf, int family, struct net_addrs *out,
		  struct net_err *err);
void net_addrs_free(struct net_addrs *addrs);
int net_addr_add(const char *vrf, const char *ifname,
		 const struct net_addr *addr, struct net_err *err);
int net_addr_del(const char *vrf, const char *ifname,
		 const struct net_addr *addr, struct net_err *err);

/* ---- forwarding ---------------------------------------------------- */

/* family AF_INET: net.ipv4.ip_forward; AF_INET6:
 * net.ipv6.conf.all.forwarding */
int net_forwarding_get(const char *vrf, int family, bool *on,
		       struct net_err *err);
int net_forwarding_set(const char *vrf, int family, bool on,
		       struct net_err *err);

/* Release every cached socket and fd (at exit; for leak checkers). */
void net_cleanup(void);

#endif
