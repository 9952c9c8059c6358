/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * addr.c - IPv4 and IPv6 addresses: dump, add, delete.  Adding works as
 * plain `ip addr add A/M dev X`: IFA_LOCAL and IFA_ADDRESS both set to A,
 * no broadcast, host scope for 127.0.0.0/8.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"

static size_t addr_len(int family)
{
	switch (family) {
	case AF_INET:
		return sizeof(struct in_addr);
	case AF_INET6:
		return sizeof(struct in6_addr);
	}
	return 0;
}

static int parse_addr(const struct nlmsghdr *nlh, struct net_addr *a)
{
	const struct ifaddrmsg *ifa = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[IFA_MAX + 1], *at;
	uint32_t flags;
	size_t len;

	if (nlh->nlmsg_type != RTM_NEWADDR ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*ifa))
		return -EBADMSG;
	len = addr_len(ifa->ifa_family);
	nl_parse(nlh, sizeof(*ifa), tb, IFA_MAX);
	/* IFA_LOCAL is our own address; IFA_ADDRESS the peer if both. */
	at = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	if (!len || !at || mnl_attr_get_payload_len(at) != len)
		return -EBADMSG;
	memset(a, 0, sizeof(*a));
	memcpy(&a->a, mnl_attr_get_payload(at), len);
	a->ifindex = (int)ifa->ifa_index;
	a->family = ifa->ifa_family;
	a->plen = ifa->ifa_prefixlen;
	a->scope = ifa->ifa_scope;
	if (!nl_u32(tb[IFA_FLAGS], &flags))
		flags = ifa->ifa_flags;
	a->secondary = flags & IFA_F_SECONDARY;
	return 0;
}

static int addr_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct net_addrs *out = data;
	void *v = nl_grow(out->v, out->n, sizeof(*out->v));

	if (!v)
		return MNL_CB_ERROR;
	out->v = v;
	if (parse_addr(nlh, &out->v[out->n]) == 0)
		out->n++;
	return MNL_CB_OK;
}

static void addrs_reset(void *data)
{
	net_addrs_free(data);
}

int net_addr_dump(const char *vrf, int family, struct net_addrs *out,
		  struct net_err *err)
{
	int ret;

	out->v = NULL;
	out->n = 0;
	if (family != AF_UNSPEC && !addr_len(family))
		return net_err_errno(err, EAFNOSUPPORT);
	ret = nl_dump_family(vrf, RTM_GETADDR, sizeof(struct ifaddrmsg), family,
			     addr_dump_cb, out, addrs_reset, err);
	if (ret < 0)
		net_addrs_free(out);
	return ret;
}

void net_addrs_free(struct net_addrs *addrs)
{
	free(addrs->v);
	addrs->v = NULL;
	addrs->n = 0;
}

static unsigned char default_scope(const struct net_addr *addr)
{
	const unsigned char *b = (const unsigned char *)&addr->a.v4;

	if (addr->family == AF_INET && b[0] == 127)
		return RT_SCOPE_HOST;
	return RT_SCOPE_UNIVERSE;
}

static int addr_change(const char *vrf, const char *ifname,
		       const struct net_addr *addr, uint16_t type,
		       uint16_t flags, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct ifaddrmsg *ifa;
	struct net_link l;
	struct nl_sock *s;
	size_t len = addr_len(addr->family);
	int ret;

	if (!len)
		return net_err_errno(err, EAFNOSUPPORT);
	ret = net_link_get(vrf, ifname, &l, err);
	if (ret == 0)
		ret = nl_sock_get(vrf, &s, err);
	if (ret < 0)
		return ret;
	nlh = nl_msg(buf, type, flags);
	ifa = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifa));
	ifa->ifa_family = (unsigned char)addr->family;
	ifa->ifa_prefixlen = addr->plen;
	ifa->ifa_index = (uint32_t)l.ifindex;
	if (type == RTM_NEWADDR)
		ifa->ifa_scope = default_scope(addr);
	mnl_attr_put(nlh, IFA_LOCAL, len, &addr->a);
	mnl_attr_put(nlh, IFA_ADDRESS, len, &addr->a);
	return nl_talk(s, nlh, NULL, NULL, err);
}

int net_addr_add(const char *vrf, const char *ifname,
		 const struct net_addr *addr, struct net_err *err)
{
	return addr_change(vrf, ifname, addr, RTM_NEWADDR,
			   NLM_F_CREATE | NLM_F_EXCL, err);
}

int net_addr_del(const char *vrf, const char *ifname,
		 const struct net_addr *addr, struct net_err *err)
{
	return addr_change(vrf, ifname, addr, RTM_DELADDR, 0, err);
}
