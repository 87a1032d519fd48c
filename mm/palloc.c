/* SPDX-License-Identifier: MIT */
/* Physical page allocator.
 *
 * Free RAM is split into two pools so that user pages can never starve the
 * kernel of page tables, stacks and heap:
 *
 *   [ kernel pool bitmap | kernel pages ... ][ user pool bitmap | user pages ]
 *
 * Each pool is a bitmap of its pages (1 = in use) plus a free counter,
 * guarded by the pool's lock.  Pages are handed out as direct-map kernel
 * addresses and filled with 0xcc when freed, so a use after free shows. */

#include "mm/palloc.h"

#include <bitmap.h>
#include <debug.h>
#include <round.h>
#include <string.h>

#include "lib/kernel/console.h"
#include "threads/synch.h"

struct pool {
  struct lock lock;    /* Guards everything below. */
  struct bitmap *used; /* One bit per page. */
  uint8_t *base;       /* First page (kernel address). */
  size_t page_cnt;     /* Pages in the pool. */
  size_t free_cnt;     /* Pages not in use. */
  size_t hint;         /* Where the next scan starts (next fit). */
  const char *name;
};

static struct pool kernel_pool, user_pool;

/* Make a pool of the PAGE_CNT pages at BASE; the bitmap takes the first
   page(s) of them. */
static void
pool_init(struct pool *p, uint8_t *base, size_t page_cnt, const char *name)
{
  size_t bm_pages = DIV_ROUND_UP(bitmap_buf_size(page_cnt), PGSIZE);
  ASSERT(page_cnt > bm_pages);
  page_cnt -= bm_pages;
  lock_init_ranked(&p->lock, LOCK_RANK_PALLOC);
  p->used = bitmap_create_in_buf(page_cnt, base, bm_pages * PGSIZE);
  p->base = base + bm_pages * PGSIZE;
  p->page_cnt = page_cnt;
  p->free_cnt = page_cnt;
  p->hint = 0;
  p->name = name;
  klog_printf("palloc: %zu pages in the %s pool\n", page_cnt, name);
}

void
palloc_init(paddr_t start, paddr_t end, size_t user_page_limit)
{
  start = ROUND_UP(start, PGSIZE);
  end = ROUND_DOWN(end, PGSIZE);
  size_t total = (end - start) / PGSIZE;
  size_t user = total / 2;
  if (user > user_page_limit)
    user = user_page_limit;
  if (user < 2)
    user = 2;
  size_t kernel = total - user;
  pool_init(&kernel_pool, ptov(start), kernel, "kernel");
  pool_init(&user_pool, ptov(start + kernel * PGSIZE), user, "user");
}

static struct pool *
pool_of_flags(enum palloc_flags flags)
{
  return flags & PAL_USER ? &user_pool : &kernel_pool;
}

/* Contiguous PAGE_CNT pages, or NULL (panic with PAL_ASSERT). */
void *
palloc_get_multiple(enum palloc_flags flags, size_t page_cnt)
{
  struct pool *p = pool_of_flags(flags);
  if (page_cnt == 0)
    return NULL;
  lock_acquire(&p->lock);
  /* Next fit: scanning from where the last allocation ended keeps each
     allocation O(1) on average instead of rescanning the used prefix. */
  size_t idx = bitmap_scan_and_flip(p->used, p->hint, page_cnt, false);
  if (idx == BITMAP_ERROR && p->hint != 0)
    idx = bitmap_scan_and_flip(p->used, 0, page_cnt, false);
  if (idx != BITMAP_ERROR) {
    p->free_cnt -= page_cnt;
    p->hint = idx + page_cnt < p->page_cnt ? idx + page_cnt : 0;
  }
  lock_release(&p->lock);
  if (idx == BITMAP_ERROR) {
    if (flags & PAL_ASSERT)
      PANIC("palloc: out of %s pages", p->name);
    return NULL;
  }
  void *pages = p->base + idx * PGSIZE;
  if (flags & PAL_ZERO)
    memset(pages, 0, page_cnt * PGSIZE);
  return pages;
}

void *
palloc_get_page(enum palloc_flags flags)
{
  return palloc_get_multiple(flags, 1);
}

static struct pool *
pool_of_page(const void *page)
{
  const uint8_t *pg = page;
  if (pg >= kernel_pool.base &&
      pg < kernel_pool.base + kernel_pool.page_cnt * PGSIZE)
    return &kernel_pool;
  if (pg >= user_pool.base && pg < user_pool.base + user_pool.page_cnt * PGSIZE)
    return &user_pool;
  PANIC("palloc: %p is in no pool", page);
}

/* Free PAGE_CNT pages at PAGES, which must all be in use. */
void
palloc_free_multiple(void *pages, size_t page_cnt)
{
  if (pages == NULL || page_cnt == 0)
    return;
  ASSERT(pg_ofs(pages) == 0);
  struct pool *p = pool_of_page(pages);
  size_t idx = ((uint8_t *)pages - p->base) / PGSIZE;
  /* Poison kernel pages so a use after free shows.  User frames are
     always filled whole before use (zero-fill, swap-in, file, copy), and
     their old contents never reach another process, so they are left. */
  if (p == &kernel_pool)
    memset(pages, 0xcc, page_cnt * PGSIZE);
  lock_acquire(&p->lock);
  ASSERT(bitmap_all(p->used, idx, page_cnt));
  bitmap_set_multiple(p->used, idx, page_cnt, false);
  p->free_cnt += page_cnt;
  lock_release(&p->lock);
}

void
palloc_free_page(void *page)
{
  palloc_free_multiple(page, 1);
}

size_t
palloc_free_count(enum palloc_flags flags)
{
  return pool_of_flags(flags)->free_cnt;
}

size_t
palloc_total_count(enum palloc_flags flags)
{
  return pool_of_flags(flags)->page_cnt;
}

void *
palloc_pool_base(enum palloc_flags flags)
{
  return pool_of_flags(flags)->base;
}
