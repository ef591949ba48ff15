// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets for tack's parsers and decoders; see ../FUZZING.md and ../scripts/fuzz.sh.
// Build: swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
// One executable per target. SwiftPM on Linux renames an executable's entry point to `<Module>_main` and
// aliases `main` to it, so libFuzzer's own main (and a file defining only
// LLVMFuzzerTestOneInput) cannot link; each target has an @main that hands it to LLVMFuzzerRunDriver.
// `-enable-testing` lets a target reach a parser's internal entry point with `@testable import`.

let names = [
  "FuzzJSON", "FuzzYAML", "FuzzKubeconfig", "FuzzSopsYAML", "FuzzSopsJSON", "FuzzSopsConfig",
  "FuzzAge", "FuzzAgeHeader", "FuzzAgeArmor", "FuzzAgeStream", "FuzzBech32", "FuzzOpenSSHKey",
  "FuzzKnownHosts", "FuzzPEM", "FuzzGitURL", "FuzzGoDuration", "FuzzRFC3339", "FuzzFlaggerEvent", "FuzzTables",
]

let package = Package(
  name: "TackFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [.package(name: "tack", path: "..")],
  targets: [
    .target(name: "CLibFuzzer"),
    .target(
      name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "TackFuzzable", package: "tack")],
      swiftSettings: [.swiftLanguageMode(.v6)]),
  ]
    + names.map { name in
      .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "TackFuzzable", package: "tack")],
        swiftSettings: [.swiftLanguageMode(.v6)],
        // gold fails with an internal error linking the sanitizer runtimes; lld links them.
        linkerSettings: [.unsafeFlags(["-use-ld=lld"])])
    }
)
