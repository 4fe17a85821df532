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
        // The fixture web apps: server code plus the sites it serves, bundled for `ecoscore demo`.
        .target(
            name: "FixtureServer",
            path: "Fixtures",
            exclude: ["inventories", "answers"],
            sources: ["Server"],
            resources: [.copy("sites"), .copy("journeys")]
        ),
        .executableTarget(
            name: "ecoscore",
            dependencies: [
                "Model", "Profiler", "Scoring", "FixtureServer",
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
        .testTarget(name: "EndToEndTests", dependencies: ["ecoscore", "FixtureServer", "Model", "Profiler", "Scoring"]),
    ],
    swiftLanguageModes: [.v6]
)
