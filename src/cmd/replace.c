/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * replace.c - configure replace: the difference between the running
 * configuration and a target, applied in an order that never cuts what
 * stays, with a rollback when a step fails; and the contextual
 * differences that show archive config differences prints.
 *
 * Both configurations are parsed into stanzas (a top-level line and the
 * lines indented under it), with a few spellings brought to the form
 * running-config writes (prefix lengths to masks, 'vrf NAME' and 'ip vrf
 * NAME' to 'vrf definition NAME', 'ip vrf forwarding' to 'vrf
 * forwarding'), so that a file written as running-config writes it gives
 * the smallest difference.  Stanzas are matched by their header; within
 * one, lines by their text.
 *
 * The plan: first what goes, from the last kind of stanza to the first
 * (NAT, routes, interfaces and their access groups, access lists, VRFs,
 * forwarding switches, system settings), so that no route outlives the
 * address it needs and no list goes while bound; then what comes, from
 * the first kind to the last.  A VRF that goes takes its
 * interfaces and routes with it; an interface that changes kind is made
 * again; one that changes VRF gets its addresses again after the move.
 * Each step is a command run by the engine, as typed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/archive.h"
#include "cmd/cfgfile.h"
#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/nft.h"
#include "render/text.h"

/* The order of making: access lists before the interfaces that bind
 * them, NAT (which names interfaces and lists) last. */
enum rank {
	R_SYSTEM,  /* hostname, enable secret, service, banner */
	R_FORWARD, /* the default VRF's forwarding switches */
	R_VRF,
	R_ACL,
	R_IF,
	R_ROUTE,
	R_NAT,
	R_OTHER,
	R_COUNT,
};

struct stanza {
	char *head;
	char **kids;
	size_t nkids;
	enum rank rank;
	char owner[NET_VRF_NAME_MAX + 1]; /* its VRF, "" default */
	const char *type;		  /* interface: its type line */
	const struct stanza *maker;	  /* a veth end: the stanza
						 * that makes its pair */
};

struct config {
	struct stanza *v;
	size_t n;
};

/* ---- parsing ---------------------------------------------------------------- */

static char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		abort();
	return d;
}

static bool starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* "A.B.C.D/M" at the start of word into "A.B.C.D MASK"; false if it is
 * not one. */
static bool prefix_to_mask(const char *word, size_t wlen, char *out,
			   size_t size)
{
	char buf[32], mask[TEXT_IP_MAX];
	unsigned char b[4];
	int plen;

	if (wlen >= sizeof(buf))
		return false;
	memcpy(buf, word, wlen);
	buf[wlen] = '\0';
	if (!cli_parse_ipv4_prefix(buf, b, &plen))
		return false;
	*strchr(buf, '/') = '\0';
	text_mask((unsigned)plen, mask, sizeof(mask));
	snprintf(out, size, "%s %s", buf, mask);
	return true;
}

/* The line as running-config would write it. */
static char *canonical(const char *line, bool kid)
{
	char out[2048], conv[96];
	const char *rest;

	if (!kid && starts(line, "ip vrf ") && !strchr(line + 7, ' '))
		snprintf(out, sizeof(out), "vrf definition %s", line + 7);
	else if (!kid && starts(line, "vrf instance ") &&
		 !strchr(line + 13, ' '))
		snprintf(out, sizeof(out), "vrf definition %s", line + 13);
	else if (!kid && starts(line, "vrf ") &&
		 !starts(line, "vrf definition ") && !strchr(line + 4, ' '))
		snprintf(out, sizeof(out), "vrf definition %s", line + 4);
	else if (kid && starts(line, "ip vrf forwarding "))
		snprintf(out, sizeof(out), "%s", line + 3);
	else
		snprintf(out, sizeof(out), "%s", line);
	/* a prefix after 'ip address' or after 'ip route [vrf V]' */
	rest = NULL;
	if (kid && starts(out, "ip address "))
		rest = out + 11;
	else if (!kid && starts(out, "ip route vrf ") && strchr(out + 13, ' '))
		rest = strchr(out + 13, ' ') + 1;
	else if (!kid && starts(out, "ip route "))
		rest = out + 9;
	if (rest) {
		size_t wlen = strcspn(rest, " ");
		char tail[2048];

		if (prefix_to_mask(rest, wlen, conv, sizeof(conv))) {
			snprintf(tail, sizeof(tail), "%s", rest + wlen);
			snprintf((char *)rest,
				 sizeof(out) - (size_t)(rest - out), "%s%s",
				 conv, tail);
		}
	}
	return xstrdup(out);
}

