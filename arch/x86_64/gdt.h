/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_GDT_H
#define ARCH_X86_64_GDT_H

/* Segment selectors.  The user data descriptor directly precedes the user
   code descriptor because sysretq derives both from STAR[63:48]. */
#define SEL_KCSEG 0x08 /* Kernel code. */
#define SEL_KDSEG 0x10 /* Kernel data. */
#define SEL_UDSEG 0x1b /* User data, RPL 3. */
#define SEL_UCSEG 0x23 /* User code, RPL 3. */
#define SEL_TSS 0x28   /* Task-state segment (two slots). */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* This CPU's GDT and TSS; ID is its cpu id (arch/x86_64/percpu.h). */
void gdt_init(int id);
/* Stack this CPU switches to on an interrupt from user mode. */
void tss_set_rsp0(uint64_t rsp0);
#endif

#endif
