/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * static.c - static routes as intent (static.h): changes applied to the
 * in-memory record at once, then at each flush one pass that makes every
 * kernel route of the record what its usable next hops give, queued as
 * one batch of requests; failures are traced back to the change that
 * caused them and undone; then each changed record is written once.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netns.h"
#include "nl.h"
#include "state.h"
#include "static_int.h"

/* One change, in the order made. */
struct op {
	net_done_fn fn;
	void *ctx;
	struct vctx *v;
	bool del;
	bool undone;
	bool cancelled;
	unsigned char old_proto, new_proto; /* add: the group's */
	uint32_t group;			    /* add: its group */
	uint32_t entry;			    /* add: the new entry, or NONE */
	uint32_t first, n; /* del: removed entries, in removed[] */
	uint32_t error;	   /* 1 + index in errs, 0 none */
};

/* One kernel request of a flush. */
struct req {
	struct vctx *v;
	uint32_t group;
	enum net_route_op op;
	bool failed;
	bool ahead;	/* sent before the flush (see send_ahead) */
	uint32_t error; /* 1 + index in errs */
};

static struct {
	struct vctx *ctxs; /* in the order first used */
	int lock;	   /* of the "static" record, -1 none */
	struct op *ops;
	uint32_t nops, capops;
	uint32_t *removed;
	uint32_t nremoved, capremoved;
	struct req *reqs;
	uint32_t nreqs, capreqs;
	uint32_t ahead; /* the first change not yet sent ahead */
	struct net_err *errs;
	uint32_t nerrs, caperrs;
	struct net_static_report *report;
	struct net_static_stats stats;
} S = { .lock = -1 };

static struct net_static_report no_report;

static void *grow_array(void *p, uint32_t *cap, uint32_t n, size_t size)
{
	uint32_t c = *cap ? *cap * 2 : 64;

	if (n < *cap)
		return p;
	p = realloc(p, (size_t)c * size);
	if (!p) {
		fputs("vrfsh: out of memory\n", stderr);
		abort();
	}
	*cap = c;
	return p;
}

static uint32_t keep_err(const struct net_err *e)
{
	S.errs = grow_array(S.errs, &S.caperrs, S.nerrs, sizeof(*S.errs));
	S.errs[S.nerrs++] = *e;
	return S.nerrs;
}

static bool no_nh(enum net_static_kind k)
{
	return k == NET_STATIC_NULL0 || k == NET_STATIC_UNREACHABLE ||
	       k == NET_STATIC_PROHIBIT;
}

/* ---- contexts ------------------------------------------------------ */

static struct vctx *ctx_find(const char *vrf)
{
	const char *key = netns_key(vrf);

	for (struct vctx *v = S.ctxs; v; v = v->next)
		if (!strcmp(v->vrf, key))
			return v;
	return NULL;
}

static void release(void)
{
	while (S.ctxs) {
		struct vctx *v = S.ctxs;

		S.ctxs = v->next;
		vctx_free(v);
	}
	if (S.lock >= 0)
		net_state_unlock(S.lock);
	S.lock = -1;
	S.nops = S.nremoved = S.nreqs = S.nerrs = S.ahead = 0;
}

/* The context of vrf, loaded (under the lock) on first use. */
static int ctx_get(const char *vrf, struct vctx **out, struct net_err *err)
{
	struct vctx *v = ctx_find(vrf), **pp;
	int ret;

	if (v) {
		*out = v;
		return 0;
	}
	if (S.lock < 0) {
		ret = net_state_lock(NET_STATIC_RECORD, true, err);
		if (ret < 0)
			return ret;
		S.lock = ret;
	}
	ret = vctx_load(vrf, true, &v, err);
	S.stats.dumps++;
	if (ret < 0) {
		if (!S.ctxs)
			release();
		return ret;
	}
	for (pp = &S.ctxs; *pp; pp = &(*pp)->next)
		;
	*pp = v;
	*out = v;
	return 0;
}

/* ---- kernel requests ------------------------------------------------- */

static void req_done(void *ctx, const struct net_err *err)
{
	struct req *q = &S.reqs[(uintptr_t)ctx];

	if (err->code) {
		q->failed = true;
		q->error = keep_err(err);
	}
}

/* The route that identifies group g's slot, to delete it. */
static void slot_route(const struct vctx *v, uint32_t g, const struct kroute *k,
		       struct net_route *r)
{
	memset(r, 0, sizeof(*r));
	r->family = v->g[g].family;
	r->dst = v->g[g].dst;
	r->plen = v->g[g].plen;
	r->metric = v->g[g].distance;
	r->protocol = k->protocol;
	r->table = NET_TABLE_MAIN;
}

static void count(enum net_route_op op)
{
	struct net_static_report *rep = S.report ? S.report : &no_report;

	S.stats.requests++;
	if (op == NET_ROUTE_ADD)
		rep->added++;
	else if (op == NET_ROUTE_REPLACE)
		rep->replaced++;
	else
		rep->deleted++;
}

static void note_failure(const struct vctx *v, const struct net_err *e)
{
	struct net_static_report *rep = S.report ? S.report : &no_report;

	if (!rep->failed++) {
		rep->first = *e;
		snprintf(rep->first_vrf, sizeof(rep->first_vrf), "%s", v->vrf);
	}
}

/* How sync_group sends: now, queued for the flush, or ahead of it. */
enum sync_mode {
	SYNC_NOW,
	SYNC_QUEUE,
	SYNC_AHEAD,
};

