/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * config.c - the configuration, rendered from the kernel (never from a
 * record of our own): show running-config, write terminal, write memory,
 * copy running-config startup-config, show startup-config.
 *
 * The rendering is a command file that rebuilds the same state: it starts
 * with 'configure terminal', creates VRFs before what uses them, bridges
 * before their members, each veth pair once (from the end met first), and
 * ends with 'end'.  Order is fixed: default VRF first, then VRFs by name;
 * interfaces by ifindex; addresses primaries first, in the kernel's
 * order; IPv6 addresses and routes sorted.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "cli/out.h"
#include "cmd/cmds.h"
#include "cmd/util.h"
#include "net/route.h"

static const char *config_path = VRFSH_CONFIG_FILE;

void cmd_set_config_path(const char *path)
{
	config_path = path;
}

/* One VRF as read from the kernel. */
struct vrf_state {
	const char *name;	/* "" for default */
	bool v4, v6;
	struct net_links links;
	struct net_addrs addrs;
	struct net_routes routes;	/* static-like routes, both families */
};

struct state {
	struct vrf_state *v;
	size_t n;
	struct net_names names;
};

/* Static routes: protocol static, or boot as ip route add makes them. */
static bool renderable_route(const struct net_route *r)
{
	return (r->protocol == NET_PROTO_STATIC || r->protocol == NET_PROTO_BOOT) &&
	       r->type == NET_RT_UNICAST && r->nnh > 0;
}

static int route_order(const void *a, const void *b)
{
	const struct net_route *x = a, *y = b;
	int c;

	if (x->family != y->family)
		return x->family == AF_INET ? -1 : 1;
	c = memcmp(&x->dst, &y->dst, x->family == AF_INET ? 4 : 16);
	if (c)
		return c;
	if (x->plen != y->plen)
		return x->plen < y->plen ? -1 : 1;
	if (x->metric != y->metric)
		return x->metric < y->metric ? -1 : 1;
	return memcmp(&x->nh[0], &y->nh[0], sizeof(x->nh[0]));
}

static int read_routes(struct vrf_state *v, struct net_err *err)
{
	static const int families[] = { AF_INET, AF_INET6 };
	size_t n = 0;

	for (int f = 0; f < 2; f++) {
		struct net_routes rs = { 0 };

		if (net_route_dump(v->name, families[f], NET_TABLE_MAIN, &rs, err))
			return -1;
		v->routes.v = realloc(v->routes.v,
				      (n + rs.n + 1) * sizeof(*v->routes.v));
		if (!v->routes.v)
			abort();
		for (size_t i = 0; i < rs.n; i++)
			if (renderable_route(&rs.v[i]))
				v->routes.v[n++] = rs.v[i];
		net_routes_free(&rs);
	}
	v->routes.n = n;
	qsort(v->routes.v, n, sizeof(*v->routes.v), route_order);
	return 0;
}

static int read_vrf(struct vrf_state *v, struct net_err *err)
{
	if (net_forwarding_get(v->name, AF_INET, &v->v4, err) ||
	    net_forwarding_get(v->name, AF_INET6, &v->v6, err) ||
	    net_link_dump(v->name, &v->links, err) ||
	    net_addr_dump(v->name, AF_UNSPEC, &v->addrs, err))
		return -1;
	return read_routes(v, err);
}

static void state_free(struct state *st)
{
	for (size_t i = 0; i < st->n; i++) {
		net_links_free(&st->v[i].links);
		net_addrs_free(&st->v[i].addrs);
		net_routes_free(&st->v[i].routes);
	}
	free(st->v);
	net_names_free(&st->names);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct net_link *)a)->name,
		      ((const struct net_link *)b)->name);
}

