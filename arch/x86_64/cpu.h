/* SPDX-License-Identifier: MIT */
#ifndef ARCH_X86_64_CPU_H
#define ARCH_X86_64_CPU_H

/* Port I/O, control registers and MSRs.  Only arch/x86_64 and device
   drivers include this. */

#include <stddef.h>
#include <stdint.h>

static inline uint8_t
inb(uint16_t port)
{
  uint8_t v;
  asm volatile("inb %w1, %b0" : "=a"(v) : "Nd"(port));
  return v;
}

static inline uint16_t
inw(uint16_t port)
{
  uint16_t v;
  asm volatile("inw %w1, %w0" : "=a"(v) : "Nd"(port));
  return v;
}

static inline uint32_t
inl(uint16_t port)
{
  uint32_t v;
  asm volatile("inl %w1, %0" : "=a"(v) : "Nd"(port));
  return v;
}

static inline void
outb(uint16_t port, uint8_t v)
{
  asm volatile("outb %b0, %w1" : : "a"(v), "Nd"(port));
}

static inline void
outw(uint16_t port, uint16_t v)
{
  asm volatile("outw %w0, %w1" : : "a"(v), "Nd"(port));
}

static inline void
outl(uint16_t port, uint32_t v)
{
  asm volatile("outl %0, %w1" : : "a"(v), "Nd"(port));
}

/* Read CNT 16-bit words from PORT into BUF. */
static inline void
insw(uint16_t port, void *buf, size_t cnt)
{
  asm volatile("rep insw" : "+D"(buf), "+c"(cnt) : "d"(port) : "memory");
}

/* Write CNT 16-bit words from BUF to PORT. */
static inline void
outsw(uint16_t port, const void *buf, size_t cnt)
{
  asm volatile("rep outsw" : "+S"(buf), "+c"(cnt) : "d"(port));
}

/* Write CNT bytes from BUF to PORT. */
static inline void
outsb(uint16_t port, const void *buf, size_t cnt)
{
  asm volatile("rep outsb" : "+S"(buf), "+c"(cnt) : "d"(port) : "memory");
}

/* The time-stamp counter (under QEMU -icount: guest instructions). */
static inline uint64_t
rdtsc(void)
{
  uint32_t lo, hi;
  asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
  return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t
rdmsr(uint32_t msr)
{
  uint32_t lo, hi;
  asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
  return ((uint64_t)hi << 32) | lo;
}

static inline void
wrmsr(uint32_t msr, uint64_t v)
{
  asm volatile("wrmsr"
               :
               : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32)));
}

static inline uint64_t
rcr2(void)
{
  uint64_t v;
  asm volatile("mov %%cr2, %0" : "=r"(v));
  return v;
}

static inline uint64_t
rcr3(void)
{
  uint64_t v;
  asm volatile("mov %%cr3, %0" : "=r"(v));
  return v;
}

static inline void
lcr3(uint64_t v)
{
  asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64_t
read_rflags(void)
{
  uint64_t v;
  asm volatile("pushfq; popq %0" : "=r"(v));
  return v;
}

static inline void
cpu_halt(void)
{
  asm volatile("hlt");
}

#define RFLAGS_IF 0x200

#endif
