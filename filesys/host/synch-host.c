/* SPDX-License-Identifier: MIT */
/* threads/synch.h for single-threaded host programs.

   The host tool and tests run the file system on one thread, so a lock
   only records that it is held; anything that would block forever (a
   second acquire, waiting on a zero semaphore or a condition) is a bug
   and panics instead of hanging. */

#include "threads/synch.h"
#include <debug.h>
#include <stddef.h>

/* Stands in for the current thread in `holder'. */
static char host_thread;
#define HOST_THREAD ((struct thread *)&host_thread)

/* Sets semaphore S to VALUE. */
void
sema_init(struct semaphore *s, unsigned value)
{
  s->value = value;
}

/* Decrements S; panics where a kernel thread would block forever. */
void
sema_down(struct semaphore *s)
{
  if (s->value == 0)
    PANIC("sema_down would block a single-threaded host");
  s->value--;
}

/* Decrements S if it is positive. */
bool
sema_try_down(struct semaphore *s)
{
  if (s->value == 0)
    return false;
  s->value--;
  return true;
}

/* Increments S. */
void
sema_up(struct semaphore *s)
{
  s->value++;
}

/* Makes L a free lock. */
void
lock_init(struct lock *l)
{
  l->holder = NULL;
  sema_init(&l->semaphore, 1);
}

/* Ranks are checked only in the kernel. */
void
lock_init_ranked(struct lock *l, enum lock_rank rank)
{
  (void)rank;
  lock_init(l);
}

/* Takes L; panics if it is held (a self-deadlock on one thread). */
void
lock_acquire(struct lock *l)
{
  if (l->holder != NULL)
    PANIC("lock_acquire of a held lock");
  sema_down(&l->semaphore);
  l->holder = HOST_THREAD;
}

/* Takes L if it is free. */
bool
lock_try_acquire(struct lock *l)
{
  if (l->holder != NULL)
    return false;
  lock_acquire(l);
  return true;
}

/* Releases L, which must be held. */
void
lock_release(struct lock *l)
{
  ASSERT(l->holder == HOST_THREAD);
  l->holder = NULL;
  sema_up(&l->semaphore);
}

/* True if L is held (by the only thread there is). */
bool
lock_held_by_current_thread(const struct lock *l)
{
  return l->holder == HOST_THREAD;
}

/* Makes C a condition with no waiters. */
void
cond_init(struct condition *c)
{
}

/* Would wait forever on one thread: panics. */
void
cond_wait(struct condition *c, struct lock *l)
{
  PANIC("cond_wait would block a single-threaded host");
}

/* No waiters can exist on one thread. */
void
cond_signal(struct condition *c, struct lock *l)
{
}

/* No waiters can exist on one thread. */
void
cond_broadcast(struct condition *c, struct lock *l)
{
}
