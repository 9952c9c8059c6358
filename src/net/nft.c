/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nft.c - vrfsh's nftables table in one VRF: reading it back, building
 * the one wanted, and the single transaction (a netlink batch) that makes
 * the kernel's into the wanted one, with the expressions rules are made
 * of.  Knows nothing of access lists: filter.c says which chains and rules
 * exist (nft_chain_known, nft_compile).
 *
 * The transaction changes only what differs: rules are compared by their
 * comment and kept in place (with their counters) when it is the same;
 * new rules are inserted before the next rule kept.  Its batch carries the
 * generation the table was read at, so that a change made in between by
 * someone else makes the kernel refuse it whole (ERESTART).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/gen.h>
#include <libnftnl/set.h>
#include <libnftnl/table.h>

#include "nftab.h"
#include "nl.h"

#define REQ_SIZE 4096
#define RULE_MAX 16384 /* room for one rule message */
#define NFT_MSG(t) ((uint16_t)((NFNL_SUBSYS_NFTABLES << 8) | (t)))

/* ---- comments (userdata) ------------------------------------------ */

/* The comment TLV (type 0, the one nft shows) of a userdata blob, checked
 * to be printable text; NULL when absent or odd. */
static char *udata_comment(const void *data, uint32_t len)
{
	const unsigned char *p = data;
	uint32_t off = 0;

	while (data && off + 2 <= len) {
		uint32_t type = p[off], n = p[off + 1];
		const unsigned char *v = p + off + 2;

		if (off + 2 + n > len)
			return NULL;
		if (type == 0 && n >= 1 && v[n - 1] == '\0') {
			for (uint32_t i = 0; i + 1 < n; i++)
				if (v[i] < 0x20 || v[i] > 0x7e)
					return NULL;
			return strdup((const char *)v);
		}
		off += 2 + n;
	}
	return NULL;
}

/* A comment as userdata into buf (at least 2 + 256 bytes); its length. */
static uint32_t udata_put(unsigned char *buf, const char *comment)
{
	size_t n = strlen(comment) + 1;

	if (n > 254)
		n = 254; /* callers keep comments shorter */
	buf[0] = 0;
	buf[1] = (unsigned char)n;
	memcpy(buf + 2, comment, n - 1);
	buf[2 + n - 1] = '\0';
	return (uint32_t)(n + 2);
}

/* ---- expressions ---------------------------------------------------- */

static struct nftnl_expr *x_new(struct nftnl_rule *r, const char *name)
{
	struct nftnl_expr *e = nftnl_expr_alloc(name);

	if (e)
		nftnl_rule_add_expr(r, e);
	return e; /* NULL: out of memory, caught as a short
				 * rule by rule_same() and the kernel */
}

void nft_x_meta(struct nftnl_rule *r, uint32_t key)
{
	struct nftnl_expr *e = x_new(r, "meta");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, key);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, NFT_REG_1);
}

void nft_x_payload(struct nftnl_rule *r, uint32_t base, uint32_t offset,
		   uint32_t len)
{
	struct nftnl_expr *e = x_new(r, "payload");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_BASE, base);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET, offset);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_LEN, len);
}

void nft_x_cmp(struct nftnl_rule *r, uint32_t op, const void *data,
	       uint32_t len)
{
	struct nftnl_expr *e = x_new(r, "cmp");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, op);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, data, len);
}

void nft_x_bitwise(struct nftnl_rule *r, const void *mask, uint32_t len)
{
	static const unsigned char zero[16];
	struct nftnl_expr *e = x_new(r, "bitwise");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_DREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_LEN, len);
	nftnl_expr_set(e, NFTNL_EXPR_BITWISE_MASK, mask, len);
	nftnl_expr_set(e, NFTNL_EXPR_BITWISE_XOR, zero, len);
}

void nft_x_range(struct nftnl_rule *r, const void *from, const void *to,
		 uint32_t len)
{
	struct nftnl_expr *e = x_new(r, "range");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_OP, NFT_RANGE_EQ);
	nftnl_expr_set(e, NFTNL_EXPR_RANGE_FROM_DATA, from, len);
	nftnl_expr_set(e, NFTNL_EXPR_RANGE_TO_DATA, to, len);
}

void nft_x_lookup(struct nftnl_rule *r, const char *set)
{
	struct nftnl_expr *e = x_new(r, "lookup");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_LOOKUP_SREG, NFT_REG_1);
	nftnl_expr_set_str(e, NFTNL_EXPR_LOOKUP_SET, set);
}

void nft_x_counter(struct nftnl_rule *r)
{
	x_new(r, "counter");
}

void nft_x_log(struct nftnl_rule *r, const char *prefix)
{
	struct nftnl_expr *e = x_new(r, "log");

	if (!e)
		return;
	nftnl_expr_set_str(e, NFTNL_EXPR_LOG_PREFIX, prefix);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LOG_LEVEL, 6); /* info, as IOS */
}

void nft_x_verdict(struct nftnl_rule *r, int verdict, const char *chain)
{
	struct nftnl_expr *e = x_new(r, "immediate");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, (uint32_t)verdict);
	if (chain)
		nftnl_expr_set_str(e, NFTNL_EXPR_IMM_CHAIN, chain);
}

void nft_x_masq(struct nftnl_rule *r)
{
	x_new(r, "masq");
}

static void x_imm(struct nftnl_rule *r, uint32_t reg, const void *data,
		  uint32_t len)
{
	struct nftnl_expr *e = x_new(r, "immediate");

	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, reg);
	nftnl_expr_set(e, NFTNL_EXPR_IMM_DATA, data, len);
}

