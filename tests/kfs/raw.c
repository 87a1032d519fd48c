/* SPDX-License-Identifier: MIT */
/* Raw block-device tests: roles found at boot, pattern round trips in
 * random order through every buffer kind and transfer mode, concurrent
 * threads on both disks, and the error paths.
 *
 * The driver has several routes for one request (DMA straight into the
 * caller's buffer, DMA through the bounce page for stack or misaligned
 * buffers, PIO one sector at a time; single or multi-sector calls), so the
 * pattern test writes in one mode and reads back in the other: a route
 * that moves data to the wrong place or the wrong sector cannot agree with
 * a different route by accident. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices/ide.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "tests/kfs/kfs-tests.h"
#include "threads/synch.h"
#include "threads/thread.h"

#define RUN_MAX 8 /* Sectors per run: one page, the swap slot size. */

/* ---------------------------------------------------------------- roles */

static void
show_role(enum block_type role, const char *label)
{
  uint8_t *page = palloc_get_page(PAL_ASSERT);
  struct block *b = block_get_role(role);
  if (b == NULL)
    ktest_msg("%s disk: none", label);
  else
    ktest_msg("%s disk: %s, %u sectors, role %s, first and last sectors "
              "%sreadable",
              label, block_name(b), (unsigned)block_size(b),
              block_type(b) == role ? "matches" : "differs",
              block_read(b, 0, page) && block_read(b, block_size(b) - 1, page)
                  ? ""
                  : "NOT ");
  palloc_free_page(page);
}

/* Which disks the driver found, and where. */
void
kfs_roles(void)
{
  show_role(BLOCK_FILESYS, "file-system");
  show_role(BLOCK_SWAP, "swap");
}

/* ------------------------------------------------------------- patterns */

/* A run of sectors moved by one call (or one loop of single calls). */
struct run {
  block_sector_t start;
  unsigned cnt;
};

/* Buffers of the three kinds the driver treats differently. */
struct buffers {
  uint8_t *page;      /* Direct map, page aligned: DMA in place. */
  uint8_t *unaligned; /* Heap, odd address: bounce page. */
};

/* Where the data of run number I goes: a page, the caller's stack (passed
   in, bounce page), or an odd heap address. */
static uint8_t *
pick_buffer(struct buffers *bufs, uint8_t *stack, unsigned i)
{
  switch (i % 3) {
  case 0:
    return bufs->page;
  case 1:
    return stack;
  default:
    return bufs->unaligned;
  }
}

static bool
move_run(struct block *b, const struct run *r, uint8_t *buf, bool multi,
         bool write)
{
  if (multi)
    return write ? block_write_multi(b, r->start, buf, r->cnt)
                 : block_read_multi(b, r->start, buf, r->cnt);
  for (unsigned k = 0; k < r->cnt; k++) {
    uint8_t *p = buf + k * BLOCK_SECTOR_SIZE;
    if (!(write ? block_write(b, r->start + k, p)
                : block_read(b, r->start + k, p)))
      return false;
  }
  return true;
}

/* Write (or read and check) RUNS in the order of ORDER.  Returns the
   number of sectors that failed (I/O error or wrong contents). */
static unsigned
pass_runs(struct block *b, const struct run *runs, const uint32_t *order,
          size_t n, uint64_t seed, bool write, struct buffers *bufs)
{
  uint8_t stack[RUN_MAX * BLOCK_SECTOR_SIZE];
  unsigned bad = 0;
  for (size_t i = 0; i < n; i++) {
    const struct run *r = &runs[order[i]];
    uint8_t *buf = pick_buffer(bufs, stack, i);
    /* A read that moved nothing must not find the last write's data. */
    memset(buf, 0, r->cnt * BLOCK_SECTOR_SIZE);
    if (write)
      for (unsigned k = 0; k < r->cnt; k++)
        kfs_pattern_fill(buf + k * BLOCK_SECTOR_SIZE, seed, r->start + k);
    if (!move_run(b, r, buf, (i / 3) % 2 == 0, write)) {
      bad += r->cnt;
      continue;
    }
    if (!write)
      for (unsigned k = 0; k < r->cnt; k++)
        if (!kfs_pattern_check(buf + k * BLOCK_SECTOR_SIZE, seed, r->start + k))
          bad++;
  }
  return bad;
}

/* Cut [0, SIZE) into runs of 1..RUN_MAX sectors; returns how many. */
static size_t
make_runs(struct run *runs, block_sector_t size, uint64_t *rng)
{
  size_t n = 0;
  for (block_sector_t s = 0; s < size; n++) {
    unsigned cnt = 1 + ktest_random(rng) % RUN_MAX;
    if (cnt > size - s)
      cnt = size - s;
    runs[n].start = s;
    runs[n].cnt = cnt;
    s += cnt;
  }
  return n;
}

/* Every sector of the swap disk, twice: written in random order with DMA
   and read back in another random order with PIO, then the other way
   round, through page, stack and misaligned buffers, single and
   multi-sector calls. */
