/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nftab.h - internal: vrfsh's nftables table in one VRF, `table inet
 * vrfsh`, as the kernel has it (read) or as vrfsh wants it (built), the
 * transaction that turns the one into the other, and the builders of
 * the expressions its rules are made of.
 *
 * A rule is known by its comment (rule userdata): vrfsh writes into it
 * everything the rule stands for, and compiles the rule from the comment
 * alone (nft_compile, in filter.c).  A rule read back whose expressions
 * are not what its comment compiles to was changed by hand: it is
 * "foreign", reported, and replaced by the next change to its chain.
 */
#ifndef VRFSH_NET_NFTAB_H
#define VRFSH_NET_NFTAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <libnftnl/rule.h>

#include "net.h"
#include "nfnl.h"
#include "nft.h"

#define NFT_TABLE_NAME "vrfsh"
#define NFT_TABLE_MARK "vrfsh" /* the table's comment: made by vrfsh */
#define NFT_IFNAME_TYPE 41     /* nft's datatype number of `ifname` */

struct nft_rule {
	char *comment;	  /* what the rule is; NULL: none readable */
	uint64_t rank;	  /* the order: by rank, then comment */
	uint64_t handle;  /* read: the kernel's handle */
	uint64_t packets; /* read: its counter */
	uint64_t bytes;
	bool foreign; /* read: not what its comment compiles to */
};

/* How a base chain hooks in; zero for a regular chain. */
struct nft_hook {
	bool base;
	bool nat;	  /* type nat, else filter */
	uint32_t hooknum; /* NF_INET_* */
	int32_t prio;
};

struct nft_chain {
	char *name;
	struct nft_hook hook;
	struct nft_rule *rules; /* in the chain's order */
	size_t n;
	bool foreign; /* read: a chain vrfsh does not make */
	bool rebuild; /* built: replace every rule (fresh
				 * counters), even those unchanged */
};

struct nft_set {
	char *name;
	uint32_t key_type, key_len;
	char (*elems)[NET_IFNAMSIZ]; /* keys of key_len bytes (ifnames) */
	size_t n;
	bool foreign; /* read: not a set vrfsh makes */
};

struct nft_table {
	bool exists;
	bool ours;	/* its comment says vrfsh made it */
	uint32_t genid; /* read: the ruleset generation */
	struct nft_chain *chains;
	size_t nchains;
	struct nft_set *sets;
	size_t nsets;
};

/* ---- provided by filter.c: what vrfsh writes ---------------------- */

/* Is name a chain vrfsh makes; *hook (may be NULL) gets how it hooks. */
bool nft_chain_known(const char *name, struct nft_hook *hook);
/* Is name a set vrfsh makes. */
bool nft_set_known(const char *name);
/* The rule of chain that comment stands for, into r; *rank its order.
 * -EINVAL when vrfsh writes no such rule in that chain. */
int nft_compile(const char *chain, const char *comment, struct nftnl_rule *r,
		uint64_t *rank);

/* ---- the table ------------------------------------------------------ */

/* Reads vrfsh's table (t->exists false when there is none), checking
 * each rule against what its comment compiles to. */
int nft_table_read(struct nfnl *s, struct nft_table *t, struct net_err *err);
void nft_table_free(struct nft_table *t);

/* Building a wanted table (t zeroed first).  Returns NULL / -ENOMEM. */
struct nft_chain *nft_table_add_chain(struct nft_table *t, const char *name);
int nft_chain_add_rule(struct nft_chain *c, const char *comment, uint64_t rank);
struct nft_set *nft_table_add_set(struct nft_table *t, const char *name,
				  uint32_t key_type, uint32_t key_len);
int nft_set_add_elem(struct nft_set *s, const char *key);
/* Sorts the rules of each chain of a built table into their order. */
void nft_table_sort(struct nft_table *t);
struct nft_chain *nft_table_chain(const struct nft_table *t, const char *name);
struct nft_set *nft_table_set(const struct nft_table *t, const char *name);

/* Makes the kernel's table cur into want in one transaction, after
 * checking that the kernel is still at cur's generation (else -ERESTART:
 * read again and retry).  Chains and sets vrfsh does not make are left
 * alone (and the table kept for them).  *changes (may be NULL) gets the
 * number of kernel objects changed: 0 when want is what cur is. */
int nft_table_apply(struct nfnl *s, const struct nft_table *cur,
		    const struct nft_table *want, size_t *changes,
		    struct net_err *err);

/* Other tables in the namespace (not inet vrfsh), as notes. */
int nft_other_tables(struct nfnl *s, struct net_nft_notes *out,
		     struct net_err *err);
/* Appends a note; -ENOMEM. */
int nft_note_add(struct net_nft_notes *notes, const struct net_nft_note *n);

/* ---- expressions (register 1 unless said) -------------------------- */

void nft_x_meta(struct nftnl_rule *r, uint32_t key);
void nft_x_payload(struct nftnl_rule *r, uint32_t base, uint32_t offset,
		   uint32_t len);
void nft_x_cmp(struct nftnl_rule *r, uint32_t op, const void *data,
	       uint32_t len);
void nft_x_bitwise(struct nftnl_rule *r, const void *mask, uint32_t len);
void nft_x_range(struct nftnl_rule *r, const void *from, const void *to,
		 uint32_t len);
void nft_x_lookup(struct nftnl_rule *r, const char *set);
void nft_x_counter(struct nftnl_rule *r);
void nft_x_log(struct nftnl_rule *r, const char *prefix);
/* verdict NF_DROP, NF_ACCEPT, NFT_RETURN or NFT_JUMP (to chain) */
void nft_x_verdict(struct nftnl_rule *r, int verdict, const char *chain);
void nft_x_masq(struct nftnl_rule *r);
/* snat or dnat (NFT_NAT_*) to addr (IPv4) and, when port, to port too */
void nft_x_nat(struct nftnl_rule *r, uint32_t type, struct in_addr addr,
	       uint16_t port);
/* A meta key compared with one value of len bytes (eq). */
void nft_x_meta_eq(struct nftnl_rule *r, uint32_t key, const void *data,
		   uint32_t len);
/* An interface name, compared as the kernel stores it (16 bytes). */
void nft_x_ifname(struct nftnl_rule *r, uint32_t key, const char *ifname);

#endif
