/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * nft.h - the backend's filtering and NAT: IOS access lists, their use on
 * interfaces (access-group, traffic-filter), NAT per VRF, all on the
 * kernel's nftables, and the connection tracking table behind NAT.  See
 * doc/filtering.md for how it all lives in the kernel.
 *
 * Same conventions as net.h: VRF NULL/""/"default"/"global" is the
 * starting namespace; every function leaves the thread in the namespace
 * it was in; errors are negative errno values with err filled (err->msg
 * the cause, the caller names the object).
 *
 * Each VRF has at most one table of vrfsh's, `table inet vrfsh`, made on
 * first use and removed when nothing is left in it; no other table is
 * ever changed.  Every change is one nftables transaction per VRF: traffic
 * sees the old rules or the new ones, never a mix.  Everything the dump
 * functions return is read back from the kernel.
 *
 * Access lists are global, as in IOS.  The default VRF's table holds
 * every list; another VRF's table holds a copy of each list its
 * interfaces or its NAT use.  A change to a list is applied to the
 * default VRF first, then to every VRF holding a copy; when one of those
 * refuses it, the VRFs already changed are put back.
 */
#ifndef VRFSH_NET_NFT_H
#define VRFSH_NET_NFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

#include "net/net.h"
#include "net/route.h"

/* ---- access lists -------------------------------------------------- */

#define NET_ACL_NAME_MAX 64    /* letters, digits and - _ . : + @ / # */
#define NET_ACL_REMARK_MAX 100 /* printable ASCII */
#define NET_ACL_SEQ_MAX 2147483647u

enum net_acl_type {
	NET_ACL_STANDARD = 1, /* source only; IPv4 only */
	NET_ACL_EXTENDED = 2,
};

enum net_acl_action {
	NET_ACL_PERMIT = 1,
	NET_ACL_DENY = 2,
	NET_ACL_REMARK = 3, /* text only; matches nothing */
};

/* How an address was given: each form is kept as it was given. */
enum net_acl_addr_kind {
	NET_ACL_ANY = 0,  /* any */
	NET_ACL_HOST,	  /* host A */
	NET_ACL_WILDCARD, /* IPv4: A WILDCARD (any bits, contiguous or
				 * not: the bits set may differ) */
	NET_ACL_PREFIX,	  /* IPv6: X:X::X:X/M */
};

struct net_acl_addr {
	enum net_acl_addr_kind kind;
	union net_ip addr;	 /* HOST, WILDCARD, PREFIX; kept as given
				 * (bits under the wildcard included) */
	struct in_addr wildcard; /* WILDCARD */
	unsigned char plen;	 /* PREFIX: 0..128 */
};

enum net_acl_port_op {
	NET_ACL_PORT_ANY = 0,
	NET_ACL_PORT_EQ,
	NET_ACL_PORT_NEQ,
	NET_ACL_PORT_LT,
	NET_ACL_PORT_GT,
	NET_ACL_PORT_RANGE, /* lo..hi, both included */
};

struct net_acl_port {
	enum net_acl_port_op op;
	uint16_t lo;
	uint16_t hi; /* RANGE only */
};

/* One entry.  All zero but seq and action is "permit ip any any". */
struct net_acl_entry {
	uint32_t seq; /* 1..NET_ACL_SEQ_MAX */
	enum net_acl_action action;
	char remark[NET_ACL_REMARK_MAX + 1]; /* REMARK only */
	bool has_proto; /* false: any protocol (ip / ipv6) */
	uint8_t proto;	/* IPPROTO_ICMP (ICMPV6 in IPv6 lists),
				 * IPPROTO_TCP, IPPROTO_UDP or any number */
	struct net_acl_addr src;
	struct net_acl_addr dst;   /* extended lists only */
	struct net_acl_port sport; /* tcp and udp only */
	struct net_acl_port dport;
	bool has_icmp_type; /* icmp only */
	uint8_t icmp_type;
	bool has_icmp_code; /* with a type only */
	uint8_t icmp_code;
	bool established; /* tcp only: ACK or RST set */
	bool log;
	uint16_t form;	  /* the command layer's own: how the entry
				 * was written (e.g. ports by name); stored
				 * and given back untouched */
	uint64_t packets; /* out: matches, summed over every VRF */
	uint64_t bytes;
};

