/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_SMP_H
#define ARCH_X86_64_SMP_H

/* Bringing up the other CPUs (application processors, APs). */

/* Where the AP trampoline (ap-boot.S) is copied: a free page below 1 MiB
   (the Multiboot information QEMU leaves at 0x9000 has been read by
   then). */
#define AP_TRAMPOLINE_PA 0x8000

#ifndef __ASSEMBLER__
#include <stdbool.h>
#include <stdint.h>

struct cpu;

/* CPUs the MADT lists, boot CPU included (at most CPU_MAX). */
int smp_cpus_listed(void);
/* Start the next CPU the MADT lists as cpus[cpu_count], on the stack
   below STACK_TOP; once it has set itself up (and logged one line) it
   calls ENTRY(AUX), which must never return, with interrupts off.  Waits
   for it, calling WAIT_TICK (which sleeps a timer tick) up to 100 times;
   true if it runs, and then cpu_count has grown by one.  After a false
   return start no other.  Boot CPU, thread context. */
bool smp_start_ap(void *stack_top, void (*entry)(void *aux), void *aux,
                  void (*wait_tick)(void));

/* Read by ap-boot.S for the AP being started. */
extern uint64_t ap_boot_cr3, ap_boot_rsp;
extern struct cpu *ap_boot_cpu;
#endif

#endif
