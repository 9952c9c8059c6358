/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_net.c - the backend against the real kernel, with iproute2 as the
 * independent witness.  Changes the kernel: run it only as
 *
 *	tests/sandbox.sh tests/net/test_net
 *
 * Every call is followed by a check that the process is still in the
 * network namespace it started in.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/capability.h>
#include <linux/rtnetlink.h>
#include <cmocka.h>

#include "net/net.h"
#include "net/route.h"
#include "kernel.h"

/* ---- helpers ---------------------------------------------------- */

static bool cmd_ok(const char *cmd)
{
	char buf[1100];

	snprintf(buf, sizeof(buf), "%s >/dev/null 2>&1", cmd);
	return system(buf) == 0;
}

static bool names_have(const struct net_names *n, const char *name)
{
	size_t i;

	for (i = 0; i < n->n; i++)
		if (!strcmp(n->v[i], name))
			return true;
	return false;
}

static struct net_addr v4(const char *a, int plen)
{
	struct net_addr addr = { .family = AF_INET,
				 .plen = (unsigned char)plen };

	assert_int_equal(inet_pton(AF_INET, a, &addr.a.v4), 1);
	return addr;
}

static struct net_addr v6(const char *a, int plen)
{
	struct net_addr addr = { .family = AF_INET6,
				 .plen = (unsigned char)plen };

	assert_int_equal(inet_pton(AF_INET6, a, &addr.a.v6), 1);
	return addr;
}

/* Wait up to 3 s for cmd to fail (a namespace dies asynchronously). */
static bool gone_soon(const char *cmd)
{
	int i;

	for (i = 0; i < 60; i++) {
		if (!cmd_ok(cmd))
			return true;
		usleep(50000);
	}
	return false;
}

/* Delete every VRF and the links tests left in default. */
static int teardown(void **state)
{
	(void)state;
	delete_vrfs();
	system("for l in $(ip -o link show | awk -F': ' '{print $2}'"
	       " | cut -d@ -f1); do [ $l = lo ] || ip link del $l; done"
	       " 2>/dev/null");
	check_home();
	return 0;
}

/* ---- namespaces ------------------------------------------------- */

static void test_vrf_create_list_delete(void **state)
{
	struct net_names names;
	bool created = false;

	(void)state;
	OK(net_vrf_create("Blue", &created, &err));
	assert_true(created);
	assert_true(out_has("Blue", "ip netns list"));
	assert_true(net_vrf_exists("Blue"));
	check_home();

	OK(net_vrf_create("Blue", &created, &err));
	assert_false(created);
	OK(net_vrf_create("default", &created, &err));
	assert_false(created);

	sh("ip netns add Red");
	OK(net_vrf_list(&names, &err));
	assert_int_equal(names.n, 2);
	assert_string_equal(names.v[0], "Blue");
	assert_string_equal(names.v[1], "Red");
	net_names_free(&names);

	OK(net_vrf_delete("Blue", 0, NULL, &err));
	assert_false(out_has("Blue", "ip netns list"));
	assert_false(net_vrf_exists("Blue"));
	assert_true(net_vrf_exists("default"));
	assert_true(net_vrf_exists(NULL));
	OK(net_vrf_delete("Red", 0, NULL, &err));
	assert_false(out_has("Red", "ip netns list"));
	OK(net_vrf_list(&names, &err));
	assert_int_equal(names.n, 0);
	net_names_free(&names);
}

static void test_vrf_lo_up(void **state)
{
	struct net_link lo;

	(void)state;
	OK(net_vrf_create("Blue", NULL, &err));
	assert_true(out_has("\"UP\"", "ip -n Blue -j link show lo"));
	assert_true(out_has("inet 127.0.0.1/8", "ip -n Blue addr show lo"));
	OK(net_link_get("Blue", "lo", &lo, &err));
	assert_true(lo.admin_up);
	assert_true(lo.oper_up);
	assert_true(lo.loopback);
	assert_false(net_link_is_physical(&lo));
	assert_int_equal(lo.mtu, 65536);
}

/* Deleted and made again by ip: the cached fd and socket must follow. */
static void test_vrf_recreated_behind_our_back(void **state)
{
	struct net_link l;

	(void)state;
	OK(net_vrf_create("Blue", NULL, &err));
	OK(net_link_add_bridge("Blue", "br-old", &err));
	sh("ip netns delete Blue && ip netns add Blue"
	   " && ip -n Blue link add br-new type bridge");
	FAILS(net_link_get("Blue", "br-old", &l, &err), ENODEV);
	OK(net_link_get("Blue", "br-new", &l, &err));
	sh("ip netns delete Blue");
	assert_false(net_vrf_exists("Blue"));
	check_home();
	FAILS(net_link_get("Blue", "br-new", &l, &err), ENOENT);
}

static void test_vrf_bad_names(void **state)
{
	bool created = true;

	(void)state;
	FAILS(net_vrf_create("a/b", &created, &err), EINVAL);
	assert_false(created);
	FAILS(net_vrf_create("..", NULL, &err), EINVAL);
	FAILS(net_vrf_delete("default", 0, NULL, &err), EINVAL);
	FAILS(net_vrf_delete("Nope", 0, NULL, &err), ENOENT);
	assert_string_equal(err.msg, strerror(ENOENT));
	assert_int_equal(net_vrf_fd("Nope", &err), -1);
	assert_int_equal(err.code, ENOENT);
}

/* Without privilege the cause is named. */
static void test_vrf_create_unprivileged(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct net_err e;
		int ret;

		if (setresgid(65534, 65534, 65534) ||
		    setresuid(65534, 65534, 65534))
			_exit(2);
		ret = net_vrf_create("Nobody", NULL, &e);
		_exit(ret == -EACCES && e.code == EACCES &&
				      !strcmp(e.msg,
					      "create the file: Permission denied") &&
				      e.need &&
				      !strcmp(e.need, NET_NEED_NETNS_DIR) ?
			      0 :
			      1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_false(out_has("Nobody", "ip netns list"));
}

/* ---- links ------------------------------------------------------ */

static void test_veth_across_vrfs(void **state)
{
	struct net_link a, b, d;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_vrf_create("B", NULL, &err));
	OK(net_link_add_veth("A", "va", "B", "vb", &err));
	assert_true(out_has("\"ifname\":\"va\"", "ip -n A -j link show va"));
	assert_true(out_has("\"ifname\":\"vb\"", "ip -n B -j link show vb"));
	assert_false(cmd_ok("ip -n A link show vb"));
	assert_false(cmd_ok("ip link show va"));

	OK(net_link_get("A", "va", &a, &err));
	OK(net_link_get("B", "vb", &b, &err));
	assert_string_equal(a.kind, "veth");
	assert_false(net_link_is_physical(&a));
	assert_true(a.has_mac);
	assert_int_equal(a.peer_ifindex, b.ifindex);
	assert_int_equal(b.peer_ifindex, a.ifindex);
	assert_true(a.peer_netnsid >= 0);
	assert_string_equal(net_vrf_by_netnsid("A", a.peer_netnsid), "B");
	assert_string_equal(net_vrf_by_netnsid("B", b.peer_netnsid), "A");
	assert_null(net_vrf_by_netnsid("A", -1));
	assert_null(net_vrf_by_netnsid("A", 4242));
	check_home();

	/* One end in default. */
	OK(net_link_add_veth(NULL, "vd", "A", "va2", &err));
	OK(net_link_get(NULL, "vd", &d, &err));
	OK(net_link_get("A", "va2", &a, &err));
	assert_string_equal(net_vrf_by_netnsid("A", a.peer_netnsid), "default");
	assert_string_equal(net_vrf_by_netnsid(NULL, d.peer_netnsid), "A");
	check_home();
}

