/* SPDX-License-Identifier: MIT */

/* The shared zero page: reading untouched anonymous memory (BSS) takes no
   frame of its own.
   - N pages only read are present (int 0x42 gives non-zero), all backed
     by one and the same frame, read as zeros, and cost no free frame;
     each read is counted as a zero-page fault, none as a zero-fill;
   - the first write to one of them gives that page a private frame (a
     new int 0x42 value) holding the value written, counted as one
     zero-fill fault; the others keep the shared frame;
   - a forked child sees the same frame for a page its parent only read,
     and its write stays its own;
   - a read () into a page that was only read works (the kernel writes it
     on the process's behalf, which takes the private frame). */

#include <string.h>

#include "tests/vm/vm-lib.h"

#define N 64

static volatile uint64_t area[N * 512] __attribute__((aligned(4096)));

static volatile uint64_t *
page_at(int i)
{
  return &area[i * 512];
}

/* The child: bit 0 the page its parent only read is the same frame here,
   bit 1 it reads zeros, bit 2 its write gave it a private frame and the
   value. */
static void NO_RETURN
child(void *zero)
{
  int status = 0;
  if (get_phys_addr((void *)page_at(1)) == zero)
    status |= 1;
  if (page_at(1)[7] == 0)
    status |= 2;
  page_at(1)[7] = 99;
  void *own = get_phys_addr((void *)page_at(1));
  if (own != zero && own != NULL && page_at(1)[7] == 99)
    status |= 4;
  exit(status);
}

void
test_main(int argc, char *argv[])
{
  struct vmstat a, b, c;
  uint64_t sum = 0;
  int i, same = 0;

  vmstat(&a);
  for (i = 0; i < N; i++)
    sum += page_at(i)[i];
  vmstat(&b);
  void *zero = get_phys_addr((void *)page_at(0));
  for (i = 0; i < N; i++)
    same += get_phys_addr((void *)page_at(i)) == zero;
  msg("pages only read are present: %s", yes_no(zero != NULL));
  msg("all %d are the same frame: %s", N, yes_no(same == N));
  msg("they read as zeros: %s", yes_no(sum == 0));
  msg("zero-page faults grew by %d: %s", N,
      yes_no(b.faults_zero_page == a.faults_zero_page + N));
  msg("no zero-fill fault and no frame taken: %s",
      yes_no(b.faults_zero == a.faults_zero &&
             b.user_frames_free + N / 2 > a.user_frames_free));

  page_at(0)[3] = 42;
  vmstat(&c);
  void *own = get_phys_addr((void *)page_at(0));
  msg("a write takes a private frame: %s",
      yes_no(own != NULL && own != zero && page_at(0)[3] == 42));
  msg("counted as one zero-fill fault: %s",
      yes_no(c.faults_zero == b.faults_zero + 1));
  msg("the other pages keep the shared frame: %s",
      yes_no(get_phys_addr((void *)page_at(1)) == zero));

  pid_t pid = fork_checked("child");
  if (pid == 0)
    child(zero);
  msg("child's checks (7 = same frame, zeros, own copy): %d", wait(pid));
  msg("parent's page is still zeros on the shared frame: %s",
      yes_no(page_at(1)[7] == 0 && get_phys_addr((void *)page_at(1)) == zero));

  int fd = create_open("data", 4096);
  char buf[16];
  memset(buf, 'z', sizeof buf);
  write(fd, buf, sizeof buf);
  seek(fd, 0);
  int n = read(fd, (void *)page_at(2), sizeof buf);
  msg("read () into a page only read: %s",
      yes_no(n == (int)sizeof buf && ((volatile char *)page_at(2))[15] == 'z' &&
             get_phys_addr((void *)page_at(2)) != zero));
}
