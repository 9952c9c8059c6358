/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * static_index.c - the configured next hops of a VRF in a few words each
 * (static.h's net_static_index): the record read a piece at a time and
 * each entry kept as 20 bytes (IPv4) or 44 (IPv6), interface names kept
 * once, sorted as net_static_list() sorts.  For writing the running
 * configuration of a million routes without the record's text or a
 * net_static_entry of each in memory.  The record is checked as the
 * context's reader (vctx_parse) checks it, with the same messages.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "netns.h"
#include "state.h"
#include "static_int.h"

/* meta: the prefix length, the kind, boot or static, the name's number
 * (0: none, else names[id - 1]) */
#define M_PLEN(m) ((m)&0xffu)
#define M_KIND(m) (((m) >> 8) & 0x7u)
#define M_BOOT 0x800u
#define M_NAME(m) ((m) >> 12)
#define NAME_MAX_ID 0xfffffu

struct ix4 {
	uint32_t dst, gw; /* host order */
	uint32_t distance, seq, meta;
};

struct ix6 {
	struct in6_addr dst, gw;
	uint32_t distance, seq, meta;
};

struct net_static_index {
	struct ix4 *v4;
	size_t n4, cap4;
	struct ix6 *v6;
	size_t n6, cap6;
	char (*names)[NET_IFNAMSIZ];
	uint32_t nnames, capnames;
	uint32_t *slots;       /* open addressing: name id, 0 empty */
	uint32_t nslots;       /* a power of two, or 0 */
	bool sorted4, sorted6; /* appended in order so far */
};

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	size_t c = *cap ? *cap : 64;

	if (n < *cap)
		return p;
	while (c <= n)
		c *= 2;
	p = realloc(p, c * size);
	if (!p)
		abort(); /* as the rest of the backend: out of memory */
	*cap = c;
	return p;
}

/* ---- interface names, kept once ---------------------------------- */

static uint32_t name_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void rehash(struct net_static_index *x)
{
	uint32_t n = x->nslots ? x->nslots * 2 : 64;

	free(x->slots);
	x->slots = calloc(n, sizeof(*x->slots));
	if (!x->slots)
		abort();
	x->nslots = n;
	for (uint32_t id = 1; id <= x->nnames; id++) {
		uint32_t i = name_hash(x->names[id - 1]) & (n - 1);

		while (x->slots[i])
			i = (i + 1) & (n - 1);
		x->slots[i] = id;
	}
}

/* The number of name (added when new); 0 when there are too many. */
static uint32_t name_id(struct net_static_index *x, const char *name)
{
	uint32_t i;
	size_t cap = x->capnames;

	if (!x->nslots || (x->nnames + 1) * 2 > x->nslots)
		rehash(x);
	i = name_hash(name) & (x->nslots - 1);
	for (; x->slots[i]; i = (i + 1) & (x->nslots - 1))
		if (!strcmp(x->names[x->slots[i] - 1], name))
			return x->slots[i];
	if (x->nnames == NAME_MAX_ID)
		return 0;
	x->names = grow(x->names, &cap, x->nnames, sizeof(*x->names));
	x->capnames = (uint32_t)cap;
	snprintf(x->names[x->nnames], NET_IFNAMSIZ, "%s", name);
	x->slots[i] = ++x->nnames;
	return x->nnames;
}

/* ---- entries ---------------------------------------------------------- */

static bool has_dev(enum net_static_kind k)
{
	return k == NET_STATIC_DEV || k == NET_STATIC_GW_DEV;
}

