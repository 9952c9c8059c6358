/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vrf.c - making and removing VRFs as `ip netns add/delete` do, but
 * never leaving half of one, and naming the VRF behind a netnsid.
 *
 * Both take an exclusive flock(2) on /run/netns, so that a creation and
 * a deletion never see each other half-way.
 *
 * Creation: /run/netns becomes a shared mount point (so that unmounting a
 * namespace file in one mount namespace unmounts it everywhere), an empty
 * file /run/netns/NAME is created, the thread unshares a new network
 * namespace, brings lo up in it, bind-mounts it onto the file and returns
 * to where it was.  A failure at any step removes the file it made.
 *
 * Deletion: everything that can be checked is checked first; physical
 * links go home; the file is unmounted and unlinked while an fd keeps the
 * namespace, so that a refused unlink (the kernel cannot unlink a mount
 * point, so it must come second) can bind the namespace back; only then
 * are its virtual links destroyed, through that fd's socket, so that they
 * stop forwarding whoever else holds the namespace.
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
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"

#define SELF_NETNS "/proc/thread-self/ns/net"

static bool dir_shared;

/* Make NET_NETNS_DIR a shared mount point, binding it onto itself first
 * if it is not a mount point at all. */
static int make_dir_shared(struct net_err *err)
{
	bool bound = false;

	while (mount("", NET_NETNS_DIR, "none", MS_SHARED | MS_REC, NULL)) {
		if (errno != EINVAL || bound)
			return net_err_step(err, errno, NET_NEED_SYS_ADMIN,
					    "make " NET_NETNS_DIR " shared");
		if (mount(NET_NETNS_DIR, NET_NETNS_DIR, "none",
			  MS_BIND | MS_REC, NULL))
			return net_err_step(err, errno, NET_NEED_SYS_ADMIN,
					    "make " NET_NETNS_DIR
					    " a mount point");
		bound = true;
	}
	dir_shared = true;
	return 0;
}

/* Lock NET_NETNS_DIR (creating it first when create); returns the lock
 * fd.  Without create, a missing directory is a plain ENOENT. */
static int lock_dir(bool create, struct net_err *err)
{
	int fd, ret;

	fd = open(NET_NETNS_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && create) {
		if (mkdir(NET_NETNS_DIR, 0755) < 0 && errno != EEXIST)
			return net_err_step(err, errno, NET_NEED_NETNS_DIR,
					    "create " NET_NETNS_DIR);
		fd = open(NET_NETNS_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	if (fd < 0 && errno == ENOENT && !create)
		return net_err_errno(err, ENOENT);
	if (fd < 0)
		return net_err_step(err, errno, NULL, "lock " NET_NETNS_DIR);
	while ((ret = flock(fd, LOCK_EX)) < 0 && errno == EINTR)
		;
	if (ret < 0) {
		ret = net_err_step(err, errno, NULL, "lock " NET_NETNS_DIR);
		close(fd);
		return ret;
	}
	return fd;
}

/* Does the thread have cap in its effective set?  When the kernel will
 * not say, the operation itself will tell. */
static bool have_cap(unsigned cap)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	memset(d, 0, sizeof(d));
	if (syscall(SYS_capget, &h, d) < 0)
		return true;
	return d[cap / 32].effective & (1u << (cap % 32));
}

/* ---- creation --------------------------------------------------- */

/* Where the namespace goes: a file made anew (*made), or a stale entry
 * that may be reused, an empty regular file with nothing on it.  Returns
 * 1 with an fd of it in *fd, 0 when vrf already is a VRF, or -errno. */
static int open_target(const char *vrf, const char *path, int *fd, bool *made,
		       struct net_err *err)
{
	struct stat st, dir, got;
	int ret;

	*fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		   0);
	if (*fd >= 0) {
		*made = true;
		return 1;
	}
	if (errno != EEXIST)
		return net_err_step(err, errno, NET_NEED_NETNS_DIR,
				    "create the file");
	if (lstat(path, &st) < 0)
		return net_err_step(err, errno, NULL, "create the file");
	if (netns_is_ns(&st)) {
		ret = netns_fd(vrf, err);
		return ret < 0 ? ret : 0;
	}
	if (!S_ISREG(st.st_mode) || st.st_size != 0 ||
	    stat(NET_NETNS_DIR, &dir) < 0 || st.st_dev != dir.st_dev)
		return net_err_set(err, EEXIST,
				   "%s is in the way: neither a "
				   "namespace nor an empty file",
				   path);
	*fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (*fd < 0)
		return net_err_step(err, errno, NULL, "open the stale entry");
	if (fstat(*fd, &got) < 0 || got.st_ino != st.st_ino ||
	    got.st_dev != st.st_dev) {
		close(*fd);
		return net_err_set(err, EAGAIN, "%s changed under us", path);
	}
	*made = false;
	return 1;
}

