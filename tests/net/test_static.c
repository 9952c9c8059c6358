/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * test_static.c - the per-boot state store and static routes as intent,
 * against the real kernel, with iproute2 (`ip -j route`) as the witness.
 * Changes the kernel: run it only as
 *
 *	tests/sandbox.sh tests/net/test_static
 *
 * The tests build two namespaces joined twice,
 *
 *	R1 r1a 10.0.12.1  --- 10.0.12.2  r2a R2
 *	R1 r1b 10.0.121.1 --- 10.0.121.2 r2c R2
 *
 * (2001:db8:12::/64 and 2001:db8:121::/64 too), and change only them.
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
#include <time.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "net/net.h"
#include "net/route.h"
#include "net/state.h"
#include "net/static.h"
#include "kernel.h"

#define SDIR "/run/vrfsh/static"

static volatile int stop_watch;
static pid_t watcher; /* killed by teardown if a test failed */

/* ---- helpers ---------------------------------------------------- */

static union net_ip ip(int family, const char *a)
{
	union net_ip x;

	memset(&x, 0, sizeof(x));
	assert_int_equal(inet_pton(family, a, &x), 1);
	return x;
}

static struct net_static route(const char *pfx, int plen, uint32_t dist,
			       enum net_static_kind kind, const char *gw,
			       const char *dev)
{
	struct net_static s;

	memset(&s, 0, sizeof(s));
	s.family = strchr(pfx, ':') ? AF_INET6 : AF_INET;
	s.dst = ip(s.family, pfx);
	s.plen = (unsigned char)plen;
	s.distance = dist;
	s.protocol = NET_PROTO_STATIC;
	s.kind = kind;
	if (gw)
		s.gw = ip(s.family, gw);
	if (dev)
		snprintf(s.ifname, sizeof(s.ifname), "%s", dev);
	return s;
}

static struct net_static via(const char *pfx, int plen, uint32_t dist,
			     const char *gw)
{
	return route(pfx, plen, dist, NET_STATIC_GW, gw, NULL);
}

/* The kernel's routes of vrf to pfx, as ip -j prints them. */
static char *kernel(const char *vrf, const char *pfx)
{
	return sh_out(NULL, "ip -n %s %s -j route show %s 2>&1", vrf,
		      strchr(pfx, ':') ? "-6" : "-4", pfx);
}

static bool kernel_has(const char *vrf, const char *pfx, const char *needle)
{
	char *out = kernel(vrf, pfx);
	bool has = strstr(out, needle) != NULL;

	if (!has && getenv("TEST_VERBOSE"))
		fprintf(stderr, "%s %s: no [%s] in %s\n", vrf, pfx, needle,
			out);
	free(out);
	return has;
}

static bool kernel_none(const char *vrf, const char *pfx)
{
	char *out = kernel(vrf, pfx);
	bool none = !strcmp(out, "[]\n") || !strcmp(out, "[ ]\n");

	if (!none && getenv("TEST_VERBOSE"))
		fprintf(stderr, "%s %s: not empty: %s\n", vrf, pfx, out);
	free(out);
	return none;
}

/* Every route of every table of vrf, both families. */
static char *snapshot(const char *vrf)
{
	return sh_out(NULL,
		      "ip -n %s -j route show table all;"
		      "ip -n %s -6 -j route show table all",
		      vrf, vrf);
}

static char *record(const char *vrf)
{
	return sh_out(NULL, "cat " SDIR "/vrf.%s 2>/dev/null", vrf);
}

static unsigned long requests(void)
{
	struct net_static_stats st;

	net_static_stats(&st);
	return st.requests;
}

static unsigned long writes(void)
{
	struct net_static_stats st;

	net_static_stats(&st);
	return st.writes;
}

static int reconcile(const char *vrf)
{
	struct net_static_report rep = { 0 };
	int ret = net_static_reconcile(vrf, &rep, &err);

	if (rep.failed)
		fprintf(stderr, "reconcile: %u failed: %s\n", rep.failed,
			rep.first.msg);
	return ret;
}

static void pair(void)
{
	OK(net_vrf_create("R1", NULL, &err));
	OK(net_vrf_create("R2", NULL, &err));
	/* no DAD: link-local routes appearing later would change snapshots */
	sh("for n in R1 R2; do ip netns exec $n sysctl -qw"
	   " net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0;"
	   " done");
	sh("ip link add r1a netns R1 type veth peer name r2a netns R2"
	   " && ip link add r1b netns R1 type veth peer name r2c netns R2"
	   " && ip -n R1 addr add 10.0.12.1/24 dev r1a"
	   " && ip -n R2 addr add 10.0.12.2/24 dev r2a"
	   " && ip -n R1 addr add 10.0.121.1/24 dev r1b"
	   " && ip -n R2 addr add 10.0.121.2/24 dev r2c"
	   " && ip -n R1 addr add 2001:db8:12::1/64 dev r1a nodad"
	   " && ip -n R1 addr add 2001:db8:121::1/64 dev r1b nodad"
	   " && ip -n R1 link set r1a up && ip -n R2 link set r2a up"
	   " && ip -n R1 link set r1b up && ip -n R2 link set r2c up");
}

static int teardown(void **state)
{
	(void)state;
	if (watcher > 0) {
		kill(watcher, SIGKILL);
		waitpid(watcher, NULL, 0);
		watcher = 0;
	}
	net_static_abort();
	for (int i = 0; i < 8; i++) /* what a failed test kept */
		net_state_unlock(i);
	delete_vrfs();
	unsetenv("VRFSH_STATE_DIR");
	sh("rm -rf /run/vrfsh/* /run/vrfsh/.[!.]*");
	return 0;
}

/* A deferred change's outcome. */
struct outcome {
	bool called;
	int code;
	char msg[256];
};

static void done(void *ctx, const struct net_err *e)
{
	struct outcome *o = ctx;

	o->called = true;
	o->code = e->code;
	snprintf(o->msg, sizeof(o->msg), "%s", e->msg);
}

/* ---- the store -------------------------------------------------- */

