/* SPDX-License-Identifier: MIT */
/* The block layer: a registry of named 512-byte-sector devices.
 *
 * Drivers (devices/ide.c) register each disk they find with a name, a
 * role and a table of operations; the rest of the kernel asks for a disk
 * by role (file system, swap) and reads or writes whole sectors through
 * block_read/block_write.  This layer adds what every driver would
 * otherwise repeat: the range check on the sector number, an error line in
 * the kernel log that names device and sector, and per-device counters.
 *
 * The registry is written only during boot, before other threads use it,
 * so it needs no lock.  The counters are bumped with interrupts off: two
 * threads may use one device at once (the driver serialises the hardware,
 * not this bookkeeping) and a lost increment would skew the statistics. */

#include "devices/block.h"

#include <list.h>
#include <string.h>

#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "threads/interrupt.h"

#define BLOCK_NAME_MAX 16

struct block {
  struct list_elem elem;     /* In `all_blocks', in registration order. */
  char name[BLOCK_NAME_MAX]; /* (i) e.g. "hd0:1". */
  enum block_type type;      /* (i) Role it was registered with. */
  block_sector_t size;       /* (i) Sectors. */
  const struct block_operations *ops;        /* (i) Driver operations. */
  const struct block_multi_operations *mops; /* (i) Or NULL. */
  void *aux;                                 /* (i) Driver's per-device data. */
  unsigned long long read_cnt;  /* Sectors read (interrupts off). */
  unsigned long long write_cnt; /* Sectors written (interrupts off). */
  unsigned long long error_cnt; /* Failed requests (interrupts off). */
};

static struct list all_blocks = LIST_INITIALIZER(all_blocks);
static struct block *roles[BLOCK_CNT];

static const char *const type_names[BLOCK_CNT] = {"filesys", "swap", "raw"};

/* The device with role TYPE, or NULL.  Any context. */
struct block *
block_get_role(enum block_type type)
{
  return type < BLOCK_CNT ? roles[type] : NULL;
}

/* Make BLOCK the device for role TYPE (NULL clears the role).  Boot only. */
void
block_set_role(enum block_type type, struct block *block)
{
  if (type < BLOCK_CNT)
    roles[type] = block;
}

/* Add N to *COUNTER atomically with respect to other threads and CPUs. */
static void
count_add(unsigned long long *counter, unsigned long long n)
{
  __atomic_add_fetch(counter, n, __ATOMIC_RELAXED);
}

/* True if sectors [SECTOR, SECTOR + CNT) lie on BLOCK; logs otherwise. */
static bool
check_range(struct block *block, block_sector_t sector, unsigned cnt,
            const char *what)
{
  if (sector < block->size && cnt <= block->size - sector)
    return true;
  klog_printf("block: %s: %s of sector %u (+%u) beyond the end (%u "
              "sectors)\n",
              block->name, what, (unsigned)sector, cnt, (unsigned)block->size);
  count_add(&block->error_cnt, 1);
  return false;
}

/* Log a failed driver request and count it. */
static void
report_error(struct block *block, block_sector_t sector, const char *what)
{
  klog_printf("block: %s: %s of sector %u failed\n", block->name, what,
              (unsigned)sector);
  count_add(&block->error_cnt, 1);
}

/* Read sector SECTOR of BLOCK into BUF (BLOCK_SECTOR_SIZE bytes).  Returns
   false, with a log line, if the sector is out of range or the device
   reports an error.  May sleep: thread context only. */
bool
block_read(struct block *block, block_sector_t sector, void *buf)
{
  if (!check_range(block, sector, 1, "read"))
    return false;
  if (!block->ops->read(block->aux, sector, buf)) {
    report_error(block, sector, "read");
    return false;
  }
  count_add(&block->read_cnt, 1);
  return true;
}

/* Write BUF (BLOCK_SECTOR_SIZE bytes) to sector SECTOR of BLOCK.  Same
   failure rules and calling context as block_read. */
bool
block_write(struct block *block, block_sector_t sector, const void *buf)
{
  if (!check_range(block, sector, 1, "write"))
    return false;
  if (!block->ops->write(block->aux, sector, buf)) {
    report_error(block, sector, "write");
    return false;
  }
  count_add(&block->write_cnt, 1);
  return true;
}

