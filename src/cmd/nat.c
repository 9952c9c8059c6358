/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nat.c - IOS NAT per VRF: ip nat inside|outside on interfaces, ip nat
 * inside source list ... overload and ip nat inside source static, show
 * ip nat translations (from connection tracking) and statistics, clear
 * ip nat translation *, and their lines of the running configuration.
 *
 * A NAT command acts on one VRF: the one it names with 'vrf NAME', else
 * the VRF of the mode it is typed in, else, for the overload form typed
 * in global configuration, the VRF that has the interface it names
 * (default first; several others: the command must say which).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/filter.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "render/json.h"
#include "render/text.h"

static const char *arg(const struct cli_args *a, const char *name)
{
	return cli_declares(a, name) ? cli_arg(a, name) : NULL;
}

static bool has(const struct cli_args *a, const char *name)
{
	return cli_declares(a, name) && cli_has(a, name);
}

/* ---- which VRF --------------------------------------------------------- */

/* Is the command typed in a mode that names a VRF (VRF mode)? */
static bool in_vrf_mode(const struct cli_session *s)
{
	for (int i = 0; i < s->depth; i++)
		if (cli_frame_get(&s->stack[i], "vrf"))
			return true;
	return false;
}

/* The one VRF that has ifname, default first. */
static int vrf_with(struct cli_session *s, const char *ifname, char *out,
		    size_t size)
{
	struct net_names vrfs = { 0 };
	struct net_err err = { 0 };
	struct net_link l;
	char found[512] = "";
	int n = 0;

	if (net_link_get("", ifname, &l, &err) == 0) {
		snprintf(out, size, "%s", "");
		return 0;
	}
	if (cmd_vrf_list(s, &vrfs))
		return -1;
	for (size_t i = 0; i < vrfs.n; i++) {
		if (net_link_get(vrfs.v[i], ifname, &l, &err))
			continue;
		if (!n++)
			snprintf(out, size, "%s", vrfs.v[i]);
		size_t len = strlen(found);

		snprintf(found + len, sizeof(found) - len, "%s%s",
			 len ? ", " : "", vrfs.v[i]);
	}
	net_names_free(&vrfs);
	if (n == 1)
		return 0;
	if (!n)
		cli_error(s, "Interface %s not found", ifname);
	else
		cli_error(s,
			  "Error: Interface %s is in VRFs %s: say which "
			  "with 'vrf NAME'",
			  ifname, found);
	return -1;
}

/* The VRF a NAT command acts on (see the top). */
static int nat_vrf(struct cli_session *s, const struct cli_args *a,
		   const char *ifname, char *out, size_t size)
{
	const char *vrf = arg(a, "vrf");

	if (vrf || in_vrf_mode(s) || !ifname) {
		vrf = cmd_vrf(s, a);
		if (cmd_vrf_exists(s, vrf))
			return -1;
		snprintf(out, size, "%s", vrf);
		return 0;
	}
	return vrf_with(s, ifname, out, size);
}

/* ---- rules ------------------------------------------------------------- */

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static int do_overload(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	struct net_nat_overload ov = { 0 };
	struct net_err err = { 0 };
	char vrf[NET_VRF_NAME_MAX + 1], v[96];
	const char *ifname = cli_arg(a, "ifname");
	struct net_link l;

	(void)o;
	copy(ov.acl, sizeof(ov.acl), cli_arg(a, "acl"));
	copy(ov.ifname, sizeof(ov.ifname), ifname);
	if (net_acl_name_check(ov.acl, &err)) {
		cli_error(s, "Error: Invalid access list name \"%s\": %s",
			  cli_arg(a, "acl"), err.msg);
		return -1;
	}
	if (nat_vrf(s, a, ifname, vrf, sizeof(vrf)) ||
	    cmd_link(s, vrf, ifname, &l))
		return -1;
	if (net_nat_overload_add(vrf, &ov, &err) == 0)
		return 0;
	if (err.code == ENOENT) {
		cli_error(s, "Access list %s not found", ov.acl);
		return -1;
	}
	return cmd_fail(s, &err, "translate list %s to interface %s%s", ov.acl,
			ifname, in_vrf(vrf, v, sizeof(v)));
}

