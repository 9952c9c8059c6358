/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * base.c - the commands of the shell itself: modes, terminal settings,
 * show version, show history.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "cmd/cmds.h"
#include "cmd/priv.h"

static bool caller_privileged = true;

void cmd_set_caller_privileged(bool yes)
{
	caller_privileged = yes;
}

bool cmd_caller_privileged(void)
{
	return caller_privileged;
}

/* enable: a caller who holds the rights of level 15 is not asked; any
 * other needs the enable secret, three tries, as IOS asks on a vty. */
static int do_enable(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	char hash[CMD_SECRET_MAX], typed[256];

	(void)a;
	(void)o;
	if (s->level >= PRIV_ADMIN || caller_privileged) {
		s->level = PRIV_ADMIN;
		return 0;
	}
	if (cmd_secret_get(s, hash, sizeof(hash)))
		return -1;
	if (!*hash) {
		cli_error(s, "No password set: enable needs an 'enable secret' "
			     "(configured at privilege level 15)");
		return -1;
	}
	for (int tries = 0; tries < 3; tries++) {
		bool right;

		if (cli_read_secret(s, "Password: ", typed, sizeof(typed)))
			break;
		right = cmd_secret_check(hash, typed);
		explicit_bzero(typed, sizeof(typed));
		if (right) {
			s->level = PRIV_ADMIN;
			return 0;
		}
		if (!s->interactive)
			break; /* batch input gives one answer */
	}
	explicit_bzero(typed, sizeof(typed));
	cli_error(s, "Bad secrets");
	return -1;
}

static int do_disable(struct cli_session *s, const struct cli_args *a,
		      struct cli_out *o)
{
	(void)a;
	(void)o;
	s->level = PRIV_USER;
	return 0;
}

static int do_configure(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	(void)a;
	if (s->interactive)
		cli_printf(o, "Enter configuration commands, one per line.  "
			      "End with CNTL/Z.\n");
	cli_enter(s, MODE_CONFIG, NULL, NULL);
	return 0;
}

static int do_exit(struct cli_session *s, const struct cli_args *a,
		   struct cli_out *o)
{
	(void)a;
	(void)o;
	cli_exit_mode(s);
	return 0;
}

static int do_end(struct cli_session *s, const struct cli_args *a,
		  struct cli_out *o)
{
	(void)a;
	(void)o;
	cli_end(s);
	return 0;
}

/* Never called: the matcher runs the EXEC command after 'do' instead. */
static int do_do(struct cli_session *s, const struct cli_args *a,
		 struct cli_out *o)
{
	(void)a;
	(void)o;
	cli_error(s, "Incomplete command.");
	return -1;
}

static int do_terminal_length(struct cli_session *s, const struct cli_args *a,
			      struct cli_out *o)
{
	(void)o;
	s->term_length = (unsigned)cli_arg_long(a, "lines", 0);
	return 0;
}

static int do_terminal_width(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	(void)o;
	s->term_width = (unsigned)cli_arg_long(a, "columns", 80);
	return 0;
}

static int do_show_terminal(struct cli_session *s, const struct cli_args *a,
			    struct cli_out *o)
{
	(void)a;
	cli_printf(o, "Length: %u lines, Width: %u columns\n", s->term_length,
		   s->term_width);
	return 0;
}

/* "1 year, 22 weeks, 6 days, 9 hours, 38 minutes": units that are 0
 * left out, the minutes always there (IOS's uptime phrase). */
static void uptime(struct cli_out *o, long secs)
{
	static const struct {
		long secs;
		const char *name;
	} units[] = {
		{ 365L * 86400, "year" },
		{ 7L * 86400, "week" },
		{ 86400, "day" },
		{ 3600, "hour" },
	};

	for (size_t i = 0; i < sizeof(units) / sizeof(*units); i++) {
		long n = secs / units[i].secs;

		secs %= units[i].secs;
		if (n)
			cli_printf(o, "%ld %s%s, ", n, units[i].name,
				   n == 1 ? "" : "s");
	}
	cli_printf(o, "%ld minute%s\n", secs / 60, secs / 60 == 1 ? "" : "s");
}

/* The first line of a small file, without its newline; "" when none. */
static void first_line(const char *path, char *buf, size_t size)
{
	FILE *fp = fopen(path, "re");

	buf[0] = '\0';
	if (!fp)
		return;
	if (!fgets(buf, (int)size, fp))
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fclose(fp);
}

/* MemTotal of /proc/meminfo in kB, 0 when unknown. */
static unsigned long mem_total_kb(void)
{
	char line[128];
	unsigned long kb = 0;
	FILE *fp = fopen("/proc/meminfo", "re");

	if (!fp)
		return 0;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "MemTotal: %lu kB", &kb) == 1)
			break;
	fclose(fp);
	return kb;
}

/* A machine id is 32 hexadecimal digits: anything else is not shown. */
static bool board_id(char *buf, size_t size)
{
	first_line("/etc/machine-id", buf, size);
	return strlen(buf) == 32 && strspn(buf, "0123456789abcdef") == 32;
}