static enum rank rank_of(const char *head)
{
	static const char *const sys[] = { "hostname ", "enable ",
					   "service ",	"no service ",
					   "banner ",	"no enable " };

	for (size_t i = 0; i < sizeof(sys) / sizeof(*sys); i++)
		if (starts(head, sys[i]))
			return R_SYSTEM;
	if (!strcmp(head, "ip routing") || !strcmp(head, "no ip routing") ||
	    !strcmp(head, "ipv6 unicast-routing") ||
	    !strcmp(head, "no ipv6 unicast-routing"))
		return R_FORWARD;
	if (starts(head, "vrf definition "))
		return R_VRF;
	if (starts(head, "interface "))
		return R_IF;
	if (starts(head, "ip route ") || starts(head, "ipv6 route "))
		return R_ROUTE;
	if (starts(head, "ip access-list ") ||
	    starts(head, "ipv6 access-list ") || starts(head, "access-list "))
		return R_ACL;
	if (starts(head, "ip nat "))
		return R_NAT;
	return R_OTHER;
}

/* The VRF a stanza belongs to, and an interface's type line. */
static void classify(struct stanza *st)
{
	const char *slash, *v;

	st->rank = rank_of(st->head);
	st->owner[0] = '\0';
	if (st->rank == R_IF) {
		slash = strchr(st->head + 10, '/');
		if (slash)
			snprintf(st->owner, sizeof(st->owner), "%.*s",
				 (int)(slash - st->head - 10), st->head + 10);
		for (size_t k = 0; k < st->nkids; k++) {
			if (starts(st->kids[k], "vrf forwarding "))
				snprintf(st->owner, sizeof(st->owner), "%s",
					 st->kids[k] + 15);
			if (starts(st->kids[k], "type "))
				st->type = st->kids[k];
		}
	} else if (st->rank == R_ROUTE &&
		   (v = strstr(st->head, " route vrf "))) {
		snprintf(st->owner, sizeof(st->owner), "%.*s",
			 (int)strcspn(v + 11, " "), v + 11);
	}
	if (net_vrf_is_default(st->owner))
		st->owner[0] = '\0';
}

/* The stanza of the veth end that st's 'type veth peer P [vrf V]' makes
 * is made by st: it goes with st, and is made again with it. */
static void mark_peer(struct config *c, struct stanza *st)
{
	char peer[NET_IFNAMSIZ + NET_VRF_NAME_MAX + 2],
		vrf[NET_VRF_NAME_MAX + 1];
	char h1[sizeof(peer) + 16], h2[sizeof(peer) + sizeof(vrf) + 16];

	vrf[0] = '\0';
	if (!st->type ||
	    sscanf(st->type, "type veth peer %80s vrf %64s", peer, vrf) < 1)
		return;
	snprintf(h1, sizeof(h1), "interface %s", peer);
	snprintf(h2, sizeof(h2), "interface %s/%s", vrf, peer);
	for (size_t i = 0; i < c->n; i++)
		if (&c->v[i] != st && (!strcmp(c->v[i].head, h1) ||
				       (*vrf && !strcmp(c->v[i].head, h2))))
			c->v[i].maker = st;
}

static void add_kid(struct stanza *st, const char *text)
{
	st->kids = realloc(st->kids, (st->nkids + 1) * sizeof(*st->kids));
	if (!st->kids)
		abort();
	st->kids[st->nkids++] = canonical(text, true);
}

