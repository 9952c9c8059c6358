/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * grammar.h - inside the engine: each command's syntax compiled into a small
 * graph of token nodes joined by empty (epsilon) nodes, and the words of a
 * line split for matching.
 */
#ifndef VRFSH_CLI_GRAMMAR_H
#define VRFSH_CLI_GRAMMAR_H

#include "cli/cli.h"

enum node_type {
	N_TOKEN,
	N_EPS,
	N_END
};

struct cli_node {
	enum node_type type;
	enum cli_tok kind;
	const char *text; /* keyword, or the placeholder as shown */
	const char *name; /* argument name */
	const char *help;
	long min, max;
	bool weak; /* a prefix of it yields to other keywords */
	struct cli_node **next;
	int nnext;
	/* what may follow, looking through empty nodes: tokens and the end
	 * marker, computed once when the grammar is built */
	const struct cli_node **follow;
	int nfollow;
	bool subcmd;   /* a DO token follows */
	unsigned mark; /* for walks over loops while building */
};

struct cli_cmdgraph {
	const struct cli_cmd *cmd;
	struct cli_node *start;
	const char **names; /* every keyword and $name of its syntax */
	int nnames;
};

/* The commands of one set of modes, privilege and exclusions: computed
 * on first use, since every line starts from one. */
struct cli_startset {
	unsigned modes, exclude;
	enum cli_priv priv;
	const struct cli_cmdgraph **cg;
	int n;
};

#define CLI_MAX_STARTSETS 16

/* The matcher's memory of recent walks (match.c): a line whose first
 * words are those of a line matched before starts after them. */
struct cli_memo;
void cli_memo_free(struct cli_memo *m);

struct cli_grammar {
	struct cli_cmdgraph *cmds;
	size_t ncmds;
	const struct cli_area *const *areas;
	size_t nareas;
	const struct cli_mode **modes; /* every mode the areas declare */
	size_t nmodes;
	struct cli_startset starts[CLI_MAX_STARTSETS];
	int nstarts;
	struct cli_memo *memo; /* NULL until the first match */
	/* per kind, the keywords that stand where a value of that kind
	 * may (cli_grammar_shadows), sorted; built on first use */
	struct cli_shadows {
		bool built;
		const char **v;
		size_t n;
	} shadows[TOK_KINDS];
	struct cli_node **nodes; /* every node, for freeing */
	size_t nnodes, capnodes;
	char **strs; /* every owned string */
	size_t nstrs, capstrs;
};

/* A line split into words.  raw keeps the text; w[i] are NUL-terminated
 * copies; off[i] is the column of word i in the line. */
struct cli_words {
	char *raw;
	char *buf;
	char **w;
	int *off;
	int *end; /* column just after word i */
	int n;
};

int cli_words_split(struct cli_words *w, const char *line);
void cli_words_free(struct cli_words *w);
/* The blanks that separate words. */
bool cli_is_blank(char ch);

/* The built-in EXEC mode, at the bottom of every mode stack. */
extern const struct cli_mode cli_exec_mode;

#endif
