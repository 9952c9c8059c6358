/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * ping.c - reachability from inside a VRF: ping and traceroute (ICMP sent
 * by vrfsh itself from a socket opened in the VRF's namespace), and shell,
 * which runs a program in the VRF as `ip netns exec` does.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmds.h"
#include "cmd/priv.h"
#include "cmd/util.h"
#include "net/route.h"

#define PING_COUNT 5
#define PING_SIZE 100
#define PING_TIMEOUT 2
#define PING_WRAP 70
#define TRACE_HOPS 30
#define TRACE_TIMEOUT_MS 3000

static void sa_text(const struct sockaddr_storage *ss, char *buf, size_t size)
{
	const void *a = ss->ss_family == AF_INET ?
				(const void *)&((const struct sockaddr_in *)ss)
					->sin_addr :
				(const void *)&((const struct sockaddr_in6 *)ss)
					->sin6_addr;

	if (!inet_ntop(ss->ss_family, a, buf, (socklen_t)size))
		snprintf(buf, size, "?");
}

/* Resolves HOST in the VRF; "% Unrecognized host ..." when it cannot. */
static int resolve(struct cli_session *s, const char *vrf, const char *host,
		   struct sockaddr_storage *out)
{
	struct net_err err = { 0 };

	if (net_resolve(vrf, host, AF_UNSPEC, out, s->interrupted, &err) == 0)
		return 0;
	if (err.code == EINTR) /* Ctrl-C or Ctrl-^ x: no message */
		return -1;
	cli_error(s, "Unrecognized host or address, or protocol not running.");
	return -1;
}

struct ping_run {
	struct cli_session *s;
	struct cli_out *o;
	unsigned sent, replies, col;
	unsigned min, max;
	unsigned long long sum;
};

static void on_probe(void *ctx, unsigned seq, enum net_probe result,
		     unsigned rtt_us)
{
	struct ping_run *p = ctx;
	unsigned ms = (rtt_us + 999) / 1000;
	char ch = result == PROBE_REPLY	      ? '!' :
		  result == PROBE_UNREACHABLE ? 'U' :
						'.';

	(void)seq;
	p->sent++;
	if (result == PROBE_REPLY) {
		if (!p->replies++ || ms < p->min)
			p->min = ms;
		if (ms > p->max)
			p->max = ms;
		p->sum += ms;
	}
	if (p->col == PING_WRAP) {
		cli_printf(p->o, "\n");
		p->col = 0;
	}
	cli_printf(p->o, "%c", ch);
	p->col++;
	fflush(p->s->out);
}

static int source_of(struct cli_session *s, const struct cli_args *a,
		     int family, struct net_ping_opts *po)
{
	const char *src = cli_arg(a, "src"), *dev = cli_arg(a, "srcif");
	int ok;

	if (dev) {
		/* has_source means "bind to po->source": not for a device */
		snprintf(po->source_if, sizeof(po->source_if), "%s", dev);
		return 0;
	}
	if (!src)
		return 0;
	memset(&po->source, 0, sizeof(po->source));
	po->source.ss_family = (sa_family_t)family;
	if (family == AF_INET)
		ok = inet_pton(AF_INET, src,
			       &((struct sockaddr_in *)&po->source)->sin_addr);
	else
		ok = inet_pton(
			AF_INET6, src,
			&((struct sockaddr_in6 *)&po->source)->sin6_addr);
	if (ok != 1) {
		cli_error(s,
			  "Source %s is not an address of the destination's "
			  "family",
			  src);
		return -1;
	}
	po->has_source = true;
	return 0;
}

static int ping_run(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o, const char *vrf, const char *host)
{
	struct net_ping_opts po = { 0 };
	struct ping_run p = { .s = s, .o = o };
	struct net_err err = { 0 };
	char dst[INET6_ADDRSTRLEN];
	unsigned timeout = (unsigned)cli_arg_long(a, "timeout", PING_TIMEOUT);
	int rc;

	if (resolve(s, vrf, host, &po.dst) ||
	    source_of(s, a, po.dst.ss_family, &po))
		return -1;
	po.count = (unsigned)cli_arg_long(a, "repeat", PING_COUNT);
	po.size = (unsigned)cli_arg_long(a, "size", PING_SIZE);
	po.timeout_ms = timeout * 1000;
	sa_text(&po.dst, dst, sizeof(dst));
	cli_printf(o, "Type escape sequence to abort.\n");
	cli_printf(o,
		   "Sending %u, %u-byte ICMP Echos to %s, timeout is %u "
		   "seconds:\n",
		   po.count, po.size, dst, timeout);
	fflush(s->out);
	rc = net_ping(vrf, &po, on_probe, &p, s->interrupted, &err);
	cli_out_resume(o); /* Ctrl-C stops the probes, not the summary */
	if (rc) {
		if (p.col)
			cli_printf(o, "\n");
		return cmd_fail(s, &err, "ping %s", dst);
	}
	cli_printf(o, "%sSuccess rate is %u percent (%u/%u)", p.col ? "\n" : "",
		   p.sent ? p.replies * 100 / p.sent : 0, p.replies, p.sent);
	if (p.replies)
		cli_printf(o, ", round-trip min/avg/max = %u/%llu/%u ms", p.min,
			   p.sum / p.replies, p.max);
	cli_printf(o, "\n");
	if (p.replies || s->interactive)
		return 0;
	cli_error(s, "No reply from %s", dst);
	return -1;
}

static int do_ping(struct cli_session *s, const struct cli_args *a,
		   struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a), *host = cli_arg(a, "host");
	int rc;

	if (cmd_vrf_exists(s, vrf))
		return -1;
	/* IOS's escape sequence stops the lookup and the probes */
	cli_out_no_pager(o);
	cli_escape_watch(s, true);
	rc = ping_run(s, a, o, vrf, host);
	cli_escape_watch(s, false);
	return rc;
}

