/* SPDX-License-Identifier: MIT */
/* Host tests of the file system (Check, run by `make unit').

   Each test formats a fresh in-memory 10-unit disk (20,160 sectors, the
   standard configuration), mounts it with the kernel's own filesys/ code
   and checks one behaviour of pintos-abi.md section 6, usually followed
   by the strict fsck.  The randomized test runs thousands of operations
   against an in-memory model of files, open objects and removed-but-open
   data, checking every read against the model and fsck every few steps;
   its seed is fixed so a failure reproduces. */

#include <check.h>
#include "filesys/host/host.h"
#include "filesys/inode.h"
#include "filesys/layout.h"

#define DISK_SECTORS 20160
#define DISK_BYTES ((size_t)DISK_SECTORS * 512)

static struct block *dev;

static void
fs_setup(void)
{
  char why[128];

  dev = block_mem_open(NULL, DISK_BYTES, BLOCK_FILESYS);
  ck_assert_ptr_nonnull(dev);
  ck_assert_msg(filesys_format(dev, why, sizeof why), "format: %s", why);
  ck_assert_msg(filesys_mount(dev, why, sizeof why), "mount: %s", why);
}

static void
fs_teardown(void)
{
  filesys_done();
  block_host_close(dev);
  dev = NULL;
}

static void
assert_fsck(void)
{
  char why[128];

  ck_assert_msg(filesys_fsck(why, sizeof why), "fsck: %s", why);
}

static void
remount(void)
{
  char why[128];

  filesys_done();
  ck_assert_msg(filesys_mount(dev, why, sizeof why), "remount: %s", why);
  assert_fsck();
}

static void
fill_pattern(uint8_t *buf, size_t n, unsigned seed)
{
  for (size_t i = 0; i < n; i++)
    buf[i] = (uint8_t)((i * 131 + seed * 7 + (i >> 9)) ^ seed);
}

static bool
all_zero(const uint8_t *buf, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (buf[i] != 0)
      return false;
  return true;
}

/* Free sectors once the directory has grown its first block, which it
   keeps: creating and removing a file is then free-count neutral. */
static uint32_t
free_with_dir_slot(void)
{
  ck_assert(filesys_create("warm-up", 0));
  ck_assert(filesys_remove("warm-up"));
  return filesys_free_sectors();
}

START_TEST(test_create_reads_zeros)
{
  uint8_t buf[3000];

  ck_assert(filesys_create("zeros", 2500));
  struct file *f = filesys_open("zeros");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(file_length(f), 2500);
  memset(buf, 0xaa, sizeof buf);
  ck_assert_int_eq(file_read(f, buf, sizeof buf), 2500);
  ck_assert(all_zero(buf, 2500));
  ck_assert_int_eq(file_tell(f), 2500);
  ck_assert_int_eq(file_read(f, buf, 10), 0);
  file_close(f);
  ck_assert(!filesys_create("zeros", 10)); /* Name exists. */
  ck_assert(!filesys_create("neg", -1));
  assert_fsck();
}
END_TEST

START_TEST(test_write_read_seek)
{
  uint8_t data[5000], back[5000];

  fill_pattern(data, sizeof data, 1);
  ck_assert(filesys_create("rw", 5000));
  struct file *f = filesys_open("rw");
  ck_assert_int_eq(file_write(f, data, 1234), 1234);
  ck_assert_int_eq(file_write(f, data + 1234, 5000 - 1234), 5000 - 1234);
  file_seek(f, 700);
  ck_assert_int_eq(file_tell(f), 700);
  ck_assert_int_eq(file_read(f, back, 1000), 1000);
  ck_assert_mem_eq(back, data + 700, 1000);
  ck_assert_int_eq(file_read_at(f, back, 5000, 0), 5000);
  ck_assert_mem_eq(back, data, 5000);
  /* Writes stop at the end of file: files never grow. */
  file_seek(f, 4950);
  ck_assert_int_eq(file_write(f, data, 100), 50);
  ck_assert_int_eq(file_write(f, data, 100), 0);
  file_seek(f, 100000);
  ck_assert_int_eq(file_write(f, data, 10), 0);
  ck_assert_int_eq(file_read(f, back, 10), 0);
  ck_assert_int_eq(file_length(f), 5000);
  ck_assert_int_eq(file_read_at(f, back, 50, 4950), 50);
  ck_assert_mem_eq(back, data, 50);
  file_close(f);
  assert_fsck();
}
END_TEST

