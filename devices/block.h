/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_BLOCK_H
#define DEVICES_BLOCK_H

/* Block devices: fixed 512-byte sectors, named, with a role.  The kernel
   backs them with IDE disks (devices/ide.c); host tools back them with an
   image file (filesys/host/block-file.c).  Same interface either way. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BLOCK_SECTOR_SIZE 512
typedef uint32_t block_sector_t;

enum block_type {
  BLOCK_FILESYS, /* File-system disk (primary slave). */
  BLOCK_SWAP,    /* Swap disk (secondary slave). */
  BLOCK_RAW,     /* Other disks: scratch, unused by the kernel. */
  BLOCK_CNT
};

struct block;

/* Device operations supplied by a driver. */
struct block_operations {
  bool (*read)(void *aux, block_sector_t, void *buf);
  bool (*write)(void *aux, block_sector_t, const void *buf);
};

/* The device with the given role, or NULL if there is none. */
struct block *block_get_role(enum block_type);
void block_set_role(enum block_type, struct block *);

/* Read or write one sector.  Return false on an out-of-range sector or a
   device error (logged with device and sector); never panic. */
bool block_read(struct block *, block_sector_t, void *buf);
bool block_write(struct block *, block_sector_t, const void *buf);

block_sector_t block_size(struct block *);
const char *block_name(struct block *);
enum block_type block_type(struct block *);

/* Register a device; returns it, or NULL when out of memory. */
struct block *block_register(const char *name, enum block_type,
                             block_sector_t size,
                             const struct block_operations *, void *aux);
/* Print read/write counters of every device to the kernel log. */
void block_print_stats(void);

/* Optional multi-sector operations of a driver: one command moves CNT
   (>= 1) consecutive sectors, e.g. one DMA transfer for a whole page.
   Kept out of block_operations so drivers without them need not change. */
struct block_multi_operations {
  bool (*read_multi)(void *aux, block_sector_t, void *buf, unsigned cnt);
  bool (*write_multi)(void *aux, block_sector_t, const void *buf, unsigned cnt);
};
void block_set_multi_ops(struct block *, const struct block_multi_operations *);

/* Read or write CNT consecutive sectors (CNT * 512 bytes of BUF); a swap
   slot is one call with CNT = 8.  Uses the multi-sector operations when the
   driver set them, otherwise loops over block_read/block_write.  Same
   failure rules as block_read; on false BUF (or the disk range) holds an
   unspecified mix of old and new data. */
bool block_read_multi(struct block *, block_sector_t, void *buf, unsigned cnt);
bool block_write_multi(struct block *, block_sector_t, const void *buf,
                       unsigned cnt);

#endif
