/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * acl.c - the access list benchmark's two sides:
 *
 *	acl [-n N]		applies an N-entry extended list (default
 *				10000) with the backend, in one transaction
 *	acl [-n N] -w FILE	writes the same rules as an `nft -f` script
 *
 * Entry i is `permit tcp host 10.A.B.C any eq PORT` (a deny every tenth).
 * bench/run.sh times both sides with bench/measure, in a sandbox.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>

#include "net/nft.h"

static void entry(struct net_acl_entry *e, unsigned i)
{
	memset(e, 0, sizeof(*e));
	e->seq = 10 * (i + 1);
	e->action = i % 10 == 9 ? NET_ACL_DENY : NET_ACL_PERMIT;
	e->has_proto = true;
	e->proto = IPPROTO_TCP;
	e->src.kind = NET_ACL_HOST;
	e->src.addr.v4.s_addr = htonl(0x0a000000u | (i + 1));
	e->dport.op = NET_ACL_PORT_EQ;
	e->dport.lo = (uint16_t)(1024 + i % 60000);
}

static int write_nft(const char *path, unsigned n)
{
	FILE *f = fopen(path, "wx"); /* never over an existing file */
	struct net_acl_entry e;

	if (!f) {
		perror(path);
		return 1;
	}
	fprintf(f, "table inet bench {\n\tchain ip_BENCH {\n");
	for (unsigned i = 0; i < n; i++) {
		char ip[INET_ADDRSTRLEN];

		entry(&e, i);
		inet_ntop(AF_INET, &e.src.addr, ip, sizeof(ip));
		fprintf(f,
			"\t\tmeta nfproto ipv4 ip saddr %s meta l4proto tcp "
			"tcp dport %u counter %s comment \"%u %s p=6 s=h%s "
			"dp=eq%u\"\n",
			ip, e.dport.lo,
			e.action == NET_ACL_PERMIT ? "return" : "drop", e.seq,
			e.action == NET_ACL_PERMIT ? "permit" : "deny", ip,
			e.dport.lo);
	}
	fprintf(f, "\t\tcounter drop comment \"end extended\"\n\t}\n}\n");
	return fclose(f) ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct net_acl acl = { .family = AF_INET, .type = NET_ACL_EXTENDED };
	struct net_err err = { 0 };
	const char *out = NULL;
	unsigned n = 10000;
	int c, ret;

	while ((c = getopt(argc, argv, "n:w:")) != -1) {
		if (c == 'n')
			n = (unsigned)strtoul(optarg, NULL, 10);
		else if (c == 'w')
			out = optarg;
		else
			return 2;
	}
	if (out)
		return write_nft(out, n);
	snprintf(acl.name, sizeof(acl.name), "BENCH");
	acl.v = calloc(n ? n : 1, sizeof(*acl.v));
	if (!acl.v)
		return 1;
	for (unsigned i = 0; i < n; i++)
		entry(&acl.v[i], i);
	acl.n = n;
	ret = net_acl_set(&acl, &err);
	if (ret < 0)
		fprintf(stderr, "acl: %s\n", err.msg);
	free(acl.v);
	net_cleanup();
	return ret < 0 ? 1 : 0;
}
