/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fops.c - the public face of filtering and NAT (nft.h): each function
 * checks its input, then edits the lists or a VRF's state through the
 * drivers of filter.c, which make the kernel so.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "fstate.h"
#include "nl.h"

/* ---- lists ---------------------------------------------------------- */

static int family_check(int family, struct net_err *err)
{
	if (family != AF_INET && family != AF_INET6)
		return net_err_set(err, EAFNOSUPPORT,
				   "a list is IPv4 or "
				   "IPv6");
	return 0;
}

static int no_list(const char *name, struct net_err *err)
{
	return net_err_set(err, ENOENT, "access list %s does not exist", name);
}

/* Puts l (moved in) into ls in place of the list of its name. */
static int lists_put(struct net_acls *ls, struct net_acl *l)
{
	struct net_acl *have = lists_find(ls, l->family, l->name), *v;

	if (have) {
		net_acl_free(have);
		*have = *l;
		return 0;
	}
	v = nl_grow(ls->v, ls->n, sizeof(*v));
	if (!v)
		return -ENOMEM;
	ls->v = v;
	v[ls->n++] = *l;
	return 0;
}

static int type_clash(const struct net_acl *have, enum net_acl_type type,
		      struct net_err *err)
{
	if (have && have->type != type)
		return net_err_set(err, EEXIST, "%s is a %s list", have->name,
				   have->type == NET_ACL_STANDARD ? "standard" :
								    "extended");
	return 0;
}

static int edit_set(struct net_acls *ls, const void *arg, struct net_err *err)
{
	const struct net_acl *acl = arg;
	struct net_acl copy;
	int ret = type_clash(lists_find(ls, acl->family, acl->name), acl->type,
			     err);

	if (ret < 0)
		return ret;
	if (acl_copy(&copy, acl) < 0)
		return net_err_errno(err, ENOMEM);
	copy.differs = false;
	acl_sort(&copy);
	if (lists_put(ls, &copy) < 0) {
		net_acl_free(&copy);
		return net_err_errno(err, ENOMEM);
	}
	return 0;
}

int net_acl_set(const struct net_acl *acl, struct net_err *err)
{
	struct list_op op = { edit_set, acl, NULL };
	int ret = family_check(acl->family, err);

	if (ret == 0)
		ret = net_acl_check(acl, err);
	return ret < 0 ? ret : lists_run(&op, err);
}

static int edit_create(struct net_acls *ls, const void *arg,
		       struct net_err *err)
{
	const struct net_acl *acl = arg;
	const struct net_acl *have = lists_find(ls, acl->family, acl->name);
	struct net_acl copy;

	if (have)
		return type_clash(have, acl->type, err); /* there */
	copy = *acl;
	if (lists_put(ls, &copy) < 0)
		return net_err_errno(err, ENOMEM);
	return 0;
}

int net_acl_create(int family, enum net_acl_type type, const char *name,
		   struct net_err *err)
{
	struct net_acl acl = { .family = family, .type = type };
	struct net_acl_entry any = { .seq = 1, .action = NET_ACL_PERMIT };
	struct list_op op = { edit_create, &acl, NULL };
	int ret = family_check(family, err);

	if (ret == 0)
		ret = net_acl_name_check(name, err);
	if (ret == 0) /* the type alone, as one entry would be checked */
		ret = net_acl_entry_check(family, type, &any, err);
	if (ret < 0)
		return ret;
	snprintf(acl.name, sizeof(acl.name), "%s", name);
	return lists_run(&op, err);
}

struct named {
	int family;
	const char *name;
	const struct net_acl_entry *e;
	uint32_t seq;
};

/* Runs edit on the lists for a list named by a, once its family and
 * name are known to be valid. */
static int named_run(int (*edit)(struct net_acls *, const void *,
				 struct net_err *),
		     const struct named *a, struct net_err *err)
{
	struct list_op op = { edit, a, NULL };
	int ret = family_check(a->family, err);

	if (ret == 0)
		ret = net_acl_name_check(a->name, err);
	return ret < 0 ? ret : lists_run(&op, err);
}

static int edit_delete(struct net_acls *ls, const void *arg,
		       struct net_err *err)
{
	const struct named *a = arg;
	struct net_acl *l = lists_find(ls, a->family, a->name);

	if (!l)
		return no_list(a->name, err);
	net_acl_free(l);
	*l = ls->v[--ls->n];
	return 0;
}

