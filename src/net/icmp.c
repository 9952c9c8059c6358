/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * icmp.c - ICMP and ICMPv6 echo (ping) and traceroute from inside a VRF.
 *
 * The socket is opened inside the VRF's namespace and used from ours: a
 * socket belongs to the namespace it was created in.  A raw socket is
 * preferred; without CAP_NET_RAW a datagram "ping socket" does the same,
 * with the kernel choosing the identifier and queueing ICMP errors on the
 * socket's error queue (IP_RECVERR) instead of handing us the packets.
 *
 * Probes go one at a time: the next leaves as soon as the previous one is
 * answered or timed out, as on IOS.  Waits are cut in short slices so a
 * stop request (Ctrl-C) is seen promptly.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/errqueue.h>
#include <netinet/icmp6.h>
#include <netinet/ip_icmp.h>
#include <sys/socket.h>

#include "netns.h"
#include "nl.h"
#include "route.h"

#define SLICE_MS 50	/* longest wait before looking at *stop */
#define DRAIN_MAX 64	/* packets read in one go */
#define RECV_SIZE 65536 /* the largest IP datagram, and then some */
#define IPV4_HDR 20
#define IPV6_HDR 40
#define ECHO_HDR 8
#define IP_MAX 65535
#define TRACE_PAYLOAD 32 /* 60-byte IPv4 probes, as traceroute */
#define TRACE_PROBES 3
#define TRACE_HOPS 30

/* The first 8 bytes of every ICMP and ICMPv6 message we deal with. */
struct echo_hdr {
	uint8_t type;
	uint8_t code;
	uint16_t cksum;
	uint16_t id;
	uint16_t seq;
};

/* One probing socket. */
struct psock {
	int fd;
	int family;
	bool raw;	/* false: a datagram ping socket */
	uint16_t ident; /* ours; the kernel's for ping sockets */
	struct sockaddr_storage dst;
	socklen_t dstlen;
	unsigned char *pkt; /* the probe being sent */
	size_t pktlen;
	unsigned char *buf; /* what comes back, RECV_SIZE bytes */
};

/* What came back for one probe. */
struct answer {
	enum net_probe result;
	struct sockaddr_storage from;
	unsigned rtt_us;
};

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static socklen_t sa_len(int family)
{
	return family == AF_INET ? sizeof(struct sockaddr_in) :
				   sizeof(struct sockaddr_in6);
}

/* A probe the kernel will not send for want of a route. */
static bool unreach_errno(int e)
{
	return e == ENETUNREACH || e == EHOSTUNREACH || e == EHOSTDOWN ||
	       e == ENONET;
}

/* What an ICMP error leaves pending on the socket (sk_err). */
static bool icmp_errno(int e)
{
	return unreach_errno(e) || e == ECONNREFUSED || e == ENOPROTOOPT ||
	       e == EMSGSIZE || e == EPROTO || e == EOPNOTSUPP;
}

/* ---- the socket ------------------------------------------------- */

static uint16_t new_ident(void)
{
	static unsigned calls;

	return (uint16_t)((unsigned)getpid() ^ (++calls << 11));
}

static int open_socket(int family, bool *raw)
{
	int proto = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;
	int fd;

	*raw = true;
	fd = socket(family, SOCK_RAW | SOCK_CLOEXEC, proto);
	if (fd < 0 && (errno == EPERM || errno == EACCES)) {
		*raw = false;
		fd = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, proto);
	}
	return fd < 0 ? -errno : fd;
}

/* Open ps's socket inside vrf; ICMP errors on the error queue. */
static int psock_open(const char *vrf, struct psock *ps, struct net_err *err)
{
	int nsfd, saved, ret, one = 1;

	nsfd = netns_fd(vrf, err);
	if (nsfd < 0)
		return nsfd;
	ret = netns_enter(nsfd, &saved, err);
	if (ret < 0)
		return ret;
	ps->fd = open_socket(ps->family, &ps->raw);
	netns_leave(saved);
	/* A raw ICMP socket needs CAP_NET_RAW; without it the unprivileged
	 * ping socket needs a gid in net.ipv4.ping_group_range. */
	if (ps->fd < 0)
		return net_err_step(err, -ps->fd, NET_NEED_NET_RAW, NULL);
	ps->ident = new_ident();
	if (!ps->raw && ps->family == AF_INET)
		setsockopt(ps->fd, SOL_IP, IP_RECVERR, &one, sizeof(one));
	else if (!ps->raw)
		setsockopt(ps->fd, SOL_IPV6, IPV6_RECVERR, &one, sizeof(one));
	return 0;
}

