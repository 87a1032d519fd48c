/* SPDX-License-Identifier: MIT */
/* ATA disk driver for the two legacy IDE channels of QEMU's PIIX3.
 *
 * Each channel has a command-block port range, a control port and an IRQ,
 * and two disk positions (master, slave) that share them.  A channel runs
 * one command at a time: a request takes the channel lock, programs the
 * registers, marks the channel as expecting an interrupt and sleeps on the
 * channel's semaphore; the IRQ handler reads the status register (which
 * acknowledges the interrupt), records it and ups the semaphore.
 *
 * Transfers use bus-master DMA when the PIIX IDE function (PCI 00:01.1)
 * has its bus-master I/O range: the disk moves up to 128 sectors straight
 * to or from memory and interrupts once.  Under QEMU's emulation this
 * beats PIO by far, because every word of `rep insw' is a separate trip
 * into the device model.  DMA needs physical addresses, which the direct
 * map and the kernel image have; any other buffer (a kernel stack) goes
 * through a one-page bounce buffer.  Without bus mastering, or after
 * ide_set_dma(false), each sector is one PIO command.
 *
 * Busy-waiting is bounded and limited to what the protocol requires:
 * probing during ide_init (IDENTIFY, with the disk interrupt masked), the
 * BSY check before a command and the DRQ wait before the data of a PIO
 * write (the disk raises no interrupt for it).  A disk error (ERR or DF in
 * the status) makes the request return false after a log line naming the
 * disk and sector; nothing here panics. */

#include "devices/ide.h"

#include <debug.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "arch/x86_64/cpu.h"
#include "lib/kernel/console.h"
#include "mm/vaddr.h"
#include "threads/interrupt.h"
#include "threads/synch.h"

/* Command-block registers, offsets from the channel's base port. */
#define REG_DATA 0
#define REG_ERROR 1 /* Read; features when written. */
#define REG_COUNT 2
#define REG_LBA0 3
#define REG_LBA1 4
#define REG_LBA2 5
#define REG_DEVICE 6
#define REG_STATUS 7  /* Read: also acknowledges the interrupt. */
#define REG_COMMAND 7 /* Write. */

/* Control port: alternate status (read, no acknowledge), control (write). */
#define CTL_NIEN 0x02 /* Mask the disk's interrupt. */

#define STS_ERR 0x01
#define STS_DRQ 0x08
#define STS_DF 0x20
#define STS_BSY 0x80

#define DEV_LBA 0xe0 /* LBA addressing; bits 7 and 5 are set by tradition. */

#define CMD_READ_PIO 0x20
#define CMD_WRITE_PIO 0x30
#define CMD_READ_DMA 0xc8
#define CMD_WRITE_DMA 0xca
#define CMD_IDENTIFY 0xec

/* Bus-master registers, offsets from the channel's bus-master base. */
#define BM_COMMAND 0
#define BM_STATUS 2
#define BM_PRDT 4
#define BMC_START 0x01
#define BMC_TO_MEMORY 0x08 /* Direction: disk to memory. */
#define BMS_ERROR 0x02     /* Write 1 to clear. */
#define BMS_IRQ 0x04       /* Write 1 to clear. */

#define PRD_END 0x8000 /* Last entry of the table. */

#define POLL_LIMIT 1000000 /* Status reads before a disk counts as gone. */
#define SECTOR_WORDS (BLOCK_SECTOR_SIZE / 2)
#define DMA_MAX_SECTORS 128 /* 64 KiB per command. */
#define BOUNCE_SECTORS (PGSIZE / BLOCK_SECTOR_SIZE)
#define PRD_MAX 8 /* 64 KiB needs at most 2 entries. */

/* Physical region descriptor: one contiguous piece of a DMA buffer, which
   must not cross a 64 KiB boundary. */
struct prd {
  uint32_t pa;
  uint16_t bytes; /* 0 means 64 KiB. */
  uint16_t flags;
};

