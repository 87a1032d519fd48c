/* SPDX-License-Identifier: MIT */
#ifndef THREADS_SPINLOCK_H
#define THREADS_SPINLOCK_H

/* Spinlocks: mutual exclusion between CPUs for short, non-sleeping
   critical sections (the scheduler, the kernel log, counters shared with
   interrupt handlers).

   spin_lock turns interrupts off on the calling CPU before it spins and
   returns the previous level, which spin_unlock restores: an interrupt
   handler on the same CPU that wants the lock could otherwise spin
   forever on a lock its own CPU holds.  A spinlock holder must not sleep
   (lock_acquire and sema_down check this), and spinlocks nest only in
   rank order (threads/synch.h: every spinlock rank is above every
   sleeping lock's).  With LOCK_RANKS (the default build) each CPU keeps
   the spinlocks it holds, so spin_lock panics on a lock this CPU already
   holds or on one that breaks the order, and spin_unlock on a lock this
   CPU does not hold.

       enum intr_level old = spin_lock (&l);
       ... at most a few hundred instructions, no sleeping ...
       spin_unlock (&l, old);

   On one CPU a spinlock is never contended: it is exactly "interrupts
   off", the Pintos idiom it replaces. */

#include <debug.h>
#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/percpu.h"
#include "threads/interrupt.h"
#include "threads/synch.h"

struct cpu;

struct spinlock {
  int locked;          /* 0 free, 1 held; changed atomically. */
  struct cpu *holder;  /* CPU holding it (for checks and gdb), or NULL. */
  enum lock_rank rank; /* Place in the lock order (LOCK_RANK_SPIN_*). */
  const char *name;    /* For panics. */
};

/* Static initialiser: struct spinlock l = SPINLOCK_INIT ("l", rank). */
#define SPINLOCK_INIT(NAME, RANK)                                              \
  {                                                                            \
    0, NULL, RANK, NAME                                                        \
  }

void spin_init(struct spinlock *, const char *name, enum lock_rank rank);
static inline enum intr_level spin_lock(struct spinlock *l);
static inline void spin_unlock(struct spinlock *l, enum intr_level old);
/* Release L, leaving interrupts off (the scheduler's hand-over). */
void spin_release(struct spinlock *l);
/* Take L with interrupts already off and no level to save. */
void spin_acquire(struct spinlock *l);
/* True if this CPU holds L. */
bool spin_held(const struct spinlock *l);
/* How many spinlocks this CPU holds (0: it may sleep). */
int spin_depth(void);

/* The fast paths are inline (every sleeping lock takes the scheduler's
   spinlock); these are their out-of-line slow and failure cases. */
void spin_wait(struct spinlock *l);
void spin_bad_order(const struct spinlock *l) __attribute__((noreturn));
void spin_release_out_of_order(struct spinlock *l);

/* Take L, interrupts already off.  Panics (spin_bad_order) if this CPU
   holds L, or, with LOCK_RANKS, a spinlock not below L in rank. */
static inline void
spin_acquire_inline(struct spinlock *l)
{
  struct cpu *c = cpu_self();
  bool bad = l->holder == c || c->spin_depth >= CPU_SPIN_HELD;
#ifdef LOCK_RANKS
  for (int i = 0; i < c->spin_depth; i++)
    bad |= c->spin_held[i]->rank >= l->rank;
#endif
  if (bad)
    spin_bad_order(l);
  if (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
    spin_wait(l);
  l->holder = c;
  c->spin_held[c->spin_depth++] = l;
}

/* Release L, interrupts stay off. */
static inline void
spin_release_inline(struct spinlock *l)
{
  struct cpu *c = cpu_self();
  if (l->holder != c)
    PANIC("spinlock %s: released by a CPU that does not hold it", l->name);
  int top = c->spin_depth - 1;
  if (c->spin_held[top] != l) {
    spin_release_out_of_order(l);
    return;
  }
  c->spin_depth = top;
  l->holder = NULL;
  __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

/* Disable interrupts, spin until L is free, take it.  Returns the
   interrupt level to give back to spin_unlock.  Any context. */
static inline enum intr_level
spin_lock(struct spinlock *l)
{
  uint64_t flags;
  asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
  spin_acquire_inline(l);
  return flags & 0x200 ? INTR_ON : INTR_OFF;
}

/* Release L and restore interrupt level OLD.  This CPU must hold L. */
static inline void
spin_unlock(struct spinlock *l, enum intr_level old)
{
  spin_release_inline(l);
  if (old == INTR_ON)
    asm volatile("sti" : : : "memory");
}

#endif
