/* SPDX-License-Identifier: MIT */
#ifndef TESTS_LIB_H
#define TESTS_LIB_H

/* Helpers shared by every user test program.

   A test defines test_main() instead of main(); the library's main sets
   test_name from argv[0], runs test_main and exits 0 when it returns.
   Every line a test prints through msg() looks like `(NAME) message', and
   the expected-output file lists those lines verbatim, so a test prints
   what it computed and the .out file says what it should have been. */

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <syscall.h>

/* argv[0] of this process: the prefix of every message. */
extern const char *test_name;

/* The test itself, called by the library's main. */
void test_main(int argc, char *argv[]);

/* What main returns once test_main has returned (0 unless the test sets
   it): lets a test end through return from main rather than exit. */
extern int test_exit_status;

/* Prints `(test_name) MESSAGE' as one console write. */
void msg(const char *format, ...) PRINTF_FORMAT(1, 2);

/* Prints `(test_name) FAIL: MESSAGE' and exits with status 1. */
void fail(const char *format, ...) PRINTF_FORMAT(1, 2) NO_RETURN;

/* Prints the message; if COND is false, fails after it. */
#define CHECK(COND, ...)                                                       \
  do {                                                                         \
    msg(__VA_ARGS__);                                                          \
    if (!(COND))                                                               \
      fail("check `%s' failed at %s:%d", #COND, __FILE__, __LINE__);           \
  } while (0)

/* Fails silently unless COND holds: for checks inside loops or children
   that must not print when all is well. */
#define REQUIRE(COND, ...)                                                     \
  do {                                                                         \
    if (!(COND))                                                               \
      fail(__VA_ARGS__);                                                       \
  } while (0)

/* Creates NAME with SIZE zero bytes and opens it; fails the test if either
   step fails.  Returns the fd. */
int create_open(const char *name, unsigned size);

/* Opens NAME or fails the test. */
int open_checked(const char *name);

/* Forks a child named NAME or fails the test. */
pid_t fork_checked(const char *name);
/* Forks a child "toucher" that maps the first page of FD at 0x10000000
   and exits with the byte at OFS there (2 if mmap fails, and killed if
   the page cannot be read); returns its exit status. */
int mapped_byte_in_child(int fd, size_t ofs);

/* Fills BUF with SIZE bytes of the pattern seeded by SEED. */
void pattern_fill(void *buf, size_t size, unsigned seed);

/* Offset of the first byte of BUF that differs from the pattern seeded by
   SEED, or SIZE when all match. */
size_t pattern_check(const void *buf, size_t size, unsigned seed);

/* Writes SIZE bytes of pattern SEED to fd FD; returns the bytes written. */
int pattern_write(int fd, size_t size, unsigned seed);

/* Reads SIZE bytes from fd FD and compares them with pattern SEED; true if
   all SIZE bytes came back and matched. */
bool pattern_read_matches(int fd, size_t size, unsigned seed);

/* The address of a byte the program may read but not write: its own
   code. */
void *code_address(void);

/* A page-aligned user address that is never mapped in test programs. */
#define UNMAPPED_ADDR ((void *)0x10000000)

/* The top of the user stack: the page above it is never mapped. */
#define USER_STACK_TOP ((char *)0x47480000UL)

/* Overwrites the last N bytes below USER_STACK_TOP (argument strings, no
   longer needed: test_name is a copy) with 'x' and returns their address,
   so a string or buffer starting there runs into the unmapped page. */
char *stack_top_bytes(size_t n);

/* The first address that is not user (pintos-abi.md 3). */
#define KERNEL_ADDR ((void *)0x8004000000)

#endif /* TESTS_LIB_H */
