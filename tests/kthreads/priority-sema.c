/* SPDX-License-Identifier: MIT */

/* priority-sema: sema_up wakes the highest-priority waiter.

   Waiters with scrambled priorities, all above the test thread, block on
   one semaphore in creation order.  The test thread then raises the
   semaphore once per waiter.  Each woken waiter outranks the test thread,
   so it runs (and prints its priority) before the next sema_up; the lines
   must come out in descending priority; a FIFO semaphore prints creation
   order instead. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define SEMA_WAITERS 8

static void
sema_waiter_run(void *aux)
{
  struct semaphore *sema = aux;

  sema_down(sema);
  ktest_msg("waiter at priority %d woke", thread_get_priority());
}

/* Entry point of priority-sema (see the note at the top). */
void
ktest_priority_sema(void)
{
  static const int priorities[SEMA_WAITERS] = {34, 39, 32, 45, 37, 41, 33, 36};
  static struct semaphore sema;

  sema_init(&sema, 0);
  for (int i = 0; i < SEMA_WAITERS; i++)
    ktest_spawn("sema-waiter", priorities[i], sema_waiter_run, &sema);
  ktest_msg("all %d waiters blocked; raising the semaphore one at a time",
            SEMA_WAITERS);
  for (int i = 0; i < SEMA_WAITERS; i++)
    sema_up(&sema);
  ktest_msg("main: done");
}
