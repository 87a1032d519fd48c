/* SPDX-License-Identifier: MIT */
/* Validation of the on-disk structures, one structure at a time.

   Nothing read from a disk is trusted: a foreign, truncated or corrupt
   image must be refused with a reason, never crash the kernel.  Each
   checker here looks at one sector's worth of data and either accepts it
   or says why not; the cross-structure checks (who owns which sector) are
   in fsck.c.  Geometry is fully determined by the size, so the superblock
   check simply recomputes it and compares. */

#include "filesys/layout.h"
#include <round.h>
#include <stdio.h>
#include <string.h>

_Static_assert(sizeof(struct fs_superblock) == BLOCK_SECTOR_SIZE, "sb");
_Static_assert(sizeof(struct fs_inode) == BLOCK_SECTOR_SIZE, "inode");
_Static_assert(sizeof(struct fs_extent_table) == BLOCK_SECTOR_SIZE, "tab");
_Static_assert(sizeof(struct fs_dirent) == FS_DIRENT_SIZE, "dirent");

/* Fills GEO with the layout of a file system of TOTAL sectors. */
void
layout_geometry(uint32_t total, struct fs_geometry *geo)
{
  geo->total = total;
  geo->freemap_start = 1;
  geo->freemap_sectors = DIV_ROUND_UP(total, FS_BITS_PER_SECTOR);
  geo->root = geo->freemap_start + geo->freemap_sectors;
  geo->data_start = geo->root + 1;
}

/* Fills SB, a superblock describing GEO. */
void
layout_superblock(const struct fs_geometry *geo, struct fs_superblock *sb)
{
  memset(sb, 0, sizeof *sb);
  memcpy(sb->magic, FS_MAGIC, sizeof sb->magic);
  sb->version = FS_VERSION;
  sb->sector_size = BLOCK_SECTOR_SIZE;
  sb->total_sectors = geo->total;
  sb->freemap_start = geo->freemap_start;
  sb->freemap_sectors = geo->freemap_sectors;
  sb->root_sector = geo->root;
  sb->data_start = geo->data_start;
}

/* Checks superblock SB read from a device of DEVICE_SIZE sectors.  On
   success fills GEO and returns true; otherwise writes a one-line reason
   to WHY and returns false. */
bool
layout_check_super(const struct fs_superblock *sb, uint32_t device_size,
                   struct fs_geometry *geo, char *why, size_t why_size)
{
  if (memcmp(sb->magic, FS_MAGIC, sizeof sb->magic) != 0) {
    snprintf(why, why_size, "no Pagoda file system (bad magic)");
    return false;
  }
  if (sb->version != FS_VERSION || sb->sector_size != BLOCK_SECTOR_SIZE) {
    snprintf(why, why_size, "unsupported version %u (sector size %u)",
             (unsigned)sb->version, (unsigned)sb->sector_size);
    return false;
  }
  if (sb->total_sectors < FS_MIN_SECTORS ||
      sb->total_sectors > FS_MAX_SECTORS) {
    snprintf(why, why_size, "bad size of %u sectors",
             (unsigned)sb->total_sectors);
    return false;
  }
  if (sb->total_sectors > device_size) {
    snprintf(why, why_size, "truncated: %u sectors, superblock says %u",
             (unsigned)device_size, (unsigned)sb->total_sectors);
    return false;
  }
  layout_geometry(sb->total_sectors, geo);
  if (sb->freemap_start != geo->freemap_start ||
      sb->freemap_sectors != geo->freemap_sectors ||
      sb->root_sector != geo->root || sb->data_start != geo->data_start) {
    snprintf(why, why_size, "superblock layout fields are inconsistent");
    return false;
  }
  return true;
}

/* True if extent E lies wholly inside the data area of GEO. */
bool
layout_check_extent(const struct fs_extent *e, const struct fs_geometry *geo)
{
  return e->count > 0 && e->start >= geo->data_start && e->start < geo->total &&
         e->count <= geo->total - e->start;
}

/* Number of extent-table sectors an inode with EXTENT_CNT extents uses. */
uint32_t
layout_tables_needed(uint32_t extent_cnt)
{
  if (extent_cnt <= FS_INLINE_EXTENTS)
    return 0;
  return DIV_ROUND_UP(extent_cnt - FS_INLINE_EXTENTS, FS_TABLE_EXTENTS);
}

static bool
fail(char *why, size_t why_size, block_sector_t sector, const char *what)
{
  snprintf(why, why_size, "inode %u: %s", (unsigned)sector, what);
  return false;
}

/* Checks the fields of inode IN read from SECTOR, which must have TYPE.
   Only the inline extents are checked here; the caller checks the
   table sectors with layout_check_table.  Writes a reason on failure. */
bool
layout_check_inode(const struct fs_inode *in, block_sector_t sector,
                   uint32_t type, const struct fs_geometry *geo, char *why,
                   size_t why_size)
{
  if (in->magic != FS_INODE_MAGIC || in->self != sector)
    return fail(why, why_size, sector, "not an inode");
  if (in->type != type)
    return fail(why, why_size, sector, "wrong type");
  if (in->length < 0 || in->init_length < 0 || in->init_length > in->length)
    return fail(why, why_size, sector, "bad length");
  if (type == FS_TYPE_DIR &&
      (in->length % BLOCK_SECTOR_SIZE != 0 || in->init_length != in->length))
    return fail(why, why_size, sector, "bad directory length");
  if (in->extent_cnt > FS_MAX_EXTENTS ||
      in->table_cnt != layout_tables_needed(in->extent_cnt))
    return fail(why, why_size, sector, "bad extent count");
  uint32_t inl =
      in->extent_cnt < FS_INLINE_EXTENTS ? in->extent_cnt : FS_INLINE_EXTENTS;
  for (uint32_t i = 0; i < inl; i++)
    if (!layout_check_extent(&in->ext[i], geo))
      return fail(why, why_size, sector, "extent out of range");
  for (uint32_t i = 0; i < in->table_cnt; i++)
    if (in->table[i] < geo->data_start || in->table[i] >= geo->total)
      return fail(why, why_size, sector, "extent table out of range");
  return true;
}

/* Checks extent table T owned by inode OWNER, of which the first CNT
   extents are in use. */
bool
layout_check_table(const struct fs_extent_table *t, block_sector_t owner,
                   uint32_t cnt, const struct fs_geometry *geo)
{
  if (t->magic != FS_TABLE_MAGIC || t->owner != owner || cnt > FS_TABLE_EXTENTS)
    return false;
  for (uint32_t i = 0; i < cnt; i++)
    if (!layout_check_extent(&t->ext[i], geo))
      return false;
  return true;
}

/* True if NAME is a valid file name: 1 to NAME_MAX bytes, no '/'. */
bool
layout_name_ok(const char *name)
{
  size_t len = strnlen(name, NAME_MAX + 1);

  return len >= 1 && len <= NAME_MAX && memchr(name, '/', len) == NULL;
}

/* Decodes entry E: returns 0 for a free slot, 1 for a valid entry (its
   name copied to NAME), -1 for a corrupt one. */
int
layout_dirent_name(const struct fs_dirent *e, char name[NAME_MAX + 1])
{
  if (e->inode == 0)
    return 0;
  size_t len = strnlen(e->name, sizeof e->name);
  if (len > NAME_MAX)
    return -1;
  memcpy(name, e->name, len);
  name[len] = '\0';
  return layout_name_ok(name) ? 1 : -1;
}
