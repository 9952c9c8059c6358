/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * lldp.c - show lldp, show lldp neighbors [detail] in IOS's layouts, and
 * show cdp.  vrfsh sends and receives no LLDP frames: the neighbour of
 * an interface is the far end of its veth pair, read from the kernel by
 * each show (its VRF, name, MAC, description, addresses), so that what
 * reads IOS's neighbours (Ansible's ios_facts, ntc-templates) sees the
 * lab's cabling.  CDP is not run: its shows say so as IOS does.
 */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/utsname.h>

#include "cmd/cmds.h"
#include "cmd/ifview.h"
#include "render/json.h"
#include "render/text.h"

/* A line of 48 dashes: IOS's separator of the detail blocks, which
 * ios_facts splits on. */
#define RULE "------------------------------------------------"
/* IOS's Device ID column is 20 characters wide. */
#define DEVICE_ID_WIDTH 20

/* What each show claims of the far end: it is heard now (each show reads
 * the kernel) and keeps for IOS's default hold time; every VRF is a
 * router. */
#define HOLD_TIME 120
#define CAPS "R"

/* The far end of a veth, as much of it as can be known. */
struct peer {
	const char *vrf;	  /* its VRF, "" default; NULL unknown */
	const struct view *v;	  /* its VRF's view, NULL unread */
	const struct net_link *l; /* the far end, NULL unknown */
};

/* What one show works on: the views (the VRFs shown, then the VRFs of
 * their peers). */
struct lldp_ctx {
	struct cli_session *s;
	struct views vs;
	size_t nset;  /* views 0 .. nset-1 are the VRFs shown */
	bool qualify; /* vrf all: local names written VRF/NAME */
};

static bool has_peer(const struct net_link *l)
{
	return !strcmp(l->kind, "veth") && l->peer_ifindex;
}

/* The VRF of l's far end ("" default), or NULL when the kernel's id of
 * its namespace names none of vrfsh's VRFs. */
static const char *peer_vrf(const struct view *v, const struct net_link *l)
{
	const char *name;

	if (l->peer_netnsid < 0)
		return v->vrf;
	name = net_vrf_by_netnsid(v->vrf, l->peer_netnsid);
	if (!name)
		return NULL;
	return net_vrf_is_default(name) ? "" : name;
}

/* Reads the view of every peer's VRF now, so that the views stay where
 * they are while the neighbours are shown. */
static void read_peer_views(struct lldp_ctx *c)
{
	for (size_t k = 0; k < c->nset; k++) {
		for (size_t i = 0; c->vs.v[k].ok && i < c->vs.v[k].links.n;
		     i++) {
			const struct net_link *l = &c->vs.v[k].links.v[i];
			const char *pv;
			char name[NET_VRF_NAME_MAX + 1];

			if (!has_peer(l) || !(pv = peer_vrf(&c->vs.v[k], l)))
				continue;
			/* view_get may move the array (and l's VRF name) */
			snprintf(name, sizeof(name), "%s", pv);
			view_get(&c->vs, name);
		}
	}
}

static size_t view_index(const struct lldp_ctx *c, const char *vrf)
{
	for (size_t k = 0; k < c->vs.n; k++)
		if (!strcmp(c->vs.v[k].vrf, vrf))
			return k;
	return c->vs.n;
}

static void peer_of(struct lldp_ctx *c, const struct view *v,
		    const struct net_link *l, struct peer *p)
{
	const char *vrf = peer_vrf(v, l);
	size_t k = vrf ? view_index(c, vrf) : c->vs.n;

	memset(p, 0, sizeof(*p));
	if (k == c->vs.n)
		return;
	p->vrf = c->vs.v[k].vrf;
	if (!c->vs.v[k].ok)
		return;
	p->v = &c->vs.v[k];
	p->l = view_link(p->v, l->peer_ifindex);
}

/* ---- the values, as the layouts write them ------------------------------ */

/* LLDP's System Name: the VRF's name; the router's for default. */
static const char *system_name(const struct lldp_ctx *c, const struct peer *p)
{
	if (!p->vrf)
		return NULL;
	return p->vrf[0] ? p->vrf : c->s->host;
}

/* The first IPv6 address of the far end that is not link-local. */
static const struct net_addr *first_v6(const struct peer *p)
{
	for (size_t i = 0; p->l && i < p->v->addrs.n; i++) {
		const struct net_addr *x = &p->v->addrs.v[i];

		if (x->ifindex == p->l->ifindex && x->family == AF_INET6 &&
		    !(x->a.v6.s6_addr[0] == 0xfe &&
		      (x->a.v6.s6_addr[1] & 0xc0) == 0x80))
			return x;
	}
	return NULL;
}

static const struct net_addr *first_v4(const struct peer *p)
{
	return p->l ? view_first_v4(p->v, p->l->ifindex) : NULL;
}

