/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz.h - what the libFuzzer harnesses share: copies of the command
 * areas with handlers swapped, a sink for output, and a check that
 * aborts (so that libFuzzer keeps the input) when an invariant breaks.
 */
#ifndef VRFSH_FUZZ_H
#define VRFSH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"

/* Aborts with a message when cond is false: a broken invariant. */
#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond))                                                   \
			fuzz_fail(__FILE__, __LINE__, #cond);                  \
	} while (0)

void fuzz_fail(const char *file, int line, const char *what)
	__attribute__((noreturn));

/* Where output and messages go: /dev/null, or the standard streams
 * when FUZZ_VERBOSE is set in the environment (to read what a crashing
 * input did). */
FILE *fuzz_out(void);
FILE *fuzz_err(void);

/* Picks the handler of a command in a copy of the areas. */
typedef cli_handler (*fuzz_swap_fn)(const struct cli_cmd *c);

/*
 * Copies the command areas (cmd_areas()) with every command's handler
 * replaced by swap(cmd) and every flush hook by flush (when flush is not
 * NULL); the modes are the areas' own, the engine's filter area is kept
 * as it is.  Returns the grammar built from the copies (the copies live
 * as long as the process).  Aborts when the grammar does not build.
 */
struct cli_grammar *fuzz_grammar(fuzz_swap_fn swap,
				 int (*flush)(struct cli_session *s));

/* libFuzzer's coverage counters (counters.c), *n of them; NULL when the
 * build has none. */
uint8_t *fuzz_counters(size_t *n);

#endif
