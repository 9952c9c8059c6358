/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz_engine.c - libFuzzer harness of the command engine: the real
 * grammar (every area's commands and modes) with every handler replaced
 * by a stub that checks what the matcher handed it, prints it (through
 * the filters), and changes modes, levels and the routing context as the
 * real commands do.  Nothing reaches the kernel.
 *
 * Input: one byte of flags, then lines.  Bit 0: keep going after a
 * failure; bit 1: start at user EXEC (level 1); bit 2: interactive (the
 * caret, errors on the output); bits 4-7: the prompt length.  Each line
 * is run in one session: a line that ends in '?' asks for help on the
 * text before it, one that ends in a TAB for completion, any other is
 * executed.  Then the same bytes are run again as a batch file
 * (cli_batch_file on fmemopen) in a fresh session.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cmd/cmds.h"
#include "fuzz.h"

#define SECRET "fuzz"

static struct cli_grammar *grammar;
static unsigned queued, queued_fail;

/* ---- checks on what a handler receives ------------------------------ */

/* A value the matcher bound is one its token accepts. */
static void check_value(const struct cli_arg *v)
{
	unsigned char b[16];
	int plen;
	long n;

	FUZZ_CHECK(v->name && v->value);
	switch (v->kind) {
	case TOK_KEYWORD:
		FUZZ_CHECK(!strcmp(v->name, v->value));
		break;
	case TOK_VRF:
		FUZZ_CHECK(!cli_vrf_name_error(v->value));
		break;
	case TOK_IFNAME:
		FUZZ_CHECK(!cli_ifname_error(v->value));
		break;
	case TOK_RANGE:
		FUZZ_CHECK(cli_parse_long(v->value, &n));
		break;
	case TOK_IPV4:
		FUZZ_CHECK(cli_parse_ipv4(v->value, b));
		break;
	case TOK_IPV4_PREFIX:
		FUZZ_CHECK(cli_parse_ipv4_prefix(v->value, b, &plen));
		break;
	case TOK_MASK:
		FUZZ_CHECK(cli_parse_mask(v->value, &plen));
		break;
	case TOK_IPV6:
		FUZZ_CHECK(cli_parse_ipv6(v->value, b));
		break;
	case TOK_IPV6_PREFIX:
		FUZZ_CHECK(cli_parse_ipv6_prefix(v->value, b, &plen));
		break;
	default:
		break;
	}
}

/* Every argument is named in the syntax, every name can be asked for
 * (cli_strict_args aborts otherwise); returns true when a value says
 * "fail" (the stub then fails, to reach the error paths). */
static bool check_args(struct cli_session *s, const struct cli_args *a)
{
	bool fail = false;

	FUZZ_CHECK(a->cmd && a->n >= 1 && a->n <= CLI_MAX_ARGS);
	FUZZ_CHECK(s->depth >= 1 && s->depth <= CLI_MAX_DEPTH);
	for (int i = 0; i < a->n; i++) {
		check_value(&a->v[i]);
		FUZZ_CHECK(cli_declares(a, a->v[i].name));
		fail |= !strcmp(a->v[i].value, "fail");
	}
	for (int i = 0; i < a->nnames; i++) {
		const char *v = cli_arg(a, a->names[i]);

		FUZZ_CHECK(!v || cli_has(a, a->names[i]));
		(void)cli_arg_long(a, a->names[i], 0);
	}
	return fail;
}

/* ---- stub handlers ---------------------------------------------------- */

static int stub(struct cli_session *s, const struct cli_args *a,
		struct cli_out *o)
{
	const struct cli_frame *f = cli_top(s);
	bool fail = check_args(s, a);

	cli_printf(o, "%s\n", a->cmd->syntax);
	for (int i = 0; i < a->n; i++)
		cli_printf(o, " %s %s\n", a->v[i].name, a->v[i].value);
	cli_printf(o, "mode %s vrf %s\n", f->mode->name, cli_context_vrf(s));
	/* text as the kernel could give it: escapes on the way out */
	cli_printf(o, "alias \033]0;x\007 \xff\xfe end");
	for (int i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].value, "warn"))
			cli_warn(s, "stub warning for %s", a->v[i].value);
	if (a->cmd->flags & CLI_F_DEFER) {
		queued++;
		queued_fail += fail;
		return 0;
	}
	if (fail) {
		cli_error(s, "Error: Cannot %s: stub failure", a->cmd->syntax);
		return -1;
	}
	return 0;
}

static int flush(struct cli_session *s)
{
	unsigned failed = queued_fail;

	if (failed)
		cli_error(s, "Error: Cannot flush: %u stub failures", failed);
	queued = queued_fail = 0;
	return (int)failed;
}

