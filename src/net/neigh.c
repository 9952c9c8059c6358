/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * neigh.c - the neighbour tables (ARP and IPv6 neighbour discovery).
 * Every entry is kept, whatever its state; the caller chooses.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"
#include "route.h"

_Static_assert((int)NET_NUD_INCOMPLETE == NUD_INCOMPLETE &&
		       (int)NET_NUD_REACHABLE == NUD_REACHABLE &&
		       (int)NET_NUD_STALE == NUD_STALE &&
		       (int)NET_NUD_FAILED == NUD_FAILED &&
		       (int)NET_NUD_NOARP == NUD_NOARP &&
		       (int)NET_NUD_PERMANENT == NUD_PERMANENT,
	       "neighbour states");

static size_t neigh_ip_len(int family)
{
	switch (family) {
	case AF_INET:
		return sizeof(struct in_addr);
	case AF_INET6:
		return sizeof(struct in6_addr);
	}
	return 0;
}

static int parse_neigh(const struct nlmsghdr *nlh, struct net_neigh *n)
{
	const struct ndmsg *ndm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[NDA_MAX + 1], *dst;
	struct nda_cacheinfo ci;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWNEIGH ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*ndm))
		return -EBADMSG;
	len = neigh_ip_len(ndm->ndm_family);
	nl_parse(nlh, sizeof(*ndm), tb, NDA_MAX);
	dst = tb[NDA_DST];
	if (!len || !dst || mnl_attr_get_payload_len(dst) != len)
		return -EBADMSG;
	memset(n, 0, sizeof(*n));
	n->family = ndm->ndm_family;
	memcpy(&n->addr, mnl_attr_get_payload(dst), len);
	n->ifindex = ndm->ndm_ifindex;
	n->state = ndm->ndm_state;
	if (tb[NDA_LLADDR] &&
	    mnl_attr_get_payload_len(tb[NDA_LLADDR]) == sizeof(n->lladdr)) {
		memcpy(n->lladdr, mnl_attr_get_payload(tb[NDA_LLADDR]),
		       sizeof(n->lladdr));
		n->has_lladdr = true;
	}
	if (tb[NDA_CACHEINFO] &&
	    mnl_attr_get_payload_len(tb[NDA_CACHEINFO]) >= sizeof(ci)) {
		long hz = sysconf(_SC_CLK_TCK);

		if (hz <= 0)
			hz = 100;
		memcpy(&ci, mnl_attr_get_payload(tb[NDA_CACHEINFO]),
		       sizeof(ci));
		n->has_times = true;
		n->confirmed = (unsigned)(ci.ndm_confirmed / (unsigned long)hz);
		n->used = (unsigned)(ci.ndm_used / (unsigned long)hz);
		n->updated = (unsigned)(ci.ndm_updated / (unsigned long)hz);
	}
	return 0;
}

static int neigh_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct net_neighs *out = data;
	void *v = nl_grow(out->v, out->n, sizeof(*out->v));

	if (!v)
		return MNL_CB_ERROR;
	out->v = v;
	if (parse_neigh(nlh, &out->v[out->n]) == 0)
		out->n++;
	return MNL_CB_OK;
}

static void neighs_reset(void *data)
{
	net_neighs_free(data);
}

int net_neigh_dump(const char *vrf, int family, struct net_neighs *out,
		   struct net_err *err)
{
	int ret;

	out->v = NULL;
	out->n = 0;
	if (family != AF_UNSPEC && !neigh_ip_len(family))
		return net_err_errno(err, EAFNOSUPPORT);
	ret = nl_dump_family(vrf, RTM_GETNEIGH, sizeof(struct ndmsg), family,
			     neigh_dump_cb, out, neighs_reset, err);
	if (ret < 0)
		net_neighs_free(out);
	return ret;
}

void net_neighs_free(struct net_neighs *neighs)
{
	free(neighs->v);
	neighs->v = NULL;
	neighs->n = 0;
}

/* Is n an entry the kernel learnt (not one configured or implied)? */
static bool learnt(const struct net_neigh *n)
{
	return !(n->state & (NET_NUD_PERMANENT | NET_NUD_NOARP));
}

static int neigh_del(struct nl_sock *s, const struct net_neigh *n,
		     struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh = nl_msg(buf, RTM_DELNEIGH, 0);
	struct ndmsg *ndm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ndm));

	ndm->ndm_family = (uint8_t)n->family;
	ndm->ndm_ifindex = n->ifindex;
	mnl_attr_put(nlh, NDA_DST, neigh_ip_len(n->family), &n->addr);
	return nl_talk(s, nlh, NULL, NULL, err);
}

int net_neigh_flush(const char *vrf, int family, const union net_ip *addr,
		    unsigned *removed, struct net_err *err)
{
	struct net_neighs all;
	struct nl_sock *s;
	unsigned gone = 0;
	bool found = false;
	int ret;

	if (removed)
		*removed = 0;
	if (family != AF_INET && family != AF_INET6)
		return net_err_errno(err, EAFNOSUPPORT);
	ret = net_neigh_dump(vrf, family, &all, err);
	if (ret == 0)
		ret = nl_sock_get(vrf, &s, err);
	for (size_t i = 0; ret == 0 && i < all.n; i++) {
		const struct net_neigh *n = &all.v[i];
		int r;

		if (!learnt(n) ||
		    (addr && memcmp(&n->addr, addr, neigh_ip_len(family))))
			continue;
		found = true;
		r = neigh_del(s, n, err);
		/* gone meanwhile: what was asked for happened */
		if (r == -ENOENT)
			continue;
		ret = r;
		if (r == 0)
			gone++;
	}
	net_neighs_free(&all);
	if (removed)
		*removed = gone;
	if (ret == 0 && addr && !found)
		return net_err_set(err, ENOENT, "No learnt entry");
	return ret;
}
