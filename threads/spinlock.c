/* SPDX-License-Identifier: MIT */
/* Spinlocks (threads/spinlock.h).
 *
 * A test-and-test-and-set lock: spin reading until the lock looks free,
 * then try to take it with one atomic exchange, so a waiting CPU spins in
 * its own cache rather than on the bus.  The exchange is a full barrier
 * on x86 and the release a plain store with release order, which is all
 * the memory ordering a lock needs there.  Each CPU records what it holds
 * (a short stack in its struct cpu) for the checks and for spin_depth. */

#include "threads/spinlock.h"

#include <debug.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/mmu.h"
#include "arch/x86_64/percpu.h"

void
spin_init(struct spinlock *l, const char *name, enum lock_rank rank)
{
  l->locked = 0;
  l->holder = NULL;
  l->rank = rank;
  l->name = name;
}

/* See spinlock.h: the contended case, out of line. */
void
spin_wait(struct spinlock *l)
{
  do {
    while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED)) {
      tlb_serve(); /* The holder may be waiting for our TLB flush. */
      asm volatile("pause");
    }
  } while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE));
}

/* See spinlock.h. */
void
spin_bad_order(const struct spinlock *l)
{
  const struct cpu *c = cpu_self();
  if (l->holder == c)
    PANIC("spinlock %s: taken again by the CPU holding it", l->name);
  for (int i = 0; i < c->spin_depth; i++)
    if (c->spin_held[i]->rank >= l->rank)
      PANIC("lock order: spinlock %s (rank %d) taken while holding %s "
            "(rank %d)",
            l->name, l->rank, c->spin_held[i]->name, c->spin_held[i]->rank);
  PANIC("spinlock %s: this CPU holds %d spinlocks already", l->name,
        c->spin_depth);
}

/* See spinlock.h: release L, which is not the innermost spinlock held
   (the scheduler's hand-over may release out of order). */
void
spin_release_out_of_order(struct spinlock *l)
{
  struct cpu *c = cpu_self();
  int top = c->spin_depth - 1, i = top;
  while (i >= 0 && c->spin_held[i] != l)
    i--;
  ASSERT(i >= 0);
  for (; i < top; i++)
    c->spin_held[i] = c->spin_held[i + 1];
  c->spin_depth = top;
  l->holder = NULL;
  __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

void
spin_acquire(struct spinlock *l)
{
  ASSERT(intr_get_level() == INTR_OFF);
  spin_acquire_inline(l);
}

void
spin_release(struct spinlock *l)
{
  ASSERT(intr_get_level() == INTR_OFF);
  spin_release_inline(l);
}

bool
spin_held(const struct spinlock *l)
{
  /* A CPU holding a spinlock has interrupts off, so with them on the
     answer is no; with them off we cannot migrate between the reads. */
  if (read_rflags() & RFLAGS_IF)
    return false;
  return l->holder == cpu_self();
}

int
spin_depth(void)
{
  /* Nonzero only with interrupts off (no migration); zero is the same on
     whichever CPU we read it. */
  return cpu_read(spin_depth);
}