static void parse(const char *text, size_t len, struct config *c)
{
	const char *p = text, *end = text + len;
	struct stanza *cur = NULL;

	memset(c, 0, sizeof(*c));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char line[2048];
		const char *t;
		bool kid;

		snprintf(line, sizeof(line), "%.*s", (int)n, p);
		p += n + (nl ? 1 : 0);
		line[strcspn(line, "\r")] = '\0';
		for (size_t k = strlen(line); k && strchr(" \t", line[k - 1]);)
			line[--k] = '\0';
		kid = line[0] == ' ' || line[0] == '\t';
		t = line + strspn(line, " \t");
		if (!*t || *t == '!' || *t == '#' ||
		    !strcmp(t, "configure terminal") || !strcmp(t, "end") ||
		    !strcmp(t, "exit-vrf") || !strcmp(t, "exit"))
			continue;
		if (kid && cur) {
			add_kid(cur, t);
			continue;
		}
		c->v = realloc(c->v, (c->n + 1) * sizeof(*c->v));
		if (!c->v)
			abort();
		cur = &c->v[c->n++];
		memset(cur, 0, sizeof(*cur));
		cur->head = canonical(t, false);
	}
	for (size_t i = 0; i < c->n; i++)
		classify(&c->v[i]);
	for (size_t i = 0; i < c->n; i++)
		mark_peer(c, &c->v[i]);
}

static void config_free(struct config *c)
{
	for (size_t i = 0; i < c->n; i++) {
		for (size_t k = 0; k < c->v[i].nkids; k++)
			free(c->v[i].kids[k]);
		free(c->v[i].kids);
		free(c->v[i].head);
	}
	free(c->v);
}

static const struct stanza *find(const struct config *c, const char *head)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i].head, head))
			return &c->v[i];
	return NULL;
}

static bool has_kid(const struct stanza *st, const char *kid)
{
	for (size_t k = 0; st && k < st->nkids; k++)
		if (!strcmp(st->kids[k], kid))
			return true;
	return false;
}

/* ---- differences -------------------------------------------------------------- */

size_t config_differences(struct cli_out *o, const char *from, const char *to)
{
	struct config a, b;
	size_t n = 0;

	parse(from, strlen(from), &a);
	parse(to, strlen(to), &b);
	cli_printf(o, "!Contextual Config Diffs:\n");
	for (size_t i = 0; i < b.n; i++) {
		const struct stanza *t = &b.v[i], *f = find(&a, t->head);
		bool shown = false;

		if (!f) {
			cli_printf(o, "+%s\n", t->head);
			n++;
			for (size_t k = 0; k < t->nkids; k++, n++)
				cli_printf(o, " +%s\n", t->kids[k]);
			continue;
		}
		for (size_t k = 0; k < t->nkids; k++) {
			if (has_kid(f, t->kids[k]))
				continue;
			if (!shown)
				cli_printf(o, "%s\n", t->head);
			shown = true;
			cli_printf(o, " +%s\n", t->kids[k]);
			n++;
		}
		for (size_t k = 0; k < f->nkids; k++) {
			if (has_kid(t, f->kids[k]))
				continue;
			if (!shown)
				cli_printf(o, "%s\n", t->head);
			shown = true;
			cli_printf(o, " -%s\n", f->kids[k]);
			n++;
		}
	}
	for (size_t i = 0; i < a.n; i++) {
		const struct stanza *f = &a.v[i];

		if (find(&b, f->head))
			continue;
		cli_printf(o, "-%s\n", f->head);
		n++;
		for (size_t k = 0; k < f->nkids; k++, n++)
			cli_printf(o, " -%s\n", f->kids[k]);
	}
	config_free(&a);
	config_free(&b);
	return n;
}

/* ---- the plan ----------------------------------------------------------------- */

struct step {
	char *text;
	bool top;   /* run in global configuration */
	bool enter; /* only enters a mode: no change */
};

struct plan {
	struct step *v;
	size_t n;
	size_t changes;
};

static void step(struct plan *p, const char *text, bool top, bool enter)
{
	p->v = realloc(p->v, (p->n + 1) * sizeof(*p->v));
	if (!p->v)
		abort();
	p->v[p->n++] = (struct step){ xstrdup(text), top, enter };
	p->changes += !enter;
}

static void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
}

struct toggle {
	const char *on, *off;
};

