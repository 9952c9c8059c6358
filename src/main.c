/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * main.c - options, then the interactive console or batch input.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/batch.h"
#include "cmd/archive.h"
#include "cmd/cfgfile.h"
#include "cmd/cmds.h"
#include "net/route.h"
#include "net/static.h"

#define EXIT_USAGE 2
#define CAP_SYS_ADMIN_BIT 21
#define CAP_NET_ADMIN_BIT 12

static const char usage_text[] =
	"Usage: vrfsh [-c CMD]... [-f FILE] [-b] [OPTION]...\n"
	"   or: vrfsh --watch\n"
	"A Cisco-style router shell for Linux network namespaces (VRFs).\n"
	"\n"
	"  -c CMD            run CMD, then exit; repeat -c to run several\n"
	"                    commands in order as one session\n"
	"  -f FILE           run the commands in FILE ('-' is standard input)\n"
	"  -b                apply the startup configuration, then exit\n"
	"      --config PATH the startup configuration file (default\n"
	"                    " VRFSH_CONFIG_FILE ",\n"
	"                    or the VRFSH_CONFIG environment variable)\n"
	"      --keep-going  with -c, -f, -b or piped input: go on after a\n"
	"                    failed command instead of stopping\n"
	"      --revert-wait ID  (internal) the process a revert timer leaves:\n"
	"                    restores the configuration unless confirmed\n"
	"      --watch       follow link, address and route changes made by\n"
	"                    other tools and keep the configured static routes\n"
	"                    installed while their next hops are usable, until\n"
	"                    SIGINT or SIGTERM (see vrfsh(1), WATCHING)\n"
	"  -h, --help        show this help and exit\n"
	"  -V, --version     show the version and exit\n"
	"\n"
	"Without -c, -f or -b, vrfsh is interactive when standard input is a\n"
	"terminal and otherwise reads commands from standard input as -f - does.\n"
	"Batch input and the console start at the caller's privilege level:\n"
	"privileged EXEC (15) for root or a user holding CAP_NET_ADMIN or\n"
	"CAP_SYS_ADMIN, else user EXEC (1), from which enable asks for the\n"
	"enable secret.  Batch input prints no prompt; errors go to standard\n"
	"error as 'FILE:LINE: % message' or '-c N: % message'.\n"
	"\n"
	"Exit status: 0 every command succeeded, 1 a command failed,\n"
	"2 usage error (bad option, unreadable file).\n"
	"See vrfsh(1).\n";

struct options {
	char **cmds;
	int ncmds;
	const char *file;
	const char *config;
	bool boot;
	bool keep_going;
	bool watch;
	const char *revert; /* --revert-wait ID */
};

static void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
static bool raised(void);

static void usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("vrfsh: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'vrfsh --help' for more information.\n", stderr);
	exit(EXIT_USAGE);
}

static void parse(int argc, char **argv, struct options *o)
{
	enum {
		OPT_CONFIG = 256,
		OPT_KEEP_GOING,
		OPT_WATCH,
		OPT_REVERT
	};
	static const struct option longs[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "keep-going", no_argument, NULL, OPT_KEEP_GOING },
		{ "watch", no_argument, NULL, OPT_WATCH },
		{ "revert-wait", required_argument, NULL, OPT_REVERT },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	o->cmds = calloc((size_t)argc, sizeof(*o->cmds));
	if (!o->cmds)
		abort();
	while ((ch = getopt_long(argc, argv, "+c:f:bhV", longs, NULL)) != -1) {
		switch (ch) {
		case 'c':
			o->cmds[o->ncmds++] = optarg;
			break;
		case 'f':
			if (o->file)
				usage_error("%s", "-f may be given once");
			o->file = optarg;
			break;
		case 'b':
			o->boot = true;
			break;
		case OPT_CONFIG:
			o->config = optarg;
			break;
		case OPT_KEEP_GOING:
			o->keep_going = true;
			break;
		case OPT_REVERT:
			o->revert = optarg;
			break;
		case OPT_WATCH:
			o->watch = true;
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			printf("vrfsh %s\n", PACKAGE_VERSION);
			exit(0);
		default:
			fputs("Try 'vrfsh --help' for more information.\n",
			      stderr);
			exit(EXIT_USAGE);
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);
	if ((o->ncmds > 0) + (o->file != NULL) + o->boot + o->watch > 1)
		usage_error("%s", "-c, -f, -b and --watch cannot be combined");
	/* with rights its user lacks (file capabilities, a set-id bit),
	 * vrfsh reads and writes no file a user names */
	if (raised() && o->config) {
		fprintf(stderr, "vrfsh: --config is ignored: vrfsh runs with "
				"rights that you do not have\n");
		o->config = NULL;
	}
	if (!o->config)
		o->config = secure_getenv("VRFSH_CONFIG");
	if (!o->config || !*o->config)
		o->config = VRFSH_CONFIG_FILE;
}

/* Did file capabilities or a set-id bit give the process rights that its
 * user does not have? */
static bool raised(void)
{
	return getauxval(AT_SECURE) != 0;
}

/* Does the caller hold, themselves, the rights of privilege level 15:
 * root, or CAP_NET_ADMIN or CAP_SYS_ADMIN of their own (not given by
 * this binary's file capabilities)?  An operator who runs vrfsh with
 * file capabilities starts at level 1 and reaches 15 with enable and
 * the enable secret. */
static bool caller_privileged(void)
{
	FILE *fp;
	unsigned long long caps = 0;
	char line[256];

	if (raised())
		return false;
	if (geteuid() == 0)
		return true;
	fp = fopen("/proc/self/status", "r");
	if (!fp)
		return false;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "CapEff: %llx", &caps) == 1)
			break;
	fclose(fp);
	return caps &
	       ((1ULL << CAP_NET_ADMIN_BIT) | (1ULL << CAP_SYS_ADMIN_BIT));
}

