/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * util.h - what the command handlers share: naming VRFs, reporting the
 * backend's errors once, and checking that objects exist.
 */
#ifndef VRFSH_CMD_UTIL_H
#define VRFSH_CMD_UTIL_H

#include "cli/cli.h"
#include "cmd/cmds.h"
#include "net/net.h"

/* "default" for the starting namespace, else the name. */
const char *vrf_label(const char *vrf);

/* The VRF named by the 'vrf' argument, else the one of the mode or the
 * routing context; "" for default. */
const char *cmd_vrf(struct cli_session *s, const struct cli_args *a);

/* "% VRF NAME does not exist" unless it exists (default always does). */
int cmd_vrf_exists(struct cli_session *s, const char *vrf);

/* Looks an interface up; "% Interface X does not exist [in VRF V]". */
int cmd_link(struct cli_session *s, const char *vrf, const char *ifname,
	     struct net_link *out);

/* Prints a backend error once: "% Permission denied: cannot WHAT (CAUSE;
 * it needs NEED)" for EPERM/EACCES, naming what the backend says the
 * operation needs (CAP_NET_ADMIN, CAP_SYS_ADMIN, CAP_NET_RAW, write
 * access to /run/netns), else "% Cannot WHAT: CAUSE".  Returns -1. */
int cmd_fail(struct cli_session *s, const struct net_err *err, const char *fmt,
	     ...) __attribute__((format(printf, 3, 4)));

/* The VRFs but default, by name; a stale entry of /run/netns is left
 * out with a warning. */
int cmd_vrf_list(struct cli_session *s, struct net_names *out);

/* A VRF of 'vrf all' could not be read: reports it and returns true,
 * unless it vanished since it was listed (ENOENT), which is no error.
 * The command goes on with the others. */
bool cmd_vrf_unreadable(struct cli_session *s, const char *vrf,
			const struct net_err *err);

/* The VRFs a show covers: the one named (or in context), or with 'all'
 * default and every other.  Free with net_names_free(). */
int cmd_vrf_set(struct cli_session *s, const struct cli_args *a,
		struct net_names *out);

/* What a VRF holds that the kernel cannot: its description and route
 * distinguisher (vrf.c).  Zeroed when it has none. */
#define CMD_VRF_DESC_MAX 244
struct cmd_vrf_info {
	char description[CMD_VRF_DESC_MAX + 1];
	char rd[32];
};
int cmd_vrf_info(const char *vrf, struct cmd_vrf_info *out,
		 struct net_err *err);

/* " in VRF NAME" for a VRF other than default, else "". */
const char *in_vrf(const char *vrf, char *buf, size_t size);

/* An interface written VRF/NAME (where the name alone is not unique, as
 * running-config writes it): splits it, "" for default.  false for a
 * plain name. */
bool cmd_if_split(const char *ref, char *vrf, size_t vsize, char *name,
		  size_t nsize);
/* Where the interface that ref (NAME or VRF/NAME) names is: in vrf_arg
 * when given, else in the VRF in context, else (in global configuration,
 * when search is set) in the one VRF that has it.  Fills vrf and name, and l when it exists.
 * Returns 0 when it exists, 1 when it does not (vrf and name say where it
 * would be made), -1 after reporting an error (a VRF not found, a name in
 * several VRFs). */
int cmd_if_resolve(struct cli_session *s, const char *ref, const char *vrf_arg,
		   bool search, char *vrf, size_t vsize, char *name,
		   size_t nsize, struct net_link *l);
/* vrfsh made, deleted or moved a link: the names cmd_if_resolve keeps
 * are out of date. */
void cmd_if_changed(void);

/* Static routes (cmd/route.c).  After a change of links or addresses in
 * vrf (shutdown, no shutdown, ip address, vrf forwarding, ...): its
 * configured static routes are reconciled at the next flush, installed
 * where their next hop became usable, withdrawn where it did not stay
 * so.  Cheap when the VRF has none. */
void cmd_routes_touch(struct cli_session *s, const char *vrf);
/* Before a command: reconciles every VRF's static routes once per
 * process, and before each command at the console (level 15 only). */
void cmd_routes_begin(struct cli_session *s);

#endif
