/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * acl.c - access list entries: what is accepted (the checks behind every
 * refusal), their comment in the kernel (written canonically and read back
 * strictly: the comment is where sequence numbers, remarks and the form
 * of each address live), and the rule each compiles to.
 *
 * An IPv4 address with a wildcard compiles to `ip saddr & MASK == A &
 * MASK` with MASK the inverted wildcard, so non-contiguous wildcards
 * match as IOS matches them.  permit returns to the hook chain (other
 * lists on the way still apply), deny drops; the end of a list drops
 * what no entry matched (IPv6 lists first let neighbour discovery
 * through, as IOS does).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>

#include "filter.h"
#include "nftab.h"
#include "nl.h"

#define ICMP6_ND_NS 135
#define ICMP6_ND_NA 136
#define TCP_ACK_RST 0x14

/* ---- checks ----------------------------------------------------------- */

int net_acl_name_check(const char *name, struct net_err *err)
{
	size_t len = name ? strlen(name) : 0;

	if (len == 0 || len > NET_ACL_NAME_MAX)
		return net_err_set(err, EINVAL,
				   "an access list name has 1 to "
				   "%d characters",
				   NET_ACL_NAME_MAX);
	for (size_t i = 0; i < len; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || strchr("-_.:+@/#", c)))
			return net_err_set(err, EINVAL,
					   "an access list name "
					   "has letters, digits and - _ . : "
					   "+ @ / # only");
	}
	return 0;
}

bool nft_ifname_ok(const char *ifname)
{
	size_t len = ifname ? strlen(ifname) : 0;

	if (len == 0 || len >= NET_IFNAMSIZ || !strcmp(ifname, ".") ||
	    !strcmp(ifname, ".."))
		return false;
	for (size_t i = 0; i < len; i++)
		if (ifname[i] <= 0x20 || ifname[i] >= 0x7f ||
		    ifname[i] == '/' || ifname[i] == ':')
			return false;
	return true;
}

static int check_addr(int family, const struct net_acl_addr *a,
		      const char *side, struct net_err *err)
{
	switch (a->kind) {
	case NET_ACL_ANY:
	case NET_ACL_HOST:
		return 0;
	case NET_ACL_WILDCARD:
		if (family == AF_INET)
			return 0;
		return net_err_set(err, EINVAL,
				   "%s: IPv6 takes a prefix, not "
				   "a wildcard",
				   side);
	case NET_ACL_PREFIX:
		if (family != AF_INET6)
			return net_err_set(err, EINVAL,
					   "%s: IPv4 takes a "
					   "wildcard, not a prefix",
					   side);
		if (a->plen > 128)
			return net_err_set(err, EINVAL,
					   "%s: prefix length "
					   "%u is more than 128",
					   side, a->plen);
		return 0;
	}
	return net_err_set(err, EINVAL, "%s: unknown address form", side);
}

static int check_port(const struct net_acl_port *p, const char *side,
		      struct net_err *err)
{
	switch (p->op) {
	case NET_ACL_PORT_ANY:
	case NET_ACL_PORT_EQ:
	case NET_ACL_PORT_NEQ:
		return 0;
	case NET_ACL_PORT_LT:
		if (p->lo == 0)
			return net_err_set(err, EINVAL,
					   "%s port: lt 0 matches "
					   "nothing",
					   side);
		return 0;
	case NET_ACL_PORT_GT:
		if (p->lo == 65535)
			return net_err_set(err, EINVAL,
					   "%s port: gt 65535 "
					   "matches nothing",
					   side);
		return 0;
	case NET_ACL_PORT_RANGE:
		if (p->lo > p->hi)
			return net_err_set(err, EINVAL,
					   "%s port: range %u %u "
					   "is empty",
					   side, p->lo, p->hi);
		return 0;
	}
	return net_err_set(err, EINVAL, "%s port: unknown operator", side);
}

static int check_remark(const struct net_acl_entry *e, struct net_err *err)
{
	size_t len = strnlen(e->remark, sizeof(e->remark));

	if (len == 0 || len > NET_ACL_REMARK_MAX)
		return net_err_set(err, EINVAL,
				   "a remark has 1 to %d "
				   "characters",
				   NET_ACL_REMARK_MAX);
	for (size_t i = 0; i < len; i++)
		if (e->remark[i] < 0x20 || e->remark[i] > 0x7e)
			return net_err_set(err, EINVAL,
					   "a remark is printable "
					   "ASCII text");
	return 0;
}