static void test_store_roundtrip(void **state)
{
	static const char data[] = "one\ntwo\0three";
	struct net_names names;
	struct stat a, b;
	char *got, *out;
	size_t len;
	int lock;

	(void)state;
	OK(net_vrf_create("R1", NULL, &err));
	FAILS(net_state_read("R1", "static", &got, &len, &err), ENOENT);
	FAILS(net_state_write("R1", "static", data, sizeof(data), &err),
	      ENOLCK);
	lock = net_state_lock("static", true, &err);
	assert_true(lock >= 0);
	OK(net_state_write("R1", "static", data, sizeof(data), &err));
	OK(net_state_write(NULL, "static", "d", 1, &err));
	OK(net_state_read("R1", "static", &got, &len, &err));
	assert_int_equal(len, sizeof(data));
	assert_memory_equal(got, data, len);
	free(got);
	out = sh_out(NULL,
		     "head -4 " SDIR "/vrf.R1 | sed 's/[0-9][0-9]*/N/g'"
		     "; ls -a " SDIR "; stat -c '%%a %%U' " SDIR "/vrf.R1");
	assert_string_equal(out,
			    "vrfsh-state N\nrecord static\nnetns N N N\n"
			    "length N\n.\n..\ndefault\nvrf.R1\n644 root\n");
	free(out);
	/* replaced by a rename: another inode, never a half file */
	assert_int_equal(stat(SDIR "/vrf.R1", &a), 0);
	OK(net_state_write("R1", "static", "x", 1, &err));
	assert_int_equal(stat(SDIR "/vrf.R1", &b), 0);
	assert_true(a.st_ino != b.st_ino);
	OK(net_state_list("static", &names, &err));
	assert_int_equal(names.n, 2);
	assert_string_equal(names.v[0], "R1");
	assert_string_equal(names.v[1], "default");
	net_names_free(&names);
	OK(net_state_remove("R1", "static", &err));
	OK(net_state_remove("R1", "static", &err)); /* none: fine */
	net_state_unlock(lock);
	FAILS(net_state_read("R1", "static", &got, &len, &err), ENOENT);
	FAILS(net_state_lock("Bad/Name", true, &err), EINVAL);
	FAILS(net_state_read("R1", "", &got, &len, &err), EINVAL);
}

static void test_store_stale(void **state)
{
	struct net_names names;
	struct stat st;
	char *got;
	size_t len;
	int lock;

	(void)state;
	OK(net_vrf_create("R1", NULL, &err));
	OK(net_vrf_create("R3", NULL, &err));
	lock = net_state_lock("static", true, &err);
	assert_true(lock >= 0);
	OK(net_state_write("R1", "static", "old", 3, &err));
	OK(net_state_write("R3", "static", "old", 3, &err));
	net_state_unlock(lock);
	/* R1 made again by another tool (the kernel reuses the inode
	 * number: only the cookie tells) and R3 gone */
	sh("ip netns del R1 && ip netns add R1 && ip netns del R3");
	FAILS(net_state_read("R1", "static", &got, &len, &err), ENOENT);
	assert_int_equal(stat(SDIR "/vrf.R1", &st), 0); /* no lock: kept */
	OK(net_state_list("static", &names, &err));
	assert_int_equal(names.n, 1); /* R3's namespace is gone */
	net_names_free(&names);
	lock = net_state_lock("static", true, &err);
	assert_true(lock >= 0);
	FAILS(net_state_read("R1", "static", &got, &len, &err), ENOENT);
	assert_int_equal(stat(SDIR "/vrf.R1", &st), -1); /* removed */
	OK(net_state_list("static", &names, &err));
	assert_int_equal(names.n, 0);
	assert_int_equal(stat(SDIR "/vrf.R3", &st), -1);
	net_state_unlock(lock);
	/* forgetting a VRF removes its records of every name */
	lock = net_state_lock("static", true, &err);
	OK(net_state_write("R1", "static", "x", 1, &err));
	net_state_unlock(lock);
	lock = net_state_lock("other", true, &err);
	OK(net_state_write("R1", "other", "y", 1, &err));
	net_state_unlock(lock);
	OK(net_state_forget("R1", &err));
	assert_int_equal(stat(SDIR "/vrf.R1", &st), -1);
	assert_int_equal(stat("/run/vrfsh/other/vrf.R1", &st), -1);
}

/* Writes a file by hand and expects reading it to fail with code. */
static void bad_file(const char *shell, int code, const char *needle)
{
	char *got = NULL;
	size_t len;

	sh(shell);
	FAILS(net_state_read("R1", "static", &got, &len, &err), code);
	assert_null(got);
	if (needle && !strstr(err.msg, needle))
		fail_msg("[%s] not in [%s]", needle, err.msg);
}

static void test_store_corrupt(void **state)
{
	char hdr[256], *text, cmd[768];
	size_t len;
	int lock;

	(void)state;
	OK(net_vrf_create("R1", NULL, &err));
	lock = net_state_lock("static", true, &err);
	OK(net_state_write("R1", "static", "abc", 3, &err));
	net_state_unlock(lock);
	text = sh_out(NULL, "sed -n 3p " SDIR "/vrf.R1");
	snprintf(hdr, sizeof(hdr), "vrfsh-state 1\\nrecord static\\n%s",
		 strtok(text, "\n"));
	free(text);
#define F SDIR "/vrf.R1"
	snprintf(cmd, sizeof(cmd), "printf '%s\\nlength 3\\nabc' >" F, hdr);
	sh(cmd); /* valid */
	OK(net_state_read("R1", "static", &text, &len, &err));
	assert_string_equal(text, "abc");
	free(text);
	snprintf(cmd, sizeof(cmd), "printf '%s\\nlength 4\\nabc' >" F, hdr);
	bad_file(cmd, EBADMSG, "line 4: the record is not as long");
	snprintf(cmd, sizeof(cmd), "printf '%s\\nlength 3\\nabcd' >" F, hdr);
	bad_file(cmd, EBADMSG, "not as long");
	snprintf(cmd, sizeof(cmd), "printf '%s\\nlength 03\\nabc' >" F, hdr);
	bad_file(cmd, EBADMSG, "line 4: bad length");
	snprintf(cmd, sizeof(cmd),
		 "printf '%s\\nlength 99999999999999999999\\n"
		 "abc' >" F,
		 hdr);
	bad_file(cmd, EBADMSG, "bad length");
	snprintf(cmd, sizeof(cmd), "printf '%s' >" F, hdr);
	bad_file(cmd, EBADMSG, "line 3");
	bad_file(": >" F, EBADMSG, F ": line 1: not a vrfsh state file");
	bad_file("printf 'vrfsh-state 2\\n' >" F, EBADMSG, "line 1");
	bad_file("printf 'vrfsh-state 1\\nrecord other\\n' >" F, EBADMSG,
		 "line 2: not the record");
	bad_file("printf 'vrfsh-state 1\\nrecord static\\nnetns 1 2\\n' >" F,
		 EBADMSG, "line 3: bad namespace identity");
	bad_file("printf 'vrfsh-state 1\\nrecord static\\nnetns  1 2 3\\n' >" F,
		 EBADMSG, "line 3");
	bad_file("head -c 100000 /dev/urandom >" F, EBADMSG, NULL);
	/* not what vrfsh makes */
	bad_file("rm -f " F " && ln -s /etc/passwd " F, EPERM, "symbolic link");
	bad_file("rm -f " F " && mkfifo " F, EPERM, "not a file vrfsh made");
	bad_file("rm -f " F " && echo x >" F " && chmod 666 " F, EPERM, NULL);
	bad_file("chmod 644 " F " && chown nobody " F, EPERM, NULL);
	bad_file("chown root " F " && ln " F " /run/vrfsh/hard", EPERM, NULL);
	bad_file("rm -f /run/vrfsh/hard " F " && mkdir " F, EPERM, NULL);
	bad_file("rmdir " F " && chmod 775 " SDIR, EPERM,
		 "not a directory vrfsh made");
	bad_file("chmod 755 " SDIR " && mv " SDIR " /run/vrfsh/s2"
		 " && ln -s s2 " SDIR,
		 EPERM, "symbolic link");
	FAILS(net_state_lock("static", true, &err), EPERM);
	sh("rm " SDIR " && mv /run/vrfsh/s2 " SDIR);
	setenv("VRFSH_STATE_DIR", "relative/dir", 1);
	FAILS(net_state_read("R1", "static", &text, &len, &err), EINVAL);
	unsetenv("VRFSH_STATE_DIR");
#undef F
}