void nft_x_nat(struct nftnl_rule *r, uint32_t type, struct in_addr addr,
	       uint16_t port)
{
	uint16_t nport = htons(port);
	struct nftnl_expr *e;

	x_imm(r, NFT_REG_1, &addr, sizeof(addr));
	if (port)
		x_imm(r, NFT_REG_2, &nport, sizeof(nport));
	e = x_new(r, "nat");
	if (!e)
		return;
	nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_TYPE, type);
	nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_FAMILY, NFPROTO_IPV4);
	nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_REG_ADDR_MIN, NFT_REG_1);
	if (port)
		nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_REG_PROTO_MIN, NFT_REG_2);
	/* the flags as the kernel gives them back */
	nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_FLAGS,
			   NF_NAT_RANGE_MAP_IPS |
				   (port ? NF_NAT_RANGE_PROTO_SPECIFIED : 0));
}

void nft_x_meta_eq(struct nftnl_rule *r, uint32_t key, const void *data,
		   uint32_t len)
{
	nft_x_meta(r, key);
	nft_x_cmp(r, NFT_CMP_EQ, data, len);
}

void nft_x_ifname(struct nftnl_rule *r, uint32_t key, const char *ifname)
{
	char name[NET_IFNAMSIZ] = { 0 };

	snprintf(name, sizeof(name), "%s", ifname);
	nft_x_meta_eq(r, key, name, sizeof(name));
}

/* ---- comparing a rule read with the one its comment compiles to ---- */

static bool expr_same(const struct nftnl_expr *k, const struct nftnl_expr *w)
{
	const char *name = nftnl_expr_get_str(w, NFTNL_EXPR_NAME);
	uint16_t t;

	if (strcmp(name, nftnl_expr_get_str(k, NFTNL_EXPR_NAME)))
		return false;
	if (!strcmp(name, "counter"))
		return true; /* its values are the kernel's */
	/* What vrfsh sets must be there, as set; the kernel may add
	 * attributes of its own (defaults, flags). */
	for (t = NFTNL_EXPR_BASE; t < 32; t++) {
		const void *a, *b;
		uint32_t alen, blen;

		if (!nftnl_expr_is_set(w, t))
			continue;
		if (!nftnl_expr_is_set(k, t))
			return false;
		a = nftnl_expr_get(w, t, &alen);
		b = nftnl_expr_get(k, t, &blen);
		if (!a || !b || alen != blen || memcmp(a, b, alen))
			return false;
	}
	return true;
}

static bool rule_same(const struct nftnl_rule *k, const struct nftnl_rule *w)
{
	struct nftnl_expr_iter *ki = nftnl_expr_iter_create(k);
	struct nftnl_expr_iter *wi = nftnl_expr_iter_create(w);
	struct nftnl_expr *ke, *we;
	bool same = ki && wi;

	while (same) {
		ke = nftnl_expr_iter_next(ki);
		we = nftnl_expr_iter_next(wi);
		if (!ke || !we) {
			same = !ke && !we;
			break;
		}
		same = expr_same(ke, we);
	}
	if (ki)
		nftnl_expr_iter_destroy(ki);
	if (wi)
		nftnl_expr_iter_destroy(wi);
	return same;
}

/* The sums of the counters in r. */
static void rule_counters(const struct nftnl_rule *r, struct nft_rule *out)
{
	struct nftnl_expr_iter *it = nftnl_expr_iter_create(r);
	struct nftnl_expr *e;

	if (!it)
		return;
	while ((e = nftnl_expr_iter_next(it))) {
		if (strcmp(nftnl_expr_get_str(e, NFTNL_EXPR_NAME), "counter"))
			continue;
		out->packets += nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_PACKETS);
		out->bytes += nftnl_expr_get_u64(e, NFTNL_EXPR_CTR_BYTES);
	}
	nftnl_expr_iter_destroy(it);
}

/* ---- building a table ----------------------------------------------- */

static void *grow(void *v, size_t n, size_t size)
{
	return nl_grow(v, n, size);
}

struct nft_chain *nft_table_add_chain(struct nft_table *t, const char *name)
{
	struct nft_chain *v = grow(t->chains, t->nchains, sizeof(*v)), *c;

	if (!v)
		return NULL;
	t->chains = v;
	c = &v[t->nchains];
	memset(c, 0, sizeof(*c));
	c->name = strdup(name);
	if (!c->name)
		return NULL;
	nft_chain_known(name, &c->hook);
	t->nchains++;
	return c;
}

int nft_chain_add_rule(struct nft_chain *c, const char *comment, uint64_t rank)
{
	struct nft_rule *v = grow(c->rules, c->n, sizeof(*v));

	if (!v)
		return -ENOMEM;
	c->rules = v;
	memset(&v[c->n], 0, sizeof(*v));
	v[c->n].rank = rank;
	if (comment) {
		v[c->n].comment = strdup(comment);
		if (!v[c->n].comment)
			return -ENOMEM;
	}
	c->n++;
	return 0;
}

struct nft_set *nft_table_add_set(struct nft_table *t, const char *name,
				  uint32_t key_type, uint32_t key_len)
{
	struct nft_set *v = grow(t->sets, t->nsets, sizeof(*v)), *s;

	if (!v)
		return NULL;
	t->sets = v;
	s = &v[t->nsets];
	memset(s, 0, sizeof(*s));
	s->name = strdup(name);
	if (!s->name)
		return NULL;
	s->key_type = key_type;
	s->key_len = key_len;
	t->nsets++;
	return s;
}

int nft_set_add_elem(struct nft_set *s, const char *key)
{
	char(*v)[NET_IFNAMSIZ] = grow(s->elems, s->n, sizeof(*v));

	if (!v)
		return -ENOMEM;
	s->elems = v;
	memset(v[s->n], 0, sizeof(v[s->n]));
	snprintf(v[s->n], sizeof(v[s->n]), "%s", key);
	s->n++;
	return 0;
}

static int rule_cmp(const struct nft_rule *a, const struct nft_rule *b)
{
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	if (!a->comment || !b->comment)
		return !a->comment - !b->comment;
	return strcmp(a->comment, b->comment);
}

static int rule_qcmp(const void *a, const void *b)
{
	return rule_cmp(a, b);
}

