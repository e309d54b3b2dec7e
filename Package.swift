// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "seance",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "seance", targets: ["seance"]),
    ],
    dependencies: [
        // The command line (subcommands, options, French help text).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Reading XLSX and ODS (ZIP archives, deflated): inflate, ZIP64 and damaged archives.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The PDF documents: pango lays the French text out, cairo writes the PDF.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        .target(name: "SeanceModel", dependencies: ["CPangoCairo", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "SeanceTUI", dependencies: ["SeanceModel", "CNcurses"]),
        .executableTarget(
            name: "seance",
            dependencies: [
                "SeanceModel", "SeanceTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks: `swift run -c release seance-bench` (see docs/performance.md).
        .executableTarget(name: "seance-bench", dependencies: ["SeanceModel", "SeanceTUI", "ChildProcess"]),
        // Running real programs from the benchmarks and the tests (no pipes, no blocked signals).
        .target(name: "ChildProcess"),
        .testTarget(name: "SeanceModelTests", dependencies: ["SeanceModel", "ChildProcess"], exclude: ["Export/Snapshots"]),
        .testTarget(
            name: "SeanceTUITests",
            dependencies: ["SeanceTUI", "SeanceModel", "CNcurses"],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["seance", "seance-bench", "SeanceModel", "ChildProcess"]),
    ]
)
