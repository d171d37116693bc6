// swift-tools-version: 6.2
// libFuzzer targets for what reads hostile input: CSV dialect and records
// (with text decoding, compressed input and .xlsx), the normalizers (String
// reference against byte level), the bank files, the master-data imports and
// the configuration. A package of its own so that CI never builds it; build
// with `./build.sh` (it passes --sanitize=fuzzer,address to every module).
import PackageDescription

// Each harness has an @main that hands LLVMFuzzerTestOneInput to libFuzzer's driver.
let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let robinson = { (name: String) -> Target.Dependency in .product(name: name, package: "robinson") }

let package = Package(
    name: "RobinsonFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "robinson", path: ".."),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Input in memory or in a scratch file, and how a harness reports a finding.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", robinson("Formats")]),
        // Dialect sniffer + record reader (UTF-8, Windows-1252, UTF-16; gzip/zstd; .xlsx).
        .executableTarget(name: "fuzz-records", dependencies: ["FuzzSupport", robinson("Formats")], swiftSettings: harness),
        // Each String normalizer, and the byte-level keyer against the reference keyer.
        .executableTarget(name: "fuzz-normalizers", dependencies: ["FuzzSupport", robinson("Matching"), robinson("Formats")], swiftSettings: harness),
        // camt.053, camt.054, pain.002 and the returns CSV.
        .executableTarget(name: "fuzz-bankfiles", dependencies: ["FuzzSupport", robinson("Billing")], swiftSettings: harness),
        // Plans, customers and mandates CSV imports into a real state database.
        .executableTarget(name: "fuzz-masterdata", dependencies: ["FuzzSupport", robinson("MasterData"), robinson("Store"), robinson("Billing")], swiftSettings: harness),
        // The YAML configuration: the CLI's own Settings sources (a symlinked folder), checked and loaded.
        .executableTarget(
            name: "fuzz-config",
            dependencies: [
                "FuzzSupport", robinson("Billing"), robinson("Mail"), robinson("Matching"), robinson("Pipeline"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: harness
        ),
    ]
)