/* The local interface as the show names it: VRF/NAME outside default
 * when several VRFs are shown. */
static void local_name(const struct lldp_ctx *c, const struct view *v,
		       const struct net_link *l, char *buf, size_t size)
{
	if (c->qualify && v->vrf[0])
		snprintf(buf, size, "%s/%s", v->vrf, l->name);
	else
		snprintf(buf, size, "%s", l->name);
}

/* LLDP's System Description: what the far end is. */
static void description_text(const struct peer *p, char *buf, size_t size)
{
	struct utsname u;

	if (uname(&u)) {
		memset(&u, 0, sizeof(u));
		snprintf(u.sysname, sizeof(u.sysname), "Linux");
	}
	snprintf(buf, size, "VRF %s: a %s %s network namespace (vrfsh %s)",
		 vrf_label(p->vrf), u.sysname, u.release, PACKAGE_VERSION);
}

/* ---- show lldp neighbors ------------------------------------------------ */

/* Cuts name to the Device ID column, at a character boundary. */
static void device_id(const char *name, char *buf, size_t size)
{
	size_t n = 0;

	while (name[n] && n < DEVICE_ID_WIDTH) {
		size_t k = 1;

		while (((unsigned char)name[n + k] & 0xc0) == 0x80)
			k++;
		if (n + k > DEVICE_ID_WIDTH || n + k >= size)
			break;
		n += k;
	}
	memcpy(buf, name, n);
	buf[n] = '\0';
}

static void summary_head(struct cli_out *o)
{
	cli_printf(o, "Capability codes:\n"
		      "    (R) Router, (B) Bridge, (T) Telephone, (C) DOCSIS "
		      "Cable Device\n"
		      "    (W) WLAN Access Point, (P) Repeater, (S) Station, "
		      "(O) Other\n\n");
	cli_printf(o, "%-20s%-15s%-11s%-16s%s\n", "Device ID", "Local Intf",
		   "Hold-time", "Capability", "Port ID");
}

static void summary_row(struct lldp_ctx *c, struct cli_out *o,
			const struct view *v, const struct net_link *l,
			const struct peer *p)
{
	char dev[DEVICE_ID_WIDTH * 4 + 1], port[16];
	char local[NET_VRF_NAME_MAX + NET_IFNAMSIZ + 2], nsid[32];
	const char *name = system_name(c, p);

	if (!name) {
		snprintf(nsid, sizeof(nsid), "netnsid %d", l->peer_netnsid);
		name = nsid;
	}
	device_id(name, dev, sizeof(dev));
	local_name(c, v, l, local, sizeof(local));
	if (p->l)
		snprintf(port, sizeof(port), "%s", p->l->name);
	else
		snprintf(port, sizeof(port), "%d", l->peer_ifindex);
	/* a space after the interface even when it fills its column */
	cli_printf(o, "%-20s%-14s %-10d %-15s %s\n", dev, local, HOLD_TIME,
		   p->vrf ? CAPS : "", port);
}

/* ---- show lldp neighbors detail ----------------------------------------- */

static void detail_system(struct lldp_ctx *c, struct cli_out *o,
			  const struct peer *p)
{
	char text[512];

	if (!p->vrf) {
		cli_printf(o, "System Name - not advertised\n\n");
		cli_printf(o, "System Description - not advertised\n\n");
	} else {
		description_text(p, text, sizeof(text));
		cli_printf(o, "System Name: %s\n\n", system_name(c, p));
		cli_printf(o, "System Description:\n%s\n\n", text);
	}
	/* heard just now: each show reads the kernel */
	cli_printf(o, "Time remaining: %d seconds\n", HOLD_TIME);
	if (!p->vrf) {
		cli_printf(o, "System Capabilities - not advertised\n");
		cli_printf(o, "Enabled Capabilities - not advertised\n");
		return;
	}
	cli_printf(o, "System Capabilities: " CAPS "\n");
	cli_printf(o, "Enabled Capabilities: " CAPS "\n");
}

static void detail_addresses(struct cli_out *o, const struct peer *p)
{
	const struct net_addr *v4 = first_v4(p), *v6 = first_v6(p);
	char text[TEXT_IP_MAX];

	if (!v4 && !v6) {
		cli_printf(o, "Management Addresses - not advertised\n");
		return;
	}
	cli_printf(o, "Management Addresses:\n");
	if (v4) {
		text_ip(AF_INET, &v4->a, text, sizeof(text));
		cli_printf(o, "    IP: %s\n", text);
	}
	if (v6) {
		text_ip_upper(AF_INET6, &v6->a, text, sizeof(text));
		cli_printf(o, "    IPV6: %s\n", text);
	}
}