static int do_no_overload(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	const char *acl = cli_arg(a, "acl"), *ifname = arg(a, "ifname");
	struct net_nat nat = { 0 };
	struct net_err err = { 0 };
	char vrf[NET_VRF_NAME_MAX + 1], v[96];
	bool found = false;
	int rc = 0;

	(void)o;
	if (nat_vrf(s, a, ifname, vrf, sizeof(vrf)))
		return -1;
	if (net_nat_dump(vrf, &nat, &err))
		return cmd_fail(s, &err, "read the NAT of VRF %s",
				vrf_label(vrf));
	for (size_t i = 0; i < nat.novl; i++)
		if (!strcmp(nat.ovl[i].acl, acl) &&
		    (!ifname || !strcmp(nat.ovl[i].ifname, ifname)))
			found = true;
	net_nat_free(&nat);
	if (!found) {
		cli_error(s, "Error: No translation of list %s%s%s%s", acl,
			  ifname ? " to interface " : "", ifname ? ifname : "",
			  in_vrf(vrf, v, sizeof(v)));
		return -1;
	}
	if (net_nat_overload_del(vrf, acl, &err))
		rc = cmd_fail(s, &err, "remove the translation of list %s%s",
			      acl, in_vrf(vrf, v, sizeof(v)));
	return rc;
}

static int parse_static(struct cli_session *s, const struct cli_args *a,
			struct net_nat_static *st)
{
	memset(st, 0, sizeof(*st));
	if (has(a, "tcp"))
		st->proto = IPPROTO_TCP;
	else if (has(a, "udp"))
		st->proto = IPPROTO_UDP;
	if (inet_pton(AF_INET, cli_arg(a, "local"), &st->local) != 1 ||
	    inet_pton(AF_INET, cli_arg(a, "global"), &st->global) != 1)
		return -1;
	if (st->proto) {
		st->lport = (uint16_t)cli_arg_long(a, "lport", 0);
		st->gport = (uint16_t)cli_arg_long(a, "gport", 0);
	}
	(void)s;
	return 0;
}

static void static_what(const struct net_nat_static *st, char *buf, size_t size)
{
	char l[TEXT_IP_MAX], g[TEXT_IP_MAX];

	text_ip(AF_INET, &st->local, l, sizeof(l));
	text_ip(AF_INET, &st->global, g, sizeof(g));
	if (st->proto)
		snprintf(buf, size, "%s %s:%u to %s:%u",
			 st->proto == IPPROTO_TCP ? "tcp" : "udp", l, st->lport,
			 g, st->gport);
	else
		snprintf(buf, size, "%s to %s", l, g);
}

/* ip nat ... static ...: add (or, for its no form, remove) the
 * translation. */
static int static_change(struct cli_session *s, const struct cli_args *a,
			 bool add)
{
	struct net_nat_static st;
	struct net_err err = { 0 };
	char vrf[NET_VRF_NAME_MAX + 1], v[96], what[160];
	int ret;

	if (parse_static(s, a, &st) || nat_vrf(s, a, NULL, vrf, sizeof(vrf)))
		return -1;
	ret = add ? net_nat_static_add(vrf, &st, &err) :
		    net_nat_static_del(vrf, &st, &err);
	if (ret == 0)
		return 0;
	static_what(&st, what, sizeof(what));
	if (add)
		return cmd_fail(s, &err, "translate %s%s", what,
				in_vrf(vrf, v, sizeof(v)));
	if (err.code == ENOENT) {
		cli_error(s, "Error: No static translation of %s%s", what,
			  in_vrf(vrf, v, sizeof(v)));
		return -1;
	}
	return cmd_fail(s, &err, "remove the translation of %s%s", what,
			in_vrf(vrf, v, sizeof(v)));
}

static int do_static(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	(void)o;
	return static_change(s, a, true);
}

static int do_no_static(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	(void)o;
	return static_change(s, a, false);
}

/* ---- roles of interfaces ----------------------------------------------- */

static enum net_nat_role role_of(const struct net_nat *nat, const char *ifname)
{
	for (size_t i = 0; i < nat->nifs; i++)
		if (!strcmp(nat->ifs[i].ifname, ifname))
			return nat->ifs[i].role;
	return NET_NAT_NONE;
}

