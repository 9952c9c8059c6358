/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * grammar.c - compiling command syntax strings into token graphs.
 *
 *   seq  := item*
 *   item := WORD | '[' alts ']' | '{' alts '}' | '{' alts '}' '*'
 *   alts := seq ('|' seq)*
 *
 * Each piece becomes a fragment with one entry and one exit node; groups
 * fork from an empty node and join into another, so a walk over the graph
 * only needs to look through empty nodes to find the next tokens.
 */
#include "cli/grammar.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct frag {
	struct cli_node *in, *out;
};

struct compiler {
	struct cli_grammar *g;
	int ntokens; /* token nodes of the command */
	const char *syntax;
	char **lex; /* lexemes of the syntax */
	int nlex, pos;
	const char *help; /* remaining help lines */
	char *err;
	size_t errlen;
	bool failed;
};

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p)
		abort();
	return p;
}

static void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size);
	if (!p)
		abort();
	return p;
}

static char *own(struct cli_grammar *g, const char *s, size_t len)
{
	char *copy = xcalloc(1, len + 1);

	memcpy(copy, s, len);
	if (g->nstrs == g->capstrs) {
		g->capstrs = g->capstrs ? g->capstrs * 2 : 64;
		g->strs = xrealloc(g->strs, g->capstrs * sizeof(*g->strs));
	}
	g->strs[g->nstrs++] = copy;
	return copy;
}

static struct cli_node *node_new(struct cli_grammar *g, enum node_type type)
{
	struct cli_node *n = xcalloc(1, sizeof(*n));

	n->type = type;
	if (g->nnodes == g->capnodes) {
		g->capnodes = g->capnodes ? g->capnodes * 2 : 256;
		g->nodes = xrealloc(g->nodes, g->capnodes * sizeof(*g->nodes));
	}
	g->nodes[g->nnodes++] = n;
	return n;
}

static void link_to(struct cli_node *from, struct cli_node *to)
{
	from->next = xrealloc(from->next,
			      (size_t)(from->nnext + 1) * sizeof(*from->next));
	from->next[from->nnext++] = to;
}

static void fail(struct compiler *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (c->failed)
		return;
	c->failed = true;
	n = snprintf(c->err, c->errlen, "command \"%s\": ", c->syntax);
	if (n < 0 || (size_t)n >= c->errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

static bool is_sep(char ch)
{
	return ch == '[' || ch == ']' || ch == '{' || ch == '}' || ch == '|';
}

static void lex(struct compiler *c)
{
	const char *p = c->syntax;

	c->lex = xcalloc(strlen(p) + 1, sizeof(*c->lex));
	while (*p) {
		const char *start = p;

		if (isspace((unsigned char)*p)) {
			p++;
			continue;
		}
		if (is_sep(*p))
			p++;
		else
			while (*p && !isspace((unsigned char)*p) && !is_sep(*p))
				p++;
		c->lex[c->nlex++] = own(c->g, start, (size_t)(p - start));
	}
}

/* The next help line, owned by the grammar. */
static const char *next_help(struct compiler *c, const char *token)
{
	const char *nl;

	if (!c->help || !*c->help) {
		fail(c, "no help for \"%s\"", token);
		return "";
	}
	nl = strchr(c->help, '\n');
	if (!nl)
		nl = c->help + strlen(c->help);
	const char *h = own(c->g, c->help, (size_t)(nl - c->help));
	c->help = *nl ? nl + 1 : nl;
	return h;
}

struct placeholder {
	const char *spelled;
	enum cli_tok kind;
	const char *shown;
};

static const struct placeholder placeholders[] = {
	{ "WORD", TOK_WORD, "WORD" },
	{ "HOST", TOK_HOST, "WORD" },
	{ "LINE", TOK_LINE, "LINE" },
	{ "NAME", TOK_VRF, "NAME" },
	{ "IFNAME", TOK_IFNAME, "IFNAME" },
	{ "IFREF", TOK_IFREF, "IFNAME" },
	{ "A.B.C.D", TOK_IPV4, "A.B.C.D" },
	{ "A.B.C.D/M", TOK_IPV4_PREFIX, "A.B.C.D/M" },
	{ "MASK", TOK_MASK, "A.B.C.D" },
	{ "X:X::X:X", TOK_IPV6, "X:X::X:X" },
	{ "X:X::X:X/M", TOK_IPV6_PREFIX, "X:X::X:X/M" },
	{ "DO", TOK_SUBCMD, "LINE" },
};

static bool parse_range(struct compiler *c, const char *s, struct cli_node *n)
{
	char *end;

	if (*s != '<')
		return false;
	n->min = strtol(s + 1, &end, 10);
	if (*end != '-')
		goto bad;
	n->max = strtol(end + 1, &end, 10);
	if (strcmp(end, ">") || n->min > n->max)
		goto bad;
	n->kind = TOK_RANGE;
	n->text = s;
	return true;
bad:
	fail(c, "bad range \"%s\"", s);
	return true;
}

static bool is_keyword(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) &&
		    !isdigit((unsigned char)*s) && *s != '-')
			return false;
	return true;
}