struct ide_channel;

/* One disk position.  Immutable after ide_init. */
struct ide_disk {
  char name[8];           /* "hd0:1". */
  struct ide_channel *ch; /* Its channel. */
  uint8_t dev;            /* 0 master, 1 slave. */
  block_sector_t size;    /* Sectors; 0 if no ATA disk is there. */
};

/* Lock legend: (i) immutable after ide_init, (l) channel lock,
   (h) written by the IRQ handler, read by the lock holder after waking. */
struct ide_channel {
  char name[4];                /* (i) "hd0". */
  uint16_t base;               /* (i) Command-block ports. */
  uint16_t ctl;                /* (i) Control port. */
  uint16_t bm;                 /* (i) Bus-master ports, 0 if none. */
  struct lock lock;            /* One request at a time. */
  struct semaphore done;       /* Upped by the IRQ handler. */
  volatile bool expecting;     /* (l,h) A command awaits its interrupt. */
  volatile uint8_t irq_status; /* (h) Status the handler read. */
  struct prd *prdt;            /* (l) DMA descriptor table. */
  uint8_t *bounce;             /* (l) Page for unreachable buffers. */
  struct ide_disk disks[2];    /* (i) Master, slave. */
};

static struct ide_channel channels[2];
static bool dma_enabled; /* Read under a channel lock per request. */

/* DMA tables and bounce pages live in the kernel image, whose physical
   addresses vtop() knows; a page never crosses a 64 KiB boundary. */
static struct prd prdts[2][PRD_MAX] __attribute__((aligned(64)));
static uint8_t bounces[2][PGSIZE] __attribute__((aligned(PGSIZE)));

/* ------------------------------------------------------------ registers */

static uint8_t
alt_status(struct ide_channel *ch)
{
  return inb(ch->ctl);
}

/* Let a freshly selected disk settle (400 ns: four status reads). */
static void
settle(struct ide_channel *ch)
{
  for (int i = 0; i < 4; i++)
    alt_status(ch);
}

/* Spin until BSY clears or POLL_LIMIT reads pass; returns the status. */
static uint8_t
wait_not_busy(struct ide_channel *ch)
{
  uint8_t st = alt_status(ch);
  for (int i = 0; i < POLL_LIMIT && (st & STS_BSY); i++)
    st = alt_status(ch);
  return st;
}

static void
select_disk(struct ide_disk *d, block_sector_t sector)
{
  outb(d->ch->base + REG_DEVICE,
       DEV_LBA | (d->dev << 4) | ((sector >> 24) & 0x0f));
  settle(d->ch);
}

/* Log a failed command on D with the disk's status and error registers. */
static bool
report(struct ide_disk *d, block_sector_t sector, const char *what,
       uint8_t status)
{
  klog_printf("ide: %s: %s error at sector %u (status 0x%02x, error "
              "0x%02x)\n",
              d->name, what, (unsigned)sector, status,
              inb(d->ch->base + REG_ERROR));
  return false;
}

/* Select D, program CNT (1..256) sectors at SECTOR and write command CMD,
   arming the interrupt wait first.  False if the disk stays busy. */
static bool
issue(struct ide_disk *d, block_sector_t sector, unsigned cnt, uint8_t cmd)
{
  struct ide_channel *ch = d->ch;
  select_disk(d, sector);
  uint8_t st = wait_not_busy(ch);
  if (st & STS_BSY)
    return report(d, sector, "busy", st);
  outb(ch->base + REG_COUNT, cnt & 0xff); /* 256 is written as 0. */
  outb(ch->base + REG_LBA0, sector & 0xff);
  outb(ch->base + REG_LBA1, (sector >> 8) & 0xff);
  outb(ch->base + REG_LBA2, (sector >> 16) & 0xff);
  ch->expecting = true;
  barrier();
  outb(ch->base + REG_COMMAND, cmd);
  return true;
}