void nft_table_sort(struct nft_table *t)
{
	for (size_t i = 0; i < t->nchains; i++)
		if (t->chains[i].n > 1)
			qsort(t->chains[i].rules, t->chains[i].n,
			      sizeof(struct nft_rule), rule_qcmp);
}

struct nft_chain *nft_table_chain(const struct nft_table *t, const char *name)
{
	for (size_t i = 0; i < t->nchains; i++)
		if (!strcmp(t->chains[i].name, name))
			return &t->chains[i];
	return NULL;
}

struct nft_set *nft_table_set(const struct nft_table *t, const char *name)
{
	for (size_t i = 0; i < t->nsets; i++)
		if (!strcmp(t->sets[i].name, name))
			return &t->sets[i];
	return NULL;
}

static void chain_free(struct nft_chain *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->rules[i].comment);
	free(c->rules);
	free(c->name);
}

void nft_table_free(struct nft_table *t)
{
	for (size_t i = 0; i < t->nchains; i++)
		chain_free(&t->chains[i]);
	for (size_t i = 0; i < t->nsets; i++) {
		free(t->sets[i].elems);
		free(t->sets[i].name);
	}
	free(t->chains);
	free(t->sets);
	memset(t, 0, sizeof(*t));
}

/* ---- reading -------------------------------------------------------- */

static struct nlmsghdr *req(char *buf, struct nfnl *s, uint16_t type,
			    uint16_t family, uint16_t flags)
{
	memset(buf, 0, REQ_SIZE);
	return nftnl_nlmsg_build_hdr(buf, type, family, flags, nfnl_seq(s));
}

static int gen_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nftnl_gen *g;

	if (nlh->nlmsg_type != NFT_MSG(NFT_MSG_NEWGEN))
		return MNL_CB_OK;
	g = nftnl_gen_alloc();
	if (g && nftnl_gen_nlmsg_parse(nlh, g) == 0)
		*(uint32_t *)data = nftnl_gen_get_u32(g, NFTNL_GEN_ID);
	if (g)
		nftnl_gen_free(g);
	return MNL_CB_OK;
}

static int table_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nft_table *t = data;
	struct nftnl_table *nt = nftnl_table_alloc();
	const void *ud;
	uint32_t len = 0;
	char *comment;

	if (!nt)
		return MNL_CB_OK;
	if (nftnl_table_nlmsg_parse(nlh, nt) == 0) {
		t->exists = true;
		ud = nftnl_table_get_data(nt, NFTNL_TABLE_USERDATA, &len);
		comment = udata_comment(ud, len);
		t->ours = comment && !strcmp(comment, NFT_TABLE_MARK);
		free(comment);
	}
	nftnl_table_free(nt);
	return MNL_CB_OK;
}

static bool in_table(const char *table)
{
	return table && !strcmp(table, NFT_TABLE_NAME);
}

/* A chain read: foreign unless vrfsh makes one of that name that hooks
 * in as it does. */
static void chain_read(struct nft_chain *c, const struct nftnl_chain *nc)
{
	struct nft_hook want = { 0 }, *h = &c->hook;
	const char *type;

	if (nftnl_chain_is_set(nc, NFTNL_CHAIN_HOOKNUM)) {
		h->base = true;
		h->hooknum = nftnl_chain_get_u32(nc, NFTNL_CHAIN_HOOKNUM);
		h->prio = nftnl_chain_get_s32(nc, NFTNL_CHAIN_PRIO);
		type = nftnl_chain_get_str(nc, NFTNL_CHAIN_TYPE);
		h->nat = type && !strcmp(type, "nat");
		/* vrfsh's base chains accept by policy: a chain that drops
		 * is marked with a priority vrfsh never uses, so that it is
		 * seen as hooked in otherwise and made anew */
		if (nftnl_chain_is_set(nc, NFTNL_CHAIN_POLICY) &&
		    nftnl_chain_get_u32(nc, NFTNL_CHAIN_POLICY) != NF_ACCEPT)
			h->prio = INT32_MIN;
	}
	c->foreign = !nft_chain_known(c->name, &want) ||
		     memcmp(&want, h, sizeof(want));
}

static int chain_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nft_table *t = data;
	struct nftnl_chain *nc = nftnl_chain_alloc();
	struct nft_chain *c;
	const char *name;

	if (!nc)
		return MNL_CB_ERROR;
	if (nftnl_chain_nlmsg_parse(nlh, nc) == 0 &&
	    in_table(nftnl_chain_get_str(nc, NFTNL_CHAIN_TABLE)) &&
	    (name = nftnl_chain_get_str(nc, NFTNL_CHAIN_NAME))) {
		struct nft_chain *v = grow(t->chains, t->nchains, sizeof(*v));

		if (!v) {
			nftnl_chain_free(nc);
			return MNL_CB_ERROR;
		}
		t->chains = v;
		c = &v[t->nchains];
		memset(c, 0, sizeof(*c));
		c->name = strdup(name);
		if (c->name) {
			t->nchains++;
			chain_read(c, nc);
		}
	}
	nftnl_chain_free(nc);
	return MNL_CB_OK;
}

static void chains_reset(void *data)
{
	struct nft_table *t = data;

	for (size_t i = 0; i < t->nchains; i++)
		chain_free(&t->chains[i]);
	t->nchains = 0;
}

/* Is the rule read what its comment compiles to in chain c. */
static void rule_check(const struct nft_chain *c, const struct nftnl_rule *k,
		       struct nft_rule *out)
{
	struct nftnl_rule *w;

	out->foreign = true;
	if (c->foreign || !out->comment)
		return;
	w = nftnl_rule_alloc();
	if (!w)
		return;
	if (nft_compile(c->name, out->comment, w, &out->rank) == 0)
		out->foreign = !rule_same(k, w);
	nftnl_rule_free(w);
}