START_TEST(test_sparse_write_reads_zero_gap)
{
  uint8_t data[700], back[20000];

  fill_pattern(data, sizeof data, 2);
  ck_assert(filesys_create("sparse", 20000));
  struct file *f = filesys_open("sparse");
  ck_assert_int_eq(file_write_at(f, data, 700, 9000), 700);
  file_close(f);
  remount();
  f = filesys_open("sparse");
  ck_assert_int_eq(file_read(f, back, 20000), 20000);
  ck_assert(all_zero(back, 9000));
  ck_assert_mem_eq(back + 9000, data, 700);
  ck_assert(all_zero(back + 9700, 20000 - 9700));
  file_close(f);
}
END_TEST

START_TEST(test_persist_after_remount)
{
  uint8_t data[100000], back[100000];

  fill_pattern(data, sizeof data, 3);
  ck_assert(filesys_create("keep", sizeof data));
  struct file *f = filesys_open("keep");
  ck_assert_int_eq(file_write(f, data, sizeof data), (int)sizeof data);
  file_close(f);
  remount();
  f = filesys_open("keep");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(file_read(f, back, sizeof back), (int)sizeof back);
  ck_assert_mem_eq(back, data, sizeof data);
  file_close(f);
}
END_TEST

START_TEST(test_remove_while_open)
{
  uint8_t data[4096], back[4096];
  uint32_t free_before = free_with_dir_slot();

  fill_pattern(data, sizeof data, 4);
  ck_assert(filesys_create("gone", sizeof data));
  uint32_t free_created = filesys_free_sectors();
  ck_assert_uint_lt(free_created, free_before);
  struct file *f = filesys_open("gone");
  ck_assert_int_eq(file_write(f, data, sizeof data), (int)sizeof data);
  ck_assert(filesys_remove("gone"));
  ck_assert_ptr_null(filesys_open("gone"));
  ck_assert(!filesys_remove("gone"));
  assert_fsck(); /* Removed-but-open sectors are owned, not leaked. */
  ck_assert_uint_eq(filesys_free_sectors(), free_created);
  /* The name is free at once, for an unrelated file. */
  ck_assert(filesys_create("gone", 10));
  struct file *g = filesys_open("gone");
  ck_assert_int_eq(file_read(g, back, 10), 10);
  ck_assert(all_zero(back, 10));
  /* The old data stay readable and writable through the old object. */
  ck_assert_int_eq(file_read_at(f, back, sizeof back, 0), (int)sizeof back);
  ck_assert_mem_eq(back, data, sizeof data);
  ck_assert_int_eq(file_write_at(f, "xyz", 3, 0), 3);
  ck_assert_int_eq(file_read_at(f, back, 3, 0), 3);
  ck_assert_mem_eq(back, "xyz", 3);
  file_close(f);
  file_close(g);
  ck_assert(filesys_remove("gone"));
  ck_assert_uint_eq(filesys_free_sectors(), free_before);
  assert_fsck();
}
END_TEST

START_TEST(test_remove_open_at_unmount)
{
  uint32_t free_before = free_with_dir_slot();

  ck_assert(filesys_create("orphan", 50000));
  struct file *f = filesys_open("orphan");
  ck_assert(filesys_remove("orphan"));
  filesys_done(); /* Still open: the sectors are freed at unmount. */
  char why[128];
  ck_assert_msg(filesys_mount(dev, why, sizeof why), "%s", why);
  assert_fsck();
  ck_assert_uint_eq(filesys_free_sectors(), free_before);
  ck_assert_int_eq(file_read_at(f, why, 10, 0), 0); /* Dead: no I/O. */
  file_close(f);
  assert_fsck();
}
END_TEST

START_TEST(test_names)
{
  char name[NAME_MAX + 1];
  fs_off_t size;

  ck_assert(filesys_create("abcdefghijklmn", 1));   /* 14 bytes. */
  ck_assert(!filesys_create("abcdefghijklmno", 1)); /* 15. */
  ck_assert(!filesys_create("", 1));
  ck_assert(!filesys_create("a/b", 1));
  ck_assert(!filesys_create("/", 1));
  ck_assert_ptr_null(filesys_open("abcdefghijklmno"));
  ck_assert_ptr_null(filesys_open(""));
  ck_assert_ptr_null(filesys_open("missing"));
  ck_assert(filesys_create("with space", 3));
  struct file *f = filesys_open("abcdefghijklmn");
  ck_assert_ptr_nonnull(f);
  file_close(f);
  ck_assert_int_eq(filesys_listdir(0, name, &size), 1);
  ck_assert_str_eq(name, "abcdefghijklmn");
  ck_assert_int_eq(size, 1);
  ck_assert_int_eq(filesys_listdir(1, name, &size), 1);
  ck_assert_str_eq(name, "with space");
  ck_assert_int_eq(filesys_listdir(2, name, &size), 0);
  assert_fsck();
}
END_TEST

