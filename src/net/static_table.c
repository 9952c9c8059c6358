/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * static_table.c - the per-VRF context of static_int.h: the record's
 * entries and groups, the snapshot of the main table hashed by prefix,
 * links and local addresses, the record's text form, and the resolution
 * of each group to the kernel route it wants (longest match as IOS does,
 * recursive through other routes, memoized per generation).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netns.h"
#include "nl.h"
#include "state.h"
#include "static_int.h"

/* ---- addresses and prefixes ------------------------------------- */

static unsigned ip_bytes(int family)
{
	return family == AF_INET ? 4 : 16;
}

static unsigned max_plen(int family)
{
	return family == AF_INET ? 32 : 128;
}

static int fam_idx(int family)
{
	return family == AF_INET ? 0 : 1;
}

/* a with every bit past plen cleared */
static union net_ip masked(int family, const union net_ip *a, unsigned plen)
{
	union net_ip m;
	unsigned char *b = (unsigned char *)&m;
	unsigned n = ip_bytes(family);

	memset(&m, 0, sizeof(m));
	memcpy(&m, a, n);
	for (unsigned i = 0; i < n; i++) {
		if (plen >= 8) {
			plen -= 8;
			continue;
		}
		b[i] &= (unsigned char)(0xff << (8 - plen));
		plen = 0;
	}
	return m;
}

static bool ip_eq(int family, const union net_ip *a, const union net_ip *b)
{
	return !memcmp(a, b, ip_bytes(family));
}

static bool is_ll6(int family, const union net_ip *a)
{
	return family == AF_INET6 && IN6_IS_ADDR_LINKLOCAL(&a->v6);
}

static uint32_t prefix_hash(int family, const union net_ip *dst, unsigned plen)
{
	const unsigned char *b = (const unsigned char *)dst;
	uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)plen ^
		     ((uint64_t)family << 8);

	for (unsigned i = 0; i < ip_bytes(family); i++)
		h = (h ^ b[i]) * 0x100000001b3ull;
	return (uint32_t)(h ^ (h >> 32));
}

static void mark_present(struct vctx *v, int family, unsigned plen)
{
	v->present[fam_idx(family)][plen / 64] |= 1ull << (plen % 64);
}

static bool present(const struct vctx *v, int family, unsigned plen)
{
	return v->present[fam_idx(family)][plen / 64] & (1ull << (plen % 64));
}

/* ---- arrays and hashes -------------------------------------------- */

/* Room for one more element in *p (of *cap, n used); false on ENOMEM. */
static bool grow(void **p, uint32_t *cap, uint32_t n, size_t size)
{
	uint32_t c = *cap ? *cap * 2 : 16;
	void *q;

	if (n < *cap)
		return true;
	q = realloc(*p, (size_t)c * size);
	if (!q)
		return false;
	*p = q;
	*cap = c;
	return true;
}

static void out_of_memory(void)
{
	/* the record in memory would be half changed: no way on */
	fputs("vrfsh: out of memory\n", stderr);
	abort();
}

#define GROW(v, arr, n, cap)                                                   \
	do {                                                                   \
		if (!grow((void **)&(v)->arr, &(v)->cap, (v)->n,               \
			  sizeof(*(v)->arr)))                                  \
			out_of_memory();                                       \
	} while (0)

static uint32_t *new_heads(uint32_t size)
{
	uint32_t *h = malloc((size_t)size * sizeof(*h));

	if (!h)
		out_of_memory();
	memset(h, 0xff, (size_t)size * sizeof(*h)); /* NONE */
	return h;
}

static void k_rehash(struct vctx *v)
{
	uint32_t size = v->khsize ? v->khsize * 2 : 64;

	while (size < v->nk * 2)
		size *= 2;
	free(v->kheads);
	v->kheads = new_heads(size);
	v->khsize = size;
	for (uint32_t i = 0; i < v->nk; i++) {
		struct kroute *k = &v->k[i];
		uint32_t h = prefix_hash(k->family, &k->dst, k->plen) &
			     (size - 1);

		k->next = v->kheads[h];
		v->kheads[h] = i;
	}
}

static void g_rehash(struct vctx *v)
{
	uint32_t size = v->ghsize ? v->ghsize * 2 : 64;

	while (size < v->ng * 2)
		size *= 2;
	free(v->gheads);
	v->gheads = new_heads(size);
	v->ghsize = size;
	for (uint32_t i = 0; i < v->ng; i++) {
		struct group *g = &v->g[i];
		uint32_t h = prefix_hash(g->family, &g->dst, g->plen) &
			     (size - 1);

		g->next = v->gheads[h];
		v->gheads[h] = i;
	}
}

/* ---- the kernel snapshot ------------------------------------------ */

bool kroute_ours(const struct kroute *k)
{
	return k->protocol == NET_PROTO_STATIC || k->protocol == NET_PROTO_BOOT;
}

uint32_t kroute_first_at(const struct vctx *v, int family,
			 const union net_ip *dst, unsigned plen)
{
	uint32_t i;

	if (!v->khsize)
		return NONE;
	i = v->kheads[prefix_hash(family, dst, plen) & (v->khsize - 1)];
	for (; i != NONE; i = v->k[i].next) {
		const struct kroute *k = &v->k[i];

		if (k->family == family && k->plen == plen && !k->gone &&
		    ip_eq(family, &k->dst, dst))
			return i;
	}
	return NONE;
}

