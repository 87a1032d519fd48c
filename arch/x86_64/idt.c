/* SPDX-License-Identifier: MIT */
/* Interrupt descriptor table, and the two 8259 PICs put out of the way.
 *
 * Every vector gets an interrupt gate (interrupts off on entry) pointing at
 * its stub in intr-stubs.S; the double fault runs on IST stack 1 so that a
 * kernel stack overflow can still be reported.  Which C function handles a
 * vector is decided in threads/interrupt.c, not here.  All CPUs share the
 * one IDT.  External interrupts come through the APICs (apic.c); the 8259s
 * are only remapped off the exception vectors and masked. */

#include "arch/x86_64/idt.h"

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"

struct gate {
  uint16_t off_lo;
  uint16_t sel;
  uint8_t ist;
  uint8_t type_attr;
  uint16_t off_mid;
  uint32_t off_hi;
  uint32_t zero;
} __attribute__((packed));

extern const uint64_t intr_stubs[256];
static struct gate idt[256];

static void
set_gate(int vec, uint64_t handler, int dpl, int ist)
{
  struct gate *g = &idt[vec];
  g->off_lo = handler & 0xffff;
  g->sel = SEL_KCSEG;
  g->ist = ist;
  g->type_attr = 0x8e | (dpl << 5); /* present, 64-bit interrupt gate */
  g->off_mid = (handler >> 16) & 0xffff;
  g->off_hi = handler >> 32;
  g->zero = 0;
}

/* Fill and load the IDT.  Interrupts must be off. */
void
idt_init(void)
{
  for (int v = 0; v < 256; v++)
    set_gate(v, intr_stubs[v], 0, v == 8 ? 1 : 0);
  idt_load();
}

/* Load the (filled) IDT on this CPU. */
void
idt_load(void)
{
  struct {
    uint16_t limit;
    uint64_t base;
  } __attribute__((packed)) desc = {sizeof idt - 1, (uint64_t)idt};
  asm volatile("lidt %0" : : "m"(desc));
}

void
idt_set_dpl(uint8_t vec, int dpl)
{
  idt[vec].type_attr = 0x8e | (dpl << 5);
}

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1

/* Remap IRQ 0-15 to vectors 0x20-0x2f, so that a stray one cannot look
   like an exception, and mask them all. */
void
pic_disable(void)
{
  outb(PIC1_CMD, 0x11); /* ICW1: edge, cascade, ICW4 follows */
  outb(PIC2_CMD, 0x11);
  outb(PIC1_DATA, 0x20); /* ICW2: vector offset */
  outb(PIC2_DATA, 0x28);
  outb(PIC1_DATA, 0x04); /* ICW3: slave on IRQ 2 */
  outb(PIC2_DATA, 0x02);
  outb(PIC1_DATA, 0x01); /* ICW4: 8086 mode */
  outb(PIC2_DATA, 0x01);
  outb(PIC1_DATA, 0xff);
  outb(PIC2_DATA, 0xff);
}
