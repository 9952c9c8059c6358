/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * system.c - the router's own settings that the kernel does not hold:
 * hostname and banner motd, kept in the per-boot state (records
 * "hostname" and "banner" of the default VRF, see net/state.h); and
 * show clock, show users.
 *
 * hostname never changes the system's host name (sethostname(2)): it is
 * the name vrfsh gives the router, in the prompt, show version and the
 * running configuration.  A lab's vrfsh must not rename the machine it
 * runs on; the system's name is the system tools' to change.
 */
#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>
#include <utmpx.h>

#include "cmd/cmds.h"
#include "cmd/running.h"
#include "cmd/util.h"
#include "net/state.h"

#define HOSTNAME_RECORD "hostname"
#define BANNER_RECORD "banner"
#define HOSTNAME_MAX 63
#define BANNER_MAX 4096
#define BANNER_LINE_MAX 1024
/* How running-config writes the delimiter, as IOS shows it (and as
 * Ansible's ios_banner reads it): the two characters ^ and C. */
#define BANNER_DELIM "^C"

/* The system's host name, as the session found it at its start. */
static char system_host[CLI_NAME_MAX];

/* ---- records ---------------------------------------------------------------- */

/* The record, NUL-terminated, or NULL when there is none (or it cannot
 * be read: then the system's defaults hold). */
static char *record_get(const char *name)
{
	struct net_err err = { 0 };
	char *data = NULL;
	size_t len;

	if (net_state_read("", name, &data, &len, &err))
		return NULL;
	if (strlen(data) != len) { /* a NUL inside: not ours */
		free(data);
		return NULL;
	}
	return data;
}

/* Replaces the record (text NULL: removes it). */
static int record_set(struct cli_session *s, const char *name, const char *text,
		      const char *what)
{
	struct net_err err = { 0 };
	int lock = net_state_lock(name, true, &err);
	int ret;

	if (lock < 0)
		return cmd_fail(s, &err, "%s", what);
	if (text)
		ret = net_state_write("", name, text, strlen(text), &err);
	else
		ret = net_state_remove("", name, &err);
	net_state_unlock(lock);
	return ret < 0 ? cmd_fail(s, &err, "%s", what) : 0;
}

/* ---- hostname --------------------------------------------------------------- */

/* IOS's rule, with '_' and '.' allowed too: what the prompt of every
 * tool that drives a router accepts. */
static const char *hostname_error(const char *name)
{
	static char why[64];
	size_t n = strlen(name);

	if (n > HOSTNAME_MAX)
		return "longer than 63 characters";
	if (!isalnum((unsigned char)name[0]))
		return "must start with a letter or a digit";
	for (const char *p = name; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (isalnum(c) || c == '-' || c == '_' || c == '.')
			continue;
		if (c > 0x20 && c < 0x7f)
			snprintf(why, sizeof(why),
				 "character '%c' is not "
				 "allowed",
				 c);
		else
			snprintf(why, sizeof(why),
				 "character \\x%02x is not "
				 "allowed",
				 c);
		return why;
	}
	return NULL;
}

/* At the start of a session: the configured name, else the system's. */
static void hostname_load(struct cli_session *s)
{
	char *name = record_get(HOSTNAME_RECORD);

	snprintf(system_host, sizeof(system_host), "%s", s->host);
	if (!name)
		return;
	name[strcspn(name, "\n")] = '\0';
	if (*name && !hostname_error(name))
		snprintf(s->host, sizeof(s->host), "%s", name);
	free(name);
}

static int do_hostname(struct cli_session *s, const struct cli_args *a,
		       struct cli_out *o)
{
	const char *name = cli_arg(a, "name");
	const char *why = hostname_error(name);
	char text[HOSTNAME_MAX + 2];

	(void)o;
	if (why) {
		cli_error(s, "Error: Invalid host name \"%s\": %s", name, why);
		return -1;
	}
	/* the system's own name needs no record: it follows the system */
	snprintf(text, sizeof(text), "%s\n", name);
	if (record_set(s, HOSTNAME_RECORD,
		       strcmp(name, system_host) ? text : NULL,
		       "set the host name"))
		return -1;
	snprintf(s->host, sizeof(s->host), "%s", name);
	return 0;
}

