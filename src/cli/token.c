/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * token.c - checking a typed word against a token kind: keywords, numbers,
 * addresses, prefixes, masks and names.
 */
#include "cli/token.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return true;
	return false;
}

bool cli_parse_long(const char *s, long *out)
{
	char *end;
	long v;

	if (!*s || !(isdigit((unsigned char)*s) ||
		     (*s == '-' && isdigit((unsigned char)s[1]))))
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end)
		return false;
	*out = v;
	return true;
}

/* Strict dotted quad: four decimal octets, no leading '+', at most three
 * digits each. */
bool cli_parse_ipv4(const char *s, unsigned char out[4])
{
	for (int i = 0; i < 4; i++) {
		int v = 0, digits = 0;

		while (isdigit((unsigned char)*s) && digits < 4) {
			v = v * 10 + (*s++ - '0');
			digits++;
		}
		if (!digits || digits > 3 || v > 255)
			return false;
		out[i] = (unsigned char)v;
		if (i < 3 && *s++ != '.')
			return false;
	}
	return *s == '\0';
}

static bool split_prefix(const char *s, char *addr, size_t size, int *plen,
			 int max)
{
	const char *slash = strchr(s, '/');
	long v;

	if (!slash || (size_t)(slash - s) >= size)
		return false;
	memcpy(addr, s, (size_t)(slash - s));
	addr[slash - s] = '\0';
	if (strlen(slash + 1) > 3 || !cli_parse_long(slash + 1, &v) ||
	    slash[1] == '-' || v < 0 || v > max)
		return false;
	*plen = (int)v;
	return true;
}

bool cli_parse_ipv4_prefix(const char *s, unsigned char out[4], int *plen)
{
	char addr[16];

	return split_prefix(s, addr, sizeof(addr), plen, 32) &&
	       cli_parse_ipv4(addr, out);
}

bool cli_parse_mask(const char *s, int *plen)
{
	unsigned char b[4];
	unsigned long m;
	int n = 0;

	if (!cli_parse_ipv4(s, b))
		return false;
	m = ((unsigned long)b[0] << 24) | ((unsigned long)b[1] << 16) |
	    ((unsigned long)b[2] << 8) | b[3];
	while (n < 32 && (m & (1UL << (31 - n))))
		n++;
	if (n < 32 && (m & ((1UL << (32 - n)) - 1)))
		return false; /* ones after the first zero */
	*plen = n;
	return true;
}

bool cli_parse_ipv6(const char *s, unsigned char out[16])
{
	if (!strchr(s, ':'))
		return false;
	return inet_pton(AF_INET6, s, out) == 1;
}

bool cli_parse_ipv6_prefix(const char *s, unsigned char out[16], int *plen)
{
	char addr[INET6_ADDRSTRLEN];

	return split_prefix(s, addr, sizeof(addr), plen, 128) &&
	       cli_parse_ipv6(addr, out);
}

/* ---- partial values, for help and completion ----------------------- */

static bool ipv4_could(const char *s, const char **rest)
{
	int dots = 0, digits = 0, v = 0;

	for (; *s && *s != '/'; s++) {
		if (*s == '.') {
			if (!digits || ++dots > 3)
				return false;
			digits = v = 0;
		} else if (isdigit((unsigned char)*s)) {
			v = v * 10 + (*s - '0');
			if (++digits > 3 || v > 255)
				return false;
		} else {
			return false;
		}
	}
	*rest = s;
	return true;
}

static bool plen_could(const char *s, int max)
{
	int v = 0, digits = 0;

	for (; *s; s++) {
		if (!isdigit((unsigned char)*s) || ++digits > 3)
			return false;
		v = v * 10 + (*s - '0');
	}
	return v <= max;
}

static bool ipv6_chars(const char *s, bool prefix)
{
	for (; *s; s++) {
		if (*s == '/')
			return prefix && plen_could(s + 1, 128);
		if (!isxdigit((unsigned char)*s) && *s != ':' && *s != '.')
			return false;
	}
	return true;
}

static bool range_could(const char *s, long min, long max)
{
	long v;

	if (*s == '-' && !s[1])
		return min < 0;
	if (!cli_parse_long(s, &v))
		return false;
	return v >= 0 ? v <= max : v >= min;
}