/*
 * Makes group g's kernel route what it wants: nothing when equal, else
 * one request, sent now or queued.  A slot held by another protocol is
 * a failure without a request (SYNC_AHEAD: left to the flush).  A
 * request sent ahead counts as done in the snapshot at once; should it
 * fail, the flush reads the kernel's table again.  Returns -1 when a
 * request sent now failed (*e filled), else 0.
 */
static int sync_group(struct vctx *v, uint32_t g, enum sync_mode mode,
		      struct net_err *e)
{
	const struct group *gr = &v->g[g];
	uint32_t ks =
		kroute_slot(v, gr->family, &gr->dst, gr->plen, gr->distance);
	const struct kroute *k = ks == NONE ? NULL : &v->k[ks];
	struct net_route want;
	bool have = group_desired(v, g, &want);
	enum net_route_op op;
	int ret;

	if (k && !kroute_ours(k)) {
		if (!have || mode == SYNC_AHEAD)
			return 0;
		net_err_set(e, EEXIST,
			    "A route of protocol %u holds this "
			    "prefix and distance",
			    k->protocol);
		v->g[g].failed = true;
		v->g[g].fail = keep_err(e);
		return mode == SYNC_QUEUE ? 0 : -1;
	}
	if ((!have && !k) || (have && k && kroute_equal(v, k, &want)))
		return 0;
	op = !have ? NET_ROUTE_DEL : k ? NET_ROUTE_REPLACE : NET_ROUTE_ADD;
	if (!have)
		slot_route(v, g, k, &want);
	if (mode != SYNC_NOW) {
		S.reqs = grow_array(S.reqs, &S.capreqs, S.nreqs,
				    sizeof(*S.reqs));
		S.reqs[S.nreqs] =
			(struct req){ v, g, op, false, mode == SYNC_AHEAD, 0 };
		ret = net_route_request(v->vrf, &want, op, req_done,
					(void *)(uintptr_t)S.nreqs, e);
		S.nreqs++;
		if (ret < 0) {
			S.reqs[S.nreqs - 1].failed = true;
			S.reqs[S.nreqs - 1].error = keep_err(e);
		} else if (mode == SYNC_AHEAD) {
			kroute_apply(v, &want, op);
		}
		return 0;
	}
	ret = net_route_request(v->vrf, &want, op, NULL, NULL, e);
	if (ret < 0)
		return -1;
	count(op);
	kroute_apply(v, &want, op);
	return 0;
}

/* Sends now whatever every group of v still needs; failures go to the
 * report. */
static void sync_all_now(struct vctx *v)
{
	struct net_err e = { 0 };

	for (uint32_t g = 0; g < v->ng; g++) {
		v->g[g].failed = false;
		if (sync_group(v, g, SYNC_NOW, &e) < 0)
			note_failure(v, &e);
	}
}

/* After the queued requests are answered: the snapshot follows what
 * worked; groups remember what failed.  A request sent ahead is in the
 * snapshot already; when it failed, the snapshot is wrong about its VRF
 * (read again before the flush looks at it). */
static void take_results(void)
{
	for (uint32_t i = 0; i < S.nreqs; i++) {
		struct req *q = &S.reqs[i];
		struct vctx *v = q->v;
		struct net_route r;

		if (q->ahead) {
			if (q->failed)
				v->reread = true;
			else
				count(q->op);
			continue;
		}
		if (q->failed) {
			v->g[q->group].failed = true;
			v->g[q->group].fail = q->error;
			continue;
		}
		count(q->op);
		if (!group_desired(v, q->group, &r)) {
			uint32_t ks = kroute_slot(v, v->g[q->group].family,
						  &v->g[q->group].dst,
						  v->g[q->group].plen,
						  v->g[q->group].distance);

			if (ks == NONE)
				continue;
			slot_route(v, q->group, &v->k[ks], &r);
		}
		kroute_apply(v, &r, q->op);
	}
	S.nreqs = 0;
}

/* ---- undoing and redoing changes ----------------------------------- */

/* The record as it is formatted, dropped when it changes. */
static void drop_text(struct vctx *v)
{
	free(v->text);
	v->text = NULL;
}

static void op_undo(struct op *o)
{
	struct vctx *v = o->v;

	if (o->undone)
		return;
	o->undone = true;
	drop_text(v);
	v->changed = v->dirty = true;
	if (o->del) {
		for (uint32_t i = 0; i < o->n; i++)
			entry_revive(v, S.removed[o->first + i]);
		return;
	}
	if (o->entry != NONE)
		entry_kill(v, o->entry);
	v->g[o->group].protocol = o->old_proto;
	v->gen++;
}

static void op_redo(struct op *o)
{
	struct vctx *v = o->v;

	if (!o->undone)
		return;
	o->undone = false;
	drop_text(o->v);
	if (o->del) {
		for (uint32_t i = 0; i < o->n; i++)
			entry_kill(v, S.removed[o->first + i]);
		return;
	}
	if (o->entry != NONE)
		entry_revive(v, o->entry);
	v->g[o->group].protocol = o->new_proto;
	v->gen++;
}

static bool op_touches(const struct op *o, const struct vctx *v, uint32_t g)
{
	if (o->v != v)
		return false;
	if (!o->del)
		return o->group == g;
	for (uint32_t i = 0; i < o->n; i++)
		if (v->e[S.removed[o->first + i]].group == g)
			return true;
	return false;
}

