/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json.c - the JSON writer: commas, nesting and string escapes.
 */
#include "render/json.h"

#include <inttypes.h>
#include <string.h>

void json_init(struct json *j, struct cli_out *o)
{
	memset(j, 0, sizeof(*j));
	j->o = o;
	j->first[0] = true;
}

static void put_string(struct json *j, const char *s)
{
	const char *run = s;

	cli_write(j->o, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[8];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		cli_write(j->o, run, (size_t)(s - run));
		run = s + 1;
		switch (c) {
		case '"': cli_write(j->o, "\\\"", 2); break;
		case '\\': cli_write(j->o, "\\\\", 2); break;
		case '\n': cli_write(j->o, "\\n", 2); break;
		case '\t': cli_write(j->o, "\\t", 2); break;
		default:
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			cli_write(j->o, esc, 6);
		}
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

static void open(struct json *j, const char *key, const char *bracket)
{
	lead(j, key);
	cli_write(j->o, bracket, 1);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->first[j->depth] = true;
}

static void close_(struct json *j, const char *bracket)
{
	cli_write(j->o, bracket, 1);
	if (j->depth > 0)
		j->depth--;
}

void json_obj(struct json *j, const char *key)
{
	open(j, key, "{");
}

void json_obj_end(struct json *j)
{
	close_(j, "}");
}

void json_arr(struct json *j, const char *key)
{
	open(j, key, "[");
}

void json_arr_end(struct json *j)
{
	close_(j, "]");
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
