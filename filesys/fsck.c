/* SPDX-License-Identifier: MIT */
/* The file-system check.

   Every sector of the disk has exactly one owner: the reserved area
   (superblock, free map, root inode), or one inode (its own sector, its
   extent tables and its data extents).  The check walks the root inode
   and every directory entry, validating each structure (layout.c), and
   claims each owned sector in an OWNED bitmap; a sector claimed twice
   means overlapping or cyclic structures.  Then OWNED must match the free
   map: an owned sector marked free is fatal (it would be handed out
   again); a used sector owned by nothing is a leak, tolerated at mount
   (an interrupted operation leaves one) and refused by strict fsck.

   Two passes over the directory: the first validates entries and claims
   inodes, the second looks for duplicate names with a hash set sized
   from the first pass's count.  Work and memory are linear in the disk
   size, so a hostile image cannot make the mount slow. */

#include "filesys/fsck.h"
#include <stdio.h>
#include <string.h>
#include "filesys/cache.h"
#include "filesys/free-map.h"
#include "filesys/fs-state.h"
#include "filesys/inode.h"
#include "threads/malloc.h"

struct fsck {
  uint8_t *owned; /* One bit per sector. */
  char *why;      /* First problem found. */
  size_t why_size;
  bool failed;
  struct fs_extent *dir; /* Extents of the root directory. */
  uint32_t dir_ext_cnt;
  uint32_t files;              /* Entries in use. */
  char (*names)[NAME_MAX + 1]; /* Hash set of names, NAME_CAP slots. */
  uint32_t name_cap;
};

static bool
fsck_fail(struct fsck *c, const char *what, unsigned n)
{
  if (!c->failed)
    snprintf(c->why, c->why_size, what, n);
  c->failed = true;
  return false;
}

static bool
claim(struct fsck *c, block_sector_t s)
{
  if (fs_bit_test(c->owned, s))
    return fsck_fail(c, "sector %u is claimed twice", s);
  fs_bit_set(c->owned, s, true);
  return true;
}

static bool
claim_inode(struct fsck *c, block_sector_t sector, const struct fs_extent *ext,
            uint32_t ext_cnt, const block_sector_t *tables, uint32_t table_cnt)
{
  bool ok = sector == fs_geo.root || claim(c, sector);

  for (uint32_t t = 0; ok && t < table_cnt; t++)
    ok = claim(c, tables[t]);
  for (uint32_t i = 0; ok && i < ext_cnt; i++)
    for (uint32_t s = 0; ok && s < ext[i].count; s++)
      ok = claim(c, ext[i].start + s);
  return ok;
}

static void
claim_removed(block_sector_t sector, const struct fs_extent *ext,
              uint32_t ext_cnt, const block_sector_t *tables,
              uint32_t table_cnt, void *aux)
{
  claim_inode(aux, sector, ext, ext_cnt, tables, table_cnt);
}

/* Loads and claims inode SECTOR of TYPE; keeps the extents in *EXT if
   EXT is not NULL. */
static bool
check_inode(struct fsck *c, block_sector_t sector, uint32_t type,
            struct fs_extent **ext, uint32_t *ext_cnt)
{
  struct fs_inode *disk = malloc(sizeof *disk);
  block_sector_t tables[FS_TABLE_SECTORS];
  struct fs_extent *e = NULL;
  bool ok = disk != NULL;

  if (!ok)
    fsck_fail(c, "out of memory", 0);
  else if (!inode_load(sector, type, disk, &e, tables, c->why, c->why_size))
    c->failed = true;
  else
    ok = claim_inode(c, sector, e, disk->extent_cnt, tables, disk->table_cnt);
  ok = ok && !c->failed;
  if (ok && ext != NULL) {
    *ext = e;
    *ext_cnt = disk->extent_cnt;
  } else {
    free(e);
  }
  free(disk);
  return ok;
}

typedef bool dirent_func(struct fsck *, const struct fs_dirent *,
                         unsigned slot);

