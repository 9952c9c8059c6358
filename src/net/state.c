/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * state.c - the per-boot state store of state.h: checked directories,
 * locks, atomic replacement and a strict reader of the file header.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netns.h"
#include "nl.h"
#include "state.h"

#define MAGIC "vrfsh-state 1"
#define TMP_PREFIX ".tmp."
#define VRF_PREFIX "vrf."
#define DEFAULT_FILE "default"
#define FILE_SIZE (sizeof(VRF_PREFIX) + NET_VRF_NAME_MAX)
#define MAX_LOCKS 8

/* What a directory that passed the checks is (see "checked directories"). */
struct checked {
	bool shared; /* a group's directory */
	gid_t gid;
	mode_t mode; /* its permission bits */
};

/* The locks this process holds, by record name. */
static struct {
	char name[NET_STATE_NAME_MAX + 1];
	int fd; /* the locked DIR/NAME, -1 when unused */
	bool exclusive;
	struct checked dir; /* what DIR/NAME is */
} locks[MAX_LOCKS] = { [0 ... MAX_LOCKS - 1] = { .fd = -1 } };

const char *net_state_dir(void)
{
	/* never one that a caller of a binary with rights names */
	const char *dir = secure_getenv("VRFSH_STATE_DIR");

	return dir && *dir ? dir : NET_STATE_DIR;
}

static int check_name(const char *name, struct net_err *err)
{
	size_t n = strlen(name);

	if (n == 0 || n > NET_STATE_NAME_MAX || name[0] < 'a' ||
	    name[0] > 'z' ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyz"
			 "0123456789-") != n)
		return net_err_set(err, EINVAL, "Invalid record name");
	return 0;
}

/* The file of vrf's records: "default" or "vrf.NAME". */
static int vrf_file(const char *vrf, char *buf, size_t size,
		    struct net_err *err)
{
	int ret;

	if (net_vrf_is_default(vrf)) {
		snprintf(buf, size, "%s", DEFAULT_FILE);
		return 0;
	}
	ret = netns_check_name(vrf, err);
	if (ret == 0)
		snprintf(buf, size, "%s%s", VRF_PREFIX, vrf);
	return ret;
}

/* ---- checked directories ---------------------------------------- */

/*
 * What vrfsh accepts (doc/state.md, "Who may write"):
 *
 * - a private directory: owned by root or the caller, writable by its
 *   owner alone;
 * - a group's directory: setgid, writable by its group, not by others;
 *   the top one owned by root, a record directory of the top's group
 *   (any member may have made it);
 * - a file: a regular file with one link, writable by its owner alone,
 *   owned by root or the caller or, in a group's directory, of that
 *   directory's group (only a member, or root, could have put it there).
 */
static bool private_ok(const struct stat *st)
{
	return (st->st_uid == 0 || st->st_uid == geteuid()) &&
	       !(st->st_mode & (S_IWGRP | S_IWOTH));
}

static bool group_ok(const struct stat *st, const struct checked *top)
{
	if ((st->st_mode & (S_ISGID | S_IWGRP | S_IWOTH)) !=
	    (S_ISGID | S_IWGRP))
		return false;
	return top ? top->shared && st->st_gid == top->gid : st->st_uid == 0;
}

static bool file_ok(const struct stat *st, const struct checked *dir)
{
	if (!S_ISREG(st->st_mode) || st->st_nlink != 1 ||
	    (st->st_mode & (S_IWGRP | S_IWOTH)))
		return false;
	return st->st_uid == 0 || st->st_uid == geteuid() ||
	       (dir->shared && st->st_gid == dir->gid);
}

/* Makes dir in at: in a group's directory with that directory's mode
 * (whatever the umask), else 0755. */
