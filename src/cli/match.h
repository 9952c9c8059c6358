/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * match.h - inside the engine: matching a range of words against the
 * commands of some modes, and listing what may come next.
 */
#ifndef VRFSH_CLI_MATCH_H
#define VRFSH_CLI_MATCH_H

#include "cli/grammar.h"

enum {
	MATCH_OK,
	MATCH_INVALID,
	MATCH_INCOMPLETE,
	MATCH_AMBIGUOUS,
};

struct cli_match {
	int status;
	const struct cli_cmd *cmd;
	struct cli_args args;
	int bad;      /* the word that failed (INVALID, AMBIGUOUS) */
	int progress; /* words taken before it */
	bool via_do;  /* reached through 'do' */
};

/* Matches words [first, last) against the commands of modes.  s (may be
 * NULL) supplies live names: a word that is only a keyword prefix where
 * a VRF or interface name may stand is that name when it exists. */
void cli_match(struct cli_session *s, const struct cli_grammar *g,
	       unsigned modes, enum cli_priv priv, struct cli_words *w,
	       int first, int last, struct cli_match *m);

struct cli_next {
	const char *text; /* keyword or placeholder as shown */
	const char *help;
	enum cli_tok kind;
	const char *vrf; /* VRF named earlier on the line, or NULL */
	bool weak;	 /* yields to other keywords after a prefix */
};

struct cli_nextv {
	struct cli_next *v;
	int n, cap;
	const struct cli_cmd *end_cmd; /* a command may end here */
	int bad;
};

/* What may follow words [first, last) and could still match partial.
 * Returns MATCH_OK, or the failure of the walk (nv->bad says where). */
int cli_next(struct cli_session *s, const struct cli_grammar *g, unsigned modes,
	     enum cli_priv priv, struct cli_words *w, int first, int last,
	     const char *partial, struct cli_nextv *nv);
void cli_nextv_free(struct cli_nextv *nv);
/* After a partial word, a weak keyword yields to the others, as when
 * the line runs: for TAB.  '?' lists every keyword the word begins. */
void cli_nextv_drop_weak(struct cli_nextv *nv, const char *partial);

/* Calls try for the frame of the current mode, then for each enclosing
 * config mode up to global config (EXEC only when it is the current
 * mode), until try returns true.  Returns that frame, or -1.  Execution,
 * '?' and TAB all walk up through this one function. */
int cli_walk_up(struct cli_session *s,
		bool (*try)(struct cli_session *s, int frame, void *ctx),
		void *ctx);

#endif
