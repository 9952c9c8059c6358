/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * show.c - show interfaces (IOS's layout, counters less the baselines of
 * clear counters), show interfaces status and description, show ip
 * interface brief, for one VRF or all, as text or JSON; clear counters.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/ifview.h"
#include "render/json.h"
#include "render/text.h"

/* ---- show interfaces ------------------------------------------------------ */

static bool zero_mac(const unsigned char *m)
{
	return !(m[0] | m[1] | m[2] | m[3] | m[4] | m[5]);
}

/* The burnt-in address: the driver's permanent one, else the current. */
static const unsigned char *bia_of(const struct net_link *l)
{
	return l->has_perm_mac && !zero_mac(l->perm_mac) ? l->perm_mac : l->mac;
}

static bool virtual_kind(const struct net_link *l)
{
	return l->kind[0] != '\0';
}

static void iface_json_extra(struct json *j, const struct view *v, size_t i)
{
	const struct net_link *l = &v->links.v[i];
	char bia[TEXT_MAC_MAX];

	text_mac(bia_of(l), bia, sizeof(bia));
	json_str(j, "bia", l->has_mac ? bia : NULL);
	if (l->speed_mbps)
		json_u64(j, "speed", l->speed_mbps);
	else
		json_null(j, "speed");
	json_str(j, "duplex",
		 l->duplex < 0 ? NULL :
		 l->duplex     ? "full" :
				 "half");
	json_u64(j, "txqlen", l->txqlen);
	if (v->cleared && v->cleared[i] >= 0)
		json_int(j, "counters_cleared", v->cleared[i]);
	else
		json_null(j, "counters_cleared");
	for (int k = NET_TX_BYTES + 1; k < NET_STATS; k++)
		json_u64(j, net_stat_names[k], l->stats.v[k]);
}

static void iface_json(struct json *j, struct views *vs, size_t vi, size_t i)
{
	const struct view *v = &vs->v[vi];
	const struct net_link *l = &v->links.v[i];
	const struct net_link *m = l->master ? view_link(v, l->master) : NULL;
	const char *pname, *pvrf;
	char mac[TEXT_MAC_MAX], text[TEXT_PREFIX_MAX];

	json_obj(j, NULL);
	json_str(j, "name", l->name);
	json_str(j, "vrf", vrf_label(v->vrf));
	json_int(j, "ifindex", l->ifindex);
	json_str(j, "kind", view_kind(l));
	json_bool(j, "admin_up", l->admin_up);
	json_bool(j, "oper_up", l->oper_up);
	json_int(j, "mtu", l->mtu);
	text_mac(l->mac, mac, sizeof(mac));
	json_str(j, "mac", l->has_mac ? mac : NULL);
	json_str(j, "description", l->alias[0] ? l->alias : NULL);
	for (int fam = 0; fam < 2; fam++) {
		json_arr(j, fam ? "ipv6" : "ipv4");
		for (size_t k = 0; k < v->addrs.n; k++) {
			const struct net_addr *x = &v->addrs.v[k];

			if (x->ifindex != l->ifindex ||
			    x->family != (fam ? AF_INET6 : AF_INET))
				continue;
			text_prefix(x->family, &x->a, x->plen, text,
				    sizeof(text));
			json_str(j, NULL, text);
		}
		json_arr_end(j);
	}
	if (view_peer(vs, vi, l, &pname, &pvrf)) {
		json_obj(j, "peer");
		json_str(j, "name", pname);
		json_str(j, "vrf", pvrf);
		json_obj_end(j);
	} else {
		json_null(j, "peer");
	}
	v = &vs->v[vi]; /* view_peer may have moved the views */
	json_str(j, "master", m ? m->name : NULL);
	json_u64(j, "rx_packets", l->rx_packets);
	json_u64(j, "tx_packets", l->tx_packets);
	json_u64(j, "rx_bytes", l->rx_bytes);
	json_u64(j, "tx_bytes", l->tx_bytes);
	iface_json_extra(j, v, i);
	json_obj_end(j);
}

