/* SPDX-License-Identifier: MIT */
#ifndef FIXTURE_TESTS_MAIN_H
#define FIXTURE_TESTS_MAIN_H

/* Each test that links tests/main.c defines this; main frames it with
   `begin' and `end' lines. */
void test_main(void);

#endif
