/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * util.c - shared pieces of the command handlers.
 */
#include "cmd/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "cmd/iosname.h"

const char *vrf_label(const char *vrf)
{
	return net_vrf_is_default(vrf) || !*vrf ? "default" : vrf;
}

const char *cmd_vrf(struct cli_session *s, const struct cli_args *a)
{
	const char *vrf = cli_arg(a, "vrf");

	if (!vrf)
		return cli_context_vrf(s);
	return net_vrf_is_default(vrf) ? "" : vrf;
}

const char *in_vrf(const char *vrf, char *buf, size_t size)
{
	if (net_vrf_is_default(vrf) || !*vrf)
		return "";
	snprintf(buf, size, " in VRF %s", vrf);
	return buf;
}

int cmd_vrf_exists(struct cli_session *s, const char *vrf)
{
	if (net_vrf_is_default(vrf) || !*vrf || net_vrf_exists(vrf))
		return 0;
	cli_error(s, "VRF %s not found", vrf);
	return -1;
}

int cmd_link(struct cli_session *s, const char *vrf, const char *ifname,
	     struct net_link *out)
{
	struct net_err err = { 0 };
	char buf[96], qv[NET_VRF_NAME_MAX + 1], qn[NET_IFNAMSIZ + 64];

	/* VRF/NAME names the VRF itself */
	if (cmd_if_split(ifname, qv, sizeof(qv), qn, sizeof(qn))) {
		if (strcmp(vrf_label(qv), vrf_label(vrf))) {
			cli_error(s, "Interface %s not found%s", ifname,
				  in_vrf(vrf, buf, sizeof(buf)));
			return -1;
		}
		ifname = qn;
	}
	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_link_get(vrf, ifname, out, &err) == 0)
		return 0;
	if (err.code == ENODEV || err.code == ENOENT) {
		cli_error(s, "Interface %s not found%s", ifname,
			  in_vrf(vrf, buf, sizeof(buf)));
		return -1;
	}
	return cmd_fail(s, &err, "read interface %s%s", ifname,
			in_vrf(vrf, buf, sizeof(buf)));
}

int cmd_fail(struct cli_session *s, const struct net_err *err, const char *fmt,
	     ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if ((err->code == EPERM || err->code == EACCES) && err->need)
		cli_error(
			s,
			"Error: Permission denied: cannot %s (%s; it needs %s)",
			what, err->msg, err->need);
	else if (err->code == EPERM || err->code == EACCES)
		cli_error(s, "Error: Permission denied: cannot %s (%s)", what,
			  err->msg);
	else
		cli_error(s, "Error: Cannot %s: %s", what, err->msg);
	return -1;
}

int cmd_vrf_list(struct cli_session *s, struct net_names *out)
{
	struct net_names stale = { 0 };
	struct net_err err = { 0 };

	if (net_vrf_scan(out, &stale, &err))
		return cmd_fail(s, &err, "list VRFs");
	for (size_t i = 0; i < stale.n; i++)
		cli_warn(s,
			 "%s/%s is a stale entry (no namespace on it): "
			 "skipped; 'no vrf %s' removes it",
			 NET_NETNS_DIR, stale.v[i], stale.v[i]);
	net_names_free(&stale);
	return 0;
}

int cmd_vrf_set(struct cli_session *s, const struct cli_args *a,
		struct net_names *out)
{
	const char *vrf = cmd_vrf(s, a);

	memset(out, 0, sizeof(*out));
	if (!cli_has(a, "all")) {
		if (cmd_vrf_exists(s, vrf))
			return -1;
		out->v = calloc(1, sizeof(*out->v));
		if (!out->v || !(out->v[0] = strdup(vrf)))
			abort();
		out->n = 1;
		return 0;
	}
	if (cmd_vrf_list(s, out))
		return -1;
	out->v = realloc(out->v, (out->n + 1) * sizeof(*out->v));
	if (!out->v)
		abort();
	memmove(out->v + 1, out->v, out->n * sizeof(*out->v));
	out->v[0] = strdup("");
	if (!out->v[0])
		abort();
	out->n++;
	return 0;
}

bool cmd_vrf_unreadable(struct cli_session *s, const char *vrf,
			const struct net_err *err)
{
	if (err->code == ENOENT)
		return false; /* gone since it was listed: not there */
	cmd_fail(s, err, "read VRF %s (it is left out)", vrf_label(vrf));
	return true;
}

/* ---- interfaces named across VRFs ----------------------------------------- */

bool cmd_if_split(const char *ref, char *vrf, size_t vsize, char *name,
		  size_t nsize)
{
	const char *slash = strchr(ref, '/');

	if (!slash)
		return false;
	snprintf(vrf, vsize, "%.*s", (int)(slash - ref), ref);
	if (net_vrf_is_default(vrf))
		vrf[0] = '\0';
	snprintf(name, nsize, "%s", slash + 1);
	return true;
}

/*
 * Which VRFs have an interface of a name, for 'interface NAME' typed in
 * global configuration: every VRF's links, read once and kept until vrfsh
 * changes a link (cmd_if_changed) or an interactive command starts.
 */
struct if_home {
	char name[NET_IFNAMSIZ];
	char *vrf;
};

