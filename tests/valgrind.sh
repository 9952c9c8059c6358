#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# valgrind.sh PROGRAM ARGS... - runs PROGRAM under valgrind's memcheck
# for make check-valgrind: each process's report goes to its own file in
# $VG_LOGDIR (so that what the tests compare on standard error is the
# program's own), an error or a leak (definite or indirect) makes the
# process exit 97, and the target fails on any report that is not empty.
# Children the program starts (shell, ping, the revert waiter) run without
# valgrind.
: "${VG_LOGDIR:?VG_LOGDIR: where the reports go}"
exec valgrind -q --error-exitcode=97 --leak-check=full \
	--show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect \
	--child-silent-after-fork=yes --trace-children=no \
	--log-file="$VG_LOGDIR/%p.log" "$@"
