/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json.c - the JSON writer: commas, nesting and string escapes.
 */
#include "render/json.h"
#include "render/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void json_init(struct json *j, struct cli_out *o)
{
	memset(j, 0, sizeof(*j));
	j->o = o;
	j->first[0] = true;
}

void json_init_mem(struct json *j)
{
	json_init(j, NULL);
}

void json_mem_reset(struct json *j)
{
	j->len = 0;
	j->depth = 0;
	j->first[0] = true;
}

void json_mem_free(struct json *j)
{
	free(j->buf);
	j->buf = NULL;
	j->len = j->cap = 0;
}

static void put_slow(struct json *j, const char *s, size_t n)
{
	if (j->o) {
		cli_write(j->o, s, n);
		return;
	}
	j->cap = (j->len + n) * 2 + 256;
	j->buf = realloc(j->buf, j->cap);
	if (!j->buf)
		abort();
	memcpy(j->buf + j->len, s, n);
	j->len += n;
}

/* Into memory at once when there is room (a route object is many
 * small pieces), else to the output. */
static inline void put(struct json *j, const char *s, size_t n)
{
	if (j->o || j->len + n > j->cap) {
		put_slow(j, s, n);
		return;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
}

/* The characters that go into a JSON string as they are: printable
 * ASCII but the quote and the backslash (the rest takes cli_utf8). */
static const bool plain[256] = {
	[0x20 ... 0x21] = true,
	[0x23 ... 0x5b] = true,
	[0x5d ... 0x7e] = true,
};

/* A JSON string: quotes and backslashes escaped, every control
 * character (C0, DEL, C1, line separators) as \\uXXXX, and a byte that
 * is not valid UTF-8 as U+FFFD, so that the document is valid UTF-8 and
 * carries no raw control character. */
static void put_string(struct json *j, const char *s)
{
	const char *run = s;

	put(j, "\"", 1);
	while (*s) {
		uint32_t cp = 0;
		size_t len;
		char esc[8];

		while (plain[(unsigned char)*s])
			s++;
		if (!*s)
			break;
		len = cli_utf8(s, 4, &cp);
		if (len && !cli_is_control(cp) && cp != '"' && cp != '\\') {
			s += len;
			continue;
		}
		put(j, run, (size_t)(s - run));
		if (!len)
			put(j, "\\ufffd", 6);
		else if (cp == '"')
			put(j, "\\\"", 2);
		else if (cp == '\\')
			put(j, "\\\\", 2);
		else if (cp == '\n')
			put(j, "\\n", 2);
		else if (cp == '\t')
			put(j, "\\t", 2);
		else {
			snprintf(esc, sizeof(esc), "\\u%04x", (unsigned)cp);
			put(j, esc, 6);
		}
		s += len ? len : 1;
		run = s;
	}
	put(j, run, (size_t)(s - run));
	put(j, "\"", 1);
}

/* The comma and the key before a value. */
static void lead(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		put(j, ", ", 2);
	j->first[j->depth] = false;
	if (key) {
		put_string(j, key);
		put(j, ": ", 2);
	}
}

/* Nesting deeper than JSON_MAX_DEPTH is a bug of the caller's. */
static void begin_nest(struct json *j, const char *key, const char *bracket)
{
	lead(j, key);
	put(j, bracket, 1);
	if (j->depth + 1 >= JSON_MAX_DEPTH)
		abort();
	j->depth++;
	j->first[j->depth] = true;
}

static void end_nest(struct json *j, const char *bracket)
{
	put(j, bracket, 1);
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
		put(j, "null", 4);
}

/* The decimal digits of v, as printf's %llu writes them. */
static void put_u64(struct json *j, bool minus, uint64_t v)
{
	char d[24];
	size_t k = sizeof(d);

	do
		d[--k] = (char)('0' + v % 10);
	while (v /= 10);
	if (minus)
		d[--k] = '-';
	put(j, d + k, sizeof(d) - k);
}

void json_int(struct json *j, const char *key, long long value)
{
	lead(j, key);
	put_u64(j, value < 0,
		value < 0 ? 0 - (uint64_t)value : (uint64_t)value);
}

void json_u64(struct json *j, const char *key, uint64_t value)
{
	lead(j, key);
	put_u64(j, false, value);
}

void json_bool(struct json *j, const char *key, bool value)
{
	lead(j, key);
	put(j, value ? "true" : "false", value ? 4 : 5);
}

void json_null(struct json *j, const char *key)
{
	lead(j, key);
	put(j, "null", 4);
}

void json_raw(struct json *j, const char *key, const char *text, size_t len)
{
	lead(j, key);
	put(j, text, len);
}

void json_done(struct json *j)
{
	put(j, "\n", 1);
}