uint32_t kroute_next_at(const struct vctx *v, uint32_t i)
{
	const struct kroute *at = &v->k[i];

	for (i = at->next; i != NONE; i = v->k[i].next) {
		const struct kroute *k = &v->k[i];

		if (k->family == at->family && k->plen == at->plen &&
		    !k->gone && ip_eq(k->family, &k->dst, &at->dst))
			return i;
	}
	return NONE;
}

uint32_t kroute_slot(const struct vctx *v, int family, const union net_ip *dst,
		     unsigned plen, uint32_t metric)
{
	uint32_t i = kroute_first_at(v, family, dst, plen), first = NONE;

	/* ours first: another protocol's at the same metric is a conflict
	 * only when there is no static one to change */
	for (; i != NONE; i = kroute_next_at(v, i)) {
		if (v->k[i].metric != metric)
			continue;
		if (kroute_ours(&v->k[i]))
			return i;
		if (first == NONE)
			first = i;
	}
	return first;
}

static void kroute_insert(struct vctx *v, const struct net_route *r)
{
	struct kroute *k;
	uint32_t h;

	GROW(v, k, nk, capk);
	k = &v->k[v->nk];
	memset(k, 0, sizeof(*k));
	k->family = (unsigned char)r->family;
	k->dst = r->dst;
	k->plen = r->plen;
	k->metric = r->metric;
	k->protocol = r->protocol;
	k->type = r->type;
	k->nh = v->nknh;
	for (int i = 0; i < r->nnh; i++) {
		GROW(v, knh, nknh, capknh);
		v->knh[v->nknh++] = (struct knh){ r->nh[i].gw, r->nh[i].ifindex,
						  r->nh[i].has_gw,
						  r->nh[i].flags };
	}
	k->nnh = (unsigned char)r->nnh;
	v->nk++;
	mark_present(v, r->family, r->plen);
	if (v->nk * 2 > v->khsize) {
		k_rehash(v);
		return;
	}
	h = prefix_hash(k->family, &k->dst, k->plen) & (v->khsize - 1);
	k->next = v->kheads[h];
	v->kheads[h] = v->nk - 1;
}

void kroute_apply(struct vctx *v, const struct net_route *r,
		  enum net_route_op op)
{
	uint32_t i = kroute_slot(v, r->family, &r->dst, r->plen, r->metric);

	if (i != NONE && (op != NET_ROUTE_ADD))
		v->k[i].gone = true;
	if (op != NET_ROUTE_DEL) {
		kroute_insert(v, r);
		v->k[v->nk - 1].taken = true;
	}
}

static int walk_cb(void *ctx, const struct net_route *r)
{
	struct vctx *v = ctx;

	if (r->type == NET_RT_LOCAL) {
		GROW(v, addrs, naddrs, capaddrs);
		v->addrs[v->naddrs++] = (struct laddr){ r->family, r->dst };
		return 0;
	}
	if (r->table == NET_TABLE_MAIN)
		kroute_insert(v, r);
	return 0;
}

static void walk_reset(void *ctx)
{
	struct vctx *v = ctx;

	v->nk = v->nknh = v->naddrs = 0;
	memset(v->present, 0, sizeof(v->present));
	/* the record's prefix lengths are in use all the same */
	for (uint32_t g = 0; g < v->ng; g++)
		mark_present(v, v->g[g].family, v->g[g].plen);
	if (v->khsize)
		memset(v->kheads, 0xff, (size_t)v->khsize * sizeof(*v->kheads));
}

bool is_local_addr(const struct vctx *v, int family, const union net_ip *a)
{
	for (uint32_t i = 0; i < v->naddrs; i++)
		if (v->addrs[i].family == family &&
		    ip_eq(family, &v->addrs[i].a, a))
			return true;
	return false;
}

/* ---- links -------------------------------------------------------- */