static int state_read(struct cli_session *s, struct state *st)
{
	struct net_err err = { 0 };

	memset(st, 0, sizeof(*st));
	if (net_vrf_list(&st->names, &err))
		return cmd_fail(s, &err, "list VRFs");
	st->v = calloc(st->names.n + 1, sizeof(*st->v));
	if (!st->v)
		abort();
	st->v[st->n++].name = "";
	for (size_t i = 0; i < st->names.n; i++)
		st->v[st->n++].name = st->names.v[i];
	for (size_t i = 0; i < st->n; i++) {
		struct net_links *ls = &st->v[i].links;

		if (read_vrf(&st->v[i], &err)) {
			cmd_fail(s, &err, "read VRF %s",
				 vrf_label(st->v[i].name));
			state_free(st);
			return -1;
		}
		qsort(ls->v, ls->n, sizeof(*ls->v), by_name);
	}
	return 0;
}

static struct vrf_state *vrf_of(struct state *st, const char *name)
{
	for (size_t i = 0; i < st->n; i++)
		if (!strcmp(st->v[i].name, name))
			return &st->v[i];
	return NULL;
}

static const struct net_link *link_by_index(const struct vrf_state *v,
					    int ifindex)
{
	for (size_t i = 0; i < v->links.n; i++)
		if (v->links.v[i].ifindex == ifindex)
			return &v->links.v[i];
	return NULL;
}

/* ---- rendering ------------------------------------------------------------- */

static const char *vrf_suffix(const char *vrf, char *buf, size_t size)
{
	if (!*vrf)
		return "";
	snprintf(buf, size, " vrf %s", vrf);
	return buf;
}

static void forwarding(struct cli_out *o, const struct vrf_state *v,
		       const char *indent)
{
	cli_printf(o, "%s%sip routing\n", indent, v->v4 ? "" : "no ");
	cli_printf(o, "%s%sipv6 unicast-routing\n", indent, v->v6 ? "" : "no ");
}

/* The peer of a veth, when it is in a VRF we can name. */
static bool veth_peer(struct state *st, const struct vrf_state *v,
		      const struct net_link *l, const struct vrf_state **pv,
		      const struct net_link **p)
{
	const char *name = v->name;

	if (strcmp(l->kind, "veth") || !l->peer_ifindex)
		return false;
	if (l->peer_netnsid >= 0) {
		name = net_vrf_by_netnsid(v->name, l->peer_netnsid);
		if (!name)
			return false;
		name = net_vrf_is_default(name) ? "" : name;
	}
	*pv = vrf_of(st, name);
	*p = *pv ? link_by_index(*pv, l->peer_ifindex) : NULL;
	return *p != NULL;
}

/* Has the veth pair been rendered from its other end already?  The end
 * met first in rendering order creates the pair. */
static bool rendered_before(const struct state *st, const struct vrf_state *v,
			    const struct net_link *l,
			    const struct vrf_state *pv,
			    const struct net_link *p)
{
	size_t vi = (size_t)(v - st->v), pi = (size_t)(pv - st->v);

	(void)l;
	if (pi != vi)
		return pi < vi;
	return strcmp(p->name, l->name) < 0;
}

static void header_line(struct cli_out *o, struct state *st,
			const struct vrf_state *v, const struct net_link *l)
{
	const struct vrf_state *pv;
	const struct net_link *p;
	char b1[96], b2[96];

	cli_printf(o, "interface %s%s", l->name,
		   vrf_suffix(v->name, b1, sizeof(b1)));
	if (!strcmp(l->kind, "bridge")) {
		cli_printf(o, " type bridge");
	} else if (veth_peer(st, v, l, &pv, &p) &&
		   !rendered_before(st, v, l, pv, p)) {
		cli_printf(o, " type veth peer %s%s", p->name,
			   vrf_suffix(pv->name, b2, sizeof(b2)));
	}
	cli_printf(o, "\n");
}

static int v6_cmp(const struct net_addr *x, const struct net_addr *y)
{
	int c = memcmp(&x->a.v6, &y->a.v6, sizeof(x->a.v6));

	return c ? c : (int)x->plen - (int)y->plen;
}

static bool is_lo_v4(const struct net_addr *x)
{
	return x->family == AF_INET && x->plen == 8 &&
	       ntohl(x->a.v4.s_addr) == 0x7f000001;
}

