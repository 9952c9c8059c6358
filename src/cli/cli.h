/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cli.h - the command engine: commands declared as data, modes, the
 * session, and the entry points for execution, help and completion.
 * Knows nothing of netlink.
 */
#ifndef VRFSH_CLI_H
#define VRFSH_CLI_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/token.h"

/* Modes a command may live in (a bit mask). */
enum {
	CLI_EXEC = 1 << 0,
	CLI_CONFIG = 1 << 1,
	CLI_CONFIG_VRF = 1 << 2,
	CLI_CONFIG_IF = 1 << 3,
	CLI_FILTER = 1 << 4,	/* output modifiers after '|' (internal) */
};

/* The mode a session frame is in. */
enum cli_mode {
	MODE_EXEC,
	MODE_CONFIG,
	MODE_CONFIG_VRF,
	MODE_CONFIG_IF,
};

/* Command flags. */
enum {
	CLI_F_OUTPUT = 1 << 0,	/* prints output: may take '| filter' */
	CLI_F_NO_DO = 1 << 1,	/* not reachable through 'do' */
	CLI_F_HIDDEN = 1 << 2,	/* not listed by '?' or TAB */
	CLI_F_DEFER = 1 << 4,	/* may leave its change queued (batch) */
	CLI_F_WEAK = 1 << 3,	/* a prefix of its first keyword that also
				 * fits another keyword means the other
				 * ('sh' is show, not shell) */
};

/* Privilege a command needs. */
enum cli_priv {
	PRIV_USER = 0,		/* user EXEC */
	PRIV_ADMIN = 1,		/* privileged EXEC and config */
};

#define CLI_MAX_ARGS 24
#define CLI_NAME_MAX 65

struct cli_arg {
	const char *name;	/* keyword text, or the $name of a value */
	const char *value;	/* the full keyword, or the word typed */
	enum cli_tok kind;
	int word;		/* index of the word in the line */
};

struct cli_args {
	struct cli_arg v[CLI_MAX_ARGS];
	int n;
};

/* The value (not keyword) bound to name, or NULL. */
const char *cli_arg(const struct cli_args *a, const char *name);
/* true when a keyword or a value of that name was given */
bool cli_has(const struct cli_args *a, const char *name);
/* A number argument (already range-checked by the matcher). */
long cli_arg_long(const struct cli_args *a, const char *name, long def);

struct cli_session;
struct cli_out;

typedef int (*cli_handler)(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o);

/*
 * One command, declared once.  syntax is written as the user types it:
 *   keywords in lower case; values WORD, HOST, LINE, NAME (a VRF),
 *   IFNAME, <MIN-MAX>, A.B.C.D, A.B.C.D/M, MASK (a dotted mask, shown as
 *   A.B.C.D), X:X::X:X, X:X::X:X/M, and DO (an EXEC command line);
 *   [optional], {one|or|other}, {any|of|these}* (each any number of
 *   times, in any order); a value is named with $name ("NAME$vrf").
 * help has one line per token, in the order the tokens are written.
 */
struct cli_cmd {
	const char *syntax;
	const char *help;
	unsigned modes;
	enum cli_priv priv;
	unsigned flags;
	cli_handler handler;
};

/* The output modifiers ('| include RE', ...), a table for the grammar. */
extern const struct cli_cmd cli_filter_cmds[];

/* ---- grammar -------------------------------------------------------- */

struct cli_grammar;

/* Compile tables of commands (each ended by an entry with syntax NULL).
 * On a syntax or help error writes a message to err and returns NULL. */
struct cli_grammar *cli_grammar_new(const struct cli_cmd *const *tables,
				    size_t ntables, char *err, size_t errlen);
void cli_grammar_free(struct cli_grammar *g);

/* ---- session -------------------------------------------------------- */

struct cli_frame {
	enum cli_mode mode;
	char vrf[CLI_NAME_MAX];	/* VRF of the mode; "" for default */
	char ifname[16];	/* interface of interface mode */
};

#define CLI_MAX_DEPTH 8

/* Supplies live names for completion: VRF names (kind TOK_VRF) or the
 * interface names of vrf (kind TOK_IFNAME).  Calls add() for each. */
typedef void (*cli_names_fn)(struct cli_session *s, enum cli_tok kind,
			     const char *vrf,
			     void (*add)(void *ctx, const char *name),
			     void *ctx);