static int cmp_ifindex(const void *a, const void *b)
{
	const struct slink *x = a, *y = b;

	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

static const struct vctx *sort_ctx; /* for the name sort below */

static int cmp_name(const void *a, const void *b)
{
	return strcmp(sort_ctx->links[*(const uint32_t *)a].name,
		      sort_ctx->links[*(const uint32_t *)b].name);
}

static int load_links(struct vctx *v, struct net_err *err)
{
	struct net_links ls;
	int ret = net_link_dump(v->vrf, &ls, err);

	if (ret < 0)
		return ret;
	v->links = calloc(ls.n + 1, sizeof(*v->links));
	v->by_name = calloc(ls.n + 1, sizeof(*v->by_name));
	if (!v->links || !v->by_name)
		out_of_memory();
	for (size_t i = 0; i < ls.n; i++) {
		struct slink *l = &v->links[i];

		l->ifindex = ls.v[i].ifindex;
		/* as the kernel's linkdown: IFF_UP and carrier */
		l->usable = ls.v[i].admin_up && ls.v[i].carrier;
		memcpy(l->name, ls.v[i].name, sizeof(l->name));
	}
	v->nlinks = (uint32_t)ls.n;
	net_links_free(&ls);
	qsort(v->links, v->nlinks, sizeof(*v->links), cmp_ifindex);
	for (uint32_t i = 0; i < v->nlinks; i++)
		v->by_name[i] = i;
	sort_ctx = v;
	qsort(v->by_name, v->nlinks, sizeof(*v->by_name), cmp_name);
	return 0;
}

const struct slink *link_by_index(const struct vctx *v, int ifindex)
{
	struct slink key = { .ifindex = ifindex };

	return bsearch(&key, v->links, v->nlinks, sizeof(*v->links),
		       cmp_ifindex);
}

const struct slink *link_by_name(const struct vctx *v, const char *name)
{
	uint32_t lo = 0, hi = v->nlinks;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, v->links[v->by_name[mid]].name);

		if (!c)
			return &v->links[v->by_name[mid]];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* ---- groups and entries ------------------------------------------- */

uint32_t group_first_at(const struct vctx *v, int family,
			const union net_ip *dst, unsigned plen)
{
	uint32_t i;

	if (!v->ghsize)
		return NONE;
	i = v->gheads[prefix_hash(family, dst, plen) & (v->ghsize - 1)];
	for (; i != NONE; i = v->g[i].next) {
		const struct group *g = &v->g[i];

		if (g->family == family && g->plen == plen &&
		    ip_eq(family, &g->dst, dst))
			return i;
	}
	return NONE;
}

uint32_t group_next_at(const struct vctx *v, uint32_t i)
{
	const struct group *at = &v->g[i];

	for (i = at->next; i != NONE; i = v->g[i].next) {
		const struct group *g = &v->g[i];

		if (g->family == at->family && g->plen == at->plen &&
		    ip_eq(g->family, &g->dst, &at->dst))
			return i;
	}
	return NONE;
}

uint32_t group_find(const struct vctx *v, int family, const union net_ip *dst,
		    unsigned plen, uint32_t distance)
{
	uint32_t i = group_first_at(v, family, dst, plen);

	for (; i != NONE; i = group_next_at(v, i))
		if (v->g[i].distance == distance)
			return i;
	return NONE;
}

/* ---- what a change makes stale ---------------------------------- */

static void gw_note(struct vctx *v, const struct net_static *s)
{
	if ((s->kind != NET_STATIC_GW && s->kind != NET_STATIC_GW_DEV) ||
	    v->gws_many)
		return;
	for (uint32_t i = 0; i < v->ngws; i++)
		if (v->gwfam[i] == s->family &&
		    ip_eq(s->family, &v->gws[i], &s->gw))
			return;
	if (v->ngws == GW_SEEN_MAX) {
		v->gws_many = true;
		return;
	}
	v->gwfam[v->ngws] = (unsigned char)s->family;
	v->gws[v->ngws++] = s->gw;
}

/* Group g came or its entries changed: its own resolution is stale,
 * and every one when a lookup of a gateway may now end in g's prefix
 * (a resolution looks routes up only at its entries' gateways). */
static void group_changed(struct vctx *v, uint32_t g)
{
	const struct group *gr = &v->g[g];

	v->g[g].rstate = RES_NONE;
	for (uint32_t i = 0; i < v->ngws && !v->gws_many; i++) {
		union net_ip p;

		if (v->gwfam[i] != gr->family)
			continue;
		p = masked(gr->family, &v->gws[i], gr->plen);
		if (ip_eq(gr->family, &p, &gr->dst)) {
			v->gen++;
			return;
		}
	}
	if (v->gws_many)
		v->gen++;
}

uint32_t group_add(struct vctx *v, const struct net_static *s,
		   unsigned char protocol)
{
	struct group *g;
	uint32_t h;

	GROW(v, g, ng, capg);
	g = &v->g[v->ng];
	memset(g, 0, sizeof(*g));
	g->family = (unsigned char)s->family;
	g->dst = s->dst;
	g->plen = s->plen;
	g->distance = s->distance;
	g->protocol = protocol;
	g->first = NONE;
	g->res = NONE;
	v->ng++;
	mark_present(v, s->family, s->plen);
	/* it covers the kernel's route of its slot from now on */
	group_changed(v, v->ng - 1);
	if (v->ng * 2 > v->ghsize) {
		g_rehash(v);
		return v->ng - 1;
	}
	h = prefix_hash(g->family, &g->dst, g->plen) & (v->ghsize - 1);
	g->next = v->gheads[h];
	v->gheads[h] = v->ng - 1;
	return v->ng - 1;
}

/* Links entry e into its group's list, which is kept in index order. */
static void entry_link(struct vctx *v, uint32_t e)
{
	struct group *g = &v->g[v->e[e].group];
	uint32_t *p = &g->first;

	while (*p != NONE && *p < e)
		p = &v->e[*p].gnext;
	v->e[e].gnext = *p;
	*p = e;
	g->nent++;
	v->e[e].dead = false;
	gw_note(v, &v->e[e].s);
	group_changed(v, v->e[e].group);
}

void entry_set(struct vctx *v, uint32_t e, const struct net_static *s)
{
	v->e[e].s = *s;
	gw_note(v, s);
	v->gen++;
}

uint32_t entry_add(struct vctx *v, uint32_t group, const struct net_static *s)
{
	struct entry *e;

	GROW(v, e, ne, cape);
	e = &v->e[v->ne];
	e->s = *s;
	e->group = group;
	e->gnext = NONE;
	v->ne++;
	entry_link(v, v->ne - 1);
	return v->ne - 1;
}

void entry_kill(struct vctx *v, uint32_t e)
{
	struct group *g = &v->g[v->e[e].group];
	uint32_t *p = &g->first;

	while (*p != NONE && *p != e)
		p = &v->e[*p].gnext;
	if (*p == NONE)
		return;
	*p = v->e[e].gnext;
	v->e[e].gnext = NONE;
	v->e[e].dead = true;
	g->nent--;
	group_changed(v, v->e[e].group);
}

void entry_revive(struct vctx *v, uint32_t e)
{
	if (v->e[e].dead)
		entry_link(v, e);
}

/* ---- checking what is typed --------------------------------------- */

bool no_nh_kind(enum net_static_kind k)
{
	return k == NET_STATIC_NULL0 || k == NET_STATIC_UNREACHABLE ||
	       k == NET_STATIC_PROHIBIT;
}

static bool valid_ifname(const char *name)
{
	size_t n = strnlen(name, NET_IFNAMSIZ);

	if (n == 0 || n >= NET_IFNAMSIZ || !strcmp(name, ".") ||
	    !strcmp(name, ".."))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c <= ' ' || c == '/' || c == ':' || c == 0x7f)
			return false;
	}
	return true;
}

