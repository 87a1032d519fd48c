/* SPDX-License-Identifier: MIT */
/* Inodes and file data.

   An inode sector lists a file's extents (filesys/layout.h).  When a file
   is opened, the whole extent list is read, validated and kept in memory
   with a prefix table (FIRST[i] = index of the first file sector that
   extent i holds), so reading or writing data costs no metadata I/O at
   all: a byte offset maps to a sector by binary search.

   Files are created with a fixed size but are not zero-filled on disk.
   INIT_LENGTH marks how far data has been written: bytes beyond it read
   as zeros, and a write beyond it first zeroes the gap.  So creating a
   4 MB file costs a few sector writes, not 8192.  INIT_LENGTH is written
   back at the last close (and at unmount).

   One `struct inode' per open inode sector, on the OPEN_INODES list:

     open_cnt        opens (file objects, the directory, the loader...)
     deny_write_cnt  opens that deny writes; writes return 0 while > 0
     removed         the name is gone: free the sectors at the last close

   All fields are guarded by the file-system lock (fs-state.h), which
   every public function takes.

   File data may go through a page cache above this layer (the hooks in
   inode.h, registered by vm/pagecache.c): then inode_read_at and
   inode_write_at of file inodes are the cache's, it reaches the disk with
   inode_read_data / inode_write_data, and the last close writes back its
   dirty pages before the inode goes.  The cache takes locks ranked below
   this one, so it is entered without the file-system lock held. */

#include "filesys/inode.h"
#include <debug.h>
#include <round.h>
#include <stdio.h>
#include <string.h>
#include "filesys/cache.h"
#include "filesys/free-map.h"
#include "filesys/fs-state.h"
#include "threads/malloc.h"

struct inode {
  struct inode *next;    /* On OPEN_INODES. */
  block_sector_t sector; /* Inode sector (identity). */
  uint32_t type;         /* FS_TYPE_FILE or FS_TYPE_DIR. */
  int open_cnt;          /* Opens; freed at 0. */
  int deny_write_cnt;    /* Writes fail while > 0. */
  bool removed;          /* Free the sectors at the last close. */
  bool dirty;            /* INIT_LENGTH changed since it was written. */
  bool dead;             /* File system unmounted under this inode. */
  off_t length;          /* File size in bytes (never changes for files). */
  off_t init_length;     /* Bytes past this read as zeros. */
  uint32_t ext_cnt;      /* Extents in EXT. */
  struct fs_extent *ext; /* The data extents, in file order. */
  uint32_t *first;       /* FIRST[i]: file sector where EXT[i] starts. */
  uint32_t table_cnt;    /* Extent-table sectors in TABLES. */
  block_sector_t tables[FS_TABLE_SECTORS];
  void *cache; /* The page cache's object, or NULL. */
};

static struct inode *open_inodes;
static const struct inode_data_hooks *data_hooks;

/* Registers the page cache's HOOKS (once, at boot). */
void
inode_set_data_hooks(const struct inode_data_hooks *hooks)
{
  data_hooks = hooks;
}

/* INODE's page-cache object, or NULL.  Set once while the inode is open
   and cleared only at its last close or at unmount, so an opener may read
   it without the lock. */
void *
inode_get_cache(struct inode *inode)
{
  return __atomic_load_n(&inode->cache, __ATOMIC_ACQUIRE);
}

void *
inode_set_cache(struct inode *inode, void *cache)
{
  bool held = fs_lock_enter();
  if (inode->cache == NULL && !inode->dead)
    __atomic_store_n(&inode->cache, cache, __ATOMIC_RELEASE);
  void *now = inode->cache;
  fs_lock_exit(held);
  return now;
}

void *
inode_take_cache(struct inode *inode)
{
  bool held = fs_lock_enter();
  void *cache = inode->cache;
  inode->cache = NULL;
  fs_lock_exit(held);
  return cache;
}

/* Does data of INODE go through the page cache? */
static bool
use_cache(const struct inode *inode)
{
  return data_hooks != NULL && inode->type == FS_TYPE_FILE && !inode->dead;
}

