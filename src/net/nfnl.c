/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nfnl.c - NETLINK_NETFILTER sockets opened inside a namespace, requests,
 * dumps and nftables batches.
 *
 * A batch is sent in one datagram: the kernel handles it in the sender's
 * context and has queued every reply by the time sendmsg returns, so the
 * replies are read without waiting.  Only errors and the ack asked for on
 * the last message come back: a batch of ten thousand rules costs one ack.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>

#include "netns.h"
#include "nfnl.h"
#include "nl.h"

#define NFNL_BUF_SIZE 65536
#define NFNL_RCVBUF (1 << 20)
#define NFNL_DUMP_TRIES 10

struct nfnl {
	struct mnl_socket *mnl;
	uint32_t portid, seq;
	int sndbuf;
	char buf[NFNL_BUF_SIZE] __attribute__((aligned(8)));
};

/* What the replies to one request said. */
struct reply {
	mnl_cb_t cb;
	void *data;
	bool done;    /* the ack or NLMSG_DONE was seen */
	bool intr;    /* a dump was interrupted */
	int error;    /* positive errno */
	uint32_t bad; /* seq of the first refused message */
	char msg[sizeof(((struct net_err *)0)->msg)];
};

static int open_here(struct nfnl *s)
{
	int one = 1, rcvbuf = NFNL_RCVBUF, fd;

	s->mnl = mnl_socket_open2(NETLINK_NETFILTER, SOCK_CLOEXEC);
	if (!s->mnl)
		return -errno;
	if (mnl_socket_bind(s->mnl, 0, MNL_SOCKET_AUTOPID) < 0)
		return -errno;
	/* Optional: old kernels just lose the nicer messages, and without
	 * CAP_ACK an error echoes the whole (maybe large) request. */
	mnl_socket_setsockopt(s->mnl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(s->mnl, NETLINK_CAP_ACK, &one, sizeof(one));
	fd = mnl_socket_get_fd(s->mnl);
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		       sizeof(rcvbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	s->portid = mnl_socket_get_portid(s->mnl);
	return 0;
}

int nfnl_open(const char *vrf, struct nfnl **out, struct net_err *err)
{
	struct nfnl *s;
	int nsfd, saved, ret;

	*out = NULL;
	nsfd = netns_fd(vrf, err);
	if (nsfd < 0)
		return nsfd;
	s = calloc(1, sizeof(*s));
	if (!s)
		return net_err_errno(err, ENOMEM);
	ret = netns_enter(nsfd, &saved, err);
	if (ret < 0) {
		free(s);
		return ret;
	}
	ret = open_here(s);
	netns_leave(saved);
	if (ret < 0) {
		nfnl_close(s);
		return net_err_errno(err, -ret);
	}
	*out = s;
	return 0;
}

void nfnl_close(struct nfnl *s)
{
	if (!s)
		return;
	if (s->mnl)
		mnl_socket_close(s->mnl);
	free(s);
}

uint32_t nfnl_seq(struct nfnl *s)
{
	return ++s->seq;
}

/* ---- replies ---------------------------------------------------- */

static int ext_ack_cb(const struct nlattr *a, void *data)
{
	struct reply *r = data;

	if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
		nl_str(a, r->msg, sizeof(r->msg));
	return MNL_CB_OK;
}

/* An NLMSG_ERROR: an ack (error 0) or a refusal, with its extended ack. */
static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct reply *r = data;
	size_t off = sizeof(*e);

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	r->done = true;
	if (e->error == 0)
		return MNL_CB_STOP;
	if (r->error)
		return MNL_CB_STOP; /* the first refusal says most */
	r->error = -e->error;
	r->bad = nlh->nlmsg_seq;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
	    off <= mnl_nlmsg_get_payload_len(nlh))
		mnl_attr_parse(nlh, (unsigned)off, ext_ack_cb, r);
	errno = r->error;
	return MNL_CB_ERROR;
}

static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct reply *r = data;
	int error = 0;

	r->done = true;
	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		r->intr = true;
	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(int))
		memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(int));
	if (error < 0) {
		r->error = -error;
		errno = r->error;
		return MNL_CB_ERROR;
	}
	return MNL_CB_STOP;
}

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct reply *r = data;

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		r->intr = true;
	if (r->intr || !r->cb)
		return MNL_CB_OK; /* the rest is read to be dropped */
	return r->cb(nlh, r->data);
}

static mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = error_cb,
	[NLMSG_DONE] = done_cb,
};

