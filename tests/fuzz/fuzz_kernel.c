/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * fuzz_kernel.c - libFuzzer harness of batch files on the kernel: each
 * input runs as 'vrfsh --keep-going -f FILE' would, with the real
 * handlers, in a child process that first makes a sandbox of its own
 * (the steps of tests/sandbox.sh): new network, mount and UTS
 * namespaces, mounts made private, every mount read-only, a fresh tmpfs
 * over /run with /run/netns and /run/vrfsh in it, lo up.  Nothing the
 * input does can reach the host: the network namespace has only lo,
 * VRFs are namespaces made inside the sandbox, the only writable places
 * are the tmpfs (where write memory goes) and /proc/sys/net of the
 * sandbox, and commands that start processes (shell) are refused as
 * in a startup configuration (a shell handler that runs anyway aborts).
 *
 * The child sends its coverage counters back through shared memory, so
 * libFuzzer sees what the handlers did; it checks for leaks before it
 * exits.  A child that crashes, leaks, or runs past the hard limit
 * makes the harness abort, and libFuzzer keeps the input.  Commands
 * that wait (ping, traceroute) are interrupted after a second, as a
 * Ctrl-C would, and all at once after eight.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/mount.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cli/cli.h"
#include "cmd/cmds.h"
#include "fuzz.h"

#define EXIT_SANDBOX 3 /* the sandbox could not be made: nothing ran */
#define EXIT_LEAK 4
#define STOP_AFTER 1 /* seconds before a waiting command is stopped */
#define STOP_ALL 8   /* seconds after which every command is */
#define HARD_LIMIT_MS 30000
#define CONFIG_DIR "/run/fuzz"

/* The leak check of LeakSanitizer: absent in a build without it. */
int __lsan_do_recoverable_leak_check(void) __attribute__((weak));

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct cli_grammar *grammar;
static uint8_t *counters; /* libFuzzer's coverage counters */
static uint8_t *shared;	  /* the child's counters, for the parent */
static size_t ncounters;
static struct stat host_net, host_mnt;
static volatile int stop;

/* ---- the sandbox (in the child) ------------------------------------ */

static void die_sandbox(const char *step)
{
	fprintf(stderr, "fuzz_kernel: sandbox: %s: %s\n", step,
		strerror(errno));
	_exit(EXIT_SANDBOX);
}

static void must(int rc, const char *step)
{
	if (rc < 0)
		die_sandbox(step);
}

static int mount_setattr_(int dfd, const char *path, unsigned flags,
			  struct mount_attr *attr)
{
	return (int)syscall(SYS_mount_setattr, dfd, path, flags, attr,
			    sizeof(*attr));
}

static void lo_up(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	must(fd, "socket");
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	must(ioctl(fd, SIOCGIFFLAGS, &ifr), "lo flags");
	ifr.ifr_flags |= IFF_UP;
	must(ioctl(fd, SIOCSIFFLAGS, &ifr), "lo up");
	close(fd);
}

/* Is the process in namespaces other than the host's? */
static bool away_from_host(void)
{
	struct stat net, mnt;

	return stat("/proc/self/ns/net", &net) == 0 &&
	       stat("/proc/self/ns/mnt", &mnt) == 0 &&
	       net.st_ino != host_net.st_ino && mnt.st_ino != host_mnt.st_ino;
}

static void sandbox(void)
{
	struct mount_attr ro = { .attr_set = MOUNT_ATTR_RDONLY };
	struct mount_attr rw = { .attr_clr = MOUNT_ATTR_RDONLY };

	must(unshare(CLONE_NEWNET | CLONE_NEWNS | CLONE_NEWUTS), "unshare");
	must(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL),
	     "private mounts");
	if (!away_from_host()) {
		errno = EPERM;
		die_sandbox("still in the host's namespaces");
	}
	/* nothing of the host's file systems may change */
	must(mount_setattr_(AT_FDCWD, "/", AT_RECURSIVE, &ro), "read-only");
	/* /proc/sys/net of this namespace is the only writable /proc */
	must(mount_setattr_(AT_FDCWD, "/proc", 0, &rw), "/proc");
	must(mount("/proc/sys", "/proc/sys", NULL, MS_BIND, NULL), "/proc/sys");
	must(mount(NULL, "/proc/sys", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY,
		   NULL),
	     "/proc/sys read-only");
	must(mount("/proc/sys/net", "/proc/sys/net", NULL, MS_BIND, NULL),
	     "/proc/sys/net");
	must(mount(NULL, "/proc/sys/net", NULL, MS_REMOUNT | MS_BIND, NULL),
	     "/proc/sys/net writable");
	must(mount("vrfsh-fuzz", "/run", "tmpfs", MS_NOSUID | MS_NODEV,
		   "mode=0755,size=64m"),
	     "tmpfs on /run");
	must(mkdir("/run/netns", 0755), "/run/netns");
	must(mkdir("/run/vrfsh", 0755), "/run/vrfsh");
	must(mkdir(CONFIG_DIR, 0700), CONFIG_DIR);
	lo_up();
}

/* ---- running the input (in the child) -------------------------------- */

static void on_alarm(int sig)
{
	(void)sig;
	stop = 1;
}

static void (*real_begin)(struct cli_session *s);
static time_t started;

/* Each command may wait a second (ping, traceroute), as if the user
 * pressed Ctrl-C then; once the input has run for STOP_ALL seconds,
 * every command is stopped at once. */