static void detail_block(struct lldp_ctx *c, struct cli_out *o,
			 const struct view *v, const struct net_link *l,
			 const struct peer *p)
{
	char local[NET_VRF_NAME_MAX + NET_IFNAMSIZ + 2], mac[TEXT_MAC_MAX];

	local_name(c, v, l, local, sizeof(local));
	cli_printf(o, RULE "\nLocal Intf: %s\n", local);
	if (p->l && p->l->has_mac) {
		text_mac_dotted(p->l->mac, mac, sizeof(mac));
		cli_printf(o, "Chassis id: %s\n", mac);
	} else {
		cli_printf(o, "Chassis id - not advertised\n");
	}
	if (p->l)
		cli_printf(o, "Port id: %s\n", p->l->name);
	else /* what the kernel says of it: its index in its namespace */
		cli_printf(o, "Port id: %d\n", l->peer_ifindex);
	if (p->l && p->l->alias[0])
		cli_printf(o, "Port Description: %s\n", p->l->alias);
	else
		cli_printf(o, "Port Description - not advertised\n");
	detail_system(c, o, p);
	detail_addresses(o, p);
	/* a veth negotiates nothing and has no VLAN */
	cli_printf(o, "Auto Negotiation - not supported\n"
		      "Physical media capabilities - not advertised\n"
		      "Media Attachment Unit type - not advertised\n"
		      "Vlan ID: - not advertised\n\n");
}

/* ---- JSON --------------------------------------------------------------- */

static void caps_json(struct json *j, const char *key, bool known)
{
	if (!known) {
		json_null(j, key);
		return;
	}
	json_arr(j, key);
	json_str(j, NULL, CAPS);
	json_arr_end(j);
}

static void addr_json(struct json *j, const char *key, const struct net_addr *x)
{
	char text[TEXT_IP_MAX];

	if (!x) {
		json_null(j, key);
		return;
	}
	text_ip(x->family, &x->a, text, sizeof(text));
	json_str(j, key, text);
}

static void neighbor_json(struct lldp_ctx *c, struct json *j,
			  const struct view *v, const struct net_link *l,
			  const struct peer *p)
{
	char mac[TEXT_MAC_MAX], text[512];
	bool known = p->l != NULL;

	json_obj(j, NULL);
	json_str(j, "vrf", vrf_label(v->vrf));
	json_str(j, "local_interface", l->name);
	json_str(j, "system_name", system_name(c, p));
	json_str(j, "peer_vrf", p->vrf ? vrf_label(p->vrf) : NULL);
	json_str(j, "port_id", known ? p->l->name : NULL);
	json_int(j, "peer_ifindex", l->peer_ifindex);
	if (l->peer_netnsid >= 0)
		json_int(j, "peer_netnsid", l->peer_netnsid);
	else
		json_null(j, "peer_netnsid");
	text_mac(known ? p->l->mac : l->mac, mac, sizeof(mac));
	json_str(j, "chassis_id", known && p->l->has_mac ? mac : NULL);
	json_str(j, "port_description",
		 known && p->l->alias[0] ? p->l->alias : NULL);
	if (p->vrf)
		description_text(p, text, sizeof(text));
	json_str(j, "system_description", p->vrf ? text : NULL);
	json_int(j, "hold_time", HOLD_TIME);
	caps_json(j, "system_capabilities", p->vrf != NULL);
	caps_json(j, "capabilities", p->vrf != NULL);
	addr_json(j, "management_ipv4", first_v4(p));
	addr_json(j, "management_ipv6", first_v6(p));
	json_obj_end(j);
}

/* ---- the commands ------------------------------------------------------- */

/* The VRFs to show: as other shows, or the one of a VRF/NAME. */
static int lldp_set(struct cli_session *s, const struct cli_args *a,
		    const char **one, char *name, size_t nsize,
		    struct net_names *set)
{
	char qv[NET_VRF_NAME_MAX + 1], buf[96];

	*one = cli_declares(a, "ifname") ? cli_arg(a, "ifname") : NULL;
	if (!*one || !cmd_if_split(*one, qv, sizeof(qv), name, nsize))
		return cmd_vrf_set(s, a, set);
	if (cli_arg(a, "vrf") &&
	    strcmp(vrf_label(qv), vrf_label(cmd_vrf(s, a)))) {
		cli_error(s, "Interface %s not found%s", *one,
			  in_vrf(cmd_vrf(s, a), buf, sizeof(buf)));
		return -1;
	}
	if (cmd_vrf_exists(s, qv))
		return -1;
	*one = name;
	memset(set, 0, sizeof(*set));
	set->v = calloc(1, sizeof(*set->v));
	if (!set->v || !(set->v[0] = strdup(qv)))
		abort();
	set->n = 1;
	return 0;
}