/* Give up on the interrupt of an issued command.  If it already came,
   consume its sema_up so the next request does not wake early. */
static void
cancel_wait(struct ide_channel *ch)
{
  /* The handler may run on another CPU: whoever clears EXPECTING first
     owns the interrupt, and a handler that did so ups DONE. */
  if (!__atomic_exchange_n(&ch->expecting, false, __ATOMIC_ACQ_REL))
    sema_down(&ch->done);
}

/* Sleep until the issued command interrupts; returns the status read by
   the handler. */
static uint8_t
wait_irq(struct ide_channel *ch)
{
  sema_down(&ch->done);
  barrier();
  return ch->irq_status;
}

static void
channel_interrupt(struct ide_channel *ch)
{
  uint8_t st = inb(ch->base + REG_STATUS);
  if (__atomic_exchange_n(&ch->expecting, false, __ATOMIC_ACQ_REL)) {
    ch->irq_status = st;
    sema_up(&ch->done);
  }
}

static void
primary_interrupt(struct intr_frame *f)
{
  channel_interrupt(&channels[0]);
}

static void
secondary_interrupt(struct intr_frame *f)
{
  channel_interrupt(&channels[1]);
}

/* ------------------------------------------------------------------ PIO */

static bool
pio_read(struct ide_disk *d, block_sector_t sector, void *buf)
{
  if (!issue(d, sector, 1, CMD_READ_PIO))
    return false;
  uint8_t st = wait_irq(d->ch);
  if ((st & (STS_ERR | STS_DF)) || !(st & STS_DRQ))
    return report(d, sector, "read", st);
  insw(d->ch->base + REG_DATA, buf, SECTOR_WORDS);
  return true;
}

static bool
pio_write(struct ide_disk *d, block_sector_t sector, const void *buf)
{
  struct ide_channel *ch = d->ch;
  if (!issue(d, sector, 1, CMD_WRITE_PIO))
    return false;
  /* The disk asks for the data by DRQ alone, without an interrupt. */
  uint8_t st = wait_not_busy(ch);
  if ((st & (STS_BSY | STS_ERR | STS_DF)) || !(st & STS_DRQ)) {
    cancel_wait(ch);
    return report(d, sector, "write", st);
  }
  outsw(ch->base + REG_DATA, buf, SECTOR_WORDS);
  st = wait_irq(ch);
  if (st & (STS_ERR | STS_DF))
    return report(d, sector, "write", st);
  return true;
}

/* ------------------------------------------------------------------ DMA */

/* True if the disk can reach [BUF, BUF + SIZE) by physical address: the
   direct map and the kernel image are linear, stacks and others are not. */
static bool
dma_reachable(const void *buf, size_t size)
{
  uintptr_t va = (uintptr_t)buf;
  if (va % 4 != 0)
    return false;
  if (!(va >= DMAP_BASE && va + size <= KSTACK_AREA) && va < KERNEL_VMA)
    return false;
  return vtop(buf) + size <= UINT32_MAX;
}

/* Describe the physically contiguous AREA of SIZE bytes in CH's table. */
static void
fill_prdt(struct ide_channel *ch, const void *area, size_t size)
{
  paddr_t pa = vtop(area);
  int i = 0;
  while (size > 0) {
    size_t piece = 0x10000 - (pa & 0xffff); /* Up to the 64 KiB line. */
    if (piece > size)
      piece = size;
    ch->prdt[i].pa = pa;
    ch->prdt[i].bytes = piece & 0xffff;
    ch->prdt[i].flags = 0;
    pa += piece;
    size -= piece;
    i++;
  }
  ch->prdt[i - 1].flags = PRD_END;
}

/* Stop the bus master and clear its interrupt and error bits; returns the
   bus-master status as it was. */
