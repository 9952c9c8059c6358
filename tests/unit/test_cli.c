/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the engine: matching, abbreviation, ambiguity, errors and
 * the caret, help listings, completion, modes and walk-up, do, filters and
 * batch input.  Uses a small test grammar beside the shell's own commands.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cli/match.h"
#include "cmd/cmds.h"

/* What the last handler saw. */
static char last_cmd[128];
static struct cli_args last_args;

static char values[CLI_MAX_ARGS][256];

static int record(struct cli_session *s, const struct cli_args *a,
		  struct cli_out *o)
{
	(void)s;
	(void)o;
	last_args = *a;
	/* the words die with the line: keep copies */
	for (int i = 0; i < a->n; i++) {
		snprintf(values[i], sizeof(values[i]), "%s", a->v[i].value);
		last_args.v[i].value = values[i];
	}
	snprintf(last_cmd, sizeof(last_cmd), "%s", a->n ? a->v[0].name : "");
	for (int i = 1; i < a->n; i++)
		if (a->v[i].kind == TOK_KEYWORD) {
			strncat(last_cmd, " ",
				sizeof(last_cmd) - strlen(last_cmd) - 1);
			strncat(last_cmd, a->v[i].name,
				sizeof(last_cmd) - strlen(last_cmd) - 1);
		}
	return 0;
}

static int enter_vrf(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	record(s, a, o);
	cli_enter(s, MODE_VRF, cli_arg(a, "vrf"), NULL);
	return 0;
}

static int enter_if(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");

	record(s, a, o);
	cli_enter(s, MODE_IF, vrf ? vrf : cli_context_vrf(s),
		  cli_arg(a, "ifname"));
	return 0;
}

static int exit_vrf(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	record(s, a, o);
	cli_enter(s, MODE_CONFIG, NULL, NULL);
	return 0;
}

static int fail_cmd(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	record(s, a, o);
	cli_error(s, "VRF %s not found", "Nope");
	return -1;
}

static int lines_cmd(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	record(s, a, o);
	cli_printf(o, "interface a\n ip address 1\n mtu 9000\n"
		      "interface b\n ip address 2\n!\nend");
	return 0;
}

static const struct cli_cmd test_cmds[] = {
	{ "show ip route [vrf NAME$vrf] [A.B.C.D$addr|A.B.C.D/M$prefix|"
	  "connected|static] [json]",
	  "Show\nIP\nRoutes\nA VRF\nVRF name\nAddress\nPrefix\nConnected\n"
	  "Static\nJSON output",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, record },
	{ "show lines", "Show\nSome lines", CLI_EXEC, PRIV_USER, CLI_F_OUTPUT,
	  lines_cmd },
	{ "shelf [LINE$text]", "A weak keyword\nText", CLI_EXEC, PRIV_USER,
	  CLI_F_WEAK, record },
	{ "secret-knob <1-9>$n", "Hidden\nA number", CLI_EXEC, PRIV_USER,
	  CLI_F_HIDDEN, record },
	{ "opts HOST$host {count <1-9>$count|via {A.B.C.D$gw|IFNAME$dev}}*",
	  "Options in any order\nHost\nCount\nHow many\nVia\nGateway\n"
	  "Interface",
	  CLI_EXEC, PRIV_USER, 0, record },
	{ "ping [vrf NAME$vrf] HOST$host [repeat <1-100>$repeat]",
	  "Ping\nA VRF\nVRF name\nDestination\nRepeat\nCount", CLI_EXEC,
	  PRIV_USER, 0, record },
	{ "interface IFNAME$ifname [vrf NAME$vrf]",
	  "Interface\nInterface name\nIn a VRF\nVRF name",
	  MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0, enter_if },
	{ "vrf NAME$vrf", "VRF\nVRF name", MODE_CONFIG, PRIV_ADMIN, 0,
	  enter_vrf },
	{ "no vrf NAME$vrf", "Negate\nVRF\nVRF name", MODE_CONFIG, PRIV_ADMIN,
	  0, fail_cmd },
	{ "exit-vrf", "Leave VRF mode", MODE_VRF, PRIV_ADMIN, 0, exit_vrf },
	{ "ip address A.B.C.D$addr MASK$mask [secondary]",
	  "IP\nAddress\nThe address\nThe mask\nSecondary", MODE_IF, PRIV_ADMIN,
	  0, record },
	{ "ip address A.B.C.D/M$prefix [secondary]",
	  "IP\nAddress\nThe prefix\nSecondary", MODE_IF, PRIV_ADMIN, 0,
	  record },
	{ "ipv6 address X:X::X:X/M$prefix", "IPv6\nAddress\nThe prefix",
	  MODE_IF, PRIV_ADMIN, 0, record },
	{ "description LINE$text", "Description\nText", MODE_IF, PRIV_ADMIN, 0,
	  record },
	{ "ip route A.B.C.D/M$prefix {A.B.C.D$gw|IFNAME$dev}",
	  "IP\nRoute\nPrefix\nGateway\nInterface", MODE_CONFIG | MODE_VRF,
	  PRIV_ADMIN, 0, record },
	{ "ipv6 route X:X::X:X/M$prefix X:X::X:X$gw",
	  "IPv6\nRoute\nPrefix\nGateway", MODE_CONFIG | MODE_VRF, PRIV_ADMIN, 0,
	  record },
	{ "list table [vrf {NAME$vrf|all}]",
	  "List\nA table\nA VRF\nVRF name\nEvery VRF", CLI_EXEC, PRIV_USER,
	  CLI_F_OUTPUT, record },
	{ "list port [IFNAME$ifname] [status] [vrf NAME$vrf]",
	  "List\nA port\nInterface name\nIts status\nA VRF\nVRF name", CLI_EXEC,
	  PRIV_USER, CLI_F_OUTPUT, record },
	{ NULL, NULL, 0, 0, 0, NULL },
};

static struct cli_grammar *grammar;
static struct cli_session sess;
static char *outbuf, *errbuf;
static size_t outlen, errlen;