int static_check(const struct net_static *s, struct net_err *err)
{
	bool gw = s->kind == NET_STATIC_GW || s->kind == NET_STATIC_GW_DEV;
	bool dev = s->kind == NET_STATIC_DEV || s->kind == NET_STATIC_GW_DEV;
	union net_ip m;

	if (s->family != AF_INET && s->family != AF_INET6)
		return net_err_set(err, EAFNOSUPPORT, "Invalid address family");
	if (s->plen > max_plen(s->family))
		return net_err_set(err, EINVAL, "Invalid prefix length");
	m = masked(s->family, &s->dst, s->plen);
	if (!ip_eq(s->family, &m, &s->dst))
		return net_err_set(err, EINVAL,
				   "Inconsistent address and mask");
	if (s->protocol != NET_PROTO_STATIC && s->protocol != NET_PROTO_BOOT)
		return net_err_set(err, EINVAL, "Invalid route protocol");
	if (!gw && !dev && !no_nh_kind(s->kind))
		return net_err_set(err, EINVAL, "Invalid next hop");
	if (dev && !valid_ifname(s->ifname))
		return net_err_set(err, EINVAL, "Invalid interface name");
	if (gw && is_ll6(s->family, &s->gw) && !dev)
		return net_err_set(err, EINVAL, "%s",
				   "A link-local next hop "
				   "needs its interface");
	if (gw && s->family == AF_INET6 &&
	    (IN6_IS_ADDR_UNSPECIFIED(&s->gw.v6) ||
	     IN6_IS_ADDR_MULTICAST(&s->gw.v6)))
		return net_err_set(err, EINVAL, "Invalid next hop address");
	if (gw && s->family == AF_INET &&
	    (s->gw.v4.s_addr == 0 || IN_MULTICAST(ntohl(s->gw.v4.s_addr)) ||
	     s->gw.v4.s_addr == 0xffffffffu))
		return net_err_set(err, EINVAL, "Invalid next hop address");
	return 0;
}

bool static_same(const struct net_static *a, const struct net_static *b)
{
	bool gw = a->kind == NET_STATIC_GW || a->kind == NET_STATIC_GW_DEV;
	bool dev = a->kind == NET_STATIC_DEV || a->kind == NET_STATIC_GW_DEV;

	return a->family == b->family && a->plen == b->plen &&
	       a->distance == b->distance && a->kind == b->kind &&
	       ip_eq(a->family, &a->dst, &b->dst) &&
	       (!gw || ip_eq(a->family, &a->gw, &b->gw)) &&
	       (!dev || !strcmp(a->ifname, b->ifname));
}

/* ---- the record as text ------------------------------------------- */

struct buf {
	char *p;
	size_t n, cap;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;