struct net_acl {
	int family;		/* AF_INET (ip) or AF_INET6 (ipv6) */
	enum net_acl_type type; /* IPv6 lists are extended */
	char name[NET_ACL_NAME_MAX + 1];
	struct net_acl_entry *v; /* in sequence order */
	size_t n;
	uint64_t deny_packets; /* out: the implicit deny at the end */
	bool differs;	       /* out: some VRF's copy is not the list (see
				 * net_nft_check) */
};

struct net_acls {
	struct net_acl *v; /* by family (ip first), then name */
	size_t n;
};

/* Checks without the kernel: what net_acl_set refuses for bad input. */
int net_acl_name_check(const char *name, struct net_err *err);
int net_acl_entry_check(int family, enum net_acl_type type,
			const struct net_acl_entry *e, struct net_err *err);
/* Checks every entry and that sequence numbers are unique. */
int net_acl_check(const struct net_acl *acl, struct net_err *err);

/* The lists with their counters.  name NULL for all; family AF_UNSPEC for
 * both.  ENOENT when name is given and no such list exists. */
int net_acl_dump(int family, const char *name, struct net_acls *out,
		 struct net_err *err);
void net_acls_free(struct net_acls *acls);
void net_acl_free(struct net_acl *acl);

/* Makes the list exactly acl (entries in any order; sorted here),
 * creating it if needed.  Entries unchanged keep their rules and
 * counters; setting a list to what it is changes nothing in the kernel.
 * EEXIST when a list of that name and family has another type. */
int net_acl_set(const struct net_acl *acl, struct net_err *err);
/* Creates an empty list (`ip access-list extended NAME`); 0 when it
 * exists with that type, EEXIST with another. */
int net_acl_create(int family, enum net_acl_type type, const char *name,
		   struct net_err *err);
/* EBUSY while an interface or NAT uses it; ENOENT when absent. */
int net_acl_delete(int family, const char *name, struct net_err *err);
/* Adds one entry to an existing list; EEXIST when its sequence number is
 * taken. */
int net_acl_entry_add(int family, const char *name,
		      const struct net_acl_entry *e, struct net_err *err);
/* ENOENT when the list or the entry is absent. */
int net_acl_entry_del(int family, const char *name, uint32_t seq,
		      struct net_err *err);
/* Zeroes the counters of one list (name) or of all (NULL), family
 * AF_UNSPEC for both, in every VRF. */
int net_acl_clear_counters(int family, const char *name, struct net_err *err);

/* ---- access lists on interfaces ------------------------------------ */

enum net_acl_dir {
	NET_ACL_IN = 1,	 /* what arrives on the interface, forwarded
				 * or addressed to the VRF itself */
	NET_ACL_OUT = 2, /* what leaves by it, forwarded or sent by
				 * the VRF itself */
};

/* `ip access-group ACL in|out` (family AF_INET) or `ipv6 traffic-filter
 * ACL in|out` (AF_INET6) on ifname, in a VRF. */
struct net_acl_bind {
	char ifname[NET_IFNAMSIZ];
	int family;
	enum net_acl_dir dir;
	char acl[NET_ACL_NAME_MAX + 1];
};

struct net_acl_binds {
	struct net_acl_bind *v; /* by interface, family, direction */
	size_t n;
};

/* Uses the list on the interface (by name: it need not exist yet), in
 * place of the list used there before in that family and direction.
 * ENOENT when the list does not exist. */
int net_acl_bind(const char *vrf, const struct net_acl_bind *b,
		 struct net_err *err);
