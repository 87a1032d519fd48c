/* SPDX-License-Identifier: MIT */

/* System-call wrappers.

   Every wrapper funnels into syscall_raw(), which loads the call number
   into rax and the six arguments into rdi, rsi, rdx, r10, r8 and r9 (the
   fourth goes in r10 because the `syscall' instruction overwrites rcx with
   the return address) and traps.  The kernel returns the result in rax;
   only rcx and r11 are lost.  Arguments are widened the way the ABI
   decodes them: int values sign-extended, unsigned values zero-extended,
   so the casts below matter. */

#include <syscall.h>

#define ARG_INT(X) ((uint64_t)(int64_t)(int)(X))
#define ARG_UNSIGNED(X) ((uint64_t)(unsigned)(X))
#define ARG_PTR(X) ((uint64_t)(uintptr_t)(X))

/* Traps into the kernel with system call NR and arguments A1..A6; returns
   the 64-bit value the kernel left in rax. */
int64_t
syscall_raw(uint64_t nr, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
            uint64_t a5, uint64_t a6)
{
  register uint64_t r10 asm("r10") = a4;
  register uint64_t r8 asm("r8") = a5;
  register uint64_t r9 asm("r9") = a6;
  int64_t result;

  asm volatile("syscall"
               : "=a"(result)
               : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
               : "rcx", "r11", "memory", "cc");
  return result;
}

static int64_t
call0(int nr)
{
  return syscall_raw(nr, 0, 0, 0, 0, 0, 0);
}

static int64_t
call1(int nr, uint64_t a1)
{
  return syscall_raw(nr, a1, 0, 0, 0, 0, 0);
}

static int64_t
call2(int nr, uint64_t a1, uint64_t a2)
{
  return syscall_raw(nr, a1, a2, 0, 0, 0, 0);
}

static int64_t
call3(int nr, uint64_t a1, uint64_t a2, uint64_t a3)
{
  return syscall_raw(nr, a1, a2, a3, 0, 0, 0);
}

/* Powers the machine off; never returns. */
void
halt(void)
{
  call0(SYS_HALT);
  for (;;)
    continue;
}

/* Ends this process with STATUS; never returns. */
void
exit(int status)
{
  call1(SYS_EXIT, ARG_INT(status));
  for (;;)
    continue;
}

/* Clones this process into a child named THREAD_NAME: the child's pid in
   the parent, 0 in the child, PID_ERROR on failure. */
pid_t
fork(const char *thread_name)
{
  return (pid_t)call1(SYS_FORK, ARG_PTR(thread_name));
}

/* Replaces this program with CMD_LINE (program and arguments); returns
   only if the kernel chooses to report a failure that way (-1). */
int
exec(const char *cmd_line)
{
  return (int)call1(SYS_EXEC, ARG_PTR(cmd_line));
}

/* Waits for child PID to exit and returns its status, or -1. */
int
wait(pid_t pid)
{
  return (int)call1(SYS_WAIT, ARG_INT(pid));
}

/* Creates FILE with INITIAL_SIZE zero bytes; true on success. */
bool
create(const char *file, unsigned initial_size)
{
  return call2(SYS_CREATE, ARG_PTR(file), ARG_UNSIGNED(initial_size)) != 0;
}

/* Removes FILE's name; true on success. */
bool
remove(const char *file)
{
  return call1(SYS_REMOVE, ARG_PTR(file)) != 0;
}

/* Opens FILE; the new fd, or -1. */
int
open(const char *file)
{
  return (int)call1(SYS_OPEN, ARG_PTR(file));
}

/* Size of the file open as FD, or -1. */
int
filesize(int fd)
{
  return (int)call1(SYS_FILESIZE, ARG_INT(fd));
}

/* Reads up to LENGTH bytes from FD into BUFFER; bytes read, or -1. */
int
read(int fd, void *buffer, unsigned length)
{
  return (int)call3(SYS_READ, ARG_INT(fd), ARG_PTR(buffer),
                    ARG_UNSIGNED(length));
}

/* Writes up to LENGTH bytes from BUFFER to FD; bytes written, or -1. */
int
write(int fd, const void *buffer, unsigned length)
{
  return (int)call3(SYS_WRITE, ARG_INT(fd), ARG_PTR(buffer),
                    ARG_UNSIGNED(length));
}