static void test_veth_same_vrf_and_dump(void **state)
{
	struct net_links links;
	struct net_link l;
	size_t i, found = 0;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_veth("A", "x1", "A", "x2", &err));
	OK(net_link_get("A", "x1", &l, &err));
	assert_int_equal(l.peer_netnsid, -1);
	OK(net_link_dump("A", &links, &err));
	for (i = 0; i < links.n; i++) {
		if (!strcmp(links.v[i].name, "x1") ||
		    !strcmp(links.v[i].name, "x2"))
			found++;
		if (i > 0)
			assert_true(links.v[i - 1].ifindex <
				    links.v[i].ifindex);
	}
	assert_int_equal(found, 2);
	assert_string_equal(links.v[0].name, "lo");
	net_links_free(&links);
}

/* Is name among the names net_link_names() gives for vrf? */
static bool has_name(const char *vrf, const char *name)
{
	struct net_names names;
	bool found = false;

	OK(net_link_names(vrf, &names, &err));
	for (size_t i = 0; i < names.n; i++)
		found |= !strcmp(names.v[i], name);
	net_names_free(&names);
	return found;
}

/* The names for completion are kept between calls, and follow every
 * change made by others: links added, renamed, deleted, moved; a VRF
 * made again under the same name. */
static void test_link_names_follow_changes(void **state)
{
	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	assert_true(has_name("A", "lo"));
	assert_false(has_name("A", "n0"));
	sh("ip -n A link add n0 type veth peer name n1");
	assert_true(has_name("A", "n0"));
	assert_true(has_name("A", "n1"));
	assert_true(has_name("A", "n1")); /* kept: the same */
	sh("ip -n A link set n0 name n9");
	assert_false(has_name("A", "n0"));
	assert_true(has_name("A", "n9"));
	sh("ip -n A link del n9");
	assert_false(has_name("A", "n9"));
	assert_false(has_name("A", "n1"));
	sh("ip link add m0 type veth peer name m1");
	assert_true(has_name("", "m0"));
	sh("ip link set m1 netns A");
	assert_false(has_name("", "m1"));
	assert_true(has_name("A", "m1"));
	/* made again behind our back: nothing of the old one is kept */
	sh("ip netns delete A && ip netns add A");
	assert_false(has_name("A", "m1"));
	assert_true(has_name("A", "lo"));
	sh("ip link del m0 2>/dev/null; true");
	assert_false(has_name("", "m0"));
}

static void test_bridge_and_master(void **state)
{
	struct net_link br, va;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_bridge("A", "br0", &err));
	assert_true(out_has("\"info_kind\":\"bridge\"",
			    "ip -n A -j -d link show br0"));
	OK(net_link_add_veth("A", "va", "A", "vb", &err));
	OK(net_link_set_master("A", "va", "br0", &err));
	assert_true(out_has("\"master\":\"br0\"", "ip -n A -j link show va"));
	OK(net_link_get("A", "br0", &br, &err));
	OK(net_link_get("A", "va", &va, &err));
	assert_string_equal(br.kind, "bridge");
	assert_int_equal(va.master, br.ifindex);

	OK(net_link_set_master("A", "va", NULL, &err));
	assert_false(out_has("\"master\"", "ip -n A -j link show va"));
	OK(net_link_get("A", "va", &va, &err));
	assert_int_equal(va.master, 0);
	FAILS(net_link_set_master("A", "va", "nobr", &err), ENODEV);
}

static void test_link_delete(void **state)
{
	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_vrf_create("B", NULL, &err));
	OK(net_link_add_veth("A", "va", "B", "vb", &err));
	OK(net_link_del("A", "va", &err));
	assert_false(cmd_ok("ip -n A link show va"));
	assert_false(cmd_ok("ip -n B link show vb"));
	FAILS(net_link_del("A", "va", &err), ENODEV);
	OK(net_link_add_bridge("B", "br1", &err));
	OK(net_link_del("B", "br1", &err));
	assert_false(cmd_ok("ip -n B link show br1"));
}

static void test_link_move(void **state)
{
	struct net_link l;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_veth(NULL, "m1", NULL, "m2", &err));
	OK(net_link_move(NULL, "m2", "A", &err));
	assert_true(cmd_ok("ip -n A link show m2"));
	assert_false(cmd_ok("ip link show m2"));
	OK(net_link_get("A", "m2", &l, &err));
	assert_string_equal(net_vrf_by_netnsid("A", l.peer_netnsid), "default");
	OK(net_link_move("A", "m2", "global", &err));
	assert_true(cmd_ok("ip link show m2"));
	assert_false(cmd_ok("ip -n A link show m2"));
	FAILS(net_link_move("A", "m2", NULL, &err), ENODEV);
	FAILS(net_link_move(NULL, "m2", "Nope", &err), ENOENT);
}

static void test_link_up_down(void **state)
{
	struct net_link l;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_veth("A", "va", "A", "vb", &err));
	OK(net_link_get("A", "va", &l, &err));
	assert_false(l.admin_up);
	OK(net_link_set_up("A", "va", true, &err));
	assert_true(out_has("\"UP\"", "ip -n A -j link show va"));
	OK(net_link_get("A", "va", &l, &err));
	assert_true(l.admin_up);
	assert_false(l.oper_up); /* peer still down */
	OK(net_link_set_up("A", "vb", true, &err));
	OK(net_link_get("A", "va", &l, &err));
	assert_true(l.oper_up);
	assert_true(out_has("\"operstate\":\"UP\"", "ip -n A -j link show va"));
	OK(net_link_set_up("A", "va", false, &err));
	assert_false(out_has("\"UP\"", "ip -n A -j link show va"));
	OK(net_link_get("A", "va", &l, &err));
	assert_false(l.admin_up);
	assert_false(l.oper_up);
	FAILS(net_link_set_up("A", "nope0", true, &err), ENODEV);
}

