#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Access lists, their use on interfaces, NAT and connection tracking,
# against the kernel (with real traffic between namespaces), inside a
# sandbox of their own.  The witnesses: nft, conntrack, jq.
for tool in nft conntrack jq /usr/bin/python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "nft.sh: $tool is missing (Debian: nftables conntrack jq" \
			"python3)" >&2
		exit 1
	fi
done
NFT_TEST_SRCDIR="$top_srcdir/tests/net"
export NFT_TEST_SRCDIR
exec "$top_srcdir/tests/sandbox.sh" "$top_builddir/tests/net/test_nft"