		while (cap < b->n + n + 1)
			cap *= 2;
		b->p = realloc(b->p, cap);
		if (!b->p)
			out_of_memory();
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

static void put_str(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

static void put_u32(struct buf *b, uint32_t n)
{
	char t[10], *p = t + sizeof(t);

	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	put(b, p, (size_t)(t + sizeof(t) - p));
}

static void put_ip(struct buf *b, int family, const union net_ip *a)
{
	char t[INET6_ADDRSTRLEN];

	net_ip_text(family, a, t, sizeof(t));
	put_str(b, t);
}

static void put_entry(struct buf *b, const struct entry *e,
		      unsigned char protocol)
{
	static const char *const kinds[] = {
		[NET_STATIC_NULL0] = "null0",
		[NET_STATIC_UNREACHABLE] = "unreachable",
		[NET_STATIC_PROHIBIT] = "prohibit",
	};
	const struct net_static *s = &e->s;

	put_str(b, "route ");
	put_ip(b, s->family, &s->dst);
	put_str(b, "/");
	put_u32(b, s->plen);
	put_str(b, " ");
	put_u32(b, s->distance);
	put_str(b, protocol == NET_PROTO_BOOT ? " boot" : " static");
	if (s->kind == NET_STATIC_GW || s->kind == NET_STATIC_GW_DEV) {
		put_str(b, " via ");
		put_ip(b, s->family, &s->gw);
	}
	if (s->kind == NET_STATIC_DEV || s->kind == NET_STATIC_GW_DEV) {
		put_str(b, " dev ");
		put_str(b, s->ifname);
	}
	if (no_nh_kind(s->kind)) {
		put_str(b, " ");
		put_str(b, kinds[s->kind]);
	}
	put_str(b, "\n");
}

int vctx_format(const struct vctx *v, char **out, size_t *len)
{
	struct buf b = { NULL, 0, 0 };

	put_str(&b, STATIC_FORMAT_LINE "\n");
	for (uint32_t i = 0; i < v->ne; i++)
		if (!v->e[i].dead)
			put_entry(&b, &v->e[i], v->g[v->e[i].group].protocol);
	*out = b.p;
	*len = b.n;
	return 0;
}

/* Reading: a line split on single spaces, strictly. */
struct words {
	char *w[8];
	int n;
};

static bool split(char *line, struct words *w)
{
	char *p = line;

	w->n = 0;
	for (;;) {
		char *sp = strchr(p, ' ');

		if (*p == '\0' || p == sp || w->n == 8)
			return false; /* empty word, or too many */
		w->w[w->n++] = p;
		if (!sp)
			return true;
		*sp = '\0';
		p = sp + 1;
	}
}

static bool parse_num(const char *s, uint32_t max, uint32_t *out)
{
	uint64_t n = 0;

	if (!*s || (s[0] == '0' && s[1]))
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		n = n * 10 + (uint64_t)(*s - '0');
		if (n > max)
			return false;
	}
	*out = (uint32_t)n;
	return true;
}

static bool parse_prefix(char *t, struct net_static *s)
{
	char *slash = strchr(t, '/');
	uint32_t plen;

	if (!slash)
		return false;
	*slash = '\0';
	s->family = strchr(t, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(s->family, t, &s->dst) != 1 ||
	    !parse_num(slash + 1, max_plen(s->family), &plen))
		return false;
	s->plen = (unsigned char)plen;
	return true;
}

static const char *parse_nh(struct words *w, int i, struct net_static *s)
{
	const char *k = w->w[i];

	if (i + 1 == w->n &&
	    (!strcmp(k, "null0") || !strcmp(k, "unreachable") ||
	     !strcmp(k, "prohibit"))) {
		s->kind = k[0] == 'n' ? NET_STATIC_NULL0 :
			  k[0] == 'u' ? NET_STATIC_UNREACHABLE :
					NET_STATIC_PROHIBIT;
		return NULL;
	}
	s->kind = NET_STATIC_DEV;
	if (!strcmp(k, "via")) {
		if (i + 2 > w->n || strchr(w->w[i + 1], '/') ||
		    inet_pton(s->family, w->w[i + 1], &s->gw) != 1)
			return "bad gateway";
		s->kind = NET_STATIC_GW;
		i += 2;
	}
	if (i == w->n && s->kind == NET_STATIC_GW)
		return NULL;
	if (i + 2 != w->n || strcmp(w->w[i], "dev"))
		return "bad next hop";
	if (strlen(w->w[i + 1]) >= NET_IFNAMSIZ)
		return "bad interface name";
	memcpy(s->ifname, w->w[i + 1], strlen(w->w[i + 1]) + 1);
	s->kind = s->kind == NET_STATIC_GW ? NET_STATIC_GW_DEV : NET_STATIC_DEV;
	return NULL;
}

/* One "route PREFIX DISTANCE PROTOCOL NEXTHOP" line into s. */
static const char *parse_route(char *line, struct net_static *s)
{
	struct words w;

	memset(s, 0, sizeof(*s));
	if (!split(line, &w) || w.n < 5 || strcmp(w.w[0], "route"))
		return "not a route";
	if (!parse_prefix(w.w[1], s))
		return "bad prefix";
	if (!parse_num(w.w[2], UINT32_MAX, &s->distance))
		return "bad distance";
	if (!strcmp(w.w[3], "static"))
		s->protocol = NET_PROTO_STATIC;
	else if (!strcmp(w.w[3], "boot"))
		s->protocol = NET_PROTO_BOOT;
	else
		return "bad protocol";
	return parse_nh(&w, 4, s);
}

const char *static_record_line(char *line, struct net_static *s,
			       struct net_err *err)
{
	const char *why = parse_route(line, s);

