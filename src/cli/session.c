/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * session.c - the mode stack, prompts, and running one line: matching with
 * the walk-up to enclosing config modes, output filters, name checks,
 * errors, then the command's handler.
 */
#include "config.h"

#include "cli/match.h"
#include "cli/out.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef VRFSH_DEBUG
bool cli_strict_args = true;
#else
bool cli_strict_args = false;
#endif

bool cli_declares(const struct cli_args *a, const char *name)
{
	for (int i = 0; i < a->nnames; i++)
		if (!strcmp(a->names[i], name))
			return true;
	return false;
}

/* A handler asking for a name its command does not have is a bug. */
static void check_name(const struct cli_args *a, const char *name)
{
	if (!cli_strict_args || !a->cmd || cli_declares(a, name))
		return;
	fprintf(stderr,
		"vrfsh: internal error: command \"%s\" has no "
		"argument \"%s\"\n",
		a->cmd->syntax, name);
	abort();
}

/* Only values: "vrf NAME$vrf" binds both a keyword and a value "vrf".
 * An option given twice ({...}*) counts as it was given last. */
const char *cli_arg(const struct cli_args *a, const char *name)
{
	check_name(a, name);
	for (int i = a->n - 1; i >= 0; i--)
		if (a->v[i].kind != TOK_KEYWORD && !strcmp(a->v[i].name, name))
			return a->v[i].value;
	return NULL;
}

bool cli_has(const struct cli_args *a, const char *name)
{
	check_name(a, name);
	for (int i = 0; i < a->n; i++)
		if (!strcmp(a->v[i].name, name))
			return true;
	return false;
}

long cli_arg_long(const struct cli_args *a, const char *name, long def)
{
	const char *v = cli_arg(a, name);
	long n;

	return v && cli_parse_long(v, &n) ? n : def;
}

/* ---- history ------------------------------------------------------------- */

struct cli_history {
	char **v;
	size_t size, n, head; /* ring of size entries; head = oldest */
};

struct cli_history *cli_history_new(unsigned size)
{
	struct cli_history *h = calloc(1, sizeof(*h));

	if (!h || !(h->v = calloc(size ? size : 1, sizeof(*h->v))))
		abort();
	h->size = size ? size : 1;
	return h;
}

void cli_history_free(struct cli_history *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < h->size; i++)
		free(h->v[i]);
	free(h->v);
	free(h);
}

void cli_history_add(struct cli_history *h, const char *line)
{
	size_t slot, len = strlen(line);

	if (h->n < h->size) {
		slot = (h->head + h->n++) % h->size;
	} else {
		slot = h->head;
		h->head = (h->head + 1) % h->size;
	}
	/* a full ring (a long batch file) reuses the oldest line's room */
	if (h->v[slot] && strlen(h->v[slot]) >= len) {
		memcpy(h->v[slot], line, len + 1);
		return;
	}
	free(h->v[slot]);
	h->v[slot] = strdup(line);
	if (!h->v[slot])
		abort();
}

size_t cli_history_count(const struct cli_history *h)
{
	return h->n;
}

const char *cli_history_get(const struct cli_history *h, size_t i)
{
	return i < h->n ? h->v[(h->head + i) % h->size] : NULL;
}

/* ---- session and modes ------------------------------------------------------ */

static void exec_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	(void)f;
	*buf = '\0';
	(void)size;
}

/* EXEC's prompt is the engine's own (see cli_prompt): the routing
 * context and the privilege level show in it. */
const struct cli_mode cli_exec_mode = {
	CLI_EXEC, "exec", 0, { NULL, NULL }, exec_prompt
};

