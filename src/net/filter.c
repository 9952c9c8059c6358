/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * filter.c - what vrfsh's table in a VRF holds, and the way from that to
 * the kernel and back.
 *
 * The table of a VRF, read from the kernel, is decoded into its state
 * (struct vstate: the lists it holds, the lists used on its interfaces,
 * its NAT).  A change edits the state (or the lists), renders the table
 * it stands for, and lets nft.c make the kernel's table into that one.
 *
 * Chains:   acl-in    filter, prerouting  -150: jumps to the list used
 *                     `in` on the arrival interface (before DNAT: a list
 *                     sees the addresses as they arrive, as on IOS)
 *           acl-out   filter, postrouting  200: jumps to the list used
 *                     `out` on the leaving interface (after SNAT)
 *           nat-pre   nat, prerouting  -100: static translations in
 *           nat-post  nat, postrouting  100: static translations out,
 *                     then overload jumps
 *           ip_NAME, ipv6_NAME   a list (entries, then its end rules)
 *           nat_NAME  the list as NAT uses it (permit: masquerade)
 * Sets:     nat-inside, nat-outside (interface names) - the NAT roles.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>

#include "filter.h"
#include "fstate.h"
#include "nftab.h"
#include "nl.h"

#define CH_IN "acl-in"
#define CH_OUT "acl-out"
#define CH_NATPRE "nat-pre"
#define CH_NATPOST "nat-post"
#define SET_INSIDE "nat-inside"
#define SET_OUTSIDE "nat-outside"
#define TRIES 3

enum ckind {
	CK_NONE,
	CK_IN,
	CK_OUT,
	CK_NATPRE,
	CK_NATPOST,
	CK_LIST4,
	CK_LIST6,
	CK_NATLIST,
};

static enum ckind chain_kind(const char *name, const char **list)
{
	static const struct {
		const char *prefix;
		enum ckind kind;
	} lists[] = {
		{ "ip_", CK_LIST4 },
		{ "ipv6_", CK_LIST6 },
		{ "nat_", CK_NATLIST },
	};

	if (!strcmp(name, CH_IN))
		return CK_IN;
	if (!strcmp(name, CH_OUT))
		return CK_OUT;
	if (!strcmp(name, CH_NATPRE))
		return CK_NATPRE;
	if (!strcmp(name, CH_NATPOST))
		return CK_NATPOST;
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		size_t n = strlen(lists[i].prefix);

		if (!strncmp(name, lists[i].prefix, n) &&
		    net_acl_name_check(name + n, NULL) == 0) {
			if (list)
				*list = name + n;
			return lists[i].kind;
		}
	}
	return CK_NONE;
}

int list_chain_name(int family, const char *list, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s%s", family == AF_INET ? "ip_" : "ipv6_",
			 list);

	return n < 0 || (size_t)n >= size ? -E2BIG : 0;
}

bool nft_chain_known(const char *name, struct nft_hook *hook)
{
	struct nft_hook h = { 0 };
	enum ckind k = chain_kind(name, NULL);

	switch (k) {
	case CK_IN:
		h = (struct nft_hook){ true, false, NF_INET_PRE_ROUTING, -150 };
		break;
	case CK_OUT:
		h = (struct nft_hook){ true, false, NF_INET_POST_ROUTING, 200 };
		break;
	case CK_NATPRE:
		h = (struct nft_hook){ true, true, NF_INET_PRE_ROUTING, -100 };
		break;
	case CK_NATPOST:
		h = (struct nft_hook){ true, true, NF_INET_POST_ROUTING, 100 };
		break;
	default:
		break;
	}
	if (hook)
		*hook = h;
	return k != CK_NONE;
}

bool nft_set_known(const char *name)
{
	return !strcmp(name, SET_INSIDE) || !strcmp(name, SET_OUTSIDE);
}

/* ---- bindings --------------------------------------------------------- */

static int bind_encode(const struct net_acl_bind *b, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s %s %s",
			 b->family == AF_INET ? "ip" : "ipv6", b->ifname,
			 b->acl);

	return n < 0 || (size_t)n >= size ? -E2BIG : 0;
}

static int bind_decode(const char *comment, enum net_acl_dir dir,
		       struct net_acl_bind *b)
{
	char text[128], again[128], *save = NULL, *fam, *ifname, *acl;

