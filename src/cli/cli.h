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
#include <stdint.h>
#include <stdio.h>

#include "cli/token.h"

/*
 * Modes.  A command lives in a set of modes (a bit mask).  The engine owns
 * one mode, user/privileged EXEC, at the bottom of the mode stack, and
 * the internal mode of the output filters; every other mode (global
 * config, VRF, interface, ...) is declared as data by the area that adds
 * it (struct cli_mode) and read by the engine from the area records.
 */
enum {
	CLI_EXEC = 1u << 0,
	CLI_FILTER = 1u << 31, /* output modifiers after '|' (internal) */
};
/* Every mode but EXEC: where 'exit', 'end' and 'do' live. */
#define CLI_ANY_CONFIG (~(unsigned)(CLI_EXEC | CLI_FILTER))

/* Command flags. */
enum {
	CLI_F_OUTPUT = 1 << 0, /* prints output: may take '| filter' */
	CLI_F_NO_DO = 1 << 1,  /* not reachable through 'do' */
	CLI_F_HIDDEN = 1 << 2, /* runs, but '?' and TAB do not offer it */
	CLI_F_WEAK = 1 << 3,   /* a prefix of its first keyword that also
				 * fits another keyword means the other
				 * ('sh' is show, not shell) */
	CLI_F_DEFER = 1 << 4,  /* may leave its change queued until its
				 * area's flush (see struct cli_area) */
	CLI_F_SPAWN = 1 << 5,  /* starts a process of the user's choice:
				 * refused where s->refuse_spawn is set */
};

/* Privilege levels, as IOS numbers them: a command needs at least its
 * level; a session holds one. */
enum cli_priv {
	PRIV_USER = 1,	 /* user EXEC */
	PRIV_ADMIN = 15, /* privileged EXEC and configuration */
};

/* Arguments of one command: the grammar refuses a command with more
 * tokens, so that no argument can be dropped. */
#define CLI_MAX_ARGS 48
#define CLI_NAME_MAX 65

struct cli_arg {
	const char *name;  /* keyword text, or the $name of a value */
	const char *value; /* the full keyword, or the word typed */
	enum cli_tok kind;
	int word; /* index of the word in the line */
};

struct cli_args {
	struct cli_arg v[CLI_MAX_ARGS];
	int n;
	const struct cli_cmd *cmd; /* the command they were matched for */
	const char *const *names;  /* every name its syntax has */
	int nnames;
};

/* The value (not keyword) bound to name, or NULL. */
const char *cli_arg(const struct cli_args *a, const char *name);
/* true when a keyword or a value of that name was given */
bool cli_has(const struct cli_args *a, const char *name);
/* A number argument (already range-checked by the matcher). */
long cli_arg_long(const struct cli_args *a, const char *name, long def);
/* Does the command's syntax have that name at all?  For a handler that
 * serves several commands. */
bool cli_declares(const struct cli_args *a, const char *name);

/* When set (debug builds, the unit tests, the fuzzers), asking cli_arg or
 * cli_has for a name that the command's syntax does not have aborts with
 * a message: a misspelt name fails loudly instead of reading as absent. */
extern bool cli_strict_args;

struct cli_session;
struct cli_out;

typedef int (*cli_handler)(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o);

/*
 * One command, declared once.  syntax is written as the user types it:
 *   keywords in lower case; values WORD, HOST, LINE, NAME (a VRF),
 *   IFNAME, IFREF (IFNAME or VRF/IFNAME), <MIN-MAX>, A.B.C.D, A.B.C.D/M, MASK (a dotted mask, shown as
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

/* ---- modes and areas ------------------------------------------------ */

#define CLI_FRAME_KEYS 2
#define CLI_KEY_MAX 65

struct cli_frame;

/*
 * A mode that an area adds.  Entering it pushes a frame holding up to
 * CLI_FRAME_KEYS values named by keys ("vrf", "ifname", ...).  A command
 * that does not match in a mode is tried in the enclosing modes, up to
 * the first one whose parent is EXEC (global config, as IOS does).
 */
struct cli_mode {
	unsigned bit;	  /* its bit in cli_cmd.modes; 0 ends a list */
	const char *name; /* "config-if", for messages */
	unsigned parents; /* the modes it may be entered from */
	const char *keys[CLI_FRAME_KEYS];
	/* the prompt between the host name and '#': "(config-if-X)" */
	void (*prompt)(const struct cli_frame *f, char *buf, size_t size);
};

