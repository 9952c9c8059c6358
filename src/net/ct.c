/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ct.c - the connection tracking table of a VRF over ctnetlink (libmnl,
 * no libnetfilter_conntrack): the connections with their two tuples and
 * whether they are translated, deleting them, and the table's counts.
 * What `show ip nat translations`, `clear ip nat translation *` and
 * `show ip nat statistics` read.
 */
#define _GNU_SOURCE
#include <endian.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter/nf_conntrack_common.h>
#include <linux/netfilter/nfnetlink.h>
#include <linux/netfilter/nfnetlink_conntrack.h>

#include "nfnl.h"
#include "nft.h"
#include "nl.h"

#define CT_MSG(t) ((uint16_t)((NFNL_SUBSYS_CTNETLINK << 8) | (t)))
#define CT_REQ_SIZE 1024

static struct nlmsghdr *ct_req(char *buf, uint16_t type, uint16_t flags,
			       int family)
{
	struct nlmsghdr *nlh;
	struct nfgenmsg *g;

	memset(buf, 0, CT_REQ_SIZE);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = CT_MSG(type);
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->nfgen_family = (uint8_t)family;
	g->version = NFNETLINK_V0;
	return nlh;
}

static bool get_ip(const struct nlattr *a, size_t len, union net_ip *ip)
{
	if (!a || mnl_attr_get_payload_len(a) != len)
		return false;
	memcpy(ip, mnl_attr_get_payload(a), len);
	return true;
}

static uint16_t get_be16(const struct nlattr *a)
{
	if (!a || mnl_attr_get_payload_len(a) < 2)
		return 0;
	return ntohs(mnl_attr_get_u16(a));
}

static uint8_t get_u8(const struct nlattr *a)
{
	if (!a || mnl_attr_get_payload_len(a) < 1)
		return 0;
	return mnl_attr_get_u8(a);
}

static uint32_t get_be32(const struct nlattr *a)
{
	if (!a || mnl_attr_get_payload_len(a) < 4)
		return 0;
	return ntohl(mnl_attr_get_u32(a));
}

static uint64_t get_be64(const struct nlattr *a)
{
	uint64_t v;

	if (!a || mnl_attr_get_payload_len(a) < 8)
		return 0;
	memcpy(&v, mnl_attr_get_payload(a), sizeof(v));
	return be64toh(v);
}

static bool parse_tuple(const struct nlattr *nest, int family, uint8_t *proto,
			struct net_ct_tuple *t)
{
	const struct nlattr *tb[CTA_TUPLE_MAX + 1], *ip[CTA_IP_MAX + 1];
	const struct nlattr *p[CTA_PROTO_MAX + 1];
	bool v4 = family == AF_INET;
	size_t len = v4 ? 4 : 16;

	if (!nest)
		return false;
	nl_parse_nested(nest, tb, CTA_TUPLE_MAX);
	nl_parse_nested(tb[CTA_TUPLE_IP], ip, CTA_IP_MAX);
	nl_parse_nested(tb[CTA_TUPLE_PROTO], p, CTA_PROTO_MAX);
	if (!get_ip(ip[v4 ? CTA_IP_V4_SRC : CTA_IP_V6_SRC], len, &t->src) ||
	    !get_ip(ip[v4 ? CTA_IP_V4_DST : CTA_IP_V6_DST], len, &t->dst) ||
	    !p[CTA_PROTO_NUM])
		return false;
	*proto = get_u8(p[CTA_PROTO_NUM]);
	t->sport = get_be16(p[CTA_PROTO_SRC_PORT]);
	t->dport = get_be16(p[CTA_PROTO_DST_PORT]);
	t->icmp_id = get_be16(p[v4 ? CTA_PROTO_ICMP_ID : CTA_PROTO_ICMPV6_ID]);
	t->icmp_type =
		get_u8(p[v4 ? CTA_PROTO_ICMP_TYPE : CTA_PROTO_ICMPV6_TYPE]);
	t->icmp_code =
		get_u8(p[v4 ? CTA_PROTO_ICMP_CODE : CTA_PROTO_ICMPV6_CODE]);
	return true;
}

static void parse_counters(const struct nlattr *a, uint64_t *packets,
			   uint64_t *bytes)
{
	const struct nlattr *tb[CTA_COUNTERS_MAX + 1];

	nl_parse_nested(a, tb, CTA_COUNTERS_MAX);
	*packets = get_be64(tb[CTA_COUNTERS_PACKETS]);
	*bytes = get_be64(tb[CTA_COUNTERS_BYTES]);
}

