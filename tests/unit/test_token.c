/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of the token kinds: each with good and bad values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cli/token.h"

static enum cli_level lvl(enum cli_tok k, const char *w)
{
	return cli_tok_match(k, "show", 0, 512, w);
}

static void test_keyword(void **state)
{
	(void)state;
	assert_int_equal(lvl(TOK_KEYWORD, "show"), LVL_EXACT);
	assert_int_equal(lvl(TOK_KEYWORD, "sh"), LVL_PARTIAL);
	assert_int_equal(lvl(TOK_KEYWORD, "shows"), LVL_NONE);
	assert_int_equal(lvl(TOK_KEYWORD, "SHOW"), LVL_NONE);
}

static void test_range(void **state)
{
	(void)state;
	assert_int_equal(lvl(TOK_RANGE, "0"), LVL_VALUE);
	assert_int_equal(lvl(TOK_RANGE, "512"), LVL_VALUE);
	assert_int_equal(lvl(TOK_RANGE, "513"), LVL_NONE);
	assert_int_equal(lvl(TOK_RANGE, "-1"), LVL_NONE);
	assert_int_equal(lvl(TOK_RANGE, "1x"), LVL_NONE);
	assert_int_equal(lvl(TOK_RANGE, "99999999999999999999999"), LVL_NONE);
	assert_int_equal(lvl(TOK_RANGE, "+5"), LVL_NONE);
	assert_true(cli_tok_could_match(TOK_RANGE, NULL, 1, 100, "9"));
	assert_false(cli_tok_could_match(TOK_RANGE, NULL, 1, 100, "101"));
}

static void test_ipv4(void **state)
{
	unsigned char b[4];

	(void)state;
	assert_true(cli_parse_ipv4("192.168.100.1", b));
	assert_int_equal(b[0], 192);
	assert_int_equal(b[3], 1);
	assert_true(cli_parse_ipv4("0.0.0.0", b));
	assert_false(cli_parse_ipv4("256.1.1.1", b));
	assert_false(cli_parse_ipv4("1.2.3", b));
	assert_false(cli_parse_ipv4("1.2.3.4.5", b));
	assert_false(cli_parse_ipv4("1.2.3.4/24", b));
	assert_false(cli_parse_ipv4("1..2.3", b));
	assert_false(cli_parse_ipv4("1.2.3.0004", b));
	assert_false(cli_parse_ipv4("a.b.c.d", b));
	assert_false(cli_parse_ipv4("", b));
	assert_int_equal(lvl(TOK_IPV4, "10.1.1.1"), LVL_VALUE);
	assert_int_equal(lvl(TOK_IPV4, "300.1.1.1"), LVL_NONE);
	assert_true(cli_tok_could_match(TOK_IPV4, NULL, 0, 0, "10.1."));
	assert_false(cli_tok_could_match(TOK_IPV4, NULL, 0, 0, "10.1.x"));
	assert_false(cli_tok_could_match(TOK_IPV4, NULL, 0, 0, "300"));
}

static void test_ipv4_prefix(void **state)
{
	unsigned char b[4];
	int plen;

	(void)state;
	assert_true(cli_parse_ipv4_prefix("10.0.0.0/8", b, &plen));
	assert_int_equal(plen, 8);
	assert_true(cli_parse_ipv4_prefix("0.0.0.0/0", b, &plen));
	assert_true(cli_parse_ipv4_prefix("1.1.1.1/32", b, &plen));
	assert_false(cli_parse_ipv4_prefix("10.0.0.0/33", b, &plen));
	assert_false(cli_parse_ipv4_prefix("10.0.0.0/", b, &plen));
	assert_false(cli_parse_ipv4_prefix("10.0.0.0/-1", b, &plen));
	assert_false(cli_parse_ipv4_prefix("10.0.0.0", b, &plen));
	assert_false(cli_parse_ipv4_prefix("300.1.1.1/24", b, &plen));
	assert_false(cli_parse_ipv4_prefix("10.0.0/24", b, &plen));
	assert_true(cli_tok_could_match(TOK_IPV4_PREFIX, NULL, 0, 0, "10.0/"));
	assert_true(
		cli_tok_could_match(TOK_IPV4_PREFIX, NULL, 0, 0, "10.0.0.0/2"));
	assert_false(cli_tok_could_match(TOK_IPV4_PREFIX, NULL, 0, 0,
					 "10.0.0.0/33"));
}

