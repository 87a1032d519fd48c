/* SPDX-License-Identifier: MIT */
/* Local APICs and the I/O APIC.
 *
 * Every CPU has a local APIC at the same physical address (each CPU sees
 * its own there), mapped uncached once in the MMIO area and used in xAPIC
 * mode: 32-bit registers 16 bytes apart.  It takes the end-of-interrupt
 * for every external interrupt, sends inter-processor interrupts through
 * the ICR (the INIT and start-up IPIs that wake the other CPUs among
 * them) and has its own timer.  The I/O APIC replaces the two 8259s,
 * which are remapped and masked for good: each ISA IRQ a driver registers
 * gets a redirection entry that sends it, as vector 0x20 + IRQ, to the
 * boot CPU; the MADT says on which GSI each IRQ arrives and with which
 * polarity and trigger mode.  One interrupt path for one CPU or many. */

#include "arch/x86_64/apic.h"

#include <debug.h>

#include "arch/x86_64/acpi.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/mmu.h"

/* Local APIC registers (byte offsets). */
#define LAPIC_ID 0x020     /* Bits 31:24. */
#define LAPIC_TPR 0x080    /* Task priority: 0 accepts everything. */
#define LAPIC_EOI 0x0b0    /* Write 0 at the end of an interrupt. */
#define LAPIC_SVR 0x0f0    /* Spurious vector, bit 8 = software enable. */
#define LAPIC_ESR 0x280    /* Error status. */
#define LAPIC_ICR_LO 0x300 /* Interrupt command: writing it sends. */
#define LAPIC_ICR_HI 0x310 /* Destination APIC id in bits 31:24. */
#define LAPIC_LVT_TIMER 0x320
#define LAPIC_LVT_LINT0 0x350
#define LAPIC_LVT_LINT1 0x360
#define LAPIC_LVT_ERROR 0x370
#define LAPIC_TIMER_INIT 0x380 /* Initial count. */
#define LAPIC_TIMER_CUR 0x390  /* Current count. */
#define LAPIC_TIMER_DIV 0x3e0  /* Divide configuration. */

#define SVR_ENABLE 0x100
#define LVT_MASKED 0x10000
#define LVT_PERIODIC 0x20000
#define TIMER_DIV_16 0x3

/* ICR low word. */
#define ICR_FIXED 0x000
#define ICR_INIT 0x500
#define ICR_STARTUP 0x600
#define ICR_PENDING 0x1000 /* Delivery status: send pending. */
#define ICR_ASSERT 0x4000
#define ICR_LEVEL 0x8000

/* I/O APIC: an index register and a data window. */
#define IOAPIC_REGSEL 0x00
#define IOAPIC_WIN 0x10
#define IOAPIC_VER 0x01 /* Bits 23:16: last redirection entry. */
#define IOAPIC_REDIR(n) (0x10 + 2 * (n))
#define REDIR_ACTIVE_LOW 0x2000
#define REDIR_LEVEL 0x8000
#define REDIR_MASKED 0x10000

static volatile uint32_t *lapic;
static volatile uint32_t *ioapic;
static struct acpi_madt_info madt;
static int ioapic_entries;
static uint32_t boot_apic_id;

static uint32_t
lapic_read(int reg)
{
  return lapic[reg / 4];
}

static void
lapic_write(int reg, uint32_t v)
{
  lapic[reg / 4] = v;
  (void)lapic[LAPIC_ID / 4]; /* Wait for the write to land. */
}

static uint32_t
ioapic_read(int reg)
{
  ioapic[IOAPIC_REGSEL / 4] = reg;
  return ioapic[IOAPIC_WIN / 4];
}

static void
ioapic_write(int reg, uint32_t v)
{
  ioapic[IOAPIC_REGSEL / 4] = reg;
  ioapic[IOAPIC_WIN / 4] = v;
}

/* Busy-wait about US microseconds: a read of the POST port takes about
   one on PC hardware and in QEMU. */
static void
delay_us(int us)
{
  for (int i = 0; i < us; i++)
    inb(0x80);
}

/* Enable this CPU's local APIC: accept every priority, spurious vector,
   LINT0/LINT1 (the 8259's virtual wire) and the timer masked. */
static void
lapic_setup(void)
{
  lapic_write(LAPIC_TPR, 0);
  lapic_write(LAPIC_LVT_LINT0, LVT_MASKED);
  lapic_write(LAPIC_LVT_LINT1, LVT_MASKED);
  lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
  lapic_write(LAPIC_LVT_ERROR, VEC_APIC_ERROR);
  lapic_write(LAPIC_ESR, 0);
  lapic_write(LAPIC_ESR, 0);
  lapic_write(LAPIC_SVR, SVR_ENABLE | VEC_SPURIOUS);
  lapic_write(LAPIC_EOI, 0);
}

