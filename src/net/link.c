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
#include <linux/ip.h>
#include <linux/ipv6.h>
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

const char *const net_stat_names[NET_STATS] = {
	[NET_RX_PACKETS] = "rx_packets",
	[NET_TX_PACKETS] = "tx_packets",
	[NET_RX_BYTES] = "rx_bytes",
	[NET_TX_BYTES] = "tx_bytes",
	[NET_RX_ERRORS] = "rx_errors",
	[NET_TX_ERRORS] = "tx_errors",
	[NET_RX_DROPPED] = "rx_dropped",
	[NET_TX_DROPPED] = "tx_dropped",
	[NET_MULTICAST] = "multicast",
	[NET_COLLISIONS] = "collisions",
	[NET_RX_LENGTH_ERRORS] = "rx_length_errors",
	[NET_RX_OVER_ERRORS] = "rx_over_errors",
	[NET_RX_CRC_ERRORS] = "rx_crc_errors",
	[NET_RX_FRAME_ERRORS] = "rx_frame_errors",
	[NET_RX_FIFO_ERRORS] = "rx_fifo_errors",
	[NET_RX_MISSED_ERRORS] = "rx_missed_errors",
	[NET_TX_ABORTED_ERRORS] = "tx_aborted_errors",
	[NET_TX_CARRIER_ERRORS] = "tx_carrier_errors",
	[NET_TX_FIFO_ERRORS] = "tx_fifo_errors",
	[NET_TX_HEARTBEAT_ERRORS] = "tx_heartbeat_errors",
	[NET_TX_WINDOW_ERRORS] = "tx_window_errors",
	[NET_RX_NOHANDLER] = "rx_nohandler",
	[NET_CARRIER_CHANGES] = "carrier_changes",
};

static void parse_stats(const struct nlattr *a, struct net_link *l)
{
	struct rtnl_link_stats64 st = { 0 };
	uint64_t *v = l->stats.v;
	size_t len;

	if (!a)
		return;
	len = mnl_attr_get_payload_len(a);
	memcpy(&st, mnl_attr_get_payload(a),
	       len < sizeof(st) ? len : sizeof(st));
	v[NET_RX_PACKETS] = l->rx_packets = st.rx_packets;
	v[NET_TX_PACKETS] = l->tx_packets = st.tx_packets;
	v[NET_RX_BYTES] = l->rx_bytes = st.rx_bytes;
	v[NET_TX_BYTES] = l->tx_bytes = st.tx_bytes;
	v[NET_RX_ERRORS] = st.rx_errors;
	v[NET_TX_ERRORS] = st.tx_errors;
	v[NET_RX_DROPPED] = st.rx_dropped;
	v[NET_TX_DROPPED] = st.tx_dropped;
	v[NET_MULTICAST] = st.multicast;
	v[NET_COLLISIONS] = st.collisions;
	v[NET_RX_LENGTH_ERRORS] = st.rx_length_errors;
	v[NET_RX_OVER_ERRORS] = st.rx_over_errors;
	v[NET_RX_CRC_ERRORS] = st.rx_crc_errors;
	v[NET_RX_FRAME_ERRORS] = st.rx_frame_errors;
	v[NET_RX_FIFO_ERRORS] = st.rx_fifo_errors;
	v[NET_RX_MISSED_ERRORS] = st.rx_missed_errors;
	v[NET_TX_ABORTED_ERRORS] = st.tx_aborted_errors;
	v[NET_TX_CARRIER_ERRORS] = st.tx_carrier_errors;
	v[NET_TX_FIFO_ERRORS] = st.tx_fifo_errors;
	v[NET_TX_HEARTBEAT_ERRORS] = st.tx_heartbeat_errors;
	v[NET_TX_WINDOW_ERRORS] = st.tx_window_errors;
	v[NET_RX_NOHANDLER] = st.rx_nohandler;
}

/* Element i of an array of 32-bit values (a devconf table), or def. */
static int32_t conf_at(const struct nlattr *a, size_t i, int32_t def)
{
	int32_t v;

	if (!a || mnl_attr_get_payload_len(a) < (i + 1) * sizeof(v))
		return def;
	memcpy(&v, (const char *)mnl_attr_get_payload(a) + i * sizeof(v),
	       sizeof(v));
	return v;
}