static int rule_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nft_table *t = data;
	struct nftnl_rule *k = nftnl_rule_alloc();
	struct nft_chain *c;
	struct nft_rule *r;
	const void *ud;
	uint32_t len = 0;

	if (!k)
		return MNL_CB_ERROR;
	if (nftnl_rule_nlmsg_parse(nlh, k) < 0 ||
	    !in_table(nftnl_rule_get_str(k, NFTNL_RULE_TABLE)) ||
	    !(c = nft_table_chain(t,
				  nftnl_rule_get_str(k, NFTNL_RULE_CHAIN)))) {
		nftnl_rule_free(k);
		return MNL_CB_OK;
	}
	if (nft_chain_add_rule(c, NULL, 0) < 0) {
		nftnl_rule_free(k);
		return MNL_CB_ERROR;
	}
	r = &c->rules[c->n - 1];
	r->handle = nftnl_rule_get_u64(k, NFTNL_RULE_HANDLE);
	ud = nftnl_rule_get_data(k, NFTNL_RULE_USERDATA, &len);
	r->comment = udata_comment(ud, len);
	rule_counters(k, r);
	rule_check(c, k, r);
	nftnl_rule_free(k);
	return MNL_CB_OK;
}

static void rules_reset(void *data)
{
	struct nft_table *t = data;

	for (size_t i = 0; i < t->nchains; i++) {
		struct nft_chain *c = &t->chains[i];

		for (size_t j = 0; j < c->n; j++)
			free(c->rules[j].comment);
		c->n = 0;
	}
}

static int set_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nft_table *t = data;
	struct nftnl_set *ns = nftnl_set_alloc();
	struct nft_set *s;
	const char *name;

	if (!ns)
		return MNL_CB_ERROR;
	if (nftnl_set_nlmsg_parse(nlh, ns) == 0 &&
	    in_table(nftnl_set_get_str(ns, NFTNL_SET_TABLE)) &&
	    (name = nftnl_set_get_str(ns, NFTNL_SET_NAME))) {
		s = nft_table_add_set(t, name,
				      nftnl_set_get_u32(ns, NFTNL_SET_KEY_TYPE),
				      nftnl_set_get_u32(ns, NFTNL_SET_KEY_LEN));
		if (s)
			s->foreign = !nft_set_known(name) ||
				     s->key_type != NFT_IFNAME_TYPE ||
				     s->key_len != NET_IFNAMSIZ ||
				     nftnl_set_get_u32(ns, NFTNL_SET_FLAGS) ||
				     nftnl_set_is_set(ns, NFTNL_SET_DATA_TYPE);
	}
	nftnl_set_free(ns);
	return MNL_CB_OK;
}

static void sets_reset(void *data)
{
	struct nft_table *t = data;

	for (size_t i = 0; i < t->nsets; i++) {
		free(t->sets[i].elems);
		free(t->sets[i].name);
	}
	t->nsets = 0;
}

static int elem_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nft_set *s = data;
	struct nftnl_set *ns = nftnl_set_alloc();
	struct nftnl_set_elems_iter *it;
	struct nftnl_set_elem *e;

	if (!ns)
		return MNL_CB_ERROR;
	if (nftnl_set_elems_nlmsg_parse(nlh, ns) < 0 ||
	    !(it = nftnl_set_elems_iter_create(ns))) {
		nftnl_set_free(ns);
		return MNL_CB_OK;
	}
	while ((e = nftnl_set_elems_iter_next(it))) {
		uint32_t len = 0;
		const char *key =
			nftnl_set_elem_get(e, NFTNL_SET_ELEM_KEY, &len);
		char name[NET_IFNAMSIZ] = { 0 };

		if (!key || len != NET_IFNAMSIZ) {
			s->foreign = true;
			continue;
		}
		memcpy(name, key, sizeof(name) - 1);
		if (nft_set_add_elem(s, name) < 0)
			break;
	}
	nftnl_set_elems_iter_destroy(it);
	nftnl_set_free(ns);
	return MNL_CB_OK;
}

static void elems_reset(void *data)
{
	((struct nft_set *)data)->n = 0;
}

static int read_elems(struct nfnl *s, struct nft_set *set, struct net_err *err)
{
	char buf[REQ_SIZE];
	struct nlmsghdr *nlh;
	struct nftnl_set *ns = nftnl_set_alloc();

	if (!ns)
		return net_err_errno(err, ENOMEM);
	nftnl_set_set_str(ns, NFTNL_SET_TABLE, NFT_TABLE_NAME);
	nftnl_set_set_str(ns, NFTNL_SET_NAME, set->name);
	nlh = req(buf, s, NFT_MSG_GETSETELEM, NFPROTO_INET, 0);
	nftnl_set_elems_nlmsg_build_payload(nlh, ns);
	nftnl_set_free(ns);
	return nfnl_dump(s, nlh, elem_cb, set, elems_reset, err);
}

/* A dump of type in vrfsh's table (a request carrying the table name). */
static int dump_in_table(struct nfnl *s, uint16_t type, mnl_cb_t cb, void *data,
			 void (*reset)(void *), struct net_err *err)
{
	char buf[REQ_SIZE];
	struct nlmsghdr *nlh = req(buf, s, type, NFPROTO_INET, 0);

	if (type != NFT_MSG_GETCHAIN)
		mnl_attr_put_strz(nlh, NFTA_RULE_TABLE, NFT_TABLE_NAME);
	/* NFTA_RULE_TABLE and NFTA_SET_TABLE are both attribute 1 */
	return nfnl_dump(s, nlh, cb, data, reset, err);
}

static int read_table(struct nfnl *s, struct nft_table *t, struct net_err *err)
{
	char buf[REQ_SIZE];
	struct nlmsghdr *nlh;
	int ret;

	nlh = req(buf, s, NFT_MSG_GETGEN, AF_UNSPEC, 0);
	ret = nfnl_talk(s, nlh, gen_cb, &t->genid, err);
	if (ret < 0)
		return ret;
	nlh = req(buf, s, NFT_MSG_GETTABLE, NFPROTO_INET, 0);
	mnl_attr_put_strz(nlh, NFTA_TABLE_NAME, NFT_TABLE_NAME);
	ret = nfnl_talk(s, nlh, table_cb, t, err);
	if (ret == -ENOENT) {
		memset(err, 0, sizeof(*err));
		return 0;
	}
	return ret;
}