static void psock_close(struct psock *ps)
{
	if (ps->fd >= 0)
		close(ps->fd);
	free(ps->pkt);
	free(ps->buf);
}

static int check_dst(const struct sockaddr_storage *dst, struct net_err *err)
{
	if (dst->ss_family != AF_INET && dst->ss_family != AF_INET6)
		return net_err_set(err, EAFNOSUPPORT,
				   "Destination is not an IP address");
	return 0;
}

/* Set up ps for dst with room for an echo of payload bytes. */
static int psock_init(struct psock *ps, const char *vrf,
		      const struct sockaddr_storage *dst, size_t payload,
		      struct net_err *err)
{
	memset(ps, 0, sizeof(*ps));
	ps->fd = -1;
	ps->family = dst->ss_family;
	ps->dstlen = sa_len(ps->family);
	memcpy(&ps->dst, dst, ps->dstlen);
	/* Raw IPv6 sockets take the port as the protocol: leave it 0. */
	((struct sockaddr_in *)&ps->dst)->sin_port = 0;
	ps->pktlen = ECHO_HDR + payload;
	ps->pkt = calloc(1, ps->pktlen);
	ps->buf = malloc(RECV_SIZE);
	if (!ps->pkt || !ps->buf)
		return net_err_errno(err, ENOMEM);
	return psock_open(vrf, ps, err);
}

static int psock_source(struct psock *ps, const struct net_ping_opts *o,
			struct net_err *err)
{
	struct sockaddr_storage src;
	int e;

	if (o->source_if[0] &&
	    setsockopt(ps->fd, SOL_SOCKET, SO_BINDTODEVICE, o->source_if,
		       (socklen_t)strnlen(o->source_if, sizeof(o->source_if))) <
		    0) {
		e = errno;
		return net_err_set(err, e, "Invalid source interface (%s)",
				   strerror(e));
	}
	if (!o->has_source)
		return 0;
	if (o->source.ss_family != ps->family)
		return net_err_set(err, EAFNOSUPPORT,
				   "Source and destination families differ");
	memcpy(&src, &o->source, sa_len(ps->family));
	((struct sockaddr_in *)&src)->sin_port = 0;
	if (bind(ps->fd, (struct sockaddr *)&src, sa_len(ps->family)) < 0) {
		e = errno;
		return net_err_set(err, e, "Invalid source address (%s)",
				   strerror(e));
	}
	return 0;
}

/* ---- sending ---------------------------------------------------- */

static uint16_t inet_cksum(const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t sum = 0;

	for (; len > 1; p += 2, len -= 2)
		sum += (uint32_t)p[0] << 8 | p[1];
	if (len)
		sum += (uint32_t)p[0] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons(~sum & 0xffff);
}

static uint8_t echo_request_type(int family)
{
	return family == AF_INET ? ICMP_ECHO : ICMP6_ECHO_REQUEST;
}

/* Fill ps->pkt with echo request seq.  The kernel sums ICMPv6, and
 * ping sockets, itself. */
static void build_echo(struct psock *ps, uint16_t seq)
{
	struct echo_hdr *h = (struct echo_hdr *)ps->pkt;
	size_t i;

	for (i = ECHO_HDR; i < ps->pktlen; i++)
		ps->pkt[i] = (uint8_t)i;
	h->type = echo_request_type(ps->family);
	h->code = 0;
	h->cksum = 0;
	h->id = htons(ps->ident);
	h->seq = htons(seq);
	if (ps->raw && ps->family == AF_INET)
		h->cksum = inet_cksum(ps->pkt, ps->pktlen);
}

