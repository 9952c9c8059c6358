/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_nft.c - access lists, their use on interfaces, NAT and connection
 * tracking against the real kernel, with `nft -j` and `conntrack` run
 * inside each namespace as the independent witnesses.  Changes the
 * kernel: run it only as
 *
 *	tests/sandbox.sh tests/net/test_nft
 *
 * The traffic tests build three VRFs in a row,
 *
 *	C c0 10.0.1.2 --- 10.0.1.1 r0 R r1 10.0.2.1 --- 10.0.2.2 s0 S
 *	  fd00:1::2          fd00:1::1    fd00:2::1        fd00:2::2
 *
 * with R forwarding, a listener (tests/net/listen.py) in S or C, and send
 * traffic only between them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/stat.h>

#include "net/net.h"
#include "net/nft.h"
#include "kernel.h"

static char tmpdir[64];
static const char *srcdir;

/* ---- helpers ------------------------------------------------------ */

static int teardown(void **state)
{
	(void)state;
	delete_vrfs();
	system("nft flush ruleset");
	return 0;
}

/* A shell command whose output and status do not matter. */
#define run(...) free(sh_out(NULL, __VA_ARGS__))

/* `nft -j list ruleset` in vrf (NULL: default) piped through jq -c. */
static char *nftj(const char *vrf, const char *jq)
{
	if (!vrf)
		return sh_out(NULL, "nft -j list ruleset | jq -c '%s'", jq);
	return sh_out(NULL, "ip netns exec %s nft -j list ruleset | jq -c '%s'",
		      vrf, jq);
}

/* The comments of the rules of chain in vrf's table, one per line. */
static char *comments(const char *vrf, const char *chain)
{
	char jq[256];

	snprintf(jq, sizeof(jq),
		 ".nftables[] | select(.rule) | .rule | "
		 "select(.table == \"vrfsh\" and .chain == \"%s\") | .comment",
		 chain);
	return nftj(vrf, jq);
}

static bool has_table(const char *vrf)
{
	char *out = nftj(vrf, "[.nftables[] | select(.table) | .table | "
			      "select(.family == \"inet\" and .name == "
			      "\"vrfsh\")] | length");
	bool has = atoi(out) > 0;

	free(out);
	return has;
}

static void assert_out(char *out, const char *want)
{
	if (strcmp(out, want))
		fail_msg("got [%s], wanted [%s]", out, want);
	free(out);
}

static struct net_acl_entry ent(uint32_t seq, enum net_acl_action a, int proto)
{
	struct net_acl_entry e;

	memset(&e, 0, sizeof(e));
	e.seq = seq;
	e.action = a;
	if (proto >= 0) {
		e.has_proto = true;
		e.proto = (uint8_t)proto;
	}
	return e;
}

static struct net_acl_addr host(const char *a)
{
	struct net_acl_addr x;

	memset(&x, 0, sizeof(x));
	x.kind = NET_ACL_HOST;
	assert_int_equal(
		inet_pton(strchr(a, ':') ? AF_INET6 : AF_INET, a, &x.addr), 1);
	return x;
}

static struct net_acl_addr wild(const char *a, const char *w)
{
	struct net_acl_addr x;

	memset(&x, 0, sizeof(x));
	x.kind = NET_ACL_WILDCARD;
	assert_int_equal(inet_pton(AF_INET, a, &x.addr), 1);
	assert_int_equal(inet_pton(AF_INET, w, &x.wildcard), 1);
	return x;
}

static struct net_acl_addr prefix(const char *a, unsigned plen)
{
	struct net_acl_addr x;

	memset(&x, 0, sizeof(x));
	x.kind = NET_ACL_PREFIX;
	x.plen = (unsigned char)plen;
	assert_int_equal(inet_pton(AF_INET6, a, &x.addr), 1);
	return x;
}

static struct net_acl_port port(enum net_acl_port_op op, uint16_t lo,
				uint16_t hi)
{
	struct net_acl_port p = { op, lo, hi };

	return p;
}

static struct net_acl acl(int family, enum net_acl_type type, const char *name,
			  struct net_acl_entry *v, size_t n)
{
	struct net_acl l;

	memset(&l, 0, sizeof(l));
	l.family = family;
	l.type = type;
	snprintf(l.name, sizeof(l.name), "%s", name);
	l.v = v;
	l.n = n;
	return l;
}

/* Entries equal, counters aside. */
static void assert_entries(const struct net_acl *got,
			   const struct net_acl_entry *want, size_t n)
{
	assert_int_equal(got->n, n);
	for (size_t i = 0; i < n; i++) {
		struct net_acl_entry g = got->v[i];

		g.packets = g.bytes = 0;
		if (memcmp(&g, &want[i], sizeof(g)))
			fail_msg("entry %zu (seq %u) differs", i, want[i].seq);
	}
}

static struct net_acl get_list(int family, const char *name)
{
	struct net_acls ls;
	struct net_acl l;

	OK(net_acl_dump(family, name, &ls, &err));
	assert_int_equal(ls.n, 1);
	l = ls.v[0];
	ls.v[0].v = NULL;
	ls.v[0].n = 0;
	net_acls_free(&ls);
	return l;
}

static struct net_acl_bind mkbind(const char *ifname, int family,
				  enum net_acl_dir dir, const char *list)
{
	struct net_acl_bind b;

	memset(&b, 0, sizeof(b));
	snprintf(b.ifname, sizeof(b.ifname), "%s", ifname);
	b.family = family;
	b.dir = dir;
	snprintf(b.acl, sizeof(b.acl), "%s", list);
	return b;
}

/* Every entry form: standard and extended IPv4, IPv6. */
static struct net_acl_entry std_v[5], ext_v[12], v6_v[6];

