/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmds.h - the command areas, the modes they add, and the grammar built
 * from them.  src/cmd/tables.c is the one list of areas; see the comment
 * at its top for how to add one.
 */
#ifndef VRFSH_CMD_CMDS_H
#define VRFSH_CMD_CMDS_H

#include "cli/cli.h"

/* The modes the areas add (bits of cli_cmd.modes; EXEC is the engine's
 * CLI_EXEC). */
enum {
	MODE_CONFIG = 1u << 1,	 /* global configuration (base area) */
	MODE_VRF = 1u << 2,	 /* VRF configuration (vrf area) */
	MODE_IF = 1u << 3,	 /* interface configuration (interface area) */
	MODE_VRF_DEF = 1u << 19, /* 'vrf definition NAME', as IOS has it:
				  * no interfaces or routes in it */
	MODE_VRF_AF = 1u << 20,	 /* a VRF's address family (vrf area) */
	MODE_ACL_STD = 1u << 10, /* ip access-list standard (acl area) */
	MODE_ACL_EXT = 1u << 11, /* ip access-list extended */
	MODE_ACL6 = 1u << 12,	 /* ipv6 access-list */
};

/* Every configuration mode, whichever area adds it. */
#define ALL_CONFIG CLI_ANY_CONFIG

/* The areas, in the order their stanzas appear in the running
 * configuration. */
extern const struct cli_area system_area;    /* hostname, clock, users */
extern const struct cli_area banner_area;    /* banner motd's stanza */
extern const struct cli_area base_area;	     /* modes, terminal */
extern const struct cli_area priv_area;	     /* enable secret, shell */
extern const struct cli_area vrf_area;	     /* VRFs, forwarding */
extern const struct cli_area interface_area; /* interfaces */
extern const struct cli_area ifdefault_area; /* default interface */
extern const struct cli_area route_area;     /* static routes */
extern const struct cli_area rib_area;	     /* show ip route */
extern const struct cli_area neigh_area;     /* show ip arp */
extern const struct cli_area show_area;	     /* show interfaces */
extern const struct cli_area show_ip_area;   /* show ip[v6] interface */
extern const struct cli_area show_vrf_area;  /* show vrf */
extern const struct cli_area lldp_area;	     /* show lldp, show cdp */
extern const struct cli_area ping_area;	     /* ping, traceroute, shell */
extern const struct cli_area config_area;    /* running/startup config */
extern const struct cli_area archive_area;   /* replace, archive, revert */
extern const struct cli_area acl_area;	     /* access lists, groups */
extern const struct cli_area acl_show_area;  /* show access-lists */
extern const struct cli_area nat_area;	     /* NAT */

/* All areas, for the grammar; *n is set to their number. */
const struct cli_area *const *cmd_areas(size_t *n);

/* Builds the grammar of every command, or exits with a message. */
struct cli_grammar *cmd_grammar(void);

/* Connects a session to the backend (name completion, per-command
 * caches); and undoes it. */
void cmd_session_setup(struct cli_session *s);
void cmd_session_cleanup(struct cli_session *s);

/* The router's name and banner from the per-boot state (system.c). */
void cmd_system_setup(struct cli_session *s);
/* Prints the banner motd, if one is set: at an interactive login. */
void cmd_banner_show(struct cli_session *s);
/* An interface was moved between VRFs, or deleted (l as it was): the
 * access groups and NAT roles its VRF's table keeps by its name follow
 * it, or go (cmd/acl.c). */
struct net_link;
void cmd_filter_if_moved(struct cli_session *s, const char *from,
			 const char *to, const char *ifname);
void cmd_filter_if_deleted(struct cli_session *s, const char *vrf,
			   const struct net_link *l);

/* Where write memory saves and show startup-config reads. */
void cmd_set_config_path(const char *path);

/* Does the caller hold the rights of level 15 themselves (root)?  Then
 * enable asks for no secret; only such a caller sets the enable secret
 * and allows shell. */
void cmd_set_caller_privileged(bool yes);
bool cmd_caller_privileged(void);

#endif
