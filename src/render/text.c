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

#include "net/route.h"

void text_ip(int family, const void *addr, char *buf, size_t size)
{
	net_ip_text(family, addr, buf, size);
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
	uint32_t m = plen >= 32 ? 0xffffffffu :
		     plen	? ~((1u << (32 - plen)) - 1) :
				  0;

	snprintf(buf, size, "%u.%u.%u.%u", m >> 24, (m >> 16) & 0xff,
		 (m >> 8) & 0xff, m & 0xff);
}

void text_mac(const unsigned char mac[6], char *buf, size_t size)
{
	snprintf(buf, size, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
}

void text_mac_dotted(const unsigned char mac[6], char *buf, size_t size)
{
	snprintf(buf, size, "%02x%02x.%02x%02x.%02x%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
}

void text_ip_upper(int family, const void *addr, char *buf, size_t size)
{
	text_ip(family, addr, buf, size);
	for (char *p = buf; *p; p++)
		if (*p >= 'a' && *p <= 'f')
			*p = (char)(*p - 'a' + 'A');
}

void text_age(unsigned long secs, char *buf, size_t size)
{
	unsigned long d = secs / 86400, w = d / 7, y = d / 365;

	if (d == 0)
		snprintf(buf, size, "%02lu:%02lu:%02lu", secs / 3600,
			 secs / 60 % 60, secs % 60);
	else if (w == 0)
		snprintf(buf, size, "%lud%02luh", d, secs / 3600 % 24);
	else if (y == 0)
		snprintf(buf, size, "%luw%lud", w, d % 7);
	else
		snprintf(buf, size, "%luy%luw", y, d % 365 / 7);
}
