/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_IDT_H
#define ARCH_X86_64_IDT_H

#include <stdint.h>

void idt_init(void);
/* Let ring DPL raise VEC with `int'. */
void idt_set_dpl(uint8_t vec, int dpl);

/* 8259 PICs, remapped to vectors 0x20..0x2f. */
void pic_init(void);
void pic_unmask(int irq);
void pic_eoi(int irq);

#endif