static int parse_ct(const struct nlmsghdr *nlh, struct net_ct *c)
{
	const struct nfgenmsg *g = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[CTA_MAX + 1], *pi[CTA_PROTOINFO_MAX + 1];
	const struct nlattr *tcp[CTA_PROTOINFO_TCP_MAX + 1];
	uint32_t status;
	uint8_t rproto = 0;

	if (nlh->nlmsg_type != CT_MSG(IPCTNL_MSG_CT_NEW) ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*g) ||
	    (g->nfgen_family != AF_INET && g->nfgen_family != AF_INET6))
		return -EBADMSG;
	memset(c, 0, sizeof(*c));
	c->family = g->nfgen_family;
	nl_parse(nlh, sizeof(*g), tb, CTA_MAX);
	if (!parse_tuple(tb[CTA_TUPLE_ORIG], c->family, &c->proto, &c->orig) ||
	    !parse_tuple(tb[CTA_TUPLE_REPLY], c->family, &rproto, &c->reply))
		return -EBADMSG;
	status = get_be32(tb[CTA_STATUS]);
	c->snat = status & IPS_SRC_NAT;
	c->dnat = status & IPS_DST_NAT;
	c->assured = status & IPS_ASSURED;
	c->timeout = get_be32(tb[CTA_TIMEOUT]);
	c->id = get_be32(tb[CTA_ID]);
	c->mark = get_be32(tb[CTA_MARK]);
	c->zone = get_be16(tb[CTA_ZONE]);
	nl_parse_nested(tb[CTA_PROTOINFO], pi, CTA_PROTOINFO_MAX);
	nl_parse_nested(pi[CTA_PROTOINFO_TCP], tcp, CTA_PROTOINFO_TCP_MAX);
	c->tcp_state = get_u8(tcp[CTA_PROTOINFO_TCP_STATE]);
	if (tb[CTA_COUNTERS_ORIG] || tb[CTA_COUNTERS_REPLY]) {
		c->has_counters = true;
		parse_counters(tb[CTA_COUNTERS_ORIG], &c->orig_packets,
			       &c->orig_bytes);
		parse_counters(tb[CTA_COUNTERS_REPLY], &c->reply_packets,
			       &c->reply_bytes);
	}
	return 0;
}

struct ct_dump {
	struct net_cts *out;
	bool nat_only;
	int error;
};

static int ct_cb(const struct nlmsghdr *nlh, void *data)
{
	struct ct_dump *d = data;
	struct net_ct c;
	struct net_ct *v;

	if (parse_ct(nlh, &c) < 0 || (d->nat_only && !c.snat && !c.dnat))
		return MNL_CB_OK; /* not one to list */
	v = nl_grow(d->out->v, d->out->n, sizeof(*v));
	if (!v) {
		d->error = ENOMEM;
		return MNL_CB_ERROR;
	}
	d->out->v = v;
	v[d->out->n++] = c;
	return MNL_CB_OK;
}

static void ct_reset(void *data)
{
	((struct ct_dump *)data)->out->n = 0;
}

static int family_ok(int family, struct net_err *err)
{
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return net_err_set(err, EAFNOSUPPORT, "IPv4 or IPv6 only");
	return 0;
}

static int dump_on(struct nfnl *s, int family, bool nat_only,
		   struct net_cts *out, struct net_err *err)
{
	struct ct_dump d = { out, nat_only, 0 };
	char buf[CT_REQ_SIZE];
	struct nlmsghdr *nlh = ct_req(buf, IPCTNL_MSG_CT_GET, 0, family);
	int ret;

	memset(out, 0, sizeof(*out));
	ret = nfnl_dump(s, nlh, ct_cb, &d, ct_reset, err);

	if (ret < 0 && d.error)
		ret = net_err_errno(err, d.error);
	if (ret < 0)
		net_cts_free(out);
	return ret;
}

int net_ct_dump(const char *vrf, int family, bool nat_only, struct net_cts *out,
		struct net_err *err)
{
	struct nfnl *s;
	int ret = family_ok(family, err);

	memset(out, 0, sizeof(*out));
	if (ret == 0)
		ret = nfnl_open(vrf, &s, err);
	if (ret < 0)
		return ret;
	ret = dump_on(s, family, nat_only, out, err);
	nfnl_close(s);
	return ret;
}

void net_cts_free(struct net_cts *cts)
{
	free(cts->v);
	cts->v = NULL;
	cts->n = 0;
}

/* Deletes one connection, found by its original tuple and id. */
static int ct_delete(struct nfnl *s, const struct net_ct *c,
		     struct net_err *err)
{
	bool v4 = c->family == AF_INET;
	size_t len = v4 ? 4 : 16;
	char buf[CT_REQ_SIZE];
	struct nlmsghdr *nlh = ct_req(buf, IPCTNL_MSG_CT_DELETE, 0, c->family);
	struct nlattr *tuple, *ip, *proto;

