/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * match.c - the matcher.  Execution, '?' and TAB all walk the words of a
 * line through the same set of live states (one per command and position),
 * so they can never disagree.
 *
 * At each word every live state offers the tokens that may come next; the
 * word is scored against each (exact keyword > typed value > keyword
 * prefix > free word or name) and only the states whose token scored best
 * go on.  Two different keywords that the word is only a prefix of make it
 * ambiguous.
 *
 * A step depends only on the states before it and its word, unless it
 * looked for a live name or took the rest of the line.  So the states
 * after each other step are kept (struct cli_memo), and a line whose
 * first words are those of a recent line of the same modes starts after
 * them: a file of lines of one shape ('ip route P GW') walks only the
 * words that differ, where the first word alone meets every command.
 */
#include "cli/match.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CANDS 128

struct argnode {
	const struct cli_node *tok;
	const char *value;
	int word;
	int parent; /* index, -1 at the root */
};

struct mstate {
	const struct cli_cmdgraph *cg;
	const struct cli_node *at; /* last token taken, or the start */
	int args;		   /* tail of the argument chain */
	bool in_line;		   /* taking the rest of the line */
};

struct hit {
	int s;			  /* index of the state */
	const struct cli_node *t; /* the token it offered */
	enum cli_level l;
};

struct walk {
	const struct cli_grammar *g;
	struct cli_session *s; /* for live names; may be NULL */
	enum cli_priv priv;
	struct mstate *v; /* live states */
	int n, cap;
	struct mstate *spare; /* the next word's, reused */
	int capspare;
	struct hit *hits;
	int caphits;
	struct argnode *a;
	int na, capa;
	bool via_do;
	bool impure; /* the last step looked for a live name, or took a line */
};

static void *grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	*cap = *cap ? *cap * 2 : 32;
	if (*cap < need)
		*cap = need;
	p = realloc(p, (size_t)*cap * size);
	if (!p)
		abort();
	return p;
}

static void push_state(struct walk *wk, struct mstate st)
{
	for (int i = 0; i < wk->n; i++)
		if (wk->v[i].cg == st.cg && wk->v[i].at == st.at)
			return;
	wk->v = grow(wk->v, &wk->cap, wk->n + 1, sizeof(*wk->v));
	wk->v[wk->n++] = st;
}

static int push_arg(struct walk *wk, int parent, const struct cli_node *tok,
		    const char *value, int word)
{
	wk->a = grow(wk->a, &wk->capa, wk->na + 1, sizeof(*wk->a));
	wk->a[wk->na] = (struct argnode){ tok, value, word, parent };
	return wk->na++;
}

/* The tokens (and the end marker) that may follow a state. */
static int cands(const struct mstate *st, const struct cli_node **out)
{
	int n = 0;

	if (st->in_line)
		out[n++] = st->at;
	for (int i = 0; i < st->at->nfollow && n < MAX_CANDS; i++)
		out[n++] = st->at->follow[i];
	return n;
}

static bool visible(const struct cli_cmd *cmd, unsigned modes,
		    enum cli_priv priv, unsigned exclude)
{
	return (cmd->modes & modes) && cmd->priv <= priv &&
	       !(cmd->flags & exclude);
}

static const struct cli_startset *startset(struct walk *wk, unsigned modes,
					   unsigned exclude)
{
	/* the cache is the grammar's only mutable part */
	struct cli_grammar *g = (struct cli_grammar *)wk->g;
	struct cli_startset *ss;

	for (int i = 0; i < g->nstarts; i++) {
		ss = &g->starts[i];
		if (ss->modes == modes && ss->exclude == exclude &&
		    ss->priv == wk->priv)
			return ss;
	}
	ss = &g->starts[g->nstarts < CLI_MAX_STARTSETS ? g->nstarts++ : 0];
	free(ss->cg);
	*ss = (struct cli_startset){ modes, exclude, wk->priv, NULL, 0 };
	ss->cg = calloc(g->ncmds + 1, sizeof(*ss->cg));
	if (!ss->cg)
		abort();
	for (size_t i = 0; i < g->ncmds; i++)
		if (visible(g->cmds[i].cmd, modes, wk->priv, exclude))
			ss->cg[ss->n++] = &g->cmds[i];
	return ss;
}