static uint8_t
dma_stop(struct ide_channel *ch)
{
  uint8_t bms = inb(ch->bm + BM_STATUS);
  outb(ch->bm + BM_COMMAND, 0);
  outb(ch->bm + BM_STATUS, bms | BMS_ERROR | BMS_IRQ);
  return bms;
}

/* Move CNT sectors (at most DMA_MAX_SECTORS, or BOUNCE_SECTORS if BUF is
   not reachable) between BUF and the disk.  For a write BUF is only read;
   the cast-away const never reaches a store. */
static bool
dma_transfer(struct ide_disk *d, block_sector_t sector, void *buf, unsigned cnt,
             bool write)
{
  struct ide_channel *ch = d->ch;
  size_t size = (size_t)cnt * BLOCK_SECTOR_SIZE;
  bool bounce = !dma_reachable(buf, size);
  void *area = bounce ? ch->bounce : buf;
  uint8_t dir = write ? 0 : BMC_TO_MEMORY;

  if (bounce && write)
    memcpy(ch->bounce, buf, size);
  fill_prdt(ch, area, size);
  dma_stop(ch);
  outl(ch->bm + BM_PRDT, (uint32_t)vtop(ch->prdt));
  outb(ch->bm + BM_COMMAND, dir);
  barrier(); /* Table and data are in memory before the disk looks. */
  if (!issue(d, sector, cnt, write ? CMD_WRITE_DMA : CMD_READ_DMA))
    return false;
  outb(ch->bm + BM_COMMAND, dir | BMC_START);
  uint8_t st = wait_irq(ch);
  uint8_t bms = dma_stop(ch);
  barrier();
  if ((st & (STS_ERR | STS_DF)) || (bms & BMS_ERROR))
    return report(d, sector, write ? "DMA write" : "DMA read", st);
  if (bounce && !write)
    memcpy(buf, ch->bounce, size);
  return true;
}

/* ------------------------------------------------------- block interface */

/* Move CNT sectors between BUF and disk D, one command per chunk, taking
   the channel lock per chunk so other threads' requests interleave. */
static bool
disk_transfer(struct ide_disk *d, block_sector_t sector, void *buf,
              unsigned cnt, bool write)
{
  struct ide_channel *ch = d->ch;
  bool ok = true;
  while (ok && cnt > 0) {
    lock_acquire(&ch->lock);
    unsigned n = 1;
    if (dma_enabled && ch->bm != 0) {
      unsigned limit = dma_reachable(buf, (size_t)cnt * BLOCK_SECTOR_SIZE)
                           ? DMA_MAX_SECTORS
                           : BOUNCE_SECTORS;
      n = cnt < limit ? cnt : limit;
      ok = dma_transfer(d, sector, buf, n, write);
    } else {
      ok = write ? pio_write(d, sector, buf) : pio_read(d, sector, buf);
    }
    lock_release(&ch->lock);
    sector += n;
    buf = (uint8_t *)buf + (size_t)n * BLOCK_SECTOR_SIZE;
    cnt -= n;
  }
  return ok;
}

static bool
disk_read(void *aux, block_sector_t sector, void *buf)
{
  return disk_transfer(aux, sector, buf, 1, false);
}

static bool
disk_write(void *aux, block_sector_t sector, const void *buf)
{
  return disk_transfer(aux, sector, (void *)buf, 1, true);
}

static bool
disk_read_multi(void *aux, block_sector_t sector, void *buf, unsigned cnt)
{
  return disk_transfer(aux, sector, buf, cnt, false);
}

static bool
disk_write_multi(void *aux, block_sector_t sector, const void *buf,
                 unsigned cnt)
{
  return disk_transfer(aux, sector, (void *)buf, cnt, true);
}

static const struct block_operations disk_ops = {
    .read = disk_read,
    .write = disk_write,
};

static const struct block_multi_operations disk_multi_ops = {
    .read_multi = disk_read_multi,
    .write_multi = disk_write_multi,
};

/* ---------------------------------------------------------------- probe */