static bool names_gone; /* VRF al and interface stat are not there */

static void names(struct cli_session *s, enum cli_tok kind, const char *vrf,
		  void (*add)(void *ctx, const char *name), void *ctx)
{
	(void)s;
	if (kind == TOK_VRF) {
		add(ctx, "Blue");
		add(ctx, "Black");
		add(ctx, "Red");
		if (!names_gone)
			add(ctx, "al");
	} else if (vrf && !strcmp(vrf, "Blue")) {
		add(ctx, "vethb");
		if (!names_gone)
			add(ctx, "stat");
	} else {
		add(ctx, "lo");
		add(ctx, "vetha");
		add(ctx, "veth10");
	}
}

/* The test's commands, in the modes the shell's areas declare. */
static const struct cli_area test_area = {
	.name = "test",
	.cmds = test_cmds,
};

static int setup(void **state)
{
	/* the shell's global, VRF and interface modes (the last two
	 * without the shell's commands), then the test's commands */
	static struct cli_area vrf_modes, if_modes;
	static const struct cli_area *areas[] = { &base_area, &vrf_modes,
						  &if_modes, &cli_filter_area,
						  &test_area };
	char err[256];

	(void)state;
	vrf_modes = (struct cli_area){ .name = "vrf-modes",
				       .modes = vrf_area.modes };
	if_modes = (struct cli_area){ .name = "if-modes",
				      .modes = interface_area.modes };
	cli_strict_args = true;
	grammar = cli_grammar_new(areas, 5, err, sizeof(err));
	if (!grammar) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	cli_session_init(&sess, grammar);
	strcpy(sess.host, "R1");
	sess.names = names;
	sess.out = open_memstream(&outbuf, &outlen);
	sess.err = open_memstream(&errbuf, &errlen);
	last_cmd[0] = '\0';
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fclose(sess.out);
	fclose(sess.err);
	free(outbuf);
	free(errbuf);
	cli_session_fini(&sess);
	cli_grammar_free(grammar);
	return 0;
}

static const char *out(void)
{
	fflush(sess.out);
	return outbuf;
}

static const char *err(void)
{
	fflush(sess.err);
	return errbuf;
}

static void reset_out(void)
{
	fclose(sess.out);
	fclose(sess.err);
	free(outbuf);
	free(errbuf);
	sess.out = open_memstream(&outbuf, &outlen);
	sess.err = open_memstream(&errbuf, &errlen);
}

static const char *prompt(void)
{
	static char p[128];

	cli_prompt(&sess, p, sizeof(p));
	return p;
}

static char *help(const char *line);
static char *completions(const char *line);

/* ---- matching ------------------------------------------------------------ */

static void test_abbreviation(void **state)
{
	(void)state;
	assert_int_equal(cli_exec(&sess, "sh ip ro vrf Blue"), 0);
	assert_string_equal(last_cmd, "show ip route vrf");
	assert_string_equal(cli_arg(&last_args, "vrf"), "Blue");
	assert_int_equal(cli_exec(&sess, "  sh   ip ro   10.0.0.0/8 js  "), 0);
	assert_string_equal(cli_arg(&last_args, "prefix"), "10.0.0.0/8");
	assert_true(cli_has(&last_args, "json"));
	assert_false(cli_has(&last_args, "addr"));
	assert_int_equal(cli_exec(&sess, "conf t"), 0);
	assert_string_equal(prompt(), "R1(config)#");
}

/* A word that is only a prefix of a keyword, where a name also fits,
 * is the name when a VRF or interface of that exact name exists; an
 * exact keyword wins; names a keyword shadows are known. */
static void test_names_and_keywords(void **state)
{
	(void)state;
	assert_int_equal(cli_exec(&sess, "list table vrf al"), 0);
	assert_string_equal(cli_arg(&last_args, "vrf"), "al");
	assert_false(cli_has(&last_args, "all"));
	assert_int_equal(cli_exec(&sess, "list table vrf a"), 0);
	assert_true(cli_has(&last_args, "all"));
	assert_null(cli_arg(&last_args, "vrf"));
	assert_int_equal(cli_exec(&sess, "list table vrf all"), 0);
	assert_true(cli_has(&last_args, "all"));
	assert_int_equal(cli_exec(&sess, "list table vrf Blue"), 0);
	assert_string_equal(cli_arg(&last_args, "vrf"), "Blue");
	/* an interface, looked for in the VRF named after it */
	assert_int_equal(cli_exec(&sess, "list port stat vrf Blue"), 0);
	assert_string_equal(cli_arg(&last_args, "ifname"), "stat");
	assert_false(cli_has(&last_args, "status"));
	assert_int_equal(cli_exec(&sess, "list port stat"), 0);
	assert_true(cli_has(&last_args, "status"));
	assert_null(cli_arg(&last_args, "ifname"));
	assert_int_equal(cli_exec(&sess, "list port status vrf Blue"), 0);
	assert_true(cli_has(&last_args, "status"));
	assert_true(cli_grammar_shadows(grammar, TOK_VRF, "all"));
	assert_false(cli_grammar_shadows(grammar, TOK_VRF, "al"));
	assert_false(cli_grammar_shadows(grammar, TOK_VRF, "json"));
	assert_true(cli_grammar_shadows(grammar, TOK_IFNAME, "status"));
	assert_false(cli_grammar_shadows(grammar, TOK_IFNAME, "vrf0"));
}

/* 'sh' is show even though shelf starts so too: shelf is weak */
static void test_weak_keyword(void **state)
{
	(void)state;
	assert_int_equal(cli_exec(&sess, "sh ip route"), 0);
	assert_string_equal(last_cmd, "show ip route");
	assert_int_equal(cli_exec(&sess, "she x y"), 0);
	assert_string_equal(last_cmd, "shelf");
	assert_string_equal(cli_arg(&last_args, "text"), "x y");
	assert_int_equal(cli_exec(&sess, "shelf"), 0);
	/* '?' lists every keyword the word begins, as IOS does: weakness
	 * decides what runs and what TAB completes, not the listing */
	assert_string_equal(help("sh"), "  shelf  A weak keyword\n"
					"  show   Show running system "
					"information\n");
	assert_string_equal(help("she"), "  shelf  A weak keyword\n");
	assert_string_equal(completions("sh"), "show");
	assert_string_equal(completions("s"), "show");
	/* among strong keywords a prefix stays ambiguous */
	assert_int_equal(cli_exec(&sess, "e"), -1);
}

