/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * interactive.c - the console: libedit with '?' answered as it is typed,
 * TAB completion, Ctrl-C to abandon a line, Ctrl-Z to return to EXEC,
 * Ctrl-D to exit, and a history file.
 */
#include "cli/batch.h"
#include "cli/grammar.h"

#include <fcntl.h>
#include <histedit.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* `terminal width 0`: no wrapping, which libedit has no switch for: a
 * line this wide. */
#define NO_WRAP_COLUMNS 8192
/* IOS's escape character, Ctrl-^ (Ctrl-Shift-6), then x. */
#define ESCAPE_CHAR 0x1e

struct console {
	struct cli_session *s;
	EditLine *el;
	char prompt[256];
	char last_tab[1024]; /* line at the previous TAB, to list on a second */
	bool abandon;	     /* Ctrl-C */
	bool end;	     /* Ctrl-Z */
	unsigned width;	     /* the columns the terminal was given */
	bool resized;	     /* by terminal width: saved_ws is its own */
	struct winsize saved_ws;
};

static volatile int interrupted;

/* The escape watch (console_escape): the terminal as it was, and where
 * in Ctrl-^ x the input is. */
static struct {
	bool on;
	struct termios saved;
	int flags; /* stdin's file status flags */
	volatile sig_atomic_t seen_escape;
} esc;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static struct console *console_of(EditLine *el)
{
	void *data = NULL;

	el_get(el, EL_CLIENTDATA, &data);
	return data;
}

static char *prompt_fn(EditLine *el)
{
	return console_of(el)->prompt;
}

/* The text before the cursor, as a new string. */
static char *before_cursor(EditLine *el)
{
	const LineInfo *li = el_line(el);

	return strndup(li->buffer, (size_t)(li->cursor - li->buffer));
}

static unsigned char help_fn(EditLine *el, int ch)
{
	struct console *c = console_of(el);
	char *line = before_cursor(el);

	(void)ch;
	if (!line)
		return CC_ERROR;
	fputs("?\n", stdout);
	cli_help(c->s, line, stdout);
	fflush(stdout);
	free(line);
	return CC_REDISPLAY;
}

static void list_columns(const struct cli_strv *sv, unsigned width)
{
	size_t wide = 1;
	unsigned cols, col = 0;

	for (size_t i = 0; i < sv->n; i++)
		if (strlen(sv->v[i]) + 2 > wide)
			wide = strlen(sv->v[i]) + 2;
	cols = width > wide ? (unsigned)(width / wide) : 1;
	fputc('\n', stdout);
	for (size_t i = 0; i < sv->n; i++) {
		bool last = ++col == cols || i + 1 == sv->n;

		if (last) {
			fprintf(stdout, "%s\n", sv->v[i]);
			col = 0;
		} else {
			fprintf(stdout, "%-*s", (int)wide, sv->v[i]);
		}
	}
}

static size_t common_prefix(const struct cli_strv *sv)
{
	size_t n = strlen(sv->v[0]);

	for (size_t i = 1; i < sv->n; i++) {
		size_t k = 0;

		while (k < n && sv->v[i][k] == sv->v[0][k])
			k++;
		n = k;
	}
	return n;
}

static unsigned char complete_fn(EditLine *el, int ch)
{
	struct console *c = console_of(el);
	struct cli_strv sv = { 0 };
	char *line = before_cursor(el);
	const char *word;
	unsigned char rc = CC_REFRESH;
	size_t have, common;

	(void)ch;
	if (!line)
		return CC_ERROR;
	/* the partial word starts after the last blank (as words split) */
	word = line + strlen(line);
	while (word > line && !cli_is_blank(word[-1]))
		word--;
	have = strlen(word);
	cli_complete(c->s, line, &sv);
	if (sv.n == 1) {
		if (strlen(sv.v[0]) > have)
			el_insertstr(el, sv.v[0] + have);
		el_insertstr(el, " ");
	} else if (sv.n > 1) {
		common = common_prefix(&sv);
		if (common > have) {
			sv.v[0][common] = '\0';
			el_insertstr(el, sv.v[0] + have);
		} else if (!strcmp(c->last_tab, line)) {
			list_columns(&sv, c->s->term_width);
			rc = CC_REDISPLAY;
		}
	}
	snprintf(c->last_tab, sizeof(c->last_tab), "%s", line);
	cli_strv_free(&sv);
	free(line);
	return rc;
}

static unsigned char abandon_fn(EditLine *el, int ch)
{
	struct console *c = console_of(el);

	(void)ch;
	c->abandon = true;
	fputs("^C\n", stdout);
	return CC_NEWLINE;
}

