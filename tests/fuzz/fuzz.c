/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz.c - helpers of the libFuzzer harnesses (see fuzz.h).
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"

void fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
	abort();
}

static FILE *sink(FILE *std)
{
	static FILE *null;

	if (getenv("FUZZ_VERBOSE"))
		return std;
	if (!null) {
		null = fopen("/dev/null", "we");
		if (!null)
			abort();
	}
	return null;
}

FILE *fuzz_out(void)
{
	return sink(stdout);
}

FILE *fuzz_err(void)
{
	return sink(stderr);
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p)
		abort();
	return p;
}

/* One area with its commands' handlers swapped. */
static const struct cli_area *copy_area(const struct cli_area *a,
					fuzz_swap_fn swap,
					int (*flush)(struct cli_session *s))
{
	struct cli_area *c = xcalloc(1, sizeof(*c));
	struct cli_cmd *cmds;
	size_t n = 0;

	*c = *a;
	if (flush && a->flush)
		c->flush = flush;
	if (!a->cmds)
		return c;
	while (a->cmds[n].syntax)
		n++;
	cmds = xcalloc(n + 1, sizeof(*cmds));
	for (size_t i = 0; i < n; i++) {
		cmds[i] = a->cmds[i];
		cmds[i].handler = swap(&a->cmds[i]);
	}
	c->cmds = cmds;
	return c;
}

struct cli_grammar *fuzz_grammar(fuzz_swap_fn swap,
				 int (*flush)(struct cli_session *s))
{
	size_t n;
	const struct cli_area *const *real = cmd_areas(&n);
	const struct cli_area **areas = xcalloc(n, sizeof(*areas));
	struct cli_grammar *g;
	char err[512];

	for (size_t i = 0; i < n; i++)
		areas[i] = real[i] == &cli_filter_area ?
				   real[i] :
				   copy_area(real[i], swap, flush);
	g = cli_grammar_new(areas, n, err, sizeof(err));
	if (!g) {
		fprintf(stderr, "fuzz: the grammar does not build: %s\n", err);
		abort();
	}
	return g;
}
