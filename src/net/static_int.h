/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * static_int.h - internal: the per-VRF picture that static routes are
 * computed on.  A context holds a VRF's record (entries grouped by
 * prefix and distance), a snapshot of its main table, its links and its
 * local addresses, and resolves each group to the kernel route it wants.
 * static_table.c builds and resolves it; static.c changes it.
 */
#ifndef VRFSH_NET_STATIC_INT_H
#define VRFSH_NET_STATIC_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "net/static.h"

#define NONE UINT32_MAX

/* A next hop as the kernel has or gets it. */
struct knh {
	union net_ip gw;
	int ifindex;
	bool has_gw;
	unsigned char flags;
};

/* One route of the snapshot of the main table. */
struct kroute {
	union net_ip dst;
	uint32_t metric;
	uint32_t next; /* prefix hash chain */
	uint32_t nh;   /* first of nnh in ctx->knh */
	unsigned char family, plen, protocol, type, nnh;
	bool gone;  /* deleted since the snapshot */
	bool taken; /* made by this process or adopted: never adopted
		     * (again) */
};

/* One configured next hop (entry of the record). */
struct entry {
	struct net_static s; /* s.protocol: see the group's */
	uint32_t group;
	uint32_t gnext; /* next entry of the group, NONE at the end */
	bool dead;	/* removed (kept for undo) */
};

enum {
	RES_NONE,
	RES_BUSY,
	RES_DONE
};

/* The entries of one prefix and distance, and what they resolve to. */
struct group {
	union net_ip dst;
	uint32_t distance;
	uint32_t next;	/* prefix hash chain */
	uint32_t first; /* first live entry, in record order */
	unsigned char family, plen, protocol;
	unsigned char nent; /* live entries */
	/* resolution, valid while gen == ctx->gen */
	uint32_t gen;
	unsigned char rstate;
	bool recursive;	    /* through gateways of another route */
	bool blackhole;	    /* a Null0-like route, or resolved to one */
	uint32_t res, nres; /* the usable next hops, in ctx->pool */
	/* this flush */
	bool touched; /* changed by a change */
	bool ahead;   /* being sent ahead (static.c's send_ahead) */
	bool failed;
	uint32_t fail; /* index of its error in the flush's list */
};

struct slink {
	int ifindex;
	bool usable;
	char name[NET_IFNAMSIZ];
};

struct laddr {
	int family;
	union net_ip a;
};

#define GW_SEEN_MAX 32

struct vctx {
	struct vctx *next;
	char vrf[NET_VRF_NAME_MAX + 1]; /* "default" for the default VRF */
	struct kroute *k;
	uint32_t nk, capk;
	struct knh *knh;
	uint32_t nknh, capknh;
	struct entry *e;
	uint32_t ne, cape;
	struct group *g;
	uint32_t ng, capg;
	uint32_t *kheads, *gheads; /* prefix hashes, hsize each */
	uint32_t khsize, ghsize;
	struct slink *links; /* sorted by ifindex */
	uint32_t *by_name;   /* link indices sorted by name */
	uint32_t nlinks;
	struct laddr *addrs;
	uint32_t naddrs, capaddrs;
	uint64_t present[2][3]; /* prefix lengths in use, per family */
	struct knh *pool;	/* resolved next hops */
	uint32_t npool, cappool;
	uint32_t gen;
	bool loop;	/* a resolution met a busy group */
	bool changed;	/* the record differs from its file */
	bool reconcile; /* look at every group at the flush */
	bool dirty;	/* some group may differ from the kernel */
	bool reread;	/* a request sent ahead failed: the snapshot is
			 * wrong until read again */
	/* The gateways of the entries (GW_SEEN_MAX at most: beyond, every
	 * change counts as touching them): a change of a group whose
	 * prefix holds none of them changes no other group's resolution. */
	union net_ip gws[GW_SEEN_MAX];
	unsigned char gwfam[GW_SEEN_MAX];
	uint32_t ngws;
	bool gws_many;
	char *text; /* the record formatted while the kernel works
			 * (static.c); NULL when not, or no longer, so */
	size_t textlen;
};

/* A new context for vrf: the record read (locked: stale records go),
 * and, when kernel is set, the snapshot of routes, links, addresses. */