void cli_session_init(struct cli_session *s, const struct cli_grammar *g)
{
	memset(s, 0, sizeof(*s));
	s->grammar = g;
	s->depth = 1;
	s->stack[0].mode = &cli_exec_mode;
	s->level = PRIV_ADMIN;
	s->term_width = 80;
	s->out = stdout;
	s->err = stderr;
	s->history = cli_history_new(256);
	/* the host name is anyone's with CAP_SYS_ADMIN in the UTS
	 * namespace: it reaches the prompt escaped, like any kernel text */
	if (gethostname(s->host, sizeof(s->host) - 1) || !s->host[0])
		strcpy(s->host, "router");
	if (!cli_text_clean(s->host)) {
		char raw[sizeof(s->host)];

		memcpy(raw, s->host, sizeof(raw));
		cli_text_escape(raw, s->host, sizeof(s->host));
	}
}

void cli_session_fini(struct cli_session *s)
{
	cli_history_free(s->history);
	s->history = NULL;
}

struct cli_frame *cli_top(struct cli_session *s)
{
	return &s->stack[s->depth - 1];
}

static int key_index(const struct cli_mode *m, const char *key)
{
	for (int i = 0; i < CLI_FRAME_KEYS; i++)
		if (m->keys[i] && !strcmp(m->keys[i], key))
			return i;
	return -1;
}

const char *cli_frame_get(const struct cli_frame *f, const char *key)
{
	int i = key_index(f->mode, key);

	return i < 0 ? NULL : f->val[i];
}

bool cli_frame_set(struct cli_frame *f, const char *key, const char *value)
{
	int i = key_index(f->mode, key);

	if (i < 0)
		return false;
	snprintf(f->val[i], sizeof(f->val[i]), "%s", value ? value : "");
	return true;
}

void cli_enter(struct cli_session *s, unsigned mode, const char *k0,
	       const char *k1)
{
	const struct cli_mode *m = cli_grammar_mode(s->grammar, mode);
	struct cli_frame *f;

	if (!m || m->bit == CLI_EXEC) {
		cli_end(s);
		return;
	}
	/* leave the frames above the nearest one that may hold m */
	while (s->depth > 1 && !(cli_top(s)->mode->bit & m->parents))
		s->depth--;
	if (!(cli_top(s)->mode->bit & m->parents) ||
	    s->depth == CLI_MAX_DEPTH) {
		fprintf(stderr,
			"vrfsh: internal error: mode %s cannot be "
			"entered here\n",
			m->name);
		abort();
	}
	f = &s->stack[s->depth++];
	memset(f, 0, sizeof(*f));
	f->mode = m;
	if (m->keys[0])
		snprintf(f->val[0], sizeof(f->val[0]), "%s", k0 ? k0 : "");
	if (m->keys[1])
		snprintf(f->val[1], sizeof(f->val[1]), "%s", k1 ? k1 : "");
}

bool cli_exit_mode(struct cli_session *s)
{
	if (s->depth > 1) {
		s->depth--;
		return true;
	}
	s->done = true;
	return false;
}

void cli_end(struct cli_session *s)
{
	s->depth = 1;
}

void cli_prompt(const struct cli_session *s, char *buf, size_t size)
{
	const struct cli_frame *f = &s->stack[s->depth - 1];
	char part[2 * CLI_KEY_MAX + 64];

	if (f->mode->bit == CLI_EXEC) {
		if (s->context_vrf[0])
			snprintf(buf, size, "%s(vrf:%s)%c", s->host,
				 s->context_vrf,
				 s->level > PRIV_USER ? '#' : '>');
		else
			snprintf(buf, size, "%s%c", s->host,
				 s->level > PRIV_USER ? '#' : '>');
		return;
	}
	f->mode->prompt(f, part, sizeof(part));
	/* a frame may hold a kernel name (an interface's) */
	if (!cli_text_clean(part)) {
		char raw[sizeof(part)];

		memcpy(raw, part, sizeof(raw));
		cli_text_escape(raw, part, sizeof(part));
	}
	snprintf(buf, size, "%s%s#", s->host, part);
}

const char *cli_context_vrf(const struct cli_session *s)
{
	if (s->depth == 1)
		return s->context_vrf;
	for (int i = s->depth - 1; i > 0; i--) {
		const char *vrf = cli_frame_get(&s->stack[i], "vrf");

		if (vrf)
			return vrf;
	}
	return "";
}

