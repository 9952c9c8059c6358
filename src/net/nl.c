/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nl.c - one NETLINK_ROUTE socket per namespace, requests and dumps.
 *
 * A socket belongs to the namespace it was created in, so each one is
 * opened inside its VRF and kept in a small list keyed by VRF name, with
 * the inode of the namespace it lives in: if the VRF was deleted and made
 * again behind our back, the inode differs and the socket is reopened.
 * At most NET_NETNS_CACHE are kept, the least recently used closed first;
 * a socket with requests queued in the batch is flushed before closing.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"

#define NL_BUF_SIZE 32768 /* the most the kernel puts in one read */
#define NL_DUMP_TRIES 10
#define NL_RCVBUF (4 << 20)

struct nl_sock {
	struct nl_sock *next;
	char vrf[NET_VRF_NAME_MAX + 1];
	dev_t ns_dev;
	ino_t ns_ino;
	struct mnl_socket *mnl;
	uint64_t cookie; /* SO_NETNS_COOKIE, 0 when unknown */
	unsigned portid;
	unsigned seq;
	bool broken;	 /* a reply stream was left half read */
	int links_fd;	 /* subscribed to link events, -1 none */
	bool names_kept; /* names: the links' names since links_fd opened */
	struct net_names names;
	char buf[NL_BUF_SIZE] __attribute__((aligned(8)));
};

static struct nl_sock *socks; /* the most recently used first */

/* A socket's state zeroed, its reply buffer left as it is (reads fill
 * it): a VRF made from a file opens one of them. */
static struct nl_sock *sock_alloc(void)
{
	struct nl_sock *s = malloc(sizeof(*s));

	if (s)
		memset(s, 0, offsetof(struct nl_sock, buf));
	return s;
}

/* State of one request while its replies are read. */
struct nl_ctx {
	mnl_cb_t cb;
	void *data;
	bool done; /* saw the ack or NLMSG_DONE */
	bool intr; /* dump marked inconsistent */
	int error; /* positive errno from the kernel */
	char msg[sizeof(((struct net_err *)0)->msg)];
};

static bool batch_uses(const struct nl_sock *s);
static void flush_all(void);

static void sock_free(struct nl_sock *s)
{
	/* Its queued requests get their outcome first. */
	if (batch_uses(s))
		flush_all();
	if (s->mnl)
		mnl_socket_close(s->mnl);
	if (s->links_fd >= 0)
		close(s->links_fd);
	net_names_free(&s->names);
	free(s);
}

static void sock_unlink(struct nl_sock *s)
{
	struct nl_sock **pp;

	for (pp = &socks; *pp; pp = &(*pp)->next) {
		if (*pp == s) {
			*pp = s->next;
			break;
		}
	}
	sock_free(s);
}

/* Close the least recently used sockets beyond the bound, but not the
 * one with queued requests (it is in use) nor keep (just opened). */
static void socks_trim(const struct nl_sock *keep)
{
	struct nl_sock **pp = &socks, *s;
	size_t n = 0;

	while ((s = *pp)) {
		if (s != keep && !batch_uses(s) && ++n >= NET_NETNS_CACHE) {
			*pp = s->next;
			sock_free(s);
		} else {
			pp = &s->next;
		}
	}
}

