/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * batch.h - batch input and the interactive console, the two sources that
 * feed the same engine.
 */
#ifndef VRFSH_CLI_BATCH_H
#define VRFSH_CLI_BATCH_H

#include "cli/cli.h"

/* Runs the lines of fp (name is used in error origins).  Returns 0 when
 * every command succeeded, 1 otherwise. */
int cli_batch_file(struct cli_session *s, FILE *fp, const char *name,
		   bool keep_going);
/* Runs n command strings as -c arguments. */
int cli_batch_commands(struct cli_session *s, char *const *cmds, int n,
		       bool keep_going);

/* The libedit console until exit or end of input.  histfile may be NULL.
 * Returns 0. */
int cli_interactive(struct cli_session *s, const char *histfile);

/* A secret typed at the console: prompt, then a line read from the
 * terminal with echo off.  Returns 0, or -1 at end of input. */
int cli_console_secret(struct cli_session *s, const char *prompt, char *buf,
		       size_t size);

#endif
