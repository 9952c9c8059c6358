/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cfgfile.c - configuration files: reading one, and replacing one safely.
 *
 * A file is replaced by a temporary file made exclusively in the same
 * directory (mkostemp: never through a symbolic link, never over a file
 * someone else made), with the old file's mode and owner, written,
 * fsync'd, the old one linked to FILE.bak, renamed into place and the
 * directory fsync'd.  The directory's lock (flock) keeps two writers
 * apart, and its holder removes the temporaries that a writer killed
 * half-way left (FILE.tmp.XXXXXX, and 0.1's FILE.tmp).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/cfgfile.h"
#include "cmd/util.h"

#define FILE_MAX ((size_t)64 << 20)

static int fail(struct cli_session *s, const char *what, const char *path,
		int code)
{
	cli_error(s, "Error: Cannot %s %s: %s", what, path, strerror(code));
	return -1;
}

int cfg_file_read(struct cli_session *s, const char *path, char **text,
		  size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	size_t got = 0;
	char *buf;

	*text = NULL;
	*len = 0;
	if (fd < 0)
		return fail(s, "read", path, errno);
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		int e = errno ? errno : EINVAL;

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

/* The directory of path, and the last component. */
static void split(const char *path, char *dir, size_t dsize, char *base,
		  size_t bsize)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		snprintf(dir, dsize, ".");
		snprintf(base, bsize, "%s", path);
	} else {
		snprintf(dir, dsize, "%.*s", slash == path ? 1 : (int)(slash - path),
			 path);
		snprintf(base, bsize, "%s", slash + 1);
	}
}

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

int cfg_file_replace(struct cli_session *s, const char *path,
		     const char *text, size_t len, mode_t mode, bool keep_bak)
{
	char dir[4096], base[1024], tmp[4096 + 1024 + 16], bak[4096 + 8];
	struct stat old;
	bool had_old;
	int dirfd, fd, e;

	split(path, dir, sizeof(dir), base, sizeof(base));
	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0)
		return fail(s, "write", path, errno);
	while (flock(dirfd, LOCK_EX) < 0 && errno == EINTR)
		;
	remove_stale(dirfd, base);
	/* the file itself must be a plain file, if there is one */
	had_old = fstatat(dirfd, base, &old, AT_SYMLINK_NOFOLLOW) == 0;
	if (had_old && !S_ISREG(old.st_mode)) {
		close(dirfd);
		return fail(s, "replace", path, S_ISLNK(old.st_mode) ? ELOOP
								: EINVAL);
	}
	snprintf(tmp, sizeof(tmp), "%s/%s.tmp.XXXXXX", dir, base);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		close(dirfd);
		return fail(s, "write", path, e);
	}
	/* the old file's mode and owner are kept */
	if (fchmod(fd, had_old ? old.st_mode & 07777 : mode) < 0 ||
	    (had_old && (old.st_uid != geteuid() || old.st_gid != getegid()) &&
	     fchown(fd, old.st_uid, old.st_gid) < 0 && errno != EPERM) ||
	    write_all(fd, text, len) < 0 || fsync(fd) < 0) {
		e = errno;
		close(fd);
		unlink(tmp);
		close(dirfd);
		return fail(s, "write", path, e);
	}
	if (close(fd) < 0) {
		e = errno;
		unlink(tmp);
		close(dirfd);
		return fail(s, "write", path, e);
	}
	/* the previous file is kept as .bak; the new one replaces it whole */
	snprintf(bak, sizeof(bak), "%s.bak", base);
	if (keep_bak && had_old &&
	    ((unlinkat(dirfd, bak, 0) && errno != ENOENT) ||
	     linkat(dirfd, base, dirfd, bak, 0))) {
		e = errno;
		unlink(tmp);
		close(dirfd);
		snprintf(bak, sizeof(bak), "%s.bak", path);
		return fail(s, "keep the previous file as", bak, e);
	}
	if (rename(tmp, path)) {
		e = errno;
		unlink(tmp);
		close(dirfd);
		return fail(s, "replace", path, e);
	}
	fsync(dirfd);
	close(dirfd);
	return 0;
}
