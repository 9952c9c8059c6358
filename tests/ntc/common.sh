# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the ntc-templates tests (layouts.sh, lldp.sh) after their
# sandbox: tests/vrf/common.sh, the check for python3-textfsm, and the
# helpers that parse vrfsh's output with a template.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/vrf/common.sh"

py=/usr/bin/python3
if ! "$py" -c 'import textfsm' 2>/dev/null; then
	echo "python3-textfsm is not installed: skipping" >&2
	exit 77
fi

# parse CMD [VRFSH-LINE]: runs the line (default CMD) and parses its
# output with CMD's template (chosen through ./index, as Netmiko does);
# $recs holds the records (JSON), or the check fails
parse() {
	run -c "${2:-$1}"
	printf '%s\n' "$out" >"$tmp/raw"
	if [ "$rc" -ne 0 ] || [ -n "$err" ]; then
		fail "$1: rc=$rc err=[$err]"
		recs='[]'
		return 1
	fi
	if recs=$("$py" "$top_srcdir/tests/ntc/parse.py" "$1" "$tmp/raw" 2>&1)
	then ok; else
		fail "$1: the template refuses the output: $recs
$(cat "$tmp/raw")"
		recs='[]'
		return 1
	fi
}
# field JQ: of the records
field() { printf '%s' "$recs" | jq -c "$1"; }
# dotted MAC: a MAC as IOS writes it (aabb.ccdd.eeff)
dotted() { printf '%s' "$1" | tr -d '":' | sed 's/^\(....\)\(....\)/\1.\2./'; }
