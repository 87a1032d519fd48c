/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_VGA_H
#define DEVICES_VGA_H

/* The 80x25 text screen mirrors the console. */
void vga_putc(char c);

#endif
