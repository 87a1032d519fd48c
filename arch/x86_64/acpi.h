/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_ACPI_H
#define ARCH_X86_64_ACPI_H

/* What the ACPI MADT says about CPUs and interrupt routing. */

#include <stdbool.h>
#include <stdint.h>

#define ACPI_CPU_MAX 16

/* Polarity (bits 1:0) and trigger mode (bits 3:2) of an override:
   0 = the bus's default (ISA: active high, edge). */
#define ACPI_IRQ_ACTIVE_LOW 0x3
#define ACPI_IRQ_LEVEL 0xc

struct acpi_irq {
  uint32_t gsi;   /* Global system interrupt the ISA IRQ arrives on. */
  uint16_t flags; /* ACPI_IRQ_* bits, 0 for ISA defaults. */
};

struct acpi_madt_info {
  uint64_t lapic_pa;              /* Local APIC registers. */
  uint64_t ioapic_pa;             /* The first I/O APIC's registers. */
  uint32_t ioapic_gsi_base;       /* Its first GSI. */
  int cpu_count;                  /* Enabled CPUs, boot CPU included. */
  uint8_t apic_ids[ACPI_CPU_MAX]; /* Their local APIC ids, MADT order. */
  struct acpi_irq isa[16];        /* ISA IRQ -> GSI and flags. */
};

/* Find and read the MADT into INFO.  False if there is no valid one (or
   it lists no CPU or no I/O APIC).  Boot CPU, before any user page table
   exists (reads low memory through the direct map). */
bool acpi_read_madt(struct acpi_madt_info *info);

#endif