static int set_role(struct cli_session *s, enum net_nat_role role, bool remove)
{
	struct cli_frame *f = cli_top(s);
	const char *vrf = cli_frame_get(f, "vrf");
	const char *ifname = cli_frame_get(f, "ifname");
	struct net_nat nat = { 0 };
	struct net_err err = { 0 };
	struct net_link l;
	enum net_nat_role have;
	char v[96];

	if (cmd_link(s, vrf, ifname, &l))
		return -1;
	if (net_nat_dump(vrf, &nat, &err))
		return cmd_fail(s, &err, "read the NAT of VRF %s",
				vrf_label(vrf));
	have = role_of(&nat, ifname);
	net_nat_free(&nat);
	if (remove && have != role)
		return 0; /* not that role: nothing to undo */
	if (!remove && have == role)
		return 0;
	if (net_nat_role_set(vrf, ifname, remove ? NET_NAT_NONE : role, &err))
		return cmd_fail(s, &err, "set the NAT role of interface %s%s",
				ifname, in_vrf(vrf, v, sizeof(v)));
	return 0;
}

static int do_role(struct cli_session *s, const struct cli_args *a,
		   struct cli_out *o)
{
	(void)o;
	return set_role(s, has(a, "inside") ? NET_NAT_INSIDE : NET_NAT_OUTSIDE,
			false);
}

static int do_no_role(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o)
{
	(void)o;
	return set_role(s, has(a, "inside") ? NET_NAT_INSIDE : NET_NAT_OUTSIDE,
			true);
}

void nat_if_moved(struct cli_session *s, const char *from, const char *to,
		  const char *ifname)
{
	struct net_nat nat = { 0 };
	struct net_err err = { 0 };
	enum net_nat_role role;

	if (net_nat_dump(from, &nat, &err))
		return;
	role = role_of(&nat, ifname);
	net_nat_free(&nat);
	if (role == NET_NAT_NONE)
		return;
	if (net_nat_role_set(to, ifname, role, &err))
		filter_warn(s, &err,
			    "keep the NAT role of interface %s in "
			    "VRF %s",
			    ifname, vrf_label(to));
	if (net_nat_role_set(from, ifname, NET_NAT_NONE, &err))
		filter_warn(s, &err,
			    "remove the NAT role of interface %s "
			    "from VRF %s",
			    ifname, vrf_label(from));
}

void nat_prune(struct cli_session *s, const char *vrf,
	       const struct net_links *links)
{
	struct net_nat nat = { 0 };
	struct net_err err = { 0 };

	if (net_nat_dump(vrf, &nat, &err))
		return;
	for (size_t i = 0; i < nat.nifs; i++) {
		bool there = false;

		for (size_t k = 0; k < links->n && !there; k++)
			there = !strcmp(links->v[k].name, nat.ifs[i].ifname);
		if (!there && net_nat_role_set(vrf, nat.ifs[i].ifname,
					       NET_NAT_NONE, &err))
			filter_warn(s, &err,
				    "remove the NAT role of deleted "
				    "interface %s from VRF %s",
				    nat.ifs[i].ifname, vrf_label(vrf));
	}
	net_nat_free(&nat);
}

/* ---- show ip nat translations ------------------------------------------ */

static const char *proto_name(uint8_t p)
{
	switch (p) {
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_ICMP:
		return "icmp";
	default:
		return NULL;
	}
}

static const char *tcp_state(uint8_t st)
{
	static const char *const names[] = {
		"NONE",	    "SYN_SENT",	  "SYN_RECV", "ESTABLISHED",
		"FIN_WAIT", "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT",
		"CLOSE",    "SYN_SENT2",
	};

	return st < sizeof(names) / sizeof(*names) ? names[st] : "?";
}

/* One side of a translation: an address and a port (an ICMP id). */
struct end {
	struct in_addr a;
	uint16_t port;
	bool has_port;
};

struct xlat {
	const char *proto; /* NULL: a number */
	uint8_t pnum;
	struct end ig, il, ol, og; /* inside global, local; outside ... */
	bool is_static;		   /* a configured one-to-one line */
	const struct net_ct *ct;
};