bool cli_tok_could_match(enum cli_tok kind, const char *text, long min,
			 long max, const char *word)
{
	const char *rest;

	if (!*word)
		return true;
	switch (kind) {
	case TOK_KEYWORD:
		return strncmp(text, word, strlen(word)) == 0;
	case TOK_RANGE:
		return range_could(word, min, max);
	case TOK_IPV4:
	case TOK_MASK:
		return ipv4_could(word, &rest) && !*rest;
	case TOK_IPV4_PREFIX:
		return ipv4_could(word, &rest) &&
		       (!*rest || plen_could(rest + 1, 32));
	case TOK_IPV6:
		return ipv6_chars(word, false);
	case TOK_IPV6_PREFIX:
		return ipv6_chars(word, true);
	default:
		return !has_control(word);
	}
}

/* ---- full matches --------------------------------------------------- */

static enum cli_level value_level(bool ok)
{
	return ok ? LVL_VALUE : LVL_NONE;
}

enum cli_level cli_tok_match(enum cli_tok kind, const char *text, long min,
			     long max, const char *word)
{
	unsigned char b[16];
	int plen;
	long v;

	switch (kind) {
	case TOK_KEYWORD:
		if (strcmp(text, word) == 0)
			return LVL_EXACT;
		return strncmp(text, word, strlen(word)) == 0 ? LVL_PARTIAL :
								LVL_NONE;
	case TOK_RANGE:
		return value_level(cli_parse_long(word, &v) && v >= min &&
				   v <= max);
	case TOK_IPV4:
		return value_level(cli_parse_ipv4(word, b));
	case TOK_IPV4_PREFIX:
		return value_level(cli_parse_ipv4_prefix(word, b, &plen));
	case TOK_MASK:
		return value_level(cli_parse_mask(word, &plen));
	case TOK_IPV6:
		return value_level(cli_parse_ipv6(word, b));
	case TOK_IPV6_PREFIX:
		return value_level(cli_parse_ipv6_prefix(word, b, &plen));
	case TOK_SUBCMD:
		return LVL_NONE;
	default:
		return has_control(word) ? LVL_NONE : LVL_NAME;
	}
}

/* ---- names ------------------------------------------------------------ */

static const char *bad_char(const char *name, const char *allowed_extra)
{
	static char why[96];

	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (isalnum(c) || strchr(allowed_extra, c))
			continue;
		if (isprint(c))
			snprintf(why, sizeof(why),
				 "character '%c' is not allowed", c);
		else
			snprintf(why, sizeof(why),
				 "character \\x%02x is not allowed", c);
		return why;
	}
	return NULL;
}

const char *cli_vrf_name_error(const char *name)
{
	if (!*name)
		return "empty name";
	if (strlen(name) > 64)
		return "longer than 64 characters";
	if (*name == '.' || *name == '-')
		return "must not start with '.' or '-'";
	return bad_char(name, "_.-");
}

const char *cli_ifname_error(const char *name)
{
	static char why[64];

	if (!*name)
		return "empty name";
	if (strlen(name) > 15)
		return "longer than 15 characters";
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return "'.' and '..' are reserved";
	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '/' || c == ':' || isspace(c)) {
			snprintf(why, sizeof(why),
				 "character '%c' is not allowed", c);
			return why;
		}
		if (c < 0x20 || c == 0x7f) {
			snprintf(why, sizeof(why),
				 "character \\x%02x is not allowed", c);
			return why;
		}
	}
	return NULL;
}

const char *cli_ifref_error(const char *ref)
{
	static char why[96];
	const char *slash = strchr(ref, '/');
	char vrf[80];
	const char *e;

	if (!slash)
		return cli_ifname_error(ref);
	if ((size_t)(slash - ref) >= sizeof(vrf))
		return "the VRF before '/' is longer than 64 characters";
	memcpy(vrf, ref, (size_t)(slash - ref));
	vrf[slash - ref] = '\0';
	if ((e = cli_vrf_name_error(vrf))) {
		snprintf(why, sizeof(why), "the VRF before '/': %s", e);
		return why;
	}
	if ((e = cli_ifname_error(slash + 1))) {
		snprintf(why, sizeof(why), "the name after '/': %s", e);
		return why;
	}
	return NULL;
}
