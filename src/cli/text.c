/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * text.c - inside the engine: what may reach a terminal.  Strings from the
 * kernel (interface names, aliases, namespace names) and from files are
 * untrusted; every byte that is not printable UTF-8 is written as \xHH
 * by the output layer and in messages, so that nothing vrfsh prints can
 * move the cursor, start an escape sequence or hide a line.
 */
#include "cli/cli.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

size_t cli_utf8(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	size_t len;

	if (*s < 0x80) {
		*cp = *s;
		return 1;
	}
	if ((*s & 0xe0) == 0xc0) {
		len = 2;
		c = *s & 0x1f;
	} else if ((*s & 0xf0) == 0xe0) {
		len = 3;
		c = *s & 0x0f;
	} else if ((*s & 0xf8) == 0xf0) {
		len = 4;
		c = *s & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0; /* overlong, out of range, or a surrogate */
	*cp = c;
	return len;
}

bool cli_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0xfeff || (cp >= 0x202a && cp <= 0x202e) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Length of the printable UTF-8 character at s (1 to 4), or 0 for a
 * control character or a byte that does not start a valid sequence. */
static size_t printable_at(const unsigned char *s)
{
	uint32_t cp;
	size_t len = cli_utf8((const char *)s, 4, &cp);

	return len && !cli_is_control(cp) ? len : 0;
}

bool cli_text_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = printable_at(p);

		if (!n)
			return false;
		p += n;
	}
	return true;
}

const char *cli_text_escape(const char *s, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used = 0;

	if (!size)
		return buf;
	while (*p) {
		size_t n = printable_at(p);
		char esc[5];
		const char *piece = (const char *)p;

		if (!n) {
			snprintf(esc, sizeof(esc), "\\x%02x", *p);
			piece = esc;
			n = 4;
		}
		if (used + n >= size)
			break;
		memcpy(buf + used, piece, n);
		used += n;
		p += piece == (const char *)p ? n : 1;
	}
	buf[used] = '\0';
	return buf;
}

/* Are the 8 bytes of x all printable ASCII (0x20 to 0x7e)?  No byte
 * below 0x20 (the borrow of x - 0x20 reaches a high bit only there,
 * when that byte's own high bit is clear) and none above 0x7e (x + 1
 * sets a high bit, or it was set). */
static bool ascii8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t high = 0x8080808080808080ULL;

	return !(((x - ones * 0x20) & ~x & high) | (((x + ones) | x) & high));
}

/* How many of the n bytes at s are printable UTF-8 (and, when lines,
 * newlines). */
static size_t clean_len(const char *s, size_t n, bool lines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t x;

		memcpy(&x, p + i, 8);
		if (!ascii8(x))
			break;
	}
	while (i < n) {
		uint32_t cp;
		size_t len;

		if (p[i] >= 0x20 && p[i] < 0x7f) {
			i++;
			continue;
		}
		if (p[i] == '\n' && lines) {
			i++;
			continue;
		}
		len = p[i] >= 0x80 ? cli_utf8(s + i, n - i, &cp) : 0;
		if (!len || cli_is_control(cp))
			break;
		i += len;
	}
	return i;
}

size_t cli_text_clean_len(const char *s, size_t n)
{
	return clean_len(s, n, true);
}

static void text_write(FILE *fp, const char *s, size_t n, bool lines)
{
	while (n) {
		size_t ok = clean_len(s, n, lines);

		if (ok)
			fwrite_unlocked(s, 1, ok, fp);
		s += ok;
		n -= ok;
		if (!n)
			break;
		fprintf(fp, "\\x%02x", (unsigned char)*s);
		s++;
		n--;
	}
}

void cli_text_write(FILE *fp, const char *s, size_t n)
{
	text_write(fp, s, n, true);
}

void cli_text_write_line(FILE *fp, const char *s, size_t n)
{
	text_write(fp, s, n, false);
}
