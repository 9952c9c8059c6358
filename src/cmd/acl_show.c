/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * acl_show.c - show ip access-lists, show access-lists, show ipv6
 * access-list (IOS layouts, matches from the kernel's counters, or JSON),
 * and clearing the counters.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/filter.h"
#include "cmd/util.h"
#include "render/json.h"
#include "render/text.h"

/* " (5 matches)", " (1 match)", or nothing for none (as IOS). */
static void matches(struct cli_out *o, uint64_t n)
{
	if (n)
		cli_printf(o, " (%llu match%s)", (unsigned long long)n,
			   n == 1 ? "" : "es");
}

/* IOS leaves remarks out of show. */
static void list_text(struct cli_out *o, const struct net_acl *l)
{
	char text[512];

	cli_printf(o, "%s %s\n", acl_kind(l->family, l->type), l->name);
	for (size_t i = 0; i < l->n && !cli_out_aborted(o); i++) {
		const struct net_acl_entry *e = &l->v[i];

		if (e->action == NET_ACL_REMARK)
			continue;
		acl_entry_text(l->family, l->type, e, true, text, sizeof(text));
		if (l->family == AF_INET6) {
			cli_printf(o, "    %s", text);
			matches(o, e->packets);
			cli_printf(o, " sequence %u\n", e->seq);
		} else {
			cli_printf(o, "    %u %s", e->seq, text);
			matches(o, e->packets);
			cli_printf(o, "\n");
		}
	}
}

static void addr_json(struct json *j, const char *key, int family,
		      const struct net_acl_addr *x)
{
	char a[TEXT_IP_MAX], w[TEXT_IP_MAX];

	json_obj(j, key);
	switch (x->kind) {
	case NET_ACL_ANY:
		json_str(j, "kind", "any");
		break;
	case NET_ACL_HOST:
		text_ip(family, &x->addr, a, sizeof(a));
		json_str(j, "kind", "host");
		json_str(j, "address", a);
		break;
	case NET_ACL_WILDCARD:
		text_ip(AF_INET, &x->addr, a, sizeof(a));
		text_ip(AF_INET, &x->wildcard, w, sizeof(w));
		json_str(j, "kind", "wildcard");
		json_str(j, "address", a);
		json_str(j, "wildcard", w);
		break;
	case NET_ACL_PREFIX:
		text_ip(AF_INET6, &x->addr, a, sizeof(a));
		json_str(j, "kind", "prefix");
		json_str(j, "address", a);
		json_int(j, "prefix_length", x->plen);
		break;
	}
	json_obj_end(j);
}

static void port_json(struct json *j, const char *key,
		      const struct net_acl_port *p)
{
	static const char *const ops[] = {
		[NET_ACL_PORT_EQ] = "eq",	[NET_ACL_PORT_NEQ] = "neq",
		[NET_ACL_PORT_LT] = "lt",	[NET_ACL_PORT_GT] = "gt",
		[NET_ACL_PORT_RANGE] = "range",
	};

	if (p->op == NET_ACL_PORT_ANY || p->op > NET_ACL_PORT_RANGE) {
		json_null(j, key);
		return;
	}
	json_obj(j, key);
	json_str(j, "operator", ops[p->op]);
	json_int(j, "port", p->lo);
	if (p->op == NET_ACL_PORT_RANGE)
		json_int(j, "port_high", p->hi);
	json_obj_end(j);
}

static void opt_int(struct json *j, const char *key, bool has, long long v)
{
	if (has)
		json_int(j, key, v);
	else
		json_null(j, key);
}

/* Every entry has every key (null where it has no value). */
static void entry_json(struct json *j, const struct net_acl *l,
		       const struct net_acl_entry *e)
{
	bool rem = e->action == NET_ACL_REMARK;
	bool ext = l->type == NET_ACL_EXTENDED && !rem;
	static const struct net_acl_port none;
	char text[512];

	acl_entry_text(l->family, l->type, e, false, text, sizeof(text));
	json_obj(j, NULL);
	json_int(j, "sequence", e->seq);
	json_str(j, "action",
		 e->action == NET_ACL_PERMIT ? "permit" :
		 e->action == NET_ACL_DENY   ? "deny" :
					       "remark");
	json_str(j, "text", text);
	json_str(j, "remark", rem ? e->remark : NULL);
	opt_int(j, "protocol", !rem && e->has_proto, e->proto);
	if (rem)
		json_null(j, "source");
	else
		addr_json(j, "source", l->family, &e->src);
	if (ext)
		addr_json(j, "destination", l->family, &e->dst);
	else
		json_null(j, "destination");
	port_json(j, "source_port", ext ? &e->sport : &none);
	port_json(j, "destination_port", ext ? &e->dport : &none);
	opt_int(j, "icmp_type", ext && e->has_icmp_type, e->icmp_type);
	opt_int(j, "icmp_code", ext && e->has_icmp_code, e->icmp_code);
	json_bool(j, "established", e->established);
	json_bool(j, "log", e->log);
	json_u64(j, "matches", e->packets);
	json_u64(j, "bytes", e->bytes);
	json_obj_end(j);
}

static void list_json(struct json *j, const struct net_acl *l)
{
	json_obj(j, NULL);
	json_str(j, "name", l->name);
	json_str(j, "family", l->family == AF_INET6 ? "ipv6" : "ipv4");
	json_str(j, "type",
		 l->type == NET_ACL_STANDARD ? "standard" : "extended");
	json_bool(j, "changed_by_hand", l->differs);
	json_u64(j, "implicit_deny_matches", l->deny_packets);
	json_arr(j, "entries");
	for (size_t i = 0; i < l->n; i++)
		entry_json(j, l, &l->v[i]);
	json_arr_end(j);
	json_obj_end(j);
}

static int show_lists(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o, int family)
{
	const char *name = cli_arg(a, "name");
	struct net_acls ls = { 0 };
	struct net_err err = { 0 };
	struct json j;

	if (net_acl_dump(family, name, &ls, &err)) {
		if (err.code == ENOENT || (err.code == EINVAL && name)) {
			cli_error(s, "%s %s not found",
				  family == AF_INET6 ? "IPv6 access list" :
						       "Access list",
				  name);
			return -1;
		}
		if (!filter_absent(err.code))
			return cmd_fail(s, &err, "read the access lists");
	}
	if (cli_has(a, "json")) {
		json_init(&j, o);
		json_obj(&j, NULL);
		json_arr(&j, "access_lists");
		for (size_t i = 0; i < ls.n; i++)
			list_json(&j, &ls.v[i]);
		json_arr_end(&j);
		json_obj_end(&j);
		json_done(&j);
	} else {
		for (size_t i = 0; i < ls.n && !cli_out_aborted(o); i++)
			list_text(o, &ls.v[i]);
	}
	net_acls_free(&ls);
	return 0;
}

static int do_show_ip(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o)
{
	return show_lists(s, a, o, AF_INET);
}

static int do_show_all(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	return show_lists(s, a, o, AF_UNSPEC);
}

static int do_show_ipv6(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	return show_lists(s, a, o, AF_INET6);
}

static int clear(struct cli_session *s, const struct cli_args *a, int family)
{
	const char *name = cli_arg(a, "name");
	struct net_err err = { 0 };

	if (net_acl_clear_counters(family, name, &err) == 0)
		return 0;
	if (name && (err.code == ENOENT || err.code == EINVAL)) {
		cli_error(s, "%s %s not found",
			  family == AF_INET6 ? "IPv6 access list" :
					       "Access list",
			  name);
		return -1;
	}
	return cmd_fail(s, &err, "clear the counters of %s",
			name ? name : "the access lists");
}

static int do_clear_all(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	(void)o;
	return clear(s, a, AF_UNSPEC);
}

static int do_clear_ip(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	(void)o;
	return clear(s, a, AF_INET);
}

static int do_clear_ipv6(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	(void)o;
	return clear(s, a, AF_INET6);
}

#define H_SHOW "Show running system information\n"
#define H_CLEAR "Reset functions\n"
#define H_NAME "Name of the list\n"
#define H_JSON "JSON output"

static const struct cli_cmd acl_show_cmds[] = {
	{ "show ip access-lists [WORD$name] [json]",
	  H_SHOW
	  "Internet Protocol (IPv4)\nThe IPv4 access lists\n" H_NAME H_JSON,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ip },
	{ "show access-lists [WORD$name] [json]",
	  H_SHOW "The access lists (IPv4, then IPv6)\n" H_NAME H_JSON, CLI_EXEC,
	  PRIV_USER, CLI_F_OUTPUT, do_show_all },
	{ "show ipv6 access-list [WORD$name] [json]",
	  H_SHOW
	  "Internet Protocol version 6\nThe IPv6 access lists\n" H_NAME H_JSON,
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_ipv6 },
	{ "clear access-list counters [WORD$name]",
	  H_CLEAR "Access lists\nTheir match counters\n" H_NAME, CLI_EXEC,
	  PRIV_ADMIN, 0, do_clear_all },
	{ "clear ip access-list counters [WORD$name]",
	  H_CLEAR "Internet Protocol (IPv4)\nAccess lists\n"
		  "Their match counters\n" H_NAME,
	  CLI_EXEC, PRIV_ADMIN, 0, do_clear_ip },
	{ "clear ipv6 access-list [WORD$name]",
	  H_CLEAR "Internet Protocol version 6\n"
		  "The match counters of IPv6 access lists\n" H_NAME,
	  CLI_EXEC, PRIV_ADMIN, 0, do_clear_ipv6 },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area acl_show_area = {
	.name = "acl-show",
	.cmds = acl_show_cmds,
};
