/* SPDX-License-Identifier: MIT */
/* Swap slots on the swap disk.
 *
 *   sector: 0       8       16      24
 *           [slot 0][slot 1][slot 2]...   one page = 8 sectors per slot
 *
 * A bitmap (1 = in use) records the slots, and a count per slot the pages
 * that hold it: copy-on-write sharers evicted together, and fork children
 * of a swapped-out page, share one slot instead of writing a copy each.
 * A shared slot is never written again (anon.c takes a fresh one), so its
 * bytes stay valid for every holder.  swap_lock guards both.  The disk I/O
 * runs outside the lock: the holders' address-space locks serialise it. */

#include "vm/swap.h"

#include <bitmap.h>
#include <debug.h>

#include "devices/block.h"
#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "threads/synch.h"
#include "vm/anon.h"

#define SECTORS_PER_SLOT (PGSIZE / BLOCK_SECTOR_SIZE)

static struct block *swap_disk;
static struct bitmap *slots;
static uint32_t *refs; /* (swap_lock) Holders of each slot. */
static struct lock swap_lock;
static size_t used;

void
swap_init(void)
{
  lock_init_ranked(&swap_lock, LOCK_RANK_SWAP);
  swap_disk = block_get_role(BLOCK_SWAP);
  size_t cnt = swap_disk ? block_size(swap_disk) / SECTORS_PER_SLOT : 0;
  if (cnt > 0 && ((slots = bitmap_create(cnt)) == NULL ||
                  (refs = calloc(cnt, sizeof *refs)) == NULL))
    PANIC("swap: no memory for the slot bitmap");
  klog_printf("swap: %zu slots\n", cnt);
}

size_t
swap_alloc(void)
{
  if (slots == NULL)
    return SWAP_NONE; /* No swap disk. */
  lock_acquire(&swap_lock);
  size_t slot = bitmap_scan_and_flip(slots, 0, 1, false);
  if (slot != BITMAP_ERROR) {
    used++;
    refs[slot] = 1;
  }
  lock_release(&swap_lock);
  return slot == BITMAP_ERROR ? SWAP_NONE : slot;
}

void
swap_free(size_t slot)
{
  lock_acquire(&swap_lock);
  ASSERT(bitmap_test(slots, slot) && refs[slot] > 0);
  if (--refs[slot] == 0) {
    bitmap_reset(slots, slot);
    used--;
  }
  lock_release(&swap_lock);
}

size_t
swap_ref(size_t slot)
{
  lock_acquire(&swap_lock);
  ASSERT(bitmap_test(slots, slot) && refs[slot] > 0);
  refs[slot]++;
  lock_release(&swap_lock);
  return slot;
}

bool
swap_is_shared(size_t slot)
{
  lock_acquire(&swap_lock);
  bool shared = refs[slot] > 1;
  lock_release(&swap_lock);
  return shared;
}

/* Take SLOT out of use for good after a failed write: it stays marked in
   the bitmap, so it is never handed out again, but no longer counts as
   used (no page holds it; the leak check compares used slots).  Only a
   slot with one holder is ever written, so it has one. */
void
swap_retire(size_t slot)
{
  lock_acquire(&swap_lock);
  ASSERT(bitmap_test(slots, slot) && refs[slot] == 1);
  refs[slot] = 0;
  used--;
  lock_release(&swap_lock);
  klog_printf("swap: slot %zu retired after a write error\n", slot);
}

/* Write the page at KVA to SLOT, as one multi-sector request (DMA when
   the driver has it).  False on a disk error. */
bool
swap_write(size_t slot, const void *kva)
{
  dbg(SWAP, "write slot %zu\n", slot);
  return block_write_multi(swap_disk, slot * SECTORS_PER_SLOT, kva,
                           SECTORS_PER_SLOT);
}

bool
swap_read(size_t slot, void *kva)
{
  dbg(SWAP, "read slot %zu\n", slot);
  return block_read_multi(swap_disk, slot * SECTORS_PER_SLOT, kva,
                          SECTORS_PER_SLOT);
}

size_t
swap_slots_used(void)
{
  return used;
}

size_t
swap_slots_total(void)
{
  return slots != NULL ? bitmap_size(slots) : 0;
}