struct cli_session {
	const struct cli_grammar *grammar;
	struct cli_frame stack[CLI_MAX_DEPTH];
	int depth;			/* frames in use, >= 1 */
	bool privileged;		/* privileged EXEC reached */
	bool done;			/* exit from EXEC: stop reading */
	bool interactive;		/* a person at a terminal */
	char host[CLI_NAME_MAX];
	char context_vrf[CLI_NAME_MAX];	/* routing-context; "" = default */
	unsigned term_length;		/* lines per page, 0 = no pager */
	unsigned term_width;		/* columns */
	FILE *out;			/* command output */
	FILE *err;			/* batch error messages */
	const char *origin;		/* batch: "FILE:LINE" or "-c N" */
	size_t prompt_len;		/* for the caret of interactive errors */
	struct cli_history *history;
	cli_names_fn names;
	void *app;			/* the application's own data */
	volatile int *interrupted;	/* set by SIGINT while running */
	/* Deferred changes (batch input): commands flagged CLI_F_DEFER may
	 * queue their change when defer is set; sync sends what is queued
	 * and returns how many failed, each already reported with the
	 * origin of its own line.  The engine syncs before every other
	 * command and at the end of batch input. */
	bool defer;
	bool keep_going;
	int (*sync)(struct cli_session *s);
	unsigned deferred_failures;
};

void cli_session_init(struct cli_session *s, const struct cli_grammar *g);
void cli_session_fini(struct cli_session *s);

struct cli_frame *cli_top(struct cli_session *s);
/* Enter a config sub-mode on top of the stack (replacing any sub-mode). */
void cli_enter(struct cli_session *s, enum cli_mode mode, const char *vrf,
	       const char *ifname);
/* Leave the current mode: returns false when at EXEC (session ends). */
bool cli_exit_mode(struct cli_session *s);
/* Back to privileged EXEC. */
void cli_end(struct cli_session *s);

/* The command modes of a frame's mode, and the session's privilege. */
unsigned cli_frame_modes(enum cli_mode mode);
enum cli_priv cli_session_priv(const struct cli_session *s);

/* Writes the prompt into buf. */
void cli_prompt(const struct cli_session *s, char *buf, size_t size);

/* The VRF a command without a 'vrf' keyword acts on: the mode's VRF in
 * VRF and interface modes, default in global config, the routing context
 * in EXEC.  "" for default. */
const char *cli_context_vrf(const struct cli_session *s);

/* Sends deferred changes; returns how many failed (and counts them in
 * s->deferred_failures). */
int cli_sync(struct cli_session *s);

/* Runs one line.  Returns 0 on success, -1 when the command failed (the
 * error has been printed). */
int cli_exec(struct cli_session *s, const char *line);

/* Prints an error: "% " + message.  In batch mode to s->err prefixed
 * with the origin; interactively to s->out. */
void cli_error(struct cli_session *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints an informational "% " message that is not a failure. */
void cli_notice(struct cli_session *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- output --------------------------------------------------------- */

void cli_printf(struct cli_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_write(struct cli_out *o, const char *s, size_t n);
/* true once the user quit the pager or pressed Ctrl-C: stop printing */
bool cli_out_aborted(struct cli_out *o);
/* Output goes on after a Ctrl-C that a command handled itself (ping
 * stops, then prints its summary). */
void cli_out_resume(struct cli_out *o);

/* ---- help and completion -------------------------------------------- */

struct cli_strv {
	char **v;
	size_t n, cap;
};
void cli_strv_add(struct cli_strv *sv, const char *s);
void cli_strv_free(struct cli_strv *sv);

/* The '?' listing for line (the text before the cursor), as printed. */
void cli_help(struct cli_session *s, const char *line, FILE *fp);
/* Candidates for the last (possibly empty) word of line. */
void cli_complete(struct cli_session *s, const char *line,
		  struct cli_strv *out);

/* ---- history --------------------------------------------------------- */

struct cli_history *cli_history_new(unsigned size);
void cli_history_free(struct cli_history *h);
void cli_history_add(struct cli_history *h, const char *line);
size_t cli_history_count(const struct cli_history *h);
/* i = 0 is the oldest kept */
const char *cli_history_get(const struct cli_history *h, size_t i);

#endif