static void test_link_mtu(void **state)
{
	struct net_link l;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_veth("A", "va", "A", "vb", &err));
	OK(net_link_set_mtu("A", "va", 1400, &err));
	assert_true(out_has("\"mtu\":1400", "ip -n A -j link show va"));
	OK(net_link_get("A", "va", &l, &err));
	assert_int_equal(l.mtu, 1400);
	OK(net_link_set_mtu("A", "va", 0, &err));
	assert_true(out_has("\"mtu\":1500", "ip -n A -j link show va"));
	OK(net_link_set_mtu("A", "lo", 1500, &err));
	assert_true(out_has("\"mtu\":1500", "ip -n A -j link show lo"));
	OK(net_link_set_mtu("A", "lo", 0, &err));
	assert_true(out_has("\"mtu\":65536", "ip -n A -j link show lo"));
	/* The kernel explains this one in its extended ack. */
	FAILS(net_link_set_mtu("A", "va", 1000000, &err), EINVAL);
	assert_string_not_equal(err.msg, strerror(EINVAL));
	FAILS(net_link_set_mtu("A", "nope0", 0, &err), ENODEV);
}

static void test_link_alias(void **state)
{
	struct net_link l;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_bridge("A", "br0", &err));
	OK(net_link_set_alias("A", "br0", "uplink to core", &err));
	assert_true(out_has("\"ifalias\":\"uplink to core\"",
			    "ip -n A -j link show br0"));
	OK(net_link_get("A", "br0", &l, &err));
	assert_string_equal(l.alias, "uplink to core");
	OK(net_link_set_alias("A", "br0", "", &err));
	assert_false(out_has("ifalias", "ip -n A -j link show br0"));
	OK(net_link_get("A", "br0", &l, &err));
	assert_string_equal(l.alias, "");
	OK(net_link_set_alias("A", "br0", "x", &err));
	OK(net_link_set_alias("A", "br0", NULL, &err));
	assert_false(out_has("ifalias", "ip -n A -j link show br0"));
}

static void test_link_errors(void **state)
{
	struct net_link l;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_veth("A", "va", "A", "vb", &err));
	FAILS(net_link_add_veth("A", "va", "A", "vc", &err), EEXIST);
	assert_true(err.msg[0] != '\0');
	FAILS(net_link_add_veth("A", "vc", "A", "vb", &err), EEXIST);
	assert_true(err.msg[0] != '\0');
	assert_false(cmd_ok("ip -n A link show vc"));
	FAILS(net_link_add_bridge("A", "va", &err), EEXIST);
	FAILS(net_link_add_veth("A", "x", "Nope", "y", &err), ENOENT);
	FAILS(net_link_add_veth("Nope", "x", "A", "y", &err), ENOENT);
	FAILS(net_link_get("A", "nope0", &l, &err), ENODEV);
	FAILS(net_link_get("A", "0123456789abcdef", &l, &err), EINVAL);
	FAILS(net_link_del("A", "lo", &err), EOPNOTSUPP);
}

static void test_physical_classification(void **state)
{
	struct net_link phys = { .ifindex = 2, .name = "eth0" };
	struct net_link lo = { .ifindex = 1, .loopback = true };
	struct net_link dummy = { .ifindex = 3, .kind = "dummy" };
	struct net_link l;

	(void)state;
	assert_true(net_link_is_physical(&phys));
	assert_false(net_link_is_physical(&lo));
	assert_false(net_link_is_physical(&dummy));
	OK(net_vrf_create("A", NULL, &err));
	/* Made by ip, not us.  (Not dummy or ifb: loading those modules
	 * would add dummy0 or ifb0 to the host.) */
	sh("ip -n A link add b0 type bridge");
	OK(net_link_get("A", "b0", &l, &err));
	assert_string_equal(l.kind, "bridge");
	assert_false(net_link_is_physical(&l));
}

/* ---- addresses -------------------------------------------------- */

static const struct net_addr *find_addr(const struct net_addrs *as,
					const struct net_addr *want)
{
	size_t i;

	for (i = 0; i < as->n; i++) {
		const struct net_addr *a = &as->v[i];
		size_t len = a->family == AF_INET ? 4 : 16;

		if (a->family == want->family && a->plen == want->plen &&
		    !memcmp(&a->a, &want->a, len))
			return a;
	}
	return NULL;
}

static void test_addr_v4(void **state)
{
	struct net_addr p = v4("192.0.2.1", 24), s = v4("192.0.2.2", 24);
	const struct net_addr *a;
	struct net_addrs as;
	struct net_link l;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_veth("A", "va", "A", "vb", &err));
	OK(net_addr_add("A", "va", &p, &err));
	OK(net_addr_add("A", "va", &s, &err));
	assert_true(out_has("\"local\":\"192.0.2.1\",\"prefixlen\":24",
			    "ip -n A -j addr show dev va"));
	assert_true(
		out_has("\"secondary\":true", "ip -n A -j addr show dev va"));
	assert_false(out_has("192.0.2.255", "ip -n A -j addr show dev va"));

	OK(net_link_get("A", "va", &l, &err));
	OK(net_addr_dump("A", AF_INET, &as, &err));
	a = find_addr(&as, &p);
	assert_non_null(a);
	assert_int_equal(a->ifindex, l.ifindex);
	assert_false(a->secondary);
	assert_int_equal(a->scope, RT_SCOPE_UNIVERSE);
	a = find_addr(&as, &s);
	assert_non_null(a);
	assert_true(a->secondary);
	assert_non_null(find_addr(
		&as,
		&(struct net_addr){ .family = AF_INET,
				    .plen = 8,
				    .a.v4.s_addr = htonl(INADDR_LOOPBACK) }));
	net_addrs_free(&as);

	FAILS(net_addr_add("A", "va", &p, &err), EEXIST);
	assert_string_not_equal(err.msg, strerror(EEXIST)); /* ext ack */
	OK(net_addr_del("A", "va", &s, &err));
	assert_false(out_has("192.0.2.2", "ip -n A -j addr show dev va"));
	OK(net_addr_del("A", "va", &p, &err));
	assert_false(out_has("192.0.2.1", "ip -n A -j addr show dev va"));
	FAILS(net_addr_del("A", "va", &p, &err), EADDRNOTAVAIL);
}

static void test_addr_v6(void **state)
{
	struct net_addr p = v6("2001:db8::1", 64), bad = v6("2001:db8::2", 129);
	struct net_addrs as;
	size_t i;

	(void)state;
	if (access("/proc/sys/net/ipv6", F_OK) != 0)
		skip();
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_bridge("A", "br0", &err));
	OK(net_addr_add("A", "br0", &p, &err));
	assert_true(out_has("\"local\":\"2001:db8::1\",\"prefixlen\":64",
			    "ip -n A -j addr show dev br0"));
	OK(net_addr_dump("A", AF_INET6, &as, &err));
	assert_non_null(find_addr(&as, &p));
	for (i = 0; i < as.n; i++)
		assert_int_equal(as.v[i].family, AF_INET6);
	net_addrs_free(&as);
	OK(net_addr_dump("A", AF_UNSPEC, &as, &err));
	assert_non_null(find_addr(&as, &p));
	assert_non_null(find_addr(
		&as,
		&(struct net_addr){ .family = AF_INET,
				    .plen = 8,
				    .a.v4.s_addr = htonl(INADDR_LOOPBACK) }));
	net_addrs_free(&as);

	/* Extended ack text, not just strerror. */
	FAILS(net_addr_add("A", "br0", &bad, &err), EINVAL);
	assert_string_not_equal(err.msg, strerror(EINVAL));

	OK(net_addr_del("A", "br0", &p, &err));
	assert_false(out_has("2001:db8::1", "ip -n A -j addr show dev br0"));
}