static void blame(struct op *o, uint32_t error)
{
	o->error = error;
	op_undo(o);
}

/* Several changes made group g fail together: try them one at a time,
 * now, to find which one the kernel refuses. */
static void probe(struct vctx *v, uint32_t g, uint32_t error)
{
	struct net_err e = { 0 };
	bool any = false;

	for (uint32_t i = S.nops; i-- > 0;)
		if (op_touches(&S.ops[i], v, g) && S.ops[i].error == 0)
			op_undo(&S.ops[i]);
	sync_group(v, g, SYNC_NOW, &e); /* back to how it was */
	for (uint32_t i = 0; i < S.nops; i++) {
		struct op *o = &S.ops[i];

		if (!op_touches(o, v, g) || o->error || o->cancelled)
			continue;
		op_redo(o);
		if (sync_group(v, g, SYNC_NOW, &e) < 0) {
			blame(o, keep_err(&e));
			any = true;
		}
	}
	if (!any) /* refused together only: the last one is it */
		for (uint32_t i = S.nops; i-- > 0;)
			if (op_touches(&S.ops[i], v, g) && !S.ops[i].undone) {
				blame(&S.ops[i], error);
				break;
			}
}

/* Which change made each failed group fail. */
static void attribute(void)
{
	for (struct vctx *v = S.ctxs; v; v = v->next) {
		for (uint32_t g = 0; g < v->ng; g++) {
			uint32_t n = 0, last = NONE;

			if (!v->g[g].failed)
				continue;
			for (uint32_t i = 0; i < S.nops; i++)
				if (op_touches(&S.ops[i], v, g) &&
				    !S.ops[i].undone) {
					n++;
					last = i;
				}
			if (n == 0)
				note_failure(v, &S.errs[v->g[g].fail - 1]);
			else if (n == 1 || v->reread) /* (no probing there) */
				blame(&S.ops[last], v->g[g].fail);
			else
				probe(v, g, v->g[g].fail);
		}
	}
}

/* After a failure, a batch that stops there keeps nothing after it. */
static void cancel_after_failure(void)
{
	uint32_t first = NONE;

	for (uint32_t i = 0; i < S.nops && first == NONE; i++)
		if (S.ops[i].error)
			first = i;
	if (first == NONE)
		return;
	for (uint32_t i = S.nops; i-- > first + 1;) {
		if (S.ops[i].error)
			continue;
		S.ops[i].cancelled = true;
		op_undo(&S.ops[i]);
	}
}

static void report_ops(void)
{
	static const struct net_err ok = { 0, "", NULL };
	struct net_err cancelled = { 0 };

	net_err_set(&cancelled, ECANCELED, "%s",
		    "not applied: an earlier change failed");
	for (uint32_t i = 0; i < S.nops; i++) {
		struct op *o = &S.ops[i];

		if (!o->fn)
			continue;
		if (o->error)
			o->fn(o->ctx, &S.errs[o->error - 1]);
		else if (o->cancelled)
			o->fn(o->ctx, &cancelled);
		else
			o->fn(o->ctx, &ok);
	}
}

static bool any_entry(const struct vctx *v)
{
	for (uint32_t i = 0; i < v->ne; i++)
		if (!v->e[i].dead)
			return true;
	return false;
}

static int write_record(struct vctx *v, struct net_err *err)
{
	char *text;
	size_t len;
	int ret;

	S.stats.writes++;
	if (!any_entry(v))
		return net_state_remove(v->vrf, NET_STATIC_RECORD, err);
	if (v->text) {
		text = v->text;
		len = v->textlen;
		v->text = NULL;
	} else {
		vctx_format(v, &text, &len);
	}
	ret = net_state_write(v->vrf, NET_STATIC_RECORD, text, len, err);
	free(text);
	return ret;
}

/* ---- flushing ------------------------------------------------------ */

static bool any_failed_group(void)
{
	for (struct vctx *v = S.ctxs; v; v = v->next)
		for (uint32_t g = 0; g < v->ng; g++)
			if (v->g[g].failed)
				return true;
	return false;
}

static uint32_t failed_ops(void)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < S.nops; i++)
		n += S.ops[i].error != 0;
	return n;
}

/* Queues what every group of a changed VRF (v NULL: of each) still
 * needs, then sends it and takes the outcomes.  While the kernel works,
 * the changed records are formatted: written as they are unless a
 * failure undoes a change. */
static void sync_queued(struct vctx *only)
{
	struct net_err e = { 0 };

	for (struct vctx *v = S.ctxs; v; v = v->next) {
		if ((only && v != only) ||
		    (!v->changed && !v->dirty && !v->reconcile))
			continue;
		for (uint32_t g = 0; g < v->ng; g++)
			sync_group(v, g, SYNC_QUEUE, &e);
	}
	for (struct vctx *v = S.ctxs; v; v = v->next)
		if (!v->text && v->changed && (!only || v == only))
			vctx_format(v, &v->text, &v->textlen);
	net_flush(&e); /* a batch not answered: its requests failed */
	take_results();
}

/* A VRF where a request sent ahead failed: the snapshot is read again
 * and the VRF synced from the kernel as it is, as if nothing had been
 * sent ahead. */
