/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tables.c - the one list of command areas, compiled into one grammar.
 *
 * How to add an area (access lists, NAT, ...):
 *   1. Write src/cmd/AREA.c: its commands as a table of struct cli_cmd
 *      (the syntax as typed, one help line per token, modes, privilege,
 *      flags, handler), the modes it adds as struct cli_mode (a bit from
 *      the enum in cmd/cmds.h, its parents, the keys its frame holds, its
 *      prompt), its running-config writer (struct cli_config, see
 *      cmd/running.h), a flush hook if its commands queue changes
 *      (CLI_F_DEFER), and one record: const struct cli_area AREA_area.
 *   2. Put its backend in src/net/AREA.c (no CLI there), its shared text
 *      formatters in src/render/ if others need them.
 *   3. Add one line to the list below (its place is the place of its
 *      stanzas in the running configuration), one extern in cmd/cmds.h
 *      (and, for a new mode, its bit there), its files in Makefile.am,
 *      and its tests.
 * Nothing in src/cli/ changes: the engine reads commands and modes from
 * the records, walks up through the modes' parents, and calls every
 * area's flush hook.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/net.h"

static const struct cli_area *const areas[] = {
	&system_area, /* first: hostname heads the running configuration */
	&banner_area,	 &base_area,	   &priv_area,
	&vrf_area,	 &acl_area, /* the lists, before the interfaces that use them */
	&interface_area, &ifdefault_area,  &route_area,
	&nat_area, /* after the interfaces its rules name */
	&acl_show_area,	 &rib_area,	   &neigh_area,
	&show_area,	 &show_ip_area,	   &show_vrf_area,
	&lldp_area,	 &ping_area,	   &config_area,
	&archive_area,	 &cli_filter_area,
};

const struct cli_area *const *cmd_areas(size_t *n)
{
	*n = sizeof(areas) / sizeof(*areas);
	return areas;
}

struct cli_grammar *cmd_grammar(void)
{
	char err[512];
	size_t n;
	const struct cli_area *const *a = cmd_areas(&n);
	struct cli_grammar *g = cli_grammar_new(a, n, err, sizeof(err));

	if (!g) {
		fprintf(stderr, "vrfsh: internal error: %s\n", err);
		exit(70);
	}
	return g;
}

/* Live names for TAB: VRFs, or the interfaces of one VRF. */
static void names(struct cli_session *s, enum cli_tok kind, const char *vrf,
		  void (*add)(void *ctx, const char *name), void *ctx)
{
	struct net_err err = { 0 };

	(void)s;
	if (kind == TOK_VRF) {
		struct net_names vrfs = { 0 };

		add(ctx, "default");
		if (net_vrf_list(&vrfs, &err) == 0)
			for (size_t i = 0; i < vrfs.n; i++)
				add(ctx, vrfs.v[i]);
		net_names_free(&vrfs);
	} else if (kind == TOK_IFNAME || kind == TOK_IFREF) {
		struct net_names links = { 0 };

		if (net_link_names(vrf, &links, &err) == 0)
			for (size_t i = 0; i < links.n; i++)
				add(ctx, links.v[i]);
		net_names_free(&links);
	}
}

/* Before each command: what the backend cached for the last one (the
 * VRFs that namespace ids name) may have changed; links may have changed
 * under the configured static routes. */
static void begin(struct cli_session *s)
{
	net_cmd_begin();
	cmd_routes_begin(s);
}

void cmd_session_setup(struct cli_session *s)
{
	s->names = names;
	s->begin = begin;
	cmd_system_setup(s);
}

void cmd_session_cleanup(struct cli_session *s)
{
	(void)s;
	net_cleanup();
}