struct trace_run {
	struct cli_session *s;
	struct cli_out *o;
	unsigned ttl;
	struct sockaddr_storage last;
	bool reached;
	bool unreachable; /* a hop answered unreachable */
	bool noroute;	  /* the probe could not leave: no route */
};

static bool same_sa(const struct sockaddr_storage *x,
		    const struct sockaddr_storage *y)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	if (x->ss_family != y->ss_family)
		return false;
	sa_text(x, a, sizeof(a));
	sa_text(y, b, sizeof(b));
	return !strcmp(a, b);
}

static void on_hop(void *ctx, const struct net_hop *h)
{
	struct trace_run *t = ctx;
	char from[INET6_ADDRSTRLEN];

	if (h->ttl != t->ttl) {
		if (t->ttl)
			cli_printf(t->o, "\n");
		t->ttl = h->ttl;
		memset(&t->last, 0, sizeof(t->last));
		cli_printf(t->o, "%3u", h->ttl);
	}
	if (h->result == PROBE_TIMEOUT) {
		cli_printf(t->o, " *");
	} else if (h->from.ss_family == AF_UNSPEC) {
		/* nobody answered: the probe had no route out of the VRF */
		cli_printf(t->o, " !N");
		t->noroute = true;
	} else {
		if (!same_sa(&h->from, &t->last)) {
			sa_text(&h->from, from, sizeof(from));
			cli_printf(t->o, " %s", from);
			t->last = h->from;
		}
		cli_printf(t->o, " %u msec%s", (h->rtt_us + 999) / 1000,
			   h->result == PROBE_UNREACHABLE ? " !H" : "");
		if (h->result == PROBE_REPLY)
			t->reached = true;
		if (h->result == PROBE_UNREACHABLE)
			t->unreachable = true;
	}
	fflush(t->s->out);
}

