/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * err.c - filling struct net_err: the code, the cause, the step of a
 * longer operation that failed and what a refused operation needs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "net.h"
#include "nl.h"

int net_err_set(struct net_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (code < 0)
		code = -code;
	if (!err)
		return -code;
	err->code = code;
	err->need = NULL;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	if (!err->msg[0])
		snprintf(err->msg, sizeof(err->msg), "%s", strerror(code));
	return -code;
}

/* Reports failure even when called with no errno (0): the caller is on
 * its error path, so a success code would be a lie. */
int net_err_errno(struct net_err *err, int code)
{
	if (code == 0)
		code = EIO;
	return net_err_set(err, code, "%s", strerror(code < 0 ? -code : code));
}

int net_err_need(struct net_err *err, const char *need, int ret)
{
	if (err && (err->code == EPERM || err->code == EACCES) && !err->need)
		err->need = need;
	return ret;
}

int net_err_step(struct net_err *err, int code, const char *need,
		 const char *step)
{
	int ret;

	if (code < 0)
		code = -code;
	if (step)
		ret = net_err_set(err, code, "%s: %s", step, strerror(code));
	else
		ret = net_err_errno(err, code);
	return net_err_need(err, need, ret);
}

int net_err_prefix(struct net_err *err, int ret, const char *fmt, ...)
{
	char cause[sizeof(err->msg)], step[sizeof(err->msg)];
	const char *need;
	va_list ap;

	if (!err)
		return ret;
	snprintf(cause, sizeof(cause), "%s", err->msg);
	va_start(ap, fmt);
	vsnprintf(step, sizeof(step), fmt, ap);
	va_end(ap);
	need = err->need;
	net_err_set(err, err->code, "%s: %s", step, cause);
	err->need = need;
	return ret;
}
