/* SPDX-License-Identifier: MIT */
/* kmain: boot, in order, and run the command line.
 *
 * The loader passes the Multiboot magic and information block.  We copy the
 * command line out of low memory first, find RAM in the memory map, and
 * bring the subsystems up bottom-up: console, threads (just the boot
 * thread), page pools and heap, the real page table, CPU tables and
 * interrupts, the scheduler, devices, the file system and processes.  Then
 * `Boot complete.', the actions, and power-off with -q, which unmounts the
 * file system before the leak report.
 *
 * Command line: options first (-q, -f, -ul=N, -mlfqs, -vm-policy=NAME,
 * -vm-write-clean, -trace=vm, -threads-tests, -pintos-banner), then
 * actions (run 'PROG ARGS', ls, cat FILE, rm FILE).  Single quotes group a
 * word. */

#include "threads/init.h"

#include <debug.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arch/x86_64/apic.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/mmu.h"
#include "arch/x86_64/percpu.h"
#include "arch/x86_64/smp.h"
#include "devices/ide.h"
#include "devices/input.h"
#include "devices/power.h"
#include "devices/serial.h"
#include "devices/vga.h"
#include "devices/timer.h"
#include "devices/trace.h"
#include "lib/kernel/console.h"
#include "mm/malloc.h"
#include "mm/palloc.h"
#include "mm/vaddr.h"
#include "threads/interrupt.h"
#include "threads/thread.h"
#include "threads/actions.h"
#include "filesys/filesys.h"
#include "userprog/exception.h"
#include "userprog/process.h"
#include "userprog/syscall.h"
#include "vm/policy.h"
#include "vm/swap.h"
#include "vm/vm.h"
#include "devices/block.h"

#define MULTIBOOT_MAGIC 0x2badb002
#define MB_INFO_MEM 0x001
#define MB_INFO_CMDLINE 0x004
#define MB_INFO_MMAP 0x040
#define CMDLINE_MAX 1024
#define ARGV_MAX 64

struct mb_info {
  uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
  uint32_t mods_count, mods_addr, syms[4], mmap_length, mmap_addr;
} __attribute__((packed));

struct mb_mmap_entry {
  uint32_t size;
  uint64_t base, length;
  uint32_t type;
} __attribute__((packed));

size_t user_page_limit = SIZE_MAX;
bool power_off_when_done;
bool thread_tests;
static bool format_filesys;
static bool pintos_banner; /* -pintos-banner: the name Pintos checkers want */

static char cmdline[CMDLINE_MAX];
static char *argv[ARGV_MAX + 1]; /* argv[0] is the loader's kernel path */

extern char _end[];

void kmain(uint32_t magic, uint32_t info_pa) __attribute__((noreturn));

/* Split CMDLINE in place into words; single quotes group.  Returns the
   word count. */
static int
split_words(char *s, char **words, int max)
{
  int n = 0;
  while (*s != '\0' && n < max) {
    while (*s == ' ')
      s++;
    if (*s == '\0')
      break;
    char *out = s;
    words[n++] = out;
    bool quoted = false;
    while (*s != '\0' && (quoted || *s != ' ')) {
      if (*s == '\'')
        quoted = !quoted;
      else
        *out++ = *s;
      s++;
    }
    if (*s != '\0')
      s++;
    *out = '\0';
  }
  words[n] = NULL;
  return n;
}

/* The -vm-policy=NAME option: NAME must be a replacement policy. */
static void
select_policy(const char *name)
{
  if (policy_select(name))
    return;
  printf("Boot error: unknown policy '%s' (policies: %s)\n", name,
         policy_names());
  printf("Powering off...\n");
  power_off();
}