/* Does lo have 127.0.0.1/8, as it has once it has been up? */
static bool has_lo_v4(const struct vrf_state *v, const struct net_link *l)
{
	for (size_t i = 0; i < v->addrs.n; i++)
		if (v->addrs.v[i].ifindex == l->ifindex &&
		    is_lo_v4(&v->addrs.v[i]))
			return true;
	return false;
}

static void addresses(struct cli_out *o, const struct vrf_state *v,
		      const struct net_link *l)
{
	char a[INET6_ADDRSTRLEN];
	bool first = true;

	/* lo gets 127.0.0.1/8 when a VRF is made (lo up).  When it has it,
	 * the other addresses are added to it, not put in its place; when
	 * it has not (lo never up, or the address removed), say so. */
	if (l->loopback) {
		if (has_lo_v4(v, l))
			first = false;
		else
			cli_printf(o, " no ip address\n");
	}
	/* IPv4: primaries in the kernel's order, then secondaries */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < v->addrs.n; i++) {
			const struct net_addr *x = &v->addrs.v[i];

			if (x->ifindex != l->ifindex || x->family != AF_INET ||
			    x->secondary != (pass == 1))
				continue;
			if (l->loopback && is_lo_v4(x))
				continue;
			inet_ntop(AF_INET, &x->a.v4, a, sizeof(a));
			cli_printf(o, " ip address %s/%u%s\n", a, x->plen,
				   first ? "" : " secondary");
			first = false;
		}
	}
	/* IPv6: sorted, since the kernel lists the newest first */
	const struct net_addr *prev = NULL;

	for (;;) {
		const struct net_addr *next = NULL;

		for (size_t i = 0; i < v->addrs.n; i++) {
			const struct net_addr *x = &v->addrs.v[i];

			if (x->ifindex != l->ifindex || x->family != AF_INET6 ||
			    x->scope == NET_SCOPE_LINK ||
			    (l->loopback && IN6_IS_ADDR_LOOPBACK(&x->a.v6)))
				continue;
			if (prev && v6_cmp(x, prev) <= 0)
				continue;
			if (!next || v6_cmp(x, next) < 0)
				next = x;
		}
		if (!next)
			break;
		inet_ntop(AF_INET6, &next->a.v6, a, sizeof(a));
		cli_printf(o, " ipv6 address %s/%u\n", a, next->plen);
		prev = next;
	}
}

static bool has_addresses(const struct vrf_state *v, const struct net_link *l)
{
	for (size_t i = 0; i < v->addrs.n; i++) {
		const struct net_addr *x = &v->addrs.v[i];

		if (x->ifindex != l->ifindex)
			continue;
		if (x->family == AF_INET && !(x->plen == 8 &&
		    ntohl(x->a.v4.s_addr) == 0x7f000001))
			return true;
		if (x->family == AF_INET6 && x->scope != NET_SCOPE_LINK &&
		    !IN6_IS_ADDR_LOOPBACK(&x->a.v6))
			return true;
	}
	return false;
}

/* lo as a new namespace has it (up, 65536, 127.0.0.1/8 alone, no alias)
 * is not rendered. */
static bool is_default_lo(const struct vrf_state *v, const struct net_link *l)
{
	return l->loopback && l->admin_up && l->mtu == 65536 && !l->alias[0] &&
	       has_lo_v4(v, l) && !has_addresses(v, l);
}

static void interface(struct cli_out *o, struct state *st,
		      const struct vrf_state *v, const struct net_link *l)
{
	const struct net_link *m = l->master ? link_by_index(v, l->master)
					     : NULL;

	header_line(o, st, v, l);
	if (l->alias[0])
		cli_printf(o, " description %s\n", l->alias);
	if (l->mtu != (l->loopback ? 65536u : 1500u))
		cli_printf(o, " mtu %u\n", l->mtu);
	if (m)
		cli_printf(o, " bridge-group %s\n", m->name);
	addresses(o, v, l);
	cli_printf(o, " %sshutdown\n", l->admin_up ? "no " : "");
	cli_printf(o, "!\n");
}

