/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * watch.c - net_watch(): follow what other tools do to links, addresses
 * and routes, and reconcile the static routes of the VRFs concerned.
 *
 * One netlink socket subscribed to the link, address and route groups
 * per VRF that has a static record, opened inside its namespace; inotify
 * on /run/netns (VRFs going: their sockets and cached fds are dropped at
 * once, so that the watch never keeps a deleted namespace alive) and on
 * the record directory (VRFs getting or losing a record).  Events are
 * gathered for settle_ms, then each VRF where something happened is
 * reconciled.  Route events that our own requests caused (their
 * nlmsg_pid is our socket's port id) are ignored.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include "netns.h"
#include "nl.h"
#include "state.h"
#include "static.h"

#define WATCH_GROUPS                                                           \
	(RTMGRP_LINK | RTMGRP_IPV4_IFADDR | RTMGRP_IPV6_IFADDR |               \
	 RTMGRP_IPV4_ROUTE | RTMGRP_IPV6_ROUTE)
#define WATCH_RCVBUF (1 << 20)
#define TICK_MS 1000 /* how often *stop is looked at, at most */

struct wvrf {
	struct wvrf *next;
	char name[NET_VRF_NAME_MAX + 1];
	dev_t dev;
	ino_t ino;
	int fd; /* event socket, -1 none */
	bool dirty;
	bool seen;
};

struct watch {
	const struct net_watch_opts *o;
	struct wvrf *vrfs;
	int ep, ino;
	bool rescan;
	long long deadline; /* ms, 0: none */
	long long next_full;
	char buf[32768] __attribute__((aligned(8)));
};

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The event socket of vrf, made inside its namespace. */
static int open_events(const char *vrf, struct net_err *err)
{
	int fd = nl_events_open(vrf, WATCH_GROUPS, err), size = WATCH_RCVBUF;

	if (fd < 0)
		return fd;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	return fd;
}

static void wvrf_close(struct watch *w, struct wvrf *v)
{
	if (v->fd >= 0) {
		epoll_ctl(w->ep, EPOLL_CTL_DEL, v->fd, NULL);
		close(v->fd);
	}
	v->fd = -1;
	if (!net_vrf_is_default(v->name))
		netns_forget(v->name); /* no fd may keep it alive */
}

static void wvrf_drop(struct watch *w, struct wvrf *v)
{
	struct wvrf **pp;

	for (pp = &w->vrfs; *pp != v; pp = &(*pp)->next)
		;
	*pp = v->next;
	wvrf_close(w, v);
	free(v);
}

/* Where vrf's namespace is now (0/0 for the default VRF). */
static bool ns_where(const char *vrf, dev_t *dev, ino_t *ino)
{
	char path[NETNS_PATH_SIZE];
	struct stat st;

	*dev = 0;
	*ino = 0;
	if (net_vrf_is_default(vrf))
		return true;
	netns_path(vrf, path, sizeof(path));
	if (stat(path, &st) < 0)
		return false;
	*dev = st.st_dev;
	*ino = st.st_ino;
	return true;
}

static void wvrf_open(struct watch *w, struct wvrf *v)
{
	struct epoll_event ev = { .events = EPOLLIN };
	struct net_err err = { 0 };

	v->fd = open_events(v->name, &err);
	if (v->fd < 0) {
		v->fd = -1; /* not a namespace yet: the next rescan */
		return;
	}
	ev.data.ptr = v;
	epoll_ctl(w->ep, EPOLL_CTL_ADD, v->fd, &ev);
}

static struct wvrf *wvrf_find(struct watch *w, const char *name)
{
	for (struct wvrf *v = w->vrfs; v; v = v->next)
		if (!strcmp(v->name, name))
			return v;
	return NULL;
}

/* Follows exactly the VRFs that have a record. */
static void rescan(struct watch *w)
{
	struct net_names names;
	struct net_err err = { 0 };
	struct wvrf *v, *next;

	w->rescan = false;
	if (net_state_list(NET_STATIC_RECORD, &names, &err) < 0)
		names.n = 0;
	for (v = w->vrfs; v; v = v->next)
		v->seen = false;
	for (size_t i = 0; i < names.n; i++) {
		dev_t dev;
		ino_t ino;

		v = wvrf_find(w, names.v[i]);
		if (!v) {
			v = calloc(1, sizeof(*v));
			if (!v)
				break;
			snprintf(v->name, sizeof(v->name), "%s", names.v[i]);
			v->fd = -1;
			v->next = w->vrfs;
			w->vrfs = v;
		}
		v->seen = true;
		if (!ns_where(v->name, &dev, &ino))
			continue;
		if (v->fd >= 0 && (v->dev != dev || v->ino != ino))
			wvrf_close(w, v); /* made again */
		if (v->fd < 0) {
			v->dev = dev;
			v->ino = ino;
			wvrf_open(w, v);
			v->dirty = true;
		}
	}
	net_names_free(&names);
	for (v = w->vrfs; v; v = next) {
		next = v->next;
		if (!v->seen)
			wvrf_drop(w, v);
	}
}

/* Reads every pending event of v's socket. */
static void drain(struct watch *w, struct wvrf *v)
{
	unsigned mine = nl_sock_portid(v->name);

	for (;;) {
		ssize_t n = recv(v->fd, w->buf, sizeof(w->buf), 0);
		const struct nlmsghdr *h = (const void *)w->buf;
		int len;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			if (errno != EAGAIN) /* ENOBUFS: events lost */
				v->dirty = true;
			return;
		}
		len = (int)n;
		for (; mnl_nlmsg_ok(h, len); h = mnl_nlmsg_next(h, &len)) {
			bool route = h->nlmsg_type == RTM_NEWROUTE ||
				     h->nlmsg_type == RTM_DELROUTE;

			if (route && mine && h->nlmsg_pid == mine)
				continue; /* what we did */
			v->dirty = true;
		}
	}
}

