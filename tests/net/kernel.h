/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * kernel.h - what the backend's kernel tests share: the check that the
 * process is still in its own namespace after each call, the OK and
 * FAILS wrappers, shell helpers (iproute2 is the witness), and the
 * clean-up of every VRF between tests.
 */
#ifndef VRFSH_TESTS_KERNEL_H
#define VRFSH_TESTS_KERNEL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "net/net.h"

extern struct stat home;   /* our namespace at start */
extern struct net_err err; /* the error of the last call */

/* Fails the test unless the process is in the namespace it started in. */
void check_home(void);

/* Run a backend call expecting success, then check where we are. */
#define OK(call)                                                               \
	do {                                                                   \
		int ret_ = (call);                                             \
		if (ret_ != 0)                                                 \
			fail_msg("%s: %d (%s)", #call, ret_, err.msg);         \
		check_home();                                                  \
	} while (0)

/* Run a backend call expecting -code. */
#define FAILS(call, want)                                                      \
	do {                                                                   \
		int ret_ = (call);                                             \
		if (ret_ != -(want) || err.code != (want))                     \
			fail_msg("%s: %d/%d (%s), wanted %d", #call, ret_,     \
				 err.code, err.msg, -(want));                  \
		if (getenv("TEST_VERBOSE"))                                    \
			fprintf(stderr, "%s -> %s\n", #call, err.msg);         \
		check_home();                                                  \
	} while (0)

/* Output of a shell command (malloc'd); *status (may be NULL) gets its
 * exit status. */
char *sh_out(int *status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Run a shell command, asserting that it succeeds. */
void sh(const char *cmd);
/* Does the output of cmd contain needle? */
bool out_has(const char *needle, const char *cmd);
/* Delete every VRF, checking where we are before and after. */
void delete_vrfs(void);

#endif
