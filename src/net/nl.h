/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nl.h - internal: the netlink layer of the backend.  One NETLINK_ROUTE
 * socket per namespace, opened inside it and kept; requests with extended
 * acks; dumps that restart when the kernel says they were interrupted.
 */
#ifndef VRFSH_NET_NL_H
#define VRFSH_NET_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

#include "net.h"

/* MNL_ALIGN without its signed mask. */
static inline size_t nl_align(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

/* mnl_attr_for_each_nested, its lengths converted explicitly. */
#define nl_attr_for_each_nested(a, nest)                                       \
	for ((a) = mnl_attr_get_payload(nest);                                 \
	     mnl_attr_ok((a), (int)((const char *)mnl_attr_get_payload(nest) + \
				    mnl_attr_get_payload_len(nest) -           \
				    (const char *)(a)));                       \
	     (a) = mnl_attr_next(a))

/* Room for one request we build (links, addresses: all small). */
#define NL_REQ_SIZE 8192

struct nl_sock;

/* The socket of vrf, opened inside its namespace on first use. */
int nl_sock_get(const char *vrf, struct nl_sock **out, struct net_err *err);
/* Who a namespace is: the device and inode of its namespace file (reused
 * by the kernel once a namespace is gone) and the kernel's cookie for it
 * (SO_NETNS_COOKIE, never reused; 0 on kernels before 5.14). */
struct nl_netns_id {
	uint64_t dev, ino, cookie;
};
int nl_netns_id(const char *vrf, struct nl_netns_id *id, struct net_err *err);
/* The netlink port id of vrf's cached socket, 0 when none is open (what
 * the kernel puts in the notifications that our requests cause). */
unsigned nl_sock_portid(const char *vrf);
/* A socket made inside vrf's namespace (non-blocking, close-on-exec),
 * subscribed to the rtnetlink groups (RTMGRP_*), not cached. */
int nl_events_open(const char *vrf, uint32_t groups, struct net_err *err);
/* The names of the links of s's namespace, as nl_link_names_keep() kept
 * them, while the kernel has reported no link change there since
 * nl_link_names_watch(); NULL when they must be read again. */
const struct net_names *nl_link_names(struct nl_sock *s);
/* Forget the names kept, and follow the link events of vrf's namespace
 * (s is its socket) from now: call it before the names are read. */
int nl_link_names_watch(const char *vrf, struct nl_sock *s,
			struct net_err *err);
/* Keep names (taken over: *names is emptied) until a link changes;
 * returns what is kept. */
const struct net_names *nl_link_names_keep(struct nl_sock *s,
					   struct net_names *names);
/* Close the cached socket of vrf (the VRF was deleted). */
void nl_sock_drop(const char *vrf);
/* A socket of the namespace the thread is in now, not cached; close it
 * with nl_sock_close(). */
int nl_sock_here(struct nl_sock **out, struct net_err *err);
void nl_sock_close(struct nl_sock *s);
void nl_sock_cleanup(void);

/* Start a request of type in buf (NL_REQ_SIZE bytes, zeroed here). */
struct nlmsghdr *nl_msg(void *buf, uint16_t type, uint16_t flags);
/* The same, zeroing only the first room bytes (at most NL_REQ_SIZE): for
 * a request that is known to fit in them. */
struct nlmsghdr *nl_msg_room(void *buf, size_t room, uint16_t type,
			     uint16_t flags);

/* Send nlh, pass every reply to cb (may be NULL) and wait for the ack. */
int nl_talk(struct nl_sock *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	    struct net_err *err);
/* Send nlh as a dump; cb gets each object.  When the kernel marks the dump
 * inconsistent (NLM_F_DUMP_INTR), reset(data) is called and it restarts. */
int nl_dump(struct nl_sock *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	    void (*reset)(void *data), struct net_err *err);

/* Queues nlh (copied) to be sent with others; fn(ctx, err) gets its
 * outcome (err->code 0 on success) exactly once, in the calling thread,
 * at the latest in nl_flush(), which every nl_talk and nl_dump calls
 * first.  Full batches are sent by a thread of the backend while the
 * next fills (see nl.c); requests keep their order, also across
 * sockets.  fn must not call the backend. */
int nl_defer(struct nl_sock *s, const struct nlmsghdr *nlh, net_done_fn fn,
	     void *ctx, struct net_err *err);
/* The socket of vrf when requests for it are queued: no need to look it
 * up (and check its namespace) again. */
struct nl_sock *nl_batch_sock(const char *vrf);
/* Sends what is queued, waits for every answer, hands out every
 * outcome and ends the sending thread.  A batch that could not be sent
 * or answered gives each of its requests that error, and the first
 * such error is returned. */
int nl_flush(struct net_err *err);

/* Dumps objects of type from vrf's socket, with a request that carries
 * a zeroed family header of hdrlen bytes for family (ifinfomsg,
 * ifaddrmsg, rtmsg and ndmsg all start with their family). */
int nl_dump_family(const char *vrf, uint16_t type, size_t hdrlen, int family,
		   mnl_cb_t cb, void *data, void (*reset)(void *data),
		   struct net_err *err);

/* Links (link.c) on a given socket, for a VRF being deleted (its file
 * gone) or being made (the thread inside it). */
int link_dump_on(struct nl_sock *s, struct net_links *out, struct net_err *err);
int link_del_on(struct nl_sock *s, const char *ifname, struct net_err *err);
/* Set ifname up in the namespace the thread is in, with a socket of its
 * own (not cached). */
int link_up_here(const char *ifname, struct net_err *err);

/* The array v (of n elements of size) with room for one more, grown by
 * doubling as dumps fill it; NULL with errno ENOMEM (v is still valid). */
void *nl_grow(void *v, size_t n, size_t size);

/* Attributes of nlh after a family header of hdrlen bytes into tb[0..max];
 * unknown types are skipped. */
void nl_parse(const struct nlmsghdr *nlh, size_t hdrlen,
	      const struct nlattr **tb, unsigned max);
void nl_parse_nested(const struct nlattr *nest, const struct nlattr **tb,
		     unsigned max);
/* Checked readers: false when a is NULL or too short. */
bool nl_u32(const struct nlattr *a, uint32_t *v);
bool nl_str(const struct nlattr *a, char *buf, size_t size);

/* err from an errno value, msg = strerror(code); returns -code (EIO
 * for a code of 0, so that an error path never returns success). */
int net_err_errno(struct net_err *err, int code);
/* Sets err->need (err may be NULL) when err->code is EPERM or EACCES and
 * nothing set it before; returns ret. */
int net_err_need(struct net_err *err, const char *need, int ret);
/* err from an errno value after a failed step: msg "STEP: strerror(code)"
 * (only strerror for a NULL step), need as net_err_need.  -code. */
int net_err_step(struct net_err *err, int code, const char *need,
		 const char *step);
/* Prefixes err->msg (err may be NULL) with the printf-style step
 * ("STEP: old msg"), keeping code and need; returns ret. */
int net_err_prefix(struct net_err *err, int ret, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
