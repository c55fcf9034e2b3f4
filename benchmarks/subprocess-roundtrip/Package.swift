// swift-tools-version:6.0
// The round trip of the external-program protocol through ParzenBench's `ChildProcess` and through
// swift-subprocess, measured side by side (docs/architecture.md, "Why not swift-subprocess").
// A package of its own so that the main package does not depend on swift-subprocess;
// benchmarks/subprocess_roundtrip.sh builds and runs it.
import PackageDescription

// SwiftPM names a path dependency after its folder, so the main package is named after whatever
// folder it is checked out in.
let parzen = String(Context.packageDirectory.split(separator: "/").dropLast(2).last ?? "parzen").lowercased()

let package = Package(
    name: "subprocess-roundtrip",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swiftlang/swift-subprocess", exact: "1.0.2"),
    ],
    targets: [
        .executableTarget(
            name: "subprocess-roundtrip",
            dependencies: [
                .product(name: "ParzenBench", package: parzen),
                .product(name: "Subprocess", package: "swift-subprocess"),
            ]),
    ]
)