static void start(struct walk *wk, unsigned modes, unsigned exclude)
{
	const struct cli_startset *ss = startset(wk, modes, exclude);

	/* one state per command: no duplicates to look for */
	wk->v = grow(wk->v, &wk->cap, ss->n, sizeof(*wk->v));
	for (int i = 0; i < ss->n; i++)
		wk->v[i] = (struct mstate){ ss->cg[i], ss->cg[i]->start, -1,
					    false };
	wk->n = ss->n;
}

/* After 'do' the rest of the line is an EXEC command. */
static void enter_subcmd(struct walk *wk)
{
	for (int i = 0; i < wk->n; i++) {
		if (wk->v[i].at->subcmd && !wk->v[i].in_line) {
			wk->via_do = true;
			start(wk, CLI_EXEC, CLI_F_NO_DO);
			return;
		}
	}
}

static enum cli_level score(const struct mstate *st, const struct cli_node *t,
			    const char *word)
{
	if (t->type != N_TOKEN)
		return LVL_NONE;
	if (st->in_line && t == st->at)
		return cli_tok_match(TOK_LINE, NULL, 0, 0, word);
	return cli_tok_match(t->kind, t->text, t->min, t->max, word);
}

/* The VRF named by the last VRF value of a state, for interface names. */
static const char *state_vrf(const struct walk *wk, const struct mstate *st)
{
	for (int i = st->args; i >= 0; i = wk->a[i].parent)
		if (wk->a[i].tok->kind == TOK_VRF)
			return wk->a[i].value;
	return NULL;
}

struct name_find {
	const char *word;
	bool found;
};

static void name_is(void *ctx, const char *name)
{
	struct name_find *f = ctx;

	f->found |= !strcmp(f->word, name);
}

/* Is word i the exact name of a live VRF or interface (kind)?  An
 * interface is looked for in the VRF named before it on the line, or
 * after it ("vrf X" later on), else in the VRF of the context. */
static bool live_name(const struct walk *wk, const struct mstate *st,
		      enum cli_tok kind, const struct cli_words *w, int i)
{
	struct name_find f = { w->w[i], false };
	const char *vrf = NULL;

	if (!wk->s || !wk->s->names)
		return false;
	if (kind == TOK_IFNAME) {
		vrf = state_vrf(wk, st);
		for (int k = i + 1; !vrf && k + 1 < w->n; k++)
			if (!strcmp(w->w[k], "vrf"))
				vrf = w->w[k + 1];
		if (!vrf)
			vrf = cli_context_vrf(wk->s);
	}
	wk->s->names(wk->s, kind, vrf, name_is, &f);
	return f.found;
}

/* A word that is only a prefix of a keyword, where a VRF or interface
 * name may also stand, is that name when a VRF or interface of exactly
 * that name exists ('vrf al' is VRF al, not 'all'); an exact keyword
 * still wins.  Returns the best level after the promotion. */
static enum cli_level promote_names(struct walk *wk, const struct mstate *old,
				    struct hit *hits, int nhits,
				    const struct cli_words *w, int i,
				    enum cli_level best)
{
	int known[2] = { -1, -1 }; /* per kind: unknown, no, yes */

	if (best != LVL_PARTIAL)
		return best;
	for (int h = 0; h < nhits; h++) {
		enum cli_tok kind = hits[h].t->kind;
		int k = kind == TOK_IFNAME;

		if (hits[h].l != LVL_NAME ||
		    (kind != TOK_VRF && kind != TOK_IFNAME))
			continue;
		/* a VRF is one lookup; an interface depends on its VRF */
		if (kind == TOK_IFNAME || known[k] < 0) {
			known[k] = live_name(wk, &old[hits[h].s], kind, w, i);
			wk->impure = true;
		}
		if (known[k] > 0) {
			hits[h].l = LVL_VALUE;
			best = LVL_VALUE;
		}
	}
	return best;
}

/* Takes word i; returns MATCH_OK, MATCH_INVALID or MATCH_AMBIGUOUS.
 * Each (state, token) pair is scored once; the pairs that scored best go
 * on, into the second state buffer, which then becomes the first. */
