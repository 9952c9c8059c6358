/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * counters.h - clear counters: the kernel cannot reset a link's counters,
 * so the counters of each link when they were cleared are kept in the
 * per-boot state (record "counters" of the link's VRF, see state.h and
 * doc/state.md) and subtracted from what the kernel says.
 */
#ifndef VRFSH_NET_COUNTERS_H
#define VRFSH_NET_COUNTERS_H

#include "net/net.h"

#define NET_COUNTERS_RECORD "counters"

/* The counters of one link when they were cleared. */
struct net_baseline {
	int ifindex;
	char name[NET_IFNAMSIZ];
	uint64_t when; /* CLOCK_BOOTTIME, seconds */
	struct net_link_stats stats;
};

struct net_baselines {
	struct net_baseline *v;
	size_t n;
};

/* The baselines of vrf; none is no error (an empty list). */
int net_counters_read(const char *vrf, struct net_baselines *out,
		      struct net_err *err);
void net_baselines_free(struct net_baselines *b);

/* Takes the counters of the links of vrf now as their baseline: every
 * link, or only ifname (ENODEV when vrf has no such link).  Baselines of
 * links that are gone are dropped on the way. */
int net_counters_clear(const char *vrf, const char *ifname,
		       struct net_err *err);

/* Subtracts l's baseline from l's counters (stats and the four fields
 * of struct net_link).  A baseline applies when its ifindex and name are
 * l's and no counter went below it (a link made again, or counters that
 * the driver reset, start afresh).  Returns the seconds since it was
 * taken, or -1 when none applies (l is unchanged). */
long net_counters_apply(const struct net_baselines *b, struct net_link *l);

#endif