static int check_standard(const struct net_acl_entry *e, struct net_err *err)
{
	if (e->has_proto || e->dst.kind != NET_ACL_ANY || e->sport.op ||
	    e->dport.op || e->has_icmp_type || e->has_icmp_code ||
	    e->established)
		return net_err_set(err, EINVAL,
				   "a standard list matches the "
				   "source address only");
	return 0;
}

static bool has_ports(uint8_t proto)
{
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP;
}

static int check_l4(int family, const struct net_acl_entry *e,
		    struct net_err *err)
{
	uint8_t icmp = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;

	if ((e->sport.op || e->dport.op) &&
	    !(e->has_proto && has_ports(e->proto)))
		return net_err_set(err, EINVAL,
				   "ports apply to tcp and udp "
				   "only");
	if (e->established && !(e->has_proto && e->proto == IPPROTO_TCP))
		return net_err_set(err, EINVAL,
				   "established applies to tcp "
				   "only");
	if ((e->has_icmp_type || e->has_icmp_code) &&
	    !(e->has_proto && e->proto == icmp))
		return net_err_set(err, EINVAL,
				   "an ICMP type applies to icmp "
				   "only");
	if (e->has_icmp_code && !e->has_icmp_type)
		return net_err_set(err, EINVAL, "an ICMP code needs a type");
	if (check_port(&e->sport, "source", err) < 0)
		return -EINVAL;
	return check_port(&e->dport, "destination", err);
}

int net_acl_entry_check(int family, enum net_acl_type type,
			const struct net_acl_entry *e, struct net_err *err)
{
	if (family != AF_INET && family != AF_INET6)
		return net_err_set(err, EAFNOSUPPORT,
				   "a list is IPv4 or "
				   "IPv6");
	if (type != NET_ACL_STANDARD && type != NET_ACL_EXTENDED)
		return net_err_set(err, EINVAL,
				   "a list is standard or "
				   "extended");
	if (family == AF_INET6 && type != NET_ACL_EXTENDED)
		return net_err_set(err, EINVAL, "IPv6 lists are extended");
	if (e->seq < 1 || e->seq > NET_ACL_SEQ_MAX)
		return net_err_set(err, ERANGE,
				   "sequence number %u is not in "
				   "1-%u",
				   e->seq, NET_ACL_SEQ_MAX);
	if (e->action == NET_ACL_REMARK)
		return check_remark(e, err);
	if (e->action != NET_ACL_PERMIT && e->action != NET_ACL_DENY)
		return net_err_set(err, EINVAL, "an entry permits or denies");
	if (type == NET_ACL_STANDARD && check_standard(e, err) < 0)
		return -EINVAL;
	if (check_addr(family, &e->src, "source", err) < 0 ||
	    check_addr(family, &e->dst, "destination", err) < 0)
		return -EINVAL;
	return check_l4(family, e, err);
}

static int seq_cmp(const void *a, const void *b)
{
	const struct net_acl_entry *x = a, *y = b;

	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void acl_sort(struct net_acl *acl)
{
	if (acl->n > 1)
		qsort(acl->v, acl->n, sizeof(*acl->v), seq_cmp);
}

int net_acl_check(const struct net_acl *acl, struct net_err *err)
{
	char buf[ACL_COMMENT_MAX + 1];
	struct net_acl_entry *v;
	int ret = net_acl_name_check(acl->name, err);

	for (size_t i = 0; ret == 0 && i < acl->n; i++) {
		ret = net_acl_entry_check(acl->family, acl->type, &acl->v[i],
					  err);
		if (ret == 0 &&
		    acl_encode(acl->family, &acl->v[i], buf, sizeof(buf)) < 0)
			ret = net_err_set(err, E2BIG,
					  "entry %u is too long to "
					  "keep",
					  acl->v[i].seq);
	}
	if (ret < 0 || acl->n < 2)
		return ret;
	v = malloc(acl->n * sizeof(*v));
	if (!v)
		return net_err_errno(err, ENOMEM);
	memcpy(v, acl->v, acl->n * sizeof(*v));
	qsort(v, acl->n, sizeof(*v), seq_cmp);
	for (size_t i = 1; ret == 0 && i < acl->n; i++)
		if (v[i].seq == v[i - 1].seq)
			ret = net_err_set(err, EEXIST,
					  "sequence number %u is "
					  "used twice",
					  v[i].seq);
	free(v);
	return ret;
}

/* ---- the comment ---------------------------------------------------- */

/* Appends printf-style text; false when out of room. */
static bool put(char *buf, size_t size, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static bool put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len >= size)
		return false;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size - *len)
		return false;
	*len += (size_t)n;
	return true;
}