/* {a|b}*: each option any number of times, in any order, last wins */
static void test_any_order(void **state)
{
	(void)state;
	assert_int_equal(cli_exec(&sess, "opts h1"), 0);
	assert_null(cli_arg(&last_args, "count"));
	assert_int_equal(cli_exec(&sess, "opts h1 via 1.2.3.4 count 3"), 0);
	assert_string_equal(cli_arg(&last_args, "count"), "3");
	assert_string_equal(cli_arg(&last_args, "gw"), "1.2.3.4");
	assert_int_equal(cli_exec(&sess, "opts h1 co 3 v eth0 c 5"), 0);
	assert_string_equal(cli_arg(&last_args, "count"), "5");
	assert_string_equal(cli_arg(&last_args, "dev"), "eth0");
	assert_int_equal(cli_exec(&sess, "opts h1 count"), -1);
	assert_int_equal(cli_exec(&sess, "opts h1 count 10"), -1);
	assert_int_equal(cli_exec(&sess, "opts h1 bogus"), -1);
	assert_string_equal(help("opts h1 count 2 "),
			    "  count  Count\n  via    Via\n  <cr>\n");
	assert_string_equal(completions("opts h1 via 1.1.1.1 c"), "count");
	/* an option repeated more times than there are argument slots:
	 * counted once, as given last, and nothing else is dropped */
	char line[512] = "opts h1";

	for (int i = 0; i < 40; i++)
		strcat(line, i % 2 ? " count 2" : " via 10.0.0.1");
	strcat(line, " count 7");
	assert_int_equal(cli_exec(&sess, line), 0);
	assert_string_equal(cli_arg(&last_args, "host"), "h1");
	assert_string_equal(cli_arg(&last_args, "count"), "7");
	assert_string_equal(cli_arg(&last_args, "gw"), "10.0.0.1");
	assert_true(last_args.n <= 6);
}

static void test_value_precedence(void **state)
{
	(void)state;
	/* an address beats a free word; a keyword beats both */
	assert_int_equal(cli_exec(&sess, "ping 10.1.1.1 repeat 3"), 0);
	assert_string_equal(cli_arg(&last_args, "host"), "10.1.1.1");
	assert_int_equal(cli_arg_long(&last_args, "repeat", 0), 3);
	assert_int_equal(cli_exec(&sess, "ping vrf Blue host1"), 0);
	assert_string_equal(cli_arg(&last_args, "vrf"), "Blue");
	assert_string_equal(cli_arg(&last_args, "host"), "host1");
	/* a keyword prefix beats a free word */
	assert_int_equal(cli_exec(&sess, "ping v Blue h"), 0);
	assert_string_equal(cli_arg(&last_args, "vrf"), "Blue");
	assert_string_equal(cli_arg(&last_args, "host"), "h");
	assert_int_equal(cli_exec(&sess, "ping router1"), 0);
	assert_string_equal(cli_arg(&last_args, "host"), "router1");
	/* the same address form picks the mask or the prefix command */
	cli_exec(&sess, "conf t");
	cli_exec(&sess, "int vetha");
	assert_int_equal(cli_exec(&sess, "ip add 10.0.0.1 255.255.255.0 sec"),
			 0);
	assert_string_equal(cli_arg(&last_args, "mask"), "255.255.255.0");
	assert_true(cli_has(&last_args, "secondary"));
	assert_int_equal(cli_exec(&sess, "ip add 10.0.0.1/24"), 0);
	assert_string_equal(cli_arg(&last_args, "prefix"), "10.0.0.1/24");
	assert_int_equal(cli_exec(&sess, "ipv6 add 2001:db8::1/64"), 0);
	assert_int_equal(cli_exec(&sess, "description  two  words "), 0);
	assert_string_equal(cli_arg(&last_args, "text"), "two  words");
	/* a '|' in the text of a command that prints nothing is text */
	assert_int_equal(cli_exec(&sess, "description uplink | to R2"), 0);
	assert_string_equal(cli_arg(&last_args, "text"), "uplink | to R2");
}

static void test_bad_values(void **state)
{
	static const char *const bad[] = {
		"ip address 256.1.1.1/24",     "ip address 1.2.3 255.0.0.0",
		"ip address 10.0.0.0/33",      "ip address 1.2.3.4 255.0.255.0",
		"ipv6 address 2001:db8::/129", "ipv6 address 1.2.3.4/24",
		"description bad\x01byte",
	};

	(void)state;
	cli_exec(&sess, "configure terminal");
	cli_exec(&sess, "interface vetha");
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		reset_out();
		last_cmd[0] = '\0';
		assert_int_equal(cli_exec(&sess, bad[i]), -1);
		assert_string_equal(last_cmd, "");
		assert_string_equal(err(), "% Invalid input detected at '^' "
					   "marker.\n");
	}
	reset_out();
	cli_exec(&sess, "end");
	assert_int_equal(cli_exec(&sess, "ping 1.1.1.1 repeat 0"), -1);
	assert_int_equal(cli_exec(&sess, "ping 1.1.1.1 repeat 101"), -1);
	assert_int_equal(cli_exec(&sess, "terminal length 513"), -1);
	assert_int_equal(cli_exec(&sess, "terminal length 0"), 0);
	assert_int_equal(sess.term_length, 0);
	assert_int_equal(cli_exec(&sess, "terminal width 511"), 0);
	assert_int_equal(sess.term_width, 511);
}