int nft_table_read(struct nfnl *s, struct nft_table *t, struct net_err *err)
{
	struct net_err e = { 0 };
	int ret;

	memset(t, 0, sizeof(*t));
	ret = read_table(s, t, err ? err : &e);
	if (ret < 0 || !t->exists)
		return ret;
	ret = dump_in_table(s, NFT_MSG_GETCHAIN, chain_cb, t, chains_reset,
			    err);
	if (ret == 0)
		ret = dump_in_table(s, NFT_MSG_GETRULE, rule_cb, t, rules_reset,
				    err);
	if (ret == 0)
		ret = dump_in_table(s, NFT_MSG_GETSET, set_cb, t, sets_reset,
				    err);
	for (size_t i = 0; ret == 0 && i < t->nsets; i++)
		ret = read_elems(s, &t->sets[i], err);
	if (ret < 0)
		nft_table_free(t);
	return ret;
}

/* ---- other tables ---------------------------------------------------- */

static const char *family_name(unsigned family)
{
	switch (family) {
	case NFPROTO_INET:
		return "inet";
	case NFPROTO_IPV4:
		return "ip";
	case NFPROTO_IPV6:
		return "ip6";
	case NFPROTO_ARP:
		return "arp";
	case NFPROTO_BRIDGE:
		return "bridge";
	case NFPROTO_NETDEV:
		return "netdev";
	}
	return "?";
}

int nft_note_add(struct net_nft_notes *notes, const struct net_nft_note *n)
{
	struct net_nft_note *v = grow(notes->v, notes->n, sizeof(*v));

	if (!v)
		return -ENOMEM;
	notes->v = v;
	v[notes->n++] = *n;
	return 0;
}

/* Copies kernel text into a fixed field, replacing what is not
 * printable: names from the kernel are anyone's. */
static void safe_copy(char *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; src && src[i] && i + 1 < size; i++)
		dst[i] = src[i] > 0x20 && src[i] < 0x7f ? src[i] : '?';
	dst[i] = '\0';
}

static int other_cb(const struct nlmsghdr *nlh, void *data)
{
	struct net_nft_notes *out = data;
	struct nftnl_table *nt = nftnl_table_alloc();
	struct net_nft_note n = { .kind = NET_NFT_TABLE };
	uint32_t family;
	const char *name;
	int ret = MNL_CB_OK;

	if (!nt)
		return MNL_CB_ERROR;
	if (nftnl_table_nlmsg_parse(nlh, nt) == 0 &&
	    (name = nftnl_table_get_str(nt, NFTNL_TABLE_NAME))) {
		family = nftnl_table_get_u32(nt, NFTNL_TABLE_FAMILY);
		if (family != NFPROTO_INET || strcmp(name, NFT_TABLE_NAME)) {
			safe_copy(n.family, sizeof(n.family),
				  family_name(family));
			safe_copy(n.table, sizeof(n.table), name);
			if (nft_note_add(out, &n) < 0)
				ret = MNL_CB_ERROR;
		}
	}
	nftnl_table_free(nt);
	return ret;
}

static void notes_reset(void *data)
{
	struct net_nft_notes *n = data;

	n->n = 0;
}

int nft_other_tables(struct nfnl *s, struct net_nft_notes *out,
		     struct net_err *err)
{
	char buf[REQ_SIZE];
	struct nlmsghdr *nlh = req(buf, s, NFT_MSG_GETTABLE, NFPROTO_UNSPEC, 0);

	return nfnl_dump(s, nlh, other_cb, out, notes_reset, err);
}

/* ---- the transaction ------------------------------------------------ */

struct tx {
	struct nfnl *s;
	struct nfnl_batch b;
	uint32_t begin, last; /* sequence numbers */
	size_t last_off;      /* where the last message starts */
	size_t n;	      /* changes */
	int error;	      /* building failed: -errno */
};

static struct nlmsghdr *tx_msg(struct tx *x, uint16_t type, uint16_t flags,
			       size_t max)
{
	char *room = nfnl_batch_room(&x->b, max);

	if (!room) {
		x->error = -ENOMEM;
		return NULL;
	}
	x->last = nfnl_seq(x->s);
	return nftnl_nlmsg_build_hdr(room, type, NFPROTO_INET, flags, x->last);
}

static void tx_done(struct tx *x, struct nlmsghdr *nlh)
{
	if (nlh->nlmsg_len > RULE_MAX) {
		x->error = -E2BIG; /* overran its room */
		return;
	}
	x->last_off = (size_t)((char *)nlh - x->b.buf);
	nfnl_batch_done(&x->b, nlh);
	x->n++;
}

static void tx_table(struct tx *x, bool add)
{
	struct nftnl_table *t = nftnl_table_alloc();
	unsigned char ud[260];
	struct nlmsghdr *nlh;

	if (!t) {
		x->error = -ENOMEM;
		return;
	}
	nftnl_table_set_str(t, NFTNL_TABLE_NAME, NFT_TABLE_NAME);
	if (add)
		nftnl_table_set_data(t, NFTNL_TABLE_USERDATA, ud,
				     udata_put(ud, NFT_TABLE_MARK));
	nlh = tx_msg(x, add ? NFT_MSG_NEWTABLE : NFT_MSG_DELTABLE,
		     add ? NLM_F_CREATE | NLM_F_EXCL : 0, REQ_SIZE);
	if (nlh) {
		nftnl_table_nlmsg_build_payload(nlh, t);
		tx_done(x, nlh);
	}
	nftnl_table_free(t);
}

