/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_IDT_H
#define ARCH_X86_64_IDT_H

#include <stdint.h>

void idt_init(void);
/* Load the IDT on this CPU (application processors). */
void idt_load(void);
/* Let ring DPL raise VEC with `int'. */
void idt_set_dpl(uint8_t vec, int dpl);

/* Remap the 8259 PICs to vectors 0x20..0x2f and mask them (the APICs
   deliver every external interrupt). */
void pic_disable(void);

#endif