/* 0 when nothing was bound there. */
int net_acl_unbind(const char *vrf, const char *ifname, int family,
		   enum net_acl_dir dir, struct net_err *err);
/* Makes the VRF's bindings exactly binds, in one transaction. */
int net_acl_bind_set(const char *vrf, const struct net_acl_binds *binds,
		     struct net_err *err);
int net_acl_bind_dump(const char *vrf, struct net_acl_binds *out,
		      struct net_err *err);
void net_acl_binds_free(struct net_acl_binds *binds);

/* ---- NAT ----------------------------------------------------------- */

enum net_nat_role {
	NET_NAT_NONE = 0,
	NET_NAT_INSIDE,	 /* ip nat inside */
	NET_NAT_OUTSIDE, /* ip nat outside */
};

struct net_nat_if {
	char ifname[NET_IFNAMSIZ];
	enum net_nat_role role;
};

/* ip nat inside source list ACL interface IFNAME overload: traffic that
 * the IPv4 list ACL permits (deny: left alone), leaving by ifname, takes
 * ifname's address and a port of its own (masquerade). */
struct net_nat_overload {
	char acl[NET_ACL_NAME_MAX + 1];
	char ifname[NET_IFNAMSIZ];
	uint64_t packets; /* out: connections translated */
};

/* ip nat inside source static [tcp|udp] LOCAL [LPORT] GLOBAL [GPORT]:
 * LOCAL takes GLOBAL as its source when leaving by an outside interface;
 * traffic to GLOBAL arriving on an outside interface goes to LOCAL.  With
 * a protocol, only that port (a port forward). */
struct net_nat_static {
	uint8_t proto; /* 0: whole address; IPPROTO_TCP, _UDP */
	struct in_addr local, global;
	uint16_t lport, gport; /* with proto only */
	uint64_t in_packets;   /* out: connections from outside */
	uint64_t out_packets;  /* out: connections from inside */
};

struct net_nat {
	struct net_nat_if *ifs; /* by name */
	size_t nifs;
	struct net_nat_overload *ovl; /* by list name */
	size_t novl;
	struct net_nat_static *st; /* by local address, protocol, port */
	size_t nst;
};

/* The NAT configuration of a VRF, with its counters. */
int net_nat_dump(const char *vrf, struct net_nat *out, struct net_err *err);
void net_nat_free(struct net_nat *nat);
/* NET_NAT_NONE removes the role. */
int net_nat_role_set(const char *vrf, const char *ifname,
		     enum net_nat_role role, struct net_err *err);
/* Replaces any overload rule of the same list.  ENOENT when the list or
 * the interface (in that VRF) does not exist. */
int net_nat_overload_add(const char *vrf, const struct net_nat_overload *o,
			 struct net_err *err);
int net_nat_overload_del(const char *vrf, const char *acl, struct net_err *err);
/* EEXIST when that local address (protocol, port) or global one is
 * already translated otherwise; 0 when the same one is there. */
int net_nat_static_add(const char *vrf, const struct net_nat_static *s,
		       struct net_err *err);
/* ENOENT when there is no such translation. */
int net_nat_static_del(const char *vrf, const struct net_nat_static *s,
		       struct net_err *err);
/* Makes the VRF's whole NAT configuration exactly nat, in one
 * transaction (counters of rules unchanged are kept). */
int net_nat_set(const char *vrf, const struct net_nat *nat,
		struct net_err *err);
/* Zeroes the VRF's NAT counters. */
int net_nat_clear_counters(const char *vrf, struct net_err *err);

/* ---- what is not vrfsh's -------------------------------------------- */

