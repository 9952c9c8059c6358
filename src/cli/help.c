/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * help.c - '?' and TAB.  Both look at the words before the cursor the way
 * execution would, then list or complete what may come next.
 */
#include "cli/match.h"

#include <stdlib.h>
#include <string.h>

/* The line split at the cursor: complete words, and the partial last one. */
struct where {
	struct cli_words w;
	int first, last;     /* complete words of the segment */
	const char *partial; /* "" after white space */
	unsigned modes;	     /* the modes the segment is matched in */
	enum cli_priv priv;
	bool filter; /* after '|' */
};

/* Does the line end between words?  The blanks are those that split
 * words (cli_words_split): a line of '\r' alone has no word at all. */
static bool ends_blank(const char *line)
{
	size_t n = strlen(line);

	return n == 0 || cli_is_blank(line[n - 1]);
}

struct next_try {
	struct where *wh;
	struct cli_nextv *nv;
	int r, bad;
};

static bool next_in(struct cli_session *s, int frame, void *ctx)
{
	struct next_try *t = ctx;
	struct where *wh = t->wh;
	struct cli_nextv try;

	t->r = cli_next(s, s->grammar, s->stack[frame].mode->bit, wh->priv,
			&wh->w, wh->first, wh->last, wh->partial, &try);
	/* what the current mode offers, unless an enclosing one matches */
	if (t->r == MATCH_OK || frame == s->depth - 1) {
		cli_nextv_free(t->nv);
		*t->nv = try;
		t->bad = try.bad;
	} else {
		cli_nextv_free(&try);
	}
	return t->r == MATCH_OK;
}

/* Tries the current mode, then the enclosing config modes. */
static int next_in_modes(struct cli_session *s, struct where *wh,
			 struct cli_nextv *nv)
{
	struct next_try t = { wh, nv, MATCH_INVALID, -1 };

	if (wh->filter)
		return cli_next(s, s->grammar, CLI_FILTER, PRIV_ADMIN, &wh->w,
				wh->first, wh->last, wh->partial, nv);
	cli_walk_up(s, next_in, &t);
	if (t.r != MATCH_OK)
		nv->bad = t.bad;
	return t.r;
}

struct cmd_try {
	struct where *wh;
	int bar;
	struct cli_match m;
};

static bool cmd_in(struct cli_session *s, int frame, void *ctx)
{
	struct cmd_try *t = ctx;

	cli_match(s, s->grammar, s->stack[frame].mode->bit, t->wh->priv,
		  &t->wh->w, 0, t->bar, &t->m);
	return t->m.status == MATCH_OK;
}

static int locate(struct cli_session *s, const char *line, struct where *wh,
		  struct cli_nextv *nv)
{
	int n = cli_words_split(&wh->w, line);
	int complete = ends_blank(line) || n == 0 ? n : n - 1;
	int bar = -1;

	memset(nv, 0, sizeof(*nv));
	wh->partial = complete < n ? wh->w.w[n - 1] : "";
	wh->priv = cli_session_priv(s);
	wh->first = 0;
	wh->last = complete;
	for (int i = 0; i < complete; i++)
		if (!strcmp(wh->w.w[i], "|") && bar < 0)
			bar = i;
	for (int i = complete - 1; i > bar && bar >= 0; i--)
		if (!strcmp(wh->w.w[i], "|")) {
			wh->first = i + 1;
			break;
		}
	if (bar >= 0) {
		struct cmd_try t = { .wh = wh, .bar = bar };

		wh->filter = true;
		if (!wh->first)
			wh->first = bar + 1;
		cli_walk_up(s, cmd_in, &t);
		if (t.m.status != MATCH_OK ||
		    !(t.m.cmd->flags & CLI_F_OUTPUT)) {
			nv->bad = t.m.status == MATCH_OK ? bar : t.m.bad;
			return t.m.status == MATCH_OK ? MATCH_INVALID :
							t.m.status;
		}
	}
	return next_in_modes(s, wh, nv);
}

static int by_kind_then_text(const void *a, const void *b)
{
	const struct cli_next *x = a, *y = b;
	bool kx = x->kind == TOK_KEYWORD, ky = y->kind == TOK_KEYWORD;

	if (kx != ky)
		return kx ? 1 : -1;
	return kx ? strcmp(x->text, y->text) : 0;
}

