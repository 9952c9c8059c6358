#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# sandbox.sh CMD [ARGS...] - run CMD in private network, mount and UTS
# namespaces with an empty /run of its own (/run/netns and /run/vrfsh in
# it), lo up.  Anything CMD does to interfaces, namespaces or the host
# name stays in the sandbox and dies with it.
#
# Exits 77 (automake's SKIP) when not root or when the kernel refuses to
# make the namespaces.  Never changes the host: the tmpfs mounts happen
# inside the new mount namespace, which is private.

if [ $# -eq 0 ]; then
	echo "usage: $0 CMD [ARGS...]" >&2
	exit 2
fi

if [ -z "$VRFSH_IN_SANDBOX" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "sandbox: not root, skipping" >&2
		exit 77
	fi
	if ! unshare --net --mount --uts --propagation private true 2>/dev/null
	then
		echo "sandbox: cannot unshare net+mount+uts, skipping" >&2
		exit 77
	fi
	VRFSH_IN_SANDBOX=1 exec unshare --net --mount --uts --propagation private \
		/bin/sh "$0" "$@"
fi

# Now inside the new namespaces.
unset VRFSH_IN_SANDBOX
set -e
# A /run of its own: the namespaces (/run/netns) and vrfsh's per-boot
# state (/run/vrfsh) made here never reach the host's /run.
mount -t tmpfs -o mode=0755 vrfsh-run /run
mkdir -m 0755 /run/netns /run/vrfsh
ip link set lo up
set +e
# Tests that change the kernel refuse to run without this.
VRFSH_SANDBOX=1 exec "$@"