static bool put_addr(char *buf, size_t size, size_t *len, int family,
		     const char *key, const struct net_acl_addr *a)
{
	char ip[INET6_ADDRSTRLEN], wild[INET_ADDRSTRLEN];

	if (a->kind == NET_ACL_ANY)
		return true;
	inet_ntop(family, &a->addr, ip, sizeof(ip));
	switch (a->kind) {
	case NET_ACL_HOST:
		return put(buf, size, len, " %s=h%s", key, ip);
	case NET_ACL_WILDCARD:
		inet_ntop(AF_INET, &a->wildcard, wild, sizeof(wild));
		return put(buf, size, len, " %s=w%s,%s", key, ip, wild);
	default:
		return put(buf, size, len, " %s=p%s/%u", key, ip, a->plen);
	}
}

static const char *const port_ops[] = {
	[NET_ACL_PORT_EQ] = "eq",    [NET_ACL_PORT_NEQ] = "ne",
	[NET_ACL_PORT_LT] = "lt",    [NET_ACL_PORT_GT] = "gt",
	[NET_ACL_PORT_RANGE] = "ra",
};

static bool put_port(char *buf, size_t size, size_t *len, const char *key,
		     const struct net_acl_port *p)
{
	if (p->op == NET_ACL_PORT_ANY)
		return true;
	if (p->op == NET_ACL_PORT_RANGE)
		return put(buf, size, len, " %s=ra%u-%u", key, p->lo, p->hi);
	return put(buf, size, len, " %s=%s%u", key, port_ops[p->op], p->lo);
}

static bool put_entry(char *buf, size_t size, size_t *len, int family,
		      const struct net_acl_entry *e)
{
	return put(buf, size, len, "%u %s", e->seq,
		   e->action == NET_ACL_PERMIT ? "permit" : "deny") &&
	       (!e->has_proto || put(buf, size, len, " p=%u", e->proto)) &&
	       put_addr(buf, size, len, family, "s", &e->src) &&
	       put_addr(buf, size, len, family, "d", &e->dst) &&
	       put_port(buf, size, len, "sp", &e->sport) &&
	       put_port(buf, size, len, "dp", &e->dport) &&
	       (!e->has_icmp_type ||
		put(buf, size, len, " it=%u", e->icmp_type)) &&
	       (!e->has_icmp_code ||
		put(buf, size, len, " ic=%u", e->icmp_code)) &&
	       (!e->established || put(buf, size, len, " est")) &&
	       (!e->log || put(buf, size, len, " log")) &&
	       (!e->form || put(buf, size, len, " f=%u", e->form));
}

int acl_encode(int family, const struct net_acl_entry *e, char *buf,
	       size_t size)
{
	size_t len = 0;
	bool ok;

	if (size > ACL_COMMENT_MAX + 1)
		size = ACL_COMMENT_MAX + 1;
	if (e->action == NET_ACL_REMARK)
		ok = put(buf, size, &len, "%u remark %.*s", e->seq,
			 NET_ACL_REMARK_MAX, e->remark);
	else
		ok = put_entry(buf, size, &len, family, e);
	return ok ? 0 : -E2BIG;
}

/* A decimal number without sign or leading zeros, at most max. */
static bool get_num(const char *s, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;

	if (!*s || (s[0] == '0' && s[1]))
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > max)
			return false;
	}
	*out = (uint32_t)v;
	return true;
}

static bool get_u8(const char *s, uint8_t *out)
{
	uint32_t v;

	if (!get_num(s, 255, &v))
		return false;
	*out = (uint8_t)v;
	return true;
}