/* Reads table number T of inode SECTOR into EXT, CNT extents. */
static bool
load_table(block_sector_t sector, block_sector_t table, uint32_t cnt,
           struct fs_extent *ext)
{
  struct fs_extent_table *t = malloc(sizeof *t);
  bool ok = t != NULL && cache_read(table, t, 0, sizeof *t, CACHE_KEEP) &&
            layout_check_table(t, sector, cnt, &fs_geo);

  if (ok)
    memcpy(ext, t->ext, cnt * sizeof *ext);
  free(t);
  return ok;
}

static bool
load_fail(char *why, size_t why_size, block_sector_t sector, const char *what)
{
  snprintf(why, why_size, "inode %u: %s", (unsigned)sector, what);
  return false;
}

/* Reads inode SECTOR of type TYPE with all its extents and validates
   them.  On success fills DISK, sets *EXT to a malloc'd array of
   DISK->extent_cnt extents (the caller frees it) and copies the table
   sectors to TABLES (room for FS_TABLE_SECTORS).  On failure returns
   false with a reason in WHY.  Lock held. */
bool
inode_load(block_sector_t sector, uint32_t type, struct fs_inode *disk,
           struct fs_extent **ext, block_sector_t *tables, char *why,
           size_t why_size)
{
  *ext = NULL;
  if (!cache_read(sector, disk, 0, sizeof *disk, CACHE_KEEP))
    return load_fail(why, why_size, sector, "cannot read");
  if (!layout_check_inode(disk, sector, type, &fs_geo, why, why_size))
    return false;
  uint32_t cnt = disk->extent_cnt;
  *ext = malloc((cnt > 0 ? cnt : 1) * sizeof **ext);
  if (*ext == NULL)
    return load_fail(why, why_size, sector, "out of memory");
  uint32_t inl = cnt < FS_INLINE_EXTENTS ? cnt : FS_INLINE_EXTENTS;
  memcpy(*ext, disk->ext, inl * sizeof **ext);
  for (uint32_t t = 0; t < disk->table_cnt; t++) {
    uint32_t done = FS_INLINE_EXTENTS + t * FS_TABLE_EXTENTS;
    uint32_t n = cnt - done < FS_TABLE_EXTENTS ? cnt - done : FS_TABLE_EXTENTS;
    tables[t] = disk->table[t];
    if (!load_table(sector, disk->table[t], n, *ext + done))
      return load_fail(why, why_size, sector, "bad extent table");
  }
  uint64_t sectors = 0;
  for (uint32_t i = 0; i < cnt; i++)
    sectors += (*ext)[i].count;
  if (sectors != DIV_ROUND_UP((uint64_t)disk->length, BLOCK_SECTOR_SIZE))
    return load_fail(why, why_size, sector, "extents do not match length");
  return true;
}

/* Writes the extent tables and then the inode sector of INODE. */
static bool
inode_store(const struct inode *inode)
{
  struct fs_inode *d = calloc(1, sizeof *d);
  bool ok = d != NULL;

  for (uint32_t t = 0; ok && t < inode->table_cnt; t++) {
    struct fs_extent_table *tab = (struct fs_extent_table *)d;
    uint32_t done = FS_INLINE_EXTENTS + t * FS_TABLE_EXTENTS;
    uint32_t n = inode->ext_cnt - done;
    memset(tab, 0, sizeof *tab);
    tab->magic = FS_TABLE_MAGIC;
    tab->owner = inode->sector;
    memcpy(tab->ext, inode->ext + done,
           (n < FS_TABLE_EXTENTS ? n : FS_TABLE_EXTENTS) * sizeof *tab->ext);
    ok = cache_write(inode->tables[t], tab, 0, sizeof *tab, CACHE_KEEP);
  }
  if (ok) {
    memset(d, 0, sizeof *d);
    d->magic = FS_INODE_MAGIC;
    d->type = inode->type;
    d->length = inode->length;
    d->init_length = inode->init_length;
    d->extent_cnt = inode->ext_cnt;
    d->table_cnt = inode->table_cnt;
    d->self = inode->sector;
    uint32_t inl =
        inode->ext_cnt < FS_INLINE_EXTENTS ? inode->ext_cnt : FS_INLINE_EXTENTS;
    if (inl > 0)
      memcpy(d->ext, inode->ext, inl * sizeof *d->ext);
    memcpy(d->table, inode->tables, inode->table_cnt * sizeof *d->table);
    ok = cache_write(inode->sector, d, 0, sizeof *d, CACHE_KEEP);
  }
  free(d);
  return ok;
}

