// swift-tools-version:6.1
import PackageDescription

// Layering (dependencies point one way):
//   tack → TackCLI → TackCore → {TackKube, TackGit} → {TackHTTP, TackJSON} → TackBase
//   TackCLI → TackSecrets → {TackJSON, TackBase}   (the secrets commands need no use-case layer)
//   TackKube → TackHTTP → CCurlShims · TackGit → CGit2Shims · TackOutput → TackBase
//   TackKustomize → {TackJSON, TackBase}   (the kustomize build engine: no CLI, no cluster)
//   TackCore → TackKustomize   (Flux's build/diff layer: generated kustomizations, substitution, masking)
//   TackCore → TackProviders → {TackHTTP, TackJSON}   (GitHub & co. REST APIs: repositories, deploy keys)
// TackBase is the vocabulary every layer shares (errors, exit status, time and durations, Base64,
// PEM and percent-encoding, Go's %q, trimming, atomic file writes, the progress protocol). TackOutput
// is presentation (console, tables, live lines): only TackCLI and TackCore's renderers import it.
// TackHTTP knows nothing of Kubernetes.
// TackTestSupport (test API server, controller doubles, git servers) and TackTesting (Swift Testing
// glue) are never linked into `tack`.

let package = Package(
  name: "tack",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "tack", targets: ["tack"]),
    .executable(name: "tack-testserver", targets: ["tack-testserver"]),
    .executable(name: "tack-demo-server", targets: ["tack-demo-server"]),
    // For the libFuzzer package in Fuzz/ (see FUZZING.md): a path dependency sees only products.
    .library(name: "TackFuzzable", targets: ["TackJSON", "TackBase", "TackKube", "TackGit", "TackSecrets", "TackCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
  ],
  targets: [
    // MARK: C libraries
    .systemLibrary(
      name: "CCurl", pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]),
    .target(name: "CCurlShims", dependencies: ["CCurl"]),
    .systemLibrary(
      name: "CGit2", pkgConfig: "libgit2",
      providers: [.apt(["libgit2-dev"])]),
    .target(name: "CGit2Shims", dependencies: ["CGit2"]),
    // Gzip in the test API server (level 1, as kube-apiserver), and inflate for tests that read
    // compressed data; swift-nio-extras' zlib is an internal module and its compressor takes no level.
    .systemLibrary(
      name: "CZlib", pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]),

    // MARK: libraries
    .target(name: "TackJSON", dependencies: [.product(name: "Yams", package: "Yams")]),
    .target(name: "TackBase", dependencies: ["CZlib"]),
    .target(name: "TackOutput", dependencies: ["TackBase"]),
    .target(name: "TackHTTP", dependencies: ["CCurlShims", "TackBase"]),
    .target(
      name: "TackKube",
      dependencies: [
        "TackBase", "TackHTTP", "TackJSON",
      ]),
    .target(
      name: "TackGit",
      dependencies: [
        "CGit2Shims", "TackBase",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        // Verifying an HTTPS server against a caller's CA ourselves: libgit2 1.5 on mbedTLS
        // only takes a process-wide CA location and cannot check IP addresses.
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
      ]),
    .target(
      name: "TackSecrets",
      dependencies: [
        "TackBase", "TackJSON",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
      ]),
    .target(
      name: "TackKustomize",
      dependencies: [
        "TackBase", "TackJSON",
        .product(name: "Yams", package: "Yams"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Git hosting services' REST APIs (GitHub, …) for provider bootstrap and promotion.
    .target(name: "TackProviders", dependencies: ["TackBase", "TackHTTP", "TackJSON"]),
    .target(
      name: "TackCore",
      dependencies: [
        "TackBase", "TackJSON", "TackOutput", "TackHTTP", "TackKube", "TackGit", "TackKustomize", "TackProviders",
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(
      name: "TackCLI",
      dependencies: [
        "TackCore", "TackKube", "TackSecrets", "TackOutput", "TackHTTP", "TackBase", "TackJSON", "TackProviders",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "tack", dependencies: ["TackCLI"]),

    // MARK: test support (never linked into `tack`)
    .target(
      name: "TackTestSupport",
      dependencies: [
        "CZlib", "TackBase", "TackJSON",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // Swift Testing glue the test targets share (oracle traits, golden-file expectations). Apart from
    // TackTestSupport because the test and demo servers link that, and must not link Testing.
    .target(name: "TackTesting", dependencies: ["TackTestSupport"]),
    .executableTarget(
      name: "tack-testserver",
      dependencies: [
        "TackTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // The README's demo and the bootstrap benchmark: API server + HTTPS Git server + Flux doubles.
    .executableTarget(
      name: "tack-demo-server",
      dependencies: [
        "TackTestSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),

    // Runs the reconcile benchmark for Benchmarks/reconcile/run.sh (test API server and Flux double
    // in process, the `tack` binary under test against them).
    .executableTarget(
      name: "reconcile-bench", dependencies: ["TackTestSupport", "TackJSON"], path: "Benchmarks/reconcile/Driver"),

    // Renders one kustomization for Benchmarks/kustomize/run.sh (until `tack kustomize` exists).
    .executableTarget(
      name: "kustomize-bench", dependencies: ["TackKustomize"], path: "Benchmarks/kustomize/Driver"),

    // The dashboard's frame cost for Benchmarks/ui/run.sh (no terminal: render and encode).
    .executableTarget(
      name: "ui-bench", dependencies: ["TackCore", "TackOutput", "TackJSON", "TackBase"], path: "Benchmarks/ui/Driver"),

    // MARK: tests
    .testTarget(name: "TackJSONTests", dependencies: ["TackJSON"]),
    .testTarget(name: "TackBaseTests", dependencies: ["TackBase"]),
    .testTarget(name: "TackOutputTests", dependencies: ["TackOutput"]),
    .testTarget(name: "TackHTTPTests", dependencies: ["TackHTTP", "TackTestSupport", "TackTesting"]),
    .testTarget(name: "TackKubeTests", dependencies: ["TackKube", "TackTestSupport", "TackTesting"], exclude: ["Fixtures"]),
    .testTarget(
      name: "TackCoreTests", dependencies: ["TackCore", "TackTestSupport", "TackTesting"],
      exclude: ["Get/Fixtures", "Canary/Fixtures", "Build/Fixtures", "Create/Fixtures", "Dashboard/Fixtures"]),
    .testTarget(name: "TackProvidersTests", dependencies: ["TackProviders", "TackTestSupport", "TackTesting"]),
    .testTarget(name: "TackGitTests", dependencies: ["TackGit", "TackTestSupport", "TackTesting"]),
    .testTarget(
      name: "TackSecretsTests",
      dependencies: [
        "TackSecrets", "TackTestSupport", "TackTesting",
        .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "SwiftASN1", package: "swift-asn1"),
      ],
      exclude: ["Fixtures", "FUZZING.md"]),
    .testTarget(name: "TackTestSupportTests", dependencies: ["TackTestSupport", "TackTesting"]),
    .testTarget(
      name: "TackKustomizeTests", dependencies: ["TackKustomize", "TackTestSupport", "TackTesting"], exclude: ["Fixtures"]),
    .testTarget(
      name: "TackCLITests",
      dependencies: ["TackCLI", "TackTestSupport", "TackTesting", "tack", "tack-testserver"],
      exclude: ["Fixtures", "Reconcile/Fixtures", "Bootstrap/Fixtures", "Create/Fixtures", "Delete/Fixtures"]),
  ]
)

for target in package.targets where target.type != .system {
  target.swiftSettings = (target.swiftSettings ?? []) + [.swiftLanguageMode(.v6)]
}