static void test_errors(void **state)
{
	(void)state;
	sess.origin = "-c 1";
	assert_int_equal(cli_exec(&sess, "e"), -1);
	assert_string_equal(err(), "-c 1: % Ambiguous command:  \"e\"\n");
	reset_out();
	assert_int_equal(cli_exec(&sess, "  show  ip "), -1);
	assert_string_equal(err(), "-c 1: % Incomplete command.\n");
	reset_out();
	assert_int_equal(cli_exec(&sess, "show ip rooute"), -1);
	assert_string_equal(err(),
			    "-c 1: % Invalid input detected at '^' marker.\n");
	reset_out();
	assert_int_equal(cli_exec(&sess, "ping vrf bad/name x"), -1);
	assert_string_equal(err(),
			    "-c 1: % Error: Invalid VRF name \"bad/name\": "
			    "character '/' is not allowed\n");
	reset_out();
	cli_exec(&sess, "conf t");
	assert_int_equal(cli_exec(&sess, "interface abcdefghijklmnop"), -1);
	assert_string_equal(err(), "-c 1: % Error: Invalid interface name "
				   "\"abcdefghijklmnop\": longer than 15 "
				   "characters\n");
	assert_string_equal(prompt(), "R1(config)#");
	reset_out();
	assert_int_equal(cli_exec(&sess, "no vrf Nope"), -1);
	assert_string_equal(err(), "-c 1: % VRF Nope not found\n");
	sess.origin = NULL;
}

static void test_caret(void **state)
{
	(void)state;
	sess.interactive = true;
	sess.prompt_len = strlen("R1#");
	assert_int_equal(cli_exec(&sess, "show ip rooute"), -1);
	/* the caret sits under the 'r' of rooute: column 3 + 8 */
	assert_string_equal(out(), "           ^\n"
				   "% Invalid input detected at '^' marker.\n");
	reset_out();
	assert_int_equal(cli_exec(&sess, "  bogus"), -1);
	assert_string_equal(out(), "     ^\n"
				   "% Invalid input detected at '^' marker.\n");
	reset_out();
	assert_int_equal(cli_exec(&sess, "show ip route 1.1.1.1 json extra"),
			 -1);
	assert_string_equal(out(), "                              ^\n"
				   "% Invalid input detected at '^' marker.\n");
	assert_string_equal(err(), "");
}

static void test_privilege(void **state)
{
	(void)state;
	sess.level = PRIV_USER;
	assert_string_equal(prompt(), "R1>");
	assert_int_equal(cli_exec(&sess, "configure terminal"), -1);
	assert_int_equal(cli_exec(&sess, "show ip route"), 0);
	assert_int_equal(cli_exec(&sess, "enable"), 0);
	assert_string_equal(prompt(), "R1#");
	assert_int_equal(cli_exec(&sess, "disable"), 0);
	assert_string_equal(prompt(), "R1>");
}

/* ---- modes ----------------------------------------------------------------- */

static void test_modes_and_prompts(void **state)
{
	(void)state;
	assert_string_equal(prompt(), "R1#");
	cli_exec(&sess, "configure");
	assert_string_equal(prompt(), "R1(config)#");
	cli_exec(&sess, "vrf Blue");
	assert_string_equal(prompt(), "R1(config-vrf-Blue)#");
	cli_exec(&sess, "interface vethb");
	assert_string_equal(prompt(), "R1(config-vrf-Blue-if-vethb)#");
	cli_exec(&sess, "exit");
	assert_string_equal(prompt(), "R1(config-vrf-Blue)#");
	cli_exec(&sess, "exit-vrf");
	assert_string_equal(prompt(), "R1(config)#");
	cli_exec(&sess, "interface vetha");
	assert_string_equal(prompt(), "R1(config-if-vetha)#");
	/* a kernel interface name may hold any byte but '/', ':' and
	 * blanks: the prompt shows it escaped */
	cli_exec(&sess, "interface e\xf8\x9b");
	assert_string_equal(prompt(), "R1(config-if-e\\xf8\\x9b)#");
	cli_exec(&sess, "end");
	assert_string_equal(prompt(), "R1#");
	strcpy(sess.context_vrf, "Red");
	assert_string_equal(prompt(), "R1(vrf:Red)#");
	sess.context_vrf[0] = '\0';
	assert_false(sess.done);
	cli_exec(&sess, "exit");
	assert_true(sess.done);
}

static void test_walk_up(void **state)
{
	(void)state;
	cli_exec(&sess, "conf t");
	cli_exec(&sess, "interface vetha");
	/* a global command typed in interface mode runs there */
	assert_int_equal(cli_exec(&sess, "interface vethc"), 0);
	assert_string_equal(prompt(), "R1(config-if-vethc)#");
	assert_int_equal(cli_exec(&sess, "vrf Red"), 0);
	assert_string_equal(prompt(), "R1(config-vrf-Red)#");
	cli_exec(&sess, "interface vethr");
	assert_string_equal(prompt(), "R1(config-vrf-Red-if-vethr)#");
	/* ip route: not in interface mode, so the VRF mode takes it */
	assert_int_equal(cli_exec(&sess, "ip route 10.0.0.0/8 1.1.1.1"), 0);
	assert_string_equal(prompt(), "R1(config-vrf-Red)#");
	/* an error in the innermost mode is reported from where it got
	 * furthest, and the mode does not change */
	cli_exec(&sess, "interface vethr");
	assert_int_equal(cli_exec(&sess, "ip address 10.0.0.1/40"), -1);
	assert_string_equal(prompt(), "R1(config-vrf-Red-if-vethr)#");
	assert_int_equal(cli_exec(&sess, "ip address"), -1);
	assert_string_equal(err(), "% Invalid input detected at '^' marker.\n"
				   "% Incomplete command.\n");
	/* EXEC commands do not run in config mode without 'do' */
	assert_int_equal(cli_exec(&sess, "show ip route"), -1);
	assert_string_equal(prompt(), "R1(config-vrf-Red-if-vethr)#");
}