/* Gives every sector of INODE back to the free map: data, tables, and
   the inode sector itself. */
static void
inode_release(const struct inode *inode)
{
  for (uint32_t i = 0; i < inode->ext_cnt; i++)
    free_map_release(inode->ext[i].start, inode->ext[i].count);
  for (uint32_t t = 0; t < inode->table_cnt; t++)
    free_map_release(inode->tables[t], 1);
  free_map_release(inode->sector, 1);
}

/* Recomputes the FIRST prefix table after EXT changed. */
static bool
inode_index(struct inode *inode)
{
  uint32_t *first = realloc(inode->first, (inode->ext_cnt + 1) * sizeof *first);
  if (first == NULL)
    return false;
  inode->first = first;
  first[0] = 0;
  for (uint32_t i = 0; i < inode->ext_cnt; i++)
    first[i + 1] = first[i] + inode->ext[i].count;
  return true;
}

/* Allocates the table sectors INODE needs for its extent count. */
static bool
inode_alloc_tables(struct inode *inode)
{
  uint32_t need = layout_tables_needed(inode->ext_cnt);

  if (need > FS_TABLE_SECTORS)
    return false;
  while (inode->table_cnt < need)
    if (!free_map_allocate_one(&inode->tables[inode->table_cnt++])) {
      inode->table_cnt--;
      return false;
    }
  return true;
}

static void
inode_free_memory(struct inode *inode)
{
  free(inode->ext);
  free(inode->first);
  free(inode);
}

/* Splits the inode sector off the front of the allocation in EXT. */
static block_sector_t
take_inode_sector(struct fs_extent *ext, uint32_t *cnt)
{
  block_sector_t sector = ext[0].start;

  ext[0].start++;
  if (--ext[0].count == 0) {
    memmove(ext, ext + 1, (*cnt - 1) * sizeof *ext);
    (*cnt)--;
  }
  return sector;
}

/* Builds an inode of TYPE and LENGTH whose first allocated sector becomes
   the inode; the rest of EXT (CNT extents) holds the data. */
static bool
inode_build(struct inode *inode, uint32_t type, off_t length)
{
  inode->type = type;
  inode->length = length;
  inode->init_length = type == FS_TYPE_DIR ? length : 0;
  inode->open_cnt = 1;
  inode->sector = take_inode_sector(inode->ext, &inode->ext_cnt);
  return inode->ext_cnt <= FS_MAX_EXTENTS && inode_alloc_tables(inode) &&
         inode_index(inode) && inode_store(inode);
}

/* Allocates the inode sector and SECTORS data sectors into INODE->EXT,
   trying a small extent array first: a file is normally one run, and the
   full array (12 KB) is only needed on a badly fragmented disk. */
static bool
inode_allocate(struct inode *inode, uint32_t sectors)
{
  static const uint32_t caps[] = {8, FS_MAX_EXTENTS + 1};

  for (int i = 0; i < 2; i++) {
    struct fs_extent *ext = realloc(inode->ext, caps[i] * sizeof *ext);
    if (ext == NULL)
      return false;
    inode->ext = ext;
    if (free_map_allocate(sectors + 1, ext, caps[i], &inode->ext_cnt))
      return true;
  }
  return false;
}

/* Creates a file of LENGTH bytes, which read as zeros, and stores its
   inode sector in *SECTOR.  Returns false, allocating nothing, if the
   disk is full or too fragmented, or on a device error. */