static struct end end_of(const struct net_ct *c, const struct net_ct_tuple *t,
			 bool src)
{
	struct end e = { .a = src ? t->src.v4 : t->dst.v4 };

	if (c->proto == IPPROTO_ICMP) {
		e.port = t->icmp_id;
		e.has_port = true;
	} else if (c->proto == IPPROTO_TCP || c->proto == IPPROTO_UDP ||
		   t->sport || t->dport) {
		e.port = src ? t->sport : t->dport;
		e.has_port = true;
	}
	return e;
}

/* SNAT: the inside host is the original source, its global address
 * where the answers go; DNAT (from outside): the other way round. */
static void xlat_of(const struct net_ct *c, struct xlat *x)
{
	memset(x, 0, sizeof(*x));
	x->proto = proto_name(c->proto);
	x->pnum = c->proto;
	x->ct = c;
	if (c->dnat && !c->snat) {
		x->il = end_of(c, &c->reply, true);
		x->ig = end_of(c, &c->orig, false);
		x->ol = end_of(c, &c->reply, false);
		x->og = end_of(c, &c->orig, true);
	} else {
		x->il = end_of(c, &c->orig, true);
		x->ig = end_of(c, &c->reply, false);
		x->ol = end_of(c, &c->orig, false);
		x->og = end_of(c, &c->reply, true);
	}
}

static void xlat_of_static(const struct net_nat_static *st, struct xlat *x)
{
	memset(x, 0, sizeof(*x));
	x->is_static = true;
	x->proto = st->proto ? proto_name(st->proto) : NULL;
	x->pnum = st->proto;
	x->il.a = st->local;
	x->ig.a = st->global;
	if (st->proto) {
		x->il.port = st->lport;
		x->ig.port = st->gport;
		x->il.has_port = x->ig.has_port = true;
	}
}

static void end_text(const struct end *e, bool none, char *buf, size_t size)
{
	char a[TEXT_IP_MAX];

	if (none) {
		snprintf(buf, size, "---");
		return;
	}
	text_ip(AF_INET, &e->a, a, sizeof(a));
	if (e->has_port)
		snprintf(buf, size, "%s:%u", a, e->port);
	else
		snprintf(buf, size, "%s", a);
}

static void pro_text(const struct xlat *x, char *buf, size_t size)
{
	if (x->is_static && !x->pnum)
		snprintf(buf, size, "---");
	else if (x->proto)
		snprintf(buf, size, "%s", x->proto);
	else
		snprintf(buf, size, "%u", x->pnum);
}

/* "Pro Inside global      Inside local       Outside local      Outside
 * global", as IOS lays it out. */
static void xlat_line(struct cli_out *o, const struct xlat *x, bool verbose)
{
	char p[8], ig[64], il[64], ol[64], og[64];

	pro_text(x, p, sizeof(p));
	end_text(&x->ig, false, ig, sizeof(ig));
	end_text(&x->il, false, il, sizeof(il));
	end_text(&x->ol, x->is_static, ol, sizeof(ol));
	end_text(&x->og, x->is_static, og, sizeof(og));
	cli_printf(o, "%-3s %-18s %-18s %-18s %s\n", p, ig, il, ol, og);
	if (!verbose)
		return;
	if (x->is_static) {
		cli_printf(o, "    flags: static\n");
		return;
	}
	cli_printf(o, "    timeout: %u:%02u:%02u left", x->ct->timeout / 3600,
		   x->ct->timeout / 60 % 60, x->ct->timeout % 60);
	if (x->ct->proto == IPPROTO_TCP)
		cli_printf(o, ", tcp state: %s", tcp_state(x->ct->tcp_state));
	cli_printf(o, ", flags: %s%s%s, entry-id: %u\n",
		   x->ct->dnat && !x->ct->snat ? "outside" : "extended",
		   x->ct->assured ? ", assured" : "",
		   x->ct->snat && x->ct->dnat ? ", both ways" : "", x->ct->id);
	if (x->ct->has_counters)
		cli_printf(o,
			   "    packets: %llu out, %llu back; bytes: %llu "
			   "out, %llu back\n",
			   (unsigned long long)x->ct->orig_packets,
			   (unsigned long long)x->ct->reply_packets,
			   (unsigned long long)x->ct->orig_bytes,
			   (unsigned long long)x->ct->reply_bytes);
}