static unsigned char end_fn(EditLine *el, int ch)
{
	struct console *c = console_of(el);

	(void)ch;
	c->end = true;
	fputs("^Z\n", stdout);
	return CC_NEWLINE;
}

static void setup(struct console *c, History *hist)
{
	EditLine *el = c->el;

	el_set(el, EL_CLIENTDATA, c);
	el_set(el, EL_EDITOR, "emacs");
	el_set(el, EL_PROMPT, prompt_fn);
	el_set(el, EL_HIST, history, hist);
	/* Ctrl-C and Ctrl-Z reach us as keys while a line is edited. */
	el_set(el, EL_SETTY, "-d", "-isig", NULL);
	/* the wide form keeps these static names; the narrow one copies
	 * them and never frees the copies */
	el_wset(el, EL_ADDFN, L"vrfsh-help", L"List what may come next",
		help_fn);
	el_wset(el, EL_ADDFN, L"vrfsh-complete", L"Complete the word",
		complete_fn);
	el_wset(el, EL_ADDFN, L"vrfsh-abandon", L"Abandon the line",
		abandon_fn);
	el_wset(el, EL_ADDFN, L"vrfsh-end", L"Back to privileged EXEC", end_fn);
	el_set(el, EL_BIND, "?", "vrfsh-help", NULL);
	el_set(el, EL_BIND, "^I", "vrfsh-complete", NULL);
	el_set(el, EL_BIND, "^C", "vrfsh-abandon", NULL);
	el_set(el, EL_BIND, "^Z", "vrfsh-end", NULL);
}

static unsigned screen_rows(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row)
		return ws.ws_row;
	return 24;
}

/* SIGIO while the escape watch is on: every byte waiting on stdin is
 * read (IOS drops what is typed during a ping), and Ctrl-^ then x sets
 * interrupted, as Ctrl-C does. */
static void on_sigio(int sig)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
	unsigned char ch;

	(void)sig;
	while (poll(&p, 1, 0) == 1 && (p.revents & POLLIN) &&
	       read(STDIN_FILENO, &ch, 1) == 1) {
		if (esc.seen_escape && (ch == 'x' || ch == 'X'))
			interrupted = 1;
		esc.seen_escape = ch == ESCAPE_CHAR;
	}
}

static void console_escape(struct cli_session *s, bool on)
{
	/* SA_RESTART: a key typed while output is written to a slow
	 * terminal must not make that write fail (and its text be lost) */
	struct sigaction sa = { .sa_handler = on ? on_sigio : SIG_IGN,
				.sa_flags = SA_RESTART };
	struct termios raw;

	(void)s;
	if (on == esc.on || (on && tcgetattr(STDIN_FILENO, &esc.saved)))
		return;
	if (on) {
		esc.seen_escape = 0;
		raw = esc.saved;
		/* each key as it is typed, not echoed; Ctrl-C still signals */
		raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO | ECHONL);
		raw.c_lflag |= ISIG;
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGIO, &sa, NULL);
		esc.flags = fcntl(STDIN_FILENO, F_GETFL);
		tcsetattr(STDIN_FILENO, TCSANOW, &raw);
		fcntl(STDIN_FILENO, F_SETOWN, getpid());
		if (esc.flags >= 0)
			fcntl(STDIN_FILENO, F_SETFL, esc.flags | O_ASYNC);
		esc.on = true;
		on_sigio(SIGIO); /* what was typed before */
		return;
	}
	if (esc.flags >= 0)
		fcntl(STDIN_FILENO, F_SETFL, esc.flags);
	tcsetattr(STDIN_FILENO, TCSANOW, &esc.saved);
	sigemptyset(&sa.sa_mask);
	sigaction(SIGIO, &sa, NULL);
	esc.on = false;
}

/* libedit wraps a line at the terminal's width with " \b", which
 * automation reading the echo cannot undo: terminal width N makes the
 * session's terminal N columns wide, 0 too wide to wrap.  libedit asks
 * the terminal for its size before each line (TIOCGWINSZ), so the
 * terminal is where the width is set; it is given back at the end. */
static void apply_width(struct console *c)
{
	unsigned want = c->s->term_width ? c->s->term_width : NO_WRAP_COLUMNS;
	struct winsize ws;

	if (want == c->width || ioctl(STDIN_FILENO, TIOCGWINSZ, &ws))
		return;
	if (!c->resized) {
		c->saved_ws = ws;
		c->resized = true;
	}
	ws.ws_col = (unsigned short)want;
	if (ioctl(STDIN_FILENO, TIOCSWINSZ, &ws) == 0)
		c->width = want;
}

static void restore_width(struct console *c)
{
	if (c->resized)
		ioctl(STDIN_FILENO, TIOCSWINSZ, &c->saved_ws);
}

