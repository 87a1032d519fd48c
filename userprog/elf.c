/* SPDX-License-Identifier: MIT */
/* The ELF64 loader (pintos-abi.md section 4): load → pml4_create →
 * load_segment → vm_alloc_page_with_initializer → setup_stack.
 *
 * Nothing is read into user memory here.  load_segment records one uninit
 * page per page of each PT_LOAD segment that holds file bytes, with a load
 * recipe (which file bytes go where in the page), and the whole pages of
 * BSS after them as one lazy region.  lazy_load_segment runs the recipe at
 * the first fault.  Segments may share a page (since binutils 2.31 the
 * headers and the text do): the second segment adds a piece to the page's
 * recipe and the page gets the union of the permissions.  Writable pages
 * become anonymous once loaded; read-only ones stay file-backed, so
 * eviction can drop them and re-read them from the program.  Everything
 * about pages goes through the VM's API (vm/vm.h). */

#include "userprog/elf.h"

#include <debug.h>
#include <round.h>
#include <string.h>

#include "arch/x86_64/gdt.h"
#include "arch/x86_64/intr-frame.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "mm/malloc.h"
#include "mm/vaddr.h"
#include "vm/addrspace.h"
#include "vm/vm.h"

struct elf64_ehdr {
  uint8_t ident[16];
  uint16_t type, machine;
  uint32_t version;
  uint64_t entry, phoff, shoff;
  uint32_t flags;
  uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct elf64_phdr {
  uint32_t type, flags;
  uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

enum { PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_SHLIB, PT_PHDR };
#define PF_W 2
#define ET_EXEC 2
#define EM_X86_64 0x3e
#define PHNUM_MAX 1024

/* Content initializer of program pages: run the page's recipe against
   the program file. */
static bool
lazy_load_segment(struct page *page, const struct load_recipe *recipe)
{
  return vm_load_recipe(page, recipe);
}

static bool
header_ok(const struct elf64_ehdr *h, off_t flen)
{
  static const uint8_t magic[7] = {0x7f, 'E', 'L', 'F', 2, 1, 1};
  return memcmp(h->ident, magic, sizeof magic) == 0 && h->type == ET_EXEC &&
         h->machine == EM_X86_64 && h->version == 1 &&
         h->phentsize == sizeof(struct elf64_phdr) && h->phnum <= PHNUM_MAX &&
         h->phoff <= (uint64_t)flen &&
         h->phnum * sizeof(struct elf64_phdr) <= (uint64_t)flen - h->phoff &&
         h->entry >= PGSIZE && h->entry < KERN_BASE;
}

static bool
phdr_ok(const struct elf64_phdr *ph, off_t flen)
{
  return (ph->offset & PGMASK) == (ph->vaddr & PGMASK) &&
         ph->offset <= (uint64_t)flen &&
         ph->filesz <= (uint64_t)flen - ph->offset && ph->memsz >= ph->filesz &&
         ph->memsz != 0 && ph->vaddr >= PGSIZE &&
         ph->vaddr + ph->memsz > ph->vaddr &&
         ph->vaddr + ph->memsz <= KERN_BASE;
}

/* Record the page at UPAGE of a segment: LEN file bytes from OFS at
   PAGE_OFS, zeros elsewhere.  Creates the page, or adds to the one an
   earlier segment made there (segments may share a page). */
static bool
add_page(uint8_t *upage, off_t ofs, size_t page_ofs, size_t len, bool writable)
{
  struct load_recipe recipe = recipe_one(len > 0 ? ofs : 0, page_ofs, len);
  if (spt_find_page(&addrspace_current()->spt, upage) != NULL)
    return vm_extend_lazy_page(upage, &recipe, writable);
  /* A loaded writable page is anonymous from then on (pintos-abi.md 7.6);
     a read-only one stays file-backed, so eviction can drop it. */
  return vm_alloc_page_with_initializer(
      writable ? VM_ANON : VM_FILE, upage, writable,
      len > 0 ? lazy_load_segment : NULL, &recipe);
}

/* Record the pages of one PT_LOAD segment: FILESZ bytes of FILE from
   OFFSET at VADDR, then zeros to MEMSZ.  Whole pages of zeros at the end
   (the BSS) become one lazy region. */
static bool
load_segment(const struct elf64_phdr *ph)
{
  bool writable = ph->flags & PF_W;
  uint64_t va = ph->vaddr, end = ph->vaddr + ph->memsz;
  uint64_t file_end = ph->vaddr + ph->filesz;
  struct supplemental_page_table *spt = &addrspace_current()->spt;
  while (va < end) {
    uint8_t *upage = pg_round_down((void *)va);
    size_t page_ofs = va - (uint64_t)upage;
    uint64_t page_end = (uint64_t)upage + PGSIZE;
    if (va >= file_end && page_ofs == 0 && spt_find_page(spt, upage) == NULL)
      return vm_alloc_zero_region(upage, (ROUND_UP(end, PGSIZE) - va) / PGSIZE,
                                  writable);
    size_t len =
        file_end > va ? (file_end < page_end ? file_end : page_end) - va : 0;
    off_t ofs = ph->offset + (va - ph->vaddr);
    if (!add_page(upage, ofs, page_ofs, len, writable))
      return false;
    va = page_end;
  }
  return true;
}

static bool
load_segments(struct file *file, const struct elf64_ehdr *h)
{
  off_t flen = file_length(file);
  for (int i = 0; i < h->phnum; i++) {
    struct elf64_phdr ph;
    if (file_read_at(file, &ph, sizeof ph, h->phoff + i * sizeof ph) !=
        sizeof ph)
      return false;
    if (ph.type == PT_DYNAMIC || ph.type == PT_INTERP || ph.type == PT_SHLIB)
      return false;
    if (ph.type != PT_LOAD)
      continue;
    if (!phdr_ok(&ph, flen) || !load_segment(&ph))
      return false;
  }
  return true;
}

/* Copy ARGV onto the stack page at KVA (user address USER_STACK - PGSIZE)
   as pintos-abi.md 4.4 lays it out; return the user rsp, or 0 if strings
   and pointers do not fit in the page.  From the top: the strings, padding
   to 8 bytes, argv[argc] = NULL and argv[argc-1..0], the fake return
   address at rsp, and one more padding word below the strings when needed
   for rsp = 8 (mod 16).  Every offset is checked before it is used, so no
   length can make one wrap. */
static uintptr_t
push_args(uint8_t *kva, char **argv, int argc)
{
  size_t strings = 0;
  for (int i = 0; i < argc; i++)
    strings += strlen(argv[i]) + 1;
  size_t words = (size_t)argc + 2; /* argv[0..argc] and the return slot. */
  if (strings > PGSIZE || words > PGSIZE / 8)
    return 0;
  size_t below = (PGSIZE - strings) & ~(size_t)7;
  if (below < words * 8)
    return 0;
  size_t rsp_ofs = below - words * 8;
  if (rsp_ofs % 16 != 8) {
    if (rsp_ofs < 8)
      return 0;
    rsp_ofs -= 8;
  }
  uintptr_t base = USER_STACK - PGSIZE;
  uint64_t *uargv = (uint64_t *)(kva + rsp_ofs + 8);
  size_t top = PGSIZE;
  for (int i = argc - 1; i >= 0; i--) {
    size_t len = strlen(argv[i]) + 1;
    top -= len;
    memcpy(kva + top, argv[i], len);
    uargv[i] = base + top;
  }
  uargv[argc] = 0;
  *(uint64_t *)(kva + rsp_ofs) = 0; /* Fake return address. */
  return base + rsp_ofs;
}

/* The first stack page, claimed at once, holding ARGV.  The address
   space's lock is held across the claim and the fill, so the page cannot
   be evicted before its arguments are in. */
static uintptr_t
setup_stack(char **argv, int argc)
{
  void *stack_bottom = (void *)(USER_STACK - PGSIZE);
  enum vm_fault_result why;
  void *kva;
  if (!vm_alloc_page(VM_ANON, stack_bottom, true) ||
      (kva = vm_claim_page(stack_bottom, &why)) == NULL)
    return 0;
  uintptr_t rsp = push_args(kva, argv, argc);
  /* Written through the kernel's alias, not the user mapping: mark the
     page dirty so that eviction saves it. */
  pml4_set_dirty(addrspace_current()->pml4, stack_bottom, true);
  return rsp;
}

static void
set_entry_frame(struct intr_frame *f, uint64_t entry, uintptr_t rsp, int argc)
{
  memset(f, 0, sizeof *f);
  f->rip = entry;
  f->cs = SEL_UCSEG;
  f->ss = SEL_UDSEG;
  f->rflags = 0x202; /* IF, and the always-one bit 1. */
  f->rsp = rsp;
  f->r.rdi = argc;
  f->r.rsi = rsp + 8;
}

enum load_result
load(char **argv, int argc, struct intr_frame *f)
{
  struct addrspace *as = addrspace_current();
  ASSERT(as != NULL && as->pml4 == NULL && as->exec_file == NULL);
  struct file *file = filesys_open(argv[0]);
  if (file == NULL)
    return LOAD_OPEN_FAILED;
  file_deny_write(file);
  as->exec_file = file;
  as->pml4 = pml4_create();
  if (as->pml4 == NULL)
    return LOAD_BAD;
  addrspace_activate(as);

  struct elf64_ehdr h;
  if (file_read_at(file, &h, sizeof h, 0) != sizeof h ||
      !header_ok(&h, file_length(file)))
    return LOAD_BAD;
  lock_acquire(&as->lock);
  uintptr_t rsp = load_segments(file, &h) ? setup_stack(argv, argc) : 0;
  lock_release(&as->lock);
  if (rsp == 0)
    return LOAD_BAD;
  set_entry_frame(f, h.entry, rsp, argc);
  return LOAD_OK;
}