	memset(b, 0, sizeof(*b));
	if (strlen(comment) >= sizeof(text))
		return -EINVAL;
	strcpy(text, comment);
	fam = strtok_r(text, " ", &save);
	ifname = strtok_r(NULL, " ", &save);
	acl = strtok_r(NULL, " ", &save);
	if (!fam || !ifname || !acl || strtok_r(NULL, " ", &save) ||
	    (strcmp(fam, "ip") && strcmp(fam, "ipv6")) ||
	    !nft_ifname_ok(ifname) || net_acl_name_check(acl, NULL) < 0)
		return -EINVAL;
	b->family = fam[2] ? AF_INET6 : AF_INET;
	b->dir = dir;
	snprintf(b->ifname, sizeof(b->ifname), "%s", ifname);
	snprintf(b->acl, sizeof(b->acl), "%s", acl);
	if (bind_encode(b, again, sizeof(again)) < 0 || strcmp(again, comment))
		return -EINVAL;
	return 0;
}

static void bind_compile(const struct net_acl_bind *b, struct nftnl_rule *r)
{
	uint8_t proto = b->family == AF_INET ? NFPROTO_IPV4 : NFPROTO_IPV6;
	char chain[NET_ACL_NAME_MAX + 8];

	list_chain_name(b->family, b->acl, chain, sizeof(chain));
	nft_x_ifname(r,
		     b->dir == NET_ACL_IN ? NFT_META_IIFNAME : NFT_META_OIFNAME,
		     b->ifname);
	nft_x_meta_eq(r, NFT_META_NFPROTO, &proto, 1);
	nft_x_verdict(r, NFT_JUMP, chain);
}

/* ---- compiling a comment ---------------------------------------------- */

static int compile_list(int family, enum acl_use use, const char *list,
			const char *comment, struct nftnl_rule *r,
			uint64_t *rank)
{
	struct net_acl_entry e;

	if (use == ACL_FILTER && acl_end_decode(family, comment, NULL, rank))
		return acl_end_compile(comment, r);
	if (acl_decode(family, comment, &e) < 0)
		return -EINVAL;
	*rank = e.seq;
	return acl_compile(family, use, list, &e, r);
}

static int compile_nat(bool pre, const char *comment, struct nftnl_rule *r,
		       uint64_t *rank)
{
	struct net_nat_overload o;
	struct net_nat_static s;

	*rank = 0;
	if (nat_static_decode(comment, &s) == 0) {
		nat_static_compile(&s, pre, r);
		return 0;
	}
	if (pre || nat_overload_decode(comment, &o) < 0)
		return -EINVAL;
	*rank = 1; /* after the static translations */
	nat_overload_compile(&o, r);
	return 0;
}

int nft_compile(const char *chain, const char *comment, struct nftnl_rule *r,
		uint64_t *rank)
{
	const char *list = NULL;
	struct net_acl_bind b;

	*rank = 0;
	switch (chain_kind(chain, &list)) {
	case CK_IN:
	case CK_OUT:
		if (bind_decode(comment, NET_ACL_IN, &b) < 0)
			return -EINVAL;
		b.dir = !strcmp(chain, CH_IN) ? NET_ACL_IN : NET_ACL_OUT;
		bind_compile(&b, r);
		return 0;
	case CK_NATPRE:
	case CK_NATPOST:
		return compile_nat(!strcmp(chain, CH_NATPRE), comment, r, rank);
	case CK_LIST4:
		return compile_list(AF_INET, ACL_FILTER, list, comment, r,
				    rank);
	case CK_LIST6:
		return compile_list(AF_INET6, ACL_FILTER, list, comment, r,
				    rank);
	case CK_NATLIST:
		return compile_list(AF_INET, ACL_NAT, list, comment, r, rank);
	case CK_NONE:
		break;
	}
	return -EINVAL;
}

/* ---- decoding a table into its state ----------------------------------- */

static void *grow(void *v, size_t n, size_t size)
{
	return nl_grow(v, n, size);
}

static int list_add_entry(struct net_acl *l, const struct net_acl_entry *e)
{
	struct net_acl_entry *v = grow(l->v, l->n, sizeof(*v));

	if (!v)
		return -ENOMEM;
	l->v = v;
	v[l->n++] = *e;
	return 0;
}

