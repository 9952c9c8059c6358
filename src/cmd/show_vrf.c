/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show_vrf.c - show vrf [detail] [NAME] [json]: IOS's columns (Name,
 * Default RD, Protocols, Interfaces); the detail form adds what vrfsh
 * knows of each VRF (its namespace, its forwarding switches) in the
 * lines of IOS's own detail layout; JSON in the contract's shape.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "render/json.h"

struct vrf_row {
	const char *name; /* "" for default */
	bool stale;	  /* a file in /run/netns with no namespace */
	bool readable;	  /* its namespace could be entered */
	bool v4, v6;
	struct net_links links;
	struct net_err err;
};

static void read_row(struct vrf_row *r)
{
	if (r->stale)
		return;
	r->readable =
		net_link_dump(r->name, &r->links, &r->err) == 0 &&
		net_forwarding_get(r->name, AF_INET, &r->v4, &r->err) == 0 &&
		net_forwarding_get(r->name, AF_INET6, &r->v6, &r->err) == 0;
}

static void row_json(struct json *j, const struct vrf_row *r)
{
	char path[128];

	snprintf(path, sizeof(path), NET_NETNS_DIR "/%s", r->name);
	json_obj(j, NULL);
	json_str(j, "name", vrf_label(r->name));
	json_str(j, "netns", *r->name ? path : NULL);
	if (r->readable) {
		json_bool(j, "ip_routing", r->v4);
		json_bool(j, "ipv6_routing", r->v6);
		json_arr(j, "interfaces");
		for (size_t i = 0; i < r->links.n; i++)
			json_str(j, NULL, r->links.v[i].name);
		json_arr_end(j);
	} else {
		json_null(j, "ip_routing");
		json_null(j, "ipv6_routing");
		json_null(j, "interfaces");
	}
	json_obj_end(j);
}

/* IOS's columns: two blanks, Name (33), Default RD (20), Protocols (12),
 * Interfaces; each further interface on a line of its own under the
 * first.  vrfsh has no route distinguishers: <not set>.  Every VRF runs
 * both families (a namespace has both stacks); whether it forwards
 * them is in the detail form. */
static void row_text(struct cli_out *o, const struct vrf_row *r)
{
	const char *name = vrf_label(r->name);

	if (!r->readable) {
		cli_printf(o, "  %-32s %s\n", name, "<not set>");
		return;
	}
	if (!r->links.n) {
		cli_printf(o, "  %-32s %-19s %s\n", name, "<not set>",
			   "ipv4,ipv6");
		return;
	}
	cli_printf(o, "  %-32s %-19s %-11s %s\n", name, "<not set>",
		   "ipv4,ipv6", r->links.v[0].name);
	for (size_t i = 1; i < r->links.n; i++)
		cli_printf(o, "%67s%s\n", "", r->links.v[i].name);
}

static void family_detail(struct cli_out *o, const char *family, bool fwd)
{
	/* Table ID: the kernel's main table (254), which vrfsh uses */
	cli_printf(o, "Address family %s unicast (Table ID = 0xFE):\n", family);
	cli_printf(o, "  Flags: forwarding %s\n", fwd ? "enabled" : "disabled");
	cli_printf(o, "  No Export VPN route-target communities\n");
	cli_printf(o, "  No Import VPN route-target communities\n");
	cli_printf(o, "  No import route-map\n");
	cli_printf(o, "  No export route-map\n");
}

/* IOS's detail block; what vrfsh adds is said in Flags lines, the only
 * free-form lines that tools reading this layout accept. */
static void row_detail(struct cli_out *o, const struct vrf_row *r, size_t id)
{
	cli_printf(o,
		   "VRF %s (VRF Id = %zu); default RD <not set>; "
		   "default VPNID <not set>\n",
		   vrf_label(r->name), id);
	cli_printf(o, "  New CLI format, supports multiple address-families\n");
	if (!*r->name)
		cli_printf(o,
			   "  Flags: namespace of vrfsh's start (default)\n");
	else
		cli_printf(o, "  Flags: namespace %s/%s\n", NET_NETNS_DIR,
			   r->name);
	if (r->stale)
		cli_printf(o, "  Flags: stale entry, no namespace on it\n");
	else if (!r->readable)
		cli_printf(o, "  Flags: cannot enter the namespace (%s)\n",
			   r->err.msg);
	if (!r->readable || !r->links.n) {
		cli_printf(o, "  No interfaces\n");
	} else {
		cli_printf(o, "  Interfaces:\n");
		for (size_t i = 0; i < r->links.n; i++)
			cli_printf(o, "    %s\n", r->links.v[i].name);
	}
	if (r->readable) {
		family_detail(o, "ipv4", r->v4);
		family_detail(o, "ipv6", r->v6);
	} else {
		cli_printf(o, "Address family ipv4 unicast not active\n");
		cli_printf(o, "Address family ipv6 unicast not active\n");
	}
	cli_printf(o, "Address family ipv4 multicast not active\n");
	cli_printf(o, "Address family ipv6 multicast not active\n");
}

