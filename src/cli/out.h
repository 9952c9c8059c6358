/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * out.h - where command output goes: through the '|' filters, then the
 * pager, then the session's output stream.
 */
#ifndef VRFSH_CLI_OUT_H
#define VRFSH_CLI_OUT_H

#include <regex.h>

#include "cli/cli.h"

enum cli_filter_kind {
	FILT_INCLUDE,
	FILT_EXCLUDE,
	FILT_BEGIN,
	FILT_SECTION,
	FILT_COUNT,
};

#define CLI_MAX_FILTERS 8

struct cli_filter {
	enum cli_filter_kind kind;
	regex_t re;
	bool has_re; /* count may go without one */
	bool on;     /* begin: started; section: inside one */
};

struct cli_out {
	struct cli_session *s;
	FILE *fp;
	struct cli_filter f[CLI_MAX_FILTERS];
	int nf;
	char *line; /* the line being built */
	size_t len, cap;
	unsigned long count; /* lines that reached '| count' */
	unsigned page;	     /* lines per page, 0 = no pager */
	unsigned rows;	     /* lines shown since the last pause */
	int keyfd;	     /* where the pager reads keys */
	bool aborted;
};

void cli_out_init(struct cli_out *o, struct cli_session *s, FILE *fp);
/* Adds a filter; a bad expression fills err and returns -1. */
int cli_out_filter(struct cli_out *o, enum cli_filter_kind kind, const char *re,
		   char *err, size_t errlen);
/* Flushes the last line and prints the count; frees the filters. */
void cli_out_finish(struct cli_out *o);

#endif
