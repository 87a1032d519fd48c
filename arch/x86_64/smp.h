/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_SMP_H
#define ARCH_X86_64_SMP_H

/* Bringing up the other CPUs (application processors, APs). */

/* Where the AP trampoline (ap-boot.S) is copied: a free page below 1 MiB
   (the Multiboot information QEMU leaves at 0x9000 has been read by
   then). */
#define AP_TRAMPOLINE_PA 0x8000

#ifndef __ASSEMBLER__
#include <stdint.h>

struct cpu;

/* Start every other CPU the MADT lists (up to CPU_MAX) and wait for each
   to run, calling WAIT_TICK (which sleeps a timer tick) while it waits;
   each prints one log line and idles with interrupts off.  Gives up at
   the first CPU that does not run within 100 ticks.  Boot CPU, thread
   context, after the scheduler runs (uses the kernel pool).  Returns the
   number of CPUs now running. */
int smp_start_aps(void (*wait_tick)(void));

/* Read by ap-boot.S for the AP being started. */
extern uint64_t ap_boot_cr3, ap_boot_rsp;
extern struct cpu *ap_boot_cpu;
#endif

#endif
