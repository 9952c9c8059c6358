/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * acl.c - IOS access lists: the list modes (ip access-list standard |
 * extended NAME, ipv6 access-list NAME) and their entries, numbered
 * lists (access-list N ...), resequencing, their use on interfaces (ip
 * access-group, ipv6 traffic-filter), and their stanzas of the running
 * configuration.  The lists live in the kernel's nftables (net/nft.h,
 * doc/filtering.md).
 *
 * Entries are queued: the lines that edit one list one after the other
 * (a list typed in its mode, a file of ten thousand entries) become one
 * change of that list, one nftables transaction, sent when the area is
 * flushed (before the next command that is not an entry, after each
 * interactive command, at the end of batch input).  Each line is checked
 * when it is read, against the list as the queued lines leave it, so a
 * bad line is refused on its own, with nothing of it applied.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/filter.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "render/text.h"

#define SEQ_STEP 10

/* A handler shared by commands of several syntaxes asks only for the
 * names its command has. */
static const char *arg(const struct cli_args *a, const char *name)
{
	return cli_declares(a, name) ? cli_arg(a, name) : NULL;
}

static bool has(const struct cli_args *a, const char *name)
{
	return cli_declares(a, name) && cli_has(a, name);
}

/* The keyword taken for name (one of several keywords of that name:
 * eq$sop|neq$sop), or NULL. */
