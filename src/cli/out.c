/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * out.c - output filters (include, exclude, begin, section, count) and the
 * --More-- pager.  Lines flow through one at a time, so a large table is
 * never held whole.
 */
#include "cli/out.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

void cli_out_init(struct cli_out *o, struct cli_session *s, FILE *fp)
{
	memset(o, 0, sizeof(*o));
	o->s = s;
	o->fp = fp;
	o->keyfd = -1;
}

/*
 * glibc's regcomp builds its automaton eagerly: stacked quantifiers
 * ("a+++...") or nested counted repeats ("(a{99}){99}") cost exponential
 * time and memory, and a back-reference makes matching exponential.  A
 * filter typed at user EXEC must not take the process down, so a pattern
 * is first walked by a small parser that bounds what regcomp would build:
 * its length, its group nesting, no quantifier on a quantifier, no
 * back-reference, and its size with every counted repeat expanded.  What
 * the walk does not understand is left for regcomp to refuse.
 */
#define RE_MAX_LEN 256
#define RE_MAX_DEPTH 8
#define RE_MAX_SIZE 2048

struct re_walk {
	const char *p;
	int depth;
	const char *why;
};

static unsigned long re_alt(struct re_walk *w);

/* The larger bound of {m}, {m,} or {m,n} after w->p (at '{'). */
static unsigned long re_bound(struct re_walk *w)
{
	unsigned long n = 1;

	for (w->p++; *w->p && *w->p != '}'; w->p++) {
		unsigned long v = 0;

		while (isdigit((unsigned char)*w->p)) {
			if (v <= RE_MAX_SIZE)
				v = v * 10 + (unsigned long)(*w->p - '0');
			w->p++;
		}
		if (v > n)
			n = v;
		if (!*w->p || *w->p == '}')
			break;
	}
	if (*w->p)
		w->p++;
	return n;
}

/* One atom: a group, a bracket expression, an escape or a character. */
static unsigned long re_atom(struct re_walk *w)
{
	unsigned long size = 1;

	switch (*w->p) {
	case '(':
		if (++w->depth > RE_MAX_DEPTH) {
			w->why = "groups nested more than 8 deep";
			return 0;
		}
		w->p++;
		size = re_alt(w);
		if (*w->p == ')')
			w->p++;
		w->depth--;
		break;
	case '[':
		w->p++;
		if (*w->p == '^')
			w->p++;
		if (*w->p == ']')
			w->p++;
		while (*w->p && *w->p != ']') {
			if (*w->p == '[' && strchr(":.=", w->p[1]) && w->p[1]) {
				const char *end = strchr(w->p + 2, ']');

				w->p = end ? end : w->p + strlen(w->p) - 1;
			}
			w->p++;
		}
		if (*w->p)
			w->p++;
		break;
	case '\\':
		if (isdigit((unsigned char)w->p[1]))
			w->why = "back-references are not supported";
		w->p += w->p[1] ? 2 : 1;
		break;
	default:
		w->p++;
		break;
	}
	return size;
}

/* Atoms with their quantifiers, up to '|', ')' or the end. */
static unsigned long re_seq(struct re_walk *w)
{
	unsigned long size = 0;

	while (*w->p && *w->p != '|' && *w->p != ')' && !w->why) {
		unsigned long item = re_atom(w), times = 1;

		if (w->why)
			break;
		if (strchr("*+?{", *w->p) && *w->p) {
			times = *w->p == '{' ? re_bound(w) : (w->p++, 2UL);
			if (*w->p && strchr("*+?{", *w->p)) {
				w->why = "a quantifier follows a quantifier";
				break;
			}
		}
		size += item * times;
		if (size > RE_MAX_SIZE) {
			w->why = "it would expand to more than 2048 states";
			break;
		}
	}
	return size;
}

static unsigned long re_alt(struct re_walk *w)
{
	unsigned long size = re_seq(w);

	while (*w->p == '|' && !w->why) {
		w->p++;
		size += re_seq(w);
	}
	return size;
}

static const char *re_too_costly(const char *re)
{
	struct re_walk w = { re, 0, NULL };
	unsigned long size = 0;

	if (strlen(re) > RE_MAX_LEN)
		return "longer than 256 characters";
	while (*w.p && !w.why) {
		size += re_alt(&w);
		if (*w.p == ')') /* unbalanced: regcomp's to refuse */
			w.p++;
	}
	if (!w.why && size > RE_MAX_SIZE)
		w.why = "it would expand to more than 2048 states";
	return w.why;
}

int cli_out_filter(struct cli_out *o, enum cli_filter_kind kind, const char *re,
		   char *err, size_t errlen)
{
	struct cli_filter *f = &o->f[o->nf];
	int rc;

	if (o->nf == CLI_MAX_FILTERS) {
		snprintf(err, errlen, "Too many output filters (at most %d)",
			 CLI_MAX_FILTERS);
		return -1;
	}
	f->kind = kind;
	f->on = false;
	f->has_re = re && *re;
	if (f->has_re) {
		const char *cost = re_too_costly(re);

		if (cost) {
			snprintf(err, errlen,
				 "Invalid regular expression \"%.64s%s\": %s",
				 re, strlen(re) > 64 ? "..." : "", cost);
			return -1;
		}
		rc = regcomp(&f->re, re, REG_EXTENDED | REG_NOSUB);
		if (rc) {
			char why[128];

			regerror(rc, &f->re, why, sizeof(why));
			snprintf(err, errlen,
				 "Invalid regular expression \"%s\": %s", re,
				 why);
			return -1;
		}
	}
	o->nf++;
	return 0;
}

static bool interrupted(const struct cli_out *o)
{
	return o->s && o->s->interrupted && *o->s->interrupted;
}

