#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# write memory cannot be turned against the machine (issue 9, defect 5):
# a symbolic link where the temporary file used to go, or in place of the
# startup file, is never followed; the old file's mode and owner are
# kept; temporaries a killed writer left are removed.
[ -n "$VRFSH_SANDBOX" ] ||
	exec "${top_srcdir:-$(dirname "$0")/../..}/tests/sandbox.sh" sh "$0" "$@"
. "${top_srcdir:-$(dirname "$0")/../..}/tests/config/common.sh"

etc="$tmp/etc"
mkdir "$etc"
conf="$etc/vrfsh.conf"
victim="$tmp/victim"
echo "precious" >"$victim"
chmod 644 "$victim"

run -f "$top_srcdir/examples/seed-blue.conf"
expect_ok "lab"

# a link planted where 0.1 wrote its temporary file, and a stale
# temporary of the new kind
ln -s "$victim" "$conf.tmp"
echo stale >"$conf.tmp.AbC123"
run --config "$conf" -c 'write memory'
expect_eq "write memory with a planted link" "$rc $err" "0 "
expect_eq "the link's target is untouched" "$(cat "$victim")" "precious"
expect_eq "the stale temporaries are gone" "$(ls -A "$etc" | tr '\n' ' ')" \
	"vrfsh.conf "
expect_eq "the file is a plain file" "$(stat -c %F "$conf")" "regular file"
"$VRFSH" -c 'show running-config' >"$tmp/running"
expect_eq "it holds the configuration" "$(diff "$tmp/running" "$conf")" ""

# mode and owner are kept
chmod 600 "$conf"
chown 4321:4321 "$conf"
run --config "$conf" -c 'write memory'
expect_eq "second write" "$rc $err" "0 "
expect_eq "mode kept" "$(stat -c %a "$conf")" 600
expect_eq "owner kept" "$(stat -c %u:%g "$conf")" "4321:4321"

# the startup file itself a symbolic link: refused, nothing written
mv "$conf" "$tmp/saved.conf"
ln -s "$victim" "$conf"
run --config "$conf" -c 'write memory'
expect_match "a link in place of the file is refused" "$rc $err" \
	"^1 -c 1: % Error: Cannot replace $conf: "
expect_eq "its target is untouched" "$(cat "$victim")" "precious"
expect_eq "the link is still a link" "$(stat -c %F "$conf")" "symbolic link"
rm "$conf"

# a .bak planted as a link: replaced by the old file, not followed
cp "$tmp/saved.conf" "$conf"
ln -s "$victim" "$conf.bak"
run --config "$conf" -c 'write memory'
expect_eq "write over a planted .bak link" "$rc $err" "0 "
expect_eq "its target is untouched too" "$(cat "$victim")" "precious"
expect_eq ".bak is the previous file" "$(stat -c %F "$conf.bak")" "regular file"

finish