/* Unshare a new network namespace, bring its lo up and pin it on the
 * file of fd target; the thread ends up where it started either way. */
static int bind_new_netns(int target, struct net_err *err)
{
	char where[64];
	int saved, ret;

	saved = open(SELF_NETNS, O_RDONLY | O_CLOEXEC);
	if (saved < 0)
		return net_err_step(err, errno, NULL, "open " SELF_NETNS);
	if (unshare(CLONE_NEWNET) < 0) {
		ret = net_err_step(err, errno, NET_NEED_SYS_ADMIN, "unshare");
		close(saved);
		return ret;
	}
	ret = link_up_here("lo", err);
	if (ret < 0) {
		net_err_prefix(err, ret, "bring lo up");
	} else {
		/* The very file we opened, not whatever the path names now. */
		snprintf(where, sizeof(where), "/proc/self/fd/%d", target);
		if (mount(SELF_NETNS, where, "none", MS_BIND, NULL))
			ret = net_err_step(err, errno, NET_NEED_SYS_ADMIN,
					   "bind mount");
	}
	netns_leave(saved);
	return ret;
}

/* Under the lock: make the file and the namespace behind it. */
static int create_locked(const char *vrf, const char *path, bool *created,
			 struct net_err *err)
{
	bool made = false;
	int fd, ret;

	if (!dir_shared) {
		ret = make_dir_shared(err);
		if (ret < 0)
			return ret;
	}
	ret = open_target(vrf, path, &fd, &made, err);
	if (ret <= 0)
		return ret;
	ret = bind_new_netns(fd, err);
	close(fd);
	if (ret < 0) {
		if (made)
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
	lock = lock_dir(true, err);
	if (lock < 0)
		return lock;
	ret = create_locked(vrf, path, &made, err);
	close(lock);
	if (made) {
		netns_nsid_forget();
		net_count_change();
	}
	if (created)
		*created = made;
	return ret;
}

/* ---- deletion: who uses it -------------------------------------- */

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

static int add_pid(int **v, size_t *n, int pid)
{
	int *nv = realloc(*v, (*n + 1) * sizeof(**v));

	if (!nv)
		return -ENOMEM;
	nv[(*n)++] = pid;
	*v = nv;
	return 0;
}

/* Other processes running in the namespace ns (their ns/net is it) or
 * holding it open. */
static int find_pids(const struct stat *ns, struct net_vrf_del_report *r,
		     struct net_err *err)
{
	char proc[64];
	struct dirent *de;
	DIR *dir;
	int pid, ret = 0;
	bool in;