/* What an area does for the running configuration: the command layer's
 * (cmd/running.h); the engine never looks inside. */
struct cli_config_ops;

/*
 * An area of commands (vrf, interface, route, ...), declared once: its
 * commands, the modes it adds, a flush hook that sends what its commands
 * queued, and what it writes into the running configuration.  The engine
 * reads the commands and modes, and calls every area's flush before a
 * command that is not CLI_F_DEFER, after each interactive command and at
 * the end of batch input.
 */
struct cli_area {
	const char *name;
	const struct cli_cmd *cmds;   /* ended by syntax NULL; may be NULL */
	const struct cli_mode *modes; /* ended by bit 0; may be NULL */
	/* returns how many queued changes failed, each already reported
	 * with the origin of its own line */
	int (*flush)(struct cli_session *s);
	const struct cli_config_ops *config; /* may be NULL */
};

/* The output modifiers ('| include RE', ...): an area of the engine's. */
extern const struct cli_area cli_filter_area;

/* ---- grammar -------------------------------------------------------- */

struct cli_grammar;

/* Compile the commands and modes of areas.  On a syntax, help or mode
 * error writes a message to err and returns NULL. */
struct cli_grammar *cli_grammar_new(const struct cli_area *const *areas,
				    size_t nareas, char *err, size_t errlen);
void cli_grammar_free(struct cli_grammar *g);
/* Is name an exact keyword at a place where a value of kind (TOK_VRF,
 * TOK_IFNAME) may also stand?  Then an object of that name could never
 * be named there: its creation is refused. */
bool cli_grammar_shadows(const struct cli_grammar *g, enum cli_tok kind,
			 const char *name);
/* The mode declared with bit, or NULL. */
const struct cli_mode *cli_grammar_mode(const struct cli_grammar *g,
					unsigned bit);

/* ---- session -------------------------------------------------------- */

struct cli_frame {
	const struct cli_mode *mode;
	char val[CLI_FRAME_KEYS][CLI_KEY_MAX];
};

/* The value of key in frame f, or NULL when its mode has no such key. */
const char *cli_frame_get(const struct cli_frame *f, const char *key);
/* Sets key (which f's mode must have); false when it has not. */
bool cli_frame_set(struct cli_frame *f, const char *key, const char *value);

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
	int depth;	  /* frames in use, >= 1 */
	unsigned level;	  /* privilege level: 1 or 15 */
	bool done;	  /* exit from EXEC: stop reading */
	bool interactive; /* a person at a terminal */
	char host[CLI_NAME_MAX];
	char context_vrf[CLI_NAME_MAX]; /* routing-context; "" = default */
	unsigned term_length;		/* lines per page, 0 = no pager */
	unsigned term_width;		/* columns */
	FILE *out;			/* command output */
	FILE *err;			/* batch error messages */
	const char *origin;		/* batch: "FILE:LINE" or "-c N" */
	size_t prompt_len; /* for the caret of interactive errors */
	struct cli_history *history;
	cli_names_fn names;
	void *app;		   /* the application's own data */
	volatile int *interrupted; /* set by SIGINT while running */
	bool keep_going;	   /* batch: go on after a failure */
	bool refuse_spawn;	   /* the startup configuration: no
					 * CLI_F_SPAWN command runs */
	unsigned queued_failures;  /* queued changes that failed */
	/* The next line of input, taken by a command that asks for more
	 * (enable's secret): set by batch input; NULL when there is none.
	 * Returns a line that lives until the next call, or NULL. */
	const char *(*next_line)(struct cli_session *s);
	/* A secret read at the console (set by the console). */
	int (*console_secret)(struct cli_session *s, const char *prompt,
			      char *buf, size_t size);
	/* A line read at the console, echoed (set by the console). */
	int (*console_text)(struct cli_session *s, const char *prompt,
			    char *buf, size_t size);
	/* While a long command runs (ping, traceroute, a name lookup): the
	 * console watches for IOS's escape sequence (Ctrl-^ x) and sets
	 * *interrupted when it comes; on false it stops watching.  Set by
	 * the console; NULL in batch input. */
	void (*console_escape)(struct cli_session *s, bool on);
	/* called before each command (the command layer's; may be NULL) */
	void (*begin)(struct cli_session *s);
};

void cli_session_init(struct cli_session *s, const struct cli_grammar *g);
void cli_session_fini(struct cli_session *s);

