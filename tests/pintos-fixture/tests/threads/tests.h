/* SPDX-License-Identifier: MIT */
#ifndef FIXTURE_TESTS_THREADS_TESTS_H
#define FIXTURE_TESTS_THREADS_TESTS_H

/* The fixture's in-kernel tests.  The kernel calls run_test(NAME) under
   -threads-tests; every line a test prints is `(NAME) MESSAGE'. */

#include <debug.h>

void run_test(const char *name);

typedef void test_func(void);

void msg(const char *format, ...) PRINTF_FORMAT(1, 2);
/* Prints `(NAME) FAIL: MESSAGE' and panics. */
void fail(const char *format, ...) PRINTF_FORMAT(1, 2) NO_RETURN;
/* Prints `(NAME) PASS'. */
void pass(void);

test_func test_sleep_sort;
test_func test_mlfqs_switch;

#endif