static void fill_entries(void)
{
	std_v[0] = ent(10, NET_ACL_PERMIT, -1);
	std_v[0].src = host("192.0.2.1");
	std_v[1] = ent(20, NET_ACL_DENY, -1);
	std_v[1].src = wild("192.0.2.1", "0.0.0.0"); /* not host */
	std_v[2] = ent(30, NET_ACL_REMARK, -1);
	strcpy(std_v[2].remark, "the lab's own: keep");
	std_v[3] = ent(40, NET_ACL_PERMIT, -1);
	std_v[3].src = wild("10.1.0.0", "0.255.0.255"); /* not contiguous */
	std_v[3].log = true;
	std_v[4] = ent(2147483647, NET_ACL_DENY, -1);
	std_v[4].src = wild("0.0.0.0", "255.255.255.255"); /* not any */

	ext_v[0] = ent(5, NET_ACL_PERMIT, IPPROTO_ICMP);
	ext_v[0].has_icmp_type = true;
	ext_v[0].icmp_type = 8;
	ext_v[1] = ent(6, NET_ACL_PERMIT, IPPROTO_ICMP);
	ext_v[1].has_icmp_type = ext_v[1].has_icmp_code = true;
	ext_v[1].icmp_type = 3;
	ext_v[1].icmp_code = 4;
	ext_v[2] = ent(10, NET_ACL_PERMIT, IPPROTO_TCP);
	ext_v[2].dst = host("10.0.2.2");
	ext_v[2].dport = port(NET_ACL_PORT_EQ, 80, 0);
	ext_v[2].form = 1;
	ext_v[3] = ent(20, NET_ACL_DENY, IPPROTO_TCP);
	ext_v[3].src = wild("10.0.0.0", "0.0.255.255");
	ext_v[3].sport = port(NET_ACL_PORT_RANGE, 1024, 65535);
	ext_v[3].dport = port(NET_ACL_PORT_NEQ, 22, 0);
	ext_v[4] = ent(30, NET_ACL_PERMIT, IPPROTO_TCP);
	ext_v[4].established = true;
	ext_v[5] = ent(40, NET_ACL_PERMIT, IPPROTO_UDP);
	ext_v[5].sport = port(NET_ACL_PORT_LT, 1024, 0);
	ext_v[5].dport = port(NET_ACL_PORT_GT, 30000, 0);
	ext_v[6] = ent(50, NET_ACL_DENY, 47);
	ext_v[6].log = true;
	ext_v[7] = ent(60, NET_ACL_REMARK, -1);
	strcpy(ext_v[7].remark, "x");
	ext_v[8] = ent(70, NET_ACL_PERMIT, -1);
	ext_v[8].src = host("10.9.9.9");
	ext_v[8].dst = wild("10.9.0.0", "0.0.0.255");
	ext_v[9] = ent(80, NET_ACL_PERMIT, 0); /* protocol 0: not ip */
	ext_v[10] = ent(90, NET_ACL_DENY, IPPROTO_UDP);
	ext_v[10].dport = port(NET_ACL_PORT_RANGE, 53, 53);
	ext_v[11] = ent(100, NET_ACL_PERMIT, -1);

	v6_v[0] = ent(10, NET_ACL_PERMIT, IPPROTO_ICMPV6);
	v6_v[0].has_icmp_type = true;
	v6_v[0].icmp_type = 128;
	v6_v[1] = ent(20, NET_ACL_PERMIT, IPPROTO_TCP);
	v6_v[1].dst = host("fd00:2::2");
	v6_v[1].dport = port(NET_ACL_PORT_EQ, 8080, 0);
	v6_v[2] = ent(30, NET_ACL_DENY, -1);
	v6_v[2].src = prefix("2001:db8:1234:5678:9abc:def0:1234:5678", 127);
	v6_v[2].dst = prefix("2001:db8:1234:5678:9abc:def0:1234:5679", 128);
	v6_v[2].log = true;
	v6_v[3] = ent(40, NET_ACL_PERMIT, IPPROTO_UDP);
	v6_v[3].src = prefix("fd00::", 8);
	v6_v[3].sport = port(NET_ACL_PORT_RANGE, 65000, 65535);
	v6_v[3].dport = port(NET_ACL_PORT_RANGE, 65000, 65535);
	v6_v[3].form = 65535;
	v6_v[4] = ent(50, NET_ACL_REMARK, -1);
	strcpy(v6_v[4].remark, "v6");
	v6_v[5] = ent(60, NET_ACL_PERMIT, -1);
	v6_v[5].src = prefix("::", 0);
}

/* ---- round trip ----------------------------------------------------- */

static void test_round_trip(void **state)
{
	struct net_acl s = acl(AF_INET, NET_ACL_STANDARD, "7", std_v, 5);
	struct net_acl x =
		acl(AF_INET, NET_ACL_EXTENDED, "WEB-in.1", ext_v, 12);
	struct net_acl y = acl(AF_INET6, NET_ACL_EXTENDED, "WEB-in.1", v6_v, 6);
	struct net_acl got;
	struct net_acls all;

	(void)state;
	OK(net_acl_set(&s, &err));
	OK(net_acl_set(&x, &err));
	OK(net_acl_set(&y, &err));
	got = get_list(AF_INET, "7");
	assert_int_equal(got.type, NET_ACL_STANDARD);
	assert_false(got.differs);
	assert_entries(&got, std_v, 5);
	net_acl_free(&got);
	got = get_list(AF_INET, "WEB-in.1");
	assert_int_equal(got.type, NET_ACL_EXTENDED);
	assert_entries(&got, ext_v, 12);
	net_acl_free(&got);
	got = get_list(AF_INET6, "WEB-in.1");
	assert_entries(&got, v6_v, 6);
	net_acl_free(&got);
	OK(net_acl_dump(AF_UNSPEC, NULL, &all, &err));
	assert_int_equal(all.n, 3);
	assert_int_equal(all.v[0].family, AF_INET);
	assert_int_equal(all.v[2].family, AF_INET6);
	net_acls_free(&all);
	/* the witness: one chain per list, a rule per entry and the end */
	assert_out(comments(NULL, "ip_7"),
		   "\"10 permit s=h192.0.2.1\"\n"
		   "\"20 deny s=w192.0.2.1,0.0.0.0\"\n"
		   "\"30 remark the lab's own: keep\"\n"
		   "\"40 permit s=w10.1.0.0,0.255.0.255 log\"\n"
		   "\"2147483647 deny s=w0.0.0.0,255.255.255.255\"\n"
		   "\"end standard\"\n");
	assert_out(sh_out(NULL, "nft -j list chain inet vrfsh ipv6_WEB-in.1 |"
				" jq '[.nftables[] | select(.rule)] | length'"),
		   "9\n"); /* 6 entries, nd-ns, nd-na, end */
	/* nft reads the non-contiguous wildcard as vrfsh meant it */
	assert_true(out_has("ip saddr & 255.0.255.0 == 10.0.0.0",
			    "nft list chain inet vrfsh ip_7"));
}

/* The same list again: no change in the kernel (handles stay). */
static void test_set_same(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "X", ext_v, 12);
	char *before, *after;
	unsigned long n;

	(void)state;

	OK(net_acl_set(&x, &err));
	before = sh_out(NULL, "nft -j list ruleset");
	n = net_nft_changes();
	OK(net_acl_set(&x, &err));
	OK(net_acl_create(AF_INET, NET_ACL_EXTENDED, "X", &err));
	assert_int_equal(net_nft_changes(), n);
	after = sh_out(NULL, "nft -j list ruleset");
	assert_string_equal(before, after);
	free(before);
	free(after);
}