static int trace_run(struct cli_session *s, struct cli_out *o, const char *vrf,
		     const char *host)
{
	struct trace_run t = { .s = s, .o = o };
	struct sockaddr_storage dst;
	struct net_err err = { 0 };
	char text[INET6_ADDRSTRLEN], buf[96];
	int rc;

	if (resolve(s, vrf, host, &dst))
		return -1;
	sa_text(&dst, text, sizeof(text));
	cli_printf(o, "Type escape sequence to abort.\n");
	cli_printf(o, "Tracing the route to %s\n\n", text);
	fflush(s->out);
	rc = net_traceroute(vrf, &dst, TRACE_HOPS, TRACE_TIMEOUT_MS, on_hop, &t,
			    s->interrupted, &err);
	cli_out_resume(o);
	if (t.ttl)
		cli_printf(o, "\n");
	if (rc)
		return cmd_fail(s, &err, "trace the route to %s", text);
	if (t.reached || s->interactive)
		return 0;
	if (t.noroute)
		cli_error(s, "No route to %s%s", text,
			  in_vrf(vrf, buf, sizeof(buf)));
	else if (t.unreachable)
		cli_error(s, "%s is unreachable", text);
	else
		cli_error(s, "%s not reached in %u hops", text, TRACE_HOPS);
	return -1;
}

static int do_traceroute(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a), *host = cli_arg(a, "host");
	int rc;

	if (cmd_vrf_exists(s, vrf))
		return -1;
	cli_out_no_pager(o);
	cli_escape_watch(s, true);
	rc = trace_run(s, o, vrf, host);
	cli_escape_watch(s, false);
	return rc;
}

static int do_shell(struct cli_session *s, const struct cli_args *a,
		    struct cli_out *o)
{
	const char *vrf = cmd_vrf(s, a), *cmd = cli_arg(a, "cmd");
	const char *user_shell = getenv("SHELL");
	struct net_err err = { 0 };
	char *argv[4];
	int status = 0;

	(void)o;
	if (!cmd_shell_allowed(s)) {
		cli_error(s, "Permission denied: shell is switched off here "
			     "('no service shell')");
		return -1;
	}
	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (!user_shell || !*user_shell)
		user_shell = "/bin/sh";
	if (cmd) {
		argv[0] = "/bin/sh";
		argv[1] = "-c";
		argv[2] = (char *)cmd;
		argv[3] = NULL;
	} else if (s->interactive) {
		argv[0] = (char *)user_shell;
		argv[1] = NULL;
	} else {
		cli_error(s, "A shell without a command needs a terminal");
		return -1;
	}
	fflush(NULL);
	if (net_exec(vrf, argv, &status, &err))
		return cmd_fail(s, &err, "run %s in VRF %s", argv[0],
				vrf_label(vrf));
	if (status == 0)
		return 0;
	cli_error(s, "Command exited with status %d", status);
	return -1;
}

static const struct cli_cmd ping_cmds[] = {
	{ "ping [vrf NAME$vrf] HOST$host {repeat <1-2147483647>$repeat|"
	  "size <36-18024>$size|timeout <0-3600>$timeout|"
	  "source {A.B.C.D$src|X:X::X:X$src|IFNAME$srcif}}*",
	  "Send ICMP echo requests\nFrom a VRF\nVRF name\n"
	  "Address or host name\nNumber of probes\nCount (default 5)\n"
	  "Datagram size\nBytes, headers included (default 100)\n"
	  "Time to wait for each reply\nSeconds (default 2)\n"
	  "Send from this address or interface\nIPv4 source address\n"
	  "IPv6 source address\nSource interface",
	  CLI_EXEC, PRIV_USER, 0, do_ping },
	{ "traceroute [vrf NAME$vrf] HOST$host",
	  "Trace the route to a destination\nFrom a VRF\nVRF name\n"
	  "Address or host name",
	  CLI_EXEC, PRIV_USER, 0, do_traceroute },
	{ "shell [vrf NAME$vrf] [LINE$cmd]",
	  "Run a command (or your shell) in a VRF, as ip netns exec does\n"
	  "In a VRF\nVRF name\nThe command line, run by /bin/sh -c",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_WEAK | CLI_F_SPAWN, do_shell },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area ping_area = {
	.name = "ping",
	.cmds = ping_cmds,
};
