/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ethtool.c - what a link's driver says of its speed, duplex and port,
 * asked with the ethtool ioctl from a socket opened inside the VRF (an
 * ioctl names the link in the namespace of its socket).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>

#include "netns.h"
#include "nl.h"

/* A datagram socket in vrf's namespace (the calling thread returns to
 * its own before this returns). */
static int socket_in(const char *vrf, struct net_err *err)
{
	int nsfd, saved, fd, e, ret;

	nsfd = netns_fd(vrf, err);
	if (nsfd < 0)
		return nsfd;
	ret = netns_enter(nsfd, &saved, err);
	if (ret < 0)
		return ret;
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	e = errno;
	netns_leave(saved);
	return fd < 0 ? net_err_errno(err, e) : fd;
}

static void ask(int fd, struct net_link *l)
{
	struct ethtool_cmd cmd = { .cmd = ETHTOOL_GSET };
	struct ifreq ifr;
	uint32_t speed;

	memset(&ifr, 0, sizeof(ifr));
	if (strlen(l->name) >= sizeof(ifr.ifr_name))
		return;
	strcpy(ifr.ifr_name, l->name);
	ifr.ifr_data = (void *)&cmd;
	if (ioctl(fd, SIOCETHTOOL, &ifr) < 0)
		return;
	/* not ethtool_cmd_speed(): it shifts an int past its width */
	speed = (uint32_t)cmd.speed_hi << 16 | cmd.speed;
	if (speed && speed != (uint32_t)SPEED_UNKNOWN)
		l->speed_mbps = speed;
	if (cmd.duplex == DUPLEX_FULL || cmd.duplex == DUPLEX_HALF)
		l->duplex = cmd.duplex == DUPLEX_FULL;
	l->port = cmd.port;
}

int net_link_ethtool(const char *vrf, struct net_links *links,
		     struct net_err *err)
{
	int fd = socket_in(vrf, err);

	if (fd < 0)
		return fd;
	for (size_t i = 0; i < links->n; i++) {
		struct net_link *l = &links->v[i];

		l->speed_mbps = 0;
		l->duplex = -1;
		l->port = -1;
		if (!l->loopback)
			ask(fd, l);
	}
	close(fd);
	return 0;
}
