/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * archive.c - safe change, as IOS and EOS offer it:
 *
 *   show archive                        the earlier configurations kept
 *   show archive config differences [A [B]]
 *                                       A against B (default: the startup
 *                                       against the running configuration)
 *   configure replace SOURCE [force]    make the running configuration
 *                                       SOURCE (replace.c)
 *   configure terminal revert timer MINUTES
 *                                       configure, and go back unless
 *   configure confirm                   this comes in time
 *   show archive config rollback timer  what is pending
 *
 * SOURCE and A, B are running-config, startup-config, archive:N or a file.
 * The archive is a directory beside the startup configuration
 * (DIR/archive/NAME-N, at most ARCHIVE_MAX): write memory keeps the file
 * it replaces there, configure replace the running configuration it
 * replaces.
 *
 * The revert timer keeps the configuration from before in the per-boot
 * state (record "rollback": an id, the deadline, the text) and leaves a
 * process of its own (vrfsh --revert-wait ID, in a session of its own) to
 * wait for the deadline: the session that armed it may die, even by
 * SIGKILL, and the configuration still comes back.  configure confirm
 * removes the record; the waiter then finds nothing to do.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd/archive.h"
#include "cmd/cfgfile.h"
#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/state.h"

#define REC_ROLLBACK "rollback"

/* ---- the archive ------------------------------------------------------------- */

/* The directory of the startup configuration DIR/NAME and NAME. */
static void startup_split(char *dir, size_t dsize, char *base, size_t bsize)
{
	const char *path = cfg_startup_path(), *slash = strrchr(path, '/');

	if (!slash) {
		snprintf(dir, dsize, ".");
		snprintf(base, bsize, "%s", path);
	} else {
		snprintf(dir, dsize, "%.*s",
			 slash == path ? 1 : (int)(slash - path), path);
		snprintf(base, bsize, "%s", slash + 1);
	}
}

/* DIR/archive (made when create) into *d; NAME in base.  0, or -1
 * (reported unless the archive is simply not there). */
static int archive_open(struct cli_session *s, bool create, struct cfg_dir *d,
			char *base, size_t bsize)
{
	char dir[4096];
	struct cfg_dir top;
	int rc;

	d->fd = -1;
	startup_split(dir, sizeof(dir), base, bsize);
	if (cfg_dir_open(s, dir, &top))
		return -1;
	rc = cfg_dir_sub(s, &top, "archive", "the archive", create, d);
	cfg_dir_close(&top);
	return rc;
}

/* The path shown for the archive's entry k. */
static void entry_path(unsigned long k, char *buf, size_t size)
{
	char dir[4096], base[1024];

	startup_split(dir, sizeof(dir), base, sizeof(base));
	snprintf(buf, size, "%s%sarchive/%s-%lu", dir,
		 dir[strlen(dir) - 1] == '/' ? "" : "/", base, k);
}

static void entry_name(const char *base, unsigned long k, char *buf,
		       size_t size)
{
	snprintf(buf, size, "%s-%lu", base, k);
}

/* The numbers of the entries of the archive d, sorted; *n of them. */
static unsigned long *entries(const struct cfg_dir *d, const char *base,
			      size_t *n)
{
	unsigned long *v = NULL;
	struct dirent *de;
	int fd;
	DIR *dir;

	*n = 0;
	if (d->fd < 0 || (fd = dup(d->fd)) < 0)
		return NULL;
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return NULL;
	}
	rewinddir(dir); /* the offset is shared with d->fd */
	while ((de = readdir(dir))) {
		size_t bl = strlen(base);
		char *end;
		unsigned long k;

		if (strncmp(de->d_name, base, bl) || de->d_name[bl] != '-' ||
		    de->d_type == DT_LNK)
			continue;
		k = strtoul(de->d_name + bl + 1, &end, 10);
		if (*end || !k)
			continue;
		v = realloc(v, (*n + 1) * sizeof(*v));
		if (!v)
			abort();
		v[(*n)++] = k;
	}
	closedir(dir);
	for (size_t i = 1; i < *n; i++) /* few: insertion sort */
		for (size_t j = i; j && v[j - 1] > v[j]; j--) {
			unsigned long t = v[j];

			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v;
}

