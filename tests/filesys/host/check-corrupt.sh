#!/bin/bash
# SPDX-License-Identifier: MIT
# Builds the corrupt-image corpus and checks that every damaged image is
# refused cleanly: `pagoda-disk fsck' exits 1 with exactly one line
# `fsck: IMAGE: REASON' and nothing on stderr (no sanitizer report), and
# the hosted mount (filesys_init) refuses it ("leak" images: the mount
# accepts them, only the strict fsck refuses).  The base image must pass.
#
#   check-corrupt.sh GENERATOR PAGODA-DISK OUTDIR
set -u
gen=$1 tool=$2 dir=$3
rm -rf "$dir" && mkdir -p "$dir"
"$gen" "$dir" || { echo "corrupt: generator failed"; exit 1; }

fails=0 count=0
while read -r name expect; do
  img=$dir/$name.img
  count=$((count + 1))
  out=$("$tool" "$img" fsck 2>"$dir/$name.err"); rc=$?
  lines=$(printf '%s\n' "$out" | wc -l)
  if [ "$expect" = ok ]; then
    want_rc=0 want_mount=3
  else
    want_rc=1 want_mount=0
    [ "$expect" = leak ] && want_mount=3
  fi
  problem=
  [ $rc -eq $want_rc ] || problem="fsck exit $rc, want $want_rc"
  [ "$lines" -eq 1 ] || problem="fsck printed $lines lines"
  case $out in "fsck: $img: "*) ;; *) problem="fsck line: $out" ;; esac
  [ -s "$dir/$name.err" ] && problem="fsck stderr: $(head -3 "$dir/$name.err")"
  mout=$("$gen" --mount "$img" 2>"$dir/$name.merr"); mrc=$?
  [ $mrc -eq $want_mount ] || problem="$problem; mount exit $mrc, want $want_mount"
  [ -s "$dir/$name.merr" ] && problem="$problem; mount stderr: $(head -3 "$dir/$name.merr")"
  if [ $want_mount -eq 0 ] && [ "$(printf '%s\n' "$mout" | grep -c '^filesys: ')" -ne 1 ]; then
    problem="$problem; mount printed: $mout"
  fi
  if [ -n "$problem" ]; then
    echo "corrupt: $name: $problem"
    fails=$((fails + 1))
  fi
done < "$dir/MANIFEST"
echo "corrupt images: $count checked, $fails failed"
[ $fails -eq 0 ]