static void test_store_elsewhere(void **state)
{
	char *dir = sh_out(NULL, "mktemp -d"), *got;
	struct stat st;
	size_t len;
	int lock;

	(void)state;
	dir[strcspn(dir, "\n")] = '\0';
	setenv("VRFSH_STATE_DIR", dir, 1);
	lock = net_state_lock("counters", true, &err);
	assert_true(lock >= 0);
	/* a writer killed halfway left this: the next lock holder cleans */
	net_state_unlock(lock);
	free(sh_out(NULL, "touch %s/counters/.tmp.0123456789abcdef", dir));
	lock = net_state_lock("counters", true, &err);
	FAILS(net_state_lock("counters", false, &err), EDEADLK);
	OK(net_state_write(NULL, "counters", "42", 2, &err));
	net_state_unlock(lock);
	OK(net_state_read(NULL, "counters", &got, &len, &err));
	assert_string_equal(got, "42");
	free(got);
	free(sh_out(NULL, "ls -a %s/counters > %s/ls", dir, dir));
	got = sh_out(NULL, "cat %s/ls", dir);
	assert_string_equal(got, ".\n..\ndefault\n");
	free(got);
	assert_int_equal(stat("/run/vrfsh/counters", &st), -1);
	free(sh_out(NULL, "rm -rf %s", dir));
	free(dir);
}

/* ---- static routes ---------------------------------------------- */

static void test_add_idempotent(void **state)
{
	struct net_static s = via("10.9.0.0", 16, 1, "10.0.12.2");
	struct net_static_list l;
	enum net_static_state st;
	unsigned long n;
	char *before, *after, *rec;

	(void)state;
	pair();
	OK(net_static_add("R1", &s, &st, NULL, NULL, &err));
	assert_int_equal(st, NET_STATIC_INSTALLED);
	assert_true(kernel_has("R1", "10.9.0.0/16",
			       "\"dst\":\"10.9.0.0/16\","
			       "\"gateway\":\"10.0.12.2\",\"dev\":\"r1a\","
			       "\"protocol\":\"static\",\"metric\":1"));
	rec = record("R1");
	assert_non_null(strstr(rec,
			       "\nformat 1\n"
			       "route 10.9.0.0/16 1 static via 10.0.12.2\n"));
	free(rec);
	/* the same again: nothing sent, nothing written */
	before = snapshot("R1");
	n = requests();
	unsigned long w = writes();
	assert_int_equal(net_static_add("R1", &s, &st, NULL, NULL, &err), 1);
	assert_int_equal(requests(), n);
	assert_int_equal(writes(), w);
	after = snapshot("R1");
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* a route that is there already, made by iproute2, is taken over */
	sh("ip -n R1 route add 10.7.0.0/16 via 10.0.12.2 proto static");
	s = via("10.7.0.0", 16, 0, "10.0.12.2");
	n = requests();
	assert_int_equal(net_static_add("R1", &s, NULL, NULL, NULL, &err), 1);
	assert_int_equal(requests(), n);
	rec = record("R1");
	assert_non_null(
		strstr(rec, "route 10.7.0.0/16 0 static via 10.0.12.2"));
	free(rec);
	OK(net_static_list("R1", NET_STATIC_LIST_STATE, &l, &err));
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].s.plen, 16);
	assert_int_equal(l.v[0].s.distance, 0); /* 10.7 sorts first */
	assert_int_equal(l.v[1].state, NET_STATIC_INSTALLED);
	assert_false(l.v[1].recursive);
	assert_int_equal(l.v[1].nvia, 1);
	net_static_list_free(&l);
	/* deleting by prefix removes it from the kernel and the record */
	s = via("10.7.0.0", 16, 0, NULL);
	OK(net_static_del("R1", &s, 0, NULL, NULL, &err));
	assert_true(kernel_none("R1", "10.7.0.0/16"));
	FAILS(net_static_del("R1", &s, 0, NULL, NULL, &err), ESRCH);
	s = via("10.9.0.0", 16, 1, NULL);
	OK(net_static_del("R1", &s, 0, NULL, NULL, &err));
	assert_int_equal(access(SDIR "/vrf.R1", F_OK), -1); /* empty */
	/* every distance of a prefix, made by iproute2, one distance kept
	 * when it is named; another protocol's is not touched */
	sh("ip -n R1 route add 10.5.0.0/16 via 10.0.12.2 metric 10"
	   " && ip -n R1 route add 10.5.0.0/16 dev r1b metric 20"
	   " && ip -n R1 route add 10.5.0.0/16 via 10.0.12.2 metric 30"
	   " && ip -n R1 route add 10.5.0.0/16 via 10.0.12.2 metric 40"
	   " proto bgp");
	s = via("10.5.0.0", 16, 30, NULL);
	OK(net_static_del("R1", &s, NET_STATIC_MATCH_DISTANCE, NULL, NULL,
			  &err));
	assert_false(kernel_has("R1", "10.5.0.0/16", "\"metric\":30"));
	assert_true(kernel_has("R1", "10.5.0.0/16", "\"metric\":20"));
	OK(net_static_del("R1", &s, 0, NULL, NULL, &err));
	assert_false(kernel_has("R1", "10.5.0.0/16", "\"metric\":10"));
	assert_false(kernel_has("R1", "10.5.0.0/16", "\"metric\":20"));
	assert_true(kernel_has("R1", "10.5.0.0/16", "\"metric\":40"));
	FAILS(net_static_del("R1", &s, 0, NULL, NULL, &err), ESRCH);
}