/* A VRF's namespace went: let go of it now, whatever else waits. */
static void on_netns_event(struct watch *w, const struct inotify_event *e)
{
	struct wvrf *v;

	if (!e->len)
		return;
	v = wvrf_find(w, e->name);
	if (v && (e->mask & (IN_DELETE | IN_MOVED_FROM)))
		wvrf_close(w, v);
	w->rescan = true;
}

static void drain_inotify(struct watch *w, int netns_wd)
{
	for (;;) {
		ssize_t n = read(w->ino, w->buf, sizeof(w->buf));
		const char *p = w->buf;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		while (p < w->buf + n) {
			const struct inotify_event *e = (const void *)p;

			if (e->wd == netns_wd)
				on_netns_event(w, e);
			else
				w->rescan = true;
			if (e->mask & IN_Q_OVERFLOW)
				w->rescan = true;
			p += sizeof(*e) + e->len;
		}
	}
}

static void reconcile_dirty(struct watch *w)
{
	for (struct wvrf *v = w->vrfs; v; v = v->next) {
		struct net_static_report rep = { 0 };
		struct net_err err = { 0 };
		int ret;

		if (!v->dirty)
			continue;
		v->dirty = false;
		ret = net_static_reconcile(v->name, &rep, &err);
		if (w->o->report && (ret < 0 || rep.added || rep.replaced ||
				     rep.deleted || rep.failed))
			w->o->report(w->o->ctx, v->name, &rep,
				     ret < 0 ? &err : NULL);
	}
}

static int watch_setup(struct watch *w, int *netns_wd, struct net_err *err)
{
	char dir[PATH_MAX];
	int lock;

	w->ep = epoll_create1(EPOLL_CLOEXEC);
	w->ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->ep < 0 || w->ino < 0)
		return net_err_errno(err, errno);
	/* both directories exist from now on */
	if (mkdir(NET_NETNS_DIR, 0755) < 0 && errno != EEXIST)
		return net_err_set(err, errno, "cannot make %s: %s",
				   NET_NETNS_DIR, strerror(errno));
	lock = net_state_lock(NET_STATIC_RECORD, true, err);
	if (lock < 0)
		return lock;
	net_state_unlock(lock);
	*netns_wd = inotify_add_watch(w->ino, NET_NETNS_DIR,
				      IN_CREATE | IN_DELETE | IN_MOVED_FROM |
					      IN_MOVED_TO);
	snprintf(dir, sizeof(dir), "%s/%s", net_state_dir(), NET_STATIC_RECORD);
	if (*netns_wd < 0 ||
	    inotify_add_watch(w->ino, dir,
			      IN_CREATE | IN_DELETE | IN_MOVED_FROM |
				      IN_MOVED_TO | IN_CLOSE_WRITE |
				      IN_DELETE_SELF | IN_MOVE_SELF) < 0)
		return net_err_set(err, errno, "cannot watch %s or %s: %s",
				   NET_NETNS_DIR, dir, strerror(errno));
	epoll_ctl(w->ep, EPOLL_CTL_ADD, w->ino,
		  &(struct epoll_event){ .events = EPOLLIN, .data.ptr = NULL });
	return 0;
}

static int wait_ms(const struct watch *w, long long now)
{
	long long until = w->next_full;

	if (w->deadline && w->deadline < until)
		until = w->deadline;
	if (until - now > TICK_MS)
		return TICK_MS;
	return until > now ? (int)(until - now) : 0;
}

static void watch_free(struct watch *w)
{
	while (w->vrfs)
		wvrf_drop(w, w->vrfs);
	if (w->ep >= 0)
		close(w->ep);
	if (w->ino >= 0)
		close(w->ino);
	free(w);
}

static void on_events(struct watch *w, const struct epoll_event *ev, int n,
		      int netns_wd, long long settle)
{
	for (int i = 0; i < n; i++) {
		if (!ev[i].data.ptr)
			drain_inotify(w, netns_wd);
		else
			drain(w, ev[i].data.ptr);
	}
	if (n > 0 && !w->deadline)
		w->deadline = now_ms() + settle;
}

int net_watch(volatile int *stop, const struct net_watch_opts *o,
	      struct net_err *err)
{
	long long settle = o->settle_ms ? o->settle_ms : 100;
	long long full = (o->full_s ? o->full_s : 60) * 1000LL;
	struct watch *w = calloc(1, sizeof(*w));
	int netns_wd = -1, ret;

	if (!w)
		return net_err_errno(err, ENOMEM);
	w->o = o;
	w->ep = w->ino = -1;
	ret = watch_setup(w, &netns_wd, err);
	if (ret < 0) {
		watch_free(w);
		return ret;
	}
	rescan(w); /* everything once at the start */
	w->deadline = now_ms();
	w->next_full = now_ms() + full;
	while (!*stop) {
		struct epoll_event ev[32];
		long long now = now_ms();
		int n = epoll_wait(w->ep, ev, 32, wait_ms(w, now));

		if (n < 0 && errno != EINTR) {
			ret = net_err_errno(err, errno);
			break;
		}
		on_events(w, ev, n, netns_wd, settle);
		if (w->rescan)
			rescan(w);
		now = now_ms();
		if (now >= w->next_full) {
			rescan(w);
			for (struct wvrf *v = w->vrfs; v; v = v->next)
				v->dirty = true;
			w->next_full = now + full;
			w->deadline = now;
		}
		if (w->deadline && now >= w->deadline) {
			w->deadline = 0;
			reconcile_dirty(w);
		}
	}
	watch_free(w);
	return ret;
}