static void test_addr_errors(void **state)
{
	struct net_addr p = v4("198.51.100.1", 24);
	struct net_addrs as;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	FAILS(net_addr_add("A", "nope0", &p, &err), ENODEV);
	FAILS(net_addr_del("A", "nope0", &p, &err), ENODEV);
	FAILS(net_addr_add("Nope", "lo", &p, &err), ENOENT);
	p.family = AF_PACKET;
	FAILS(net_addr_add("A", "lo", &p, &err), EAFNOSUPPORT);
	FAILS(net_addr_dump("A", AF_PACKET, &as, &err), EAFNOSUPPORT);
}

/* ---- forwarding ------------------------------------------------- */

static void check_forwarding(int family, const char *file)
{
	char cmd[256], here[256];
	bool on = true;

	snprintf(cmd, sizeof(cmd), "ip netns exec A cat %s", file);
	snprintf(here, sizeof(here), "cat %s", file);
	OK(net_forwarding_get("A", family, &on, &err));
	assert_false(on);
	OK(net_forwarding_set("A", family, true, &err));
	assert_true(out_has("1", cmd));
	OK(net_forwarding_get("A", family, &on, &err));
	assert_true(on);
	/* Not in default, nor in another VRF. */
	OK(net_forwarding_get(NULL, family, &on, &err));
	assert_false(on);
	assert_true(out_has("0", here));
	OK(net_forwarding_get("B", family, &on, &err));
	assert_false(on);
	OK(net_forwarding_set("A", family, false, &err));
	assert_true(out_has("0", cmd));
}

static void test_forwarding(void **state)
{
	bool on;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_vrf_create("B", NULL, &err));
	check_forwarding(AF_INET, "/proc/sys/net/ipv4/ip_forward");
	if (access("/proc/sys/net/ipv6", F_OK) == 0)
		check_forwarding(AF_INET6,
				 "/proc/sys/net/ipv6/conf/all/forwarding");
	OK(net_forwarding_set(NULL, AF_INET, true, &err));
	assert_true(out_has("1", "cat /proc/sys/net/ipv4/ip_forward"));
	assert_true(out_has("0", "ip netns exec A cat "
				 "/proc/sys/net/ipv4/ip_forward"));
	OK(net_forwarding_set(NULL, AF_INET, false, &err));
	FAILS(net_forwarding_get("Nope", AF_INET, &on, &err), ENOENT);
	FAILS(net_forwarding_get("A", AF_PACKET, &on, &err), EAFNOSUPPORT);
}

/* ---- deletion report -------------------------------------------- */

static pid_t start_in(const char *vrf)
{
	char path[128];
	struct stat ns, st;
	pid_t pid;
	int i;

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		execlp("ip", "ip", "netns", "exec", vrf, "sleep", "30",
		       (char *)NULL);
		_exit(127);
	}
	snprintf(path, sizeof(path), "/run/netns/%s", vrf);
	assert_int_equal(stat(path, &ns), 0);
	snprintf(path, sizeof(path), "/proc/%d/ns/net", pid);
	for (i = 0; i < 200; i++) {
		if (stat(path, &st) == 0 && st.st_ino == ns.st_ino)
			return pid;
		usleep(10000);
	}
	fail_msg("child never entered %s", vrf);
	return -1;
}

static void test_delete_report(void **state)
{
	struct net_vrf_del_report r;
	struct stat ns, fst;
	char fd3[64];
	pid_t pid;
	size_t i;
	int st;
	bool seen = false;

	(void)state;
	OK(net_vrf_create("D", NULL, &err));
	OK(net_link_add_veth("D", "dv1", NULL, "dv2", &err));
	sh("ip -n D link add b0 type bridge");
	pid = start_in("D");

	/* A process runs in it: refused without force, nothing changed. */
	FAILS(net_vrf_delete("D", 0, &r, &err), EBUSY);
	assert_int_equal(r.nrunning, 1);
	assert_int_equal(r.running[0], pid);
	for (i = 0; i < r.npids; i++)
		seen |= r.pids[i] == pid;
	assert_true(seen);
	assert_int_equal(r.destroyed.n + r.returned.n, 0);
	net_vrf_del_report_free(&r);
	assert_true(out_has("D", "ip netns list"));
	assert_true(cmd_ok("ip -n D link show dv1"));
	assert_true(cmd_ok("ip -n D link show b0"));
	assert_true(cmd_ok("ip link show dv2"));

	seen = false;
	OK(net_vrf_delete("D", NET_VRF_DEL_FORCE, &r, &err));
	assert_true(names_have(&r.destroyed, "dv1"));
	assert_true(names_have(&r.destroyed, "b0"));
	assert_false(names_have(&r.destroyed, "lo"));
	assert_int_equal(r.returned.n, 0);
	for (i = 0; i < r.npids; i++)
		seen |= r.pids[i] == pid;
	assert_true(seen);
	assert_int_equal(r.nrunning, 1);
	net_vrf_del_report_free(&r);
	assert_false(out_has("D", "ip netns list"));
	assert_false(net_vrf_exists("D"));

	/* The process keeps the namespace, but its links are gone now. */
	assert_false(cmd_ok("ip link show dv2"));
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &st, 0), pid);

	/* A process that only holds the namespace file open. */
	OK(net_vrf_create("G", NULL, &err));
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		execlp("sh", "sh", "-c", "exec 3</run/netns/G; exec sleep 30",
		       (char *)NULL);
		_exit(127);
	}
	/* Wait for sh itself (not the forked copy of us) to hold it. */
	assert_int_equal(stat("/run/netns/G", &ns), 0);
	snprintf(fd3, sizeof(fd3), "/proc/%d/fd/3", pid);
	for (i = 0; i < 200; i++) {
		if (stat(fd3, &fst) == 0 && fst.st_ino == ns.st_ino)
			break;
		usleep(10000);
	}
	assert_true(i < 200);
	OK(net_vrf_delete("G", 0, &r, &err));
	assert_int_equal(r.npids, 1);
	assert_int_equal(r.pids[0], pid);
	assert_int_equal(r.nrunning, 0);
	net_vrf_del_report_free(&r);
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &st, 0), pid);

	/* Nothing alive: no pids; and a NULL report is fine. */
	OK(net_vrf_create("E", NULL, &err));
	OK(net_link_add_veth("E", "ev1", NULL, "ev2", &err));
	OK(net_vrf_delete("E", 0, &r, &err));
	assert_int_equal(r.npids, 0);
	assert_int_equal(r.destroyed.n, 1);
	net_vrf_del_report_free(&r);
	assert_true(gone_soon("ip link show ev2"));
	OK(net_vrf_create("F", NULL, &err));
	OK(net_vrf_delete("F", 0, NULL, &err));
	FAILS(net_vrf_delete("F", 0, NULL, &err), ENOENT);
}

