#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# run.sh OUT HARNESS... - runs each libFuzzer harness built in OUT (by
# 'make fuzz-build') for FUZZ_TIME seconds (default 60), one after the
# other, one process each.  The seed corpus (tests/fuzz/corpus/NAME) is
# read, never written: what a run finds goes to OUT/corpus/NAME, kept
# for the next run; crashes to OUT/artifacts/.  Prints one line of
# numbers per harness; exits 1 when a harness found a crash, a leak or
# a time-out.  The kernel harness makes a sandbox per input and needs
# root; without root it is skipped with a notice.
# FUZZ_ARGS adds libFuzzer options (for example -jobs=1 -workers=1).
set -u
out=$1
shift
src=$(cd "$(dirname "$0")" && pwd)
time=${FUZZ_TIME:-60}
status=0

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

for h in "$@"; do
	case $h in
	engine) opts="-max_len=4096 -timeout=10" ;;
	parse) opts="-max_len=1024 -timeout=10" ;;
	kernel)
		opts="-max_len=2048 -timeout=60"
		if [ "$(id -u)" -ne 0 ]; then
			echo "fuzz: $h: skipped (its sandbox needs root)"
			continue
		fi
		;;
	*) opts= ;;
	esac
	[ -f "$src/$h.dict" ] && opts="$opts -dict=$src/$h.dict"
	[ -f "$src/vrfsh.dict" ] && [ "$h" != parse ] &&
		opts="$opts -dict=$src/vrfsh.dict"
	mkdir -p "$out/corpus/$h" "$out/artifacts" "$out/logs"
	log=$out/logs/$h.log
	# shellcheck disable=SC2086
	"$out/fuzz_$h" -max_total_time="$time" -print_final_stats=1 \
		-artifact_prefix="$out/artifacts/$h-" $opts ${FUZZ_ARGS:-} \
		"$out/corpus/$h" "$src/corpus/$h" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
		tail -n 1)
	done_line=$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED).*cov:' \
		"$log" | tail -n 1)
	cov=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(ls "$out/corpus/$h" | wc -l)
	echo "fuzz: $h: ${execs:-?} executions in ${time} s, cov ${cov:-?}," \
		"ft ${ft:-?}, corpus $corp, exit $rc (log $log)"
	if [ "$rc" -ne 0 ]; then
		grep -E 'ERROR|SUMMARY|invariant|fuzz_kernel:|Test unit' \
			"$log" | head -n 20
		status=1
	fi
done
exit $status
