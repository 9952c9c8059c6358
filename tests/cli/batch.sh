#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Batch input through the real binary: -c, -f, -f -, piped stdin, comments,
# error origins on standard error, exit status 0, 1 and 2, --keep-going.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

run -c 'show version'
expect_eq "-c status" "$rc" 0
expect_match "-c output" "$out" '^vrfsh Software \(VRFSH-[A-Z0-9_]+\), Version [0-9]'
expect_eq "-c no stderr" "$err" ""

run -c 'show version' -c 'show bogus' -c 'show version'
expect_eq "-c failing status" "$rc" 1
expect_eq "-c origin" "$err" "-c 2: % Invalid input detected at '^' marker."
expect_eq "-c stops at first failure" \
	"$(printf '%s\n' "$out" | grep -c '^vrfsh Software')" 1

run --keep-going -c 'show bogus' -c 'show version' -c 'e'
expect_eq "--keep-going status" "$rc" 1
expect_eq "--keep-going errors" "$err" \
"-c 1: % Invalid input detected at '^' marker.
-c 3: % Ambiguous command:  \"e\""
expect_match "--keep-going ran the rest" "$out" '^vrfsh Software '

run -c 'configure terminal' -c 'show version'
expect_eq "exec command in config mode" "$err" \
	"-c 2: % Invalid input detected at '^' marker."
run -c 'configure terminal' -c 'do show version | include ^vrfsh'
expect_eq "do from config" "$rc" 0
expect_match "do output" "$out" '^vrfsh Software '
run -c 'show' 
expect_eq "incomplete" "$err" "-c 1: % Incomplete command."

cat >"$tmp/lab.conf" <<'CONF'
! a comment
   # another comment

   show version | count
configure terminal
  show version
end
CONF
run -f "$tmp/lab.conf"
expect_eq "-f status" "$rc" 1
expect_eq "-f origin" "$err" \
	"$tmp/lab.conf:6: % Invalid input detected at '^' marker."
expect_eq "-f output" "$out" \
	"Number of lines which match regexp = $("$VRFSH" -c 'show version' | wc -l)"

run_in "show version | include ^vrfsh
showw version
show history
" -f -
expect_eq "-f - status" "$rc" 1
expect_eq "-f - origin is -" "$err" \
	"-:2: % Invalid input detected at '^' marker."
expect_eq "-f - stops" "$(printf '%s\n' "$out" | wc -l)" 1

run_in "showw version
show history
" --keep-going
expect_eq "piped stdin keep going" "$rc" 1
expect_eq "piped stdin origin" "$err" \
	"-:1: % Invalid input detected at '^' marker."
expect_eq "history in batch" "$out" "  showw version
  show history"

run_in "exit
show bogus
"
expect_eq "exit ends batch input" "$rc" 0

run_in "" 
expect_eq "empty input" "$rc$out$err" 0

# usage errors: exit 2 with a message
run --bogus
expect_eq "bad option status" "$rc" 2
expect_match "bad option message" "$err" "unrecognized option|--help"
run -f "$tmp/missing.conf"
expect_eq "missing file status" "$rc" 2
expect_eq "missing file message" "$err" \
	"vrfsh: cannot open $tmp/missing.conf: No such file or directory"
run -f "$tmp"
expect_eq "directory status" "$rc" 2
run -c 'show version' -f "$tmp/lab.conf"
expect_eq "-c with -f" "$rc" 2
run extra
expect_eq "stray argument" "$rc" 2
run -c
expect_eq "-c without argument" "$rc" 2

run --help
expect_eq "--help status" "$rc" 0
expect_match "--help usage" "$out" '^Usage: vrfsh'
run -V
expect_match "--version" "$out" '^vrfsh [0-9]+\.[0-9]+'

# an option repeated many times keeps every argument: the VRF is still
# the one checked (it was dropped past the 24th argument)
run -c "ping vrf Nope 127.0.0.1$(printf ' repeat 1%.0s' $(seq 12))"
expect_match "repeated options keep the VRF" "$rc:$err" \
	'^1:-c 1: % VRF Nope (not found|not found)$'
run -c "ping vrf Nope 127.0.0.1$(printf ' repeat 1 size 100%.0s' $(seq 40))"
expect_match "80 repeated options" "$rc:$err" \
	'^1:-c 1: % VRF Nope (not found|not found)$'

# batch prints no prompt or banner
run_in "show terminal
" 
expect_eq "no prompt" "$out" "Length: 0 lines, Width: 80 columns"

finish
