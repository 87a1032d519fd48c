/* SPDX-License-Identifier: MIT */

/* pmap -- this process's address space, page by page, as the kernel's
   supplemental page table sees it: address, type, state, permissions,
   copy-on-write sharers, and the frame or swap slot holding it.

   pmap        the map as loaded: code and data, the first stack page
   pmap N      after writing the first N of 16 BSS pages (so some are
               resident and the others still uninit) */

#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>

#define PAGE 4096
#define BSS_PAGES 16

char pmap_bss[BSS_PAGES * PAGE]; /* Global: the writes must stay. */

static const char *const types[] = {"uninit", "anon", "file"};
static const char *const states[] = {"uninit", "resident", "swapped",
                                     "file",   "zero",     "zero-page"};

static void
print_entry(const struct pmap_entry *e)
{
  char where[32] = "-";
  if (e->frame != PMAP_NONE)
    snprintf(where, sizeof where, "frame %llu", (unsigned long long)e->frame);
  else if (e->slot != PMAP_NONE)
    snprintf(where, sizeof where, "slot %llu", (unsigned long long)e->slot);
  char type[16];
  snprintf(type, sizeof type, "%s%s%s", types[e->type % 3],
           e->type == PMAP_UNINIT ? "->" : "",
           e->type == PMAP_UNINIT ? types[e->future_type % 3] : "");
  printf("%#012llx  %-12s %-9s %s%s  %7llu  %s\n", (unsigned long long)e->va,
         type, states[e->state % 6], e->writable ? "rw" : "r-",
         e->frame != PMAP_NONE && e->writable && !e->writable_now ? " cow"
                                                                  : "    ",
         (unsigned long long)e->sharers, where);
}

int
main(int argc, char *argv[])
{
  int touch = argc > 1 ? atoi(argv[1]) : 0;
  for (int i = 0; i < touch && i < BSS_PAGES; i++)
    pmap_bss[i * PAGE] = 1;

  struct pmap_entry e[PMAP_BATCH];
  unsigned long long from = 0, pages = 0;
  printf("%-12s  %-12s %-9s %-6s  %7s  %s\n", "address", "type", "state",
         "perm", "sharers", "frame/slot");
  for (;;) {
    int n = pmap((void *)from, e, PMAP_BATCH);
    if (n <= 0)
      break;
    for (int i = 0; i < n; i++)
      print_entry(&e[i]);
    pages += n;
    from = e[n - 1].va + PAGE;
  }
  printf("%llu pages\n", pages);
  return 0;
}
