/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vrf.c - VRFs: create, delete, enter (as 'vrf NAME', IOS's 'vrf
 * definition NAME' and 'ip vrf NAME', EOS's 'vrf instance NAME'), their
 * description, route distinguisher and address families, forwarding
 * switches, routing context, and their running-config stanzas (show vrf
 * is in show_vrf.c).
 *
 * A VRF's description and RD mean nothing to the kernel: they are kept in
 * the VRF's per-boot record "vrf" (net/state.h), keyed by its namespace,
 * so that a VRF made again by another tool starts without them.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmds.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "net/state.h"
#include "render/json.h"

static int reserved(struct cli_session *s, const char *vrf, bool creating)
{
	if (net_vrf_is_default(vrf)) {
		cli_error(s,
			  "Error: Invalid VRF name \"%s\": reserved for "
			  "the starting namespace",
			  vrf);
		return -1;
	}
	/* 'all', 'json', 'detail', ...: a VRF could never be named (one
	 * made by another tool can still be deleted) */
	if (creating && cli_grammar_shadows(s->grammar, TOK_VRF, vrf)) {
		cli_error(s,
			  "Error: Invalid VRF name \"%s\": a keyword where "
			  "VRF names are typed",
			  vrf);
		return -1;
	}
	return 0;
}

/* vrf NAME enters vrfsh's VRF mode, where interfaces and routes are
 * this VRF's; vrf definition NAME (and ip vrf, vrf instance) the mode IOS
 * has, which holds only the VRF's own settings, so that what follows a
 * stanza in a configuration walks up to global configuration. */