static void test_mask(void **state)
{
	int plen;

	(void)state;
	assert_true(cli_parse_mask("255.255.255.0", &plen));
	assert_int_equal(plen, 24);
	assert_true(cli_parse_mask("255.255.255.255", &plen));
	assert_int_equal(plen, 32);
	assert_true(cli_parse_mask("0.0.0.0", &plen));
	assert_int_equal(plen, 0);
	assert_true(cli_parse_mask("255.128.0.0", &plen));
	assert_int_equal(plen, 9);
	assert_false(cli_parse_mask("255.0.255.0", &plen));
	assert_false(cli_parse_mask("0.255.255.255", &plen));
	assert_false(cli_parse_mask("255.255.255.1", &plen));
	assert_false(cli_parse_mask("255.255.256.0", &plen));
	assert_int_equal(lvl(TOK_MASK, "255.0.255.0"), LVL_NONE);
}

static void test_ipv6(void **state)
{
	unsigned char b[16];
	int plen;

	(void)state;
	assert_true(cli_parse_ipv6("::1", b));
	assert_true(cli_parse_ipv6("2001:db8::1", b));
	assert_true(cli_parse_ipv6("fe80::7ce4:29ff:febc:9c67", b));
	assert_false(cli_parse_ipv6("1.2.3.4", b));
	assert_false(cli_parse_ipv6("2001:db8:::1", b));
	assert_false(cli_parse_ipv6("2001:db8::g", b));
	assert_true(cli_parse_ipv6_prefix("2001:db8::/64", b, &plen));
	assert_int_equal(plen, 64);
	assert_true(cli_parse_ipv6_prefix("::/0", b, &plen));
	assert_false(cli_parse_ipv6_prefix("2001:db8::/129", b, &plen));
	assert_false(cli_parse_ipv6_prefix("2001:db8::", b, &plen));
	assert_true(cli_tok_could_match(TOK_IPV6, NULL, 0, 0, "2001:d"));
	assert_false(cli_tok_could_match(TOK_IPV6, NULL, 0, 0, "2001:z"));
}

static void test_words(void **state)
{
	(void)state;
	assert_int_equal(lvl(TOK_WORD, "anything"), LVL_NAME);
	assert_int_equal(lvl(TOK_WORD, "a\x01"), LVL_NONE);
	assert_int_equal(lvl(TOK_LINE, "a\x7f"), LVL_NONE);
	assert_int_equal(lvl(TOK_HOST, "host.example"), LVL_NAME);
	assert_int_equal(lvl(TOK_VRF, "\xff\xfe"), LVL_NAME);
}

static void test_vrf_names(void **state)
{
	char long64[65], long65[66];

	(void)state;
	memset(long64, 'a', 64);
	long64[64] = '\0';
	memset(long65, 'a', 65);
	long65[65] = '\0';
	assert_null(cli_vrf_name_error("Blue"));
	assert_null(cli_vrf_name_error("a_b.c-d9"));
	assert_null(cli_vrf_name_error(long64));
	assert_string_equal(cli_vrf_name_error(long65),
			    "longer than 64 characters");
	assert_string_equal(cli_vrf_name_error(""), "empty name");
	assert_string_equal(cli_vrf_name_error(".hidden"),
			    "must not start with '.' or '-'");
	assert_string_equal(cli_vrf_name_error("-x"),
			    "must not start with '.' or '-'");
	assert_string_equal(cli_vrf_name_error("../x"),
			    "must not start with '.' or '-'");
	assert_string_equal(cli_vrf_name_error("a/b"),
			    "character '/' is not allowed");
	assert_string_equal(cli_vrf_name_error("a b"),
			    "character ' ' is not allowed");
	assert_string_equal(cli_vrf_name_error("a\x01"),
			    "character \\x01 is not allowed");
}

static void test_if_names(void **state)
{
	(void)state;
	assert_null(cli_ifname_error("vetha"));
	assert_null(cli_ifname_error("eth0.100"));
	assert_null(cli_ifname_error("abcdefghijklmno"));
	assert_string_equal(cli_ifname_error("abcdefghijklmnop"),
			    "longer than 15 characters");
	assert_string_equal(cli_ifname_error("a/b"),
			    "character '/' is not allowed");
	assert_string_equal(cli_ifname_error("."), "'.' and '..' are reserved");
	assert_string_equal(cli_ifname_error(".."),
			    "'.' and '..' are reserved");
	assert_string_equal(cli_ifname_error(""), "empty name");
	assert_string_equal(cli_ifname_error("a\tb"),
			    "character '\t' is not allowed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyword),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_ipv4),
		cmocka_unit_test(test_ipv4_prefix),
		cmocka_unit_test(test_mask),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_vrf_names),
		cmocka_unit_test(test_if_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
