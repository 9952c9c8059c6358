/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * link.c - links (interfaces): dump, look up, create veth pairs and
 * bridges, delete, move between VRFs, and change their settings.
 *
 * Changes name the link by IFLA_IFNAME with ifi_index 0 and no
 * NLM_F_CREATE, so the kernel looks it up and answers ENODEV itself.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

#include "netns.h"
#include "nl.h"

#define MTU_ETHERNET 1500
#define MTU_LOOPBACK 65536

bool net_link_is_physical(const struct net_link *link)
{
	return !link->kind[0] && !link->loopback;
}

static int check_ifname(const char *ifname, struct net_err *err)
{
	if (!ifname || !ifname[0] || strlen(ifname) >= NET_IFNAMSIZ)
		return net_err_set(err, EINVAL, "Invalid interface name");
	return 0;
}

/* ---- reading ---------------------------------------------------- */

static void parse_kind(const struct nlattr *linkinfo, struct net_link *l)
{
	const struct nlattr *li[IFLA_INFO_MAX + 1];

	nl_parse_nested(linkinfo, li, IFLA_INFO_MAX);
	nl_str(li[IFLA_INFO_KIND], l->kind, sizeof(l->kind));
}

static void parse_stats(const struct nlattr *a, struct net_link *l)
{
	struct rtnl_link_stats64 st = { 0 };
	size_t len;

	if (!a)
		return;
	len = mnl_attr_get_payload_len(a);
	memcpy(&st, mnl_attr_get_payload(a), len < sizeof(st) ? len :
								sizeof(st));
	l->rx_packets = st.rx_packets;
	l->tx_packets = st.tx_packets;
	l->rx_bytes = st.rx_bytes;
	l->tx_bytes = st.tx_bytes;
}

static bool parse_oper(const struct nlattr *operstate, unsigned flags)
{
	uint8_t state;

	if (!(flags & IFF_UP))
		return false;
	if (!operstate || mnl_attr_get_payload_len(operstate) < 1)
		return flags & IFF_LOWER_UP;
	state = mnl_attr_get_u8(operstate);
	if (state == IF_OPER_UNKNOWN)	/* lo, dummy: no carrier notion */
		return flags & IFF_LOWER_UP;
	return state == IF_OPER_UP;
}

static int parse_link(const struct nlmsghdr *nlh, struct net_link *l)
{
	const struct ifinfomsg *ifm = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[IFLA_MAX + 1];
	uint32_t v;

	if (nlh->nlmsg_type != RTM_NEWLINK ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*ifm))
		return -EBADMSG;
	memset(l, 0, sizeof(*l));
	nl_parse(nlh, sizeof(*ifm), tb, IFLA_MAX);
	l->ifindex = ifm->ifi_index;
	l->admin_up = ifm->ifi_flags & IFF_UP;
	l->loopback = ifm->ifi_flags & IFF_LOOPBACK;
	l->oper_up = parse_oper(tb[IFLA_OPERSTATE], ifm->ifi_flags);
	l->carrier = ifm->ifi_flags & IFF_LOWER_UP;
	nl_str(tb[IFLA_IFNAME], l->name, sizeof(l->name));
	nl_str(tb[IFLA_IFALIAS], l->alias, sizeof(l->alias));
	if (nl_u32(tb[IFLA_MTU], &v))
		l->mtu = v;
	if (nl_u32(tb[IFLA_MASTER], &v))
		l->master = v;
	if (nl_u32(tb[IFLA_CARRIER_CHANGES], &v))
		l->carrier_changes = v;
	l->peer_netnsid = nl_u32(tb[IFLA_LINK_NETNSID], &v) ? (int)v : -1;
	/* The kernel leaves IFLA_LINK out when it equals ifi_index, which
	 * across namespaces happens (both ends often get ifindex 2). */
	if (nl_u32(tb[IFLA_LINK], &v))
		l->peer_ifindex = v;
	else if (l->peer_netnsid >= 0)
		l->peer_ifindex = l->ifindex;
	if (tb[IFLA_ADDRESS] &&
	    mnl_attr_get_payload_len(tb[IFLA_ADDRESS]) == sizeof(l->mac)) {
		memcpy(l->mac, mnl_attr_get_payload(tb[IFLA_ADDRESS]), 6);
		l->has_mac = true;
	}
	parse_kind(tb[IFLA_LINKINFO], l);
	parse_stats(tb[IFLA_STATS64], l);
	return 0;
}

