/* SPDX-License-Identifier: MIT */
#ifndef FILESYS_FREE_MAP_H
#define FILESYS_FREE_MAP_H

/* The free map: one bit per sector, kept in memory and written through to
   its sectors on every change.  The caller holds the file-system lock. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/layout.h"

bool free_map_create(const struct fs_geometry *);
bool free_map_load(const struct fs_geometry *, char *why, size_t why_size);
void free_map_done(void);

bool free_map_allocate(uint32_t sectors, struct fs_extent *ext,
                       uint32_t max_ext, uint32_t *ext_cnt);
bool free_map_allocate_one(block_sector_t *);
void free_map_release(block_sector_t start, uint32_t count);
bool free_map_is_used(block_sector_t);
uint32_t free_map_free_count(void);

/* Bit helpers shared with fsck.c. */
static inline bool
fs_bit_test(const uint8_t *bits, uint32_t i)
{
  return (bits[i / 8] >> (i % 8)) & 1;
}

static inline void
fs_bit_set(uint8_t *bits, uint32_t i, bool value)
{
  if (value)
    bits[i / 8] |= (uint8_t)(1u << (i % 8));
  else
    bits[i / 8] &= (uint8_t) ~(1u << (i % 8));
}

#endif
