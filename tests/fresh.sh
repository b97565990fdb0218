#!/bin/sh
# fresh.sh COMMITTED FRESH GENERATOR [INPUT...]: runs `GENERATOR INPUT...
# FRESH` and fails unless FRESH is byte for byte the COMMITTED generated file.
set -eu
committed=$1 fresh=$2
shift 2
"$@" "$fresh"
if ! cmp -s "$committed" "$fresh"; then
    diff -u "$committed" "$fresh" | head -n 40
    echo "$committed is out of date: run \`cmake --build build --target regen\` and commit it" >&2
    exit 1
fi
echo "$committed is up to date"