enum net_nft_note_kind {
	NET_NFT_TABLE = 1, /* another table in the VRF (left alone) */
	NET_NFT_CHAIN,	   /* a chain in vrfsh's table it did not make */
	NET_NFT_RULE,	   /* a rule changed or added by hand */
	NET_NFT_SET,	   /* a set it did not make */
	NET_NFT_COPY,	   /* a VRF's copy of a list differs from it */
	NET_NFT_OWNER,	   /* `table inet vrfsh` not made by vrfsh:
				 * vrfsh will not touch it */
};

struct net_nft_note {
	enum net_nft_note_kind kind;
	char family[8]; /* of a table: "ip", "inet", ... */
	char table[64];
	char chain[80];
	uint64_t handle; /* of a rule */
	char text[128];	 /* what is wrong, or the rule's comment */
};

struct net_nft_notes {
	struct net_nft_note *v;
	size_t n;
};

/* What in vrf's nftables vrfsh did not make, or no longer matches what
 * it made: other tables, hand-made chains, sets and rules in its own,
 * copies of lists that differ from the default VRF's. */
int net_nft_check(const char *vrf, struct net_nft_notes *out,
		  struct net_err *err);
void net_nft_notes_free(struct net_nft_notes *notes);

/* All that a VRF's table holds, from one read: what the running
 * configuration needs.  lists: the default VRF's every list, another
 * VRF's copies, with the counters of this VRF only.  notes: as
 * net_nft_check, the copies compared with master (the default VRF's
 * lists, as read before) or, when master is NULL, with the default VRF's
 * table read for it. */
struct net_nft_view {
	struct net_acls lists;
	struct net_acl_binds binds;
	struct net_nat nat;
	struct net_nft_notes notes;
};

int net_nft_view(const char *vrf, const struct net_acls *master,
		 struct net_nft_view *out, struct net_err *err);
void net_nft_view_free(struct net_nft_view *view);

/* How many kernel objects (tables, chains, rules, sets, set elements)
 * the changes of this process have made, changed or deleted so far: a
 * change that leaves everything as it was adds nothing (what `configure
 * replace` onto the running configuration must show). */
unsigned long net_nft_changes(void);

/* ---- connection tracking ------------------------------------------- */

struct net_ct_tuple {
	union net_ip src, dst;
	uint16_t sport, dport;	      /* tcp, udp, sctp, ...; 0 otherwise */
	uint8_t icmp_type, icmp_code; /* icmp */
	uint16_t icmp_id;
};

struct net_ct {
	int family; /* AF_INET or AF_INET6 */
	uint8_t proto;
	struct net_ct_tuple orig;  /* as the first packet was */
	struct net_ct_tuple reply; /* as the answers are */
	bool snat, dnat;	   /* the source or destination is translated */
	bool assured;		   /* traffic was seen both ways */
	uint32_t timeout;	   /* seconds left */
	uint8_t tcp_state;	   /* enum tcp_conntrack, 0 for others */
	uint32_t id;
	uint32_t mark;
	uint16_t zone;
	bool has_counters; /* net.netfilter.nf_conntrack_acct */
	uint64_t orig_packets, orig_bytes, reply_packets, reply_bytes;
};

struct net_cts {
	struct net_ct *v;
	size_t n;
};

/* The VRF's connections; family AF_UNSPEC for both; nat_only: those with
 * a translation (what `show ip nat translations` lists). */
int net_ct_dump(const char *vrf, int family, bool nat_only, struct net_cts *out,
		struct net_err *err);
void net_cts_free(struct net_cts *cts);
/* Deletes the VRF's connections (nat_only: those with a translation, as
 * `clear ip nat translation *`); *deleted (may be NULL) gets the count. */
int net_ct_flush(const char *vrf, bool nat_only, size_t *deleted,
		 struct net_err *err);

struct net_ct_stats {
	uint32_t entries; /* connections tracked */
	uint32_t max;	  /* the table's limit */
	uint32_t nat;	  /* of them translated */
	uint32_t snat, dnat;
};
int net_ct_stats(const char *vrf, struct net_ct_stats *out,
		 struct net_err *err);

#endif