enum cli_priv cli_session_priv(const struct cli_session *s)
{
	return s->level >= PRIV_ADMIN ? PRIV_ADMIN : PRIV_USER;
}

int cli_walk_up(struct cli_session *s,
		bool (*try)(struct cli_session *s, int frame, void *ctx),
		void *ctx)
{
	for (int f = s->depth - 1; f >= 0; f--) {
		const struct cli_mode *m = s->stack[f].mode;

		if (try(s, f, ctx))
			return f;
		/* global config (whose parent is EXEC) is the last tried;
		 * EXEC only when it is the current mode */
		if (m->bit == CLI_EXEC || (m->parents & CLI_EXEC))
			break;
	}
	return -1;
}

/* ---- messages -------------------------------------------------------------- */

/* A message: "% " and the text, every byte that is not printable
 * escaped.  In batch input, errors and warnings go to the error stream
 * prefixed with their origin; notices go with the output. */
static void vmessage(struct cli_session *s, bool to_err, const char *prefix,
		     const char *fmt, va_list ap)
{
	FILE *fp = s->out;
	char *text = NULL;
	int n;

	if (to_err && !s->interactive) {
		fp = s->err;
		if (s->origin) {
			cli_text_write_line(fp, s->origin, strlen(s->origin));
			fputs(": ", fp);
		}
	}
	fputs("% ", fp);
	fputs(prefix, fp);
	n = vasprintf(&text, fmt, ap);
	if (n > 0)
		cli_text_write_line(fp, text, (size_t)n);
	free(text);
	fputc('\n', fp);
	fflush(fp);
}

void cli_error(struct cli_session *s, const char *fmt, ...)
{
	va_list ap;

	fflush(s->out);
	va_start(ap, fmt);
	vmessage(s, true, "", fmt, ap);
	va_end(ap);
}

void cli_warn(struct cli_session *s, const char *fmt, ...)
{
	va_list ap;

	fflush(s->out);
	va_start(ap, fmt);
	vmessage(s, true, "Warning: ", fmt, ap);
	va_end(ap);
}

void cli_notice(struct cli_session *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(s, false, "", fmt, ap);
	va_end(ap);
}

/* Reports a failed match; col is the column of the bad word. */
static void report(struct cli_session *s, const struct cli_match *m,
		   const struct cli_words *w, const char *line)
{
	switch (m->status) {
	case MATCH_INVALID:
		if (s->interactive)
			fprintf(s->out, "%*s^\n",
				(int)s->prompt_len + w->off[m->bad], "");
		cli_error(s, "Invalid input detected at '^' marker.");
		break;
	case MATCH_INCOMPLETE:
		cli_error(s, "Incomplete command.");
		break;
	case MATCH_AMBIGUOUS: {
		int start = w->off[0], end = w->end[w->n - 1];

		cli_error(s, "Ambiguous command:  \"%.*s\"", end - start,
			  line + start);
		break;
	}
	}
}

static void invalid_at(struct cli_session *s, const struct cli_words *w,
		       int word)
{
	struct cli_match m = { .status = MATCH_INVALID, .bad = word };

	report(s, &m, w, w->raw);
}

/* Words taken before the walk stopped: how far a mode got. */
static int reach(const struct cli_match *m, int words)
{
	return m->status == MATCH_INCOMPLETE ? words : m->progress;
}

struct match_try {
	struct cli_words *w;
	int last;
	struct cli_match *m;
	struct cli_match best;
};

static bool match_in(struct cli_session *s, int frame, void *ctx)
{
	struct match_try *t = ctx;

	cli_match(s, s->grammar, s->stack[frame].mode->bit, cli_session_priv(s),
		  t->w, 0, t->last, t->m);
	if (t->m->status == MATCH_OK)
		return true;
	if (frame == s->depth - 1 ||
	    reach(t->m, t->last) > reach(&t->best, t->last))
		t->best = *t->m;
	return false;
}

/*
 * Matches the command words in the current mode, then in each enclosing
 * config mode.  Returns the frame it matched in, or -1 after reporting the
 * error of the mode that got furthest.
 */