	if (!(dir = opendir("/proc")))
		return 0; /* nothing to report, not a failure */
	while (ret == 0 && (de = readdir(dir))) {
		pid = atoi(de->d_name);
		if (pid <= 0 || pid == getpid())
			continue;
		snprintf(proc, sizeof(proc), "/proc/%d/ns/net", pid);
		in = same_netns(proc, ns);
		if (in)
			ret = add_pid(&r->running, &r->nrunning, pid);
		if (ret == 0 && (in || holds_netns(pid, ns)))
			ret = add_pid(&r->pids, &r->npids, pid);
	}
	closedir(dir);
	return ret < 0 ? net_err_errno(err, ENOMEM) : 0;
}

/* ---- deletion: the steps ---------------------------------------- */

struct del {
	const char *vrf;
	char path[NETNS_PATH_SIZE];
	unsigned flags;
	int nsfd; /* ours: keeps the namespace while we work */
	struct stat ns;
	struct net_links links; /* its links before anything changed */
	struct net_vrf_del_report *r;
};

/* Everything that can be known to fail before anything changes. */
static int preflight(struct del *d, struct net_err *err)
{
	int ret;

	if (faccessat(AT_FDCWD, NET_NETNS_DIR, W_OK | X_OK, AT_EACCESS) < 0)
		return net_err_step(err, errno, NET_NEED_NETNS_DIR,
				    "check " NET_NETNS_DIR);
	if (!have_cap(CAP_SYS_ADMIN))
		return net_err_step(err, EPERM, NET_NEED_SYS_ADMIN,
				    "unmount the namespace");
	if (!have_cap(CAP_NET_ADMIN))
		return net_err_step(err, EPERM, NET_NEED_NET_ADMIN,
				    "destroy its interfaces");
	d->nsfd = netns_open(d->path, &d->ns, err);
	if (d->nsfd < 0)
		return d->nsfd;
	/* Through the cache: entering it proves setns is allowed. */
	ret = net_link_dump(d->vrf, &d->links, err);
	return ret < 0 ? net_err_prefix(err, ret, "read its interfaces") : 0;
}

/* Move the first n physical links of d back into the VRF. */
static void restore_physical(struct del *d, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < d->links.n; i++)
		if (net_link_is_physical(&d->links.v[i]))
			net_link_move(NULL, d->links.v[i].name, d->vrf, NULL);
	net_names_free(&d->r->returned);
}

/* Physical links back to default: they must survive the namespace. */
static int return_physical(struct del *d, struct net_err *err)
{
	const struct net_link *l;
	size_t i;
	int ret;

	for (i = 0; i < d->links.n; i++) {
		l = &d->links.v[i];
		if (!net_link_is_physical(l))
			continue;
		ret = net_link_move(d->vrf, l->name, NULL, err);
		if (ret == 0 && netns_names_add(&d->r->returned, l->name) < 0)
			ret = net_err_errno(err, ENOMEM);
		if (ret < 0) {
			net_err_prefix(err, ret, "return %s to the default VRF",
				       l->name);
			restore_physical(d, i);
			return ret;
		}
	}
	return 0;
}

/* Binds fd's namespace onto the regular file at path, never onto what a
 * symbolic link there names (/run/netns may be a group's directory). */
static int bind_onto(int nsfd, const char *path)
{
	char from[64], onto[64];
	struct stat st;
	int fd, ret;

	fd = open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EPERM;
		return -1;
	}
	snprintf(from, sizeof(from), "/proc/self/fd/%d", nsfd);
	snprintf(onto, sizeof(onto), "/proc/self/fd/%d", fd);
	ret = mount(from, onto, "none", MS_BIND, NULL);
	close(fd);
	return ret;
}

/* The unlink was refused: put the namespace back on its file. */
static void rebind(struct del *d, struct net_err *err)
{
	size_t len;

	len = strlen(err->msg);
	if (bind_onto(d->nsfd, d->path) == 0) {
		snprintf(err->msg + len, sizeof(err->msg) - len,
			 " (the VRF is kept)");
		restore_physical(d, d->links.n);
	} else {
		snprintf(err->msg + len, sizeof(err->msg) - len,
			 " (and binding the namespace back failed: %s)",
			 strerror(errno));
	}
}

/* Unmount and unlink the file; any refusal leaves the VRF as it was. */
static int remove_file(struct del *d, struct net_err *err)
{
	int ret;

	if (umount2(d->path, MNT_DETACH | UMOUNT_NOFOLLOW) < 0) {
		ret = net_err_step(err, errno, NET_NEED_SYS_ADMIN, "unmount");
		restore_physical(d, d->links.n);
		return ret;
	}
	if (unlink(d->path) < 0) {
		ret = net_err_step(err, errno, NET_NEED_NETNS_DIR,
				   "remove the file");
		rebind(d, err);
		return ret;
	}
	return 0;
}

/* Destroy the virtual links through a socket in the namespace (its file
 * is gone): they stop forwarding now, whoever else holds it.  A link the
 * kernel will not delete (a fallback tunnel) goes with the namespace. */
