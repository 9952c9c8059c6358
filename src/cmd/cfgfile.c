/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cfgfile.c - configuration files: reading one, and replacing one safely.
 *
 * A file is replaced by a temporary file made exclusively in the same
 * directory (O_CREAT|O_EXCL|O_NOFOLLOW: never through a symbolic link,
 * never over a file someone else made), with the old file's mode and
 * owner, written, fsync'd, the old one linked to FILE.bak, renamed into
 * place and the directory fsync'd, every step relative to the directory
 * opened once.  The directory's lock (flock) keeps two writers apart, and
 * its holder removes the temporaries that a writer killed half-way left
 * (FILE.tmp.XXXXXX, and 0.1's FILE.tmp).
 *
 * vrfsh's own files (the startup configuration, the archive) may live in
 * a directory that a group of operators shares (setgid, group-writable:
 * doc/operators.md).  There, what one member leaves must not make
 * another member, or root, read or write something else: in a directory
 * that is not private (owned by root or the caller, writable by its
 * owner alone) vrfsh's own file is opened without following a symbolic
 * link and read only when it is a regular file with one link, not
 * writable by others, owned by root, the caller or, in a group's
 * directory, of that group; the archive directory in it is never a
 * symbolic link, and is private or the same group's.  A file written in
 * a group's directory is readable by the group.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cfgfile.h"
#include "cmd/util.h"

#define FILE_MAX ((size_t)64 << 20)
/* errno values of the rules above, for cfg_own_strerror() */
#define E_NOT_REGULAR EINVAL
#define E_LINKS EMLINK
#define E_NOT_OURS EPERM

static int fail(struct cli_session *s, const char *what, const char *path,
		int code)
{
	cli_error(s, "Error: Cannot %s %s: %s", what, path,
		  cfg_own_strerror(code));
	return -1;
}

const char *cfg_own_strerror(int code)
{
	switch (code) {
	case ELOOP:
		return "a symbolic link, in a directory that others may write";
	case E_LINKS:
		return "a file of several links, in a directory that others "
		       "may write";
	case E_NOT_OURS:
		return "not a file vrfsh made (its owner, group or mode)";
	case E_NOT_REGULAR:
		return "not a regular file";
	}
	return strerror(code);
}

/* ---- the rules ----------------------------------------------------------------- */

/* Owned by root or the caller, writable by its owner alone. */
static bool dir_private(const struct stat *st)
{
	return (st->st_uid == 0 || st->st_uid == geteuid()) &&
	       !(st->st_mode & (S_IWGRP | S_IWOTH));
}

/* A group's directory: setgid, writable by its group, not by others. */
static bool dir_group(const struct stat *st)
{
	return (st->st_mode & (S_ISGID | S_IWGRP | S_IWOTH)) ==
	       (S_ISGID | S_IWGRP);
}

/* 0, or why file (opened in a directory dir) is not vrfsh's to read. */
static int own_file_check(const struct stat *st, const struct stat *dir)
{
	if (!S_ISREG(st->st_mode))
		return S_ISDIR(st->st_mode) ? EISDIR : E_NOT_REGULAR;
	if (dir_private(dir))
		return 0;
	if (st->st_nlink != 1)
		return E_LINKS;
	if (st->st_mode & S_IWOTH)
		return E_NOT_OURS;
	if (st->st_uid == 0 || st->st_uid == geteuid() ||
	    (dir_group(dir) && st->st_gid == dir->st_gid))
		return 0;
	return E_NOT_OURS;
}

/* base in the directory d, as vrfsh's own file: an fd, or -errno. */
static int own_open(const struct cfg_dir *d, const char *base)
{
	int flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
	struct stat st;
	int fd, e;

	if (!dir_private(&d->st))
		flags |= O_NOFOLLOW;
	fd = openat(d->fd, base, flags);
	if (fd < 0)
		return -errno;
	e = fstat(fd, &st) < 0 ? errno : own_file_check(&st, &d->st);
	if (e) {
		close(fd);
		return -e;
	}
	return fd;
}

/* ---- directories ------------------------------------------------------------- */

/* The directory of path, and the last component. */
static void split(const char *path, char *dir, size_t dsize, char *base,
		  size_t bsize)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		snprintf(dir, dsize, ".");
		snprintf(base, bsize, "%s", path);
	} else {
		snprintf(dir, dsize, "%.*s",
			 slash == path ? 1 : (int)(slash - path), path);
		snprintf(base, bsize, "%s", slash + 1);
	}
}

/* The directory itself is where the configuration says: followed. */
static int dir_open(const char *path, struct cfg_dir *d)
{
	d->fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d->fd < 0)
		return -errno;
	if (fstat(d->fd, &d->st) < 0) {
		int e = errno;

		close(d->fd);
		d->fd = -1;
		return -e;
	}
	snprintf(d->path, sizeof(d->path), "%s", path);
	return 0;
}