static struct frag token(struct compiler *c, char *lexeme)
{
	struct cli_node *n = node_new(c->g, N_TOKEN);
	char *dollar = strchr(lexeme, '$');

	if (dollar)
		*dollar = '\0';
	n->name = dollar ? dollar + 1 : lexeme;
	c->ntokens++;
	n->help = next_help(c, lexeme);
	if (is_keyword(lexeme)) {
		n->kind = TOK_KEYWORD;
		n->text = lexeme;
		return (struct frag){ n, n };
	}
	if (parse_range(c, lexeme, n))
		return (struct frag){ n, n };
	for (size_t i = 0; i < sizeof(placeholders) / sizeof(*placeholders);
	     i++) {
		if (!strcmp(lexeme, placeholders[i].spelled)) {
			n->kind = placeholders[i].kind;
			n->text = placeholders[i].shown;
			return (struct frag){ n, n };
		}
	}
	fail(c, "unknown token \"%s\"", lexeme);
	return (struct frag){ n, n };
}

static struct frag alts(struct compiler *c, bool optional);

static struct frag seq(struct compiler *c)
{
	struct frag f = { NULL, NULL };

	while (c->pos < c->nlex && !c->failed) {
		char *l = c->lex[c->pos];
		struct frag item;

		if (*l == ']' || *l == '}' || *l == '|')
			break;
		c->pos++;
		if (*l == '[' || *l == '{') {
			item = alts(c, *l == '[');
			if (c->pos >= c->nlex ||
			    *c->lex[c->pos] != (*l == '[' ? ']' : '}'))
				fail(c, "unbalanced '%c'", *l);
			c->pos++;
			/* {a|b}*: any of them, any number of times, in any
			 * order: the join leads back to the fork */
			if (*l == '{' && c->pos < c->nlex &&
			    !strcmp(c->lex[c->pos], "*")) {
				c->pos++;
				link_to(item.in, item.out);
				link_to(item.out, item.in);
			}
		} else {
			item = token(c, l);
		}
		if (!f.in)
			f = item;
		else {
			link_to(f.out, item.in);
			f.out = item.out;
		}
	}
	if (!f.in) {
		f.in = f.out = node_new(c->g, N_EPS);
	}
	return f;
}

static struct frag alts(struct compiler *c, bool optional)
{
	struct cli_node *fork = node_new(c->g, N_EPS);
	struct cli_node *join = node_new(c->g, N_EPS);

	for (;;) {
		struct frag f = seq(c);

		link_to(fork, f.in);
		link_to(f.out, join);
		if (c->pos < c->nlex && *c->lex[c->pos] == '|')
			c->pos++;
		else
			break;
	}
	if (optional)
		link_to(fork, join);
	return (struct frag){ fork, join };
}

/* The names a handler may ask for: those of the command's token nodes,
 * made since first. */
static void collect_names(struct cli_grammar *g, size_t first,
			  struct cli_cmdgraph *out)
{
	out->names = xcalloc(g->nnodes - first + 1, sizeof(*out->names));
	for (size_t i = first; i < g->nnodes; i++) {
		const struct cli_node *n = g->nodes[i];
		bool seen = false;

		if (n->type != N_TOKEN)
			continue;
		for (int k = 0; k < out->nnames; k++)
			seen |= !strcmp(out->names[k], n->name);
		if (!seen)
			out->names[out->nnames++] = n->name;
	}
}

static bool compile_one(struct cli_grammar *g, const struct cli_cmd *cmd,
			struct cli_cmdgraph *out, char *err, size_t errlen)
{
	struct compiler c = {
		.g = g,
		.syntax = cmd->syntax,
		.help = cmd->help,
		.err = err,
		.errlen = errlen,
	};
	size_t first_node = g->nnodes;
	struct frag f;

	lex(&c);
	f = seq(&c);
	if (!c.failed && c.pos < c.nlex)
		fail(&c, "unexpected '%s'", c.lex[c.pos]);
	if (!c.failed && c.help && *c.help)
		fail(&c, "more help lines than tokens");
	if (!c.failed && !cmd->handler && !(cmd->modes & CLI_FILTER))
		fail(&c, "no handler");
	if (!c.failed && c.ntokens > CLI_MAX_ARGS)
		fail(&c, "more than %d tokens", CLI_MAX_ARGS);
	if (!c.failed && !cmd->modes)
		fail(&c, "no mode");
	free(c.lex);
	if (c.failed)
		return false;
	link_to(f.out, node_new(g, N_END));
	collect_names(g, first_node, out);
	out->cmd = cmd;
	out->start = node_new(g, N_EPS);
	link_to(out->start, f.in);
	if ((cmd->flags & CLI_F_WEAK) && f.in->type == N_TOKEN)
		f.in->weak = true;
	return true;
}

/* Adds the tokens reachable from n through empty nodes to x's follow;
 * mark keeps a loop of empty nodes ({...}*) from being walked twice. */
