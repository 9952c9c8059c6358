/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json.c - the JSON writer: commas, nesting and string escapes.
 */
#include "render/json.h"
#include "render/text.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_init(struct json *j, struct cli_out *o)
{
	memset(j, 0, sizeof(*j));
	j->o = o;
	j->first[0] = true;
}

/* A JSON string: quotes and backslashes escaped, every control
 * character (C0, DEL, C1, line separators) as \\uXXXX, and a byte that
 * is not valid UTF-8 as U+FFFD, so that the document is valid UTF-8 and
 * carries no raw control character. */
static void put_string(struct json *j, const char *s)
{
	const char *run = s;

	cli_write(j->o, "\"", 1);
	while (*s) {
		uint32_t cp = 0;
		size_t len = cli_utf8(s, 4, &cp);
		char esc[8];

		if (len && !cli_is_control(cp) && cp != '"' && cp != '\\') {
			s += len;
			continue;
		}
		cli_write(j->o, run, (size_t)(s - run));
		if (!len)
			cli_write(j->o, "\\ufffd", 6);
		else if (cp == '"')
			cli_write(j->o, "\\\"", 2);
		else if (cp == '\\')
			cli_write(j->o, "\\\\", 2);
		else if (cp == '\n')
			cli_write(j->o, "\\n", 2);
		else if (cp == '\t')
			cli_write(j->o, "\\t", 2);
		else {
			snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)cp);
			cli_write(j->o, esc, 6);
		}
		s += len ? len : 1;
		run = s;
	}
	cli_write(j->o, run, (size_t)(s - run));
	cli_write(j->o, "\"", 1);
}

/* The comma and the key before a value. */
static void lead(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		cli_write(j->o, ", ", 2);
	j->first[j->depth] = false;
	if (key) {
		put_string(j, key);
		cli_write(j->o, ": ", 2);
	}
}

/* Nesting deeper than JSON_MAX_DEPTH is a bug of the caller's. */
static void begin_nest(struct json *j, const char *key, const char *bracket)
{
	lead(j, key);
	cli_write(j->o, bracket, 1);
	if (j->depth + 1 >= JSON_MAX_DEPTH)
		abort();
	j->depth++;
	j->first[j->depth] = true;
}

static void end_nest(struct json *j, const char *bracket)
{
	cli_write(j->o, bracket, 1);
	if (j->depth == 0)
		abort();
	j->depth--;
}

void json_obj(struct json *j, const char *key)
{
	begin_nest(j, key, "{");
}

void json_obj_end(struct json *j)
{
	end_nest(j, "}");
}

void json_arr(struct json *j, const char *key)
{
	begin_nest(j, key, "[");
}

void json_arr_end(struct json *j)
{
	end_nest(j, "]");
}

void json_str(struct json *j, const char *key, const char *value)
{
	lead(j, key);
	if (value)
		put_string(j, value);
	else
		cli_write(j->o, "null", 4);
}

void json_int(struct json *j, const char *key, long long value)
{
	lead(j, key);
	cli_printf(j->o, "%lld", value);
}

void json_u64(struct json *j, const char *key, uint64_t value)
{
	lead(j, key);
	cli_printf(j->o, "%" PRIu64, value);
}

void json_bool(struct json *j, const char *key, bool value)
{
	lead(j, key);
	cli_write(j->o, value ? "true" : "false", value ? 4 : 5);
}

void json_null(struct json *j, const char *key)
{
	lead(j, key);
	cli_write(j->o, "null", 4);
}

void json_done(struct json *j)
{
	cli_write(j->o, "\n", 1);
}