static int match_command(struct cli_session *s, struct cli_words *w, int last,
			 struct cli_match *m, const char *line)
{
	struct match_try t = { .w = w, .last = last, .m = m };
	int frame = cli_walk_up(s, match_in, &t);

	if (frame >= 0)
		return frame;
	/* a command of a higher level than the session's is no typo */
	if (cli_session_priv(s) < PRIV_ADMIN) {
		struct cli_match hi;

		cli_match(s, s->grammar, cli_top(s)->mode->bit, PRIV_ADMIN, w,
			  0, last, &hi);
		if (hi.status == MATCH_OK) {
			cli_error(s,
				  "Permission denied: '%s' needs privilege "
				  "level %d (enable)",
				  w->w[0], (int)hi.cmd->priv);
			return -1;
		}
	}
	report(s, &t.best, w, line);
	return -1;
}

static const char *const filter_names[] = {
	[FILT_INCLUDE] = "include", [FILT_EXCLUDE] = "exclude",
	[FILT_BEGIN] = "begin",	    [FILT_SECTION] = "section",
	[FILT_COUNT] = "count",
};

/* Sets up the filters of segments after the first '|'. */
static int setup_filters(struct cli_session *s, struct cli_words *w,
			 int first_bar, struct cli_out *o, const char *line)
{
	for (int bar = first_bar; bar < w->n;) {
		int end = bar + 1;
		struct cli_match m;
		char why[256];

		while (end < w->n && strcmp(w->w[end], "|"))
			end++;
		if (o->nf && o->f[o->nf - 1].kind == FILT_COUNT) {
			invalid_at(s, w, bar);
			return -1;
		}
		cli_match(s, s->grammar, CLI_FILTER, PRIV_ADMIN, w, bar + 1,
			  end, &m);
		if (m.status != MATCH_OK) {
			if (m.status == MATCH_INVALID && m.bad == end)
				m.status = MATCH_INCOMPLETE;
			report(s, &m, w, line);
			return -1;
		}
		for (int k = 0; k <= FILT_COUNT; k++) {
			if (strcmp(m.args.v[0].name, filter_names[k]))
				continue;
			if (cli_out_filter(o, (enum cli_filter_kind)k,
					   cli_arg(&m.args, "re"), why,
					   sizeof(why))) {
				cli_error(s, "%s", why);
				return -1;
			}
		}
		bar = end;
	}
	return 0;
}

static int check_names(struct cli_session *s, const struct cli_args *a)
{
	for (int i = 0; i < a->n; i++) {
		const char *why = NULL, *what = NULL;

		if (a->v[i].kind == TOK_VRF) {
			why = cli_vrf_name_error(a->v[i].value);
			what = "VRF";
		} else if (a->v[i].kind == TOK_IFNAME) {
			why = cli_ifname_error(a->v[i].value);
			what = "interface";
		} else if (a->v[i].kind == TOK_IFREF) {
			why = cli_ifref_error(a->v[i].value);
			what = "interface";
		}
		if (why) {
			cli_error(s, "Error: Invalid %s name \"%s\": %s", what,
				  a->v[i].value, why);
			return -1;
		}
	}
	return 0;
}

/* Does the whole line, '|' and all, match a command that takes no
 * filters in the current mode? */
static bool whole_line(struct cli_session *s, struct cli_words *w,
		       struct cli_match *m)
{
	cli_match(s, s->grammar, cli_top(s)->mode->bit, cli_session_priv(s), w,
		  0, w->n, m);
	return m->status == MATCH_OK && !(m->cmd->flags & CLI_F_OUTPUT);
}

static int first_bar(const struct cli_words *w)
{
	for (int i = 0; i < w->n; i++)
		if (!strcmp(w->w[i], "|"))
			return i;
	return w->n;
}

