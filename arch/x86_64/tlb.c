/* SPDX-License-Identifier: MIT */
/* TLB shootdown: telling the other CPUs to forget a translation.
 *
 * A CPU caches translations in its TLB; when the kernel removes or
 * downgrades a page-table entry, invlpg forgets it on this CPU only.
 * Another CPU that may hold the old entry must be interrupted to flush
 * it before the change counts as done: before the frame is reused, the
 * page is written back, or a copy-on-write page is copied.  Which CPUs
 * may hold a user page's entry?  Exactly those with its pml4 in CR3 right
 * now: without PCIDs, loading CR3 drops every non-global entry, so a CPU
 * that switched away has nothing left to flush.  Each CPU publishes its
 * CR3 in cpus[i].loaded_pml4 (tlb_loaded, from pml4_activate, before the
 * load); recording an entry in a batch (after its store) fences, then
 * reads those words, so either the other CPU sees the new entry when it
 * loads the table, or the recorder sees its pml4 and makes it a target.
 * The kernel half is shared by every pml4, so a kernel unmapping (a freed
 * thread stack) targets every CPU that schedules threads.
 *
 * Batches: an operation (an eviction, a fork, a munmap, a teardown)
 * records all its entries in one struct tlb_batch and interrupts its
 * targets once, at the end, with the list of pages (or "reload CR3" past
 * TLB_BATCH_PAGES).  The targets of a batch only ever need to shrink: a
 * target that switches CR3 meanwhile has flushed anyway, and a CPU that
 * loads a recorded pml4 after the record reads the new entry.
 *
 * The round: the sender fills its own slot in `requests', sets its bit in
 * each target's tlb_pending, sends VEC_IPI_TLB and waits, with interrupts
 * off (it must not migrate), for every target to clear the bit.  While it
 * waits it serves requests aimed at itself, so two CPUs shooting at each
 * other, or one spinning on a lock the other holds (spin_acquire serves
 * them too), cannot deadlock.  On one CPU every call costs one
 * comparison. */

#include "arch/x86_64/mmu.h"

#include <debug.h>
#include <stdio.h>

#include "arch/x86_64/apic.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/percpu.h"
#include "lib/kernel/console.h"

struct tlb_request {
  const uintptr_t *va; /* The pages (the sender's batch, which waits). */
  size_t pages;        /* How many; 0: the whole TLB. */
};

static struct tlb_request requests[CPU_MAX]; /* Slot R: CPU R's. */
static struct tlb_counts counts[TLB_REASONS];
static uint64_t ipis;

static const char *const reason_names[TLB_REASONS] = {
    "evict", "fork", "munmap", "exit", "exec", "clean", "remap", "kernel"};