/* A list from its chain: entries from the comments, type from the end. */
static int decode_list(const struct nft_chain *c, int family, const char *name,
		       struct net_acl *l)
{
	bool has_end = false;
	int ret = 0;

	memset(l, 0, sizeof(*l));
	l->family = family;
	l->type = NET_ACL_EXTENDED;
	snprintf(l->name, sizeof(l->name), "%s", name);
	for (size_t i = 0; ret == 0 && i < c->n; i++) {
		const struct nft_rule *r = &c->rules[i];
		struct net_acl_entry e;
		enum net_acl_type type;

		if (r->foreign)
			l->differs = true;
		if (!r->comment) {
			continue;
		} else if (acl_end_decode(family, r->comment, &type, NULL)) {
			if (!strncmp(r->comment, "end s", 5) ||
			    !strcmp(r->comment, "end extended")) {
				l->type = type;
				l->deny_packets = r->packets;
				has_end = true;
			}
		} else if (acl_decode(family, r->comment, &e) == 0) {
			e.packets = r->foreign ? 0 : r->packets;
			e.bytes = r->foreign ? 0 : r->bytes;
			ret = list_add_entry(l, &e);
		}
	}
	l->differs |= !has_end;
	acl_sort(l);
	return ret;
}

static int add_list(struct net_acls *ls, const struct net_acl *l)
{
	struct net_acl *v = grow(ls->v, ls->n, sizeof(*v));

	if (!v)
		return -ENOMEM;
	ls->v = v;
	v[ls->n++] = *l;
	return 0;
}

static int add_bind(struct net_acl_binds *bs, const struct net_acl_bind *b)
{
	struct net_acl_bind *v = grow(bs->v, bs->n, sizeof(*v));

	if (!v)
		return -ENOMEM;
	bs->v = v;
	v[bs->n++] = *b;
	return 0;
}

int nat_add_static(struct net_nat *nat, const struct net_nat_static *s)
{
	struct net_nat_static *v = grow(nat->st, nat->nst, sizeof(*v));

	if (!v)
		return -ENOMEM;
	nat->st = v;
	v[nat->nst++] = *s;
	return 0;
}

int nat_add_overload(struct net_nat *nat, const struct net_nat_overload *o)
{
	struct net_nat_overload *v = grow(nat->ovl, nat->novl, sizeof(*v));

	if (!v)
		return -ENOMEM;
	nat->ovl = v;
	v[nat->novl++] = *o;
	return 0;
}

int nat_add_if(struct net_nat *nat, const char *ifname, enum net_nat_role role)
{
	struct net_nat_if *v = grow(nat->ifs, nat->nifs, sizeof(*v));

	if (!v)
		return -ENOMEM;
	nat->ifs = v;
	memset(&v[nat->nifs], 0, sizeof(*v));
	snprintf(v[nat->nifs].ifname, sizeof(v->ifname), "%s", ifname);
	v[nat->nifs++].role = role;
	return 0;
}

static struct net_nat_static *find_static(struct net_nat *nat,
					  const struct net_nat_static *s)
{
	for (size_t i = 0; i < nat->nst; i++)
		if (nat_static_same_key(&nat->st[i], s) &&
		    nat->st[i].global.s_addr == s->global.s_addr &&
		    nat->st[i].gport == s->gport)
			return &nat->st[i];
	return NULL;
}

/* The static translations of nat-pre and nat-post, as one list. */
static int decode_nat_chain(const struct nft_chain *c, bool pre,
			    struct net_nat *nat)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct nft_rule *r = &c->rules[i];
		struct net_nat_overload o;
		struct net_nat_static s, *have;

		if (!r->comment)
			continue;
		if (nat_static_decode(r->comment, &s) == 0) {
			have = find_static(nat, &s);
			if (!have && nat_add_static(nat, &s) < 0)
				return -ENOMEM;
			have = find_static(nat, &s);
			if (pre)
				have->in_packets += r->packets;
			else
				have->out_packets += r->packets;
		} else if (!pre && nat_overload_decode(r->comment, &o) == 0) {
			if (nat_add_overload(nat, &o) < 0)
				return -ENOMEM;
		}
	}
	return 0;
}

