#!/bin/bash
# SPDX-License-Identifier: MIT
# pagoda-disk end to end: format a 10-unit image, round-trip binary files
# of awkward sizes byte for byte, replace, list, remove, refuse bad names
# and bad images, and keep fsck clean throughout.
#
#   check-tool.sh PAGODA-DISK WORKDIR
set -u
tool=$1 dir=$2
rm -rf "$dir" && mkdir -p "$dir"
img=$dir/fs.img
fails=0
bad() { echo "tool: $*"; fails=$((fails + 1)); }
fsck_ok() { [ "$("$tool" "$img" fsck)" = "fsck: $img: ok" ] || bad "fsck not ok after $1"; }

truncate -s $((20160 * 512)) "$img"
"$tool" "$img" format || bad "format failed"
fsck_ok format
sizes="0 1 511 512 513 4096 65537 3000000"
for n in $sizes; do
  head -c "$n" /dev/urandom > "$dir/in$n"
  "$tool" "$img" put "$dir/in$n" "f$n" || bad "put of $n bytes failed"
done
fsck_ok put
for n in $sizes; do
  "$tool" "$img" get "f$n" "$dir/out$n" || bad "get f$n failed"
  cmp -s "$dir/in$n" "$dir/out$n" || bad "f$n differs after round trip"
  "$tool" "$img" get "f$n" - | cmp -s - "$dir/in$n" || bad "get f$n - differs"
done
# ls: one `SIZE NAME' line per file, in creation order.
want=$(for n in $sizes; do printf '%10d %s\n' "$n" "f$n"; done)
[ "$("$tool" "$img" ls)" = "$want" ] || bad "ls output differs"
# put replaces an existing name; the default name is the host basename.
head -c 777 /dev/urandom > "$dir/in1"
"$tool" "$img" put "$dir/in1" f1 && "$tool" "$img" get f1 "$dir/o" &&
  cmp -s "$dir/in1" "$dir/o" || bad "replacing put"
cp "$dir/in4096" "$dir/base-name"
"$tool" "$img" put "$dir/base-name" && "$tool" "$img" get base-name - |
  cmp -s - "$dir/in4096" || bad "default name"
"$tool" "$img" rm f3000000 || bad "rm failed"
"$tool" "$img" get f3000000 "$dir/o" 2>/dev/null && bad "get of removed file"
"$tool" "$img" rm f3000000 2>/dev/null && bad "second rm succeeded"
"$tool" "$img" put "$dir/in1" 123456789012345 2>/dev/null && bad "15-byte name"
"$tool" "$img" put "$dir/in1" 12345678901234 || bad "14-byte name"
"$tool" "$img" put "$dir/in1" a/b 2>/dev/null && bad "name with /"
fsck_ok "rm and replace"
# A file too big for the disk fails cleanly.
head -c 11000000 /dev/zero > "$dir/huge"
"$tool" "$img" put "$dir/huge" 2>/dev/null && bad "oversized put succeeded"
fsck_ok "failed put"
# Errors: usage, missing image, not a file system.
"$tool" "$img" 2>/dev/null; [ $? -eq 2 ] || bad "usage exit code"
"$tool" "$dir/missing.img" ls 2>/dev/null && bad "missing image accepted"
head -c 100000 /dev/urandom > "$dir/junk.img"
"$tool" "$dir/junk.img" ls 2>/dev/null && bad "junk image accepted"
echo "pagoda-disk checks: $fails failed"
[ $fails -eq 0 ]
