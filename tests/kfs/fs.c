/* SPDX-License-Identifier: MIT */
/* File-system tests run inside the kernel, on the real disk driver.
 *
 * kfs-fs-concurrent: threads create, write, read back and remove their
 * own files while all of them read one shared file; afterwards no file,
 * sector or fsck complaint may be left over.  kfs-fs-remove-open: the Unix
 * rule that a removed file lives on for its open handles.  kfs-fs-remount:
 * unmount and mount again in the same boot, so nothing may survive only in
 * memory.  kfs-persist-write / kfs-persist-check: the same across two
 * boots of one disk image.
 *
 * File contents are byte patterns of (seed, offset), so data at the wrong
 * offset or from another file is caught. */

#include <stdio.h>
#include <string.h>

#include "devices/block.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "mm/palloc.h"
#include "tests/kfs/kfs-tests.h"
#include "threads/synch.h"
#include "threads/thread.h"

#define CHUNK_MAX PGSIZE

/* Byte OFS of the content with SEED. */
static uint8_t
content_byte(uint64_t seed, off_t ofs)
{
  uint64_t x = (seed + 1) * 0x9e3779b97f4a7c15ull ^ (uint64_t)(ofs / 8);
  x ^= x >> 29;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 32;
  return (uint8_t)(x >> (8 * (ofs % 8)));
}

static void
content_fill(uint8_t *buf, uint64_t seed, off_t ofs, off_t len)
{
  for (off_t i = 0; i < len; i++)
    buf[i] = content_byte(seed, ofs + i);
}

/* Bytes of BUF[0..LEN) that differ from the content at OFS. */
static unsigned
content_bad(const uint8_t *buf, uint64_t seed, off_t ofs, off_t len)
{
  unsigned bad = 0;
  for (off_t i = 0; i < len; i++)
    if (buf[i] != content_byte(seed, ofs + i))
      bad++;
  return bad;
}

/* Write SIZE bytes of content SEED to F from its position, in chunks of
   random length; returns the bytes the file system refused. */
static off_t
write_content(struct file *f, uint64_t seed, off_t size, uint8_t *buf,
              uint64_t *rng)
{
  off_t done = 0;
  while (done < size) {
    off_t n = 1 + ktest_random(rng) % CHUNK_MAX;
    if (n > size - done)
      n = size - done;
    content_fill(buf, seed, done, n);
    off_t w = file_write(f, buf, n);
    if (w != n)
      return size - done - (w > 0 ? w : 0);
    done += n;
  }
  return 0;
}

/* Read [OFS, OFS + SIZE) of F in random chunks and compare with content
   SEED; returns the wrong or missing bytes. */
static unsigned
check_range(struct file *f, uint64_t seed, off_t ofs, off_t size, uint8_t *buf,
            uint64_t *rng)
{
  unsigned bad = 0;
  off_t end = ofs + size;
  while (ofs < end) {
    off_t n = 1 + ktest_random(rng) % CHUNK_MAX;
    if (n > end - ofs)
      n = end - ofs;
    memset(buf, 0, n);
    off_t r = file_read_at(f, buf, n, ofs);
    if (r < 0)
      r = 0;
    bad += (unsigned)(n - r) + content_bad(buf, seed, ofs, r);
    ofs += n;
  }
  return bad;
}

/* check_range over the whole of content SEED of SIZE bytes. */
static unsigned
check_content(struct file *f, uint64_t seed, off_t size, uint8_t *buf,
              uint64_t *rng)
{
  return check_range(f, seed, 0, size, buf, rng);
}

/* Create NAME holding SIZE bytes of content SEED; false on any failure. */
static bool
make_file(const char *name, uint64_t seed, off_t size, uint8_t *buf,
          uint64_t *rng)
{
  if (!filesys_create(name, size)) /* Files never grow (section 6). */
    return false;
  struct file *f = filesys_open(name);
  if (f == NULL)
    return false;
  off_t refused = write_content(f, seed, size, buf, rng);
  file_close(f);
  return refused == 0;
}