static int step(struct walk *wk, struct cli_words *w, int i, int last)
{
	const struct cli_node *c[MAX_CANDS];
	const char *partial[2] = { NULL, NULL }; /* strong, weak */
	bool ambiguous[2] = { false, false }, skip_weak;
	enum cli_level best = LVL_NONE;
	struct mstate *old, *swap;
	int nold, nhits = 0, cap;

	enter_subcmd(wk);
	old = wk->v;
	nold = wk->n;
	for (int s = 0; s < nold; s++) {
		int n = cands(&old[s], c);

		for (int j = 0; j < n; j++) {
			enum cli_level l = score(&old[s], c[j], w->w[i]);

			if (l == LVL_NONE)
				continue;
			wk->hits = grow(wk->hits, &wk->caphits, nhits + 1,
					sizeof(*wk->hits));
			wk->hits[nhits++] = (struct hit){ s, c[j], l };
			if (l > best)
				best = l;
			if (l != LVL_PARTIAL)
				continue;
			int k = c[j]->weak;

			if (partial[k] && strcmp(partial[k], c[j]->text))
				ambiguous[k] = true;
			partial[k] = c[j]->text;
		}
	}
	if (best == LVL_NONE)
		return MATCH_INVALID;
	best = promote_names(wk, old, wk->hits, nhits, w, i, best);
	if (best == LVL_PARTIAL && ambiguous[partial[0] ? 0 : 1])
		return MATCH_AMBIGUOUS;
	skip_weak = best == LVL_PARTIAL && partial[0];

	/* the spare buffer receives the new states */
	swap = wk->spare;
	cap = wk->capspare;
	wk->spare = wk->v;
	wk->capspare = wk->cap;
	wk->v = swap;
	wk->cap = cap;
	wk->n = 0;
	for (int h = 0; h < nhits; h++) {
		const struct hit *x = &wk->hits[h];
		struct mstate st = old[x->s];
		const struct cli_node *t = x->t;
		const char *value;

		if (x->l != best || (skip_weak && t->weak))
			continue;
		if (st.in_line && t == st.at) {
			wk->impure = true;
			push_state(wk, st);
			continue;
		}
		value = t->kind == TOK_KEYWORD ? t->text : w->w[i];
		if (t->kind == TOK_LINE) {
			wk->impure = true;
			value = w->raw + w->off[i];
			w->raw[w->end[last - 1]] = '\0';
			st.in_line = true;
		}
		st.args = push_arg(wk, st.args, t, value, i);
		st.at = t;
		push_state(wk, st);
	}
	return MATCH_OK;
}

static bool can_end(const struct mstate *st)
{
	const struct cli_node *c[MAX_CANDS];
	int n = cands(st, c);

	for (int j = 0; j < n; j++)
		if (c[j]->type == N_END)
			return true;
	return false;
}

/* The arguments of the chain ending at tail, first word first.  A token
 * taken twice (an option repeated in {...}*) counts once, where it was
 * taken last: the chain is then no longer than the command has tokens,
 * which the grammar bounds by CLI_MAX_ARGS. */
static void flatten(const struct walk *wk, const struct cli_cmdgraph *cg,
		    int tail, struct cli_args *out)
{
	int chain[CLI_MAX_ARGS], n = 0;

	for (int i = tail; i >= 0; i = wk->a[i].parent) {
		bool later = false;

		for (int k = 0; k < n && !later; k++)
			later = wk->a[chain[k]].tok == wk->a[i].tok;
		if (later)
			continue;
		if (n == CLI_MAX_ARGS)
			abort(); /* the grammar makes it impossible */
		chain[n++] = i;
	}
	out->n = 0;
	out->cmd = cg->cmd;
	out->names = cg->names;
	out->nnames = cg->nnames;
	while (n--) {
		const struct argnode *a = &wk->a[chain[n]];

		out->v[out->n++] = (struct cli_arg){ a->tok->name, a->value,
						     a->tok->kind, a->word };
	}
}

static void walk_free(struct walk *wk)
{
	free(wk->v);
	free(wk->spare);
	free(wk->hits);
	free(wk->a);
}