static void test_do(void **state)
{
	(void)state;
	cli_exec(&sess, "conf t");
	cli_exec(&sess, "vrf Blue");
	assert_int_equal(cli_exec(&sess, "do sh ip route vrf Red json"), 0);
	assert_string_equal(last_cmd, "show ip route vrf json");
	assert_string_equal(prompt(), "R1(config-vrf-Blue)#");
	assert_int_equal(cli_exec(&sess, "do configure terminal"), -1);
	assert_int_equal(cli_exec(&sess, "do exit"), -1);
	assert_int_equal(cli_exec(&sess, "do"), -1);
	assert_string_equal(prompt(), "R1(config-vrf-Blue)#");
}

/* ---- help and completion -------------------------------------------------- */

static char *help(const char *line)
{
	static char *buf;
	size_t len;
	FILE *fp;

	free(buf);
	fp = open_memstream(&buf, &len);
	cli_help(&sess, line, fp);
	fclose(fp);
	return buf;
}

static void test_help(void **state)
{
	(void)state;
	assert_string_equal(help("show ip route "),
			    "  A.B.C.D    Address\n"
			    "  A.B.C.D/M  Prefix\n"
			    "  connected  Connected\n"
			    "  json       JSON output\n"
			    "  static     Static\n"
			    "  vrf        A VRF\n"
			    "  |          Output modifiers\n"
			    "  <cr>\n");
	assert_string_equal(help("sh"), "  shelf  A weak keyword\n"
					"  show   Show running system "
					"information\n");
	assert_string_equal(help("show ip route vrf "), "  NAME  VRF name\n");
	assert_string_equal(help("show ip route 10."),
			    "  A.B.C.D    Address\n  A.B.C.D/M  Prefix\n");
	assert_string_equal(help("terminal length "),
			    "  <0-512>  Number of lines on screen (0 for no "
			    "pausing)\n");
	assert_string_equal(help("show lines | "),
			    "  begin    Begin with the first line that "
			    "matches\n"
			    "  count    Count the lines (that match)\n"
			    "  exclude  Exclude lines that match\n"
			    "  include  Include lines that match\n"
			    "  section  Sections whose header line matches, "
			    "with their indented lines\n");
	assert_string_equal(help("shx"), "% Unrecognized command\n");
	assert_string_equal(help("show bogus "),
			    "     ^\n% Invalid input detected at '^' "
			    "marker.\n");
	assert_string_equal(help("e"), "  enable  Turn on privileged "
				       "commands\n  exit    Exit from the "
				       "EXEC\n");
	cli_exec(&sess, "conf t");
	assert_string_equal(help("do sh"), "  shelf  A weak keyword\n"
					   "  show   Show running system "
					   "information\n");
	/* in interface mode the help of the mode itself */
	cli_exec(&sess, "interface vetha");
	assert_string_equal(help("ip address 10.0.0.1 "),
			    "  A.B.C.D  The mask\n");
	assert_string_equal(help("ip address 10.0.0.1/8 "),
			    "  secondary  Secondary\n  <cr>\n");
}

static char *completions(const char *line)
{
	static char buf[512];
	struct cli_strv sv = { 0 };

	buf[0] = '\0';
	cli_complete(&sess, line, &sv);
	for (size_t i = 0; i < sv.n; i++) {
		strcat(buf, sv.v[i]);
		strcat(buf, i + 1 < sv.n ? " " : "");
	}
	cli_strv_free(&sv);
	return buf;
}

static void test_completion(void **state)
{
	(void)state;
	assert_string_equal(completions("sh"), "show");
	assert_string_equal(completions("show "),
			    "history ip lines privilege terminal "
			    "version");
	assert_string_equal(completions("s"), "show");
	assert_string_equal(completions("show ip route vrf B"), "Black Blue");
	assert_string_equal(completions("show ip route vrf Blue "),
			    "connected json static");
	assert_string_equal(completions("show lines | i"), "include");
	assert_string_equal(completions("show lines | include x | c"), "count");
	assert_string_equal(completions("bogus "), "");
	cli_exec(&sess, "conf t");
	assert_string_equal(completions("interface v"), "veth10 vetha");
	cli_exec(&sess, "vrf Blue");
	/* interface names of the VRF in context */
	assert_string_equal(completions("interface "), "stat vethb");
	assert_string_equal(completions("ip route 1.0.0.0/8 "), "stat vethb");
	assert_string_equal(completions("do show ip route vrf R"), "Red");
}

/* ---- filters ------------------------------------------------------------- */

static void test_filters(void **state)
{
	(void)state;
	assert_int_equal(cli_exec(&sess, "show lines | include address"), 0);
	assert_string_equal(out(), " ip address 1\n ip address 2\n");
	reset_out();
	cli_exec(&sess, "show lines | exclude ^ |end");
	assert_string_equal(out(), "interface a\ninterface b\n!\n");
	reset_out();
	cli_exec(&sess, "show lines | begin ^interface b");
	assert_string_equal(out(), "interface b\n ip address 2\n!\nend\n");
	reset_out();
	cli_exec(&sess, "show lines | section interface a");
	assert_string_equal(out(), "interface a\n ip address 1\n mtu 9000\n");
	reset_out();
	cli_exec(&sess, "show lines | section interface | exclude mtu");
	assert_string_equal(out(), "interface a\n ip address 1\n"
				   "interface b\n ip address 2\n");
	reset_out();
	cli_exec(&sess, "show lines | count");
	assert_string_equal(out(), "Number of lines which match regexp = 7\n");
	reset_out();
	cli_exec(&sess, "show lines | inc interface | count");
	assert_string_equal(out(), "Number of lines which match regexp = 2\n");
	reset_out();
	cli_exec(&sess, "show lines | count ip");
	assert_string_equal(out(), "Number of lines which match regexp = 2\n");
	reset_out();
	assert_int_equal(cli_exec(&sess, "show lines | include a(b"), -1);
	assert_non_null(strstr(err(), "% Invalid regular expression \"a(b\""));
	reset_out();
	/* patterns whose compilation or matching would not be bounded */
	assert_int_equal(cli_exec(&sess, "show lines | include "
					 "a++++++++++++++++++++++"),
			 -1);
	assert_non_null(strstr(err(), "a quantifier follows a quantifier"));
	assert_int_equal(cli_exec(&sess, "show lines | include (a{99}){99}"),
			 -1);
	assert_int_equal(cli_exec(&sess, "show lines | include (a)\\1"), -1);
	assert_non_null(strstr(err(), "back-references are not supported"));
	assert_int_equal(cli_exec(&sess, "show lines | include "
					 "((((((((((a))))))))))"),
			 -1);
	reset_out();
	assert_int_equal(cli_exec(&sess,
				  "show lines | include "
				  "^ ?(inter|ip)[a-z ]{2,40}(a|b|[0-9]+)$"),
			 0);
	assert_string_equal(out(), "interface a\n ip address 1\n"
				   "interface b\n ip address 2\n");
	reset_out();
	assert_int_equal(cli_exec(&sess, "show lines | count | include x"), -1);
	assert_int_equal(cli_exec(&sess, "show lines | bogus x"), -1);
	assert_int_equal(cli_exec(&sess, "show lines | include"), -1);
	assert_int_equal(cli_exec(&sess, "show lines |"), -1);
	assert_int_equal(cli_exec(&sess, "| include x"), -1);
	assert_int_equal(cli_exec(&sess, "enable | include x"), -1);
	assert_string_equal(out(), "");
}

