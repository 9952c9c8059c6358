/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * limit.c - the kernel's own limit for the work that bench/run.sh times:
 * the same kernel requests that vrfsh makes, sent the fastest way the
 * kernel allows, with nothing else around them.
 *
 *   limit routes [-a] N GW DEV [BATCH]  N routes 10.x.y.0/24 (the
 *        benchmark's prefixes) via GW on DEV, proto static, table main:
 *        the very RTM_NEWROUTE that vrfsh sends (NLM_F_CREATE|NLM_F_EXCL),
 *        BATCH requests (default 512) per sendmsg(2), what the kernel
 *        answers to a batch read before the next one is sent.  The kernel
 *        answers every request that fails; only the last request of a
 *        batch asks for an ack (NLM_F_ACK), which says the batch is done,
 *        as vrfsh does: that is the fastest.  -a asks for an ack of every
 *        request (an ack costs the kernel an skb and a copy).
 *   limit vrfs N PREFIX            N namespaces PREFIX1..PREFIXN as
 *        `ip netns add` makes them (a file in /run/netns with the new
 *        namespace bound onto it), lo up in each, all from one process.
 *   limit dump                     one dump of the IPv4 main table, the
 *        messages read and dropped (what any show of it has to read).
 *
 * Prints nothing; exits 1 with a message when the kernel refuses
 * something (every ack is checked).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#define RCVBUF (32 << 20)
#define MSG_ROOM 64 /* one request, aligned */
#define READ_SIZE 65536

static char rbuf[READ_SIZE] __attribute__((aligned(8)));

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static int nl_open(void)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int size = RCVBUF;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };

	if (fd < 0)
		die("socket");
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) ||
	    setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size)))
		die("SO_RCVBUFFORCE");
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)))
		die("bind");
	return fd;
}

static void put_attr(struct nlmsghdr *nlh, unsigned short type,
		     const void *data, unsigned short len)
{
	struct rtattr *a = (void *)((char *)nlh + NLMSG_ALIGN(nlh->nlmsg_len));

	a->rta_type = type;
	a->rta_len = (unsigned short)RTA_LENGTH(len);
	memcpy(RTA_DATA(a), data, len);
	nlh->nlmsg_len = NLMSG_ALIGN(nlh->nlmsg_len) + RTA_ALIGN(a->rta_len);
}

/* NLMSG_NEXT without its sign conversions. */
static struct nlmsghdr *next(struct nlmsghdr *h, int *len)
{
	int step = (int)NLMSG_ALIGN(h->nlmsg_len);

	*len -= step;
	return (struct nlmsghdr *)((char *)h + step);
}

/* Reads what the kernel answers until the ack of seq; any error ends
 * the run. */
static void read_acks(int fd, uint32_t seq)
{
	uint32_t got = 0;

	while (got != seq) {
		ssize_t n = recv(fd, rbuf, sizeof(rbuf), 0);
		struct nlmsghdr *h = (void *)rbuf;
		int len = (int)n;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("recv");
		for (; NLMSG_OK(h, len); h = next(h, &len)) {
			struct nlmsgerr *e = NLMSG_DATA(h);

			if (h->nlmsg_type != NLMSG_ERROR)
				continue;
			if (e->error) {
				errno = -e->error;
				die("kernel");
			}
			got = h->nlmsg_seq;
		}
	}
}

static int routes(unsigned n, const char *gw_text, const char *dev,
		  unsigned batch, bool ack_each)
{
	uint32_t oif = if_nametoindex(dev), table = RT_TABLE_MAIN, seq = 0;
	char *buf = calloc(batch, MSG_ROOM);
	struct in_addr gw;
	int fd = nl_open();

	if (!buf || !oif || inet_pton(AF_INET, gw_text, &gw) != 1) {
		fprintf(stderr, "limit: bad gateway or device\n");
		return 1;
	}
	for (unsigned i = 0; i < n;) {
		size_t len = 0;

		for (unsigned k = 0; k < batch && i < n; k++, i++) {
			struct nlmsghdr *nlh = (void *)(buf + len);
			struct rtmsg *rtm = NLMSG_DATA(nlh);
			unsigned char dst[4] = {
				(unsigned char)(10 + i / 65536),
				(unsigned char)(i / 256), (unsigned char)i, 0
			};

			memset(nlh, 0, MSG_ROOM);
			nlh->nlmsg_len = NLMSG_LENGTH(sizeof(*rtm));
			nlh->nlmsg_type = RTM_NEWROUTE;
			nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE |
					   NLM_F_EXCL;
			if (ack_each || k + 1 == batch || i + 1 == n)
				nlh->nlmsg_flags |= NLM_F_ACK;
			nlh->nlmsg_seq = ++seq;
			rtm->rtm_family = AF_INET;
			rtm->rtm_dst_len = 24;
			rtm->rtm_table = RT_TABLE_MAIN;
			rtm->rtm_type = RTN_UNICAST;
			rtm->rtm_protocol = RTPROT_STATIC;
			rtm->rtm_scope = RT_SCOPE_UNIVERSE;
			put_attr(nlh, RTA_TABLE, &table, 4);
			put_attr(nlh, RTA_DST, dst, 4);
			put_attr(nlh, RTA_GATEWAY, &gw, 4);
			put_attr(nlh, RTA_OIF, &oif, 4);
			len += NLMSG_ALIGN(nlh->nlmsg_len);
		}
		if (send(fd, buf, len, 0) != (ssize_t)len)
			die("send");
		read_acks(fd, seq);
	}
	free(buf);
	close(fd);
	return 0;
}

