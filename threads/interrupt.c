/* SPDX-License-Identifier: MIT */
/* Interrupt dispatch and the interrupt-enable level.
 *
 * The stubs in arch/x86_64/intr-stubs.S funnel every vector into
 * intr_handler(), which calls the C handler registered for it.  External
 * interrupts (ISA IRQs through the I/O APIC, and the local APIC's own:
 * timer, IPIs) are acknowledged here and may ask for a yield, which
 * happens only after the acknowledgement, on the way out.  Whether a CPU
 * is inside such a handler, and whether it should yield, is per-CPU
 * state.  A vector nobody registered is a kernel bug: panic with the
 * registers. */

#include "threads/interrupt.h"

#include <debug.h>
#include <stdio.h>

#include "arch/x86_64/apic.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/intr-frame.h"
#include "arch/x86_64/percpu.h"
#include "lib/kernel/console.h"
#include "threads/thread.h"

static intr_handler_func *handlers[256];
static const char *names[256];

static const char *const exception_names[20] = {
    "#DE Divide Error",   "#DB Debug",
    "NMI Interrupt",      "#BP Breakpoint",
    "#OF Overflow",       "#BR BOUND Range Exceeded",
    "#UD Invalid Opcode", "#NM Device Not Available",
    "#DF Double Fault",   "Coprocessor Segment Overrun",
    "#TS Invalid TSS",    "#NP Segment Not Present",
    "#SS Stack Fault",    "#GP General Protection",
    "#PF Page Fault",     "Reserved",
    "#MF x87 FPU Error",  "#AC Alignment Check",
    "#MC Machine Check",  "#XM SIMD Floating-Point"};

enum intr_level
intr_get_level(void)
{
  return read_rflags() & RFLAGS_IF ? INTR_ON : INTR_OFF;
}

enum intr_level
intr_set_level(enum intr_level level)
{
  return level == INTR_ON ? intr_enable() : intr_disable();
}

enum intr_level
intr_enable(void)
{
  enum intr_level old = intr_get_level();
  ASSERT(!intr_context());
  asm volatile("sti" : : : "memory");
  return old;
}

enum intr_level
intr_disable(void)
{
  enum intr_level old = intr_get_level();
  asm volatile("cli" : : : "memory");
  return old;
}

/* Set up the IDT and the APICs; every vector starts unregistered. */
void
intr_init(void)
{
  idt_init();
  apic_init();
  for (int v = 0; v < 256; v++)
    names[v] = "unknown";
  for (int v = 0; v < 20; v++)
    names[v] = exception_names[v];
}

void
intr_register_ext(uint8_t vec, intr_handler_func *handler, const char *name)
{
  ASSERT(vec >= 0x20 && vec < 0x30);
  handlers[vec] = handler;
  names[vec] = name;
  apic_route_irq(vec - 0x20, vec);
}

void
intr_register_local(uint8_t vec, intr_handler_func *handler, const char *name)
{
  ASSERT(vec >= VEC_LOCAL_FIRST && vec < VEC_SPURIOUS);
  handlers[vec] = handler;
  names[vec] = name;
}

void
intr_register_int(uint8_t vec, int dpl, intr_handler_func *handler,
                  const char *name)
{
  ASSERT(vec < 0x20 || (vec >= 0x30 && vec < VEC_LOCAL_FIRST));
  handlers[vec] = handler;
  names[vec] = name;
  idt_set_dpl(vec, dpl);
}

bool
intr_context(void)
{
  return cpu_read(in_external);
}

void
intr_yield_on_return(void)
{
  ASSERT(intr_context());
  cpu_write(yield_on_return, true);
}

const char *
intr_name(uint8_t vec)
{
  return names[vec];
}

/* Print F to the kernel log (and console when TO_CONSOLE). */
static void
dump_frame(const struct intr_frame *f)
{
  printf("Interrupt %#04llx (%s) at rip=%llx\n", (unsigned long long)f->vec_no,
         names[f->vec_no], (unsigned long long)f->rip);
  printf(" cr2=%016llx error=%016llx cs=%llx rflags=%llx\n",
         (unsigned long long)rcr2(), (unsigned long long)f->error_code,
         (unsigned long long)f->cs, (unsigned long long)f->rflags);
  printf(" rax=%016llx rbx=%016llx rcx=%016llx rdx=%016llx\n",
         (unsigned long long)f->r.rax, (unsigned long long)f->r.rbx,
         (unsigned long long)f->r.rcx, (unsigned long long)f->r.rdx);
  printf(" rsp=%016llx rbp=%016llx rsi=%016llx rdi=%016llx\n",
         (unsigned long long)f->rsp, (unsigned long long)f->r.rbp,
         (unsigned long long)f->r.rsi, (unsigned long long)f->r.rdi);
}

static void
unexpected_interrupt(const struct intr_frame *f)
{
  struct thread *t = thread_current();
  if (f->vec_no == 8 && t != NULL && f->rsp < (uint64_t)t->kstack_base &&
      f->rsp + 2 * 4096 >= (uint64_t)t->kstack_base)
    PANIC("kernel stack overflow in thread '%s'", t->name);
  dump_frame(f);
  PANIC("unexpected interrupt %#llx (%s) in thread '%s'",
        (unsigned long long)f->vec_no, names[f->vec_no],
        t != NULL ? t->name : "?");
}

/* Called by intr_common for every interrupt and exception. */
void intr_handler(struct intr_frame *f);
void
intr_handler(struct intr_frame *f)
{
  uint8_t vec = f->vec_no;
  if (vec == VEC_SPURIOUS)
    return; /* Nothing to do, and no end-of-interrupt. */
  bool external =
      (vec >= 0x20 && vec < 0x30) || (vec >= VEC_LOCAL_FIRST && vec < 0xff);
  struct cpu *c = cpu_self(); /* Interrupts are off: no migration. */
  if (external) {
    ASSERT(!c->in_external);
    c->in_external = true;
    c->yield_on_return = false;
  }
  if (handlers[vec] != NULL)
    handlers[vec](f);
  else
    unexpected_interrupt(f);
  if (external) {
    c->in_external = false;
    apic_eoi();
    if (c->yield_on_return)
      thread_yield();
  }
}