static void print_error(struct cli_session *s, FILE *fp, int r,
			const struct where *wh, int bad, const char *line)
{
	if (r == MATCH_AMBIGUOUS) {
		fprintf(fp, "%% Ambiguous command:  \"%s\"\n", line);
		return;
	}
	if (r == MATCH_INCOMPLETE) {
		fputs("% Incomplete command.\n", fp);
		return;
	}
	if (bad >= 0 && bad < wh->w.n)
		fprintf(fp, "%*s^\n", (int)s->prompt_len + wh->w.off[bad], "");
	fputs("% Invalid input detected at '^' marker.\n", fp);
}

void cli_help(struct cli_session *s, const char *line, FILE *fp)
{
	struct where wh = { 0 };
	struct cli_nextv nv;
	int r = locate(s, line, &wh, &nv);
	int width = 4;
	bool bar, cr;

	if (r != MATCH_OK) {
		print_error(s, fp, r, &wh, nv.bad, line);
		goto out;
	}
	if (nv.n)
		qsort(nv.v, (size_t)nv.n, sizeof(*nv.v), by_kind_then_text);
	cr = nv.end_cmd && !*wh.partial;
	bar = cr && !wh.filter && (nv.end_cmd->flags & CLI_F_OUTPUT);
	if (!nv.n && !cr) {
		fputs("% Unrecognized command\n", fp);
		goto out;
	}
	for (int i = 0; i < nv.n; i++)
		if ((int)strlen(nv.v[i].text) > width)
			width = (int)strlen(nv.v[i].text);
	for (int i = 0; i < nv.n; i++)
		fprintf(fp, "  %-*s  %s\n", width, nv.v[i].text, nv.v[i].help);
	if (bar)
		fprintf(fp, "  %-*s  %s\n", width, "|", "Output modifiers");
	if (cr)
		fputs("  <cr>\n", fp);
out:
	cli_nextv_free(&nv);
	cli_words_free(&wh.w);
}

struct collect {
	struct cli_strv *out;
	const char *prefix;
};

/* A live name is offered when it fits the word so far and could be typed
 * (a kernel name with control bytes is not put into the line). */
static void add_name(void *ctx, const char *name)
{
	struct collect *c = ctx;

	if (!strncmp(name, c->prefix, strlen(c->prefix)) &&
	    cli_text_clean(name) && !strpbrk(name, " \t"))
		cli_strv_add(c->out, name);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void cli_complete(struct cli_session *s, const char *line, struct cli_strv *out)
{
	struct where wh = { 0 };
	struct cli_nextv nv;
	struct collect c = { out, NULL };
	size_t keep = 0;

	if (locate(s, line, &wh, &nv) != MATCH_OK)
		goto done;
	cli_nextv_drop_weak(&nv, wh.partial);
	c.prefix = wh.partial;
	for (int i = 0; i < nv.n; i++) {
		const struct cli_next *x = &nv.v[i];

		if (x->kind == TOK_KEYWORD)
			add_name(&c, x->text);
		else if (s->names && x->kind == TOK_VRF)
			s->names(s, TOK_VRF, NULL, add_name, &c);
		else if (s->names &&
			 (x->kind == TOK_IFNAME || x->kind == TOK_IFREF))
			s->names(s, TOK_IFNAME,
				 x->vrf ? x->vrf : cli_context_vrf(s), add_name,
				 &c);
	}
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), by_text);
	for (size_t i = 0; i < out->n; i++) {
		if (keep && !strcmp(out->v[keep - 1], out->v[i]))
			free(out->v[i]);
		else
			out->v[keep++] = out->v[i];
	}
	out->n = keep;
done:
	cli_nextv_free(&nv);
	cli_words_free(&wh.w);
}

void cli_strv_add(struct cli_strv *sv, const char *s)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 16;
		sv->v = realloc(sv->v, sv->cap * sizeof(*sv->v));
		if (!sv->v)
			abort();
	}
	sv->v[sv->n] = strdup(s);
	if (!sv->v[sv->n])
		abort();
	sv->n++;
}

void cli_strv_free(struct cli_strv *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	memset(sv, 0, sizeof(*sv));
}
