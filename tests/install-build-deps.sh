#!/usr/bin/env bash
# Installs what Enrollment Desk needs to build and test on Debian 12, from Debian's own packages.
set -euo pipefail

packages=(
    cmake g++ make pkgconf
    qt6-base-dev qt6-base-dev-tools libgl-dev
    libssl-dev
    libxlsxwriter-dev # the XLSX export
    libquazip1-qt6-dev # the XLSX read-back tests open the zip with it
    libreoffice-calc-nogui python3 # tests/export/libreoffice-roundtrip.sh (label spreadsheet)
    curl time # the export benchmark: its floor and its RSS
    clang-14 libclang-rt-14-dev # the asan and fuzz presets: sanitizers and libFuzzer
)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Installing ${missing[*]} needs root: run this as root or install sudo." >&2; exit 1; }
    as_root=(sudo)
fi
"${as_root[@]}" apt-get update
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