int net_acl_delete(int family, const char *name, struct net_err *err)
{
	struct named a = { family, name, NULL, 0 };

	return named_run(edit_delete, &a, err);
}

static int edit_add(struct net_acls *ls, const void *arg, struct net_err *err)
{
	const struct named *a = arg;
	struct net_acl *l = lists_find(ls, a->family, a->name);
	struct net_acl_entry *v;
	int ret;

	if (!l)
		return no_list(a->name, err);
	ret = net_acl_entry_check(l->family, l->type, a->e, err);
	if (ret < 0)
		return ret;
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].seq == a->e->seq)
			return net_err_set(err, EEXIST,
					   "sequence number %u is "
					   "in use",
					   a->e->seq);
	v = nl_grow(l->v, l->n, sizeof(*v));
	if (!v)
		return net_err_errno(err, ENOMEM);
	l->v = v;
	v[l->n++] = *a->e;
	acl_sort(l);
	return net_acl_check(l, err); /* e.g. too long to keep */
}

int net_acl_entry_add(int family, const char *name,
		      const struct net_acl_entry *e, struct net_err *err)
{
	struct named a = { family, name, e, 0 };

	return named_run(edit_add, &a, err);
}

static int edit_del(struct net_acls *ls, const void *arg, struct net_err *err)
{
	const struct named *a = arg;
	struct net_acl *l = lists_find(ls, a->family, a->name);

	if (!l)
		return no_list(a->name, err);
	for (size_t i = 0; i < l->n; i++) {
		if (l->v[i].seq != a->seq)
			continue;
		memmove(&l->v[i], &l->v[i + 1], (l->n - i - 1) * sizeof(*l->v));
		l->n--;
		return 0;
	}
	return net_err_set(err, ENOENT, "%s has no entry %u", a->name, a->seq);
}

int net_acl_entry_del(int family, const char *name, uint32_t seq,
		      struct net_err *err)
{
	struct named a = { family, name, NULL, seq };

	return named_run(edit_del, &a, err);
}

/* Is chain a filter chain of a list that a names (any name: NULL). */
static bool rebuild_list(const char *chain, const void *arg)
{
	const struct named *a = arg;
	char name[NET_ACL_NAME_MAX + 8];

	for (int f = AF_INET; f <= AF_INET6; f += AF_INET6 - AF_INET) {
		if (a->family != AF_UNSPEC && a->family != f)
			continue;
		if (a->name) {
			list_chain_name(f, a->name, name, sizeof(name));
			if (!strcmp(chain, name))
				return true;
		} else if (!strncmp(chain, f == AF_INET ? "ip_" : "ipv6_",
				    f == AF_INET ? 3 : 5)) {
			return true;
		}
	}
	return false;
}

static int edit_none(struct net_acls *ls, const void *arg, struct net_err *err)
{
	const struct named *a = arg;

	for (size_t i = 0; a->name && i < ls->n; i++)
		if ((a->family == AF_UNSPEC || ls->v[i].family == a->family) &&
		    !strcmp(ls->v[i].name, a->name))
			return 0;
	return a->name ? no_list(a->name, err) : 0;
}

int net_acl_clear_counters(int family, const char *name, struct net_err *err)
{
	struct named a = { family, name, NULL, 0 };
	struct rebuild rb = { rebuild_list, &a };
	struct list_op op = { edit_none, &a, &rb };
	int ret = 0;

	if (family != AF_UNSPEC)
		ret = family_check(family, err);
	if (ret == 0 && name)
		ret = net_acl_name_check(name, err);
	return ret < 0 ? ret : lists_run(&op, err);
}

/* ---- reading lists ------------------------------------------------- */