static void tx_chain(struct tx *x, const struct nft_chain *c, bool add)
{
	struct nftnl_chain *nc = nftnl_chain_alloc();
	struct nlmsghdr *nlh;

	if (!nc) {
		x->error = -ENOMEM;
		return;
	}
	nftnl_chain_set_str(nc, NFTNL_CHAIN_TABLE, NFT_TABLE_NAME);
	nftnl_chain_set_str(nc, NFTNL_CHAIN_NAME, c->name);
	if (add && c->hook.base) {
		nftnl_chain_set_u32(nc, NFTNL_CHAIN_HOOKNUM, c->hook.hooknum);
		nftnl_chain_set_s32(nc, NFTNL_CHAIN_PRIO, c->hook.prio);
		nftnl_chain_set_str(nc, NFTNL_CHAIN_TYPE,
				    c->hook.nat ? "nat" : "filter");
		nftnl_chain_set_u32(nc, NFTNL_CHAIN_POLICY, NF_ACCEPT);
	}
	nlh = tx_msg(x, add ? NFT_MSG_NEWCHAIN : NFT_MSG_DELCHAIN,
		     add ? NLM_F_CREATE | NLM_F_EXCL : 0, REQ_SIZE);
	if (nlh) {
		nftnl_chain_nlmsg_build_payload(nlh, nc);
		tx_done(x, nlh);
	}
	nftnl_chain_free(nc);
}

/* Deletes one rule (handle), or flushes the chain (handle 0). */
static void tx_delrule(struct tx *x, const char *chain, uint64_t handle)
{
	struct nftnl_rule *r = nftnl_rule_alloc();
	struct nlmsghdr *nlh;

	if (!r) {
		x->error = -ENOMEM;
		return;
	}
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, NFT_TABLE_NAME);
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chain);
	if (handle)
		nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, handle);
	nlh = tx_msg(x, NFT_MSG_DELRULE, 0, REQ_SIZE);
	if (nlh) {
		nftnl_rule_nlmsg_build_payload(nlh, r);
		tx_done(x, nlh);
	}
	nftnl_rule_free(r);
}

/* Where tx_addrule puts a rule. */
enum rule_at {
	AT_END,	  /* appended */
	AT_HEAD,  /* first in the chain */
	AT_AFTER, /* after the rule of a handle */
};

/* Adds the rule of comment to chain, at the end, at the head or after
 * the rule of handle after.  The kernel finds a position by walking the
 * chain from its head: rules that go before the end of a long chain are
 * put after the rule kept before them (or at the head), never before
 * one that the additions push further away. */
static void tx_addrule(struct tx *x, const char *chain, const char *comment,
		       enum rule_at at, uint64_t after)
{
	struct nftnl_rule *r = nftnl_rule_alloc();
	unsigned char ud[260];
	struct nlmsghdr *nlh;
	uint64_t rank;

	if (!r) {
		x->error = -ENOMEM;
		return;
	}
	if (nft_compile(chain, comment, r, &rank) < 0) {
		x->error = -EINVAL; /* a bug: filter.c made comment */
		nftnl_rule_free(r);
		return;
	}
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, NFT_TABLE_NAME);
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chain);
	nftnl_rule_set_data(r, NFTNL_RULE_USERDATA, ud, udata_put(ud, comment));
	if (at == AT_AFTER)
		nftnl_rule_set_u64(r, NFTNL_RULE_POSITION, after);
	nlh = tx_msg(x, NFT_MSG_NEWRULE,
		     at == AT_HEAD ? NLM_F_CREATE : NLM_F_CREATE | NLM_F_APPEND,
		     RULE_MAX);
	if (nlh) {
		nftnl_rule_nlmsg_build_payload(nlh, r);
		tx_done(x, nlh);
	}
	nftnl_rule_free(r);
}

static void tx_set(struct tx *x, const struct nft_set *s, bool add)
{
	struct nftnl_set *ns = nftnl_set_alloc();
	struct nlmsghdr *nlh;

	if (!ns) {
		x->error = -ENOMEM;
		return;
	}
	nftnl_set_set_str(ns, NFTNL_SET_TABLE, NFT_TABLE_NAME);
	nftnl_set_set_str(ns, NFTNL_SET_NAME, s->name);
	if (add) {
		/* for nft: the keys are in host byte order (its 1) */
		unsigned char ud[6] = { 0, 4 };
		uint32_t host = 1;

		memcpy(ud + 2, &host, sizeof(host));
		nftnl_set_set_data(ns, NFTNL_SET_USERDATA, ud, sizeof(ud));
		nftnl_set_set_u32(ns, NFTNL_SET_KEY_TYPE, s->key_type);
		nftnl_set_set_u32(ns, NFTNL_SET_KEY_LEN, s->key_len);
		nftnl_set_set_u32(ns, NFTNL_SET_ID, x->last ? x->last : 1);
	}
	nlh = tx_msg(x, add ? NFT_MSG_NEWSET : NFT_MSG_DELSET,
		     add ? NLM_F_CREATE | NLM_F_EXCL : 0, REQ_SIZE);
	if (nlh) {
		nftnl_set_nlmsg_build_payload(nlh, ns);
		tx_done(x, nlh);
	}
	nftnl_set_free(ns);
}

static void tx_elem(struct tx *x, const char *set, const char *key, bool add)
{
	struct nftnl_set *ns = nftnl_set_alloc();
	struct nftnl_set_elem *e = nftnl_set_elem_alloc();
	char name[NET_IFNAMSIZ] = { 0 };
	struct nlmsghdr *nlh;

	if (!ns || !e) {
		if (ns)
			nftnl_set_free(ns);
		if (e)
			nftnl_set_elem_free(e);
		x->error = -ENOMEM;
		return;
	}
	snprintf(name, sizeof(name), "%s", key);
	nftnl_set_set_str(ns, NFTNL_SET_TABLE, NFT_TABLE_NAME);
	nftnl_set_set_str(ns, NFTNL_SET_NAME, set);
	nftnl_set_elem_set(e, NFTNL_SET_ELEM_KEY, name, sizeof(name));
	nftnl_set_elem_add(ns, e);
	nlh = tx_msg(x, add ? NFT_MSG_NEWSETELEM : NFT_MSG_DELSETELEM,
		     add ? NLM_F_CREATE | NLM_F_EXCL : 0, REQ_SIZE);
	if (nlh) {
		nftnl_set_elems_nlmsg_build_payload(nlh, ns);
		tx_done(x, nlh);
	}
	nftnl_set_free(ns);
}