static int do_no_hostname(struct cli_session *s, const struct cli_args *a,
			  struct cli_out *o)
{
	(void)a;
	(void)o;
	if (record_set(s, HOSTNAME_RECORD, NULL, "remove the host name"))
		return -1;
	snprintf(s->host, sizeof(s->host), "%s", system_host);
	return 0;
}

static void hostname_config(struct cli_config *c)
{
	if (!c->whole)
		return;
	if (hostname_error(c->s->host)) {
		cfg_left_out(c, "the host name",
			     "it is not one that "
			     "'hostname' takes");
		return;
	}
	cli_printf(c->o, "hostname %s\n!\n", c->s->host);
}

/* ---- banner motd ------------------------------------------------------------ */

/* The delimiter of 'banner motd TEXT': ^C written as two characters (as
 * running-config writes it), else the first character. */
static size_t delim_of(const char *text, char *delim, size_t size)
{
	size_t n = 1;

	if (!strncmp(text, BANNER_DELIM, strlen(BANNER_DELIM)))
		n = strlen(BANNER_DELIM);
	else
		while (((unsigned char)text[n] & 0xc0) == 0x80)
			n++;
	if (n >= size)
		n = size - 1;
	memcpy(delim, text, n);
	delim[n] = '\0';
	return n;
}

struct banner {
	char text[BANNER_MAX + 1];
	size_t len;
	bool too_long;
};

/* Adds a line (its part before the delimiter) to the text. */
static void banner_add(struct banner *b, const char *line, size_t n)
{
	if (b->len + n + 1 > BANNER_MAX) {
		b->too_long = true;
		return;
	}
	memcpy(b->text + b->len, line, n);
	b->len += n;
	b->text[b->len++] = '\n';
	b->text[b->len] = '\0';
}

/* The text up to the closing delimiter: on the first line, or on the
 * lines that follow it (read as IOS reads them).  Returns -1 when the
 * input ends first. */
static int banner_read(struct cli_session *s, struct cli_out *o,
		       const char *first, const char *delim, struct banner *b)
{
	char line[BANNER_LINE_MAX];
	const char *end = strstr(first, delim);

	if (end) {
		if (end > first)
			banner_add(b, first, (size_t)(end - first));
		return 0;
	}
	if (*first)
		banner_add(b, first, strlen(first));
	if (s->interactive) {
		cli_printf(o,
			   "Enter TEXT message.  End with the character "
			   "'%s'.\n",
			   delim);
		fflush(s->out);
	}
	while (cli_read_text(s, "", line, sizeof(line)) == 0) {
		end = strstr(line, delim);
		if (end) {
			if (end > line)
				banner_add(b, line, (size_t)(end - line));
			return 0;
		}
		banner_add(b, line, strlen(line));
	}
	return -1;
}

/* What can be written back: printable lines, without the delimiter
 * running-config uses. */
static const char *banner_error(const struct banner *b)
{
	if (b->too_long)
		return "longer than 4096 characters";
	if (strstr(b->text, BANNER_DELIM))
		return "it contains ^C, the delimiter of the running "
		       "configuration";
	if (cli_text_clean_len(b->text, b->len) != b->len)
		return "it contains control characters";
	return NULL;
}

static int do_banner(struct cli_session *s, const struct cli_args *a,
		     struct cli_out *o)
{
	const char *text = cli_arg(a, "text"), *origin = s->origin;
	struct banner *b = calloc(1, sizeof(*b));
	char delim[8], here[512];
	const char *why;
	int rc = -1;

	if (!b)
		abort();
	/* the lines read below move the origin on: errors name this one */
	snprintf(here, sizeof(here), "%s", origin ? origin : "");
	text += delim_of(text, delim, sizeof(delim));
	rc = banner_read(s, o, text, delim, b);
	s->origin = origin ? here : NULL;
	if (rc) {
		cli_error(s,
			  "Error: banner motd: the input ended before the "
			  "closing '%s'",
			  delim);
	} else if ((why = banner_error(b))) {
		rc = -1;
		cli_error(s, "Error: Invalid banner: %s", why);
	} else {
		/* an empty banner is none, as on IOS */
		rc = record_set(s, BANNER_RECORD, b->len ? b->text : NULL,
				"set the banner");
	}
	s->origin = origin;
	free(b);
	return rc;
}