/* Walks words [first, last); returns the status and sets *bad. */
static int walk(struct walk *wk, unsigned modes, unsigned exclude,
		struct cli_words *w, int first, int last, int *bad)
{
	start(wk, modes, exclude);
	for (int i = first; i < last; i++) {
		int r = step(wk, w, i, last);

		if (r != MATCH_OK) {
			*bad = i;
			return r;
		}
	}
	return MATCH_OK;
}

/* ---- the memo of recent walks --------------------------------------- */

#define MEMO_SLOTS 4

#define MEMO_WORD 48 /* a longer word ends what is kept of a line */

struct memo_step {
	char word[MEMO_WORD];
	int state0, nstates; /* the states after it, in the slot's st */
	int na;		     /* the arguments after it */
	bool via_do;
};

/* The pure steps of the last line matched from word first in modes
 * with priv: each step's word and the states after it. */
struct memo_slot {
	bool used;
	unsigned modes;
	enum cli_priv priv;
	int first;
	struct memo_step *step;
	int nstep, capstep;
	struct mstate *st;
	int nst, capst;
	struct argnode *a; /* values of typed tokens are set on restore */
	int na, capa;
};

struct cli_memo {
	struct memo_slot slot[MEMO_SLOTS];
	int next;	  /* the slot to take for new modes */
	struct walk bufs; /* the last walk's buffers, for the next one */
};

/* Keeps the first k steps of ms. */
static void memo_keep(struct memo_slot *ms, int k)
{
	if (ms->nstep > k)
		ms->nstep = k;
	ms->nst = k ? ms->step[k - 1].state0 + ms->step[k - 1].nstates : 0;
	ms->na = k ? ms->step[k - 1].na : 0;
}

void cli_memo_free(struct cli_memo *m)
{
	if (!m)
		return;
	for (int i = 0; i < MEMO_SLOTS; i++) {
		free(m->slot[i].step);
		free(m->slot[i].st);
		free(m->slot[i].a);
	}
	walk_free(&m->bufs);
	free(m);
}

static struct memo_slot *memo_slot(const struct cli_grammar *cg, unsigned modes,
				   enum cli_priv priv, int first)
{
	/* like the start sets, the memo is a cache beside the grammar */
	struct cli_grammar *g = (struct cli_grammar *)cg;
	struct memo_slot *ms;

	if (!g->memo) {
		g->memo = calloc(1, sizeof(*g->memo));
		if (!g->memo)
			abort();
	}
	for (int i = 0; i < MEMO_SLOTS; i++) {
		ms = &g->memo->slot[i];
		if (ms->used && ms->modes == modes && ms->priv == priv &&
		    ms->first == first)
			return ms;
	}
	ms = &g->memo->slot[g->memo->next];
	g->memo->next = (g->memo->next + 1) % MEMO_SLOTS;
	memo_keep(ms, 0);
	ms->used = true;
	ms->modes = modes;
	ms->priv = priv;
	ms->first = first;
	return ms;
}

/* Appends the step just taken over word to ms. */
static void memo_push(struct memo_slot *ms, const struct walk *wk,
		      const char *word)
{
	struct memo_step *ps;

	ms->step =
		grow(ms->step, &ms->capstep, ms->nstep + 1, sizeof(*ms->step));
	ms->st = grow(ms->st, &ms->capst, ms->nst + wk->n, sizeof(*ms->st));
	ms->a = grow(ms->a, &ms->capa, wk->na, sizeof(*ms->a));
	ps = &ms->step[ms->nstep];
	memcpy(ps->word, word, strlen(word) + 1);
	ps->state0 = ms->nst;
	ps->nstates = wk->n;
	ps->na = wk->na;
	ps->via_do = wk->via_do;
	memcpy(ms->st + ms->nst, wk->v, (size_t)wk->n * sizeof(*wk->v));
	memcpy(ms->a + ms->na, wk->a + ms->na,
	       (size_t)(wk->na - ms->na) * sizeof(*wk->a));
	ms->nst += wk->n;
	ms->na = wk->na;
	ms->nstep++;
}