static void parse_inet(const struct nlattr *a, struct net_link_inet *in)
{
	const struct nlattr *tb[IFLA_INET_MAX + 1];
	const struct nlattr *c;

	nl_parse_nested(a, tb, IFLA_INET_MAX);
	c = tb[IFLA_INET_CONF];
	if (!c)
		return;
	/* the table starts at IPV4_DEVCONF_FORWARDING (1) */
	in->valid = true;
	in->forwarding = conf_at(c, IPV4_DEVCONF_FORWARDING - 1, 0);
	in->proxy_arp = conf_at(c, IPV4_DEVCONF_PROXY_ARP - 1, 0);
	in->accept_redirects = conf_at(c, IPV4_DEVCONF_ACCEPT_REDIRECTS - 1, 0);
	in->send_redirects = conf_at(c, IPV4_DEVCONF_SEND_REDIRECTS - 1, 0);
	in->rp_filter =
		(unsigned char)conf_at(c, IPV4_DEVCONF_RP_FILTER - 1, 0);
}

static void parse_inet6(const struct nlattr *a, struct net_link_inet6 *in)
{
	const struct nlattr *tb[IFLA_INET6_MAX + 1];
	const struct nlattr *c;
	struct ifla_cacheinfo ci;

	nl_parse_nested(a, tb, IFLA_INET6_MAX);
	c = tb[IFLA_INET6_CONF];
	if (!c)
		return;
	in->valid = true;
	in->forwarding = conf_at(c, DEVCONF_FORWARDING, 0);
	in->mtu = (unsigned)conf_at(c, DEVCONF_MTU6, 0);
	in->accept_ra = conf_at(c, DEVCONF_ACCEPT_RA, 0);
	in->autoconf = conf_at(c, DEVCONF_AUTOCONF, 0);
	in->dad_transmits = conf_at(c, DEVCONF_DAD_TRANSMITS, 0);
	in->disabled = conf_at(c, DEVCONF_DISABLE_IPV6, 0);
	if (tb[IFLA_INET6_CACHEINFO] &&
	    mnl_attr_get_payload_len(tb[IFLA_INET6_CACHEINFO]) >= sizeof(ci)) {
		memcpy(&ci, mnl_attr_get_payload(tb[IFLA_INET6_CACHEINFO]),
		       sizeof(ci));
		in->reachable_ms = ci.reachable_time;
		in->retrans_ms = ci.retrans_time;
	}
}

static void parse_af_spec(const struct nlattr *spec, struct net_link *l)
{
	const struct nlattr *a;

	if (!spec)
		return;
	nl_attr_for_each_nested(a, spec) {
		if (mnl_attr_get_type(a) == AF_INET)
			parse_inet(a, &l->inet);
		else if (mnl_attr_get_type(a) == AF_INET6)
			parse_inet6(a, &l->inet6);
	}
}

static bool parse_oper(const struct nlattr *operstate, unsigned flags)
{
	uint8_t state;

	if (!(flags & IFF_UP))
		return false;
	if (!operstate || mnl_attr_get_payload_len(operstate) < 1)
		return flags & IFF_LOWER_UP;
	state = mnl_attr_get_u8(operstate);
	if (state == IF_OPER_UNKNOWN) /* lo, dummy: no carrier notion */
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
		l->master = (int)v;
	if (nl_u32(tb[IFLA_CARRIER_CHANGES], &v))
		l->carrier_changes = v;
	l->peer_netnsid = nl_u32(tb[IFLA_LINK_NETNSID], &v) ? (int)v : -1;
	/* The kernel leaves IFLA_LINK out when it equals ifi_index, which
	 * across namespaces happens (both ends often get ifindex 2). */
	if (nl_u32(tb[IFLA_LINK], &v))
		l->peer_ifindex = (int)v;
	else if (l->peer_netnsid >= 0)
		l->peer_ifindex = l->ifindex;
	if (tb[IFLA_ADDRESS] &&
	    mnl_attr_get_payload_len(tb[IFLA_ADDRESS]) == sizeof(l->mac)) {
		memcpy(l->mac, mnl_attr_get_payload(tb[IFLA_ADDRESS]), 6);
		l->has_mac = true;
	}
	if (tb[IFLA_PERM_ADDRESS] &&
	    mnl_attr_get_payload_len(tb[IFLA_PERM_ADDRESS]) ==
		    sizeof(l->perm_mac)) {
		memcpy(l->perm_mac, mnl_attr_get_payload(tb[IFLA_PERM_ADDRESS]),
		       sizeof(l->perm_mac));
		l->has_perm_mac = true;
	}
	if (nl_u32(tb[IFLA_TXQLEN], &v))
		l->txqlen = v;
	parse_kind(tb[IFLA_LINKINFO], l);
	parse_stats(tb[IFLA_STATS64], l);
	if (nl_u32(tb[IFLA_CARRIER_CHANGES], &v))
		l->stats.v[NET_CARRIER_CHANGES] = v;
	parse_af_spec(tb[IFLA_AF_SPEC], l);
	l->speed_mbps = 0;
	l->duplex = -1;
	l->port = -1;
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
	return links_done(out,
			  nl_dump_family(vrf, RTM_GETLINK,
					 sizeof(struct ifinfomsg), AF_UNSPEC,
					 link_dump_cb, out, links_reset, err));
}