static int stub_enable(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	char typed[64];

	stub(s, a, o);
	if (s->level >= PRIV_ADMIN)
		return 0;
	if (cli_read_secret(s, "Password: ", typed, sizeof(typed)) == 0 &&
	    !strcmp(typed, SECRET)) {
		s->level = PRIV_ADMIN;
		return 0;
	}
	cli_error(s, "Bad secrets");
	return -1;
}

static int stub_disable(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	stub(s, a, o);
	s->level = PRIV_USER;
	return 0;
}

static int stub_configure(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	stub(s, a, o);
	cli_enter(s, MODE_CONFIG, NULL, NULL);
	return 0;
}

static int stub_exit(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	stub(s, a, o);
	cli_exit_mode(s);
	return 0;
}

static int stub_end(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	stub(s, a, o);
	cli_end(s);
	return 0;
}

/* 'do' is never run itself: the matcher runs the command after it. */
static int stub_do(struct cli_session *s, const struct cli_args *a,
		   struct cli_out *o)
{
	(void)s;
	(void)a;
	(void)o;
	fuzz_fail(__FILE__, __LINE__, "the handler of 'do' ran");
	return -1;
}

static int stub_vrf(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");

	if (stub(s, a, o))
		return -1;
	if (!strcmp(vrf, "default")) {
		cli_error(s, "Error: Invalid VRF name \"%s\"", vrf);
		return -1;
	}
	cli_enter(s, MODE_VRF, vrf, NULL);
	return 0;
}

static int stub_exit_vrf(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	stub(s, a, o);
	cli_enter(s, MODE_CONFIG, NULL, NULL);
	return 0;
}

static int stub_interface(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");

	if (stub(s, a, o))
		return -1;
	if (!vrf)
		vrf = cli_context_vrf(s);
	else if (!strcmp(vrf, "default"))
		vrf = "";
	cli_enter(s, MODE_IF, vrf, cli_arg(a, "ifname"));
	FUZZ_CHECK(!strcmp(cli_frame_get(cli_top(s), "ifname"),
			   cli_arg(a, "ifname")));
	return 0;
}

static int stub_context(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf");

	if (stub(s, a, o))
		return -1;
	snprintf(s->context_vrf, sizeof(s->context_vrf), "%s",
		 strcmp(vrf, "default") ? vrf : "");
	return 0;
}

static int stub_terminal(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	stub(s, a, o);
	if (cli_declares(a, "lines"))
		s->term_length = (unsigned)cli_arg_long(a, "lines", 0);
	else
		s->term_width = (unsigned)cli_arg_long(a, "columns", 80);
	return 0;
}

/* The real commands that change the session, by their syntax (a prefix
 * when it ends in a blank).  Every entry must match some command: the
 * harness refuses to start when the tables have moved on. */
static struct role {
	const char *syntax;
	cli_handler handler;
	bool used;
} roles[] = {
	{ "enable", stub_enable, false },
	{ "disable", stub_disable, false },
	{ "configure [terminal]", stub_configure, false },
	{ "exit", stub_exit, false },
	{ "end", stub_end, false },
	{ "do DO", stub_do, false },
	{ "vrf NAME$vrf", stub_vrf, false },
	{ "exit-vrf", stub_exit_vrf, false },
	{ "interface IFNAME$ifname ", stub_interface, false },
	{ "routing-context vrf NAME$vrf", stub_context, false },
	{ "terminal ", stub_terminal, false },
};

static bool role_fits(const struct role *r, const char *syntax)
{
	size_t n = strlen(r->syntax);

	if (r->syntax[n - 1] == ' ')
		return !strncmp(syntax, r->syntax, n) ||
		       (!strncmp(syntax, r->syntax, n - 1) && !syntax[n - 1]);
	return !strcmp(syntax, r->syntax);
}

static cli_handler swap(const struct cli_cmd *c)
{
	for (size_t i = 0; i < sizeof(roles) / sizeof(*roles); i++)
		if (role_fits(&roles[i], c->syntax)) {
			roles[i].used = true;
			return roles[i].handler;
		}
	return stub;
}

/* ---- the session --------------------------------------------------------- */

static void names(struct cli_session *s, enum cli_tok kind, const char *vrf,
		  void (*add)(void *ctx, const char *name), void *ctx)
{
	static const char *const vrfs[] = { "default",	   "Blue",
					    "Black",	   "Red",
					    "bad\033name", "with space" };
	static const char *const ifs[] = { "lo", "veth0", "veth1", "br0",
					   "e\xff" };

	(void)s;
	if (kind == TOK_VRF) {
		for (size_t i = 0; i < sizeof(vrfs) / sizeof(*vrfs); i++)
			add(ctx, vrfs[i]);
	} else {
		FUZZ_CHECK(vrf != NULL);
		for (size_t i = 0; i < sizeof(ifs) / sizeof(*ifs); i++)
			add(ctx, ifs[i]);
	}
}