/* "Hardware is veth, address is 7ee4.29bc.9c67 (bia 7ee4.29bc.9c67)" */
static void hardware_line(struct cli_out *o, const struct net_link *l)
{
	const char *kind = view_kind(l);
	char mac[TEXT_MAC_MAX], bia[TEXT_MAC_MAX];

	if (l->loopback) {
		cli_printf(o, "  Hardware is Loopback\n");
		return;
	}
	if (!kind)
		kind = "Ethernet";
	if (!l->has_mac) {
		cli_printf(o, "  Hardware is %s\n", kind);
		return;
	}
	text_mac_dotted(l->mac, mac, sizeof(mac));
	text_mac_dotted(bia_of(l), bia, sizeof(bia));
	cli_printf(o, "  Hardware is %s, address is %s (bia %s)\n", kind, mac,
		   bia);
}

/* What vrfsh adds to IOS's block: the VRF, the veth peer, the bridge.
 * Indented, so that tools reading IOS blocks keep them in the block. */
static void vrfsh_lines(struct cli_out *o, struct views *vs, size_t vi,
			const struct net_link *l)
{
	const struct view *v = &vs->v[vi];
	const struct net_link *m = l->master ? view_link(v, l->master) : NULL;
	const char *pname, *pvrf, *vrf = vrf_label(v->vrf);
	int members = 0;

	cli_printf(o, "  VRF %s, index %d", vrf, l->ifindex);
	if (view_peer(vs, vi, l, &pname, &pvrf))
		cli_printf(o, ", peer %s in VRF %s", pname, pvrf);
	cli_printf(o, "\n");
	v = &vs->v[vi]; /* view_peer may have moved the views */
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
}

static const char *media_of(const struct net_link *l)
{
	enum {
		TP = 0,
		AUI = 1,
		BNC = 2,
		MII = 3,
		FIBRE = 4,
		DA = 5
	};

	if (virtual_kind(l))
		return "Virtual";
	switch (l->port) {
	case TP:
		return "RJ45";
	case FIBRE:
		return "Fiber";
	case DA:
		return "Direct Attach Copper";
	case MII:
		return "MII";
	}
	return "unknown";
}

/* MTU, bandwidth and delay; then duplex and speed as the driver says. */
static void media_lines(struct cli_out *o, const struct net_link *l)
{
	/* DLY is IOS's default for the medium: a metric the kernel has no
	 * notion of; BW is the driver's speed (0 when it does not say) */
	cli_printf(o, "  MTU %u bytes, BW %llu Kbit/sec, DLY %u usec,\n",
		   l->mtu,
		   l->loopback ? 8000000ULL :
				 (unsigned long long)l->speed_mbps * 1000,
		   l->loopback ? 5000 : 10);
	cli_printf(o, "  Encapsulation %s, loopback not set\n",
		   l->loopback ? "LOOPBACK" : "ARPA");
	if (!l->loopback && l->speed_mbps && l->duplex >= 0)
		cli_printf(o,
			   "  %s Duplex, %uMbps, link type is auto, media "
			   "type is %s\n",
			   l->duplex ? "Full" : "Half", l->speed_mbps,
			   media_of(l));
	if (!l->loopback && l->has_mac)
		cli_printf(o, "  ARP type: ARPA\n");
}

static unsigned long backlog_max(void)
{
	static unsigned long max;
	FILE *fp;

	if (max)
		return max;
	fp = fopen("/proc/sys/net/core/netdev_max_backlog", "re");
	if (fp) {
		if (fscanf(fp, "%lu", &max) != 1)
			max = 0;
		fclose(fp);
	}
	if (!max)
		max = 1000;
	return max;
}

