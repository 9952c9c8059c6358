/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * base.c - the commands of the shell itself: modes, terminal settings,
 * show version, show history.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include <string.h>

#include "cmd/cmds.h"
#include "cmd/priv.h"

static bool caller_privileged = true;

void cmd_set_caller_privileged(bool yes)
{
	caller_privileged = yes;
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
			break;	/* batch input gives one answer */
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

static int do_terminal_length(struct cli_session *s,
			      const struct cli_args *a, struct cli_out *o)
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

static void uptime(struct cli_out *o, long secs)
{
	long d = secs / 86400, h = secs / 3600 % 24, m = secs / 60 % 60;

	if (d)
		cli_printf(o, "%ld day%s, ", d, d == 1 ? "" : "s");
	if (d || h)
		cli_printf(o, "%ld hour%s, ", h, h == 1 ? "" : "s");
	cli_printf(o, "%ld minute%s\n", m, m == 1 ? "" : "s");
}

static int do_show_version(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	struct utsname u;
	struct sysinfo si;

	(void)a;
	cli_printf(o, "vrfsh, version %s\n", PACKAGE_VERSION);
	cli_printf(o, "A router shell over Linux network namespaces\n");
	if (uname(&u) == 0)
		cli_printf(o, "Kernel: %s %s %s\n", u.sysname, u.release,
			   u.machine);
	if (sysinfo(&si) == 0) {
		cli_printf(o, "%s uptime is ", s->host);
		uptime(o, si.uptime);
	}
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
	{ "enable", "Turn on privileged commands",
	  CLI_EXEC, PRIV_USER, CLI_F_NO_DO, do_enable },
	{ "disable", "Turn off privileged commands",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_NO_DO, do_disable },
	{ "configure [terminal]",
	  "Enter configuration mode\nConfigure from the terminal",
	  CLI_EXEC, PRIV_ADMIN, CLI_F_NO_DO, do_configure },
	{ "exit", "Exit from the EXEC",
	  CLI_EXEC, PRIV_USER, CLI_F_NO_DO, do_exit },
	{ "exit", "Exit from the current mode",
	  ALL_CONFIG, PRIV_ADMIN, 0, do_exit },
	{ "end", "Exit to privileged EXEC mode",
	  ALL_CONFIG, PRIV_ADMIN, 0, do_end },
	{ "do DO", "Run an EXEC command\nThe EXEC command",
	  ALL_CONFIG, PRIV_ADMIN, 0, do_do },
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