static bool has_elem(const struct nft_set *s, const char *key)
{
	for (size_t i = 0; s && i < s->n; i++)
		if (!strncmp(s->elems[i], key, NET_IFNAMSIZ))
			return true;
	return false;
}

/* Are the rules of c (those not foreign) in the order vrfsh keeps. */
static bool chain_sorted(const struct nft_chain *c)
{
	const struct nft_rule *prev = NULL;

	for (size_t i = 0; i < c->n; i++) {
		if (c->rules[i].foreign)
			continue;
		if (prev && rule_cmp(prev, &c->rules[i]) >= 0)
			return false;
		prev = &c->rules[i];
	}
	return true;
}

/* Phase 1 for a chain kept: deletions.  keep[i] tells which rules of cur
 * stay; the merge of two lists in the same order. */
static void merge(const struct nft_chain *cur, const struct nft_chain *want,
		  bool *keep, size_t *anchor)
{
	size_t i = 0, j = 0;

	while (j < want->n) {
		int cmp;

		while (i < cur->n && cur->rules[i].foreign)
			i++;
		cmp = i < cur->n ? rule_cmp(&cur->rules[i], &want->rules[j]) :
				   1;
		if (cmp == 0) {
			keep[i] = true;
			anchor[j] = SIZE_MAX; /* kept: nothing to add */
			i++;
			j++;
		} else if (cmp < 0) {
			i++;
		} else {
			anchor[j++] = i; /* add before cur rule i */
		}
	}
}

/* The handle of the last rule kept before rule i; 0: none. */
static uint64_t kept_before(const struct nft_chain *cur, const bool *keep,
			    size_t i)
{
	while (i-- > 0)
		if (keep[i])
			return cur->rules[i].handle;
	return 0;
}

struct plan {
	bool *keep;	/* per rule of the cur chain */
	size_t *anchor; /* per rule of the want chain */
	bool flush;	/* delete all, add all */
};

static int plan_chain(const struct nft_chain *cur, const struct nft_chain *want,
		      struct plan *p)
{
	p->keep = calloc(cur->n + 1, sizeof(*p->keep));
	p->anchor = calloc(want->n + 1, sizeof(*p->anchor));
	if (!p->keep || !p->anchor)
		return -ENOMEM;
	p->flush = want->rebuild || !chain_sorted(cur);
	if (!p->flush)
		merge(cur, want, p->keep, p->anchor);
	for (size_t i = 0; p->flush && i < cur->n; i++)
		p->keep[i] = false;
	for (size_t j = 0; p->flush && j < want->n; j++)
		p->anchor[j] = cur->n;
	return 0;
}

static void tx_chain_dels(struct tx *x, const struct nft_chain *cur,
			  const struct plan *p)
{
	bool any = false;

	for (size_t i = 0; i < cur->n; i++)
		any |= !p->keep[i];
	if (p->flush && cur->n > 1) {
		tx_delrule(x, cur->name, 0);
		return;
	}
	for (size_t i = 0; any && i < cur->n; i++)
		if (!p->keep[i])
			tx_delrule(x, cur->name, cur->rules[i].handle);
}

/* The rules of a new chain are appended in order; those added to a
 * chain kept go, last first, right after the rule kept before them, or
 * at the head. */
static void tx_chain_adds(struct tx *x, const struct nft_chain *cur,
			  const struct nft_chain *want, const struct plan *p)
{
	for (size_t j = 0; !cur && j < want->n && !x->error; j++)
		tx_addrule(x, want->name, want->rules[j].comment, AT_END, 0);
	for (size_t j = want->n; cur && j-- > 0 && !x->error;) {
		uint64_t after;

		if (p->anchor[j] == SIZE_MAX)
			continue; /* kept */
		after = kept_before(cur, p->keep, p->anchor[j]);
		tx_addrule(x, want->name, want->rules[j].comment,
			   after ? AT_AFTER : AT_HEAD, after);
	}
}

/* Is cur's chain c replaced whole (a base chain hooked otherwise). */
static bool chain_replaced(const struct nft_chain *c, const struct nft_chain *w)
{
	return memcmp(&c->hook, &w->hook, sizeof(c->hook)) != 0;
}

static bool table_has_foreign(const struct nft_table *t)
{
	for (size_t i = 0; i < t->nchains; i++)
		if (!nft_chain_known(t->chains[i].name, NULL))
			return true;
	for (size_t i = 0; i < t->nsets; i++)
		if (!nft_set_known(t->sets[i].name))
			return true;
	return false;
}

/* Rule deletions, then chain and set deletions.  A chain that goes is
 * emptied first: its jumps to other chains that go would keep those in
 * use (EBUSY). */
static void tx_removals(struct tx *x, const struct nft_table *cur,
			const struct nft_table *want, struct plan *plans)
{
	for (size_t i = 0; i < cur->nchains; i++) {
		const struct nft_chain *c = &cur->chains[i];
		const struct nft_chain *w = nft_table_chain(want, c->name);

		if (w && !chain_replaced(c, w))
			tx_chain_dels(x, c, &plans[i]);
		else if (c->n && nft_chain_known(c->name, NULL))
			tx_delrule(x, c->name, 0);
	}
	for (size_t i = 0; i < cur->nchains; i++) {
		const struct nft_chain *c = &cur->chains[i];
		const struct nft_chain *w = nft_table_chain(want, c->name);

		if (!nft_chain_known(c->name, NULL))
			continue; /* not vrfsh's: left alone */
		if (!w || chain_replaced(c, w))
			tx_chain(x, c, false);
	}
	for (size_t i = 0; i < cur->nsets; i++) {
		const struct nft_set *s = &cur->sets[i];
		const struct nft_set *w = nft_table_set(want, s->name);

		if (!nft_set_known(s->name))
			continue;
		if (!w || s->foreign) {
			tx_set(x, s, false);
			continue;
		}
		for (size_t j = 0; j < s->n; j++)
			if (!has_elem(w, s->elems[j]))
				tx_elem(x, s->name, s->elems[j], false);
	}
}