static int cmp4(const struct ix4 *a, const struct ix4 *b)
{
	if (a->dst != b->dst)
		return a->dst < b->dst ? -1 : 1;
	if (M_PLEN(a->meta) != M_PLEN(b->meta))
		return M_PLEN(a->meta) < M_PLEN(b->meta) ? -1 : 1;
	if (a->distance != b->distance)
		return a->distance < b->distance ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static int cmp6(const struct ix6 *a, const struct ix6 *b)
{
	int c = memcmp(&a->dst, &b->dst, sizeof(a->dst));

	if (c)
		return c;
	if (M_PLEN(a->meta) != M_PLEN(b->meta))
		return M_PLEN(a->meta) < M_PLEN(b->meta) ? -1 : 1;
	if (a->distance != b->distance)
		return a->distance < b->distance ? -1 : 1;
	return (a->seq > b->seq) - (a->seq < b->seq);
}

static int cmp4v(const void *a, const void *b)
{
	return cmp4(a, b);
}

static int cmp6v(const void *a, const void *b)
{
	return cmp6(a, b);
}

/* Adds s as the entry configured seq-th; -1 when its interface name
 * cannot be numbered (more than a million names). */
static int add(struct net_static_index *x, const struct net_static *s,
	       uint32_t seq)
{
	uint32_t meta = s->plen | (uint32_t)s->kind << 8 |
			(s->protocol == NET_PROTO_BOOT ? M_BOOT : 0);

	if (has_dev(s->kind)) {
		uint32_t id = name_id(x, s->ifname);

		if (!id)
			return -1;
		meta |= id << 12;
	}
	if (s->family == AF_INET) {
		struct ix4 *e;

		x->v4 = grow(x->v4, &x->cap4, x->n4, sizeof(*x->v4));
		e = &x->v4[x->n4];
		e->dst = ntohl(s->dst.v4.s_addr);
		e->gw = ntohl(s->gw.v4.s_addr);
		e->distance = s->distance;
		e->seq = seq;
		e->meta = meta;
		if (x->n4 && cmp4(&x->v4[x->n4 - 1], e) > 0)
			x->sorted4 = false;
		x->n4++;
	} else {
		struct ix6 *e;

		x->v6 = grow(x->v6, &x->cap6, x->n6, sizeof(*x->v6));
		e = &x->v6[x->n6];
		e->dst = s->dst.v6;
		e->gw = s->gw.v6;
		e->distance = s->distance;
		e->seq = seq;
		e->meta = meta;
		if (x->n6 && cmp6(&x->v6[x->n6 - 1], e) > 0)
			x->sorted6 = false;
		x->n6++;
	}
	return 0;
}

/* In place, without the temporary copy some qsort()s make of a large
 * array (the keys are unique: seq breaks ties). */
static void heap_sort(void *base, size_t n, size_t size,
		      int (*cmp)(const void *, const void *))
{
	char *b = base, t[sizeof(struct ix6)];

#define AT(i) (b + (i)*size)
#define SWAP(i, j)                                                             \
	(memcpy(t, AT(i), size), memcpy(AT(i), AT(j), size),                   \
	 memcpy(AT(j), t, size))
	for (size_t end = n, start = n / 2; end > 1;) {
		size_t root, child;

		if (start > 0) {
			start--;
		} else {
			end--;
			SWAP(0, end);
		}
		for (root = start; (child = 2 * root + 1) < end; root = child) {
			if (child + 1 < end &&
			    cmp(AT(child), AT(child + 1)) < 0)
				child++;
			if (cmp(AT(root), AT(child)) >= 0)
				break;
			SWAP(root, child);
		}
	}
#undef SWAP
#undef AT
}

static void sort(struct net_static_index *x)
{
	if (!x->sorted4)
		heap_sort(x->v4, x->n4, sizeof(*x->v4), cmp4v);
	if (!x->sorted6)
		heap_sort(x->v6, x->n6, sizeof(*x->v6), cmp6v);
	x->sorted4 = x->sorted6 = true;
}

static struct net_static_index *index_new(void)
{
	struct net_static_index *x = calloc(1, sizeof(*x));

	if (!x)
		abort();
	x->sorted4 = x->sorted6 = true;
	return x;
}

size_t net_static_index_len(const struct net_static_index *x)
{
	return x ? x->n4 + x->n6 : 0;
}

static void get(const struct net_static_index *x, size_t i,
		struct net_static *out, uint32_t *seq)
{
	uint32_t meta, id;

	memset(out, 0, sizeof(*out));
	if (i < x->n4) {
		const struct ix4 *e = &x->v4[i];

		out->family = AF_INET;
		out->dst.v4.s_addr = htonl(e->dst);
		out->gw.v4.s_addr = htonl(e->gw);
		out->distance = e->distance;
		meta = e->meta;
		*seq = e->seq;
	} else {
		const struct ix6 *e = &x->v6[i - x->n4];

		out->family = AF_INET6;
		out->dst.v6 = e->dst;
		out->gw.v6 = e->gw;
		out->distance = e->distance;
		meta = e->meta;
		*seq = e->seq;
	}
	out->plen = (unsigned char)M_PLEN(meta);
	out->kind = (enum net_static_kind)M_KIND(meta);
	out->protocol = meta & M_BOOT ? NET_PROTO_BOOT : NET_PROTO_STATIC;
	id = M_NAME(meta);
	if (id)
		memcpy(out->ifname, x->names[id - 1], NET_IFNAMSIZ);
}

void net_static_index_get(const struct net_static_index *x, size_t i,
			  struct net_static *out)
{
	uint32_t seq;

	get(x, i, out, &seq);
}

static bool covers4(const struct net_static_index *x, const struct net_route *r)
{
	struct ix4 key = { ntohl(r->dst.v4.s_addr), 0, r->metric, 0, r->plen };
	size_t lo = 0, hi = x->n4;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c;

		key.seq = x->v4[mid].seq; /* any entry of the key */
		c = cmp4(&x->v4[mid], &key);
		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool covers6(const struct net_static_index *x, const struct net_route *r)
{
	struct ix6 key = { r->dst.v6, IN6ADDR_ANY_INIT, r->metric, 0, r->plen };
	size_t lo = 0, hi = x->n6;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c;

		key.seq = x->v6[mid].seq;
		c = cmp6(&x->v6[mid], &key);
		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool net_static_index_covers(const struct net_static_index *x,
			     const struct net_route *r)
{
	if (!x || r->table != NET_TABLE_MAIN ||
	    (r->protocol != NET_PROTO_STATIC && r->protocol != NET_PROTO_BOOT))
		return false;
	if (r->family == AF_INET)
		return covers4(x, r);
	return r->family == AF_INET6 && covers6(x, r);
}

void net_static_index_free(struct net_static_index *x)
{
	if (!x)
		return;
	free(x->v4);
	free(x->v6);
	free(x->names);
	free(x->slots);
	free(x);
}

/* ---- from a context in memory --------------------------------------- */

struct net_static_index *sindex_of_ctx(const struct vctx *v)
{
	struct net_static_index *x = index_new();

	for (uint32_t e = 0; e < v->ne; e++) {
		struct net_static s;

		if (v->e[e].dead)
			continue;
		s = v->e[e].s;
		s.protocol = v->g[v->e[e].group].protocol;
		if (add(x, &s, e) < 0)
			abort(); /* a context has far fewer names */
	}
	sort(x);
	return x;
}

/* ---- from the record, a piece at a time --------------------------- */

#define PIECE 65536

/* The first entry (by seq) that the record's reader refuses for what
 * the entries before it in its group are: UINT32_MAX when none; *why. */
static uint32_t first_refused(const struct net_static_index *x,
			      const char **why)
{
	uint32_t worst = UINT32_MAX;
	size_t n = net_static_index_len(x);

	for (size_t g = 0, end; g < n; g = end) {
		struct net_static a[NET_STATIC_MAX_NH], s;
		uint32_t sq;
		size_t k = 0;

		get(x, g, &a[0], &sq);
		for (end = g + 1; end < n; end++) {
			const char *w = NULL;

			get(x, end, &s, &sq);
			if (s.family != a[0].family || s.plen != a[0].plen ||
			    s.distance != a[0].distance ||
			    memcmp(&s.dst, &a[0].dst,
				   s.family == AF_INET ? 4 : 16))
				break;
			if (k == SIZE_MAX)
				continue; /* this group already refused */
			if (s.protocol != a[0].protocol)
				w = STATIC_WHY_PROTOCOLS;
			for (size_t q = 0; !w && q <= k; q++)
				w = static_beside(&a[q], &s);
			if (!w && k + 1 >= NET_STATIC_MAX_NH)
				w = STATIC_WHY_TOO_MANY;
			if (w) {
				if (sq < worst) {
					worst = sq;
					*why = w;
				}
				k = SIZE_MAX;
				continue;
			}
			a[++k] = s;
		}
	}
	return worst;
}

struct reading {
	struct net_static_index *x;
	int line;	   /* lines taken so far (the format line too) */
	const char *why;   /* why the record is refused */
	struct net_err e2; /* holds why when static_check said it */
};

/* One whole line (without its newline, NUL-terminated). */
static void take_line(struct reading *r, char *p, size_t len)
{
	struct net_static s;

	if (memchr(p, '\0', len)) {
		r->why = "a line that does not end or holds a NUL";
		return;
	}
	if (r->line == 0) {
		r->why = strcmp(p, STATIC_FORMAT_LINE) ? "not format 1" : NULL;
	} else if (!(r->why = static_record_line(p, &s, &r->e2)) &&
		   add(r->x, &s, (uint32_t)(r->line - 1)) < 0) {
		r->why = "too many interface names";
	}
	r->line++;
}

/* The lines of the len bytes at fd; r->why when one is refused. */
static int read_lines(struct reading *r, int fd, size_t len, const char *path,
		      struct net_err *err)
{
	size_t size = PIECE, have = 0;
	char *buf = malloc(size + 1);

	if (!buf)
		abort();
	while (len && !r->why) {
		size_t want = size - have < len ? size - have : len, at = 0;
		ssize_t n = read(fd, buf + have, want);
		char *nl;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return net_err_set(err, errno, "cannot read %s: %s",
					   path, strerror(errno));
		}
		if (n == 0)
			break;
		len -= (size_t)n;
		have += (size_t)n;
		while (!r->why && (nl = memchr(buf + at, '\n', have - at))) {
			*nl = '\0';
			take_line(r, buf + at, (size_t)(nl - (buf + at)));
			at = (size_t)(nl - buf) + 1;
		}
		memmove(buf, buf + at, have - at);
		have -= at;
		if (have == size) { /* a line longer than the piece */
			size *= 2;
			buf = realloc(buf, size + 1);
			if (!buf)
				abort();
		}
	}
	free(buf);
	if (!r->why && have)
		r->why = "a line that does not end or holds a NUL";
	return 0;
}

int sindex_read(const char *vrf, struct net_static_index **out,
		struct net_err *err)
{
	struct reading r = { index_new(), 0, NULL, { 0 } };
	char path[PATH_MAX];
	uint32_t refused;
	const char *key = netns_key(vrf), *why = NULL;
	size_t len;
	int fd, ret, line;

	*out = NULL;
	ret = netns_fd(key, err); /* (cached: not closed here) */
	if (ret >= 0)
		ret = net_state_open(key, NET_STATIC_RECORD, &fd, &len, err);
	if (ret == -ENOENT && netns_fd(key, NULL) >= 0) {
		*out = r.x; /* no record (or a stale one): none */
		return 0;
	}
	if (ret < 0) {
		net_static_index_free(r.x);
		return ret;
	}
	net_state_path(key, NET_STATIC_RECORD, path, sizeof(path));
	ret = read_lines(&r, fd, len, path, err);
	close(fd);
	if (ret < 0) {
		net_static_index_free(r.x);
		return ret;
	}
	sort(r.x);
	/* vctx_parse stops at the first line refused: one that an earlier
	 * line of its group forbids (entry seq is on line seq + 1, counted
	 * from 0, and is named seq + 2), or one refused alone (named as
	 * r.line counts) */
	line = r.line;
	why = r.why;
	refused = first_refused(r.x, &why);
	if (refused != UINT32_MAX)
		line = (int)refused + 2;
	else if (!why && r.line == 0)
		why = "empty";
	if (why) {
		net_static_index_free(r.x);
		return net_err_set(err, EBADMSG, "%s: record line %d: %s", path,
				   line, why);
	}
	*out = r.x;
	return 0;
}
