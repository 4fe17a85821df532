// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ecoscore",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ecoscore", targets: ["ecoscore"]),
        .executable(name: "ecoscore-fixtures", targets: ["ecoscore-fixtures"]),
        .library(name: "Profiler", targets: ["Profiler"]),
        .library(name: "Scoring", targets: ["Scoring"]),
        .library(name: "Model", targets: ["Model"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Tests only: parsing reports back, and property-based tests of every parser.
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        .systemLibrary(
            name: "CGumbo",
            pkgConfig: "gumbo",
            providers: [.apt(["libgumbo-dev"]), .brew(["gumbo-parser"])]
        ),
        .target(name: "Model"),
        // The grids and models as reviewed data; bundled so an installed binary finds them.
        .target(
            name: "ScoringData",
            path: "Scoring",
            exclude: ["README.md"],
            sources: ["ScoringData.swift"],
            resources: [.copy("grids"), .copy("models"), .copy("factors")]
        ),
        .target(
            name: "Scoring",
            dependencies: ["Model", "ScoringData", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Profiler", dependencies: ["Model", "CCurl", "CGumbo", .product(name: "Yams", package: "Yams")]),
        // The fixture web apps: server code plus the sites, journeys, answers, inventory and budgets `ecoscore demo` uses, bundled.
        .target(
            name: "FixtureServer",
            path: "Fixtures",
            sources: ["Server"],
            resources: [.copy("sites"), .copy("journeys"), .copy("answers"), .copy("inventories"), .copy("budgets")]
        ),
        // Renders a ScoreCard (HTML through auto-escaping templates, CSV, JSON, JUnit, Markdown); computes nothing.
        .target(
            name: "Report",
            dependencies: ["Model", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        // Budgets and baselines: compares a ScoreCard with limits and with a previous one.
        .target(name: "Check", dependencies: ["Model", .product(name: "Yams", package: "Yams")]),
        // The audit history (SQLite through GRDB).
        .target(name: "History", dependencies: ["Model", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "ecoscore",
            dependencies: [
                "Model", "Profiler", "Scoring", "FixtureServer", "Report", "Check", "History",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ecoscore-fixtures",
            dependencies: ["FixtureServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "Model"]),
        .testTarget(name: "ProfilerTests", dependencies: ["Profiler", "Model", "FixtureServer"]),
        .testTarget(name: "FixtureServerTests", dependencies: ["FixtureServer"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Model", "Scoring", "FixtureServer", "Profiler", .product(name: "SwiftCSV", package: "SwiftCSV")]),
        .testTarget(name: "CheckTests", dependencies: ["Check", "Model"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Model"]),
        .testTarget(
            name: "PropertyTests",
            dependencies: ["Profiler", "Scoring", "Model", "Report", "Check",
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ecoscore", "FixtureServer", "Model", "Profiler", "Scoring", "Report", "Check", "History",
                           .product(name: "SwiftCSV", package: "SwiftCSV")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