void
kfs_raw_pattern(void)
{
  struct block *b = kfs_need_disk(BLOCK_SWAP, "swap");
  block_sector_t size = block_size(b);
  struct run *runs = malloc(size * sizeof *runs);
  uint32_t *order = malloc(size * sizeof *order);
  struct buffers bufs;
  bufs.page = palloc_get_page(0);
  uint8_t *heap = malloc(RUN_MAX * BLOCK_SECTOR_SIZE + 8);
  KFS_REQUIRE(runs != NULL && order != NULL && bufs.page && heap != NULL);
  bufs.unaligned = heap + 1;

  uint64_t rng = 0x6b66732d72617721ull;
  size_t n = make_runs(runs, size, &rng);
  bool dma_was = ide_set_dma(true);
  for (int pass = 1; pass <= 2; pass++) {
    uint64_t seed = ktest_random(&rng);
    for (size_t i = 0; i < n; i++)
      order[i] = i;
    kfs_shuffle(order, n, &rng);
    ide_set_dma(pass == 1);
    unsigned wbad = pass_runs(b, runs, order, n, seed, true, &bufs);
    kfs_shuffle(order, n, &rng);
    ide_set_dma(pass != 1);
    unsigned rbad = pass_runs(b, runs, order, n, seed, false, &bufs);
    ktest_msg("pass %d: %u sectors written (%u failed), read back with %u "
              "bad",
              pass, (unsigned)size, wbad, rbad);
  }
  ide_set_dma(dma_was);
  free(heap);
  palloc_free_page(bufs.page);
  free(order);
  free(runs);
}

/* ----------------------------------------------------------- concurrent */

#define WORKERS 4
#define REGION 64  /* Sectors each worker owns. */
#define ROUNDS 120 /* Write-then-read round trips per worker. */

struct worker {
  int id;
  struct block *disk;
  block_sector_t base;    /* First sector of the worker's region. */
  uint64_t seeds[REGION]; /* Seed last written to each sector. */
  unsigned bad;           /* Sectors that came back wrong. */
  unsigned region_bad;    /* Wrong sectors in the final sweep. */
  struct semaphore *done;
};

/* One round: write a random run of the region with a fresh seed, read it
   back through the other call style, count wrong sectors. */
static void
worker_round(struct worker *w, int round, uint8_t *out, uint8_t *in,
             uint64_t *rng)
{
  unsigned cnt = 1 + ktest_random(rng) % RUN_MAX;
  struct run r = {w->base + ktest_random(rng) % (REGION - cnt + 1), cnt};
  uint64_t seed = (uint64_t)w->id << 32 | (unsigned)round;
  for (unsigned k = 0; k < cnt; k++) {
    kfs_pattern_fill(out + k * BLOCK_SECTOR_SIZE, seed, r.start + k);
    w->seeds[r.start + k - w->base] = seed;
  }
  if (!move_run(w->disk, &r, out, round % 2 == 0, true) ||
      !move_run(w->disk, &r, in, round % 2 != 0, false)) {
    w->bad += cnt;
    return;
  }
  for (unsigned k = 0; k < cnt; k++)
    if (!kfs_pattern_check(in + k * BLOCK_SECTOR_SIZE, seed, r.start + k))
      w->bad++;
}

static void
worker_main(void *aux)
{
  struct worker *w = aux;
  uint8_t *out = palloc_get_page(PAL_ASSERT);
  uint8_t *in = palloc_get_page(PAL_ASSERT);
  uint64_t rng = 0x1234567ull * (w->id + 1);
  for (int s = 0; s < REGION; s++)
    w->seeds[s] = 0;
  /* Claim the whole region first so the final sweep knows every seed. */
  for (block_sector_t s = 0; s < REGION; s++) {
    kfs_pattern_fill(out, 0, w->base + s);
    if (!block_write(w->disk, w->base + s, out))
      w->bad++;
  }
  for (int round = 1; round <= ROUNDS; round++)
    worker_round(w, round, out, in, &rng);
  for (block_sector_t s = 0; s < REGION; s++)
    if (!block_read(w->disk, w->base + s, in) ||
        !kfs_pattern_check(in, w->seeds[s], w->base + s))
      w->region_bad++;
  palloc_free_page(in);
  palloc_free_page(out);
  sema_up(w->done);
}

/* Save (or restore) the sectors the workers will use on the file-system
   disk into SAVE, so the test leaves that disk as it found it. */
static void
keep_sectors(struct block *b, block_sector_t base, unsigned cnt, uint8_t *save,
             bool restore)
{
  bool ok = restore ? block_write_multi(b, base, save, cnt)
                    : block_read_multi(b, base, save, cnt);
  KFS_REQUIRE(ok);
}

static void
run_workers(struct worker *ws, int pass)
{
  struct semaphore done;
  sema_init(&done, 0);
  for (int i = 0; i < WORKERS; i++) {
    struct worker *w = &ws[i];
    w->bad = w->region_bad = 0;
    w->done = &done;
    char name[16];
    snprintf(name, sizeof name, "kfs-w%d", i);
    KFS_REQUIRE(thread_create(name, PRI_DEFAULT, worker_main, w) != TID_ERROR);
  }
  for (int i = 0; i < WORKERS; i++)
    sema_down(&done);
  for (int i = 0; i < WORKERS; i++)
    ktest_msg("pass %d worker %d on %s: %d round trips, %u bad, %u wrong in "
              "final sweep",
              pass, i, block_type(ws[i].disk) == BLOCK_SWAP ? "swap" : "fs",
              ROUNDS, ws[i].bad, ws[i].region_bad);
}