/* Adding and removing one entry leaves the others' rules in place. */
static void test_entry_edit(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "E", ext_v, 12);
	struct net_acl_entry e = ent(15, NET_ACL_DENY, IPPROTO_UDP);
	const char *jq = "[.nftables[] | select(.rule) | .rule | "
			 "select(.chain == \"ip_E\") | .handle] | join(\" \")";
	char *before, *mid, *after, want[512];
	struct net_acl got;
	unsigned long n;

	(void)state;
	OK(net_acl_set(&x, &err));
	before = nftj(NULL, jq);
	n = net_nft_changes();
	OK(net_acl_entry_add(AF_INET, "E", &e, &err));
	assert_int_equal(net_nft_changes(), n + 1); /* one rule */
	FAILS(net_acl_entry_add(AF_INET, "E", &e, &err), EEXIST);
	mid = nftj(NULL, jq);
	/* the new rule sits between 10 and 20; every other handle stays */
	{
		char *p = strchr(before + 1, ' '), *q;

		p = strchr(p + 1, ' ');
		p = strchr(p + 1, ' '); /* after handles of 5, 6, 10 */
		q = mid + (p - before);
		snprintf(want, sizeof(want), "%.*s", (int)(p - before), before);
		assert_int_equal(strncmp(mid, want, strlen(want)), 0);
		assert_string_equal(strchr(q + 1, ' '), p);
	}
	assert_true(out_has(
		"\"15 deny p=17\"",
		"nft -j list chain inet vrfsh "
		"ip_E | jq '[.nftables[] | select(.rule)][3].rule.comment'"));
	got = get_list(AF_INET, "E");
	assert_int_equal(got.n, 13);
	assert_int_equal(got.v[3].seq, 15);
	net_acl_free(&got);
	OK(net_acl_entry_del(AF_INET, "E", 15, &err));
	FAILS(net_acl_entry_del(AF_INET, "E", 15, &err), ENOENT);
	after = nftj(NULL, jq);
	assert_string_equal(before, after);
	free(before);
	free(mid);
	free(after);
}

/* One change is one transaction: `nft monitor` sees one generation. */
static void test_atomic(void **state)
{
	struct net_acl_entry v[300];
	struct net_acl x;
	char *out;
	int pid;

	(void)state;
	for (uint32_t i = 0; i < 300; i++) {
		v[i] = ent(10 * (i + 1), NET_ACL_PERMIT, IPPROTO_TCP);
		v[i].dport = port(NET_ACL_PORT_EQ, (uint16_t)(1000 + i), 0);
	}
	x = acl(AF_INET, NET_ACL_EXTENDED, "BIG", v, 300);
	OK(net_acl_create(AF_INET, NET_ACL_EXTENDED, "BIG", &err));
	out = sh_out(NULL, "nft monitor > %s/monitor 2>&1 & echo $!", tmpdir);
	pid = atoi(out);
	free(out);
	usleep(300000); /* let it subscribe */
	OK(net_acl_set(&x, &err));
	for (uint32_t i = 0; i < 300; i++)
		v[i].dport.lo = (uint16_t)(2000 + i); /* all replaced */
	OK(net_acl_set(&x, &err));
	usleep(300000);
	kill(pid, SIGTERM);
	usleep(100000);
	assert_out(sh_out(NULL, "grep -c '^# new generation' %s/monitor",
			  tmpdir),
		   "2\n");
	assert_out(sh_out(NULL, "nft -j list chain inet vrfsh ip_BIG | jq "
				"'[.nftables[] | select(.rule)] | length'"),
		   "301\n");
}

static void test_table_lifetime(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "T", ext_v, 2);

	(void)state;
	assert_false(has_table(NULL));
	OK(net_acl_set(&x, &err));
	assert_true(has_table(NULL));
	OK(net_acl_delete(AF_INET, "T", &err));
	FAILS(net_acl_delete(AF_INET, "T", &err), ENOENT);
	assert_false(has_table(NULL));
	/* NAT alone makes and keeps a table too */
	OK(net_vrf_create("R", NULL, &err));
	OK(net_nat_role_set("R", "r1", NET_NAT_OUTSIDE, &err));
	assert_true(has_table("R"));
	OK(net_nat_role_set("R", "r1", NET_NAT_NONE, &err));
	assert_false(has_table("R"));
}

/* ---- lists are global: copies where they are used ------------------- */

static void test_copies(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "G", ext_v, 3);
	struct net_acl u = acl(AF_INET, NET_ACL_STANDARD, "UNUSED", std_v, 1);
	struct net_acl_bind b = mkbind("r0", AF_INET, NET_ACL_IN, "G");
	struct net_acl_entry e = ent(4, NET_ACL_DENY, -1);
	struct net_acl_binds bs;

	(void)state;
	OK(net_vrf_create("R", NULL, &err));
	OK(net_vrf_create("S", NULL, &err));
	OK(net_acl_set(&x, &err));
	OK(net_acl_set(&u, &err));
	OK(net_acl_bind("R", &b, &err));
	b.dir = NET_ACL_OUT;
	OK(net_acl_bind("S", &b, &err));
	/* default holds both; R and S only G */
	assert_out(comments(NULL, "ip_UNUSED"),
		   "\"10 permit s=h192.0.2.1\"\n\"end standard\"\n");
	assert_out(comments("R", "ip_UNUSED"), "");
	assert_out(comments("R", "acl-in"), "\"ip r0 G\"\n");
	assert_out(comments("S", "acl-out"), "\"ip r0 G\"\n");
	OK(net_acl_entry_add(AF_INET, "G", &e, &err));
	assert_out(comments("R", "ip_G"),
		   "\"4 deny\"\n\"5 permit p=1 it=8\"\n"
		   "\"6 permit p=1 it=3 ic=4\"\n"
		   "\"10 permit p=6 d=h10.0.2.2 dp=eq80 f=1\"\n"
		   "\"end extended\"\n");
	assert_out(comments("S", "ip_G"),
		   "\"4 deny\"\n\"5 permit p=1 it=8\"\n"
		   "\"6 permit p=1 it=3 ic=4\"\n"
		   "\"10 permit p=6 d=h10.0.2.2 dp=eq80 f=1\"\n"
		   "\"end extended\"\n");
	FAILS(net_acl_delete(AF_INET, "G", &err), EBUSY);
	OK(net_acl_bind_dump("S", &bs, &err));
	assert_int_equal(bs.n, 1);
	assert_string_equal(bs.v[0].acl, "G");
	assert_int_equal(bs.v[0].dir, NET_ACL_OUT);
	net_acl_binds_free(&bs);
	/* another list in place of G on S's r0 out: G's copy goes */
	snprintf(b.acl, sizeof(b.acl), "UNUSED");
	OK(net_acl_bind("S", &b, &err));
	assert_out(comments("S", "ip_G"), "");
	assert_out(comments("S", "acl-out"), "\"ip r0 UNUSED\"\n");
	OK(net_acl_unbind("S", "r0", AF_INET, NET_ACL_OUT, &err));
	OK(net_acl_unbind("S", "r0", AF_INET, NET_ACL_OUT, &err));
	assert_false(has_table("S"));
	OK(net_acl_unbind("R", "r0", AF_INET, NET_ACL_IN, &err));
	OK(net_acl_delete(AF_INET, "G", &err));
	assert_false(has_table("R"));
}