static void counter_lines(struct cli_out *o, const struct net_link *l,
			  long cleared)
{
	const uint64_t *c = l->stats.v;
	char age[32];

	if (cleared < 0) {
		snprintf(age, sizeof(age), "never");
	} else {
		text_age((unsigned long)cleared, age, sizeof(age));
	}
	cli_printf(o, "  Last clearing of \"show interface\" counters %s\n",
		   age);
	cli_printf(o,
		   "  Input queue: 0/%lu/%llu/0 (size/max/drops/flushes); "
		   "Total output drops: %llu\n",
		   backlog_max(), (unsigned long long)c[NET_RX_DROPPED],
		   (unsigned long long)c[NET_TX_DROPPED]);
	cli_printf(o, "  Output queue: 0/%u (size/max)\n", l->txqlen);
#define N(x) ((unsigned long long)c[x])
	cli_printf(o, "     %llu packets input, %llu bytes, %llu no buffer\n",
		   N(NET_RX_PACKETS), N(NET_RX_BYTES), N(NET_RX_MISSED_ERRORS));
	cli_printf(o, "     0 runts, %llu giants, 0 throttles\n",
		   N(NET_RX_LENGTH_ERRORS));
	cli_printf(o,
		   "     %llu input errors, %llu CRC, %llu frame, %llu "
		   "overrun, %llu ignored\n",
		   N(NET_RX_ERRORS), N(NET_RX_CRC_ERRORS),
		   N(NET_RX_FRAME_ERRORS), N(NET_RX_OVER_ERRORS),
		   N(NET_RX_FIFO_ERRORS));
	cli_printf(o, "     0 watchdog, %llu multicast, 0 pause input\n",
		   N(NET_MULTICAST));
	cli_printf(o, "     %llu packets output, %llu bytes, %llu underruns\n",
		   N(NET_TX_PACKETS), N(NET_TX_BYTES), N(NET_TX_FIFO_ERRORS));
	cli_printf(o,
		   "     %llu output errors, %llu collisions, %llu "
		   "interface resets\n",
		   N(NET_TX_ERRORS), N(NET_COLLISIONS), N(NET_CARRIER_CHANGES));
	cli_printf(o, "     %llu unknown protocol drops\n",
		   N(NET_RX_NOHANDLER));
	cli_printf(o, "     0 babbles, %llu late collision, 0 deferred\n",
		   N(NET_TX_WINDOW_ERRORS));
	cli_printf(o, "     %llu lost carrier, 0 no carrier, 0 pause output\n",
		   N(NET_TX_CARRIER_ERRORS));
#undef N
}

static void iface_text(struct cli_out *o, struct views *vs, size_t vi, size_t i)
{
	struct view *v = &vs->v[vi];
	const struct net_link *l = &v->links.v[i];
	const struct net_addr *x = view_first_v4(v, l->ifindex);
	long cleared = v->cleared ? v->cleared[i] : -1;
	char text[TEXT_PREFIX_MAX];

	cli_printf(o, "%s is %s, line protocol is %s\n", l->name,
		   view_status(l), view_protocol(l));
	hardware_line(o, l);
	if (l->alias[0])
		cli_printf(o, "  Description: %s\n", l->alias);
	if (x) {
		text_prefix(x->family, &x->a, x->plen, text, sizeof(text));
		cli_printf(o, "  Internet address is %s\n", text);
	}
	vrfsh_lines(o, vs, vi, l);
	/* vrfsh_lines may have moved the views */
	l = &vs->v[vi].links.v[i];
	media_lines(o, l);
	counter_lines(o, l, cleared);
}

static void interfaces_begin(struct json *j, struct cli_out *o, bool json)
{
	if (!json)
		return;
	json_init(j, o);
	json_obj(j, NULL);
	json_arr(j, "interfaces");
}

static void interfaces_end(struct json *j, bool json)
{
	if (!json)
		return;
	json_arr_end(j);
	json_obj_end(j);
	json_done(j);
}