/* ---- names only, for completion ------------------------------------- */

static int name_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[IFLA_MAX + 1];
	struct net_names *out = data;
	char name[NET_IFNAMSIZ];
	void *v;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return MNL_CB_OK;
	nl_parse(nlh, sizeof(struct ifinfomsg), tb, IFLA_MAX);
	if (!nl_str(tb[IFLA_IFNAME], name, sizeof(name)) || !name[0])
		return MNL_CB_OK;
	v = nl_grow(out->v, out->n, sizeof(*out->v));
	if (!v)
		return MNL_CB_ERROR;
	out->v = v;
	out->v[out->n] = strdup(name);
	if (!out->v[out->n])
		return MNL_CB_ERROR;
	out->n++;
	return MNL_CB_OK;
}

static void names_reset(void *data)
{
	net_names_free(data);
}

/* The names of the links of s's namespace, read without their counters
 * (the kernel fills less). */
static int names_dump(struct nl_sock *s, struct net_names *out,
		      struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	int ret;

	out->v = NULL;
	out->n = 0;
	nlh = nl_msg(buf, RTM_GETLINK, 0);
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	ret = nl_dump(s, nlh, name_dump_cb, out, names_reset, err);
	if (ret < 0)
		net_names_free(out);
	return ret;
}

static int copy_names(const struct net_names *from, struct net_names *to,
		      struct net_err *err)
{
	to->n = 0;
	to->v = calloc(from->n + 1, sizeof(*to->v));
	if (!to->v)
		return net_err_errno(err, ENOMEM);
	for (; to->n < from->n; to->n++) {
		to->v[to->n] = strdup(from->v[to->n]);
		if (!to->v[to->n]) {
			net_names_free(to);
			return net_err_errno(err, ENOMEM);
		}
	}
	return 0;
}

int net_link_names(const char *vrf, struct net_names *out, struct net_err *err)
{
	const struct net_names *kept;
	struct net_names names;
	struct nl_sock *s;
	int ret;

	out->v = NULL;
	out->n = 0;
	ret = nl_sock_get(vrf, &s, err);
	if (ret < 0)
		return ret;
	kept = nl_link_names(s);
	if (kept)
		return copy_names(kept, out, err);
	/* followed from before the dump, so that no change is missed; a
	 * namespace whose events cannot be followed is read every time */
	bool watched = nl_link_names_watch(vrf, s, NULL) == 0;

	ret = names_dump(s, &names, err);
	if (ret < 0)
		return ret;
	if (!watched) {
		*out = names;
		return 0;
	}
	return copy_names(nl_link_names_keep(s, &names), out, err);
}

int link_dump_on(struct nl_sock *s, struct net_links *out, struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;

	out->v = NULL;
	out->n = 0;
	nlh = nl_msg(buf, RTM_GETLINK, 0);
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	return links_done(out,
			  nl_dump(s, nlh, link_dump_cb, out, links_reset, err));
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

static int link_send(const char *vrf, struct nlmsghdr *nlh, struct net_err *err)
{
	struct nl_sock *s;
	int ret = nl_sock_get(vrf, &s, err);

	return ret < 0 ? ret : nl_talk(s, nlh, NULL, NULL, err);
}

int net_link_add_veth(const char *vrf, const char *ifname, const char *peer_vrf,
		      const char *peer, struct net_err *err)
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
	nlh->nlmsg_len += (uint32_t)nl_align(sizeof(struct ifinfomsg));
	mnl_attr_put_strz(nlh, IFLA_IFNAME, peer);
	mnl_attr_put_u32(nlh, IFLA_NET_NS_FD, (uint32_t)peer_fd);
	mnl_attr_nest_end(nlh, peer_info);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, info);
	netns_nsid_forget(); /* the kernel may give the peer an id */
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
	netns_nsid_forget(); /* its veth peer may get an id */
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

int net_link_set_master(const char *vrf, const char *ifname, const char *master,
			struct net_err *err)
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
	mnl_attr_put_u32(nlh, IFLA_MASTER, (uint32_t)m.ifindex);
	return link_send(vrf, nlh, err);
}