static void destroy_virtual(struct del *d, struct nl_sock *s)
{
	const struct net_link *l;
	struct net_err e;
	size_t i;
	int ret;

	for (i = 0; i < d->links.n; i++) {
		l = &d->links.v[i];
		if (l->loopback || net_link_is_physical(l))
			continue;
		ret = link_del_on(s, l->name, &e);
		/* ENODEV: gone with its veth peer, deleted just before */
		if (ret == 0 || ret == -ENODEV)
			netns_names_add(&d->r->destroyed, l->name);
	}
}

static int delete_ns(struct del *d, struct net_err *err)
{
	struct nl_sock *s;
	int ret;

	ret = preflight(d, err);
	if (ret == 0)
		ret = find_pids(&d->ns, d->r, err);
	if (ret < 0)
		return ret;
	if (d->r->nrunning && !(d->flags & NET_VRF_DEL_FORCE))
		return net_err_set(err, EBUSY, "%zu process%s running in it",
				   d->r->nrunning,
				   d->r->nrunning == 1 ? " is" : "es are");
	ret = return_physical(d, err);
	if (ret < 0)
		return ret;
	/* The socket that reaches it once its file is gone. */
	ret = nl_sock_get(d->vrf, &s, err);
	if (ret < 0) {
		restore_physical(d, d->links.n);
		return ret;
	}
	ret = remove_file(d, err);
	if (ret < 0)
		return ret;
	destroy_virtual(d, s);
	return 0;
}

/* A stale entry: no namespace to care for, the file goes as ip does. */
static int remove_stale(struct del *d, const struct stat *st,
			struct net_err *err)
{
	int ret;

	if (S_ISDIR(st->st_mode))
		return net_err_set(err, EISDIR, "%s is a directory", d->path);
	ret = unlink(d->path);
	/* Something that is not a namespace mounted there */
	if (ret < 0 && errno == EBUSY &&
	    umount2(d->path, MNT_DETACH | UMOUNT_NOFOLLOW) == 0)
		ret = unlink(d->path);
	if (ret < 0)
		return net_err_step(err, errno, NET_NEED_NETNS_DIR,
				    "remove the stale entry");
	d->r->stale = true;
	return 0;
}

static int delete_locked(struct del *d, struct net_err *err)
{
	struct stat st;
	int ret;

	if (lstat(d->path, &st) < 0)
		return net_err_errno(err, errno);
	if (!netns_is_ns(&st))
		ret = remove_stale(d, &st, err);
	else
		ret = delete_ns(d, err);
	/* Our own fd and socket would keep it alive. */
	if (ret == 0)
		netns_forget(d->vrf);
	return ret;
}

static int delete_vrf(struct del *d, struct net_err *err)
{
	int lock, ret;

	if (net_vrf_is_default(d->vrf))
		return net_err_set(err, EINVAL,
				   "The default VRF cannot be deleted");
	ret = netns_check_name(d->vrf, err);
	if (ret < 0)
		return ret;
	netns_path(d->vrf, d->path, sizeof(d->path));
	lock = lock_dir(false, err);
	if (lock < 0)
		return lock;
	ret = delete_locked(d, err);
	close(lock);
	netns_nsid_forget();
	return ret;
}

int net_vrf_delete(const char *vrf, unsigned flags,
		   struct net_vrf_del_report *report, struct net_err *err)
{
	struct net_vrf_del_report r;
	struct net_err local;
	struct del d;
	int ret;

	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	d.vrf = vrf;
	d.flags = flags;
	d.nsfd = -1;
	d.r = &r;
	ret = delete_vrf(&d, err ? err : &local);
	if (ret == 0)
		net_count_change();
	if (d.nsfd >= 0)
		close(d.nsfd);
	net_links_free(&d.links);
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
	free(report->running);
	report->running = NULL;
	report->nrunning = 0;
	report->stale = false;
}

/* ---- netnsid -> VRF --------------------------------------------- */

/* What one VRF calls the others, for the current command. */
struct nsid_pair {
	int nsid;
	const char *vrf; /* interned; NULL while not found */
};