void archive_keep_text(struct cli_session *s, const char *text, size_t len)
{
	char base[1024], name[1100];
	unsigned long *v, next;
	struct cfg_dir d;
	size_t n;

	if (archive_open(s, true, &d, base, sizeof(base)))
		return;
	v = entries(&d, base, &n);
	next = n ? v[n - 1] + 1 : 1;
	entry_name(base, next, name, sizeof(name));
	if (cfg_dir_replace(s, &d, name, text, len, 0600, false)) {
		free(v);
		cfg_dir_close(&d);
		return;
	}
	/* the oldest beyond the bound go */
	for (size_t i = 0; n + 1 > ARCHIVE_MAX && i < n + 1 - ARCHIVE_MAX;
	     i++) {
		entry_name(base, v[i], name, sizeof(name));
		unlinkat(d.fd, name, 0);
	}
	free(v);
	cfg_dir_close(&d);
}

void archive_keep_file(struct cli_session *s, const char *path)
{
	struct stat st;
	char *text;
	size_t len;

	if (lstat(path, &st) < 0)
		return; /* nothing was saved before */
	/* vrfsh's own file: never read through what others may plant */
	if (cfg_own_read(s, path, &text, &len))
		return;
	archive_keep_text(s, text, len);
	free(text);
}

/* Is src a file that the user names (not running-config, startup-config
 * or archive:N)? */
static bool names_file(const char *src)
{
	return strcmp(src, "running-config") &&
	       strcmp(src, "system:running-config") &&
	       strcmp(src, "startup-config") &&
	       strcmp(src, "nvram:startup-config") &&
	       strncmp(src, "archive:", 8);
}

/* running-config, startup-config, archive:N or a file, into *text. */
static int source_text(struct cli_session *s, const char *src, char **text,
		       size_t *len)
{
	char base[1024], name[1100];
	struct cfg_dir d;
	char *end;
	int rc;

	/* a startup configuration reads no other file: root applies it */
	if (s->refuse_spawn && names_file(src)) {
		cli_error(s,
			  "Permission denied: a startup configuration "
			  "names no file ('%s')",
			  src);
		return -1;
	}
	if (!strcmp(src, "running-config") ||
	    !strcmp(src, "system:running-config"))
		return cfg_running_text(s, text, len);
	if (!strcmp(src, "startup-config") ||
	    !strcmp(src, "nvram:startup-config")) {
		rc = cfg_own_read(s, cfg_startup_path(), text, len);
		if (rc == -ENOENT)
			cli_error(s, "Error: No startup configuration (%s)",
				  cfg_startup_path());
		return rc ? -1 : 0;
	}
	if (!strncmp(src, "archive:", 8)) {
		unsigned long k = strtoul(src + 8, &end, 10);

		if (!src[8] || *end || !k) {
			cli_error(s,
				  "Error: Invalid archive entry \"%s\": "
				  "archive:N, N from show archive",
				  src);
			return -1;
		}
		if (archive_open(s, false, &d, base, sizeof(base))) {
			if (d.fd < 0)
				cli_error(s, "Error: No archive entry %lu", k);
			return -1;
		}
		entry_name(base, k, name, sizeof(name));
		rc = cfg_dir_read(s, &d, name, text, len);
		cfg_dir_close(&d);
		return rc;
	}
	return cfg_file_read(s, src, text, len);
}

