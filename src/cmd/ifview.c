/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ifview.c - the kernel's links and addresses of the VRFs a show covers,
 * read once per command (see ifview.h).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/ifview.h"

struct view *view_get(struct views *vs, const char *vrf)
{
	struct view *x;

	for (size_t i = 0; i < vs->n; i++)
		if (!strcmp(vs->v[i].vrf, vrf))
			return &vs->v[i];
	vs->v = realloc(vs->v, (vs->n + 1) * sizeof(*vs->v));
	if (!vs->v)
		abort();
	x = &vs->v[vs->n++];
	memset(x, 0, sizeof(*x));
	snprintf(x->vrf, sizeof(x->vrf), "%s", vrf);
	x->ok = net_link_dump(vrf, &x->links, &x->err) == 0 &&
		net_addr_dump(vrf, AF_UNSPEC, &x->addrs, &x->err) == 0;
	return x;
}

void views_free(struct views *vs)
{
	for (size_t i = 0; i < vs->n; i++) {
		net_links_free(&vs->v[i].links);
		net_addrs_free(&vs->v[i].addrs);
		free(vs->v[i].cleared);
	}
	free(vs->v);
	vs->v = NULL;
	vs->n = 0;
}

int views_read(struct cli_session *s, struct views *vs,
	       const struct net_names *set, bool all)
{
	int rc = 0;

	for (size_t k = 0; k < set->n; k++)
		view_get(vs, set->v[k]);
	for (size_t k = 0; k < set->n; k++) {
		const struct view *v = &vs->v[k];

		if (v->ok)
			continue;
		if (!all)
			return cmd_fail(s, &v->err,
					"read the interfaces of VRF %s",
					vrf_label(set->v[k]));
		if (cmd_vrf_unreadable(s, set->v[k], &v->err))
			rc = -1;
	}
	return rc;
}

void view_counters(struct cli_session *s, struct view *v)
{
	struct net_baselines b = { 0 };
	struct net_err err = { 0 };

	if (v->cleared || !v->ok)
		return;
	v->cleared = calloc(v->links.n + 1, sizeof(*v->cleared));
	if (!v->cleared)
		abort();
	if (net_counters_read(v->vrf, &b, &err))
		cli_warn(s, "Cannot read the counter baselines of VRF %s: %s",
			 vrf_label(v->vrf), err.msg);
	for (size_t i = 0; i < v->links.n; i++)
		v->cleared[i] = net_counters_apply(&b, &v->links.v[i]);
	net_baselines_free(&b);
}

void view_ethtool(struct view *v)
{
	struct net_err err = { 0 };

	if (v->ok)
		net_link_ethtool(v->vrf, &v->links, &err);
}

const struct net_link *view_link(const struct view *v, int ifindex)
{
	for (size_t i = 0; i < v->links.n; i++)
		if (v->links.v[i].ifindex == ifindex)
			return &v->links.v[i];
	return NULL;
}

const struct net_addr *view_first_v4(const struct view *v, int ifindex)
{
	for (size_t i = 0; i < v->addrs.n; i++)
		if (v->addrs.v[i].ifindex == ifindex &&
		    v->addrs.v[i].family == AF_INET && !v->addrs.v[i].secondary)
			return &v->addrs.v[i];
	return NULL;
}

bool view_has_family(const struct view *v, int ifindex, int family)
{
	for (size_t i = 0; i < v->addrs.n; i++)
		if (v->addrs.v[i].ifindex == ifindex &&
		    v->addrs.v[i].family == family)
			return true;
	return false;
}

bool view_peer(struct views *vs, size_t vi, const struct net_link *l,
	       const char **name, const char **vrf)
{
	const struct net_link *p;
	const struct view *pv = &vs->v[vi];

	if (strcmp(l->kind, "veth") || !l->peer_ifindex)
		return false;
	if (l->peer_netnsid >= 0) {
		const char *pvrf =
			net_vrf_by_netnsid(vs->v[vi].vrf, l->peer_netnsid);

		if (!pvrf)
			return false;
		/* may move the array: views are used by index */
		pv = view_get(vs, net_vrf_is_default(pvrf) ? "" : pvrf);
	}
	p = pv->ok ? view_link(pv, l->peer_ifindex) : NULL;
	if (!p)
		return false;
	*name = p->name;
	*vrf = vrf_label(pv->vrf);
	return true;
}

const char *view_kind(const struct net_link *l)
{
	if (l->kind[0])
		return l->kind;
	return l->loopback ? "loopback" : NULL;
}

const char *view_status(const struct net_link *l)
{
	if (!l->admin_up)
		return "administratively down";
	return l->oper_up ? "up" : "down";
}

const char *view_protocol(const struct net_link *l)
{
	return l->oper_up ? "up" : "down";
}

int view_not_found(struct cli_session *s, const char *ifname,
		   const struct net_names *set)
{
	char buf[96];

	cli_error(s, "Interface %s not found%s", ifname,
		  set->n == 1 ? in_vrf(set->v[0], buf, sizeof(buf)) : "");
	return -1;
}
