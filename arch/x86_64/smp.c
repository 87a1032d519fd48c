/* SPDX-License-Identifier: MIT */
/* Per-CPU blocks and the bring-up of the application processors.
 *
 * cpus[0] is the boot CPU's, installed first thing in kmain.  After the
 * scheduler runs, smp_start_aps wakes every other CPU the MADT lists, one
 * at a time: it copies the trampoline (ap-boot.S) below 1 MiB, gives the
 * AP a struct cpu and a one-page boot stack, sends INIT and start-up
 * IPIs and waits until the AP says it runs.  The AP loads its own GDT,
 * TSS, the shared IDT, the `syscall' MSRs and its local APIC, prints one
 * log line and idles with interrupts off: no thread runs on it yet, so
 * it can touch nothing another CPU uses. */

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
#include "mm/palloc.h"

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
  klog_printf("cpu %d: online (local APIC %u), idle\n", c->id, apic_id());
  __atomic_store_n(&c->started, true, __ATOMIC_RELEASE);
  for (;;)
    asm volatile("cli; hlt");
}

/* Start the AP with local APIC id APIC_ID as cpus[cpu_count]; true once it
   runs (it has 100 calls of WAIT_TICK).  An AP that is late keeps its
   stack and slot: it may still wake up. */
static bool
start_one(uint32_t apic_id, void (*wait_tick)(void))
{
  struct cpu *c = &cpus[cpu_count];
  uint8_t *stack = palloc_get_page(0);
  if (stack == NULL)
    return false;
  memset(c, 0, sizeof *c);
  c->id = cpu_count;
  c->apic_id = apic_id;
  ap_boot_rsp = (uint64_t)(stack + PGSIZE);
  ap_boot_cpu = c;
  apic_start_ap(apic_id, AP_TRAMPOLINE_PA);
  for (int i = 0; i < 100; i++) {
    if (__atomic_load_n(&c->started, __ATOMIC_ACQUIRE))
      return true;
    wait_tick();
  }
  return false;
}

/* See smp.h. */
int
smp_start_aps(void (*wait_tick)(void))
{
  const uint8_t *ids;
  int n = apic_cpu_ids(&ids);
  cpus[0].apic_id = apic_id();
  memcpy(ptov(AP_TRAMPOLINE_PA), ap_trampoline,
         ap_trampoline_end - ap_trampoline);
  ap_boot_cr3 = mmu_kernel_root();
  for (int i = 0; i < n && cpu_count < CPU_MAX; i++) {
    if (ids[i] == cpus[0].apic_id)
      continue;
    if (!start_one(ids[i], wait_tick)) {
      klog_printf("cpu: local APIC %u did not start\n", ids[i]);
      break;
    }
    cpu_count++;
  }
  klog_printf("cpu: %d of %d running\n", cpu_count, n);
  return cpu_count;
}
