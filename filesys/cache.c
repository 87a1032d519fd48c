/* SPDX-License-Identifier: MIT */
/* A small write-through sector cache.

   CACHE_SLOTS sectors, replaced least recently used (a stamp per slot; a
   linear scan is cheap at this size).  Writes go to the device at once,
   so a slot is never dirty and unmounting needs no flush; the cache only
   saves reads.  Metadata (superblock, free map, inodes, extent tables,
   directory blocks) is cached; bulk file data bypasses the cache so a
   4 MB read does not evict the directory, but still uses a cached copy
   when there is one, which keeps every path coherent.

   Every access is range-checked against the file system's size: a sector
   number that came from a corrupt disk is an I/O error, not a wild
   device access.  The caller holds the file-system lock. */

#include "filesys/cache.h"
#include <debug.h>
#include <string.h>
#include "threads/malloc.h"

#define CACHE_SLOTS 64

struct cache_slot {
  bool valid;
  block_sector_t sector;
  unsigned stamp; /* Time of last use, for LRU. */
  uint8_t data[BLOCK_SECTOR_SIZE];
};

static struct block *device;
static block_sector_t limit;
static struct cache_slot *slots;
static unsigned clock_now;
static uint8_t bounce[BLOCK_SECTOR_SIZE]; /* Partial uncached accesses. */

/* Starts caching DEVICE, whose valid sectors are [0, LIMIT).  Returns
   false if out of memory. */
bool
cache_init(struct block *dev, block_sector_t lim)
{
  slots = calloc(CACHE_SLOTS, sizeof *slots);
  if (slots == NULL)
    return false;
  device = dev;
  limit = lim;
  return true;
}

/* Narrows the valid sectors to [0, LIMIT) once the superblock is known. */
void
cache_set_limit(block_sector_t lim)
{
  limit = lim;
}

/* Drops every cached sector and the cache itself. */
void
cache_done(void)
{
  free(slots);
  slots = NULL;
  device = NULL;
}

static struct cache_slot *
cache_find(block_sector_t sector)
{
  for (int i = 0; i < CACHE_SLOTS; i++)
    if (slots[i].valid && slots[i].sector == sector) {
      slots[i].stamp = ++clock_now;
      return &slots[i];
    }
  return NULL;
}

/* Loads SECTOR into a slot (the least recently used one), reading it from
   the device unless the caller overwrites it all (FILL false). */
static struct cache_slot *
cache_load(block_sector_t sector, bool fill)
{
  struct cache_slot *victim = &slots[0];

  for (int i = 1; i < CACHE_SLOTS && victim->valid; i++)
    if (!slots[i].valid || slots[i].stamp < victim->stamp)
      victim = &slots[i];
  victim->valid = false;
  if (fill && !block_read(device, sector, victim->data))
    return NULL;
  victim->valid = true;
  victim->sector = sector;
  victim->stamp = ++clock_now;
  return victim;
}

static bool
cache_range_ok(block_sector_t sector, size_t ofs, size_t len)
{
  return device != NULL && sector < limit && ofs <= BLOCK_SECTOR_SIZE &&
         len <= BLOCK_SECTOR_SIZE - ofs;
}

/* Copies LEN bytes at offset OFS of SECTOR into BUF.  Returns false on a
   device error or a sector outside the file system. */
bool
cache_read(block_sector_t sector, void *buf, size_t ofs, size_t len,
           enum cache_mode mode)
{
  if (!cache_range_ok(sector, ofs, len))
    return false;
  struct cache_slot *s = cache_find(sector);
  if (s == NULL && mode == CACHE_BYPASS) {
    if (ofs == 0 && len == BLOCK_SECTOR_SIZE)
      return block_read(device, sector, buf);
    if (!block_read(device, sector, bounce))
      return false;
    memcpy(buf, bounce + ofs, len);
    return true;
  }
  if (s == NULL && (s = cache_load(sector, true)) == NULL)
    return false;
  memcpy(buf, s->data + ofs, len);
  return true;
}

/* Copies the CNT whole sectors from SECTOR into BUF: one device request
   when none of them is cached (the cache is write-through, so the disk is
   current), else sector by sector.  False on a device error or a sector
   outside the file system. */
bool
cache_read_run(block_sector_t sector, void *buf, size_t cnt)
{
  if (device == NULL || sector >= limit || cnt > limit - sector)
    return false;
  bool cached = false;
  for (size_t i = 0; i < cnt && !cached; i++)
    cached = cache_find(sector + i) != NULL;
  if (!cached)
    return block_read_multi(device, sector, buf, cnt);
  uint8_t *p = buf;
  for (size_t i = 0; i < cnt; i++)
    if (!cache_read(sector + i, p + i * BLOCK_SECTOR_SIZE, 0, BLOCK_SECTOR_SIZE,
                    CACHE_BYPASS))
      return false;
  return true;
}

/* Writes LEN bytes from BUF at offset OFS of SECTOR, through to the
   device.  Returns false on a device error or a bad sector; after a
   failed write the sector's cached copy is dropped. */
bool
cache_write(block_sector_t sector, const void *buf, size_t ofs, size_t len,
            enum cache_mode mode)
{
  bool whole = ofs == 0 && len == BLOCK_SECTOR_SIZE;

  if (!cache_range_ok(sector, ofs, len))
    return false;
  struct cache_slot *s = cache_find(sector);
  if (s == NULL && mode == CACHE_BYPASS) {
    if (whole)
      return block_write(device, sector, buf);
    if (!block_read(device, sector, bounce))
      return false;
    memcpy(bounce + ofs, buf, len);
    return block_write(device, sector, bounce);
  }
  if (s == NULL && (s = cache_load(sector, !whole)) == NULL)
    return false;
  memcpy(s->data + ofs, buf, len);
  if (!block_write(device, sector, s->data)) {
    s->valid = false;
    return false;
  }
  return true;
}

/* Writes the CNT whole sectors from BUF at SECTOR to the device in one
   request; cached copies of them are dropped first (file data is never
   kept, so there are normally none).  False on a device error or a
   sector outside the file system. */
bool
cache_write_run(block_sector_t sector, const void *buf, size_t cnt)
{
  if (device == NULL || sector >= limit || cnt > limit - sector)
    return false;
  for (size_t i = 0; i < cnt; i++) {
    struct cache_slot *s = cache_find(sector + i);
    if (s != NULL)
      s->valid = false;
  }
  return block_write_multi(device, sector, buf, cnt);
}

/* Fills SECTOR with zeros. */
bool
cache_zero(block_sector_t sector, enum cache_mode mode)
{
  static const uint8_t zeros[BLOCK_SECTOR_SIZE];

  return cache_write(sector, zeros, 0, BLOCK_SECTOR_SIZE, mode);
}
