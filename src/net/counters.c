/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * counters.c - the counter baselines of clear counters, kept as the
 * per-boot record "counters" of each VRF.  The record is text:
 *
 *	format 1
 *	link IFINDEX NAME WHEN C0 C1 ... C22
 *
 * one line per link, the counters in the order of enum net_stat, WHEN in
 * seconds of CLOCK_BOOTTIME.  Anything else is refused (EBADMSG).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "net/counters.h"
#include "net/state.h"
#include "nl.h"

#define FORMAT_LINE "format 1\n"

static uint64_t now_boottime(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_BOOTTIME, &ts))
		return 0;
	return (uint64_t)ts.tv_sec;
}

void net_baselines_free(struct net_baselines *b)
{
	free(b->v);
	b->v = NULL;
	b->n = 0;
}

/* A decimal number without sign at *p, moved past it and one blank. */
static bool number(const char **p, uint64_t *out)
{
	const char *s = *p;
	uint64_t v = 0;

	if (*s < '0' || *s > '9' || (*s == '0' && s[1] >= '0' && s[1] <= '9'))
		return false;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (UINT64_MAX - (uint64_t)(*s - '0')) / 10)
			return false;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	if (*s != ' ' && *s != '\n')
		return false;
	*p = *s == ' ' ? s + 1 : s;
	*out = v;
	return true;
}

static bool parse_line(const char *line, struct net_baseline *b)
{
	const char *p = line + strlen("link ");
	size_t n;
	uint64_t v;

	if (strncmp(line, "link ", 5) || !number(&p, &v) || !v || v > INT32_MAX)
		return false;
	b->ifindex = (int)v;
	n = strcspn(p, " \n");
	if (!n || n >= sizeof(b->name) || p[n] != ' ')
		return false;
	memcpy(b->name, p, n);
	b->name[n] = '\0';
	p += n + 1;
	if (!number(&p, &b->when))
		return false;
	for (int i = 0; i < NET_STATS; i++)
		if (!number(&p, &b->stats.v[i]))
			return false;
	return *p == '\n';
}

static int parse(const char *text, size_t len, struct net_baselines *out,
		 struct net_err *err)
{
	const char *p = text, *end = text + len;

	if (strncmp(p, FORMAT_LINE, strlen(FORMAT_LINE)))
		goto bad;
	p += strlen(FORMAT_LINE);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		struct net_baseline *v;

		if (!nl || memchr(p, '\0', (size_t)(nl - p)))
			goto bad;
		v = realloc(out->v, (out->n + 1) * sizeof(*v));
		if (!v) {
			net_baselines_free(out);
			return net_err_errno(err, ENOMEM);
		}
		out->v = v;
		if (!parse_line(p, &v[out->n]))
			goto bad;
		out->n++;
		p = nl + 1;
	}
	return 0;
bad:
	net_baselines_free(out);
	return net_err_set(err, EBADMSG, "Bad counters record");
}

int net_counters_read(const char *vrf, struct net_baselines *out,
		      struct net_err *err)
{
	char *text;
	size_t len;
	int ret;

	out->v = NULL;
	out->n = 0;
	ret = net_state_read(vrf, NET_COUNTERS_RECORD, &text, &len, err);
	if (ret == -ENOENT) {
		if (err)
			memset(err, 0, sizeof(*err));
		return 0;
	}
	if (ret < 0)
		return ret;
	ret = parse(text, len, out, err);
	free(text);
	return ret;
}

static const struct net_baseline *find(const struct net_baselines *b,
				       const struct net_link *l)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->v[i].ifindex == l->ifindex &&
		    !strcmp(b->v[i].name, l->name))
			return &b->v[i];
	return NULL;
}