static const struct toggle toggles[] = {
	{ "shutdown", "no shutdown" },
	{ "ip routing", "no ip routing" },
	{ "ipv6 unicast-routing", "no ipv6 unicast-routing" },
	{ "service shell", "no service shell" },
};

static const struct toggle *toggle_of(const char *line)
{
	for (size_t i = 0; i < sizeof(toggles) / sizeof(*toggles); i++)
		if (!strcmp(line, toggles[i].on) ||
		    !strcmp(line, toggles[i].off))
			return &toggles[i];
	return NULL;
}

/* The command that takes line away, or "" when nothing need be sent
 * (the other side sets it anyway). */
static void negation(const char *line, char *out, size_t size)
{
	static const char *const whole[] = {
		"description", "mtu",	   "bridge-group",  "vrf forwarding",
		"rd",	       "hostname", "enable secret", "banner motd"
	};
	char word[64];
	size_t n;

	for (size_t i = 0; i < sizeof(whole) / sizeof(*whole); i++) {
		n = strlen(whole[i]);
		if (!strncmp(line, whole[i], n) &&
		    (!line[n] || line[n] == ' ')) {
			snprintf(out, size, "no %s", whole[i]);
			return;
		}
	}
	if (starts(line, "type ") || starts(line, "address-family ") ||
	    !strcmp(line, "exit-address-family")) {
		*out = '\0';
		return;
	}
	/* ' ip address A M secondary' goes as 'no ip address A M' */
	if (starts(line, "ip address ")) {
		snprintf(out, size, "no %s", line);
		n = strlen(out);
		if (n > 10 && !strcmp(out + n - 10, " secondary"))
			out[n - 10] = '\0';
		return;
	}
	/* an access list's entry goes by its sequence number */
	n = strspn(line, "0123456789");
	if (n && line[n] == ' ') {
		snprintf(word, sizeof(word), "%.*s", (int)n, line);
		snprintf(out, size, "no %s", word);
		return;
	}
	if (starts(line, "no "))
		snprintf(out, size, "%s", line + 3);
	else
		snprintf(out, size, "no %s", line);
}

/* A setting of one value (a description, the MTU, the VRF of an
 * interface...) that the target sets to another: setting it is enough. */
static bool superseded(const char *kid, const struct stanza *t)
{
	static const char *const one[] = { "description ", "mtu ",
					   "bridge-group ", "vrf forwarding ",
					   "rd " };

	for (size_t i = 0; t && i < sizeof(one) / sizeof(*one); i++) {
		if (!starts(kid, one[i]))
			continue;
		for (size_t k = 0; k < t->nkids; k++)
			if (starts(t->kids[k], one[i]))
				return true;
	}
	return false;
}

/* A toggle that one side has and the other lacks returns to the kind's
 * default: a loopback or a VRF's lo is up, anything else down; shell
 * allowed; forwarding off. */
static const char *toggle_default(const struct toggle *t,
				  const struct stanza *st)
{
	if (!strcmp(t->on, "shutdown"))
		return st && strstr(st->head, "lo") &&
				       (!strcmp(st->head + strlen(st->head) - 3,
						"/lo") ||
					!strcmp(st->head, "interface lo")) ?
			       t->off :
			       t->on;
	if (!strcmp(t->on, "service shell"))
		return t->on;
	return t->off;
}

static bool top_has(const struct config *c, const char *prefix)
{
	for (size_t i = 0; i < c->n; i++)
		if (starts(c->v[i].head, prefix))
			return true;
	return false;
}

static bool vrf_goes(const struct config *run, const struct config *tgt,
		     const char *vrf)
{
	char head[NET_VRF_NAME_MAX + 32];

	if (!*vrf)
		return false;
	snprintf(head, sizeof(head), "vrf definition %s", vrf);
	return find(run, head) && !find(tgt, head);
}

/* Is interface stanza f to be made again (its kind changed)? */
static bool remade(const struct stanza *f, const struct stanza *t)
{
	if (!f || !t || f->rank != R_IF)
		return false;
	if (f->maker || t->maker) /* made with its maker */
		return (!f->maker != !t->maker) ||
		       strcmp(f->maker->head, t->maker->head) ||
		       strcmp(f->maker->type, t->maker->type);
	if (!f->type != !t->type)
		return true;
	return f->type && strcmp(f->type, t->type);
}