/* Read CNT consecutive sectors starting at SECTOR into BUF (CNT *
   BLOCK_SECTOR_SIZE bytes).  Uses the driver's multi-sector operation when
   it has one (one command, e.g. one DMA transfer), otherwise one
   block_read per sector.  All or nothing as far as the caller is
   concerned: false means some sector failed and BUF is unspecified. */
bool
block_read_multi(struct block *block, block_sector_t sector, void *buf,
                 unsigned cnt)
{
  dbg(DISK, "read %u sector(s) from %u\n", cnt, sector);
  if (!check_range(block, sector, cnt, "read"))
    return false;
  if (block->mops == NULL) {
    for (unsigned i = 0; i < cnt; i++)
      if (!block_read(block, sector + i,
                      (char *)buf + (size_t)i * BLOCK_SECTOR_SIZE))
        return false;
    return true;
  }
  if (cnt > 0 && !block->mops->read_multi(block->aux, sector, buf, cnt)) {
    report_error(block, sector, "read");
    return false;
  }
  count_add(&block->read_cnt, cnt);
  return true;
}

/* Write CNT consecutive sectors from BUF, starting at SECTOR.  Same rules
   as block_read_multi. */
bool
block_write_multi(struct block *block, block_sector_t sector, const void *buf,
                  unsigned cnt)
{
  dbg(DISK, "write %u sector(s) to %u\n", cnt, sector);
  if (!check_range(block, sector, cnt, "write"))
    return false;
  if (block->mops == NULL) {
    for (unsigned i = 0; i < cnt; i++)
      if (!block_write(block, sector + i,
                       (const char *)buf + (size_t)i * BLOCK_SECTOR_SIZE))
        return false;
    return true;
  }
  if (cnt > 0 && !block->mops->write_multi(block->aux, sector, buf, cnt)) {
    report_error(block, sector, "write");
    return false;
  }
  count_add(&block->write_cnt, cnt);
  return true;
}

/* Give BLOCK the multi-sector operations MOPS (NULL: none).  Boot only,
   right after block_register. */
void
block_set_multi_ops(struct block *block,
                    const struct block_multi_operations *mops)
{
  block->mops = mops;
}

/* Number of sectors on BLOCK. */
block_sector_t
block_size(struct block *block)
{
  return block->size;
}

/* BLOCK's name, e.g. "hd0:1".  Lives as long as the device. */
const char *
block_name(struct block *block)
{
  return block->name;
}

/* The role BLOCK was registered with. */
enum block_type
block_type(struct block *block)
{
  return block->type;
}

/* Register a device of SIZE sectors called NAME (truncated to 15
   characters) driven by OPS with AUX.  It takes role TYPE unless another
   device already holds that role (the first one found wins; BLOCK_RAW
   devices are only listed).  Returns the device, or NULL when out of
   memory.  Boot only; may sleep. */
struct block *
block_register(const char *name, enum block_type type, block_sector_t size,
               const struct block_operations *ops, void *aux)
{
  struct block *block = malloc(sizeof *block);
  if (block == NULL)
    return NULL;
  memset(block, 0, sizeof *block);
  strlcpy(block->name, name, sizeof block->name);
  block->type = type;
  block->size = size;
  block->ops = ops;
  block->aux = aux;
  list_push_back(&all_blocks, &block->elem);
  if (type != BLOCK_RAW && type < BLOCK_CNT && roles[type] == NULL)
    roles[type] = block;
  return block;
}

/* Print one line per device with its sector counters to the kernel log.
   Any thread context. */
void
block_print_stats(void)
{
  for (struct list_elem *e = list_begin(&all_blocks);
       e != list_end(&all_blocks); e = list_next(e)) {
    struct block *b = list_entry(e, struct block, elem);
    klog_printf("block: %s (%s): %llu reads, %llu writes, %llu errors\n",
                b->name, type_names[b->type], b->read_cnt, b->write_cnt,
                b->error_cnt);
  }
}
