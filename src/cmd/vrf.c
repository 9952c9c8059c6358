/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vrf.c - VRFs: create, delete, enter, forwarding switches, routing
 * context (show vrf is in show_vrf.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "render/json.h"

static int reserved(struct cli_session *s, const char *vrf, bool creating)
{
	if (net_vrf_is_default(vrf)) {
		cli_error(s, "Error: Invalid VRF name \"%s\": reserved for "
			     "the starting namespace", vrf);
		return -1;
	}
	/* 'all', 'json', 'detail', ...: a VRF could never be named (one
	 * made by another tool can still be deleted) */
	if (creating && cli_grammar_shadows(s->grammar, TOK_VRF, vrf)) {
		cli_error(s, "Error: Invalid VRF name \"%s\": a keyword where "
			     "VRF names are typed", vrf);
		return -1;
	}
	return 0;
}

static int do_vrf(struct cli_session *s, const struct cli_args *a,
		  struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");
	struct net_err err = { 0 };

	(void)o;
	if (reserved(s, vrf, !net_vrf_exists(vrf)))
		return -1;
	if (net_vrf_create(vrf, NULL, &err))
		return cmd_fail(s, &err, "create VRF %s", vrf);
	cli_enter(s, MODE_VRF, vrf, NULL);
	return 0;
}

/* "PID (comm), ..." of pids into list. */
static void pid_list(const int *pids, size_t n, char *list, size_t size)
{
	size_t used = 0;

	list[0] = '\0';
	for (size_t i = 0; i < n && used < size - 32; i++) {
		char comm[64] = "?", path[64];
		FILE *fp;

		snprintf(path, sizeof(path), "/proc/%d/comm", pids[i]);
		fp = fopen(path, "r");
		if (fp) {
			if (fgets(comm, sizeof(comm), fp))
				comm[strcspn(comm, "\n")] = '\0';
			fclose(fp);
		}
		used += (size_t)snprintf(list + used, size - used, "%s%d (%s)",
					 i ? ", " : "", pids[i], comm);
	}
}

static void report_pids(struct cli_session *s, const char *vrf,
			const struct net_vrf_del_report *r)
{
	char list[512];

	pid_list(r->pids, r->npids, list, sizeof(list));
	cli_notice(s, "VRF %s is still in use by process%s %s: its namespace "
		      "lives on until they exit",
		   vrf, r->npids == 1 ? "" : "es", list);
}

static int no_vrf_failed(struct cli_session *s, const char *vrf,
			 const struct net_vrf_del_report *r,
			 const struct net_err *err)
{
	char list[512];

	if (err->code == ENOENT) {
		cli_error(s, "VRF %s not found", vrf);
		return -1;
	}
	if (err->code != EBUSY || !r->nrunning)
		return cmd_fail(s, err, "delete VRF %s", vrf);
	pid_list(r->running, r->nrunning, list, sizeof(list));
	cli_error(s, "Error: VRF %s not deleted: process%s %s run%s in it (no vrf "
		     "%s force deletes it anyway)",
		  vrf, r->nrunning == 1 ? "" : "es", list,
		  r->nrunning == 1 ? "s" : "", vrf);
	return -1;
}

static int do_no_vrf(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");
	unsigned flags = cli_has(a, "force") ? NET_VRF_DEL_FORCE : 0;
	struct net_vrf_del_report r = { 0 };
	struct net_err err = { 0 };
	int ret = 0;

	(void)o;
	if (reserved(s, vrf, false))
		return -1;
	if (net_vrf_delete(vrf, flags, &r, &err)) {
		ret = no_vrf_failed(s, vrf, &r, &err);
		net_vrf_del_report_free(&r);
		return ret;
	}
	if (r.stale)
		cli_notice(s, "Removed %s/%s: a stale entry with no namespace",
			   NET_NETNS_DIR, vrf);
	for (size_t i = 0; i < r.destroyed.n; i++)
		cli_notice(s, "Interface %s destroyed with VRF %s",
			   r.destroyed.v[i], vrf);
	for (size_t i = 0; i < r.returned.n; i++)
		cli_notice(s, "Interface %s returned to VRF default",
			   r.returned.v[i]);
	if (r.npids)
		report_pids(s, vrf, &r);
	if (!strcmp(s->context_vrf, vrf))
		s->context_vrf[0] = '\0';
	net_vrf_del_report_free(&r);
	return 0;
}

static int do_exit_vrf(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	(void)a;
	(void)o;
	cli_enter(s, MODE_CONFIG, NULL, NULL);
	return 0;
}

static int set_forwarding(struct cli_session *s, const struct cli_args *a,
			  int family, bool on)
{
	const char *vrf = cli_context_vrf(s);
	struct net_err err = { 0 };

	(void)a;
	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_forwarding_set(vrf, family, on, &err))
		return cmd_fail(s, &err, "%s %s forwarding in VRF %s",
				on ? "enable" : "disable",
				family == AF_INET ? "IPv4" : "IPv6",
				vrf_label(vrf));
	return 0;
}

