/* SPDX-License-Identifier: MIT */
/* btrue -- the smallest program: what bspawn execs. */

/* Exits 0 at once. */
int
main(void)
{
  return 0;
}