/* ~/.vrfsh_history, where HOME (or, with rights the caller lacks, the
 * account's home) is a directory of the caller's own that only they may
 * write, and the file, if there is one, is theirs and not a symbolic
 * link: the history is saved as the caller, and is never a way to write
 * or read someone else's file (a crafted HOME given to root). */
static char *history_file(void)
{
	const char *home = raised() ? NULL : getenv("HOME");
	struct passwd *pw;
	struct stat st;
	char *path;

	if (!home || !*home) {
		pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || home[0] != '/' || stat(home, &st) < 0 ||
	    !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
	    (st.st_mode & (S_IWGRP | S_IWOTH)))
		return NULL;
	if (asprintf(&path, "%s/.vrfsh_history", home) < 0)
		return NULL;
	if (lstat(path, &st) == 0 &&
	    (!S_ISREG(st.st_mode) || st.st_uid != getuid() ||
	     st.st_nlink != 1)) {
		free(path);
		return NULL;
	}
	return path;
}

/* The startup configuration: vrfsh's own file (cfgfile.c), which root
 * reads at boot from a directory that operators may write. */
static int run_startup(struct cli_session *s, const char *path, bool keep_going)
{
	int fd = cfg_own_open(path), rc;
	FILE *fp;

	if (fd < 0) {
		fprintf(stderr, "vrfsh: cannot open %s: %s\n", path,
			cfg_own_strerror(-fd));
		return EXIT_USAGE;
	}
	fp = fdopen(fd, "r");
	if (!fp)
		abort();
	rc = cli_batch_file(s, fp, path, keep_going);
	if (ferror(fp)) {
		fprintf(stderr, "vrfsh: cannot read %s: %s\n", path,
			strerror(errno));
		rc = EXIT_USAGE;
	}
	fclose(fp);
	return rc;
}

static int run_file(struct cli_session *s, const char *path, bool keep_going)
{
	FILE *fp = stdin;
	int rc;

	if (strcmp(path, "-")) {
		fp = fopen(path, "re");
		if (!fp) {
			fprintf(stderr, "vrfsh: cannot open %s: %s\n", path,
				strerror(errno));
			return EXIT_USAGE;
		}
	}
	rc = cli_batch_file(s, fp, path, keep_going);
	if (ferror(fp)) {
		fprintf(stderr, "vrfsh: cannot read %s: %s\n", path,
			strerror(errno));
		rc = EXIT_USAGE;
	}
	if (fp != stdin)
		fclose(fp);
	return rc;
}

static volatile int watch_stop;

static void on_stop(int sig)
{
	(void)sig;
	watch_stop = 1;
}

static void watch_report(void *ctx, const char *vrf,
			 const struct net_static_report *r,
			 const struct net_err *err)
{
	(void)ctx;
	if (err)
		fprintf(stderr, "vrfsh: VRF %s: %s\n", vrf, err->msg);
	else
		fprintf(stderr,
			"vrfsh: VRF %s: routes added %u, replaced %u, "
			"deleted %u, refused %u%s%s\n",
			vrf, r->added, r->replaced, r->deleted, r->failed,
			r->failed ? ": " : "", r->failed ? r->first.msg : "");
}

/* vrfsh --watch: until SIGINT or SIGTERM. */
static int watch(void)
{
	struct net_watch_opts opts = { .report = watch_report };
	struct net_err err = { 0 };
	struct sigaction sa;
	int ret;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop; /* no SA_RESTART: the wait ends */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	ret = net_watch(&watch_stop, &opts, &err);
	net_cleanup();
	if (ret < 0) {
		fprintf(stderr, "vrfsh: cannot watch: %s\n", err.msg);
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	struct cli_session s;
	struct cli_grammar *g;
	int rc = 0;

	parse(argc, argv, &o);
	if (o.watch) {
		free(o.cmds);
		return watch();
	}
	g = cmd_grammar();
	cli_session_init(&s, g);
	cmd_session_setup(&s);
	cmd_set_config_path(o.config);
	/* batch input and the console start at the caller's own level */
	s.level = caller_privileged() ? PRIV_ADMIN : PRIV_USER;
	cmd_set_caller_privileged(s.level == PRIV_ADMIN);
	/* a shell started from vrfsh never keeps vrfsh's extra rights */
	net_exec_drop_rights(raised());
	if (o.revert) {
		rc = revert_wait(&s, o.revert);
	} else if (o.ncmds) {
		rc = cli_batch_commands(&s, o.cmds, o.ncmds, o.keep_going);
	} else if (o.file) {
		rc = run_file(&s, o.file, o.keep_going);
	} else if (o.boot) {
		/* a startup file runs no program */
		s.refuse_spawn = true;
		rc = run_startup(&s, o.config, o.keep_going);
	} else if (isatty(STDIN_FILENO)) {
		char *hist = history_file();

		cmd_banner_show(&s);
		rc = cli_interactive(&s, hist);
		free(hist);
	} else {
		rc = run_file(&s, "-", o.keep_going);
	}
	fflush(stdout);
	cmd_session_cleanup(&s);
	cli_session_fini(&s);
	cli_grammar_free(g);
	free(o.cmds);
	return rc;
}