static int do_no_banner(struct cli_session *s, const struct cli_args *a,
			struct cli_out *o)
{
	(void)a;
	(void)o;
	return record_set(s, BANNER_RECORD, NULL, "remove the banner");
}

static bool banner_ok(const char *text)
{
	size_t n = strlen(text);

	return n && n <= BANNER_MAX && !strstr(text, BANNER_DELIM) &&
	       cli_text_clean_len(text, n) == n;
}

static void banner_config(struct cli_config *c)
{
	char *text;

	if (!c->whole || !(text = record_get(BANNER_RECORD)))
		return;
	if (!banner_ok(text))
		cfg_left_out(c, "the banner", "its text cannot be typed back");
	else
		cli_printf(c->o, "banner motd %s\n%s%s\n!\n", BANNER_DELIM,
			   text, BANNER_DELIM);
	free(text);
}

void cmd_banner_show(struct cli_session *s)
{
	char *text = record_get(BANNER_RECORD);
	struct cli_out *o;

	if (!text)
		return;
	if (banner_ok(text)) {
		o = cli_out_open(s, s->out);
		cli_printf(o, "\n%s\n", text);
		cli_out_close(o);
	}
	free(text);
}

/* ---- show clock --------------------------------------------------------------- */

/* "*18:57:38.347 UTC Mon Oct 19 2015": '*' when the clock is not
 * synchronised (the kernel's STA_UNSYNC), as IOS marks a clock it does
 * not trust. */
static int do_show_clock(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	struct timex tx = { .modes = 0 };
	struct timespec ts;
	char when[64];
	struct tm tm;
	int state;

	(void)s;
	(void)a;
	state = adjtimex(&tx);
	clock_gettime(CLOCK_REALTIME, &ts);
	if (!localtime_r(&ts.tv_sec, &tm) ||
	    !strftime(when, sizeof(when), "%H:%M:%S", &tm))
		return -1;
	cli_printf(o, "%s%s.%03ld ",
		   state == TIME_ERROR || state < 0 ? "*" : "", when,
		   ts.tv_nsec / 1000000);
	strftime(when, sizeof(when), "%Z %a %b", &tm);
	cli_printf(o, "%s %d %d\n", when, tm.tm_mday, tm.tm_year + 1900);
	return 0;
}

/* ---- show users ----------------------------------------------------------------- */

/* IOS's line of a terminal: "con 0", "vty N" (pseudo-terminals), "tty
 * N"; its number: con 0 is 0, vty N is N + 2. */
static bool line_of(const char *tty, char *name, size_t size, unsigned *num)
{
	unsigned n;

	if (!strncmp(tty, "/dev/", 5))
		tty += 5;
	if (sscanf(tty, "pts/%u", &n) == 1) {
		snprintf(name, size, "vty %u", n);
		*num = n + 2;
	} else if (!strcmp(tty, "console") || !strcmp(tty, "tty0")) {
		snprintf(name, size, "con 0");
		*num = 0;
	} else if (sscanf(tty, "tty%u", &n) == 1) {
		snprintf(name, size, "tty %u", n);
		*num = n + 1;
	} else {
		return false;
	}
	return true;
}

static void idle_of(const char *tty, char *buf, size_t size)
{
	char path[64];
	struct stat st;
	time_t now = time(NULL);
	long idle = 0;

	snprintf(path, sizeof(path), "/dev/%s",
		 strncmp(tty, "/dev/", 5) ? tty : tty + 5);
	if (stat(path, &st) == 0 && now > st.st_atime)
		idle = (long)(now - st.st_atime);
	snprintf(buf, size, "%02ld:%02ld:%02ld", idle / 3600 % 100,
		 idle / 60 % 60, idle % 60);
}

static void user_row(struct cli_out *o, bool mine, const char *tty,
		     const char *user, const char *where)
{
	char line[32] = "con 0", idle[16] = "00:00:00";
	unsigned num = 0;

	if (tty && !line_of(tty, line, sizeof(line), &num))
		return;
	if (tty)
		idle_of(tty, idle, sizeof(idle));
	cli_printf(o, "%c%3u %-9s %-10s %-20s %s%s%s\n", mine ? '*' : ' ', num,
		   line, *user ? user : "-", "idle", idle,
		   where && *where ? "   " : "", where ? where : "");
}