struct cli_frame *cli_top(struct cli_session *s);
/* Enters the mode with bit mode, its frame holding key values k0 and k1
 * (in the order of the mode's keys; NULL for ""), on top of the frame of
 * a parent mode: frames above the nearest parent are left first.  The
 * matcher has already left the modes above the one the command matched
 * in, so 'interface X' typed in interface mode replaces that mode. */
void cli_enter(struct cli_session *s, unsigned mode, const char *k0,
	       const char *k1);
/* Leave the current mode: returns false when at EXEC (session ends). */
bool cli_exit_mode(struct cli_session *s);
/* Back to privileged EXEC. */
void cli_end(struct cli_session *s);

/* The session's privilege level. */
enum cli_priv cli_session_priv(const struct cli_session *s);

/* Writes the prompt into buf. */
void cli_prompt(const struct cli_session *s, char *buf, size_t size);

/* The VRF a command without a 'vrf' keyword acts on: the "vrf" key of
 * the nearest config frame that has one (VRF and interface modes), the
 * routing context in EXEC, else default.  "" for default. */
const char *cli_context_vrf(const struct cli_session *s);

/* Runs every area's flush hook; returns how many queued changes failed
 * (and counts them in s->queued_failures). */
int cli_flush(struct cli_session *s);

/* Reads a secret for a command (enable): at the console, prompt is
 * printed and the answer read from the terminal without echo; in batch
 * input the next line is the answer (it is not run, nor kept in the
 * history).  Returns 0, or -1 when there is no more input. */
int cli_read_secret(struct cli_session *s, const char *prompt, char *buf,
		    size_t size);

/* Reads a line of text for a command that asks for more (banner motd,
 * a [confirm]): at the console prompt is printed and the answer read
 * with echo; in batch input the next line is it (not run).  Returns 0,
 * or -1 when there is no more input. */
int cli_read_text(struct cli_session *s, const char *prompt, char *buf,
		  size_t size);

/* Around a command that runs long and says "Type escape sequence to
 * abort.": Ctrl-^ x at the console then interrupts it as Ctrl-C does
 * (see console_escape). */
void cli_escape_watch(struct cli_session *s, bool on);

/* Runs one line.  Returns 0 on success, -1 when the command failed (the
 * error has been printed). */
int cli_exec(struct cli_session *s, const char *line);

/* Prints an error: "% " + message.  In batch mode to s->err prefixed
 * with the origin; interactively to s->out. */
void cli_error(struct cli_session *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Prints "% Warning: " + message, where errors go, but is no failure. */
void cli_warn(struct cli_session *s, const char *fmt, ...)
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
/* No --More-- for this output: ping and traceroute, which IOS does not
 * page, and whose keys (Ctrl-^ x) the escape watch must get, not the
 * pager. */
void cli_out_no_pager(struct cli_out *o);
/* An output of s into fp, with no filter and no pager (a configuration
 * written to a file); cli_out_close() flushes and frees it. */
struct cli_out *cli_out_open(struct cli_session *s, FILE *fp);
void cli_out_close(struct cli_out *o);

/* ---- untrusted text --------------------------------------------------- */

/* The length (1 to 4, at most n) of the valid, shortest-form UTF-8
 * sequence at s, its code point in *cp; 0 when the byte there starts
 * none. */
size_t cli_utf8(const char *s, size_t n, uint32_t *cp);
/* C0 and C1 controls, DEL, and the line, paragraph and direction
 * controls that can make a line show what it does not hold. */
bool cli_is_control(uint32_t cp);
/* Is s printable UTF-8 throughout (no byte that output would escape)? */
bool cli_text_clean(const char *s);
/* s with every byte that is not printable UTF-8 written as \xHH, in buf
 * (truncated to size, never inside an escape); returns buf.  Command
 * output and messages are escaped so already; this is for text that is
 * built before it is printed. */
const char *cli_text_escape(const char *s, char *buf, size_t size);
/* Room for the escaped form of a string of n bytes. */
#define CLI_ESCAPED_MAX(n) (4 * (n) + 1)
/* How many of the n bytes at s are printable UTF-8 or newlines. */
size_t cli_text_clean_len(const char *s, size_t n);
/* Writes n bytes to fp, escaping what is not printable UTF-8 (newlines
 * pass): how command output and messages reach the terminal. */
void cli_text_write(FILE *fp, const char *s, size_t n);
/* The same for what must stay one line (a message): newlines too are
 * escaped. */
void cli_text_write_line(FILE *fp, const char *s, size_t n);

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
