/* SPDX-License-Identifier: MIT */
/* The ACPI MADT ("APIC" table): which CPUs there are and where the
 * interrupt controllers are.
 *
 * The firmware leaves a Root System Description Pointer ("RSD PTR ") on a
 * 16-byte boundary in the first KiB of the EBDA or in 0xe0000..0xfffff;
 * it points to the RSDT (32-bit table addresses) or, from revision 2, the
 * XSDT (64-bit ones).  Of the tables listed there we read only the MADT:
 * its entries name each CPU's local APIC id, the I/O APIC's address and
 * first GSI, and the ISA IRQs wired to another GSI or with another
 * polarity (QEMU routes the PIT's IRQ 0 to GSI 2).  Every table is in RAM
 * below 1 GiB on the machines we boot, which the direct map covers; each
 * is checksummed before it is believed. */

#include "arch/x86_64/acpi.h"

#include <string.h>

#include "mm/vaddr.h"

struct rsdp {
  char signature[8]; /* "RSD PTR " */
  uint8_t checksum;  /* Of the first 20 bytes. */
  char oem[6];
  uint8_t revision; /* 0: RSDT only; 2: also the XSDT. */
  uint32_t rsdt_pa;
  uint32_t length; /* Revision 2 on. */
  uint64_t xsdt_pa;
} __attribute__((packed));

struct sdt_header {
  char signature[4];
  uint32_t length; /* Header included. */
  uint8_t revision;
  uint8_t checksum; /* Of LENGTH bytes. */
  char oem[6];
  char oem_table[8];
  uint32_t oem_revision, creator, creator_revision;
} __attribute__((packed));

struct madt {
  struct sdt_header h;
  uint32_t lapic_pa;
  uint32_t flags;
  uint8_t entries[];
} __attribute__((packed));

enum madt_type {
  MADT_LAPIC = 0,         /* uid u8, apic id u8, flags u32 */
  MADT_IOAPIC = 1,        /* id u8, reserved u8, address u32, gsi base u32 */
  MADT_OVERRIDE = 2,      /* bus u8, irq u8, gsi u32, flags u16 */
  MADT_LAPIC_ADDRESS = 5, /* reserved u16, address u64 */
};

#define MADT_LAPIC_ENABLED 0x1
#define MADT_LAPIC_ONLINE_CAPABLE 0x2

static bool
checksum_ok(const void *p, size_t n)
{
  const uint8_t *b = p;
  uint8_t sum = 0;
  for (size_t i = 0; i < n; i++)
    sum += b[i];
  return sum == 0;
}

static const struct rsdp *
scan_rsdp(paddr_t start, size_t len)
{
  for (paddr_t pa = start; pa + sizeof(struct rsdp) <= start + len; pa += 16) {
    const struct rsdp *r = ptov(pa);
    if (!memcmp(r->signature, "RSD PTR ", 8) && checksum_ok(r, 20))
      return r;
  }
  return NULL;
}

static const struct rsdp *
find_rsdp(void)
{
  paddr_t ebda = (paddr_t) * (const uint16_t *)ptov(0x40e) << 4;
  const struct rsdp *r = NULL;
  if (ebda >= 0x80000 && ebda < 0xa0000)
    r = scan_rsdp(ebda, 1024);
  return r != NULL ? r : scan_rsdp(0xe0000, 0x20000);
}

/* The table with SIGNATURE listed in the RSDT/XSDT of R, or NULL. */
static const struct sdt_header *
find_table(const struct rsdp *r, const char *signature)
{
  bool x = r->revision >= 2 && r->xsdt_pa != 0;
  paddr_t root_pa = x ? r->xsdt_pa : r->rsdt_pa;
  if (root_pa == 0 || root_pa >= (1ull << 30))
    return NULL;
  const struct sdt_header *root = ptov(root_pa);
  if (!checksum_ok(root, root->length))
    return NULL;
  size_t width = x ? 8 : 4;
  size_t n = (root->length - sizeof *root) / width;
  const uint8_t *list = (const uint8_t *)(root + 1);
  for (size_t i = 0; i < n; i++) {
    uint64_t pa = 0;
    memcpy(&pa, list + i * width, width);
    if (pa == 0 || pa >= (1ull << 30))
      continue;
    const struct sdt_header *t = ptov(pa);
    if (!memcmp(t->signature, signature, 4) && checksum_ok(t, t->length))
      return t;
  }
  return NULL;
}

static void
add_entry(struct acpi_madt_info *info, const uint8_t *e)
{
  uint32_t u32;
  switch (e[0]) {
  case MADT_LAPIC:
    memcpy(&u32, e + 4, 4);
    if ((u32 & MADT_LAPIC_ENABLED) && info->cpu_count < ACPI_CPU_MAX)
      info->apic_ids[info->cpu_count++] = e[3];
    break;
  case MADT_IOAPIC:
    if (info->ioapic_pa == 0) { /* The first one carries the ISA IRQs. */
      memcpy(&u32, e + 4, 4);
      info->ioapic_pa = u32;
      memcpy(&info->ioapic_gsi_base, e + 8, 4);
    }
    break;
  case MADT_OVERRIDE:
    if (e[2] == 0 && e[3] < 16) { /* bus 0: ISA */
      struct acpi_irq *irq = &info->isa[e[3]];
      memcpy(&irq->gsi, e + 4, 4);
      memcpy(&irq->flags, e + 8, 2);
    }
    break;
  case MADT_LAPIC_ADDRESS:
    memcpy(&info->lapic_pa, e + 4, 8);
    break;
  }
}

/* See acpi.h. */
bool
acpi_read_madt(struct acpi_madt_info *info)
{
  memset(info, 0, sizeof *info);
  for (int irq = 0; irq < 16; irq++)
    info->isa[irq].gsi = irq; /* Identity unless overridden. */
  const struct rsdp *r = find_rsdp();
  if (r == NULL)
    return false;
  const struct madt *m = (const struct madt *)find_table(r, "APIC");
  if (m == NULL)
    return false;
  info->lapic_pa = m->lapic_pa;
  const uint8_t *e = m->entries, *end = (const uint8_t *)m + m->h.length;
  while (e + 2 <= end && e[1] >= 2 && e + e[1] <= end) {
    add_entry(info, e);
    e += e[1];
  }
  return info->cpu_count > 0 && info->lapic_pa != 0 && info->ioapic_pa != 0;
}
