#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The per-boot state store and static routes as intent (reconciliation,
# ECMP, recursion, Null0, floating statics, batches, --watch), against
# the kernel, inside a sandbox of their own.
exec "$top_srcdir/tests/sandbox.sh" "$top_builddir/tests/net/test_static"
