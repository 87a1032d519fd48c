/* SPDX-License-Identifier: MIT */
#ifndef DEVICES_IDE_H
#define DEVICES_IDE_H

/* ATA disks on the PC's two legacy IDE channels (QEMU's PIIX3).

   Names and roles are fixed by position (pintos-abi.md section 8.2):

     channel    ports        IRQ   master            slave
     primary    0x1f0/0x3f6  14    hd0:0  raw        hd0:1  file system
     secondary  0x170/0x376  15    hd1:0  raw        hd1:1  swap

   Requests sleep until the disk interrupts, so they need thread context.
   When the PIIX bus-master function is present, transfers use DMA (one
   command and one interrupt for up to 128 sectors) unless
   ide_set_dma(false) turned it off; otherwise PIO, one command per
   sector.  Multi-sector calls (block_read_multi) are what make DMA pay:
   in QEMU a request costs about the same for 1 sector as for 8. */

#include <stdbool.h>

#include "devices/block.h"

/* Probe both channels and register every ATA disk found with the block
   layer, logging one line per disk.  Missing disks are skipped quickly.
   Call once, after intr_init and thread_start, before any block I/O. */
void ide_init(void);

/* Switch DMA on or off for later requests (on is refused, returning false,
   if the controller has no bus-master function); returns whether DMA was
   on before.  For benchmarks and tests. */
bool ide_set_dma(bool on);

/* Test hook: read SECTOR of the disk called NAME straight through the
   driver, skipping the block layer's range check, so tests can see how the
   driver reports a device error.  False if there is no such disk or the
   disk reports an error. */
bool ide_read_unchecked(const char *name, block_sector_t sector, void *buf);

#endif