static void end_json(struct json *j, const char *key, const struct end *e,
		     bool none)
{
	char a[TEXT_IP_MAX];

	if (none) {
		json_null(j, key);
		return;
	}
	text_ip(AF_INET, &e->a, a, sizeof(a));
	json_obj(j, key);
	json_str(j, "address", a);
	if (e->has_port)
		json_int(j, "port", e->port);
	else
		json_null(j, "port");
	json_obj_end(j);
}

static void xlat_json(struct json *j, const struct xlat *x)
{
	char p[8];

	pro_text(x, p, sizeof(p));
	json_obj(j, NULL);
	json_str(j, "protocol", x->is_static && !x->pnum ? NULL : p);
	json_bool(j, "static", x->is_static);
	end_json(j, "inside_global", &x->ig, false);
	end_json(j, "inside_local", &x->il, false);
	end_json(j, "outside_local", &x->ol, x->is_static);
	end_json(j, "outside_global", &x->og, x->is_static);
	if (x->is_static) { /* configured, no connection */
		json_null(j, "direction");
		json_null(j, "timeout");
		json_null(j, "tcp_state");
		json_null(j, "assured");
		json_null(j, "id");
		json_obj_end(j);
		return;
	}
	json_str(j, "direction",
		 x->ct->dnat && !x->ct->snat ? "from outside" : "from inside");
	json_int(j, "timeout", x->ct->timeout);
	if (x->ct->proto == IPPROTO_TCP)
		json_str(j, "tcp_state", tcp_state(x->ct->tcp_state));
	else
		json_null(j, "tcp_state");
	json_bool(j, "assured", x->ct->assured);
	json_int(j, "id", x->ct->id);
	json_obj_end(j);
}

static int do_show_translations(struct cli_session *s, const struct cli_args *a,
				struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a);
	bool json = cli_has(a, "json"), verbose = cli_has(a, "verbose");
	struct net_nat nat = { 0 };
	struct net_cts cts = { 0 };
	struct net_err err = { 0 };
	struct xlat x;
	struct json j;

	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_nat_dump(vrf, &nat, &err) && !filter_absent(err.code))
		return cmd_fail(s, &err, "read the NAT of VRF %s",
				vrf_label(vrf));
	if (net_ct_dump(vrf, AF_INET, true, &cts, &err)) {
		net_nat_free(&nat);
		return cmd_fail(s, &err, "read the connections of VRF %s",
				vrf_label(vrf));
	}
	if (json) {
		json_init(&j, o);
		json_obj(&j, NULL);
		json_str(&j, "vrf", vrf_label(vrf));
		json_arr(&j, "translations");
	} else {
		cli_printf(o, "Pro Inside global      Inside local       "
			      "Outside local      Outside global\n");
	}
	for (size_t i = 0; i < nat.nst + cts.n && !cli_out_aborted(o); i++) {
		if (i < nat.nst)
			xlat_of_static(&nat.st[i], &x);
		else if (cts.v[i - nat.nst].family == AF_INET)
			xlat_of(&cts.v[i - nat.nst], &x);
		else
			continue;
		if (json)
			xlat_json(&j, &x);
		else
			xlat_line(o, &x, verbose);
	}
	if (json) {
		json_arr_end(&j);
		json_obj_end(&j);
		json_done(&j);
	}
	net_cts_free(&cts);
	net_nat_free(&nat);
	return 0;
}

/* ---- show ip nat statistics -------------------------------------------- */

static void roles(struct cli_out *o, const struct net_nat *nat,
		  enum net_nat_role role)
{
	cli_printf(o, "%s interfaces:\n",
		   role == NET_NAT_OUTSIDE ? "Outside" : "Inside");
	for (size_t i = 0; i < nat->nifs; i++)
		if (nat->ifs[i].role == role)
			cli_printf(o, "  %s\n", nat->ifs[i].ifname);
}