static struct {
	bool built;
	struct if_home *v;
	size_t n;
	struct net_names vrfs;
} homes;

void cmd_if_changed(void)
{
	free(homes.v);
	net_names_free(&homes.vrfs);
	memset(&homes, 0, sizeof(homes));
}

static void homes_build(struct cli_session *s)
{
	if (homes.built)
		return;
	homes.built = true;
	if (cmd_vrf_list(s, &homes.vrfs))
		return;
	for (size_t i = 0; i < homes.vrfs.n; i++) {
		struct net_links links = { 0 };
		struct net_err err = { 0 };

		if (net_link_dump(homes.vrfs.v[i], &links, &err))
			continue; /* one we cannot read has none for us */
		homes.v = realloc(homes.v,
				  (homes.n + links.n + 1) * sizeof(*homes.v));
		if (!homes.v)
			abort();
		for (size_t k = 0; k < links.n; k++) {
			struct if_home *h = &homes.v[homes.n++];

			snprintf(h->name, sizeof(h->name), "%s",
				 links.v[k].name);
			h->vrf = homes.vrfs.v[i];
		}
		net_links_free(&links);
	}
}

/* n == 1: the one name in default (or VRF vrf) whose IOS name ref is */
static size_t alias_hits(const char *ref, const char *name, size_t n,
			 const char **hit)
{
	char ios[CMD_IOS_NAME_MAX];

	if (cmd_ios_name(name, ios, sizeof(ios)) && !strcasecmp(ios, ref)) {
		*hit = name;
		n++;
	}
	return n;
}

/*
 * ref is no interface's name: it may be the IOS name that Ansible's
 * cisco.ios made of one (cmd/iosname.h).  The one interface of default
 * with that IOS name, else the one of all other VRFs; 1 when there is
 * none or more than one (vrf and name are left as they were).
 */
static int if_alias(struct cli_session *s, const char *ref, char *vrf,
		    size_t vsize, char *name, size_t nsize, struct net_link *l)
{
	struct net_links links = { 0 };
	struct net_err err = { 0 };
	const char *hit = NULL, *in = "";
	char buf[96];
	size_t n = 0;

	if (net_link_dump("", &links, &err) == 0)
		for (size_t i = 0; i < links.n; i++)
			n = alias_hits(ref, links.v[i].name, n, &hit);
	if (n == 1)
		snprintf(name, nsize, "%s", hit);
	net_links_free(&links);
	if (n == 0) {
		homes_build(s);
		for (size_t i = 0; i < homes.n; i++) {
			size_t m = alias_hits(ref, homes.v[i].name, n, &hit);

			if (m > n)
				in = homes.v[i].vrf;
			n = m;
		}
		if (n == 1)
			snprintf(name, nsize, "%s", hit);
	}
	if (n != 1)
		return 1;
	snprintf(vrf, vsize, "%s", in);
	if (net_link_get(vrf, name, l, &err))
		return cmd_fail(s, &err, "read interface %s%s", name,
				in_vrf(vrf, buf, sizeof(buf)));
	return 0;
}

int cmd_if_resolve(struct cli_session *s, const char *ref, const char *vrf_arg,
		   bool search, char *vrf, size_t vsize, char *name,
		   size_t nsize, struct net_link *l)
{
	struct net_err err = { 0 };
	const char *found = NULL;
	char buf[96];
	int many = 0;

	if (cmd_if_split(ref, vrf, vsize, name, nsize)) {
		if (vrf_arg && strcmp(vrf_label(vrf), vrf_label(vrf_arg))) {
			cli_error(s,
				  "Error: Interface %s is named in VRF %s "
				  "and in VRF %s",
				  ref, vrf_label(vrf), vrf_label(vrf_arg));
			return -1;
		}
	} else {
		snprintf(vrf, vsize, "%s",
			 vrf_arg ?
				 (net_vrf_is_default(vrf_arg) ? "" : vrf_arg) :
				 cli_context_vrf(s));
		snprintf(name, nsize, "%s", ref);
	}
	if (cmd_vrf_exists(s, vrf))
		return -1;
	if (net_link_get(vrf, name, l, &err) == 0)
		return 0;
	if (err.code != ENODEV && err.code != ENOENT)
		return cmd_fail(s, &err, "read interface %s%s", name,
				in_vrf(vrf, buf, sizeof(buf)));
	/* a name alone in global configuration: whichever VRF has it */
	if (!search || vrf_arg || strchr(ref, '/') || *vrf)
		return 1;
	if (s->interactive)
		cmd_if_changed();
	homes_build(s);
	for (size_t i = 0; i < homes.n; i++) {
		if (strcmp(homes.v[i].name, name))
			continue;
		if (!found)
			found = homes.v[i].vrf;
		many++;
	}
	if (many > 1) {
		cli_error(s,
			  "Error: Interface %s is in %d VRFs: name it "
			  "VRF/%s",
			  name, many, name);
		return -1;
	}
	if (!found)
		return if_alias(s, ref, vrf, vsize, name, nsize, l);
	snprintf(vrf, vsize, "%s", found);
	if (net_link_get(vrf, name, l, &err))
		return cmd_fail(s, &err, "read interface %s%s", name,
				in_vrf(vrf, buf, sizeof(buf)));
	return 0;
}
