// swift-tools-version:6.0
// Swift 6 language mode (strict concurrency) for every target.
import PackageDescription

// `PARZEN_INTERNAL_CHECKS=1 swift build` (or test) compiles the internal checks: TPE re-checks its
// observation cache against one rebuilt from the history on every call. Slower; for tests.
let internalChecks: [SwiftSetting] =
    Context.environment["PARZEN_INTERNAL_CHECKS"] == "1" ? [.define("PARZEN_INTERNAL_CHECKS")] : []

let package = Package(
    name: "Parzen",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "GSLKit", targets: ["GSLKit"]),
        .library(name: "Parzen", targets: ["Parzen"]),
        .library(name: "ParzenBench", targets: ["ParzenBench"]),
        .executable(name: "parzen", targets: ["parzen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Tests only: property-based tests (PropertyTests).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // MARK: - C: the shim of GSL, and the GP's AVX products (the only places C is visible)
        .systemLibrary(
            name: "CGSL", pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]),
        .target(name: "CKernels"),

        // MARK: - Libraries (dependencies run one way: parzen → ParzenBench → Parzen → GSLKit → CGSL;
        // Parzen → CKernels)
        .target(name: "GSLKit", dependencies: ["CGSL"]),
        .target(name: "Parzen", dependencies: ["GSLKit", "CKernels"], swiftSettings: internalChecks),
        .target(name: "ParzenBench", dependencies: ["Parzen", "GSLKit", .product(name: "Yams", package: "Yams")]),

        // MARK: - Command line
        .executableTarget(
            name: "parzen",
            dependencies: [
                "ParzenBench", "Parzen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // MARK: - The Swift snippets of README.md and docs/library.md, compiled and run
        .executableTarget(name: "library-guide", dependencies: ["Parzen"], path: "examples/library",
                          exclude: ["expected-output.txt"]),

        // MARK: - Tests
        .target(name: "ParzenTestSupport", dependencies: ["Parzen", "GSLKit"], path: "Tests/ParzenTestSupport"),
        .testTarget(name: "GSLKitTests", dependencies: ["GSLKit"]),
        .testTarget(name: "ParzenTests", dependencies: ["Parzen", "GSLKit", "ParzenTestSupport"]),
        .testTarget(name: "ParzenBenchTests", dependencies: ["ParzenBench", "Parzen", "ParzenTestSupport"]),
        .testTarget(name: "parzenTests", dependencies: ["parzen", "library-guide", "Parzen", "ParzenTestSupport"]),
        .testTarget(name: "PropertyTests", dependencies: [
            "Parzen", "ParzenBench", "GSLKit", "ParzenTestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ]
)

// MARK: - libFuzzer targets (Linux), present only when PARZEN_FUZZ is set
// Each is an executable with `LLVMFuzzerTestOneInput` and no `main` of its own: libFuzzer
// supplies it, so they link only under `-sanitize=fuzzer`. scripts/fuzz.sh builds them (debug,
// so `@testable import` reaches internal readers) in .build-fuzz and runs one for a set time.
if Context.environment["PARZEN_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzSpaceParser", ["Parzen", "GSLKit"]),
        ("FuzzManifest", ["ParzenBench"]),
        ("FuzzTemplate", ["ParzenBench", "Parzen", "GSLKit"]),
        ("FuzzJSONReader", ["ParzenBench"]),
        ("FuzzCellFile", ["ParzenBench"]),
    ]
    for target in fuzzTargets {
        package.targets.append(.executableTarget(name: target.name, dependencies: target.dependencies, path: "Fuzz/\(target.name)"))
        package.products.append(.executable(name: target.name, targets: [target.name]))
    }
}
