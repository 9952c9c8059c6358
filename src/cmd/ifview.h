/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ifview.h - what the interface shows read from the kernel, once per
 * command: the links and addresses of each VRF they cover, with the
 * counter baselines of clear counters subtracted and, when asked, what
 * the drivers say of speed and duplex.
 */
#ifndef VRFSH_CMD_IFVIEW_H
#define VRFSH_CMD_IFVIEW_H

#include "cmd/util.h"
#include "net/counters.h"

/* What one VRF holds. */
struct view {
	char vrf[NET_VRF_NAME_MAX + 1]; /* "" for default */
	bool ok;
	struct net_err err;
	struct net_links links;
	struct net_addrs addrs;
	long *cleared; /* per link: seconds since clear counters,
				 * -1 never (view_counters) */
};

struct views {
	struct view *v;
	size_t n;
};

/* The view of vrf, read on first use.  The array may move: keep
 * indices, not pointers, across calls. */
struct view *view_get(struct views *vs, const char *vrf);
void views_free(struct views *vs);

/* Reads the views of every VRF of set into vs (in that order: view k is
 * set->v[k]).  A VRF that cannot be read fails the command, or with
 * 'vrf all' is reported and left out; returns -1 when any is reported. */
int views_read(struct cli_session *s, struct views *vs,
	       const struct net_names *set, bool all);

/* Subtracts the baselines of clear counters from v's counters and fills
 * v->cleared.  A record that cannot be read is reported once (warning)
 * and the kernel's counters are shown. */
void view_counters(struct cli_session *s, struct view *v);
/* Asks the drivers of v's links for speed, duplex and port. */
void view_ethtool(struct view *v);

const struct net_link *view_link(const struct view *v, int ifindex);
/* The primary IPv4 address of ifindex, or NULL. */
const struct net_addr *view_first_v4(const struct view *v, int ifindex);
/* Has ifindex an address of family? */
bool view_has_family(const struct view *v, int ifindex, int family);

/* The other end of a veth of view vi: its name and VRF, if it can be
 * found (may read the view of the peer's VRF). */
bool view_peer(struct views *vs, size_t vi, const struct net_link *l,
	       const char **name, const char **vrf);

/* The kind as shown: "veth", "bridge", "loopback", or NULL (physical). */
const char *view_kind(const struct net_link *l);

/* IOS's words for a link's state: "up", "administratively down", "down";
 * and its line protocol. */
const char *view_status(const struct net_link *l);
const char *view_protocol(const struct net_link *l);

/* "% Interface X not found [in VRF V]" for a show of one interface. */
int view_not_found(struct cli_session *s, const char *ifname,
		   const struct net_names *set);

#endif