static int send_echo(struct psock *ps, uint16_t seq)
{
	int e;
	socklen_t len = sizeof(e);
	ssize_t n;

	/* An error left from an earlier probe must not fail this one. */
	getsockopt(ps->fd, SOL_SOCKET, SO_ERROR, &e, &len);
	build_echo(ps, seq);
	do {
		n = sendto(ps->fd, ps->pkt, ps->pktlen, 0,
			   (struct sockaddr *)&ps->dst, ps->dstlen);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : 0;
}

/* ---- what comes back -------------------------------------------- */

/* The echo request quoted in an ICMP error (p: the quoted datagram). */
static const struct echo_hdr *quoted_echo(int family, const uint8_t *p,
					  size_t len)
{
	size_t hl;

	if (family == AF_INET) {
		if (len < IPV4_HDR || p[9] != IPPROTO_ICMP)
			return NULL;
		hl = (p[0] & 0x0f) * 4;
	} else {
		if (len < IPV6_HDR || p[6] != IPPROTO_ICMPV6)
			return NULL;
		hl = IPV6_HDR;
	}
	if (hl < IPV4_HDR || len < hl + ECHO_HDR)
		return NULL;
	return (const struct echo_hdr *)(p + hl);
}

static bool is_ours(const struct psock *ps, const struct echo_hdr *h,
		    uint16_t seq)
{
	return h && h->seq == htons(seq) &&
	       (!ps->raw || h->id == htons(ps->ident));
}

/* Map an ICMP error type to a probe result; false for other types. */
static bool error_kind(int family, uint8_t type, enum net_probe *res)
{
	if (type == (family == AF_INET ? ICMP_DEST_UNREACH : ICMP6_DST_UNREACH))
		*res = PROBE_UNREACHABLE;
	else if (type ==
		 (family == AF_INET ? ICMP_TIME_EXCEEDED : ICMP6_TIME_EXCEEDED))
		*res = PROBE_TTL;
	else
		return false;
	return true;
}

/* Is the ICMP message p (len bytes) the answer to probe seq? */
static bool match_icmp(const struct psock *ps, const uint8_t *p, size_t len,
		       uint16_t seq, enum net_probe *res)
{
	const struct echo_hdr *h = (const struct echo_hdr *)p, *q;
	uint8_t reply = ps->family == AF_INET ? ICMP_ECHOREPLY :
						ICMP6_ECHO_REPLY;

	if (len < ECHO_HDR)
		return false;
	if (h->type == reply) {
		*res = PROBE_REPLY;
		return is_ours(ps, h, seq);
	}
	/* Ping sockets get errors on the error queue only. */
	if (!ps->raw || !error_kind(ps->family, h->type, res))
		return false;
	q = quoted_echo(ps->family, p + ECHO_HDR, len - ECHO_HDR);
	return q && q->type == echo_request_type(ps->family) &&
	       is_ours(ps, q, seq);
}

/* A datagram from the socket: raw IPv4 ones start with the IP header. */
static bool match_packet(const struct psock *ps, size_t len, uint16_t seq,
			 enum net_probe *res)
{
	const uint8_t *p = ps->buf;
	size_t hl;

	if (ps->raw && ps->family == AF_INET) {
		if (len < IPV4_HDR || p[9] != IPPROTO_ICMP)
			return false;
		hl = (p[0] & 0x0f) * 4;
		if (hl < IPV4_HDR || len < hl)
			return false;
		p += hl;
		len -= hl;
	}
	return match_icmp(ps, p, len, seq, res);
}

static const struct sock_extended_err *ext_err(struct msghdr *msg)
{
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c))
		if ((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) ||
		    (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR))
			return (const void *)CMSG_DATA(c);
	return NULL;
}