/* Content check of the file called NAME: "intact", "missing", or a count
   of wrong bytes, written into OUT. */
static void
describe_file(const char *name, uint64_t seed, off_t size, uint8_t *buf,
              char *out, size_t out_size)
{
  uint64_t rng = seed + 99;
  struct file *f = filesys_open(name);
  if (f == NULL) {
    snprintf(out, out_size, "missing");
    return;
  }
  off_t len = file_length(f);
  unsigned bad = check_content(f, seed, size, buf, &rng);
  file_close(f);
  if (len == size && bad == 0)
    snprintf(out, out_size, "%d bytes, intact", (int)len);
  else
    snprintf(out, out_size, "%d bytes, %u wrong", (int)len, bad);
}

static struct block *
need_fs(void)
{
  struct block *b = kfs_need_disk(BLOCK_FILESYS, "file-system");
  KFS_REQUIRE(fs_device != NULL);
  return b;
}

/* ----------------------------------------------------------- concurrent */

#define FS_WORKERS 4
#define FS_ROUNDS 8
#define FILE_MAX (40 * 1024)
#define SHARED_SIZE (64 * 1024)
#define SHARED_SEED 777

struct fs_worker {
  int id;
  unsigned bad_bytes;   /* Wrong bytes read back from own files. */
  unsigned shared_bad;  /* Wrong bytes read from the shared file. */
  unsigned failures;    /* Failed create, open, write or remove. */
  unsigned still_there; /* Files still openable after remove. */
  struct semaphore *done;
};

/* Read a random range of the shared file through HANDLE and check it. */
static unsigned
read_shared(struct file *handle, uint8_t *buf, uint64_t *rng)
{
  off_t ofs = ktest_random(rng) % SHARED_SIZE;
  off_t n = 1 + ktest_random(rng) % CHUNK_MAX;
  if (n > SHARED_SIZE - ofs)
    n = SHARED_SIZE - ofs;
  off_t r = file_read_at(handle, buf, n, ofs);
  return r != n ? (unsigned)n : content_bad(buf, SHARED_SEED, ofs, n);
}

/* One round: a file of random size, written, checked through a second
   handle, removed. */
static void
fs_worker_round(struct fs_worker *w, int round, uint8_t *buf, uint64_t *rng,
                struct file *shared)
{
  char name[NAME_MAX + 1];
  uint64_t seed = (uint64_t)w->id * 100 + round;
  off_t size = ktest_random(rng) % FILE_MAX;
  snprintf(name, sizeof name, "kfs-t%d-%d", w->id, round);
  if (!make_file(name, seed, size, buf, rng)) {
    w->failures++;
    return;
  }
  w->shared_bad += read_shared(shared, buf, rng);
  struct file *f = filesys_open(name);
  if (f == NULL || file_length(f) != size) {
    w->failures++;
  } else {
    w->bad_bytes += check_content(f, seed, size, buf, rng);
  }
  file_close(f);
  if (!filesys_remove(name))
    w->failures++;
  struct file *gone = filesys_open(name);
  if (gone != NULL) {
    w->still_there++;
    file_close(gone);
  }
}

static void
fs_worker_main(void *aux)
{
  struct fs_worker *w = aux;
  uint8_t *buf = palloc_get_page(PAL_ASSERT);
  uint64_t rng = 0xabcdef12345ull + w->id;
  struct file *shared = filesys_open("kfs-shared");
  if (shared == NULL) {
    w->failures++;
  } else {
    for (int round = 1; round <= FS_ROUNDS; round++)
      fs_worker_round(w, round, buf, &rng, shared);
    file_close(shared);
  }
  palloc_free_page(buf);
  sema_up(w->done);
}

/* Number of files in the directory. */
static unsigned
count_files(void)
{
  char name[NAME_MAX + 1];
  off_t size;
  unsigned n = 0;
  while (filesys_listdir(n, name, &size) == 1 && n < 1000)
    n++;
  return n;
}

