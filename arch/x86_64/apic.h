/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_APIC_H
#define ARCH_X86_64_APIC_H

/* Local APIC (one per CPU) and I/O APIC: interrupt routing, end of
   interrupt, inter-processor interrupts and the per-CPU timer.

   Vectors: 0x00-0x1f exceptions, 0x20-0x2f ISA IRQs (through the I/O
   APIC), 0x30-0xef software interrupts, 0xf0-0xfe local interrupts (the
   APIC timer and IPIs), 0xff the local APIC's spurious vector. */

#include <stdint.h>

#include "mm/vaddr.h"

#define VEC_LOCAL_FIRST 0xf0
#define VEC_APIC_TIMER 0xf0  /* Local APIC timer. */
#define VEC_IPI_RESCHED 0xf1 /* Reschedule: a thread became ready. */
#define VEC_IPI_TLB 0xf2     /* TLB shootdown (tlb.c). */
#define VEC_APIC_ERROR 0xfe  /* Local APIC error. */
#define VEC_SPURIOUS 0xff    /* Spurious: no end-of-interrupt. */

/* Read the MADT, mask the 8259s, enable the boot CPU's local APIC, mask
   every I/O APIC entry.  Boot CPU, interrupts off, before any user page
   table exists; panics on a machine without a MADT. */
void apic_init(void);
/* Enable the calling CPU's local APIC (each application processor). */
void apic_init_ap(void);
/* The MADT's enabled CPUs: sets *IDS to their local APIC ids and returns
   how many. */
int apic_cpu_ids(const uint8_t **ids);
/* This CPU's local APIC id. */
uint32_t apic_id(void);
/* End of interrupt on this CPU's local APIC. */
void apic_eoi(void);
/* Deliver ISA IRQ (0-15) as VECTOR to the boot CPU. */
void apic_route_irq(int irq, uint8_t vector);
/* Send VECTOR to the CPU with local APIC id APIC_ID. */
void apic_send_ipi(uint32_t apic_id, uint8_t vector);
/* Wake the CPU APIC_ID with INIT and start-up IPIs: it starts in real mode
   at ENTRY_PA (a page below 1 MiB).  Takes about 10 ms. */
void apic_start_ap(uint32_t apic_id, paddr_t entry_pa);
/* This CPU's timer: VECTOR every COUNT ticks of the bus clock / 16. */
void apic_timer_start(uint32_t count, uint8_t vector);
/* Count the timer down from its maximum, masked (for calibration), and
   read the current count. */
void apic_timer_free_run(void);
uint32_t apic_timer_count(void);

#endif
