/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * netns.c - the namespaces behind VRF names: the default one (where the
 * process was at first use), the files in /run/netns, a cache of open
 * namespace fds, and entering and leaving a namespace safely.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/nsfs.h>

#include "netns.h"
#include "nl.h"

#define SELF_NETNS "/proc/thread-self/ns/net"

/* One open namespace file, checked against the path on each use. */
struct ns_entry {
	struct ns_entry *next;
	char name[NET_VRF_NAME_MAX + 1];
	int fd;
	dev_t dev;
	ino_t ino;
};

struct interned {
	struct interned *next;
	char name[];
};

static int default_fd = -1;
static struct ns_entry *entries; /* the most recently used first */
static size_t nentries;
static struct interned *interned;
static dev_t nsfs_dev;
static bool nsfs_known;

bool net_vrf_is_default(const char *vrf)
{
	return !vrf || !*vrf || !strcmp(vrf, "default") ||
	       !strcmp(vrf, "global");
}

const char *netns_key(const char *vrf)
{
	return net_vrf_is_default(vrf) ? "default" : vrf;
}

int netns_check_name(const char *vrf, struct net_err *err)
{
	size_t len = strlen(vrf);

	if (len == 0 || len > NET_VRF_NAME_MAX || strchr(vrf, '/') ||
	    !strcmp(vrf, ".") || !strcmp(vrf, ".."))
		return net_err_set(err, EINVAL, "Invalid VRF name");
	return 0;
}

void netns_path(const char *vrf, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", NET_NETNS_DIR, vrf);
}

/* Is st a namespace file (an inode of nsfs, the file system of every
 * namespace)?  A plain file, a symlink or anything mounted there that is
 * not a namespace is not. */
bool netns_is_ns(const struct stat *st)
{
	struct stat self;

	if (!nsfs_known) {
		if (stat(SELF_NETNS, &self) < 0)
			return false;
		nsfs_dev = self.st_dev;
		nsfs_known = true;
	}
	return S_ISREG(st->st_mode) && st->st_dev == nsfs_dev;
}

int netns_stale_err(const char *vrf, struct net_err *err)
{
	return net_err_set(err, ENOENT, "No namespace on %s/%s (a stale entry)",
			   NET_NETNS_DIR, vrf);
}

static int get_default_fd(struct net_err *err)
{
	if (default_fd < 0) {
		default_fd = open(SELF_NETNS, O_RDONLY | O_CLOEXEC);
		if (default_fd < 0)
			return net_err_errno(err, errno);
	}
	return default_fd;
}

int netns_enter(int nsfd, int *saved, struct net_err *err)
{
	struct stat here, there;
	int e;

	*saved = open(SELF_NETNS, O_RDONLY | O_CLOEXEC);
	if (*saved < 0)
		return net_err_errno(err, errno);
	/* Already there: no setns, which needs CAP_SYS_ADMIN even then, so
	 * that an unprivileged user can still read the default VRF. */
	if (fstat(*saved, &here) == 0 && fstat(nsfd, &there) == 0 &&
	    here.st_dev == there.st_dev && here.st_ino == there.st_ino) {
		close(*saved);
		*saved = -1;
		return 0;
	}
	if (setns(nsfd, CLONE_NEWNET) < 0) {
		e = errno;
		close(*saved);
		*saved = -1;
		return net_err_step(err, e, NET_NEED_SYS_ADMIN, NULL);
	}
	return 0;
}

void netns_leave(int saved)
{
	if (saved < 0)
		return; /* netns_enter did not move */
	/* Staying in the wrong namespace would silently misconfigure the
	 * machine; there is no safe way on. */
	if (setns(saved, CLONE_NEWNET) < 0)
		abort();
	close(saved);
}

const char *netns_intern(const char *name)
{
	struct interned *i;

	for (i = interned; i; i = i->next)
		if (!strcmp(i->name, name))
			return i->name;
	i = malloc(sizeof(*i) + strlen(name) + 1);
	if (!i)
		return NULL;
	strcpy(i->name, name);
	i->next = interned;
	interned = i;
	return i->name;
}

/* ---- the fd cache ----------------------------------------------- */

/* The entry of name, moved to the front (most recently used). */
static struct ns_entry *entry_find(const char *name)
{
	struct ns_entry **pp, *e;

	for (pp = &entries; (e = *pp); pp = &e->next) {
		if (!strcmp(e->name, name)) {
			*pp = e->next;
			e->next = entries;
			entries = e;
			return e;
		}
	}
	return NULL;
}

static void entry_free(struct ns_entry *e)
{
	close(e->fd);
	free(e);
	nentries--;
}

static void entry_drop(const char *name)
{
	struct ns_entry **pp, *e;

	for (pp = &entries; (e = *pp); pp = &e->next) {
		if (!strcmp(e->name, name)) {
			*pp = e->next;
			entry_free(e);
			return;
		}
	}
}

/* Close the least recently used fds beyond the bound. */
static void entries_trim(void)
{
	struct ns_entry **pp = &entries;
	size_t i;

	for (i = 0; *pp && i < NET_NETNS_CACHE; i++)
		pp = &(*pp)->next;
	while (*pp) {
		struct ns_entry *e = *pp;

		*pp = e->next;
		entry_free(e);
	}
}

