/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show.c - show interfaces and show ip interface brief, for one VRF or
 * all, as text or JSON.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "render/json.h"
#include "render/text.h"

/* What one VRF holds, read once per command. */
struct view {
	char vrf[NET_VRF_NAME_MAX + 1];	/* "" for default */
	bool ok;
	struct net_err err;
	struct net_links links;
	struct net_addrs addrs;
};

struct views {
	struct view *v;
	size_t n;
};

static struct view *view_get(struct views *vs, const char *vrf)
{
	struct view *x;

	for (size_t i = 0; i < vs->n; i++)
		if (!strcmp(vs->v[i].vrf, vrf))
			return &vs->v[i];
	vs->v = realloc(vs->v, (vs->n + 1) * sizeof(*vs->v));
	if (!vs->v)
		abort();
	x = &vs->v[vs->n++];
	memset(x, 0, sizeof(*x));
	snprintf(x->vrf, sizeof(x->vrf), "%s", vrf);
	x->ok = net_link_dump(vrf, &x->links, &x->err) == 0 &&
		net_addr_dump(vrf, AF_UNSPEC, &x->addrs, &x->err) == 0;
	return x;
}

static void views_free(struct views *vs)
{
	for (size_t i = 0; i < vs->n; i++) {
		net_links_free(&vs->v[i].links);
		net_addrs_free(&vs->v[i].addrs);
	}
	free(vs->v);
}

static const struct net_link *by_index(const struct view *v, int ifindex)
{
	for (size_t i = 0; i < v->links.n; i++)
		if (v->links.v[i].ifindex == ifindex)
			return &v->links.v[i];
	return NULL;
}

static void addr_text(const struct net_addr *x, char *buf, size_t size,
		      bool plen)
{
	if (plen)
		text_prefix(x->family, &x->a, x->plen, buf, size);
	else
		text_ip(x->family, &x->a, buf, size);
}

static const char *kind_of(const struct net_link *l)
{
	if (l->kind[0])
		return l->kind;
	return l->loopback ? "loopback" : NULL;
}

static void mac_text(const struct net_link *l, char *buf, size_t size)
{
	const unsigned char *m = l->mac;

	if (!l->has_mac) {
		snprintf(buf, size, "none");
		return;
	}
	text_mac(m, buf, size);
}

/* The other end of a veth: its name and VRF, if it can be found. */
static bool peer_of(struct views *vs, size_t vi, const struct net_link *l,
		   const char **name, const char **vrf)
{
	const struct net_link *p;
	const struct view *pv = &vs->v[vi];

	if (strcmp(l->kind, "veth") || !l->peer_ifindex)
		return false;
	if (l->peer_netnsid >= 0) {
		const char *pvrf = net_vrf_by_netnsid(vs->v[vi].vrf,
						      l->peer_netnsid);

		if (!pvrf)
			return false;
		/* may move the array: views are used by index */
		pv = view_get(vs, net_vrf_is_default(pvrf) ? "" : pvrf);
	}
	p = pv->ok ? by_index(pv, l->peer_ifindex) : NULL;
	if (!p)
		return false;
	*name = p->name;
	*vrf = vrf_label(pv->vrf);
	return true;
}

/* The views of set that could not be read: one VRF is a failure; with
 * 'vrf all' each is reported (unless it vanished) and the others shown.
 * Returns -1 when any is reported. */
static int check_views(struct cli_session *s, const struct views *vs,
		       const struct net_names *set, bool all)
{
	int rc = 0;

	for (size_t k = 0; k < set->n; k++) {
		const struct view *v = &vs->v[k];

		if (v->ok)
			continue;
		if (!all)
			return cmd_fail(s, &v->err,
					"read the interfaces of VRF %s",
					vrf_label(set->v[k]));
		if (cmd_vrf_unreadable(s, set->v[k], &v->err))
			rc = -1;
	}
	return rc;
}

/* ---- show interfaces ------------------------------------------------------ */