/* What goes of stanza f (of the running configuration), t its match in
 * the target or NULL. */
static void plan_removal(struct plan *p, const struct config *run,
			 const struct config *tgt, const struct stanza *f,
			 const struct stanza *t)
{
	bool entered = false, virt = f->type != NULL;
	char neg[2100];

	/* it goes with its VRF, or with the end that made its pair */
	if (vrf_goes(run, tgt, f->owner) && f->rank != R_VRF)
		return;
	if (f->maker && (!find(tgt, f->maker->head) ||
			 remade(f->maker, find(tgt, f->maker->head))))
		return;
	if (f->maker && remade(f, t))
		return;
	if (!t && f->nkids == 0) {
		const struct toggle *tg = toggle_of(f->head);

		if (tg) {
			/* the target's own line comes in the additions */
			if (!find(tgt, tg->on) && !find(tgt, tg->off) &&
			    strcmp(toggle_default(tg, NULL), f->head))
				step(p, toggle_default(tg, NULL), true, false);
			return;
		}
		if ((starts(f->head, "hostname ") &&
		     top_has(tgt, "hostname ")) ||
		    (starts(f->head, "enable secret ") &&
		     top_has(tgt, "enable secret ")))
			return; /* the target's own value replaces it */
		negation(f->head, neg, sizeof(neg));
		if (*neg)
			step(p, neg, true, false);
		return;
	}
	if (!t && (f->rank == R_VRF || f->rank == R_ACL ||
		   (f->rank == R_IF && (virt || f->maker)))) {
		snprintf(neg, sizeof(neg), "no %s", f->head);
		step(p, neg, true, false);
		return;
	}
	if (remade(f, t)) {
		/* made again as the target has it */
		snprintf(neg, sizeof(neg), "no %s", f->head);
		step(p, neg, true, false);
		return;
	}
	/* line by line: what the target lacks */
	for (size_t k = 0; k < f->nkids; k++) {
		const char *kid = f->kids[k];
		const struct toggle *tg = toggle_of(kid);

		if (has_kid(t, kid))
			continue;
		if (tg) {
			if (has_kid(t, tg->on) || has_kid(t, tg->off) ||
			    !strcmp(toggle_default(tg, f), kid))
				continue;
			snprintf(neg, sizeof(neg), "%s", toggle_default(tg, f));
		} else if (!strcmp(kid, "no ip address")) {
			snprintf(neg, sizeof(neg),
				 "ip address 127.0.0.1 255.0.0.0");
		} else if (starts(kid, "ip address ") && t && f->rank == R_IF &&
			   !strstr(kid, " secondary")) {
			/* a new primary replaces it: nothing to send */
			bool other = false;

			for (size_t j = 0; j < t->nkids; j++)
				other |= starts(t->kids[j], "ip address ") &&
					 !strstr(t->kids[j], " secondary");
			if (other)
				continue;
			negation(kid, neg, sizeof(neg));
		} else if (starts(kid, "ip address ") ||
			   starts(kid, "ipv6 address ")) {
			/* a move to another VRF takes them anyway */
			if (t && strcmp(f->owner, t->owner))
				continue;
			negation(kid, neg, sizeof(neg));
		} else if (superseded(kid, t)) {
			continue; /* the target's own value replaces it */
		} else {
			negation(kid, neg, sizeof(neg));
		}
		if (!*neg)
			continue;
		if (!entered)
			step(p, f->head, true, true);
		entered = true;
		step(p, neg, false, false);
	}
}

/* What comes of stanza t (of the target), f its match in the running
 * configuration or NULL (or made again). */
