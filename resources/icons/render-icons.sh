#!/usr/bin/env bash
# Renders the committed hicolor PNGs from the hand-written SVGs. Run it after changing a drawing,
# then look at the results; the build uses the committed PNGs and needs no SVG renderer.
# Needs rsvg-convert (Debian package librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
id=io.github.enrollmentdesk.EnrollmentDesk
for size in 16 32 48 64 128 256; do
    source=hicolor/scalable/apps/$id.svg
    # At 16 px the scalable drawing blurs; a pixel-fitted one stands in.
    [ "$size" -eq 16 ] && source=small/$id-16.svg
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" "$source" --output "hicolor/${size}x${size}/apps/$id.png"
done