/* One entry of a ping socket's error queue: 1 if it answers seq. */
static int match_errqueue(struct psock *ps, uint16_t seq, struct answer *a)
{
	char cbuf[512];
	struct iovec iov = { ps->buf, RECV_SIZE };
	struct msghdr msg = { .msg_iov = &iov,
			      .msg_iovlen = 1,
			      .msg_control = cbuf,
			      .msg_controllen = sizeof(cbuf) };
	const struct sock_extended_err *ee;
	const struct echo_hdr *h = (const void *)ps->buf;
	ssize_t n;

	n = recvmsg(ps->fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT);
	if (n < 0)
		return -errno;
	ee = ext_err(&msg);
	if (!ee ||
	    (ee->ee_origin != SO_EE_ORIGIN_ICMP &&
	     ee->ee_origin != SO_EE_ORIGIN_ICMP6) ||
	    !error_kind(ps->family, ee->ee_type, &a->result) || n < ECHO_HDR ||
	    !is_ours(ps, h, seq))
		return 0;
	memset(&a->from, 0, sizeof(a->from));
	memcpy(&a->from, SO_EE_OFFENDER(ee), sa_len(ps->family));
	return 1;
}

/* Read what is queued: 1 when the answer to seq was among it, 0 when
 * not (yet), -errno on a socket error.  A busy socket is left after
 * DRAIN_MAX packets, so the deadline and *stop are still looked at. */
static int drain(struct psock *ps, uint16_t seq, struct answer *a)
{
	socklen_t fromlen;
	ssize_t n;
	int ret, i;

	while (!ps->raw && (ret = match_errqueue(ps, seq, a)) >= 0)
		if (ret == 1)
			return 1;
	for (i = 0; i < DRAIN_MAX; i++) {
		fromlen = sizeof(a->from);
		n = recvfrom(ps->fd, ps->buf, RECV_SIZE, MSG_DONTWAIT,
			     (struct sockaddr *)&a->from, &fromlen);
		if (n < 0 && errno == EAGAIN)
			return 0;
		/* A pending socket error from an ICMP error: the packet
		 * itself (raw) or the error queue (ping) tells which. */
		if (n < 0 && (errno == EINTR || icmp_errno(errno)))
			continue;
		if (n < 0)
			return -errno;
		if (match_packet(ps, (size_t)n, seq, &a->result))
			return 1;
	}
	return 0;
}

static int poll_ms(uint64_t now, uint64_t deadline)
{
	uint64_t left = (deadline - now + 999) / 1000;

	return left < SLICE_MS ? (int)left : SLICE_MS;
}

/* Wait until the answer to seq, the deadline or *stop: 0 with a filled
 * in, 1 when stopped, -errno on a socket error. */
static int wait_answer(struct psock *ps, uint16_t seq, uint64_t deadline,
		       volatile int *stop, struct answer *a)
{
	struct pollfd pfd = { .fd = ps->fd, .events = POLLIN };
	uint64_t now;
	int n;

	for (;;) {
		if (stop && *stop)
			return 1;
		now = now_us();
		if (now >= deadline) {
			memset(&a->from, 0, sizeof(a->from));
			a->result = PROBE_TIMEOUT;
			return 0;
		}
		n = poll(&pfd, 1, poll_ms(now, deadline));
		if (n < 0 && errno != EINTR)
			return -errno;
		if (n <= 0)
			continue;
		n = drain(ps, seq, a);
		if (n != 0)
			return n < 0 ? n : 0;
	}
}

/* Send probe seq and wait for its answer: 0 with a filled in, 1 when
 * stopped, -errno when it could not be sent or the socket failed. */
static int probe(struct psock *ps, uint16_t seq, unsigned timeout_ms,
		 volatile int *stop, struct answer *a)
{
	uint64_t start = now_us();
	int ret;

	memset(a, 0, sizeof(*a));
	/* a probe that fails at once (no route) never waits: look here */
	if (stop && *stop)
		return 1;
	ret = send_echo(ps, seq);
	if (ret < 0 && unreach_errno(-ret)) {
		a->result = PROBE_UNREACHABLE;
		return 0;
	}
	if (ret < 0)
		return ret;
	ret = wait_answer(ps, seq, start + (uint64_t)timeout_ms * 1000, stop,
			  a);
	if (ret == 0 && a->result != PROBE_TIMEOUT)
		a->rtt_us = (unsigned)(now_us() - start);
	return ret;
}

/* ---- ping -------------------------------------------------------- */

