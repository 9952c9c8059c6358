/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * exec.c - work done by a child process inside a VRF: running a program
 * there as `ip netns exec` does, and resolving a host name as a program
 * there would (its /etc/netns/VRF/hosts and resolv.conf).
 *
 * Only the child changes namespace.  It enters the VRF's network
 * namespace, takes a mount namespace of its own whose mounts are slaves
 * of ours (so nothing it mounts comes back), then binds each file of
 * /etc/netns/VRF over the same name in /etc.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <poll.h>

#include "netns.h"
#include "nl.h"
#include "route.h"

#define ETC_NETNS "/etc/netns"

/* Why a child could not set itself up, sent back through a pipe. */
struct child_fail {
	int code;
	char what[64];
};

static int child_failed(struct child_fail *f, const char *what)
{
	f->code = errno;
	snprintf(f->what, sizeof(f->what), "%s", what);
	return -1;
}

/* Bind /etc/netns/VRF/NAME over /etc/NAME for each NAME, as ip does. */
static void bind_etc(const char *vrf, bool verbose)
{
	char dir[sizeof(ETC_NETNS) + NET_VRF_NAME_MAX + 1];
	char src[PATH_MAX], dst[PATH_MAX];
	struct dirent *de;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/%s", ETC_NETNS, vrf);
	d = opendir(dir);
	if (!d)
		return;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(src, sizeof(src), "%s/%s", dir, de->d_name);
		snprintf(dst, sizeof(dst), "/etc/%s", de->d_name);
		if (mount(src, dst, "none", MS_BIND, NULL) < 0 && verbose)
			fprintf(stderr, "vrfsh: bind %s over %s: %s\n", src,
				dst, strerror(errno));
	}
	closedir(d);
}

/* A sysfs of the VRF, so /sys/class/net shows its links; best effort. */
static void remount_sys(const char *vrf)
{
	unsigned long flags = 0;
	struct statvfs sv;

	if (statvfs("/sys", &sv) == 0 && (sv.f_flag & ST_RDONLY))
		flags |= MS_RDONLY;
	umount2("/sys", MNT_DETACH);
	mount(vrf, "/sys", "sysfs", flags, NULL);
}

/* In the child: move into vrf (namespace fd nsfd) as ip netns exec does. */
static int child_enter(const char *vrf, int nsfd, bool exec,
		       struct child_fail *f)
{
	if (setns(nsfd, CLONE_NEWNET) < 0)
		return child_failed(f, "cannot enter the VRF");
	if (unshare(CLONE_NEWNS) < 0)
		return child_failed(f, "cannot make a mount namespace");
	if (mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0)
		return child_failed(f, "cannot make / a slave mount");
	if (exec)
		remount_sys(vrf);
	bind_etc(vrf, exec);
	return 0;
}

/* Write all of buf to fd, as far as it goes; for children. */
static void write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		p += n;
		len -= (size_t)n;
	}
}

