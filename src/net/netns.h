/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netns.h - internal: entering namespaces and the cache of namespace fds.
 */
#ifndef VRFSH_NET_NETNS_H
#define VRFSH_NET_NETNS_H

#include <sys/stat.h>

#include "net.h"

/* Room for NET_NETNS_DIR "/" NAME. */
#define NETNS_PATH_SIZE (sizeof(NET_NETNS_DIR) + NET_VRF_NAME_MAX + 1)

/* The cache key of vrf: "default" for the default VRF, else vrf. */
const char *netns_key(const char *vrf);
/* EINVAL unless vrf is usable as a file name in NET_NETNS_DIR. */
int netns_check_name(const char *vrf, struct net_err *err);
/* Path of the namespace file of vrf into buf. */
void netns_path(const char *vrf, char *buf, size_t size);

/* net_vrf_fd(), but returning -errno. */
int netns_fd(const char *vrf, struct net_err *err);
/* Open path (never through a symlink) as a network namespace fd, with
 * its stat in *st: ENOENT when no namespace is on it, EINVAL when it is
 * another kind of namespace.  Not cached: the caller closes it. */
int netns_open(const char *path, struct stat *st, struct net_err *err);
/* Is st (from lstat) the inode of a namespace, not a stale entry? */
bool netns_is_ns(const struct stat *st);
/* ENOENT, naming vrf a stale entry. */
int netns_stale_err(const char *vrf, struct net_err *err);

/* Move the calling thread into the namespace of nsfd; *saved gets an fd
 * of the namespace it left.  Pair with netns_leave(). */
int netns_enter(int nsfd, int *saved, struct net_err *err);
/* Return to saved and close it; abort()s if the kernel refuses. */
void netns_leave(int saved);

/* Close the cached fd and socket of vrf. */
void netns_forget(const char *vrf);
/* Append a copy of name; -ENOMEM on failure. */
int netns_names_add(struct net_names *names, const char *name);
/* A copy of name that lives until net_cleanup(). */
const char *netns_intern(const char *name);
/* Drop the netnsid map of net_vrf_by_netnsid (vrf.c): after a change. */
void netns_nsid_forget(void);

#endif
