/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cfgfile.h - configuration files and texts: read one, replace one
 * safely, render the running configuration into memory.
 */
#ifndef VRFSH_CMD_CFGFILE_H
#define VRFSH_CMD_CFGFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "cli/cli.h"

/* A directory vrfsh keeps its own files in (the startup configuration's,
 * the archive), opened once: every step is relative to fd. */
struct cfg_dir {
	int fd;
	struct stat st;
	char path[4096];
};

/* The whole of a regular file that the user names into *text
 * (NUL-terminated, malloc'd), read with the caller's rights.  Returns 0,
 * or -1 after reporting why not. */
int cfg_file_read(struct cli_session *s, const char *path, char **text,
		  size_t *len);
/* The same for one of vrfsh's own files (the startup configuration),
 * under the rules of cfgfile.c for a directory that others may write.
 * Returns 0, -ENOENT (not reported) when there is no such file, or -1
 * after reporting why not. */
int cfg_own_read(struct cli_session *s, const char *path, char **text,
		 size_t *len);
/* The same rules for a caller that reads the file itself (vrfsh -b):
 * an fd, or -errno; cfg_own_strerror() says what a code means here. */
int cfg_own_open(const char *path);
const char *cfg_own_strerror(int code);

/* Replaces path with len bytes of text, atomically and never through a
 * symbolic link (see cfgfile.c); a new file gets mode, an old one keeps
 * its mode and owner (and either is readable by the group in a group's
 * directory); keep_bak keeps the previous one as path.bak.  Returns 0,
 * or -1 after reporting why not (path is then unchanged). */
int cfg_file_replace(struct cli_session *s, const char *path, const char *text,
		     size_t len, mode_t mode, bool keep_bak);

/* Opens the directory path (0, or -1 after reporting why not); its
 * subdirectory name, what it is for messages (never a symbolic link;
 * private or of the same group; made first when create, with the mode
 * of a group's directory): 0, -1 after reporting why not (a directory
 * that cannot be made is a warning), or -1 silently when it is not there
 * and create is not set (then d->fd is -1). */
int cfg_dir_open(struct cli_session *s, const char *path, struct cfg_dir *d);
int cfg_dir_sub(struct cli_session *s, const struct cfg_dir *parent,
		const char *name, const char *what, bool create,
		struct cfg_dir *d);
void cfg_dir_close(struct cfg_dir *d);
/* cfg_own_read and cfg_file_replace of the file base in d. */
int cfg_dir_read(struct cli_session *s, const struct cfg_dir *d,
		 const char *base, char **text, size_t *len);
int cfg_dir_replace(struct cli_session *s, const struct cfg_dir *d,
		    const char *base, const char *text, size_t len, mode_t mode,
		    bool keep_bak);

/* The whole running configuration as show running-config prints it, in
 * *text (malloc'd).  Returns 0, or -1 after reporting why not (a VRF that
 * could not be read: the text would be incomplete). */
int cfg_running_text(struct cli_session *s, char **text, size_t *len);

/* Where the startup configuration is. */
const char *cfg_startup_path(void);

#endif