static int do_show_statistics(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a);
	struct net_nat nat = { 0 };
	struct net_ct_stats st = { 0 };
	struct net_err err = { 0 };
	uint64_t hits = 0;

	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_nat_dump(vrf, &nat, &err) && !filter_absent(err.code))
		return cmd_fail(s, &err, "read the NAT of VRF %s",
				vrf_label(vrf));
	if (net_ct_stats(vrf, &st, &err)) {
		net_nat_free(&nat);
		return cmd_fail(s, &err, "read the connections of VRF %s",
				vrf_label(vrf));
	}
	for (size_t i = 0; i < nat.novl; i++)
		hits += nat.ovl[i].packets;
	for (size_t i = 0; i < nat.nst; i++)
		hits += nat.st[i].in_packets + nat.st[i].out_packets;
	cli_printf(o,
		   "Total active translations: %zu (%zu static, %u dynamic; "
		   "%u extended)\n",
		   nat.nst + st.nat, nat.nst, st.nat, st.nat);
	roles(o, &nat, NET_NAT_OUTSIDE);
	roles(o, &nat, NET_NAT_INSIDE);
	cli_printf(o, "Hits: %llu (connections the rules translated)\n",
		   (unsigned long long)hits);
	cli_printf(o,
		   "Source translations: %u, destination translations: "
		   "%u\n",
		   st.snat, st.dnat);
	cli_printf(o, "Connections tracked: %u of at most %u\n", st.entries,
		   st.max);
	cli_printf(o, "Dynamic mappings:\n");
	if (nat.novl)
		cli_printf(o, "-- Inside Source\n");
	for (size_t i = 0; i < nat.novl; i++)
		cli_printf(o,
			   "[Id: %zu] access-list %s interface %s "
			   "refcount %llu\n",
			   i + 1, nat.ovl[i].acl, nat.ovl[i].ifname,
			   (unsigned long long)nat.ovl[i].packets);
	net_nat_free(&nat);
	return 0;
}

/* clear ip nat translation [vrf NAME] * */
static int do_clear(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a);
	struct net_err err = { 0 };
	size_t n;

	(void)o;
	if (strcmp(cli_arg(a, "all"), "*")) {
		cli_error(s, "Error: Only all translations can be cleared: "
			     "clear ip nat translation *");
		return -1;
	}
	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_ct_flush(vrf, true, &n, &err))
		return cmd_fail(s, &err, "clear the translations of VRF %s",
				vrf_label(vrf));
	return 0;
}

/* ---- running-config ---------------------------------------------------- */

static void static_line(struct cli_out *o, const struct net_nat_static *st,
			const char *suffix)
{
	char l[TEXT_IP_MAX], g[TEXT_IP_MAX];

	text_ip(AF_INET, &st->local, l, sizeof(l));
	text_ip(AF_INET, &st->global, g, sizeof(g));
	if (st->proto)
		cli_printf(o, "ip nat inside source static %s %s %u %s %u%s\n",
			   st->proto == IPPROTO_TCP ? "tcp" : "udp", l,
			   st->lport, g, st->gport, suffix);
	else
		cli_printf(o, "ip nat inside source static %s %s%s\n", l, g,
			   suffix);
}

static bool has_link(const struct cfg_vrf *v, const char *name)
{
	for (size_t i = 0; i < v->links.n; i++)
		if (!strcmp(v->links.v[i].name, name))
			return true;
	return false;
}

/* Bindings and roles kept for interfaces the VRF does not have. */
static void stale(struct cli_config *c, const struct cfg_vrf *v,
		  const struct fvrf *f)
{
	char what[256], b[96];

	for (size_t i = 0; i < f->view.binds.n; i++) {
		const struct net_acl_bind *x = &f->view.binds.v[i];

		if (has_link(v, x->ifname))
			continue;
		snprintf(what, sizeof(what), "%s %s %s of interface %s%s",
			 x->family == AF_INET6 ? "ipv6 traffic-filter" :
						 "ip access-group",
			 x->acl, x->dir == NET_ACL_IN ? "in" : "out", x->ifname,
			 in_vrf(v->name, b, sizeof(b)));
		cfg_left_out(c, what, "there is no such interface");
	}
	for (size_t i = 0; i < f->view.nat.nifs; i++) {
		const struct net_nat_if *x = &f->view.nat.ifs[i];

		if (has_link(v, x->ifname))
			continue;
		snprintf(what, sizeof(what), "ip nat %s of interface %s%s",
			 x->role == NET_NAT_INSIDE ? "inside" : "outside",
			 x->ifname, in_vrf(v->name, b, sizeof(b)));
		cfg_left_out(c, what, "there is no such interface");
	}
}