static void iface_json(struct json *j, struct views *vs, size_t vi,
		       const struct net_link *l)
{
	const struct view *v = &vs->v[vi];
	const struct net_link *m = l->master ? by_index(v, l->master) : NULL;
	const char *pname, *pvrf;
	char mac[32], text[64];

	json_obj(j, NULL);
	json_str(j, "name", l->name);
	json_str(j, "vrf", vrf_label(v->vrf));
	json_int(j, "ifindex", l->ifindex);
	json_str(j, "kind", kind_of(l));
	json_bool(j, "admin_up", l->admin_up);
	json_bool(j, "oper_up", l->oper_up);
	json_int(j, "mtu", l->mtu);
	mac_text(l, mac, sizeof(mac));
	json_str(j, "mac", l->has_mac ? mac : NULL);
	json_str(j, "description", l->alias[0] ? l->alias : NULL);
	for (int fam = 0; fam < 2; fam++) {
		json_arr(j, fam ? "ipv6" : "ipv4");
		for (size_t i = 0; i < v->addrs.n; i++) {
			const struct net_addr *x = &v->addrs.v[i];

			if (x->ifindex != l->ifindex ||
			    x->family != (fam ? AF_INET6 : AF_INET))
				continue;
			addr_text(x, text, sizeof(text), true);
			json_str(j, NULL, text);
		}
		json_arr_end(j);
	}
	if (peer_of(vs, vi, l, &pname, &pvrf)) {
		json_obj(j, "peer");
		json_str(j, "name", pname);
		json_str(j, "vrf", pvrf);
		json_obj_end(j);
	} else {
		json_null(j, "peer");
	}
	json_str(j, "master", m ? m->name : NULL);
	json_u64(j, "rx_packets", l->rx_packets);
	json_u64(j, "tx_packets", l->tx_packets);
	json_u64(j, "rx_bytes", l->rx_bytes);
	json_u64(j, "tx_bytes", l->tx_bytes);
	json_obj_end(j);
}

static void iface_text(struct cli_out *o, struct views *vs, size_t vi,
		       const struct net_link *l)
{
	const struct view *v = &vs->v[vi];
	const struct net_link *m = l->master ? by_index(v, l->master) : NULL;
	const char *pname, *pvrf, *kind = kind_of(l);
	char mac[32], text[64];
	int members = 0;

	cli_printf(o, "%s is %s, line protocol is %s\n", l->name,
		   l->admin_up ? "up" : "administratively down",
		   l->oper_up ? "up" : "down");
	mac_text(l, mac, sizeof(mac));
	cli_printf(o, "  Hardware is %s, address is %s\n",
		   kind ? kind : "physical", mac);
	if (l->alias[0])
		cli_printf(o, "  Description: %s\n", l->alias);
	cli_printf(o, "  VRF %s, index %d, MTU %u bytes\n", vrf_label(v->vrf),
		   l->ifindex, l->mtu);
	for (size_t i = 0; i < v->addrs.n; i++) {
		const struct net_addr *x = &v->addrs.v[i];

		if (x->ifindex != l->ifindex)
			continue;
		addr_text(x, text, sizeof(text), true);
		if (x->family == AF_INET)
			cli_printf(o, "  Internet address is %s%s\n", text,
				   x->secondary ? " secondary" : "");
		else
			cli_printf(o, "  IPv6 address is %s%s\n", text,
				   x->scope == NET_SCOPE_LINK ? " (link-local)" : "");
	}
	if (peer_of(vs, vi, l, &pname, &pvrf))
		cli_printf(o, "  Peer is %s in VRF %s\n", pname, pvrf);
	v = &vs->v[vi];		/* peer_of may have moved the views */
	if (m)
		cli_printf(o, "  Member of bridge %s\n", m->name);
	for (size_t i = 0; i < v->links.n; i++) {
		if (v->links.v[i].master != l->ifindex)
			continue;
		cli_printf(o, "%s%s", members++ ? ", " : "  Bridge members: ",
			   v->links.v[i].name);
	}
	if (members)
		cli_printf(o, "\n");
	cli_printf(o, "     %llu packets input, %llu bytes\n",
		   (unsigned long long)l->rx_packets,
		   (unsigned long long)l->rx_bytes);
	cli_printf(o, "     %llu packets output, %llu bytes\n",
		   (unsigned long long)l->tx_packets,
		   (unsigned long long)l->tx_bytes);
}

static int do_show_interfaces(struct cli_session *s,
			      const struct cli_args *a, struct cli_out *o)
{
	const char *one = cli_arg(a, "ifname");
	struct views vs = { 0 };
	struct net_names set;
	bool json = cli_has(a, "json"), found = false;
	struct json j;
	int rc = 0;

	if (cmd_vrf_set(s, a, &set))
		return -1;
	for (size_t k = 0; k < set.n; k++)
		view_get(&vs, set.v[k]);
	rc = check_views(s, &vs, &set, cli_has(a, "all"));
	if (rc && !cli_has(a, "all"))
		goto out;
	if (json) {
		json_init(&j, o);
		json_obj(&j, NULL);
		json_arr(&j, "interfaces");
	}
	for (size_t k = 0; k < set.n && !cli_out_aborted(o); k++) {
		for (size_t i = 0; vs.v[k].ok && i < vs.v[k].links.n; i++) {
			struct net_link l = vs.v[k].links.v[i];

			if (one && strcmp(one, l.name))
				continue;
			found = true;
			if (json)
				iface_json(&j, &vs, k, &l);
			else
				iface_text(o, &vs, k, &l);
		}
	}
	if (json) {
		json_arr_end(&j);
		json_obj_end(&j);
		json_done(&j);
	}
	if (one && !found) {
		char buf[96];

		cli_error(s, "Interface %s not found%s", one,
			  set.n == 1 ? in_vrf(set.v[0], buf, sizeof(buf)) : "");
		rc = -1;
	}
out:
	views_free(&vs);
	net_names_free(&set);
	return rc;
}

