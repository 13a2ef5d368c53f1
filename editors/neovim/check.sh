#!/bin/sh
# Opens a customer file with an unknown key in Neovim, headless, with `cardfile lsp` as its
# language server, and prints the diagnostics Neovim received (editors/neovim/check.lua).
# Exits 0 when they came. CARDFILE names the binary (default: cardfile on the PATH);
# CARDFILE_TODAY, if set, is passed as --today.
#
#   CARDFILE=target/debug/cardfile sh editors/neovim/check.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# A relative path to the binary is taken from here, before the script moves.
case "${CARDFILE:-}" in
  */*) CARDFILE=$(cd "$(dirname "$CARDFILE")" && pwd)/$(basename "$CARDFILE"); export CARDFILE ;;
esac
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/records/customers"
printf '[[member]]\nid = "li"\nname = "Li Na"\n' >"$dir/records/team.toml"
printf 'name = "Acme Trading"\nowner = "li"\nphone = "1"\nnmae = "typo"\n' >"$dir/records/customers/acme.toml"
cd "$dir"
nvim --headless -u NONE -i NONE -n -c "luafile $here/check.lua" records/customers/acme.toml </dev/null 2>/dev/null
