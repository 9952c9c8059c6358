/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nfnl.h - internal: NETLINK_NETFILTER sockets (nftables and connection
 * tracking), one per namespace, opened inside it for one operation and
 * closed at its end; requests, dumps and nftables batches (transactions).
 *
 * Not cached as the NETLINK_ROUTE sockets of nl.c are: an operation on
 * filters touches few namespaces, and a socket left open would keep a
 * deleted VRF's namespace alive.
 */
#ifndef VRFSH_NET_NFNL_H
#define VRFSH_NET_NFNL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

#include "net.h"

struct nfnl;

/* A socket opened inside vrf's namespace. */
int nfnl_open(const char *vrf, struct nfnl **out, struct net_err *err);
void nfnl_close(struct nfnl *s);
/* The next sequence number of s. */
uint32_t nfnl_seq(struct nfnl *s);

/* Sends nlh (its seq set here), passes each reply to cb (may be NULL) and
 * waits for the ack. */
int nfnl_talk(struct nfnl *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	      struct net_err *err);
/* Sends nlh as a dump; cb gets each object.  When the kernel says the dump
 * was interrupted by a change, reset(data) is called and it restarts. */
int nfnl_dump(struct nfnl *s, struct nlmsghdr *nlh, mnl_cb_t cb, void *data,
	      void (*reset)(void *data), struct net_err *err);

/* A growing buffer of messages sent as one datagram. */
struct nfnl_batch {
	char *buf;
	size_t len, size;
	bool nomem; /* a message did not fit: the batch is void */
};
/* Room for one more message of at most max bytes, zeroed, at the end of b;
 * NULL (and b->nomem) when memory is short.  nfnl_batch_done() counts it
 * in once built. */
void *nfnl_batch_room(struct nfnl_batch *b, size_t max);
void nfnl_batch_done(struct nfnl_batch *b, const struct nlmsghdr *nlh);
void nfnl_batch_free(struct nfnl_batch *b);

/* Sends b (an nftables transaction: begin, messages, end) and reads every
 * reply the kernel queued for it.  The message with sequence number last
 * must carry NLM_F_ACK: its ack (and no error) is the proof of success.
 * On failure *bad gets the sequence number of the first message the
 * kernel refused (0 when none is known) and err its reason. */
int nfnl_batch_send(struct nfnl *s, const struct nfnl_batch *b, uint32_t last,
		    uint32_t *bad, struct net_err *err);

#endif