	tuple = mnl_attr_nest_start(nlh, CTA_TUPLE_ORIG);
	ip = mnl_attr_nest_start(nlh, CTA_TUPLE_IP);
	mnl_attr_put(nlh, v4 ? CTA_IP_V4_SRC : CTA_IP_V6_SRC, len,
		     &c->orig.src);
	mnl_attr_put(nlh, v4 ? CTA_IP_V4_DST : CTA_IP_V6_DST, len,
		     &c->orig.dst);
	mnl_attr_nest_end(nlh, ip);
	proto = mnl_attr_nest_start(nlh, CTA_TUPLE_PROTO);
	mnl_attr_put_u8(nlh, CTA_PROTO_NUM, c->proto);
	if (c->proto == IPPROTO_ICMP || c->proto == IPPROTO_ICMPV6) {
		mnl_attr_put_u16(nlh,
				 v4 ? CTA_PROTO_ICMP_ID : CTA_PROTO_ICMPV6_ID,
				 htons(c->orig.icmp_id));
		mnl_attr_put_u8(
			nlh, v4 ? CTA_PROTO_ICMP_TYPE : CTA_PROTO_ICMPV6_TYPE,
			c->orig.icmp_type);
		mnl_attr_put_u8(
			nlh, v4 ? CTA_PROTO_ICMP_CODE : CTA_PROTO_ICMPV6_CODE,
			c->orig.icmp_code);
	} else {
		mnl_attr_put_u16(nlh, CTA_PROTO_SRC_PORT, htons(c->orig.sport));
		mnl_attr_put_u16(nlh, CTA_PROTO_DST_PORT, htons(c->orig.dport));
	}
	mnl_attr_nest_end(nlh, proto);
	mnl_attr_nest_end(nlh, tuple);
	if (c->zone)
		mnl_attr_put_u16(nlh, CTA_ZONE, htons(c->zone));
	mnl_attr_put_u32(nlh, CTA_ID, htonl(c->id));
	return nfnl_talk(s, nlh, NULL, NULL, err);
}

int net_ct_flush(const char *vrf, bool nat_only, size_t *deleted,
		 struct net_err *err)
{
	struct net_cts cts;
	struct nfnl *s;
	size_t n = 0;
	int ret;

	if (deleted)
		*deleted = 0;
	ret = nfnl_open(vrf, &s, err);
	if (ret < 0)
		return ret;
	ret = dump_on(s, AF_UNSPEC, nat_only, &cts, err);
	for (size_t i = 0; ret == 0 && i < cts.n; i++) {
		struct net_err e;
		int r = ct_delete(s, &cts.v[i], &e);

		if (r == 0)
			n++;
		else if (r != -ENOENT) /* gone by itself meanwhile */
			ret = net_err_set(err, -r, "%s", e.msg);
	}
	net_cts_free(&cts);
	nfnl_close(s);
	if (deleted)
		*deleted = n;
	return ret;
}

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTA_STATS_GLOBAL_MAX + 1];
	struct net_ct_stats *st = data;

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(struct nfgenmsg))
		return MNL_CB_OK;
	nl_parse(nlh, sizeof(struct nfgenmsg), tb, CTA_STATS_GLOBAL_MAX);
	st->entries = get_be32(tb[CTA_STATS_GLOBAL_ENTRIES]);
	st->max = get_be32(tb[CTA_STATS_GLOBAL_MAX_ENTRIES]);
	return MNL_CB_OK;
}

int net_ct_stats(const char *vrf, struct net_ct_stats *out, struct net_err *err)
{
	char buf[CT_REQ_SIZE];
	struct net_cts cts;
	struct nlmsghdr *nlh;
	struct nfnl *s;
	int ret;

	memset(out, 0, sizeof(*out));
	ret = nfnl_open(vrf, &s, err);
	if (ret < 0)
		return ret;
	nlh = ct_req(buf, IPCTNL_MSG_CT_GET_STATS, 0, AF_UNSPEC);
	ret = nfnl_talk(s, nlh, stats_cb, out, err);
	if (ret == 0)
		ret = dump_on(s, AF_UNSPEC, true, &cts, err);
	for (size_t i = 0; ret == 0 && i < cts.n; i++) {
		out->nat++;
		out->snat += cts.v[i].snat;
		out->dnat += cts.v[i].dnat;
	}
	if (ret == 0)
		net_cts_free(&cts);
	nfnl_close(s);
	return ret;
}
