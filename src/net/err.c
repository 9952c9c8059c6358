/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * err.c - filling struct net_err.
 */
#define _GNU_SOURCE
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

int net_err_errno(struct net_err *err, int code)
{
	return net_err_set(err, code, "%s", strerror(code < 0 ? -code : code));
}
