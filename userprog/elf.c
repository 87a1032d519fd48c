/* SPDX-License-Identifier: MIT */
/* The ELF64 loader (pintos-abi.md section 4).
 *
 * Nothing is read into user memory here.  load_segment records one uninit
 * page per page of each PT_LOAD segment, holding a load recipe: which file
 * bytes go where in the page.  lazy_load_segment runs the recipe at the
 * first fault.  Segments may share a page (since binutils 2.31 the headers
 * and the text do): the second segment adds a piece to the page's recipe
 * and the page gets the union of the permissions.  Writable pages become
 * anonymous once loaded; read-only ones stay file-backed, so eviction can
 * drop them and re-read them from the program. */

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
#include "userprog/process.h"
#include "vm/frame.h"
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

/* Content initializer of program pages: run the page's recipe. */
static bool
lazy_load_segment(struct page *page, void *aux)
{
  return vm_load_from_aux(page, aux);
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

/* Add to the page at UPAGE: LEN file bytes from OFS at PAGE_OFS.  Creates
   the page, or merges into the one an earlier segment made. */
static bool
add_piece(struct process *p, struct file *file, uint8_t *upage, off_t ofs,
          size_t page_ofs, size_t len, bool writable)
{
  struct supplemental_page_table *spt = &p->spt;
  struct page *page = spt_find_page(spt, upage);
  if (page != NULL) {
    if (VM_TYPE(page->operations->type) != VM_UNINIT)
      return false;
    if (page->uninit.aux == NULL) { /* A BSS-only page so far. */
      struct file_page *fresh = calloc(1, sizeof *fresh);
      if (fresh == NULL)
        return false;
      fresh->recipe.file = file;
      page->uninit.aux = fresh;
      page->uninit.init = lazy_load_segment;
    }
    struct file_page *aux = page->uninit.aux;
    if (aux->recipe.cnt == RECIPE_PIECES)
      return false;
    struct load_recipe *r = &aux->recipe;
    r->file_ofs[r->cnt] = ofs;
    r->page_ofs[r->cnt] = page_ofs;
    r->len[r->cnt++] = len;
    page->writable = page->writable_now = page->writable || writable;
    page->uninit.type = page->writable ? VM_ANON : VM_FILE;
    return true;
  }
  if (len == 0) /* Pure BSS: a zero page needs no recipe. */
    return vm_alloc_page_locked(spt, VM_ANON, upage, writable, NULL, NULL);
  struct file_page *aux = calloc(1, sizeof *aux);
  if (aux == NULL)
    return false;
  aux->recipe = (struct load_recipe){.file = file, .cnt = 1};
  aux->recipe.file_ofs[0] = ofs;
  aux->recipe.page_ofs[0] = page_ofs;
  aux->recipe.len[0] = len;
  if (!vm_alloc_page_locked(spt, writable ? VM_ANON : VM_FILE, upage, writable,
                            lazy_load_segment, aux)) {
    free(aux);
    return false;
  }
  return true;
}

/* Record the pages of one PT_LOAD segment: FILESZ bytes of FILE from OFS
   at VADDR, then zeros to MEMSZ. */
static bool
load_segment(struct process *p, struct file *file, const struct elf64_phdr *ph)
{
  bool writable = ph->flags & PF_W;
  uint64_t va = ph->vaddr, end = ph->vaddr + ph->memsz;
  uint64_t file_end = ph->vaddr + ph->filesz;
  while (va < end) {
    uint8_t *upage = pg_round_down((void *)va);
    size_t page_ofs = va - (uint64_t)upage;
    uint64_t page_end = (uint64_t)upage + PGSIZE;
    size_t len =
        file_end > va ? (file_end < page_end ? file_end : page_end) - va : 0;
    off_t ofs = ph->offset + (va - ph->vaddr);
    if (!add_piece(p, file, upage, len ? ofs : 0, page_ofs, len, writable))
      return false;
    va = page_end;
  }
  return true;
}

static bool
load_segments(struct process *p, struct file *file, const struct elf64_ehdr *h)
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
    if (!phdr_ok(&ph, flen) || !load_segment(p, file, &ph))
      return false;
  }
  return true;
}

/* Copy ARGV onto the stack page at KVA (user address USER_STACK - PGSIZE)
   as pintos-abi.md 4.4 lays it out; return the user rsp, or 0 if it does
   not fit in the page. */
static uintptr_t
push_args(uint8_t *kva, char **argv, int argc)
{
  uintptr_t base = USER_STACK - PGSIZE;
  size_t top = PGSIZE;
  uintptr_t uargv[argc + 1];
  for (int i = argc - 1; i >= 0; i--) {
    size_t len = strlen(argv[i]) + 1;
    if (len > top)
      return 0;
    top -= len;
    memcpy(kva + top, argv[i], len);
    uargv[i] = base + top;
  }
  uargv[argc] = 0;
  top &= ~(size_t)7;
  size_t need = (argc + 2) * sizeof(uint64_t);
  if ((top - need) % 16 != 8)
    top -= 8;
  if (top < need + 8)
    return 0;
  top -= need;
  uint64_t *sp = (uint64_t *)(kva + top);
  sp[0] = 0; /* fake return address */
  memcpy(sp + 1, uargv, (argc + 1) * sizeof(uint64_t));
  return base + top;
}

/* The first stack page, claimed at once, holding ARGV. */
static uintptr_t
setup_stack(struct process *p, char **argv, int argc)
{
  void *upage = (void *)(USER_STACK - PGSIZE);
  struct supplemental_page_table *spt = &p->spt;
  lock_acquire(&spt->lock);
  bool ok = vm_alloc_page_locked(spt, VM_ANON, upage, true, NULL, NULL);
  lock_release(&spt->lock);
  if (!ok || !vm_claim_page(upage))
    return 0;
  lock_acquire(&spt->lock);
  struct page *page = spt_find_page(spt, upage);
  page->anon.has_data = true;
  uintptr_t rsp = push_args(page->frame->kva, argv, argc);
  lock_release(&spt->lock);
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
elf_load(struct process *p, char **argv, int argc, struct intr_frame *f)
{
  struct file *file = filesys_open(argv[0]);
  if (file == NULL)
    return LOAD_OPEN_FAILED;
  file_deny_write(file);
  p->exec_file = file;
  p->spt.exec_file = file;

  struct elf64_ehdr h;
  if (file_read_at(file, &h, sizeof h, 0) != sizeof h ||
      !header_ok(&h, file_length(file)))
    return LOAD_BAD;
  lock_acquire(&p->spt.lock);
  bool ok = load_segments(p, file, &h);
  lock_release(&p->spt.lock);
  if (!ok)
    return LOAD_BAD;
  uintptr_t rsp = setup_stack(p, argv, argc);
  if (rsp == 0)
    return LOAD_BAD;
  set_entry_frame(f, h.entry, rsp, argc);
  return LOAD_OK;
}
