/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * token.h - the kinds of token a command syntax is made of, and how a word
 * typed by the user is checked against each kind.
 */
#ifndef VRFSH_CLI_TOKEN_H
#define VRFSH_CLI_TOKEN_H

#include <stdbool.h>

enum cli_tok {
	TOK_KEYWORD,	 /* a literal word: "show" */
	TOK_WORD,	 /* any word: WORD */
	TOK_HOST,	 /* a host name or address: HOST */
	TOK_RANGE,	 /* a decimal number within bounds: <1-100> */
	TOK_IPV4,	 /* A.B.C.D */
	TOK_IPV4_PREFIX, /* A.B.C.D/M */
	TOK_MASK,	 /* a contiguous dotted mask, shown as A.B.C.D */
	TOK_IPV6,	 /* X:X::X:X */
	TOK_IPV6_PREFIX, /* X:X::X:X/M */
	TOK_VRF,	 /* a VRF name: NAME, completed from live data */
	TOK_IFNAME,	 /* an interface name: IFNAME, completed likewise */
	TOK_IFREF,	 /* an interface, IFNAME or VRF/IFNAME: IFREF */
	TOK_LINE,	 /* the rest of the line: LINE */
	TOK_SUBCMD,	 /* the rest of the line is an EXEC command (do) */
	TOK_KINDS	 /* (their number) */
};

/* How well a word matches a token; higher wins. */
enum cli_level {
	LVL_NONE = 0,
	LVL_NAME,    /* a free word, a name or the rest of the line */
	LVL_PARTIAL, /* a prefix of a keyword */
	LVL_VALUE,   /* a valid typed value (number, address, ...) */
	LVL_EXACT,   /* exactly a keyword */
};

/* Full match of word against a token of kind (text for keywords,
 * min/max for ranges). */
enum cli_level cli_tok_match(enum cli_tok kind, const char *text, long min,
			     long max, const char *word);

/* Could word still grow into a match of the token? (help and TAB) */
bool cli_tok_could_match(enum cli_tok kind, const char *text, long min,
			 long max, const char *word);

/* Value checks shared with the command layer. */
bool cli_parse_ipv4(const char *s, unsigned char out[4]);
bool cli_parse_ipv4_prefix(const char *s, unsigned char out[4], int *plen);
/* a dotted mask with contiguous ones; sets *plen */
bool cli_parse_mask(const char *s, int *plen);
bool cli_parse_ipv6(const char *s, unsigned char out[16]);
bool cli_parse_ipv6_prefix(const char *s, unsigned char out[16], int *plen);
bool cli_parse_long(const char *s, long *out);

/* Name rules of the contract, section 4.  NULL when valid, else the
 * reason. */
const char *cli_vrf_name_error(const char *name);
const char *cli_ifname_error(const char *name);
/* An interface named as IFNAME or, where the name alone is not unique,
 * as VRF/IFNAME (the form running-config writes). */
const char *cli_ifref_error(const char *ref);

#endif
