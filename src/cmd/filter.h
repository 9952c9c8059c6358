/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * filter.h - what the access list and NAT areas (cmd/acl.c,
 * cmd/acl_show.c, cmd/nat.c) share: how an entry was typed (its form
 * bits), the names IOS gives to ports, protocols and ICMP types, an
 * entry's text, and a view of each VRF's bindings and NAT read once per
 * running configuration.
 */
#ifndef VRFSH_CMD_FILTER_H
#define VRFSH_CMD_FILTER_H

#include "cmd/running.h"
#include "net/nft.h"

/* net_acl_entry.form: how the entry was written, so that it is written
 * back the same way (the backend keeps these bits untouched). */
enum {
	ACL_F_PROTO_NUM = 1 << 0,     /* protocol as a number: 6, not tcp */
	ACL_F_SPORT_NAME = 1 << 1,    /* source port by name: www */
	ACL_F_SPORT_HI_NAME = 1 << 2, /* upper end of its range by name */
	ACL_F_DPORT_NAME = 1 << 3,
	ACL_F_DPORT_HI_NAME = 1 << 4,
	ACL_F_ICMP_NAME = 1 << 5, /* ICMP type (and code) by name */
	ACL_F_SRC_BARE = 1 << 6,  /* standard: a host as the address
					 * alone, without 'host' */
};

/* Ports, protocols and ICMP types by name, as IOS names them. */
struct acl_name {
	const char *name;
	int value; /* port, protocol, ICMP type */
	int code;  /* ICMP code, -1 for none */
};

/* The names of the ports of proto (IPPROTO_TCP, _UDP), of the protocols
 * and ICMP types of a family; ended by name NULL. */
const struct acl_name *acl_port_names(uint8_t proto);
const struct acl_name *acl_proto_names(int family);
const struct acl_name *acl_icmp_names(int family);
/* The name of value (and code) in names, or NULL. */
const char *acl_name_of(const struct acl_name *names, int value, int code);

/* The text of an entry as typed in the list's mode: "permit tcp any host
 * 10.0.0.1 eq www", "remark TEXT".  With show, a standard entry is
 * written as IOS shows it ("permit 10.0.0.0, wildcard bits 0.0.0.255",
 * "deny   any"). */
void acl_entry_text(int family, enum net_acl_type type,
		    const struct net_acl_entry *e, bool show, char *buf,
		    size_t size);

/* "Standard IP access list", "Extended IP access list", "IPv6 access
 * list"; and the mode command that opens a list: "ip access-list
 * extended", "ipv6 access-list". */
const char *acl_kind(int family, enum net_acl_type type);
const char *acl_opener(int family, enum net_acl_type type);

/*
 * The running configuration's view of filtering: per VRF what its table
 * holds (the default VRF's: every list), each read once for one
 * rendering (net_nft_view).  The access list area's stanzas (first of
 * the filtering areas in cmd/tables.c, before the interfaces) start it;
 * the NAT area's stanzas (the last) end it.
 */
struct fvrf {
	bool read, ok;
	struct net_nft_view view; /* binds, nat, notes (and lists) */
};

void fview_start(struct cli_config *c);
void fview_end(struct cli_config *c);
/* What the table of VRF v of c holds, or NULL when it could not be read
 * (reported once, counted in c->failed). */
const struct fvrf *fview_vrf(struct cli_config *c, const struct cfg_vrf *v);
/* The lists (of the default VRF's table), or NULL as above. */
const struct net_acls *fview_lists(struct cli_config *c);

/* Is the errno of a read one that means "no nftables here" (nothing is
 * configured, rather than a failure)? */
bool filter_absent(int code);

/* A backend error in what follows a change that was made (an interface
 * moved or deleted): "% Warning: Cannot WHAT: CAUSE", no failure. */
void filter_warn(struct cli_session *s, const struct net_err *err,
		 const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* An interface moved between VRFs: its NAT role, kept by name in its
 * VRF's table, follows it (cmd/nat.c).  And the NAT roles of vrf whose
 * interfaces are not among links go. */
void nat_if_moved(struct cli_session *s, const char *from, const char *to,
		  const char *ifname);
void nat_prune(struct cli_session *s, const char *vrf,
	       const struct net_links *links);

#endif