bool
inode_create(block_sector_t *sector, off_t length)
{
  bool held = fs_lock_enter();
  struct inode *inode = calloc(1, sizeof *inode);
  bool ok = false;

  if (inode != NULL && length >= 0 && fs_geo.total != 0 &&
      inode_allocate(inode,
                     DIV_ROUND_UP((uint32_t)length, BLOCK_SECTOR_SIZE))) {
    ok = inode_build(inode, FS_TYPE_FILE, length);
    if (!ok)
      inode_release(inode);
    *sector = inode->sector;
  }
  if (inode != NULL)
    inode_free_memory(inode);
  fs_lock_exit(held);
  return ok;
}

/* Writes an empty root directory inode at SECTOR (at format time). */
bool
inode_create_dir(block_sector_t sector)
{
  struct inode inode = {.sector = sector, .type = FS_TYPE_DIR};

  return inode_store(&inode);
}

static struct inode *
inode_find_open(block_sector_t sector)
{
  for (struct inode *i = open_inodes; i != NULL; i = i->next)
    if (i->sector == sector)
      return i;
  return NULL;
}

/* Opens the inode at SECTOR of type TYPE, sharing an existing one. */
static struct inode *
inode_open_type(block_sector_t sector, uint32_t type)
{
  struct inode *inode = inode_find_open(sector);
  struct fs_inode *disk;
  char why[80];

  if (inode != NULL)
    return inode->type == type ? inode_reopen(inode) : NULL;
  inode = calloc(1, sizeof *inode);
  disk = malloc(sizeof *disk);
  if (inode == NULL || disk == NULL ||
      !inode_load(sector, type, disk, &inode->ext, inode->tables, why,
                  sizeof why)) {
    free(disk);
    if (inode != NULL)
      inode_free_memory(inode);
    return NULL;
  }
  inode->sector = sector;
  inode->type = type;
  inode->open_cnt = 1;
  inode->length = disk->length;
  inode->init_length = disk->init_length;
  inode->ext_cnt = disk->extent_cnt;
  inode->table_cnt = disk->table_cnt;
  free(disk);
  if (!inode_index(inode)) {
    inode_free_memory(inode);
    return NULL;
  }
  inode->next = open_inodes;
  open_inodes = inode;
  return inode;
}

/* Opens the file inode at SECTOR; returns NULL if it is not a valid file
   inode or memory is short.  The caller closes it. */
struct inode *
inode_open(block_sector_t sector)
{
  bool held = fs_lock_enter();
  struct inode *inode =
      fs_geo.total != 0 ? inode_open_type(sector, FS_TYPE_FILE) : NULL;
  fs_lock_exit(held);
  return inode;
}

/* Opens the directory inode at SECTOR (filesys/ internal). */
struct inode *
inode_open_dir(block_sector_t sector)
{
  bool held = fs_lock_enter();
  struct inode *inode = inode_open_type(sector, FS_TYPE_DIR);
  fs_lock_exit(held);
  return inode;
}

/* Adds an open to INODE (NULL is passed through) and returns it. */
struct inode *
inode_reopen(struct inode *inode)
{
  bool held = fs_lock_enter();

  if (inode != NULL)
    inode->open_cnt++;
  fs_lock_exit(held);
  return inode;
}

/* INODE's inode sector number. */
block_sector_t
inode_get_inumber(const struct inode *inode)
{
  return inode->sector;
}

static void
inode_unlink(struct inode *inode)
{
  for (struct inode **p = &open_inodes; *p != NULL; p = &(*p)->next)
    if (*p == inode) {
      *p = inode->next;
      return;
    }
}

/* Drops one open of INODE (NULL is ignored).  At the last close a removed
   inode's sectors are freed; otherwise its INIT_LENGTH is written back. */