static int do_show_interfaces(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	const char *one = cli_arg(a, "ifname");
	bool json = cli_has(a, "json"), all = cli_has(a, "all");
	bool found = false;
	struct views vs = { 0 };
	struct net_names set;
	struct json j;
	size_t nset;
	int rc;

	if (cmd_vrf_set(s, a, &set))
		return -1;
	rc = views_read(s, &vs, &set, all);
	if (rc && !all)
		goto out;
	nset = set.n;
	for (size_t k = 0; k < nset; k++) {
		view_counters(s, &vs.v[k]);
		view_ethtool(&vs.v[k]);
	}
	interfaces_begin(&j, o, json);
	for (size_t k = 0; k < nset && !cli_out_aborted(o); k++) {
		for (size_t i = 0; vs.v[k].ok && i < vs.v[k].links.n; i++) {
			if (one && strcmp(one, vs.v[k].links.v[i].name))
				continue;
			found = true;
			if (json)
				iface_json(&j, &vs, k, i);
			else
				iface_text(o, &vs, k, i);
		}
	}
	interfaces_end(&j, json);
	if (one && !found)
		rc = view_not_found(s, one, &set);
out:
	views_free(&vs);
	net_names_free(&set);
	return rc;
}

/* ---- show interfaces status / description --------------------------------- */

/* "10G", "1000", "auto" */
static void speed_text(const struct net_link *l, char *buf, size_t size)
{
	if (!l->speed_mbps)
		snprintf(buf, size, "auto");
	else if (l->speed_mbps >= 10000 && l->speed_mbps % 1000 == 0)
		snprintf(buf, size, "%uG", l->speed_mbps / 1000);
	else
		snprintf(buf, size, "%u", l->speed_mbps);
}

static const char *type_of(const struct net_link *l)
{
	if (l->loopback)
		return "Loopback";
	if (!strcmp(l->kind, "veth"))
		return "Virtual Ethernet";
	if (l->kind[0])
		return l->kind;
	return "Ethernet";
}

/* IOS's Status column: connected, notconnect, disabled. */
static const char *port_status(const struct net_link *l)
{
	if (!l->admin_up)
		return "disabled";
	return l->oper_up ? "connected" : "notconnect";
}

/* A description cut to the Name column, at a character boundary. */
static void name_column(const char *alias, char *buf, size_t width)
{
	size_t n = 0;

	while (alias[n] && n < width) {
		size_t k = 1;

		while (((unsigned char)alias[n + k] & 0xc0) == 0x80)
			k++;
		if (n + k > width)
			break;
		n += k;
	}
	memcpy(buf, alias, n);
	buf[n] = '\0';
	/* a name that ends in blanks would run into the Status column */
	while (n && buf[n - 1] == ' ')
		buf[--n] = '\0';
}

static void status_row(struct cli_out *o, const struct net_link *l)
{
	char name[19 * 4], speed[16];

	name_column(l->alias, name, 18);
	speed_text(l, speed, sizeof(speed));
	cli_printf(o, "%-9s %-18s %-12s %-10s %6s %6s %s\n", l->name, name,
		   port_status(l), "routed",
		   l->duplex < 0 ? "auto" :
		   l->duplex	 ? "full" :
				   "half",
		   speed, type_of(l));
}

static void description_row(struct cli_out *o, const struct net_link *l)
{
	const char *status = !l->admin_up ? "admin down" :
			     l->carrier	  ? "up" :
					    "down";

	if (l->alias[0])
		cli_printf(o, "%-30s %-14s %-8s %s\n", l->name, status,
			   view_protocol(l), l->alias);
	else
		cli_printf(o, "%-30s %-14s %s\n", l->name, status,
			   view_protocol(l));
}

