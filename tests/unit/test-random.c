/* SPDX-License-Identifier: MIT */
/* lib/random.c: the exact sequence matters (Pintos programs print
   checksums of shuffled data and compare them with precomputed values), so
   it is checked against external reference values: a published RC4 test
   vector, and the checksums that Pintos's tests/vm/page-shuffle expects. */

#include "tests/unit/unit.h"

/* Little-endian seed whose bytes are the four characters of KEY. */
static unsigned
seed_of(const char key[4])
{
  return (unsigned)(uint8_t)key[0] | (unsigned)(uint8_t)key[1] << 8 |
         (unsigned)(uint8_t)key[2] << 16 | (unsigned)(uint8_t)key[3] << 24;
}

START_TEST(test_rc4_vector)
{
  /* RC4 with key "Wiki" encrypts "pedia" to 10 21 BF 04 20, so the
     keystream is their XOR. */
  const uint8_t plain[5] = {'p', 'e', 'd', 'i', 'a'};
  const uint8_t cipher[5] = {0x10, 0x21, 0xbf, 0x04, 0x20};
  uint8_t stream[5];
  int i;

  random_init(seed_of("Wiki"));
  random_bytes(stream, sizeof stream);
  for (i = 0; i < 5; i++)
    ck_assert_uint_eq(stream[i] ^ plain[i], cipher[i]);
}
END_TEST

START_TEST(test_deterministic_and_seeded)
{
  uint8_t a[64], b[64], c[64];

  random_init(7);
  random_bytes(a, sizeof a);
  random_init(7);
  random_bytes(b, 10); /* Split requests continue one stream. */
  random_bytes(b + 10, sizeof b - 10);
  random_init(8);
  random_bytes(c, sizeof c);
  ck_assert_int_eq(host_memcmp(a, b, sizeof a), 0);
  ck_assert_int_ne(host_memcmp(a, c, sizeof a), 0);
}
END_TEST

/* POSIX cksum: CRC-32 (polynomial 0x04c11db7, most significant bit first)
   over the data and then its length, complemented. */
static uint32_t
crc_byte(uint32_t crc, uint8_t byte)
{
  int i;

  crc ^= (uint32_t)byte << 24;
  for (i = 0; i < 8; i++)
    crc = crc & 0x80000000u ? (crc << 1) ^ 0x04c11db7u : crc << 1;
  return crc;
}

static uint32_t
posix_cksum(const uint8_t *data, size_t size)
{
  uint32_t crc = 0;
  size_t i, n;

  for (i = 0; i < size; i++)
    crc = crc_byte(crc, data[i]);
  for (n = size; n > 0; n >>= 8)
    crc = crc_byte(crc, (uint8_t)n);
  return ~crc;
}

START_TEST(test_pintos_page_shuffle_sequence)
{
  /* Pintos page-shuffle: fill 128 kB with i * 257, then ten times swap
     each byte i with byte i + random_ulong() % (size - i).  The expected
     checksums are the ones its .ck file hard-codes. */
  static const uint32_t want[10] = {
      2274652418u, 2281360714u, 3504443700u, 2850516818u, 2406916757u,
      3377643430u, 658047850u,  493716582u,  3359519593u, 143675990u};
  enum { SIZE = 128 * 1024 };
  uint8_t *buf = malloc(SIZE);
  size_t i, round;

  ck_assert_ptr_nonnull(buf);
  for (i = 0; i < SIZE; i++)
    buf[i] = (uint8_t)(i * 257);
  ck_assert_uint_eq(posix_cksum(buf, SIZE), 3115322833u);
  random_init(0);
  for (round = 0; round < 10; round++) {
    for (i = 0; i < SIZE; i++) {
      size_t j = i + random_ulong() % (SIZE - i);
      uint8_t t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
    ck_assert_uint_eq(posix_cksum(buf, SIZE), want[round]);
  }
  free(buf);
}
END_TEST

START_TEST(test_bytes_look_random)
{
  /* A weak sanity check that would catch a stuck or short-cycle stream:
     every byte value appears, and none more than twice its share. */
  static uint8_t buf[256 * 64];
  unsigned counts[256] = {0};
  size_t i;

  random_init(12345);
  random_bytes(buf, sizeof buf);
  for (i = 0; i < sizeof buf; i++)
    counts[buf[i]]++;
  for (i = 0; i < 256; i++) {
    ck_assert_uint_gt(counts[i], 0);
    ck_assert_uint_lt(counts[i], 128);
  }
}
END_TEST

static Suite *
random_suite(void)
{
  Suite *s = suite_create("random");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_rc4_vector);
  tcase_add_test(tc, test_deterministic_and_seeded);
  tcase_add_test(tc, test_pintos_page_shuffle_sequence);
  tcase_add_test(tc, test_bytes_look_random);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  return unit_run(random_suite());
}