/* See apic.h. */
void
apic_init(void)
{
  if (!acpi_read_madt(&madt))
    PANIC("apic: no ACPI MADT (Pagoda needs a local APIC and an I/O APIC)");
  pic_disable();
  lapic = mmu_map_mmio(madt.lapic_pa & ~0xfffull, 4096);
  ioapic = mmu_map_mmio(madt.ioapic_pa & ~0xfffull, 4096);
  ioapic += (madt.ioapic_pa & 0xfff) / 4;
  lapic_setup();
  boot_apic_id = apic_id();
  ioapic_entries = ((ioapic_read(IOAPIC_VER) >> 16) & 0xff) + 1;
  for (int n = 0; n < ioapic_entries; n++) {
    ioapic_write(IOAPIC_REDIR(n) + 1, 0);
    ioapic_write(IOAPIC_REDIR(n), REDIR_MASKED);
  }
}

/* See apic.h. */
void
apic_init_ap(void)
{
  lapic_setup();
}

/* See apic.h. */
int
apic_cpu_ids(const uint8_t **ids)
{
  *ids = madt.apic_ids;
  return madt.cpu_count;
}

uint32_t
apic_id(void)
{
  return lapic_read(LAPIC_ID) >> 24;
}

void
apic_eoi(void)
{
  lapic[LAPIC_EOI / 4] = 0;
}

/* See apic.h. */
void
apic_route_irq(int irq, uint8_t vector)
{
  ASSERT(irq >= 0 && irq < 16);
  const struct acpi_irq *i = &madt.isa[irq];
  int n = (int)i->gsi - (int)madt.ioapic_gsi_base;
  if (n < 0 || n >= ioapic_entries)
    PANIC("apic: IRQ %d is on GSI %u, not on the I/O APIC", irq, i->gsi);
  uint32_t lo = vector;
  if ((i->flags & ACPI_IRQ_ACTIVE_LOW) == ACPI_IRQ_ACTIVE_LOW)
    lo |= REDIR_ACTIVE_LOW;
  if ((i->flags & ACPI_IRQ_LEVEL) == ACPI_IRQ_LEVEL)
    lo |= REDIR_LEVEL;
  ioapic_write(IOAPIC_REDIR(n) + 1, boot_apic_id << 24);
  ioapic_write(IOAPIC_REDIR(n), lo);
}

/* Write the ICR and wait until the local APIC has sent it. */
static void
send_icr(uint32_t apic_id, uint32_t lo)
{
  lapic_write(LAPIC_ICR_HI, apic_id << 24);
  lapic_write(LAPIC_ICR_LO, lo);
  for (int i = 0; i < 1000000 && (lapic_read(LAPIC_ICR_LO) & ICR_PENDING); i++)
    asm volatile("pause");
}

/* See apic.h. */
void
apic_send_ipi(uint32_t apic_id, uint8_t vector)
{
  send_icr(apic_id, ICR_FIXED | ICR_ASSERT | vector);
}

/* See apic.h.  The sequence of the Intel MP specification: INIT (assert,
   then de-assert), 10 ms, then two start-up IPIs 200 us apart. */
void
apic_start_ap(uint32_t apic_id, paddr_t entry_pa)
{
  ASSERT(entry_pa < 0x100000 && (entry_pa & 0xfff) == 0);
  send_icr(apic_id, ICR_INIT | ICR_LEVEL | ICR_ASSERT);
  delay_us(200);
  send_icr(apic_id, ICR_INIT | ICR_LEVEL);
  delay_us(10000);
  for (int i = 0; i < 2; i++) {
    send_icr(apic_id, ICR_STARTUP | (entry_pa >> 12));
    delay_us(200);
  }
}

/* See apic.h. */
void
apic_timer_start(uint32_t count, uint8_t vector)
{
  lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
  lapic_write(LAPIC_LVT_TIMER, LVT_PERIODIC | vector);
  lapic_write(LAPIC_TIMER_INIT, count);
}

/* See apic.h. */
uint32_t
apic_timer_count(void)
{
  return lapic_read(LAPIC_TIMER_CUR);
}

/* See apic.h. */
void
apic_timer_free_run(void)
{
  lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
  lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
  lapic_write(LAPIC_TIMER_INIT, 0xffffffffu);
}