	if (why)
		return why;
	if (static_check(s, err) < 0)
		return err->msg;
	if (s->family == AF_INET6 && s->distance == 0)
		return "IPv6 distance 0";
	return NULL;
}

const char *static_beside(const struct net_static *e,
			  const struct net_static *s)
{
	if (static_same(e, s))
		return "a route given twice";
	if (no_nh_kind(e->kind) || no_nh_kind(s->kind))
		return "Null0 beside other next hops";
	return NULL;
}

/* Adds a parsed entry, checking what the API would refuse. */
static const char *parse_add(struct vctx *v, const struct net_static *s)
{
	uint32_t g = group_find(v, s->family, &s->dst, s->plen, s->distance);
	const char *why;

	if (g == NONE)
		g = group_add(v, s, s->protocol);
	if (v->g[g].protocol != s->protocol)
		return STATIC_WHY_PROTOCOLS;
	for (uint32_t e = v->g[g].first; e != NONE; e = v->e[e].gnext)
		if ((why = static_beside(&v->e[e].s, s)))
			return why;
	if (v->g[g].nent >= NET_STATIC_MAX_NH)
		return STATIC_WHY_TOO_MANY;
	entry_add(v, g, s);
	return NULL;
}

int vctx_parse(struct vctx *v, const char *text, size_t len, const char *path,
	       struct net_err *err)
{
	char *copy = malloc(len + 1), *p, *end;
	const char *why = NULL;
	struct net_err e2 = { 0 };
	int line = 0;

	if (!copy)
		out_of_memory();
	memcpy(copy, text, len);
	copy[len] = '\0';
	end = copy + len;
	for (p = copy; p < end && !why; line++) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		struct net_static s;

		if (!nl || memchr(p, '\0', (size_t)(nl - p))) {
			why = "a line that does not end or holds a NUL";
			break;
		}
		*nl = '\0';
		if (line == 0)
			why = strcmp(p, STATIC_FORMAT_LINE) ? "not format 1" :
							      NULL;
		else if (!(why = static_record_line(p, &s, &e2)))
			why = parse_add(v, &s);
		p = nl + 1;
	}
	if (!why && line == 0)
		why = "empty";
	free(copy);
	if (why)
		return net_err_set(err, EBADMSG, "%s: record line %d: %s", path,
				   line, why);
	v->changed = false;
	return 0;
}

/* ---- loading ------------------------------------------------------- */

static int load_record(struct vctx *v, struct net_err *err)
{
	char *text, path[PATH_MAX];
	size_t len;
	int ret;

	ret = net_state_read(v->vrf, NET_STATIC_RECORD, &text, &len, err);
	if (ret == -ENOENT)
		return 0;
	if (ret < 0)
		return ret;
	net_state_path(v->vrf, NET_STATIC_RECORD, path, sizeof(path));
	ret = vctx_parse(v, text, len, path, err);
	free(text);
	return ret;
}

int vctx_load(const char *vrf, bool kernel, struct vctx **out,
	      struct net_err *err)
{
	struct vctx *v = calloc(1, sizeof(*v));
	int ret;

	if (!v)
		out_of_memory();
	snprintf(v->vrf, sizeof(v->vrf), "%s", netns_key(vrf));
	v->gen = 1;
	ret = netns_fd(v->vrf, err);
	if (ret >= 0)
		ret = load_record(v, err);
	if (ret >= 0 && kernel)
		ret = vctx_read_kernel(v, err);
	if (ret >= 0 && kernel)
		ret = load_links(v, err);
	if (ret < 0) {
		vctx_free(v);
		return ret;
	}
	*out = v;
	return 0;
}

int vctx_read_kernel(struct vctx *v, struct net_err *err)
{
	walk_reset(v);
	v->gen++;
	return net_route_walk(v->vrf, AF_UNSPEC, NET_TABLE_ALL, walk_cb, v,
			      walk_reset, err);
}

void vctx_free(struct vctx *v)
{
	if (!v)
		return;
	free(v->k);
	free(v->knh);
	free(v->e);
	free(v->g);
	free(v->kheads);
	free(v->gheads);
	free(v->links);
	free(v->by_name);
	free(v->addrs);
	free(v->pool);
	free(v->text);
	free(v);
}

/* ---- resolution ---------------------------------------------------- */

static bool link_usable(const struct vctx *v, int ifindex)
{
	const struct slink *l = link_by_index(v, ifindex);

	return l && l->usable;
}

/* The link's state is the truth: the kernel's linkdown flag follows its
 * carrier only when its linkwatch work has run, a moment later, so a
 * route of a link that has just got carrier may still say linkdown. */
static bool knh_usable(const struct vctx *v, const struct knh *nh)
{
	return !(nh->flags & NET_NH_F_DEAD) && link_usable(v, nh->ifindex);
}

static bool knh_same(int family, const struct knh *a, const struct knh *b)
{
	return a->ifindex == b->ifindex && a->has_gw == b->has_gw &&
	       (!a->has_gw || ip_eq(family, &a->gw, &b->gw));
}

/* Appends nh to out[*n] unless there already or full. */
static void add_nh(int family, struct knh *out, int *n, const struct knh *nh)
{
	for (int i = 0; i < *n; i++)
		if (knh_same(family, &out[i], nh))
			return;
	if (*n < NET_MAX_NEXTHOPS)
		out[(*n)++] = *nh;
}

static bool no_nh_type(unsigned char type)
{
	return type == NET_RT_BLACKHOLE || type == NET_RT_UNREACHABLE ||
	       type == NET_RT_PROHIBIT;
}