void
inode_close(struct inode *inode)
{
  if (inode == NULL)
    return;
  bool held = fs_lock_enter();
  void *cache = NULL;
  /* The last close of an inode with a page cache: its dirty pages are
     written back first, without the lock (the cache ranks below it).
     Others may open, write and close meanwhile: flush until no write came
     in, then take the cache off the inode under the lock.  (A caller that
     holds the lock already never makes a last close of a cached file:
     filesys/ opens and closes under one hold, so another open stays.) */
  while (held && inode->open_cnt == 1 && inode->cache != NULL &&
         data_hooks != NULL) {
    uint64_t writes = data_hooks->writes(inode);
    fs_lock_exit(held);
    if (!inode->removed)
      data_hooks->flush(inode);
    held = fs_lock_enter();
    if (inode->open_cnt == 1 && data_hooks->writes(inode) == writes) {
      cache = inode->cache;
      inode->cache = NULL;
    }
  }
  bool last = --inode->open_cnt == 0;
  if (last && !inode->dead) {
    inode_unlink(inode);
    if (inode->removed)
      inode_release(inode);
    else if (inode->dirty)
      inode_store(inode);
  }
  fs_lock_exit(held);
  if (cache != NULL)
    data_hooks->destroy(cache);
  if (last)
    inode_free_memory(inode);
}

/* Marks INODE to be deleted when its last opener closes it. */
void
inode_remove(struct inode *inode)
{
  bool held = fs_lock_enter();

  inode->removed = true;
  fs_lock_exit(held);
}

/* Device sector holding byte POS of INODE (POS < length). */
static block_sector_t
byte_to_sector(const struct inode *inode, off_t pos)
{
  uint32_t idx = (uint32_t)pos / BLOCK_SECTOR_SIZE;
  uint32_t lo = 0, hi = inode->ext_cnt; /* FIRST[lo] <= idx < FIRST[hi] */

  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (inode->first[mid] <= idx)
      lo = mid;
    else
      hi = mid;
  }
  return inode->ext[lo].start + (idx - inode->first[lo]);
}

/* Bytes of a transfer of SIZE at OFFSET that fit in the sector and file. */
static int
chunk_size(const struct inode *inode, off_t size, off_t offset)
{
  int sector_left = BLOCK_SECTOR_SIZE - offset % BLOCK_SECTOR_SIZE;
  off_t file_left = inode->length - offset;
  off_t n = size < file_left ? size : file_left;

  return n < sector_left ? n : sector_left;
}

static enum cache_mode
data_mode(const struct inode *inode)
{
  return inode->type == FS_TYPE_DIR ? CACHE_KEEP : CACHE_BYPASS;
}

/* Whole sectors of file data that one request can move at OFFSET (sector
   aligned): contiguous on disk (one extent), below LIMIT bytes of the
   file, within the SIZE bytes given, at most FS_RUN_MAX. */
#define FS_RUN_MAX 64
static uint32_t
extent_run(const struct inode *inode, off_t size, off_t offset, off_t limit)
{
  if (offset % BLOCK_SECTOR_SIZE != 0 || data_mode(inode) != CACHE_BYPASS)
    return 0;
  off_t bytes = size < limit - offset ? size : limit - offset;
  uint32_t want = bytes > 0 ? bytes / BLOCK_SECTOR_SIZE : 0;
  uint32_t idx = (uint32_t)offset / BLOCK_SECTOR_SIZE;
  uint32_t lo = 0, hi = inode->ext_cnt;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (inode->first[mid] <= idx)
      lo = mid;
    else
      hi = mid;
  }
  uint32_t in_extent = inode->first[lo] + inode->ext[lo].count - idx;
  uint32_t n = want < in_extent ? want : in_extent;
  return n < FS_RUN_MAX ? n : FS_RUN_MAX;
}

/* A read may take only sectors already written (below init_length). */
static uint32_t
sector_run(const struct inode *inode, off_t size, off_t offset)
{
  off_t limit =
      inode->init_length < inode->length ? inode->init_length : inode->length;
  return extent_run(inode, size, offset, limit);
}

/* Reads up to SIZE bytes at OFFSET into BUFFER; returns the number read,
   short only at end of file or on a device error.  File data goes
   through the page cache when there is one. */
off_t
inode_read_at(struct inode *inode, void *buffer, off_t size, off_t offset)
{
  if (use_cache(inode))
    return data_hooks->read(inode, buffer, size, offset);
  return inode_read_data(inode, buffer, size, offset);
}

