/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * filter.c - what the access list and NAT areas share: the IOS names of
 * ports, protocols and ICMP types, the text of an entry (as typed, and
 * as show writes it), and the running configuration's view of each
 * VRF's bindings and NAT.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/filter.h"
#include "cmd/util.h"
#include "render/text.h"

/* ---- names ------------------------------------------------------------- */

static const struct acl_name tcp_ports[] = {
	{ "bgp", 179, -1 },	 { "chargen", 19, -1 },
	{ "cmd", 514, -1 },	 { "daytime", 13, -1 },
	{ "discard", 9, -1 },	 { "domain", 53, -1 },
	{ "echo", 7, -1 },	 { "exec", 512, -1 },
	{ "finger", 79, -1 },	 { "ftp", 21, -1 },
	{ "ftp-data", 20, -1 },	 { "gopher", 70, -1 },
	{ "hostname", 101, -1 }, { "ident", 113, -1 },
	{ "irc", 194, -1 },	 { "klogin", 543, -1 },
	{ "kshell", 544, -1 },	 { "login", 513, -1 },
	{ "lpd", 515, -1 },	 { "msrpc", 135, -1 },
	{ "nntp", 119, -1 },	 { "pim-auto-rp", 496, -1 },
	{ "pop2", 109, -1 },	 { "pop3", 110, -1 },
	{ "smtp", 25, -1 },	 { "sunrpc", 111, -1 },
	{ "tacacs", 49, -1 },	 { "talk", 517, -1 },
	{ "telnet", 23, -1 },	 { "time", 37, -1 },
	{ "uucp", 540, -1 },	 { "whois", 43, -1 },
	{ "www", 80, -1 },	 { NULL, 0, 0 },
};

static const struct acl_name udp_ports[] = {
	{ "biff", 512, -1 },
	{ "bootpc", 68, -1 },
	{ "bootps", 67, -1 },
	{ "discard", 9, -1 },
	{ "dnsix", 195, -1 },
	{ "domain", 53, -1 },
	{ "echo", 7, -1 },
	{ "isakmp", 500, -1 },
	{ "mobile-ip", 434, -1 },
	{ "nameserver", 42, -1 },
	{ "netbios-dgm", 138, -1 },
	{ "netbios-ns", 137, -1 },
	{ "netbios-ss", 139, -1 },
	{ "non500-isakmp", 4500, -1 },
	{ "ntp", 123, -1 },
	{ "pim-auto-rp", 496, -1 },
	{ "rip", 520, -1 },
	{ "ripv6", 521, -1 },
	{ "snmp", 161, -1 },
	{ "snmptrap", 162, -1 },
	{ "sunrpc", 111, -1 },
	{ "syslog", 514, -1 },
	{ "tacacs", 49, -1 },
	{ "talk", 517, -1 },
	{ "tftp", 69, -1 },
	{ "time", 37, -1 },
	{ "who", 513, -1 },
	{ "xdmcp", 177, -1 },
	{ NULL, 0, 0 },
};

static const struct acl_name protos4[] = {
	{ "ahp", 51, -1 },   { "eigrp", 88, -1 }, { "esp", 50, -1 },
	{ "gre", 47, -1 },   { "icmp", 1, -1 },	  { "igmp", 2, -1 },
	{ "ipinip", 4, -1 }, { "nos", 94, -1 },	  { "ospf", 89, -1 },
	{ "pcp", 108, -1 },  { "pim", 103, -1 },  { "sctp", 132, -1 },
	{ "tcp", 6, -1 },    { "udp", 17, -1 },	  { NULL, 0, 0 },
};

static const struct acl_name protos6[] = {
	{ "ahp", 51, -1 },  { "esp", 50, -1 },	{ "hbh", 0, -1 },
	{ "icmp", 58, -1 }, { "pcp", 108, -1 }, { "sctp", 132, -1 },
	{ "tcp", 6, -1 },   { "udp", 17, -1 },	{ NULL, 0, 0 },
};