/* ---- batch input ----------------------------------------------------------- */

static int batchn(const char *text, size_t len, bool keep_going)
{
	FILE *fp = fmemopen((void *)text, len, "r");
	int rc = cli_batch_file(&sess, fp, "lab.conf", keep_going);

	fclose(fp);
	return rc;
}

static int batch(const char *text, bool keep_going)
{
	return batchn(text, strlen(text), keep_going);
}

static void test_batch(void **state)
{
	(void)state;
	assert_int_equal(batch("! comment\n  # another\n\n   \nconf t\n"
			       "  vrf Blue\n",
			       false),
			 0);
	assert_string_equal(prompt(), "R1(config-vrf-Blue)#");
	assert_string_equal(err(), "");
	cli_end(&sess);
	assert_int_equal(batch("show ip route\nshow bogus\nconf t\n", false),
			 1);
	assert_string_equal(err(), "lab.conf:2: % Invalid input detected at "
				   "'^' marker.\n");
	assert_string_equal(prompt(), "R1#");
	reset_out();
	assert_int_equal(batch("show bogus\nconf t\nsh\n", true), 1);
	assert_string_equal(err(), "lab.conf:1: % Invalid input detected at "
				   "'^' marker.\n"
				   "lab.conf:3: % Invalid input detected at "
				   "'^' marker.\n");
	assert_string_equal(prompt(), "R1(config)#");
	reset_out();
	/* exit from EXEC ends the input */
	cli_end(&sess);
	assert_int_equal(batch("exit\nshow bogus\n", false), 0);
	assert_true(sess.done);
	sess.done = false;
	/* a NUL byte in a line is refused */
	assert_int_equal(batchn("show ip\0route\n", 14, false), 1);
	assert_string_equal(err(), "lab.conf:1: % Invalid input: the line "
				   "holds a NUL byte\n");
}

static void test_batch_commands(void **state)
{
	char *cmds[] = { "show ip route", "conf t", "bogus", "end" };

	(void)state;
	assert_int_equal(cli_batch_commands(&sess, cmds, 4, false), 1);
	assert_string_equal(err(), "-c 3: % Invalid input detected at '^' "
				   "marker.\n");
	assert_string_equal(prompt(), "R1(config)#");
	reset_out();
	assert_int_equal(cli_batch_commands(&sess, cmds, 4, true), 1);
	assert_string_equal(prompt(), "R1#");
	assert_int_equal(cli_batch_commands(&sess, cmds, 2, false), 0);
}

static void test_hostile_lines(void **state)
{
	size_t n = 100 * 1024;
	char *big = malloc(n + 1);

	(void)state;
	memset(big, 'a', n);
	big[n] = '\0';
	assert_int_equal(cli_exec(&sess, big), -1);
	for (size_t i = 0; i < n; i += 2)
		big[i] = ' ';
	assert_int_equal(cli_exec(&sess, big), -1);
	memcpy(big, "show ip route ", 14);
	assert_int_equal(cli_exec(&sess, big), -1);
	free(big);
	assert_int_equal(cli_exec(&sess, "\x1b[A\x07\xff\xfe"), -1);
	assert_int_equal(cli_exec(&sess, "show \"ip route"), -1);
	assert_int_equal(cli_exec(&sess, ""), 0);
	assert_int_equal(cli_exec(&sess, " \t "), 0);
	assert_int_equal(cli_exec(&sess, "|"), -1);
	assert_int_equal(cli_exec(&sess, "| | |"), -1);
	cli_help(&sess, "| | ", sess.out);
	cli_help(&sess, "\xff ", sess.out);
	/* lines of blanks that split words but are not spaces (Ctrl-V
	 * Ctrl-K at the console): no word at all, so nothing to read
	 * before the first one */
	reset_out();
	cli_help(&sess, "\r", sess.out);
	cli_help(&sess, "\v", sess.out);
	cli_help(&sess, "\f\r\v", sess.out);
	assert_non_null(strstr(out(), "  show "));
	assert_string_equal(completions("\v"), completions(""));
	assert_string_equal(completions("show\vver"), "version");
}

static void test_hidden(void **state)
{
	(void)state;
	/* runs, abbreviated too, but is never offered */
	assert_int_equal(cli_exec(&sess, "secret-knob 3"), 0);
	assert_string_equal(last_cmd, "secret-knob");
	assert_int_equal(cli_exec(&sess, "secret 4"), 0);
	assert_null(strstr(help(""), "secret"));
	assert_string_equal(completions("se"), "");
	assert_string_equal(help("secret-knob "), "  <1-9>  A number\n");
}

/* A handler that asks for a name its command does not have fails
 * loudly (in a child, since it aborts). */
static int ask_wrong(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	(void)s;
	(void)o;
	return cli_arg(a, "vfr") ? 0 : -1;
}

