/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_CACHE_H
#define FILESYS_CACHE_H

/* Write-through sector cache between the file system and its device.
   Every device access of the file system goes through here, so the
   cached copies are always coherent.  The caller holds the file-system
   lock. */

#include <stdbool.h>
#include <stddef.h>
#include "devices/block.h"

/* Caching policy of one access. */
enum cache_mode {
  CACHE_KEEP,   /* Metadata: keep the sector cached. */
  CACHE_BYPASS, /* File data: use a cached copy if present, else go direct. */
};

bool cache_init(struct block *, block_sector_t limit);
void cache_set_limit(block_sector_t limit);
void cache_done(void);
bool cache_read(block_sector_t, void *buf, size_t ofs, size_t len,
                enum cache_mode);
bool cache_read_run(block_sector_t sector, void *buf, size_t cnt);
bool cache_write(block_sector_t, const void *buf, size_t ofs, size_t len,
                 enum cache_mode);
bool cache_write_run(block_sector_t sector, const void *buf, size_t cnt);
bool cache_zero(block_sector_t, enum cache_mode);

#endif
