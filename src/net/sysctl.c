/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * sysctl.c - the forwarding switches of a VRF.  A file under /proc/sys/net
 * belongs to the namespace it was opened in, so it is opened inside the
 * VRF and read or written after returning.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/netconf.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"

static const char *forwarding_path(int family)
{
	switch (family) {
	case AF_INET:
		return "/proc/sys/net/ipv4/ip_forward";
	case AF_INET6:
		return "/proc/sys/net/ipv6/conf/all/forwarding";
	}
	return NULL;
}

/* Open the forwarding switch of family as seen inside vrf. */
static int forwarding_open(const char *vrf, int family, int flags,
			   struct net_err *err)
{
	const char *path = forwarding_path(family);
	int nsfd, saved, fd, e, ret;

	if (!path)
		return net_err_errno(err, EAFNOSUPPORT);
	nsfd = netns_fd(vrf, err);
	if (nsfd < 0)
		return nsfd;
	ret = netns_enter(nsfd, &saved, err);
	if (ret < 0)
		return ret;
	fd = open(path, flags | O_CLOEXEC);
	e = errno;
	netns_leave(saved);
	/* The net.* switches are writable with CAP_NET_ADMIN over the
	 * namespace. */
	return fd < 0 ? net_err_step(err, e, NET_NEED_NET_ADMIN, NULL) : fd;
}

static int netconf_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETCONFA_MAX + 1];
	uint32_t v;

	if (nlh->nlmsg_type != RTM_NEWNETCONF)
		return MNL_CB_OK;
	nl_parse(nlh, sizeof(struct netconfmsg), tb, NETCONFA_MAX);
	if (nl_u32(tb[NETCONFA_FORWARDING], &v))
		*(int *)data = v != 0;
	return MNL_CB_OK;
}

/* The switch by netlink (RTM_GETNETCONF of the "all" configuration, on
 * the VRF's socket): 0 or 1, or -1 when the kernel did not say.  Opening
 * the file under /proc/sys costs more the more namespaces there are (a
 * millisecond each with 1,000 VRFs). */
static int forwarding_netconf(const char *vrf, int family)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct netconfmsg *ncm;
	struct nl_sock *s;
	struct net_err e;
	int on = -1;

	if (nl_sock_get(vrf, &s, &e) < 0)
		return -1;
	nlh = nl_msg(buf, RTM_GETNETCONF, 0);
	ncm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ncm));
	ncm->ncm_family = (unsigned char)family;
	mnl_attr_put_u32(nlh, NETCONFA_IFINDEX, (uint32_t)NETCONFA_IFINDEX_ALL);
	if (nl_talk(s, nlh, netconf_cb, &on, &e) < 0)
		return -1;
	return on;
}

int net_forwarding_get(const char *vrf, int family, bool *on,
		       struct net_err *err)
{
	char c = '0';
	ssize_t n;
	int fd;

	if (family == AF_INET || family == AF_INET6) {
		int got = forwarding_netconf(vrf, family);

		if (got >= 0) {
			*on = got;
			return 0;
		}
	}
	fd = forwarding_open(vrf, family, O_RDONLY, err);
	if (fd < 0)
		return fd;
	n = read(fd, &c, 1);
	if (n < 0)
		n = -errno;
	close(fd);
	if (n < 0)
		return net_err_errno(err, (int)-n);
	if (n == 0)
		return net_err_errno(err, EIO);
	*on = c != '0';
	return 0;
}

int net_forwarding_set(const char *vrf, int family, bool on,
		       struct net_err *err)
{
	ssize_t n;
	int fd;

	fd = forwarding_open(vrf, family, O_WRONLY, err);
	if (fd < 0)
		return fd;
	net_count_change();
	n = write(fd, on ? "1\n" : "0\n", 2);
	if (n < 0)
		n = -errno;
	close(fd);
	if (n < 0)
		return net_err_step(err, (int)-n, NET_NEED_NET_ADMIN, NULL);
	return n == 2 ? 0 : net_err_errno(err, EIO);
}
