/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * batch.c - commands from -c arguments, a file or standard input: no
 * prompt, errors on standard error named by their origin, stop at the
 * first failure unless asked to keep going.
 */
#include "cli/batch.h"

#include <stdlib.h>
#include <string.h>

/* NULL for a comment or an empty line, else the command text. */
static char *command_text(char *line, size_t len)
{
	while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	while (*line == ' ' || *line == '\t')
		line++;
	if (!*line || *line == '!' || *line == '#')
		return NULL;
	return line;
}

static int run_one(struct cli_session *s, char *line, size_t len)
{
	char *text;

	if (memchr(line, '\0', len)) {
		cli_error(s, "Invalid input: the line holds a NUL byte");
		return -1;
	}
	text = command_text(line, len);
	return text ? cli_exec(s, text) : 0;
}

/* "NAME:LINE", written by hand: it is done for every line of a file. */
static void set_origin(char *buf, size_t size, const char *name,
		       unsigned long line)
{
	char digits[24];
	size_t n = strlen(name), k = sizeof(digits);

	do
		digits[--k] = (char)('0' + line % 10);
	while ((line /= 10) && k);
	if (n + 1 + (sizeof(digits) - k) >= size)
		n = size - 2 - (sizeof(digits) - k);
	memcpy(buf, name, n);
	buf[n++] = ':';
	memcpy(buf + n, digits + k, sizeof(digits) - k);
	buf[n + sizeof(digits) - k] = '\0';
}

static void start(struct cli_session *s, bool keep_going)
{
	s->interactive = false;
	s->keep_going = keep_going;
	s->queued_failures = 0;
}

/* Whatever is still queued is done before the status is known. */
static int finish(struct cli_session *s, int status)
{
	cli_flush(s);
	s->origin = NULL;
	return s->queued_failures ? 1 : status;
}

/* Where batch input comes from: a file, or the -c arguments. */
struct source {
	FILE *fp;
	const char *name;
	char *line;
	size_t size;
	unsigned long lineno;
	char *const *cmds;
	int ncmds, next;
	char origin[512];
};

/* The one batch that runs (a process runs at most one at a time). */
static struct source *current;

/* The next line of the input, or NULL: what enable's secret is read from. */
static const char *next_line(struct cli_session *s)
{
	struct source *src = current;

	(void)s;
	if (!src)
		return NULL;
	if (src->cmds) {
		if (src->next >= src->ncmds)
			return NULL;
		snprintf(src->origin, sizeof(src->origin), "-c %d",
			 src->next + 1);
		return src->cmds[src->next++];
	}
	if (getline(&src->line, &src->size, src->fp) < 0)
		return NULL;
	set_origin(src->origin, sizeof(src->origin), src->name, ++src->lineno);
	return src->line;
}

int cli_batch_file(struct cli_session *s, FILE *fp, const char *name,
		   bool keep_going)
{
	struct source src = { .fp = fp, .name = name };
	ssize_t len;
	int status = 0;

	start(s, keep_going);
	current = &src;
	s->next_line = next_line;
	while (!s->done && (len = getline(&src.line, &src.size, fp)) >= 0) {
		set_origin(src.origin, sizeof(src.origin), name, ++src.lineno);
		s->origin = src.origin;
		if (run_one(s, src.line, (size_t)len) || s->queued_failures) {
			status = 1;
			if (!keep_going)
				break;
		}
	}
	free(src.line);
	current = NULL;
	s->next_line = NULL;
	return finish(s, status);
}

int cli_batch_commands(struct cli_session *s, char *const *cmds, int n,
		       bool keep_going)
{
	struct source src = { .cmds = cmds, .ncmds = n };
	int status = 0;

	start(s, keep_going);
	current = &src;
	s->next_line = next_line;
	while (src.next < n && !s->done) {
		snprintf(src.origin, sizeof(src.origin), "-c %d", src.next + 1);
		s->origin = src.origin;
		if (cli_exec(s, cmds[src.next++]) || s->queued_failures) {
			status = 1;
			if (!keep_going)
				break;
		}
	}
	current = NULL;
	s->next_line = NULL;
	return finish(s, status);
}
