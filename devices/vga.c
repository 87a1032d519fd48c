/* SPDX-License-Identifier: MIT */
/* VGA text mode at physical 0xb8000: a mirror of the console for people
 * watching a real screen.  Scrolls by copying rows up. */

#include "devices/vga.h"

#include <stdint.h>
#include <string.h>

#include "mm/vaddr.h"

#define COLS 80
#define ROWS 25
#define ATTR 0x0700 /* Grey on black. */

static unsigned col, row;

static uint16_t *
screen(void)
{
  return ptov(0xb8000);
}

static void
newline(void)
{
  col = 0;
  if (++row < ROWS)
    return;
  uint16_t *s = screen();
  memmove(s, s + COLS, (ROWS - 1) * COLS * sizeof *s);
  for (int i = 0; i < COLS; i++)
    s[(ROWS - 1) * COLS + i] = ATTR | ' ';
  row = ROWS - 1;
}

void
vga_putc(char c)
{
  if (c == '\n') {
    newline();
  } else if (c == '\b') {
    if (col > 0)
      col--;
  } else {
    screen()[row * COLS + col] = ATTR | (uint8_t)c;
    if (++col == COLS)
      newline();
  }
}
