/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cfgfile.h - configuration files and texts: read one, replace one
 * safely, render the running configuration into memory.
 */
#ifndef VRFSH_CMD_CFGFILE_H
#define VRFSH_CMD_CFGFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "cli/cli.h"

/* The whole of a regular file into *text (NUL-terminated, malloc'd).
 * Returns 0, or -1 after reporting why not. */
int cfg_file_read(struct cli_session *s, const char *path, char **text,
		  size_t *len);
/* Replaces path with len bytes of text, atomically and never through a
 * symbolic link (see cfgfile.c); a new file gets mode, an old one keeps
 * its mode and owner; keep_bak keeps the previous one as path.bak.
 * Returns 0, or -1 after reporting why not (path is then unchanged). */
int cfg_file_replace(struct cli_session *s, const char *path,
		     const char *text, size_t len, mode_t mode, bool keep_bak);

/* The whole running configuration as show running-config prints it, in
 * *text (malloc'd).  Returns 0, or -1 after reporting why not (a VRF that
 * could not be read: the text would be incomplete). */
int cfg_running_text(struct cli_session *s, char **text, size_t *len);

/* Where the startup configuration is. */
const char *cfg_startup_path(void);

#endif
