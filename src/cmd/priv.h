/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * priv.h - the privilege model's configuration: the enable secret and
 * whether shell may run, kept in the per-boot state beside the
 * namespaces and written into the running configuration.
 */
#ifndef VRFSH_CMD_PRIV_H
#define VRFSH_CMD_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "cli/cli.h"

/* Room for a crypt(3) hash. */
#define CMD_SECRET_MAX 256

/* The enable secret's hash into buf ("" when none is set).  Returns 0,
 * or -1 after reporting why it could not be read. */
int cmd_secret_get(struct cli_session *s, char *buf, size_t size);
/* Does typed match the hash?  (crypt(3), compared in constant time.) */
bool cmd_secret_check(const char *hash, const char *typed);
/* May shell run (no 'no service shell' configured)? */
bool cmd_shell_allowed(struct cli_session *s);

#endif