static void test_link_flaps(void **state)
{
	struct net_static s = via("10.9.0.0", 16, 1, "10.0.12.2");
	struct net_static d =
		route("10.8.0.0", 16, 1, NET_STATIC_DEV, NULL, "r1a");
	char *rec;

	(void)state;
	pair();
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	OK(net_static_add("R1", &d, NULL, NULL, NULL, &err));
	/* admin down from outside: the kernel flushes, vrfsh keeps */
	sh("ip -n R1 link set r1a down");
	OK(reconcile(NULL));
	assert_true(kernel_none("R1", "10.9.0.0/16"));
	assert_true(kernel_none("R1", "10.8.0.0/16"));
	rec = record("R1");
	assert_non_null(strstr(rec, "10.9.0.0/16 1 static via 10.0.12.2\n"));
	free(rec);
	sh("ip -n R1 link set r1a up");
	assert_true(kernel_none("R1", "10.9.0.0/16")); /* until ... */
	OK(reconcile(NULL)); /* ... the next vrfsh command */
	assert_true(
		kernel_has("R1", "10.9.0.0/16", "\"gateway\":\"10.0.12.2\""));
	assert_true(kernel_has("R1", "10.8.0.0/16", "\"dev\":\"r1a\""));
	/* carrier lost (the peer goes down): withdrawn, not linkdown */
	sh("ip -n R2 link set r2a down");
	OK(reconcile("R1"));
	assert_true(kernel_none("R1", "10.9.0.0/16"));
	assert_true(kernel_none("R1", "10.8.0.0/16"));
	sh("ip -n R2 link set r2a up");
	OK(reconcile("R1"));
	assert_true(kernel_has("R1", "10.9.0.0/16", "10.0.12.2"));
	/* by the backend, as shutdown / no shutdown do */
	OK(net_link_set_up("R1", "r1a", false, &err));
	OK(net_static_touch("R1", &err));
	assert_int_equal(net_static_flush(false, &err), 0);
	assert_true(kernel_none("R1", "10.9.0.0/16"));
	OK(net_link_set_up("R1", "r1a", true, &err));
	OK(net_static_touch("R1", &err));
	assert_int_equal(net_static_flush(false, &err), 0);
	assert_true(kernel_has("R1", "10.9.0.0/16", "10.0.12.2"));
	assert_true(kernel_has("R1", "10.8.0.0/16", "r1a"));
	/* address removed and given back */
	sh("ip -n R1 addr del 10.0.12.1/24 dev r1a");
	OK(reconcile("R1"));
	assert_true(kernel_none("R1", "10.9.0.0/16"));
	assert_true(kernel_has("R1", "10.8.0.0/16", "r1a")); /* dev only */
	sh("ip -n R1 addr add 10.0.12.1/24 dev r1a");
	OK(reconcile("R1"));
	assert_true(kernel_has("R1", "10.9.0.0/16", "10.0.12.2"));
	/* deleted by another tool: it comes back (see static.h) */
	sh("ip -n R1 route del 10.9.0.0/16");
	OK(reconcile(NULL));
	assert_true(kernel_has("R1", "10.9.0.0/16", "10.0.12.2"));
	/* nothing to do: nothing sent */
	unsigned long n = requests();

	OK(reconcile(NULL));
	assert_int_equal(requests(), n);
}

static void test_ecmp(void **state)
{
	struct net_static a = via("10.9.0.0", 16, 1, "10.0.12.2");
	struct net_static b = via("10.9.0.0", 16, 1, "10.0.121.2");
	struct net_static a6 = via("2001:db8:99::", 64, 1, "2001:db8:12::2");
	struct net_static b6 = via("2001:db8:99::", 64, 1, "2001:db8:121::2");

	(void)state;
	pair();
	OK(net_static_add("R1", &a, NULL, NULL, NULL, &err));
	OK(net_static_add("R1", &b, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "10.9.0.0/16",
			       "\"nexthops\":[{\"gateway\":"
			       "\"10.0.12.2\",\"dev\":\"r1a\",\"weight\":1,"
			       "\"flags\":[]},{\"gateway\":\"10.0.121.2\","
			       "\"dev\":\"r1b\""));
	OK(net_static_add("R1", &a6, NULL, NULL, NULL, &err));
	OK(net_static_add("R1", &b6, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "2001:db8:99::/64", "\"nexthops\":["));
	assert_true(kernel_has("R1", "2001:db8:99::/64", "2001:db8:121::2"));
	/* one next hop goes down: the other stays, alone */
	sh("ip -n R2 link set r2c down");
	OK(reconcile("R1"));
	assert_true(kernel_has("R1", "10.9.0.0/16",
			       "\"dst\":\"10.9.0.0/16\","
			       "\"gateway\":\"10.0.12.2\""));
	sh("ip -n R2 link set r2c up");
	OK(reconcile("R1"));
	assert_true(kernel_has("R1", "10.9.0.0/16", "\"nexthops\""));
	/* removing one next hop removes only that one */
	OK(net_static_del("R1", &b, NET_STATIC_MATCH_NH, NULL, NULL, &err));
	assert_true(kernel_has("R1", "10.9.0.0/16",
			       "\"dst\":\"10.9.0.0/16\","
			       "\"gateway\":\"10.0.12.2\",\"dev\":\"r1a\""));
	assert_false(kernel_has("R1", "10.9.0.0/16", "10.0.121.2"));
	OK(net_static_del("R1", &a6, NET_STATIC_MATCH_NH, NULL, NULL, &err));
	assert_true(kernel_has("R1", "2001:db8:99::/64",
			       "\"gateway\":"
			       "\"2001:db8:121::2\""));
	assert_false(kernel_has("R1", "2001:db8:99::/64", "2001:db8:12::2"));
	FAILS(net_static_del("R1", &a6, NET_STATIC_MATCH_NH, NULL, NULL, &err),
	      ESRCH);
	/* a multipath route made by iproute2: one next hop removed */
	sh("ip -n R1 route add 10.6.0.0/16 nexthop via 10.0.12.2"
	   " nexthop via 10.0.121.2");
	b = via("10.6.0.0", 16, 0, "10.0.121.2");
	OK(net_static_del("R1", &b, NET_STATIC_MATCH_NH, NULL, NULL, &err));
	/* (ip -j leaves the boot protocol out) */
	assert_true(kernel_has("R1", "10.6.0.0/16",
			       "[{\"dst\":\"10.6.0.0/16\","
			       "\"gateway\":\"10.0.12.2\",\"dev\":\"r1a\","
			       "\"flags\":[]}]"));
	/* a second next hop to it makes it multipath again, and a
	 * different protocol is the whole route's */
	OK(net_static_add("R1", &b, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "10.6.0.0/16", "\"protocol\":\"static\""));
	assert_true(kernel_has("R1", "10.6.0.0/16", "\"nexthops\""));
}

