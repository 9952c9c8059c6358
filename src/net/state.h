/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * state.h - per-boot state that the kernel cannot hold, kept beside the
 * namespaces: records of bytes named (VRF, record name), for example the
 * static routes of a VRF as they were configured.
 *
 * Layout: DIR/NAME/FILE, where DIR is $VRFSH_STATE_DIR or NET_STATE_DIR,
 * NAME the record name ([a-z][a-z0-9-]*, at most 32 characters) and FILE
 * "default" for the default VRF or "vrf." followed by the VRF's name.
 * Each file is text:
 *
 *	vrfsh-state 1
 *	record NAME
 *	netns DEV INO COOKIE
 *	length N
 *
 * followed by exactly N bytes of the record.  DEV and INO are those of
 * the VRF's namespace and COOKIE the kernel's id for it (SO_NETNS_COOKIE,
 * never reused, unlike inode numbers): a record whose namespace is not
 * the VRF's now (the VRF was deleted and made again by another tool) is
 * stale, treated as absent and removed.  Anything else that does not
 * parse exactly is an error that names the file; the file is left for
 * the operator.
 *
 * Safety: directories and files are opened without following a symbolic
 * link in their last component and refused unless they are what vrfsh
 * makes (a directory or a single-link regular file, owned by root or by
 * the caller, not writable by group or others).  A record is replaced
 * atomically: a temporary file made exclusively in the same directory,
 * written, fsync'd and renamed over the old one, then the directory
 * fsync'd.  Records are read without a lock (a rename is atomic); a
 * read-modify-write cycle takes the record name's lock, an flock(2) on
 * DIR/NAME as /run/netns is locked, and only its holder writes, removes
 * or cleans stale records.
 */
#ifndef VRFSH_NET_STATE_H
#define VRFSH_NET_STATE_H

#include <stdbool.h>
#include <sys/types.h>
#include <stddef.h>

#include "net/net.h"

#define NET_STATE_DIR "/run/vrfsh"
#define NET_STATE_NAME_MAX 32
/* A record may not be larger than this (a sanity bound). */
#define NET_STATE_SIZE_MAX ((size_t)256 << 20)

/* $VRFSH_STATE_DIR when set and not empty, else NET_STATE_DIR. */
const char *net_state_dir(void);

/* Takes the lock of record name (exclusive: to change records; shared:
 * to read several consistently), making DIR and DIR/NAME (mode 0755)
 * when exclusive.  Returns a lock handle >= 0 for net_state_unlock().
 * Without the directory a shared lock is ENOENT (there is no record).
 * Taking the exclusive lock also removes temporary files that a writer
 * killed halfway left.  Not reentrant: a process locks a name once. */
int net_state_lock(const char *name, bool exclusive, struct net_err *err);
void net_state_unlock(int lock);

/* The record name of vrf: a malloc'd copy in *data (one NUL byte after
 * the *len bytes, not counted) to be freed by the caller.  ENOENT when
 * there is none or it is stale (removed when the caller holds the
 * exclusive lock); EBADMSG when the file does not parse; EPERM when the
 * file or a directory is not what vrfsh makes. */
int net_state_read(const char *vrf, const char *name, char **data, size_t *len,
		   struct net_err *err);
/* The same, and who owns the record's file (who wrote it last). */
int net_state_read_owner(const char *vrf, const char *name, char **data,
			 size_t *len, uid_t *owner, struct net_err *err);
/* The record name of vrf open for reading in *fd (close-on-exec), past
 * its header, checked as net_state_read() checks it; *len bytes follow.
 * For records too large to hold whole: the caller reads and closes. */
int net_state_open(const char *vrf, const char *name, int *fd, size_t *len,
		   struct net_err *err);
/* Replaces the record (atomically, see above).  The caller holds the
 * exclusive lock of name. */
int net_state_write(const char *vrf, const char *name, const void *data,
		    size_t len, struct net_err *err);
/* Removes the record; none is not an error.  Under the exclusive lock. */
int net_state_remove(const char *vrf, const char *name, struct net_err *err);
/* The VRFs that have a record name, sorted, "default" for the default
 * VRF.  Records of VRFs whose namespace file is gone are left out (and
 * removed under the exclusive lock); the others are not checked for
 * staleness here (net_state_read does).  No directory: an empty list. */
int net_state_list(const char *name, struct net_names *vrfs,
		   struct net_err *err);
/* Is there a record name of vrf (maybe stale)?  One fstatat(2). */
bool net_state_exists(const char *vrf, const char *name);
/* The path of the record's file, for messages. */
void net_state_path(const char *vrf, const char *name, char *buf, size_t size);
/* Removes every record of vrf, whatever its name (the VRF is being
 * deleted).  Takes each record name's lock unless this process holds
 * it.  Best effort: returns the first error. */
int net_state_forget(const char *vrf, struct net_err *err);

#endif