static void count_overloads(const struct nft_table *t, struct net_nat *nat)
{
	for (size_t i = 0; i < nat->novl; i++) {
		char name[NET_ACL_NAME_MAX + 8];
		const struct nft_chain *c;

		snprintf(name, sizeof(name), "nat_%s", nat->ovl[i].acl);
		c = nft_table_chain(t, name);
		for (size_t j = 0; c && j < c->n; j++) {
			struct net_acl_entry e;

			if (c->rules[j].comment &&
			    acl_decode(AF_INET, c->rules[j].comment, &e) == 0 &&
			    e.action == NET_ACL_PERMIT)
				nat->ovl[i].packets += c->rules[j].packets;
		}
	}
}

static int decode_roles(const struct nft_table *t, struct net_nat *nat)
{
	for (size_t i = 0; i < t->nsets; i++) {
		const struct nft_set *s = &t->sets[i];
		enum net_nat_role role = !strcmp(s->name, SET_INSIDE) ?
						 NET_NAT_INSIDE :
						 NET_NAT_OUTSIDE;

		if (s->foreign || !nft_set_known(s->name))
			continue;
		for (size_t j = 0; j < s->n; j++)
			if (nft_ifname_ok(s->elems[j]) &&
			    nat_add_if(nat, s->elems[j], role) < 0)
				return -ENOMEM;
	}
	return 0;
}

static int decode_chain(const struct nft_chain *c, struct vstate *st)
{
	const char *list = NULL;
	enum ckind k = chain_kind(c->name, &list);
	struct net_acl_bind b;
	struct net_acl l;
	int ret = 0;

	if (c->foreign && !nft_chain_known(c->name, NULL))
		return 0;
	switch (k) {
	case CK_LIST4:
	case CK_LIST6:
		ret = decode_list(c, k == CK_LIST4 ? AF_INET : AF_INET6, list,
				  &l);
		if (ret == 0)
			ret = add_list(&st->lists, &l);
		if (ret < 0)
			net_acl_free(&l);
		return ret;
	case CK_IN:
	case CK_OUT:
		for (size_t i = 0; ret == 0 && i < c->n; i++)
			if (c->rules[i].comment &&
			    bind_decode(c->rules[i].comment,
					k == CK_IN ? NET_ACL_IN : NET_ACL_OUT,
					&b) == 0)
				ret = add_bind(&st->binds, &b);
		return ret;
	case CK_NATPRE:
	case CK_NATPOST:
		return decode_nat_chain(c, k == CK_NATPRE, &st->nat);
	default:
		return 0;
	}
}

