/* SPDX-License-Identifier: MIT */
/* Corrupt-image corpus for the checked mount.

     fs-corrupt-gen OUTDIR [SECTORS]   write base.img, one image per damage
                                       and OUTDIR/MANIFEST
     fs-corrupt-gen --mount IMAGE      hosted filesys_init on IMAGE: exit 0
                                       if refused, 3 if mounted

   The base image is built with the file system itself (small and large
   files, an empty one, a grown directory and, on large enough disks, a
   fragmented file with an extent table).  Each corruption then edits the
   raw bytes in one precise way: truncation, bad superblock fields, free
   map damage, out-of-range or overlapping extents, cyclic tables,
   unterminated or duplicate names, huge sizes...  MANIFEST lists each
   image with what the mount must do: `refuse', or `leak' for damage only
   the strict fsck reports (sectors marked used but owned by nothing).
   tests/filesys/host/check-corrupt.sh runs the checks. */

#include <errno.h>
#include "filesys/host/host.h"
#include "filesys/inode.h"
#include "filesys/free-map.h"
#include "filesys/layout.h"

struct base {
  uint8_t *img;
  size_t len;
  uint32_t total;
  block_sector_t small, big, frag; /* Inode sectors (frag may be 0). */
};

static struct base base;
static uint8_t *img; /* The working copy being damaged. */
static size_t img_len;

static void
die(const char *what)
{
  fprintf(stderr, "fs-corrupt-gen: %s\n", what);
  exit(1);
}

static struct fs_superblock *
sb(void)
{
  return (struct fs_superblock *)img;
}

static void *
sector(uint32_t s)
{
  if ((size_t)s * 512 + 512 > img_len)
    die("sector outside image");
  return img + (size_t)s * 512;
}

static struct fs_inode *
inode_at(uint32_t s)
{
  return sector(s);
}

/* The I-th directory entry in the root's data. */
static struct fs_dirent *
dirent(unsigned i)
{
  struct fs_inode *root = inode_at(sb()->root_sector);
  unsigned per = FS_DIRENTS_PER_SECTOR, s = i / per;

  for (uint32_t e = 0; e < root->extent_cnt; e++) {
    if (s < root->ext[e].count)
      return (struct fs_dirent *)sector(root->ext[e].start + s) + i % per;
    s -= root->ext[e].count;
  }
  die("no such directory entry");
  return NULL;
}

static void
map_set(uint32_t s, bool used)
{
  fs_bit_set(img + 512 * sb()->freemap_start, s, used);
}

static block_sector_t
inode_of(const char *name)
{
  struct file *f = filesys_open(name);

  if (f == NULL)
    die("base file missing");
  block_sector_t s = inode_get_inumber(file_get_inode(f));
  file_close(f);
  return s;
}

static void
make_file(const char *name, int size, int seed)
{
  uint8_t *data = malloc(size ? size : 1);

  for (int i = 0; i < size; i++)
    data[i] = (uint8_t)(i * 7 + seed);
  if (!filesys_create(name, size))
    die("cannot create base file");
  struct file *f = filesys_open(name);
  if (file_write(f, data, size) != size)
    die("cannot write base file");
  file_close(f);
  free(data);
}

/* Many small holes, then a file that needs more than the inline extents. */
static void
make_fragmented(void)
{
  char name[32];

  for (int i = 0; i < 120; i++) {
    snprintf(name, sizeof name, "h%03d", i);
    make_file(name, 1, i);
  }
  make_file("filler", (filesys_free_sectors() - 2) * 512, 0);
  for (int i = 0; i < 120; i += 2) {
    snprintf(name, sizeof name, "h%03d", i);
    filesys_remove(name);
  }
  make_file("frag", 100 * 512, 5);
  filesys_remove("filler");
  base.frag = inode_of("frag");
}

static void
build_base(uint32_t sectors)
{
  char why[128], name[32];
  struct block *dev =
      block_mem_open(NULL, (size_t)sectors * 512, BLOCK_FILESYS);

  if (dev == NULL || !filesys_format(dev, why, sizeof why) ||
      !filesys_mount(dev, why, sizeof why))
    die("cannot build the base image");
  make_file("small", 700, 1);
  make_file("big", sectors >= 2048 ? 300 * 1024 : 10 * 1024, 2);
  make_file("empty", 0, 3);
  for (int i = 0; i < (sectors >= 2048 ? 70 : 20); i++) {
    snprintf(name, sizeof name, "file%02d", i);
    make_file(name, i * 10, i);
  }
  if (sectors >= 2048)
    make_fragmented();
  base.small = inode_of("small");
  base.big = inode_of("big");
  if (!filesys_fsck(why, sizeof why))
    die(why);
  filesys_done();
  base.total = sectors;
  base.len = (size_t)sectors * 512;
  base.img = malloc(base.len);
  memcpy(base.img, block_mem_data(dev), base.len);
  block_host_close(dev);
}

