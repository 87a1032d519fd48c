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
 * load); a shootdown writes the entry, fences, then reads those words, so
 * either the target sees the new entry when it loads the table, or the
 * requester sees the target's pml4 and interrupts it.  The kernel half is
 * shared by every pml4, so a kernel unmapping (a freed thread stack)
 * goes to every CPU that schedules threads.
 *
 * The request: the requester fills its own slot in `requests', sets its
 * bit in each target's tlb_pending, sends VEC_IPI_TLB and waits, with
 * interrupts off (it must not migrate), for every target to clear the
 * bit.  While it waits it serves requests aimed at itself, so two CPUs
 * shooting at each other, or one spinning on a lock the other holds
 * (spin_acquire serves them too), cannot deadlock.  On one CPU it costs
 * one comparison. */

#include "arch/x86_64/mmu.h"

#include <debug.h>
#include <stdio.h>

#include "arch/x86_64/apic.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/percpu.h"
#include "lib/kernel/console.h"

#define FLUSH_ALL_PAGES 32 /* More pages than this: reload CR3 instead. */

struct tlb_request {
  const pte_t *pml4; /* Whose entries (NULL: the kernel half). */
  uintptr_t va;      /* First page. */
  size_t pages;      /* How many; 0: the whole TLB. */
};

static struct tlb_request requests[CPU_MAX]; /* Slot R: CPU R's. */
static uint64_t shootdowns[TLB_REASONS], ipis;

static const char *const reason_names[TLB_REASONS] = {
    "unmap", "remap", "protect", "clean", "kernel"};

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
  if (r->pages == 0 || r->pages > FLUSH_ALL_PAGES) {
    lcr3(rcr3());
    return;
  }
  for (size_t i = 0; i < r->pages; i++)
    tlb_flush_page((const void *)(r->va + i * PGSIZE));
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
tlb_shootdown(const pte_t *pml4, const void *va, size_t pages,
              enum tlb_reason reason)
{
  if (cpu_count == 1)
    return;
  bool was_on = read_rflags() & RFLAGS_IF;
  asm volatile("cli" : : : "memory");
  int self = cpu_self()->id;
  __atomic_thread_fence(__ATOMIC_SEQ_CST); /* The entry, then the CR3s. */
  uint32_t targets = 0;
  for (int i = 0; i < cpu_count; i++)
    if (i != self && may_cache(i, pml4))
      targets |= 1u << i;
  if (targets != 0) {
    requests[self] = (struct tlb_request){pml4, (uintptr_t)va, pages};
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
    __atomic_add_fetch(&shootdowns[reason], 1, __ATOMIC_RELAXED);
    int sent = 0;
    for (uint32_t t = targets; t != 0; t &= t - 1)
      sent++;
    __atomic_add_fetch(&ipis, sent, __ATOMIC_RELAXED);
  }
  if (was_on)
    asm volatile("sti" : : : "memory");
}

/* See mmu.h. */
void
tlb_print_stats(void)
{
  if (cpu_count == 1)
    return;
  char line[160];
  size_t n = 0;
  for (int r = 0; r < TLB_REASONS; r++)
    n += snprintf(line + n, sizeof line - n, " %s=%llu", reason_names[r],
                  (unsigned long long)shootdowns[r]);
  klog_printf("tlb: shootdowns%s; %llu IPIs\n", line, (unsigned long long)ipis);
}