static bool get_addr(int family, const char *s, struct net_acl_addr *a)
{
	char tmp[INET6_ADDRSTRLEN + 20], *sep;
	uint32_t plen;

	if (strlen(s) >= sizeof(tmp) || !s[0])
		return false;
	strcpy(tmp, s + 1);
	switch (s[0]) {
	case 'h':
		a->kind = NET_ACL_HOST;
		return inet_pton(family, tmp, &a->addr) == 1;
	case 'w':
		sep = strchr(tmp, ',');
		if (family != AF_INET || !sep)
			return false;
		*sep = '\0';
		a->kind = NET_ACL_WILDCARD;
		return inet_pton(AF_INET, tmp, &a->addr) == 1 &&
		       inet_pton(AF_INET, sep + 1, &a->wildcard) == 1;
	case 'p':
		sep = strchr(tmp, '/');
		if (family != AF_INET6 || !sep)
			return false;
		*sep = '\0';
		a->kind = NET_ACL_PREFIX;
		if (!get_num(sep + 1, 128, &plen))
			return false;
		a->plen = (unsigned char)plen;
		return inet_pton(AF_INET6, tmp, &a->addr) == 1;
	}
	return false;
}

static bool get_port(const char *s, struct net_acl_port *p)
{
	char tmp[16], *dash;
	uint32_t lo, hi;
	int op;

	for (op = NET_ACL_PORT_EQ; op <= NET_ACL_PORT_RANGE; op++)
		if (!strncmp(s, port_ops[op], 2))
			break;
	if (op > NET_ACL_PORT_RANGE || strlen(s) >= sizeof(tmp))
		return false;
	strcpy(tmp, s + 2);
	p->op = (enum net_acl_port_op)op;
	dash = strchr(tmp, '-');
	if (op != NET_ACL_PORT_RANGE)
		return !dash && get_num(tmp, 65535, &lo) &&
		       (p->lo = (uint16_t)lo, true);
	if (!dash)
		return false;
	*dash = '\0';
	if (!get_num(tmp, 65535, &lo) || !get_num(dash + 1, 65535, &hi))
		return false;
	p->lo = (uint16_t)lo;
	p->hi = (uint16_t)hi;
	return true;
}

/* One key=value or flag token of an entry. */
static bool get_token(int family, const char *t, struct net_acl_entry *e)
{
	uint32_t v;

	if (!strncmp(t, "p=", 2))
		return (e->has_proto = true) && get_u8(t + 2, &e->proto);
	if (!strncmp(t, "s=", 2))
		return get_addr(family, t + 2, &e->src);
	if (!strncmp(t, "d=", 2))
		return get_addr(family, t + 2, &e->dst);
	if (!strncmp(t, "sp=", 3))
		return get_port(t + 3, &e->sport);
	if (!strncmp(t, "dp=", 3))
		return get_port(t + 3, &e->dport);
	if (!strncmp(t, "it=", 3))
		return (e->has_icmp_type = true) &&
		       get_u8(t + 3, &e->icmp_type);
	if (!strncmp(t, "ic=", 3))
		return (e->has_icmp_code = true) &&
		       get_u8(t + 3, &e->icmp_code);
	if (!strncmp(t, "f=", 2) && get_num(t + 2, 65535, &v))
		return (e->form = (uint16_t)v) != 0;
	if (!strcmp(t, "est"))
		return (e->established = true);
	if (!strcmp(t, "log"))
		return (e->log = true);
	return false;
}

static int decode_entry(int family, char *text, struct net_acl_entry *e)
{
	char *save = NULL, *t;

	t = strtok_r(text, " ", &save);
	if (!t || !get_num(t, NET_ACL_SEQ_MAX, &e->seq))
		return -EINVAL;
	t = strtok_r(NULL, " ", &save);
	if (t && !strcmp(t, "remark")) {
		e->action = NET_ACL_REMARK;
		t = strtok_r(NULL, "", &save);
		if (!t || strlen(t) > NET_ACL_REMARK_MAX)
			return -EINVAL;
		strcpy(e->remark, t);
		return 0;
	}
	if (t && !strcmp(t, "permit"))
		e->action = NET_ACL_PERMIT;
	else if (t && !strcmp(t, "deny"))
		e->action = NET_ACL_DENY;
	else
		return -EINVAL;
	while ((t = strtok_r(NULL, " ", &save)))
		if (!get_token(family, t, e))
			return -EINVAL;
	return 0;
}

int acl_decode(int family, const char *comment, struct net_acl_entry *e)
{
	char text[ACL_COMMENT_MAX + 1], again[ACL_COMMENT_MAX + 1];

	memset(e, 0, sizeof(*e));
	if (strlen(comment) > ACL_COMMENT_MAX)
		return -EINVAL;
	strcpy(text, comment);
	if (decode_entry(family, text, e) < 0 ||
	    net_acl_entry_check(family, NET_ACL_EXTENDED, e, NULL) < 0 ||
	    acl_encode(family, e, again, sizeof(again)) < 0 ||
	    strcmp(again, comment))
		return -EINVAL; /* not as vrfsh writes it */
	return 0;
}