/* Is there an interface named one in the VRFs shown? */
static bool shown_link(const struct lldp_ctx *c, const char *one)
{
	for (size_t k = 0; k < c->nset; k++)
		for (size_t i = 0; c->vs.v[k].ok && i < c->vs.v[k].links.n; i++)
			if (!strcmp(one, c->vs.v[k].links.v[i].name))
				return true;
	return false;
}

/* Shows the neighbours of the VRFs of the set; returns their number. */
static unsigned each_neighbor(struct lldp_ctx *c, struct cli_out *o,
			      struct json *j, const char *one, bool detail)
{
	unsigned n = 0;

	for (size_t k = 0; k < c->nset && !cli_out_aborted(o); k++) {
		const struct view *v = &c->vs.v[k];

		for (size_t i = 0; v->ok && i < v->links.n; i++) {
			const struct net_link *l = &v->links.v[i];
			struct peer p;

			if (one && strcmp(one, l->name))
				continue;
			if (!has_peer(l))
				continue;
			peer_of(c, v, l, &p);
			n++;
			if (j)
				neighbor_json(c, j, v, l, &p);
			else if (detail)
				detail_block(c, o, v, l, &p);
			else
				summary_row(c, o, v, l, &p);
		}
	}
	return n;
}

static int do_show_neighbors(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	bool json = cli_has(a, "json"), detail = cli_has(a, "detail");
	bool all = cli_has(a, "all");
	struct lldp_ctx c = { .s = s };
	char name[NET_IFNAMSIZ + 1];
	struct net_names set;
	const char *one;
	struct json j;
	unsigned n;
	int rc;

	if (lldp_set(s, a, &one, name, sizeof(name), &set))
		return -1;
	rc = views_read(s, &c.vs, &set, all);
	if (rc && !all)
		goto out;
	c.nset = set.n;
	c.qualify = all;
	if (one && !shown_link(&c, one)) {
		rc = view_not_found(s, one, &set);
		goto out;
	}
	read_peer_views(&c);
	if (json) {
		json_init(&j, o);
		json_obj(&j, NULL);
		json_arr(&j, "neighbors");
	} else if (!detail) {
		summary_head(o);
	}
	n = each_neighbor(&c, o, json ? &j : NULL, one, detail);
	if (json) {
		json_arr_end(&j);
		json_obj_end(&j);
		json_done(&j);
	} else {
		cli_printf(o, "\nTotal entries displayed: %u\n", n);
	}
out:
	views_free(&c.vs);
	net_names_free(&set);
	return rc;
}

static int do_show_lldp(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	struct json j;

	(void)s;
	if (cli_has(a, "json")) {
		json_init(&j, o);
		json_obj(&j, NULL);
		json_bool(&j, "enabled", true);
		json_bool(&j, "advertisements_sent", false);
		json_int(&j, "hold_time", HOLD_TIME);
		json_obj_end(&j);
		json_done(&j);
		return 0;
	}
	/* IOS's block; no timers: no LLDP frame is sent or received */
	cli_printf(o,
		   "Global LLDP Information:\n"
		   "    Status: ACTIVE\n"
		   "    LLDP advertisements are not sent: the neighbors "
		   "are the far ends\n"
		   "    of veth pairs, read from the kernel by each show\n"
		   "    LLDP hold time advertised is %d seconds\n",
		   HOLD_TIME);
	return 0;
}

/* IOS's answer where CDP does not run: no failure (exit status 0). */
static int do_show_cdp(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	(void)a;
	(void)o;
	cli_notice(s, "CDP is not enabled");
	return 0;
}

#define H_SHOW "Show running system information\n"
#define H_LLDP "LLDP: the far ends of the veth pairs\n"
#define H_NEIGH "The neighbors: the far end of each veth\n"
#define H_CDP "CDP (not run)\n"

static const struct cli_cmd lldp_cmds[] = {
	{ "show lldp [json]", H_SHOW H_LLDP "JSON output", CLI_EXEC, PRIV_USER,
	  CLI_F_OUTPUT, do_show_lldp },
	{ "show lldp neighbors [IFREF$ifname] [detail] [vrf {NAME$vrf|all}] "
	  "[json]",
	  H_SHOW H_LLDP H_NEIGH "Only this interface (or VRF/NAME)\n"
				"Each neighbor in full\n"
				"In a VRF\nVRF name\nEvery VRF\nJSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_neighbors },
	{ "show cdp", H_SHOW H_CDP, CLI_EXEC, PRIV_USER, CLI_F_OUTPUT,
	  do_show_cdp },
	{ "show cdp neighbors [detail]",
	  H_SHOW H_CDP "CDP neighbors\nEach neighbor in full", CLI_EXEC,
	  PRIV_USER, CLI_F_OUTPUT, do_show_cdp },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area lldp_area = {
	.name = "lldp",
	.cmds = lldp_cmds,
};