/* ---- what vrfsh did not make ---------------------------------------- */

static const char mine[] =
	"add table inet mine; add chain inet mine c { type filter hook "
	"forward priority 0; }; add rule inet mine c tcp dport 22 counter "
	"accept comment \\\"hand made\\\"";

static void test_foreign_table(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "F", ext_v, 12);
	struct net_acl_bind b = mkbind("r0", AF_INET, NET_ACL_IN, "F");
	struct net_nat_static st = { .proto = 0 };
	char *before[2], *after[2], cmd[512];
	struct net_nft_notes notes;

	(void)state;
	OK(net_vrf_create("R", NULL, &err));
	snprintf(cmd, sizeof(cmd), "nft \"%s\"", mine);
	sh(cmd);
	snprintf(cmd, sizeof(cmd), "ip netns exec R nft \"%s\"", mine);
	sh(cmd);
	before[0] = sh_out(NULL, "nft -j list table inet mine");
	before[1] = sh_out(NULL, "ip netns exec R nft -j list table inet mine");
	inet_pton(AF_INET, "10.0.1.2", &st.local);
	inet_pton(AF_INET, "10.0.2.1", &st.global);
	OK(net_acl_set(&x, &err));
	OK(net_acl_bind("R", &b, &err));
	OK(net_nat_role_set("R", "r1", NET_NAT_OUTSIDE, &err));
	OK(net_nat_static_add("R", &st, &err));
	OK(net_acl_clear_counters(AF_UNSPEC, NULL, &err));
	OK(net_nft_check("R", &notes, &err));
	assert_int_equal(notes.n, 1);
	assert_int_equal(notes.v[0].kind, NET_NFT_TABLE);
	assert_string_equal(notes.v[0].table, "mine");
	net_nft_notes_free(&notes);
	OK(net_nat_static_del("R", &st, &err));
	OK(net_nat_role_set("R", "r1", NET_NAT_NONE, &err));
	OK(net_acl_unbind("R", "r0", AF_INET, NET_ACL_IN, &err));
	OK(net_acl_delete(AF_INET, "F", &err));
	after[0] = sh_out(NULL, "nft -j list table inet mine");
	after[1] = sh_out(NULL, "ip netns exec R nft -j list table inet mine");
	for (int i = 0; i < 2; i++) {
		assert_true(strstr(after[i], "hand made") != NULL);
		assert_string_equal(before[i], after[i]);
		free(before[i]);
		free(after[i]);
	}
	assert_false(has_table(NULL));
	assert_false(has_table("R"));
}

/* A `table inet vrfsh` made by hand is not vrfsh's: it is refused. */
static void test_foreign_owner(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "F", ext_v, 1);
	struct net_acl_bind b = mkbind("r0", AF_INET, NET_ACL_IN, "F");
	char *before, *after;
	struct net_nft_notes notes;

	(void)state;
	/* in another VRF: none of a list's concern, but no binding there */
	OK(net_vrf_create("X", NULL, &err));
	sh("ip netns exec X nft 'add table inet vrfsh; add chain inet vrfsh "
	   "ip_F'");
	before = sh_out(NULL, "ip netns exec X nft -j list ruleset");
	OK(net_acl_set(&x, &err));
	FAILS(net_acl_bind("X", &b, &err), EEXIST);
	OK(net_acl_delete(AF_INET, "F", &err));
	after = sh_out(NULL, "ip netns exec X nft -j list ruleset");
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* in the default VRF: every list change is refused */
	sh("nft 'add table inet vrfsh; add chain inet vrfsh ip_F'");
	before = sh_out(NULL, "nft -j list ruleset");
	FAILS(net_acl_set(&x, &err), EEXIST);
	after = sh_out(NULL, "nft -j list ruleset");
	assert_string_equal(before, after);
	OK(net_nft_check(NULL, &notes, &err));
	assert_int_equal(notes.n, 1);
	assert_int_equal(notes.v[0].kind, NET_NFT_OWNER);
	net_nft_notes_free(&notes);
	free(before);
	free(after);
}

/* Rules changed or added by hand in vrfsh's table: reported, then
 * repaired by the next change. */
static void test_hand_edit(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "H", ext_v, 3);
	struct net_acl_entry e = ent(7, NET_ACL_DENY, -1);
	struct net_nft_notes notes;
	struct net_acl got;
	char *h;

	(void)state;
	OK(net_acl_set(&x, &err));
	OK(net_nft_check(NULL, &notes, &err));
	assert_int_equal(notes.n, 0);
	/* entry 10 made to match port 81, keeping its comment */
	h = nftj(NULL, ".nftables[] | select(.rule) | .rule | "
		       "select(.comment == \"10 permit p=6 d=h10.0.2.2 dp=eq80 "
		       "f=1\") | .handle");
	run("nft replace rule inet vrfsh ip_H handle %d ip daddr "
	    "10.0.2.2 tcp dport 81 counter return comment "
	    "'\"10 permit p=6 d=h10.0.2.2 dp=eq80 f=1\"'",
	    atoi(h));
	free(h);
	sh("nft add rule inet vrfsh ip_H udp dport 53 accept");
	OK(net_nft_check(NULL, &notes, &err));
	assert_int_equal(notes.n, 2);
	assert_int_equal(notes.v[0].kind, NET_NFT_RULE);
	assert_string_equal(notes.v[0].chain, "ip_H");
	assert_string_equal(notes.v[0].text,
			    "10 permit p=6 d=h10.0.2.2 dp=eq80 f=1");
	assert_string_equal(notes.v[1].text, "(no comment)");
	net_nft_notes_free(&notes);
	got = get_list(AF_INET, "H");
	assert_true(got.differs);
	assert_entries(&got, ext_v, 3); /* as vrfsh made it */
	net_acl_free(&got);
	OK(net_acl_entry_add(AF_INET, "H", &e, &err));
	OK(net_nft_check(NULL, &notes, &err));
	assert_int_equal(notes.n, 0);
	assert_true(out_has("tcp dport 80", "nft list chain inet vrfsh ip_H"));
	assert_false(out_has("udp dport 53", "nft list chain inet vrfsh ip_H"));
}

