/* SPDX-License-Identifier: MIT */

/* Exec helper of the merge tests: `sort-chunk MODE IN OUT' sorts the
   32-bit values of file IN (128 KiB) into file OUT with a bottom-up merge
   sort.  MODE says where the data live: `bss' (two static arrays), `stk'
   (two local arrays, 256 KiB of stack filled by read) or `mm' (IN and OUT
   mapped writable; the result reaches OUT through munmap's write-back).
   Silent on success, exit status 0. */

#include <string.h>
#define MERGE_SORTER_ONLY
#include "tests/vm/merge.h"

#define COUNT MERGE_CHUNK_COUNT
#define MAP_IN ((uint32_t *)0x20000000)
#define MAP_OUT ((uint32_t *)0x30000000)

static uint32_t bss_data[COUNT], bss_tmp[COUNT];

/* Sorts DATA using TMP (both COUNT long); returns where the sorted
   values ended up (DATA or TMP). */
static uint32_t *
merge_sort(uint32_t *data, uint32_t *tmp)
{
  size_t width, lo;

  for (width = 1; width < COUNT; width *= 2) {
    for (lo = 0; lo < COUNT; lo += 2 * width) {
      size_t mid = lo + width < COUNT ? lo + width : COUNT;
      size_t hi = lo + 2 * width < COUNT ? lo + 2 * width : COUNT;
      size_t i = lo, j = mid, k = lo;

      while (i < mid && j < hi)
        tmp[k++] = data[j] < data[i] ? data[j++] : data[i++];
      while (i < mid)
        tmp[k++] = data[i++];
      while (j < hi)
        tmp[k++] = data[j++];
    }
    uint32_t *swap = data;
    data = tmp;
    tmp = swap;
  }
  return data;
}

/* Reads IN into DATA, sorts with TMP, writes OUT. */
static void
sort_buffers(const char *in, const char *out, uint32_t *data, uint32_t *tmp)
{
  int fd = open_checked(in);
  uint32_t *sorted;

  if (read(fd, data, MERGE_CHUNK_BYTES) != MERGE_CHUNK_BYTES)
    fail("short read of %s", in);
  close(fd);
  sorted = merge_sort(data, tmp);
  fd = open_checked(out);
  if (write(fd, sorted, MERGE_CHUNK_BYTES) != MERGE_CHUNK_BYTES)
    fail("short write of %s", out);
  close(fd);
}

/* The stack variant: both arrays are locals of this frame. */
static void NO_INLINE
sort_on_stack(const char *in, const char *out)
{
  uint32_t data[COUNT], tmp[COUNT];

  sort_buffers(in, out, data, tmp);
  asm volatile("" : : "r"(data), "r"(tmp) : "memory");
}

/* The mapping variant: sorts inside IN's mapping with OUT's as the
   scratch array, leaving the result in OUT's. */
static void
sort_in_maps(const char *in, const char *out)
{
  int in_fd = open_checked(in), out_fd = open_checked(out);
  uint32_t *sorted;

  if (mmap(MAP_IN, MERGE_CHUNK_BYTES, 1, in_fd, 0) != MAP_IN ||
      mmap(MAP_OUT, MERGE_CHUNK_BYTES, 1, out_fd, 0) != MAP_OUT)
    fail("mmap failed");
  close(in_fd);
  close(out_fd);
  sorted = merge_sort(MAP_IN, MAP_OUT);
  if (sorted != MAP_OUT)
    memcpy(MAP_OUT, sorted, MERGE_CHUNK_BYTES);
  munmap(MAP_OUT);
  munmap(MAP_IN);
}

/* Picks the variant named by argv[1]. */
void
test_main(int argc, char *argv[])
{
  if (argc != 4)
    fail("usage: sort-chunk bss|stk|mm IN OUT");
  if (!strcmp(argv[1], "bss"))
    sort_buffers(argv[2], argv[3], bss_data, bss_tmp);
  else if (!strcmp(argv[1], "stk"))
    sort_on_stack(argv[2], argv[3]);
  else if (!strcmp(argv[1], "mm"))
    sort_in_maps(argv[2], argv[3]);
  else
    fail("unknown mode %s", argv[1]);
}