/* Four threads, two per disk, each doing random write/read round trips
   in its own region while the others run; once with DMA, once with PIO. */
void
kfs_raw_concurrent(void)
{
  struct block *fs = kfs_need_disk(BLOCK_FILESYS, "file-system");
  struct block *swap = kfs_need_disk(BLOCK_SWAP, "swap");
  struct worker *ws = calloc(WORKERS, sizeof *ws);
  size_t save_pages = (2 * REGION * BLOCK_SECTOR_SIZE + PGSIZE - 1) / PGSIZE;
  uint8_t *save = palloc_get_multiple(0, save_pages);
  KFS_REQUIRE(ws != NULL && save != NULL);
  KFS_REQUIRE(block_size(fs) >= 2 * REGION && block_size(swap) >= 2 * REGION);
  for (int i = 0; i < WORKERS; i++) {
    ws[i].id = i;
    ws[i].disk = i % 2 == 0 ? fs : swap;
    ws[i].base = (i / 2) * REGION;
  }
  keep_sectors(fs, 0, 2 * REGION, save, false);
  bool dma_was = ide_set_dma(true);
  run_workers(ws, 1);
  ide_set_dma(false);
  run_workers(ws, 2);
  ide_set_dma(dma_was);
  keep_sectors(fs, 0, 2 * REGION, save, true);
  palloc_free_multiple(save, save_pages);
  free(ws);
}

/* --------------------------------------------------------------- errors */

static const char *
yes_no(bool b)
{
  return b ? "true" : "false";
}

/* Requests past the end are refused before they reach the disk.  Run
   with PIO, which moves one sector per command: a request let through by
   mistake would write its sectors inside the disk before failing at the
   end, where one DMA command would be refused by the disk as a whole. */
static void
check_range_errors(struct block *b, uint8_t *buf)
{
  block_sector_t size = block_size(b);
  for (unsigned k = 0; k < 4; k++)
    kfs_pattern_fill(buf + k * BLOCK_SECTOR_SIZE, 7, size - 4 + k);
  KFS_REQUIRE(block_write_multi(b, size - 4, buf, 4));
  ktest_msg("read at the size: %s", yes_no(block_read(b, size, buf)));
  ktest_msg("write at the size: %s", yes_no(block_write(b, size, buf)));
  ktest_msg("read at sector 0xffffffff: %s",
            yes_no(block_read(b, 0xffffffffu, buf)));
  ktest_msg("2-sector read over the end: %s",
            yes_no(block_read_multi(b, size - 1, buf, 2)));
  memset(buf, 0xee, 8 * BLOCK_SECTOR_SIZE);
  ktest_msg("8-sector write over the end: %s",
            yes_no(block_write_multi(b, size - 4, buf, 8)));
  ktest_msg("2-sector write over the end: %s",
            yes_no(block_write_multi(b, size - 1, buf, 2)));
  unsigned kept = 0;
  for (unsigned k = 0; k < 4; k++)
    if (block_read(b, size - 4 + k, buf) &&
        kfs_pattern_check(buf, 7, size - 4 + k))
      kept++;
  ktest_msg("last 4 sectors unchanged: %u of 4", kept);
}

/* The disk itself refuses a sector past its end (ERR in the status); the
   driver returns false and the channel keeps working. */
static void
check_device_error(struct block *b, uint8_t *buf, bool dma)
{
  block_sector_t size = block_size(b);
  ide_set_dma(dma);
  bool err = ide_read_unchecked(block_name(b), size, buf);
  bool after =
      block_read(b, size - 1, buf) && kfs_pattern_check(buf, 7, size - 1);
  bool again = ide_read_unchecked(block_name(b), size + 100, buf);
  bool last =
      block_read(b, size - 2, buf) && kfs_pattern_check(buf, 7, size - 2);
  ktest_msg("%s: disk error returns %s, next read %s; again %s, next read %s",
            dma ? "DMA" : "PIO", yes_no(err), after ? "correct" : "wrong",
            yes_no(again), last ? "correct" : "wrong");
}

/* Range errors, device errors in both modes, and a channel that still
   works after each. */
void
kfs_raw_errors(void)
{
  struct block *b = kfs_need_disk(BLOCK_SWAP, "swap");
  uint8_t *buf = palloc_get_multiple(PAL_ASSERT, 2);
  bool dma_was = ide_set_dma(false);
  check_range_errors(b, buf);
  check_device_error(b, buf, true);
  check_device_error(b, buf, false);
  ide_set_dma(dma_was);
  ktest_msg("unknown disk name: %s",
            yes_no(ide_read_unchecked("hd9:9", 0, buf)));
  palloc_free_multiple(buf, 2);
}