static void tx_sets(struct tx *x, const struct nft_table *cur,
		    const struct nft_table *want)
{
	for (size_t i = 0; i < want->nsets; i++) {
		const struct nft_set *w = &want->sets[i];
		const struct nft_set *c = nft_table_set(cur, w->name);

		if (!c || c->foreign)
			tx_set(x, w, true);
		for (size_t j = 0; j < w->n; j++)
			if (!c || c->foreign || !has_elem(c, w->elems[j]))
				tx_elem(x, w->name, w->elems[j], true);
	}
}

/* New chains, then rules: regular chains (jump targets) first. */
static void tx_additions(struct tx *x, const struct nft_table *cur,
			 const struct nft_table *want, struct plan *plans)
{
	for (size_t i = 0; i < want->nchains; i++) {
		const struct nft_chain *w = &want->chains[i];
		const struct nft_chain *c = nft_table_chain(cur, w->name);

		if (!c || chain_replaced(c, w))
			tx_chain(x, w, true);
	}
	tx_sets(x, cur, want);
	for (int base = 0; base < 2; base++) {
		for (size_t i = 0; i < want->nchains; i++) {
			const struct nft_chain *w = &want->chains[i];
			const struct nft_chain *c =
				nft_table_chain(cur, w->name);
			size_t ci;

			if (w->hook.base != (base == 1))
				continue;
			if (!c || chain_replaced(c, w)) {
				tx_chain_adds(x, NULL, w, NULL);
				continue;
			}
			ci = (size_t)(c - cur->chains);
			tx_chain_adds(x, c, w, &plans[ci]);
		}
	}
}

static void plans_free(struct plan *plans, size_t n)
{
	for (size_t i = 0; plans && i < n; i++) {
		free(plans[i].keep);
		free(plans[i].anchor);
	}
	free(plans);
}

static int plans_make(const struct nft_table *cur, const struct nft_table *want,
		      struct plan **out)
{
	struct plan *plans = calloc(cur->nchains + 1, sizeof(*plans));
	static const struct nft_chain none;

	*out = plans;
	if (!plans)
		return -ENOMEM;
	for (size_t i = 0; i < cur->nchains; i++) {
		const struct nft_chain *w =
			nft_table_chain(want, cur->chains[i].name);

		if (plan_chain(&cur->chains[i], w ? w : &none, &plans[i]) < 0)
			return -ENOMEM;
	}
	return 0;
}

static void tx_build(struct tx *x, const struct nft_table *cur,
		     const struct nft_table *want, struct plan *plans)
{
	bool empty = !want->nchains && !want->nsets;

	if (empty && cur->exists && !table_has_foreign(cur)) {
		tx_table(x, false);
		return;
	}
	if (empty && !cur->exists)
		return;
	if (!cur->exists)
		tx_table(x, true);
	tx_removals(x, cur, want, plans);
	tx_additions(x, cur, want, plans);
}

static int tx_send(struct tx *x, struct net_err *err)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)(x->b.buf + x->last_off);
	uint32_t bad;
	char *room;
	int ret;

	nlh->nlmsg_flags |= NLM_F_ACK;
	room = nfnl_batch_room(&x->b, REQ_SIZE);
	if (!room)
		return net_err_errno(err, ENOMEM);
	nlh = nftnl_batch_end(room, nfnl_seq(x->s));
	nfnl_batch_done(&x->b, nlh);
	ret = nfnl_batch_send(x->s, &x->b, x->last, &bad, err);
	/* The batch itself refused: the generation moved on. */
	if (ret < 0 && bad == x->begin)
		return net_err_set(err, ERESTART,
				   "the ruleset changed "
				   "while it was read");
	return ret;
}

static unsigned long changed; /* kernel objects changed, in all */

unsigned long net_nft_changes(void)
{
	return changed;
}

int nft_table_apply(struct nfnl *s, const struct nft_table *cur,
		    const struct nft_table *want, size_t *changes,
		    struct net_err *err)
{
	struct tx x = { .s = s };
	struct plan *plans = NULL;
	struct nlmsghdr *nlh;
	char *room;
	int ret;

	if (changes)
		*changes = 0;
	if (cur->exists && !cur->ours)
		return net_err_set(err, EEXIST,
				   "table inet %s was not made "
				   "by vrfsh",
				   NFT_TABLE_NAME);
	ret = plans_make(cur, want, &plans);
	room = ret < 0 ? NULL : nfnl_batch_room(&x.b, REQ_SIZE);
	if (!room) {
		plans_free(plans, cur->nchains);
		nfnl_batch_free(&x.b);
		return net_err_errno(err, ENOMEM);
	}
	x.begin = nfnl_seq(s);
	nlh = nftnl_batch_begin(room, x.begin);
	mnl_attr_put_u32(nlh, NFNL_BATCH_GENID, htonl(cur->genid));
	nfnl_batch_done(&x.b, nlh);
	tx_build(&x, cur, want, plans);
	plans_free(plans, cur->nchains);
	if (x.error)
		ret = net_err_errno(err, -x.error);
	else if (x.n)
		ret = tx_send(&x, err);
	if (ret == 0)
		changed += x.n;
	if (ret == 0 && changes)
		*changes = x.n;
	nfnl_batch_free(&x.b);
	return ret;
}