/* The walk as it was after step k - 1 of ms, for the words of w. */
static void memo_restore(struct walk *wk, const struct memo_slot *ms, int k,
			 const struct cli_words *w)
{
	const struct memo_step *ps = &ms->step[k - 1];

	wk->v = grow(wk->v, &wk->cap, ps->nstates, sizeof(*wk->v));
	memcpy(wk->v, ms->st + ps->state0,
	       (size_t)ps->nstates * sizeof(*wk->v));
	wk->n = ps->nstates;
	wk->a = grow(wk->a, &wk->capa, ps->na, sizeof(*wk->a));
	memcpy(wk->a, ms->a, (size_t)ps->na * sizeof(*wk->a));
	wk->na = ps->na;
	for (int i = 0; i < wk->na; i++)
		if (wk->a[i].tok->kind != TOK_KEYWORD)
			wk->a[i].value = w->w[wk->a[i].word];
	wk->via_do = ps->via_do;
}

/* The buffers of the memo's last walk lent to wk, and given back: a
 * file of 100,000 lines allocates them once. */
static void bufs_take(struct walk *wk, struct cli_memo *m)
{
	wk->v = m->bufs.v;
	wk->cap = m->bufs.cap;
	wk->spare = m->bufs.spare;
	wk->capspare = m->bufs.capspare;
	wk->hits = m->bufs.hits;
	wk->caphits = m->bufs.caphits;
	wk->a = m->bufs.a;
	wk->capa = m->bufs.capa;
	memset(&m->bufs, 0, sizeof(m->bufs));
}

static void bufs_give(struct walk *wk, struct cli_memo *m)
{
	walk_free(&m->bufs);
	m->bufs = (struct walk){ .v = wk->v,
				 .cap = wk->cap,
				 .spare = wk->spare,
				 .capspare = wk->capspare,
				 .hits = wk->hits,
				 .caphits = wk->caphits,
				 .a = wk->a,
				 .capa = wk->capa };
}

/* walk() from the memo: the steps over the same first words as a recent
 * line are not taken again, and the pure steps taken are kept. */
static int walk_memo(struct walk *wk, unsigned modes, struct cli_words *w,
		     int first, int last, int *bad)
{
	struct memo_slot *ms = memo_slot(wk->g, modes, wk->priv, first);
	int k = 0;

	bufs_take(wk, wk->g->memo);
	while (k < ms->nstep && first + k < last &&
	       !strcmp(ms->step[k].word, w->w[first + k]))
		k++;
	memo_keep(ms, k);
	if (k)
		memo_restore(wk, ms, k, w);
	else
		start(wk, modes, 0);
	for (int i = first + k; i < last; i++) {
		int r;

		wk->impure = false;
		r = step(wk, w, i, last);
		if (r != MATCH_OK) {
			*bad = i;
			return r;
		}
		if (!wk->impure && ms->nstep == i - first &&
		    strlen(w->w[i]) < MEMO_WORD)
			memo_push(ms, wk, w->w[i]);
	}
	return MATCH_OK;
}

void cli_match(struct cli_session *s, const struct cli_grammar *g,
	       unsigned modes, enum cli_priv priv, struct cli_words *w,
	       int first, int last, struct cli_match *m)
{
	struct walk wk = { .g = g, .s = s, .priv = priv };
	int bad = last;

	memset(m, 0, sizeof(*m));
	m->status = walk_memo(&wk, modes, w, first, last, &bad);
	m->bad = bad;
	m->progress = bad - first;
	m->via_do = wk.via_do;
	if (m->status == MATCH_OK) {
		m->status = MATCH_INCOMPLETE;
		for (int k = 0; k < wk.n; k++) {
			if (can_end(&wk.v[k])) {
				m->status = MATCH_OK;
				m->cmd = wk.v[k].cg->cmd;
				flatten(&wk, wk.v[k].cg, wk.v[k].args,
					&m->args);
				break;
			}
		}
	}
	bufs_give(&wk, g->memo);
}