static int sync_reread(struct net_err *err)
{
	struct net_err e = { 0 };
	int ret = 0;

	for (struct vctx *v = S.ctxs; v; v = v->next) {
		if (!v->reread)
			continue;
		for (uint32_t g = 0; g < v->ng; g++)
			v->g[g].failed = false;
		S.stats.dumps++;
		if (vctx_read_kernel(v, &e) < 0) {
			/* what the kernel holds is unknown (reread stays
			 * set: nothing more is sent); its changes fail */
			for (uint32_t g = 0; g < v->ng; g++) {
				if (!v->g[g].touched)
					continue;
				v->g[g].failed = true;
				v->g[g].fail = keep_err(&e);
			}
			if (ret == 0)
				ret = net_err_set(err, e.code, "%s", e.msg);
			continue;
		}
		v->reread = false;
		sync_queued(v);
	}
	return ret;
}

int net_static_flush(bool stop_at_failure, struct net_err *err)
{
	int ret, wret = 0;
	uint32_t failed;

	/* queued behind what went ahead, against the snapshot that counts
	 * it done: computed while the kernel still works on it */
	sync_queued(NULL);
	ret = sync_reread(err);
	if (any_failed_group()) {
		attribute();
		if (stop_at_failure)
			cancel_after_failure();
		for (struct vctx *v = S.ctxs; v; v = v->next)
			if (v->dirty && !v->reread)
				sync_all_now(v);
	}
	report_ops();
	failed = failed_ops();
	for (struct vctx *v = S.ctxs; v && wret == 0; v = v->next)
		if (v->changed)
			wret = write_record(v, err);
	if (wret < 0)
		ret = wret;
	release();
	return ret < 0 ? ret : (int)failed;
}

void net_static_abort(void)
{
	net_flush(NULL); /* what went ahead: its outcomes are not wanted */
	release();
}

/*
 * A long batch of changes (a file of routes) is sent ahead while it is
 * read: every AHEAD_OPS changes, the groups they changed are synced as
 * they are now, so that the kernel works on them while the next lines
 * are parsed (nl.c sends full batches from a thread of their own).  The
 * flush still looks at every group: what changed again since, or was
 * refused, goes in the flush as before, and failures are traced back
 * and undone as before.  A group changed by several lines close
 * together costs one request.
 */
#define AHEAD_OPS 256

/* The groups that change o touched: how many, and the j-th. */
static uint32_t op_ngroups(const struct op *o)
{
	return o->del ? o->n : 1;
}

static uint32_t op_group(const struct op *o, uint32_t j)
{
	return o->del ? o->v->e[S.removed[o->first + j]].group : o->group;
}

static void send_ahead(void)
{
	static int at_end = -1; /* the slow twin, for the tests */
	struct net_err e = { 0 };

	if (at_end < 0)
		at_end = getenv("VRFSH_STATIC_AT_END") != NULL;
	if (at_end || S.nops - S.ahead < AHEAD_OPS)
		return;
	/* a VRF at a time: its requests in batches of their own */
	for (struct vctx *v = S.ctxs; v; v = v->next) {
		for (uint32_t i = S.ahead; i < S.nops; i++) {
			const struct op *o = &S.ops[i];

			if (o->v != v)
				continue;
			for (uint32_t j = 0; j < op_ngroups(o); j++) {
				uint32_t g = op_group(o, j);

				if (v->g[g].ahead)
					continue;
				v->g[g].ahead = true;
				sync_group(v, g, SYNC_AHEAD, &e);
			}
		}
	}
	for (uint32_t i = S.ahead; i < S.nops; i++)
		for (uint32_t j = 0; j < op_ngroups(&S.ops[i]); j++)
			S.ops[i].v->g[op_group(&S.ops[i], j)].ahead = false;
	S.ahead = S.nops;
}

/* ---- changes -------------------------------------------------------- */

/* s with what its kind does not use zeroed, and the kernel's IPv6
 * metric for distance 0. */
static struct net_static normal(const struct net_static *in)
{
	struct net_static s;

	memset(&s, 0, sizeof(s));
	s.family = in->family;
	s.dst = in->dst;
	s.plen = in->plen;
	s.protocol = in->protocol;
	s.distance = in->distance;
	s.kind = in->kind;
	if (s.family == AF_INET6 && s.distance == 0)
		s.distance = 1024;
	if (s.kind == NET_STATIC_GW || s.kind == NET_STATIC_GW_DEV)
		s.gw = in->gw;
	if (s.kind == NET_STATIC_DEV || s.kind == NET_STATIC_GW_DEV)
		memcpy(s.ifname, in->ifname,
		       strnlen(in->ifname, NET_IFNAMSIZ - 1));
	if (s.family == AF_INET)
		memset((char *)&s.dst + 4, 0, sizeof(s.dst) - 4);
	if (s.family == AF_INET)
		memset((char *)&s.gw + 4, 0, sizeof(s.gw) - 4);
	return s;
}

static uint32_t push_op(struct vctx *v, net_done_fn fn, void *ctx)
{
	S.ops = grow_array(S.ops, &S.capops, S.nops, sizeof(*S.ops));
	S.ops[S.nops] = (struct op){
		.fn = fn, .ctx = ctx, .v = v, .entry = NONE, .group = NONE
	};
	v->changed = v->dirty = true;
	return S.nops++;
}

/* The kernel's static or boot route of the slot of key, taken into the
 * record (see static.h).  *g is its group (NONE: made here when there is
 * something to adopt). */
