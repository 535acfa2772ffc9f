// swift-tools-version: 6.0
// Sigil: a command-line Ethereum wallet and transaction toolkit.
// Dependencies come only from the local package mirror (see DESIGN.md).
import PackageDescription

let package = Package(
    name: "sigil",
    products: [
        .executable(name: "sigil", targets: ["sigil"]),
        .executable(name: "sigil-signer", targets: ["sigil-signer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C libraries from Debian, each wrapped by exactly one Swift file in SigilCore.
        .systemLibrary(name: "CSecp256k1", pkgConfig: "libsecp256k1", providers: [.apt(["libsecp256k1-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),

        // Offline and pure: encodings, numbers, hashing, keys, signatures.
        .target(name: "SigilCore", dependencies: ["CSecp256k1", "COpenSSL", "CSodium"]),
        // HTTPS through libcurl, loaded with dlopen on first use (see Sources/CCurlShim/include/sigil_curl.h).
        .target(name: "CCurlShim", linkerSettings: [.linkedLibrary("dl")]),
        // JSON-RPC over HTTP(S), multi-peer broadcast, transaction filling. The only networking module.
        .target(name: "SigilNet", dependencies: ["SigilCore", "CCurlShim"]),
        // What both executables share: option groups, secret input, output, exit codes. No networking.
        .target(name: "SigilCLI", dependencies: [
            "SigilCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "sigil", dependencies: [
            "SigilCore", "SigilCLI", "SigilNet",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "sigil-signer", dependencies: [
            "SigilCore", "SigilCLI",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // `make bench`: Sigil against C baselines in the same process. Release builds only.
        .executableTarget(name: "SigilBench", dependencies: ["SigilCore", "SigilNet", "CSecp256k1", "COpenSSL", "CSodium"]),

        // Test support: locating the shared vectors, running the Python oracles, running built binaries.
        .target(name: "SigilTestSupport", path: "Tests/Support", exclude: ["devnode", "p2ppeer", "contracts"]),
        .testTarget(name: "SigilCoreTests", dependencies: ["SigilCore", "SigilTestSupport"]),
        .testTarget(name: "SigilNetTests", dependencies: ["SigilNet", "SigilCore", "SigilTestSupport"]),
        .testTarget(name: "SigilCLITests", dependencies: ["SigilCLI", "SigilCore", "SigilTestSupport"]),
        .testTarget(name: "CommandLineTests", dependencies: ["SigilTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