START_TEST(test_full_disk)
{
  uint32_t free_before = filesys_free_sectors();
  char name[32];
  int made = 0;

  /* Far too big: refused, nothing allocated. */
  ck_assert(!filesys_create("huge", DISK_SECTORS * 512));
  ck_assert_uint_eq(filesys_free_sectors(), free_before);
  assert_fsck();
  /* Fill it with 300 KB files until one no longer fits. */
  for (;; made++) {
    snprintf(name, sizeof name, "fill%d", made);
    if (!filesys_create(name, 300 * 1024))
      break;
  }
  ck_assert_int_gt(made, 25);
  ck_assert_uint_lt(filesys_free_sectors(), 601);
  assert_fsck();
  ck_assert(filesys_create("tiny", 0)); /* An inode sector still fits. */
  for (int i = 0; i < made; i++) {
    snprintf(name, sizeof name, "fill%d", i);
    ck_assert(filesys_remove(name));
  }
  ck_assert(filesys_remove("tiny"));
  assert_fsck();
  /* The directory keeps its grown blocks; everything else is back. */
  ck_assert_uint_ge(filesys_free_sectors() + 8, free_before);
  ck_assert(filesys_create("big", 9 * 1024 * 1024));
  assert_fsck();
}
END_TEST

START_TEST(test_directory_growth)
{
  char name[NAME_MAX + 1], want[32];
  fs_off_t size;
  const int n = 700;

  for (int i = 0; i < n; i++) {
    snprintf(want, sizeof want, "file-%05d", i);
    ck_assert_msg(filesys_create(want, i), "create %d", i);
  }
  assert_fsck();
  remount();
  for (int i = 0; i < n; i++) {
    ck_assert_int_eq(filesys_listdir(i, name, &size), 1);
    snprintf(want, sizeof want, "file-%05d", i);
    ck_assert_str_eq(name, want);
    ck_assert_int_eq(size, i);
  }
  ck_assert_int_eq(filesys_listdir(n, name, &size), 0);
  for (int i = 0; i < n; i += 2) {
    snprintf(want, sizeof want, "file-%05d", i);
    ck_assert(filesys_remove(want));
  }
  ck_assert(filesys_create("late", 5)); /* Reuses a free slot. */
  ck_assert_int_eq(filesys_listdir(0, name, &size), 1);
  ck_assert_str_eq(name, "late");
  struct file *f = filesys_open("file-00699");
  ck_assert_int_eq(file_length(f), 699);
  file_close(f);
  assert_fsck();
}
END_TEST

START_TEST(test_deny_write)
{
  uint8_t back[4];

  ck_assert(filesys_create("exe", 100));
  struct file *a = filesys_open("exe"), *b = filesys_open("exe");
  file_deny_write(a);
  file_deny_write(a); /* Counts once per object. */
  ck_assert_int_eq(file_write(b, "abcd", 4), 0);
  ck_assert_int_eq(file_write(a, "abcd", 4), 0);
  struct file *c = file_duplicate(a); /* Fork: its own denial. */
  file_allow_write(a);
  ck_assert_int_eq(file_write(b, "abcd", 4), 0);
  file_close(c);
  ck_assert_int_eq(file_write(b, "abcd", 4), 4);
  file_deny_write(b);
  file_close(b); /* Closing drops the denial. */
  ck_assert_int_eq(file_write_at(a, "wxyz", 4, 0), 4);
  ck_assert_int_eq(file_read_at(a, back, 4, 0), 4);
  ck_assert_mem_eq(back, "wxyz", 4);
  file_close(a);
  assert_fsck();
}
END_TEST