static int adopt_nh(struct vctx *v, uint32_t g, const struct kroute *k,
		    const struct knh *nh, struct net_err *err)
{
	const struct slink *l = link_by_index(v, nh->ifindex);
	struct net_static s, alone;
	struct knh out[NET_MAX_NEXTHOPS];
	bool rec;
	uint32_t e;

	memset(&s, 0, sizeof(s));
	s.family = k->family;
	s.dst = k->dst;
	s.plen = k->plen;
	s.distance = k->metric;
	s.protocol = k->protocol;
	if (!l)
		return net_err_set(err, EEXIST, "%s",
				   "A route to this prefix "
				   "and distance exists through an unknown "
				   "interface");
	memcpy(s.ifname, l->name, sizeof(s.ifname));
	s.kind = nh->has_gw ? NET_STATIC_GW_DEV : NET_STATIC_DEV;
	s.gw = nh->gw;
	e = entry_add(v, g, &s);
	if (!nh->has_gw ||
	    (s.family == AF_INET6 && IN6_IS_ADDR_LINKLOCAL(&s.gw.v6)))
		return 0;
	/* a gateway alone when it leads to the same link */
	alone = s;
	alone.kind = NET_STATIC_GW;
	memset(alone.ifname, 0, sizeof(alone.ifname));
	entry_set(v, e, &alone);
	if (entry_resolve(v, g, &v->e[e].s, out, &rec) != 1 ||
	    out[0].ifindex != nh->ifindex)
		entry_set(v, e, &s);
	return 0;
}

static int adopt(struct vctx *v, const struct net_static *key, uint32_t *g,
		 bool *adopted, struct net_err *err)
{
	uint32_t ks = kroute_slot(v, key->family, &key->dst, key->plen,
				  key->distance);
	const struct kroute *k;
	struct net_static s;
	int ret = 0;

	*adopted = false;
	if (ks == NONE || v->k[ks].taken)
		return 0;
	k = &v->k[ks];
	if (!kroute_ours(k))
		return net_err_set(err, EEXIST,
				   "A route of protocol %u holds "
				   "this prefix and distance",
				   k->protocol);
	if (k->type != NET_RT_UNICAST && k->type != NET_RT_BLACKHOLE &&
	    k->type != NET_RT_UNREACHABLE && k->type != NET_RT_PROHIBIT)
		return net_err_set(err, EEXIST,
				   "A route of type %u holds "
				   "this prefix and distance",
				   k->type);
	if (*g == NONE)
		*g = group_add(v, key, k->protocol);
	v->g[*g].protocol = k->protocol;
	if (k->type != NET_RT_UNICAST) {
		s = *key;
		memset(&s.gw, 0, sizeof(s.gw));
		memset(s.ifname, 0, sizeof(s.ifname));
		s.kind = k->type == NET_RT_BLACKHOLE ? NET_STATIC_NULL0 :
			 k->type == NET_RT_UNREACHABLE ?
						       NET_STATIC_UNREACHABLE :
						       NET_STATIC_PROHIBIT;
		entry_add(v, *g, &s);
	}
	for (int i = 0; k->type == NET_RT_UNICAST && i < k->nnh && !ret; i++)
		ret = adopt_nh(v, *g, k, &v->knh[k->nh + (uint32_t)i], err);
	if (ret < 0) {
		while (v->g[*g].first != NONE)
			entry_kill(v, v->g[*g].first);
		return ret;
	}
	*adopted = true;
	v->k[ks].taken = true;
	v->changed = true;
	return 0;
}

/* Does entry e lead to exactly the next hops that s does? */
static bool same_result(struct vctx *v, uint32_t g, uint32_t e,
			const struct net_static *s)
{
	struct knh a[NET_MAX_NEXTHOPS], b[NET_MAX_NEXTHOPS];
	bool rec;
	int na = entry_resolve(v, g, &v->e[e].s, a, &rec);
	int nb = entry_resolve(v, g, s, b, &rec);

	return na == 1 && nb == 1 && a[0].ifindex == b[0].ifindex &&
	       a[0].has_gw == b[0].has_gw &&
	       !memcmp(&a[0].gw, &b[0].gw, sizeof(a[0].gw));
}

/* The kernel differs from what group g wants? */
static bool group_differs(struct vctx *v, uint32_t g)
{
	const struct group *gr = &v->g[g];
	uint32_t ks =
		kroute_slot(v, gr->family, &gr->dst, gr->plen, gr->distance);
	struct net_route want;
	bool have = group_desired(v, g, &want);

	if (ks == NONE)
		return have;
	if (!kroute_ours(&v->k[ks]))
		return false; /* not ours to change */
	return !have || !kroute_equal(v, &v->k[ks], &want);
}

static enum net_static_state entry_state(struct vctx *v, uint32_t g,
					 const struct net_static *s)
{
	struct knh out[NET_MAX_NEXTHOPS];
	bool rec;

	if (no_nh(s->kind))
		return NET_STATIC_INSTALLED;
	group_resolve(v, g);
	return entry_resolve(v, g, s, out, &rec) > 0 ? NET_STATIC_INSTALLED :
						       NET_STATIC_INACTIVE;
}

/* Already configured: the same entry, maybe another protocol. */
static int add_existing(struct vctx *v, uint32_t g, const struct net_static *s,
			enum net_static_state *state, net_done_fn fn, void *ctx)
{
	uint32_t o;

	if (state)
		*state = entry_state(v, g, s);
	if (v->g[g].protocol == s->protocol) {
		if (group_differs(v, g))
			v->dirty = true; /* the flush installs it */
		return 1;
	}
	o = push_op(v, fn, ctx);
	S.ops[o].group = g;
	S.ops[o].old_proto = v->g[g].protocol;
	S.ops[o].new_proto = s->protocol;
	v->g[g].protocol = s->protocol;
	v->g[g].touched = true;
	v->gen++;
	return 0;
}