static unsigned screen_cols(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col)
		return ws.ws_col;
	return 80;
}

/* libedit decodes what is typed in the locale's character set: in the
 * C locale (a bare SSH session, a container) every byte past ASCII is
 * dropped.  Input is UTF-8 (as output is), whatever LANG says. */
static void utf8_input(void)
{
	const char *set;

	if (!setlocale(LC_CTYPE, ""))
		setlocale(LC_CTYPE, "C");
	set = nl_langinfo(CODESET);
	if (!set || (strcmp(set, "UTF-8") && strcmp(set, "utf8")))
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "C.utf8");
}

static void run_line(struct console *c, const char *line)
{
	struct cli_session *s = c->s;

	s->prompt_len = strlen(c->prompt);
	interrupted = 0;
	cli_exec(s, line);
	if (interrupted)
		fputc('\n', s->out);
	fflush(s->out);
}

/* Reads a line at the terminal, echoed or not. */
static int console_line(struct cli_session *s, const char *prompt, char *buf,
			size_t size, bool echo)
{
	struct termios old, mode;
	bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
	size_t n = 0;
	int rc = -1;
	char ch;

	fputs(prompt, s->out);
	fflush(s->out);
	if (tty) {
		mode = old;
		if (echo)
			mode.c_lflag |= ECHO;
		else
			mode.c_lflag &= (tcflag_t) ~(ECHO | ECHONL);
		mode.c_lflag |= ICANON;
		tcsetattr(STDIN_FILENO, TCSANOW, &mode);
	}
	/* byte by byte: nothing after the line is taken from the input */
	while (read(STDIN_FILENO, &ch, 1) == 1) {
		rc = 0;
		if (ch == '\n' || ch == '\r')
			break;
		if (n + 1 < size)
			buf[n++] = ch;
	}
	buf[n] = '\0';
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
	if (!echo)
		fputc('\n', s->out);
	fflush(s->out);
	return rc;
}

int cli_console_secret(struct cli_session *s, const char *prompt, char *buf,
		       size_t size)
{
	return console_line(s, prompt, buf, size, false);
}

static int console_text(struct cli_session *s, const char *prompt, char *buf,
			size_t size)
{
	return console_line(s, prompt, buf, size, true);
}

int cli_interactive(struct cli_session *s, const char *histfile)
{
	struct console c = { .s = s };
	struct sigaction sa = { .sa_handler = on_sigint };
	History *hist = history_init();
	HistEvent ev;
	int count;

	s->interactive = true;
	s->interrupted = &interrupted;
	s->console_secret = cli_console_secret;
	s->console_text = console_text;
	s->console_escape = console_escape;
	if (!s->term_length)
		s->term_length = screen_rows();
	s->term_width = c.width = screen_cols();
	utf8_input();
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	/* a router console does not suspend: Ctrl-Z typed before the line
	 * editor has the terminal must not stop the shell */
	signal(SIGTSTP, SIG_IGN);
	history(hist, &ev, H_SETSIZE, 1000);
	history(hist, &ev, H_SETUNIQUE, 1);
	if (histfile)
		history(hist, &ev, H_LOAD, histfile);
	c.el = el_init("vrfsh", stdin, stdout, stderr);
	setup(&c, hist);
	while (!s->done) {
		const char *got;
		char *line;

		cli_prompt(s, c.prompt, sizeof(c.prompt));
		apply_width(&c);
		c.abandon = c.end = false;
		interrupted = 0;
		got = el_gets(c.el, &count);
		/* Ctrl-C typed ahead, before the editor had the terminal,
		 * arrives as a signal: abandon the line, do not exit */
		if (c.abandon || (!got && interrupted)) {
			if (!c.abandon)
				fputc('\n', stdout);
			continue;
		}
		if (c.end && (!got || count <= 0)) {
			cli_end(s);
			continue;
		}
		if (!got || count <= 0) { /* Ctrl-D on an empty line */
			fputc('\n', stdout);
			run_line(&c, "exit");
			continue;
		}
		/* a line ended by our own keys is not NUL-terminated */
		line = strndup(got, (size_t)count);
		if (!line)
			abort();
		line[strcspn(line, "\n")] = '\0';
		if (line[strspn(line, " \t")]) {
			history(hist, &ev, H_ENTER, line);
			run_line(&c, line);
		}
		if (c.end && !s->done && s->depth > 1)
			cli_end(s);
		free(line);
	}
	if (histfile) {
		mode_t old = umask(077);

		history(hist, &ev, H_SAVE, histfile);
		umask(old);
	}
	el_end(c.el);
	restore_width(&c);
	history_end(hist);
	s->interrupted = NULL;
	return 0;
}
