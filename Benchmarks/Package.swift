// swift-tools-version: 6.1
// Benchmarks of the robinson package (package-benchmark). A package of its
// own so that CI does not build it: `cd Benchmarks && swift package benchmark`.
import PackageDescription

let package = Package(
    name: "RobinsonBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "robinson", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The hard benchmark data (syllable pools, every variant kind) and the
        // differential run of the byte-level normalizers against the reference.
        .executableTarget(
            name: "bench-data",
            dependencies: [
                .product(name: "Matching", package: "robinson"),
                .product(name: "Formats", package: "robinson"),
                .product(name: "Synthetic", package: "robinson"),
            ],
            path: "Sources/BenchData"
        ),
        // One bank file read per process, for time and peak RSS: `./bankfiles.sh`.
        .executableTarget(
            name: "BankFileBenchmark",
            dependencies: [
                .product(name: "Billing", package: "robinson"),
                .product(name: "Synthetic", package: "robinson"),
            ],
            path: "Benchmarks/BankFileBenchmark"
        ),
        .executableTarget(
            name: "MatchingBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Matching", package: "robinson"),
                .product(name: "Formats", package: "robinson"),
                .product(name: "Synthetic", package: "robinson"),
            ],
            path: "Benchmarks/MatchingBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