static void test_strict_args(void **state)
{
	static const struct cli_cmd cmds[] = {
		{ "misspelt NAME$vrf", "A command\nVRF", CLI_EXEC, PRIV_USER, 0,
		  ask_wrong },
		{ NULL, NULL, 0, 0, 0, NULL },
	};
	const struct cli_area area = { .name = "t", .cmds = cmds };
	const struct cli_area *areas[] = { &area };
	struct cli_grammar *g;
	struct cli_session s;
	char e[256];
	int status;
	pid_t pid;

	(void)state;
	g = cli_grammar_new(areas, 1, e, sizeof(e));
	assert_non_null(g);
	cli_session_init(&s, g);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		cli_exec(&s, "misspelt Blue");
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	cli_session_fini(&s);
	cli_grammar_free(g);
}

static void test_history(void **state)
{
	(void)state;
	cli_exec(&sess, "show ip route");
	cli_exec(&sess, "  sh   ver  ");
	reset_out();
	cli_exec(&sess, "show history");
	assert_string_equal(out(), "  show ip route\n  sh   ver\n"
				   "  show history\n");
}

static void test_grammar_errors(void **state)
{
	static const struct cli_cmd bad1[] = {
		{ "show [x", "a\nb", CLI_EXEC, 0, 0, record },
		{ NULL },
	};
	static const struct cli_cmd bad2[] = {
		{ "show x", "a", CLI_EXEC, 0, 0, record },
		{ NULL },
	};
	static const struct cli_cmd bad3[] = {
		{ "show FOO", "a\nb", CLI_EXEC, 0, 0, record },
		{ NULL },
	};
	static const struct cli_cmd bad4[] = {
		{ "show", "a\nb", CLI_EXEC, 0, 0, record },
		{ NULL },
	};
	struct cli_area one = { .name = "bad" };
	const struct cli_area *t[1] = { &one };
	char e[256];

	(void)state;
	one.cmds = bad1;
	assert_null(cli_grammar_new(t, 1, e, sizeof(e)));
	assert_string_equal(e, "command \"show [x\": unbalanced '['");
	one.cmds = bad2;
	assert_null(cli_grammar_new(t, 1, e, sizeof(e)));
	assert_string_equal(e, "command \"show x\": no help for \"x\"");
	one.cmds = bad3;
	assert_null(cli_grammar_new(t, 1, e, sizeof(e)));
	assert_string_equal(e, "command \"show FOO\": unknown token \"FOO\"");
	one.cmds = bad4;
	assert_null(cli_grammar_new(t, 1, e, sizeof(e)));
	assert_string_equal(e, "command \"show\": more help lines than "
			       "tokens");
}

static volatile int ctrl_c;

/* The first alarm is a Ctrl-C; a command still running at the second
 * would run for ever. */
static void on_alarm(int sig)
{
	(void)sig;
	if (ctrl_c)
		_exit(98);
	ctrl_c = 1;
	alarm(5);
}

/*
 * Runs lines with the shell's real grammar and handlers, cli_strict_args
 * on (as the debug builds and the fuzzers have it), in a child with a
 * network and mount namespace of its own (only lo, down) and a tmpfs over
 * /run, so that nothing reaches the host.  With interrupt, a Ctrl-C
 * comes after a second and the child exits 98 when a command goes on
 * five seconds after it.  Returns the child's wait status, 0 when every
 * line succeeded; skips the test when not root.
 */
static int real_lines_interrupted(const char *const *lines, bool interrupt)
{
	int status;
	pid_t pid;

	if (geteuid() != 0)
		skip();
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		struct cli_session s;
		int failed = 0;

		if (unshare(CLONE_NEWNET | CLONE_NEWNS) ||
		    mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) ||
		    mount("t", "/run", "tmpfs", 0, "mode=0755") ||
		    mkdir("/run/netns", 0755) || mkdir("/run/vrfsh", 0755))
			_exit(99);
		cli_strict_args = true;
		cli_session_init(&s, cmd_grammar());
		cmd_session_setup(&s);
		s.out = fopen("/dev/null", "w");
		if (interrupt) {
			signal(SIGALRM, on_alarm);
			s.interrupted = &ctrl_c;
			alarm(1);
		}
		for (; *lines; lines++)
			failed |= cli_exec(&s, *lines) != 0;
		_exit(failed);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_not_equal(status, 99 << 8);
	return status;
}

static int real_lines(const char *const *lines)
{
	return real_lines_interrupted(lines, false);
}

/* Handlers that serve several commands ask only for the names their
 * command has (found by tests/fuzz/fuzz_kernel). */
static void test_shared_handlers(void **state)
{
	static const char *const secret[] = { "configure terminal",
					      "enable secret 0 fuzz",
					      "enable secret 9 $6$saltsalt$abc",
					      "enable secret fuzz", NULL };

	(void)state;
	assert_int_equal(real_lines(secret), 0);
}

/* Ctrl-C stops a ping whose probes fail at once (no route: nothing to
 * wait for), found by tests/fuzz/fuzz_kernel ('repeat 2147483641'). */
static void test_ping_interrupted(void **state)
{
	static const char *const ping[] = { "ping 192.0.2.1 repeat 2147483647",
					    NULL };
	int status;

	(void)state;
	status = real_lines_interrupted(ping, true);
	assert_true(WIFEXITED(status));
	assert_int_not_equal(WEXITSTATUS(status), 98);
}

/* The shell's real tables compile, and every command has its help. */
static void test_real_grammar(void **state)
{
	struct cli_grammar *g;
	const struct cli_area *const *t;
	size_t n;

	(void)state;
	t = cmd_areas(&n);
	g = cmd_grammar();
	assert_non_null(g);
	assert_true(n >= 3);
	/* the host name heads the running configuration */
	assert_ptr_equal(t[0], &system_area);
	assert_ptr_equal(t[2], &base_area);
	cli_grammar_free(g);
}

/* The memo of recent walks gives what a walk from the start gives, for
 * lines that share first words with the lines before them: the real
 * grammar, every mode, both levels, names that exist and ones that do
 * not, lines that fail, and a line taken whole ('description'). */
