/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz_parse.c - libFuzzer harness of the engine's word and value
 * parsers: every token kind (cli_tok_match, cli_tok_could_match), the
 * address, mask and number parsers, the name rules, the word splitter,
 * the UTF-8 and escaping functions, and the output filters with their
 * bounded regular expressions.
 *
 * Input: the first line is the word (and the filter's expression); the
 * whole input is the text for the UTF-8 functions, and its other lines
 * are the output that the filter reads.
 */
#include <arpa/inet.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/grammar.h"
#include "cli/out.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct {
	long min, max;
} ranges[] = {
	{ 0, 512 },	    { 1, 2147483647 }, { 68, 65536 },
	{ 0, 4294967295L }, { -10, 10 },       { LONG_MIN, LONG_MAX },
};

static const char *const keywords[] = { "interface", "ip", "ipv6", "i" };

/* A full match is a match that help and TAB would have let grow. */
static void tokens(const char *word)
{
	for (int k = TOK_KEYWORD; k <= TOK_SUBCMD; k++)
		for (size_t r = 0; r < sizeof(ranges) / sizeof(*ranges); r++)
			for (size_t i = 0;
			     i < sizeof(keywords) / sizeof(*keywords); i++) {
				enum cli_tok kind = (enum cli_tok)k;
				const char *t = keywords[i];
				long lo = ranges[r].min, hi = ranges[r].max;
				enum cli_level l =
					cli_tok_match(kind, t, lo, hi, word);
				bool could = cli_tok_could_match(kind, t, lo,
								 hi, word);

				FUZZ_CHECK(l <= LVL_EXACT);
				if (l != LVL_NONE && kind != TOK_SUBCMD)
					FUZZ_CHECK(could);
				if (kind != TOK_KEYWORD)
					break; /* the text matters only here */
			}
}

static void ipv4(const char *word)
{
	unsigned char b[4], c[4];
	char canon[INET_ADDRSTRLEN];
	int plen;

	if (cli_parse_ipv4(word, b)) {
		snprintf(canon, sizeof(canon), "%u.%u.%u.%u", b[0], b[1], b[2],
			 b[3]);
		FUZZ_CHECK(inet_pton(AF_INET, canon, c) == 1 &&
			   !memcmp(b, c, 4));
		FUZZ_CHECK(strlen(word) <= 15);
	}
	if (cli_parse_ipv4_prefix(word, b, &plen))
		FUZZ_CHECK(plen >= 0 && plen <= 32);
	if (cli_parse_mask(word, &plen)) {
		uint32_t m = plen ? ~0u << (32 - plen) : 0;

		FUZZ_CHECK(plen >= 0 && plen <= 32);
		FUZZ_CHECK(cli_parse_ipv4(word, b));
		FUZZ_CHECK(((uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
			    (uint32_t)b[2] << 8 | b[3]) == m);
	}
}

static void ipv6(const char *word)
{
	unsigned char b[16], c[16];
	int plen;

	if (cli_parse_ipv6(word, b))
		FUZZ_CHECK(inet_pton(AF_INET6, word, c) == 1 &&
			   !memcmp(b, c, 16));
	if (cli_parse_ipv6_prefix(word, b, &plen))
		FUZZ_CHECK(plen >= 0 && plen <= 128);
}

static void numbers_and_names(const char *word)
{
	const char *why;
	long v;

	if (cli_parse_long(word, &v)) {
		char back[32];

		snprintf(back, sizeof(back), "%ld", v);
		FUZZ_CHECK(strtol(back, NULL, 10) == v);
	}
	why = cli_vrf_name_error(word);
	if (!why)
		FUZZ_CHECK(*word && strlen(word) <= 64 && cli_text_clean(word));
	else
		FUZZ_CHECK(cli_text_clean(why));
	why = cli_ifname_error(word);
	if (!why)
		FUZZ_CHECK(*word && strlen(word) <= 15 &&
			   !strpbrk(word, "/: "));
	else /* may quote a blank raw: messages are escaped on output */
		FUZZ_CHECK(*why);
}

static void words(const char *line)
{
	struct cli_words w;
	int n = cli_words_split(&w, line), len = (int)strlen(line);

	FUZZ_CHECK(n == w.n && n >= 0);
	for (int i = 0; i < n; i++) {
		FUZZ_CHECK(*w.w[i]);
		FUZZ_CHECK(w.off[i] >= 0 && w.off[i] < w.end[i] &&
			   w.end[i] <= len);
		FUZZ_CHECK(i == 0 || w.end[i - 1] < w.off[i]);
		FUZZ_CHECK((int)strlen(w.w[i]) == w.end[i] - w.off[i]);
		FUZZ_CHECK(!memcmp(w.w[i], line + w.off[i], strlen(w.w[i])));
		for (const char *p = w.w[i]; *p; p++)
			FUZZ_CHECK(!cli_is_blank(*p));
	}
	cli_words_free(&w);
}

/* Escaped text is clean and never cut inside an escape. */
static void escape(const char *word)
{
	size_t len = strlen(word), max = CLI_ESCAPED_MAX(len);
	size_t sizes[] = { 1, 2, 4, 5, len + 1, max };
	char *buf = malloc(max);

	if (!buf)
		abort();
	for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
		const char *r = cli_text_escape(word, buf, sizes[i]);

		FUZZ_CHECK(r == buf && strlen(buf) < sizes[i]);
		FUZZ_CHECK(cli_text_clean(buf));
	}
	if (cli_text_clean(word)) {
		FUZZ_CHECK(!strcmp(buf, word));
		FUZZ_CHECK(cli_text_clean_len(word, len) == len);
	}
	free(buf);
}