static int make_dir(int at, const char *dir, const struct checked *top)
{
	int fd, ret = 0;

	if (mkdirat(at, dir, top && top->shared ? 0770 : 0755) < 0)
		return errno == EEXIST ? 0 : -errno;
	if (!top || !top->shared)
		return 0;
	fd = openat(at, dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fchmod(fd, top->mode) < 0)
		ret = -errno;
	if (fd >= 0)
		close(fd);
	return ret;
}

/* Opens dir (relative to at, or absolute) as a directory vrfsh accepts
 * (top: the store's top directory, NULL when dir is the top), making it
 * first when create is set; what it is goes to *c. */
static int open_dir(int at, const char *dir, const char *what, bool create,
		    const struct checked *top, struct checked *c,
		    struct net_err *err)
{
	struct stat st;
	int fd, e;

	if (create && (e = make_dir(at, dir, top)) < 0)
		return net_err_set(err, -e, "cannot make %s: %s", what,
				   strerror(-e));
	fd = openat(at, dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		if (e == ENOENT)
			return -ENOENT;
		if (e == ELOOP || e == ENOTDIR)
			return net_err_set(err, EPERM,
					   "%s is not a directory "
					   "(a symbolic link or a file)",
					   what);
		return net_err_set(err, e, "%s: %s", what, strerror(e));
	}
	if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode) ||
	    (!private_ok(&st) && !group_ok(&st, top))) {
		close(fd);
		return net_err_set(err, EPERM,
				   "%s is not a directory vrfsh "
				   "made (its owner, group or mode)",
				   what);
	}
	c->shared = group_ok(&st, top);
	c->gid = st.st_gid;
	c->mode = st.st_mode & 07777;
	return fd;
}

static int open_top(bool create, struct checked *c, struct net_err *err)
{
	const char *dir = net_state_dir();

	if (dir[0] != '/')
		return net_err_set(err, EINVAL,
				   "VRFSH_STATE_DIR must be an "
				   "absolute path");
	return open_dir(AT_FDCWD, dir, dir, create, NULL, c, err);
}

static int lock_slot(const char *name)
{
	for (int i = 0; i < MAX_LOCKS; i++)
		if (locks[i].fd >= 0 && !strcmp(locks[i].name, name))
			return i;
	return -1;
}

/* DIR/NAME, the locked fd when this process holds the lock (then
 * *owned is false: do not close it); what it is in *c. */
static int open_record_dir(const char *name, bool create, bool *owned,
			   struct checked *c, struct net_err *err)
{
	char what[PATH_MAX];
	int slot = lock_slot(name), top, fd;
	struct checked t;

	*owned = false;
	if (slot >= 0) {
		*c = locks[slot].dir;
		return locks[slot].fd;
	}
	top = open_top(create, &t, err);
	if (top < 0)
		return top;
	snprintf(what, sizeof(what), "%s/%s", net_state_dir(), name);
	fd = open_dir(top, name, what, create, &t, c, err);
	close(top);
	*owned = fd >= 0;
	return fd;
}

static bool holds_exclusive(const char *name)
{
	int slot = lock_slot(name);

	return slot >= 0 && locks[slot].exclusive;
}

/* ---- locks ------------------------------------------------------ */

static void remove_temporaries(int dfd)
{
	int fd = dup(dfd);
	struct dirent *de;
	DIR *d;

	if (fd < 0)
		return;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	rewinddir(d); /* the offset is shared with dfd */
	while ((de = readdir(d)))
		if (!strncmp(de->d_name, TMP_PREFIX, strlen(TMP_PREFIX)))
			unlinkat(dfd, de->d_name, 0);
	closedir(d);
}

