/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * filter.h - internal: what the rules of vrfsh's table stand for.  Access
 * list entries and NAT rules written as rule comments and read back from
 * them (acl.c, nat.c), and compiled into expressions.
 *
 * Comment formats (version 1; doc/filtering.md has the full picture):
 *   list entry   "SEQ permit|deny [p=N] [s=A] [d=A] [sp=P] [dp=P] [it=N]
 *                 [ic=N] [est] [log] [f=N]"   A: hADDR | wADDR,WILD |
 *                 pADDR/LEN; P: eqN | neN | ltN | gtN | raN-M
 *   remark       "SEQ remark TEXT"
 *   list end     "end standard" | "end extended" | "end nd-ns" | "end nd-na"
 *   binding      "ip|ipv6 IFNAME LIST"
 *   NAT          "static LOCAL GLOBAL" | "static tcp|udp LOCAL LPORT GLOBAL
 *                 GPORT" | "overload LIST IFNAME"
 */
#ifndef VRFSH_NET_FILTER_H
#define VRFSH_NET_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libnftnl/rule.h>

#include "nft.h"

#define ACL_COMMENT_MAX 250 /* kernel userdata is 256 bytes at most */

/* Ranks of a list's end rules: after every sequence number. */
#define ACL_RANK_END ((uint64_t)1 << 32)

/* What a list chain's rules compile to. */
enum acl_use {
	ACL_FILTER, /* permit: return; deny: drop */
	ACL_NAT,    /* permit: masquerade; deny: return */
};

/* Room for n elements of size that nl_grow() can grow further (it
 * assumes a capacity of 2^k - 1 elements); NULL when memory is short. */
void *nft_alloc(size_t n, size_t size);

/* true when ifname could be a Linux interface name. */
bool nft_ifname_ok(const char *ifname);

/* ---- acl.c ---------------------------------------------------------- */

/* The canonical comment of e into buf; -E2BIG when it does not fit. */
int acl_encode(int family, const struct net_acl_entry *e, char *buf,
	       size_t size);
/* An entry back from its comment (checked, canonical only); -EINVAL. */
int acl_decode(int family, const char *comment, struct net_acl_entry *e);
/* The rule of e in the chain of list name used as use. */
int acl_compile(int family, enum acl_use use, const char *name,
		const struct net_acl_entry *e, struct nftnl_rule *r);

/* The end rules of a list: their number and each comment. */
size_t acl_end_count(int family);
const char *acl_end_comment(int family, enum net_acl_type type, size_t i);
/* Is comment an end rule; *type (may be NULL) gets the list's type. */
bool acl_end_decode(int family, const char *comment, enum net_acl_type *type,
		    uint64_t *rank);
int acl_end_compile(const char *comment, struct nftnl_rule *r);

/* Are two lists the same, entry for entry (counters aside). */
bool acl_same(const struct net_acl *a, const struct net_acl *b);
/* A deep copy; -ENOMEM. */
int acl_copy(struct net_acl *dst, const struct net_acl *src);
/* Sorts entries by sequence number. */
void acl_sort(struct net_acl *acl);

/* ---- nat.c ---------------------------------------------------------- */

int nat_static_encode(const struct net_nat_static *s, char *buf, size_t size);
int nat_static_decode(const char *comment, struct net_nat_static *s);
/* dnat: the rule of nat-pre (from outside); else of nat-post. */
void nat_static_compile(const struct net_nat_static *s, bool dnat,
			struct nftnl_rule *r);
int nat_static_check(const struct net_nat_static *s, struct net_err *err);
bool nat_static_same_key(const struct net_nat_static *a,
			 const struct net_nat_static *b);
/* Makes the VRF's NAT aliases (net_route_alias) the global addresses of
 * nat's static translations that are not the VRF's own already: adds
 * those missing, deletes those no translation needs. */
int nat_alias_sync(const char *vrf, const struct net_nat *nat,
		   struct net_err *err);

int nat_overload_encode(const struct net_nat_overload *o, char *buf,
			size_t size);
int nat_overload_decode(const char *comment, struct net_nat_overload *o);
void nat_overload_compile(const struct net_nat_overload *o,
			  struct nftnl_rule *r);

#endif
