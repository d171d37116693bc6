// swift-tools-version: 6.2
import PackageDescription

// Module layout (DESIGN §4): imports point down this list only.
//   robinson (CLI) → Pipeline → Matching, Mail, Store, Formats; robinson → Synthetic (test data only)
//   robinson → MasterData → Billing, Matching, Store, Formats; Billing → Mail, Store, Formats, Documents
//   Mail → Store, Formats (customer e-mails of Pipeline and Billing alike)
//   robinson → Reporting → Billing, Store, Formats (the monthly HTML report)
//   GRDB is Store's; Billing, Pipeline and MasterData import it for their transactions, the CLI never does
//   (Pipeline and Billing never import each other: they meet in the state database)
//   Matching → Formats, CHMAC ; Formats → CZstd, CGzip, CLibXML2, CFormats, ZIPFoundation ; Documents → CCairo
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
// The normalizers and the data generator run over hundreds of thousands of rows in the
// differential and accuracy tests: optimized in debug builds too (seconds instead of minutes).
let optimizedInDebug: [SwiftSetting] = strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "robinson",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "robinson", targets: ["robinson"]),
        // Libraries for the benchmark and fuzz packages (Benchmarks/, Fuzz/), which depend on this one by path.
        .library(name: "Matching", targets: ["Matching"]),
        .library(name: "Formats", targets: ["Formats"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "Synthetic", targets: ["Synthetic"]),
        .library(name: "Billing", targets: ["Billing"]),
        .library(name: "MasterData", targets: ["MasterData"]),
        .library(name: "Mail", targets: ["Mail"]),
        .library(name: "Store", targets: ["Store"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
        // Reads .xlsx workbooks (a ZIP of XML parts) uploaded instead of CSV.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // Already resolved for swift-configuration's YAML trait; used directly to check every key of the file with its line.
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CZstd", providers: [.apt(["libzstd-dev"])]),
        // zlib for .gz input (not "CZlib": ZIPFoundation's own zlib module has that name).
        .systemLibrary(name: "CGzip", providers: [.apt(["zlib1g-dev"])]),
        // cairo draws the PDF letters; FreeType loads the DejaVu TTF files so the embedded font is exactly that one.
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev", "libfreetype-dev"])]),
        // libxml2 validates XRechnung and pain.008 against their XSDs in-process.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CHMAC", linkerSettings: [.linkedLibrary("crypto")]),
        // C helpers of Formats: the CSV scanner's SIMD mask, the AVX2 UTF-8 check.
        .target(name: "CFormats"),
        .target(name: "Formats", dependencies: ["CZstd", "CGzip", "CLibXML2", "CFormats", "ZIPFoundation"], swiftSettings: strict),
        .target(name: "Matching", dependencies: ["Formats", "CHMAC"], swiftSettings: optimizedInDebug),
        // Deterministic synthetic people, deliveries and address files: accuracy evaluation and benchmark data.
        .target(name: "Synthetic", swiftSettings: optimizedInDebug),
        // Billing: money, calendars, bank identifiers, invoices, SEPA, dunning.
        .target(name: "Billing", dependencies: ["Mail", "Store", "Formats", "Documents", grdb], swiftSettings: strict),
        // Documents: a domain-free DIN 5008 letter rendered to PDF (invoices, dunning letters).
        .target(name: "Documents", dependencies: ["CCairo"], swiftSettings: strict),
        // Master data imports (customers, plans, mandates): validated with Billing's and Matching's rules.
        .target(name: "MasterData", dependencies: ["Billing", "Matching", "Store", "Formats", grdb], swiftSettings: strict),
        .target(name: "Store", dependencies: [grdb], swiftSettings: strict),
        // Reporting: the monthly report for people (HTML with inline SVG), read from the state database.
        .target(name: "Reporting", dependencies: ["Billing", "Store", "Formats"], swiftSettings: strict),
        // Mail: RFC 5322/MIME messages and the exactly-once queue of customer e-mails (jobs, invoices, dunning).
        .target(name: "Mail", dependencies: ["Store", "Formats", grdb], swiftSettings: strict),
        .target(
            name: "Pipeline",
            dependencies: [
                "Matching", "Mail", "Store", "Formats",
                .product(name: "Logging", package: "swift-log"),
                grdb,
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "robinson",
            dependencies: [
                "Pipeline", "Billing", "MasterData", "Matching", "Mail", "Store", "Formats", "Synthetic", "Reporting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "FormatsTests", dependencies: ["Formats", "ZIPFoundation", "CLibXML2", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "MatchingTests", dependencies: ["Matching", "Formats", "TestSupport"], swiftSettings: strict),
        // What several test targets share: poppler-utils reading PDFs back, temporary folders.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "BillingTests", dependencies: ["Billing", "Store", "Synthetic", "TestSupport", grdb], swiftSettings: strict),
        .testTarget(name: "MasterDataTests", dependencies: ["MasterData", "Billing", "Store", "Formats", "TestSupport", grdb], swiftSettings: strict),
        .testTarget(name: "DocumentsTests", dependencies: ["Documents", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: ["Store", "TestSupport", grdb], swiftSettings: strict),
        .testTarget(name: "MailTests", dependencies: ["Mail", "Store", "Formats", "TestSupport", grdb], swiftSettings: strict),
        .testTarget(
            name: "SyntheticTests",
            dependencies: ["Synthetic", "Matching", "Pipeline", "Store", "TestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", "MasterData", "Matching", "Store", "Formats", "TestSupport", .product(name: "Logging", package: "swift-log"), grdb],
            swiftSettings: strict
        ),
        .testTarget(name: "RobinsonCLITests", dependencies: ["robinson", "Store", "TestSupport", grdb], swiftSettings: strict),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Billing", "Store", "TestSupport", grdb], swiftSettings: strict),
    ]
)