/* ------------------------------------------------------------ damages */

static void
trunc_half(void)
{
  img_len = img_len / 2;
}
static void
trunc_one(void)
{
  img_len = 512;
}
static void
trunc_empty(void)
{
  img_len = 0;
}
static void
trunc_partial(void)
{
  img_len -= 300;
}
static void
bad_magic(void)
{
  sb()->magic[3] ^= 0x20;
}
static void
bad_version(void)
{
  sb()->version = 2;
}
static void
bad_sector_size(void)
{
  sb()->sector_size = 4096;
}
static void
tiny_total(void)
{
  sb()->total_sectors = 5;
}
static void
huge_total(void)
{
  sb()->total_sectors = 0xffffffffu;
}
static void
bad_layout(void)
{
  sb()->freemap_sectors++;
}
static void
bad_root_field(void)
{
  sb()->root_sector = sb()->total_sectors - 1;
}

static void
zero_free_map(void)
{
  memset(sector(sb()->freemap_start), 0, 512 * sb()->freemap_sectors);
}

static void
reserved_bit_clear(void)
{
  map_set(0, false);
}
static void
bit_past_end(void)
{
  map_set(sb()->total_sectors, true);
}
static void
used_marked_free(void)
{
  map_set(inode_at(base.big)->ext[0].start + 3, false);
}
static void
inode_marked_free(void)
{
  map_set(base.small, false);
}

static void
leaked_sector(void)
{
  for (uint32_t s = sb()->total_sectors - 1; s > 0; s--)
    if (!fs_bit_test(img + 512 * sb()->freemap_start, s)) {
      map_set(s, true);
      return;
    }
}

static void
root_bad_magic(void)
{
  inode_at(sb()->root_sector)->magic = 0;
}
static void
root_wrong_type(void)
{
  inode_at(sb()->root_sector)->type = FS_TYPE_FILE;
}
static void
root_bad_self(void)
{
  inode_at(sb()->root_sector)->self++;
}
static void
root_odd_length(void)
{
  inode_at(sb()->root_sector)->length += 32;
}
static void
root_extent_past_end(void)
{
  inode_at(sb()->root_sector)->ext[0].start = sb()->total_sectors;
}
static void
root_extent_wrap(void)
{
  inode_at(sb()->root_sector)->ext[0].count = 0xfffffff0u;
}
static void
root_extent_zero(void)
{
  inode_at(sb()->root_sector)->ext[0].count = 0;
}
static void
root_extent_reserved(void)
{
  inode_at(sb()->root_sector)->ext[0].start = 0;
}

static void
root_extent_on_file(void)
{
  inode_at(sb()->root_sector)->ext[0] = inode_at(base.big)->ext[0];
  inode_at(sb()->root_sector)->ext[0].count = 4;
}

static void
root_huge_extent_count(void)
{
  inode_at(sb()->root_sector)->extent_cnt = 0x7fffffff;
}

static void
file_bad_magic(void)
{
  inode_at(base.small)->magic ^= 1;
}
static void
file_is_dir(void)
{
  inode_at(base.small)->type = FS_TYPE_DIR;
}
static void
file_huge_length(void)
{
  inode_at(base.big)->length = 0x7fffffff;
}
static void
file_negative_length(void)
{
  inode_at(base.small)->length = -5;
}
static void
file_init_past_length(void)
{
  inode_at(base.small)->init_length = 100000;
}
static void
file_short_extents(void)
{
  inode_at(base.big)->ext[0].count -= 1;
}
static void
file_extent_on_self(void)
{
  inode_at(base.small)->ext[0].start = base.small;
}

static void
file_cross_linked(void)
{
  inode_at(base.small)->ext[0].start = inode_at(base.big)->ext[0].start;
}

static void
file_extent_on_dir(void)
{
  inode_at(base.small)->ext[0].start =
      inode_at(sb()->root_sector)->ext[0].start;
}

static void
file_extent_on_reserved(void)
{
  inode_at(base.small)->ext[0].start = sb()->freemap_start;
}

static void
file_extent_count_max(void)
{
  inode_at(base.small)->extent_cnt = FS_MAX_EXTENTS + 1;
}
static void
file_table_count(void)
{
  inode_at(base.small)->table_cnt = 3;
}

static void
table_loop_self(void)
{
  struct fs_inode *in = inode_at(base.frag);
  in->table[0] = base.frag; /* The table is the inode itself. */
}

