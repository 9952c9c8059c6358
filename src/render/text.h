/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * text.h - text formatters that several command areas share: addresses,
 * prefixes, masks and MAC addresses.
 */
#ifndef VRFSH_RENDER_TEXT_H
#define VRFSH_RENDER_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Longest text of an address, a prefix, a MAC. */
#define TEXT_IP_MAX 46
#define TEXT_PREFIX_MAX (TEXT_IP_MAX + 4)
#define TEXT_MAC_MAX 18

/* An AF_INET or AF_INET6 address (IPv4 written by hand: tables are
 * long). */
void text_ip(int family, const void *addr, char *buf, size_t size);
/* "A.B.C.D/M" or "X:X::X:X/M". */
void text_prefix(int family, const void *addr, unsigned plen, char *buf,
		 size_t size);
/* The dotted mask of an IPv4 prefix length: 24 is "255.255.255.0". */
void text_mask(unsigned plen, char *buf, size_t size);
/* "7e:e4:29:bc:9c:67" */
void text_mac(const unsigned char mac[6], char *buf, size_t size);
/* IOS's form: "7ee4.29bc.9c67" (lower case, as show arp needs) */
void text_mac_dotted(const unsigned char mac[6], char *buf, size_t size);
/* text_ip() in upper case, as IOS writes IPv6 addresses ("FE80::1") */
void text_ip_upper(int family, const void *addr, char *buf, size_t size);
/* An uptime or an age as IOS writes it in 8 columns: "00:04:13" under a
 * day, then "1d02h", "3w4d", "1y16w". */
void text_age(unsigned long secs, char *buf, size_t size);

#endif
