/* SPDX-License-Identifier: MIT */

/* stack-overflow: a kernel thread that recurses without bound must run
   into the unmapped guard page below its stack and panic the kernel
   (naming the thread), instead of silently overwriting whatever lies
   below the stack.

   Each frame of ktest_overflow_dive holds a volatile buffer, so a few
   dozen frames exceed the stack.  The recursion is bounded far beyond the
   stack size: if it ever ends, or the test thread gets control back, the
   kernel missed the overflow and the test says so. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define DIVE_PAD 256
#define DIVE_LIMIT 100000 /* About 25 MiB of stack: never reached. */

int ktest_overflow_dive(int depth);

/* Recurses DIVE_LIMIT - DEPTH levels deep; returns a checksum of the
   frames (the addition keeps the call from becoming a jump). */
__attribute__((noipa)) int
ktest_overflow_dive(int depth)
{
  volatile char pad[DIVE_PAD];

  pad[0] = (char)depth;
  pad[DIVE_PAD - 1] = (char)(depth >> 8);
  if (depth >= DIVE_LIMIT)
    return pad[0];
  return ktest_overflow_dive(depth + 1) + pad[DIVE_PAD - 1];
}

static void
overflow_thread_run(void *aux)
{
  struct semaphore *done = aux;

  ktest_overflow_dive(0);
  ktest_msg("recursed %d levels without hitting the guard page", DIVE_LIMIT);
  sema_up(done);
}

/* Entry point of stack-overflow (see the note at the top). */
void
ktest_stack_overflow(void)
{
  static struct semaphore done;

  sema_init(&done, 0);
  ktest_msg("starting a thread that overflows its stack");
  ktest_spawn("diver", PRI_DEFAULT + 1, overflow_thread_run, &done);
  /* With one CPU the diver preempts us at once; with more it may run
     beside us.  Either way we only get past this wait if the dive ends. */
  sema_down(&done);
  ktest_msg("the kernel survived the overflow");
}