/* A VRF deleted while its name is reused must not reuse cached state. */
static void test_delete_then_create_same_name(void **state)
{
	struct net_link l;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_link_add_bridge("A", "br0", &err));
	OK(net_vrf_delete("A", 0, NULL, &err));
	OK(net_vrf_create("A", NULL, &err));
	FAILS(net_link_get("A", "br0", &l, &err), ENODEV);
	OK(net_link_get("A", "lo", &l, &err));
	assert_true(l.admin_up);
}

/* ---- hardening (issue 9) ---------------------------------------- */

#define CAPS(c) (1ull << (c))
#define ALL_CAPS (~0ull)

/* In a child: become uid/gid uid with only the capabilities caps. */
static void become(uid_t uid, unsigned long long caps)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	if (prctl(PR_SET_KEEPCAPS, 1L, 0L, 0L, 0L) || setgroups(0, NULL) ||
	    setresgid(uid, uid, uid) || setresuid(uid, uid, uid))
		_exit(90);
	memset(d, 0, sizeof(d));
	d[0].effective = d[0].permitted = (uint32_t)caps;
	d[1].effective = d[1].permitted = (uint32_t)(caps >> 32);
	if (syscall(SYS_capset, &h, d) != 0)
		_exit(91);
}

/* Run fn in a child as uid with caps; its exit status (0: all good). */
static int as(uid_t uid, unsigned long long caps, int (*fn)(void))
{
	pid_t pid = fork();
	int st;

	assert_true(pid >= 0);
	if (pid == 0) {
		if (uid != 0 || caps != ALL_CAPS)
			become(uid, caps);
		_exit(fn());
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* In a child: ret and e are what was wanted, else say what came. */
static bool got(const char *what, int ret, const struct net_err *e, int code,
		const char *need, const char *in_msg)
{
	bool ok = ret == -code && e->code == code &&
		  (need ? e->need && !strcmp(e->need, need) : !e->need) &&
		  (!in_msg || strstr(e->msg, in_msg));

	if (!ok || getenv("TEST_VERBOSE"))
		fprintf(stderr, "%s: %d %d [%s] need [%s]%s\n", what, ret,
			e->code, e->msg, e->need ? e->need : "",
			ok ? "" : " (unexpected)");
	return ok;
}

static bool exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

static int create_sys_admin_only(void)
{
	struct net_err e = { 0 };
	bool created = true;
	int ret = net_vrf_create("Half", &created, &e);

	return got("create, CAP_SYS_ADMIN only", ret, &e, EPERM,
		   NET_NEED_NET_ADMIN, "bring lo up") &&
			       !created ?
		       0 :
		       1;
}

static int create_net_admin_only(void)
{
	struct net_err e = { 0 };
	int ret = net_vrf_create("Half", NULL, &e);

	return got("create, CAP_NET_ADMIN only", ret, &e, EPERM,
		   NET_NEED_SYS_ADMIN, NULL) ?
		       0 :
		       1;
}

/* Defect 2: a creation that fails half-way leaves nothing behind. */
static void test_create_rolls_back(void **state)
{
	(void)state;
	assert_int_equal(as(0, CAPS(CAP_SYS_ADMIN), create_sys_admin_only), 0);
	assert_false(exists("/run/netns/Half"));
	assert_false(out_has("Half", "ip netns list"));
	assert_int_equal(as(0, CAPS(CAP_NET_ADMIN), create_net_admin_only), 0);
	assert_false(exists("/run/netns/Half"));
	/* and with every right it works */
	OK(net_vrf_create("Half", NULL, &err));
	assert_true(out_has("\"UP\"", "ip -n Half -j link show lo"));
}

/* What a refused delete must leave: Y whole, the same namespace. */
static void check_y_whole(const char *ino)
{
	char *now = sh_out(NULL, "stat -c %%i /run/netns/Y");

	assert_string_equal(now, ino);
	free(now);
	assert_true(out_has("Y", "ip netns list"));
	assert_true(cmd_ok("ip -n Y link show y0"));
	assert_true(cmd_ok("ip link show y1"));
	assert_true(out_has("\"UP\"", "ip -n Y -j link show lo"));
	assert_true(net_vrf_exists("Y"));
	check_home();
}

static int delete_no_dir_access(void)
{
	struct net_vrf_del_report r;
	struct net_err e = { 0 };
	int ret = net_vrf_delete("Y", 0, &r, &e);
	bool ok = got("delete, no write access", ret, &e, EACCES,
		      NET_NEED_NETNS_DIR, NET_NETNS_DIR) &&
		  r.destroyed.n == 0 && r.returned.n == 0;

	net_vrf_del_report_free(&r);
	return ok ? 0 : 1;
}

static int delete_unlink_refused(void)
{
	struct net_vrf_del_report r;
	struct net_err e = { 0 };
	int ret = net_vrf_delete("Y", 0, &r, &e);
	bool ok = got("delete, sticky directory", ret, &e, EPERM,
		      NET_NEED_NETNS_DIR, "remove the file") &&
		  strstr(e.msg, "kept") && r.destroyed.n == 0;

	net_vrf_del_report_free(&r);
	return ok ? 0 : 1;
}

/* Defect 2: a refused delete changes nothing, whichever step refuses. */
static void test_delete_refused_keeps_vrf(void **state)
{
	unsigned long long caps = CAPS(CAP_SYS_ADMIN) | CAPS(CAP_NET_ADMIN);
	char *ino;

	(void)state;
	OK(net_vrf_create("Y", NULL, &err));
	OK(net_link_add_veth("Y", "y0", NULL, "y1", &err));
	ino = sh_out(NULL, "stat -c %%i /run/netns/Y");
	/* /run/netns is root's 0755: the check refuses before anything */
	assert_int_equal(as(65534, caps, delete_no_dir_access), 0);
	check_y_whole(ino);
	/* sticky and world-writable: the check passes, the kernel refuses
	 * the unlink after the unmount; the namespace is bound back */
	sh("chmod 1777 /run/netns");
	assert_int_equal(as(65534, caps, delete_unlink_refused), 0);
	sh("chmod 0755 /run/netns");
	check_y_whole(ino);
	free(ino);
	OK(net_vrf_delete("Y", 0, NULL, &err));
	assert_false(exists("/run/netns/Y"));
	assert_false(cmd_ok("ip link show y1"));
}

/* Stale entries: reported apart, never in the way, removed by delete,
 * reused by create when they are empty regular files. */
static void test_stale_entries(void **state)
{
	static const char *const bad[] = { "Dir", "Full", "Half", "Sym" };
	struct net_names live, stale;
	struct net_vrf_del_report r;
	bool created = false;
	size_t i;

	(void)state;
	OK(net_vrf_create("Live", NULL, &err));
	sh("touch /run/netns/Half && mkdir /run/netns/Dir"
	   " && printf x >/run/netns/Full && echo keep >/run/target"
	   " && ln -s /run/target /run/netns/Sym");
	OK(net_vrf_scan(&live, &stale, &err));
	assert_int_equal(live.n, 1);
	assert_string_equal(live.v[0], "Live");
	assert_int_equal(stale.n, 4);
	for (i = 0; i < 4; i++) {
		assert_string_equal(stale.v[i], bad[i]);
		assert_true(net_vrf_is_stale(bad[i]));
		assert_false(net_vrf_exists(bad[i]));
		assert_int_equal(net_vrf_fd(bad[i], &err), -1);
		assert_int_equal(err.code, ENOENT);
	}
	assert_false(net_vrf_is_stale("Live"));
	assert_false(net_vrf_is_stale("Nope"));
	net_names_free(&live);
	net_names_free(&stale);
	OK(net_vrf_list(&live, &err));
	assert_int_equal(live.n, 1);
	net_names_free(&live);

	/* Not over a symlink, a directory or a file with data. */
	FAILS(net_vrf_create("Sym", NULL, &err), EEXIST);
	FAILS(net_vrf_create("Dir", NULL, &err), EEXIST);
	FAILS(net_vrf_create("Full", NULL, &err), EEXIST);
	assert_true(out_has("keep", "cat /run/target"));
	assert_false(out_has("/run/target", "cat /proc/self/mountinfo"));
	/* Over an empty regular file: a new namespace on it. */
	OK(net_vrf_create("Half", &created, &err));
	assert_true(created);
	assert_true(out_has("\"UP\"", "ip -n Half -j link show lo"));
	assert_false(net_vrf_is_stale("Half"));
	OK(net_vrf_delete("Half", 0, NULL, &err));

	/* no vrf removes them as ip netns delete does (not a directory) */
	sh("touch /run/netns/Half");
	OK(net_vrf_delete("Half", 0, &r, &err));
	assert_true(r.stale);
	net_vrf_del_report_free(&r);
	OK(net_vrf_delete("Sym", 0, &r, &err));
	assert_true(r.stale);
	net_vrf_del_report_free(&r);
	OK(net_vrf_delete("Full", 0, NULL, &err));
	assert_false(exists("/run/netns/Half"));
	assert_false(exists("/run/netns/Sym"));
	assert_false(exists("/run/netns/Full"));
	assert_true(out_has("keep", "cat /run/target"));
	FAILS(net_vrf_delete("Dir", 0, NULL, &err), EISDIR);
	sh("rmdir /run/netns/Dir && rm /run/target");
	assert_true(net_vrf_exists("Live"));
}

static pid_t hold(const char *vrf)
{
	char path[64], fd3[64];
	struct stat ns, st;
	pid_t pid;
	int i;

	snprintf(path, sizeof(path), "/run/netns/%s", vrf);
	assert_int_equal(stat(path, &ns), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(path, O_RDONLY); /* inherited by sleep */

		if (fd < 0 || dup2(fd, 3) < 0)
			_exit(126);
		execlp("sleep", "sleep", "30", (char *)NULL);
		_exit(127);
	}
	snprintf(fd3, sizeof(fd3), "/proc/%d/fd/3", pid);
	for (i = 0; i < 200; i++) {
		if (stat(fd3, &st) == 0 && st.st_ino == ns.st_ino)
			return pid;
		usleep(10000);
	}
	fail_msg("the holder never held %s", vrf);
	return -1;
}

/* Defect 6: another process holds the namespace: deleted interfaces
 * must not forward. */
static void test_delete_stops_forwarding(void **state)
{
	struct net_vrf_del_report r;
	struct stat ns, now;
	char path[64];
	pid_t pid;
	int st;

	(void)state;
	OK(net_vrf_create("X", NULL, &err));
	sh("ip link add f0 type veth peer name f1 netns X"
	   " && ip addr add 10.66.0.1/24 dev f0 && ip link set f0 up"
	   " && ip -n X addr add 10.66.0.2/24 dev f1"
	   " && ip -n X link set f1 up");
	assert_true(cmd_ok("ping -c 1 -W 2 10.66.0.2"));
	assert_int_equal(stat("/run/netns/X", &ns), 0);
	pid = hold("X");
	OK(net_vrf_delete("X", 0, &r, &err));
	assert_int_equal(r.nrunning, 0);
	assert_int_equal(r.npids, 1);
	assert_true(names_have(&r.destroyed, "f1"));
	net_vrf_del_report_free(&r);
	/* at once, although the namespace lives on */
	assert_false(cmd_ok("ip link show f0"));
	assert_false(cmd_ok("ping -c 1 -W 1 10.66.0.2"));
	/* it still holds the namespace */
	snprintf(path, sizeof(path), "/proc/%d/fd/3", (int)pid);
	assert_int_equal(stat(path, &now), 0);
	assert_true(now.st_ino == ns.st_ino);
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &st, 0), pid);
}