/* Copy the model string (IDENTIFY words 27..46, two characters per word,
   high byte first) into MODEL without trailing spaces. */
static void
identify_model(const uint16_t *id, char *model, size_t size)
{
  size_t n = 0;
  for (int w = 27; w <= 46 && n + 2 < size; w++) {
    model[n++] = id[w] >> 8;
    model[n++] = id[w] & 0xff;
  }
  while (n > 0 && (model[n - 1] == ' ' || model[n - 1] == '\0'))
    n--;
  model[n] = '\0';
}

/* Probe D with IDENTIFY, by polling (the channel's interrupt is masked).
   Returns its LBA28 size in sectors, or 0 if there is no ATA disk (an
   empty position, or a packet device such as a CD drive). */
static block_sector_t
probe_disk(struct ide_disk *d, char *model, size_t model_size)
{
  struct ide_channel *ch = d->ch;
  uint16_t id[SECTOR_WORDS];

  select_disk(d, 0);
  /* A present disk latches these; a floating bus reads 0xff. */
  outb(ch->base + REG_COUNT, 0x55);
  outb(ch->base + REG_LBA0, 0xaa);
  if (inb(ch->base + REG_COUNT) != 0x55 || inb(ch->base + REG_LBA0) != 0xaa)
    return 0;
  uint8_t st = alt_status(ch);
  if (st == 0 || st == 0xff)
    return 0;
  outb(ch->base + REG_COMMAND, CMD_IDENTIFY);
  settle(ch);
  st = wait_not_busy(ch);
  if (st == 0 || (st & (STS_BSY | STS_ERR | STS_DF)) || !(st & STS_DRQ))
    return 0;
  insw(ch->base + REG_DATA, id, SECTOR_WORDS);
  inb(ch->base + REG_STATUS);
  if (!(id[49] & 0x0200)) /* No LBA: not worth supporting. */
    return 0;
  identify_model(id, model, model_size);
  return id[60] | ((block_sector_t)id[61] << 16);
}

/* Role of a disk by position (pintos-abi.md section 8.2). */
static enum block_type
disk_role(int channel, int dev)
{
  if (dev == 1)
    return channel == 0 ? BLOCK_FILESYS : BLOCK_SWAP;
  return BLOCK_RAW;
}

static void
register_disk(struct ide_disk *d, enum block_type role, const char *model)
{
  static const char *const roles[BLOCK_CNT] = {"file system", "swap", "raw"};
  unsigned tenths = (unsigned)(((uint64_t)d->size * 10 + 1024) / 2048);
  klog_printf("ide: %s: %u sectors (%u.%u MB), \"%s\", %s, %s\n", d->name,
              (unsigned)d->size, tenths / 10, tenths % 10, model, roles[role],
              d->ch->bm != 0 ? "DMA" : "PIO");
  struct block *b = block_register(d->name, role, d->size, &disk_ops, d);
  if (b == NULL) {
    klog_printf("ide: %s: out of memory, disk not registered\n", d->name);
    return;
  }
  block_set_multi_ops(b, &disk_multi_ops);
}

/* ------------------------------------------------------------------ PCI */

#define PCI_ADDR 0xcf8
#define PCI_DATA 0xcfc
#define PIIX_IDE_DEV 1 /* Bus 0, device 1, function 1. */
#define PIIX_IDE_FN 1

static uint32_t
pci_read(unsigned dev, unsigned fn, unsigned off)
{
  outl(PCI_ADDR, 0x80000000u | dev << 11 | fn << 8 | (off & 0xfc));
  return inl(PCI_DATA);
}

static void
pci_write(unsigned dev, unsigned fn, unsigned off, uint32_t v)
{
  outl(PCI_ADDR, 0x80000000u | dev << 11 | fn << 8 | (off & 0xfc));
  outl(PCI_DATA, v);
}