int cfg_dir_open(struct cli_session *s, const char *path, struct cfg_dir *d)
{
	int e = dir_open(path, d);

	return e ? fail(s, "open the directory", path, -e) : 0;
}

/* Made in parent: in a group's directory with its mode, else 0750. */
static int make_sub(const struct cfg_dir *parent, const char *name)
{
	bool group = dir_group(&parent->st);
	int fd, e = 0;

	if (mkdirat(parent->fd, name, group ? 0770 : 0750) < 0)
		return errno == EEXIST ? 0 : -errno;
	if (!group)
		return 0;
	fd = openat(parent->fd, name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fchmod(fd, parent->st.st_mode & 07777) < 0)
		e = -errno;
	if (fd >= 0)
		close(fd);
	return e;
}

int cfg_dir_sub(struct cli_session *s, const struct cfg_dir *parent,
		const char *name, const char *what, bool create,
		struct cfg_dir *d)
{
	char path[sizeof(d->path)];
	int e;

	d->fd = -1;
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", parent->path, name) >=
	    sizeof(path))
		return fail(s, "open", parent->path, ENAMETOOLONG);
	if (create && (e = make_sub(parent, name)) < 0) {
		cli_warn(s, "Cannot make %s %s: %s", what, path, strerror(-e));
		return -1;
	}
	d->fd = openat(parent->fd, name,
		       O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (d->fd < 0) {
		e = errno;
		if (e == ENOENT && !create)
			return -1; /* nothing there: no error */
		return fail(s, "open", path, e == ENOTDIR ? ELOOP : e);
	}
	if (fstat(d->fd, &d->st) < 0 ||
	    (!dir_private(&d->st) &&
	     !(dir_group(&d->st) && d->st.st_gid == parent->st.st_gid))) {
		cfg_dir_close(d);
		cli_error(s,
			  "Error: Cannot use %s %s: not a directory vrfsh "
			  "made (its owner, group or mode)",
			  what, path);
		return -1;
	}
	snprintf(d->path, sizeof(d->path), "%s", path);
	return 0;
}

void cfg_dir_close(struct cfg_dir *d)
{
	if (d->fd >= 0)
		close(d->fd);
	d->fd = -1;
}

/* ---- reading ------------------------------------------------------------------- */

static int read_fd(struct cli_session *s, int fd, const char *path, char **text,
		   size_t *len)
{
	struct stat st;
	size_t got = 0;
	char *buf;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		int e = errno ? errno : E_NOT_REGULAR;

		close(fd);
		return fail(s, "read", path, S_ISDIR(st.st_mode) ? EISDIR : e);
	}
	if ((size_t)st.st_size > FILE_MAX) {
		close(fd);
		return fail(s, "read", path, EFBIG);
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		abort();
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	buf[got] = '\0';
	*text = buf;
	*len = got;
	return 0;
}

int cfg_file_read(struct cli_session *s, const char *path, char **text,
		  size_t *len)
{
	/* O_NONBLOCK: a FIFO does not hang the session (it is refused) */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	*text = NULL;
	*len = 0;
	if (fd < 0)
		return fail(s, "read", path, errno);
	errno = 0;
	return read_fd(s, fd, path, text, len);
}

int cfg_dir_read(struct cli_session *s, const struct cfg_dir *d,
		 const char *base, char **text, size_t *len)
{
	char path[sizeof(d->path) + 256];
	int fd = own_open(d, base);

	*text = NULL;
	*len = 0;
	snprintf(path, sizeof(path), "%s/%s", d->path, base);
	if (fd < 0)
		return fail(s, "read", path, -fd);
	errno = 0;
	return read_fd(s, fd, path, text, len);
}

int cfg_own_open(const char *path)
{
	char dir[4096], base[1024];
	struct cfg_dir d;
	int fd;

	split(path, dir, sizeof(dir), base, sizeof(base));
	fd = dir_open(dir, &d);
	if (fd < 0)
		return fd;
	fd = own_open(&d, base);
	cfg_dir_close(&d);
	return fd;
}

int cfg_own_read(struct cli_session *s, const char *path, char **text,
		 size_t *len)
{
	int fd = cfg_own_open(path);

	*text = NULL;
	*len = 0;
	if (fd < 0) {
		if (fd == -ENOENT)
			return -ENOENT;
		return fail(s, "read", path, -fd);
	}
	errno = 0;
	return read_fd(s, fd, path, text, len);
}

/* ---- replacing ----------------------------------------------------------------- */

/* Removes what a writer killed half-way left: BASE.tmp.* and BASE.tmp.
 * unlink never follows a symbolic link. */
