/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmds.h - the command tables, one per area, and the grammar built from
 * all of them.
 */
#ifndef VRFSH_CMD_CMDS_H
#define VRFSH_CMD_CMDS_H

#include "cli/cli.h"

extern const struct cli_cmd base_cmds[];
extern const struct cli_cmd vrf_cmds[];
extern const struct cli_cmd interface_cmds[];
extern const struct cli_cmd show_cmds[];
extern const struct cli_cmd route_cmds[];
extern const struct cli_cmd ping_cmds[];
extern const struct cli_cmd config_cmds[];

/* A static route's distance (its kernel metric) when none is given. */
#define CMD_DEFAULT_DISTANCE 1

/* Sends the queued route additions of batch input (the session's sync
 * hook); returns how many failed. */
int cmd_route_sync(struct cli_session *s);

/* Where write memory saves and show startup-config reads. */
void cmd_set_config_path(const char *path);

/* All tables, for the grammar; *n is set to their number. */
const struct cli_cmd *const *cmd_tables(size_t *n);

/* Builds the grammar of every command, or exits with a message. */
struct cli_grammar *cmd_grammar(void);

/* Connects a session to the backend (name completion); and undoes it. */
void cmd_session_setup(struct cli_session *s);
void cmd_session_cleanup(struct cli_session *s);

#endif
