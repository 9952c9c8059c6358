/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * iosname.h - the IOS names that Ansible's cisco.ios gives Linux
 * interface names, so that 'interface NAME' finds the interface.
 */
#ifndef VRFSH_CMD_IOSNAME_H
#define VRFSH_CMD_IOSNAME_H

#include <stdbool.h>
#include <stddef.h>

#define CMD_IOS_NAME_MAX 64

/*
 * The name cisco.ios's resource modules (ios_interfaces,
 * ios_l3_interfaces) send for the Linux name ifname: a name that starts
 * with one of the abbreviations of an IOS interface type (lo, eth, tun,
 * vlan, po, se, ...) becomes the type's full name followed by the digits,
 * '/' and '.' of ifname, in order ("lo" -> "loopback", "eth0" ->
 * "Ethernet0", "tun0.5" -> "Tunnel0.5").  Writes it into buf and returns
 * true; false (buf untouched) for a name the collection keeps as it is.
 */
bool cmd_ios_name(const char *ifname, char *buf, size_t size);

#endif
