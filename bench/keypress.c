/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * keypress.c - what one TAB or '?' costs: runs the shell's own completion
 * and help (the code a keypress runs) on lines that name the interfaces
 * of the VRF in context, and prints the median milliseconds of each.
 *   keypress [VRF] [ROUNDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cmd/cmds.h"

static double now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Times TAB and '?' on line, prints the medians. */
static void keypress(struct cli_session *s, const char *line, int rounds,
		     FILE *sink)
{
	double *t = calloc((size_t)rounds, sizeof(*t));
	size_t found = 0;

	for (int kind = 0; kind < 2; kind++) {
		for (int r = 0; r < rounds; r++) {
			struct cli_strv sv = { 0 };
			double t0 = now_ms();

			if (kind == 0)
				cli_complete(s, line, &sv);
			else
				cli_help(s, line, sink);
			t[r] = now_ms() - t0;
			found = kind ? found : sv.n;
			cli_strv_free(&sv);
		}
		qsort(t, (size_t)rounds, sizeof(*t), by_value);
		if (kind == 0)
			printf("TAB \"%s\" %.3f ms (%zu names)\n", line,
			       t[rounds / 2], found);
		else
			printf("?   \"%s\" %.3f ms\n", line, t[rounds / 2]);
	}
	free(t);
}

int main(int argc, char **argv)
{
	const char *vrf = argc > 1 ? argv[1] : "";
	int rounds = argc > 2 ? atoi(argv[2]) : 15;
	struct cli_grammar *g = cmd_grammar();
	struct cli_session s;
	FILE *sink = fopen("/dev/null", "w");
	char line[128];

	cli_session_init(&s, g);
	cmd_session_setup(&s);
	s.out = sink;
	/* EXEC with the VRF as routing context, then its VRF mode */
	snprintf(line, sizeof(line), "routing-context vrf %s",
		 *vrf ? vrf : "default");
	cli_exec(&s, line);
	keypress(&s, "show interfaces ", rounds, sink);
	keypress(&s, "show interfaces e", rounds, sink);
	cli_exec(&s, "configure terminal");
	if (*vrf) {
		snprintf(line, sizeof(line), "vrf %s", vrf);
		cli_exec(&s, line);
	}
	keypress(&s, "interface ", rounds, sink);
	fclose(sink);
	cmd_session_cleanup(&s);
	cli_session_fini(&s);
	cli_grammar_free(g);
	return 0;
}
