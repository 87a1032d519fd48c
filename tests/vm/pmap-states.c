/* SPDX-License-Identifier: MIT */

/* pmap (Pagoda) reports each page's type and state as it changes: BSS
   starts uninit, a write makes it resident anon, fork shares it
   copy-on-write (two sharers, mapped read-only) until the child writes,
   entries come lowest address first in batches of at most PMAP_BATCH, and
   a bad buffer kills.  vmstat_machine counts at least what the process
   itself did. */

#include "tests/vm/vm-lib.h"

#define BSS_PAGES 40

char area[BSS_PAGES * PAGE] __attribute__((aligned(4096)));

/* The entry for the page at VA; false if pmap has none. */
static bool
entry_of(const void *va, struct pmap_entry *out)
{
  struct pmap_entry e[1];
  if (pmap(va, e, 1) != 1 || e[0].va != (uintptr_t)va)
    return false;
  *out = e[0];
  return true;
}

/* Walks every page with full batches; true if strictly ascending and no
   batch is bigger than PMAP_BATCH even when asked for more.  *CNT is the
   number of pages. */
static bool
walk_all(unsigned ask, int *cnt)
{
  struct pmap_entry e[PMAP_BATCH + 8];
  uint64_t from = 0, last = 0;
  bool ok = true;
  *cnt = 0;
  for (;;) {
    int n = pmap((void *)from, e, ask);
    if (n <= 0)
      break;
    ok &= n <= PMAP_BATCH;
    for (int i = 0; i < n; i++) {
      ok &= *cnt == 0 || e[i].va > last;
      last = e[i].va;
      (*cnt)++;
    }
    from = last + PAGE;
  }
  return ok;
}

static void
child_checks(void)
{
  struct pmap_entry e;
  bool shared = entry_of(area, &e) && e.state == PMAP_STATE_RESIDENT &&
                e.sharers == 2 && !e.writable_now && e.writable;
  area[0] = 2;
  bool copied = entry_of(area, &e) && e.sharers == 1 && e.writable_now;
  exit(shared * 1 + copied * 2);
}

void
test_main(int argc, char *argv[])
{
  struct pmap_entry e;
  bool ok = entry_of(area, &e);
  msg("untouched BSS page: uninit, becomes anon: %s",
      yes_no(ok && e.type == PMAP_UNINIT && e.future_type == PMAP_ANON &&
             e.state == PMAP_STATE_UNINIT && e.frame == PMAP_NONE &&
             e.writable));

  area[0] = 1;
  ok = entry_of(area, &e);
  msg("after a write: resident anon, writable, one sharer: %s",
      yes_no(ok && e.type == PMAP_ANON && e.state == PMAP_STATE_RESIDENT &&
             e.frame != PMAP_NONE && e.writable_now && e.sharers == 1));

  struct pmap_entry code;
  ok = entry_of((void *)((uintptr_t)code_address() & ~(PAGE - 1)), &code);
  msg("code page: read-only: %s", yes_no(ok && !code.writable));

  int small, big;
  bool asc1 = walk_all(3, &small), asc2 = walk_all(PMAP_BATCH + 8, &big);
  msg("walks ascending, batches bounded, same count: %s",
      yes_no(asc1 && asc2 && small == big && small >= BSS_PAGES));
  msg("nothing above the user range: %s",
      yes_no(pmap((void *)KERNEL_ADDR, &e, 1) == 0));

  pid_t pid = fork_checked("sharer");
  if (pid == 0)
    child_checks();
  msg("child saw two sharers read-only, then its own copy: %d", wait(pid));

  pid = fork_checked("bad-buffer");
  if (pid == 0) {
    pmap(area, (struct pmap_entry *)KERNEL_ADDR, 4);
    exit(0);
  }
  msg("pmap into kernel memory: %d", wait(pid));

  struct vmstat self, all;
  vmstat(&self);
  vmstat_machine(&all);
  msg("machine counters cover this process's: %s",
      yes_no(all.faults_zero >= self.faults_zero &&
             all.faults_file >= self.faults_file &&
             all.faults_cow >= self.faults_cow && self.faults_zero >= 1));
  sleep(3);
  msg("slept");
}