/* Waits at --More--: space for a page, Enter for a line, else quit. */
static void more(struct cli_out *o)
{
	struct termios old, raw;
	unsigned char key = 'q';
	bool tty = tcgetattr(o->keyfd, &old) == 0;

	fputs(" --More-- ", o->fp);
	fflush(o->fp);
	if (tty) {
		raw = old;
		raw.c_lflag &= (tcflag_t) ~(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(o->keyfd, TCSANOW, &raw);
	}
	if (read(o->keyfd, &key, 1) != 1)
		key = 'q';
	if (tty)
		tcsetattr(o->keyfd, TCSANOW, &old);
	fputs("\r          \r", o->fp);
	if (key == ' ')
		o->rows = 0;
	else if (key == '\r' || key == '\n')
		o->rows = o->page - 2;
	else
		o->aborted = true;
}

static void emit(struct cli_out *o, const char *line, size_t len)
{
	if (o->page && o->rows + 1 >= o->page) {
		more(o);
		if (o->aborted)
			return;
	}
	cli_text_write(o->fp, line, len);
	fputc('\n', o->fp);
	o->rows++;
}

static bool passes(struct cli_out *o, const char *line)
{
	for (int i = 0; i < o->nf; i++) {
		struct cli_filter *f = &o->f[i];
		bool hit = !f->has_re || regexec(&f->re, line, 0, NULL, 0) == 0;

		switch (f->kind) {
		case FILT_INCLUDE:
			if (!hit)
				return false;
			break;
		case FILT_EXCLUDE:
			if (hit)
				return false;
			break;
		case FILT_BEGIN:
			f->on |= hit;
			if (!f->on)
				return false;
			break;
		case FILT_SECTION:
			if (hit)
				f->on = true;
			else if (!(f->on && (*line == ' ' || *line == '\t')))
				f->on = false;
			if (!f->on)
				return false;
			break;
		case FILT_COUNT:
			o->count += hit;
			return false;
		}
	}
	return true;
}

static void flush_line(struct cli_out *o)
{
	o->line[o->len] = '\0';
	if (passes(o, o->line))
		emit(o, o->line, o->len);
	o->len = 0;
}

static void put(struct cli_out *o, const char *s, size_t n)
{
	if (o->aborted || interrupted(o)) {
		o->aborted = true;
		return;
	}
	if (!o->nf && !o->page) {
		/* the hot path of large tables: many small pieces */
		cli_text_write(o->fp, s, n);
		return;
	}
	while (n) {
		const char *nl = memchr(s, '\n', n);
		size_t take = nl ? (size_t)(nl - s) : n;

		if (o->len + take + 1 > o->cap) {
			o->cap = (o->len + take + 1) * 2;
			o->line = realloc(o->line, o->cap);
			if (!o->line)
				abort();
		}
		memcpy(o->line + o->len, s, take);
		o->len += take;
		if (!nl)
			break;
		flush_line(o);
		if (o->aborted)
			return;
		s += take + 1;
		n -= take + 1;
	}
}

void cli_write(struct cli_out *o, const char *s, size_t n)
{
	put(o, s, n);
}

void cli_printf(struct cli_out *o, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		put(o, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);

	if (!big)
		abort();
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	put(o, big, (size_t)n);
	free(big);
}

void cli_out_resume(struct cli_out *o)
{
	if (o->s && o->s->interrupted)
		*o->s->interrupted = 0;
	o->aborted = false;
}

void cli_out_no_pager(struct cli_out *o)
{
	o->page = 0;
}

bool cli_out_aborted(struct cli_out *o)
{
	if (interrupted(o))
		o->aborted = true;
	return o->aborted;
}

void cli_out_finish(struct cli_out *o)
{
	if (o->len && !o->aborted)
		flush_line(o);
	for (int i = 0; i < o->nf; i++) {
		if (o->f[i].kind == FILT_COUNT && !o->aborted)
			fprintf(o->fp,
				"Number of lines which match regexp = %lu\n",
				o->count);
		if (o->f[i].has_re)
			regfree(&o->f[i].re);
	}
	o->nf = 0;
	free(o->line);
	o->line = NULL;
	fflush(o->fp);
}

struct cli_out *cli_out_open(struct cli_session *s, FILE *fp)
{
	struct cli_out *o = malloc(sizeof(*o));

	if (!o)
		abort();
	cli_out_init(o, s, fp);
	return o;
}

void cli_out_close(struct cli_out *o)
{
	cli_out_finish(o);
	free(o);
}

/* The output modifiers after '|', matched by the same engine. */
static const struct cli_cmd filter_cmds[] = {
	{ "include LINE$re",
	  "Include lines that match\nRegular expression (POSIX extended)",
	  CLI_FILTER, PRIV_USER, 0, NULL },
	{ "exclude LINE$re",
	  "Exclude lines that match\nRegular expression (POSIX extended)",
	  CLI_FILTER, PRIV_USER, 0, NULL },
	{ "begin LINE$re",
	  "Begin with the first line that matches\n"
	  "Regular expression (POSIX extended)",
	  CLI_FILTER, PRIV_USER, 0, NULL },
	{ "section LINE$re",
	  "Sections whose header line matches, with their indented lines\n"
	  "Regular expression (POSIX extended)",
	  CLI_FILTER, PRIV_USER, 0, NULL },
	{ "count [LINE$re]",
	  "Count the lines (that match)\nRegular expression (POSIX extended)",
	  CLI_FILTER, PRIV_USER, 0, NULL },
	{ NULL, NULL, 0, 0, 0, NULL },
};

const struct cli_area cli_filter_area = {
	.name = "filters",
	.cmds = filter_cmds,
};