static const struct acl_name icmp4[] = {
	{ "administratively-prohibited", 3, 13 },
	{ "alternate-address", 6, -1 },
	{ "conversion-error", 31, -1 },
	{ "dod-host-prohibited", 3, 10 },
	{ "dod-net-prohibited", 3, 9 },
	{ "echo", 8, -1 },
	{ "echo-reply", 0, -1 },
	{ "general-parameter-problem", 12, 0 },
	{ "host-isolated", 3, 8 },
	{ "host-precedence-unreachable", 3, 14 },
	{ "host-redirect", 5, 1 },
	{ "host-tos-redirect", 5, 3 },
	{ "host-tos-unreachable", 3, 12 },
	{ "host-unknown", 3, 7 },
	{ "host-unreachable", 3, 1 },
	{ "information-reply", 16, -1 },
	{ "information-request", 15, -1 },
	{ "mask-reply", 18, -1 },
	{ "mask-request", 17, -1 },
	{ "mobile-redirect", 32, -1 },
	{ "net-redirect", 5, 0 },
	{ "net-tos-redirect", 5, 2 },
	{ "net-tos-unreachable", 3, 11 },
	{ "net-unreachable", 3, 0 },
	{ "network-unknown", 3, 6 },
	{ "no-room-for-option", 12, 2 },
	{ "option-missing", 12, 1 },
	{ "packet-too-big", 3, 4 },
	{ "parameter-problem", 12, -1 },
	{ "port-unreachable", 3, 3 },
	{ "precedence-unreachable", 3, 15 },
	{ "protocol-unreachable", 3, 2 },
	{ "reassembly-timeout", 11, 1 },
	{ "redirect", 5, -1 },
	{ "router-advertisement", 9, -1 },
	{ "router-solicitation", 10, -1 },
	{ "source-quench", 4, -1 },
	{ "source-route-failed", 3, 5 },
	{ "time-exceeded", 11, -1 },
	{ "timestamp-reply", 14, -1 },
	{ "timestamp-request", 13, -1 },
	{ "traceroute", 30, -1 },
	{ "ttl-exceeded", 11, 0 },
	{ "unreachable", 3, -1 },
	{ NULL, 0, 0 },
};

static const struct acl_name icmp6[] = {
	{ "beyond-scope", 1, 2 },
	{ "echo-reply", 129, -1 },
	{ "echo-request", 128, -1 },
	{ "header", 4, 0 },
	{ "hop-limit", 3, 0 },
	{ "mld-query", 130, -1 },
	{ "mld-reduction", 132, -1 },
	{ "mld-report", 131, -1 },
	{ "nd-na", 136, -1 },
	{ "nd-ns", 135, -1 },
	{ "next-header", 4, 1 },
	{ "no-admin", 1, 1 },
	{ "no-route", 1, 0 },
	{ "packet-too-big", 2, -1 },
	{ "parameter-option", 4, 2 },
	{ "parameter-problem", 4, -1 },
	{ "port-unreachable", 1, 4 },
	{ "reassembly-timeout", 3, 1 },
	{ "redirect", 137, -1 },
	{ "router-advertisement", 134, -1 },
	{ "router-solicitation", 133, -1 },
	{ "time-exceeded", 3, -1 },
	{ "unreachable", 1, -1 },
	{ NULL, 0, 0 },
};

const struct acl_name *acl_port_names(uint8_t proto)
{
	return proto == IPPROTO_UDP ? udp_ports : tcp_ports;
}

const struct acl_name *acl_proto_names(int family)
{
	return family == AF_INET6 ? protos6 : protos4;
}

const struct acl_name *acl_icmp_names(int family)
{
	return family == AF_INET6 ? icmp6 : icmp4;
}

const char *acl_name_of(const struct acl_name *names, int value, int code)
{
	for (; names->name; names++)
		if (names->value == value && names->code == code)
			return names->name;
	return NULL;
}

const char *acl_kind(int family, enum net_acl_type type)
{
	if (family == AF_INET6)
		return "IPv6 access list";
	return type == NET_ACL_STANDARD ? "Standard IP access list" :
					  "Extended IP access list";
}