/* ---- the rules ---------------------------------------------------------- */

static void compile_addr(struct nftnl_rule *r, int family, bool dst,
			 const struct net_acl_addr *a)
{
	uint32_t off = family == AF_INET ? (dst ? 16 : 12) : (dst ? 24 : 8);
	uint32_t len = family == AF_INET ? 4 : 16;
	unsigned char mask[16] = { 0 }, value[16];
	unsigned bits = 0;

	if (a->kind == NET_ACL_ANY)
		return;
	memcpy(value, &a->addr, len);
	if (a->kind == NET_ACL_WILDCARD) {
		for (uint32_t i = 0; i < 4; i++) {
			mask[i] = (unsigned char)~(
				(unsigned char *)&a->wildcard)[i];
			bits += (unsigned)__builtin_popcount(mask[i]);
		}
	} else if (a->kind == NET_ACL_PREFIX) {
		bits = a->plen;
		for (unsigned i = 0; i < bits; i++)
			mask[i / 8] |= (unsigned char)(0x80 >> (i % 8));
	} else {
		bits = len * 8;
	}
	if (bits == 0)
		return; /* matches any address */
	nft_x_payload(r, NFT_PAYLOAD_NETWORK_HEADER, off, len);
	if (a->kind != NET_ACL_HOST && bits < len * 8) {
		for (uint32_t i = 0; i < len; i++)
			value[i] &= mask[i];
		nft_x_bitwise(r, mask, len);
	}
	nft_x_cmp(r, NFT_CMP_EQ, value, len);
}

static void compile_port(struct nftnl_rule *r, uint32_t off,
			 const struct net_acl_port *p)
{
	static const uint32_t ops[] = {
		[NET_ACL_PORT_EQ] = NFT_CMP_EQ,
		[NET_ACL_PORT_NEQ] = NFT_CMP_NEQ,
		[NET_ACL_PORT_LT] = NFT_CMP_LT,
		[NET_ACL_PORT_GT] = NFT_CMP_GT,
	};
	uint16_t lo = htons(p->lo), hi = htons(p->hi);

	if (p->op == NET_ACL_PORT_ANY)
		return;
	nft_x_payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, off, 2);
	if (p->op == NET_ACL_PORT_RANGE)
		nft_x_range(r, &lo, &hi, 2);
	else
		nft_x_cmp(r, ops[p->op], &lo, 2);
}

static void compile_l4(struct nftnl_rule *r, const struct net_acl_entry *e)
{
	static const unsigned char ack_rst = TCP_ACK_RST, zero;

	compile_port(r, 0, &e->sport);
	compile_port(r, 2, &e->dport);
	if (e->has_icmp_type) {
		nft_x_payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 0, 1);
		nft_x_cmp(r, NFT_CMP_EQ, &e->icmp_type, 1);
	}
	if (e->has_icmp_code) {
		nft_x_payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 1, 1);
		nft_x_cmp(r, NFT_CMP_EQ, &e->icmp_code, 1);
	}
	if (e->established) {
		nft_x_payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 13, 1);
		nft_x_bitwise(r, &ack_rst, 1);
		nft_x_cmp(r, NFT_CMP_NEQ, &zero, 1);
	}
}

int acl_compile(int family, enum acl_use use, const char *name,
		const struct net_acl_entry *e, struct nftnl_rule *r)
{
	char prefix[NET_ACL_NAME_MAX + 40];
	bool permit = e->action == NET_ACL_PERMIT;
	uint8_t nfproto = family == AF_INET ? NFPROTO_IPV4 : NFPROTO_IPV6;

	if (e->action == NET_ACL_REMARK) {
		/* does nothing; nft lists no rule without a statement */
		if (use == ACL_FILTER)
			nft_x_verdict(r, NFT_CONTINUE, NULL);
		return use == ACL_FILTER ? 0 : -EINVAL;
	}
	/* The chain is entered for its family only; the check makes each
	 * rule stand alone, and nft shows addresses as such. */
	if (e->src.kind != NET_ACL_ANY || e->dst.kind != NET_ACL_ANY)
		nft_x_meta_eq(r, NFT_META_NFPROTO, &nfproto, 1);
	if (e->has_proto)
		nft_x_meta_eq(r, NFT_META_L4PROTO, &e->proto, 1);
	compile_addr(r, family, false, &e->src);
	compile_addr(r, family, true, &e->dst);
	compile_l4(r, e);
	nft_x_counter(r);
	if (use == ACL_NAT) {
		if (permit)
			nft_x_masq(r);
		else
			nft_x_verdict(r, NFT_RETURN, NULL);
		return 0;
	}
	if (e->log) {
		snprintf(prefix, sizeof(prefix), "list %s %u %s: ", name,
			 e->seq, permit ? "permitted" : "denied");
		nft_x_log(r, prefix);
	}
	nft_x_verdict(r, permit ? NFT_RETURN : NF_DROP, NULL);
	return 0;
}