static void utf8(const char *text, size_t n)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp;

	for (size_t i = 0; i < n;) {
		uint32_t cp = 0;
		size_t k = cli_utf8(text + i, n - i, &cp);

		FUZZ_CHECK(k <= 4 && k <= n - i);
		if (k) {
			FUZZ_CHECK(cp <= 0x10ffff);
			(void)cli_is_control(cp);
		}
		i += k ? k : 1;
	}
	FUZZ_CHECK(cli_text_clean_len(text, n) <= n);
	fp = open_memstream(&out, &outlen);
	if (!fp)
		abort();
	cli_text_write(fp, text, n);
	fclose(fp);
	/* what reaches a terminal: printable UTF-8 and newlines only */
	FUZZ_CHECK(cli_text_clean_len(out, outlen) == outlen);
	free(out);
}

/* The first line as the expression of a filter, the rest through it. */
static void filter(const char *re, const char *rest, size_t n, unsigned kind)
{
	struct cli_out o;
	char err[256];

	cli_out_init(&o, NULL, fuzz_out());
	if (cli_out_filter(&o, (enum cli_filter_kind)(kind % 5), re, err,
			   sizeof(err)) == 0) {
		cli_out_filter(&o, FILT_COUNT, NULL, err, sizeof(err));
		cli_write(&o, rest, n);
		cli_printf(&o, "\n%s\n", re);
	} else {
		FUZZ_CHECK(*err); /* a refusal says why */
	}
	cli_out_finish(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	const char *nl = memchr(text, '\n', size);
	size_t first = nl ? (size_t)(nl - text) : size;
	char *word = malloc(first + 1);

	if (!word)
		abort();
	memcpy(word, text, first);
	word[first] = '\0'; /* a NUL inside ends it earlier */
	cli_strict_args = true;
	tokens(word);
	ipv4(word);
	ipv6(word);
	numbers_and_names(word);
	words(word);
	escape(word);
	utf8(text, size);
	filter(word, nl ? nl + 1 : "", nl ? size - first - 1 : 0,
	       (unsigned)size);
	free(word);
	return 0;
}