/* A candidate for a longest match: what it forwards to. */
struct cand {
	bool found;
	bool blackhole;
	uint32_t metric;
	const struct knh *nh; /* = own */
	int nnh;
	struct knh own[NET_MAX_NEXTHOPS];
};

/* The kernel's route k as a candidate (false: not usable). */
static bool kernel_cand(const struct vctx *v, const struct kroute *k,
			struct cand *c)
{
	int n = 0;

	if (no_nh_type(k->type)) {
		c->blackhole = true;
		c->nnh = 0;
		return true;
	}
	if (k->type != NET_RT_UNICAST)
		return false;
	for (int i = 0; i < k->nnh; i++)
		if (knh_usable(v, &v->knh[k->nh + (uint32_t)i]))
			c->own[n++] = v->knh[k->nh + (uint32_t)i];
	c->blackhole = false;
	c->nh = c->own;
	c->nnh = n;
	return n > 0;
}

/* Is k a route of the record's own slots?  Lookups take the record's
 * groups for those, not the snapshot's copy. */
static bool kroute_covered(const struct vctx *v, const struct kroute *k)
{
	return kroute_ours(k) &&
	       group_find(v, k->family, &k->dst, k->plen, k->metric) != NONE;
}

static bool same_prefix(const struct group *a, const struct group *b)
{
	return a->family == b->family && a->plen == b->plen &&
	       ip_eq(a->family, &a->dst, &b->dst);
}

/* The best usable route of prefix p/len for resolving from group self:
 * the kernel's (where the record does not cover them) and the record's
 * (other prefixes than self's), lowest metric first. */
static void best_at(struct vctx *v, uint32_t self, int family,
		    const union net_ip *p, unsigned len, struct cand *best)
{
	struct cand c;

	best->found = false;
	for (uint32_t i = kroute_first_at(v, family, p, len); i != NONE;
	     i = kroute_next_at(v, i)) {
		const struct kroute *k = &v->k[i];

		if (kroute_covered(v, k))
			continue; /* the record's, see below */
		if ((!best->found || k->metric < best->metric) &&
		    kernel_cand(v, k, &c)) {
			*best = c;
			best->nh = best->own;
			best->found = true;
			best->metric = k->metric;
		}
	}
	for (uint32_t i = group_first_at(v, family, p, len); i != NONE;
	     i = group_next_at(v, i)) {
		struct group *h = &v->g[i];

		if (same_prefix(h, &v->g[self]) || !h->nent ||
		    (best->found && h->distance >= best->metric))
			continue;
		group_resolve(v, i);
		h = &v->g[i];
		if (h->rstate != RES_DONE || (!h->nres && !h->blackhole))
			continue;
		/* a copy: resolving the next candidate may move the pool */
		best->found = true;
		best->blackhole = h->blackhole;
		best->metric = h->distance;
		if (h->nres) /* (a blackhole has none; the pool may be NULL) */
			memcpy(best->own, &v->pool[h->res],
			       h->nres * sizeof(*best->own));
		best->nh = best->own;
		best->nnh = (int)h->nres;
	}
}

/* Gateway gw alone, resolved from group self. */
static int resolve_gw(struct vctx *v, uint32_t self, int family,
		      const union net_ip *gw, struct knh *out, bool *recursive)
{
	int n = 0;

	for (int len = (int)max_plen(family); len >= 0; len--) {
		union net_ip p;
		struct cand best;

		if (!present(v, family, (unsigned)len))
			continue;
		p = masked(family, gw, (unsigned)len);
		best_at(v, self, family, &p, (unsigned)len, &best);
		if (!best.found)
			continue;
		if (best.blackhole)
			return 0;
		for (int i = 0; i < best.nnh; i++) {
			struct knh nh = best.nh[i];

			if (nh.has_gw) {
				*recursive = true;
			} else {
				nh.has_gw = true;
				nh.gw = *gw;
			}
			nh.flags = 0;
			add_nh(family, out, &n, &nh);
		}
		return n;
	}
	return 0;
}

/* Is gw on an on-link route of ifindex (a covering route without
 * gateway through that link)? */
static bool onlink_on(struct vctx *v, uint32_t self, int family,
		      const union net_ip *gw, int ifindex)
{
	for (int len = (int)max_plen(family); len >= 0; len--) {
		union net_ip p;

		if (!present(v, family, (unsigned)len))
			continue;
		p = masked(family, gw, (unsigned)len);
		for (uint32_t i = kroute_first_at(v, family, &p, (unsigned)len);
		     i != NONE; i = kroute_next_at(v, i)) {
			const struct kroute *k = &v->k[i];

			if (kroute_covered(v, k))
				continue; /* the record's, below */
			for (int j = 0; k->type == NET_RT_UNICAST && j < k->nnh;
			     j++) {
				const struct knh *nh =
					&v->knh[k->nh + (uint32_t)j];

				if (!nh->has_gw && nh->ifindex == ifindex &&
				    knh_usable(v, nh))
					return true;
			}
		}
		for (uint32_t i = group_first_at(v, family, &p, (unsigned)len);
		     i != NONE; i = group_next_at(v, i)) {
			if (same_prefix(&v->g[i], &v->g[self]))
				continue;
			group_resolve(v, i);
			for (uint32_t j = 0;
			     v->g[i].rstate == RES_DONE && j < v->g[i].nres;
			     j++) {
				const struct knh *nh =
					&v->pool[v->g[i].res + j];

				if (!nh->has_gw && nh->ifindex == ifindex)
					return true;
			}
		}
	}
	return false;
}