START_TEST(test_shared_inode_and_positions)
{
  uint8_t back[5];

  ck_assert(filesys_create("shared", 10));
  struct file *a = filesys_open("shared"), *b = filesys_open("shared");
  ck_assert_ptr_eq(file_get_inode(a), file_get_inode(b));
  ck_assert_int_eq(file_write(a, "hello", 5), 5);
  ck_assert_int_eq(file_tell(b), 0); /* Independent positions. */
  ck_assert_int_eq(file_read(b, back, 5), 5);
  ck_assert_mem_eq(back, "hello", 5);
  struct file *d = file_duplicate(a);
  ck_assert_int_eq(file_tell(d), 5);
  struct file *r = file_reopen(a);
  ck_assert_int_eq(file_tell(r), 0);
  file_close(a);
  file_close(b);
  file_close(d);
  file_close(r);
  assert_fsck();
}
END_TEST

START_TEST(test_large_file_io_is_data_bound)
{
  const int size = 4 * 1024 * 1024, chunk = 4096, sectors = size / 512;
  uint8_t *data = malloc(chunk), *back = malloc(chunk);

  ck_assert(filesys_create("four-mb", size));
  struct file *f = filesys_open("four-mb");
  unsigned long w0 = block_host_writes(dev);
  for (int ofs = 0; ofs < size; ofs += chunk) {
    fill_pattern(data, chunk, ofs / chunk);
    ck_assert_int_eq(file_write(f, data, chunk), chunk);
  }
  file_close(f);
  unsigned long writes = block_host_writes(dev) - w0;
  ck_assert_msg(writes <= sectors + 4, "%lu writes", writes);
  remount();
  f = filesys_open("four-mb");
  unsigned long r0 = block_host_reads(dev);
  for (int ofs = 0; ofs < size; ofs += chunk) {
    fill_pattern(data, chunk, ofs / chunk);
    ck_assert_int_eq(file_read(f, back, chunk), chunk);
    ck_assert_mem_eq(back, data, chunk);
  }
  unsigned long reads = block_host_reads(dev) - r0;
  ck_assert_msg(reads <= sectors + 4, "%lu reads", reads);
  file_close(f);
  free(data);
  free(back);
}
END_TEST

#define FRAG_BYTES (800 * 512)

START_TEST(test_fragmented_file_uses_tables)
{
  char name[32];
  uint8_t *data = malloc(FRAG_BYTES), *back = malloc(FRAG_BYTES);

  for (int i = 0; i < 400; i++) {
    snprintf(name, sizeof name, "s%d", i);
    ck_assert(filesys_create(name, 4 * 512));
  }
  /* Fill the rest, then punch 200 holes of 5 sectors. */
  ck_assert(filesys_create("filler", (filesys_free_sectors() - 20) * 512));
  for (int i = 0; i < 400; i += 2) {
    snprintf(name, sizeof name, "s%d", i);
    ck_assert(filesys_remove(name));
  }
  ck_assert(filesys_create("frag", FRAG_BYTES)); /* ~160 extents. */
  assert_fsck();
  fill_pattern(data, FRAG_BYTES, 9);
  struct file *f = filesys_open("frag");
  const struct fs_inode *in =
      (const void *)(block_mem_data(dev) +
                     (size_t)inode_get_inumber(file_get_inode(f)) * 512);
  ck_assert_uint_gt(in->extent_cnt, FS_INLINE_EXTENTS);
  ck_assert_uint_ge(in->table_cnt, 2);
  ck_assert_int_eq(file_write(f, data, FRAG_BYTES), FRAG_BYTES);
  file_close(f);
  remount();
  f = filesys_open("frag");
  ck_assert_int_eq(file_read(f, back, FRAG_BYTES), FRAG_BYTES);
  ck_assert_mem_eq(back, data, FRAG_BYTES);
  file_close(f);
  ck_assert(filesys_remove("frag"));
  ck_assert(filesys_remove("filler"));
  assert_fsck();
  free(data);
  free(back);
}
END_TEST

START_TEST(test_io_errors_propagate)
{
  uint8_t data[2048];
  char why[128];

  ck_assert(filesys_create("err", sizeof data));
  struct file *f = filesys_open("err");
  block_host_fail_after(dev, 1);
  ck_assert_int_eq(file_write(f, data, sizeof data), 512);
  ck_assert(!filesys_create("new", 100));
  ck_assert_int_eq(file_read_at(f, data, sizeof data, 0), 0);
  block_host_fail_after(dev, -1);
  file_close(f);
  filesys_done();
  block_host_fail_after(dev, 3);
  ck_assert(!filesys_mount(dev, why, sizeof why));
  block_host_fail_after(dev, -1);
  ck_assert_msg(filesys_mount(dev, why, sizeof why), "%s", why);
}
END_TEST