static void version_software(struct cli_out *o, const struct utsname *u)
{
	char image[sizeof(u->machine) + 8];
	size_t n =
		(size_t)snprintf(image, sizeof(image), "VRFSH-%s", u->machine);

	for (size_t i = 0; i < n && i < sizeof(image); i++)
		if (image[i] >= 'a' && image[i] <= 'z')
			image[i] = (char)(image[i] - 'a' + 'A');
	/* the IOS shape that tools read: the image in parentheses, then
	 * "Version X," on the first line that says Version */
	cli_printf(o,
		   "vrfsh Software (%s), Version %s, RELEASE SOFTWARE "
		   "(vrfsh)\n",
		   image, PACKAGE_VERSION);
	cli_printf(o, "A router shell over Linux network namespaces\n\n");
	cli_printf(o, "ROM: %s %s\n\n", u->sysname, u->release);
}

static void version_uptime(struct cli_session *s, struct cli_out *o)
{
	struct sysinfo si;
	char when[64], exe[4096];
	struct tm tm;
	time_t boot;
	ssize_t n;

	if (sysinfo(&si) == 0) {
		cli_printf(o, "%s uptime is ", s->host);
		uptime(o, si.uptime);
		boot = time(NULL) - si.uptime;
		/* IOS: "09:09:22 UTC Tue Apr 9 2013", the day unpadded */
		if (localtime_r(&boot, &tm) &&
		    strftime(when, sizeof(when), "%H:%M:%S %Z %a %b", &tm))
			cli_printf(o, "System restarted at %s %d %d\n", when,
				   tm.tm_mday, tm.tm_year + 1900);
	}
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		cli_printf(o, "System image file is \"file:%s\"\n", exe);
	}
	cli_printf(o, "\n");
}

static void version_hardware(struct cli_out *o, const struct utsname *u)
{
	char id[64];

	/* "cisco MODEL (CPU) ... bytes of memory": where IOS tools look for
	 * the model; the model is vrfsh, the processor the kernel's */
	cli_printf(o,
		   "cisco vrfsh (%s) processor with %luK bytes of "
		   "memory.\n",
		   u->machine, mem_total_kb());
	if (board_id(id, sizeof(id)))
		cli_printf(o, "Processor board ID %s\n", id);
}

static int do_show_version(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	struct utsname u;

	(void)a;
	if (uname(&u)) {
		memset(&u, 0, sizeof(u));
		snprintf(u.sysname, sizeof(u.sysname), "Linux");
		snprintf(u.machine, sizeof(u.machine), "unknown");
	}
	version_software(o, &u);
	version_uptime(s, o);
	version_hardware(o, &u);
	return 0;
}

static int do_show_privilege(struct cli_session *s, const struct cli_args *a,
			     struct cli_out *o)
{
	(void)a;
	cli_printf(o, "Current privilege level is %u\n", s->level);
	return 0;
}

static int do_show_history(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	(void)a;
	for (size_t i = 0; i < cli_history_count(s->history); i++)
		cli_printf(o, "  %s\n", cli_history_get(s->history, i));
	return 0;
}

static const struct cli_cmd base_cmds[] = {
	{ "enable", "Turn on privileged commands", CLI_EXEC, PRIV_USER,
	  CLI_F_NO_DO, do_enable },
	{ "disable", "Turn off privileged commands", CLI_EXEC, PRIV_ADMIN,
	  CLI_F_NO_DO, do_disable },
	{ "configure [terminal]",
	  "Enter configuration mode\nConfigure from the terminal", CLI_EXEC,
	  PRIV_ADMIN, CLI_F_NO_DO, do_configure },
	{ "exit", "Exit from the EXEC", CLI_EXEC, PRIV_USER, CLI_F_NO_DO,
	  do_exit },
	{ "exit", "Exit from the current mode", ALL_CONFIG, PRIV_ADMIN, 0,
	  do_exit },
	{ "end", "Exit to privileged EXEC mode", ALL_CONFIG, PRIV_ADMIN, 0,
	  do_end },
	{ "do DO", "Run an EXEC command\nThe EXEC command", ALL_CONFIG,
	  PRIV_ADMIN, 0, do_do },
	{ "terminal length <0-512>$lines",
	  "Set terminal line parameters\n"
	  "Set number of lines on a screen\n"
	  "Number of lines on screen (0 for no pausing)",
	  CLI_EXEC, PRIV_USER, 0, do_terminal_length },
	{ "terminal width <0-512>$columns",
	  "Set terminal line parameters\n"
	  "Set width of the display terminal\n"
	  "Number of characters on a screen line",
	  CLI_EXEC, PRIV_USER, 0, do_terminal_width },
	{ "show terminal",
	  "Show running system information\nDisplay terminal configuration",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_terminal },
	{ "show version",
	  "Show running system information\n"
	  "System software and kernel versions",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_version },
	{ "show privilege",
	  "Show running system information\n"
	  "The current privilege level",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_privilege },
	{ "show history",
	  "Show running system information\n"
	  "Display the session command history",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_history },
	{ NULL, NULL, 0, 0, 0, NULL },
};

static void config_prompt(const struct cli_frame *f, char *buf, size_t size)
{
	(void)f;
	snprintf(buf, size, "(config)");
}

/* Global configuration: entered from EXEC, the last mode that a command
 * walks up to. */
static const struct cli_mode base_modes[] = {
	{ MODE_CONFIG, "config", CLI_EXEC, { NULL, NULL }, config_prompt },
	{ 0, NULL, 0, { NULL, NULL }, NULL },
};

const struct cli_area base_area = {
	.name = "base",
	.cmds = base_cmds,
	.modes = base_modes,
};
