/* SPDX-License-Identifier: MIT */

/* The page cache competes for a small user pool (-ul=64) with anonymous
   memory and mappings: a file of twice the pool is read twice, mapped and
   walked (half its pages stored into) while an anonymous array is kept
   written, and every byte comes back right; the cache gave frames back
   to the policy on the way, and the stores reached the file. */

#include <string.h>
#include "tests/vm/vm-lib.h"

#define PAGES 128
#define ANON 24
#define ADDR ((volatile uint32_t *)0x10000000)

static char page[4096];
static volatile uint32_t anon[ANON][1024];

/* Reads the file once; the number of pages that were wrong. */
static int
read_pass(int fd, uint32_t extra)
{
  int bad = 0;
  seek(fd, 0);
  for (uint32_t i = 0; i < PAGES; i++) {
    uint32_t want = i % 2 == 0 ? i + extra : i;
    bad += read(fd, page, 4096) != 4096 || *(uint32_t *)page != want ||
           page[4095] != 't';
    anon[i % ANON][5] = i;
  }
  return bad;
}

void
test_main(int argc, char *argv[])
{
  int fd = create_open("big", PAGES * 4096);
  memset(page, 't', sizeof page);
  for (uint32_t i = 0; i < PAGES; i++) {
    *(uint32_t *)page = i;
    if (write(fd, page, 4096) != 4096)
      fail("write %u", i);
  }
  struct vmstat s0, s1;
  vmstat_machine(&s0);
  int bad = read_pass(fd, 0) + read_pass(fd, 0);
  msg("two reads right: %s", yes_no(bad == 0));
  if (mmap((void *)ADDR, PAGES * 4096, 1, fd, 0) != ADDR)
    fail("mmap");
  bad = 0;
  for (uint32_t i = 0; i < PAGES; i++) {
    volatile uint32_t *p = ADDR + i * 1024;
    bad += *p != i;
    if (i % 2 == 0)
      *p = i + 1000;
    anon[i % ANON][7] = i;
  }
  for (uint32_t i = 0; i < PAGES; i++)
    bad += ADDR[i * 1024] != (i % 2 == 0 ? i + 1000 : i);
  msg("the mapping read and kept its stores: %s", yes_no(bad == 0));
  msg("read sees the stores before munmap: %s",
      yes_no(read_pass(fd, 1000) == 0));
  munmap((void *)ADDR);
  msg("and after munmap: %s", yes_no(read_pass(fd, 1000) == 0));
  bad = 0;
  for (uint32_t k = 0; k < ANON; k++) {
    uint32_t last = (PAGES - 1) - (PAGES - 1 - k) % ANON;
    bad += anon[k][7] != last || anon[k][5] != last;
  }
  msg("the anonymous array is right: %s", yes_no(bad == 0));
  vmstat_machine(&s1);
  msg("the cache gave frames back: %s",
      yes_no(s1.pcache_evictions > s0.pcache_evictions));
  msg("the cache never held more than the pool: %s",
      yes_no(s1.pcache_frames <= s1.user_frames_total));
}
