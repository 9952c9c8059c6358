/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * counters.c - where libFuzzer's inline 8-bit counters are (the section
 * that clang -fsanitize=fuzzer fills), for a harness that runs the code
 * in a child process and copies the child's counters back.  Built
 * without instrumentation: an instrumented file that names these
 * symbols gets its own copies of them, and libFuzzer loses the counters.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"

extern uint8_t __start___sancov_cntrs[] __attribute__((weak));
extern uint8_t __stop___sancov_cntrs[] __attribute__((weak));

uint8_t *fuzz_counters(size_t *n)
{
	uint8_t *start = __start___sancov_cntrs, *end = __stop___sancov_cntrs;

	*n = start && end > start ? (size_t)(end - start) : 0;
	return *n ? start : NULL;
}