/* Read up to len bytes; returns how many came before end of file. */
static size_t read_all(int fd, void *buf, size_t len)
{
	char *p = buf;
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		n = read(fd, p + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	return got;
}

/* Wait for pid; its exit status, or 128+N when killed by signal N. */
static int reap(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return WEXITSTATUS(st);
}

/* ---- running a program ------------------------------------------ */

/* What a shell's child gets: default signals, none blocked. */
static void child_signals(void)
{
	static const int sigs[] = { SIGINT,  SIGQUIT, SIGTSTP, SIGTTIN,
				    SIGTTOU, SIGPIPE, SIGCHLD, SIGTERM };
	sigset_t none;
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		signal(sigs[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

static bool drop_rights;

void net_exec_drop_rights(bool on)
{
	drop_rights = on;
}

/* Gives up what the process holds beyond the caller's own rights: the
 * real user and group ids everywhere, no capability in any set, none
 * ambient.  Done after entering the VRF, which needs them. */
static int give_up_rights(struct child_fail *f)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3,
						0 };
	struct __user_cap_data_struct none[_LINUX_CAPABILITY_U32S_3];
	gid_t gid = getgid();
	uid_t uid = getuid();

	memset(none, 0, sizeof(none));
	if (setresgid(gid, gid, gid) < 0)
		return child_failed(f, "drop the group id");
	if (setresuid(uid, uid, uid) < 0)
		return child_failed(f, "drop the user id");
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	if (syscall(SYS_capset, &hdr, none) < 0)
		return child_failed(f, "drop the capabilities");
	return 0;
}

static void __attribute__((noreturn))
exec_child(const char *vrf, int nsfd, char *const argv[], int report)
{
	struct child_fail f = { 0 };
	int e;

	child_signals();
	if (nsfd >= 0 && child_enter(vrf, nsfd, true, &f) < 0) {
		write_all(report, &f, sizeof(f));
		_exit(127);
	}
	if (drop_rights && give_up_rights(&f) < 0) {
		write_all(report, &f, sizeof(f));
		_exit(127);
	}
	execvp(argv[0], argv);
	e = errno;
	fprintf(stderr, "vrfsh: %s: %s\n", argv[0], strerror(e));
	_exit(e == ENOENT ? 127 : 126);
}

/* The parent's side: did the child set itself up?  Then wait for it. */
static int exec_wait(pid_t pid, int report, int *status, struct net_err *err)
{
	struct child_fail f;
	size_t got = read_all(report, &f, sizeof(f));
	int st;

	close(report);
	st = reap(pid);
	if (st < 0)
		return net_err_errno(err, errno);
	if (got == sizeof(f)) {
		f.what[sizeof(f.what) - 1] = '\0';
		/* entering the VRF: setns, unshare, mount */
		return net_err_need(err, NET_NEED_SYS_ADMIN,
				    net_err_set(err, f.code, "%s: %s", f.what,
						strerror(f.code)));
	}
	if (status)
		*status = st;
	return 0;
}

int net_exec(const char *vrf, char *const argv[], int *status,
	     struct net_err *err)
{
	int nsfd = -1, pipefd[2];
	pid_t pid;

	if (!argv || !argv[0] || !argv[0][0])
		return net_err_set(err, EINVAL, "No command");
	if (!net_vrf_is_default(vrf)) {
		nsfd = netns_fd(vrf, err);
		if (nsfd < 0)
			return nsfd;
	}
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return net_err_errno(err, errno);
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		exec_child(vrf, nsfd, argv, pipefd[1]);
	}
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		return net_err_errno(err, errno);
	}
	return exec_wait(pid, pipefd[0], status, err);
}

/* ---- resolving a name ------------------------------------------- */

/* The answer of one lookup, as the child sends it back. */
struct lookup {
	int code; /* errno value, 0 when found */
	char msg[128];
	struct sockaddr_storage addr;
};

static int gai_code(int gai)
{
	switch (gai) {
	case EAI_MEMORY:
		return ENOMEM;
	case EAI_FAMILY:
		return EAFNOSUPPORT;
	case EAI_SYSTEM:
		return errno ? errno : EIO;
	}
	return ENOENT;
}

/* The first IPv4 answer, else the first IPv6 one. */
static const struct addrinfo *pick(const struct addrinfo *res)
{
	const struct addrinfo *ai;

	for (ai = res; ai; ai = ai->ai_next)
		if (ai->ai_family == AF_INET)
			return ai;
	for (ai = res; ai; ai = ai->ai_next)
		if (ai->ai_family == AF_INET6)
			return ai;
	return NULL;
}

static void lookup(const char *host, int family, struct lookup *l)
{
	struct addrinfo hints = { .ai_family = family,
				  .ai_socktype = SOCK_DGRAM };
	const struct addrinfo *ai;
	struct addrinfo *res;
	int gai;

	memset(l, 0, sizeof(*l));
	gai = getaddrinfo(host, NULL, &hints, &res);
	if (gai) {
		l->code = gai_code(gai);
		snprintf(l->msg, sizeof(l->msg), "unknown host (%s)",
			 gai == EAI_SYSTEM ? strerror(l->code) :
					     gai_strerror(gai));
		return;
	}
	ai = pick(res);
	if (ai && ai->ai_addrlen <= sizeof(l->addr))
		memcpy(&l->addr, ai->ai_addr, ai->ai_addrlen);
	else
		l->code = ENOENT;
	if (l->code)
		snprintf(l->msg, sizeof(l->msg), "unknown host (%s)",
			 "no IPv4 or IPv6 address");
	freeaddrinfo(res);
}

