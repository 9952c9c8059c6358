/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * archive.h - safe change: the archive of earlier configurations,
 * configure replace, and the revert timer (archive.c, replace.c).
 */
#ifndef VRFSH_CMD_ARCHIVE_H
#define VRFSH_CMD_ARCHIVE_H

#include <stddef.h>

#include "cli/cli.h"

/* At most this many earlier configurations are kept. */
#define ARCHIVE_MAX 10

/* Keeps the file at path (the startup configuration about to be
 * replaced), or text, as the newest archive entry; the oldest beyond
 * ARCHIVE_MAX goes.  Best effort: a failure is a warning. */
void archive_keep_file(struct cli_session *s, const char *path);
void archive_keep_text(struct cli_session *s, const char *text, size_t len);

/* Makes the running configuration equal to target (a configuration's
 * text): computes the difference, applies it in an order that never cuts
 * what stays, prints what it did to o (may be NULL), and rolls back to
 * the state before when a step fails.  Returns 0, or -1 after reporting
 * why (the state is then the one before, or, when even the rollback
 * failed, says so). */
int replace_config(struct cli_session *s, struct cli_out *o, const char *target,
		   size_t len);

/* The line-by-line difference of two configurations, IOS's contextual
 * layout ('+'/'-' lines under their stanza headers), into o; returns the
 * number of lines that differ. */
size_t config_differences(struct cli_out *o, const char *from, const char *to);

/* vrfsh --revert-wait ID: the process that a revert timer left behind.
 * Waits for the deadline of rollback ID and, unless it was confirmed (or
 * replaced by another), restores the configuration it saved.  Returns
 * the exit status. */
int revert_wait(struct cli_session *s, const char *id);

#endif