/* The checks of a new next hop against its group. */
static int check_group(struct vctx *v, uint32_t g, const struct net_static *s,
		       struct net_err *err)
{
	if (g == NONE || !v->g[g].nent)
		return 0;
	if (no_nh(s->kind) || no_nh(v->e[v->g[g].first].s.kind))
		return net_err_set(err, EINVAL, "%s",
				   "Null0, unreachable and "
				   "prohibit take no other next hop for the "
				   "same prefix and distance");
	if (v->g[g].nent >= NET_STATIC_MAX_NH)
		return net_err_set(err, E2BIG,
				   "At most %d next hops for one "
				   "prefix and distance",
				   NET_STATIC_MAX_NH);
	return 0;
}

static int add_new(struct vctx *v, uint32_t g, const struct net_static *s,
		   enum net_static_state *state, net_done_fn fn, void *ctx,
		   struct net_err *err)
{
	struct knh out[NET_MAX_NEXTHOPS];
	unsigned char old;
	uint32_t e, o;
	bool rec;
	int n;

	if (g == NONE)
		g = group_add(v, s, s->protocol);
	old = v->g[g].nent ? v->g[g].protocol : s->protocol;
	e = entry_add(v, g, s);
	v->g[g].protocol = s->protocol;
	v->loop = false;
	group_resolve(v, g);
	/* the group's own result is the entry's when it is the only one */
	if (no_nh(s->kind))
		n = 1;
	else if (v->g[g].nent == 1)
		n = (int)v->g[g].nres;
	else
		n = entry_resolve(v, g, s, out, &rec);
	if (n == 0 && v->loop) {
		entry_kill(v, e);
		v->g[g].protocol = old;
		return net_err_set(err, ELOOP, "%s",
				   "The next hop resolves "
				   "only through a loop of recursive routes");
	}
	if (state)
		*state = n > 0 ? NET_STATIC_INSTALLED : NET_STATIC_INACTIVE;
	o = push_op(v, fn, ctx);
	S.ops[o].group = g;
	S.ops[o].entry = e;
	S.ops[o].old_proto = old;
	S.ops[o].new_proto = s->protocol;
	v->g[g].touched = true;
	return 0;
}

/* The outcome of a change flushed at once. */
struct sync_result {
	bool done;
	struct net_err err;
};

static void sync_done(void *ctx, const struct net_err *err)
{
	struct sync_result *r = ctx;

	r->done = true;
	r->err = *err;
}

static int flush_now(struct sync_result *r, int ret, struct net_err *err)
{
	struct net_err e = { 0 };
	int fret = net_static_flush(true, &e);

	if (ret < 0)
		return ret;
	if (r->done && r->err.code)
		return net_err_set(err, r->err.code, "%s", r->err.msg);
	if (fret < 0)
		return net_err_set(err, e.code, "%s", e.msg);
	return ret;
}

static int add_locked(struct vctx *v, const struct net_static *s,
		      enum net_static_state *state, net_done_fn fn, void *ctx,
		      struct net_err *err)
{
	uint32_t g = group_find(v, s->family, &s->dst, s->plen, s->distance);
	bool adopted = false;
	int ret;

	if ((s->kind == NET_STATIC_GW || s->kind == NET_STATIC_GW_DEV) &&
	    is_local_addr(v, s->family, &s->gw))
		return net_err_set(err, EINVAL, "%s",
				   "Invalid next hop "
				   "address (it is this router's)");
	if (g == NONE || !v->g[g].nent) {
		ret = adopt(v, s, &g, &adopted, err);
		if (ret < 0)
			return ret;
	}
	for (uint32_t e = g == NONE ? NONE : v->g[g].first; e != NONE;
	     e = v->e[e].gnext) {
		if (static_same(&v->e[e].s, s))
			return add_existing(v, g, s, state, fn, ctx);
		if (adopted && v->g[g].protocol == s->protocol &&
		    same_result(v, g, e, s)) {
			/* as typed now; the kernel's route stays */
			entry_set(v, e, s);
			return add_existing(v, g, s, state, fn, ctx);
		}
	}
	ret = check_group(v, g, s, err);
	if (ret < 0)
		return ret;
	return add_new(v, g, s, state, fn, ctx, err);
}

int net_static_add(const char *vrf, const struct net_static *in,
		   enum net_static_state *state, net_done_fn fn, void *ctx,
		   struct net_err *err)
{
	struct net_static s = normal(in);
	struct sync_result r = { false, { 0 } };
	struct vctx *v;
	int ret;

	ret = static_check(&s, err);
	if (ret == 0)
		ret = ctx_get(vrf, &v, err);
	if (ret < 0)
		return ret;
	ret = add_locked(v, &s, state, fn ? fn : sync_done, fn ? ctx : &r, err);
	if (fn) {
		send_ahead();
		return ret;
	}
	return flush_now(&r, ret, err);
}