static void
table_shared(void)
{
  /* Two extent tables claim the same sector: a cycle in the list. */
  struct fs_inode *in = inode_at(base.frag);
  in->extent_cnt = FS_INLINE_EXTENTS + FS_TABLE_EXTENTS + 1;
  in->table_cnt = 2;
  in->table[1] = in->table[0];
}

static void
table_bad_magic(void)
{
  ((struct fs_extent_table *)sector(inode_at(base.frag)->table[0]))->magic = 0;
}
static void
table_bad_owner(void)
{
  ((struct fs_extent_table *)sector(inode_at(base.frag)->table[0]))->owner =
      base.small;
}
static void
table_out_of_range(void)
{
  inode_at(base.frag)->table[0] = sb()->total_sectors + 7;
}

static void
table_extent_bad(void)
{
  struct fs_extent_table *t = sector(inode_at(base.frag)->table[0]);
  t->ext[0].start = sb()->total_sectors - 1;
  t->ext[0].count = 2;
}

static void
name_unterminated(void)
{
  memset(dirent(0)->name, 'A', sizeof dirent(0)->name);
}

static void
name_slash(void)
{
  dirent(0)->name[1] = '/';
}
static void
name_empty(void)
{
  memset(dirent(0)->name, 0, sizeof dirent(0)->name);
}
static void
name_fifteen(void)
{
  memset(dirent(0)->name, 'B', 15);
}
static void
entry_inode_past_end(void)
{
  dirent(1)->inode = sb()->total_sectors + 100;
}
static void
entry_inode_reserved(void)
{
  dirent(1)->inode = sb()->freemap_start;
}
static void
entry_inode_is_root(void)
{
  dirent(1)->inode = sb()->root_sector;
}
static void
entry_inode_is_data(void)
{
  dirent(1)->inode = inode_at(base.big)->ext[0].start;
}
static void
entry_inode_is_table(void)
{
  dirent(1)->inode = inode_at(base.frag)->table[0];
}
static void
entry_cross_linked(void)
{
  dirent(3)->inode = dirent(0)->inode;
}

static void
entry_duplicate_name(void)
{
  memcpy(dirent(3)->name, dirent(0)->name, sizeof dirent(0)->name);
}

struct damage {
  const char *name;
  void (*apply)(void);
  const char *expect; /* "refuse" or "leak". */
  bool needs_frag;
};

static const struct damage damages[] = {
    {"trunc-half", trunc_half, "refuse", false},
    {"trunc-one-sector", trunc_one, "refuse", false},
    {"trunc-empty", trunc_empty, "refuse", false},
    {"trunc-partial-sector", trunc_partial, "refuse", false},
    {"sb-bad-magic", bad_magic, "refuse", false},
    {"sb-bad-version", bad_version, "refuse", false},
    {"sb-bad-sector-size", bad_sector_size, "refuse", false},
    {"sb-tiny-total", tiny_total, "refuse", false},
    {"sb-huge-total", huge_total, "refuse", false},
    {"sb-bad-layout", bad_layout, "refuse", false},
    {"sb-bad-root", bad_root_field, "refuse", false},
    {"fm-zeroed", zero_free_map, "refuse", false},
    {"fm-reserved-free", reserved_bit_clear, "refuse", false},
    {"fm-bit-past-end", bit_past_end, "refuse", false},
    {"fm-data-marked-free", used_marked_free, "refuse", false},
    {"fm-inode-marked-free", inode_marked_free, "refuse", false},
    {"fm-leaked-sector", leaked_sector, "leak", false},
    {"root-bad-magic", root_bad_magic, "refuse", false},
    {"root-wrong-type", root_wrong_type, "refuse", false},
    {"root-bad-self", root_bad_self, "refuse", false},
    {"root-odd-length", root_odd_length, "refuse", false},
    {"root-extent-past-end", root_extent_past_end, "refuse", false},
    {"root-extent-wraps", root_extent_wrap, "refuse", false},
    {"root-extent-empty", root_extent_zero, "refuse", false},
    {"root-extent-reserved", root_extent_reserved, "refuse", false},
    {"root-extent-on-file", root_extent_on_file, "refuse", false},
    {"root-huge-extent-cnt", root_huge_extent_count, "refuse", false},
    {"file-bad-magic", file_bad_magic, "refuse", false},
    {"file-is-dir", file_is_dir, "refuse", false},
    {"file-huge-length", file_huge_length, "refuse", false},
    {"file-negative-length", file_negative_length, "refuse", false},
    {"file-init-past-length", file_init_past_length, "refuse", false},
    {"file-short-extents", file_short_extents, "refuse", false},
    {"file-extent-on-self", file_extent_on_self, "refuse", false},
    {"file-cross-linked", file_cross_linked, "refuse", false},
    {"file-extent-on-dir", file_extent_on_dir, "refuse", false},
    {"file-extent-reserved", file_extent_on_reserved, "refuse", false},
    {"file-too-many-extents", file_extent_count_max, "refuse", false},
    {"file-bad-table-count", file_table_count, "refuse", false},
    {"table-is-own-inode", table_loop_self, "refuse", true},
    {"table-cycle", table_shared, "refuse", true},
    {"table-bad-magic", table_bad_magic, "refuse", true},
    {"table-bad-owner", table_bad_owner, "refuse", true},
    {"table-out-of-range", table_out_of_range, "refuse", true},
    {"table-extent-bad", table_extent_bad, "refuse", true},
    {"name-unterminated", name_unterminated, "refuse", false},
    {"name-slash", name_slash, "refuse", false},
    {"name-empty", name_empty, "refuse", false},
    {"name-fifteen", name_fifteen, "refuse", false},
    {"entry-inode-past-end", entry_inode_past_end, "refuse", false},
    {"entry-inode-reserved", entry_inode_reserved, "refuse", false},
    {"entry-inode-is-root", entry_inode_is_root, "refuse", false},
    {"entry-inode-is-data", entry_inode_is_data, "refuse", false},
    {"entry-inode-is-table", entry_inode_is_table, "refuse", true},
    {"entry-cross-linked", entry_cross_linked, "refuse", false},
    {"entry-duplicate-name", entry_duplicate_name, "refuse", false},
};