static size_t open_fds(void)
{
	char *out = sh_out(NULL, "ls /proc/%d/fd | wc -l", getpid());
	size_t n = strtoul(out, NULL, 10);

	free(out);
	return n;
}

#define MANY 300
#define MANY_LIMIT 200

static int many_vrfs(void)
{
	struct rlimit rl = { MANY_LIMIT, MANY_LIMIT };
	struct net_links links;
	struct net_names names;
	struct net_err e = { 0 };
	char name[32];
	bool on;
	int i, ret = 0;

	if (setrlimit(RLIMIT_NOFILE, &rl))
		return 2;
	for (i = 0; ret == 0 && i < MANY; i++) {
		snprintf(name, sizeof(name), "N%d", i);
		ret = net_vrf_create(name, NULL, &e);
		if (ret == 0)
			ret = net_link_dump(name, &links, &e);
		if (ret == 0)
			net_links_free(&links);
		if (ret == 0)
			ret = net_forwarding_get(name, AF_INET, &on, &e);
	}
	if (ret < 0) {
		fprintf(stderr, "VRF %d: %s\n", i, e.msg);
		return 3;
	}
	/* Each again, as a vrf-all command does. */
	if (net_vrf_list(&names, &e) < 0 || names.n != MANY)
		return 4;
	for (size_t k = 0; ret == 0 && k < names.n; k++) {
		ret = net_link_dump(names.v[k], &links, &e);
		if (ret == 0)
			net_links_free(&links);
	}
	net_names_free(&names);
	if (ret < 0) {
		fprintf(stderr, "dump: %s\n", e.msg);
		return 5;
	}
	fprintf(stderr, "%zu fds open for %d VRFs\n", open_fds(), MANY);
	return open_fds() <= 2 * NET_NETNS_CACHE + 16 ? 0 : 6;
}