/* Bridges first, so that members can name them; then by name, which
 * unlike ifindex survives a replay. */
static void interfaces(struct cli_out *o, struct state *st,
		       const struct vrf_state *v, const char *only)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < v->links.n; i++) {
			const struct net_link *l = &v->links.v[i];
			bool bridge = !strcmp(l->kind, "bridge");

			if (bridge != (pass == 0))
				continue;
			if (only && strcmp(only, l->name))
				continue;
			if (!only && is_default_lo(v, l))
				continue;
			interface(o, st, v, l);
		}
	}
}

/* A gateway alone names the next hop, unless it is an IPv6 link-local
 * address, which needs its interface. */
static void nexthop(struct cli_out *o, const struct vrf_state *v,
		    const struct net_route *r, const struct net_nexthop *nh)
{
	const struct net_link *dev = nh->ifindex ? link_by_index(v, nh->ifindex)
						 : NULL;
	char gw[INET6_ADDRSTRLEN];
	bool ll = r->family == AF_INET6 && IN6_IS_ADDR_LINKLOCAL(&nh->gw.v6);

	if (dev && (!nh->has_gw || ll))
		cli_printf(o, " %s", dev->name);
	if (nh->has_gw) {
		inet_ntop(r->family, &nh->gw, gw, sizeof(gw));
		cli_printf(o, " %s", gw);
	}
}

static size_t routes(struct cli_out *o, const struct vrf_state *v)
{
	char b[96], dst[INET6_ADDRSTRLEN];
	size_t n = 0;

	for (size_t i = 0; i < v->routes.n; i++) {
		const struct net_route *r = &v->routes.v[i];

		inet_ntop(r->family, &r->dst, dst, sizeof(dst));
		for (int h = 0; h < r->nnh; h++) {
			cli_printf(o, "%s route%s %s/%u",
				   r->family == AF_INET ? "ip" : "ipv6",
				   vrf_suffix(v->name, b, sizeof(b)), dst,
				   r->plen);
			nexthop(o, v, r, &r->nh[h]);
			if (r->metric != CMD_DEFAULT_DISTANCE)
				cli_printf(o, " %u", r->metric);
			cli_printf(o, "%s\n", r->protocol == NET_PROTO_STATIC
						       ? ""
						       : " protocol boot");
			n++;
		}
	}
	return n;
}

static void render(struct cli_out *o, struct state *st, const char *only_vrf,
		   const char *only_if)
{
	bool whole = !only_vrf && !only_if;
	size_t nroutes = 0;

	if (whole)
		cli_printf(o, "! vrfsh %s running configuration\n"
			      "configure terminal\n!\n", PACKAGE_VERSION);
	if (!only_if) {
		for (size_t i = 0; i < st->n; i++) {
			const struct vrf_state *v = &st->v[i];

			if (only_vrf && strcmp(only_vrf, v->name))
				continue;
			if (!*v->name) {
				forwarding(o, v, "");
				cli_printf(o, "!\n");
				continue;
			}
			cli_printf(o, "vrf %s\n", v->name);
			forwarding(o, v, " ");
			cli_printf(o, "exit-vrf\n!\n");
		}
	}
	for (size_t i = 0; i < st->n; i++)
		if (!only_vrf || !strcmp(only_vrf, st->v[i].name))
			interfaces(o, st, &st->v[i], only_if);
	if (!only_if) {
		for (size_t i = 0; i < st->n; i++)
			if (!only_vrf || !strcmp(only_vrf, st->v[i].name))
				nroutes += routes(o, &st->v[i]);
	}
	/* every stanza ends in "!"; the routes need one of their own */
	if (whole)
		cli_printf(o, "%send\n", nroutes ? "!\n" : "");
}

static int do_show_running(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	const char *vrf = cli_arg(a, "vrf"), *ifname = cli_arg(a, "ifname");
	struct state st;
	int rc = 0;

	if (vrf) {
		if (cmd_vrf_exists(s, vrf))
			return -1;
		vrf = net_vrf_is_default(vrf) ? "" : vrf;
	}
	if (state_read(s, &st))
		return -1;
	if (ifname) {
		struct net_link l;
		const char *in = vrf ? vrf : cli_context_vrf(s);

		if (cmd_link(s, in, ifname, &l))
			rc = -1;
		else
			render(o, &st, in, ifname);
	} else {
		render(o, &st, vrf, NULL);
	}
	state_free(&st);
	return rc;
}