static void test_recursive(void **state)
{
	struct net_static mid = via("10.0.23.0", 24, 1, "10.0.12.2");
	struct net_static far = via("10.9.0.0", 16, 1, "10.0.23.3");
	struct net_static_list l;
	enum net_static_state st;
	char *rec;

	(void)state;
	pair();
	/* not resolvable yet: kept, inactive */
	OK(net_static_add("R1", &far, &st, NULL, NULL, &err));
	assert_int_equal(st, NET_STATIC_INACTIVE);
	assert_true(kernel_none("R1", "10.9.0.0/16"));
	OK(net_static_add("R1", &mid, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "10.9.0.0/16",
			       "\"gateway\":\"10.0.12.2\","
			       "\"dev\":\"r1a\""));
	rec = record("R1");
	assert_non_null(
		strstr(rec, "route 10.9.0.0/16 1 static via 10.0.23.3\n"));
	free(rec);
	OK(net_static_list("R1", NET_STATIC_LIST_STATE, &l, &err));
	assert_int_equal(l.n, 2);
	assert_true(l.v[1].recursive);
	assert_int_equal(l.v[1].state, NET_STATIC_INSTALLED);
	net_static_list_free(&l);
	/* the route it resolves through moves: it follows */
	OK(net_static_del("R1", &mid, 0, NULL, NULL, &err));
	assert_true(kernel_none("R1", "10.9.0.0/16"));
	mid = via("10.0.23.0", 24, 1, "10.0.121.2");
	OK(net_static_add("R1", &mid, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "10.9.0.0/16",
			       "\"gateway\":\"10.0.121.2\","
			       "\"dev\":\"r1b\""));
	/* ... also when another tool's route moves, at the next reconcile */
	sh("ip -n R1 route add 10.0.24.0/24 via 10.0.12.2 proto bgp");
	far = via("10.8.0.0", 16, 1, "10.0.24.5");
	OK(net_static_add("R1", &far, NULL, NULL, NULL, &err));
	assert_true(
		kernel_has("R1", "10.8.0.0/16", "\"gateway\":\"10.0.12.2\""));
	sh("ip -n R1 route replace 10.0.24.0/24 via 10.0.121.2 proto bgp");
	OK(reconcile(NULL));
	assert_true(
		kernel_has("R1", "10.8.0.0/16", "\"gateway\":\"10.0.121.2\""));
	/* a more specific route wins the longest match */
	far = via("10.0.24.5", 32, 1, "10.0.12.2");
	OK(net_static_add("R1", &far, NULL, NULL, NULL, &err));
	assert_true(
		kernel_has("R1", "10.8.0.0/16", "\"gateway\":\"10.0.12.2\""));
	/* the underlying link goes: the recursive one goes too */
	sh("ip -n R1 link set r1a down");
	OK(reconcile(NULL));
	assert_true(
		kernel_has("R1", "10.8.0.0/16", "\"gateway\":\"10.0.121.2\""));
}

static void test_bad_input(void **state)
{
	struct net_static a = via("10.1.0.0", 16, 1, "10.2.0.1");
	struct net_static b = via("10.2.0.0", 16, 1, "10.1.0.1");
	struct net_static s;
	enum net_static_state st;
	char *before, *after, *rec;

	(void)state;
	pair();
	OK(net_static_add("R1", &a, &st, NULL, NULL, &err));
	assert_int_equal(st, NET_STATIC_INACTIVE);
	before = snapshot("R1");
	rec = record("R1");
	FAILS(net_static_add("R1", &b, NULL, NULL, NULL, &err), ELOOP);
	s = route("10.66.0.0", 16, 1, NET_STATIC_NULL0, NULL, NULL);
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	free(before);
	before = snapshot("R1");
	free(rec);
	rec = record("R1");
	/* Null0 beside a next hop, either way round */
	s = via("10.66.0.0", 16, 1, "10.0.12.2");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	s = via("10.67.0.0", 16, 1, "10.0.12.2");
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	free(before);
	before = snapshot("R1");
	free(rec);
	rec = record("R1");
	s = route("10.67.0.0", 16, 1, NET_STATIC_NULL0, NULL, NULL);
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	/* the router's own address, host bits, a link-local gateway
	 * without interface, a bad interface name, no such VRF */
	s = via("10.68.0.0", 16, 1, "10.0.12.1");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	s = via("10.68.0.1", 16, 1, "10.0.12.2");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	s = via("2001:db8:68::", 64, 1, "fe80::1");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	s = route("10.68.0.0", 16, 1, NET_STATIC_DEV, NULL, "a b");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	s = route("10.68.0.0", 16, 1, NET_STATIC_DEV, NULL, "");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	s.protocol = NET_PROTO_BGP;
	snprintf(s.ifname, sizeof(s.ifname), "r1a");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EINVAL);
	s = via("10.68.0.0", 16, 1, "10.0.12.2");
	FAILS(net_static_add("Nope", &s, NULL, NULL, NULL, &err), ENOENT);
	/* another protocol's route holds the prefix and distance */
	sh("ip -n R1 route add 10.69.0.0/16 via 10.0.12.2 proto bgp metric 1");
	free(before);
	before = snapshot("R1");
	s = via("10.69.0.0", 16, 1, "10.0.121.2");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EEXIST);
	after = snapshot("R1");
	assert_string_equal(before, after);
	free(after);
	after = record("R1");
	assert_string_equal(rec, after);
	free(after);
	free(before);
	free(rec);
	/* a corrupt record is refused, and the kernel is left alone */
	sh("sed -i 's/^route 10.67.0.0\\/16 1 static via 10.0.12.2$/"
	   "route 10.67.0.0\\/16 1 static via 10.0.12.x/' " SDIR "/vrf.R1");
	before = snapshot("R1");
	s = via("10.70.0.0", 16, 1, "10.0.12.2");
	FAILS(net_static_add("R1", &s, NULL, NULL, NULL, &err), EBADMSG);
	assert_non_null(strstr(err.msg, SDIR "/vrf.R1: record line"));
	FAILS(reconcile("R1"), EBADMSG);
	after = snapshot("R1");
	assert_string_equal(before, after);
	free(after);
	free(before);
}