/* batches: the socket will carry batches of requests (nl_defer) */
static void sock_options(struct mnl_socket *mnl, bool batches)
{
	int one = 1, rcvbuf = NL_RCVBUF;
	int fd = mnl_socket_get_fd(mnl);

	/* Both are optional: old kernels just lose the nicer messages. */
	mnl_socket_setsockopt(mnl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(mnl, NETLINK_GET_STRICT_CHK, &one, sizeof(one));
	/* Room for the acks of a whole batch (each costs the kernel about
	 * a kilobyte); above the system limit only with privilege. */
	if (batches && setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
				  sizeof(rcvbuf)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
}

/* Create and bind a netlink socket inside the namespace of nsfd. */
static int open_in(int nsfd, struct mnl_socket **out, struct net_err *err)
{
	struct mnl_socket *mnl;
	int saved, ret, e = 0;

	ret = netns_enter(nsfd, &saved, err);
	if (ret < 0)
		return ret;
	mnl = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
	if (!mnl) {
		e = errno;
	} else if (mnl_socket_bind(mnl, 0, MNL_SOCKET_AUTOPID) < 0) {
		e = errno;
		mnl_socket_close(mnl);
		mnl = NULL;
	}
	netns_leave(saved);
	*out = mnl;
	return mnl ? 0 : net_err_errno(err, e);
}

/* The kernel's never-reused id of the namespace a socket lives in. */
static uint64_t netns_cookie(int fd)
{
#ifdef SO_NETNS_COOKIE
	uint64_t cookie = 0;
	socklen_t len = sizeof(cookie);

	if (getsockopt(fd, SOL_SOCKET, SO_NETNS_COOKIE, &cookie, &len) == 0 &&
	    len == sizeof(cookie))
		return cookie;
#else
	(void)fd;
#endif
	return 0;
}

static int sock_open(const char *key, int nsfd, const struct stat *st,
		     struct nl_sock **out, struct net_err *err)
{
	struct nl_sock *s = sock_alloc();
	int ret;

	if (!s)
		return net_err_errno(err, ENOMEM);
	ret = open_in(nsfd, &s->mnl, err);
	if (ret < 0) {
		free(s);
		return ret;
	}
	sock_options(s->mnl, true);
	s->links_fd = -1;
	s->cookie = netns_cookie(mnl_socket_get_fd(s->mnl));
	snprintf(s->vrf, sizeof(s->vrf), "%s", key);
	s->ns_dev = st->st_dev;
	s->ns_ino = st->st_ino;
	s->portid = mnl_socket_get_portid(s->mnl);
	s->next = socks;
	socks = s;
	socks_trim(s);
	*out = s;
	return 0;
}

/* The socket of key, moved to the front (most recently used). */
static struct nl_sock *sock_find(const char *key)
{
	struct nl_sock **pp, *s;

	for (pp = &socks; (s = *pp); pp = &s->next) {
		if (!strcmp(s->vrf, key)) {
			*pp = s->next;
			s->next = socks;
			socks = s;
			return s;
		}
	}
	return NULL;
}

int nl_sock_here(struct nl_sock **out, struct net_err *err)
{
	struct nl_sock *s = sock_alloc();
	int e;

	if (!s)
		return net_err_errno(err, ENOMEM);
	s->mnl = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
	if (!s->mnl || mnl_socket_bind(s->mnl, 0, MNL_SOCKET_AUTOPID) < 0) {
		e = errno;
		nl_sock_close(s);
		return net_err_errno(err, e);
	}
	sock_options(s->mnl, false); /* a socket for a few requests */
	s->links_fd = -1;
	s->portid = mnl_socket_get_portid(s->mnl);
	*out = s;
	return 0;
}

void nl_sock_close(struct nl_sock *s)
{
	if (s)
		sock_free(s);
}

int nl_sock_get(const char *vrf, struct nl_sock **out, struct net_err *err)
{
	const char *key = netns_key(vrf);
	struct nl_sock *s;
	struct stat st;
	int nsfd;

	nsfd = netns_fd(vrf, err);
	if (nsfd < 0)
		return nsfd;
	if (fstat(nsfd, &st) < 0)
		return net_err_errno(err, errno);
	s = sock_find(key);
	if (s &&
	    (s->broken || s->ns_ino != st.st_ino || s->ns_dev != st.st_dev)) {
		sock_unlink(s);
		s = NULL;
	}
	*out = s;
	return s ? 0 : sock_open(key, nsfd, &st, out, err);
}

int nl_netns_id(const char *vrf, struct nl_netns_id *id, struct net_err *err)
{
	struct nl_sock *s;
	int ret = nl_sock_get(vrf, &s, err);

	if (ret < 0)
		return ret;
	id->dev = (uint64_t)s->ns_dev;
	id->ino = (uint64_t)s->ns_ino;
	id->cookie = s->cookie;
	return 0;
}

/* ---- the links' names, kept while no link changes ---------------- */

/* Has the kernel reported a link event on fd since it was last read?
 * Reads them all.  Lost events (ENOBUFS) count as a change. */
static bool links_changed(int fd)
{
	char buf[4096];
	bool changed = false;
	ssize_t n;

	for (;;) {
		n = recv(fd, buf, sizeof(buf), MSG_DONTWAIT | MSG_TRUNC);
		if (n > 0) {
			changed = true;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else {
			return changed || n == 0 || errno != EAGAIN;
		}
	}
}

int nl_events_open(const char *vrf, uint32_t groups, struct net_err *err)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK,
				  .nl_groups = groups };
	int nsfd = netns_fd(vrf, err), saved, fd, e = 0;

	if (nsfd < 0)
		return nsfd;
	if (netns_enter(nsfd, &saved, err) < 0)
		return -err->code;
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
		    NETLINK_ROUTE);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		e = errno;
	netns_leave(saved);
	if (e) {
		if (fd >= 0)
			close(fd);
		return net_err_errno(err, e);
	}
	return fd;
}

