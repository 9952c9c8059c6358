#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Routes, neighbours, ping, traceroute, names and programs in a VRF,
# against the kernel, inside a sandbox of their own.
exec "$top_srcdir/tests/sandbox.sh" "$top_builddir/tests/net/test_route"