START_TEST(test_init_refuses_foreign_disk)
{
  struct block *other;
  char why[128];

  filesys_done();
  block_host_close(dev);
  dev = NULL;
  ck_assert(!filesys_init(false)); /* No file-system disk. */
  other = block_mem_open(NULL, DISK_BYTES, BLOCK_FILESYS);
  ck_assert(!filesys_init(false)); /* All zeros. */
  ck_assert(!filesys_mount(other, why, sizeof why));
  ck_assert_str_eq(why, "no Pagoda file system (bad magic)");
  ck_assert(filesys_init(true)); /* Format, then mount. */
  ck_assert(filesys_create("x", 1));
  dev = other;
}
END_TEST

/* ------------------------------------------------------ randomized model */

#define MODEL_NAMES 24
#define MODEL_OPEN 8

struct mfile {
  int refs; /* Name + open handles. */
  int size;
  uint8_t *data;
};

struct model {
  int creates, removes, opens, writes, reads, remounts;
  struct mfile *named[MODEL_NAMES];
  struct file *handle[MODEL_OPEN];
  struct mfile *hfile[MODEL_OPEN];
  int hpos[MODEL_OPEN];
};

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t
rnd(uint32_t n)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (uint32_t)(rng_state % n);
}

static void
mfile_put(struct mfile *m)
{
  if (m != NULL && --m->refs == 0) {
    free(m->data);
    free(m);
  }
}

static int
random_size(void)
{
  switch (rnd(4)) {
  case 0:
    return rnd(600);
  case 1:
    return rnd(9000);
  case 2:
    return rnd(200000);
  default:
    return rnd(1300000);
  }
}

static void
step_create(struct model *m, const char *name, int k)
{
  int size = random_size();
  bool ok = filesys_create(name, size);

  if (m->named[k] != NULL) {
    ck_assert_msg(!ok, "create of existing %s", name);
    return;
  }
  if (!ok) /* Only a full disk may refuse a fresh valid name. */
    ck_assert_uint_lt(filesys_free_sectors(), size / 512 + 2 + 30);
  else {
    struct mfile *f = calloc(1, sizeof *f);
    m->creates++;
    f->refs = 1;
    f->size = size;
    f->data = calloc(size ? size : 1, 1);
    m->named[k] = f;
  }
}

static void
step_open(struct model *m, const char *name, int k)
{
  int h = rnd(MODEL_OPEN);

  if (m->handle[h] != NULL)
    return;
  m->handle[h] = filesys_open(name);
  ck_assert_msg((m->handle[h] != NULL) == (m->named[k] != NULL), "open %s",
                name);
  if (m->handle[h] != NULL) {
    m->hfile[h] = m->named[k];
    m->hfile[h]->refs++;
    m->hpos[h] = 0;
    m->opens++;
    ck_assert_int_eq(file_length(m->handle[h]), m->hfile[h]->size);
  }
}

static void
step_write_read(struct model *m)
{
  int h = rnd(MODEL_OPEN);
  struct mfile *f = m->hfile[h];
  static uint8_t buf[70000];

  if (m->handle[h] == NULL)
    return;
  int pos = rnd(f->size + 100), len = rnd(sizeof buf);
  int expect = pos >= f->size ? 0 : (len < f->size - pos ? len : f->size - pos);
  if (rnd(2)) {
    fill_pattern(buf, len, rnd(1000));
    ck_assert_int_eq(file_write_at(m->handle[h], buf, len, pos), expect);
    memcpy(f->data + (expect ? pos : 0), buf, expect);
    m->writes += expect > 0;
  } else {
    ck_assert_int_eq(file_read_at(m->handle[h], buf, len, pos), expect);
    ck_assert_msg(memcmp(buf, f->data + (expect ? pos : 0), expect) == 0,
                  "read mismatch at %d+%d", pos, expect);
    m->reads += expect > 0;
  }
}

static void
step_seq_read(struct model *m)
{
  int h = rnd(MODEL_OPEN);
  static uint8_t buf[5000];

  if (m->handle[h] == NULL)
    return;
  struct mfile *f = m->hfile[h];
  int len = rnd(sizeof buf), pos = m->hpos[h];
  int expect = pos >= f->size ? 0 : (len < f->size - pos ? len : f->size - pos);
  ck_assert_int_eq(file_read(m->handle[h], buf, len), expect);
  ck_assert(memcmp(buf, f->data + (expect ? pos : 0), expect) == 0);
  m->hpos[h] += expect;
  ck_assert_int_eq(file_tell(m->handle[h]), m->hpos[h]);
}