/* Defect 7: descriptors are bounded, whatever the number of VRFs. */
static void test_fd_bound(void **state)
{
	(void)state;
	assert_int_equal(as(0, ALL_CAPS, many_vrfs), 0);
	assert_true(out_has("N299", "ip netns list"));
}

/* The netnsid map: right, kept for the command, renewed by
 * net_cmd_begin() and by the backend's own changes. */
static void test_nsid_cache(void **state)
{
	struct net_link d1, d2, d3, a1;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_vrf_create("B", NULL, &err));
	OK(net_link_add_veth(NULL, "d1", "A", "a1", &err));
	OK(net_link_add_veth(NULL, "d2", "B", "b1", &err));
	OK(net_link_get(NULL, "d1", &d1, &err));
	OK(net_link_get(NULL, "d2", &d2, &err));
	OK(net_link_get("A", "a1", &a1, &err));
	net_cmd_begin();
	assert_string_equal(net_vrf_by_netnsid(NULL, d1.peer_netnsid), "A");
	assert_string_equal(net_vrf_by_netnsid(NULL, d2.peer_netnsid), "B");
	assert_string_equal(net_vrf_by_netnsid("A", a1.peer_netnsid),
			    "default");
	assert_null(net_vrf_by_netnsid(NULL, 4242));

	/* A goes behind our back: the answer holds for the command ... */
	sh("ip netns delete A");
	assert_string_equal(net_vrf_by_netnsid(NULL, d1.peer_netnsid), "A");
	/* ... and not after it */
	net_cmd_begin();
	assert_null(net_vrf_by_netnsid(NULL, d1.peer_netnsid));
	assert_string_equal(net_vrf_by_netnsid(NULL, d2.peer_netnsid), "B");

	/* Our own change renews it without net_cmd_begin(). */
	OK(net_vrf_create("C", NULL, &err));
	OK(net_link_add_veth(NULL, "d3", "C", "c1", &err));
	OK(net_link_get(NULL, "d3", &d3, &err));
	assert_string_equal(net_vrf_by_netnsid(NULL, d3.peer_netnsid), "C");
}

static int need_nobody(void)
{
	struct net_addr a = v4("10.9.9.9", 32);
	struct net_err e = { 0 };
	struct net_links links;
	int bad = 0;

	bad += !got("bridge", net_link_add_bridge(NULL, "nb0", &e), &e, EPERM,
		    NET_NEED_NET_ADMIN, NULL);
	bad += !got("address", net_addr_add(NULL, "lo", &a, &e), &e, EPERM,
		    NET_NEED_NET_ADMIN, NULL);
	bad += !got("forwarding", net_forwarding_set(NULL, AF_INET, true, &e),
		    &e, EACCES, NET_NEED_NET_ADMIN, NULL);
	bad += !got("enter", net_link_dump("Blue", &links, &e), &e, EPERM,
		    NET_NEED_SYS_ADMIN, NULL);
	bad += !got("create", net_vrf_create("Nb", NULL, &e), &e, EACCES,
		    NET_NEED_NETNS_DIR, NULL);
	bad += !got("delete", net_vrf_delete("Blue", 0, NULL, &e), &e, EACCES,
		    NET_NEED_NETNS_DIR, NULL);
	/* not a privilege matter: no need */
	bad += !got("missing", net_link_dump("Nope", &links, &e), &e, ENOENT,
		    NULL, NULL);
	return bad;
}

static void on_probe(void *ctx, unsigned seq, enum net_probe result,
		     unsigned rtt_us)
{
	(void)ctx;
	(void)seq;
	(void)result;
	(void)rtt_us;
}

static int need_root_no_caps(void)
{
	struct net_ping_opts o;
	struct sockaddr_in *sin = (struct sockaddr_in *)&o.dst;
	struct net_err e = { 0 };

	memset(&o, 0, sizeof(o));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	o.count = 1;
	o.size = 100;
	o.timeout_ms = 100;
	/* ping_group_range is "1 0" in a new namespace: no ping socket */
	return got("ping", net_ping(NULL, &o, on_probe, NULL, NULL, &e), &e,
		   EACCES, NET_NEED_NET_RAW, NULL) ?
		       0 :
		       1;
}

static int need_sys_admin_only(void)
{
	struct net_err e = { 0 };

	return got("delete", net_vrf_delete("Blue", 0, NULL, &e), &e, EPERM,
		   NET_NEED_NET_ADMIN, NULL) ?
		       0 :
		       1;
}

static int need_net_admin_only(void)
{
	struct net_err e = { 0 };
	struct net_links links;
	int bad = 0;

	bad += !got("delete", net_vrf_delete("Blue", 0, NULL, &e), &e, EPERM,
		    NET_NEED_SYS_ADMIN, NULL);
	bad += !got("enter", net_link_dump("Blue", &links, &e), &e, EPERM,
		    NET_NEED_SYS_ADMIN, NULL);
	return bad;
}

/* Defect 9: a refusal says what it needs. */
static void test_err_need(void **state)
{
	(void)state;
	OK(net_vrf_create("Blue", NULL, &err));
	assert_int_equal(as(65534, 0, need_nobody), 0);
	assert_int_equal(as(0, 0, need_root_no_caps), 0);
	assert_int_equal(as(0, CAPS(CAP_SYS_ADMIN), need_sys_admin_only), 0);
	assert_int_equal(as(0, CAPS(CAP_NET_ADMIN), need_net_admin_only), 0);
	assert_true(net_vrf_exists("Blue"));
	assert_false(cmd_ok("ip link show nb0"));
	assert_false(exists("/run/netns/Nb"));
}

/* Defect 8: a VRF that vanishes after it was listed reads as ENOENT. */
static void test_vrf_vanishes(void **state)
{
	struct net_routes routes;
	struct net_links links;
	struct net_addrs addrs;
	struct net_names names;
	struct net_link l;
	bool on;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	OK(net_vrf_create("B", NULL, &err));
	OK(net_vrf_list(&names, &err));
	assert_int_equal(names.n, 2);
	OK(net_link_dump("A", &links, &err)); /* cached now */
	net_links_free(&links);
	sh("ip netns delete A");
	FAILS(net_link_dump(names.v[0], &links, &err), ENOENT);
	FAILS(net_link_get(names.v[0], "lo", &l, &err), ENOENT);
	FAILS(net_addr_dump(names.v[0], AF_UNSPEC, &addrs, &err), ENOENT);
	FAILS(net_route_dump(names.v[0], AF_INET, NET_TABLE_MAIN, &routes,
			     &err),
	      ENOENT);
	FAILS(net_forwarding_get(names.v[0], AF_INET, &on, &err), ENOENT);
	assert_null(net_vrf_by_netnsid(names.v[0], 0));
	OK(net_link_dump(names.v[1], &links, &err));
	net_links_free(&links);
	net_names_free(&names);

	/* Half-deleted by another tool: the file without its namespace. */
	OK(net_link_dump("B", &links, &err));
	net_links_free(&links);
	sh("umount -l /run/netns/B");
	FAILS(net_link_dump("B", &links, &err), ENOENT);
	assert_non_null(strstr(err.msg, "stale"));
	FAILS(net_forwarding_get("B", AF_INET, &on, &err), ENOENT);
	assert_false(net_vrf_exists("B"));
}

