/* SPDX-License-Identifier: MIT */

/* priority-donate-one: a high-priority thread blocked on a lock lends its
   priority to the holder, which prevents a medium-priority thread from
   starving both (priority inversion).

   The test thread lowers itself to LOW and takes the lock.  A HIGH donor
   blocks on the lock, so the holder must now run at HIGH.  A MEDIUM
   thread created next must not run while the holder has the donation.
   On release the donor must run first, then MEDIUM, and only then the
   test thread, back at LOW. */

#include "threads/synch.h"
#include "tests/kthreads/ktest.h"

#define ONE_LOW (PRI_DEFAULT - 11)
#define ONE_MEDIUM (PRI_DEFAULT - 1)
#define ONE_HIGH (PRI_DEFAULT + 9)

static void
one_donor_run(void *aux)
{
  struct lock *lock = aux;

  lock_acquire(lock);
  ktest_msg("donor: got the lock at priority %d", thread_get_priority());
  lock_release(lock);
  ktest_msg("donor: released it, exiting");
}

static void
one_medium_run(void *aux UNUSED)
{
  ktest_msg("medium: running");
}

/* Entry point of priority-donate-one (see the note at the top). */
void
ktest_priority_donate_one(void)
{
  static struct lock lock;

  lock_init(&lock);
  thread_set_priority(ONE_LOW);
  lock_acquire(&lock);
  ktest_msg("main: holding the lock at priority %d", thread_get_priority());
  ktest_spawn("donor", ONE_HIGH, one_donor_run, &lock);
  ktest_msg("main: donor blocked; main now at priority %d",
            thread_get_priority());
  ktest_spawn("medium", ONE_MEDIUM, one_medium_run, NULL);
  ktest_msg("main: created medium at %d; main still running at %d", ONE_MEDIUM,
            thread_get_priority());
  lock_release(&lock);
  ktest_msg("main: released the lock; back at priority %d",
            thread_get_priority());
}