int vctx_load(const char *vrf, bool kernel, struct vctx **out,
	      struct net_err *err);
void vctx_free(struct vctx *v);
/* The snapshot of the kernel's routes and addresses, read (again). */
int vctx_read_kernel(struct vctx *v, struct net_err *err);
/* The record as text, and parsed from text (into an empty context);
 * path names the file in errors. */
int vctx_format(const struct vctx *v, char **out, size_t *len);
int vctx_parse(struct vctx *v, const char *text, size_t len, const char *path,
	       struct net_err *err);

/* The record's text: its first line, then one line per entry. */
#define STATIC_FORMAT_LINE "format 1"
/* One entry's line parsed and checked on its own (all that needs no
 * other line): NULL, or why it is refused (err holds the text when
 * static_check refused it).  line is cut into words in place. */
const char *static_record_line(char *line, struct net_static *s,
			       struct net_err *err);
/* Why entry s may not follow e of its group (NULL: it may); and the
 * other refusals of a group's entries, as the record's reader words
 * them. */
const char *static_beside(const struct net_static *e,
			  const struct net_static *s);
#define STATIC_WHY_PROTOCOLS "next hops of one route with different protocols"
#define STATIC_WHY_TOO_MANY "too many next hops"
bool no_nh_kind(enum net_static_kind k);

/* net_static_index() from a context in memory, or from the record
 * (static_index.c). */
struct net_static_index *sindex_of_ctx(const struct vctx *v);
int sindex_read(const char *vrf, struct net_static_index **out,
		struct net_err *err);

/* Checks a next hop as typed (EINVAL with a message). */
int static_check(const struct net_static *s, struct net_err *err);
bool static_same(const struct net_static *a, const struct net_static *b);

/* Groups and entries. */
uint32_t group_find(const struct vctx *v, int family, const union net_ip *dst,
		    unsigned plen, uint32_t distance);
uint32_t group_add(struct vctx *v, const struct net_static *s,
		   unsigned char protocol);
uint32_t entry_add(struct vctx *v, uint32_t group, const struct net_static *s);
/* Entry e is s now (another kind or next hop of the same route). */
void entry_set(struct vctx *v, uint32_t e, const struct net_static *s);
/* Takes an entry out of its group (dead) or puts it back. */
void entry_kill(struct vctx *v, uint32_t e);
void entry_revive(struct vctx *v, uint32_t e);
/* The groups of one prefix (any distance): the first, and the next one
 * after group i; NONE at the end. */
uint32_t group_first_at(const struct vctx *v, int family,
			const union net_ip *dst, unsigned plen);
uint32_t group_next_at(const struct vctx *v, uint32_t i);

/* Kernel snapshot. */
uint32_t kroute_slot(const struct vctx *v, int family, const union net_ip *dst,
		     unsigned plen, uint32_t metric);
/* The snapshot's routes of one prefix (any metric), as above. */
uint32_t kroute_first_at(const struct vctx *v, int family,
			 const union net_ip *dst, unsigned plen);
uint32_t kroute_next_at(const struct vctx *v, uint32_t i);
bool kroute_ours(const struct kroute *k);
/* Brings the snapshot in line with a request that worked. */
void kroute_apply(struct vctx *v, const struct net_route *r,
		  enum net_route_op op);
const struct slink *link_by_index(const struct vctx *v, int ifindex);
const struct slink *link_by_name(const struct vctx *v, const char *name);
bool is_local_addr(const struct vctx *v, int family, const union net_ip *a);

/* Resolution, memoized: a group's until it changes, everyone's until
 * v->gen changes (a change of a group whose prefix may hold a gateway
 * bumps it). */
void group_resolve(struct vctx *v, uint32_t g);
/* The usable next hops of one entry of group g into out (at most
 * NET_MAX_NEXTHOPS, deduplicated); *recursive when through gateways. */
int entry_resolve(struct vctx *v, uint32_t g, const struct net_static *s,
		  struct knh *out, bool *recursive);
/* The kernel route group g wants; false when it wants none. */
bool group_desired(struct vctx *v, uint32_t g, struct net_route *r);
/* Is the kernel route k what r describes? */
bool kroute_equal(const struct vctx *v, const struct kroute *k,
		  const struct net_route *r);

#endif