static const char *keyword(const struct cli_args *a, const char *name)
{
	for (int i = a->n - 1; i >= 0; i--)
		if (a->v[i].kind == TOK_KEYWORD && !strcmp(a->v[i].name, name))
			return a->v[i].value;
	return NULL;
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/* ---- which list -------------------------------------------------------- */

struct target {
	int family;
	enum net_acl_type type;
	char name[NET_ACL_NAME_MAX + 1];
};

static const char *family_word(int family)
{
	return family == AF_INET6 ? "IPv6 " : "";
}

/* Numbered IPv4 lists: 1-99 and 1300-1999 standard, 100-199 and
 * 2000-2699 extended.  0 for a name that is not a number. */
static int numbered(const char *name, long *n)
{
	size_t len = strlen(name);

	*n = 0;
	if (!len || strspn(name, "0123456789") != len ||
	    !cli_parse_long(name, n))
		return 0;
	if ((*n >= 1 && *n <= 99) || (*n >= 1300 && *n <= 1999))
		return NET_ACL_STANDARD;
	if ((*n >= 100 && *n <= 199) || (*n >= 2000 && *n <= 2699))
		return NET_ACL_EXTENDED;
	return -1;
}

/* Is name one that a list of that family and type may have? */
static int name_ok(struct cli_session *s, int family, enum net_acl_type type,
		   const char *name, const char *rest)
{
	struct net_err err = { 0 };
	long n;
	int kind;

	if (rest) {
		cli_error(s,
			  "Error: Invalid access list name \"%s %s\": a "
			  "name has no spaces",
			  name, rest);
		return -1;
	}
	if (net_acl_name_check(name, &err)) {
		cli_error(s, "Error: Invalid access list name \"%s\": %s", name,
			  err.msg);
		return -1;
	}
	if (family != AF_INET || !(kind = numbered(name, &n)))
		return 0;
	if (kind < 0) {
		cli_error(s,
			  "Error: Invalid access list number %s: standard "
			  "lists are 1-99 and 1300-1999, extended lists "
			  "100-199 and 2000-2699",
			  name);
		return -1;
	}
	if (kind != (int)type) {
		cli_error(s, "Error: Access list %s is %s list by its number",
			  name,
			  kind == NET_ACL_STANDARD ? "a standard" :
						     "an extended");
		return -1;
	}
	return 0;
}

static unsigned mode_of(int family, enum net_acl_type type)
{
	if (family == AF_INET6)
		return MODE_ACL6;
	return type == NET_ACL_STANDARD ? MODE_ACL_STD : MODE_ACL_EXT;
}

/* The list an entry goes to: the numbered one it names, or the one of
 * the mode. */
static int target(struct cli_session *s, const struct cli_args *a,
		  struct target *t)
{
	const char *num = arg(a, "num");
	const struct cli_frame *f = cli_top(s);
	long n;

	if (num) { /* 0101 is list 101 */
		int kind = numbered(num, &n);

		if (kind <= 0) { /* the grammar's ranges make it one */
			cli_error(s, "Error: Invalid access list number %s",
				  num);
			return -1;
		}
		t->family = AF_INET;
		t->type = (enum net_acl_type)kind;
		snprintf(t->name, sizeof(t->name), "%ld", n);
		return 0;
	}
	t->family = f->mode->bit == MODE_ACL6 ? AF_INET6 : AF_INET;
	t->type = f->mode->bit == MODE_ACL_STD ? NET_ACL_STANDARD :
						 NET_ACL_EXTENDED;
	copy(t->name, sizeof(t->name), cli_frame_get(f, "acl"));
	return 0;
}

/* ---- parsing an entry -------------------------------------------------- */

static int parse_seq(struct cli_session *s, const char *text, uint32_t *seq)
{
	long n = -1;

	if (!cli_parse_long(text, &n) || n < 1 || n > (long)NET_ACL_SEQ_MAX) {
		cli_error(s, "Error: Sequence number %s is out of range (1-%u)",
			  text, NET_ACL_SEQ_MAX);
		return -1;
	}
	*seq = (uint32_t)n;
	return 0;
}

/* A wildcard as the suggestion for A.B.C.D/M. */
static void suggest_wildcard(const char *prefix, char *buf, size_t size)
{
	unsigned char b[4];
	int plen;
	uint32_t w;
	char a[TEXT_IP_MAX], wb[TEXT_IP_MAX];

	if (!cli_parse_ipv4_prefix(prefix, b, &plen)) {
		snprintf(buf, size, "A.B.C.D WILDCARD");
		return;
	}
	w = plen >= 32 ? 0 : 0xffffffffu >> plen;
	w = htonl(w);
	text_ip(AF_INET, b, a, sizeof(a));
	text_ip(AF_INET, &w, wb, sizeof(wb));
	snprintf(buf, size, "%s %s", a, wb);
}

static int parse_addr(struct cli_session *s, const struct cli_args *a,
		      int family, const char *side, struct net_acl_addr *x,
		      uint16_t *form)
{
	char k[32];
	const char *v;

	memset(x, 0, sizeof(*x));
	snprintf(k, sizeof(k), "%s_any", side);
	if (has(a, k))
		return 0;
	snprintf(k, sizeof(k), "%s_h", side);
	if ((v = arg(a, k))) {
		x->kind = NET_ACL_HOST;
		return inet_pton(family, v, &x->addr) == 1 ? 0 : -1;
	}
	snprintf(k, sizeof(k), "%s_prefix", side);
	if ((v = arg(a, k))) {
		unsigned char b[16];
		char sug[2 * TEXT_IP_MAX + 2];
		int plen;

		if (family == AF_INET6) {
			if (!cli_parse_ipv6_prefix(v, b, &plen))
				return -1;
			x->kind = NET_ACL_PREFIX;
			memcpy(&x->addr, b, 16);
			x->plen = (unsigned char)plen;
			return 0;
		}
		suggest_wildcard(v, sug, sizeof(sug));
		cli_error(s,
			  "Error: IPv4 access lists match an address and "
			  "wildcard bits: write %s, not %s",
			  sug, v);
		return -1;
	}
	snprintf(k, sizeof(k), "%s_net", side);
	if (!(v = arg(a, k)))
		return 0;
	if (inet_pton(AF_INET, v, &x->addr) != 1)
		return -1;
	snprintf(k, sizeof(k), "%s_wild", side);
	if (!(v = arg(a, k))) {
		x->kind = NET_ACL_HOST; /* standard: "permit 10.1.1.1" */
		*form |= ACL_F_SRC_BARE;
		return 0;
	}
	x->kind = NET_ACL_WILDCARD;
	if (!cli_parse_ipv4(v, (unsigned char *)&x->wildcard)) {
		cli_error(s,
			  "Error: Bad wildcard \"%s\": wildcard bits are "
			  "four numbers 0-255, A.B.C.D (0.0.0.255 matches "
			  "the last byte)",
			  v);
		return -1;
	}
	return 0;
}

static int port_value(struct cli_session *s, uint8_t proto, const char *w,
		      uint16_t *port, bool *byname)
{
	const struct acl_name *n = acl_port_names(proto);
	long v;

	*byname = false;
	if (strspn(w, "0123456789") == strlen(w)) {
		if (!cli_parse_long(w, &v) || v < 0 || v > 65535) {
			cli_error(s, "Error: Port %s is out of range (0-65535)",
				  w);
			return -1;
		}
		*port = (uint16_t)v;
		return 0;
	}
	for (; n->name; n++) {
		if (!strcmp(n->name, w)) {
			*port = (uint16_t)n->value;
			*byname = true;
			return 0;
		}
	}
	cli_error(s,
		  "Error: Unknown %s port \"%s\": give a number 0-65535 "
		  "or a name IOS knows (www, telnet, ...)",
		  proto == IPPROTO_UDP ? "udp" : "tcp", w);
	return -1;
}

static int parse_ports(struct cli_session *s, const struct cli_args *a,
		       uint8_t proto, const char *side, struct net_acl_port *p,
		       uint16_t *form, uint16_t lo_bit, uint16_t hi_bit)
{
	static const char *const ops[] = { "eq", "neq", "lt", "gt", "range" };
	char k[16];
	const char *op, *v;
	bool byname;

	memset(p, 0, sizeof(*p));
	snprintf(k, sizeof(k), "%sop", side);
	if (!(op = keyword(a, k)))
		return 0;
	for (size_t i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (!strcmp(op, ops[i]))
			p->op = (enum net_acl_port_op)(NET_ACL_PORT_EQ + i);
	snprintf(k, sizeof(k), "%sp", side);
	v = arg(a, k);
	if (!v || port_value(s, proto, v, &p->lo, &byname))
		return -1;
	if (byname)
		*form |= lo_bit;
	if (p->op != NET_ACL_PORT_RANGE)
		return 0;
	snprintf(k, sizeof(k), "%sp2", side);
	v = arg(a, k);
	if (!v || port_value(s, proto, v, &p->hi, &byname))
		return -1;
	if (byname)
		*form |= hi_bit;
	return 0;
}

static int lookup(const struct acl_name *n, const char *name, int *value,
		  int *code)
{
	for (; n->name; n++) {
		if (!strcmp(n->name, name)) {
			*value = n->value;
			*code = n->code;
			return 0;
		}
	}
	return -1;
}

static int parse_proto(struct cli_session *s, const struct cli_args *a,
		       int family, struct net_acl_entry *e)
{
	const char *name = keyword(a, "pname"), *num = arg(a, "pnum");
	int value, code;
	long n;

	(void)s;
	if (num) {
		if (!cli_parse_long(num, &n) || n < 0 || n > 255)
			return -1;
		e->has_proto = true;
		e->proto = (uint8_t)n;
		e->form |= ACL_F_PROTO_NUM;
		return 0;
	}
	if (!name || !strcmp(name, "ip") || !strcmp(name, "ipv6"))
		return 0;
	if (lookup(acl_proto_names(family), name, &value, &code))
		return -1;
	e->has_proto = true;
	e->proto = (uint8_t)value;
	return 0;
}

static int parse_icmp(const struct cli_args *a, int family,
		      struct net_acl_entry *e)
{
	const char *type = arg(a, "itype"), *code = arg(a, "icode");
	const char *name = keyword(a, "iname");
	int t, c;
	long n;

	if (name) {
		if (lookup(acl_icmp_names(family), name, &t, &c))
			return -1;
		e->has_icmp_type = true;
		e->icmp_type = (uint8_t)t;
		e->has_icmp_code = c >= 0;
		e->icmp_code = (uint8_t)(c >= 0 ? c : 0);
		e->form |= ACL_F_ICMP_NAME;
		return 0;
	}
	if (type && cli_parse_long(type, &n)) {
		e->has_icmp_type = true;
		e->icmp_type = (uint8_t)n;
	}
	if (code && cli_parse_long(code, &n)) {
		e->has_icmp_code = true;
		e->icmp_code = (uint8_t)n;
	}
	return 0;
}

/* The words that only tcp and udp take, typed after another protocol. */
static int junk(struct cli_session *s, const struct cli_args *a)
{
	const char *bad = keyword(a, "bad");

	if (!bad)
		return 0;
	if (!strcmp(bad, "established"))
		cli_error(s, "Error: established applies to tcp only");
	else
		cli_error(s,
			  "Error: Ports (%s) apply to tcp and udp only: "
			  "write tcp or udp, not the protocol given",
			  bad);
	return -1;
}

/* Fills e from the arguments of an entry command (its sequence number
 * left 0 when none was typed). */
static int parse_entry(struct cli_session *s, const struct cli_args *a,
		       const struct target *t, struct net_acl_entry *e)
{
	const char *seq = arg(a, "seq");

	memset(e, 0, sizeof(*e));
	if (seq && parse_seq(s, seq, &e->seq))
		return -1;
	if (junk(s, a))
		return -1;
	e->action = has(a, "permit") ? NET_ACL_PERMIT : NET_ACL_DENY;
	if (parse_proto(s, a, t->family, e) ||
	    parse_addr(s, a, t->family, "src", &e->src, &e->form) ||
	    parse_addr(s, a, t->family, "dst", &e->dst, &e->form) ||
	    parse_ports(s, a, e->proto, "s", &e->sport, &e->form,
			ACL_F_SPORT_NAME, ACL_F_SPORT_HI_NAME) ||
	    parse_ports(s, a, e->proto, "d", &e->dport, &e->form,
			ACL_F_DPORT_NAME, ACL_F_DPORT_HI_NAME) ||
	    parse_icmp(a, t->family, e))
		return -1;
	e->established = has(a, "established");
	e->log = has(a, "log");
	return 0;
}

static bool same_addr(int family, const struct net_acl_addr *x,
		      const struct net_acl_addr *y)
{
	size_t n = family == AF_INET ? 4 : 16;

	if (x->kind != y->kind)
		return false;
	switch (x->kind) {
	case NET_ACL_HOST:
		return !memcmp(&x->addr, &y->addr, n);
	case NET_ACL_WILDCARD:
		return !memcmp(&x->addr, &y->addr, 4) &&
		       x->wildcard.s_addr == y->wildcard.s_addr;
	case NET_ACL_PREFIX:
		return !memcmp(&x->addr, &y->addr, 16) && x->plen == y->plen;
	default:
		return true;
	}
}

static bool same_port(const struct net_acl_port *x,
		      const struct net_acl_port *y)
{
	return x->op == y->op &&
	       (x->op == NET_ACL_PORT_ANY ||
		(x->lo == y->lo &&
		 (x->op != NET_ACL_PORT_RANGE || x->hi == y->hi)));
}

/* Do two entries match the same packets the same way (their sequence
 * numbers, counters and how they were written aside)? */
static bool same_entry(int family, const struct net_acl_entry *x,
		       const struct net_acl_entry *y)
{
	if (x->action != y->action)
		return false;
	if (x->action == NET_ACL_REMARK)
		return !strcmp(x->remark, y->remark);
	return x->has_proto == y->has_proto &&
	       (!x->has_proto || x->proto == y->proto) &&
	       same_addr(family, &x->src, &y->src) &&
	       same_addr(family, &x->dst, &y->dst) &&
	       same_port(&x->sport, &y->sport) &&
	       same_port(&x->dport, &y->dport) &&
	       x->has_icmp_type == y->has_icmp_type &&
	       (!x->has_icmp_type || x->icmp_type == y->icmp_type) &&
	       x->has_icmp_code == y->has_icmp_code &&
	       (!x->has_icmp_code || x->icmp_code == y->icmp_code) &&
	       x->established == y->established && x->log == y->log;
}

/* ---- queued edits ------------------------------------------------------ */

static struct {
	bool active;
	struct net_acl acl; /* the list as the queued lines leave it */
	size_t cap;
	unsigned changes;
	char origin[256]; /* of the first line queued */
} pend;

static void pend_drop(void)
{
	net_acl_free(&pend.acl);
	memset(&pend, 0, sizeof(pend));
}

/* Sends the queued edit; returns 1 when the kernel refused it. */
static int pend_commit(struct cli_session *s)
{
	struct net_err err = { 0 };
	const char *origin = s->origin;
	int failed = 0;

	if (!pend.active)
		return 0;
	if (pend.changes && net_acl_set(&pend.acl, &err)) {
		s->origin = pend.origin[0] ? pend.origin : NULL;
		cmd_fail(s, &err,
			 "change %saccess list %s (the %u change%s "
			 "from this line on are not applied)",
			 family_word(pend.acl.family), pend.acl.name,
			 pend.changes, pend.changes == 1 ? "" : "s");
		s->origin = origin;
		failed = 1;
	}
	pend_drop();
	return failed;
}

/* The area's flush hook. */
static int acl_flush(struct cli_session *s)
{
	return pend_commit(s);
}

static int type_clash(struct cli_session *s, const struct target *t,
		      enum net_acl_type have)
{
	if (have == t->type)
		return 0;
	cli_error(s, "Error: Access list %s is %s list", t->name,
		  have == NET_ACL_STANDARD ? "a standard" : "an extended");
	return -1;
}

/* The queued state of list t, read from the kernel when it is not the
 * list being queued already (a list that does not exist starts empty);
 * NULL after an error has been reported. */
static struct net_acl *pend_get(struct cli_session *s, const struct target *t)
{
	struct net_acls ls = { 0 };
	struct net_err err = { 0 };

	if (pend.active && pend.acl.family == t->family &&
	    !strcmp(pend.acl.name, t->name))
		return type_clash(s, t, pend.acl.type) ? NULL : &pend.acl;
	if (pend.active && pend_commit(s)) {
		s->queued_failures++;
		return NULL;
	}
	if (net_acl_dump(t->family, t->name, &ls, &err) == 0 && ls.n) {
		if (type_clash(s, t, ls.v[0].type)) {
			net_acls_free(&ls);
			return NULL;
		}
		pend.acl = ls.v[0];
		pend.cap = ls.v[0].n;
		ls.v[0] = ls.v[--ls.n];
		memset(&ls.v[ls.n], 0, sizeof(ls.v[ls.n]));
		net_acls_free(&ls);
	} else if (err.code && err.code != ENOENT) {
		return cmd_fail(s, &err, "read %saccess list %s",
				family_word(t->family), t->name),
		       NULL;
	} else {
		memset(&pend.acl, 0, sizeof(pend.acl));
		pend.acl.family = t->family;
		pend.acl.type = t->type;
		copy(pend.acl.name, sizeof(pend.acl.name), t->name);
	}
	pend.active = true;
	pend.changes = 0;
	copy(pend.origin, sizeof(pend.origin), s->origin);
	return &pend.acl;
}

/* Where seq is, or would go, in the sorted entries. */
static size_t find_seq(const struct net_acl *l, uint32_t seq)
{
	size_t lo = 0, hi = l->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (l->v[mid].seq < seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void pend_insert(const struct net_acl_entry *e)
{
	struct net_acl *l = &pend.acl;
	size_t at = find_seq(l, e->seq);

	if (l->n == pend.cap) {
		pend.cap = pend.cap ? 2 * pend.cap : 16;
		l->v = realloc(l->v, pend.cap * sizeof(*l->v));
		if (!l->v)
			abort();
	}
	memmove(&l->v[at + 1], &l->v[at], (l->n - at) * sizeof(*l->v));
	l->v[at] = *e;
	l->n++;
	pend.changes++;
}

static void pend_remove(size_t at)
{
	struct net_acl *l = &pend.acl;

	memmove(&l->v[at], &l->v[at + 1], (l->n - at - 1) * sizeof(*l->v));
	l->n--;
	pend.changes++;
}

/* Adds e to list t: at its own sequence number, or 10 past the last. */
static int add_entry(struct cli_session *s, const struct target *t,
		     struct net_acl_entry *e)
{
	struct net_err err = { 0 };
	bool typed = e->seq != 0;
	struct net_acl *l;
	size_t at;

	if (!typed)
		e->seq = 1; /* checked before its number is known */
	if (net_acl_entry_check(t->family, t->type, e, &err)) {
		cli_error(s,
			  "Error: Cannot add the entry to %saccess list %s: "
			  "%s",
			  family_word(t->family), t->name, err.msg);
		return -1;
	}
	l = pend_get(s, t);
	if (!l)
		return -1;
	if (!typed) {
		uint32_t last = l->n ? l->v[l->n - 1].seq : 0;

		if (last > NET_ACL_SEQ_MAX - SEQ_STEP) {
			cli_error(s,
				  "Error: Access list %s has no sequence "
				  "number left after %u: give one, or "
				  "resequence the list",
				  t->name, last);
			return -1;
		}
		e->seq = last + SEQ_STEP;
	}
	at = find_seq(l, e->seq);
	if (at < l->n && l->v[at].seq == e->seq) {
		/* the same entry again (a configuration replayed onto
		 * itself) is no change; written otherwise, it is kept as
		 * written now */
		if (same_entry(t->family, &l->v[at], e)) {
			if (l->v[at].form != e->form) {
				l->v[at].form = e->form;
				pend.changes++;
			}
			return 0;
		}
		cli_error(s,
			  "Error: Duplicate sequence number %u in %saccess "
			  "list %s",
			  e->seq, family_word(t->family), t->name);
		return -1;
	}
	pend_insert(e);
	return 0;
}

/* ---- commands of the list modes ---------------------------------------- */

static int remark_text(struct cli_session *s, const char *text,
		       struct net_acl_entry *e)
{
	if (strlen(text) > NET_ACL_REMARK_MAX) {
		cli_error(s, "Error: A remark has at most %d characters",
			  NET_ACL_REMARK_MAX);
		return -1;
	}
	e->action = NET_ACL_REMARK;
	copy(e->remark, sizeof(e->remark), text);
	return 0;
}

static int do_remark(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	struct net_acl_entry e = { 0 };
	const char *seq = arg(a, "seq");
	struct target t;

	(void)o;
	if (target(s, a, &t) || (seq && parse_seq(s, seq, &e.seq)) ||
	    remark_text(s, cli_arg(a, "text"), &e))
		return -1;
	return add_entry(s, &t, &e);
}

static int do_no_seq(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	struct net_acl *l;
	struct target t;
	uint32_t seq;
	size_t at;

	(void)o;
	if (target(s, a, &t) || parse_seq(s, cli_arg(a, "seq"), &seq) ||
	    !(l = pend_get(s, &t)))
		return -1;
	at = find_seq(l, seq);
	if (at >= l->n || l->v[at].seq != seq) {
		cli_error(s, "Error: %s %s has no entry %u",
			  t.family == AF_INET6 ? "IPv6 access list" :
						 "Access list",
			  t.name, seq);
		return -1;
	}
	pend_remove(at);
	return 0;
}

/* Removes the entry that matches what e matches (no permit ..., no
 * remark TEXT). */
static int remove_same(struct cli_session *s, const struct target *t,
		       const struct net_acl_entry *e)
{
	struct net_acl *l = pend_get(s, t);
	char text[512];

	if (!l)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		if (same_entry(t->family, &l->v[i], e)) {
			pend_remove(i);
			return 0;
		}
	}
	acl_entry_text(t->family, t->type, e, false, text, sizeof(text));
	cli_error(s, "Error: No entry \"%s\" in %saccess list %s", text,
		  family_word(t->family), t->name);
	return -1;
}

/* An entry typed in a list mode: added, or for its no form removed. */
static int entry_change(struct cli_session *s, const struct cli_args *a,
			bool add)
{
	struct net_acl_entry e;
	struct target t;

	if (target(s, a, &t) || parse_entry(s, a, &t, &e))
		return -1;
	return add ? add_entry(s, &t, &e) : remove_same(s, &t, &e);
}

static int do_entry(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	(void)o;
	return entry_change(s, a, true);
}

static int do_no_entry(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	(void)o;
	return entry_change(s, a, false);
}

static int do_no_remark(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	struct net_acl_entry e = { 0 };
	struct target t;

	(void)o;
	if (target(s, a, &t) || remark_text(s, cli_arg(a, "text"), &e))
		return -1;
	return remove_same(s, &t, &e);
}

/* ---- lists as a whole -------------------------------------------------- */

static void open_target(const struct cli_args *a, struct target *t)
{
	t->family = has(a, "ipv6") ? AF_INET6 : AF_INET;
	t->type = has(a, "standard") ? NET_ACL_STANDARD : NET_ACL_EXTENDED;
	copy(t->name, sizeof(t->name), cli_arg(a, "name"));
}

/* ip access-list standard|extended NAME, ipv6 access-list NAME: makes
 * the list if needed and enters its mode. */
static int do_open(struct cli_session *s, const struct cli_args *a,
		   struct cli_out *o)
{
	struct net_err err = { 0 };
	struct target t;

	(void)o;
	open_target(a, &t);
	if (name_ok(s, t.family, t.type, cli_arg(a, "name"), arg(a, "rest")))
		return -1;
	if (net_acl_create(t.family, t.type, t.name, &err) == 0) {
		cli_enter(s, mode_of(t.family, t.type), t.name, NULL);
		return 0;
	}
	if (err.code == EEXIST) /* of the other type */
		return type_clash(s, &t,
				  t.type == NET_ACL_STANDARD ?
					  NET_ACL_EXTENDED :
					  NET_ACL_STANDARD);
	return cmd_fail(s, &err, "open %saccess list %s", family_word(t.family),
			t.name);
}

static int not_found(struct cli_session *s, int family, const char *name)
{
	cli_error(s, "%s %s not found",
		  family == AF_INET6 ? "IPv6 access list" : "Access list",
		  name);
	return -1;
}

/* Deletes list t (of its type when check_type). */
static int delete_list(struct cli_session *s, const struct target *t,
		       bool check_type)
{
	struct net_acls ls = { 0 };
	struct net_err err = { 0 };
	enum net_acl_type have;

	if (net_acl_dump(t->family, t->name, &ls, &err)) {
		if (err.code == ENOENT)
			return not_found(s, t->family, t->name);
		return cmd_fail(s, &err, "read %saccess list %s",
				family_word(t->family), t->name);
	}
	have = ls.v[0].type;
	net_acls_free(&ls);
	if (check_type && type_clash(s, t, have))
		return -1;
	if (net_acl_delete(t->family, t->name, &err))
		return cmd_fail(s, &err, "delete %saccess list %s",
				family_word(t->family), t->name);
	return 0;
}

static int do_no_open(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o)
{
	struct target t;

	(void)o;
	open_target(a, &t);
	if (name_ok(s, t.family, t.type, t.name, NULL))
		return -1;
	return delete_list(s, &t, true);
}

/* no access-list N */
static int do_no_numbered(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	struct target t;

	(void)o;
	if (target(s, a, &t))
		return -1;
	return delete_list(s, &t, false);
}

/* ip access-list resequence NAME [START [STEP]] */
static int do_resequence(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	uint64_t start = (uint64_t)cli_arg_long(a, "start", SEQ_STEP);
	uint64_t step = (uint64_t)cli_arg_long(a, "step", SEQ_STEP);
	struct net_acls ls = { 0 };
	struct net_err err = { 0 };
	struct target t;
	struct net_acl *l;
	int rc = 0;

	(void)o;
	open_target(a, &t);
	if (net_acl_name_check(t.name, &err)) {
		cli_error(s, "Error: Invalid access list name \"%s\": %s",
			  t.name, err.msg);
		return -1;
	}
	if (net_acl_dump(t.family, t.name, &ls, &err)) {
		if (err.code == ENOENT)
			return not_found(s, t.family, t.name);
		return cmd_fail(s, &err, "read %saccess list %s",
				family_word(t.family), t.name);
	}
	l = &ls.v[0];
	if (l->n && start + (l->n - 1) * step > NET_ACL_SEQ_MAX) {
		cli_error(s,
			  "Error: Cannot resequence access list %s from "
			  "%llu by %llu: its %zu entries would pass %u",
			  t.name, (unsigned long long)start,
			  (unsigned long long)step, l->n, NET_ACL_SEQ_MAX);
		net_acls_free(&ls);
		return -1;
	}
	for (size_t i = 0; i < l->n; i++)
		l->v[i].seq = (uint32_t)(start + i * step);
	if (net_acl_set(l, &err))
		rc = cmd_fail(s, &err, "resequence %saccess list %s",
			      family_word(t.family), t.name);
	net_acls_free(&ls);
	return rc;
}

/* ---- access lists on interfaces ---------------------------------------- */

struct here {
	const char *vrf, *ifname;
};

/* The interface of the mode; it must still exist. */
static int here(struct cli_session *s, struct here *h)
{
	struct cli_frame *f = cli_top(s);
	struct net_link l;

	h->vrf = cli_frame_get(f, "vrf");
	h->ifname = cli_frame_get(f, "ifname");
	return cmd_link(s, h->vrf, h->ifname, &l);
}

static const char *group_word(int family)
{
	return family == AF_INET6 ? "ipv6 traffic-filter" : "ip access-group";
}

static int do_group(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	struct net_acl_bind b = { 0 };
	struct net_err err = { 0 };
	struct here h;
	char v[96];

	(void)o;
	if (here(s, &h))
		return -1;
	b.family = has(a, "traffic-filter") ? AF_INET6 : AF_INET;
	b.dir = has(a, "in") ? NET_ACL_IN : NET_ACL_OUT;
	copy(b.ifname, sizeof(b.ifname), h.ifname);
	copy(b.acl, sizeof(b.acl), cli_arg(a, "acl"));
	if (net_acl_name_check(b.acl, &err)) {
		cli_error(s, "Error: Invalid access list name \"%s\": %s",
			  cli_arg(a, "acl"), err.msg);
		return -1;
	}
	if (net_acl_bind(h.vrf, &b, &err) == 0)
		return 0;
	if (err.code == ENOENT)
		return not_found(s, b.family, b.acl);
	return cmd_fail(s, &err, "apply %saccess list %s to interface %s%s",
			family_word(b.family), b.acl, h.ifname,
			in_vrf(h.vrf, v, sizeof(v)));
}

static int do_no_group(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	const char *named = cli_arg(a, "acl");
	struct net_acl_binds bs = { 0 };
	struct net_err err = { 0 };
	int family = has(a, "traffic-filter") ? AF_INET6 : AF_INET;
	enum net_acl_dir dir = has(a, "in") ? NET_ACL_IN : NET_ACL_OUT;
	const struct net_acl_bind *found = NULL;
	struct here h;
	char v[96];
	int rc = 0;

	(void)o;
	if (here(s, &h))
		return -1;
	if (net_acl_bind_dump(h.vrf, &bs, &err))
		return cmd_fail(s, &err, "read the access groups of VRF %s",
				vrf_label(h.vrf));
	for (size_t i = 0; i < bs.n; i++)
		if (!strcmp(bs.v[i].ifname, h.ifname) &&
		    bs.v[i].family == family && bs.v[i].dir == dir)
			found = &bs.v[i];
	if (found && named && strcmp(found->acl, named)) {
		cli_error(s,
			  "Error: Interface %s uses %saccess list %s %s, "
			  "not %s",
			  h.ifname, family_word(family), found->acl,
			  dir == NET_ACL_IN ? "in" : "out", named);
		rc = -1;
	} else if (found &&
		   net_acl_unbind(h.vrf, h.ifname, family, dir, &err)) {
		rc = cmd_fail(s, &err, "remove %s %s from interface %s%s",
			      group_word(family), found->acl, h.ifname,
			      in_vrf(h.vrf, v, sizeof(v)));
	}
	net_acl_binds_free(&bs);
	return rc;
}

/* ---- interfaces that move or go ---------------------------------------- */

/* The bindings of ifname move from one VRF's table to the other's. */
static void acl_if_moved(struct cli_session *s, const char *from,
			 const char *to, const char *ifname)
{
	struct net_acl_binds bs = { 0 };
	struct net_err err = { 0 };
	size_t keep = 0, n;

	if (net_acl_bind_dump(from, &bs, &err)) {
		if (!filter_absent(err.code))
			filter_warn(s, &err, "read the access groups of VRF %s",
				    vrf_label(from));
		return;
	}
	n = bs.n;
	for (size_t i = 0; i < n; i++) {
		struct net_acl_bind b = bs.v[i];

		if (strcmp(b.ifname, ifname)) {
			bs.v[keep++] = b;
			continue;
		}
		if (net_acl_bind(to, &b, &err))
			filter_warn(s, &err,
				    "keep %s %s %s on interface %s in "
				    "VRF %s",
				    group_word(b.family), b.acl,
				    b.dir == NET_ACL_IN ? "in" : "out", ifname,
				    vrf_label(to));
	}
	bs.n = keep;
	if (keep != n && net_acl_bind_set(from, &bs, &err))
		filter_warn(s, &err,
			    "remove the access groups of interface %s "
			    "from VRF %s",
			    ifname, vrf_label(from));
	net_acl_binds_free(&bs);
}

static bool link_named(const struct net_links *links, const char *name)
{
	for (size_t i = 0; i < links->n; i++)
		if (!strcmp(links->v[i].name, name))
			return true;
	return false;
}

/* The bindings and NAT roles of vrf for interfaces it no longer has. */
static void prune(struct cli_session *s, const char *vrf)
{
	struct net_links links = { 0 };
	struct net_acl_binds bs = { 0 };
	struct net_err err = { 0 };
	size_t keep = 0;

	if (net_link_dump(vrf, &links, &err))
		return;
	if (net_acl_bind_dump(vrf, &bs, &err) == 0) {
		for (size_t i = 0; i < bs.n; i++)
			if (link_named(&links, bs.v[i].ifname))
				bs.v[keep++] = bs.v[i];
		if (keep != bs.n) {
			bs.n = keep;
			if (net_acl_bind_set(vrf, &bs, &err))
				filter_warn(s, &err,
					    "remove the access groups "
					    "of deleted interfaces from VRF %s",
					    vrf_label(vrf));
		}
		net_acl_binds_free(&bs);
	}
	nat_prune(s, vrf, &links);
	net_links_free(&links);
}

void cmd_filter_if_moved(struct cli_session *s, const char *from,
			 const char *to, const char *ifname)
{
	acl_if_moved(s, from, to, ifname);
	nat_if_moved(s, from, to, ifname);
}

void cmd_filter_if_deleted(struct cli_session *s, const char *vrf,
			   const struct net_link *l)
{
	const char *peer = vrf;

	prune(s, vrf);
	if (strcmp(l->kind, "veth") || !l->peer_ifindex)
		return;
	if (l->peer_netnsid >= 0) {
		peer = net_vrf_by_netnsid(vrf, l->peer_netnsid);
		if (!peer)
			return;
		peer = net_vrf_is_default(peer) ? "" : peer;
	}
	if (strcmp(peer, vrf))
		prune(s, peer);
}

/* ---- running-config ---------------------------------------------------- */

/* Is list l used in the VRF the configuration covers? */
static bool used_in(struct cli_config *c, const struct net_acl *l)
{
	const struct cfg_vrf *v = cfg_vrf_named(c, c->only_vrf);
	const struct fvrf *f = v ? fview_vrf(c, v) : NULL;

	if (!f)
		return false;
	for (size_t i = 0; i < f->view.binds.n; i++)
		if (f->view.binds.v[i].family == l->family &&
		    !strcmp(f->view.binds.v[i].acl, l->name))
			return true;
	for (size_t i = 0; l->family == AF_INET && i < f->view.nat.novl; i++)
		if (!strcmp(f->view.nat.ovl[i].acl, l->name))
			return true;
	return false;
}

static void list_stanza(struct cli_config *c, const struct net_acl *l)
{
	struct net_err err = { 0 };
	char text[512];

	if (net_acl_name_check(l->name, &err)) {
		char what[CLI_ESCAPED_MAX(NET_ACL_NAME_MAX) + 32];

		snprintf(what, sizeof(what), "access list \"%s\"", l->name);
		cfg_left_out(c, what, "its name cannot be typed back");
		return;
	}
	cli_printf(c->o, "%s %s\n", acl_opener(l->family, l->type), l->name);
	if (l->differs)
		cli_printf(c->o, "! vrfsh: the kernel's rules of this list "
				 "were changed by hand: it is written as vrfsh "
				 "made it, which its next change puts back\n");
	for (size_t i = 0; i < l->n; i++) {
		const struct net_acl_entry *e = &l->v[i];

		if (e->action == NET_ACL_REMARK && !cfg_line_ok(e->remark)) {
			char what[128];

			snprintf(what, sizeof(what),
				 "remark %u of access list "
				 "%s",
				 e->seq, l->name);
			cfg_left_out(c, what, "its text cannot be typed back");
			continue;
		}
		acl_entry_text(l->family, l->type, e, false, text,
			       sizeof(text));
		cli_printf(c->o, " %s%u %s\n",
			   l->family == AF_INET6 ? "sequence " : "", e->seq,
			   text);
	}
	cli_printf(c->o, "!\n");
}

/* The lists, before the interfaces that use them: each as its mode
 * command and its entries with their sequence numbers. */
static void acl_config(struct cli_config *c)
{
	const struct net_acls *ls;

	fview_start(c);
	if (c->only_if || !(ls = fview_lists(c)))
		return;
	for (size_t i = 0; i < ls->n; i++)
		if (!c->only_vrf || used_in(c, &ls->v[i]))
			list_stanza(c, &ls->v[i]);
}

/* ip access-group / ipv6 traffic-filter inside the interface's stanza */
static void acl_if_lines(struct cli_config *c, const struct cfg_vrf *v,
			 const struct net_link *l)
{
	const struct fvrf *f = fview_vrf(c, v);

	for (size_t i = 0; f && i < f->view.binds.n; i++) {
		const struct net_acl_bind *b = &f->view.binds.v[i];

		if (strcmp(b->ifname, l->name))
			continue;
		cli_printf(c->o, " %s %s %s\n", group_word(b->family), b->acl,
			   b->dir == NET_ACL_IN ? "in" : "out");
	}
}

/* ---- the declarations -------------------------------------------------- */

#define H_NO "Negate a command or set its defaults\n"
#define H_IP "Internet Protocol (IPv4)\n"
#define H_IPV6 "Internet Protocol version 6\n"
#define H_ACL "Access lists\n"

/* The sequence number: checked by the handler, which says why. */
#define SEQ "[<0-4294967295>$seq]"
#define H_SEQ "Sequence number (1-2147483647)\n"
#define SEQ6 "[<0-4294967295>$seq|sequence <0-4294967295>$seq]"
#define H_SEQ6 H_SEQ "Give the sequence number\n" H_SEQ
#define ACT "{permit|deny}"
#define H_ACT "Forward what matches\nDrop what matches\n"

/* Addresses: IPv4 as any, host A, A WILDCARD (an A.B.C.D/M is taken to
 * say that it should be written otherwise), IPv6 as any, host A, A/M. */
#define V4(p)                                                                  \
	"{any$" p "_any|host$" p "_host A.B.C.D$" p "_h|A.B.C.D$" p "_net "    \
	"WORD$" p "_wild|A.B.C.D/M$" p "_prefix}"
#define H_V4(w)                                                                \
	"Any " w " address\nA single " w " host\nThe " w " host's address\n"   \
	"The " w " network's address\n"                                        \
	"Wildcard bits (A.B.C.D: a bit set matches anything)\n"                \
	"(IPv4 lists take an address and wildcard bits)\n"
#define V4STD                                                                  \
	"{any$src_any|host$src_host A.B.C.D$src_h|A.B.C.D$src_net "            \
	"[WORD$src_wild]|A.B.C.D/M$src_prefix}"
#define H_V4STD                                                                \
	"Any source address\nA single source host\nThe host's address\n"       \
	"A host or, with wildcard bits, a network\n"                           \
	"Wildcard bits (A.B.C.D: a bit set matches anything)\n"                \
	"(IPv4 lists take an address and wildcard bits)\n"
#define V6(p)                                                                  \
	"{any$" p "_any|host$" p "_host X:X::X:X$" p "_h|X:X::X:X/M$" p        \
	"_prefix}"
#define H_V6(w)                                                                \
	"Any " w " address\nA single " w " host\nThe " w " host's address\n"   \
	"The " w " prefix\n"

/* Ports of tcp and udp, by number or name. */
#define PORTS(p)                                                               \
	"[{eq$" p "op|neq$" p "op|lt$" p "op|gt$" p "op} WORD$" p "p|"         \
	"range$" p "op WORD$" p "p WORD$" p "p2]"
#define H_PORTS                                                                \
	"Match only packets on a given port\n"                                 \
	"Match only packets not on a given port\n"                             \
	"Match only packets with a lower port\n"                               \
	"Match only packets with a greater port\n"                             \
	"Port number or name (www, telnet, domain, ...)\n"                     \
	"Match only packets in a range of ports\n"                             \
	"Lowest port number or name\nHighest port number or name\n"
#define TAIL "[established] [log]"
#define H_TAIL                                                                 \
	"Match established connections (ACK or RST set)\n"                     \
	"Log matches\n"

/* What only tcp and udp take, after another protocol: refused by the
 * handler with the reason. */
#define JUNK                                                                   \
	"{eq$bad|neq$bad|lt$bad|gt$bad|range$bad|established$bad} "            \
	"[LINE$junk]"
#define H_JUNK_ONE "(tcp and udp only)\n"
#define H_JUNK                                                                 \
	H_JUNK_ONE H_JUNK_ONE H_JUNK_ONE H_JUNK_ONE H_JUNK_ONE                 \
		"(tcp only)\n"                                                 \
		"(tcp and udp only)\n"

/* The other protocols. */
#define PROTO4                                                                 \
	"{ip$pname|<0-255>$pnum|ahp$pname|eigrp$pname|esp$pname|gre$pname|"    \
	"igmp$pname|ipinip$pname|nos$pname|ospf$pname|pcp$pname|"              \
	"pim$pname|sctp$pname}"
#define H_PROTO4                                                               \
	"Any Internet Protocol\nAn IP protocol number\n"                       \
	"Authentication Header Protocol\nCisco's EIGRP routing protocol\n"     \
	"Encapsulation Security Payload\n"                                     \
	"Cisco's GRE tunneling\nInternet Gateway Message Protocol\n"           \
	"IP in IP tunneling\nKA9Q NOS compatible IP over IP tunneling\n"       \
	"OSPF routing protocol\nPayload Compression Protocol\n"                \
	"Protocol Independent Multicast\n"                                     \
	"Stream Control Transmission Protocol\n"
#define PROTO6                                                                 \
	"{ipv6$pname|<0-255>$pnum|ahp$pname|esp$pname|hbh$pname|pcp$pname|"    \
	"sctp$pname}"
#define H_PROTO6                                                               \
	"Any IPv6 protocol\nAn IPv6 protocol number\n"                         \
	"Authentication Header Protocol\n"                                     \
	"Encapsulation Security Payload\nHop by hop options header\n"          \
	"Payload Compression Protocol\n"                                       \
	"Stream Control Transmission Protocol\n"

/* ICMP types by name, in two halves (a command has at most
 * CLI_MAX_ARGS tokens). */
#define ICMP4_A(X)                                                             \
	X("administratively-prohibited", "Administratively prohibited")        \
	X("alternate-address", "Alternate address")                            \
	X("conversion-error", "Datagram conversion")                           \
	X("dod-host-prohibited", "Host prohibited")                            \
	X("dod-net-prohibited", "Net prohibited")                              \
	X("echo", "Echo (ping)")                                               \
	X("echo-reply", "Echo reply")                                          \
	X("general-parameter-problem", "Parameter problem")                    \
	X("host-isolated", "Host isolated")                                    \
	X("host-precedence-unreachable", "Host unreachable for precedence")    \
	X("host-redirect", "Host redirect")                                    \
	X("host-tos-redirect", "Host redirect for TOS")                        \
	X("host-tos-unreachable", "Host unreachable for TOS")                  \
	X("host-unknown", "Host unknown")                                      \
	X("host-unreachable", "Host unreachable")                              \
	X("information-reply", "Information replies")                          \
	X("information-request", "Information requests")                       \
	X("mask-reply", "Mask replies")                                        \
	X("mask-request", "Mask requests")                                     \
	X("mobile-redirect", "Mobile host redirect")                           \
	X("net-redirect", "Network redirect")                                  \
	X("net-tos-redirect", "Net redirect for TOS")
#define ICMP4_B(X)                                                             \
	X("net-unreachable", "Net unreachable")                                \
	X("network-unknown", "Network unknown")                                \
	X("no-room-for-option", "Parameter required but no room")              \
	X("option-missing", "Parameter required but not present")              \
	X("packet-too-big", "Fragmentation needed and DF set")                 \
	X("parameter-problem", "All parameter problems")                       \
	X("port-unreachable", "Port unreachable")                              \
	X("precedence-unreachable", "Precedence cutoff")                       \
	X("protocol-unreachable", "Protocol unreachable")                      \
	X("reassembly-timeout", "Reassembly timeout")                          \
	X("redirect", "All redirects")                                         \
	X("router-advertisement", "Router discovery advertisements")           \
	X("router-solicitation", "Router discovery solicitations")             \
	X("source-quench", "Source quenches")                                  \
	X("source-route-failed", "Source route failed")                        \
	X("time-exceeded", "All time exceededs")                               \
	X("timestamp-reply", "Timestamp replies")                              \
	X("timestamp-request", "Timestamp requests")                           \
	X("traceroute", "Traceroute")                                          \
	X("ttl-exceeded", "TTL exceeded")                                      \
	X("unreachable", "All unreachables")
#define ICMP6(X)                                                               \
	X("beyond-scope", "Destination beyond scope")                          \
	X("echo-reply", "Echo reply")                                          \
	X("echo-request", "Echo request (ping)")                               \
	X("header", "Parameter header problems")                               \
	X("hop-limit", "Hop limit exceeded in transit")                        \
	X("mld-query", "Multicast Listener Discovery Query")                   \
	X("mld-reduction", "Multicast Listener Discovery Reduction")           \
	X("mld-report", "Multicast Listener Discovery Report")                 \
	X("nd-na", "Neighbor discovery neighbor advertisements")               \
	X("nd-ns", "Neighbor discovery neighbor solicitations")                \
	X("next-header", "Parameter next header problems")                     \
	X("no-admin", "Administration prohibited destination")                 \
	X("no-route", "No route to destination")                               \
	X("packet-too-big", "Packet too big")                                  \
	X("parameter-option", "Parameter option problems")                     \
	X("parameter-problem", "All parameter problems")                       \
	X("port-unreachable", "Port unreachable")                              \
	X("reassembly-timeout", "Reassembly timeout")                          \
	X("redirect", "Neighbor redirect")                                     \
	X("router-advertisement", "Neighbor discovery router advertisements")  \
	X("router-solicitation", "Neighbor discovery router solicitations")    \
	X("time-exceeded", "All time exceeded")                                \
	X("unreachable", "All unreachable")
#define ALT(n, h) "|" n "$iname"
#define HELP(n, h) h "\n"

#define ICMP_NUM "<0-255>$itype [<0-255>$icode]"
#define H_ICMP_NUM "ICMP message type\nICMP message code\n"
#define ICMP4_TYPES_A "[{" ICMP_NUM ICMP4_A(ALT) "}]"
#define H_ICMP4_TYPES_A H_ICMP_NUM ICMP4_A(HELP)
#define ICMP4_TYPES_B "[net-tos-unreachable$iname" ICMP4_B(ALT) "]"
#define H_ICMP4_TYPES_B "Network unreachable for TOS\n" ICMP4_B(HELP)
#define ICMP6_TYPES "[{" ICMP_NUM ICMP6(ALT) "}]"
#define H_ICMP6_TYPES H_ICMP_NUM ICMP6(HELP)

/* The bodies of the entries, after the action. */
#define BODY_L4                                                                \
	"{tcp$pname|udp$pname} " V4("src") " " PORTS("s") " " V4(              \
		"dst") " " PORTS("d") " " TAIL
#define H_BODY_L4                                                              \
	"Transmission Control Protocol\nUser Datagram Protocol\n" H_V4(        \
		"source") H_PORTS H_V4("destination") H_PORTS H_TAIL
#define BODY_ICMP_A                                                            \
	"icmp$pname " V4("src") " " V4("dst") " " ICMP4_TYPES_A " [log]"
#define BODY_ICMP_B                                                            \
	"icmp$pname " V4("src") " " V4("dst") " " ICMP4_TYPES_B " [log]"
#define H_ICMP "Internet Control Message Protocol\n"
#define H_BODY_ICMP_A                                                          \
	H_ICMP H_V4("source") H_V4("destination") H_ICMP4_TYPES_A              \
		"Log matches\n"
#define H_BODY_ICMP_B                                                          \
	H_ICMP H_V4("source") H_V4("destination") H_ICMP4_TYPES_B              \
		"Log matches\n"
#define BODY_OTHER                                                             \
	PROTO4 " " V4("src") " {" JUNK "|" V4("dst") " [log|" JUNK "]}"
#define H_BODY_OTHER                                                           \
	H_PROTO4 H_V4("source")                                                \
		H_JUNK H_V4("destination") "Log matches\n" H_JUNK
#define BODY_STD V4STD " [log]"
#define H_BODY_STD H_V4STD "Log matches\n"
#define BODY6_L4                                                               \
	"{tcp$pname|udp$pname} " V6("src") " " PORTS("s") " " V6(              \
		"dst") " " PORTS("d") " " TAIL
#define H_BODY6_L4                                                             \
	"Transmission Control Protocol\nUser Datagram Protocol\n" H_V6(        \
		"source") H_PORTS H_V6("destination") H_PORTS H_TAIL
#define BODY6_ICMP                                                             \
	"icmp$pname " V6("src") " " V6("dst") " " ICMP6_TYPES " [log]"
#define H_BODY6_ICMP                                                           \
	"Internet Control Message Protocol for IPv6\n" H_V6("source")          \
		H_V6("destination") H_ICMP6_TYPES "Log matches\n"
#define BODY6_OTHER                                                            \
	PROTO6 " " V6("src") " {" JUNK "|" V6("dst") " [log|" JUNK "]}"
#define H_BODY6_OTHER                                                          \
	H_PROTO6 H_V6("source")                                                \
		H_JUNK H_V6("destination") "Log matches\n" H_JUNK

#define NUM_STD "access-list {<1-99>$num|<1300-1999>$num}"
#define H_NUM_STD H_ACL "A standard list\nA standard list (expanded range)\n"
#define NUM_EXT "access-list {<100-199>$num|<2000-2699>$num}"
#define H_NUM_EXT H_ACL "An extended list\nAn extended list (expanded range)\n"
#define NUM_ANY                                                                \
	"access-list {<1-99>$num|<100-199>$num|<1300-1999>$num|<2000-2699>$num}"
#define H_NUM_ANY                                                              \
	H_ACL "A standard list\nAn extended list\n"                            \
	      "A standard list (expanded range)\nAn extended list (expanded range)\n"
#define H_REMARK "An access list entry comment\nUp to 100 characters\n"

#define ENTRY(mode, pre, hpre, body, hbody, fn)                                \
	{                                                                      \
		pre " " ACT " " body, hpre H_ACT hbody, mode, PRIV_ADMIN,      \
			CLI_F_DEFER, fn                                        \
	}

static const struct cli_cmd acl_cmds[] = {
	/* the list modes, from global configuration */
	{ "ip access-list standard WORD$name [LINE$rest]",
	  H_IP "Named access lists\nA standard list (source addresses)\n"
	       "Name of the list\n(a name has no spaces)",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_open },
	{ "ip access-list extended WORD$name [LINE$rest]",
	  H_IP "Named access lists\nAn extended list\nName of the list\n"
	       "(a name has no spaces)",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_open },
	{ "ipv6 access-list WORD$name [LINE$rest]",
	  H_IPV6 "IPv6 access lists\nName of the list\n(a name has no spaces)",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_open },
	{ "no ip access-list {standard|extended} WORD$name",
	  H_NO H_IP "Named access lists\nA standard list\nAn extended list\n"
		    "Name of the list",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_no_open },
	{ "no ipv6 access-list WORD$name",
	  H_NO H_IPV6 "IPv6 access lists\nName of the list", MODE_CONFIG,
	  PRIV_ADMIN, 0, do_no_open },
	{ "ip access-list resequence WORD$name [<1-2147483647>$start "
	  "[<1-2147483647>$step]]",
	  H_IP "Named access lists\nRenumber the entries of a list\n"
	       "Name of the list\nThe first sequence number (default 10)\n"
	       "The step between numbers (default 10)",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_resequence },
	{ "ipv6 access-list resequence WORD$name [<1-2147483647>$start "
	  "[<1-2147483647>$step]]",
	  H_IPV6 "IPv6 access lists\nRenumber the entries of a list\n"
		 "Name of the list\nThe first sequence number (default 10)\n"
		 "The step between numbers (default 10)",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_resequence },

	/* standard lists */
	ENTRY(MODE_ACL_STD, SEQ, H_SEQ, BODY_STD, H_BODY_STD, do_entry),
	ENTRY(MODE_ACL_STD, "no", H_NO, BODY_STD, H_BODY_STD, do_no_entry),
	/* extended lists, by protocol */
	ENTRY(MODE_ACL_EXT, SEQ, H_SEQ, BODY_L4, H_BODY_L4, do_entry),
	ENTRY(MODE_ACL_EXT, SEQ, H_SEQ, BODY_ICMP_A, H_BODY_ICMP_A, do_entry),
	ENTRY(MODE_ACL_EXT, SEQ, H_SEQ, BODY_ICMP_B, H_BODY_ICMP_B, do_entry),
	ENTRY(MODE_ACL_EXT, SEQ, H_SEQ, BODY_OTHER, H_BODY_OTHER, do_entry),
	ENTRY(MODE_ACL_EXT, "no", H_NO, BODY_L4, H_BODY_L4, do_no_entry),
	ENTRY(MODE_ACL_EXT, "no", H_NO, BODY_ICMP_A, H_BODY_ICMP_A,
	      do_no_entry),
	ENTRY(MODE_ACL_EXT, "no", H_NO, BODY_ICMP_B, H_BODY_ICMP_B,
	      do_no_entry),
	ENTRY(MODE_ACL_EXT, "no", H_NO, BODY_OTHER, H_BODY_OTHER, do_no_entry),
	/* IPv6 lists */
	ENTRY(MODE_ACL6, SEQ6, H_SEQ6, BODY6_L4, H_BODY6_L4, do_entry),
	ENTRY(MODE_ACL6, SEQ6, H_SEQ6, BODY6_ICMP, H_BODY6_ICMP, do_entry),
	ENTRY(MODE_ACL6, SEQ6, H_SEQ6, BODY6_OTHER, H_BODY6_OTHER, do_entry),
	ENTRY(MODE_ACL6, "no", H_NO, BODY6_L4, H_BODY6_L4, do_no_entry),
	ENTRY(MODE_ACL6, "no", H_NO, BODY6_ICMP, H_BODY6_ICMP, do_no_entry),
	ENTRY(MODE_ACL6, "no", H_NO, BODY6_OTHER, H_BODY6_OTHER, do_no_entry),
	/* in every list mode */
	{ SEQ " remark LINE$text", H_SEQ H_REMARK, MODE_ACL_STD | MODE_ACL_EXT,
	  PRIV_ADMIN, CLI_F_DEFER, do_remark },
	{ SEQ6 " remark LINE$text", H_SEQ6 H_REMARK, MODE_ACL6, PRIV_ADMIN,
	  CLI_F_DEFER, do_remark },
	{ "no remark LINE$text", H_NO H_REMARK,
	  MODE_ACL_STD | MODE_ACL_EXT | MODE_ACL6, PRIV_ADMIN, CLI_F_DEFER,
	  do_no_remark },
	{ "no <0-4294967295>$seq", H_NO "Delete the entry of that number",
	  MODE_ACL_STD | MODE_ACL_EXT | MODE_ACL6, PRIV_ADMIN, CLI_F_DEFER,
	  do_no_seq },
	{ "no sequence <0-4294967295>$seq",
	  H_NO "Delete an entry by its sequence number\nSequence number",
	  MODE_ACL6, PRIV_ADMIN, CLI_F_DEFER, do_no_seq },

	/* numbered lists */
	ENTRY(MODE_CONFIG, NUM_STD, H_NUM_STD, BODY_STD, H_BODY_STD, do_entry),
	ENTRY(MODE_CONFIG, NUM_EXT, H_NUM_EXT, BODY_L4, H_BODY_L4, do_entry),
	ENTRY(MODE_CONFIG, NUM_EXT, H_NUM_EXT, BODY_ICMP_A, H_BODY_ICMP_A,
	      do_entry),
	ENTRY(MODE_CONFIG, NUM_EXT, H_NUM_EXT, BODY_ICMP_B, H_BODY_ICMP_B,
	      do_entry),
	ENTRY(MODE_CONFIG, NUM_EXT, H_NUM_EXT, BODY_OTHER, H_BODY_OTHER,
	      do_entry),
	{ NUM_ANY " remark LINE$text", H_NUM_ANY H_REMARK, MODE_CONFIG,
	  PRIV_ADMIN, CLI_F_DEFER, do_remark },
	{ "no " NUM_ANY, H_NO H_NUM_ANY, MODE_CONFIG, PRIV_ADMIN, 0,
	  do_no_numbered },

	/* on interfaces */
	{ "ip access-group WORD$acl {in|out}",
	  H_IP "Apply an access list to the interface\nName of the list\n"
	       "What arrives on the interface\nWhat leaves by it",
	  MODE_IF, PRIV_ADMIN, 0, do_group },
	{ "no ip access-group [WORD$acl] {in|out}",
	  H_NO H_IP "Apply an access list to the interface\nName of the list\n"
		    "What arrives on the interface\nWhat leaves by it",
	  MODE_IF, PRIV_ADMIN, 0, do_no_group },
	{ "ipv6 traffic-filter WORD$acl {in|out}",
	  H_IPV6
	  "Apply an IPv6 access list to the interface\n"
	  "Name of the list\nWhat arrives on the interface\nWhat leaves by it",
	  MODE_IF, PRIV_ADMIN, 0, do_group },
	{ "no ipv6 traffic-filter [WORD$acl] {in|out}",
	  H_NO H_IPV6
	  "Apply an IPv6 access list to the interface\n"
	  "Name of the list\nWhat arrives on the interface\nWhat leaves by it",
	  MODE_IF, PRIV_ADMIN, 0, do_no_group },
	{ NULL, NULL, 0, 0, 0, NULL },
};

static void std_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	(void)f;
	snprintf(buf, size, "(config-std-nacl)");
}

static void ext_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	(void)f;
	snprintf(buf, size, "(config-ext-nacl)");
}

static void v6_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	(void)f;
	snprintf(buf, size, "(config-ipv6-acl)");
}

/* Entered from global configuration; the frame holds the list's name. */
static const struct cli_mode acl_modes[] = {
	{ MODE_ACL_STD,
	  "config-std-nacl",
	  MODE_CONFIG,
	  { "acl", NULL },
	  std_prompt },
	{ MODE_ACL_EXT,
	  "config-ext-nacl",
	  MODE_CONFIG,
	  { "acl", NULL },
	  ext_prompt },
	{ MODE_ACL6,
	  "config-ipv6-acl",
	  MODE_CONFIG,
	  { "acl", NULL },
	  v6_prompt },
	{ 0, NULL, 0, { NULL, NULL }, NULL },
};

static const struct cli_config_ops acl_config_ops = {
	.stanzas = acl_config,
	.if_lines = acl_if_lines,
};

const struct cli_area acl_area = {
	.name = "acl",
	.cmds = acl_cmds,
	.modes = acl_modes,
	.flush = acl_flush,
	.config = &acl_config_ops,
};