int net_state_lock(const char *name, bool exclusive, struct net_err *err)
{
	struct checked c;
	int slot, fd, ret;
	bool owned;

	ret = check_name(name, err);
	if (ret < 0)
		return ret;
	if (lock_slot(name) >= 0)
		return net_err_set(err, EDEADLK, "the %s lock is held already",
				   name);
	for (slot = 0; slot < MAX_LOCKS && locks[slot].fd >= 0; slot++)
		;
	if (slot == MAX_LOCKS)
		return net_err_set(err, ENOLCK, "too many state locks");
	fd = open_record_dir(name, exclusive, &owned, &c, err);
	if (fd < 0)
		return fd == -ENOENT ? net_err_errno(err, ENOENT) : fd;
	while ((ret = flock(fd, exclusive ? LOCK_EX : LOCK_SH)) < 0 &&
	       errno == EINTR)
		;
	if (ret < 0) {
		ret = net_err_set(err, errno, "cannot lock %s/%s: %s",
				  net_state_dir(), name, strerror(errno));
		close(fd);
		return ret;
	}
	if (exclusive)
		remove_temporaries(fd);
	snprintf(locks[slot].name, sizeof(locks[slot].name), "%s", name);
	locks[slot].fd = fd;
	locks[slot].exclusive = exclusive;
	locks[slot].dir = c;
	return slot;
}

void net_state_unlock(int lock)
{
	if (lock < 0 || lock >= MAX_LOCKS || locks[lock].fd < 0)
		return;
	close(locks[lock].fd); /* releases the flock */
	locks[lock].fd = -1;
	locks[lock].name[0] = '\0';
}

/* ---- the header ------------------------------------------------- */

struct reader {
	const char *p, *end;
	int line;
	const char *path;
	struct net_err *err;
};

static int bad(struct reader *r, const char *what)
{
	return net_err_set(r->err, EBADMSG, "%s: line %d: %s", r->path, r->line,
			   what);
}

/* The next line without its newline; NULL at the end or when the line
 * is not terminated. */
static const char *next_line(struct reader *r, size_t *len)
{
	const char *line = r->p, *nl;

	r->line++;
	if (r->p >= r->end)
		return NULL;
	nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	if (!nl)
		return NULL;
	*len = (size_t)(nl - line);
	r->p = nl + 1;
	return line;
}

/* A decimal number without sign or leading zero, up to max. */
static bool parse_u64(const char **s, const char *end, uint64_t max,
		      uint64_t *v)
{
	const char *p = *s;
	uint64_t n = 0;

	if (p >= end || *p < '0' || *p > '9' ||
	    (*p == '0' && p + 1 < end && p[1] >= '0' && p[1] <= '9'))
		return false;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');

		if (n > (max - d) / 10)
			return false;
		n = n * 10 + d;
	}
	*s = p;
	*v = n;
	return true;
}

/* line == prefix followed by n numbers separated by single spaces. */
static bool numbers_line(const char *line, size_t len, const char *prefix,
			 uint64_t *v, int n)
{
	const char *p = line, *end = line + len;
	size_t pl = strlen(prefix);

	if (len < pl || memcmp(line, prefix, pl))
		return false;
	p += pl;
	for (int i = 0; i < n; i++) {
		if (p >= end || *p++ != ' ' ||
		    !parse_u64(&p, end, UINT64_MAX, &v[i]))
			return false;
	}
	return p == end;
}

static bool text_line(const char *line, size_t len, const char *want)
{
	return len == strlen(want) && !memcmp(line, want, len);
}

/* Checks the header of a file whose first size bytes (of total) are in
 * buf; *body gets the offset of the record. */
static int parse_header(const char *buf, size_t size, size_t total,
			const char *name, const char *path,
			struct nl_netns_id *id, size_t *body,
			struct net_err *err)
{
	struct reader r = { buf, buf + size, 0, path, err };
	char want[sizeof("record ") + NET_STATE_NAME_MAX];
	const char *line;
	uint64_t v[3];
	size_t len;

