/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * text.c - addresses, prefixes, masks and MACs as text, and the escaping
 * of untrusted strings.
 */
#include "render/text.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void text_ip(int family, const void *addr, char *buf, size_t size)
{
	const unsigned char *b = addr;
	char *p = buf;

	if (family != AF_INET || size < INET_ADDRSTRLEN) {
		if (!inet_ntop(family, addr, buf, (socklen_t)size))
			snprintf(buf, size, "?");
		return;
	}
	for (int i = 0; i < 4; i++) {
		unsigned v = b[i];

		if (v >= 100)
			*p++ = (char)('0' + v / 100);
		if (v >= 10)
			*p++ = (char)('0' + v / 10 % 10);
		*p++ = (char)('0' + v % 10);
		*p++ = i < 3 ? '.' : '\0';
	}
}

void text_prefix(int family, const void *addr, unsigned plen, char *buf,
		 size_t size)
{
	char a[TEXT_IP_MAX];

	text_ip(family, addr, a, sizeof(a));
	snprintf(buf, size, "%s/%u", a, plen);
}

void text_mask(unsigned plen, char *buf, size_t size)
{
	uint32_t m = plen >= 32 ? 0xffffffffu
				: plen ? ~((1u << (32 - plen)) - 1) : 0;

	snprintf(buf, size, "%u.%u.%u.%u", m >> 24, (m >> 16) & 0xff,
		 (m >> 8) & 0xff, m & 0xff);
}

void text_mac(const unsigned char mac[6], char *buf, size_t size)
{
	snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
}

size_t text_utf8(const char *str, uint32_t *cp)
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
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;	/* overlong, out of range, or a surrogate */
	*cp = c;
	return len;
}

bool text_is_control(uint32_t cp)
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
	size_t len = text_utf8((const char *)s, &cp);

	return len && !text_is_control(cp) ? len : 0;
}

bool text_is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		size_t n = printable_at(p);

		if (!n || *p == '\\')
			return false;
		p += n;
	}
	return true;
}

const char *text_escape(const char *s, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used = 0;

	if (!size)
		return buf;
	while (*p) {
		size_t n = printable_at(p);
		char esc[5];
		const char *piece = (const char *)p;

		if (*p == '\\') {
			piece = "\\\\";
			n = 2;
		} else if (!n) {
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