/* See mmu.h. */
void
tlb_loaded(pte_t *pml4)
{
  __atomic_store_n(&cpu_self()->loaded_pml4, pml4, __ATOMIC_RELAXED);
  __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

static void
flush(const struct tlb_request *r)
{
  if (r->pages == 0) {
    lcr3(rcr3());
    return;
  }
  for (size_t i = 0; i < r->pages; i++)
    tlb_flush_page((const void *)r->va[i]);
}

/* See mmu.h. */
void
tlb_serve(void)
{
  struct cpu *c = cpu_self();
  uint32_t pending = __atomic_load_n(&c->tlb_pending, __ATOMIC_ACQUIRE);
  while (pending != 0) {
    int r = __builtin_ctz(pending);
    pending &= pending - 1;
    flush(&requests[r]);
    __atomic_and_fetch(&c->tlb_pending, ~(1u << r), __ATOMIC_RELEASE);
  }
}

/* Interrupt handler of VEC_IPI_TLB. */
void
tlb_interrupt(struct intr_frame *f)
{
  (void)f;
  tlb_serve();
}

/* May CPU I hold entries of PML4 (NULL: of the kernel half)? */
static bool
may_cache(int i, const pte_t *pml4)
{
  if (!__atomic_load_n(&cpus[i].sched_ready, __ATOMIC_ACQUIRE))
    return false; /* Not scheduling yet: touches no stack or user page. */
  return pml4 == NULL ||
         __atomic_load_n(&cpus[i].loaded_pml4, __ATOMIC_RELAXED) == pml4;
}

/* See mmu.h. */
void
tlb_batch_init(struct tlb_batch *b, enum tlb_reason reason)
{
  b->reason = reason;
  b->targets = 0;
  b->pages = 0;
  b->remote = 0;
}

/* See mmu.h.  The caller may migrate at any moment, so "self" is only a
   hint here: a user pml4 loaded on this CPU is the caller's own, and if
   the caller moves on, this CPU reloads CR3 when it leaves; the kernel
   half stays cached across such a switch, so its targets are every CPU,
   this one included, and the sender flushes whatever bit is its own. */
void
tlb_batch_add(struct tlb_batch *b, const pte_t *pml4, const void *va)
{
  if (cpu_count == 1)
    return;
  b->pages++;
  __atomic_thread_fence(__ATOMIC_SEQ_CST); /* The entry, then the CR3s. */
  int self = cpu_self()->id;
  uint32_t targets = 0;
  for (int i = 0; i < cpu_count; i++)
    if ((i != self || pml4 == NULL) && may_cache(i, pml4))
      targets |= 1u << i;
  if (targets == 0)
    return;
  b->targets |= targets;
  if (b->remote < TLB_BATCH_PAGES)
    b->va[b->remote] = (uintptr_t)va;
  b->remote++;
}

/* See mmu.h. */
void
tlb_batch_send(struct tlb_batch *b)
{
  bool was_on = read_rflags() & RFLAGS_IF;
  asm volatile("cli" : : : "memory");
  int self = cpu_self()->id;
  struct tlb_request req = {b->va,
                            b->remote <= TLB_BATCH_PAGES ? b->remote : 0};
  if (b->targets & (1u << self))
    flush(&req);
  uint32_t targets = b->targets & ~(1u << self);
  if (targets != 0) {
    requests[self] = req;
    for (uint32_t t = targets; t != 0; t &= t - 1) {
      struct cpu *c = &cpus[__builtin_ctz(t)];
      __atomic_or_fetch(&c->tlb_pending, 1u << self, __ATOMIC_RELEASE);
      apic_send_ipi(c->apic_id, VEC_IPI_TLB);
    }
    for (uint32_t t = targets; t != 0; t &= t - 1) {
      struct cpu *c = &cpus[__builtin_ctz(t)];
      while (__atomic_load_n(&c->tlb_pending, __ATOMIC_ACQUIRE) &
             (1u << self)) {
        tlb_serve();
        asm volatile("pause");
      }
    }
    __atomic_add_fetch(&counts[b->reason].shootdowns, 1, __ATOMIC_RELAXED);
    int sent = 0;
    for (uint32_t t = targets; t != 0; t &= t - 1)
      sent++;
    __atomic_add_fetch(&ipis, sent, __ATOMIC_RELAXED);
  }
  b->targets = 0;
  b->remote = 0;
  if (was_on)
    asm volatile("sti" : : : "memory");
}

/* See mmu.h. */
void
tlb_batch_finish(struct tlb_batch *b)
{
  if (cpu_count == 1 || b->pages == 0)
    return;
  tlb_batch_sync(b);
  struct tlb_counts *c = &counts[b->reason];
  __atomic_add_fetch(&c->operations, 1, __ATOMIC_RELAXED);
  __atomic_add_fetch(&c->pages, b->pages, __ATOMIC_RELAXED);
  b->pages = 0;
}

/* See mmu.h. */
struct tlb_counts
tlb_counts(enum tlb_reason reason)
{
  ASSERT(reason < TLB_REASONS);
  struct tlb_counts c;
  c.operations = __atomic_load_n(&counts[reason].operations, __ATOMIC_RELAXED);
  c.pages = __atomic_load_n(&counts[reason].pages, __ATOMIC_RELAXED);
  c.shootdowns = __atomic_load_n(&counts[reason].shootdowns, __ATOMIC_RELAXED);
  return c;
}

/* See mmu.h.  Two lines: the shootdowns (IPI rounds) by reason, then the
   operations and the entries they recorded, `reason=operations/pages'. */
void
tlb_print_stats(void)
{
  if (cpu_count == 1)
    return;
  char rounds[200], ops[300];
  size_t n = 0, m = 0;
  for (int r = 0; r < TLB_REASONS; r++) {
    n += snprintf(rounds + n, sizeof rounds - n, " %s=%llu", reason_names[r],
                  (unsigned long long)counts[r].shootdowns);
    m += snprintf(ops + m, sizeof ops - m, " %s=%llu/%llu", reason_names[r],
                  (unsigned long long)counts[r].operations,
                  (unsigned long long)counts[r].pages);
  }
  klog_printf("tlb: shootdowns%s; %llu IPIs\n", rounds,
              (unsigned long long)ipis);
  klog_printf("tlb: operations/pages%s\n", ops);
}
