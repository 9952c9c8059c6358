/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * session.c - the mode stack, prompts, and running one line: matching with
 * the walk-up to enclosing config modes, output filters, name checks,
 * errors, then the command's handler.
 */
#include "cli/match.h"
#include "cli/out.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Only values: "vrf NAME$vrf" binds both a keyword and a value "vrf".
 * An option given twice ({...}*) counts as it was given last. */
const char *cli_arg(const struct cli_args *a, const char *name)
{
	for (int i = a->n - 1; i >= 0; i--)
		if (a->v[i].kind != TOK_KEYWORD && !strcmp(a->v[i].name, name))
			return a->v[i].value;
	return NULL;
}

bool cli_has(const struct cli_args *a, const char *name)
{
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
	size_t size, n, head;	/* ring of size entries; head = oldest */
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
	char *copy = strdup(line);
	size_t slot;

	if (!copy)
		abort();
	if (h->n < h->size) {
		slot = (h->head + h->n++) % h->size;
	} else {
		slot = h->head;
		h->head = (h->head + 1) % h->size;
	}
	free(h->v[slot]);
	h->v[slot] = copy;
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

void cli_session_init(struct cli_session *s, const struct cli_grammar *g)
{
	memset(s, 0, sizeof(*s));
	s->grammar = g;
	s->depth = 1;
	s->stack[0].mode = MODE_EXEC;
	s->privileged = true;
	s->term_width = 80;
	s->out = stdout;
	s->err = stderr;
	s->history = cli_history_new(256);
	if (gethostname(s->host, sizeof(s->host) - 1) || !s->host[0])
		strcpy(s->host, "router");
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

static void push(struct cli_session *s, enum cli_mode mode, const char *vrf,
		 const char *ifname)
{
	struct cli_frame *f = &s->stack[s->depth++];

	memset(f, 0, sizeof(*f));
	f->mode = mode;
	snprintf(f->vrf, sizeof(f->vrf), "%s", vrf ? vrf : "");
	snprintf(f->ifname, sizeof(f->ifname), "%s", ifname ? ifname : "");
}

void cli_enter(struct cli_session *s, enum cli_mode mode, const char *vrf,
	       const char *ifname)
{
	switch (mode) {
	case MODE_EXEC:
		cli_end(s);
		return;
	case MODE_CONFIG:
		s->depth = 1;
		break;
	case MODE_CONFIG_VRF:
		s->depth = 2;
		break;
	case MODE_CONFIG_IF:
		while (cli_top(s)->mode == MODE_CONFIG_IF)
			s->depth--;
		break;
	}
	push(s, mode, vrf, ifname);
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

	switch (f->mode) {
	case MODE_EXEC:
		if (s->context_vrf[0])
			snprintf(buf, size, "%s(vrf:%s)%c", s->host,
				 s->context_vrf, s->privileged ? '#' : '>');
		else
			snprintf(buf, size, "%s%c", s->host,
				 s->privileged ? '#' : '>');
		break;
	case MODE_CONFIG:
		snprintf(buf, size, "%s(config)#", s->host);
		break;
	case MODE_CONFIG_VRF:
		snprintf(buf, size, "%s(config-vrf-%s)#", s->host, f->vrf);
		break;
	case MODE_CONFIG_IF:
		if (f->vrf[0])
			snprintf(buf, size, "%s(config-vrf-%s-if-%s)#", s->host,
				 f->vrf, f->ifname);
		else
			snprintf(buf, size, "%s(config-if-%s)#", s->host,
				 f->ifname);
		break;
	}
}

const char *cli_context_vrf(const struct cli_session *s)
{
	const struct cli_frame *f = &s->stack[s->depth - 1];

	if (f->mode == MODE_CONFIG_VRF || f->mode == MODE_CONFIG_IF)
		return f->vrf;
	return f->mode == MODE_EXEC ? s->context_vrf : "";
}

unsigned cli_frame_modes(enum cli_mode mode)
{
	switch (mode) {
	case MODE_EXEC:
		return CLI_EXEC;
	case MODE_CONFIG:
		return CLI_CONFIG;
	case MODE_CONFIG_VRF:
		return CLI_CONFIG_VRF;
	case MODE_CONFIG_IF:
		return CLI_CONFIG_IF;
	}
	return 0;
}

enum cli_priv cli_session_priv(const struct cli_session *s)
{
	return s->privileged ? PRIV_ADMIN : PRIV_USER;
}

/* ---- messages -------------------------------------------------------------- */

static void vmessage(struct cli_session *s, bool failure, const char *fmt,
		     va_list ap)
{
	FILE *fp = s->out;

	if (failure && !s->interactive) {
		fp = s->err;
		if (s->origin)
			fprintf(fp, "%s: ", s->origin);
	}
	fputs("% ", fp);
	vfprintf(fp, fmt, ap);
	fputc('\n', fp);
	fflush(fp);
}

void cli_error(struct cli_session *s, const char *fmt, ...)
{
	va_list ap;

	fflush(s->out);
	va_start(ap, fmt);
	vmessage(s, true, fmt, ap);
	va_end(ap);
}

void cli_notice(struct cli_session *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(s, false, fmt, ap);
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

/*
 * Matches the command words in the current mode, then in each enclosing
 * config mode.  Returns the frame it matched in, or -1 after reporting the
 * error of the mode that got furthest.
 */
static int match_command(struct cli_session *s, struct cli_words *w, int last,
			 struct cli_match *m, const char *line)
{
	struct cli_match best;
	int top = s->depth - 1;

	for (int f = top; f >= 0; f--) {
		enum cli_mode mode = s->stack[f].mode;

		cli_match(s->grammar, cli_frame_modes(mode),
			  cli_session_priv(s), w, 0, last, m);
		if (m->status == MATCH_OK)
			return f;
		if (f == top || reach(m, last) > reach(&best, last))
			best = *m;
		if (mode == MODE_EXEC || mode == MODE_CONFIG)
			break;
	}
	report(s, &best, w, line);
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
		cli_match(s->grammar, CLI_FILTER, PRIV_ADMIN, w, bar + 1, end,
			  &m);
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
		}
		if (why) {
			cli_error(s, "Invalid %s name \"%s\": %s", what,
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
	cli_match(s->grammar, cli_frame_modes(cli_top(s)->mode),
		  cli_session_priv(s), w, 0, w->n, m);
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
	if (!(m.cmd->flags & CLI_F_DEFER) && cli_sync(s) && !s->keep_going) {
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
	rc = m.cmd->handler(s, &m.args, &o);
	cli_out_finish(&o);
	return rc ? -1 : 0;
}

int cli_sync(struct cli_session *s)
{
	int failed = s->sync ? s->sync(s) : 0;

	if (failed > 0)
		s->deferred_failures += (unsigned)failed;
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
	}
	cli_words_free(&w);
	return rc;
}