/* Does entry s match m (see NET_STATIC_MATCH_*)? */
static bool matches(const struct net_static *s, const struct net_static *m,
		    unsigned flags)
{
	bool mgw = m->kind == NET_STATIC_GW || m->kind == NET_STATIC_GW_DEV;
	bool mdev = m->kind == NET_STATIC_DEV || m->kind == NET_STATIC_GW_DEV;
	bool sgw = s->kind == NET_STATIC_GW || s->kind == NET_STATIC_GW_DEV;
	bool sdev = s->kind == NET_STATIC_DEV || s->kind == NET_STATIC_GW_DEV;

	if ((flags & NET_STATIC_MATCH_DISTANCE) && s->distance != m->distance)
		return false;
	if (!(flags & NET_STATIC_MATCH_NH))
		return true;
	if (no_nh(m->kind))
		return s->kind == m->kind;
	if (mgw && (!sgw || memcmp(&s->gw, &m->gw, sizeof(s->gw))))
		return false;
	return !mdev || (sdev && !strcmp(s->ifname, m->ifname));
}

/* The first static or boot route of the kernel at m's prefix (and
 * distance, when matched) that the record does not cover, or NONE. */
static uint32_t uncovered_at(const struct vctx *v, const struct net_static *m,
			     unsigned flags)
{
	uint32_t i = kroute_first_at(v, m->family, &m->dst, m->plen);

	for (; i != NONE; i = kroute_next_at(v, i)) {
		const struct kroute *k = &v->k[i];
		uint32_t g;

		if (!kroute_ours(k) || k->taken ||
		    ((flags & NET_STATIC_MATCH_DISTANCE) &&
		     k->metric != m->distance))
			continue;
		g = group_find(v, m->family, &m->dst, m->plen, k->metric);
		if (g == NONE || !v->g[g].nent)
			return i;
	}
	return NONE;
}

/* Every such route taken in (those that cannot be are left alone). */
static void adopt_prefix(struct vctx *v, const struct net_static *m,
			 unsigned flags)
{
	uint32_t i;

	while ((i = uncovered_at(v, m, flags)) != NONE) {
		struct net_static key = *m;
		struct net_err e = { 0 };
		uint32_t g;
		bool adopted;

		key.distance = v->k[i].metric;
		g = group_find(v, m->family, &m->dst, m->plen, key.distance);
		if (adopt(v, &key, &g, &adopted, &e) < 0 || !adopted ||
		    !v->g[g].nent)
			return;
	}
}

static int del_locked(struct vctx *v, const struct net_static *m,
		      unsigned flags, net_done_fn fn, void *ctx,
		      struct net_err *err)
{
	uint32_t first = S.nremoved, o;

	adopt_prefix(v, m, flags);
	for (uint32_t g = group_first_at(v, m->family, &m->dst, m->plen);
	     g != NONE; g = group_next_at(v, g)) {
		const struct group *gr = &v->g[g];

		for (uint32_t e = gr->first; e != NONE; e = v->e[e].gnext) {
			if (!matches(&v->e[e].s, m, flags))
				continue;
			S.removed = grow_array(S.removed, &S.capremoved,
					       S.nremoved, sizeof(*S.removed));
			S.removed[S.nremoved++] = e;
		}
	}
	if (S.nremoved == first)
		return net_err_set(err, ESRCH, "No matching route");
	for (uint32_t i = first; i < S.nremoved; i++) {
		v->g[v->e[S.removed[i]].group].touched = true;
		entry_kill(v, S.removed[i]);
	}
	o = push_op(v, fn, ctx);
	S.ops[o].del = true;
	S.ops[o].first = first;
	S.ops[o].n = S.nremoved - first;
	return 0;
}

int net_static_del(const char *vrf, const struct net_static *in, unsigned flags,
		   net_done_fn fn, void *ctx, struct net_err *err)
{
	struct net_static m = normal(in);
	struct sync_result r = { false, { 0 } };
	struct net_static key = m;
	struct vctx *v;
	int ret;

	/* the prefix must be sound; the next hop only when compared */
	key.kind = NET_STATIC_NULL0;
	key.protocol = NET_PROTO_STATIC;
	ret = static_check(&key, err);
	if (ret == 0 && (flags & NET_STATIC_MATCH_NH)) {
		key = m;
		key.protocol = NET_PROTO_STATIC;
		if (key.kind == NET_STATIC_GW && key.family == AF_INET6 &&
		    IN6_IS_ADDR_LINKLOCAL(&key.gw.v6))
			key.kind = NET_STATIC_GW_DEV; /* matched loosely */
		if (key.kind == NET_STATIC_GW_DEV && !key.ifname[0])
			memcpy(key.ifname, "x", 2);
		ret = static_check(&key, err);
	}
	if (ret == 0)
		ret = ctx_get(vrf, &v, err);
	if (ret < 0)
		return ret;
	ret = del_locked(v, &m, flags, fn ? fn : sync_done, fn ? ctx : &r, err);
	if (fn) {
		send_ahead();
		return ret;
	}
	return flush_now(&r, ret, err);
}

/* ---- reconciliation --------------------------------------------------- */

int net_static_touch(const char *vrf, struct net_err *err)
{
	struct vctx *v;
	int ret;

	if (!ctx_find(vrf) && !net_state_exists(vrf, NET_STATIC_RECORD))
		return 0;
	ret = ctx_get(vrf, &v, err);
	if (ret == 0)
		v->reconcile = true;
	return ret;
}

int net_static_reconcile(const char *vrf, struct net_static_report *report,
			 struct net_err *err)
{
	struct net_static_report mine = { 0 };
	struct net_names names = { NULL, 0 };
	struct net_err e = { 0 };
	int first = 0, ret;