static int run(struct cli_session *s, struct cli_words *w, const char *line)
{
	struct cli_match m;
	struct cli_out o;
	int bar = first_bar(w);
	int frame, rc;

	if (bar == 0) {
		invalid_at(s, w, 0);
		return -1;
	}
	/* a '|' is a filter only after a command that prints: in the text
	 * of 'description a | b' it is just a character */
	if (bar < w->n && whole_line(s, w, &m)) {
		frame = s->depth - 1;
		bar = w->n;
	} else {
		frame = match_command(s, w, bar, &m, line);
	}
	if (frame < 0)
		return -1;
	if (s->refuse_spawn && (m.cmd->flags & CLI_F_SPAWN)) {
		cli_error(s,
			  "Permission denied: '%s' starts a process, which "
			  "the startup configuration may not do",
			  w->w[m.args.v[0].word]);
		return -1;
	}
	cli_out_init(&o, s, s->out);
	if (bar < w->n && !(m.cmd->flags & CLI_F_OUTPUT)) {
		invalid_at(s, w, bar);
		return -1;
	}
	if (setup_filters(s, w, bar, &o, line) || check_names(s, &m.args)) {
		o.aborted = true;
		cli_out_finish(&o);
		return -1;
	}
	/* what was queued before must be done (and may have failed) */
	if (!(m.cmd->flags & CLI_F_DEFER) && cli_flush(s) && !s->keep_going) {
		o.aborted = true;
		cli_out_finish(&o);
		return -1;
	}
	if (!m.via_do)
		s->depth = frame + 1;
	if (s->interactive && s->term_length && isatty(fileno(s->out)) &&
	    (m.cmd->flags & CLI_F_OUTPUT)) {
		o.page = s->term_length;
		o.keyfd = STDIN_FILENO;
	}
	if (s->begin)
		s->begin(s);
	rc = m.cmd->handler(s, &m.args, &o);
	cli_out_finish(&o);
	return rc ? -1 : 0;
}

int cli_read_secret(struct cli_session *s, const char *prompt, char *buf,
		    size_t size)
{
	const char *line;
	size_t n;

	if (!size)
		return -1;
	if (s->interactive)
		return s->console_secret ?
			       s->console_secret(s, prompt, buf, size) :
			       -1;
	line = s->next_line ? s->next_line(s) : NULL;
	if (!line)
		return -1;
	n = strcspn(line, "\r\n");
	if (n >= size)
		n = size - 1;
	memcpy(buf, line, n);
	buf[n] = '\0';
	return 0;
}

int cli_read_text(struct cli_session *s, const char *prompt, char *buf,
		  size_t size)
{
	const char *line;
	size_t n;

	if (!size)
		return -1;
	if (s->interactive)
		return s->console_text ? s->console_text(s, prompt, buf, size) :
					 -1;
	line = s->next_line ? s->next_line(s) : NULL;
	if (!line)
		return -1;
	n = strcspn(line, "\r\n");
	if (n >= size)
		n = size - 1;
	memcpy(buf, line, n);
	buf[n] = '\0';
	return 0;
}

void cli_escape_watch(struct cli_session *s, bool on)
{
	if (s->interactive && s->console_escape)
		s->console_escape(s, on);
}

int cli_flush(struct cli_session *s)
{
	const struct cli_grammar *g = s->grammar;
	int failed = 0;

	for (size_t i = 0; i < g->nareas; i++)
		if (g->areas[i]->flush)
			failed += g->areas[i]->flush(s);
	if (failed > 0)
		s->queued_failures += (unsigned)failed;
	return failed > 0 ? failed : 0;
}

int cli_exec(struct cli_session *s, const char *line)
{
	struct cli_words w;
	int rc = 0;

	if (cli_words_split(&w, line) > 0) {
		int start = w.off[0], end = w.end[w.n - 1];
		char *trimmed = strndup(line + start, (size_t)(end - start));

		if (!trimmed)
			abort();
		cli_history_add(s->history, trimmed);
		free(trimmed);
		rc = run(s, &w, line);
		/* a person sees the outcome of what they typed at once */
		if (s->interactive && cli_flush(s))
			rc = -1;
	}
	cli_words_free(&w);
	return rc;
}