/* Writes up to SIZE bytes from BUFFER at OFFSET; returns the number
   written: short at end of file (files never grow) or on a device error,
   0 while writes are denied.  File data goes through the page cache when
   there is one (it is written back later). */
off_t
inode_write_at(struct inode *inode, const void *buffer, off_t size,
               off_t offset)
{
  if (use_cache(inode))
    return data_hooks->write(inode, buffer, size, offset);
  if (!inode_writable(inode))
    return 0;
  return inode_write_data(inode, buffer, size, offset);
}

bool
inode_writable(struct inode *inode)
{
  bool held = fs_lock_enter();
  bool ok = inode->deny_write_cnt == 0 && !inode->dead;
  fs_lock_exit(held);
  return ok;
}

bool
inode_is_removed(struct inode *inode)
{
  return inode->removed;
}

/* Reads file data from the disk, bypassing any page cache.  Runs of
   whole sectors go to the device as one request (a page is one 8-sector
   read, as for swap). */
off_t
inode_read_data(struct inode *inode, void *buffer_, off_t size, off_t offset)
{
  bool held = fs_lock_enter();
  uint8_t *buffer = buffer_;
  off_t done = 0;

  while (!inode->dead && size > 0 && offset >= 0 && offset < inode->length) {
    uint32_t run = sector_run(inode, size, offset);
    if (run > 1 &&
        cache_read_run(byte_to_sector(inode, offset), buffer + done, run)) {
      done += run * BLOCK_SECTOR_SIZE;
      offset += run * BLOCK_SECTOR_SIZE;
      size -= run * BLOCK_SECTOR_SIZE;
      continue;
    }
    int n = chunk_size(inode, size, offset);
    int ofs = offset % BLOCK_SECTOR_SIZE;
    int valid = inode->init_length - offset;
    if (valid > 0 && !cache_read(byte_to_sector(inode, offset), buffer + done,
                                 ofs, n, data_mode(inode)))
      break;
    if (valid < n)
      memset(buffer + done + (valid > 0 ? valid : 0), 0,
             n - (valid > 0 ? valid : 0));
    done += n;
    offset += n;
    size -= n;
  }
  fs_lock_exit(held);
  return done;
}

/* Writes zeros over [INIT_LENGTH, END) so the gap a write leaves before
   itself reads back as zeros from the disk too. */
static bool
zero_gap(struct inode *inode, off_t end)
{
  static const uint8_t zeros[BLOCK_SECTOR_SIZE];

  while (inode->init_length < end) {
    off_t pos = inode->init_length;
    int n = chunk_size(inode, end - pos, pos);
    if (!cache_write(byte_to_sector(inode, pos), zeros, pos % BLOCK_SECTOR_SIZE,
                     n, data_mode(inode)))
      return false;
    inode->init_length += n;
    inode->dirty = true;
  }
  return true;
}

/* Writes file data to the disk, bypassing any page cache and write
   denial; returns the bytes written (short at end of file or on a device
   error). */
off_t
inode_write_data(struct inode *inode, const void *buffer_, off_t size,
                 off_t offset)
{
  bool held = fs_lock_enter();
  const uint8_t *buffer = buffer_;
  off_t done = 0;

  if (!inode->dead && offset >= 0 && offset < inode->length && size > 0 &&
      zero_gap(inode, offset)) {
    while (size > 0 && offset < inode->length) {
      uint32_t run = extent_run(inode, size, offset, inode->length);
      /* A failed run is done again sector by sector, so the count
         written stops exactly at the bad sector. */
      if (run > 1 &&
          cache_write_run(byte_to_sector(inode, offset), buffer + done, run)) {
        done += run * BLOCK_SECTOR_SIZE;
        offset += run * BLOCK_SECTOR_SIZE;
        size -= run * BLOCK_SECTOR_SIZE;
        if (offset > inode->init_length) {
          inode->init_length = offset;
          inode->dirty = true;
        }
        continue;
      }
      int n = chunk_size(inode, size, offset);
      if (!cache_write(byte_to_sector(inode, offset), buffer + done,
                       offset % BLOCK_SECTOR_SIZE, n, data_mode(inode)))
        break;
      done += n;
      offset += n;
      size -= n;
      if (offset > inode->init_length) {
        inode->init_length = offset;
        inode->dirty = true;
      }
    }
  }
  fs_lock_exit(held);
  return done;
}