/* ---- show ip interface brief ------------------------------------------------ */

static const struct net_addr *first_v4(const struct view *v, int ifindex)
{
	for (size_t i = 0; i < v->addrs.n; i++)
		if (v->addrs.v[i].ifindex == ifindex &&
		    v->addrs.v[i].family == AF_INET &&
		    !v->addrs.v[i].secondary)
			return &v->addrs.v[i];
	return NULL;
}

static void brief_json(struct json *j, const struct view *v)
{
	json_obj(j, NULL);
	json_str(j, "vrf", vrf_label(v->vrf));
	json_arr(j, "interfaces");
	for (size_t i = 0; i < v->links.n; i++) {
		const struct net_link *l = &v->links.v[i];
		const struct net_addr *x = first_v4(v, l->ifindex);
		char text[64];

		json_obj(j, NULL);
		json_str(j, "name", l->name);
		if (x)
			addr_text(x, text, sizeof(text), true);
		json_str(j, "ipv4", x ? text : NULL);
		json_str(j, "status", l->admin_up ? "up"
					: "administratively down");
		json_str(j, "protocol", l->oper_up ? "up" : "down");
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

static void brief_text(struct cli_out *o, const struct view *v, bool header)
{
	if (header)
		cli_printf(o, "VRF %s:\n", vrf_label(v->vrf));
	cli_printf(o, "%-22s %-15s %-3s %-6s %-21s %s\n", "Interface",
		   "IP-Address", "OK?", "Method", "Status", "Protocol");
	for (size_t i = 0; i < v->links.n; i++) {
		const struct net_link *l = &v->links.v[i];
		const struct net_addr *x = first_v4(v, l->ifindex);
		char text[64] = "unassigned";

		if (x)
			addr_text(x, text, sizeof(text), false);
		cli_printf(o, "%-22s %-15s %-3s %-6s %-21s %s\n", l->name, text,
			   "YES", x ? "manual" : "unset",
			   l->admin_up ? "up" : "administratively down",
			   l->oper_up ? "up" : "down");
	}
}

static int do_show_brief(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	struct views vs = { 0 };
	struct net_names set;
	bool all = cli_has(a, "all");
	struct json j;
	int rc = 0;

	if (cmd_vrf_set(s, a, &set))
		return -1;
	for (size_t k = 0; k < set.n; k++)
		view_get(&vs, set.v[k]);
	rc = check_views(s, &vs, &set, all);
	if (rc && !all)
		goto out;
	if (cli_has(a, "json")) {
		json_init(&j, o);
		if (all) {
			json_obj(&j, NULL);
			json_arr(&j, "vrfs");
		}
		for (size_t k = 0; k < set.n; k++)
			if (vs.v[k].ok)
				brief_json(&j, &vs.v[k]);
		if (all) {
			json_arr_end(&j);
			json_obj_end(&j);
		}
		json_done(&j);
	} else {
		bool first = true;

		for (size_t k = 0; k < set.n; k++) {
			if (!vs.v[k].ok)
				continue;
			if (!first)
				cli_printf(o, "\n");
			brief_text(o, &vs.v[k], all);
			first = false;
		}
	}
out:
	views_free(&vs);
	net_names_free(&set);
	return rc;
}

#define H_SHOW "Show running system information\n"
#define H_VRFS "In a VRF\nVRF name\nEvery VRF\n"

static const struct cli_cmd show_cmds[] = {
	{ "show interfaces [IFNAME$ifname] [vrf {NAME$vrf|all}] [json]",
	  H_SHOW "Interfaces: state, addresses, peer, counters\n"
	  "Only this interface\n" H_VRFS "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_interfaces },
	{ "show ip interface brief [vrf {NAME$vrf|all}] [json]",
	  H_SHOW "Internet Protocol (IPv4)\nInterfaces\n"
	  "One line per interface\n" H_VRFS "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_brief },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area show_area = {
	.name = "show",
	.cmds = show_cmds,
};