void netns_forget(const char *vrf)
{
	entry_drop(vrf);
	nl_sock_drop(vrf);
}

int netns_open(const char *path, struct stat *st, struct net_err *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return net_err_errno(err, errno);
	if (fstat(fd, st) < 0 || !netns_is_ns(st)) {
		close(fd);
		return net_err_set(err, ENOENT,
				   "No namespace on %s (a stale entry)", path);
	}
	if (ioctl(fd, NS_GET_NSTYPE) != CLONE_NEWNET) {
		close(fd);
		return net_err_set(err, EINVAL, "%s is not a network namespace",
				   path);
	}
	return fd;
}

static int entry_add(const char *name, int fd, const struct stat *st,
		     struct net_err *err)
{
	struct ns_entry *e = calloc(1, sizeof(*e));

	if (!e) {
		close(fd);
		return net_err_errno(err, ENOMEM);
	}
	snprintf(e->name, sizeof(e->name), "%s", name);
	e->fd = fd;
	e->dev = st->st_dev;
	e->ino = st->st_ino;
	e->next = entries;
	entries = e;
	nentries++;
	entries_trim();
	return fd;
}

int netns_fd(const char *vrf, struct net_err *err)
{
	char path[NETNS_PATH_SIZE];
	struct ns_entry *e;
	struct stat st;
	int fd;

	if (net_vrf_is_default(vrf))
		return get_default_fd(err);
	fd = netns_check_name(vrf, err);
	if (fd < 0)
		return fd;
	netns_path(vrf, path, sizeof(path));
	e = entry_find(vrf);
	if (lstat(path, &st) < 0) {
		fd = errno;
		netns_forget(vrf);
		return net_err_errno(err, fd);
	}
	if (!netns_is_ns(&st)) {
		netns_forget(vrf);
		return netns_stale_err(vrf, err);
	}
	if (e && e->ino == st.st_ino && e->dev == st.st_dev)
		return e->fd;
	/* New, or deleted and made again by someone else. */
	netns_forget(vrf);
	fd = netns_open(path, &st, err);
	if (fd < 0)
		return fd;
	return entry_add(vrf, fd, &st, err);
}

int net_vrf_fd(const char *vrf, struct net_err *err)
{
	int fd = netns_fd(vrf, err);

	return fd < 0 ? -1 : fd;
}

bool net_vrf_exists(const char *vrf)
{
	return net_vrf_fd(vrf, NULL) >= 0;
}

bool net_vrf_is_stale(const char *vrf)
{
	char path[NETNS_PATH_SIZE];
	struct stat st;

	if (net_vrf_is_default(vrf) || netns_check_name(vrf, NULL) < 0)
		return false;
	netns_path(vrf, path, sizeof(path));
	return lstat(path, &st) == 0 && !netns_is_ns(&st);
}

/* ---- listing ---------------------------------------------------- */

static int names_add(struct net_names *out, const char *name)
{
	char **v;

	if ((out->n & (out->n - 1)) == 0) { /* 0, 1, 2, 4, ...: grow */
		v = realloc(out->v, (out->n ? out->n * 2 : 1) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		out->v = v;
	}
	out->v[out->n] = strdup(name);
	if (!out->v[out->n])
		return -ENOMEM;
	out->n++;
	return 0;
}

int netns_names_add(struct net_names *names, const char *name)
{
	return names_add(names, name);
}

void net_names_free(struct net_names *names)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
	names->v = NULL;
	names->n = 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void names_sort(struct net_names *names)
{
	if (names->n > 1)
		qsort(names->v, names->n, sizeof(*names->v), cmp_names);
}

/* Adds name to out or, when it is stale, to stale (if not NULL). */
static int scan_one(DIR *dir, const char *name, struct net_names *out,
		    struct net_names *stale)
{
	struct stat st;

	if (netns_check_name(name, NULL) < 0)
		return 0;
	/* Gone since readdir: not ours to report. */
	if (fstatat(dirfd(dir), name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return 0;
	if (netns_is_ns(&st))
		return names_add(out, name);
	return stale ? names_add(stale, name) : 0;
}

int net_vrf_scan(struct net_names *out, struct net_names *stale,
		 struct net_err *err)
{
	struct dirent *de;
	DIR *dir;
	int ret = 0;

	out->v = NULL;
	out->n = 0;
	if (stale) {
		stale->v = NULL;
		stale->n = 0;
	}
	dir = opendir(NET_NETNS_DIR);
	if (!dir)
		return errno == ENOENT ? 0 : net_err_errno(err, errno);
	while (ret == 0 && (de = readdir(dir)))
		ret = scan_one(dir, de->d_name, out, stale);
	closedir(dir);
	if (ret < 0) {
		net_names_free(out);
		if (stale)
			net_names_free(stale);
		return net_err_errno(err, ret);
	}
	names_sort(out);
	if (stale)
		names_sort(stale);
	return 0;
}

int net_vrf_list(struct net_names *out, struct net_err *err)
{
	return net_vrf_scan(out, NULL, err);
}

void net_cleanup(void)
{
	struct interned *i;

	net_cmd_begin();
	nl_sock_cleanup();
	while (entries)
		entry_drop(entries->name);
	while ((i = interned)) {
		interned = i->next;
		free(i);
	}
	if (default_fd >= 0)
		close(default_fd);
	default_fd = -1;
}