static void remove_stale(int dirfd, const char *base)
{
	size_t n = strlen(base);
	struct dirent *de;
	DIR *d;
	int fd = dup(dirfd);

	if (fd < 0 || !(d = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return;
	}
	rewinddir(d); /* the offset is shared with dirfd */
	while ((de = readdir(d))) {
		const char *rest = de->d_name + n;

		if (strncmp(de->d_name, base, n) ||
		    (strcmp(rest, ".tmp") && strncmp(rest, ".tmp.", 5)))
			continue;
		unlinkat(dirfd, de->d_name, 0);
	}
	closedir(d);
}

static int write_all(int fd, const char *text, size_t len)
{
	while (len) {
		ssize_t n = write(fd, text, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

/* A new file BASE.tmp.XXXXXX of our own in dirfd, its name in tmp. */
static int make_temporary(int dirfd, const char *base, char *tmp, size_t size)
{
	static const char chars[] = "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	for (int tries = 0; tries < 100; tries++) {
		unsigned char rnd[6] = { 0 };
		char suffix[7];
		int fd;

		if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
			for (size_t i = 0; i < sizeof(rnd); i++)
				rnd[i] = (unsigned char)(getpid() + tries * 7 +
							 (int)i * 13);
		for (size_t i = 0; i < sizeof(rnd); i++)
			suffix[i] = chars[rnd[i] % (sizeof(chars) - 1)];
		suffix[6] = '\0';
		if ((size_t)snprintf(tmp, size, "%s.tmp.%s", base, suffix) >=
		    size)
			return -ENAMETOOLONG;
		fd = openat(dirfd, tmp,
			    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
				    O_CLOEXEC,
			    0600);
		if (fd >= 0 || errno != EEXIST)
			return fd < 0 ? -errno : fd;
	}
	return -EEXIST;
}

/* The temporary's contents, mode and owner; 0 or an errno value. */
static int fill(int fd, const struct stat *old, bool had_old, mode_t mode,
		bool group, const char *text, size_t len)
{
	mode_t m = had_old ? old->st_mode & 0777 : mode & 0777;

	/* every member of a group's directory reads it */
	if (group)
		m |= (m & S_IRUSR) >> 3;
	if (fchmod(fd, m) < 0 ||
	    (had_old &&
	     (old->st_uid != geteuid() || old->st_gid != getegid()) &&
	     fchown(fd, old->st_uid, old->st_gid) < 0 && errno != EPERM) ||
	    write_all(fd, text, len) < 0 || fsync(fd) < 0)
		return errno;
	return 0;
}

int cfg_dir_replace(struct cli_session *s, const struct cfg_dir *d,
		    const char *base, const char *text, size_t len, mode_t mode,
		    bool keep_bak)
{
	char path[sizeof(d->path) + 256], tmp[512], bak[sizeof(path) + 8];
	struct stat old;
	bool had_old;
	int fd, e;

	snprintf(path, sizeof(path), "%s/%s", d->path, base);
	while (flock(d->fd, LOCK_EX) < 0 && errno == EINTR)
		;
	remove_stale(d->fd, base);
	/* the file itself must be a plain file, if there is one */
	had_old = fstatat(d->fd, base, &old, AT_SYMLINK_NOFOLLOW) == 0;
	if (had_old && !S_ISREG(old.st_mode))
		return fail(s, "replace", path,
			    S_ISLNK(old.st_mode) ? ELOOP : E_NOT_REGULAR);
	fd = make_temporary(d->fd, base, tmp, sizeof(tmp));
	if (fd < 0)
		return fail(s, "write", path, -fd);
	/* the old file's mode and owner are kept */
	e = fill(fd, &old, had_old, mode, dir_group(&d->st), text, len);
	if (close(fd) < 0 && !e)
		e = errno;
	if (e) {
		unlinkat(d->fd, tmp, 0);
		return fail(s, "write", path, e);
	}
	/* the previous file is kept as .bak; the new one replaces it whole */
	snprintf(bak, sizeof(bak), "%s.bak", base);
	if (keep_bak && had_old &&
	    ((unlinkat(d->fd, bak, 0) && errno != ENOENT) ||
	     linkat(d->fd, base, d->fd, bak, 0))) {
		e = errno;
		unlinkat(d->fd, tmp, 0);
		if ((size_t)snprintf(bak, sizeof(bak), "%s.bak", path) >=
		    sizeof(bak))
			snprintf(bak, sizeof(bak), "%s.bak", base);
		return fail(s, "keep the previous file as", bak, e);
	}
	if (renameat(d->fd, tmp, d->fd, base)) {
		e = errno;
		unlinkat(d->fd, tmp, 0);
		return fail(s, "replace", path, e);
	}
	fsync(d->fd);
	return 0;
}

int cfg_file_replace(struct cli_session *s, const char *path, const char *text,
		     size_t len, mode_t mode, bool keep_bak)
{
	char dir[4096], base[1024];
	struct cfg_dir d;
	int rc;

	split(path, dir, sizeof(dir), base, sizeof(base));
	if (!*base) {
		cli_error(s, "Error: Cannot write %s: %s", path,
			  strerror(EISDIR));
		return -1;
	}
	rc = dir_open(dir, &d);
	if (rc < 0)
		return fail(s, "write", path, -rc);
	rc = cfg_dir_replace(s, &d, base, text, len, mode, keep_bak);
	cfg_dir_close(&d); /* releases the lock */
	return rc;
}
