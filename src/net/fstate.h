/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fstate.h - internal: the state of vrfsh's table in one VRF (filter.c)
 * and the drivers every change goes through (the public functions are in
 * fops.c).
 */
#ifndef VRFSH_NET_FSTATE_H
#define VRFSH_NET_FSTATE_H

#include <stdbool.h>
#include <stddef.h>

#include "nfnl.h"
#include "nft.h"
#include "nftab.h"

/* What a VRF's table holds, decoded from its rules. */
struct vstate {
	struct net_acls lists; /* the copies it holds (the default
					 * VRF: every list) */
	struct net_acl_binds binds;
	struct net_nat nat;
};

void state_sort(struct vstate *st);
void state_free(struct vstate *st);
/* The table that st stands for, with the lists of master it needs. */
int state_render(const struct net_acls *master, const struct vstate *st,
		 bool is_default, struct nft_table *t, struct net_err *err);

/* One VRF during an operation: its socket, its table, its state. */
struct vtab {
	char vrf[NET_VRF_NAME_MAX + 1]; /* "default" for the default */
	bool is_default;
	bool alien; /* read: `table inet vrfsh` is not vrfsh's */
	struct nfnl *s;
	struct nft_table cur;
	struct vstate st;
};

/* Opens and reads vrf.  write: refuse (EEXIST) a table that vrfsh did
 * not make; else it reads as empty, with v->alien set. */
int vtab_open(struct vtab *v, const char *vrf, bool write, struct net_err *err);
void vtab_close(struct vtab *v);
int vtab_reread(struct vtab *v, struct net_err *err);

/* Chains whose rules are all made anew (fresh counters). */
struct rebuild {
	bool (*fn)(const char *chain, const void *arg);
	const void *arg;
};

/* Renders v->st with master and makes the kernel's table so. */
int vtab_apply(struct vtab *v, const struct net_acls *master,
	       const struct rebuild *rb, size_t *changes, struct net_err *err);

/* A change to the lists: edit() changes them (refusing bad input with
 * nothing done); the default VRF and every VRF holding a copy of a list
 * changed are then made so, each in one transaction. */
struct list_op {
	int (*edit)(struct net_acls *lists, const void *arg,
		    struct net_err *err);
	const void *arg;
	const struct rebuild *rebuild;
};
int lists_run(const struct list_op *op, struct net_err *err);

/* A change to one VRF's bindings or NAT: fn edits st, knowing the lists
 * (master); the VRF's table is then made so in one transaction. */
typedef int (*vrf_edit_fn)(struct vstate *st, const struct net_acls *master,
			   const char *vrf, const void *arg,
			   struct net_err *err);
int vrf_run(const char *vrf, vrf_edit_fn fn, const void *arg,
	    const struct rebuild *rb, struct net_err *err);

/* Helpers of the state. */
struct net_acl *lists_find(const struct net_acls *ls, int family,
			   const char *name);
int lists_dup(const struct net_acls *src, struct net_acls *dst);
int list_chain_name(int family, const char *list, char *buf, size_t size);
int nat_add_static(struct net_nat *nat, const struct net_nat_static *s);
int nat_add_overload(struct net_nat *nat, const struct net_nat_overload *o);
int nat_add_if(struct net_nat *nat, const char *ifname, enum net_nat_role role);

#endif