int entry_resolve(struct vctx *v, uint32_t g, const struct net_static *s,
		  struct knh *out, bool *recursive)
{
	const struct slink *l = NULL;
	struct knh nh = { .has_gw = false };

	*recursive = false;
	if (s->kind == NET_STATIC_GW)
		return resolve_gw(v, g, s->family, &s->gw, out, recursive);
	if (s->kind != NET_STATIC_DEV && s->kind != NET_STATIC_GW_DEV)
		return 0;
	l = link_by_name(v, s->ifname);
	if (!l || !l->usable)
		return 0;
	nh.ifindex = l->ifindex;
	if (s->kind == NET_STATIC_GW_DEV) {
		if (!is_ll6(s->family, &s->gw) &&
		    !onlink_on(v, g, s->family, &s->gw, l->ifindex))
			return 0;
		nh.has_gw = true;
		nh.gw = s->gw;
	}
	out[0] = nh;
	return 1;
}

void group_resolve(struct vctx *v, uint32_t gi)
{
	struct knh all[NET_MAX_NEXTHOPS], one[NET_MAX_NEXTHOPS];
	struct group *g = &v->g[gi];
	bool recursive = false, rec;
	int n = 0;

	if (g->gen == v->gen && g->rstate == RES_BUSY)
		v->loop = true;
	if (g->gen == v->gen && g->rstate != RES_NONE)
		return;
	g->gen = v->gen;
	g->rstate = RES_BUSY;
	g->blackhole = false;
	for (uint32_t e = g->first; e != NONE; e = v->e[e].gnext) {
		const struct net_static *s = &v->e[e].s;
		int k;

		if (no_nh_kind(s->kind)) {
			v->g[gi].blackhole = true;
			continue;
		}
		k = entry_resolve(v, gi, s, one, &rec);
		recursive |= rec && k > 0;
		for (int i = 0; i < k; i++)
			add_nh(s->family, all, &n, &one[i]);
	}
	g = &v->g[gi];
	if (v->npool + (uint32_t)n > v->cappool) {
		uint32_t cap = v->cappool ? v->cappool : 64;

		while (cap < v->npool + (uint32_t)n)
			cap *= 2;
		v->pool = realloc(v->pool, (size_t)cap * sizeof(*v->pool));
		if (!v->pool)
			out_of_memory();
		v->cappool = cap;
	}
	if (n > 0) /* (the pool may still be NULL) */
		memcpy(&v->pool[v->npool], all, (size_t)n * sizeof(*all));
	g->res = v->npool;
	g->nres = (uint32_t)n;
	v->npool += (uint32_t)n;
	g->recursive = recursive;
	g->rstate = RES_DONE;
}

static unsigned char no_nh_rt_type(enum net_static_kind k)
{
	return k == NET_STATIC_NULL0	   ? NET_RT_BLACKHOLE :
	       k == NET_STATIC_UNREACHABLE ? NET_RT_UNREACHABLE :
					     NET_RT_PROHIBIT;
}

bool group_desired(struct vctx *v, uint32_t gi, struct net_route *r)
{
	struct group *g;

	memset(r, 0, sizeof(*r));
	if (!v->g[gi].nent)
		return false;
	group_resolve(v, gi);
	g = &v->g[gi];
	r->family = g->family;
	r->dst = g->dst;
	r->plen = g->plen;
	r->protocol = g->protocol;
	r->metric = g->distance;
	r->table = NET_TABLE_MAIN;
	if (no_nh_kind(v->e[g->first].s.kind)) {
		r->type = no_nh_rt_type(v->e[g->first].s.kind);
		return true;
	}
	if (!g->nres)
		return false;
	r->type = NET_RT_UNICAST;
	for (uint32_t i = 0; i < g->nres; i++) {
		const struct knh *nh = &v->pool[g->res + i];

		r->nh[i].has_gw = nh->has_gw;
		r->nh[i].gw = nh->gw;
		r->nh[i].ifindex = nh->ifindex;
	}
	r->nnh = (int)g->nres;
	return true;
}

bool kroute_equal(const struct vctx *v, const struct kroute *k,
		  const struct net_route *r)
{
	if (k->type != r->type || k->protocol != r->protocol)
		return false;
	if (no_nh_type(k->type))
		return true;
	if (k->nnh != r->nnh)
		return false;
	for (int i = 0; i < r->nnh; i++) {
		struct knh want = { r->nh[i].gw, r->nh[i].ifindex,
				    r->nh[i].has_gw, 0 };
		bool found = false;

		for (int j = 0; j < k->nnh && !found; j++)
			found = knh_same(k->family,
					 &v->knh[k->nh + (uint32_t)j], &want);
		if (!found)
			return false;
	}
	return true;
}