/* The address an SSH client came from (SSH_CONNECTION's first word). */
static void ssh_from(char *buf, size_t size)
{
	const char *c = getenv("SSH_CONNECTION");
	size_t n = c ? strcspn(c, " ") : 0;

	if (n >= size)
		n = size - 1;
	memcpy(buf, c ? c : "", n);
	buf[n] = '\0';
}

/* Who is logged in (utmp), this session marked '*'; this session is
 * listed even when utmp does not have it (a container, batch input). */
static int do_show_users(struct cli_session *s, const struct cli_args *a,
			 struct cli_out *o)
{
	const char *me = ttyname(STDIN_FILENO);
	const struct passwd *pw = getpwuid(getuid());
	char from[64];
	bool seen = false;
	struct utmpx *u;

	(void)s;
	(void)a;
	ssh_from(from, sizeof(from));
	cli_printf(o, "    Line       User       Host(s)              Idle"
		      "       Location\n");
	setutxent();
	while ((u = getutxent())) {
		char tty[sizeof(u->ut_line) + 1], user[sizeof(u->ut_user) + 1];
		char host[sizeof(u->ut_host) + 1];
		bool mine;

		if (u->ut_type != USER_PROCESS)
			continue;
		snprintf(tty, sizeof(tty), "%.*s", (int)sizeof(u->ut_line),
			 u->ut_line);
		snprintf(user, sizeof(user), "%.*s", (int)sizeof(u->ut_user),
			 u->ut_user);
		snprintf(host, sizeof(host), "%.*s", (int)sizeof(u->ut_host),
			 u->ut_host);
		host[strcspn(host, " \t")] = '\0';
		mine = me &&
		       !strcmp(me + (strncmp(me, "/dev/", 5) ? 0 : 5), tty);
		seen |= mine;
		user_row(o, mine, tty, user, host);
	}
	endutxent();
	if (!seen)
		user_row(o, true, me, pw ? pw->pw_name : "", from);
	return 0;
}

/* ---- the commands ---------------------------------------------------------------- */

#define H_NO "Negate a command or set its defaults\n"
#define H_SHOW "Show running system information\n"

static const struct cli_cmd system_cmds[] = {
	{ "hostname WORD$name",
	  "Set the router's name (prompt, show version, running-config)\n"
	  "The name: letters, digits, '-', '_', '.'",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_hostname },
	{ "no hostname", H_NO "Use the system's host name again", MODE_CONFIG,
	  PRIV_ADMIN, 0, do_no_hostname },
	{ "banner motd LINE$text",
	  "Define a login banner\nMessage of the day, shown at login\n"
	  "c TEXT c, where c is a delimiting character",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_banner },
	{ "no banner motd",
	  H_NO "Define a login banner\n"
	       "Remove the message of the day",
	  MODE_CONFIG, PRIV_ADMIN, 0, do_no_banner },
	{ "show clock", H_SHOW "The system clock", CLI_EXEC, PRIV_USER,
	  CLI_F_OUTPUT, do_show_clock },
	{ "show users [all]", H_SHOW "Who is logged in\nEvery line", CLI_EXEC,
	  PRIV_USER, CLI_F_OUTPUT, do_show_users },
	{ NULL, NULL, 0, 0, 0, NULL },
};

static const struct cli_config_ops system_config_ops = {
	.stanzas = hostname_config,
};

/* First among the areas: 'hostname' heads the running configuration. */
const struct cli_area system_area = {
	.name = "system",
	.cmds = system_cmds,
	.config = &system_config_ops,
};

static const struct cli_config_ops banner_config_ops = {
	.stanzas = banner_config,
};

/* Right after the host name (IOS writes its banners near the end; the
 * place does not matter to the tools that read them). */
const struct cli_area banner_area = {
	.name = "banner",
	.config = &banner_config_ops,
};

void cmd_system_setup(struct cli_session *s)
{
	hostname_load(s);
}