struct nsid_map {
	struct nsid_map *next;
	char src[NET_VRF_NAME_MAX + 1];
	struct nsid_pair *v;
	size_t n;
};

static struct nsid_map *maps;

void netns_nsid_forget(void)
{
	struct nsid_map *m;

	while ((m = maps)) {
		maps = m->next;
		free(m->v);
		free(m);
	}
}

void net_cmd_begin(void)
{
	netns_nsid_forget();
}

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
	mnl_attr_put_u32(nlh, NETNSA_FD, (uint32_t)nsfd);
	if (nl_talk(s, nlh, nsid_cb, &id, &err) < 0)
		return NETNSA_NSID_NOT_ASSIGNED;
	return id;
}

/* Every id assigned in the namespace of s, from one dump. */
static int nsid_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nsid_map *m = data;
	struct nsid_pair *v;
	int id = NETNSA_NSID_NOT_ASSIGNED;

	nsid_cb(nlh, &id);
	if (id < 0)
		return MNL_CB_OK;
	v = nl_grow(m->v, m->n, sizeof(*m->v));
	if (!v)
		return MNL_CB_ERROR;
	m->v = v;
	m->v[m->n++] = (struct nsid_pair){ id, NULL };
	return MNL_CB_OK;
}

static void nsid_reset(void *data)
{
	((struct nsid_map *)data)->n = 0;
}

/* Note that vrf has id nsid; returns how many ids are still unknown. */
static size_t nsid_found(struct nsid_map *m, int nsid, const char *vrf,
			 size_t unknown)
{
	size_t i;

	for (i = 0; vrf && i < m->n; i++) {
		if (m->v[i].nsid == nsid && !m->v[i].vrf) {
			m->v[i].vrf = vrf;
			return unknown - 1;
		}
	}
	return unknown;
}

/* One pass over the VRFs until every id assigned in m->src is named. */
static void nsid_fill(struct nsid_map *m, struct nl_sock *s)
{
	struct net_names names;
	size_t i, unknown = m->n;
	int fd;

	if (strcmp(m->src, "default")) {
		fd = netns_fd(NULL, NULL);
		if (fd >= 0)
			unknown = nsid_found(m, nsid_of(s, fd), "default",
					     unknown);
	}
	if (!unknown || net_vrf_list(&names, NULL) < 0)
		return;
	for (i = 0; unknown && i < names.n; i++) {
		/* Its own socket must not be dropped under us. */
		if (!strcmp(names.v[i], m->src))
			continue;
		fd = netns_fd(names.v[i], NULL);
		if (fd >= 0)
			unknown = nsid_found(m, nsid_of(s, fd),
					     netns_intern(names.v[i]), unknown);
	}
	net_names_free(&names);
}

static struct nsid_map *nsid_map_build(const char *key)
{
	struct nsid_map *m = calloc(1, sizeof(*m));
	char buf[NL_REQ_SIZE];
	struct nlmsghdr *nlh;
	struct rtgenmsg *g;
	struct nl_sock *s;
	struct net_err err;

	if (!m)
		return NULL;
	snprintf(m->src, sizeof(m->src), "%s", key);
	if (nl_sock_get(key, &s, &err) < 0) {
		free(m);
		return NULL;
	}
	nlh = nl_msg(buf, RTM_GETNSID, 0);
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->rtgen_family = AF_UNSPEC;
	if (nl_dump(s, nlh, nsid_dump_cb, m, nsid_reset, &err) < 0) {
		free(m->v);
		free(m);
		return NULL;
	}
	if (m->n)
		nsid_fill(m, s);
	m->next = maps;
	maps = m;
	return m;
}

const char *net_vrf_by_netnsid(const char *vrf, int netnsid)
{
	const char *key = netns_key(vrf);
	struct nsid_map *m;
	size_t i;

	if (netnsid < 0)
		return NULL;
	for (m = maps; m && strcmp(m->src, key); m = m->next)
		;
	if (!m)
		m = nsid_map_build(key);
	for (i = 0; m && i < m->n; i++)
		if (m->v[i].nsid == netnsid)
			return m->v[i].vrf;
	return NULL;
}