static void table_json(struct json *j, const struct view *v, bool status)
{
	for (size_t i = 0; i < v->links.n; i++) {
		const struct net_link *l = &v->links.v[i];

		json_obj(j, NULL);
		json_str(j, "name", l->name);
		json_str(j, "vrf", vrf_label(v->vrf));
		json_str(j, "description", l->alias[0] ? l->alias : NULL);
		if (status) {
			json_str(j, "status", port_status(l));
			json_str(j, "duplex",
				 l->duplex < 0 ? NULL :
				 l->duplex     ? "full" :
						 "half");
			if (l->speed_mbps)
				json_u64(j, "speed", l->speed_mbps);
			else
				json_null(j, "speed");
			json_str(j, "type", type_of(l));
		} else {
			json_str(j, "status", view_status(l));
			json_str(j, "protocol", view_protocol(l));
		}
		json_obj_end(j);
	}
}

static int show_table(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o, bool status)
{
	bool json = cli_has(a, "json"), all = cli_has(a, "all");
	struct views vs = { 0 };
	struct net_names set;
	struct json j;
	int rc;

	if (cmd_vrf_set(s, a, &set))
		return -1;
	rc = views_read(s, &vs, &set, all);
	if (rc && !all)
		goto out;
	interfaces_begin(&j, o, json);
	if (!json)
		cli_printf(o, status ?
				      "Port      Name               Status"
				      "       Vlan       Duplex  Speed Type\n" :
				      "Interface                      Status"
				      "         Protocol Description\n");
	for (size_t k = 0; k < set.n; k++) {
		struct view *v = &vs.v[k];

		if (!v->ok)
			continue;
		if (status)
			view_ethtool(v);
		if (json) {
			table_json(&j, v, status);
			continue;
		}
		for (size_t i = 0; i < v->links.n; i++) {
			if (status)
				status_row(o, &v->links.v[i]);
			else
				description_row(o, &v->links.v[i]);
		}
	}
	interfaces_end(&j, json);
out:
	views_free(&vs);
	net_names_free(&set);
	return rc;
}

static int do_show_status(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	return show_table(s, a, o, true);
}

static int do_show_description(struct cli_session *s, const struct cli_args *a,
			       struct cli_out *o)
{
	return show_table(s, a, o, false);
}

/* ---- show ip interface brief ------------------------------------------------ */

static void brief_json(struct json *j, const struct view *v)
{
	json_obj(j, NULL);
	json_str(j, "vrf", vrf_label(v->vrf));
	json_arr(j, "interfaces");
	for (size_t i = 0; i < v->links.n; i++) {
		const struct net_link *l = &v->links.v[i];
		const struct net_addr *x = view_first_v4(v, l->ifindex);
		char text[TEXT_PREFIX_MAX];

		json_obj(j, NULL);
		json_str(j, "name", l->name);
		if (x)
			text_prefix(x->family, &x->a, x->plen, text,
				    sizeof(text));
		json_str(j, "ipv4", x ? text : NULL);
		json_str(j, "status",
			 l->admin_up ? "up" : "administratively down");
		json_str(j, "protocol", l->oper_up ? "up" : "down");
		json_obj_end(j);
	}
	json_arr_end(j);
	json_obj_end(j);
}

/* IOS's columns: Interface 27, IP-Address 16, OK? 4, Method 7, Status
 * 22, then Protocol. */
static void brief_text(struct cli_out *o, const struct view *v, bool header)
{
	if (header)
		cli_printf(o, "VRF %s:\n", vrf_label(v->vrf));
	cli_printf(o, "%-26s %-15s %-3s %-6s %-21s %s\n", "Interface",
		   "IP-Address", "OK?", "Method", "Status", "Protocol");
	for (size_t i = 0; i < v->links.n; i++) {
		const struct net_link *l = &v->links.v[i];
		const struct net_addr *x = view_first_v4(v, l->ifindex);
		char text[TEXT_IP_MAX] = "unassigned";

		if (x)
			text_ip(x->family, &x->a, text, sizeof(text));
		cli_printf(o, "%-26s %-15s %-3s %-6s %-21s %s\n", l->name, text,
			   "YES", x ? "manual" : "unset", view_status(l),
			   view_protocol(l));
	}
}