/* Base of the PIIX bus-master I/O range, with bus mastering switched on,
   or 0 if there is no such IDE function or the firmware gave it no
   ports. */
static uint16_t
find_bus_master(void)
{
  uint32_t class = pci_read(PIIX_IDE_DEV, PIIX_IDE_FN, 0x08);
  if ((class >> 16) != 0x0101 || !(class & 0x8000)) /* IDE, can master. */
    return 0;
  uint32_t bar4 = pci_read(PIIX_IDE_DEV, PIIX_IDE_FN, 0x20);
  if (!(bar4 & 1) || (bar4 & 0xfffc) == 0)
    return 0;
  /* Command register: I/O decoding and bus mastering.  The status half
     of the word is write-1-to-clear, so writing 0 there is harmless. */
  uint32_t cmd = pci_read(PIIX_IDE_DEV, PIIX_IDE_FN, 0x04) & 0xffff;
  pci_write(PIIX_IDE_DEV, PIIX_IDE_FN, 0x04, cmd | 0x05);
  return bar4 & 0xfffc;
}

/* ----------------------------------------------------------------- init */

static void
channel_init(int i, uint16_t bm)
{
  static const uint16_t bases[2] = {0x1f0, 0x170};
  static const uint16_t ctls[2] = {0x3f6, 0x376};
  struct ide_channel *ch = &channels[i];

  snprintf(ch->name, sizeof ch->name, "hd%d", i);
  ch->base = bases[i];
  ch->ctl = ctls[i];
  ch->bm = bm != 0 ? bm + 8 * i : 0;
  ch->prdt = prdts[i];
  ch->bounce = bounces[i];
  lock_init_ranked(&ch->lock, LOCK_RANK_DISK);
  sema_init(&ch->done, 0);
  for (int dev = 0; dev < 2; dev++) {
    struct ide_disk *d = &ch->disks[dev];
    snprintf(d->name, sizeof d->name, "%s:%d", ch->name, dev);
    d->ch = ch;
    d->dev = dev;
  }
}

/* Probe and register the disks of channel I, then unmask its interrupt. */
static void
channel_probe(int i)
{
  struct ide_channel *ch = &channels[i];
  outb(ch->ctl, CTL_NIEN);
  for (int dev = 0; dev < 2; dev++) {
    struct ide_disk *d = &ch->disks[dev];
    char model[41];
    d->size = probe_disk(d, model, sizeof model);
    if (d->size != 0)
      register_disk(d, disk_role(i, dev), model);
  }
  outb(ch->ctl, 0);
  inb(ch->base + REG_STATUS); /* Drop anything raised while probing. */
  intr_register_ext(0x20 + 14 + i,
                    i == 0 ? primary_interrupt : secondary_interrupt,
                    i == 0 ? "IDE primary" : "IDE secondary");
}

/* See ide.h.  Probing polls with bounded loops, so a missing disk costs a
   few register reads, never a hang. */
void
ide_init(void)
{
  uint16_t bm = find_bus_master();
  dma_enabled = bm != 0;
  for (int i = 0; i < 2; i++) {
    channel_init(i, bm);
    channel_probe(i);
  }
  if (bm == 0)
    klog_printf("ide: no bus-master function, using PIO\n");
}

/* See ide.h.  Not atomic with requests in flight: those finish in the mode
   they started in. */
bool
ide_set_dma(bool on)
{
  bool was = dma_enabled;
  dma_enabled = on && channels[0].bm != 0;
  return was;
}

/* See ide.h.  May sleep. */
bool
ide_read_unchecked(const char *name, block_sector_t sector, void *buf)
{
  for (int i = 0; i < 2; i++)
    for (int dev = 0; dev < 2; dev++) {
      struct ide_disk *d = &channels[i].disks[dev];
      if (d->size != 0 && !strcmp(d->name, name))
        return disk_transfer(d, sector, buf, 1, false);
    }
  return false;
}
