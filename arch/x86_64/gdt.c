/* SPDX-License-Identifier: MIT */
/* Global descriptor table and task-state segment.
 *
 * Long mode ignores segment bases and limits, so the GDT only carries
 * privilege levels: kernel code/data, user data/code (in the order sysretq
 * needs) and the TSS, which holds the ring-0 stack pointer used on
 * interrupts from user mode and a separate IST stack for double faults (a
 * kernel stack overflow must be reported from a stack that still works). */

#include "arch/x86_64/gdt.h"

#include <stddef.h>

struct tss {
  uint32_t reserved0;
  uint64_t rsp[3];
  uint64_t reserved1;
  uint64_t ist[7];
  uint64_t reserved2;
  uint16_t reserved3;
  uint16_t iomap_base;
} __attribute__((packed));

static struct tss tss;
static uint64_t gdt[7];
static uint8_t df_stack[4096] __attribute__((aligned(16)));

#define DESC_CODE64 0x00209a0000000000ull /* present, code, L=1 */
#define DESC_DATA 0x0000920000000000ull   /* present, data, writable */
#define DESC_DPL3 0x0000600000000000ull

static void
set_tss_desc(uint64_t *slot)
{
  uint64_t base = (uint64_t)&tss;
  uint64_t limit = sizeof tss - 1;
  slot[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
            (0x89ull << 40) /* present, available 64-bit TSS */ |
            ((limit >> 16 & 0xf) << 48) | ((base >> 24 & 0xff) << 56);
  slot[1] = base >> 32;
}

/* Install the GDT and TSS and reload every segment register. */
void
gdt_init(void)
{
  gdt[0] = 0;
  gdt[1] = DESC_CODE64;
  gdt[2] = DESC_DATA;
  gdt[3] = DESC_DATA | DESC_DPL3;
  gdt[4] = DESC_CODE64 | DESC_DPL3;
  set_tss_desc(&gdt[5]);
  tss.iomap_base = sizeof tss;
  /* CR0.EM: x87 instructions trap (#NM), so a user program that touches
     the FPU is killed rather than sharing unsaved FPU state.  SSE traps
     too, as CR4.OSFXSR stays clear.  The kernel itself uses neither. */
  uint64_t cr0;
  asm volatile("mov %%cr0, %0" : "=r"(cr0));
  asm volatile("mov %0, %%cr0" : : "r"(cr0 | 0x4));
  tss.ist[0] = (uint64_t)(df_stack + sizeof df_stack);

  struct {
    uint16_t limit;
    uint64_t base;
  } __attribute__((packed)) desc = {sizeof gdt - 1, (uint64_t)gdt};
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

/* Kernel stack for entries from user mode: interrupts (TSS) and
   `syscall' (syscall-entry.S). */
void
tss_set_rsp0(uint64_t rsp0)
{
  extern uint64_t syscall_kernel_rsp;
  tss.rsp[0] = rsp0;
  syscall_kernel_rsp = rsp0;
}