static void
write_image(const char *path, const uint8_t *data, size_t len)
{
  FILE *f = fopen(path, "wb");

  if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
    die("cannot write an image");
}

/* Random bytes over one metadata sector, NCASES times. */
static void
write_random_cases(const char *dir, FILE *manifest, int ncases)
{
  char path[4096];
  uint32_t x = 12345;

  for (int c = 0; c < ncases; c++) {
    memcpy(img, base.img, base.len);
    img_len = base.len;
    uint32_t victims[] = {sb()->root_sector, base.small, base.big,
                          sb()->freemap_start,
                          inode_at(sb()->root_sector)->ext[0].start};
    uint8_t *s = sector(victims[c % 5]);
    for (int i = 0; i < 512; i++) {
      x = x * 1103515245u + 12345u;
      s[i] = (uint8_t)(x >> 16);
    }
    snprintf(path, sizeof path, "%s/random-%02d.img", dir, c);
    write_image(path, img, img_len);
    fprintf(manifest, "random-%02d refuse\n", c);
  }
}

static int
generate(const char *dir, uint32_t sectors)
{
  char path[4096];

  build_base(sectors);
  img = malloc(base.len);
  snprintf(path, sizeof path, "%s/base.img", dir);
  write_image(path, base.img, base.len);
  snprintf(path, sizeof path, "%s/MANIFEST", dir);
  FILE *manifest = fopen(path, "w");
  if (manifest == NULL)
    die("cannot write MANIFEST");
  fprintf(manifest, "base ok\n");
  for (size_t i = 0; i < sizeof damages / sizeof *damages; i++) {
    if (damages[i].needs_frag && base.frag == 0)
      continue;
    memcpy(img, base.img, base.len);
    img_len = base.len;
    damages[i].apply();
    snprintf(path, sizeof path, "%s/%s.img", dir, damages[i].name);
    write_image(path, img, img_len);
    fprintf(manifest, "%s %s\n", damages[i].name, damages[i].expect);
  }
  write_random_cases(dir, manifest, 10);
  fclose(manifest);
  free(img);
  free(base.img);
  return 0;
}

/* Hosted filesys_init on IMAGE; also walks the files if it mounts. */
static int
try_mount(const char *path)
{
  char name[NAME_MAX + 1];
  fs_off_t size;

  struct block *dev = block_file_open(path, false, BLOCK_FILESYS);
  if (dev == NULL)
    die("cannot open the image");
  bool mounted = filesys_init(false);
  for (unsigned i = 0; mounted && filesys_listdir(i, name, &size) == 1; i++) {
    static char buf[4096];
    struct file *f = filesys_open(name);
    while (f != NULL && file_read(f, buf, sizeof buf) > 0)
      continue;
    file_close(f);
  }
  filesys_done();
  block_host_close(dev);
  return mounted ? 3 : 0;
}

int
main(int argc, char *argv[])
{
  if (argc == 3 && strcmp(argv[1], "--mount") == 0)
    return try_mount(argv[2]);
  if (argc != 2 && argc != 3) {
    fprintf(stderr, "usage: fs-corrupt-gen OUTDIR [SECTORS] | "
                    "--mount IMAGE\n");
    return 2;
  }
  uint32_t sectors = argc == 3 ? (uint32_t)strtoul(argv[2], NULL, 0) : 2048;
  if (sectors < 128)
    die("need at least 128 sectors");
  return generate(argv[1], sectors);
}
