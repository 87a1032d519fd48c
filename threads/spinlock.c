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

/* Panic if this CPU taking L could deadlock: it holds L already, or a
   spinlock at or above L's rank. */
static void
check_order(const struct cpu *c, const struct spinlock *l)
{
  if (l->holder == c)
    PANIC("spinlock %s: taken again by the CPU holding it", l->name);
#ifdef LOCK_RANKS
  for (int i = 0; i < c->spin_depth; i++)
    if (c->spin_held[i]->rank >= l->rank)
      PANIC("lock order: spinlock %s (rank %d) taken while holding %s "
            "(rank %d)",
            l->name, l->rank, c->spin_held[i]->name, c->spin_held[i]->rank);
#endif
}

void
spin_acquire(struct spinlock *l)
{
  ASSERT(intr_get_level() == INTR_OFF);
  struct cpu *c = cpu_self();
  check_order(c, l);
  if (c->spin_depth >= CPU_SPIN_HELD)
    PANIC("spinlock %s: this CPU holds %d spinlocks already", l->name,
          c->spin_depth);
  for (;;) {
    if (!__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
      break;
    while (__atomic_load_n(&l->locked, __ATOMIC_RELAXED)) {
      tlb_serve(); /* The holder may be waiting for our TLB flush. */
      asm volatile("pause");
    }
  }
  l->holder = c;
  c->spin_held[c->spin_depth++] = l;
}

enum intr_level
spin_lock(struct spinlock *l)
{
  enum intr_level old = intr_disable();
  spin_acquire(l);
  return old;
}

void
spin_release(struct spinlock *l)
{
  ASSERT(intr_get_level() == INTR_OFF);
  struct cpu *c = cpu_self();
  if (l->holder != c)
    PANIC("spinlock %s: released by a CPU that does not hold it", l->name);
  /* Usually the innermost; find it anywhere (hand-over order may differ). */
  int i = c->spin_depth - 1;
  while (i >= 0 && c->spin_held[i] != l)
    i--;
  ASSERT(i >= 0);
  for (; i + 1 < c->spin_depth; i++)
    c->spin_held[i] = c->spin_held[i + 1];
  c->spin_depth--;
  l->holder = NULL;
  __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

void
spin_unlock(struct spinlock *l, enum intr_level old)
{
  spin_release(l);
  intr_set_level(old);
}

bool
spin_held(const struct spinlock *l)
{
  enum intr_level old = intr_disable();
  bool held = l->holder == cpu_self();
  intr_set_level(old);
  return held;
}

int
spin_depth(void)
{
  enum intr_level old = intr_disable();
  int n = cpu_self()->spin_depth;
  intr_set_level(old);
  return n;
}