static int link_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct net_links *out = data;
	void *v = nl_grow(out->v, out->n, sizeof(*out->v));

	if (!v)
		return MNL_CB_ERROR;
	out->v = v;
	if (parse_link(nlh, &out->v[out->n]) == 0)
		out->n++;
	return MNL_CB_OK;
}

static void links_reset(void *data)
{
	net_links_free(data);
}

static int cmp_ifindex(const void *a, const void *b)
{
	const struct net_link *x = a, *y = b;

	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

static int links_done(struct net_links *out, int ret)
{
	if (ret < 0) {
		net_links_free(out);
		return ret;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_ifindex);
	return 0;
}

int net_link_dump(const char *vrf, struct net_links *out, struct net_err *err)
{
	out->v = NULL;
	out->n = 0;
	return links_done(out, nl_dump_family(vrf, RTM_GETLINK,
					      sizeof(struct ifinfomsg),
					      AF_UNSPEC, link_dump_cb, out,
					      links_reset, err));
}

int link_dump_on(struct nl_sock *s, struct net_links *out,
		 struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;

	out->v = NULL;
	out->n = 0;
	nlh = nl_msg(buf, RTM_GETLINK, 0);
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	return links_done(out, nl_dump(s, nlh, link_dump_cb, out, links_reset,
				       err));
}

void net_links_free(struct net_links *links)
{
	free(links->v);
	links->v = NULL;
	links->n = 0;
}

static int link_get_cb(const struct nlmsghdr *nlh, void *data)
{
	parse_link(nlh, data);
	return MNL_CB_OK;
}

int net_link_get(const char *vrf, const char *ifname, struct net_link *out,
		 struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	struct nl_sock *s;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = check_ifname(ifname, err);
	if (ret == 0)
		ret = nl_sock_get(vrf, &s, err);
	if (ret < 0)
		return ret;
	nlh = nl_msg(buf, RTM_GETLINK, 0);
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, ifname);
	ret = nl_talk(s, nlh, link_get_cb, out, err);
	if (ret == 0 && out->ifindex == 0)
		return net_err_errno(err, ENODEV);
	return ret;
}

/* ---- changing --------------------------------------------------- */

/* An RTM_*LINK request about ifname, by name. */
static struct nlmsghdr *link_msg(void *buf, uint16_t type, uint16_t flags,
				 const char *ifname)
{
	struct nlmsghdr *nlh = nl_msg(buf, type, flags);
	struct ifinfomsg *ifm;

	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, ifname);
	return nlh;
}

static int link_send(const char *vrf, struct nlmsghdr *nlh,
		     struct net_err *err)
{
	struct nl_sock *s;
	int ret = nl_sock_get(vrf, &s, err);

	return ret < 0 ? ret : nl_talk(s, nlh, NULL, NULL, err);
}

int net_link_add_veth(const char *vrf, const char *ifname,
		      const char *peer_vrf, const char *peer,
		      struct net_err *err)
{
	struct nlattr *info, *data, *peer_info;
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	int peer_fd, ret;

	ret = check_ifname(ifname, err);
	if (ret == 0)
		ret = check_ifname(peer, err);
	if (ret < 0)
		return ret;
	peer_fd = netns_fd(peer_vrf, err);
	if (peer_fd < 0)
		return peer_fd;
	nlh = link_msg(buf, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, ifname);
	info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "veth");
	data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
	peer_info = mnl_attr_nest_start(nlh, VETH_INFO_PEER);
	/* The peer's attributes follow its own (zeroed) ifinfomsg. */
	nlh->nlmsg_len += MNL_ALIGN(sizeof(struct ifinfomsg));
	mnl_attr_put_strz(nlh, IFLA_IFNAME, peer);
	mnl_attr_put_u32(nlh, IFLA_NET_NS_FD, peer_fd);
	mnl_attr_nest_end(nlh, peer_info);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, info);
	netns_nsid_forget();	/* the kernel may give the peer an id */
	return link_send(vrf, nlh, err);
}

