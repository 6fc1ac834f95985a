#!/usr/bin/env bash
# CI: build the Debian package from a release build, check what is in it, validate its desktop
# entry and AppStream metainfo, install it, run the installed program, and remove it again.
# Runs as root (it uses apt-get). The build directory is build-package-ci, or $PACKAGE_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
build_dir=${PACKAGE_BUILD_DIR:-$source_dir/build-package-ci}
app_id=io.github.enrollmentdesk.EnrollmentDesk

fail() {
    echo "ci-package: FAILED: $*" >&2
    exit 1
}
step() { echo "== $*"; }

[ "$(id -u)" -eq 0 ] || fail "run this as root: it installs tools and the package with apt-get."

step "Installing the build dependencies and the packaging tools"
tests/install-build-deps.sh
export DEBIAN_FRONTEND=noninteractive
tools=(dpkg-dev desktop-file-utils appstream man-db)
missing=()
for package in "${tools[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

step "Building a release build in $build_dir"
cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DENROLLMENT_DESK_BUILD_TESTS=OFF
cmake --build "$build_dir" -j2

step "Packaging"
cd "$build_dir"
rm -f enrollment-desk_*.deb
cpack -G DEB
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' CPackConfig.cmake)
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in CPackConfig.cmake."
deb=$build_dir/enrollment-desk_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || fail "cpack did not write $deb; it wrote: $(ls ./*.deb 2>/dev/null)."
echo "$deb"

work=$(mktemp -d)
installed=false
cleanup() {
    if $installed; then
        step "Removing the package"
        apt-get remove -y enrollment-desk
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "Checking the control fields"
dpkg-deb --field "$deb" Package Version Architecture Depends
depends=$(dpkg-deb --field "$deb" Depends)
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "the package's Version is not $version."
for dependency in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libssl3; do
    tr ',|' '\n' <<<"$depends" | awk '{ print $1 }' | grep -qxF "$dependency" ||
        fail "Depends lacks $dependency: $depends"
done

step "Checking the contents"
dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >"$work/contents"
expected=(
    /usr/bin/enrollment-desk
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/man/man1/enrollment-desk.1.gz
    /usr/share/doc/enrollment-desk/copyright
    /usr/share/doc/enrollment-desk/changelog.gz
)
for size in 16 32 48 64 128 256; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for path in "${expected[@]}"; do
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path."
done
echo "all ${#expected[@]} files present"

dpkg-deb --extract "$deb" "$work/root"
for size in 16 32 48 64 128 256; do
    png=$work/root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png
    # A PNG's width and height are the big-endian words at bytes 16 and 20.
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" |
        awk '{ print $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }')
    [ "$width $height" = "$size $size" ] || fail "the ${size}x${size} icon is ${width}x${height}."
done

step "Validating the desktop entry"
desktop-file-validate "$work/root/usr/share/applications/$app_id.desktop"
echo "desktop-file-validate: no errors"

step "Validating the metainfo"
metainfo=$work/root/usr/share/metainfo/$app_id.metainfo.xml
appstreamcli validate --no-net "$metainfo"
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo's releases do not name $version."

step "Rendering the man page"
MANWIDTH=80 man -l "$work/root/usr/share/man/man1/enrollment-desk.1.gz" >"$work/man.txt" 2>"$work/man.err"
[ ! -s "$work/man.err" ] || fail "man reported: $(cat "$work/man.err")"
for section in SYNOPSIS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
    grep -q "^$section" "$work/man.txt" || fail "the man page has no $section section."
done
echo "man page renders with every section"

step "Installing the package"
installed=true
apt-get install -y --no-install-recommends "$deb"

step "Running the installed program"
printed=$(/usr/bin/enrollment-desk --version)
echo "$printed"
[ "$printed" = "enrollment-desk $version" ] || fail "--version printed '$printed', not 'enrollment-desk $version'."

csv=$work/accounts.csv
/usr/bin/enrollment-desk --demo --quiet --export "$csv" || fail "--demo --export exited with $?."
# Reasons may hold line breaks inside quotes: a record ends at a line end outside quotes.
records=$(awk '{ quotes += gsub(/"/, "\"") } quotes % 2 == 0 { records++ } END { print records + 0 }' "$csv")
# The demo organization has 2,500 accounts Compute Optimizer lists and 4 it does not (Not listed).
[ "$records" -eq 2505 ] || fail "the demo export has $records CSV records, not 2,505 (a header, 2,500 listed accounts and 4 Not listed)."
head -n 1 "$csv" | grep -q "^Account ID," || fail "the demo export's header is $(head -n 1 "$csv")."
echo "demo export: $records records, header included"

echo "ci-package: the package builds, validates, installs and runs."