/* ---- the startup configuration ------------------------------------------------ */

static int fail_file(struct cli_session *s, const char *what,
		     const char *path)
{
	cli_error(s, "Cannot %s %s: %s", what, path, strerror(errno));
	return -1;
}

/* Makes a rename durable: fsync the directory that holds path. */
static void sync_dir(const char *path)
{
	char dir[4096];
	char *slash;
	int fd;

	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Writes the running configuration to path.tmp, fsyncs it, keeps the
 * old file as path.bak and renames the new one into place. */
static int do_write_memory(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char tmp[4096], bak[4096];
	struct cli_out file;
	struct state st;
	FILE *fp;
	int fd;

	(void)a;
	(void)o;
	snprintf(tmp, sizeof(tmp), "%s.tmp", config_path);
	snprintf(bak, sizeof(bak), "%s.bak", config_path);
	if (state_read(s, &st))
		return -1;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || !(fp = fdopen(fd, "w"))) {
		if (fd >= 0)
			close(fd);
		state_free(&st);
		return fail_file(s, "write", tmp);
	}
	cli_out_init(&file, s, fp);
	render(&file, &st, NULL, NULL);
	cli_out_finish(&file);
	state_free(&st);
	if (ferror(fp) || fflush(fp) || fsync(fileno(fp))) {
		fail_file(s, "write", tmp);
		fclose(fp);
		unlink(tmp);
		return -1;
	}
	if (fclose(fp)) {
		unlink(tmp);
		return fail_file(s, "write", tmp);
	}
	/* the previous file is kept as .bak; the new one replaces it whole */
	if ((unlink(bak) && errno != ENOENT) ||
	    (link(config_path, bak) && errno != ENOENT)) {
		unlink(tmp);
		return fail_file(s, "keep the previous file as", bak);
	}
	if (rename(tmp, config_path)) {
		unlink(tmp);
		return fail_file(s, "replace", config_path);
	}
	sync_dir(config_path);
	cli_notice(s, "Configuration saved to %s", config_path);
	return 0;
}

static int do_show_startup(struct cli_session *s, const struct cli_args *a,
			   struct cli_out *o)
{
	char buf[4096];
	size_t n;
	FILE *fp = fopen(config_path, "r");

	(void)a;
	if (!fp) {
		if (errno == ENOENT) {
			cli_error(s, "No startup configuration (%s)",
				  config_path);
			return -1;
		}
		return fail_file(s, "read", config_path);
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0 && !cli_out_aborted(o))
		cli_write(o, buf, n);
	fclose(fp);
	return 0;
}

#define H_SHOW "Show running system information\n"

const struct cli_cmd config_cmds[] = {
	{ "show running-config [vrf NAME$vrf|interface IFNAME$ifname "
	  "[vrf NAME$vrf]]",
	  H_SHOW "The configuration, read from the kernel\n"
	  "Only one VRF\nVRF name\nOnly one interface\nInterface name\n"
	  "In a VRF\nVRF name",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_running },
	{ "write terminal", "Write the running configuration\n"
	  "To the terminal (as show running-config)",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_running },
	{ "write [memory]", "Write the running configuration\n"
	  "To the startup configuration",
	  CLI_EXEC, PRIV_ADMIN, 0, do_write_memory },
	{ "copy running-config startup-config",
	  "Copy a configuration\nThe running configuration\n"
	  "To the startup configuration",
	  CLI_EXEC, PRIV_ADMIN, 0, do_write_memory },
	{ "show startup-config",
	  H_SHOW "The startup configuration file",
	  CLI_EXEC, PRIV_USER, CLI_F_OUTPUT, do_show_startup },
	{ NULL, NULL, 0, 0, 0, NULL },
};
