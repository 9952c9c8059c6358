/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * static.h - static routes as configuration (intent) kept beside the
 * kernel, and the reconciliation that installs each one whenever its
 * next hop is usable and withdraws it when it is not.
 *
 * What is kept.  Per VRF, a record "static" in the state store (state.h)
 * holds every next hop configured through this API, as typed: prefix,
 * distance, protocol and one of a gateway, an interface (by name), both,
 * or no next hop at all (Null0 = blackhole, unreachable, prohibit).  The
 * next hops of one prefix at one distance form one kernel route (one
 * multipath route when several are usable).  Kernel routes that no
 * record covers (another tool's, or older ones) are left as they are,
 * except when a change names their prefix (see adoption below).
 *
 * Distances are kernel metrics (DISTANCE = RTA_PRIORITY, as before; an
 * IPv6 distance 0 is 1024, what the kernel makes of it).  Every usable
 * distance of a prefix is installed: the kernel forwards by the lowest
 * metric, so the best distance is the active route and the others are
 * backups that take over at once when it goes (the command layer shows
 * them as such).
 *
 * Usable.  A link is usable when it exists by its configured name, is
 * administratively up and has carrier (IFF_UP and IFF_LOWER_UP, what the
 * kernel's linkdown flag follows; operstate may lag behind).  An interface next hop is usable when its
 * link is.  A gateway with an interface is usable when that link is and
 * the gateway is on one of its on-link routes (or is IPv6 link-local).
 * A gateway alone resolves as IOS does: the longest prefix match for it
 * among the VRF's usable routes (kernel routes the record does not
 * cover, and the record's own routes as they resolve), never through
 * itself (a configured route of its own prefix, at any distance); an on-link match (a connected or interface
 * route) makes it a gateway on that link; a match through gateways
 * makes it recursive: it is installed with the gateways and links of
 * that route.  A blackhole match, no match, or a loop leave it
 * unusable.  Kernel next hops flagged dead, or on a link that is not
 * usable, are not usable (the kernel's linkdown flag of a route lags
 * behind its link's carrier: the link is what counts).
 *
 * Reconciliation: for each prefix and distance of the record, the kernel
 * route is made equal to what its usable next hops give: added, replaced
 * (NLM_F_REPLACE) or deleted; nothing is sent when it is equal already.
 * Changes and reconciliation are the same computation: every flush of
 * changes also reconciles the VRF.  A route that another tool deleted
 * while its next hop is usable is installed again at the next
 * reconciliation (as FRR's zebra re-installs its routes): the record
 * cannot tell such a deletion from a flap that the kernel flushed while
 * no vrfsh ran.  To remove a configured route use net_static_del().
 *
 * Adoption: a change of a prefix and distance that the record does not
 * cover yet first takes over the kernel's static or boot route of that
 * prefix and metric, as its next hops are (a gateway alone when it
 * resolves to the same link, else gateway and interface), so that adding
 * a next hop to a route made by iproute2 makes a multipath route and
 * re-entering a route that is there changes nothing.
 *
 * Batching: changes are applied to the record in memory at once (so
 * that later ones see them) and to the kernel and the state file when
 * flushed, with one dump of the VRF's table and links per flush and one
 * write of its record.  Between the first change and the flush the
 * process holds the "static" lock of the state store.  A long batch is
 * sent ahead: every 256 changes, the groups they changed are synced as
 * they are then, and the kernel works on those requests while later
 * changes are made (nl.c sends full batches from a thread).  The flush
 * still looks at every group and reports, traces back and undoes
 * failures as before; a request sent ahead that failed makes it read
 * the VRF's table again first.  So the outcome is the one of a flush of
 * everything at the end, and the kernel may hold routes of a batch
 * before its flush (as it may during the flush).
 */
#ifndef VRFSH_NET_STATIC_H
#define VRFSH_NET_STATIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net/route.h"

#define NET_STATIC_RECORD "static"

enum net_static_kind {
	NET_STATIC_GW,	   /* a gateway, recursive when not on-link */
	NET_STATIC_DEV,	   /* out of an interface */
	NET_STATIC_GW_DEV, /* a gateway on an interface */
	NET_STATIC_NULL0,  /* blackhole */
	NET_STATIC_UNREACHABLE,
	NET_STATIC_PROHIBIT,
};

/* One configured next hop of a route, as typed. */
struct net_static {
	int family;	  /* AF_INET or AF_INET6 */
	union net_ip dst; /* host bits zero */
	unsigned char plen;
	unsigned char protocol; /* NET_PROTO_STATIC or NET_PROTO_BOOT */
	uint32_t distance;	/* the kernel metric */
	enum net_static_kind kind;
	union net_ip gw;	   /* GW, GW_DEV */
	char ifname[NET_IFNAMSIZ]; /* DEV, GW_DEV */
};

/* At most this many next hops for one prefix and distance. */
#define NET_STATIC_MAX_NH NET_MAX_NEXTHOPS

enum net_static_state {
	NET_STATIC_INSTALLED, /* usable: in the kernel route */
	NET_STATIC_INACTIVE,  /* kept; not usable now */
};

/* ---- changes ------------------------------------------------------- */

/*
 * Adds a configured next hop.  Refused at once, with nothing changed
 * (err names the cause; the caller names the route):
 *   EINVAL  a bad route (prefix, family, kind, interface name; an IPv6
 *           link-local gateway without interface), a Null0/unreachable/
 *           prohibit next hop beside other next hops of that prefix and
 *           distance, or a gateway that is one of the VRF's own
 *           addresses;
 *   ELOOP   a gateway that resolves only through a loop of recursive
 *           routes that this one would close;
 *   E2BIG   more than NET_STATIC_MAX_NH next hops;
 *   EEXIST  a route of another protocol (kernel, dhcp, ...) holds this
 *           prefix and metric;
 *   ENOENT  no such VRF; errors of the state store (EBADMSG, EPERM).
 * Returns 1 when it is configured exactly so already (nothing changes,
 * no kernel request, fn is not called), 0 when the change is accepted.
 * A different protocol for a configured prefix and distance changes the
 * protocol of all its next hops.  *state (may be NULL) says whether the
 * next hop is usable now.
 *
 * fn NULL: the change is flushed at once (with anything queued before)
 * and its outcome returned.  Otherwise it waits for net_static_flush(),
 * which calls fn(ctx, err) with the kernel's outcome: err->code 0 when
 * applied, else the cause (the change was undone: nothing of it stays),
 * ECANCELED when undone because an earlier change failed.
 */
int net_static_add(const char *vrf, const struct net_static *s,
		   enum net_static_state *state, net_done_fn fn, void *ctx,
		   struct net_err *err);

/* What net_static_del() compares: dst/plen always; the distance when
 * NET_STATIC_MATCH_DISTANCE; the next hop when NET_STATIC_MATCH_NH: a
 * given gateway must be the entry's, a given interface the entry's
 * (so "G" matches "G" and "IF G"; "IF" matches "IF" and "IF G"); a
 * NULL0/UNREACHABLE/PROHIBIT kind matches that kind. */
enum {
	NET_STATIC_MATCH_DISTANCE = 1,
	NET_STATIC_MATCH_NH = 2,
};

/* Removes every configured next hop that matches (static or boot routes
 * of that prefix in the kernel are adopted first, so that routes made
 * by other tools are removed too).  ESRCH when none matches.  Removing
 * one next hop of several leaves the others installed.  fn as above. */
int net_static_del(const char *vrf, const struct net_static *match,
		   unsigned flags, net_done_fn fn, void *ctx,
		   struct net_err *err);

/* Sends queued changes and pending reconciliations (net_static_touch),
 * calls each change's fn in the order of the changes, writes each
 * changed record once, and releases the lock.  stop_at_failure: when a
 * change fails, the changes after it are undone too (fn gets ECANCELED
 * for them), as a batch that stops at its first error needs; else each
 * failure undoes only its own change.  Returns how many changes failed
 * (not counting ECANCELED), or a negative error when the kernel could
 * not be spoken to or a record could not be written (the kernel keeps
 * what it took). */
int net_static_flush(bool stop_at_failure, struct net_err *err);

/* Drops queued changes without applying them (fn is not called) and
 * releases the lock: for a session that ends abnormally.  What was sent
 * ahead stays in the kernel, uncovered by the record. */
void net_static_abort(void);

/* ---- reconciliation ------------------------------------------------ */

struct net_static_report {
	unsigned vrfs;			   /* VRFs whose record was looked at */
	unsigned added, replaced, deleted; /* kernel requests that worked */
	unsigned failed;		   /* requests the kernel refused */
	struct net_err first; /* the first refusal (code 0: none) */
	char first_vrf[NET_VRF_NAME_MAX + 1];
};

/* Brings the kernel in line with the record of vrf, or of every VRF
 * that has one (vrf NULL; "" or "default" is the default VRF); report
 * (may be NULL) is added to.  Costs one look at the state directory when
 * no VRF has a record, else per VRF one read of its record and one dump
 * of its routes and links.  Stale records are removed.  A VRF whose
 * record cannot be read is skipped and its error returned after the
 * others are done.  Call it at the start of a run (vrf NULL) and after
 * changing links or addresses of a VRF (or use net_static_touch). */
int net_static_reconcile(const char *vrf, struct net_static_report *report,
			 struct net_err *err);

/* Marks vrf to be reconciled at the next net_static_flush() (cheap when
 * it has no record).  For the command layer after shutdown, no
 * shutdown, ip address, no ip address, vrf forwarding (both VRFs). */
int net_static_touch(const char *vrf, struct net_err *err);

/* ---- reading --------------------------------------------------------- */

/* One configured next hop and what it is now. */
struct net_static_entry {
	struct net_static s;
	enum net_static_state state; /* with NET_STATIC_LIST_STATE */
	bool recursive;		     /* resolved through gateways */
	struct net_nexthop via[NET_MAX_NEXTHOPS]; /* what it resolved to */
	int nvia;
};

struct net_static_list {
	struct net_static_entry *v; /* sorted: family (IPv4 first),
					 * prefix, length, distance, then
					 * the order configured */
	size_t n;
};

enum {
	NET_STATIC_LIST_STATE = 1, /* also dump the kernel for state/via */
};

/* The configured next hops of vrf (none: an empty list).  Without
 * NET_STATIC_LIST_STATE only the record is read: cheap, no lock. */
int net_static_list(const char *vrf, unsigned flags,
		    struct net_static_list *out, struct net_err *err);
void net_static_list_free(struct net_static_list *l);
/* Is the kernel route r (from net_route_dump of the same VRF) one that
 * the list configures, i.e. its prefix and metric are in the record?
 * Such routes are rendered from the list, others from the kernel. */
bool net_static_covers(const struct net_static_list *l,
		       const struct net_route *r);

/* The same configured next hops (without state), a few words each: for
 * the running configuration of a VRF with a million routes, where a
 * list would hold some 300 bytes per route.  Read from the record a
 * piece at a time, checked as net_static_list() checks it (the same
 * errors), sorted as the list is.  The functions below take NULL as an
 * empty index. */
struct net_static_index;

int net_static_index(const char *vrf, struct net_static_index **out,
		     struct net_err *err);
size_t net_static_index_len(const struct net_static_index *x);
/* Entry i (< len) in the order of the list; s.ifname set for DEV and
 * GW_DEV, s.protocol the route's. */
void net_static_index_get(const struct net_static_index *x, size_t i,
			  struct net_static *s);
/* net_static_covers() of the index. */
bool net_static_index_covers(const struct net_static_index *x,
			     const struct net_route *r);
void net_static_index_free(struct net_static_index *x);

/* ---- following events ------------------------------------------------ */

struct net_watch_opts {
	unsigned settle_ms; /* gather events this long (0: 100) */
	unsigned full_s;    /* reconcile everything this often (0: 60) */
	/* Told what each reconciliation changed (may be NULL). */
	void (*report)(void *ctx, const char *vrf,
		       const struct net_static_report *r,
		       const struct net_err *err);
	void *ctx;
};

/* Follows rtnetlink link, address and route events in every VRF that
 * has a record, and VRFs and records appearing and going (inotify on
 * /run/netns and the state directory), and reconciles each VRF where
 * something happened within settle_ms plus the reconciliation's own
 * time.  Returns 0 when *stop becomes nonzero (a signal handler sets it;
 * the wait is interrupted by the signal), or an error that keeps it
 * from watching at all. */
int net_watch(volatile int *stop, const struct net_watch_opts *o,
	      struct net_err *err);

/* ---- measuring ------------------------------------------------------- */

struct net_static_stats {
	unsigned long requests; /* route requests sent */
	unsigned long dumps;	/* route table dumps */
	unsigned long writes;	/* records written or removed */
};
/* Totals since the process started (for tests and benchmarks). */
void net_static_stats(struct net_static_stats *out);

#endif