const struct net_names *nl_link_names(struct nl_sock *s)
{
	if (!s->names_kept)
		return NULL;
	if (links_changed(s->links_fd)) {
		net_names_free(&s->names);
		s->names_kept = false;
		return NULL;
	}
	return &s->names;
}

int nl_link_names_watch(const char *vrf, struct nl_sock *s, struct net_err *err)
{
	net_names_free(&s->names);
	s->names_kept = false;
	if (s->links_fd >= 0) {
		links_changed(s->links_fd);
		return 0;
	}
	s->links_fd = nl_events_open(vrf, RTMGRP_LINK, err);
	return s->links_fd < 0 ? s->links_fd : 0;
}

const struct net_names *nl_link_names_keep(struct nl_sock *s,
					   struct net_names *names)
{
	net_names_free(&s->names);
	s->names = *names;
	s->names_kept = s->links_fd >= 0;
	names->v = NULL;
	names->n = 0;
	return &s->names;
}

unsigned nl_sock_portid(const char *vrf)
{
	struct nl_sock *s = sock_find(netns_key(vrf));

	return s ? s->portid : 0;
}

void nl_sock_drop(const char *vrf)
{
	struct nl_sock *s = sock_find(netns_key(vrf));

	if (s)
		sock_unlink(s);
}

static void batches_free(void);

void nl_sock_cleanup(void)
{
	while (socks)
		sock_unlink(socks);
	batches_free();
}

struct nlmsghdr *nl_msg(void *buf, uint16_t type, uint16_t flags)
{
	return nl_msg_room(buf, NL_REQ_SIZE, type, flags);
}

struct nlmsghdr *nl_msg_room(void *buf, size_t room, uint16_t type,
			     uint16_t flags)
{
	struct nlmsghdr *nlh;

	/* libmnl leaves the padding after an attribute as it was: no stale
	 * bytes may reach the kernel */
	memset(buf, 0, room < NL_REQ_SIZE ? room : NL_REQ_SIZE);
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	return nlh;
}

/* ---- replies ---------------------------------------------------- */

static int ext_ack_cb(const struct nlattr *a, void *data)
{
	struct nl_ctx *c = data;

	if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
		nl_str(a, c->msg, sizeof(c->msg));
	return MNL_CB_OK;
}

/* Record a kernel error; the extended ack TLVs start at offset. */
static int ctx_fail(struct nl_ctx *c, const struct nlmsghdr *nlh, int code,
		    size_t offset)
{
	c->error = code;
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
	    offset <= mnl_nlmsg_get_payload_len(nlh))
		mnl_attr_parse(nlh, (unsigned)offset, ext_ack_cb, c);
	errno = code;
	return MNL_CB_ERROR;
}

static int error_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	struct nl_ctx *c = data;
	size_t off = sizeof(*e);

	c->done = true;
	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (e->error == 0)
		return MNL_CB_STOP;
	/* Unless capped, the request we sent is echoed before the TLVs. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	return ctx_fail(c, nlh, -e->error, off);
}

static int done_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *c = data;
	int error = 0;

	c->done = true;
	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		c->intr = true;
	if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(int))
		memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(int));
	if (error < 0)
		return ctx_fail(c, nlh, -error, sizeof(int));
	return MNL_CB_STOP;
}

static int overrun_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	errno = ENOSPC;
	return MNL_CB_ERROR;
}

static int data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nl_ctx *c = data;

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		c->intr = true;
	/* After an inconsistency the rest is read only to be dropped. */
	if (c->intr || !c->cb)
		return MNL_CB_OK;
	return c->cb(nlh, c->data);
}

