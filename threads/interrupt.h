/* SPDX-License-Identifier: MIT */
#ifndef THREADS_INTERRUPT_H
#define THREADS_INTERRUPT_H

/* Interrupt state and handler registration (machine-independent face of
   arch/x86_64/idt.c).  Handlers run with interrupts off. */

#include <stdbool.h>
#include <stdint.h>

enum intr_level {
  INTR_OFF, /* Interrupts disabled. */
  INTR_ON   /* Interrupts enabled. */
};

enum intr_level intr_get_level(void);
enum intr_level intr_set_level(enum intr_level);
enum intr_level intr_enable(void);
enum intr_level intr_disable(void);

struct intr_frame;
typedef void intr_handler_func(struct intr_frame *);

/* Hardware (ISA) IRQ handler for vector 0x20 + irq, routed to the boot
   CPU. */
void intr_register_ext(uint8_t vec, intr_handler_func *, const char *name);
/* Handler of a local APIC vector (0xf0-0xfe: timer, IPIs), on any CPU. */
void intr_register_local(uint8_t vec, intr_handler_func *, const char *name);
/* Internal (exception / software) handler; DPL 3 lets user code raise it
   with `int'.  Every gate is an interrupt gate: the handler starts with
   interrupts off. */
void intr_register_int(uint8_t vec, int dpl, intr_handler_func *,
                       const char *name);

/* True while this CPU handles an external (hardware) interrupt. */
bool intr_context(void);
/* From an external handler: yield to another thread just before return. */
void intr_yield_on_return(void);

void intr_init(void);
const char *intr_name(uint8_t vec);

#endif