static void add_next(struct cli_nextv *nv, const struct cli_node *t,
		     const char *vrf)
{
	for (int i = 0; i < nv->n; i++)
		if (!strcmp(nv->v[i].text, t->text))
			return;
	nv->v = grow(nv->v, &nv->cap, nv->n + 1, sizeof(*nv->v));
	nv->v[nv->n++] =
		(struct cli_next){ t->text, t->help, t->kind, vrf, t->weak };
}

void cli_nextv_drop_weak(struct cli_nextv *nv, const char *partial)
{
	bool strong = false;
	int keep = 0;

	if (!*partial)
		return;
	for (int i = 0; i < nv->n; i++)
		strong |= nv->v[i].kind == TOK_KEYWORD && !nv->v[i].weak;
	if (!strong)
		return;
	for (int i = 0; i < nv->n; i++)
		if (!nv->v[i].weak)
			nv->v[keep++] = nv->v[i];
	nv->n = keep;
}

int cli_next(struct cli_session *s, const struct cli_grammar *g, unsigned modes,
	     enum cli_priv priv, struct cli_words *w, int first, int last,
	     const char *partial, struct cli_nextv *nv)
{
	struct walk wk = { .g = g, .s = s, .priv = priv };
	const struct cli_node *c[MAX_CANDS];
	int bad = last;
	int r = walk(&wk, modes, 0, w, first, last, &bad);

	memset(nv, 0, sizeof(*nv));
	nv->bad = bad;
	if (r != MATCH_OK) {
		walk_free(&wk);
		return r;
	}
	enter_subcmd(&wk);
	for (int k = 0; k < wk.n; k++) {
		const struct mstate *st = &wk.v[k];
		int n = cands(st, c);

		/* a hidden command is not offered until its first word is
		 * typed in full */
		if ((st->cg->cmd->flags & CLI_F_HIDDEN) &&
		    st->at == st->cg->start)
			continue;

		for (int j = 0; j < n; j++) {
			if (c[j]->type == N_END) {
				if (!nv->end_cmd)
					nv->end_cmd = st->cg->cmd;
				continue;
			}
			if (!cli_tok_could_match(c[j]->kind, c[j]->text,
						 c[j]->min, c[j]->max, partial))
				continue;
			add_next(nv, c[j], state_vrf(&wk, st));
		}
	}
	walk_free(&wk);
	return MATCH_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keywords that follow a node beside a value of kind, sorted and
 * unique: 200 VRFs from a file check 200 names against them. */
static const struct cli_shadows *shadows(struct cli_grammar *g,
					 enum cli_tok kind)
{
	struct cli_shadows *sh = &g->shadows[kind];
	size_t cap = 0, keep = 0;

	if (sh->built)
		return sh;
	for (size_t i = 0; i < g->nnodes; i++) {
		const struct cli_node *n = g->nodes[i];
		bool takes = false;

		for (int j = 0; j < n->nfollow && !takes; j++)
			takes = n->follow[j]->type == N_TOKEN &&
				n->follow[j]->kind == kind;
		for (int j = 0; takes && j < n->nfollow; j++) {
			const struct cli_node *f = n->follow[j];

			if (f->type != N_TOKEN || f->kind != TOK_KEYWORD)
				continue;
			if (sh->n == cap) {
				cap = cap ? cap * 2 : 64;
				sh->v = realloc(sh->v, cap * sizeof(*sh->v));
				if (!sh->v)
					abort();
			}
			sh->v[sh->n++] = f->text;
		}
	}
	if (sh->n)
		qsort(sh->v, sh->n, sizeof(*sh->v), cmp_str);
	for (size_t i = 0; i < sh->n; i++)
		if (!keep || strcmp(sh->v[keep - 1], sh->v[i]))
			sh->v[keep++] = sh->v[i];
	sh->n = keep;
	sh->built = true;
	return sh;
}

bool cli_grammar_shadows(const struct cli_grammar *cg, enum cli_tok kind,
			 const char *name)
{
	/* like the start sets, a cache beside the grammar */
	const struct cli_shadows *sh = shadows((struct cli_grammar *)cg, kind);

	return sh->n && bsearch(&name, sh->v, sh->n, sizeof(*sh->v), cmp_str);
}

void cli_nextv_free(struct cli_nextv *nv)
{
	free(nv->v);
	memset(nv, 0, sizeof(*nv));
}
