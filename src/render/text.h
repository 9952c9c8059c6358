/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * text.h - text formatters that several command areas share: addresses,
 * prefixes, masks, MAC addresses, and the escaping of strings that come
 * from the kernel or a file before they reach a terminal.
 */
#ifndef VRFSH_RENDER_TEXT_H
#define VRFSH_RENDER_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/*
 * Strings from the kernel (interface names, aliases, namespace names) or
 * from a file are untrusted: before they reach a terminal every byte that
 * is not printable UTF-8 (control characters, DEL, C1 controls, invalid
 * sequences) is written as \xHH, and a backslash as \\, so that the text
 * shown says exactly what the string holds and never moves the cursor or
 * starts an escape sequence.
 */
bool text_is_clean(const char *s);
/* The length (1 to 4) of the valid, shortest-form UTF-8 sequence at s,
 * its code point in *cp; 0 when the byte there starts none. */
size_t text_utf8(const char *s, uint32_t *cp);
/* C0 and C1 controls, DEL, and the line, paragraph and direction
 * controls that can make a line show what it does not hold. */
bool text_is_control(uint32_t cp);
/* The escaped form of s in buf (truncated to size); returns buf. */
const char *text_escape(const char *s, char *buf, size_t size);
/* Room for the escaped form of a string of n bytes. */
#define TEXT_ESCAPED_MAX(n) (4 * (n) + 1)

#endif