/* ---- the end of a list ------------------------------------------------- */

size_t acl_end_count(int family)
{
	return family == AF_INET6 ? 3 : 1;
}

const char *acl_end_comment(int family, enum net_acl_type type, size_t i)
{
	if (family == AF_INET6 && i == 0)
		return "end nd-ns";
	if (family == AF_INET6 && i == 1)
		return "end nd-na";
	return type == NET_ACL_STANDARD ? "end standard" : "end extended";
}

bool acl_end_decode(int family, const char *comment, enum net_acl_type *type,
		    uint64_t *rank)
{
	enum net_acl_type t = NET_ACL_EXTENDED;
	uint64_t k = 3;

	if (!strcmp(comment, "end standard") && family == AF_INET)
		t = NET_ACL_STANDARD;
	else if (family == AF_INET6 && !strcmp(comment, "end nd-ns"))
		k = 1;
	else if (family == AF_INET6 && !strcmp(comment, "end nd-na"))
		k = 2;
	else if (strcmp(comment, "end extended"))
		return false;
	if (type && k == 3)
		*type = t;
	if (rank)
		*rank = ACL_RANK_END + k;
	return true;
}

int acl_end_compile(const char *comment, struct nftnl_rule *r)
{
	static const uint8_t icmp6 = IPPROTO_ICMPV6;
	uint8_t type;

	if (!strcmp(comment, "end nd-ns") || !strcmp(comment, "end nd-na")) {
		type = strcmp(comment, "end nd-ns") ? ICMP6_ND_NA : ICMP6_ND_NS;
		nft_x_meta_eq(r, NFT_META_L4PROTO, &icmp6, 1);
		nft_x_payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 0, 1);
		nft_x_cmp(r, NFT_CMP_EQ, &type, 1);
		nft_x_counter(r);
		nft_x_verdict(r, NFT_RETURN, NULL);
		return 0;
	}
	nft_x_counter(r);
	nft_x_verdict(r, NF_DROP, NULL);
	return 0;
}

/* ---- lists ------------------------------------------------------------ */

bool acl_same(const struct net_acl *a, const struct net_acl *b)
{
	char x[ACL_COMMENT_MAX + 1], y[ACL_COMMENT_MAX + 1];

	if (a->family != b->family || a->type != b->type || a->n != b->n ||
	    strcmp(a->name, b->name))
		return false;
	for (size_t i = 0; i < a->n; i++) {
		if (acl_encode(a->family, &a->v[i], x, sizeof(x)) < 0 ||
		    acl_encode(b->family, &b->v[i], y, sizeof(y)) < 0 ||
		    strcmp(x, y))
			return false;
	}
	return true;
}

void *nft_alloc(size_t n, size_t size)
{
	size_t cap = 1;

	while (cap - 1 < n)
		cap *= 2;
	return calloc(cap - 1 ? cap - 1 : 1, size);
}

int acl_copy(struct net_acl *dst, const struct net_acl *src)
{
	*dst = *src;
	dst->v = NULL;
	if (!src->n)
		return 0;
	dst->v = nft_alloc(src->n, sizeof(*dst->v));
	if (!dst->v) {
		dst->n = 0;
		return -ENOMEM;
	}
	memcpy(dst->v, src->v, src->n * sizeof(*dst->v));
	return 0;
}

void net_acl_free(struct net_acl *acl)
{
	free(acl->v);
	acl->v = NULL;
	acl->n = 0;
}

void net_acls_free(struct net_acls *acls)
{
	for (size_t i = 0; i < acls->n; i++)
		net_acl_free(&acls->v[i]);
	free(acls->v);
	acls->v = NULL;
	acls->n = 0;
}