static void test_record_parse(void **state)
{
	static const char *const bad[] = {
		"",
		"format 2\n",
		"format 1",
		"format 1\nroute 10.0.0.0/8 1 static\n",
		"format 1\nroute 10.0.0.0/8 1 static via\n",
		"format 1\nroute 10.0.0.0/8  1 static null0\n",
		"format 1\nroute 10.0.0.0/8 01 static null0\n",
		"format 1\nroute 10.0.0.0/8 1 bgp null0\n",
		"format 1\nroute 10.0.0.1/8 1 static null0\n",
		"format 1\nroute 10.0.0.0/33 1 static null0\n",
		"format 1\nroute 10.0.0.0/8 4294967296 static null0\n",
		"format 1\nroute 10.0.0.0/8 1 static null0 \n",
		"format 1\nroute 10.0.0.0/8 1 static dev a/b\n",
		"format 1\nroute 10.0.0.0/8 1 static dev 0123456789abcdef\n",
		"format 1\nroute 2001:db8::/32 1 static via fe80::1\n",
		"format 1\nroute 10.0.0.0/8 1 static null0\n"
		"route 10.0.0.0/8 1 static null0\n",
		"format 1\nroute 10.0.0.0/8 1 static null0\n"
		"route 10.0.0.0/8 1 static via 10.1.1.1\n",
		"format 1\nroute 10.0.0.0/8 1 static via 10.1.1.1\n"
		"route 10.0.0.0/8 1 boot via 10.1.1.2\n",
		"format 1\nroute 10.0.0.0/8 1 static via 10.1.1.1\0\n",
	};
	struct net_static_list l;
	const char *good;
	int lock;

	(void)state;
	pair();
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		size_t len = strlen(bad[i]);

		if (i == sizeof(bad) / sizeof(*bad) - 1)
			len += 2; /* the NUL and what follows */
		lock = net_state_lock("static", true, &err);
		OK(net_state_write("R1", "static", bad[i], len, &err));
		net_state_unlock(lock);
		if (net_static_list("R1", 0, &l, &err) != -EBADMSG)
			fail_msg("record %zu was taken: %s", i, bad[i]);
		check_home();
	}
	lock = net_state_lock("static", true, &err);
	good = "format 1\n"
	       "route 10.0.0.0/8 1 static via 10.1.1.1 dev r1a\n"
	       "route 10.0.0.0/8 1 static via 10.1.1.2\n"
	       "route 10.0.0.0/8 1 static dev r1b\n"
	       "route 10.1.0.0/16 7 boot unreachable\n"
	       "route 2001:db8::/32 1024 static via fe80::1 dev r1a\n";
	OK(net_state_write("R1", "static", good, strlen(good), &err));
	net_state_unlock(lock);
	OK(net_static_list("R1", 0, &l, &err));
	assert_int_equal(l.n, 5);
	assert_int_equal(l.v[0].s.kind, NET_STATIC_GW_DEV);
	assert_int_equal(l.v[1].s.kind, NET_STATIC_GW);
	assert_int_equal(l.v[2].s.kind, NET_STATIC_DEV);
	assert_int_equal(l.v[3].s.kind, NET_STATIC_UNREACHABLE);
	assert_int_equal(l.v[3].s.protocol, NET_PROTO_BOOT);
	assert_int_equal(l.v[4].s.family, AF_INET6);
	net_static_list_free(&l);
}

static void test_null0(void **state)
{
	struct net_static s;

	(void)state;
	pair();
	s = route("10.66.0.0", 16, 1, NET_STATIC_NULL0, NULL, NULL);
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	assert_true(
		kernel_has("R1", "10.66.0.0/16",
			   "\"type\":\"blackhole\","
			   "\"dst\":\"10.66.0.0/16\",\"protocol\":\"static\""));
	assert_int_equal(net_static_add("R1", &s, NULL, NULL, NULL, &err), 1);
	s = route("2001:db8:66::", 48, 5, NET_STATIC_UNREACHABLE, NULL, NULL);
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "2001:db8:66::/48",
			       "\"type\":\"unreachable\""));
	s = route("10.65.0.0", 16, 1, NET_STATIC_PROHIBIT, NULL, NULL);
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "10.65.0.0/16", "\"type\":\"prohibit\""));
	/* down links do not matter to it */
	sh("ip -n R1 link set r1a down && ip -n R1 link set r1b down");
	OK(reconcile("R1"));
	assert_true(kernel_has("R1", "10.66.0.0/16", "blackhole"));
	/* made by iproute2, taken over as Null0 */
	sh("ip -n R1 route add blackhole 10.64.0.0/16");
	s = route("10.64.0.0", 16, 0, NET_STATIC_NULL0, NULL, NULL);
	s.protocol = NET_PROTO_BOOT;
	assert_int_equal(net_static_add("R1", &s, NULL, NULL, NULL, &err), 1);
	OK(net_static_del("R1", &s, NET_STATIC_MATCH_NH, NULL, NULL, &err));
	assert_true(kernel_none("R1", "10.64.0.0/16"));
}

static void test_floating(void **state)
{
	struct net_static p = via("10.9.0.0", 16, 1, "10.0.12.2");
	struct net_static b = via("10.9.0.0", 16, 200, "10.0.121.2");

	(void)state;
	pair();
	OK(net_static_add("R1", &p, NULL, NULL, NULL, &err));
	OK(net_static_add("R1", &b, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "10.9.0.0/16", "\"metric\":200"));
	assert_true(out_has("via 10.0.12.2", "ip -n R1 route get 10.9.0.1"));
	/* the primary's link goes: the backup takes over ... */
	sh("ip -n R1 link set r1a down");
	OK(reconcile(NULL));
	assert_true(out_has("via 10.0.121.2", "ip -n R1 route get 10.9.0.1"));
	assert_false(kernel_has("R1", "10.9.0.0/16", "\"metric\":1,"));
	/* ... also when only the carrier goes, which the kernel keeps */
	sh("ip -n R1 link set r1a up");
	OK(reconcile(NULL));
	assert_true(out_has("via 10.0.12.2", "ip -n R1 route get 10.9.0.1"));
	sh("ip -n R2 link set r2a down");
	OK(reconcile(NULL));
	assert_true(out_has("via 10.0.121.2", "ip -n R1 route get 10.9.0.1"));
	/* ... and yields when it comes back */
	sh("ip -n R2 link set r2a up");
	OK(reconcile(NULL));
	assert_true(out_has("via 10.0.12.2", "ip -n R1 route get 10.9.0.1"));
	assert_true(kernel_has("R1", "10.9.0.0/16", "\"metric\":200"));
}