/* ---- bad input: refused, nothing changed ----------------------------- */

static void test_bad_input(void **state)
{
	struct net_acl x = acl(AF_INET, NET_ACL_EXTENDED, "B", ext_v, 3);
	struct net_acl_bind b = mkbind("r0", AF_INET, NET_ACL_IN, "NOPE");
	struct net_nat_overload o = { "B", "nowhere", 0 };
	struct net_acl_entry e, two[2];
	struct net_acl bad;
	char *before[2], *after;

	(void)state;
	OK(net_vrf_create("R", NULL, &err));
	OK(net_acl_set(&x, &err));
	before[0] = sh_out(NULL, "nft -j list ruleset");
	before[1] = sh_out(NULL, "ip netns exec R nft -j list ruleset");
	FAILS(net_acl_bind("R", &b, &err), ENOENT);
	b = mkbind("r0", AF_INET6, NET_ACL_IN, "B"); /* B is IPv4 */
	FAILS(net_acl_bind("R", &b, &err), ENOENT);
	b = mkbind("bad name", AF_INET, NET_ACL_IN, "B");
	FAILS(net_acl_bind("R", &b, &err), EINVAL);
	e = ent(10, NET_ACL_PERMIT, -1);
	e.dport = port(NET_ACL_PORT_EQ, 80, 0); /* ports on ip */
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e = ent(11, NET_ACL_PERMIT, IPPROTO_ICMP);
	e.sport = port(NET_ACL_PORT_EQ, 80, 0); /* ports on icmp */
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e = ent(0, NET_ACL_PERMIT, -1);
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), ERANGE);
	e.seq = NET_ACL_SEQ_MAX + 1;
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), ERANGE);
	e = ent(12, NET_ACL_PERMIT, -1);
	e.src = prefix("fd00::", 8); /* a prefix in IPv4 */
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e.src.kind = NET_ACL_WILDCARD; /* a wildcard in IPv6 */
	bad = acl(AF_INET6, NET_ACL_EXTENDED, "B6", &e, 1);
	FAILS(net_acl_set(&bad, &err), EINVAL);
	e = ent(13, NET_ACL_PERMIT, IPPROTO_TCP);
	e.dport = port(NET_ACL_PORT_RANGE, 90, 80);
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e.dport = port(NET_ACL_PORT_LT, 0, 0);
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e.dport = port(NET_ACL_PORT_GT, 65535, 0);
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e = ent(14, NET_ACL_PERMIT, IPPROTO_UDP);
	e.established = true;
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e = ent(15, NET_ACL_PERMIT, IPPROTO_TCP);
	e.has_icmp_type = true;
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e = ent(16, NET_ACL_PERMIT, IPPROTO_ICMP);
	e.has_icmp_code = true;
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	e = ent(17, NET_ACL_REMARK, -1); /* empty remark */
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	memset(e.remark, 'r', NET_ACL_REMARK_MAX);
	e.remark[NET_ACL_REMARK_MAX] = '\0';
	OK(net_acl_entry_check(AF_INET, NET_ACL_EXTENDED, &e, &err));
	e.remark[3] = '\n';
	FAILS(net_acl_entry_add(AF_INET, "B", &e, &err), EINVAL);
	FAILS(net_acl_entry_add(AF_INET, "NOPE", &ext_v[0], &err), ENOENT);
	FAILS(net_acl_create(AF_INET, NET_ACL_STANDARD, "B", &err), EEXIST);
	FAILS(net_acl_create(AF_INET6, NET_ACL_STANDARD, "B", &err), EINVAL);
	FAILS(net_acl_create(AF_INET, NET_ACL_EXTENDED, "with space", &err),
	      EINVAL);
	FAILS(net_acl_create(AF_INET, NET_ACL_EXTENDED, "", &err), EINVAL);
	/* a standard list matches the source only */
	e = ent(10, NET_ACL_PERMIT, -1);
	e.dst = host("10.0.0.1");
	bad = acl(AF_INET, NET_ACL_STANDARD, "S", &e, 1);
	FAILS(net_acl_set(&bad, &err), EINVAL);
	two[0] = ent(10, NET_ACL_PERMIT, -1);
	two[1] = ent(10, NET_ACL_DENY, -1);
	bad = acl(AF_INET, NET_ACL_EXTENDED, "D", two, 2);
	FAILS(net_acl_set(&bad, &err), EEXIST);
	bad = acl(AF_INET, NET_ACL_STANDARD, "B", two, 1); /* B: ext */
	FAILS(net_acl_set(&bad, &err), EEXIST);
	/* NAT to a missing interface, or with a missing list */
	FAILS(net_nat_overload_add("R", &o, &err), ENOENT);
	sh("ip -n R link add r1 type veth peer name r1p");
	snprintf(o.ifname, sizeof(o.ifname), "r1");
	snprintf(o.acl, sizeof(o.acl), "NOPE");
	FAILS(net_nat_overload_add("R", &o, &err), ENOENT);
	FAILS(net_nat_overload_del("R", "B", &err), ENOENT);
	{
		struct net_nat_static s = { .proto = IPPROTO_TCP };

		inet_pton(AF_INET, "10.0.1.2", &s.local);
		inet_pton(AF_INET, "10.0.2.1", &s.global);
		FAILS(net_nat_static_add("R", &s, &err), EINVAL); /* ports */
		s.proto = IPPROTO_ICMP;
		s.lport = s.gport = 1;
		FAILS(net_nat_static_add("R", &s, &err), EINVAL);
		FAILS(net_nat_static_del("R", &s, &err), ENOENT);
	}
	FAILS(net_nat_role_set("R", "", NET_NAT_INSIDE, &err), EINVAL);
	FAILS(net_acl_bind("NOVRF", &b, &err), ENOENT);
	after = sh_out(NULL, "nft -j list ruleset");
	assert_string_equal(before[0], after);
	free(after);
	after = sh_out(NULL, "ip netns exec R nft -j list ruleset");
	assert_string_equal(before[1], after);
	free(after);
	free(before[0]);
	free(before[1]);
}

