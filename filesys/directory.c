/* SPDX-License-Identifier: MIT */
/* The root directory.

   The directory's data is an array of 32-byte entries, 16 per sector; an
   entry with inode 0 is free (sector 0 is the superblock, never an
   inode).  Lookups scan the whole array one sector at a time through the
   cache.  When no free entry is left, the directory grows by DIR_GROW
   sectors (inode_extend), so the number of files is bounded only by the
   disk.  An entry whose name is not a valid NUL-terminated name is
   corrupt: lookups skip it, listing stops at it, and fsck reports it.

   Callers hold the file-system lock. */

#include "filesys/directory.h"
#include <string.h>
#include "filesys/inode.h"

#define DIR_GROW 4 /* Sectors added at a time: 64 entries. */

typedef bool entry_visit_func(const struct fs_dirent *, unsigned slot,
                              void *aux);

/* Calls VISIT for every entry (free ones too) in order, until it returns
   true.  Returns the slot VISIT stopped at, or -1 at the end or on a read
   error (*ERROR set). */
static int
dir_scan(struct inode *dir, entry_visit_func *visit, void *aux, bool *error)
{
  struct fs_dirent block[FS_DIRENTS_PER_SECTOR];
  off_t length = inode_length(dir);

  *error = false;
  for (off_t ofs = 0; ofs < length; ofs += sizeof block) {
    if (inode_read_at(dir, block, sizeof block, ofs) != sizeof block) {
      *error = true;
      return -1;
    }
    for (unsigned i = 0; i < FS_DIRENTS_PER_SECTOR; i++) {
      unsigned slot = ofs / FS_DIRENT_SIZE + i;
      if (visit(&block[i], slot, aux))
        return slot;
    }
  }
  return -1;
}

struct match {
  const char *name;
  block_sector_t sector;
};

static bool
visit_match(const struct fs_dirent *e, unsigned slot, void *aux)
{
  struct match *m = aux;
  char name[NAME_MAX + 1];

  if (layout_dirent_name(e, name) != 1 || strcmp(name, m->name) != 0)
    return false;
  m->sector = e->inode;
  return true;
}

static bool
visit_free(const struct fs_dirent *e, unsigned slot, void *aux)
{
  return e->inode == 0;
}

/* Looks NAME up in DIR; on success stores its inode sector in *SECTOR. */
bool
dir_lookup(struct inode *dir, const char *name, block_sector_t *sector)
{
  struct match m = {name, 0};
  bool error;

  if (!layout_name_ok(name) || dir_scan(dir, visit_match, &m, &error) < 0)
    return false;
  *sector = m.sector;
  return true;
}

static bool
dir_write_entry(struct inode *dir, unsigned slot, const struct fs_dirent *e)
{
  return inode_write_at(dir, e, sizeof *e, slot * FS_DIRENT_SIZE) == sizeof *e;
}

/* Adds an entry NAME -> SECTOR to DIR, growing DIR when it is full.  NAME
   must be valid and not present.  Returns false if the disk is full or on
   a device error. */
bool
dir_add(struct inode *dir, const char *name, block_sector_t sector)
{
  struct fs_dirent e;
  bool error;
  int slot = dir_scan(dir, visit_free, NULL, &error);

  if (slot < 0) {
    if (error || !inode_extend(dir, DIR_GROW))
      return false;
    slot = dir_scan(dir, visit_free, NULL, &error);
    if (slot < 0)
      return false;
  }
  memset(&e, 0, sizeof e);
  e.inode = sector;
  memcpy(e.name, name, strlen(name));
  return dir_write_entry(dir, slot, &e);
}

/* Removes NAME from DIR, storing its inode sector in *SECTOR.  Returns
   false if there is no such name or on a device error. */
bool
dir_remove(struct inode *dir, const char *name, block_sector_t *sector)
{
  struct match m = {name, 0};
  struct fs_dirent e;
  bool error;
  int slot;

  if (!layout_name_ok(name) ||
      (slot = dir_scan(dir, visit_match, &m, &error)) < 0)
    return false;
  memset(&e, 0, sizeof e);
  if (!dir_write_entry(dir, slot, &e))
    return false;
  *sector = m.sector;
  return true;
}

struct nth {
  unsigned index; /* Entries in use still to skip. */
  int result;     /* 1 found, -1 corrupt entry. */
  char *name;
  block_sector_t sector;
};

static bool
visit_nth(const struct fs_dirent *e, unsigned slot, void *aux)
{
  struct nth *n = aux;
  int kind = layout_dirent_name(e, n->name);

  if (kind < 0) {
    n->result = -1;
    return true;
  }
  if (kind == 0 || n->index-- > 0)
    return false;
  n->result = 1;
  n->sector = e->inode;
  return true;
}

/* Finds the INDEX-th entry in use (from 0) and stores its name and inode
   sector.  Returns 1 if found, 0 past the end, -1 on a device error or a
   corrupt entry. */
int
dir_entry_at(struct inode *dir, unsigned index, char name[NAME_MAX + 1],
             block_sector_t *sector)
{
  struct nth n = {index, 0, name, 0};
  bool error;

  dir_scan(dir, visit_nth, &n, &error);
  if (error)
    return -1;
  *sector = n.sector;
  return n.result;
}