/* Give the root directory room for CNT entries by creating and removing
   that many empty files: the directory keeps its slots, so free-sector
   counts taken afterwards measure file data only. */
static void
grow_directory(int cnt)
{
  char name[NAME_MAX + 1];
  for (int i = 0; i < cnt; i++) {
    snprintf(name, sizeof name, "kfs-slot%d", i);
    KFS_REQUIRE(filesys_create(name, 0));
  }
  for (int i = 0; i < cnt; i++) {
    snprintf(name, sizeof name, "kfs-slot%d", i);
    KFS_REQUIRE(filesys_remove(name));
  }
}

static void
report_fsck(void)
{
  char why[128];
  bool ok = filesys_fsck(why, sizeof why);
  ktest_msg("fsck: %s", ok ? "clean" : why);
}

/* Threads work on their own files at once, sharing one read-only file. */
void
kfs_fs_concurrent(void)
{
  need_fs();
  static struct fs_worker ws[FS_WORKERS];
  uint8_t *buf = palloc_get_page(PAL_ASSERT);
  uint64_t rng = 5;
  unsigned files_before = count_files();
  grow_directory(FS_WORKERS + 1);
  uint32_t free_before = filesys_free_sectors();
  KFS_REQUIRE(make_file("kfs-shared", SHARED_SEED, SHARED_SIZE, buf, &rng));

  struct semaphore done;
  sema_init(&done, 0);
  for (int i = 0; i < FS_WORKERS; i++) {
    ws[i] = (struct fs_worker){.id = i, .done = &done};
    char name[16];
    snprintf(name, sizeof name, "kfs-fs%d", i);
    KFS_REQUIRE(thread_create(name, PRI_DEFAULT, fs_worker_main, &ws[i]) !=
                TID_ERROR);
  }
  for (int i = 0; i < FS_WORKERS; i++)
    sema_down(&done);
  for (int i = 0; i < FS_WORKERS; i++)
    ktest_msg("thread %d: %d files, %u failures, %u wrong bytes, %u wrong "
              "shared bytes, %u still there after remove",
              i, FS_ROUNDS, ws[i].failures, ws[i].bad_bytes, ws[i].shared_bad,
              ws[i].still_there);
  KFS_REQUIRE(filesys_remove("kfs-shared"));
  ktest_msg("files left: %d more than before",
            (int)count_files() - (int)files_before);
  ktest_msg("free sectors: %d more than before",
            (int)filesys_free_sectors() - (int)free_before);
  report_fsck();
  palloc_free_page(buf);
}

/* ---------------------------------------------------------- remove-open */

/* A removed file stays readable and writable through handles opened
   before, its name is free at once, and its sectors come back only after
   the last close. */
void
kfs_fs_remove_open(void)
{
  need_fs();
  uint8_t *buf = palloc_get_page(PAL_ASSERT);
  uint64_t rng = 11;
  grow_directory(1);
  uint32_t free_before = filesys_free_sectors();
  KFS_REQUIRE(make_file("kfs-victim", 1, 3000, buf, &rng));
  struct file *a = filesys_open("kfs-victim");
  struct file *b = filesys_open("kfs-victim");
  KFS_REQUIRE(a != NULL && b != NULL);

  ktest_msg("remove while open: %s",
            filesys_remove("kfs-victim") ? "true" : "false");
  struct file *c = filesys_open("kfs-victim");
  ktest_msg("open after remove: %s", c == NULL ? "null" : "opened");
  file_close(c);
  ktest_msg("first handle reads %u wrong bytes of 3000",
            check_content(a, 1, 3000, buf, &rng));
  file_seek(b, 1000);
  content_fill(buf, 2, 1000, 1000);
  ktest_msg("second handle overwrites %d bytes", (int)file_write(b, buf, 1000));
  unsigned bad = check_range(a, 1, 0, 1000, buf, &rng) +
                 check_range(a, 2, 1000, 1000, buf, &rng) +
                 check_range(a, 1, 2000, 1000, buf, &rng);
  ktest_msg("first handle sees the change: %u wrong bytes of 3000", bad);
  ktest_msg("write at the end writes %d bytes; length stays %d",
            (int)file_write_at(b, buf, 10, 3000), (int)file_length(a));

  KFS_REQUIRE(filesys_create("kfs-victim", 0));
  c = filesys_open("kfs-victim");
  ktest_msg("new file of that name: length %d", c ? (int)file_length(c) : -1);
  file_close(c);
  KFS_REQUIRE(filesys_remove("kfs-victim"));
  bool held = filesys_free_sectors() < free_before;
  file_close(a);
  file_close(b);
  ktest_msg("sectors held while open: %s; all free after last close: %s",
            held ? "yes" : "no",
            filesys_free_sectors() == free_before ? "yes" : "no");
  report_fsck();
  palloc_free_page(buf);
}