static void follow_from(struct cli_node *x, struct cli_node *n, unsigned mark)
{
	for (int i = 0; i < n->nnext; i++) {
		struct cli_node *y = n->next[i];
		bool seen = false;

		if (y->type == N_EPS) {
			if (y->mark != mark) {
				y->mark = mark;
				follow_from(x, y, mark);
			}
			continue;
		}
		for (int j = 0; j < x->nfollow; j++)
			seen |= x->follow[j] == y;
		if (seen)
			continue;
		x->follow = xrealloc(x->follow, (size_t)(x->nfollow + 1) *
							sizeof(*x->follow));
		x->follow[x->nfollow++] = y;
		x->subcmd |= y->type == N_TOKEN && y->kind == TOK_SUBCMD;
	}
}

/* Adds the modes of an area; a bit must be one bit, and not taken. */
static bool add_modes(struct cli_grammar *g, const struct cli_area *a,
		      char *err, size_t errlen)
{
	for (const struct cli_mode *m = a->modes; m && m->bit; m++) {
		bool one = (m->bit & (m->bit - 1)) == 0;

		if (!one || (m->bit & (CLI_EXEC | CLI_FILTER)) ||
		    cli_grammar_mode(g, m->bit) || !m->prompt || !m->parents) {
			snprintf(err, errlen,
				 "area %s: mode %s: bad bit, "
				 "parents or prompt",
				 a->name, m->name);
			return false;
		}
		g->modes =
			xrealloc(g->modes, (g->nmodes + 1) * sizeof(*g->modes));
		g->modes[g->nmodes++] = m;
	}
	return true;
}

const struct cli_mode *cli_grammar_mode(const struct cli_grammar *g,
					unsigned bit)
{
	if (bit == CLI_EXEC)
		return &cli_exec_mode;
	for (size_t i = 0; i < g->nmodes; i++)
		if (g->modes[i]->bit == bit)
			return g->modes[i];
	return NULL;
}

struct cli_grammar *cli_grammar_new(const struct cli_area *const *areas,
				    size_t nareas, char *err, size_t errlen)
{
	struct cli_grammar *g = xcalloc(1, sizeof(*g));
	size_t total = 0;

	g->areas = areas;
	g->nareas = nareas;
	for (size_t t = 0; t < nareas; t++) {
		if (!add_modes(g, areas[t], err, errlen)) {
			cli_grammar_free(g);
			return NULL;
		}
		for (const struct cli_cmd *c = areas[t]->cmds; c && c->syntax;
		     c++)
			total++;
	}
	g->cmds = xcalloc(total ? total : 1, sizeof(*g->cmds));
	for (size_t t = 0; t < nareas; t++) {
		for (const struct cli_cmd *c = areas[t]->cmds; c && c->syntax;
		     c++) {
			if (!compile_one(g, c, &g->cmds[g->ncmds], err,
					 errlen)) {
				cli_grammar_free(g);
				return NULL;
			}
			g->ncmds++;
		}
	}
	for (size_t i = 0; i < g->nnodes; i++)
		follow_from(g->nodes[i], g->nodes[i], (unsigned)i + 1);
	return g;
}

void cli_grammar_free(struct cli_grammar *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nnodes; i++) {
		free(g->nodes[i]->next);
		free(g->nodes[i]->follow);
		free(g->nodes[i]);
	}
	for (size_t i = 0; i < g->nstrs; i++)
		free(g->strs[i]);
	for (int i = 0; i < g->nstarts; i++)
		free(g->starts[i].cg);
	cli_memo_free(g->memo);
	for (int i = 0; i < TOK_KINDS; i++)
		free(g->shadows[i].v);
	for (size_t i = 0; i < g->ncmds; i++)
		free(g->cmds[i].names);
	free(g->nodes);
	free(g->strs);
	free(g->cmds);
	free(g->modes);
	free(g);
}

/* ---- words -------------------------------------------------------------- */

bool cli_is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' ||
	       ch == '\v' || ch == '\f';
}

/* One allocation holds the copies and the index arrays: at most
 * len / 2 + 1 words fit in a line of len characters. */
int cli_words_split(struct cli_words *w, const char *line)
{
	size_t len = strlen(line), max = len / 2 + 1;
	char *q, *mem;

	memset(w, 0, sizeof(*w));
	mem = xcalloc(1,
		      2 * (len + 1) + max * (sizeof(char *) + 2 * sizeof(int)));
	w->w = (char **)mem;
	w->off = (int *)(mem + max * sizeof(char *));
	w->end = w->off + max;
	w->raw = (char *)(w->end + max);
	w->buf = w->raw + len + 1;
	memcpy(w->raw, line, len);
	q = w->buf;
	for (size_t i = 0; i < len;) {
		if (cli_is_blank(line[i])) {
			i++;
			continue;
		}
		w->w[w->n] = q;
		w->off[w->n] = (int)i;
		while (i < len && !cli_is_blank(line[i]))
			*q++ = line[i++];
		*q++ = '\0';
		w->end[w->n] = (int)i;
		w->n++;
	}
	return w->n;
}

void cli_words_free(struct cli_words *w)
{
	free(w->w);
	memset(w, 0, sizeof(*w));
}
