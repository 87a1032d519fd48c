/* SPDX-License-Identifier: MIT */
/* bfileio MODE MB REPS -- file I/O in 64 KiB chunks through read and
   write.  `w' writes an MB-megabyte file REPS times over; `r' writes it
   once, untimed, then reads it REPS times, checking each chunk's stamp.
   `rw' and `rr' do the same with the chunks in a scattered order (chunk
   K of a pass goes to position K x 7919 mod the chunk count), so every
   call seeks.  Run-bench divides the clocks (or the difference of two
   boots' times) by the bytes moved. */

#include <string.h>
#include "bench/progs/bench.h"

#define FILE_NAME "bfileio.dat"
#define CHUNK (64 * 1024)

static uint64_t chunk[CHUNK / 8];

/* The position of the K-th chunk of a pass over CHUNKS chunks. */
static int
position(int k, int chunks, bool scattered)
{
  return scattered ? (int)((long)k * 7919 % chunks) : k;
}

/* Writes CHUNKS chunks of FD, stamping each with its position.  Returns
   whether every write was whole. */
static bool
write_all(int fd, int chunks, bool scattered)
{
  for (int k = 0; k < chunks; k++) {
    int c = position(k, chunks, scattered);
    seek(fd, (unsigned)c * CHUNK);
    chunk[0] = (uint64_t)c;
    if (write(fd, chunk, CHUNK) != CHUNK)
      return false;
  }
  return true;
}

/* Reads CHUNKS chunks of FD; returns the number of chunks that came back
   short or with the wrong stamp. */
static int
read_all(int fd, int chunks, bool scattered)
{
  int bad = 0;
  for (int k = 0; k < chunks; k++) {
    int c = position(k, chunks, scattered);
    seek(fd, (unsigned)c * CHUNK);
    bad += read(fd, chunk, CHUNK) != CHUNK || chunk[0] != (uint64_t)c ||
           chunk[CHUNK / 8 - 1] != 0x5a5a5a5a5a5a5a5aull;
  }
  return bad;
}

/* Runs the timed phase and reports it. */
int
main(int argc, char *argv[])
{
  bool reading = argc > 1 && argv[1][strlen(argv[1]) - 1] == 'r';
  bool scattered = argc > 1 && strlen(argv[1]) == 2;
  int mb = bench_arg(argc, argv, 2), reps = bench_arg(argc, argv, 3);
  int chunks = mb * (1 << 20) / CHUNK, bad = 0;
  memset(chunk, 0x5a, sizeof chunk);
  remove(FILE_NAME);
  int fd = create(FILE_NAME, (unsigned)mb << 20) ? open(FILE_NAME) : -1;
  if (fd < 0 || (reading && !write_all(fd, chunks, false))) {
    printf("bfileio: cannot make the %d MB file\n", mb);
    return 1;
  }
  uint64_t start = bench_clock();
  for (int r = 0; r < reps; r++)
    bad += reading ? read_all(fd, chunks, scattered)
                   : !write_all(fd, chunks, scattered);
  uint64_t clocks = bench_clock() - start;
  if (bad != 0) {
    printf("bfileio: %d chunks failed\n", bad);
    return 1;
  }
  bench_report(reading ? "file-read" : "file-write", (long)reps * mb << 20,
               clocks);
  close(fd);
  return 0;
}