/* ---------------------------------------------------- remount / persist */

struct kfs_file_spec {
  const char *name;
  uint64_t seed;
  off_t size;
};

/* Sizes around sector and extent edges, one empty, one large. */
static const struct kfs_file_spec persist_files[] = {
    {"kfs-empty", 21, 0}, {"kfs-one", 22, 1},        {"kfs-sector", 23, 512},
    {"kfs-odd", 24, 513}, {"kfs-large", 25, 150000}, {"kfs-medium", 26, 20000},
};
#define PERSIST_CNT (sizeof persist_files / sizeof persist_files[0])
#define PERSIST_GONE "kfs-removed"

/* Write the persist files, plus one created and removed again. */
static void
persist_write(uint8_t *buf)
{
  uint64_t rng = 31;
  for (size_t i = 0; i < PERSIST_CNT; i++) {
    const struct kfs_file_spec *s = &persist_files[i];
    if (!make_file(s->name, s->seed, s->size, buf, &rng))
      ktest_fail("could not write %s", s->name);
  }
  KFS_REQUIRE(make_file(PERSIST_GONE, 1, 5000, buf, &rng));
  KFS_REQUIRE(filesys_remove(PERSIST_GONE));
}

/* Report every persist file as found on disk. */
static void
persist_check(uint8_t *buf)
{
  char what[64];
  for (size_t i = 0; i < PERSIST_CNT; i++) {
    const struct kfs_file_spec *s = &persist_files[i];
    describe_file(s->name, s->seed, s->size, buf, what, sizeof what);
    ktest_msg("%s: %s", s->name, what);
  }
  struct file *f = filesys_open(PERSIST_GONE);
  ktest_msg("%s: %s", PERSIST_GONE, f == NULL ? "absent" : "present");
  file_close(f);
  report_fsck();
}

/* Unmount and mount again in one boot, then check. */
void
kfs_fs_remount(void)
{
  struct block *dev = need_fs();
  uint8_t *buf = palloc_get_page(PAL_ASSERT);
  persist_write(buf);
  uint32_t free_before = filesys_free_sectors();
  char why[128];
  filesys_done();
  bool mounted = filesys_mount(dev, why, sizeof why);
  ktest_msg("mount again: %s", mounted ? "ok" : why);
  if (mounted) {
    persist_check(buf);
    ktest_msg("free sectors unchanged: %s",
              filesys_free_sectors() == free_before ? "yes" : "no");
  }
  palloc_free_page(buf);
}

/* First boot of the persistence pair: just write. */
void
kfs_persist_write(void)
{
  need_fs();
  uint8_t *buf = palloc_get_page(PAL_ASSERT);
  persist_write(buf);
  ktest_msg("wrote %d files", (int)PERSIST_CNT);
  palloc_free_page(buf);
}

/* Second boot on the same disk image: check what the first wrote. */
void
kfs_persist_check(void)
{
  need_fs();
  uint8_t *buf = palloc_get_page(PAL_ASSERT);
  persist_check(buf);
  palloc_free_page(buf);
}