static void rules(struct cli_config *c, const struct cfg_vrf *v,
		  const struct fvrf *f)
{
	char sfx[96], what[256];

	cfg_vrf_suffix(v->name, sfx, sizeof(sfx));
	for (size_t i = 0; i < f->view.nat.novl; i++) {
		const struct net_nat_overload *x = &f->view.nat.ovl[i];
		struct net_err err = { 0 };

		if (!cfg_ifname_ok(x->ifname) || !has_link(v, x->ifname) ||
		    net_acl_name_check(x->acl, &err)) {
			snprintf(what, sizeof(what),
				 "the translation of list "
				 "%s to interface %s%s",
				 x->acl, x->ifname, sfx);
			cfg_left_out(c, what,
				     has_link(v, x->ifname) ?
					     "a name cannot be typed back" :
					     "there is no such interface");
			continue;
		}
		cli_printf(c->o,
			   "ip nat inside source list %s interface %s%s "
			   "overload\n",
			   x->acl, x->ifname, sfx);
		c->lines++;
	}
	for (size_t i = 0; i < f->view.nat.nst; i++) {
		static_line(c->o, &f->view.nat.st[i], sfx);
		c->lines++;
	}
}

static const char *escaped(const char *s, char *buf, size_t size)
{
	return cli_text_escape(s, buf, size);
}

/* What the VRF's nftables holds that vrfsh did not make, as comments. */
static void notes(struct cli_config *c, const struct cfg_vrf *v,
		  const struct fvrf *f)
{
	const struct net_nft_notes *ns = &f->view.notes;
	char a[CLI_ESCAPED_MAX(128)], b[CLI_ESCAPED_MAX(128)];
	const char *vl = vrf_label(v->name);

	for (size_t i = 0; i < ns->n; i++) {
		const struct net_nft_note *n = &ns->v[i];

		switch (n->kind) {
		case NET_NFT_TABLE:
			cli_printf(c->o,
				   "! vrfsh: VRF %s has table %s %s, "
				   "which is not vrfsh's: left alone\n",
				   vl, escaped(n->family, a, sizeof(a)),
				   escaped(n->table, b, sizeof(b)));
			break;
		case NET_NFT_OWNER:
			cli_printf(c->o,
				   "! vrfsh: VRF %s: table inet vrfsh "
				   "was not made by vrfsh: left alone, "
				   "and no filtering or NAT can be set "
				   "there\n",
				   vl);
			break;
		case NET_NFT_RULE:
			cli_printf(c->o,
				   "! vrfsh: VRF %s: rule %llu of chain "
				   "%s was changed by hand (%s)\n",
				   vl, (unsigned long long)n->handle,
				   escaped(n->chain, a, sizeof(a)),
				   escaped(n->text, b, sizeof(b)));
			break;
		case NET_NFT_COPY:
			cli_printf(c->o, "! vrfsh: VRF %s: its copy %s %s\n",
				   vl, escaped(n->chain, a, sizeof(a)),
				   escaped(n->text, b, sizeof(b)));
			break;
		default:
			cli_printf(c->o,
				   "! vrfsh: VRF %s: %s %s in table inet "
				   "vrfsh: %s\n",
				   vl, n->kind == NET_NFT_SET ? "set" : "chain",
				   escaped(n->chain, a, sizeof(a)),
				   escaped(n->text, b, sizeof(b)));
			break;
		}
	}
}

/* The NAT rules of every VRF, after the interfaces they name; then what
 * is not vrfsh's.  The view of filtering ends here. */
static void nat_config(struct cli_config *c)
{
	for (size_t i = 0; !c->only_if && i < c->n; i++) {
		const struct cfg_vrf *v;
		const struct fvrf *f;

		if (!cfg_covers(c, i) || !(v = cfg_vrf(c, i)) ||
		    !(f = fview_vrf(c, v)))
			continue;
		rules(c, v, f);
		stale(c, v, f);
		notes(c, v, f);
	}
	fview_end(c);
}

static void nat_if_lines(struct cli_config *c, const struct cfg_vrf *v,
			 const struct net_link *l)
{
	const struct fvrf *f = fview_vrf(c, v);
	enum net_nat_role r = f ? role_of(&f->view.nat, l->name) : NET_NAT_NONE;

	if (r != NET_NAT_NONE)
		cli_printf(c->o, " ip nat %s\n",
			   r == NET_NAT_INSIDE ? "inside" : "outside");
}

