# tests/setup.sh: what the test scripts (install.sh, man_page.sh,
# parallel.sh) share, sourced after `set -eu`: the C locale, a temporary
# directory $tmp removed at exit, and fail, which says what failed and sets
# $failed, the script's exit status.
LC_ALL=C
export LC_ALL
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mojifix-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
    echo "FAIL $*" >&2
    failed=1
}