/* lo up in the namespace the thread is in (RTM_NEWLINK, acked). */
static void lo_up(void)
{
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
	} req = {
		.h = { NLMSG_LENGTH(sizeof(struct ifinfomsg)), RTM_NEWLINK,
		       NLM_F_REQUEST | NLM_F_ACK, 1, 0 },
		.i = { .ifi_family = AF_UNSPEC,
		       .ifi_index = 1,
		       .ifi_flags = IFF_UP,
		       .ifi_change = IFF_UP },
	};
	int fd = nl_open();

	if (send(fd, &req, req.h.nlmsg_len, 0) < 0)
		die("send");
	read_acks(fd, 1);
	close(fd);
}

static int vrfs(unsigned n, const char *prefix)
{
	int home = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);

	if (home < 0)
		die("open /proc/thread-self/ns/net");
	/* as ip netns add: /run/netns a shared mount point */
	if (mount("", "/run/netns", "none", MS_SHARED | MS_REC, NULL) &&
	    (mount("/run/netns", "/run/netns", "none", MS_BIND | MS_REC,
		   NULL) ||
	     mount("", "/run/netns", "none", MS_SHARED | MS_REC, NULL)))
		die("mount /run/netns");
	for (unsigned i = 1; i <= n; i++) {
		char path[256];
		int fd;

		snprintf(path, sizeof(path), "/run/netns/%s%u", prefix, i);
		fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
		if (fd < 0)
			die(path);
		close(fd);
		if (unshare(CLONE_NEWNET))
			die("unshare");
		lo_up();
		if (mount("/proc/thread-self/ns/net", path, "none", MS_BIND,
			  NULL))
			die("mount");
		if (setns(home, CLONE_NEWNET))
			die("setns");
	}
	close(home);
	return 0;
}

static int dump(void)
{
	struct {
		struct nlmsghdr h;
		struct rtmsg r;
	} req = {
		.h = { NLMSG_LENGTH(sizeof(struct rtmsg)), RTM_GETROUTE,
		       NLM_F_REQUEST | NLM_F_DUMP, 1, 0 },
		.r = { .rtm_family = AF_INET, .rtm_table = RT_TABLE_MAIN },
	};
	int fd = nl_open();

	if (send(fd, &req, req.h.nlmsg_len, 0) < 0)
		die("send");
	for (;;) {
		ssize_t n = recv(fd, rbuf, sizeof(rbuf), 0);
		struct nlmsghdr *h = (void *)rbuf;
		int len = (int)n;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			die("recv");
		for (; NLMSG_OK(h, len); h = next(h, &len))
			if (h->nlmsg_type == NLMSG_DONE ||
			    h->nlmsg_type == NLMSG_ERROR)
				return 0;
	}
}

int main(int argc, char **argv)
{
	bool a = argc > 2 && !strcmp(argv[2], "-a");

	if (argc >= 5 + a && !strcmp(argv[1], "routes"))
		return routes((unsigned)atoi(argv[2 + a]), argv[3 + a],
			      argv[4 + a],
			      argc > 5 + a ? (unsigned)atoi(argv[5 + a]) : 512,
			      a);
	if (argc == 4 && !strcmp(argv[1], "vrfs"))
		return vrfs((unsigned)atoi(argv[2]), argv[3]);
	if (argc == 2 && !strcmp(argv[1], "dump"))
		return dump();
	fprintf(stderr, "usage: limit routes [-a] N GW DEV [BATCH] | "
			"vrfs N PREFIX | dump\n");
	return 2;
}
