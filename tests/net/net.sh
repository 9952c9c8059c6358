#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# The backend's kernel tests, inside a sandbox of their own.
exec "$top_srcdir/tests/sandbox.sh" "$top_builddir/tests/net/test_net"
