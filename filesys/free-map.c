/* SPDX-License-Identifier: MIT */
/* Free-sector map.

   The whole bitmap lives in memory (2.5 KB for the standard 10 MB disk)
   as an image of its on-disk sectors, so writing back a change is a
   plain sector write.  Allocation prefers one contiguous run (first fit)
   so a file is normally a single extent; when no run is long enough it
   takes free runs in address order, up to the caller's extent limit.
   Sectors [0, data_start) (superblock, free map, root inode) are always
   marked used.

   Crash ordering: the map is written before an inode points at newly
   allocated sectors and after an inode stops pointing at freed ones, so
   an interrupted operation can leak sectors but never double-allocate.
   The caller holds the file-system lock. */

#include "filesys/free-map.h"
#include <stdio.h>
#include <string.h>
#include "filesys/cache.h"
#include "threads/malloc.h"

static uint8_t *bits;          /* freemap_sectors * 512 bytes. */
static struct fs_geometry geo; /* Of the mounted file system. */
static uint32_t free_cnt;      /* Clear bits below geo.total. */

static void
map_mark(block_sector_t start, uint32_t count, bool used)
{
  for (uint32_t i = 0; i < count; i++)
    fs_bit_set(bits, start + i, used);
  free_cnt = used ? free_cnt - count : free_cnt + count;
}

/* Writes the map sectors covering [START, START + COUNT) to disk. */
static bool
map_store(block_sector_t start, uint32_t count)
{
  if (count == 0 || start >= geo.total || count > geo.total - start)
    return false;
  uint32_t first = start / FS_BITS_PER_SECTOR;
  uint32_t last = (start + count - 1) / FS_BITS_PER_SECTOR;

  for (uint32_t s = first; s <= last; s++)
    if (!cache_write(geo.freemap_start + s, bits + s * BLOCK_SECTOR_SIZE, 0,
                     BLOCK_SECTOR_SIZE, CACHE_KEEP))
      return false;
  return true;
}

static bool
map_alloc_bits(const struct fs_geometry *g)
{
  geo = *g;
  bits = calloc(geo.freemap_sectors, BLOCK_SECTOR_SIZE);
  return bits != NULL;
}

/* Creates an empty free map for a new file system with geometry G and
   writes it to disk.  Returns false on a device error or no memory. */
bool
free_map_create(const struct fs_geometry *g)
{
  if (!map_alloc_bits(g))
    return false;
  free_cnt = geo.total;
  map_mark(0, geo.data_start, true);
  return map_store(0, geo.total);
}

/* Reads the free map of a file system with geometry G and checks that the
   reserved sectors are marked used and no bit past the end is set.
   Returns false with a reason in WHY otherwise. */
bool
free_map_load(const struct fs_geometry *g, char *why, size_t why_size)
{
  if (!map_alloc_bits(g)) {
    snprintf(why, why_size, "out of memory");
    return false;
  }
  for (uint32_t s = 0; s < geo.freemap_sectors; s++)
    if (!cache_read(geo.freemap_start + s, bits + s * BLOCK_SECTOR_SIZE, 0,
                    BLOCK_SECTOR_SIZE, CACHE_KEEP)) {
      snprintf(why, why_size, "cannot read the free map");
      return false;
    }
  free_cnt = 0;
  for (uint32_t i = 0; i < geo.freemap_sectors * FS_BITS_PER_SECTOR; i++) {
    bool used = fs_bit_test(bits, i);
    if (i < geo.data_start ? !used : i >= geo.total && used) {
      snprintf(why, why_size, "free map: bad bit for sector %u", (unsigned)i);
      return false;
    }
    free_cnt += i < geo.total && !used;
  }
  return true;
}

/* Forgets the in-memory map (at unmount). */
void
free_map_done(void)
{
  free(bits);
  bits = NULL;
}

/* Length of the free run starting at sector I, up to MAX. */
static uint32_t
run_length(uint32_t i, uint32_t max)
{
  uint32_t n = 0;

  while (n < max && i + n < geo.total && !fs_bit_test(bits, i + n))
    n++;
  return n;
}

/* Finds the first free run of N sectors; returns its start or 0. */
static block_sector_t
find_run(uint32_t n)
{
  for (uint32_t i = geo.data_start; i < geo.total;) {
    if (bits[i / 8] == 0xff) {
      i = (i / 8 + 1) * 8;
      continue;
    }
    uint32_t len = run_length(i, n);
    if (len == n)
      return i;
    i += len + 1;
  }
  return 0;
}

/* Fills EXT with free runs in address order covering N sectors. */
static bool
gather_runs(uint32_t n, struct fs_extent *ext, uint32_t max_ext, uint32_t *cnt)
{
  *cnt = 0;
  for (uint32_t i = geo.data_start; n > 0 && i < geo.total;) {
    uint32_t len = run_length(i, n);
    if (len > 0) {
      if (*cnt == max_ext)
        return false;
      ext[(*cnt)++] = (struct fs_extent){i, len};
      n -= len;
    }
    i += len + 1;
  }
  return n == 0;
}

/* Allocates SECTORS sectors as at most MAX_EXT extents, stored in EXT and
   counted in *EXT_CNT, and writes the map.  Returns false (allocating
   nothing) if the disk is too full or too fragmented, or on a write
   error. */
bool
free_map_allocate(uint32_t sectors, struct fs_extent *ext, uint32_t max_ext,
                  uint32_t *ext_cnt)
{
  *ext_cnt = 0;
  if (sectors == 0)
    return true;
  if (bits == NULL || sectors > free_cnt || max_ext == 0)
    return false;
  block_sector_t start = find_run(sectors);
  if (start != 0) {
    ext[0] = (struct fs_extent){start, sectors};
    *ext_cnt = 1;
  } else if (!gather_runs(sectors, ext, max_ext, ext_cnt)) {
    return false;
  }
  for (uint32_t i = 0; i < *ext_cnt; i++)
    map_mark(ext[i].start, ext[i].count, true);
  for (uint32_t i = 0; i < *ext_cnt; i++)
    if (!map_store(ext[i].start, ext[i].count)) {
      for (uint32_t j = 0; j < *ext_cnt; j++)
        free_map_release(ext[j].start, ext[j].count);
      return false;
    }
  return true;
}

/* Allocates one sector into *SECTOR. */
bool
free_map_allocate_one(block_sector_t *sector)
{
  struct fs_extent e;
  uint32_t cnt;

  if (!free_map_allocate(1, &e, 1, &cnt))
    return false;
  *sector = e.start;
  return true;
}

/* Marks [START, START + COUNT) free and writes the map.  A write error
   only leaks the sectors on disk (fsck reports it). */
void
free_map_release(block_sector_t start, uint32_t count)
{
  if (bits == NULL || count == 0)
    return;
  for (uint32_t i = 0; i < count; i++)
    if (start + i >= geo.data_start && start + i < geo.total &&
        fs_bit_test(bits, start + i))
      map_mark(start + i, 1, false);
  map_store(start, count);
}

/* True if SECTOR is marked used. */
bool
free_map_is_used(block_sector_t sector)
{
  return bits != NULL && sector < geo.total && fs_bit_test(bits, sector);
}

/* Number of free sectors. */
uint32_t
free_map_free_count(void)
{
  return free_cnt;
}