	snprintf(want, sizeof(want), "record %s", name);
	line = next_line(&r, &len);
	if (!line || !text_line(line, len, MAGIC))
		return bad(&r, "not a vrfsh state file of version 1");
	line = next_line(&r, &len);
	if (!line || !text_line(line, len, want))
		return bad(&r, "not the record it is named after");
	line = next_line(&r, &len);
	if (!line || !numbers_line(line, len, "netns", v, 3))
		return bad(&r, "bad namespace identity");
	id->dev = v[0];
	id->ino = v[1];
	id->cookie = v[2];
	line = next_line(&r, &len);
	if (!line || !numbers_line(line, len, "length", v, 1))
		return bad(&r, "bad length");
	if (v[0] != (uint64_t)(total - (size_t)(r.p - buf)))
		return bad(&r, "the record is not as long as its header says "
			       "(truncated or appended to)");
	*body = (size_t)(r.p - buf);
	return 0;
}

/* ---- files ------------------------------------------------------ */

static void record_path(const char *name, const char *file, char *buf,
			size_t size)
{
	snprintf(buf, size, "%s/%s/%s", net_state_dir(), name, file);
}

/* Is the open file fd (in the directory dir) one vrfsh accepts, and not
 * too large?  Its size, and who owns it. */
static int check_file(int fd, const char *path, const struct checked *dir,
		      size_t *size, uid_t *owner, struct net_err *err)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return net_err_errno(err, errno);
	if (!file_ok(&st, dir))
		return net_err_set(err, EPERM,
				   "%s is not a file vrfsh made "
				   "(its type, owner, group, mode or links)",
				   path);
	*owner = st.st_uid;
	if ((uint64_t)st.st_size > NET_STATE_SIZE_MAX)
		return net_err_set(err, EFBIG, "%s is too large", path);
	*size = (size_t)st.st_size;
	return 0;
}

