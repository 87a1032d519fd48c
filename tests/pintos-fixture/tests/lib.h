/* SPDX-License-Identifier: MIT */
/* Helpers of the fixture's user tests: every line a test prints starts
   with `(TEST_NAME) ', and a failed check prints `FAIL' and exits 1. */
#ifndef FIXTURE_TESTS_LIB_H
#define FIXTURE_TESTS_LIB_H

#include <stdbool.h>

extern const char *test_name;

void msg(const char *format, ...) __attribute__((format(printf, 1, 2)));
void fail(const char *format, ...) __attribute__((format(printf, 1, 2)))
__attribute__((noreturn));

/* Fails with MESSAGE unless OK holds. */
#define CHECK(OK, MESSAGE)                                                     \
  do {                                                                         \
    if (!(OK))                                                                 \
      fail("%s", MESSAGE);                                                     \
  } while (0)

#endif