static void
close_handle(struct model *m, int h)
{
  if (m->handle[h] == NULL)
    return;
  file_close(m->handle[h]);
  m->handle[h] = NULL;
  mfile_put(m->hfile[h]);
  m->hfile[h] = NULL;
}

static void
model_step(struct model *m)
{
  char name[32];
  int k = rnd(MODEL_NAMES);

  snprintf(name, sizeof name, k % 3 ? "n%d" : "long-name-%04d", k);
  switch (rnd(14)) {
  case 0:
  case 1:
    step_create(m, name, k);
    break;
  case 2:
    ck_assert_int_eq(filesys_remove(name), m->named[k] != NULL);
    m->removes += m->named[k] != NULL;
    mfile_put(m->named[k]);
    m->named[k] = NULL;
    break;
  case 3:
  case 4:
    step_open(m, name, k);
    break;
  case 5:
    close_handle(m, rnd(MODEL_OPEN));
    break;
  case 6:
    step_seq_read(m);
    break;
  case 7:
    if (rnd(20) == 0) {
      for (int h = 0; h < MODEL_OPEN; h++)
        close_handle(m, h);
      remount();
      m->remounts++;
    }
    break;
  default:
    step_write_read(m);
  }
}

START_TEST(test_randomized_against_model)
{
  struct model m;

  memset(&m, 0, sizeof m);
  for (int step = 0; step < 6000; step++) {
    model_step(&m);
    if (step % 3 == 0)
      assert_fsck();
  }
  for (int h = 0; h < MODEL_OPEN; h++)
    close_handle(&m, h);
  remount();
  for (int k = 0; k < MODEL_NAMES; k++) {
    char name[32];
    snprintf(name, sizeof name, k % 3 ? "n%d" : "long-name-%04d", k);
    struct file *f = filesys_open(name);
    ck_assert((f != NULL) == (m.named[k] != NULL));
    if (f != NULL) {
      uint8_t *buf = malloc(m.named[k]->size + 1);
      ck_assert_int_eq(file_read(f, buf, m.named[k]->size + 1),
                       m.named[k]->size);
      ck_assert(memcmp(buf, m.named[k]->data, m.named[k]->size) == 0);
      free(buf);
      file_close(f);
    }
    mfile_put(m.named[k]);
  }
  fprintf(stderr,
          "model: %d creates, %d removes, %d opens, %d writes, %d reads, "
          "%d remounts\n",
          m.creates, m.removes, m.opens, m.writes, m.reads, m.remounts);
  /* The sequence really exercised the file system. */
  ck_assert_int_ge(m.creates, 100);
  ck_assert_int_ge(m.removes, 50);
  ck_assert_int_ge(m.opens, 200);
  ck_assert_int_ge(m.writes, 200);
  ck_assert_int_ge(m.reads, 200);
  ck_assert_int_ge(m.remounts, 5);
}
END_TEST

static Suite *
fs_suite(void)
{
  Suite *s = suite_create("filesys");
  TCase *tc = tcase_create("core");

  tcase_add_checked_fixture(tc, fs_setup, fs_teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_create_reads_zeros);
  tcase_add_test(tc, test_write_read_seek);
  tcase_add_test(tc, test_sparse_write_reads_zero_gap);
  tcase_add_test(tc, test_persist_after_remount);
  tcase_add_test(tc, test_remove_while_open);
  tcase_add_test(tc, test_remove_open_at_unmount);
  tcase_add_test(tc, test_names);
  tcase_add_test(tc, test_full_disk);
  tcase_add_test(tc, test_directory_growth);
  tcase_add_test(tc, test_deny_write);
  tcase_add_test(tc, test_shared_inode_and_positions);
  tcase_add_test(tc, test_large_file_io_is_data_bound);
  tcase_add_test(tc, test_fragmented_file_uses_tables);
  tcase_add_test(tc, test_io_errors_propagate);
  tcase_add_test(tc, test_init_refuses_foreign_disk);
  tcase_add_test(tc, test_randomized_against_model);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  SRunner *sr = srunner_create(fs_suite());

  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
