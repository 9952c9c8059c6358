/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * err.c - filling struct net_err.
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