long net_counters_apply(const struct net_baselines *b, struct net_link *l)
{
	const struct net_baseline *x = find(b, l);
	uint64_t now;

	if (!x)
		return -1;
	for (int i = 0; i < NET_STATS; i++)
		if (l->stats.v[i] < x->stats.v[i])
			return -1;
	for (int i = 0; i < NET_STATS; i++)
		l->stats.v[i] -= x->stats.v[i];
	l->rx_packets = l->stats.v[NET_RX_PACKETS];
	l->tx_packets = l->stats.v[NET_TX_PACKETS];
	l->rx_bytes = l->stats.v[NET_RX_BYTES];
	l->tx_bytes = l->stats.v[NET_TX_BYTES];
	now = now_boottime();
	return now > x->when ? (long)(now - x->when) : 0;
}

/* Appends one line to the text in *buf (of *len bytes, *cap room). */
static int put_line(char **buf, size_t *len, size_t *cap,
		    const struct net_baseline *b)
{
	char line[64 + NET_IFNAMSIZ + NET_STATS * 21];
	int n = snprintf(line, sizeof(line), "link %d %s %" PRIu64, b->ifindex,
			 b->name, b->when);

	for (int i = 0; i < NET_STATS; i++)
		n += snprintf(line + n, sizeof(line) - (size_t)n, " %" PRIu64,
			      b->stats.v[i]);
	n += snprintf(line + n, sizeof(line) - (size_t)n, "\n");
	if (*len + (size_t)n + 1 > *cap) {
		char *p = realloc(*buf, *cap * 2 + (size_t)n + 1);

		if (!p)
			return -ENOMEM;
		*buf = p;
		*cap = *cap * 2 + (size_t)n + 1;
	}
	memcpy(*buf + *len, line, (size_t)n + 1);
	*len += (size_t)n;
	return 0;
}

/* The new record: for each link of links, its new baseline if it is
 * cleared now, else its old one (if it has one). */
static int render(const struct net_links *links, const char *ifname,
		  const struct net_baselines *old, char **text, size_t *len)
{
	size_t cap = 256;
	uint64_t now = now_boottime();
	int ret = 0;

	*len = 0;
	*text = malloc(cap);
	if (!*text)
		return -ENOMEM;
	memcpy(*text, FORMAT_LINE, sizeof(FORMAT_LINE));
	*len = strlen(FORMAT_LINE);
	for (size_t i = 0; ret == 0 && i < links->n; i++) {
		const struct net_link *l = &links->v[i];
		const struct net_baseline *x = find(old, l);
		struct net_baseline b;

		if (!ifname || !strcmp(ifname, l->name)) {
			memset(&b, 0, sizeof(b));
			b.ifindex = l->ifindex;
			snprintf(b.name, sizeof(b.name), "%s", l->name);
			b.when = now;
			b.stats = l->stats;
			x = &b;
		}
		if (x)
			ret = put_line(text, len, &cap, x);
	}
	return ret;
}

static bool has_link(const struct net_links *links, const char *ifname)
{
	for (size_t i = 0; i < links->n; i++)
		if (!strcmp(links->v[i].name, ifname))
			return true;
	return false;
}

int net_counters_clear(const char *vrf, const char *ifname, struct net_err *err)
{
	struct net_baselines old = { 0 };
	struct net_links links = { 0 };
	char *text = NULL;
	size_t len;
	int lock, ret;

	lock = net_state_lock(NET_COUNTERS_RECORD, true, err);
	if (lock < 0)
		return lock;
	ret = net_link_dump(vrf, &links, err);
	if (ret == 0 && ifname && !has_link(&links, ifname))
		ret = net_err_errno(err, ENODEV);
	if (ret == 0)
		ret = net_counters_read(vrf, &old, err);
	if (ret == 0) {
		ret = render(&links, ifname, &old, &text, &len);
		if (ret < 0)
			ret = net_err_errno(err, -ret);
	}
	if (ret == 0)
		ret = net_state_write(vrf, NET_COUNTERS_RECORD, text, len, err);
	free(text);
	net_baselines_free(&old);
	net_links_free(&links);
	net_state_unlock(lock);
	return ret;
}
