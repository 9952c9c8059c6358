/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * util.c - shared pieces of the command handlers.
 */
#include "cmd/util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	char buf[96];

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

int cmd_fail(struct cli_session *s, const struct net_err *err,
	     const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if ((err->code == EPERM || err->code == EACCES) && err->need)
		cli_error(s, "Error: Permission denied: cannot %s (%s; it needs %s)",
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
		cli_warn(s, "%s/%s is a stale entry (no namespace on it): "
			    "skipped; 'no vrf %s' removes it", NET_NETNS_DIR,
			 stale.v[i], stale.v[i]);
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
		return false;	/* gone since it was listed: not there */
	cmd_fail(s, err, "read VRF %s (it is left out)", vrf_label(vrf));
	return true;
}