int net_link_add_bridge(const char *vrf, const char *ifname,
			struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *info;
	int ret = check_ifname(ifname, err);

	if (ret < 0)
		return ret;
	nlh = link_msg(buf, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, ifname);
	info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "bridge");
	mnl_attr_nest_end(nlh, info);
	return link_send(vrf, nlh, err);
}

int link_del_on(struct nl_sock *s, const char *ifname, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	int ret = check_ifname(ifname, err);

	if (ret < 0)
		return ret;
	return nl_talk(s, link_msg(buf, RTM_DELLINK, 0, ifname), NULL, NULL,
		       err);
}

int net_link_del(const char *vrf, const char *ifname, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	int ret = check_ifname(ifname, err);

	if (ret < 0)
		return ret;
	return link_send(vrf, link_msg(buf, RTM_DELLINK, 0, ifname), err);
}

int net_link_move(const char *vrf, const char *ifname, const char *to_vrf,
		  struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	int fd, ret;

	ret = check_ifname(ifname, err);
	if (ret < 0)
		return ret;
	fd = netns_fd(to_vrf, err);
	if (fd < 0)
		return fd;
	nlh = link_msg(buf, RTM_NEWLINK, 0, ifname);
	mnl_attr_put_u32(nlh, IFLA_NET_NS_FD, (uint32_t)fd);
	netns_nsid_forget();	/* its veth peer may get an id */
	return link_send(vrf, nlh, err);
}

/* The request that sets ifname up or down. */
static struct nlmsghdr *up_msg(void *buf, const char *ifname, bool up)
{
	struct nlmsghdr *nlh = link_msg(buf, RTM_NEWLINK, 0, ifname);
	struct ifinfomsg *ifm = mnl_nlmsg_get_payload(nlh);

	ifm->ifi_change = IFF_UP;
	ifm->ifi_flags = up ? IFF_UP : 0;
	return nlh;
}

int net_link_set_up(const char *vrf, const char *ifname, bool up,
		    struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	int ret = check_ifname(ifname, err);

	if (ret < 0)
		return ret;
	return link_send(vrf, up_msg(buf, ifname, up), err);
}

int link_up_here(const char *ifname, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nl_sock *s;
	int ret = check_ifname(ifname, err);

	if (ret == 0)
		ret = nl_sock_here(&s, err);
	if (ret < 0)
		return ret;
	ret = nl_talk(s, up_msg(buf, ifname, true), NULL, NULL, err);
	nl_sock_close(s);
	return ret;
}

int net_link_set_mtu(const char *vrf, const char *ifname, unsigned mtu,
		     struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct net_link l;
	int ret;

	if (mtu == 0) {
		ret = net_link_get(vrf, ifname, &l, err);
		if (ret < 0)
			return ret;
		mtu = l.loopback ? MTU_LOOPBACK : MTU_ETHERNET;
	}
	ret = check_ifname(ifname, err);
	if (ret < 0)
		return ret;
	nlh = link_msg(buf, RTM_NEWLINK, 0, ifname);
	mnl_attr_put_u32(nlh, IFLA_MTU, mtu);
	return link_send(vrf, nlh, err);
}

int net_link_set_alias(const char *vrf, const char *ifname, const char *alias,
		       struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	int ret = check_ifname(ifname, err);

	if (ret < 0)
		return ret;
	if (!alias)
		alias = "";
	if (strlen(alias) >= sizeof(((struct net_link *)0)->alias))
		return net_err_set(err, ERANGE, "Description too long");
	nlh = link_msg(buf, RTM_NEWLINK, 0, ifname);
	/* Without a NUL, as iproute2 does: an empty payload clears it. */
	mnl_attr_put(nlh, IFLA_IFALIAS, strlen(alias), alias);
	return link_send(vrf, nlh, err);
}

int net_link_set_master(const char *vrf, const char *ifname,
			const char *master, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct net_link m = { .ifindex = 0 };
	int ret = check_ifname(ifname, err);

	if (ret == 0 && master)
		ret = net_link_get(vrf, master, &m, err);
	if (ret < 0)
		return ret;
	nlh = link_msg(buf, RTM_NEWLINK, 0, ifname);
	mnl_attr_put_u32(nlh, IFLA_MASTER, m.ifindex);
	return link_send(vrf, nlh, err);
}