/* ---- NAT configuration ------------------------------------------------ */

static void test_nat_round_trip(void **state)
{
	struct net_acl_entry pe = ent(10, NET_ACL_PERMIT, -1);
	struct net_acl l;
	struct net_nat_if ifs[3] = {
		{ "r0", NET_NAT_INSIDE },
		{ "r1", NET_NAT_OUTSIDE },
		{ "r2", NET_NAT_INSIDE },
	};
	struct net_nat_overload ovl[1] = { { "NAT", "r1", 0 } };
	struct net_nat_static st[3];
	struct net_nat nat = { ifs, 3, ovl, 1, st, 3 }, got;
	char *before, *after;

	(void)state;
	pe.src = wild("10.0.1.0", "0.0.0.255");
	l = acl(AF_INET, NET_ACL_STANDARD, "NAT", &pe, 1);
	memset(st, 0, sizeof(st));
	inet_pton(AF_INET, "10.0.1.2", &st[0].local);
	inet_pton(AF_INET, "10.0.2.100", &st[0].global);
	st[1].proto = IPPROTO_TCP;
	inet_pton(AF_INET, "10.0.1.3", &st[1].local);
	st[1].lport = 8080;
	inet_pton(AF_INET, "10.0.2.1", &st[1].global);
	st[1].gport = 80;
	st[2] = st[1];
	st[2].proto = IPPROTO_UDP;
	OK(net_vrf_create("R", NULL, &err));
	sh("ip -n R link add r1 type veth peer name r1p");
	OK(net_acl_set(&l, &err));
	OK(net_nat_set("R", &nat, &err));
	OK(net_nat_dump("R", &got, &err));
	assert_int_equal(got.nifs, 3);
	assert_int_equal(got.novl, 1);
	assert_int_equal(got.nst, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(got.ifs[i].ifname, ifs[i].ifname);
		assert_int_equal(got.ifs[i].role, ifs[i].role);
		assert_memory_equal(&got.st[i], &st[i], sizeof(st[i]));
	}
	assert_string_equal(got.ovl[0].acl, "NAT");
	assert_string_equal(got.ovl[0].ifname, "r1");
	net_nat_free(&got);
	assert_out(comments("R", "nat-post"),
		   "\"static 10.0.1.2 10.0.2.100\"\n"
		   "\"static tcp 10.0.1.3 8080 10.0.2.1 80\"\n"
		   "\"static udp 10.0.1.3 8080 10.0.2.1 80\"\n"
		   "\"overload NAT r1\"\n");
	assert_out(nftj("R", "[.nftables[] | select(.set) | .set | "
			     "\"\\(.name)=\\(.elem)\"] | join(\" \")"),
		   "\"nat-inside=[\\\"r0\\\",\\\"r2\\\"] "
		   "nat-outside=[\\\"r1\\\"]\"\n");
	before = sh_out(NULL, "ip netns exec R nft -j list ruleset");
	OK(net_nat_set("R", &nat, &err)); /* the same: no change */
	OK(net_nat_static_add("R", &st[1], &err));
	after = sh_out(NULL, "ip netns exec R nft -j list ruleset");
	assert_string_equal(before, after);
	free(before);
	free(after);
	st[1].global.s_addr = htonl(ntohl(st[1].global.s_addr) + 1);
	FAILS(net_nat_static_add("R", &st[1], &err), EEXIST);
	FAILS(net_acl_delete(AF_INET, "NAT", &err), EBUSY);
	memset(&nat, 0, sizeof(nat));
	OK(net_nat_set("R", &nat, &err));
	assert_false(has_table("R"));
}

/* ---- traffic ------------------------------------------------------------ */

/* C - R - S; S has a route back to C unless nat (only NAT reaches it). */
static void lab(bool back)
{
	OK(net_vrf_create("C", NULL, &err));
	OK(net_vrf_create("R", NULL, &err));
	OK(net_vrf_create("S", NULL, &err));
	/* no duplicate address detection: IPv6 is usable at once */
	sh("for n in C R S; do ip netns exec $n sysctl -qw"
	   " net.ipv6.conf.default.accept_dad=0"
	   " net.ipv6.conf.all.accept_dad=0 || exit 1; done");
	sh("ip link add c0 netns C type veth peer name r0 netns R"
	   " && ip link add r1 netns R type veth peer name s0 netns S"
	   " && ip -n C addr add 10.0.1.2/24 dev c0"
	   " && ip -n R addr add 10.0.1.1/24 dev r0"
	   " && ip -n R addr add 10.0.2.1/24 dev r1"
	   " && ip -n S addr add 10.0.2.2/24 dev s0"
	   " && ip -n C addr add fd00:1::2/64 dev c0 nodad"
	   " && ip -n R addr add fd00:1::1/64 dev r0 nodad"
	   " && ip -n R addr add fd00:2::1/64 dev r1 nodad"
	   " && ip -n S addr add fd00:2::2/64 dev s0 nodad"
	   " && ip -n C link set c0 up && ip -n R link set r0 up"
	   " && ip -n R link set r1 up && ip -n S link set s0 up"
	   " && ip -n C route add default via 10.0.1.1"
	   " && ip -n C -6 route add default via fd00:1::1"
	   " && ip -n S -6 route add fd00:1::/64 via fd00:2::1");
	if (back)
		sh("ip -n S route add 10.0.1.0/24 via 10.0.2.1");
	OK(net_forwarding_set("R", AF_INET, true, &err));
	OK(net_forwarding_set("R", AF_INET6, true, &err));
}

/* Starts the listener in vrf on ports; returns its pid. */
static int listen_in(const char *vrf, const char *ports)
{
	char *out;
	int pid;

	run("rm -f %s/ready %s/peers", tmpdir, tmpdir);
	out = sh_out(NULL,
		     "ip netns exec %s /usr/bin/python3 %s/listen.py "
		     "%s %s >/dev/null 2>&1 & echo $!",
		     vrf, srcdir, tmpdir, ports);
	pid = atoi(out);
	free(out);
	for (int i = 0; i < 100; i++) {
		char path[128];

		snprintf(path, sizeof(path), "%s/ready", tmpdir);
		if (access(path, F_OK) == 0)
			return pid;
		usleep(50000);
	}
	fail_msg("listener in %s did not start", vrf);
	return -1;
}

