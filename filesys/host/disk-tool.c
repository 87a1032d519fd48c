/* SPDX-License-Identifier: MIT */
/* pagoda-disk: format, fill, list, extract and check file-system images
   on the host, with the kernel's own filesys/ code (hosted build).

     pagoda-disk IMAGE format                 whole image file
     pagoda-disk IMAGE put HOSTFILE [NAME]    replaces NAME if it exists
     pagoda-disk IMAGE get NAME [HOSTFILE|-]  `-' = standard output
     pagoda-disk IMAGE ls                     `SIZE NAME' lines
     pagoda-disk IMAGE rm NAME
     pagoda-disk IMAGE fsck                   `fsck: IMAGE: ok' or reason

   Exit status 0 on success, 1 on failure (message on stderr; fsck's
   verdict on stdout), 2 on a usage error.  Every command mounts with the
   full check first, so a damaged image is never modified. */

#include <errno.h>
#include <libgen.h>
#include "filesys/host/host.h"

static const char *image;

static int
fail(const char *fmt, const char *arg)
{
  fprintf(stderr, "pagoda-disk: %s: ", image);
  fprintf(stderr, fmt, arg);
  fputc('\n', stderr);
  return 1;
}

static int
usage(void)
{
  fprintf(stderr, "usage: pagoda-disk IMAGE format | put HOSTFILE [NAME] |\n"
                  "       get NAME [HOSTFILE|-] | ls | rm NAME | fsck\n");
  return 2;
}

/* Opens IMAGE and mounts it; on failure prints the reason. */
static bool
mount_image(bool writable, char *why, size_t why_size)
{
  struct block *dev = block_file_open(image, writable, BLOCK_FILESYS);

  if (dev == NULL) {
    snprintf(why, why_size, "cannot open: %s", strerror(errno));
    return false;
  }
  if (!filesys_mount(dev, why, why_size)) {
    block_host_close(dev);
    return false;
  }
  return true;
}

static void
unmount_image(void)
{
  struct block *dev = fs_device;

  filesys_done();
  block_host_close(dev);
}

static int
cmd_format(void)
{
  char why[128];
  struct block *dev = block_file_open(image, true, BLOCK_FILESYS);

  if (dev == NULL)
    return fail("cannot open: %s", strerror(errno));
  bool ok = filesys_format(dev, why, sizeof why);
  block_host_close(dev);
  return ok ? 0 : fail("%s", why);
}

/* Reads all of host file PATH into a malloc'd buffer. */
static char *
slurp(const char *path, fs_off_t *size)
{
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long len;

  if (f == NULL)
    return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && len <= INT32_MAX &&
      fseek(f, 0, SEEK_SET) == 0 && (buf = malloc(len > 0 ? len : 1)) != NULL &&
      fread(buf, 1, len, f) != (size_t)len) {
    free(buf);
    buf = NULL;
  }
  if (buf != NULL)
    *size = (fs_off_t)len;
  fclose(f);
  return buf;
}

/* Creates NAME with SIZE bytes from DATA, replacing an old NAME. */
static const char *
put_file(const char *name, const char *data, fs_off_t size)
{
  struct file *f;

  if (strlen(name) > NAME_MAX || strlen(name) == 0 || strchr(name, '/'))
    return "invalid file name (1-14 bytes, no '/')";
  filesys_remove(name);
  if (!filesys_create(name, size))
    return "cannot create (disk or directory full?)";
  if ((f = filesys_open(name)) == NULL)
    return "cannot open the new file";
  fs_off_t n = file_write(f, data, size);
  file_close(f);
  return n == size ? NULL : "write error";
}

static int
cmd_put(const char *host_path, const char *name)
{
  char why[128];
  fs_off_t size = 0;
  char *data = slurp(host_path, &size);
  char *copy = strdup(host_path);

  if (data == NULL || copy == NULL) {
    free(copy);
    free(data);
    return fail("cannot read host file %s", host_path);
  }
  if (name == NULL)
    name = basename(copy);
  if (!mount_image(true, why, sizeof why)) {
    free(copy);
    free(data);
    return fail("%s", why);
  }
  const char *err = put_file(name, data, size);
  unmount_image();
  free(data);
  int status = err != NULL ? fail("%s", err) : 0;
  free(copy);
  return status;
}

/* Copies file F to OUT. */
static bool
copy_out(struct file *f, FILE *out)
{
  static char buf[65536];
  fs_off_t n;

  while ((n = file_read(f, buf, sizeof buf)) > 0)
    if (fwrite(buf, 1, n, out) != (size_t)n)
      return false;
  return file_tell(f) == file_length(f);
}

static int
cmd_get(const char *name, const char *host_path)
{
  char why[128];
  struct file *f;

  if (!mount_image(false, why, sizeof why))
    return fail("%s", why);
  if ((f = filesys_open(name)) == NULL) {
    unmount_image();
    return fail("%s: no such file", name);
  }
  bool to_stdout = strcmp(host_path, "-") == 0;
  FILE *out = to_stdout ? stdout : fopen(host_path, "wb");
  bool ok = out != NULL && copy_out(f, out);
  if (out != NULL && !to_stdout && fclose(out) != 0)
    ok = false;
  file_close(f);
  unmount_image();
  return ok ? 0 : fail("%s: cannot copy out", name);
}

static int
cmd_ls(void)
{
  char why[128], name[NAME_MAX + 1];
  fs_off_t size;
  int r;

  if (!mount_image(false, why, sizeof why))
    return fail("%s", why);
  for (unsigned i = 0; (r = filesys_listdir(i, name, &size)) == 1; i++)
    printf("%10d %s\n", (int)size, name);
  unmount_image();
  return r == 0 ? 0 : fail("%s", "directory unreadable");
}

static int
cmd_rm(const char *name)
{
  char why[128];

  if (!mount_image(true, why, sizeof why))
    return fail("%s", why);
  bool ok = filesys_remove(name);
  unmount_image();
  return ok ? 0 : fail("%s: no such file", name);
}

static int
cmd_fsck(void)
{
  char why[128];
  bool ok = mount_image(false, why, sizeof why);

  if (ok) {
    ok = filesys_fsck(why, sizeof why);
    unmount_image();
  }
  printf("fsck: %s: %s\n", image, ok ? "ok" : why);
  return ok ? 0 : 1;
}

int
main(int argc, char *argv[])
{
  if (argc < 3)
    return usage();
  image = argv[1];
  const char *cmd = argv[2];
  int extra = argc - 3;

  if (strcmp(cmd, "format") == 0 && extra == 0)
    return cmd_format();
  if (strcmp(cmd, "put") == 0 && (extra == 1 || extra == 2))
    return cmd_put(argv[3], extra == 2 ? argv[4] : NULL);
  if (strcmp(cmd, "get") == 0 && (extra == 1 || extra == 2))
    return cmd_get(argv[3], extra == 2 ? argv[4] : argv[3]);
  if (strcmp(cmd, "ls") == 0 && extra == 0)
    return cmd_ls();
  if (strcmp(cmd, "rm") == 0 && extra == 1)
    return cmd_rm(argv[3]);
  if (strcmp(cmd, "fsck") == 0 && extra == 0)
    return cmd_fsck();
  return usage();
}