/* Reads the replies to seq until its ack, NLMSG_DONE or an error. */
static int run(struct nfnl *s, uint32_t seq, struct reply *r)
{
	ssize_t n;
	int ret = 0;

	do {
		n = mnl_socket_recvfrom(s->mnl, s->buf, sizeof(s->buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		ret = mnl_cb_run2(s->buf, (size_t)n, seq, s->portid, data_cb, r,
				  ctl_cbs, NLMSG_MIN_TYPE);
	} while (n < 0 || ret > 0);
	return ret < 0 ? -errno : 0;
}

static int finish(const struct reply *r, int ret, struct net_err *err)
{
	int code;

	if (ret == 0)
		return 0;
	code = r->error ? r->error : -ret;
	if (r->msg[0])
		return net_err_set(err, code, "%s", r->msg);
	return net_err_errno(err, code);
}

static int send_msg(struct nfnl *s, struct nlmsghdr *nlh)
{
	nlh->nlmsg_seq = nfnl_seq(s);
	if (mnl_socket_sendto(s->mnl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	return 0;
}

int nfnl_talk(struct nfnl *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	      struct net_err *err)
{
	struct reply r = { .cb = cb, .data = data };
	int ret;

	nlh->nlmsg_flags |= NLM_F_ACK;
	ret = send_msg(s, nlh);
	if (ret == 0)
		ret = run(s, nlh->nlmsg_seq, &r);
	return finish(&r, ret, err);
}

int nfnl_dump(struct nfnl *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	      void (*reset)(void *data), struct net_err *err)
{
	int i, ret;

	nlh->nlmsg_flags |= NLM_F_DUMP;
	for (i = 0; i < NFNL_DUMP_TRIES; i++) {
		struct reply r = { .cb = cb, .data = data };

		if (i > 0)
			reset(data);
		ret = send_msg(s, nlh);
		if (ret == 0)
			ret = run(s, nlh->nlmsg_seq, &r);
		if (ret < 0 || !r.intr)
			return finish(&r, ret, err);
	}
	reset(data);
	return net_err_set(err, EINTR, "dump interrupted %d times",
			   NFNL_DUMP_TRIES);
}

/* ---- batches ---------------------------------------------------- */

void *nfnl_batch_room(struct nfnl_batch *b, size_t max)
{
	size_t want = b->len + nl_align(max);
	char *buf;

	if (b->nomem)
		return NULL;
	if (want > b->size) {
		size_t size = b->size ? b->size : 65536;

		while (size < want)
			size *= 2;
		buf = realloc(b->buf, size);
		if (!buf) {
			b->nomem = true;
			return NULL;
		}
		b->buf = buf;
		b->size = size;
	}
	memset(b->buf + b->len, 0, nl_align(max));
	return b->buf + b->len;
}

void nfnl_batch_done(struct nfnl_batch *b, const struct nlmsghdr *nlh)
{
	b->len += nl_align(nlh->nlmsg_len);
}

void nfnl_batch_free(struct nfnl_batch *b)
{
	free(b->buf);
	memset(b, 0, sizeof(*b));
}

/* The whole batch must fit the socket's send buffer. */
static void grow_sndbuf(struct nfnl *s, size_t len)
{
	int fd = mnl_socket_get_fd(s->mnl), size;

	if (len + 65536 <= (size_t)s->sndbuf || len > (1u << 30))
		return;
	size = (int)(len + 65536);
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size)) &&
	    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size)))
		return;
	s->sndbuf = size;
}

/* Reads what is queued, without waiting; r->done when last was acked. */
static int drain(struct nfnl *s, uint32_t last, struct reply *r)
{
	bool acked = false;

	for (;;) {
		ssize_t n = recv(mnl_socket_get_fd(s->mnl), s->buf,
				 sizeof(s->buf), MSG_DONTWAIT);
		const struct nlmsghdr *nlh = (const void *)s->buf;
		int len;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			break;
		if (n < 0)
			return -errno; /* ENOBUFS: replies were lost */
		len = (int)n;
		for (; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			if (nlh->nlmsg_type != NLMSG_ERROR ||
			    nlh->nlmsg_pid != s->portid)
				continue;
			r->done = false;
			error_cb(nlh, r);
			if (r->done && nlh->nlmsg_seq == last)
				acked = true;
		}
	}
	r->done = acked;
	return 0;
}

int nfnl_batch_send(struct nfnl *s, const struct nfnl_batch *b, uint32_t last,
		    uint32_t *bad, struct net_err *err)
{
	struct reply r = { 0 };
	int ret;

	*bad = 0;
	if (b->nomem)
		return net_err_errno(err, ENOMEM);
	grow_sndbuf(s, b->len);
	if (mnl_socket_sendto(s->mnl, b->buf, b->len) < 0)
		return net_err_errno(err, errno);
	ret = drain(s, last, &r);
	if (ret < 0 && !r.error)
		return net_err_errno(err, -ret);
	if (r.error) {
		*bad = r.bad;
		return finish(&r, -r.error, err);
	}
	if (!r.done)
		return net_err_set(err, EPROTO,
				   "the kernel did not confirm "
				   "the transaction");
	return 0;
}