static int list_cmp(const void *a, const void *b)
{
	const struct net_acl *x = a, *y = b;

	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int bind_cmp(const void *a, const void *b)
{
	const struct net_acl_bind *x = a, *y = b;
	int c = strcmp(x->ifname, y->ifname);

	if (c)
		return c;
	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	return (int)x->dir - (int)y->dir;
}

static int if_cmp(const void *a, const void *b)
{
	return strcmp(((const struct net_nat_if *)a)->ifname,
		      ((const struct net_nat_if *)b)->ifname);
}

static int ovl_cmp(const void *a, const void *b)
{
	return strcmp(((const struct net_nat_overload *)a)->acl,
		      ((const struct net_nat_overload *)b)->acl);
}

static int static_cmp(const void *a, const void *b)
{
	const struct net_nat_static *x = a, *y = b;
	uint32_t xl = ntohl(x->local.s_addr), yl = ntohl(y->local.s_addr);

	if (xl != yl)
		return xl < yl ? -1 : 1;
	if (x->proto != y->proto)
		return x->proto < y->proto ? -1 : 1;
	return (int)x->lport - (int)y->lport;
}

void state_sort(struct vstate *st)
{
	if (st->lists.n > 1)
		qsort(st->lists.v, st->lists.n, sizeof(*st->lists.v), list_cmp);
	if (st->binds.n > 1)
		qsort(st->binds.v, st->binds.n, sizeof(*st->binds.v), bind_cmp);
	if (st->nat.nifs > 1)
		qsort(st->nat.ifs, st->nat.nifs, sizeof(*st->nat.ifs), if_cmp);
	if (st->nat.novl > 1)
		qsort(st->nat.ovl, st->nat.novl, sizeof(*st->nat.ovl), ovl_cmp);
	if (st->nat.nst > 1)
		qsort(st->nat.st, st->nat.nst, sizeof(*st->nat.st), static_cmp);
}

static int state_decode(const struct nft_table *t, struct vstate *st)
{
	int ret = 0;

	memset(st, 0, sizeof(*st));
	for (size_t i = 0; ret == 0 && i < t->nchains; i++)
		ret = decode_chain(&t->chains[i], st);
	if (ret == 0)
		ret = decode_roles(t, &st->nat);
	if (ret < 0)
		return ret;
	count_overloads(t, &st->nat);
	state_sort(st);
	return 0;
}

void state_free(struct vstate *st)
{
	net_acls_free(&st->lists);
	net_acl_binds_free(&st->binds);
	net_nat_free(&st->nat);
}

/* ---- rendering a state into the table it stands for -------------------- */

struct net_acl *lists_find(const struct net_acls *ls, int family,
			   const char *name)
{
	for (size_t i = 0; i < ls->n; i++)
		if (ls->v[i].family == family && !strcmp(ls->v[i].name, name))
			return &ls->v[i];
	return NULL;
}

static int render_list(struct nft_table *t, const struct net_acl *l,
		       enum acl_use use)
{
	char name[NET_ACL_NAME_MAX + 8], text[ACL_COMMENT_MAX + 1];
	struct nft_chain *c;
	uint64_t rank;
	int ret = 0;

	if (use == ACL_NAT)
		snprintf(name, sizeof(name), "nat_%s", l->name);
	else
		list_chain_name(l->family, l->name, name, sizeof(name));
	c = nft_table_add_chain(t, name);
	if (!c)
		return -ENOMEM;
	for (size_t i = 0; ret == 0 && i < l->n; i++) {
		if (use == ACL_NAT && l->v[i].action == NET_ACL_REMARK)
			continue;
		ret = acl_encode(l->family, &l->v[i], text, sizeof(text));
		if (ret == 0)
			ret = nft_chain_add_rule(c, text, l->v[i].seq);
	}
	for (size_t i = 0;
	     use == ACL_FILTER && ret == 0 && i < acl_end_count(l->family);
	     i++) {
		const char *end = acl_end_comment(l->family, l->type, i);

		acl_end_decode(l->family, end, NULL, &rank);
		ret = nft_chain_add_rule(c, end, rank);
	}
	return ret;
}

/* Adds rule comment to the chain name, made when first needed. */
static int render_rule(struct nft_table *t, const char *name,
		       const char *comment, uint64_t rank)
{
	struct nft_chain *c = nft_table_chain(t, name);

	if (!c)
		c = nft_table_add_chain(t, name);
	if (!c)
		return -ENOMEM;
	return nft_chain_add_rule(c, comment, rank);
}

static int render_binds(struct nft_table *t, const struct vstate *st)
{
	char text[128];
	int ret = 0;

	for (size_t i = 0; ret == 0 && i < st->binds.n; i++) {
		const struct net_acl_bind *b = &st->binds.v[i];

		ret = bind_encode(b, text, sizeof(text));
		if (ret == 0)
			ret = render_rule(t,
					  b->dir == NET_ACL_IN ? CH_IN : CH_OUT,
					  text, 0);
	}
	return ret;
}

/* The set of name, made when first needed. */
static struct nft_set *role_set(struct nft_table *t, const char *name)
{
	struct nft_set *s = nft_table_set(t, name);

	return s ? s :
		   nft_table_add_set(t, name, NFT_IFNAME_TYPE, NET_IFNAMSIZ);
}

static int render_roles(struct nft_table *t, const struct net_nat *nat)
{
	int ret = 0;

	for (size_t i = 0; ret == 0 && i < nat->nifs; i++) {
		struct nft_set *s = role_set(
			t, nat->ifs[i].role == NET_NAT_INSIDE ? SET_INSIDE :
								SET_OUTSIDE);

		ret = s ? nft_set_add_elem(s, nat->ifs[i].ifname) : -ENOMEM;
	}
	/* static translations look the outside interfaces up */
	if (ret == 0 && nat->nst && !role_set(t, SET_OUTSIDE))
		ret = -ENOMEM;
	return ret;
}

static int render_nat(struct nft_table *t, const struct net_nat *nat)
{
	char text[128];
	int ret = render_roles(t, nat);

	for (size_t i = 0; ret == 0 && i < nat->nst; i++) {
		ret = nat_static_encode(&nat->st[i], text, sizeof(text));
		if (ret == 0)
			ret = render_rule(t, CH_NATPRE, text, 0);
		if (ret == 0)
			ret = render_rule(t, CH_NATPOST, text, 0);
	}
	for (size_t i = 0; ret == 0 && i < nat->novl; i++) {
		ret = nat_overload_encode(&nat->ovl[i], text, sizeof(text));
		if (ret == 0)
			ret = render_rule(t, CH_NATPOST, text, 1);
	}
	return ret;
}

/* Which lists the table of a VRF holds: need[i] bit 1 as a filter, bit 2
 * for NAT. */
static int render_need(const struct net_acls *master, const struct vstate *st,
		       bool is_default, unsigned char *need,
		       struct net_err *err)
{
	const struct net_acl *l;

	for (size_t i = 0; i < master->n; i++)
		need[i] = is_default ? 1 : 0;
	for (size_t i = 0; i < st->binds.n; i++) {
		const struct net_acl_bind *b = &st->binds.v[i];

		l = lists_find(master, b->family, b->acl);
		if (!l)
			return net_err_set(err, ENOENT,
					   "access list %s (used "
					   "on %s) does not exist",
					   b->acl, b->ifname);
		need[l - master->v] |= 1;
	}
	for (size_t i = 0; i < st->nat.novl; i++) {
		l = lists_find(master, AF_INET, st->nat.ovl[i].acl);
		if (!l)
			return net_err_set(err, ENOENT,
					   "access list %s (used "
					   "by NAT) does not exist",
					   st->nat.ovl[i].acl);
		need[l - master->v] |= 2;
	}
	return 0;
}

int state_render(const struct net_acls *master, const struct vstate *st,
		 bool is_default, struct nft_table *t, struct net_err *err)
{
	unsigned char *need = calloc(master->n + 1, 1);
	int ret;

	memset(t, 0, sizeof(*t));
	if (!need)
		return net_err_errno(err, ENOMEM);
	ret = render_need(master, st, is_default, need, err);
	for (size_t i = 0; ret == 0 && i < master->n; i++) {
		if (need[i] & 1)
			ret = render_list(t, &master->v[i], ACL_FILTER);
		if (ret == 0 && (need[i] & 2))
			ret = render_list(t, &master->v[i], ACL_NAT);
		if (ret < 0)
			net_err_errno(err, -ret);
	}
	free(need);
	if (ret == 0 && (ret = render_binds(t, st)) == 0)
		ret = render_nat(t, &st->nat);
	if (ret < 0 && err && !err->code)
		net_err_errno(err, -ret);
	if (ret < 0)
		nft_table_free(t);
	else
		nft_table_sort(t);
	return ret;
}

/* ---- one VRF during an operation --------------------------------------- */

int vtab_open(struct vtab *v, const char *vrf, bool write, struct net_err *err)
{
	int ret;

	memset(v, 0, sizeof(*v));
	v->is_default = net_vrf_is_default(vrf);
	snprintf(v->vrf, sizeof(v->vrf), "%s", v->is_default ? "default" : vrf);
	ret = nfnl_open(v->is_default ? NULL : vrf, &v->s, err);
	if (ret == 0)
		ret = nft_table_read(v->s, &v->cur, err);
	if (ret == 0 && v->cur.exists && !v->cur.ours) {
		if (write)
			ret = net_err_set(err, EEXIST,
					  "table inet %s in VRF "
					  "%s was not made by vrfsh",
					  NFT_TABLE_NAME, v->vrf);
		else
			v->alien = true;
	}
	if (v->alien)
		nft_table_free(&v->cur); /* none of ours */
	if (ret == 0 && state_decode(&v->cur, &v->st) < 0)
		ret = net_err_errno(err, ENOMEM);
	if (ret < 0)
		vtab_close(v);
	return ret;
}

void vtab_close(struct vtab *v)
{
	state_free(&v->st);
	nft_table_free(&v->cur);
	nfnl_close(v->s);
	v->s = NULL;
}

int vtab_reread(struct vtab *v, struct net_err *err)
{
	char vrf[NET_VRF_NAME_MAX + 1];

	snprintf(vrf, sizeof(vrf), "%s", v->vrf);
	vtab_close(v);
	return vtab_open(v, vrf, true, err);
}

int vtab_apply(struct vtab *v, const struct net_acls *master,
	       const struct rebuild *rb, size_t *changes, struct net_err *err)
{
	struct nft_table want;
	int ret = state_render(master, &v->st, v->is_default, &want, err);

	if (ret < 0)
		return ret;
	for (size_t i = 0; rb && i < want.nchains; i++)
		want.chains[i].rebuild = rb->fn(want.chains[i].name, rb->arg);
	ret = nft_table_apply(v->s, &v->cur, &want, changes, err);
	nft_table_free(&want);
	return ret;
}

/* ---- drivers ------------------------------------------------------------ */

int lists_dup(const struct net_acls *src, struct net_acls *dst)
{
	memset(dst, 0, sizeof(*dst));
	if (!src->n)
		return 0;
	dst->v = nft_alloc(src->n, sizeof(*dst->v));
	if (!dst->v)
		return -ENOMEM;
	for (size_t i = 0; i < src->n; i++) {
		if (acl_copy(&dst->v[i], &src->v[i]) < 0) {
			net_acls_free(dst);
			return -ENOMEM;
		}
		dst->n++;
	}
	return 0;
}

/* Does the table hold a copy of a list that differs between a and b (or
 * that rb rebuilds). */
static bool holds_changed(const struct nft_table *t, const struct net_acls *a,
			  const struct net_acls *b, const struct rebuild *rb)
{
	for (size_t i = 0; i < t->nchains; i++) {
		const char *list = NULL;
		enum ckind k = chain_kind(t->chains[i].name, &list);
		int family = k == CK_LIST6 ? AF_INET6 : AF_INET;
		const struct net_acl *x, *y;

		if (k != CK_LIST4 && k != CK_LIST6 && k != CK_NATLIST)
			continue;
		if (rb && rb->fn(t->chains[i].name, rb->arg))
			return true;
		x = lists_find(a, family, list);
		y = lists_find(b, family, list);
		if (!x || !y || !acl_same(x, y))
			return true;
	}
	return false;
}

/* Refuses when a list that b no longer has is used in st. */
static int check_unused(const struct vtab *v, const struct net_acls *b,
			struct net_err *err)
{
	for (size_t i = 0; i < v->st.binds.n; i++) {
		const struct net_acl_bind *x = &v->st.binds.v[i];

		if (!lists_find(b, x->family, x->acl))
			return net_err_set(err, EBUSY,
					   "access list %s is used "
					   "on %s in VRF %s",
					   x->acl, x->ifname, v->vrf);
	}
	for (size_t i = 0; i < v->st.nat.novl; i++)
		if (!lists_find(b, AF_INET, v->st.nat.ovl[i].acl))
			return net_err_set(err, EBUSY,
					   "access list %s is used "
					   "by NAT in VRF %s",
					   v->st.nat.ovl[i].acl, v->vrf);
	return 0;
}

struct vtabs {
	struct vtab *v;
	size_t n;
};

static void vtabs_close(struct vtabs *vs)
{
	for (size_t i = 0; i < vs->n; i++)
		vtab_close(&vs->v[i]);
	free(vs->v);
	vs->v = NULL;
	vs->n = 0;
}

/* Opens every VRF but default; keeps those holding a changed list. */
static int open_holders(const struct net_acls *old, const struct net_acls *new,
			const struct rebuild *rb, struct vtabs *out,
			struct net_err *err)
{
	struct net_names names;
	int ret = net_vrf_list(&names, err);

	memset(out, 0, sizeof(*out));
	if (ret < 0)
		return ret;
	out->v = calloc(names.n + 1, sizeof(*out->v));
	if (!out->v)
		ret = net_err_errno(err, ENOMEM);
	for (size_t i = 0; ret == 0 && i < names.n; i++) {
		struct vtab *v = &out->v[out->n];

		/* A VRF gone meanwhile, or whose `table inet vrfsh` is not
		 * vrfsh's, holds no copy: it is no concern of this change. */
		ret = vtab_open(v, names.v[i], false, err);
		if (ret == -ENOENT) {
			ret = 0;
			continue;
		}
		if (ret == 0)
			ret = check_unused(v, new, err);
		if (ret < 0 || v->alien ||
		    !holds_changed(&v->cur, old, new, rb)) {
			vtab_close(v);
			continue;
		}
		out->n++;
	}
	net_names_free(&names);
	if (ret < 0)
		vtabs_close(out);
	return ret;
}

/* Puts the lists back in the VRFs already changed; best effort. */
static void put_back(struct vtab *def, struct vtabs *vs, size_t n,
		     const struct net_acls *old)
{
	struct net_err e;

	if (vtab_reread(def, &e) == 0)
		vtab_apply(def, old, NULL, NULL, &e);
	for (size_t i = 0; i < n; i++)
		if (vtab_reread(&vs->v[i], &e) == 0)
			vtab_apply(&vs->v[i], old, NULL, NULL, &e);
}

/* Applies new to one VRF, reading it again when it changed meanwhile. */
static int apply_retry(struct vtab *v, const struct net_acls *new,
		       const struct rebuild *rb, struct net_err *err)
{
	int ret = vtab_apply(v, new, rb, NULL, err);

	for (int i = 1; ret == -ERESTART && i < TRIES; i++) {
		ret = vtab_reread(v, err);
		if (ret == 0)
			ret = vtab_apply(v, new, rb, NULL, err);
	}
	return ret;
}

static int prefix_vrf(struct net_err *err, const char *vrf, int ret)
{
	char msg[sizeof(err->msg)];

	if (!err)
		return ret;
	snprintf(msg, sizeof(msg), "%s", err->msg);
	return net_err_set(err, -ret, "VRF %s: %s", vrf, msg);
}

static int lists_try(const struct list_op *op, struct net_err *err)
{
	struct net_acls old, new;
	struct vtabs vs = { 0 };
	struct vtab def;
	size_t i = 0;
	int ret;

	ret = vtab_open(&def, NULL, true, err);
	if (ret < 0)
		return ret;
	ret = lists_dup(&def.st.lists, &old) < 0 ||
			      lists_dup(&def.st.lists, &new) < 0 ?
		      net_err_errno(err, ENOMEM) :
		      0;
	if (ret == 0)
		ret = op->edit(&new, op->arg, err);
	if (ret == 0)
		ret = check_unused(&def, &new, err);
	if (ret == 0)
		ret = open_holders(&old, &new, op->rebuild, &vs, err);
	if (ret == 0)
		ret = vtab_apply(&def, &new, op->rebuild, NULL, err);
	for (; ret == 0 && i < vs.n; i++) {
		ret = apply_retry(&vs.v[i], &new, op->rebuild, err);
		if (ret < 0) {
			ret = prefix_vrf(err, vs.v[i].vrf, ret);
			put_back(&def, &vs, i, &old);
		}
	}
	vtabs_close(&vs);
	vtab_close(&def);
	net_acls_free(&old);
	net_acls_free(&new);
	return ret;
}

int lists_run(const struct list_op *op, struct net_err *err)
{
	int ret = lists_try(op, err);

	for (int i = 1; ret == -ERESTART && i < TRIES; i++)
		ret = lists_try(op, err);
	return ret;
}

static int vrf_try(const char *vrf, vrf_edit_fn fn, const void *arg,
		   const struct rebuild *rb, struct net_err *err)
{
	struct vtab def, other, *v = &def;
	bool had_static;
	int ret;

	ret = vtab_open(&def, NULL, true, err);
	if (ret < 0)
		return ret;
	if (!net_vrf_is_default(vrf)) {
		v = &other;
		ret = vtab_open(v, vrf, true, err);
		if (ret < 0) {
			vtab_close(&def);
			return ret;
		}
	}
	had_static = v->st.nat.nst > 0;
	ret = fn(&v->st, &def.st.lists, vrf, arg, err);
	if (ret == 0) {
		state_sort(&v->st);
		ret = vtab_apply(v, &def.st.lists, rb, NULL, err);
	}
	/* (without a static translation before or after, there is no
	 * alias to make or to remove) */
	if (ret == 0 && (had_static || v->st.nat.nst))
		ret = nat_alias_sync(vrf, &v->st.nat, err);
	if (v != &def)
		vtab_close(v);
	vtab_close(&def);
	return ret;
}

int vrf_run(const char *vrf, vrf_edit_fn fn, const void *arg,
	    const struct rebuild *rb, struct net_err *err)
{
	int ret = vrf_try(vrf, fn, arg, rb, err);

	for (int i = 1; ret == -ERESTART && i < TRIES; i++)
		ret = vrf_try(vrf, fn, arg, rb, err);
	return ret;
}
