/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * json.h - a small streaming JSON writer over command output.  Keys are
 * given with each value; NULL strings are written as null.
 */
#ifndef VRFSH_RENDER_JSON_H
#define VRFSH_RENDER_JSON_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"

#define JSON_MAX_DEPTH 16

struct json {
	struct cli_out *o; /* NULL: into buf (json_init_mem) */
	int depth;
	bool first[JSON_MAX_DEPTH];
	char *buf; /* the text so far, in memory */
	size_t len, cap;
};

void json_init(struct json *j, struct cli_out *o);
/* A writer into memory, for a piece built apart and then written whole
 * with json_raw() (a large table's rows: one write each, not one per
 * field).  json_mem_reset() empties it for the next piece. */
void json_init_mem(struct json *j);
void json_mem_reset(struct json *j);
void json_mem_free(struct json *j);
/* A value given as JSON text (from a memory writer): the comma and key
 * before it as for any value. */
void json_raw(struct json *j, const char *key, const char *text, size_t len);
/* key is NULL inside arrays and for the document itself */
void json_obj(struct json *j, const char *key);
void json_obj_end(struct json *j);
void json_arr(struct json *j, const char *key);
void json_arr_end(struct json *j);
void json_str(struct json *j, const char *key, const char *value);
void json_int(struct json *j, const char *key, long long value);
void json_u64(struct json *j, const char *key, uint64_t value);
void json_bool(struct json *j, const char *key, bool value);
void json_null(struct json *j, const char *key);
/* Ends the document with a newline. */
void json_done(struct json *j);

#endif
