/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * running.h - what an area's running-config writer is given: where to
 * write, what to cover, and a view of the kernel's state of every VRF,
 * read once per command and only when an area asks for it.
 */
#ifndef VRFSH_CMD_RUNNING_H
#define VRFSH_CMD_RUNNING_H

#include "cli/cli.h"
#include "net/net.h"

/* One VRF as the kernel holds it. */
struct cfg_vrf {
	const char *name;	/* "" for default */
	bool unsafe;		/* its name cannot be written back */
	bool read;		/* reading was tried */
	bool ok;		/* and it worked */
	bool v4, v6;		/* forwarding switches */
	struct net_links links; /* by name */
	struct net_addrs addrs;
};

struct cli_config {
	struct cli_session *s;
	struct cli_out *o;
	bool whole;		/* the whole configuration, not a part */
	bool all;		/* 'all': what is left out as default too */
	const char *only_vrf;	/* NULL: every VRF */
	const char *only_if;	/* NULL: every interface */
	struct net_names names; /* the VRFs but default, by name */
	struct cfg_vrf *v;	/* default first, then by name */
	size_t n;
	unsigned failed; /* VRFs that could not be read */
	unsigned lines;	 /* stanza lines written by the routes */
};

/*
 * What an area writes into the running configuration (struct cli_area's
 * config): its stanzas, in the order of the areas in cmd/tables.c, and
 * the lines it adds inside each interface's stanza (an access group, a
 * NAT role), written after the interface area's own lines.
 */
struct cli_config_ops {
	void (*stanzas)(struct cli_config *c);
	void (*if_lines)(struct cli_config *c, const struct cfg_vrf *v,
			 const struct net_link *l);
};

/* Every area's if_lines for interface l of v; and whether they write
 * any (an interface left out as default, lo, is written when they do). */
void cfg_if_lines(struct cli_config *c, const struct cfg_vrf *v,
		  const struct net_link *l);
bool cfg_if_has_lines(struct cli_config *c, const struct cfg_vrf *v,
		      const struct net_link *l);

/* VRF i, read on first use; NULL when it could not be read (reported
 * once, counted in c->failed) or has vanished since it was listed. */
struct cfg_vrf *cfg_vrf(struct cli_config *c, size_t i);
/* The VRF named (default for "" or "default"), or NULL as above. */
struct cfg_vrf *cfg_vrf_named(struct cli_config *c, const char *name);
/* Does the configuration cover VRF i? */
bool cfg_covers(const struct cli_config *c, size_t i);
/* The link of v with that ifindex, or NULL. */
const struct net_link *cfg_link(const struct cfg_vrf *v, int ifindex);

/* " vrf NAME" for a VRF other than default, else "". */
const char *cfg_vrf_suffix(const char *vrf, char *buf, size_t size);

/*
 * Names and texts come from the kernel, which others write.  What the
 * configuration holds must read back as exactly the objects it names, so
 * a string that cannot be typed back as the word it stands for is never
 * written as a command: its stanza or line is left out, with a comment
 * and a warning (cfg_left_out) that show it escaped.
 */
bool cfg_vrf_name_ok(const char *name);
bool cfg_ifname_ok(const char *name);
/* The text of a LINE argument (a description): printable, not empty,
 * no blank at either end. */
bool cfg_line_ok(const char *text);
void cfg_left_out(struct cli_config *c, const char *what, const char *why);

#endif
