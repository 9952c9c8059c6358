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
	int first, last;	/* complete words of the segment */
	const char *partial;	/* "" after white space */
	unsigned modes;		/* the modes the segment is matched in */
	enum cli_priv priv;
	bool filter;		/* after '|' */
};

/* Does the line end between words?  The blanks are those that split
 * words (cli_words_split): a line of '\r' alone has no word at all. */
static bool ends_blank(const char *line)
{
	size_t n = strlen(line);

	return n == 0 || strchr(" \t\r\n\v\f", line[n - 1]);
}

/* Tries the current mode, then the enclosing config modes. */
static int next_in_modes(struct cli_session *s, struct where *wh,
			 struct cli_nextv *nv)
{
	int r = MATCH_INVALID, bad = -1;

	if (wh->filter)
		return cli_next(s->grammar, CLI_FILTER, PRIV_ADMIN, &wh->w,
				wh->first, wh->last, wh->partial, nv);
	for (int f = s->depth - 1; f >= 0; f--) {
		enum cli_mode mode = s->stack[f].mode;
		struct cli_nextv try;

		r = cli_next(s->grammar, cli_frame_modes(mode), wh->priv,
			     &wh->w, wh->first, wh->last, wh->partial, &try);
		if (r == MATCH_OK || f == s->depth - 1) {
			cli_nextv_free(nv);
			*nv = try;
			bad = try.bad;
		} else {
			cli_nextv_free(&try);
		}
		if (r == MATCH_OK || mode == MODE_EXEC || mode == MODE_CONFIG)
			break;
	}
	if (r != MATCH_OK)
		nv->bad = bad;
	return r;
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
		struct cli_match m;
		int f;

		wh->filter = true;
		if (!wh->first)
			wh->first = bar + 1;
		for (f = s->depth - 1; f >= 0; f--) {
			cli_match(s->grammar,
				  cli_frame_modes(s->stack[f].mode), wh->priv,
				  &wh->w, 0, bar, &m);
			if (m.status == MATCH_OK ||
			    s->stack[f].mode <= MODE_CONFIG)
				break;
		}
		if (m.status != MATCH_OK || !(m.cmd->flags & CLI_F_OUTPUT)) {
			nv->bad = m.status == MATCH_OK ? bar : m.bad;
			return m.status == MATCH_OK ? MATCH_INVALID : m.status;
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

static void add_name(void *ctx, const char *name)
{
	struct collect *c = ctx;

	if (!strncmp(name, c->prefix, strlen(c->prefix)))
		cli_strv_add(c->out, name);
}

static int by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void cli_complete(struct cli_session *s, const char *line,
		  struct cli_strv *out)
{
	struct where wh = { 0 };
	struct cli_nextv nv;
	struct collect c = { out, NULL };
	size_t keep = 0;

	if (locate(s, line, &wh, &nv) != MATCH_OK)
		goto done;
	c.prefix = wh.partial;
	for (int i = 0; i < nv.n; i++) {
		const struct cli_next *x = &nv.v[i];

		if (x->kind == TOK_KEYWORD)
			add_name(&c, x->text);
		else if (s->names && x->kind == TOK_VRF)
			s->names(s, TOK_VRF, NULL, add_name, &c);
		else if (s->names && x->kind == TOK_IFNAME)
			s->names(s, TOK_IFNAME,
				 x->vrf ? x->vrf : cli_context_vrf(s),
				 add_name, &c);
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