/* ---- the declarations -------------------------------------------------- */

#define H_NO "Negate a command or set its defaults\n"
#define H_NAT "Internet Protocol (IPv4)\nNetwork address translation\n"
#define H_SRC "Translate inside addresses\nSource addresses\n"
#define H_VRF "In a VRF\nVRF name\n"
#define OVL                                                                    \
	"ip nat inside source list WORD$acl interface IFNAME$ifname "          \
	"[vrf NAME$vrf] overload"
#define H_OVL                                                                     \
	H_NAT H_SRC                                                               \
		"By an access list\nThe list: what it permits is "                \
		"translated\nTo the address of an interface\nThe interface (the " \
		"outside one)\n" H_VRF "With ports of its own (masquerade)\n"
#define STATIC                                                                 \
	"ip nat inside source static A.B.C.D$local A.B.C.D$global "            \
	"[vrf NAME$vrf]"
#define H_STATIC                                                               \
	H_NAT H_SRC                                                            \
		"One address to another, both ways\n"                          \
		"The inside (local) address\nThe outside (global) address\n" H_VRF
#define PORTFWD                                                                \
	"ip nat inside source static {tcp|udp} A.B.C.D$local "                 \
	"<1-65535>$lport A.B.C.D$global <1-65535>$gport [vrf NAME$vrf]"
#define H_PORTFWD                                                              \
	H_NAT H_SRC "One address and port to another\n"                        \
		    "Transmission Control Protocol\nUser Datagram Protocol\n"  \
		    "The inside (local) address\nThe inside port\n"            \
		    "The outside (global) address\nThe outside port\n" H_VRF
#define MODES (MODE_CONFIG | MODE_VRF)

static const struct cli_cmd nat_cmds[] = {
	{ OVL, H_OVL, MODES, PRIV_ADMIN, 0, do_overload },
	{ "no ip nat inside source list WORD$acl [interface IFNAME$ifname "
	  "[vrf NAME$vrf] overload]",
	  H_NO H_NAT H_SRC
	  "By an access list\nThe list\n"
	  "To the address of an interface\nThe interface\n" H_VRF
	  "With ports of its own",
	  MODES, PRIV_ADMIN, 0, do_no_overload },
	{ STATIC, H_STATIC, MODES, PRIV_ADMIN, 0, do_static },
	{ "no " STATIC, H_NO H_STATIC, MODES, PRIV_ADMIN, 0, do_no_static },
	{ PORTFWD, H_PORTFWD, MODES, PRIV_ADMIN, 0, do_static },
	{ "no " PORTFWD, H_NO H_PORTFWD, MODES, PRIV_ADMIN, 0, do_no_static },
	{ "ip nat {inside|outside}",
	  H_NAT "The inside of the translation\nThe outside of it", MODE_IF,
	  PRIV_ADMIN, 0, do_role },
	{ "no ip nat {inside|outside}",
	  H_NO H_NAT "The inside of the translation\nThe outside of it",
	  MODE_IF, PRIV_ADMIN, 0, do_no_role },
	{ "show ip nat translations [vrf NAME$vrf] [verbose] [json]",
	  "Show running system information\n" H_NAT
	  "The translations (connection tracking)\n" H_VRF
	  "With timeouts, states and ids\nJSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_translations },
	{ "show ip nat statistics [vrf NAME$vrf]",
	  "Show running system information\n" H_NAT
	  "Translation counters and configuration\n" H_VRF,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_statistics },
	{ "clear ip nat translation [vrf NAME$vrf] WORD$all",
	  "Reset functions\n" H_NAT "The translations\n" H_VRF
	  "* for all of them",
	  CLI_EXEC, PRIV_ADMIN, 0, do_clear },
	{ NULL, NULL, 0, 0, 0, NULL },
};

static const struct cli_config_ops nat_config_ops = {
	.stanzas = nat_config,
	.if_lines = nat_if_lines,
};

const struct cli_area nat_area = {
	.name = "nat",
	.cmds = nat_cmds,
	.config = &nat_config_ops,
};
