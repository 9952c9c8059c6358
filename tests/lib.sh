# SPDX-License-Identifier: GPL-2.0-or-later
# Helpers for the shell tests: run vrfsh, compare, count, report.
# Each test script sources this, calls ok/fail through the check helpers,
# and ends with `finish`, which prints "N passed, N failed" and sets the
# exit status (0 all passed, 1 some failed).

: "${VRFSH:=$(cd "$(dirname "$0")/../.." && pwd)/src/vrfsh}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vrfsh-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A home of the test's own: an interactive vrfsh writes ~/.vrfsh_history
# (and tools such as ansible their state) under HOME, never the host's.
mkdir "$tmp/home"
HOME=$tmp/home
export HOME

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# run ARGS... : runs vrfsh; sets $out, $err, $rc
run() {
	"$VRFSH" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# run_in INPUT ARGS... : like run, with INPUT on standard input
run_in() {
	input=$1
	shift
	printf '%s' "$input" | "$VRFSH" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok; else
		fail "$1: got [$2], want [$3]"
	fi
}

# expect_match NAME GOT EXTENDED-REGEX
expect_match() {
	if printf '%s' "$2" | grep -Eq -- "$3"; then ok; else
		fail "$1: [$2] does not match /$3/"
	fi
}

finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