static int do_vrf(struct cli_session *s, const struct cli_args *a,
		  struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");
	struct net_err err = { 0 };
	bool ios = cli_declares(a, "definition") ||
		   cli_declares(a, "instance") || cli_declares(a, "ip");

	(void)o;
	if (reserved(s, vrf, !net_vrf_exists(vrf)))
		return -1;
	if (net_vrf_create(vrf, NULL, &err))
		return cmd_fail(s, &err, "create VRF %s", vrf);
	cli_enter(s, ios ? MODE_VRF_DEF : MODE_VRF, vrf, NULL);
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
	cli_notice(s,
		   "VRF %s is still in use by process%s %s: its namespace "
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
	cli_error(s,
		  "Error: VRF %s not deleted: process%s %s run%s in it (no vrf "
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
	/* its configured routes and other per-boot state go with it */
	if (net_state_forget(vrf, &err))
		cli_warn(s, "Cannot remove the records of VRF %s: %s", vrf,
			 err.msg);
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

/* ---- description and RD ------------------------------------------------------ */

#define REC_VRF "vrf"

int cmd_vrf_info(const char *vrf, struct cmd_vrf_info *out, struct net_err *err)
{
	char *data = NULL, *line, *next;
	size_t len = 0;

	memset(out, 0, sizeof(*out));
	if (net_state_read(vrf, REC_VRF, &data, &len, err))
		return err->code == ENOENT ? 0 : -1;
	for (line = data; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (!strncmp(line, "description ", 12))
			snprintf(out->description, sizeof(out->description),
				 "%s", line + 12);
		else if (!strncmp(line, "rd ", 3))
			snprintf(out->rd, sizeof(out->rd), "%s", line + 3);
	}
	free(data);
	return 0;
}

static int vrf_info_store(struct cli_session *s, const char *vrf,
			  const struct cmd_vrf_info *info)
{
	struct net_err err = { 0 };
	char text[sizeof(info->description) + sizeof(info->rd) + 32];
	int lock, rc;

	lock = net_state_lock(REC_VRF, true, &err);
	if (lock < 0)
		return cmd_fail(s, &err, "keep the settings of VRF %s", vrf);
	snprintf(text, sizeof(text), "%s%s%s%s%s%s",
		 *info->description ? "description " : "", info->description,
		 *info->description ? "\n" : "", *info->rd ? "rd " : "",
		 info->rd, *info->rd ? "\n" : "");
	if (*text)
		rc = net_state_write(vrf, REC_VRF, text, strlen(text), &err);
	else
		rc = net_state_remove(vrf, REC_VRF, &err);
	net_state_unlock(lock);
	return rc ? cmd_fail(s, &err, "keep the settings of VRF %s", vrf) : 0;
}

/* Changes one setting of the VRF of the mode: the description or the
 * RD (value NULL removes it). */
static int vrf_info_set(struct cli_session *s, bool rd, const char *value)
{
	const char *vrf = cli_context_vrf(s);
	struct cmd_vrf_info info;
	struct net_err err = { 0 };

	if (cmd_vrf_info(vrf, &info, &err))
		return cmd_fail(s, &err, "read the settings of VRF %s", vrf);
	if (rd)
		snprintf(info.rd, sizeof(info.rd), "%s", value ? value : "");
	else
		snprintf(info.description, sizeof(info.description), "%s",
			 value ? value : "");
	return vrf_info_store(s, vrf, &info);
}

static int do_vrf_description(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	const char *text = cli_arg(a, "text");

	(void)o;
	if (strlen(text) > CMD_VRF_DESC_MAX) {
		cli_error(s, "Error: Description is longer than %d characters",
			  CMD_VRF_DESC_MAX);
		return -1;
	}
	return vrf_info_set(s, false, text);
}

static int do_no_vrf_description(struct cli_session *s,
				 const struct cli_args *a, struct cli_out *o)
{
	(void)a;
	(void)o;
	return vrf_info_set(s, false, NULL);
}

/* ASN:NN (16-bit ASN, 32-bit number; or 32-bit ASN, 16-bit number) or
 * A.B.C.D:NN, as IOS takes a route distinguisher. */
static bool rd_ok(const char *rd)
{
	const char *colon = strrchr(rd, ':');
	unsigned char ip[4];
	char head[32];
	long a, n;

	if (!colon || (size_t)(colon - rd) >= sizeof(head))
		return false;
	memcpy(head, rd, (size_t)(colon - rd));
	head[colon - rd] = '\0';
	if (!cli_parse_long(colon + 1, &n) || n < 0)
		return false;
	if (cli_parse_ipv4(head, ip))
		return n <= 65535;
	if (!cli_parse_long(head, &a) || a < 0)
		return false;
	return (a <= 65535 && n <= 4294967295L) ||
	       (a <= 4294967295L && n <= 65535);
}

static int do_vrf_rd(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	const char *rd = cli_arg(a, "rd");

	(void)o;
	if (!rd_ok(rd)) {
		cli_error(s,
			  "Error: Invalid route distinguisher \"%s\": "
			  "ASN:NN or A.B.C.D:NN",
			  rd);
		return -1;
	}
	return vrf_info_set(s, true, rd);
}

static int do_no_vrf_rd(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	(void)a;
	(void)o;
	return vrf_info_set(s, true, NULL);
}

/* address-family ipv4|ipv6: a VRF has both, always; the sub-mode is
 * there so that IOS configurations read as written. */
static int do_address_family(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	(void)o;
	cli_enter(s, MODE_VRF_AF, cli_context_vrf(s),
		  cli_has(a, "ipv6") ? "ipv6" : "ipv4");
	return 0;
}

static int do_exit_af(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o)
{
	(void)a;
	(void)o;
	cli_exit_mode(s);
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

static int do_no_ipv6_routing(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	(void)o;
	return set_forwarding(s, a, AF_INET6, false);
}

static int do_routing_context(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
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
	{ "vrf definition NAME$vrf",
	  "Create a VRF (a network namespace) and configure it\n"
	  "As IOS writes it\nVRF name",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_vrf },
	{ "ip vrf NAME$vrf",
	  "Internet Protocol (IPv4)\n"
	  "Create a VRF (a network namespace) and configure it\nVRF name",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_vrf },
	{ "vrf instance NAME$vrf",
	  "Create a VRF (a network namespace) and configure it\n"
	  "As EOS writes it\nVRF name",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_vrf },
	{ "no vrf {definition|instance} NAME$vrf [force]",
	  "Negate a command or set its defaults\n"
	  "Delete a VRF and its namespace\nAs IOS writes it\n"
	  "As EOS writes it\nVRF name\nEven with processes running in it",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_no_vrf },
	{ "no ip vrf NAME$vrf [force]",
	  "Negate a command or set its defaults\nInternet Protocol (IPv4)\n"
	  "Delete a VRF and its namespace\nVRF name\n"
	  "Even with processes running in it",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_no_vrf },
	{ "exit-vrf", "Leave VRF configuration mode", MODE_VRF | MODE_VRF_DEF,
	  PRIV_ADMIN, 0, do_exit_vrf },
	{ "description LINE$text", "Describe the VRF\nUp to 244 characters",
	  MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0, do_vrf_description },
	{ "no description",
	  "Negate a command or set its defaults\n"
	  "Remove the description",
	  MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0, do_no_vrf_description },
	{ "rd WORD$rd",
	  "Route distinguisher (kept, shown, not used)\n"
	  "ASN:NN or A.B.C.D:NN",
	  MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0, do_vrf_rd },
	{ "no rd [WORD$rd]",
	  "Negate a command or set its defaults\n"
	  "Remove the route distinguisher\nThe one set",
	  MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0, do_no_vrf_rd },
	{ "address-family {ipv4|ipv6} [unicast]",
	  "An address family of the VRF (both are always on)\nIPv4\nIPv6\n"
	  "Unicast",
	  MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0, do_address_family },
	{ "exit-address-family", "Leave the address family", MODE_VRF_AF,
	  PRIV_ADMIN, 0, do_exit_af },
	{ "ip routing", "Internet Protocol (IPv4)\nForward IPv4 packets",
	  MODE_CONFIG | MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0, do_ip_routing },
	{ "no ip routing",
	  "Negate a command or set its defaults\nInternet Protocol (IPv4)\n"
	  "Stop forwarding IPv4 packets",
	  MODE_CONFIG | MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0,
	  do_no_ip_routing },
	{ "ipv6 unicast-routing",
	  "Internet Protocol version 6\n"
	  "Forward IPv6 packets",
	  MODE_CONFIG | MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0,
	  do_ipv6_routing },
	{ "no ipv6 unicast-routing",
	  "Negate a command or set its defaults\nInternet Protocol version 6\n"
	  "Stop forwarding IPv6 packets",
	  MODE_CONFIG | MODE_VRF | MODE_VRF_DEF, PRIV_ADMIN, 0,
	  do_no_ipv6_routing },
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

/* One VRF's stanza, as IOS writes 'vrf definition' (the forwarding
 * switches, which IOS has not, are vrfsh's own lines in it). */
static void vrf_stanza(struct cli_config *c, const struct cfg_vrf *v)
{
	struct cmd_vrf_info info;
	struct net_err err = { 0 };

	cli_printf(c->o, "vrf definition %s\n", v->name);
	if (cmd_vrf_info(v->name, &info, &err) == 0) {
		if (*info.description && cfg_line_ok(info.description))
			cli_printf(c->o, " description %s\n", info.description);
		if (*info.rd && rd_ok(info.rd))
			cli_printf(c->o, " rd %s\n", info.rd);
	} else {
		cmd_vrf_unreadable(c->s, v->name, &err);
		c->failed++;
	}
	forwarding(c->o, v, " ");
	cli_printf(c->o, " !\n address-family ipv4\n exit-address-family\n"
			 " !\n address-family ipv6\n exit-address-family\n"
			 "!\n");
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
			snprintf(what, sizeof(what), "VRF \"%s\"",
				 c->v[i].name);
			cfg_left_out(c, what,
				     "its name cannot be typed back, "
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
		vrf_stanza(c, v);
	}
}

static void vrf_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	snprintf(buf, size, "(config-vrf-%s)", cli_frame_get(f, "vrf"));
}

static void af_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	snprintf(buf, size, "(config-vrf-%s-af)", cli_frame_get(f, "vrf"));
}

static const struct cli_mode vrf_modes[] = {
	{ MODE_VRF, "config-vrf", MODE_CONFIG, { "vrf", NULL }, vrf_prompt },
	{ MODE_VRF_DEF,
	  "config-vrf-definition",
	  MODE_CONFIG,
	  { "vrf", NULL },
	  vrf_prompt },
	{ MODE_VRF_AF,
	  "config-vrf-af",
	  MODE_VRF | MODE_VRF_DEF,
	  { "vrf", "af" },
	  af_prompt },
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