static void begin(struct cli_session *s)
{
	if (real_begin)
		real_begin(s);
	if (time(NULL) - started < STOP_ALL) {
		stop = 0;
		alarm(STOP_AFTER);
	}
}

static void run(const uint8_t *data, size_t size)
{
	struct sigaction sa;
	struct cli_session s;
	FILE *fp;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	started = time(NULL);
	cmd_set_config_path(CONFIG_DIR "/vrfsh.conf");
	cmd_set_caller_privileged(true);
	cli_session_init(&s, grammar);
	cmd_session_setup(&s);
	real_begin = s.begin;
	s.begin = begin;
	s.out = fuzz_out();
	s.err = fuzz_err();
	s.interrupted = &stop;
	s.refuse_spawn = true;
	fp = fmemopen((void *)data, size, "r");
	if (fp) {
		int rc = cli_batch_file(&s, fp, "fuzz", true);

		FUZZ_CHECK(rc == 0 || rc == 1);
		fclose(fp);
	}
	FUZZ_CHECK(away_from_host());
	cmd_session_cleanup(&s);
	cli_session_fini(&s);
	alarm(0);
}

/*
 * LeakSanitizer in a forked child warns about the parent's thread, which
 * it cannot suspend, on every run: its report goes to a memory file and
 * reaches standard error only when there is a leak.
 */
static bool leaks(void)
{
	int saved, mfd, found;
	char buf[4096];
	ssize_t n;

	if (!__lsan_do_recoverable_leak_check)
		return false;
	saved = dup(STDERR_FILENO);
	mfd = memfd_create("lsan", MFD_CLOEXEC);
	if (saved < 0 || mfd < 0 || dup2(mfd, STDERR_FILENO) < 0)
		return __lsan_do_recoverable_leak_check() != 0;
	found = __lsan_do_recoverable_leak_check();
	dup2(saved, STDERR_FILENO);
	if (found && lseek(mfd, 0, SEEK_SET) == 0)
		while ((n = read(mfd, buf, sizeof(buf))) > 0)
			if (write(STDERR_FILENO, buf, (size_t)n) != n)
				break;
	close(mfd);
	close(saved);
	return found != 0;
}

static void child(const uint8_t *data, size_t size)
{
	sandbox();
	run(data, size);
	if (leaks())
		_exit(EXIT_LEAK);
	if (shared)
		memcpy(shared, counters, ncounters);
	_exit(0);
}

/* ---- the parent ---------------------------------------------------------- */

/* Waits for the child, killing it past the hard limit; its status. */
static int wait_child(pid_t pid)
{
	int pfd = (int)syscall(SYS_pidfd_open, pid, 0), status = 0;

	if (pfd >= 0) {
		struct pollfd p = { .fd = pfd, .events = POLLIN };
		int n;

		while ((n = poll(&p, 1, HARD_LIMIT_MS)) < 0 && errno == EINTR)
			;
		if (n == 0) {
			fprintf(stderr,
				"fuzz_kernel: the input ran for more "
				"than %d ms\n",
				HARD_LIMIT_MS);
			kill(pid, SIGKILL);
		}
		close(pfd);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			abort();
	return status;
}

/* A shell that runs anyway would run on the host's file system. */
static int spawn_refused(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	(void)s;
	(void)a;
	(void)o;
	fuzz_fail(__FILE__, __LINE__, "a command that starts a process ran");
	return -1;
}

static cli_handler swap(const struct cli_cmd *c)
{
	return c->flags & CLI_F_SPAWN ? spawn_refused : c->handler;
}

static int one(const uint8_t *data, size_t size)
{
	pid_t pid;
	int status;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0)
		child(data, size);
	status = wait_child(pid);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		if (shared)
			memcpy(counters, shared, ncounters);
		return 0;
	}
	return status;
}

/* Shared memory of the size of the counters, for the child to fill. */
static void share_counters(void)
{
	counters = fuzz_counters(&ncounters);
	if (!counters)
		return;
	shared = mmap(NULL, ncounters, PROT_READ | PROT_WRITE,
		      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int status;

	(void)argc;
	(void)argv;
	cli_strict_args = true;
	if (stat("/proc/self/ns/net", &host_net) ||
	    stat("/proc/self/ns/mnt", &host_mnt)) {
		perror("fuzz_kernel: /proc/self/ns");
		exit(1);
	}
	grammar = fuzz_grammar(swap, NULL);
	share_counters();
	/* a trial run: without the rights to make the sandbox, stop */
	status = one((const uint8_t *)"", 0);
	if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_SANDBOX) {
		fprintf(stderr, "fuzz_kernel: cannot make a sandbox: it needs "
				"root\n");
		exit(1);
	}
	if (status) {
		fprintf(stderr,
			"fuzz_kernel: an empty input fails (status "
			"%#x)\n",
			(unsigned)status);
		exit(1);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int status = one(data, size);

	if (!status)
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_SANDBOX)
		fprintf(stderr, "fuzz_kernel: the sandbox failed\n");
	else if (WIFEXITED(status) && WEXITSTATUS(status) == EXIT_LEAK)
		fprintf(stderr, "fuzz_kernel: the input leaks memory\n");
	else if (WIFSIGNALED(status))
		fprintf(stderr, "fuzz_kernel: the child died of signal %d\n",
			WTERMSIG(status));
	else
		fprintf(stderr, "fuzz_kernel: the child exited %d\n",
			WEXITSTATUS(status));
	abort();
}