static int do_show_brief(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	struct views vs = { 0 };
	struct net_names set;
	bool all = cli_has(a, "all"), first = true;
	struct json j;
	int rc;

	if (cmd_vrf_set(s, a, &set))
		return -1;
	rc = views_read(s, &vs, &set, all);
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
		goto out;
	}
	for (size_t k = 0; k < set.n; k++) {
		if (!vs.v[k].ok)
			continue;
		if (!first)
			cli_printf(o, "\n");
		brief_text(o, &vs.v[k], all);
		first = false;
	}
out:
	views_free(&vs);
	net_names_free(&set);
	return rc;
}

/* ---- clear counters --------------------------------------------------------- */

/* IOS asks at the console: Enter or y goes on. */
static bool confirmed(struct cli_session *s, const char *what)
{
	char answer[16], prompt[128];

	if (!s->interactive)
		return true;
	snprintf(prompt, sizeof(prompt),
		 "Clear \"show interface\" counters on %s [confirm]", what);
	if (cli_read_text(s, prompt, answer, sizeof(answer)))
		return false;
	return !answer[0] || answer[0] == 'y' || answer[0] == 'Y';
}

static int clear_vrf(struct cli_session *s, const char *vrf, const char *ifname)
{
	struct net_err err = { 0 };
	char buf[96];

	if (net_counters_clear(vrf, ifname, &err) == 0)
		return 0;
	if (ifname && err.code == ENODEV) {
		cli_error(s, "Interface %s not found%s", ifname,
			  in_vrf(vrf, buf, sizeof(buf)));
		return -1;
	}
	if (!ifname && err.code == ENOENT)
		return 0; /* the VRF went since it was listed */
	if (!ifname)
		return cmd_fail(s, &err, "clear the counters of VRF %s",
				vrf_label(vrf));
	return cmd_fail(s, &err, "clear the counters of %s%s", ifname,
			in_vrf(vrf, buf, sizeof(buf)));
}

/* clear counters [IFNAME [vrf NAME]] | clear counters vrf NAME: without
 * an interface or a VRF, every interface of every VRF (as IOS clears
 * every interface). */
static int do_clear_counters(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	const char *ifname = cli_arg(a, "ifname");
	bool every = !ifname && !cli_arg(a, "vrf");
	struct net_names set = { 0 };
	int rc = 0;

	(void)o;
	if (every) {
		if (cmd_vrf_list(s, &set))
			return -1;
	} else if (cmd_vrf_exists(s, cmd_vrf(s, a))) {
		return -1;
	}
	if (!confirmed(s, ifname ? "this interface" : "all interfaces")) {
		net_names_free(&set);
		return 0;
	}
	if (!every) {
		rc = clear_vrf(s, cmd_vrf(s, a), ifname);
	} else {
		rc = clear_vrf(s, "", NULL);
		for (size_t i = 0; i < set.n; i++)
			if (clear_vrf(s, set.v[i], NULL))
				rc = -1;
	}
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
	{ "show interfaces status [vrf {NAME$vrf|all}] [json]",
	  H_SHOW "Interfaces: state, addresses, peer, counters\n"
		 "One line per interface: status, duplex, speed, type\n" H_VRFS
		 "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_status },
	{ "show interfaces description [vrf {NAME$vrf|all}] [json]",
	  H_SHOW
	  "Interfaces: state, addresses, peer, counters\n"
	  "One line per interface: status, protocol, description\n" H_VRFS
	  "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_description },
	{ "show ip interface brief [vrf {NAME$vrf|all}] [json]",
	  H_SHOW "Internet Protocol (IPv4)\nInterfaces\n"
		 "One line per interface\n" H_VRFS "JSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_brief },
	{ "clear counters [IFNAME$ifname] [vrf NAME$vrf]",
	  "Reset functions\nClear the counters that show interfaces shows\n"
	  "Only this interface\nIn a VRF (or: every interface of it)\n"
	  "VRF name",
	  CLI_EXEC, PRIV_ADMIN, 0, do_clear_counters },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area show_area = {
	.name = "show",
	.cmds = show_cmds,
};