/* The echo payload that makes the IP datagram size bytes long. */
static int payload_for(int family, unsigned size, size_t *payload,
		       struct net_err *err)
{
	unsigned hdrs = (family == AF_INET ? IPV4_HDR : IPV6_HDR) + ECHO_HDR;

	if (size < hdrs || size > IP_MAX)
		return net_err_set(err, EINVAL,
				   "Datagram size must be %u to %u bytes", hdrs,
				   IP_MAX);
	*payload = size - hdrs;
	return 0;
}

static int ping_loop(struct psock *ps, const struct net_ping_opts *o,
		     net_ping_fn fn, void *ctx, volatile int *stop,
		     struct net_err *err)
{
	struct answer a;
	unsigned i;
	int ret;

	for (i = 0; i < o->count; i++) {
		ret = probe(ps, (uint16_t)i, o->timeout_ms, stop, &a);
		if (ret == 1)
			break;
		if (ret < 0)
			return net_err_errno(err, -ret);
		fn(ctx, i, a.result, a.rtt_us);
	}
	return 0;
}

int net_ping(const char *vrf, const struct net_ping_opts *o, net_ping_fn fn,
	     void *ctx, volatile int *stop, struct net_err *err)
{
	struct psock ps;
	size_t payload = 0;
	int ret;

	ret = check_dst(&o->dst, err);
	if (ret == 0)
		ret = payload_for(o->dst.ss_family, o->size, &payload, err);
	if (ret < 0)
		return ret;
	ret = psock_init(&ps, vrf, &o->dst, payload, err);
	if (ret == 0)
		ret = psock_source(&ps, o, err);
	if (ret == 0)
		ret = ping_loop(&ps, o, fn, ctx, stop, err);
	psock_close(&ps);
	return ret;
}

/* ---- traceroute -------------------------------------------------- */

static int set_ttl(struct psock *ps, unsigned ttl, struct net_err *err)
{
	int v = (int)ttl;
	int ret;

	if (ps->family == AF_INET)
		ret = setsockopt(ps->fd, SOL_IP, IP_TTL, &v, sizeof(v));
	else
		ret = setsockopt(ps->fd, SOL_IPV6, IPV6_UNICAST_HOPS, &v,
				 sizeof(v));
	return ret < 0 ? net_err_errno(err, errno) : 0;
}

/* The probes of one hop: 1 when done (reached, unreachable or
 * stopped), 0 to go on, -errno on failure. */
static int trace_hop(struct psock *ps, unsigned ttl, unsigned timeout_ms,
		     net_trace_fn fn, void *ctx, volatile int *stop,
		     struct net_err *err)
{
	struct net_hop hop = { .ttl = ttl };
	struct answer a;
	bool done = false;
	int ret;

	for (hop.probe = 0; hop.probe < TRACE_PROBES; hop.probe++) {
		ret = probe(ps, (uint16_t)(ttl * TRACE_PROBES + hop.probe),
			    timeout_ms, stop, &a);
		if (ret == 1)
			return 1;
		if (ret < 0)
			return net_err_errno(err, -ret);
		hop.result = a.result;
		hop.from = a.from;
		hop.rtt_us = a.rtt_us;
		fn(ctx, &hop);
		if (a.result == PROBE_REPLY || a.result == PROBE_UNREACHABLE)
			done = true;
	}
	return done;
}

int net_traceroute(const char *vrf, const struct sockaddr_storage *dst,
		   unsigned max_hops, unsigned timeout_ms, net_trace_fn fn,
		   void *ctx, volatile int *stop, struct net_err *err)
{
	struct psock ps;
	unsigned ttl;
	int ret;

	ret = check_dst(dst, err);
	if (ret < 0)
		return ret;
	if (max_hops == 0 || max_hops > 255)
		max_hops = TRACE_HOPS;
	ret = psock_init(&ps, vrf, dst, TRACE_PAYLOAD, err);
	for (ttl = 1; ret == 0 && ttl <= max_hops; ttl++) {
		ret = set_ttl(&ps, ttl, err);
		if (ret == 0)
			ret = trace_hop(&ps, ttl, timeout_ms, fn, ctx, stop,
					err);
	}
	psock_close(&ps);
	return ret < 0 ? ret : 0;
}