static void stop(int pid)
{
	if (pid > 0)
		kill(pid, SIGTERM);
	for (int i = 0; pid > 0 && i < 50 && kill(pid, 0) == 0; i++)
		usleep(20000);
}

/* Does a TCP connection from vrf to addr:port get its "ok". */
static bool tcp_ok(const char *vrf, const char *addr, int p)
{
	int status;
	char *out = sh_out(&status,
			   "ip netns exec %s /usr/bin/python3 -c '"
			   "import socket, sys\n"
			   "s = socket.create_connection((sys.argv[1], "
			   "int(sys.argv[2])), timeout=1)\n"
			   "print(s.recv(2).decode())' %s %d 2>/dev/null",
			   vrf, addr, p);
	bool ok = status == 0 && !strcmp(out, "ok\n");

	free(out);
	return ok;
}

static bool ping_ok(const char *vrf, const char *addr, int count)
{
	int status;
	char *out = sh_out(&status,
			   "ip netns exec %s ping -n -q -c %d -i 0.2 "
			   "-W 1 %s",
			   vrf, count, addr);

	free(out);
	return status == 0;
}

static uint64_t matches(const char *name, int family, uint32_t seq)
{
	struct net_acl l = get_list(family, name);
	uint64_t n = 0;

	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].seq == seq)
			n = l.v[i].packets;
	if (seq == 0)
		n = l.deny_packets;
	net_acl_free(&l);
	return n;
}

/* An extended list on R's inside interface: ICMP and TCP to one port. */
static void test_traffic_acl(void **state)
{
	struct net_acl_entry v[2] = { ent(10, NET_ACL_PERMIT, IPPROTO_ICMP),
				      ent(20, NET_ACL_PERMIT, IPPROTO_TCP) };
	struct net_acl l = acl(AF_INET, NET_ACL_EXTENDED, "IN", v, 2);
	struct net_acl_bind b = mkbind("r0", AF_INET, NET_ACL_IN, "IN");
	int pid;

	(void)state;
	v[1].dst = host("10.0.2.2");
	v[1].dport = port(NET_ACL_PORT_EQ, 8080, 0);
	lab(true);
	pid = listen_in("S", "8080 8081");
	assert_true(tcp_ok("C", "10.0.2.2", 8081)); /* open before */
	OK(net_acl_set(&l, &err));
	OK(net_acl_bind("R", &b, &err));
	assert_true(ping_ok("C", "10.0.2.2", 3));
	assert_int_equal(matches("IN", AF_INET, 10), 3);
	assert_true(tcp_ok("C", "10.0.2.2", 8080));
	assert_true(matches("IN", AF_INET, 20) >= 3); /* SYN, ACK, FIN */
	assert_false(tcp_ok("C", "10.0.2.2", 8081));
	assert_true(matches("IN", AF_INET, 0) >= 1); /* implicit deny */
	/* to R itself too: no TCP to R's own address */
	assert_true(ping_ok("C", "10.0.1.1", 1));
	assert_int_equal(matches("IN", AF_INET, 10), 4);
	/* the witness counts as vrfsh does */
	assert_out(sh_out(NULL,
			  "ip netns exec R nft -j list chain inet vrfsh "
			  "ip_IN | jq '.nftables[] | select(.rule) | .rule | "
			  "select(.comment == \"10 permit p=1\") | .expr[] | "
			  "select(.counter) | .counter.packets'"),
		   "4\n");
	/* edited while in use: takes effect at once */
	OK(net_acl_entry_del(AF_INET, "IN", 20, &err));
	assert_false(tcp_ok("C", "10.0.2.2", 8080));
	OK(net_acl_entry_add(AF_INET, "IN", &v[1], &err));
	assert_true(tcp_ok("C", "10.0.2.2", 8080));
	assert_int_equal(matches("IN", AF_INET, 10), 4); /* kept */
	OK(net_acl_clear_counters(AF_INET, "IN", &err));
	assert_int_equal(matches("IN", AF_INET, 10), 0);
	assert_int_equal(matches("IN", AF_INET, 0), 0);
	/* out on r1: what leaves towards S */
	OK(net_acl_unbind("R", "r0", AF_INET, NET_ACL_IN, &err));
	v[0].action = NET_ACL_DENY;
	OK(net_acl_set(&l, &err));
	b = mkbind("r1", AF_INET, NET_ACL_OUT, "IN");
	OK(net_acl_bind("R", &b, &err));
	assert_false(ping_ok("C", "10.0.2.2", 1));
	assert_true(tcp_ok("C", "10.0.2.2", 8080));
	assert_false(tcp_ok("C", "10.0.2.2", 8081));
	assert_true(ping_ok("C", "10.0.1.1", 1)); /* not leaving r1 */
	stop(pid);
}

static char *peers(void)
{
	return sh_out(NULL, "cat %s/peers", tmpdir);
}

/* Overload: S sees R's outside address; the flow is tracked. */
static void test_traffic_overload(void **state)
{
	struct net_acl_entry pe = ent(10, NET_ACL_PERMIT, -1);
	struct net_acl l = acl(AF_INET, NET_ACL_STANDARD, "NAT", &pe, 1);
	struct net_nat_overload o = { "NAT", "r1", 0 };
	struct net_ct_stats stats;
	struct net_nat nat;
	struct net_cts cts;
	size_t n;
	int pid;

	(void)state;
	pe.src = wild("10.0.1.0", "0.0.0.255");
	lab(false);
	pid = listen_in("S", "8080");
	assert_false(tcp_ok("C", "10.0.2.2", 8080)); /* no way back */
	OK(net_acl_set(&l, &err));
	OK(net_nat_role_set("R", "r0", NET_NAT_INSIDE, &err));
	OK(net_nat_role_set("R", "r1", NET_NAT_OUTSIDE, &err));
	OK(net_nat_overload_add("R", &o, &err));
	sh("ip netns exec R conntrack -F 2>/dev/null");
	assert_true(tcp_ok("C", "10.0.2.2", 8080));
	assert_out(peers(), "8080 10.0.2.1\n");
	OK(net_ct_dump("R", AF_INET, true, &cts, &err));
	assert_int_equal(cts.n, 1);
	assert_int_equal(cts.v[0].proto, IPPROTO_TCP);
	assert_true(cts.v[0].snat);
	assert_false(cts.v[0].dnat);
	assert_int_equal(cts.v[0].orig.src.v4.s_addr, inet_addr("10.0.1.2"));
	assert_int_equal(cts.v[0].orig.dst.v4.s_addr, inet_addr("10.0.2.2"));
	assert_int_equal(cts.v[0].orig.dport, 8080);
	assert_int_equal(cts.v[0].reply.dst.v4.s_addr, inet_addr("10.0.2.1"));
	assert_int_equal(cts.v[0].reply.src.v4.s_addr, inet_addr("10.0.2.2"));
	assert_true(cts.v[0].timeout > 0);
	net_cts_free(&cts);
	/* the witness sees the same translation */
	assert_true(out_has("dst=10.0.2.1", "ip netns exec R conntrack -L -p "
					    "tcp --src 10.0.1.2"));
	OK(net_ct_stats("R", &stats, &err));
	assert_true(stats.entries >= 1);
	assert_int_equal(stats.nat, 1);
	assert_int_equal(stats.snat, 1);
	OK(net_nat_dump("R", &nat, &err));
	assert_int_equal(nat.novl, 1);
	assert_int_equal(nat.ovl[0].packets, 1); /* one connection */
	net_nat_free(&nat);
	assert_true(ping_ok("C", "10.0.2.2", 1));
	OK(net_ct_flush("R", true, &n, &err));
	assert_int_equal(n, 2);
	assert_out(sh_out(NULL, "ip netns exec R conntrack -L -p tcp "
				"--src 10.0.1.2 2>/dev/null | wc -l"),
		   "0\n");
	OK(net_ct_dump("R", AF_UNSPEC, true, &cts, &err));
	assert_int_equal(cts.n, 0);
	net_cts_free(&cts);
	stop(pid);
}

