/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the JSON writer and of the text escaping: quotes,
 * backslashes, control bytes, invalid UTF-8, deep nesting, commas.  The
 * writer's output must be valid JSON carrying no raw control character.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cli/cli.h"
#include "render/json.h"

static struct cli_session sess;
static char *buf;
static size_t len;
static FILE *fp;
static struct cli_out *o;
static struct json j;

static int setup(void **state)
{
	(void)state;
	cli_session_init(&sess, NULL);
	fp = open_memstream(&buf, &len);
	o = cli_out_open(&sess, fp);
	json_init(&j, o);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	cli_out_close(o);
	fclose(fp);
	free(buf);
	cli_session_fini(&sess);
	return 0;
}

/* What was written so far. */
static const char *text(void)
{
	cli_out_close(o);
	fflush(fp);
	o = cli_out_open(&sess, fp);
	return buf;
}

/* The document {"s": value}. */
static const char *one(const char *value)
{
	json_obj(&j, NULL);
	json_str(&j, "s", value);
	json_obj_end(&j);
	json_done(&j);
	return text();
}

static void test_plain(void **state)
{
	(void)state;
	assert_string_equal(one("vethb"), "{\"s\": \"vethb\"}\n");
}

static void test_quotes_backslashes(void **state)
{
	(void)state;
	assert_string_equal(one("a\"b\\c\\\""),
			    "{\"s\": \"a\\\"b\\\\c\\\\\\\"\"}\n");
}

static void test_control_bytes(void **state)
{
	(void)state;
	assert_string_equal(one("x\n\ty\001\033[2J\177z\r"),
			    "{\"s\": \"x\\n\\ty\\u0001\\u001b[2J\\u007fz"
			    "\\u000d\"}\n");
}

static void test_unicode_controls(void **state)
{
	(void)state;
	/* C1 NEL, LINE SEPARATOR, RIGHT-TO-LEFT OVERRIDE, BOM */
	assert_string_equal(one("a\xc2\x85"
				"b\xe2\x80\xa8"
				"c\xe2\x80\xae"
				"d\xef\xbb\xbf"),
			    "{\"s\": \"a\\u0085b\\u2028c\\u202ed\\ufeff\"}\n");
}

static void test_valid_utf8_kept(void **state)
{
	(void)state;
	assert_string_equal(one("caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80"),
			    "{\"s\": \"caf\xc3\xa9 \xe6\x97\xa5 "
			    "\xf0\x9f\x98\x80\"}\n");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* a stray byte, a truncated sequence, an overlong '/', a UTF-16
	 * surrogate, a code point past U+10FFFF: every bad byte becomes
	 * U+FFFD, the rest is kept */
	assert_string_equal(one("\xff"
				"a\xc3"
				"b\xc0\xaf"
				"c\xed\xa0\x80"
				"d\xf4\x90\x80\x80"),
			    "{\"s\": \"\\ufffda\\ufffdb\\ufffd\\ufffdc"
			    "\\ufffd\\ufffd\\ufffdd\\ufffd\\ufffd\\ufffd"
			    "\\ufffd\"}\n");
}

static void test_keys_escaped(void **state)
{
	(void)state;
	json_obj(&j, NULL);
	json_null(&j, "a\"\n");
	json_obj_end(&j);
	json_done(&j);
	assert_string_equal(text(), "{\"a\\\"\\n\": null}\n");
}

static void test_values_and_commas(void **state)
{
	(void)state;
	json_obj(&j, NULL);
	json_str(&j, "s", NULL);
	json_int(&j, "i", -42);
	json_u64(&j, "u", UINT64_MAX);
	json_bool(&j, "t", true);
	json_bool(&j, "f", false);
	json_arr(&j, "a");
	json_int(&j, NULL, 1);
	json_obj(&j, NULL);
	json_obj_end(&j);
	json_arr(&j, NULL);
	json_arr_end(&j);
	json_arr_end(&j);
	json_obj_end(&j);
	json_done(&j);
	assert_string_equal(text(), "{\"s\": null, \"i\": -42, "
				    "\"u\": 18446744073709551615, "
				    "\"t\": true, \"f\": false, "
				    "\"a\": [1, {}, []]}\n");
}

static void test_deep_nesting(void **state)
{
	char want[128] = "";

	(void)state;
	/* as deep as the writer goes: every level opened and closed */
	for (int i = 0; i < JSON_MAX_DEPTH - 1; i++) {
		json_arr(&j, NULL);
		strcat(want, "[");
	}
	json_str(&j, NULL, "x");
	strcat(want, "\"x\"");
	for (int i = 0; i < JSON_MAX_DEPTH - 1; i++) {
		json_arr_end(&j);
		strcat(want, "]");
	}
	json_done(&j);
	strcat(want, "\n");
	assert_string_equal(text(), want);
}

static void test_text_escape(void **state)
{
	char out[CLI_ESCAPED_MAX(32)];

	(void)state;
	assert_true(cli_text_clean("vethb caf\xc3\xa9 a\\b"));
	assert_false(cli_text_clean("a\nb"));
	assert_false(cli_text_clean("\033]0;x\007"));
	assert_false(cli_text_clean("\xff"));
	assert_string_equal(cli_text_escape("up\nlink\\\033[2J\xff\xc2\x85",
					    out, sizeof(out)),
			    "up\\x0alink\\\\x1b[2J\\xff\\xc2\\x85");
	/* truncation never splits an escape */
	assert_string_equal(cli_text_escape("ab\ncd", out, 6), "ab");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_plain),		 T(test_quotes_backslashes),
		T(test_control_bytes),	 T(test_unicode_controls),
		T(test_valid_utf8_kept), T(test_invalid_utf8),
		T(test_keys_escaped),	 T(test_values_and_commas),
		T(test_deep_nesting),	 T(test_text_escape),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