/* Apply the options at the front of ARGV; return the first action. */
static char **
parse_options(char **args)
{
  for (; *args != NULL && **args == '-'; args++) {
    char *opt = *args;
    if (!strcmp(opt, "-q"))
      power_off_when_done = true;
    else if (!strcmp(opt, "-f"))
      format_filesys = true;
    else if (!strncmp(opt, "-ul=", 4))
      user_page_limit = atoi(opt + 4);
    else if (!strcmp(opt, "-mlfqs"))
      thread_mlfqs = true;
    else if (!strcmp(opt, "-vm-write-clean"))
      vm_write_clean = true;
    else if (!strncmp(opt, "-vm-policy=", 11))
      select_policy(opt + 11);
    else if (!strcmp(opt, "-threads-tests"))
      thread_tests = true;
    else if (!strcmp(opt, "-pintos-banner"))
      pintos_banner = true;
    else if (trace_parse_option(opt))
      continue; /* -trace=vm: docs/tracing.md */
    else {
      printf("Boot error: unknown option '%s' (options: -q -f -ul=N -mlfqs "
             "-vm-policy=NAME -vm-write-clean -threads-tests -pintos-banner "
             "-trace=vm)\n",
             opt);
      printf("Powering off...\n");
      power_off();
    }
  }
  return args;
}

/* Find the usable RAM region holding the kernel; return RAM's end. */
static uintptr_t
scan_memory(const struct mb_info *mb, uintptr_t *free_start,
            uintptr_t *free_end, size_t *usable_kb)
{
  uintptr_t kernel_end = vtop(_end), ram_end = 0;
  *free_start = kernel_end;
  *free_end = 0;
  *usable_kb = 0;
  if (mb->flags & MB_INFO_MMAP) {
    uint8_t *p = ptov(mb->mmap_addr), *end = p + mb->mmap_length;
    while (p < end) {
      struct mb_mmap_entry *e = (struct mb_mmap_entry *)p;
      if (e->type == 1) {
        uintptr_t lo = e->base, hi = e->base + e->length;
        if (lo >= 0x100000)
          *usable_kb += e->length / 1024;
        if (hi > ram_end)
          ram_end = hi;
        if (lo <= kernel_end && hi > kernel_end)
          *free_end = hi;
      }
      p += e->size + 4;
    }
  } else {
    *free_end = 0x100000 + (uintptr_t)mb->mem_upper * 1024;
    *usable_kb = mb->mem_upper;
    ram_end = *free_end;
  }
  if (*free_end > (1ull << 30))
    *free_end = 1ull << 30; /* the boot tables map the first GiB only */
  return ram_end;
}

static void
read_multiboot(uint32_t magic, uint32_t info_pa, uintptr_t *ram_end)
{
  if (magic != MULTIBOOT_MAGIC) {
    printf("Boot error: not started by a Multiboot loader\n");
    power_fail();
  }
  const struct mb_info *mb = ptov(info_pa);
  if (mb->flags & MB_INFO_CMDLINE)
    strlcpy(cmdline, ptov(mb->cmdline), sizeof cmdline);
  uintptr_t start, end;
  size_t kb;
  *ram_end = scan_memory(mb, &start, &end, &kb);
  split_words(cmdline, argv, ARGV_MAX);
  parse_options(argv + 1);
  printf("%s booting with %zu kB RAM...\n", pintos_banner ? "Pintos" : "Pagoda",
         kb);
  palloc_init(start, end, user_page_limit);
}

/* Kernel pages and heap bytes the mounted file system holds (cache, free
   map, root directory): measured across the mount at boot, and given back
   by the unmount at power-off, which runs before the halt figures are
   taken.  So `mem: boot' and `mem: halt' both describe the kernel with the
   file system unmounted, and a directory that grew in between (its extent
   table is bigger) is no leak, while anything else still held is. */
static size_t fs_kernel_pages, fs_heap_bytes;

/* Log the numbers the test runner's leak check compares. */
static void
log_memory(const char *when)
{
  /* A process's thread may still be finishing its exit after its waiter
     resumed: give such threads up to a second to be gone. */
  for (int i = 0; i < TIMER_FREQ && thread_exiting_count() > 0; i++)
    timer_sleep(1);
  thread_reap();
  if (process_live_count() > 0) {
    /* Orphans (or the caller of halt) still hold memory: no baseline. */
    klog_printf("mem: %s skipped: %d user processes still running\n", when,
                process_live_count());
    return;
  }
  bool mounted = filesys_mounted();
  klog_printf("mem: %s user_free=%zu kernel_free=%zu heap_used=%zu "
              "swap_used=%zu\n",
              when, palloc_free_count(PAL_USER),
              palloc_free_count(0) + (mounted ? fs_kernel_pages : 0),
              malloc_bytes_in_use() - (mounted ? fs_heap_bytes : 0),
              swap_slots_used());
}

