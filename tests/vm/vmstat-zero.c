/* SPDX-License-Identifier: MIT */

/* The vmstat counters move with the faults a program causes: touching
   N fresh BSS pages adds at least N zero-fill faults, growing the stack
   by N fresh pages at least N stack faults, and loading N fresh mapped
   pages at least N file faults (the fault counters are the calling
   process's own).  Only these facts are printed. */

#include "tests/vm/vm-lib.h"

#define N 100

static volatile char area[N * 4096] __attribute__((aligned(4096)));

/* Touches fresh pages of each kind and compares the counters. */
void
test_main(int argc, char *argv[])
{
  struct vmstat a, b, c, d;
  int fd = create_open("file", N * 4096);
  volatile char *map = (char *)0x10000000;
  int i, sum = 0;

  if (mmap((void *)map, N * 4096, 0, fd, 0) != map)
    fail("mmap failed");
  vmstat(&a);
  for (i = 0; i < N; i++)
    area[i * 4096] = 1;
  vmstat(&b);
  for (i = 1; i <= N; i++)
    push_at((uintptr_t)USER_STACK_TOP - 200 * 1024 - i * PAGE, i);
  vmstat(&c);
  for (i = 0; i < N; i++)
    sum += map[i * 4096];
  vmstat(&d);
  msg("zero-fill faults grew by at least %d: %s", N,
      yes_no(b.faults_zero >= a.faults_zero + N));
  msg("stack faults grew by at least %d: %s", N,
      yes_no(c.faults_stack >= b.faults_stack + N));
  msg("file faults grew by at least %d: %s", N,
      yes_no(d.faults_file >= c.faults_file + N));
  msg("free frames fell while touching: %s",
      yes_no(b.user_frames_free < a.user_frames_free));
  msg("mapped bytes were zero: %s", yes_no(sum == 0));
}