static int race(const char *what)
{
	struct net_err e = { 0 };
	struct net_links links;
	int i, ret, bad = 0;

	for (i = 0; i < 150; i++) {
		memset(&e, 0, sizeof(e));
		if (!strcmp(what, "create")) {
			ret = net_vrf_create("Race", NULL, &e);
		} else if (!strcmp(what, "delete")) {
			ret = net_vrf_delete("Race", 0, NULL, &e);
			if (ret == -ENOENT)
				ret = 0;
		} else {
			ret = net_link_dump("Race", &links, &e);
			if (ret == 0)
				net_links_free(&links);
			if (ret == -ENOENT)
				ret = 0;
		}
		if (ret < 0 && bad++ < 5)
			fprintf(stderr, "%s: %s\n", what, e.msg);
	}
	return bad ? 1 : 0;
}

static int race_create(void)
{
	return race("create");
}

static int race_delete(void)
{
	return race("delete");
}

static int race_read(void)
{
	return race("read");
}

/* Defect 2: creations and deletions at once give no spurious error
 * and never leave half a VRF. */
static void test_concurrent_create_delete(void **state)
{
	int (*fns[])(void) = { race_create, race_delete, race_create,
			       race_delete, race_read };
	pid_t pids[5];
	size_t i;
	int st;

	(void)state;
	for (i = 0; i < 5; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0)
			_exit(fns[i]());
	}
	for (i = 0; i < 5; i++) {
		assert_int_equal(waitpid(pids[i], &st, 0), pids[i]);
		assert_true(WIFEXITED(st));
		assert_int_equal(WEXITSTATUS(st), 0);
	}
	assert_false(net_vrf_is_stale("Race"));
	if (exists("/run/netns/Race"))
		assert_true(out_has("\"UP\"", "ip -n Race -j link show lo"));
}

static void count_done(void *ctx, const struct net_err *e)
{
	int *n = ctx;

	if (e->code == 0)
		(*n)++;
}

/* A static IPv4 route of length plen through lo, its prefix to set. */
static void lo_route(struct net_route *r, unsigned char plen)
{
	memset(r, 0, sizeof(*r));
	r->family = AF_INET;
	r->plen = plen;
	r->protocol = NET_PROTO_STATIC;
	r->type = NET_RT_UNICAST;
	r->table = NET_TABLE_MAIN;
	r->nnh = 1;
	r->nh[0].ifindex = 1; /* lo */
}

/* A socket with requests queued is flushed before it is closed: here
 * because its VRF went behind our back while they waited. */
static void test_batch_flushed_before_close(void **state)
{
	struct net_route r;
	int done = 0;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	lo_route(&r, 8);
	assert_int_equal(inet_pton(AF_INET, "10.0.0.0", &r.dst.v4), 1);
	OK(net_route_add_deferred("A", &r, count_done, &done, &err));
	assert_int_equal(done, 0);
	sh("ip netns delete A");
	assert_false(net_vrf_exists("A")); /* drops A's socket */
	assert_int_equal(done, 1);
	OK(net_flush(&err));
	assert_int_equal(done, 1);
}

/* Only the last request of a batch asks for an ack: each queued request
 * still gets its own outcome, in order, whether the kernel refuses it
 * (no ack of its own is asked) or takes it, across several batches, a
 * refusal last in a batch and last of all included. */
struct outcome {
	int calls, code, order;
};

static int outcome_order;

static void outcome_done(void *ctx, const struct net_err *e)
{
	struct outcome *o = ctx;

	o->calls++;
	o->code = e->code;
	o->order = outcome_order++;
}

static bool refused(int i, int n)
{
	/* duplicates of earlier requests: EEXIST (NLM_F_EXCL) */
	return i % 97 == 5 || i == 511 || i == 512 || i == n - 1;
}

static void test_batch_outcomes(void **state)
{
	enum {
		N = 1300
	};
	static struct outcome o[N];
	struct net_route r;
	char *out;
	int status, added = 0;

	(void)state;
	OK(net_vrf_create("A", NULL, &err));
	memset(o, 0, sizeof(o));
	outcome_order = 0;
	lo_route(&r, 32);
	for (int i = 0, k = 0; i < N; i++) {
		/* a refused request repeats the last one taken */
		if (!refused(i, N))
			k = i;
		r.dst.v4.s_addr = htonl(0x0a000000u + (uint32_t)k);
		OK(net_route_add_deferred("A", &r, outcome_done, &o[i], &err));
	}
	OK(net_flush(&err));
	for (int i = 0; i < N; i++) {
		assert_int_equal(o[i].calls, 1);
		assert_int_equal(o[i].order, i);
		assert_int_equal(o[i].code, refused(i, N) ? EEXIST : 0);
		added += !refused(i, N);
	}
	/* the witness: the kernel's table holds exactly the others */
	out = sh_out(&status, "ip -n A -4 route show table main proto static "
			      "| wc -l");
	assert_int_equal(status, 0);
	assert_int_equal(atoi(out), added);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_teardown(f, teardown)
		T(test_vrf_create_list_delete),
		T(test_vrf_lo_up),
		T(test_vrf_recreated_behind_our_back),
		T(test_vrf_bad_names),
		T(test_vrf_create_unprivileged),
		T(test_veth_across_vrfs),
		T(test_veth_same_vrf_and_dump),
		T(test_link_names_follow_changes),
		T(test_bridge_and_master),
		T(test_link_delete),
		T(test_link_move),
		T(test_link_up_down),
		T(test_link_mtu),
		T(test_link_alias),
		T(test_link_errors),
		T(test_physical_classification),
		T(test_addr_v4),
		T(test_addr_v6),
		T(test_addr_errors),
		T(test_forwarding),
		T(test_delete_report),
		T(test_delete_then_create_same_name),
		T(test_create_rolls_back),
		T(test_delete_refused_keeps_vrf),
		T(test_stale_entries),
		T(test_delete_stops_forwarding),
		T(test_fd_bound),
		T(test_nsid_cache),
		T(test_batch_outcomes),
		T(test_err_need),
		T(test_vrf_vanishes),
		T(test_concurrent_create_delete),
		T(test_batch_flushed_before_close),
#undef T
	};
	int ret;

	if (getuid() != 0 || !getenv("VRFSH_SANDBOX") ||
	    access("/run/netns", W_OK) != 0) {
		fprintf(stderr, "run me as tests/sandbox.sh %s\n", "test_net");
		return 77;
	}
	if (stat("/proc/thread-self/ns/net", &home) != 0)
		return 99;
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	net_cleanup();
	return ret;
}
