/* SPDX-License-Identifier: MIT */
/* Disk throughput: 4 MB written and read sequentially on the raw swap
 * disk with PIO and with DMA at 1, 8 (a page, a swap slot) and 128
 * sectors per request.  Rates go to the kernel log; the console gets only
 * whether the data came back intact, so the expected output does not
 * depend on the speed of the host.
 *
 * The timed loops must not be dominated by making patterns, so the
 * 64 KiB buffer holds one pattern made up front and each sector gets only
 * its number stamped into the first word; the read side checks the stamp
 * and the rest of the sector against the template. */

#include <stdio.h>
#include <string.h>

#include "devices/ide.h"
#include "devices/timer.h"
#include "lib/kernel/console.h"
#include "mm/palloc.h"
#include "tests/kfs/kfs-tests.h"

#define BENCH_BYTES (4u << 20)
#define BENCH_SECTORS (BENCH_BYTES / BLOCK_SECTOR_SIZE)
#define BUF_SECTORS 128
#define BUF_PAGES (BUF_SECTORS * BLOCK_SECTOR_SIZE / PGSIZE)
#define MIN_TICKS 20 /* Shortest timed stretch: 0.2 s. */

struct bench_mode {
  const char *label;
  bool dma;
  unsigned per_request;
};

static const struct bench_mode modes[] = {
    {"PIO, 1 sector per request", false, 1},
    {"PIO, 8 sectors per request", false, 8},
    {"DMA, 1 sector per request", true, 1},
    {"DMA, 8 sectors per request", true, 8},
    {"DMA, 128 sectors per request", true, 128},
};

static void
stamp(uint8_t *buf, unsigned cnt, block_sector_t first)
{
  for (unsigned k = 0; k < cnt; k++) {
    uint32_t s = first + k;
    memcpy(buf + k * BLOCK_SECTOR_SIZE, &s, sizeof s);
  }
}

/* Count sectors of BUF that are not TEMPLATE stamped with their number. */
static unsigned
check(const uint8_t *buf, const uint8_t *template, unsigned cnt,
      block_sector_t first)
{
  unsigned bad = 0;
  for (unsigned k = 0; k < cnt; k++) {
    const uint8_t *p = buf + k * BLOCK_SECTOR_SIZE;
    uint32_t s;
    memcpy(&s, p, sizeof s);
    if (s != first + k || memcmp(p + 4, template + k * BLOCK_SECTOR_SIZE + 4,
                                 BLOCK_SECTOR_SIZE - 4) != 0)
      bad++;
  }
  return bad;
}

/* Write (or read and check) BENCH_SECTORS from sector 0, PER sectors a
   request; returns the sectors that failed. */
static unsigned
sweep(struct block *b, unsigned per, uint8_t *buf, const uint8_t *template,
      bool write)
{
  unsigned bad = 0;
  for (block_sector_t s = 0; s < BENCH_SECTORS; s += per) {
    if (write) {
      stamp(buf, per, s);
      bad += block_write_multi(b, s, buf, per) ? 0 : per;
    } else {
      memset(buf, 0, per * BLOCK_SECTOR_SIZE);
      bad +=
          block_read_multi(b, s, buf, per) ? check(buf, template, per, s) : per;
    }
  }
  return bad;
}

/* Repeat sweeps until MIN_TICKS have passed, so fast modes still get a
   measurable time; logs the rate.  Returns the sectors that failed. */
static unsigned
timed_sweeps(struct block *b, const struct bench_mode *m, uint8_t *buf,
             const uint8_t *template, bool write)
{
  unsigned bad = 0, rounds = 0;
  int64_t start = timer_ticks(), ticks;
  do {
    bad += sweep(b, m->per_request, buf, template, write);
    rounds++;
    ticks = timer_elapsed(start);
  } while (ticks < MIN_TICKS);
  char rate[16];
  kfs_rate(rate, sizeof rate, (uint64_t)rounds * BENCH_BYTES, ticks);
  klog_printf("kfs-bench: %s: %s %u x 4 MB in %lld ticks: %s MB/s\n", m->label,
              write ? "write" : "read", rounds, (long long)ticks, rate);
  return bad;
}

/* 4 MB (or more, for timing) each way in every mode; needs a swap disk of at
   least 8192 sectors. */
void
kfs_bench(void)
{
  struct block *b = kfs_need_disk(BLOCK_SWAP, "swap");
  KFS_REQUIRE(block_size(b) >= BENCH_SECTORS);
  uint8_t *buf = palloc_get_multiple(0, BUF_PAGES);
  uint8_t *template = palloc_get_multiple(0, BUF_PAGES);
  KFS_REQUIRE(buf != NULL && template != NULL);
  for (unsigned k = 0; k < BUF_SECTORS; k++)
    kfs_pattern_fill(template + k * BLOCK_SECTOR_SIZE, 42, k);
  bool dma_was = ide_set_dma(true);
  for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
    /* Every request sends template rows 0..per-1, stamped. */
    memcpy(buf, template, BUF_SECTORS * BLOCK_SECTOR_SIZE);
    ide_set_dma(modes[i].dma);
    unsigned bad = timed_sweeps(b, &modes[i], buf, template, true);
    bad += timed_sweeps(b, &modes[i], buf, template, false);
    ktest_msg("%s: %u sectors each way, %u bad", modes[i].label,
              (unsigned)BENCH_SECTORS, bad);
  }
  ide_set_dma(dma_was);
  palloc_free_multiple(template, BUF_PAGES);
  palloc_free_multiple(buf, BUF_PAGES);
}