static int do_show_archive(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char path[5200], base[1024];
	unsigned long *v;
	struct cfg_dir d;
	size_t n;

	(void)a;
	archive_open(s, false, &d, base, sizeof(base));
	v = entries(&d, base, &n);
	cfg_dir_close(&d);
	cli_printf(o, "The maximum archive configurations allowed is %d.\n",
		   ARCHIVE_MAX);
	cli_printf(o, "There are currently %zu archive configurations saved.\n",
		   n);
	entry_path(n ? v[n - 1] + 1 : 1, path, sizeof(path));
	cli_printf(o, "The next archive file will be named %s\n", path);
	cli_printf(o, " Archive #  Name\n");
	for (size_t i = 0; i < n; i++) {
		entry_path(v[i], path, sizeof(path));
		cli_printf(o, "   %-8lu %s%s\n", v[i], path,
			   i + 1 == n ? " <- Most Recent" : "");
	}
	free(v);
	return 0;
}

static int do_show_differences(struct cli_session *s, const struct cli_args *a,
			       struct cli_out *o)
{
	const char *from = cli_arg(a, "from"), *to = cli_arg(a, "to");
	char *x = NULL, *y = NULL;
	size_t xl, yl;
	int rc = -1;

	if (!from)
		from = "startup-config";
	if (!to)
		to = "running-config";
	if (source_text(s, from, &x, &xl) == 0 &&
	    source_text(s, to, &y, &yl) == 0) {
		config_differences(o, x, y);
		rc = 0;
	}
	free(x);
	free(y);
	return rc;
}

/* Asks at the console before a replace (IOS does, unless force). */
static bool proceed(struct cli_session *s, const char *src)
{
	char answer[16];

	if (!s->interactive)
		return true;
	fprintf(s->out,
		"This will apply all necessary additions and deletions\n"
		"to replace the contents of the running configuration "
		"with\nthe contents of %s.\n",
		src);
	if (cli_read_secret(s,
			    "Enter Y if you are sure you want to proceed. ? "
			    "[no]: ",
			    answer, sizeof(answer)))
		return false;
	return answer[0] == 'y' || answer[0] == 'Y';
}

static int do_configure_replace(struct cli_session *s, const struct cli_args *a,
				struct cli_out *o)
{
	const char *src = cli_arg(a, "source");
	char *text, *now;
	size_t len, nlen;
	int rc;

	if (source_text(s, src, &text, &len))
		return -1;
	if (!cli_has(a, "force") && !proceed(s, src)) {
		free(text);
		cli_error(s, "Error: configure replace abandoned");
		return -1;
	}
	if (cfg_running_text(s, &now, &nlen)) {
		free(text);
		return -1;
	}
	archive_keep_text(s, now, nlen);
	free(now);
	rc = replace_config(s, o, text, len);
	free(text);
	return rc;
}

/* ---- the revert timer ---------------------------------------------------------- */

struct rollback {
	char id[33];
	long long deadline, armed;
	unsigned seconds;
	char user[64];
	char *text; /* the configuration to go back to */
	size_t len;
};

static int rollback_read(struct rollback *r, struct net_err *err)
{
	char *data = NULL, *body;
	size_t len = 0;

	memset(r, 0, sizeof(*r));
	if (net_state_read(NULL, REC_ROLLBACK, &data, &len, err))
		return -1;
	/* a header, an empty line, the configuration */
	body = strstr(data, "\n\n");
	if (body)
		*body = '\0';
	if (!body ||
	    sscanf(data,
		   "vrfsh-rollback 1\nid %32s\ndeadline %lld\n"
		   "armed %lld\nseconds %u\nuser %63s",
		   r->id, &r->deadline, &r->armed, &r->seconds, r->user) != 5) {
		free(data);
		return net_err_set(err, EBADMSG,
				   "the rollback record does not "
				   "parse");
	}
	body += 2;
	r->len = len - (size_t)(body - data);
	r->text = malloc(r->len + 1);
	if (!r->text)
		abort();
	memcpy(r->text, body, r->len);
	r->text[r->len] = '\0';
	free(data);
	return 0;
}