/* Up to size bytes from the start of fd into buf; how many in *got. */
static int read_upto(int fd, const char *path, char *buf, size_t size,
		     size_t *got, struct net_err *err)
{
	ssize_t n;

	*got = 0;
	while (*got < size && (n = read(fd, buf + *got, size - *got)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return net_err_set(err, errno, "cannot read %s: %s",
					   path, strerror(errno));
		*got += (size_t)n;
	}
	return 0;
}

static int read_all(int fd, const char *path, const struct checked *dir,
		    char **out, size_t *len, uid_t *owner, struct net_err *err)
{
	size_t got = 0, size;
	char *buf;
	int ret;

	ret = check_file(fd, path, dir, &size, owner, err);
	if (ret < 0)
		return ret;
	buf = malloc(size + 1);
	if (!buf)
		return net_err_errno(err, ENOMEM);
	ret = read_upto(fd, path, buf, size, &got, err);
	if (ret < 0) {
		free(buf);
		return ret;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}

static bool same_id(const struct nl_netns_id *a, const struct nl_netns_id *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->cookie == b->cookie;
}

/* The record file name of vrf, open for reading (fd returned), with its
 * directory (*dfd, to be closed when *owned; what it is in *c), the path
 * for messages and the namespace the record must belong to. */
static int record_open(const char *vrf, const char *name, char *file,
		       char *path, struct nl_netns_id *want, int *dfd,
		       bool *owned, struct checked *c, struct net_err *err)
{
	int fd, ret;

	ret = check_name(name, err);
	if (ret == 0)
		ret = vrf_file(vrf, file, FILE_SIZE, err);
	if (ret == 0)
		ret = nl_netns_id(vrf, want, err);
	if (ret < 0)
		return ret;
	*dfd = open_record_dir(name, false, owned, c, err);
	if (*dfd < 0)
		return *dfd == -ENOENT ? net_err_errno(err, ENOENT) : *dfd;
	record_path(name, file, path, PATH_MAX);
	fd = openat(*dfd, file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd >= 0)
		return fd;
	ret = errno;
	ret = ret == ELOOP ?
		      net_err_set(err, EPERM, "%s is a symbolic link", path) :
		      net_err_set(err, ret, "%s: %s", path, strerror(ret));
	if (*owned)
		close(*dfd);
	return ret;
}

/* ENOENT when the record read belongs to another namespace (stale). */
static int record_stale(const char *vrf, const char *name, int dfd,
			const char *file, const char *path,
			const struct nl_netns_id *want,
			const struct nl_netns_id *have, struct net_err *err)
{
	if (same_id(want, have))
		return 0;
	/* Another namespace's: stale.  The default VRF's may be another
	 * vrfsh's (run inside ip netns exec): left alone. */
	if (holds_exclusive(name) && !net_vrf_is_default(vrf))
		unlinkat(dfd, file, 0);
	return net_err_set(err, ENOENT, "%s is stale", path);
}

int net_state_read(const char *vrf, const char *name, char **data, size_t *len,
		   struct net_err *err)
{
	uid_t owner;

	return net_state_read_owner(vrf, name, data, len, &owner, err);
}

int net_state_read_owner(const char *vrf, const char *name, char **data,
			 size_t *len, uid_t *owner, struct net_err *err)
{
	char file[FILE_SIZE], path[PATH_MAX], *buf = NULL;
	struct nl_netns_id want, have = { 0, 0, 0 };
	size_t size = 0, body = 0;
	struct checked c;
	int dfd, fd, ret;
	bool owned;

	*data = NULL;
	*len = 0;
	fd = record_open(vrf, name, file, path, &want, &dfd, &owned, &c, err);
	if (fd < 0)
		return fd;
	ret = read_all(fd, path, &c, &buf, &size, owner, err);
	close(fd);
	if (ret == 0)
		ret = parse_header(buf, size, size, name, path, &have, &body,
				   err);
	if (ret == 0)
		ret = record_stale(vrf, name, dfd, file, path, &want, &have,
				   err);
	if (owned)
		close(dfd);
	if (ret < 0) {
		free(buf);
		return ret;
	}
	memmove(buf, buf + body, size - body + 1);
	*data = buf;
	*len = size - body;
	return 0;
}

/* The header is read in one piece of at most this many bytes (its four
 * lines are far shorter; a longer one is not a header vrfsh wrote). */
#define HEADER_MAX 4096

int net_state_open(const char *vrf, const char *name, int *fdp, size_t *len,
		   struct net_err *err)
{
	char file[FILE_SIZE], path[PATH_MAX], head[HEADER_MAX + 1];
	struct nl_netns_id want, have = { 0, 0, 0 };
	size_t size = 0, got = 0, body = 0;
	struct checked c;
	int dfd, fd, ret;
	uid_t owner;
	bool owned;

	*fdp = -1;
	*len = 0;
	fd = record_open(vrf, name, file, path, &want, &dfd, &owned, &c, err);
	if (fd < 0)
		return fd;
	ret = check_file(fd, path, &c, &size, &owner, err);
	if (ret == 0)
		ret = read_upto(fd, path, head,
				size < HEADER_MAX ? size : HEADER_MAX, &got,
				err);
	if (ret == 0) {
		head[got] = '\0';
		ret = parse_header(head, got, size, name, path, &have, &body,
				   err);
	}
	if (ret == 0)
		ret = record_stale(vrf, name, dfd, file, path, &want, &have,
				   err);
	if (ret == 0 && lseek(fd, (off_t)body, SEEK_SET) < 0)
		ret = net_err_errno(err, errno);
	if (owned)
		close(dfd);
	if (ret < 0) {
		close(fd);
		return ret;
	}
	*fdp = fd;
	*len = size - body;
	return 0;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* A new file of our own in dfd, its name in tmp. */
static int make_temporary(int dfd, char *tmp, size_t size)
{
	for (int tries = 0; tries < 100; tries++) {
		uint64_t rnd = 0;
		int fd;

		if (getrandom(&rnd, sizeof(rnd), 0) != sizeof(rnd))
			rnd = (uint64_t)getpid() * 2654435761u +
			      (uint64_t)tries;
		snprintf(tmp, size, "%s%016" PRIx64, TMP_PREFIX, rnd);
		fd = openat(dfd, tmp,
			    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
				    O_CLOEXEC,
			    0644);
		if (fd >= 0 || errno != EEXIST)
			return fd < 0 ? -errno : fd;
	}
	return -EEXIST;
}

/* A file of a group's directory is for its group alone (the directory
 * may be open to others). */
static int write_file(int dfd, const struct checked *dir, const char *file,
		      const char *header, size_t hlen, const void *data,
		      size_t len)
{
	char tmp[64];
	int fd, ret;

	fd = make_temporary(dfd, tmp, sizeof(tmp));
	if (fd < 0)
		return fd;
	/* whatever the umask */
	ret = fchmod(fd, dir->shared ? 0640 : 0644) < 0 ? -errno : 0;
	if (ret == 0)
		ret = write_all(fd, header, hlen);
	if (ret == 0)
		ret = write_all(fd, data, len);
	if (ret == 0 && fsync(fd) < 0)
		ret = -errno;
	if (close(fd) < 0 && ret == 0)
		ret = -errno;
	if (ret == 0 && renameat(dfd, tmp, dfd, file) < 0)
		ret = -errno;
	if (ret < 0) {
		unlinkat(dfd, tmp, 0);
		return ret;
	}
	fsync(dfd);
	return 0;
}

int net_state_write(const char *vrf, const char *name, const void *data,
		    size_t len, struct net_err *err)
{
	char file[FILE_SIZE], path[PATH_MAX], header[160];
	struct nl_netns_id id;
	int slot, hlen, ret;

	ret = check_name(name, err);
	if (ret == 0)
		ret = vrf_file(vrf, file, sizeof(file), err);
	if (ret < 0)
		return ret;
	slot = lock_slot(name);
	if (slot < 0 || !locks[slot].exclusive)
		return net_err_set(err, ENOLCK,
				   "writing the %s record needs "
				   "its lock",
				   name);
	if (len > NET_STATE_SIZE_MAX)
		return net_err_set(err, EFBIG, "the %s record is too large",
				   name);
	ret = nl_netns_id(vrf, &id, err);
	if (ret < 0)
		return ret;
	hlen = snprintf(header, sizeof(header),
			MAGIC "\nrecord %s\nnetns %" PRIu64 " %" PRIu64
			      " %" PRIu64 "\nlength %zu\n",
			name, id.dev, id.ino, id.cookie, len);
	ret = write_file(locks[slot].fd, &locks[slot].dir, file, header,
			 (size_t)hlen, data, len);
	if (ret < 0) {
		record_path(name, file, path, sizeof(path));
		return net_err_set(err, -ret, "cannot write %s: %s", path,
				   strerror(-ret));
	}
	return 0;
}

int net_state_remove(const char *vrf, const char *name, struct net_err *err)
{
	char file[FILE_SIZE];
	int slot, ret;

	ret = check_name(name, err);
	if (ret == 0)
		ret = vrf_file(vrf, file, sizeof(file), err);
	if (ret < 0)
		return ret;
	slot = lock_slot(name);
	if (slot < 0 || !locks[slot].exclusive)
		return net_err_set(err, ENOLCK,
				   "removing a %s record needs "
				   "its lock",
				   name);
	if (unlinkat(locks[slot].fd, file, 0) < 0)
		return errno == ENOENT ? 0 : net_err_errno(err, errno);
	fsync(locks[slot].fd);
	return 0;
}

bool net_state_exists(const char *vrf, const char *name)
{
	char file[FILE_SIZE], path[PATH_MAX];
	struct stat st;

	if (check_name(name, NULL) < 0 ||
	    vrf_file(vrf, file, sizeof(file), NULL) < 0)
		return false;
	record_path(name, file, path, sizeof(path));
	return fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

void net_state_path(const char *vrf, const char *name, char *buf, size_t size)
{
	char file[FILE_SIZE];

	if (vrf_file(vrf, file, sizeof(file), NULL) < 0)
		snprintf(file, sizeof(file), "?");
	record_path(name, file, buf, size);
}

/* ---- listing ---------------------------------------------------- */

/* The VRF a file name stands for, or NULL for other files. */
static const char *file_vrf(const char *file)
{
	size_t pl = strlen(VRF_PREFIX);

	if (!strcmp(file, DEFAULT_FILE))
		return DEFAULT_FILE;
	if (strncmp(file, VRF_PREFIX, pl) ||
	    netns_check_name(file + pl, NULL) < 0 ||
	    net_vrf_is_default(file + pl))
		return NULL;
	return file + pl;
}

static bool netns_present(const char *vrf)
{
	char path[NETNS_PATH_SIZE];
	struct stat st;

	if (net_vrf_is_default(vrf))
		return true;
	netns_path(vrf, path, sizeof(path));
	return stat(path, &st) == 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int net_state_list(const char *name, struct net_names *vrfs,
		   struct net_err *err)
{
	struct dirent *de;
	int dfd, fd, ret = 0;
	struct checked c;
	bool owned;
	DIR *d;

	vrfs->v = NULL;
	vrfs->n = 0;
	ret = check_name(name, err);
	if (ret < 0)
		return ret;
	dfd = open_record_dir(name, false, &owned, &c, err);
	if (dfd == -ENOENT)
		return 0;
	if (dfd < 0)
		return dfd;
	fd = dup(dfd);
	d = fd < 0 ? NULL : fdopendir(fd);
	if (!d) {
		ret = net_err_errno(err, errno);
		if (fd >= 0)
			close(fd);
	}
	if (d)
		rewinddir(d); /* the offset is shared with dfd */
	while (d && ret == 0 && (de = readdir(d))) {
		const char *vrf = file_vrf(de->d_name);

		if (!vrf)
			continue;
		if (!netns_present(vrf)) {
			if (holds_exclusive(name))
				unlinkat(dfd, de->d_name, 0);
			continue;
		}
		if (netns_names_add(vrfs, vrf) < 0)
			ret = net_err_errno(err, ENOMEM);
	}
	if (d)
		closedir(d);
	if (owned)
		close(dfd);
	if (ret < 0) {
		net_names_free(vrfs);
		return ret;
	}
	if (vrfs->n > 1)
		qsort(vrfs->v, vrfs->n, sizeof(*vrfs->v), cmp_str);
	return 0;
}

static int forget_one(const char *name, const char *file, struct net_err *err)
{
	int lock, ret = 0;
	bool mine = lock_slot(name) >= 0;

	if (check_name(name, NULL) < 0)
		return 0;
	if (mine && !holds_exclusive(name))
		return net_err_set(err, ENOLCK, "the %s lock is shared", name);
	lock = mine ? lock_slot(name) : net_state_lock(name, true, err);
	if (lock < 0)
		return lock;
	if (unlinkat(locks[lock].fd, file, 0) < 0 && errno != ENOENT)
		ret = net_err_errno(err, errno);
	if (!mine)
		net_state_unlock(lock);
	return ret;
}

int net_state_forget(const char *vrf, struct net_err *err)
{
	char file[FILE_SIZE];
	struct dirent *de;
	int top, ret, first = 0;
	struct checked c;
	DIR *d;

	ret = vrf_file(vrf, file, sizeof(file), err);
	if (ret < 0)
		return ret;
	top = open_top(false, &c, err);
	if (top == -ENOENT)
		return 0;
	if (top < 0)
		return top;
	d = fdopendir(top);
	if (!d) {
		ret = net_err_errno(err, errno);
		close(top);
		return ret;
	}
	while ((de = readdir(d))) {
		if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN)
			continue;
		ret = forget_one(de->d_name, file, err);
		if (ret < 0 && !first)
			first = ret;
	}
	closedir(d);
	return first;
}