/* A static port forward from outside reaches the inside server. */
static void test_traffic_static(void **state)
{
	struct net_nat_static pf = { .proto = IPPROTO_TCP,
				     .lport = 8080,
				     .gport = 80 };
	struct net_nat_static one = { .proto = 0 };
	struct net_nat nat;
	int pid;

	(void)state;
	lab(false);
	inet_pton(AF_INET, "10.0.1.2", &pf.local);
	inet_pton(AF_INET, "10.0.2.1", &pf.global);
	OK(net_nat_role_set("R", "r0", NET_NAT_INSIDE, &err));
	OK(net_nat_role_set("R", "r1", NET_NAT_OUTSIDE, &err));
	OK(net_nat_static_add("R", &pf, &err));
	pid = listen_in("C", "8080");
	assert_true(tcp_ok("S", "10.0.2.1", 80));
	assert_out(peers(), "8080 10.0.2.2\n"); /* only the destination */
	assert_false(tcp_ok("S", "10.0.2.1", 8080));
	OK(net_nat_dump("R", &nat, &err));
	assert_int_equal(nat.nst, 1);
	assert_int_equal(nat.st[0].in_packets, 1);
	net_nat_free(&nat);
	stop(pid);
	/* one to one, both ways, on an address of R's own */
	OK(net_nat_static_del("R", &pf, &err));
	sh("ip -n R addr add 10.0.2.100/32 dev r1");
	inet_pton(AF_INET, "10.0.1.2", &one.local);
	inet_pton(AF_INET, "10.0.2.100", &one.global);
	OK(net_nat_static_add("R", &one, &err));
	pid = listen_in("C", "8080");
	assert_true(tcp_ok("S", "10.0.2.100", 8080));
	stop(pid);
	pid = listen_in("S", "8080");
	assert_true(tcp_ok("C", "10.0.2.2", 8080));
	assert_out(peers(), "8080 10.0.2.100\n");
	stop(pid);
}

/* IPv6 lists on the IPv6 pair, neighbour discovery still working. */
static void test_traffic_v6(void **state)
{
	struct net_acl_entry v[2] = { ent(10, NET_ACL_PERMIT, IPPROTO_ICMPV6),
				      ent(20, NET_ACL_PERMIT, IPPROTO_TCP) };
	struct net_acl l = acl(AF_INET6, NET_ACL_EXTENDED, "IN", v, 2);
	struct net_acl_bind b = mkbind("r0", AF_INET6, NET_ACL_IN, "IN");
	int pid;

	(void)state;
	v[0].has_icmp_type = true;
	v[0].icmp_type = 128; /* echo request */
	v[1].dst = host("fd00:2::2");
	v[1].dport = port(NET_ACL_PORT_EQ, 8080, 0);
	lab(true);
	OK(net_acl_set(&l, &err));
	OK(net_acl_bind("R", &b, &err));
	pid = listen_in("S", "8080 8081");
	/* neighbour discovery through the list, then counted pings */
	run("ip netns exec C ping -c 1 -W 5 fd00:2::2");
	OK(net_acl_clear_counters(AF_INET6, "IN", &err));
	assert_true(ping_ok("C", "fd00:2::2", 2));
	assert_int_equal(matches("IN", AF_INET6, 10), 2);
	assert_true(out_has("fd00:1::2 dev r0 lladdr", "ip -n R -6 neigh"));
	assert_true(tcp_ok("C", "fd00:2::2", 8080));
	assert_false(tcp_ok("C", "fd00:2::2", 8081));
	/* IPv4 is left alone by an IPv6 list */
	assert_true(tcp_ok("C", "10.0.2.2", 8081));
	assert_true(out_has("nd-neighbor-solicit", "ip netns exec R nft list "
						   "chain inet vrfsh ipv6_IN"));
	stop(pid);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_teardown(f, teardown)
		T(test_round_trip),	  T(test_set_same),
		T(test_entry_edit),	  T(test_atomic),
		T(test_table_lifetime),	  T(test_copies),
		T(test_foreign_table),	  T(test_foreign_owner),
		T(test_hand_edit),	  T(test_bad_input),
		T(test_nat_round_trip),	  T(test_traffic_acl),
		T(test_traffic_overload), T(test_traffic_static),
		T(test_traffic_v6),
#undef T
	};
	int ret;

	if (getuid() != 0 || !getenv("VRFSH_SANDBOX") ||
	    access("/run/netns", W_OK) != 0) {
		fprintf(stderr, "run me as tests/sandbox.sh %s\n", "test_nft");
		return 77;
	}
	if (stat("/proc/thread-self/ns/net", &home) != 0)
		return 99;
	srcdir = getenv("NFT_TEST_SRCDIR");
	if (!srcdir)
		srcdir = "tests/net";
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/vrfsh-nft.XXXXXX");
	if (!mkdtemp(tmpdir))
		return 99;
	fill_entries();
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	run("rm -rf %s", tmpdir);
	net_cleanup();
	return ret;
}