static int rollback_write(struct cli_session *s, const struct rollback *r)
{
	struct net_err err = { 0 };
	char *buf = NULL;
	size_t blen = 0;
	FILE *fp = open_memstream(&buf, &blen);
	int lock, rc;

	if (!fp)
		abort();
	fprintf(fp,
		"vrfsh-rollback 1\nid %s\ndeadline %lld\narmed %lld\n"
		"seconds %u\nuser %s\n\n",
		r->id, r->deadline, r->armed, r->seconds, r->user);
	fwrite(r->text, 1, r->len, fp);
	fclose(fp);
	lock = net_state_lock(REC_ROLLBACK, true, &err);
	if (lock < 0) {
		free(buf);
		return cmd_fail(s, &err,
				"keep the configuration to go back to");
	}
	rc = net_state_write(NULL, REC_ROLLBACK, buf, blen, &err);
	net_state_unlock(lock);
	free(buf);
	return rc ? cmd_fail(s, &err, "keep the configuration to go back to") :
		    0;
}

static void rollback_remove(void)
{
	struct net_err err = { 0 };
	int lock = net_state_lock(REC_ROLLBACK, true, &err);

	if (lock < 0)
		return;
	net_state_remove(NULL, REC_ROLLBACK, &err);
	net_state_unlock(lock);
}

/* A process of its own, in a session of its own, that outlives ours. */
static int spawn_waiter(struct cli_session *s, const char *id)
{
	pid_t pid = fork();

	if (pid < 0) {
		cli_error(s, "Error: Cannot start the revert timer: %s",
			  strerror(errno));
		return -1;
	}
	if (pid == 0) {
		char *argv[] = { "vrfsh", "--revert-wait", (char *)id, NULL };
		int fd;

		setsid();
		if (fork() != 0)
			_exit(0);
		fd = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		signal(SIGHUP, SIG_IGN);
		execv("/proc/self/exe", argv);
		_exit(127);
	}
	return 0;
}