static int cmp_rows(const void *a, const void *b)
{
	return strcmp(((const struct vrf_row *)a)->name,
		      ((const struct vrf_row *)b)->name);
}

/* The rows: default first, then the VRFs and stale entries by name. */
static struct vrf_row *rows_of(const char *one, const struct net_names *names,
			       const struct net_names *stale, size_t *n)
{
	struct vrf_row *rows = calloc(names->n + stale->n + 2, sizeof(*rows));

	if (!rows)
		abort();
	*n = 0;
	if (!one || net_vrf_is_default(one))
		rows[(*n)++].name = "";
	if (one && !net_vrf_is_default(one))
		rows[(*n)++].name = one;
	for (size_t i = 0; i < names->n; i++)
		rows[(*n)++].name = names->v[i];
	for (size_t i = 0; i < stale->n; i++) {
		rows[*n].stale = true;
		rows[(*n)++].name = stale->v[i];
	}
	if (stale->n)
		qsort(rows + 1, *n - 1, sizeof(*rows), cmp_rows);
	for (size_t i = 0; i < *n; i++)
		read_row(&rows[i]);
	return rows;
}

static void show_json(struct cli_out *o, const struct vrf_row *rows, size_t n)
{
	struct json j;

	json_init(&j, o);
	json_obj(&j, NULL);
	json_arr(&j, "vrfs");
	for (size_t i = 0; i < n; i++)
		row_json(&j, &rows[i]);
	json_arr_end(&j);
	json_obj_end(&j);
	json_done(&j);
}

/* IOS's VRF Id: the VRF's place among all of them, default 0. */
static size_t vrf_id(const struct vrf_row *rows, size_t i, const char *one)
{
	struct net_names all = { 0 };
	struct net_err err = { 0 };
	size_t id = i;

	if (!one || net_vrf_is_default(one))
		return id;
	if (net_vrf_list(&all, &err) == 0)
		for (size_t k = 0; k < all.n; k++)
			if (!strcmp(all.v[k], rows[i].name))
				id = k + 1;
	net_names_free(&all);
	return id;
}

static void show_text(struct cli_session *s, struct cli_out *o,
		      const struct vrf_row *rows, size_t n, bool detail,
		      const char *one)
{
	if (!detail)
		cli_printf(o, "  %-32s %-19s %-11s %s\n", "Name", "Default RD",
			   "Protocols", "Interfaces");
	for (size_t i = 0; i < n && !cli_out_aborted(o); i++) {
		if (detail) {
			if (i)
				cli_printf(o, "\n");
			row_detail(o, &rows[i], vrf_id(rows, i, one));
		} else if (rows[i].stale) {
			/* not a VRF: said where errors go, as elsewhere */
			cli_warn(s,
				 "%s/%s is a stale entry (no namespace on "
				 "it): skipped; 'no vrf %s' removes it",
				 NET_NETNS_DIR, rows[i].name, rows[i].name);
		} else {
			row_text(o, &rows[i]);
		}
	}
}

static int do_show_vrf(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	const char *one = cli_arg(a, "vrf");
	struct net_names names = { 0 }, stale = { 0 };
	struct net_err err = { 0 };
	struct vrf_row *rows;
	size_t n;

	if (one && cmd_vrf_exists(s, one))
		return -1;
	if (!one && net_vrf_scan(&names, &stale, &err))
		return cmd_fail(s, &err, "list VRFs");
	rows = rows_of(one, &names, &stale, &n);
	if (cli_has(a, "json"))
		show_json(o, rows, n);
	else
		show_text(s, o, rows, n, cli_has(a, "detail"), one);
	for (size_t i = 0; i < n; i++)
		net_links_free(&rows[i].links);
	free(rows);
	net_names_free(&names);
	net_names_free(&stale);
	return 0;
}

static const struct cli_cmd show_vrf_cmds[] = {
	{ "show vrf [detail] [NAME$vrf] [json]",
	  "Show running system information\n"
	  "VRFs (network namespaces)\n"
	  "Namespace, forwarding, interfaces of each\nOnly this VRF\n"
	  "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_vrf },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area show_vrf_area = {
	.name = "show-vrf",
	.cmds = show_vrf_cmds,
};