/* Calls FN on every directory entry until it returns false. */
static bool
for_each_dirent(struct fsck *c, dirent_func *fn)
{
  struct fs_dirent block[FS_DIRENTS_PER_SECTOR];
  unsigned slot = 0;

  for (uint32_t i = 0; i < c->dir_ext_cnt; i++)
    for (uint32_t s = 0; s < c->dir[i].count; s++) {
      if (!cache_read(c->dir[i].start + s, block, 0, sizeof block,
                      CACHE_BYPASS))
        return fsck_fail(c, "cannot read directory sector %u",
                         c->dir[i].start + s);
      for (unsigned k = 0; k < FS_DIRENTS_PER_SECTOR; k++, slot++)
        if (!fn(c, &block[k], slot))
          return false;
    }
  return true;
}

static bool
check_entry(struct fsck *c, const struct fs_dirent *e, unsigned slot)
{
  char name[NAME_MAX + 1];
  int kind = layout_dirent_name(e, name);

  if (kind < 0)
    return fsck_fail(c, "directory entry %u has a bad name", slot);
  if (kind == 0)
    return true;
  if (e->inode < fs_geo.data_start || e->inode >= fs_geo.total)
    return fsck_fail(c, "directory entry %u: inode out of range", slot);
  c->files++;
  return check_inode(c, e->inode, FS_TYPE_FILE, NULL, NULL);
}

static uint32_t
name_hash(const char *name)
{
  uint32_t h = 2166136261u;

  while (*name != '\0')
    h = (h ^ (uint8_t)*name++) * 16777619u;
  return h;
}

static bool
check_unique(struct fsck *c, const struct fs_dirent *e, unsigned slot)
{
  char name[NAME_MAX + 1];

  if (layout_dirent_name(e, name) != 1)
    return true;
  uint32_t i = name_hash(name) & (c->name_cap - 1);
  while (c->names[i][0] != '\0') {
    if (strcmp(c->names[i], name) == 0)
      return fsck_fail(c, "directory entry %u: duplicate name", slot);
    i = (i + 1) & (c->name_cap - 1);
  }
  memcpy(c->names[i], name, sizeof name);
  return true;
}

static bool
check_names(struct fsck *c)
{
  c->name_cap = 2;
  while (c->name_cap < 2 * c->files)
    c->name_cap *= 2;
  c->names = calloc(c->name_cap, sizeof *c->names);
  if (c->names == NULL)
    return fsck_fail(c, "out of memory", 0);
  return for_each_dirent(c, check_unique);
}

/* Compares the claimed sectors with the free map. */
static bool
check_free_map(struct fsck *c, bool strict)
{
  uint32_t leaked = 0;

  for (uint32_t s = fs_geo.data_start; s < fs_geo.total; s++) {
    bool owned = fs_bit_test(c->owned, s), used = free_map_is_used(s);
    if (owned && !used)
      return fsck_fail(c, "sector %u is in use but marked free", s);
    leaked += used && !owned;
  }
  if (strict && leaked > 0)
    return fsck_fail(c, "%u sectors are marked used but unowned", leaked);
  return true;
}

/* Checks the whole mounted file system.  Returns true if it is
   consistent; otherwise writes a one-line reason to WHY. */
bool
fsck_run(bool strict, char *why, size_t why_size)
{
  struct fsck c = {.why = why, .why_size = why_size};

  c.owned = calloc(fs_geo.freemap_sectors, BLOCK_SECTOR_SIZE);
  if (c.owned == NULL)
    return fsck_fail(&c, "out of memory", 0);
  for (uint32_t s = 0; s < fs_geo.data_start; s++)
    fs_bit_set(c.owned, s, true);
  bool ok = check_inode(&c, fs_geo.root, FS_TYPE_DIR, &c.dir, &c.dir_ext_cnt) &&
            for_each_dirent(&c, check_entry) && check_names(&c);
  if (ok) {
    inode_for_each_removed(claim_removed, &c);
    ok = !c.failed && check_free_map(&c, strict);
  }
  free(c.names);
  free(c.dir);
  free(c.owned);
  return ok && !c.failed;
}
