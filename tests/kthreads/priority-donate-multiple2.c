/* SPDX-License-Identifier: MIT */

/* priority-donate-multiple2: after giving up one of two donations the
   holder runs at exactly the remaining one, no higher and no lower.

   The test thread (31) holds locks L1 and L2.  Donor A (36) waits on L1,
   donor B (39) on L2.  Two plain threads that take no lock are ready
   too: C at 37 and D at 33.  Releasing L2 lets B run; the holder drops to
   36, so C (37) runs next but D (33) must wait.  Releasing L1 lets A run;
   the holder drops to 31, so D runs before the test thread's last line.
   Holding on to 39, or dropping straight to 31, reorders the lines. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

struct m2_donor {
  const char *name;
  struct lock *lock;
};

static void
m2_donor_run(void *aux)
{
  struct m2_donor *d = aux;

  lock_acquire(d->lock);
  ktest_msg("%s: got its lock", d->name);
  lock_release(d->lock);
  ktest_msg("%s: done", d->name);
}

static void
m2_plain_run(void *aux)
{
  ktest_msg("%s: running", (const char *)aux);
}

/* Entry point of priority-donate-multiple2 (see the note at the top). */
void
ktest_priority_donate_multiple2(void)
{
  static struct lock l1, l2;
  static struct m2_donor a = {"A", &l1}, b = {"B", &l2};

  lock_init(&l1);
  lock_init(&l2);
  lock_acquire(&l1);
  lock_acquire(&l2);
  ktest_spawn("A", 36, m2_donor_run, &a);
  ktest_spawn("B", 39, m2_donor_run, &b);
  ktest_spawn("C", 37, m2_plain_run, "C");
  ktest_spawn("D", 33, m2_plain_run, "D");
  ktest_msg("main: A, B, C, D created; priority %d", thread_get_priority());
  lock_release(&l2);
  ktest_msg("main: released L2; priority %d", thread_get_priority());
  lock_release(&l1);
  ktest_msg("main: released L1; priority %d", thread_get_priority());
}