static void __attribute__((noreturn))
lookup_child(const char *vrf, int nsfd, const char *host, int family, int fd)
{
	struct child_fail f = { 0 };
	struct lookup l;

	if (nsfd >= 0 && child_enter(vrf, nsfd, false, &f) < 0) {
		memset(&l, 0, sizeof(l));
		l.code = f.code;
		snprintf(l.msg, sizeof(l.msg), "%s: %s", f.what,
			 strerror(f.code));
	} else {
		lookup(host, family, &l);
	}
	write_all(fd, &l, sizeof(l));
	_exit(0);
}

/* Waits for the child's answer on fd, looking at *stop (may be NULL)
 * every 50 ms: 1 when stopped, else 0. */
static int wait_readable(int fd, volatile int *stop)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	for (;;) {
		int n;

		if (stop && *stop)
			return 1;
		n = poll(&p, 1, stop ? 50 : -1);
		if (n < 0 && errno == EINTR)
			continue; /* a signal: maybe the stop */
		if (n != 0)
			return 0; /* an answer, end of file or an error */
	}
}

static int lookup_in(const char *vrf, int nsfd, const char *host, int family,
		     volatile int *stop, struct lookup *l, struct net_err *err)
{
	int pipefd[2];
	size_t got;
	pid_t pid;

	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return net_err_errno(err, errno);
	pid = fork();
	if (pid == 0) {
		close(pipefd[0]);
		lookup_child(vrf, nsfd, host, family, pipefd[1]);
	}
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		return net_err_errno(err, errno);
	}
	/* a slow resolver is abandoned at Ctrl-C: the child is killed */
	if (wait_readable(pipefd[0], stop)) {
		kill(pid, SIGKILL);
		close(pipefd[0]);
		reap(pid);
		return net_err_set(err, EINTR, "Interrupted");
	}
	got = read_all(pipefd[0], l, sizeof(*l));
	close(pipefd[0]);
	reap(pid);
	if (got != sizeof(*l))
		return net_err_set(err, EIO, "The lookup process failed");
	l->msg[sizeof(l->msg) - 1] = '\0';
	return 0;
}

/* An address literal of family (or either): 1, 0 if none, -1 if one of
 * the other family. */
static int literal(const char *host, int family, struct sockaddr_storage *out)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)out;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)out;

	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, host, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		return family == AF_INET6 ? -1 : 1;
	}
	if (inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		return family == AF_INET ? -1 : 1;
	}
	return 0;
}

int net_resolve(const char *vrf, const char *host, int family,
		struct sockaddr_storage *out, volatile int *stop,
		struct net_err *err)
{
	struct lookup l;
	int ret, nsfd;

	if (!host || !host[0])
		return net_err_set(err, EINVAL, "No host");
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return net_err_errno(err, EAFNOSUPPORT);
	ret = literal(host, family, out);
	if (ret != 0)
		return ret > 0 ? 0 :
				 net_err_set(err, EAFNOSUPPORT,
					     "Address of the other family");
	if (net_vrf_is_default(vrf) && !stop) {
		lookup(host, family, &l);
	} else {
		nsfd = net_vrf_is_default(vrf) ? -1 : netns_fd(vrf, err);
		if (nsfd < 0 && !net_vrf_is_default(vrf))
			return nsfd;
		ret = lookup_in(vrf, nsfd, host, family, stop, &l, err);
		if (ret < 0)
			return ret;
	}
	if (l.code)
		return net_err_need(err, NET_NEED_SYS_ADMIN,
				    net_err_set(err, l.code, "%s", l.msg));
	*out = l.addr;
	return 0;
}