static void plan_addition(struct plan *p, const struct stanza *t,
			  const struct stanza *f)
{
	bool entered = false, moved = f && strcmp(f->owner, t->owner);

	if (t->nkids == 0) {
		if (!f)
			step(p, t->head, true, false);
		return;
	}
	if (!f) {
		step(p, t->head, true, t->rank == R_IF || t->rank == R_VRF);
		entered = true;
	}
	for (size_t k = 0; k < t->nkids; k++) {
		const char *kid = t->kids[k];
		bool readd = moved && (starts(kid, "ip address ") ||
				       starts(kid, "ipv6 address "));

		if (f && has_kid(f, kid) && !readd)
			continue;
		if (!strcmp(kid, "exit-address-family")) {
			if (entered)
				step(p, kid, false, true);
			continue;
		}
		if (!entered)
			step(p, t->head, true, true);
		entered = true;
		step(p, kid, false, starts(kid, "address-family "));
	}
}

static void plan_make(struct plan *p, const struct config *run,
		      const struct config *tgt)
{
	for (int r = R_COUNT - 1; r >= 0; r--)
		for (size_t i = run->n; i-- > 0;) {
			const struct stanza *f = &run->v[i];

			if ((int)f->rank == r)
				plan_removal(p, run, tgt, f,
					     find(tgt, f->head));
		}
	for (int r = 0; r < R_COUNT; r++)
		for (size_t i = 0; i < tgt->n; i++) {
			const struct stanza *t = &tgt->v[i];
			const struct stanza *f = find(run, t->head);

			if ((int)t->rank != r)
				continue;
			if (remade(f, t) ||
			    vrf_goes(run, tgt, f ? f->owner : ""))
				f = NULL;
			plan_addition(p, t, f);
		}
}

/* ---- applying ----------------------------------------------------------------- */

/* Runs the plan in global configuration; the index of the step that
 * failed, or -1. */
static long apply(struct cli_session *s, struct cli_out *o,
		  const struct plan *p)
{
	unsigned before = s->queued_failures;
	bool keep = s->keep_going;

	s->keep_going = false;
	for (size_t i = 0; i < p->n; i++) {
		const struct step *st = &p->v[i];

		if (st->top)
			cli_enter(s, MODE_CONFIG, NULL, NULL);
		if (o)
			cli_printf(o, "%s%s\n", st->top ? "" : " ", st->text);
		if (cli_exec(s, st->text) || s->queued_failures != before) {
			s->keep_going = keep;
			return (long)i;
		}
	}
	if (cli_flush(s) || s->queued_failures != before) {
		s->keep_going = keep;
		return (long)p->n;
	}
	s->keep_going = keep;
	return -1;
}

/* The plan from the running configuration to target. */
static int plan_to(struct cli_session *s, const char *target, size_t len,
		   struct plan *p, char **before, size_t *blen)
{
	struct config run, tgt;

	memset(p, 0, sizeof(*p));
	if (cfg_running_text(s, before, blen))
		return -1;
	parse(*before, *blen, &run);
	parse(target, len, &tgt);
	plan_make(p, &run, &tgt);
	config_free(&run);
	config_free(&tgt);
	return 0;
}

int replace_config(struct cli_session *s, struct cli_out *o, const char *target,
		   size_t len)
{
	struct plan p, back;
	char *before, *now;
	size_t blen, nlen;
	long failed;

	unsigned long k0;

	if (plan_to(s, target, len, &p, &before, &blen))
		return -1;
	k0 = net_changes() + net_nft_changes();
	failed = apply(s, o, &p);
	if (failed < 0) {
		if (o)
			cli_printf(o,
				   "Total number of changes: %zu (%lu kernel "
				   "requests)\nRollback Done\n",
				   p.changes,
				   net_changes() + net_nft_changes() - k0);
		plan_free(&p);
		free(before);
		cli_end(s);
		return 0;
	}
	/* back to where it was */
	cli_error(s,
		  "Error: configure replace failed at '%s': rolling back "
		  "to the configuration before",
		  (size_t)failed < p.n ? p.v[failed].text : "the last step");
	plan_free(&p);
	if (plan_to(s, before, blen, &back, &now, &nlen) ||
	    apply(s, NULL, &back) >= 0) {
		cli_error(s, "Error: the rollback failed too: the running "
			     "configuration is between the two");
		if (back.v)
			plan_free(&back);
		free(before);
		free(now);
		cli_end(s);
		return -1;
	}
	plan_free(&back);
	free(before);
	free(now);
	cli_end(s);
	return -1;
}