	if (!report)
		report = &mine;
	if (vrf) {
		ret = net_static_touch(vrf, err);
		report->vrfs += ret == 0 && ctx_find(vrf);
		if (ret < 0)
			return ret;
	} else {
		ret = net_state_list(NET_STATIC_RECORD, &names, err);
		if (ret < 0 || names.n == 0)
			return ret;
		for (size_t i = 0; i < names.n; i++) {
			ret = net_static_touch(names.v[i], &e);
			if (ret < 0 && !first) {
				first = ret;
				*err = e;
			}
			report->vrfs += ret == 0;
		}
		net_names_free(&names);
		if (S.lock >= 0) /* and the records of VRFs gone */
			if (net_state_list(NET_STATIC_RECORD, &names, &e) == 0)
				net_names_free(&names);
	}
	S.report = report;
	ret = net_static_flush(false, first ? &e : err);
	S.report = NULL;
	if (ret < 0 && !first) {
		return ret;
	}
	return first;
}

/* ---- reading ---------------------------------------------------------- */

static const struct vctx *sort_v; /* for cmp_index */

static int key_cmp(const struct net_static *x, const struct net_static *y)
{
	int c;

	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	c = memcmp(&x->dst, &y->dst, x->family == AF_INET ? 4 : 16);
	if (c)
		return c;
	if (x->plen != y->plen)
		return x->plen < y->plen ? -1 : 1;
	if (x->distance != y->distance)
		return x->distance < y->distance ? -1 : 1;
	return 0;
}

/* By key, then in the order configured. */
static int cmp_index(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int c = key_cmp(&sort_v->e[x].s, &sort_v->e[y].s);

	return c ? c : (x > y) - (x < y);
}

static void fill_entry(struct vctx *v, uint32_t e, unsigned flags,
		       struct net_static_entry *out)
{
	uint32_t g = v->e[e].group;
	struct knh via[NET_MAX_NEXTHOPS];
	int n = 0;

	memset(out, 0, sizeof(*out));
	out->s = v->e[e].s;
	out->s.protocol = v->g[g].protocol;
	out->state = NET_STATIC_INACTIVE;
	if (!(flags & NET_STATIC_LIST_STATE))
		return;
	group_resolve(v, g);
	if (!no_nh(out->s.kind))
		n = entry_resolve(v, g, &out->s, via, &out->recursive);
	out->state = no_nh(out->s.kind) || n > 0 ? NET_STATIC_INSTALLED :
						   NET_STATIC_INACTIVE;
	for (int i = 0; i < n; i++) {
		out->via[i].has_gw = via[i].has_gw;
		out->via[i].gw = via[i].gw;
		out->via[i].ifindex = via[i].ifindex;
	}
	out->nvia = n;
}

int net_static_list(const char *vrf, unsigned flags,
		    struct net_static_list *out, struct net_err *err)
{
	struct vctx *v = ctx_find(vrf), *mine = NULL;
	uint32_t *idx, n = 0;
	int ret;

	out->v = NULL;
	out->n = 0;
	if (!v) {
		ret = vctx_load(vrf, flags & NET_STATIC_LIST_STATE, &mine, err);
		if (ret < 0)
			return ret;
		v = mine;
	} else if ((flags & NET_STATIC_LIST_STATE) && !v->links) {
		flags &= ~(unsigned)NET_STATIC_LIST_STATE;
	}
	idx = malloc(((size_t)v->ne + 1) * sizeof(*idx));
	out->v = calloc((size_t)v->ne + 1, sizeof(*out->v));
	if (!idx || !out->v) {
		free(idx);
		free(out->v);
		out->v = NULL;
		vctx_free(mine);
		return net_err_errno(err, ENOMEM);
	}
	for (uint32_t e = 0; e < v->ne; e++)
		if (!v->e[e].dead)
			idx[n++] = e;
	sort_v = v;
	qsort(idx, n, sizeof(*idx), cmp_index);
	for (uint32_t i = 0; i < n; i++)
		fill_entry(v, idx[i], flags, &out->v[i]);
	out->n = n;
	free(idx);
	vctx_free(mine);
	return 0;
}

void net_static_list_free(struct net_static_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

bool net_static_covers(const struct net_static_list *l,
		       const struct net_route *r)
{
	struct net_static key;
	size_t lo = 0, hi = l->n;

	if (r->table != NET_TABLE_MAIN ||
	    (r->protocol != NET_PROTO_STATIC && r->protocol != NET_PROTO_BOOT))
		return false;
	memset(&key, 0, sizeof(key));
	key.family = r->family;
	key.dst = r->dst;
	key.plen = r->plen;
	key.distance = r->metric;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = key_cmp(&l->v[mid].s, &key);

		if (!c)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

int net_static_index(const char *vrf, struct net_static_index **out,
		     struct net_err *err)
{
	const struct vctx *v = ctx_find(vrf);
	struct vctx *mine = NULL;
	int ret;

	*out = NULL;
	if (v) {
		*out = sindex_of_ctx(v);
		return 0;
	}
	/* VRFSH_STATIC_WHOLE: the record read whole by the context's
	 * reader, as net_static_list() reads it (tests compare the two) */
	if (!getenv("VRFSH_STATIC_WHOLE"))
		return sindex_read(vrf, out, err);
	ret = vctx_load(vrf, false, &mine, err);
	if (ret < 0)
		return ret;
	*out = sindex_of_ctx(mine);
	vctx_free(mine);
	return 0;
}

void net_static_stats(struct net_static_stats *out)
{
	*out = S.stats;
}