static int do_ip_routing(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	(void)o;
	return set_forwarding(s, a, AF_INET, true);
}

static int do_no_ip_routing(struct cli_session *s, const struct cli_args *a,
			    struct cli_out *o)
{
	(void)o;
	return set_forwarding(s, a, AF_INET, false);
}

static int do_ipv6_routing(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	(void)o;
	return set_forwarding(s, a, AF_INET6, true);
}

static int do_no_ipv6_routing(struct cli_session *s,
			      const struct cli_args *a, struct cli_out *o)
{
	(void)o;
	return set_forwarding(s, a, AF_INET6, false);
}

static int do_routing_context(struct cli_session *s,
			      const struct cli_args *a, struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");

	(void)o;
	if (cmd_vrf_exists(s, vrf))
		return -1;
	snprintf(s->context_vrf, sizeof(s->context_vrf), "%s",
		 net_vrf_is_default(vrf) ? "" : vrf);
	return 0;
}

static const struct cli_cmd vrf_cmds[] = {
	{ "vrf NAME$vrf",
	  "Create a VRF (a network namespace) and configure it\nVRF name",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_vrf },
	{ "no vrf NAME$vrf [force]",
	  "Negate a command or set its defaults\n"
	  "Delete a VRF and its namespace\nVRF name\n"
	  "Even with processes running in it",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_no_vrf },
	{ "exit-vrf", "Leave VRF configuration mode",
	  MODE_VRF, PRIV_ADMIN, 0, do_exit_vrf },
	{ "ip routing", "Internet Protocol (IPv4)\nForward IPv4 packets",
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, do_ip_routing },
	{ "no ip routing",
	  "Negate a command or set its defaults\nInternet Protocol (IPv4)\n"
	  "Stop forwarding IPv4 packets",
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, do_no_ip_routing },
	{ "ipv6 unicast-routing", "Internet Protocol version 6\n"
	  "Forward IPv6 packets",
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, do_ipv6_routing },
	{ "no ipv6 unicast-routing",
	  "Negate a command or set its defaults\nInternet Protocol version 6\n"
	  "Stop forwarding IPv6 packets",
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, do_no_ipv6_routing },
	{ "routing-context vrf NAME$vrf",
	  "Set the VRF that show, ping and traceroute use\n"
	  "A VRF\nVRF name (default for the starting namespace)",
	  CLI_EXEC, PRIV_USER, 0, do_routing_context },
	{ NULL, NULL, 0, 0, 0, NULL },
};

/* ---- running-config ------------------------------------------------------------ */

static void forwarding(struct cli_out *o, const struct cfg_vrf *v,
		       const char *indent)
{
	cli_printf(o, "%s%sip routing\n", indent, v->v4 ? "" : "no ");
	cli_printf(o, "%s%sipv6 unicast-routing\n", indent, v->v6 ? "" : "no ");
}

/* The default VRF's forwarding switches, then a stanza per VRF. */
static void vrf_config(struct cli_config *c)
{
	if (c->only_if)
		return;
	for (size_t i = 0; i < c->n; i++) {
		const struct cfg_vrf *v;
		char what[CLI_ESCAPED_MAX(NET_VRF_NAME_MAX) + 16];

		if (cfg_covers(c, i) && c->v[i].unsafe) {
			snprintf(what, sizeof(what), "VRF \"%s\"", c->v[i].name);
			cfg_left_out(c, what, "its name cannot be typed back, "
				     "so neither it nor what it holds is "
				     "written");
			continue;
		}
		if (!cfg_covers(c, i) || !(v = cfg_vrf(c, i)))
			continue;
		if (!*v->name) {
			forwarding(c->o, v, "");
			cli_printf(c->o, "!\n");
			continue;
		}
		cli_printf(c->o, "vrf %s\n", v->name);
		forwarding(c->o, v, " ");
		cli_printf(c->o, "exit-vrf\n!\n");
	}
}

static void vrf_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	snprintf(buf, size, "(config-vrf-%s)", cli_frame_get(f, "vrf"));
}

static const struct cli_mode vrf_modes[] = {
	{ MODE_VRF, "config-vrf", MODE_CONFIG, { "vrf", NULL }, vrf_prompt },
	{ 0, NULL, 0, { NULL, NULL }, NULL },
};

static const struct cli_config_ops vrf_config_ops = {
	.stanzas = vrf_config,
};

const struct cli_area vrf_area = {
	.name = "vrf",
	.cmds = vrf_cmds,
	.modes = vrf_modes,
	.config = &vrf_config_ops,
};