static void test_v6(void **state)
{
	struct net_static a = via("2001:db8:9::", 48, 0, "2001:db8:12::2");
	struct net_static ll = route("2001:db8:8::", 48, 1, NET_STATIC_GW_DEV,
				     "fe80::2", "r1b");
	char *rec;

	(void)state;
	pair();
	OK(net_static_add("R1", &a, NULL, NULL, NULL, &err));
	assert_true(
		kernel_has("R1", "2001:db8:9::/48",
			   "\"gateway\":"
			   "\"2001:db8:12::2\",\"dev\":\"r1a\",\"protocol\":"
			   "\"static\",\"metric\":1024"));
	OK(net_static_add("R1", &ll, NULL, NULL, NULL, &err));
	assert_true(kernel_has("R1", "2001:db8:8::/48",
			       "\"gateway\":"
			       "\"fe80::2\",\"dev\":\"r1b\""));
	rec = record("R1");
	assert_non_null(strstr(rec,
			       "route 2001:db8:9::/48 1024 static via "
			       "2001:db8:12::2\nroute 2001:db8:8::/48 1 static "
			       "via fe80::2 dev r1b\n"));
	free(rec);
	/* admin down takes IPv6 addresses with it; a link-local next hop
	 * needs only its link */
	sh("ip -n R1 link set r1b down");
	OK(reconcile("R1"));
	assert_true(kernel_none("R1", "2001:db8:8::/48"));
	sh("ip -n R1 link set r1b up");
	OK(reconcile("R1"));
	assert_true(kernel_has("R1", "2001:db8:8::/48", "fe80::2"));
	assert_int_equal(net_static_add("R1", &a, NULL, NULL, NULL, &err), 1);
}

/* ---- batches ----------------------------------------------------- */

static void test_batch(void **state)
{
	enum {
		N = 2000
	};
	struct outcome *o = calloc(N, sizeof(*o));
	unsigned long n, w;
	char *before, *after;

	(void)state;
	pair();
	n = requests();
	w = writes();
	for (int i = 0; i < N; i++) {
		char pfx[32];
		struct net_static s;

		snprintf(pfx, sizeof(pfx), "10.%d.%d.0", 100 + i / 256,
			 i % 256);
		s = via(pfx, 24, 1, "10.0.12.2");
		OK(net_static_add("R1", &s, NULL, done, &o[i], &err));
	}
	assert_false(o[0].called);
	assert_int_equal(net_static_flush(true, &err), 0);
	for (int i = 0; i < N; i++)
		assert_true(o[i].called && o[i].code == 0);
	assert_int_equal(requests() - n, N);
	assert_int_equal(writes() - w, 1); /* once per flush */
	assert_true(
		out_has("2000", "ip -n R1 route show proto static | wc -l"));
	/* the same again onto the live table: nothing sent or written */
	before = snapshot("R1");
	n = requests();
	w = writes();
	for (int i = 0; i < N; i++) {
		char pfx[32];
		struct net_static s;

		snprintf(pfx, sizeof(pfx), "10.%d.%d.0", 100 + i / 256,
			 i % 256);
		s = via(pfx, 24, 1, "10.0.12.2");
		assert_int_equal(
			net_static_add("R1", &s, NULL, done, &o[i], &err), 1);
	}
	assert_int_equal(net_static_flush(true, &err), 0);
	assert_int_equal(requests(), n);
	assert_int_equal(writes(), w);
	after = snapshot("R1");
	assert_string_equal(before, after);
	free(before);
	free(after);
	/* and all removed again in one go */
	n = requests();
	w = writes();
	for (int i = 0; i < N; i++) {
		char pfx[32];
		struct net_static s;

		snprintf(pfx, sizeof(pfx), "10.%d.%d.0", 100 + i / 256,
			 i % 256);
		s = via(pfx, 24, 1, "10.0.12.2");
		OK(net_static_del("R1", &s, NET_STATIC_MATCH_NH, done, &o[i],
				  &err));
	}
	assert_int_equal(net_static_flush(true, &err), 0);
	assert_int_equal(requests() - n, N);
	assert_int_equal(writes() - w, 1);
	assert_true(out_has("0", "ip -n R1 route show proto static | wc -l"));
	assert_int_equal(access(SDIR "/vrf.R1", F_OK), -1);
	free(o);
}

static void batch_failing(bool stop)
{
	struct outcome o[6];
	struct net_static s;
	char *rec;

	memset(o, 0, sizeof(o));
	for (int i = 0; i < 6; i++) {
		char pfx[32];

		snprintf(pfx, sizeof(pfx), "10.50.%d.0", i);
		s = via(pfx, 24, 1, "10.0.12.2");
		OK(net_static_add("R1", &s, NULL, done, &o[i], &err));
	}
	/* an ECMP next hop to the same prefix as line 3 */
	s = via("10.50.3.0", 24, 1, "10.0.121.2");
	OK(net_static_add("R1", &s, NULL, done, &o[3], &err));
	/* meanwhile another protocol takes 10.50.2.0/24 at distance 1 */
	sh("ip -n R1 route add 10.50.2.0/24 via 10.0.121.2 proto bgp metric 1");
	assert_int_equal(net_static_flush(stop, &err), 1);
	assert_int_equal(o[2].code, EEXIST);
	assert_int_equal(o[1].code, 0);
	assert_true(kernel_has("R1", "10.50.1.0/24", "10.0.12.2"));
	assert_true(kernel_has("R1", "10.50.2.0/24", "bgp"));
	rec = record("R1");
	assert_non_null(strstr(rec, "route 10.50.1.0/24"));
	assert_null(strstr(rec, "route 10.50.2.0/24"));
	if (stop) {
		assert_int_equal(o[4].code, ECANCELED);
		assert_int_equal(o[5].code, ECANCELED);
		assert_true(kernel_none("R1", "10.50.4.0/24"));
		assert_true(kernel_none("R1", "10.50.3.0/24"));
		assert_null(strstr(rec, "route 10.50.4.0/24"));
	} else {
		assert_int_equal(o[4].code, 0);
		assert_true(kernel_has("R1", "10.50.3.0/24", "\"nexthops\""));
		assert_true(kernel_has("R1", "10.50.5.0/24", "10.0.12.2"));
		assert_non_null(strstr(rec, "route 10.50.5.0/24"));
	}
	free(rec);
}

