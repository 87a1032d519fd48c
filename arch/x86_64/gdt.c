/* SPDX-License-Identifier: MIT */
/* Global descriptor table and task-state segment.
 *
 * Long mode ignores segment bases and limits, so the GDT only carries
 * privilege levels: kernel code/data, user data/code (in the order sysretq
 * needs) and the TSS, which holds the ring-0 stack pointer used on
 * interrupts from user mode and a separate IST stack for double faults (a
 * kernel stack overflow must be reported from a stack that still works).
 * Each CPU has its own GDT and TSS (a TSS descriptor is marked busy once
 * loaded, and each CPU needs its own ring-0 stack). */

#include "arch/x86_64/gdt.h"

#include <stddef.h>

#include "arch/x86_64/percpu.h"

struct tss {
  uint32_t reserved0;
  uint64_t rsp[3];
  uint64_t reserved1;
  uint64_t ist[7];
  uint64_t reserved2;
  uint16_t reserved3;
  uint16_t iomap_base;
} __attribute__((packed));

static struct tss tss[CPU_MAX];
static uint64_t gdt[CPU_MAX][7];
static uint8_t df_stack[CPU_MAX][4096] __attribute__((aligned(16)));

#define DESC_CODE64 0x00209a0000000000ull /* present, code, L=1 */
#define DESC_DATA 0x0000920000000000ull   /* present, data, writable */
#define DESC_DPL3 0x0000600000000000ull

static void
set_tss_desc(uint64_t *slot, struct tss *tss)
{
  uint64_t base = (uint64_t)tss;
  uint64_t limit = sizeof *tss - 1;
  slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
            (0x89ull << 40) /* present, available 64-bit TSS */ |
            ((limit >> 16 & 0xf) << 48) | ((base >> 24 & 0xff) << 56);
  slot[1] = base >> 32;
}

/* Install CPU ID's GDT and TSS and reload every segment register but GS
   (whose base is the per-CPU pointer, arch/x86_64/percpu.h). */
void
gdt_init(int id)
{
  uint64_t *g = gdt[id];
  struct tss *t = &tss[id];
  g[0] = 0;
  g[1] = DESC_CODE64;
  g[2] = DESC_DATA;
  g[3] = DESC_DATA | DESC_DPL3;
  g[4] = DESC_CODE64 | DESC_DPL3;
  set_tss_desc(&g[5], t);
  t->iomap_base = sizeof *t;
  /* CR0.EM: x87 instructions trap (#NM), so a user program that touches
     the FPU is killed rather than sharing unsaved FPU state.  SSE traps
     too, as CR4.OSFXSR stays clear.  The kernel itself uses neither. */
  uint64_t cr0;
  asm volatile("mov %%cr0, %0" : "=r"(cr0));
  asm volatile("mov %0, %%cr0" : : "r"(cr0 | 0x4));
  t->ist[0] = (uint64_t)(df_stack[id] + sizeof df_stack[id]);

  struct {
    uint16_t limit;
    uint64_t base;
  } __attribute__((packed)) desc = {sizeof gdt[id] - 1, (uint64_t)g};
  asm volatile("lgdt %0\n\t"
               "pushq %1\n\t"
               "leaq 1f(%%rip), %%rax\n\t"
               "pushq %%rax\n\t"
               "lretq\n"
               "1:\n\t"
               "movw %w2, %%ds\n\t"
               "movw %w2, %%es\n\t"
               "movw %w2, %%ss\n\t"
               "ltr %w3"
               :
               : "m"(desc), "i"(SEL_KCSEG), "r"(SEL_KDSEG), "r"(SEL_TSS)
               : "rax", "memory");
}

/* Kernel stack for entries from user mode on this CPU: interrupts (TSS)
   and `syscall' (syscall-entry.S).  Interrupts off. */
void
tss_set_rsp0(uint64_t rsp0)
{
  struct cpu *c = cpu_self();
  tss[c->id].rsp[0] = rsp0;
  c->kernel_rsp = rsp0;
}
