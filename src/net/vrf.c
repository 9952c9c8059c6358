/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vrf.c - making and removing VRFs as `ip netns add/delete` do, and
 * naming the VRF behind a netnsid.
 *
 * Creation: /run/netns becomes a shared mount point (so that unmounting a
 * namespace file in one mount namespace unmounts it everywhere), an empty
 * file /run/netns/NAME is created, the thread unshares a new network
 * namespace, bind-mounts it onto the file and returns to where it was.
 * Deletion: unmount (lazily) and unlink; the namespace dies when nothing
 * else holds it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"

static bool dir_shared;

/* Make NET_NETNS_DIR a shared mount point, binding it onto itself first
 * if it is not a mount point at all. */
static int make_dir_shared(struct net_err *err)
{
	bool bound = false;

	while (mount("", NET_NETNS_DIR, "none", MS_SHARED | MS_REC, NULL)) {
		if (errno != EINVAL || bound)
			return net_err_errno(err, errno);
		if (mount(NET_NETNS_DIR, NET_NETNS_DIR, "none",
			  MS_BIND | MS_REC, NULL))
			return net_err_errno(err, errno);
		bound = true;
	}
	dir_shared = true;
	return 0;
}

/* Create NET_NETNS_DIR if needed and lock it; returns the lock fd. */
static int lock_dir(struct net_err *err)
{
	int fd, ret;

	if (mkdir(NET_NETNS_DIR, 0755) < 0 && errno != EEXIST)
		return net_err_errno(err, errno);
	fd = open(NET_NETNS_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return net_err_errno(err, errno);
	while ((ret = flock(fd, LOCK_EX)) < 0 && errno == EINTR)
		;
	if (ret == 0 && !dir_shared)
		ret = make_dir_shared(err);
	else if (ret < 0)
		ret = net_err_errno(err, errno);
	if (ret < 0) {
		close(fd);
		return ret;
	}
	return fd;
}

/* Unshare a new network namespace and pin it on path; the thread ends
 * up where it started either way. */
static int bind_new_netns(const char *path, struct net_err *err)
{
	int saved, ret = 0;

	saved = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (saved < 0)
		return net_err_errno(err, errno);
	if (unshare(CLONE_NEWNET) < 0) {
		ret = net_err_errno(err, errno);
		close(saved);
		return ret;
	}
	if (mount("/proc/thread-self/ns/net", path, "none", MS_BIND, NULL))
		ret = net_err_errno(err, errno);
	netns_leave(saved);
	return ret;
}

/* Under the lock: make the file and the namespace behind it. */
static int create_locked(const char *vrf, const char *path, bool *created,
			 struct net_err *err)
{
	int fd, ret;

	fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0 && errno == EEXIST) {
		ret = netns_fd(vrf, err);
		return ret < 0 ? ret : 0;
	}
	if (fd < 0)
		return net_err_errno(err, errno);
	close(fd);
	ret = bind_new_netns(path, err);
	if (ret < 0) {
		unlink(path);
		return ret;
	}
	*created = true;
	return 0;
}

int net_vrf_create(const char *vrf, bool *created, struct net_err *err)
{
	char path[NETNS_PATH_SIZE];
	bool made = false;
	int lock, ret;

	if (created)
		*created = false;
	if (net_vrf_is_default(vrf))
		return 0;
	ret = netns_check_name(vrf, err);
	if (ret < 0)
		return ret;
	netns_path(vrf, path, sizeof(path));
	lock = lock_dir(err);
	if (lock < 0)
		return lock;
	ret = create_locked(vrf, path, &made, err);
	close(lock);
	if (created)
		*created = made;
	if (ret == 0 && made)
		ret = net_link_set_up(vrf, "lo", true, err);
	return ret;
}

/* ---- deletion --------------------------------------------------- */

static int report_link(const char *vrf, const struct net_link *l,
		       struct net_vrf_del_report *r, struct net_err *err)
{
	char cause[sizeof(err->msg)];
	int ret;

	if (l->loopback)
		return 0;
	if (!net_link_is_physical(l))
		return netns_names_add(&r->destroyed, l->name) < 0 ?
		       net_err_errno(err, ENOMEM) : 0;
	ret = net_link_move(vrf, l->name, NULL, err);
	if (ret < 0) {
		snprintf(cause, sizeof(cause), "%s", err->msg);
		return net_err_set(err, -ret,
				   "cannot return %s to the default VRF: %s",
				   l->name, cause);
	}
	return netns_names_add(&r->returned, l->name) < 0 ?
	       net_err_errno(err, ENOMEM) : 0;
}

/* Move physical links home and note the virtual ones. */
static int evacuate(const char *vrf, struct net_vrf_del_report *r,
		    struct net_err *err)
{
	struct net_links links;
	size_t i;
	int ret;

	ret = net_link_dump(vrf, &links, err);
	for (i = 0; ret == 0 && i < links.n; i++)
		ret = report_link(vrf, &links.v[i], r, err);
	net_links_free(&links);
	return ret;
}

static bool same_netns(const char *proc_path, const struct stat *ns)
{
	struct stat st;

	return stat(proc_path, &st) == 0 && st.st_ino == ns->st_ino &&
	       st.st_dev == ns->st_dev;
}

/* Does pid hold an open fd on the namespace (as `ip netns` does while
 * it works, or another vrfsh that cached it)? */
