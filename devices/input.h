/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_INPUT_H
#define DEVICES_INPUT_H

/* Console input: keys from the serial port and the keyboard meet here. */

#include <stdint.h>

void input_init(void);
/* Add C to the buffer; called from interrupt handlers. Drops C if full. */
void input_putc(uint8_t c);
/* Next key, sleeping until one arrives. */
uint8_t input_getc(void);

#endif