/* Denies writes to INODE; once per opener at most. */
void
inode_deny_write(struct inode *inode)
{
  bool held = fs_lock_enter();

  inode->deny_write_cnt++;
  ASSERT(inode->deny_write_cnt <= inode->open_cnt);
  fs_lock_exit(held);
}

/* Are writes to INODE denied right now? */
bool
inode_write_denied(const struct inode *inode)
{
  bool held = fs_lock_enter();
  bool denied = inode->deny_write_cnt > 0;
  fs_lock_exit(held);
  return denied;
}

/* Re-enables writes; each opener that denied calls this before closing. */
void
inode_allow_write(struct inode *inode)
{
  bool held = fs_lock_enter();

  ASSERT(inode->deny_write_cnt > 0);
  inode->deny_write_cnt--;
  fs_lock_exit(held);
}

/* INODE's length in bytes. */
off_t
inode_length(const struct inode *inode)
{
  return inode->length;
}

/* Appends SECTORS zeroed sectors to directory INODE.  Returns false,
   changing nothing, if the disk is full or on a device error. */
bool
inode_extend(struct inode *inode, uint32_t sectors)
{
  uint32_t old_cnt = inode->ext_cnt, old_tables = inode->table_cnt, got;
  struct fs_extent *ext =
      realloc(inode->ext, (old_cnt + sectors) * sizeof *ext);
  if (ext == NULL)
    return false;
  inode->ext = ext;
  if (old_cnt + sectors > FS_MAX_EXTENTS ||
      !free_map_allocate(sectors, ext + old_cnt, sectors, &got))
    return false;
  bool ok = true;
  for (uint32_t i = 0; ok && i < got; i++)
    for (uint32_t s = 0; ok && s < ext[old_cnt + i].count; s++)
      ok = cache_zero(ext[old_cnt + i].start + s, CACHE_KEEP);
  inode->ext_cnt += got;
  ok = ok && inode_alloc_tables(inode) && inode_index(inode);
  inode->length += sectors * BLOCK_SECTOR_SIZE;
  inode->init_length = inode->length;
  if (ok && inode_store(inode))
    return true;
  for (uint32_t i = old_cnt; i < inode->ext_cnt; i++)
    free_map_release(ext[i].start, ext[i].count);
  for (uint32_t t = old_tables; t < inode->table_cnt; t++)
    free_map_release(inode->tables[t], 1);
  inode->ext_cnt = old_cnt;
  inode->table_cnt = old_tables;
  inode->length -= sectors * BLOCK_SECTOR_SIZE;
  inode->init_length = inode->length;
  inode_index(inode);
  return false;
}

/* Calls CLAIM for each open inode whose name is gone (its sectors are
   still in use until the last close): fsck counts them as owned. */
void
inode_for_each_removed(inode_claim_func *claim, void *aux)
{
  for (struct inode *i = open_inodes; i != NULL; i = i->next)
    if (i->removed)
      claim(i->sector, i->ext, i->ext_cnt, i->tables, i->table_cnt, aux);
}

/* Before unmounting, without the file-system lock: every page cache
   writes back its dirty pages and lets go of its frames. */
void
inode_drop_caches(void)
{
  if (data_hooks != NULL)
    data_hooks->unmount();
}

/* At unmount: writes back every open inode, frees the sectors of removed
   ones, and detaches them all, so later calls on them do nothing and
   their last close only frees memory. */
void
inode_unmount(void)
{
  while (open_inodes != NULL) {
    struct inode *inode = open_inodes;
    open_inodes = inode->next;
    if (inode->removed)
      inode_release(inode);
    else if (inode->dirty)
      inode_store(inode);
    inode->dead = true;
  }
}