static void same_match(const struct cli_match *a, const struct cli_match *b)
{
	assert_int_equal(a->status, b->status);
	assert_int_equal(a->bad, b->bad);
	assert_int_equal(a->progress, b->progress);
	assert_int_equal(a->via_do, b->via_do);
	assert_ptr_equal(a->cmd, b->cmd);
	assert_int_equal(a->args.n, b->args.n);
	for (int i = 0; i < a->args.n; i++) {
		assert_string_equal(a->args.v[i].name, b->args.v[i].name);
		assert_string_equal(a->args.v[i].value, b->args.v[i].value);
		assert_int_equal(a->args.v[i].kind, b->args.v[i].kind);
		assert_int_equal(a->args.v[i].word, b->args.v[i].word);
	}
}

static void test_memo(void **state)
{
	static const char *const lines[] = {
		"ip route 10.0.0.0/24 192.168.1.2",
		"ip route 10.0.0.0 255.255.255.0 192.168.1.2 5",
		"ip route vrf Blue 10.1.0.0/16 vethb 10.9.9.9",
		"ip route vrf al 0.0.0.0/0 Null0",
		"ipv6 route 2001:db8::/32 fe80::1 vetha",
		"no ip route 10.0.0.0/24 192.168.1.2",
		"interface vetha",
		"interface stat",
		"description a line taken whole",
		"ip address 10.0.0.1 255.255.255.0 secondary",
		"do show ip route vrf Blue",
		"do show interfaces vetha",
		"show ip route vrf al",
		"show ip interface brief vrf all",
		"show running-config | include ip route",
		"vrf definition Red",
		"ip access-list extended A1",
		"permit tcp any host 10.0.0.1 eq 22",
		"ip nat inside source static 10.0.0.1 192.0.2.1",
		"hostname R2",
		"i",
		"ip r 10.0.0.0/24 1.2.3.4",
		"sh ip ro",
		"exit",
		"end",
	};
	static const char *const vocab[] = {
		"ip",
		"route",
		"vrf",
		"Blue",
		"al",
		"all",
		"no",
		"show",
		"10.0.0.0/24",
		"10.0.0.0",
		"255.255.255.0",
		"192.168.1.2",
		"vetha",
		"vethb",
		"stat",
		"s",
		"i",
		"do",
		"description",
		"interface",
		"ipv6",
		"2001:db8::/32",
		"|",
		"include",
		"7",
		"300",
		"x\x01y",
		"",
	};
	static const unsigned modes[] = {
		CLI_EXEC, MODE_CONFIG,	MODE_VRF,
		MODE_IF,  MODE_ACL_EXT, MODE_VRF_DEF,
	};
	const size_t nl = sizeof(lines) / sizeof(*lines);
	const size_t nv = sizeof(vocab) / sizeof(*vocab);
	struct cli_grammar *g = cmd_grammar(), *fresh = cmd_grammar();
	uint32_t seed = 1;
	char line[512];
	int matched = 0;

	(void)state;
	assert_non_null(g);
	assert_non_null(fresh);
	for (int n = 0; n < 30000; n++) {
		struct cli_words w, w2;
		struct cli_match a, b;
		char *p = line, *end = line + sizeof(line);
		int words;

		seed = seed * 1103515245u + 12345u;
		/* a quarter of the lines start from the line before */
		if (!n || (seed >> 30))
			snprintf(line, sizeof(line), "%s",
				 lines[(seed >> 8) % nl]);
		/* a word or two replaced, dropped or added */
		for (int k = (int)((seed >> 20) % 3); k > 0; k--) {
			size_t at;

			seed = seed * 1103515245u + 12345u;
			at = (seed >> 8) % (strlen(line) + 1);
			p = line + at;
			while (p > line && p[-1] != ' ')
				p--;
			if ((seed >> 24) % 4 == 0)
				*p = '\0';
			else {
				char rest[sizeof(line)];

				snprintf(rest, sizeof(rest), "%s",
					 strchr(p, ' ') ? strchr(p, ' ') + 1 :
							  "");
				snprintf(p, (size_t)(end - p), "%s %s",
					 vocab[(seed >> 16) % nv], rest);
			}
		}
		words = cli_words_split(&w, line);
		assert_int_equal(cli_words_split(&w2, line), words);
		names_gone = (seed >> 12) & 1; /* names come and go */
		/* two modes at a time (the memo keeps a few), each for a
		 * run of lines */
		for (int m = 0; m < 2; m++) {
			size_t nm = sizeof(modes) / sizeof(*modes);
			unsigned mode = m ? MODE_CONFIG :
					    modes[(size_t)(n / 16) % nm];
			enum cli_priv priv = (n / 64) & 1 ? PRIV_USER :
							    PRIV_ADMIN;

			cli_memo_free(fresh->memo);
			fresh->memo = NULL;
			cli_match(&sess, g, mode, priv, &w, 0, words, &a);
			cli_match(&sess, fresh, mode, priv, &w2, 0, words, &b);
			same_match(&a, &b);
			matched += a.status == MATCH_OK;
		}
		cli_words_free(&w);
		cli_words_free(&w2);
	}
	assert_true(matched > 1000);
	names_gone = false;
	cli_grammar_free(g);
	cli_grammar_free(fresh);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_abbreviation),
		T(test_names_and_keywords),
		T(test_weak_keyword),
		T(test_any_order),
		T(test_value_precedence),
		T(test_bad_values),
		T(test_errors),
		T(test_caret),
		T(test_privilege),
		T(test_modes_and_prompts),
		T(test_walk_up),
		T(test_do),
		T(test_help),
		T(test_completion),
		T(test_filters),
		T(test_batch),
		T(test_batch_commands),
		T(test_hostile_lines),
		T(test_hidden),
		T(test_strict_args),
		T(test_history),
		T(test_grammar_errors),
		T(test_real_grammar),
		T(test_memo),
		T(test_shared_handlers),
		T(test_ping_interrupted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
