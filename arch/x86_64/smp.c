/* SPDX-License-Identifier: MIT */
/* Per-CPU blocks and the bring-up of the application processors.
 *
 * cpus[0] is the boot CPU's, installed first thing in kmain.  After the
 * scheduler runs, kmain starts every other CPU the MADT lists, one at a
 * time, with smp_start_ap: it copies the trampoline (ap-boot.S) below
 * 1 MiB, gives the AP the next struct cpu and the stack its caller
 * provides (the AP's idle thread's), sends INIT and start-up IPIs and
 * waits until the AP says it runs.  The AP loads its own GDT, TSS, the
 * shared IDT, the `syscall' MSRs and its local APIC, prints one log line
 * and calls the caller's entry function, which never returns (the
 * scheduler's: threads/thread.c). */

#include "arch/x86_64/smp.h"

#include <debug.h>
#include <string.h>

#include "arch/x86_64/apic.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/mmu.h"
#include "arch/x86_64/percpu.h"
#include "arch/x86_64/syscall-init.h"
#include "lib/kernel/console.h"

#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

_Static_assert(offsetof(struct cpu, kernel_rsp) == CPU_KERNEL_RSP,
               "syscall-entry.S CPU_KERNEL_RSP");
_Static_assert(offsetof(struct cpu, user_rsp) == CPU_USER_RSP,
               "syscall-entry.S CPU_USER_RSP");

struct cpu cpus[CPU_MAX];
int cpu_count = 1;

uint64_t ap_boot_cr3, ap_boot_rsp;
struct cpu *ap_boot_cpu;
static void (*ap_entry)(void *aux); /* For the AP being started. */
static void *ap_aux;

extern const char ap_trampoline[], ap_trampoline_end[];
void ap_main(struct cpu *c) __attribute__((noreturn));

/* See percpu.h.  The user's GS base (in IA32_KERNEL_GS_BASE until the
   first `swapgs') starts as 0. */
void
percpu_init(struct cpu *c)
{
  c->self = c;
  c->id = c - cpus;
  wrmsr(MSR_GS_BASE, (uint64_t)c);
  wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/* The C entry of an AP, on its boot stack, interrupts off. */
void
ap_main(struct cpu *c)
{
  percpu_init(c);
  gdt_init(c->id);
  idt_load();
  syscall_msr_init();
  apic_init_ap();
  void (*entry)(void *) = ap_entry;
  void *aux = ap_aux;
  klog_printf("cpu %d: online (local APIC %u)\n", c->id, apic_id());
  /* Counted before it can run a thread: a TLB shootdown or a reschedule
     from now on must consider this CPU. */
  __atomic_store_n(&cpu_count, c->id + 1, __ATOMIC_SEQ_CST);
  __atomic_store_n(&c->started, true, __ATOMIC_RELEASE);
  entry(aux);
  PANIC("cpu %d: its entry function returned", c->id);
}

/* See smp.h. */
int
smp_cpus_listed(void)
{
  const uint8_t *ids;
  int n = apic_cpu_ids(&ids);
  return n < CPU_MAX ? n : CPU_MAX;
}

/* The local APIC id of the next CPU to start, or -1. */
static int
next_apic_id(void)
{
  const uint8_t *ids;
  int n = apic_cpu_ids(&ids), skipped = 0;
  for (int i = 0; i < n; i++) {
    if (ids[i] == cpus[0].apic_id)
      continue;
    if (++skipped == cpu_count)
      return ids[i];
  }
  return -1;
}

/* See smp.h.  An AP that is late keeps its slot: it may still wake up,
   so the caller must start no other. */
bool
smp_start_ap(void *stack_top, void (*entry)(void *aux), void *aux,
             void (*wait_tick)(void))
{
  static bool copied;
  if (!copied) {
    cpus[0].apic_id = apic_id();
    memcpy(ptov(AP_TRAMPOLINE_PA), ap_trampoline,
           ap_trampoline_end - ap_trampoline);
    ap_boot_cr3 = mmu_kernel_root();
    copied = true;
  }
  int apic = next_apic_id();
  if (apic < 0 || cpu_count >= CPU_MAX)
    return false;
  struct cpu *c = &cpus[cpu_count];
  memset(c, 0, sizeof *c);
  c->id = cpu_count;
  c->apic_id = apic;
  ap_boot_rsp = (uint64_t)stack_top;
  ap_boot_cpu = c;
  ap_entry = entry;
  ap_aux = aux;
  apic_start_ap(apic, AP_TRAMPOLINE_PA);
  for (int i = 0; i < 100; i++) {
    if (__atomic_load_n(&c->started, __ATOMIC_ACQUIRE))
      return true; /* It counted itself in cpu_count. */
    wait_tick();
  }
  klog_printf("cpu: local APIC %d did not start\n", apic);
  return false;
}