/* Mounts (and with -f first formats) the file system, noting what the
   mount holds for log_memory. */
static void
mount_filesys(void)
{
  size_t pages = palloc_free_count(0), heap = malloc_bytes_in_use();
  filesys_init(format_filesys);
  if (filesys_mounted()) {
    fs_kernel_pages = pages - palloc_free_count(0);
    fs_heap_bytes = malloc_bytes_in_use() - heap;
  }
}

static void
run_actions(char **args)
{
  while (*args != NULL) {
    const struct action *a = action_find(args[0]);
    if (a == NULL) {
      printf("Boot error: unknown action '%s'\n", args[0]);
      shutdown_power_off();
    }
    int argc = 1;
    while (argc <= a->argc && args[argc] != NULL)
      argc++;
    if (argc <= a->argc) {
      printf("Boot error: action '%s' needs %d argument(s)\n", a->name,
             a->argc);
      shutdown_power_off();
    }
    a->run(args);
    args += argc;
  }
}

/* The console is COM1 mirrored on the screen; the log is COM2. */
static void
console_device_putc(char c)
{
  serial_putc(SERIAL_CONSOLE, c);
  vga_putc(c);
}

static void
log_device_putc(char c)
{
  serial_putc(SERIAL_LOG, c);
}

/* For smp_start_ap, which waits for each CPU it starts. */
static void
sleep_one_tick(void)
{
  timer_sleep(1);
}

/* Bring up the other CPUs the firmware lists, each into the scheduler
   (docs/smp.md).  Nothing happens on a one-CPU machine. */
static void
start_other_cpus(void)
{
  if (smp_cpus_listed() < 2)
    return;
  intr_register_local(VEC_IPI_TLB, tlb_interrupt, "TLB shootdown IPI");
  timer_calibrate_local();
  while (cpu_count < smp_cpus_listed()) {
    struct thread *idle = thread_create_idle();
    if (idle == NULL ||
        !smp_start_ap(idle->kstack_top, thread_run_cpu, idle, sleep_one_tick))
      break;
  }
  klog_printf("cpu: %d of %d running\n", cpu_count, smp_cpus_listed());
}

void
kmain(uint32_t magic, uint32_t info_pa)
{
  uintptr_t ram_end;
  percpu_init(&cpus[0]);
  serial_init();
  console_init(console_device_putc, log_device_putc);
  thread_init();
  read_multiboot(magic, info_pa, &ram_end);
  malloc_init();
  mmu_init(ram_end);
  gdt_init(0);
  intr_init();
  timer_init();
  input_init();
  console_init_lock();
  serial_init_irq();
  exception_init();
  syscall_init();
  thread_start();
  start_other_cpus();
  ide_init();
  mount_filesys();
  process_init();
  vm_init();

  printf("Boot complete.\n");
  log_memory("boot");
  run_actions(parse_options(argv + 1)); /* argv[0]: the kernel's path */
  if (power_off_when_done)
    shutdown_power_off();
  thread_exit();
}

void
shutdown_power_off(void)
{
  /* Give orphans that are already exiting a moment to finish, so the leak
     check can run (log_memory also waits for exiting threads to be gone);
     never from a process (halt), which would wait on itself. */
  if (thread_current()->process == NULL)
    for (int i = 0; i < 50 && process_live_count() > 0; i++)
      timer_sleep(1);
  filesys_done(); /* Unmount first: see fs_kernel_pages. */
  log_memory("halt");
  vm_print_stats();
  exception_print_stats();
  block_print_stats();
  thread_print_stats();
  tlb_print_stats();
  timer_print_stats();
  printf("Powering off...\n");
  power_off();
}