static const struct net_acl_entry *entry_by_seq(const struct net_acl *l,
						uint32_t seq)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (l->v[mid].seq == seq)
			return &l->v[mid];
		if (l->v[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Adds the counters of a VRF's copy to the list; flags a copy that is not
 * the list. */
static void add_copy(struct net_acl *l, const struct net_acl *copy)
{
	if (!acl_same(l, copy))
		l->differs = true;
	l->differs |= copy->differs;
	l->deny_packets += copy->deny_packets;
	for (size_t i = 0; i < copy->n; i++) {
		struct net_acl_entry *e =
			(struct net_acl_entry *)entry_by_seq(l, copy->v[i].seq);

		if (e) {
			e->packets += copy->v[i].packets;
			e->bytes += copy->v[i].bytes;
		}
	}
}

static int add_copies(struct net_acls *ls, struct net_err *err)
{
	struct net_names names;
	int ret = net_vrf_list(&names, err);

	for (size_t i = 0; ret == 0 && i < names.n; i++) {
		struct vtab v;

		if (vtab_open(&v, names.v[i], false, NULL) < 0)
			continue; /* gone meanwhile, or not ours */
		for (size_t j = 0; j < v.st.lists.n; j++) {
			const struct net_acl *c = &v.st.lists.v[j];
			struct net_acl *l = lists_find(ls, c->family, c->name);

			if (l)
				add_copy(l, c);
		}
		vtab_close(&v);
	}
	if (ret == 0)
		net_names_free(&names);
	return ret;
}

/* Keeps the lists of family and name (NULL: any). */
static void lists_keep(struct net_acls *ls, int family, const char *name)
{
	size_t n = 0;

	for (size_t i = 0; i < ls->n; i++) {
		struct net_acl *l = &ls->v[i];

		if ((family == AF_UNSPEC || l->family == family) &&
		    (!name || !strcmp(l->name, name)))
			ls->v[n++] = *l;
		else
			net_acl_free(l);
	}
	ls->n = n;
}

int net_acl_dump(int family, const char *name, struct net_acls *out,
		 struct net_err *err)
{
	struct vtab def;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = vtab_open(&def, NULL, false, err);
	if (ret < 0)
		return ret;
	*out = def.st.lists;
	memset(&def.st.lists, 0, sizeof(def.st.lists));
	vtab_close(&def);
	lists_keep(out, family, name);
	if (name && !out->n) {
		net_acls_free(out);
		return no_list(name, err);
	}
	ret = add_copies(out, err);
	if (ret < 0)
		net_acls_free(out);
	return ret;
}

/* ---- bindings ------------------------------------------------------ */

static int bind_check(const struct net_acl_bind *b, const struct net_acls *m,
		      struct net_err *err)
{
	const struct net_acl *l;

	if (!nft_ifname_ok(b->ifname))
		return net_err_set(err, EINVAL, "bad interface name");
	if (b->dir != NET_ACL_IN && b->dir != NET_ACL_OUT)
		return net_err_set(err, EINVAL, "a list is used in or out");
	if (family_check(b->family, err) < 0 ||
	    net_acl_name_check(b->acl, err) < 0)
		return -EINVAL;
	l = lists_find(m, b->family, b->acl);
	if (!l)
		return no_list(b->acl, err);
	return 0;
}

static bool bind_same_place(const struct net_acl_bind *a,
			    const struct net_acl_bind *b)
{
	return a->family == b->family && a->dir == b->dir &&
	       !strcmp(a->ifname, b->ifname);
}

static void binds_remove(struct net_acl_binds *bs,
			 const struct net_acl_bind *where)
{
	size_t n = 0;

	for (size_t i = 0; i < bs->n; i++)
		if (!bind_same_place(&bs->v[i], where))
			bs->v[n++] = bs->v[i];
	bs->n = n;
}

static int binds_add(struct net_acl_binds *bs, const struct net_acl_bind *b)
{
	struct net_acl_bind *v = nl_grow(bs->v, bs->n, sizeof(*v));

	if (!v)
		return -ENOMEM;
	bs->v = v;
	v[bs->n++] = *b;
	return 0;
}

static int edit_bind(struct vstate *st, const struct net_acls *m,
		     const char *vrf, const void *arg, struct net_err *err)
{
	const struct net_acl_bind *b = arg;
	int ret = bind_check(b, m, err);

	(void)vrf;
	if (ret < 0)
		return ret;
	binds_remove(&st->binds, b);
	return binds_add(&st->binds, b) < 0 ? net_err_errno(err, ENOMEM) : 0;
}

int net_acl_bind(const char *vrf, const struct net_acl_bind *b,
		 struct net_err *err)
{
	return vrf_run(vrf, edit_bind, b, NULL, err);
}

static int edit_unbind(struct vstate *st, const struct net_acls *m,
		       const char *vrf, const void *arg, struct net_err *err)
{
	const struct net_acl_bind *b = arg;

	(void)m;
	(void)vrf;
	if (!nft_ifname_ok(b->ifname))
		return net_err_set(err, EINVAL, "bad interface name");
	binds_remove(&st->binds, b);
	return 0;
}

int net_acl_unbind(const char *vrf, const char *ifname, int family,
		   enum net_acl_dir dir, struct net_err *err)
{
	struct net_acl_bind b = { .family = family, .dir = dir };

	snprintf(b.ifname, sizeof(b.ifname), "%s", ifname ? ifname : "");
	if (!ifname || strlen(ifname) >= sizeof(b.ifname))
		return net_err_set(err, EINVAL, "bad interface name");
	return vrf_run(vrf, edit_unbind, &b, NULL, err);
}

static int edit_binds(struct vstate *st, const struct net_acls *m,
		      const char *vrf, const void *arg, struct net_err *err)
{
	const struct net_acl_binds *bs = arg;
	struct net_acl_binds now = { 0 };

	(void)vrf;
	for (size_t i = 0; i < bs->n; i++) {
		if (bind_check(&bs->v[i], m, err) < 0)
			goto fail;
		for (size_t j = 0; j < i; j++)
			if (bind_same_place(&bs->v[i], &bs->v[j])) {
				net_err_set(err, EEXIST, "two lists on %s",
					    bs->v[i].ifname);
				goto fail;
			}
		if (binds_add(&now, &bs->v[i]) < 0) {
			net_err_errno(err, ENOMEM);
			goto fail;
		}
	}
	net_acl_binds_free(&st->binds);
	st->binds = now;
	return 0;
fail:
	net_acl_binds_free(&now);
	return -err->code;
}

int net_acl_bind_set(const char *vrf, const struct net_acl_binds *binds,
		     struct net_err *err)
{
	struct net_err e;

	return vrf_run(vrf, edit_binds, binds, NULL, err ? err : &e);
}

int net_acl_bind_dump(const char *vrf, struct net_acl_binds *out,
		      struct net_err *err)
{
	struct vtab v;
	int ret = vtab_open(&v, vrf, false, err);

	memset(out, 0, sizeof(*out));
	if (ret < 0)
		return ret;
	*out = v.st.binds;
	memset(&v.st.binds, 0, sizeof(v.st.binds));
	vtab_close(&v);
	return 0;
}

void net_acl_binds_free(struct net_acl_binds *binds)
{
	free(binds->v);
	binds->v = NULL;
	binds->n = 0;
}

/* ---- NAT ----------------------------------------------------------- */

void net_nat_free(struct net_nat *nat)
{
	free(nat->ifs);
	free(nat->ovl);
	free(nat->st);
	memset(nat, 0, sizeof(*nat));
}

int net_nat_dump(const char *vrf, struct net_nat *out, struct net_err *err)
{
	struct vtab v;
	int ret = vtab_open(&v, vrf, false, err);

	memset(out, 0, sizeof(*out));
	if (ret < 0)
		return ret;
	*out = v.st.nat;
	memset(&v.st.nat, 0, sizeof(v.st.nat));
	vtab_close(&v);
	return 0;
}

struct role_arg {
	const char *ifname;
	enum net_nat_role role;
};

static int edit_role(struct vstate *st, const struct net_acls *m,
		     const char *vrf, const void *arg, struct net_err *err)
{
	const struct role_arg *a = arg;
	struct net_nat *nat = &st->nat;
	size_t n = 0;

	(void)m;
	(void)vrf;
	if (!nft_ifname_ok(a->ifname))
		return net_err_set(err, EINVAL, "bad interface name");
	if (a->role > NET_NAT_OUTSIDE)
		return net_err_set(err, EINVAL, "a role is inside or outside");
	for (size_t i = 0; i < nat->nifs; i++)
		if (strcmp(nat->ifs[i].ifname, a->ifname))
			nat->ifs[n++] = nat->ifs[i];
	nat->nifs = n;
	if (a->role != NET_NAT_NONE && nat_add_if(nat, a->ifname, a->role) < 0)
		return net_err_errno(err, ENOMEM);
	return 0;
}

int net_nat_role_set(const char *vrf, const char *ifname,
		     enum net_nat_role role, struct net_err *err)
{
	struct role_arg a = { ifname, role };

	return vrf_run(vrf, edit_role, &a, NULL, err);
}

static int overload_check(const struct net_nat_overload *o,
			  const struct net_acls *m, const char *vrf,
			  struct net_err *err)
{
	struct net_link link;
	struct net_err e;

	if (net_acl_name_check(o->acl, err) < 0)
		return -EINVAL;
	if (!lists_find(m, AF_INET, o->acl))
		return no_list(o->acl, err);
	if (!nft_ifname_ok(o->ifname))
		return net_err_set(err, EINVAL, "bad interface name");
	if (net_link_get(vrf, o->ifname, &link, &e) < 0)
		return net_err_set(err, ENOENT, "no interface %s in VRF %s",
				   o->ifname,
				   net_vrf_is_default(vrf) ? "default" : vrf);
	return 0;
}

static int edit_overload(struct vstate *st, const struct net_acls *m,
			 const char *vrf, const void *arg, struct net_err *err)
{
	const struct net_nat_overload *o = arg;
	struct net_nat *nat = &st->nat;
	struct net_nat_overload copy = *o;
	int ret = overload_check(o, m, vrf, err);

	if (ret < 0)
		return ret;
	copy.packets = 0;
	for (size_t i = 0; i < nat->novl; i++) {
		if (!strcmp(nat->ovl[i].acl, o->acl)) {
			nat->ovl[i] = copy;
			return 0;
		}
	}
	return nat_add_overload(nat, &copy) < 0 ? net_err_errno(err, ENOMEM) :
						  0;
}

int net_nat_overload_add(const char *vrf, const struct net_nat_overload *o,
			 struct net_err *err)
{
	return vrf_run(vrf, edit_overload, o, NULL, err);
}

static int edit_overload_del(struct vstate *st, const struct net_acls *m,
			     const char *vrf, const void *arg,
			     struct net_err *err)
{
	const char *acl = arg;
	struct net_nat *nat = &st->nat;

	(void)m;
	(void)vrf;
	for (size_t i = 0; i < nat->novl; i++) {
		if (strcmp(nat->ovl[i].acl, acl))
			continue;
		nat->ovl[i] = nat->ovl[--nat->novl];
		return 0;
	}
	return net_err_set(err, ENOENT, "no overload translation for list %s",
			   acl);
}

int net_nat_overload_del(const char *vrf, const char *acl, struct net_err *err)
{
	if (net_acl_name_check(acl, err) < 0)
		return -EINVAL;
	return vrf_run(vrf, edit_overload_del, acl, NULL, err);
}

/* The translation that clashes with s: same local side or same global
 * side translated otherwise. */
static int static_clash(const struct net_nat *nat,
			const struct net_nat_static *s, bool *same,
			struct net_err *err)
{
	*same = false;
	for (size_t i = 0; i < nat->nst; i++) {
		const struct net_nat_static *x = &nat->st[i];
		bool local = nat_static_same_key(x, s);
		bool global = x->proto == s->proto &&
			      x->global.s_addr == s->global.s_addr &&
			      x->gport == s->gport;

		if (local && global) {
			*same = true;
			return 0;
		}
		if (local || global)
			return net_err_set(err, EEXIST,
					   "%s is already "
					   "translated otherwise",
					   local ? "the local address" :
						   "the global address");
	}
	return 0;
}

static int edit_static(struct vstate *st, const struct net_acls *m,
		       const char *vrf, const void *arg, struct net_err *err)
{
	struct net_nat_static s = *(const struct net_nat_static *)arg;
	bool same;
	int ret = nat_static_check(&s, err);

	(void)m;
	(void)vrf;
	if (ret == 0)
		ret = static_clash(&st->nat, &s, &same, err);
	if (ret < 0 || same)
		return ret;
	s.in_packets = s.out_packets = 0;
	return nat_add_static(&st->nat, &s) < 0 ? net_err_errno(err, ENOMEM) :
						  0;
}

int net_nat_static_add(const char *vrf, const struct net_nat_static *s,
		       struct net_err *err)
{
	return vrf_run(vrf, edit_static, s, NULL, err);
}

static int edit_static_del(struct vstate *st, const struct net_acls *m,
			   const char *vrf, const void *arg,
			   struct net_err *err)
{
	const struct net_nat_static *s = arg;
	struct net_nat *nat = &st->nat;

	(void)m;
	(void)vrf;
	for (size_t i = 0; i < nat->nst; i++) {
		const struct net_nat_static *x = &nat->st[i];

		if (nat_static_same_key(x, s) &&
		    x->global.s_addr == s->global.s_addr &&
		    x->gport == s->gport) {
			nat->st[i] = nat->st[--nat->nst];
			return 0;
		}
	}
	return net_err_set(err, ENOENT, "no such static translation");
}

int net_nat_static_del(const char *vrf, const struct net_nat_static *s,
		       struct net_err *err)
{
	return vrf_run(vrf, edit_static_del, s, NULL, err);
}

static int nat_copy_checked(const struct net_nat *src, const struct net_acls *m,
			    const char *vrf, struct net_nat *dst,
			    struct net_err *err)
{
	bool same;
	int ret = 0;

	memset(dst, 0, sizeof(*dst));
	for (size_t i = 0; ret == 0 && i < src->nifs; i++) {
		struct role_arg a = { src->ifs[i].ifname, src->ifs[i].role };
		struct vstate tmp = { .nat = *dst };

		ret = a.role == NET_NAT_NONE ?
			      net_err_set(err, EINVAL,
					  "a role is inside or "
					  "outside") :
			      edit_role(&tmp, m, vrf, &a, err);
		*dst = tmp.nat;
	}
	for (size_t i = 0; ret == 0 && i < src->novl; i++) {
		ret = overload_check(&src->ovl[i], m, vrf, err);
		for (size_t j = 0; ret == 0 && j < dst->novl; j++)
			if (!strcmp(dst->ovl[j].acl, src->ovl[i].acl))
				ret = net_err_set(err, EEXIST,
						  "list %s is "
						  "used twice",
						  src->ovl[i].acl);
		if (ret == 0 && nat_add_overload(dst, &src->ovl[i]) < 0)
			ret = net_err_errno(err, ENOMEM);
	}
	for (size_t i = 0; ret == 0 && i < src->nst; i++) {
		ret = nat_static_check(&src->st[i], err);
		if (ret == 0)
			ret = static_clash(dst, &src->st[i], &same, err);
		if (ret == 0 && same)
			ret = net_err_set(err, EEXIST,
					  "a static translation "
					  "is given twice");
		if (ret == 0 && nat_add_static(dst, &src->st[i]) < 0)
			ret = net_err_errno(err, ENOMEM);
	}
	if (ret < 0)
		net_nat_free(dst);
	return ret;
}

static int edit_nat(struct vstate *st, const struct net_acls *m,
		    const char *vrf, const void *arg, struct net_err *err)
{
	struct net_nat now;
	int ret = nat_copy_checked(arg, m, vrf, &now, err);

	if (ret < 0)
		return ret;
	net_nat_free(&st->nat);
	st->nat = now;
	return 0;
}

int net_nat_set(const char *vrf, const struct net_nat *nat, struct net_err *err)
{
	return vrf_run(vrf, edit_nat, nat, NULL, err);
}

static bool rebuild_nat(const char *chain, const void *arg)
{
	(void)arg;
	return !strcmp(chain, "nat-pre") || !strcmp(chain, "nat-post") ||
	       !strncmp(chain, "nat_", 4);
}

static int edit_nothing(struct vstate *st, const struct net_acls *m,
			const char *vrf, const void *arg, struct net_err *err)
{
	(void)st;
	(void)m;
	(void)vrf;
	(void)arg;
	(void)err;
	return 0;
}

int net_nat_clear_counters(const char *vrf, struct net_err *err)
{
	struct rebuild rb = { rebuild_nat, NULL };

	return vrf_run(vrf, edit_nothing, NULL, &rb, err);
}

/* ---- what is not vrfsh's ------------------------------------------ */

void net_nft_notes_free(struct net_nft_notes *notes)
{
	free(notes->v);
	notes->v = NULL;
	notes->n = 0;
}

static void note_text(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static int note_table(const struct vtab *v, struct net_nft_notes *out)
{
	const struct nft_table *t = &v->cur;
	struct net_nft_note n;
	int ret = 0;

	for (size_t i = 0; ret == 0 && i < t->nchains; i++) {
		const struct nft_chain *c = &t->chains[i];

		memset(&n, 0, sizeof(n));
		note_text(n.chain, sizeof(n.chain), c->name);
		if (c->foreign) {
			n.kind = NET_NFT_CHAIN;
			note_text(n.text, sizeof(n.text),
				  nft_chain_known(c->name, NULL) ?
					  "hooked in otherwise" :
					  "not made by vrfsh");
			ret = nft_note_add(out, &n);
			continue;
		}
		for (size_t j = 0; ret == 0 && j < c->n; j++) {
			if (!c->rules[j].foreign)
				continue;
			n.kind = NET_NFT_RULE;
			n.handle = c->rules[j].handle;
			note_text(n.text, sizeof(n.text),
				  c->rules[j].comment ? c->rules[j].comment :
							"(no comment)");
			ret = nft_note_add(out, &n);
		}
	}
	for (size_t i = 0; ret == 0 && i < t->nsets; i++) {
		if (!t->sets[i].foreign)
			continue;
		memset(&n, 0, sizeof(n));
		n.kind = NET_NFT_SET;
		note_text(n.chain, sizeof(n.chain), t->sets[i].name);
		note_text(n.text, sizeof(n.text), "not a set vrfsh makes");
		ret = nft_note_add(out, &n);
	}
	return ret;
}

/* The copies of v that are not the lists of master (the default VRF's). */
static int note_copies_of(const struct vtab *v, const struct net_acls *master,
			  struct net_nft_notes *out)
{
	int ret = 0;

	for (size_t i = 0; ret == 0 && i < v->st.lists.n; i++) {
		const struct net_acl *c = &v->st.lists.v[i];
		const struct net_acl *l =
			lists_find(master, c->family, c->name);
		struct net_nft_note n = { .kind = NET_NFT_COPY };

		if (l && acl_same(l, c))
			continue;
		list_chain_name(c->family, c->name, n.chain, sizeof(n.chain));
		note_text(n.text, sizeof(n.text),
			  l ? "differs from the list" : "no such list");
		ret = nft_note_add(out, &n);
	}
	return ret;
}

static int note_copies(const struct vtab *v, struct net_nft_notes *out,
		       struct net_err *err)
{
	struct vtab def;
	int ret;

	if (v->is_default || !v->st.lists.n)
		return 0; /* no copies: default's table is not read */
	ret = vtab_open(&def, NULL, false, err);
	if (ret < 0)
		return ret;
	ret = note_copies_of(v, &def.st.lists, out);
	vtab_close(&def);
	return ret < 0 && err && !err->code ? net_err_errno(err, -ret) : ret;
}

/* What net_nft_check reports of v; copies compared with master, or with
 * the default VRF's lists read for it when master is NULL. */
static int notes_of(const struct vtab *v, const struct net_acls *master,
		    struct net_nft_notes *out, struct net_err *err)
{
	struct net_nft_note owner = { .kind = NET_NFT_OWNER };
	int ret = nft_other_tables(v->s, out, err);

	if (ret == 0 && v->alien) {
		snprintf(owner.family, sizeof(owner.family), "inet");
		snprintf(owner.table, sizeof(owner.table), "vrfsh");
		note_text(owner.text, sizeof(owner.text),
			  "not made by vrfsh: left alone");
		ret = nft_note_add(out, &owner);
	}
	if (ret == 0)
		ret = note_table(v, out);
	if (ret == 0 && master && !v->is_default)
		ret = note_copies_of(v, master, out);
	else if (ret == 0)
		ret = note_copies(v, out, err);
	return ret;
}

int net_nft_check(const char *vrf, struct net_nft_notes *out,
		  struct net_err *err)
{
	struct vtab v;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = vtab_open(&v, vrf, false, err);
	if (ret < 0)
		return ret;
	ret = notes_of(&v, NULL, out, err);
	vtab_close(&v);
	if (ret < 0) {
		if (err && !err->code)
			net_err_errno(err, -ret);
		net_nft_notes_free(out);
	}
	return ret;
}

void net_nft_view_free(struct net_nft_view *view)
{
	net_acls_free(&view->lists);
	net_acl_binds_free(&view->binds);
	net_nat_free(&view->nat);
	net_nft_notes_free(&view->notes);
}

int net_nft_view(const char *vrf, const struct net_acls *master,
		 struct net_nft_view *out, struct net_err *err)
{
	struct vtab v;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = vtab_open(&v, vrf, false, err);
	if (ret < 0)
		return ret;
	ret = notes_of(&v, master, &out->notes, err);
	if (ret == 0) {
		out->lists = v.st.lists;
		out->binds = v.st.binds;
		out->nat = v.st.nat;
		memset(&v.st, 0, sizeof(v.st));
	}
	vtab_close(&v);
	if (ret < 0) {
		if (err && !err->code)
			net_err_errno(err, -ret);
		net_nft_view_free(out);
	}
	return ret;
}
