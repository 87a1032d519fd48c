/* SPDX-License-Identifier: MIT */

/* read and write of 0 bytes return 0 and never look at the buffer, even
   a NULL or kernel one. */

#include "tests/lib.h"

/* Makes zero-length transfers with invalid buffers. */
void
test_main(int argc, char *argv[])
{
  int fd = create_open("empty-io", 8);

  msg("read (fd, NULL, 0) = %d", read(fd, NULL, 0));
  msg("read (fd, KERN_BASE, 0) = %d", read(fd, KERNEL_ADDR, 0));
  msg("write (fd, NULL, 0) = %d", write(fd, NULL, 0));
  msg("write (1, KERN_BASE, 0) = %d", write(STDOUT_FILENO, KERNEL_ADDR, 0));
  msg("tell = %u", tell(fd));
}
