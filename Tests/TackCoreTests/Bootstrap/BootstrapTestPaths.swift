#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Where the shared reference material is for these tests: `../shared` next to the project root
/// (found from this file), or `TACK_SHARED_DIR`.
enum BootstrapTestPaths {
  static var shared: String {
    if let override = ProcessInfo.processInfo.environment["TACK_SHARED_DIR"], !override.isEmpty {
      return override
    }
    var dir = #filePath
    while let slash = dir.lastIndex(of: "/") {
      dir = String(dir[..<slash])
      if FileManager.default.fileExists(atPath: dir + "/Package.swift") { break }
    }
    return String(dir[..<(dir.lastIndex(of: "/") ?? dir.endIndex)]) + "/shared"
  }

  static var manifests: String { shared + "/manifests/v2.9.4" }

  static func read(_ path: String) -> String {
    String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
  }

  /// A fresh temporary directory; the caller removes it.
  static func temporaryDirectory() throws -> String {
    let path = FileManager.default.temporaryDirectory.path + "/tack-bootstrap-test-\(UInt64.random(in: 0...UInt64.max))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