static int console_secret(struct cli_session *s, const char *prompt, char *buf,
			  size_t size)
{
	(void)s;
	(void)prompt;
	snprintf(buf, size, "%s", SECRET);
	return 0;
}

/* The lines of the input, one after the other. */
struct lines {
	const char *p, *end;
	char *buf;
	size_t cap;
};

static struct lines *cur;

/* The next line, without its newline, NUL-terminated (a NUL inside
 * ends it early, as the console would), or NULL at the end. */
static char *take_line(struct lines *l)
{
	const char *nl;
	size_t n;

	if (l->p >= l->end)
		return NULL;
	nl = memchr(l->p, '\n', (size_t)(l->end - l->p));
	n = (size_t)((nl ? nl : l->end) - l->p);
	if (n + 1 > l->cap) {
		l->cap = n + 1;
		free(l->buf);
		l->buf = malloc(l->cap);
		if (!l->buf)
			abort();
	}
	memcpy(l->buf, l->p, n);
	l->buf[n] = '\0';
	l->p += n + (nl != NULL);
	return l->buf;
}

/* enable's secret in the line mode: the next line. */
static const char *next_line(struct cli_session *s)
{
	(void)s;
	return cur ? take_line(cur) : NULL;
}

static void session(struct cli_session *s, unsigned flags)
{
	cli_session_init(s, grammar);
	strcpy(s->host, "R1");
	s->out = fuzz_out();
	s->err = fuzz_err();
	s->names = names;
	s->console_secret = console_secret;
	s->level = flags & 2 ? PRIV_USER : PRIV_ADMIN;
	queued = queued_fail = 0;
}

static void check_session(struct cli_session *s)
{
	char prompt[256];

	FUZZ_CHECK(s->depth >= 1 && s->depth <= CLI_MAX_DEPTH);
	FUZZ_CHECK(s->stack[0].mode->bit == CLI_EXEC);
	for (int i = 1; i < s->depth; i++)
		FUZZ_CHECK(s->stack[i].mode->parents &
			   s->stack[i - 1].mode->bit);
	cli_prompt(s, prompt, sizeof(prompt));
	FUZZ_CHECK(cli_text_clean(prompt));
}

static void one_line(struct cli_session *s, char *line)
{
	size_t n = strlen(line);

	if (n && line[n - 1] == '?') {
		line[n - 1] = '\0';
		cli_help(s, line, s->out);
	} else if (n && line[n - 1] == '\t') {
		struct cli_strv sv = { 0 };

		line[n - 1] = '\0';
		cli_complete(s, line, &sv);
		for (size_t i = 0; i < sv.n; i++)
			FUZZ_CHECK(sv.v[i] && cli_text_clean(sv.v[i]) &&
				   !strpbrk(sv.v[i], " \t"));
		for (size_t i = 1; i < sv.n; i++)
			FUZZ_CHECK(strcmp(sv.v[i - 1], sv.v[i]) < 0);
		cli_strv_free(&sv);
	} else {
		cli_exec(s, line);
	}
	check_session(s);
}

static void run_lines(const uint8_t *data, size_t size, unsigned flags)
{
	struct cli_session s;
	struct lines l = { (const char *)data, (const char *)data + size, NULL,
			   0 };
	char *line;

	session(&s, flags);
	s.interactive = flags & 4;
	s.keep_going = flags & 1;
	s.prompt_len = flags >> 4;
	s.next_line = next_line;
	cur = &l;
	while (!s.done && (line = take_line(&l)))
		one_line(&s, line);
	cur = NULL;
	cli_flush(&s);
	free(l.buf);
	cli_session_fini(&s);
}

static void run_batch(const uint8_t *data, size_t size, unsigned flags)
{
	struct cli_session s;
	FILE *fp;
	int rc;

	if (!size)
		return;
	fp = fmemopen((void *)data, size, "r");
	if (!fp)
		abort();
	session(&s, flags);
	rc = cli_batch_file(&s, fp, "fuzz", flags & 1);
	FUZZ_CHECK(rc == 0 || rc == 1);
	check_session(&s);
	fclose(fp);
	cli_session_fini(&s);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cli_strict_args = true;
	grammar = fuzz_grammar(swap, flush);
	for (size_t i = 0; i < sizeof(roles) / sizeof(*roles); i++)
		if (!roles[i].used) {
			fprintf(stderr,
				"fuzz_engine: no command \"%s\": update "
				"the stub roles\n",
				roles[i].syntax);
			abort();
		}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags;

	if (!size)
		return 0;
	flags = data[0];
	run_lines(data + 1, size - 1, flags);
	run_batch(data + 1, size - 1, flags);
	return 0;
}
