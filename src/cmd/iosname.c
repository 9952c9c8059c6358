/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * iosname.c - the IOS names that Ansible's cisco.ios gives Linux
 * interface names.
 *
 * The collection's resource modules rewrite every interface name they
 * are given, and every name they read back from running-config, by its
 * first letters (cisco.ios 4.6.1, normalize_interface), and then send
 * 'interface NEWNAME'.  The table below is that rewriting, tried in
 * order (the first prefix that matches wins, so "twe" comes before "tw"
 * and "long" before "lo").
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cmd/iosname.h"

static const struct {
	const char *prefix;
	const char *type;
} ios_types[] = {
	{ "gi", "GigabitEthernet" },
	{ "twe", "TwentyFiveGigE" },
	{ "tw", "TwoGigabitEthernet" },
	{ "te", "TenGigabitEthernet" },
	{ "fa", "FastEthernet" },
	{ "fo", "FortyGigabitEthernet" },
	{ "fi", "FiveGigabitEthernet" },
	{ "long", "LongReachEthernet" },
	{ "et", "Ethernet" },
	{ "vl", "Vlan" },
	{ "lo", "loopback" },
	{ "po", "Port-channel" },
	{ "nv", "nve" },
	{ "hu", "HundredGigE" },
	{ "virtual-te", "Virtual-Template" },
	{ "tu", "Tunnel" },
	{ "se", "Serial" },
};

bool cmd_ios_name(const char *ifname, char *buf, size_t size)
{
	const char *type = NULL;
	size_t n;

	for (size_t i = 0; i < sizeof(ios_types) / sizeof(*ios_types); i++) {
		const char *p = ios_types[i].prefix;

		if (!strncasecmp(ifname, p, strlen(p))) {
			type = ios_types[i].type;
			break;
		}
	}
	if (!type || strlen(type) >= size)
		return false;
	n = (size_t)snprintf(buf, size, "%s", type);
	for (const char *c = ifname; *c && n + 1 < size; c++)
		if (isdigit((unsigned char)*c) || *c == '/' || *c == '.')
			buf[n++] = *c;
	buf[n] = '\0';
	return true;
}