const char *acl_opener(int family, enum net_acl_type type)
{
	if (family == AF_INET6)
		return "ipv6 access-list";
	return type == NET_ACL_STANDARD ? "ip access-list standard" :
					  "ip access-list extended";
}

/* ---- the text of an entry ---------------------------------------------- */

struct buf {
	char *p;
	size_t size, len;
};

static void put(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (b->len >= b->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(b->p + b->len, b->size - b->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		b->len += (size_t)n;
}

static void addr_text(struct buf *b, int family, const struct net_acl_addr *x,
		      bool bare)
{
	char a[TEXT_IP_MAX], w[TEXT_IP_MAX];

	switch (x->kind) {
	case NET_ACL_ANY:
		put(b, " any");
		break;
	case NET_ACL_HOST:
		text_ip(family, &x->addr, a, sizeof(a));
		put(b, bare ? " %s" : " host %s", a);
		break;
	case NET_ACL_WILDCARD:
		text_ip(AF_INET, &x->addr, a, sizeof(a));
		text_ip(AF_INET, &x->wildcard, w, sizeof(w));
		put(b, " %s %s", a, w);
		break;
	case NET_ACL_PREFIX:
		text_ip(AF_INET6, &x->addr, a, sizeof(a));
		put(b, " %s/%u", a, x->plen);
		break;
	}
}

static void port_num(struct buf *b, uint8_t proto, uint16_t port, bool name)
{
	const char *n = name ? acl_name_of(acl_port_names(proto), port, -1) :
			       NULL;

	if (n)
		put(b, " %s", n);
	else
		put(b, " %u", port);
}

static void port_text(struct buf *b, uint8_t proto,
		      const struct net_acl_port *p, bool lo_name, bool hi_name)
{
	static const char *const ops[] = {
		[NET_ACL_PORT_EQ] = "eq",	[NET_ACL_PORT_NEQ] = "neq",
		[NET_ACL_PORT_LT] = "lt",	[NET_ACL_PORT_GT] = "gt",
		[NET_ACL_PORT_RANGE] = "range",
	};

	if (p->op == NET_ACL_PORT_ANY || p->op > NET_ACL_PORT_RANGE)
		return;
	put(b, " %s", ops[p->op]);
	port_num(b, proto, p->lo, lo_name);
	if (p->op == NET_ACL_PORT_RANGE)
		port_num(b, proto, p->hi, hi_name);
}

static void proto_text(struct buf *b, int family, const struct net_acl_entry *e)
{
	const char *n;

	if (!e->has_proto) {
		put(b, " %s", family == AF_INET6 ? "ipv6" : "ip");
		return;
	}
	n = (e->form & ACL_F_PROTO_NUM) ?
		    NULL :
		    acl_name_of(acl_proto_names(family), e->proto, -1);
	if (n)
		put(b, " %s", n);
	else
		put(b, " %u", e->proto);
}

static void icmp_text(struct buf *b, int family, const struct net_acl_entry *e)
{
	const char *n = NULL;

	if (!e->has_icmp_type)
		return;
	if (e->form & ACL_F_ICMP_NAME)
		n = acl_name_of(acl_icmp_names(family), e->icmp_type,
				e->has_icmp_code ? e->icmp_code : -1);
	if (n)
		put(b, " %s", n);
	else if (e->has_icmp_code)
		put(b, " %u %u", e->icmp_type, e->icmp_code);
	else
		put(b, " %u", e->icmp_type);
}

/* A standard entry as show writes it: "10.0.0.0, wildcard bits
 * 0.0.0.255", "10.1.1.1", "any". */
static void std_show(struct buf *b, const struct net_acl_entry *e)
{
	char a[TEXT_IP_MAX], w[TEXT_IP_MAX];

	put(b, "%-6s", e->action == NET_ACL_PERMIT ? "permit" : "deny");
	switch (e->src.kind) {
	case NET_ACL_HOST:
		text_ip(AF_INET, &e->src.addr, a, sizeof(a));
		put(b, " %s", a);
		break;
	case NET_ACL_WILDCARD:
		text_ip(AF_INET, &e->src.addr, a, sizeof(a));
		text_ip(AF_INET, &e->src.wildcard, w, sizeof(w));
		put(b, " %s, wildcard bits %s", a, w);
		break;
	default:
		put(b, " any");
		break;
	}
}

void acl_entry_text(int family, enum net_acl_type type,
		    const struct net_acl_entry *e, bool show, char *buf,
		    size_t size)
{
	struct buf b = { buf, size, 0 };
	uint16_t f = e->form;

	buf[0] = '\0';
	if (e->action == NET_ACL_REMARK) {
		put(&b, "remark %s", e->remark);
		return;
	}
	if (type == NET_ACL_STANDARD) {
		if (show) {
			std_show(&b, e);
		} else {
			put(&b, "%s",
			    e->action == NET_ACL_PERMIT ? "permit" : "deny");
			addr_text(&b, family, &e->src, f & ACL_F_SRC_BARE);
		}
		if (e->log)
			put(&b, " log");
		return;
	}
	put(&b, "%s", e->action == NET_ACL_PERMIT ? "permit" : "deny");
	proto_text(&b, family, e);
	addr_text(&b, family, &e->src, false);
	port_text(&b, e->proto, &e->sport, f & ACL_F_SPORT_NAME,
		  f & ACL_F_SPORT_HI_NAME);
	addr_text(&b, family, &e->dst, false);
	port_text(&b, e->proto, &e->dport, f & ACL_F_DPORT_NAME,
		  f & ACL_F_DPORT_HI_NAME);
	icmp_text(&b, family, e);
	if (e->established)
		put(&b, " established");
	if (e->log)
		put(&b, " log");
}

void filter_warn(struct cli_session *s, const struct net_err *err,
		 const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	cli_warn(s, "Cannot %s: %s", what, err->msg);
}

/* ---- the running configuration's view ---------------------------------- */

static struct {
	struct cli_config *c;
	struct fvrf *v;
	size_t n;
} fv;

bool filter_absent(int code)
{
	return code == EOPNOTSUPP || code == EPROTONOSUPPORT ||
	       code == EAFNOSUPPORT;
}

void fview_end(struct cli_config *c)
{
	(void)c;
	for (size_t i = 0; i < fv.n; i++)
		net_nft_view_free(&fv.v[i].view);
	free(fv.v);
	memset(&fv, 0, sizeof(fv));
}

void fview_start(struct cli_config *c)
{
	fview_end(c);
	fv.c = c;
	fv.n = c->n;
	fv.v = calloc(c->n ? c->n : 1, sizeof(*fv.v));
	if (!fv.v)
		abort();
}

/* Another VRF's copies are compared with the default VRF's lists, read
 * once (c->v[0] is default). */
static void fvrf_read(struct cli_config *c, const struct cfg_vrf *v,
		      struct fvrf *f)
{
	const struct net_acls *master = v == &c->v[0] ? NULL : fview_lists(c);
	struct net_err err = { 0 };

	f->read = true;
	if (net_nft_view(v->name, master, &f->view, &err) == 0) {
		f->ok = true;
		return;
	}
	if (filter_absent(err.code)) {
		f->ok = true; /* no nftables: nothing configured */
		return;
	}
	if (err.code == ENOENT)
		return; /* the VRF vanished */
	c->failed++;
	cmd_fail(c->s, &err,
		 "read the access lists and NAT of VRF %s (they "
		 "are left out)",
		 vrf_label(v->name));
}

const struct fvrf *fview_vrf(struct cli_config *c, const struct cfg_vrf *v)
{
	size_t i = (size_t)(v - c->v);

	if (fv.c != c || !fv.v)
		fview_start(c);
	if (i >= fv.n)
		return NULL;
	if (!fv.v[i].read)
		fvrf_read(c, v, &fv.v[i]);
	return fv.v[i].ok ? &fv.v[i] : NULL;
}

const struct net_acls *fview_lists(struct cli_config *c)
{
	const struct cfg_vrf *def = c->n ? cfg_vrf(c, 0) : NULL;
	const struct fvrf *f = def ? fview_vrf(c, def) : NULL;

	return f ? &f->view.lists : NULL;
}