/* Moves FD's position to POSITION. */
void
seek(int fd, unsigned position)
{
  call2(SYS_SEEK, ARG_INT(fd), ARG_UNSIGNED(position));
}

/* FD's position. */
unsigned
tell(int fd)
{
  return (unsigned)call1(SYS_TELL, ARG_INT(fd));
}

/* Closes FD. */
void
close(int fd)
{
  call1(SYS_CLOSE, ARG_INT(fd));
}

/* Makes NEWFD refer to OLDFD's open file; NEWFD, or -1. */
int
dup2(int oldfd, int newfd)
{
  return (int)call2(SYS_DUP2, ARG_INT(oldfd), ARG_INT(newfd));
}

/* Maps LENGTH bytes of FD from OFFSET at ADDR; ADDR, or MAP_FAILED. */
void *
mmap(void *addr, size_t length, int writable, int fd, off_t offset)
{
  return (void *)syscall_raw(SYS_MMAP, ARG_PTR(addr), (uint64_t)length,
                             ARG_INT(writable), ARG_INT(fd), ARG_INT(offset),
                             0);
}

/* Removes the mapping that starts at ADDR. */
void
munmap(void *addr)
{
  call1(SYS_MUNMAP, ARG_PTR(addr));
}

/* Reserved: changes the working directory. */
bool
chdir(const char *dir)
{
  return call1(SYS_CHDIR, ARG_PTR(dir)) != 0;
}

/* Reserved: creates directory DIR. */
bool
mkdir(const char *dir)
{
  return call1(SYS_MKDIR, ARG_PTR(dir)) != 0;
}

/* Reserved: reads the next entry of directory FD into NAME. */
bool
readdir(int fd, char name[READDIR_MAX_LEN + 1])
{
  return call2(SYS_READDIR, ARG_INT(fd), ARG_PTR(name)) != 0;
}

/* Reserved: whether FD is a directory. */
bool
isdir(int fd)
{
  return call1(SYS_ISDIR, ARG_INT(fd)) != 0;
}

/* Reserved: FD's inode number, or -1. */
int
inumber(int fd)
{
  return (int)call1(SYS_INUMBER, ARG_INT(fd));
}

/* Reserved: makes LINKPATH a symbolic link to TARGET; 0 or -1. */
int
symlink(const char *target, const char *linkpath)
{
  return (int)call2(SYS_SYMLINK, ARG_PTR(target), ARG_PTR(linkpath));
}

/* Reserved (no prototype in the header, as in Pintos): mounts a disk. */
int mount(const char *path, int chan_no, int dev_no);
int
mount(const char *path, int chan_no, int dev_no)
{
  return (int)call3(SYS_MOUNT, ARG_PTR(path), ARG_INT(chan_no),
                    ARG_INT(dev_no));
}

/* Reserved (no prototype in the header): unmounts PATH. */
int umount(const char *path);
int
umount(const char *path)
{
  return (int)call1(SYS_UMOUNT, ARG_PTR(path));
}

/* Frame identity behind USER_ADDR, through the int 0x42 gate. */
void *
get_phys_addr(void *user_addr)
{
  void *frame;

  asm volatile("int $0x42" : "=a"(frame) : "a"(user_addr) : "memory");
  return frame;
}

/* Name and size of the INDEXth file in the root; -1 past the end. */
int
listdir(unsigned index, char name[READDIR_MAX_LEN + 1])
{
  return (int)call2(SYS_LISTDIR, ARG_UNSIGNED(index), ARG_PTR(name));
}

/* Copies the kernel's VM counters into *STATS; 0, or -1. */
int
vmstat(struct vmstat *stats)
{
  return (int)call1(SYS_VMSTAT, ARG_PTR(stats));
}

/* The machine-wide counters into *STATS; 0, or -1. */
int
vmstat_machine(struct vmstat *stats)
{
  return (int)call1(SYS_VMSTAT_MACHINE, ARG_PTR(stats));
}

/* Up to MAX pages of this process from FROM on; the count. */
int
pmap(const void *from, struct pmap_entry *entries, unsigned max)
{
  return (int)call3(SYS_PMAP, ARG_PTR(from), ARG_PTR(entries),
                    ARG_UNSIGNED(max));
}

/* Waits TICKS timer ticks. */
void
sleep(unsigned ticks)
{
  call1(SYS_SLEEP, ARG_UNSIGNED(ticks));
}
