/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * tables.c - every command table, compiled into one grammar.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/cmds.h"

static const struct cli_cmd *const tables[] = {
	base_cmds,
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

void cmd_session_setup(struct cli_session *s)
{
	(void)s;
}

void cmd_session_cleanup(struct cli_session *s)
{
	(void)s;
}
