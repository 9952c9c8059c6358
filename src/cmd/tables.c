/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tables.c - every command table, compiled into one grammar.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmds.h"
#include "net/net.h"

static const struct cli_cmd *const tables[] = {
	base_cmds,
	vrf_cmds,
	interface_cmds,
	show_cmds,
	route_cmds,
	ping_cmds,
	config_cmds,
	cli_filter_cmds,
};

const struct cli_cmd *const *cmd_tables(size_t *n)
{
	*n = sizeof(tables) / sizeof(*tables);
	return tables;
}

struct cli_grammar *cmd_grammar(void)
{
	char err[512];
	size_t n;
	const struct cli_cmd *const *t = cmd_tables(&n);
	struct cli_grammar *g = cli_grammar_new(t, n, err, sizeof(err));

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
	} else if (kind == TOK_IFNAME) {
		struct net_links links = { 0 };

		if (net_link_dump(vrf, &links, &err) == 0)
			for (size_t i = 0; i < links.n; i++)
				add(ctx, links.v[i].name);
		net_links_free(&links);
	}
}

void cmd_session_setup(struct cli_session *s)
{
	s->names = names;
	s->sync = cmd_route_sync;
}

void cmd_session_cleanup(struct cli_session *s)
{
	(void)s;
	net_cleanup();
}