static int do_revert_timer(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	struct rollback r = { 0 };
	struct net_err err = { 0 };
	unsigned char raw[16];
	struct passwd *pw = getpwuid(getuid());
	const char *user = pw ? pw->pw_name : NULL;
	int rc;

	if (rollback_read(&r, &err) == 0) {
		free(r.text);
		cli_error(s, "Error: A rollback confirmed change is pending: "
			     "configure confirm first");
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.seconds = cli_declares(a, "seconds") ?
			    (unsigned)cli_arg_long(a, "seconds", 60) :
			    (unsigned)cli_arg_long(a, "minutes", 1) * 60;
	r.armed = (long long)time(NULL);
	r.deadline = r.armed + r.seconds;
	snprintf(r.user, sizeof(r.user), "%s",
		 user && *user && cli_text_clean(user) &&
				 !strpbrk(user, " \t") ?
			 user :
			 "unknown");
	if (getrandom(raw, sizeof(raw), 0) != (ssize_t)sizeof(raw))
		abort();
	for (size_t i = 0; i < sizeof(raw); i++)
		snprintf(r.id + 2 * i, 3, "%02x", raw[i]);
	if (cfg_running_text(s, &r.text, &r.len))
		return -1;
	rc = rollback_write(s, &r);
	free(r.text);
	if (rc || spawn_waiter(s, r.id)) {
		if (!rc)
			rollback_remove();
		return -1;
	}
	if (s->interactive)
		cli_printf(o, "Enter configuration commands, one per line.  "
			      "End with CNTL/Z.\n");
	cli_enter(s, MODE_CONFIG, NULL, NULL);
	return 0;
}

static int do_configure_confirm(struct cli_session *s, const struct cli_args *a,
				struct cli_out *o)
{
	struct rollback r;
	struct net_err err = { 0 };

	(void)a;
	(void)o;
	if (rollback_read(&r, &err)) {
		if (err.code == ENOENT) {
			cli_error(s, "Error: No rollback confirmed change "
				     "pending");
			return -1;
		}
		return cmd_fail(s, &err, "read the rollback record");
	}
	free(r.text);
	rollback_remove();
	return 0;
}

static int do_show_rollback_timer(struct cli_session *s,
				  const struct cli_args *a, struct cli_out *o)
{
	struct rollback r;
	struct net_err err = { 0 };
	char when[64];
	time_t armed;

	(void)a;
	if (rollback_read(&r, &err)) {
		if (err.code != ENOENT)
			return cmd_fail(s, &err, "read the rollback record");
		cli_printf(o, "%%No Rollback Confirmed Change pending\n");
		return 0;
	}
	armed = (time_t)r.armed;
	strftime(when, sizeof(when), "%H:%M:%S %Z %a %b %d %Y",
		 localtime(&armed));
	cli_printf(o, "Time configured : %s\n", when);
	cli_printf(o, "Timer type      : Rollback\n");
	cli_printf(o, "Timer value     : %u min%s\n", (r.seconds + 59) / 60,
		   r.seconds % 60 ? " (as seconds: see below)" : "");
	if (r.seconds % 60)
		cli_printf(o, "Timer seconds   : %u\n", r.seconds);
	cli_printf(o, "Time left       : %lld sec\n",
		   r.deadline > time(NULL) ?
			   r.deadline - (long long)time(NULL) :
			   0);
	cli_printf(o, "User            : %s\n", r.user);
	free(r.text);
	return 0;
}

int revert_wait(struct cli_session *s, const char *id)
{
	struct net_err err = { 0 };
	struct rollback r;
	int rc;

	for (;;) {
		long long now = (long long)time(NULL);

		if (rollback_read(&r, &err) || strcmp(r.id, id)) {
			if (!err.code)
				free(r.text);
			return 0; /* confirmed, or another took over */
		}
		if (now >= r.deadline)
			break;
		free(r.text);
		sleep((unsigned)(r.deadline - now > 5 ? 5 : r.deadline - now));
	}
	s->level = PRIV_ADMIN;
	rc = replace_config(s, NULL, r.text, r.len);
	free(r.text);
	rollback_remove();
	return rc ? 1 : 0;
}

#define H_SHOW "Show running system information\n"
#define H_ARCH "The archive of earlier configurations\n"
#define H_SRC "running-config, startup-config, archive:N or a file\n"

static const struct cli_cmd archive_cmds[] = {
	{ "show archive", H_SHOW H_ARCH, CLI_EXEC, PRIV_ADMIN, CLI_F_OUTPUT,
	  do_show_archive },
	{ "show archive config differences [WORD$from [WORD$to]]",
	  H_SHOW H_ARCH "Configurations\nThe difference of two\n"
			"From (default: startup-config; " H_SRC
			"To (default: running-config)",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_OUTPUT, do_show_differences },
	{ "show archive config rollback timer",
	  H_SHOW H_ARCH "Configurations\nA change to go back from\n"
			"The revert timer",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_OUTPUT, do_show_rollback_timer },
	{ "configure replace WORD$source [force]",
	  "Enter configuration mode\n"
	  "Make the running configuration another\n" H_SRC "Without asking",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_NO_DO | CLI_F_OUTPUT,
	  do_configure_replace },
	{ "configure terminal revert timer <1-120>$minutes",
	  "Enter configuration mode\nConfigure from the terminal\n"
	  "Go back unless confirmed\nA time to confirm in\nMinutes",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_NO_DO, do_revert_timer },
	{ "configure terminal revert timer seconds <2-7200>$seconds",
	  "Enter configuration mode\nConfigure from the terminal\n"
	  "Go back unless confirmed\nA time to confirm in\n"
	  "Counted in seconds\nSeconds",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_NO_DO, do_revert_timer },
	{ "configure confirm",
	  "Enter configuration mode\nKeep the change: no going back",
	  CLI_EXEC | ALL_CONFIG, PRIV_ADMIN, CLI_F_NO_DO,
	  do_configure_confirm },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area archive_area = {
	.name = "archive",
	.cmds = archive_cmds,
};