static mnl_cb_t ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = error_cb,
	[NLMSG_DONE] = done_cb,
	[NLMSG_OVERRUN] = overrun_cb,
};

/* Read replies to seq until the ack, NLMSG_DONE or an error. */
static int nl_run(struct nl_sock *s, unsigned seq, struct nl_ctx *c)
{
	ssize_t n;
	int ret = 0;

	do {
		n = mnl_socket_recvfrom(s->mnl, s->buf, sizeof(s->buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		ret = mnl_cb_run2(s->buf, (size_t)n, seq, s->portid, data_cb, c,
				  ctl_cbs, NLMSG_MIN_TYPE);
	} while (n < 0 || ret > 0);
	return ret < 0 ? -errno : 0;
}

static int nl_send(struct nl_sock *s, struct nlmsghdr *nlh)
{
	nlh->nlmsg_seq = ++s->seq;
	if (mnl_socket_sendto(s->mnl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	return 0;
}

/* Turn the outcome of one exchange into a return value and err. */
static int nl_finish(struct nl_sock *s, struct nl_ctx *c, int ret,
		     struct net_err *err)
{
	int code;

	if (ret == 0)
		return 0;
	if (!c->done)
		s->broken = true; /* replies may still be queued */
	code = c->error ? c->error : -ret;
	if (c->msg[0])
		ret = net_err_set(err, code, "%s", c->msg);
	else
		ret = net_err_errno(err, code);
	/* The kernel refuses changes to links, addresses and routes
	 * without CAP_NET_ADMIN over the namespace. */
	return net_err_need(err, NET_NEED_NET_ADMIN, ret);
}

/* ---- deferred requests ------------------------------------------ */

/*
 * Queued requests go out in batches of up to NL_BATCH_MAX, one sendto()
 * each, with only the last asking for an ack.  The kernel does the work
 * of a batch inside that sendto(), so while one is being filled the one
 * before can be in the kernel: a batch that fills up is handed to a
 * sender thread, which sends it and reads its answers, and the caller
 * goes on queueing into the next of NL_INFLIGHT buffers.  The sender
 * only records the answers; each request's fn is called by the caller's
 * thread, in order, when it queues a batch whose buffer still holds an
 * answered one, or in nl_flush().  nl_flush() waits for every batch and
 * ends the thread, so it exists only while requests are queued: nothing
 * else in the process (setns, unshare, fork) ever sees a second thread.
 * A batch that never fills (a few requests) is sent by nl_flush() in
 * the caller's thread, with no thread at all.
 */
#define NL_BATCH_SIZE 65536
#define NL_BATCH_MAX 512
#define NL_INFLIGHT 32 /* 2.4 MB at most, allocated as used */

enum {
	NL_OPEN,
	NL_OK,
	NL_FAILED
};

struct nl_pending {
	unsigned seq;
	unsigned char state; /* NL_* */
	uint16_t fail;	     /* NL_FAILED: its answer, in fails[] */
	net_done_fn fn;
	void *ctx;
};

struct nl_batch {
	struct nl_sock *s;
	size_t len, n, last; /* last: the offset of the newest request */
	int ret;	     /* 0, or -errno: the batch was not answered */
	bool broken;	     /* answers left half read (for s->broken) */
	size_t nfails;
	struct net_err *fails; /* NL_BATCH_MAX of them once one is refused */
	struct nl_pending p[NL_BATCH_MAX];
	char buf[NL_BATCH_SIZE] __attribute__((aligned(8)));
};

/*
 * Batch number i is in b[i % NL_INFLIGHT].  The caller fills batch
 * `queued`; the sender works through answered..queued-1; the caller
 * hands out the outcomes of delivered..answered-1.  queued and answered
 * change under mu; the rest belongs to the caller's thread.
 */
static struct {
	struct nl_batch *b[NL_INFLIGHT];
	unsigned delivered;
	int ret; /* the first batch that went unanswered since nl_flush */
	pthread_t thread;
	bool running;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	unsigned queued, answered;
	bool quit;
} Q = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

static struct nl_batch *slot(unsigned i)
{
	struct nl_batch **b = &Q.b[i % NL_INFLIGHT];

	if (!*b) {
		/* only the header zeroed: the rest is written before read */
		*b = malloc(sizeof(**b));
		if (!*b)
			abort();
		memset(*b, 0, offsetof(struct nl_batch, p));
	}
	return *b;
}

static struct nl_batch *filling(void)
{
	return slot(Q.queued);
}

/* Records the answer nlh (NULL: success) of request p of b. */
static void pending_answer(struct nl_batch *b, struct nl_pending *p,
			   const struct nlmsghdr *nlh)
{
	struct nl_ctx c = { 0 };
	struct net_err *e;

	p->state = NL_OK;
	if (!nlh)
		return;
	error_cb(nlh, &c);
	if (!c.error)
		return;
	if (!b->fails && !(b->fails = malloc(NL_BATCH_MAX * sizeof(*e))))
		abort();
	p->state = NL_FAILED;
	p->fail = (uint16_t)b->nfails;
	e = &b->fails[b->nfails++];
	if (c.msg[0])
		net_err_set(e, c.error, "%s", c.msg);
	else
		net_err_errno(e, c.error);
	net_err_need(e, NET_NEED_NET_ADMIN, 0);
}

/* Reads the answers to b's requests.  Only the last asks for an ack;
 * the kernel answers a request that fails in any case and handles them
 * in order, so every request before an answer that has none of its own
 * succeeded, and the last one's ack ends the batch. */
static int read_acks(struct nl_batch *b)
{
	struct nl_sock *s = b->s;
	size_t next = 0;

	while (next < b->n) {
		ssize_t got =
			mnl_socket_recvfrom(s->mnl, s->buf, sizeof(s->buf));
		const struct nlmsghdr *nlh = (const void *)s->buf;
		int len;

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			b->broken = true; /* s is the caller's to mark */
			return -errno;
		}
		len = (int)got; /* at most sizeof(s->buf) */
		for (; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			size_t j = next;

			if (nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			while (j < b->n && b->p[j].seq != nlh->nlmsg_seq)
				j++;
			if (j == b->n)
				continue; /* not an answer to this batch */
			for (; next < j; next++)
				pending_answer(b, &b->p[next], NULL);
			pending_answer(b, &b->p[next++], nlh);
		}
	}
	return 0;
}

/* Sends b and reads its answers: in whichever thread. */
static void batch_send(struct nl_batch *b)
{
	((struct nlmsghdr *)(b->buf + b->last))->nlmsg_flags |= NLM_F_ACK;
	b->ret = 0;
	if (mnl_socket_sendto(b->s->mnl, b->buf, b->len) < 0)
		b->ret = -errno;
	else
		b->ret = read_acks(b);
}

/* Calls each request's fn with what b recorded; unanswered ones get the
 * error that left them so. */
static void batch_deliver(struct nl_batch *b)
{
	static const struct net_err ok = { 0, "", NULL };
	struct net_err lost = { 0 };

	if (b->ret < 0) {
		net_err_errno(&lost, -b->ret);
		if (Q.ret == 0)
			Q.ret = b->ret;
	}
	if (b->broken)
		b->s->broken = true;
	for (size_t i = 0; i < b->n; i++) {
		const struct nl_pending *p = &b->p[i];

		p->fn(p->ctx, p->state == NL_OK	    ? &ok :
			      p->state == NL_FAILED ? &b->fails[p->fail] :
						      &lost);
	}
	free(b->fails);
	b->fails = NULL;
	b->n = b->len = b->nfails = 0;
	b->broken = false;
	b->s = NULL;
}

static void *sender(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&Q.mu);
	for (;;) {
		unsigned i = Q.answered;

		if (i == Q.queued) {
			if (Q.quit)
				break;
			pthread_cond_wait(&Q.cv, &Q.mu);
			continue;
		}
		pthread_mutex_unlock(&Q.mu);
		batch_send(Q.b[i % NL_INFLIGHT]);
		pthread_mutex_lock(&Q.mu);
		Q.answered = i + 1;
		pthread_cond_broadcast(&Q.cv);
	}
	pthread_mutex_unlock(&Q.mu);
	return NULL;
}

static bool sender_start(void)
{
	sigset_t all, old;
	int ret;

	/* signals are for the caller's thread */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	Q.quit = false;
	ret = pthread_create(&Q.thread, NULL, sender, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	Q.running = ret == 0;
	return Q.running;
}

/* Hands out the outcomes of answered batches; wait: of every batch up
 * to upto (waiting for the sender as needed). */
static void deliver_upto(unsigned upto)
{
	while (Q.delivered != upto) {
		unsigned answered;

		pthread_mutex_lock(&Q.mu);
		while (Q.answered == Q.delivered)
			pthread_cond_wait(&Q.cv, &Q.mu);
		answered = Q.answered;
		pthread_mutex_unlock(&Q.mu);
		while (Q.delivered != answered && Q.delivered != upto)
			batch_deliver(Q.b[Q.delivered++ % NL_INFLIGHT]);
	}
}

/* The batch being filled is full: off to the sender, and the next
 * buffer made free. */
static void batch_queue(void)
{
	if (!Q.running && !sender_start()) {
		/* no thread: as before, sent and answered here */
		batch_send(filling());
		batch_deliver(filling());
		return;
	}
	pthread_mutex_lock(&Q.mu);
	Q.queued++;
	pthread_cond_signal(&Q.cv);
	pthread_mutex_unlock(&Q.mu);
	if (Q.queued - Q.delivered == NL_INFLIGHT)
		deliver_upto(Q.delivered + 1);
}

/* Every queued request sent and its outcome handed out; the sender
 * ended. */
static void flush_all(void)
{
	struct nl_batch *b = Q.b[Q.queued % NL_INFLIGHT];

	if (!Q.running) {
		if (b && b->n) {
			batch_send(b);
			batch_deliver(b);
		}
		return;
	}
	pthread_mutex_lock(&Q.mu);
	if (b && b->n)
		Q.queued++;
	Q.quit = true;
	pthread_cond_signal(&Q.cv);
	pthread_mutex_unlock(&Q.mu);
	deliver_upto(Q.queued);
	pthread_join(Q.thread, NULL);
	Q.running = false;
	/* the next batches start from the first buffer again */
	Q.queued = Q.answered = Q.delivered = 0;
}

/* A lost batch's error is each of its requests' outcome, and the next
 * nl_flush()'s to return: not the error of a request sent later. */
int nl_flush(struct net_err *err)
{
	int ret;

	flush_all();
	ret = Q.ret;
	Q.ret = 0;
	if (ret < 0)
		return net_err_errno(err, -ret);
	return 0;
}

static void batches_free(void)
{
	flush_all();
	Q.ret = 0;
	for (unsigned i = 0; i < NL_INFLIGHT; i++) {
		free(Q.b[i]);
		Q.b[i] = NULL;
	}
}

/* Are requests for s queued or on their way? */
static bool batch_uses(const struct nl_sock *s)
{
	for (unsigned i = Q.delivered; i != Q.queued + 1; i++) {
		const struct nl_batch *b = Q.b[i % NL_INFLIGHT];

		if (b && b->n && b->s == s)
			return true;
	}
	return false;
}

struct nl_sock *nl_batch_sock(const char *vrf)
{
	const struct nl_batch *b = filling();

	if (b->n && !strcmp(b->s->vrf, netns_key(vrf)))
		return b->s;
	return NULL;
}

int net_flush(struct net_err *err)
{
	return nl_flush(err);
}

/* Requests that change the kernel, sent so far: rtnetlink's NEW, DEL
 * and SET types (its GET types are the ones 2 past a multiple of 4). */
static unsigned long changes;

unsigned long net_changes(void)
{
	return changes;
}

void net_count_change(void)
{
	changes++;
}

static void count(const struct nlmsghdr *nlh)
{
	if (nlh->nlmsg_type >= RTM_BASE && nlh->nlmsg_type % 4 != 2)
		changes++;
}

int nl_defer(struct nl_sock *s, const struct nlmsghdr *nlh, net_done_fn fn,
	     void *ctx, struct net_err *err)
{
	struct nl_batch *b = filling();
	struct nlmsghdr *q;

	(void)err;
	/* (a batch that fills up is queued below, at once) */
	if (b->n &&
	    (b->s != s || b->len + nl_align(nlh->nlmsg_len) > NL_BATCH_SIZE)) {
		batch_queue();
		b = filling();
	}
	count(nlh);
	q = (struct nlmsghdr *)(b->buf + b->len);
	memcpy(q, nlh, nlh->nlmsg_len);
	q->nlmsg_flags &= (uint16_t)~NLM_F_ACK; /* the batch acks its last */
	q->nlmsg_seq = ++s->seq;
	b->last = b->len;
	b->len += nl_align(nlh->nlmsg_len);
	b->p[b->n++] = (struct nl_pending){ q->nlmsg_seq, NL_OPEN, 0, fn, ctx };
	b->s = s;
	if (b->n == NL_BATCH_MAX) /* on its way at once */
		batch_queue();
	return 0;
}

int nl_talk(struct nl_sock *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	    struct net_err *err)
{
	struct nl_ctx c = { .cb = cb, .data = data };
	int ret;

	flush_all();
	nlh->nlmsg_flags |= NLM_F_ACK;
	count(nlh);
	ret = nl_send(s, nlh);
	if (ret == 0)
		ret = nl_run(s, nlh->nlmsg_seq, &c);
	return nl_finish(s, &c, ret, err);
}

int nl_dump(struct nl_sock *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	    void (*reset)(void *data), struct net_err *err)
{
	int i, ret;

	flush_all();
	nlh->nlmsg_flags |= NLM_F_DUMP;
	for (i = 0; i < NL_DUMP_TRIES; i++) {
		struct nl_ctx c = { .cb = cb, .data = data };

		if (i > 0)
			reset(data);
		ret = nl_send(s, nlh);
		if (ret == 0)
			ret = nl_run(s, nlh->nlmsg_seq, &c);
		if (ret < 0 || !c.intr)
			return nl_finish(s, &c, ret, err);
	}
	reset(data);
	return net_err_set(err, EINTR, "dump interrupted %d times",
			   NL_DUMP_TRIES);
}

int nl_dump_family(const char *vrf, uint16_t type, size_t hdrlen, int family,
		   mnl_cb_t cb, void *data, void (*reset)(void *data),
		   struct net_err *err)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	unsigned char *hdr;
	struct nl_sock *s;
	int ret;

	ret = nl_sock_get(vrf, &s, err);
	if (ret < 0)
		return ret;
	nlh = nl_msg(buf, type, 0);
	hdr = mnl_nlmsg_put_extra_header(nlh, hdrlen);
	hdr[0] = (unsigned char)family; /* every family header starts so */
	return nl_dump(s, nlh, cb, data, reset, err);
}

void *nl_grow(void *v, size_t n, size_t size)
{
	if (n & (n + 1)) /* grows at 0, 1, 3, 7, ...: room is left */
		return v;
	v = realloc(v, (n * 2 + 1) * size);
	if (!v)
		errno = ENOMEM;
	return v;
}

/* ---- attributes ------------------------------------------------- */

struct nl_table {
	const struct nlattr **tb;
	unsigned max;
};

static int table_cb(const struct nlattr *a, void *data)
{
	struct nl_table *t = data;
	unsigned type = mnl_attr_get_type(a);

	if (type <= t->max)
		t->tb[type] = a;
	return MNL_CB_OK;
}

void nl_parse(const struct nlmsghdr *nlh, size_t hdrlen,
	      const struct nlattr **tb, unsigned max)
{
	struct nl_table t = { tb, max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	mnl_attr_parse(nlh, (unsigned)nl_align(hdrlen), table_cb, &t);
}

void nl_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
		     unsigned max)
{
	struct nl_table t = { tb, max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	if (nest)
		mnl_attr_parse_nested(nest, table_cb, &t);
}

bool nl_u32(const struct nlattr *a, uint32_t *v)
{
	if (!a || mnl_attr_get_payload_len(a) < sizeof(*v))
		return false;
	*v = mnl_attr_get_u32(a);
	return true;
}

bool nl_str(const struct nlattr *a, char *buf, size_t size)
{
	size_t len;

	if (!a || size == 0)
		return false;
	len = strnlen(mnl_attr_get_payload(a), mnl_attr_get_payload_len(a));
	if (len >= size)
		len = size - 1;
	memcpy(buf, mnl_attr_get_payload(a), len);
	buf[len] = '\0';
	return true;
}
