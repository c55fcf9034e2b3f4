#!/usr/bin/env bash
# Builds and runs a separate SwiftPM package that depends on this repository by path, as a
# library user's would: README.md's snippet and docs/library.md's first complete example, copied
# as they are written, each as an executable. Any failure fails the script.
#
#   scripts/check-library-package.sh [SCRATCH_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
identity=$(basename "$repo")   # SwiftPM's package identity: the path's last component
work=${1:-$(mktemp -d)}
mkdir -p "$work/Sources/readme" "$work/Sources/guide"

# The first ```swift block of a Markdown file (after the first line matching $2, if given).
first_swift_block() {
  awk -v after="${2:-}" '
    after != "" && !seen && index($0, after) == 1 { seen = 1; next }
    (after == "" || seen) && !inside && $0 == "```swift" { inside = 1; next }
    inside && $0 == "```" { exit }
    inside { print }' "$1"
}
first_swift_block README.md > "$work/Sources/readme/main.swift"
first_swift_block docs/library.md "## A first search" > "$work/Sources/guide/main.swift"
for f in readme guide; do
  grep -q "^import Parzen" "$work/Sources/$f/main.swift" || { echo "check-library-package: no snippet found for $f" >&2; exit 1; }
done

cat > "$work/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "parzen-consumer",
    dependencies: [.package(path: "$repo")],
    targets: [
        .executableTarget(name: "readme", dependencies: [.product(name: "Parzen", package: "$identity")]),
        .executableTarget(name: "guide", dependencies: [.product(name: "Parzen", package: "$identity")]),
    ]
)
MANIFEST

cd "$work"
swift build
"$(swift build --show-bin-path)/readme"
"$(swift build --show-bin-path)/guide"
echo "check-library-package: README's snippet and the guide's first example build and run against $repo"