static void test_batch_failure(void **state)
{
	(void)state;
	pair();
	batch_failing(true);
	sh("ip -n R1 route flush proto static && ip -n R1 route flush proto bgp"
	   " && rm -f " SDIR "/vrf.R1");
	batch_failing(false);
}

static void test_stale_vrf(void **state)
{
	struct net_static s = via("10.9.0.0", 16, 1, "10.0.12.2");

	(void)state;
	pair();
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	/* R1 deleted and made again by another tool, same addresses */
	sh("ip netns del R1 && ip netns add R1"
	   " && ip link add r1a netns R1 type veth peer name r2x netns R2"
	   " && ip -n R1 addr add 10.0.12.1/24 dev r1a"
	   " && ip -n R1 link set r1a up && ip -n R2 link set r2x up");
	OK(reconcile(NULL));
	assert_true(kernel_none("R1", "10.9.0.0/16"));
	assert_int_equal(access(SDIR "/vrf.R1", F_OK), -1);
}

/* ---- following events -------------------------------------------- */

static void on_term(int sig)
{
	(void)sig;
	stop_watch = 1;
}

static pid_t start_watch(void)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		struct sigaction sa;
		struct net_watch_opts opts = { 0 };

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_term;
		sigaction(SIGTERM, &sa, NULL);
		net_cleanup();
		_exit(net_watch(&stop_watch, &opts, &err) ? 1 : 0);
	}
	watcher = pid;
	return pid;
}

static void stop(pid_t pid)
{
	int status;

	kill(pid, SIGTERM);
	watcher = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* Waits up to ms for the route to be there (want) or gone; returns how
 * long it took, or -1. */
static long wait_for(const char *vrf, const char *pfx, const char *needle,
		     bool want, long ms)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (;;) {
		bool has = needle ? kernel_has(vrf, pfx, needle) :
				    !kernel_none(vrf, pfx);
		long el;

		clock_gettime(CLOCK_MONOTONIC, &t);
		el = (t.tv_sec - t0.tv_sec) * 1000 +
		     (t.tv_nsec - t0.tv_nsec) / 1000000;
		if (has == want)
			return el;
		if (el > ms)
			return -1;
		usleep(20000);
	}
}

static void test_watch(void **state)
{
	struct net_static s = via("10.9.0.0", 16, 1, "10.0.12.2");
	struct net_static b = via("10.9.0.0", 16, 200, "10.0.121.2");
	pid_t pid;
	long ms;

	(void)state;
	pair();
	pid = start_watch();
	usleep(200000);
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	OK(net_static_add("R1", &b, NULL, NULL, NULL, &err));
	sh("ip -n R1 link set r1a down");
	assert_true(kernel_none("R1", "10.9.0.0/16") == false); /* backup */
	sh("ip -n R1 link set r1a up");
	ms = wait_for("R1", "10.9.0.0/16", "\"gateway\":\"10.0.12.2\"", true,
		      1000);
	assert_true(ms >= 0);
	fprintf(stderr, "watch: link up -> route back in %ld ms\n", ms);
	/* carrier: withdrawn within a second, then back */
	sh("ip -n R2 link set r2a down");
	ms = wait_for("R1", "10.9.0.0/16", "10.0.12.2", false, 1000);
	assert_true(ms >= 0);
	sh("ip -n R2 link set r2a up");
	assert_true(wait_for("R1", "10.9.0.0/16", "10.0.12.2", true, 1000) >=
		    0);
	/* address removed and back */
	sh("ip -n R1 addr del 10.0.12.1/24 dev r1a");
	sh("ip -n R1 addr add 10.0.12.1/24 dev r1a");
	assert_true(wait_for("R1", "10.9.0.0/16", "10.0.12.2", true, 1000) >=
		    0);
	/* deleted by another tool: back */
	sh("ip -n R1 route del 10.9.0.0/16 metric 1");
	assert_true(wait_for("R1", "10.9.0.0/16", "10.0.12.2", true, 1000) >=
		    0);
	/* a VRF that gets its first record while the watch runs */
	OK(net_vrf_create("R3", NULL, &err));
	sh("ip link add r3a netns R3 type veth peer name r3b netns R3"
	   " && ip -n R3 addr add 10.0.33.1/24 dev r3a"
	   " && ip -n R3 link set r3a up && ip -n R3 link set r3b up");
	s = via("10.33.0.0", 16, 1, "10.0.33.2");
	OK(net_static_add("R3", &s, NULL, NULL, NULL, &err));
	usleep(300000);
	sh("ip -n R3 link set r3a down && ip -n R3 link set r3a up");
	assert_true(wait_for("R3", "10.33.0.0/16", "10.0.33.2", true, 1000) >=
		    0);
	stop(pid);
}

static void test_watch_binary(void **state)
{
	struct net_static s = via("10.9.0.0", 16, 1, "10.0.12.2");
	const char *vrfsh = getenv("VRFSH");
	pid_t pid;

	(void)state;
	if (!vrfsh)
		skip();
	pair();
	OK(net_static_add("R1", &s, NULL, NULL, NULL, &err));
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		execl(vrfsh, "vrfsh", "--watch", (char *)NULL);
		_exit(127);
	}
	watcher = pid;
	usleep(300000);
	sh("ip -n R1 link set r1a down && ip -n R1 link set r1a up");
	assert_true(wait_for("R1", "10.9.0.0/16", "10.0.12.2", true, 1000) >=
		    0);
	stop(pid);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_teardown(f, teardown)
		T(test_store_roundtrip),
		T(test_store_stale),
		T(test_store_corrupt),
		T(test_store_elsewhere),
		T(test_add_idempotent),
		T(test_link_flaps),
		T(test_ecmp),
		T(test_recursive),
		T(test_bad_input),
		T(test_record_parse),
		T(test_null0),
		T(test_floating),
		T(test_v6),
		T(test_batch),
		T(test_batch_failure),
		T(test_stale_vrf),
		T(test_watch),
		T(test_watch_binary),
#undef T
	};
	int ret;

	if (getuid() != 0 || !getenv("VRFSH_SANDBOX") ||
	    access("/run/netns", W_OK) != 0) {
		fprintf(stderr, "run me as tests/sandbox.sh %s\n",
			"test_static");
		return 77;
	}
	if (stat("/proc/thread-self/ns/net", &home) != 0)
		return 99;
	ret = cmocka_run_group_tests(tests, NULL, NULL);
	net_cleanup();
	return ret;
}
