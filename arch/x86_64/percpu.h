/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_PERCPU_H
#define ARCH_X86_64_PERCPU_H

/* Per-CPU data, reached through the GS segment base.

   Each CPU's GS base points at its own struct cpu while it runs kernel
   code; `swapgs' on every entry from and exit to user mode keeps the
   user's GS base out of the kernel's way (IA32_KERNEL_GS_BASE holds the
   other one).  A field is read with one %gs-relative instruction, so a
   thread that migrates between two instructions still reads its own
   CPU's value consistently (see cpu_read).

        %gs:0  -> struct cpu { self, kernel_rsp, user_rsp, ... }

   Lock legend: (i) set at bring-up, then immutable; (c) this CPU only,
   with interrupts off. */

#define CPU_MAX 8 /* CPUs brought up at most; more are left asleep. */

/* Offsets used by the assembly (syscall-entry.S), checked in smp.c. */
#define CPU_KERNEL_RSP 8
#define CPU_USER_RSP 16

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct thread;
struct spinlock;
struct addrspace;

#define CPU_SPIN_HELD 8 /* Spinlocks one CPU may hold at once. */

struct cpu {
  struct cpu *self;       /* (i) %gs:0, for cpu_self(). */
  uint64_t kernel_rsp;    /* (c) Stack top for `syscall' (syscall-entry.S). */
  uint64_t user_rsp;      /* (c) Scratch: the user rsp during `syscall'. */
  struct thread *current; /* (c) The running thread. */
  int id;                 /* (i) 0 .. cpu_count - 1; 0 is the boot CPU. */
  uint32_t apic_id;       /* (i) Local APIC id (ACPI MADT). */
  bool in_external;       /* (c) Handling an external interrupt. */
  bool yield_on_return;   /* (c) Yield when that handler returns. */

  /* threads/thread.c, under the scheduler lock. */
  struct thread *idle;  /* This CPU's idle thread. */
  unsigned slice_ticks; /* Ticks the running thread has had. */
  bool sched_ready;     /* Runs the scheduler (has its idle thread). */

  struct addrspace *addrspace; /* (c) vm/addrspace.c: whose pml4 is in CR3. */
  /* arch/x86_64/tlb.c. */
  uint64_t *loaded_pml4; /* The pml4 in CR3 (written by this CPU only). */
  uint32_t tlb_pending;  /* Bit R: CPU R asks this one to flush. */

  volatile bool started; /* Set by an AP once it runs (smp.c). */

  /* threads/spinlock.c: the spinlocks this CPU holds, innermost last. */
  int spin_depth;                                  /* (c) */
  const struct spinlock *spin_held[CPU_SPIN_HELD]; /* (c) */
};

extern struct cpu cpus[CPU_MAX];
extern int cpu_count; /* CPUs running (1 until smp_start_aps). */

/* Point this CPU's GS base at C (boot CPU: first thing in kmain). */
void percpu_init(struct cpu *c);

/* Read or write one field of the running CPU's struct cpu with a single
   instruction. */
#define cpu_read(field)                                                        \
  ({                                                                           \
    __typeof__(((struct cpu *)0)->field) v_;                                   \
    asm volatile("mov %%gs:%c1, %0"                                            \
                 : "=r"(v_)                                                    \
                 : "i"(offsetof(struct cpu, field)));                          \
    v_;                                                                        \
  })
#define cpu_write(field, value)                                                \
  do {                                                                         \
    __typeof__(((struct cpu *)0)->field) v_ = (value);                         \
    asm volatile("mov %0, %%gs:%c1"                                            \
                 :                                                             \
                 : "r"(v_), "i"(offsetof(struct cpu, field))                   \
                 : "memory");                                                  \
  } while (0)

/* The running CPU's struct cpu.  Stable only while the caller cannot
   migrate (interrupts off, or a spinlock held). */
static inline struct cpu *
cpu_self(void)
{
  return cpu_read(self);
}
#endif

#endif
