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
 * process-wide and bounded (NET_NETNS_CACHE).  Every fd and socket is
 * close-on-exec.
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

/* What a refused operation needs (net_err.need). */
#define NET_NEED_NET_ADMIN "CAP_NET_ADMIN"
#define NET_NEED_SYS_ADMIN "CAP_SYS_ADMIN"
#define NET_NEED_NET_RAW "CAP_NET_RAW"
#define NET_NEED_NETNS_DIR "write access to " NET_NETNS_DIR

/* An error: errno-style code plus the best human text for its cause. */
struct net_err {
	int code;      /* positive errno value, 0 for none */
	char msg[256]; /* kernel extended ack text, or strerror */
	/* When code is EPERM or EACCES and the backend knows: what the
	 * operation needs, one of NET_NEED_*; else NULL. */
	const char *need;
};

/* Fills err (may be NULL) with code and the printf-style message and
 * returns -code; an empty message becomes strerror(code); need becomes
 * NULL.  The backend passes the kernel's extended-ack text or
 * strerror(code) as the message, so msg is the cause only: the caller
 * names the object.  A step of a longer operation prefixes its name
 * ("bind mount: Operation not permitted"). */
int net_err_set(struct net_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The outcome of a deferred request: err->code is 0 on success. */
typedef void (*net_done_fn)(void *ctx, const struct net_err *err);

/* Drops what the backend caches for one command only (the netnsid to
 * VRF map of net_vrf_by_netnsid).  The command layer calls it at the
 * start of every command. */
void net_cmd_begin(void);

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
/* The VRFs: entries with a namespace mounted on them go to out.  Stale
 * entries (a plain file with no namespace on it: what an interrupted
 * delete leaves, or `touch /run/netns/x`) go to stale, or are left out
 * when stale is NULL.  Both sorted; both freed by the caller. */
int net_vrf_scan(struct net_names *out, struct net_names *stale,
		 struct net_err *err);
/* net_vrf_scan(out, NULL, err): the VRFs, stale entries left out. */
int net_vrf_list(struct net_names *out, struct net_err *err);
void net_names_free(struct net_names *names);

/* A VRF that can be used: a network namespace is on its file. */
bool net_vrf_exists(const char *vrf);
/* An entry in /run/netns with no namespace on it (see net_vrf_scan). */
bool net_vrf_is_stale(const char *vrf);

/* Create as `ip netns add` does and bring lo up, under the lock of
 * /run/netns: lock, make /run/netns a shared mount, create the file
 * (O_EXCL; over a stale empty regular file, that file is used), unshare
 * a network namespace, bring lo up in it, bind it onto the file.  Any
 * failure undoes what was done (a file it made is removed) and err->msg
 * names the step.  Returns 0 and sets *created (may be NULL) to false
 * when it already existed. */
int net_vrf_create(const char *vrf, bool *created, struct net_err *err);

/* What deleting a VRF did or would do. */
struct net_vrf_del_report {
	struct net_names destroyed; /* virtual links destroyed with it */
	struct net_names returned;  /* physical links back in default */
	int *pids;		    /* processes keeping it alive */
	size_t npids;
	int *running; /* those of pids running in it */
	size_t nrunning;
	bool stale; /* a stale entry was removed */
};

/* net_vrf_delete flags: delete even with processes running in it. */
#define NET_VRF_DEL_FORCE 1u

/* Delete as `ip netns delete` does, under the lock of /run/netns, in an
 * order that leaves the VRF whole when any step is refused:
 *  1. check what can be checked first: write access to /run/netns,
 *     CAP_SYS_ADMIN and CAP_NET_ADMIN, that the namespace can be entered;
 *  2. processes running in it (not those only holding it open): without
 *     NET_VRF_DEL_FORCE, EBUSY with report->running and ->pids filled,
 *     nothing changed;
 *  3. physical links move back to default (moved back in on a failure);
 *  4. unmount, then unlink the file; when the unlink is refused, the
 *     namespace (held by an fd) is bound onto the file again;
 *  5. its virtual links are destroyed, so that they stop forwarding even
 *     when another process keeps the namespace alive.
 * A stale entry (see net_vrf_scan) is removed (report->stale).  ENOENT
 * when there is no such entry.  err->msg names the step that failed.
 * Fills report (may be NULL); free it with net_vrf_del_report_free(). */
int net_vrf_delete(const char *vrf, unsigned flags,
		   struct net_vrf_del_report *report, struct net_err *err);
void net_vrf_del_report_free(struct net_vrf_del_report *report);

/* The open namespace fd for vrf (cached; do not close).  At most
 * NET_NETNS_CACHE namespace fds and as many netlink sockets are kept,
 * the least recently used closed first: the fd stays valid until that
 * many other VRFs have been used.  -1 + err: ENOENT when the VRF does
 * not exist or is stale. */
#define NET_NETNS_CACHE 64
int net_vrf_fd(const char *vrf, struct net_err *err);

/* ---- links --------------------------------------------------------- */

/* The kernel's counters of a link (struct rtnl_link_stats64, and
 * IFLA_CARRIER_CHANGES), as indices of net_link_stats.v: one array, so
 * that a baseline (clear counters) is subtracted by one loop. */
enum net_stat {
	NET_RX_PACKETS,
	NET_TX_PACKETS,
	NET_RX_BYTES,
	NET_TX_BYTES,
	NET_RX_ERRORS,
	NET_TX_ERRORS,
	NET_RX_DROPPED,
	NET_TX_DROPPED,
	NET_MULTICAST,
	NET_COLLISIONS,
	NET_RX_LENGTH_ERRORS,
	NET_RX_OVER_ERRORS,
	NET_RX_CRC_ERRORS,
	NET_RX_FRAME_ERRORS,
	NET_RX_FIFO_ERRORS,
	NET_RX_MISSED_ERRORS,
	NET_TX_ABORTED_ERRORS,
	NET_TX_CARRIER_ERRORS,
	NET_TX_FIFO_ERRORS,
	NET_TX_HEARTBEAT_ERRORS,
	NET_TX_WINDOW_ERRORS,
	NET_RX_NOHANDLER,
	NET_CARRIER_CHANGES,
	NET_STATS
};

/* The names of the counters, as iproute2's JSON spells the fields of
 * rtnl_link_stats64 ("rx_packets", ..., "carrier_changes"). */
extern const char *const net_stat_names[NET_STATS];

struct net_link_stats {
	uint64_t v[NET_STATS];
};

/* What IFLA_AF_SPEC says of a link's IPv4 settings (net.ipv4.conf.IF). */
struct net_link_inet {
	bool valid; /* the kernel sent them */
	bool forwarding;
	bool proxy_arp;
	bool send_redirects;
	bool accept_redirects;
	unsigned char rp_filter; /* 0 off, 1 strict, 2 loose */
};

/* ... and of its IPv6 settings (net.ipv6.conf.IF). */
struct net_link_inet6 {
	bool valid;
	bool disabled; /* disable_ipv6 */
	bool forwarding;
	bool accept_ra;
	bool autoconf;
	int dad_transmits;
	unsigned mtu;
	unsigned reachable_ms; /* the neighbour reachable time in use */
	unsigned retrans_ms;
};

struct net_link {
	int ifindex;
	char name[NET_IFNAMSIZ];
	char kind[32];		  /* "veth", "bridge", ... ; "" for physical */
	bool admin_up;		  /* IFF_UP */
	bool oper_up;		  /* IFF_LOWER_UP / operstate up */
	bool carrier;		  /* IFF_LOWER_UP now (operstate may lag) */
	uint32_t carrier_changes; /* carrier ups and downs since made */
	bool loopback;		  /* IFF_LOOPBACK */
	unsigned mtu;
	unsigned char mac[6];
	bool has_mac;
	char alias[256];  /* "" when none */
	int master;	  /* ifindex of master in same ns, 0 none */
	int peer_ifindex; /* veth peer's ifindex (IFLA_LINK), 0 none */
	int peer_netnsid; /* IFLA_LINK_NETNSID, -1 when same ns */
	uint64_t rx_packets, tx_packets, rx_bytes, tx_bytes;
	struct net_link_stats stats; /* every counter (the four above too) */
	unsigned txqlen;
	unsigned char perm_mac[6]; /* IFLA_PERM_ADDRESS: burnt in */
	bool has_perm_mac;
	struct net_link_inet inet;
	struct net_link_inet6 inet6;
	/* From net_link_ethtool() only: 0 / -1 when unknown. */
	unsigned speed_mbps;
	int duplex; /* 0 half, 1 full, -1 unknown */
	int port;   /* ethtool PORT_*, -1 unknown */
};

struct net_links {
	struct net_link *v;
	size_t n;
};

int net_link_dump(const char *vrf, struct net_links *out, struct net_err *err);
/* The names of vrf's links, in the kernel's order (for completion: kept
 * between calls while the kernel reports no link change in vrf).  Freed
 * with net_names_free(). */
int net_link_names(const char *vrf, struct net_names *out, struct net_err *err);
/* A physical link: no IFLA_INFO_KIND and not the loopback.  These are
 * moved back to default when their VRF is deleted and cannot be deleted. */
bool net_link_is_physical(const struct net_link *link);
void net_links_free(struct net_links *links);
/* Asks the driver of every link of links (read from vrf) for its speed,
 * duplex and port (the ethtool ioctl, as `ethtool IFNAME` shows them):
 * fills speed_mbps, duplex and port, leaving them unknown where the
 * driver does not say.  Fails only when the VRF cannot be entered. */
int net_link_ethtool(const char *vrf, struct net_links *links,
		     struct net_err *err);
/* Look one link up by name. */
int net_link_get(const char *vrf, const char *ifname, struct net_link *out,
		 struct net_err *err);

/* Name of the VRF whose namespace has id netnsid as seen from vrf, or
 * NULL if unknown.  Returned string is static or owned by the backend.
 * The answers for vrf are found with one pass over the VRFs on its first
 * miss and kept until net_cmd_begin() or a change made by the backend. */
const char *net_vrf_by_netnsid(const char *vrf, int netnsid);

int net_link_add_veth(const char *vrf, const char *ifname, const char *peer_vrf,
		      const char *peer, struct net_err *err);
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
int net_link_set_master(const char *vrf, const char *ifname, const char *master,
			struct net_err *err);

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
	int family; /* AF_INET or AF_INET6 */
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} a;
	unsigned char plen;
	bool secondary;	     /* IFA_F_SECONDARY */
	unsigned char scope; /* enum net_scope */
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

/* How many requests that change the kernel this process has sent
 * (rtnetlink changes, sysctl writes, namespace made or removed); for
 * configure replace to say what it did, and tests. */
unsigned long net_changes(void);
/* Counts one change made by other means than rtnetlink. */
void net_count_change(void);

/* Release every cached socket and fd (at exit; for leak checkers). */
void net_cleanup(void);

#endif