static bool holds_netns(int pid, const struct stat *ns)
{
	struct dirent *de;
	struct stat st;
	bool found = false;
	char path[64];
	DIR *dir;

	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	dir = opendir(path);
	if (!dir)
		return false;
	while (!found && (de = readdir(dir)))
		found = fstatat(dirfd(dir), de->d_name, &st, 0) == 0 &&
			st.st_ino == ns->st_ino && st.st_dev == ns->st_dev;
	closedir(dir);
	return found;
}

static int add_pid(struct net_vrf_del_report *r, int pid)
{
	int *v = realloc(r->pids, (r->npids + 1) * sizeof(*v));

	if (!v)
		return -ENOMEM;
	v[r->npids++] = pid;
	r->pids = v;
	return 0;
}

/* Other processes in the namespace at path, or holding it open. */
static int find_pids(const char *path, struct net_vrf_del_report *r,
		     struct net_err *err)
{
	char proc[64];
	struct dirent *de;
	struct stat ns;
	DIR *dir;
	int pid, ret = 0;

	if (stat(path, &ns) < 0 || !(dir = opendir("/proc")))
		return 0;	/* nothing to report, not a failure */
	while (ret == 0 && (de = readdir(dir))) {
		pid = atoi(de->d_name);
		if (pid <= 0 || pid == getpid())
			continue;
		snprintf(proc, sizeof(proc), "/proc/%d/ns/net", pid);
		if (same_netns(proc, &ns) || holds_netns(pid, &ns))
			ret = add_pid(r, pid);
	}
	closedir(dir);
	return ret < 0 ? net_err_errno(err, ENOMEM) : 0;
}

static int delete_file(const char *path, struct net_err *err)
{
	umount2(path, MNT_DETACH);
	if (unlink(path) < 0)
		return net_err_errno(err, errno);
	return 0;
}

static int delete_vrf(const char *vrf, struct net_vrf_del_report *r,
		      struct net_err *err)
{
	char path[NETNS_PATH_SIZE];
	struct stat st;
	int ret;

	if (net_vrf_is_default(vrf))
		return net_err_set(err, EINVAL,
				   "The default VRF cannot be deleted");
	ret = netns_check_name(vrf, err);
	if (ret < 0)
		return ret;
	netns_path(vrf, path, sizeof(path));
	if (lstat(path, &st) < 0)
		return net_err_errno(err, errno);
	/* A file with no namespace on it is removed as ip does. */
	if (netns_fd(vrf, err) >= 0) {
		ret = evacuate(vrf, r, err);
		if (ret == 0)
			ret = find_pids(path, r, err);
		if (ret < 0)
			return ret;
	}
	/* Our own fd and socket would keep it alive. */
	netns_forget(vrf);
	return delete_file(path, err);
}

int net_vrf_delete(const char *vrf, struct net_vrf_del_report *report,
		   struct net_err *err)
{
	struct net_vrf_del_report r = { { NULL, 0 }, { NULL, 0 }, NULL, 0 };
	struct net_err local;
	int ret;

	ret = delete_vrf(vrf, &r, err ? err : &local);
	if (report)
		*report = r;
	else
		net_vrf_del_report_free(&r);
	return ret;
}

void net_vrf_del_report_free(struct net_vrf_del_report *report)
{
	net_names_free(&report->destroyed);
	net_names_free(&report->returned);
	free(report->pids);
	report->pids = NULL;
	report->npids = 0;
}

/* ---- netnsid -> VRF --------------------------------------------- */

static int nsid_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETNSA_MAX + 1];
	uint32_t v;

	if (nlh->nlmsg_type != RTM_NEWNSID)
		return MNL_CB_OK;
	nl_parse(nlh, sizeof(struct rtgenmsg), tb, NETNSA_MAX);
	if (nl_u32(tb[NETNSA_NSID], &v))
		*(int *)data = (int)v;
	return MNL_CB_OK;
}

/* The id that the namespace of s gives to the namespace of nsfd. */
static int nsid_of(struct nl_sock *s, int nsfd)
{
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct rtgenmsg *g;
	struct net_err err;
	int id = NETNSA_NSID_NOT_ASSIGNED;

	nlh = nl_msg(buf, RTM_GETNSID, 0);
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->rtgen_family = AF_UNSPEC;
	mnl_attr_put_u32(nlh, NETNSA_FD, nsfd);
	if (nl_talk(s, nlh, nsid_cb, &id, &err) < 0)
		return NETNSA_NSID_NOT_ASSIGNED;
	return id;
}

static bool has_nsid(struct nl_sock *s, const char *vrf, int netnsid)
{
	int fd = netns_fd(vrf, NULL);

	return fd >= 0 && nsid_of(s, fd) == netnsid;
}

const char *net_vrf_by_netnsid(const char *vrf, int netnsid)
{
	const char *found = NULL;
	struct net_names names;
	struct nl_sock *s;
	struct net_err err;
	size_t i;

	if (netnsid < 0 || nl_sock_get(vrf, &s, &err) < 0)
		return NULL;
	if (has_nsid(s, NULL, netnsid))
		return "default";
	if (net_vrf_list(&names, &err) < 0)
		return NULL;
	for (i = 0; !found && i < names.n; i++)
		if (has_nsid(s, names.v[i], netnsid))
			found = netns_intern(names.v[i]);
	net_names_free(&names);
	return found;
}
