#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the project and the shared reference material are, for tests, benchmarks and the test server.
///
/// The project root is found by walking up from a source file (`#filePath`) to the folder holding
/// `Package.swift`; the shared material is `../shared` next to it. `TACK_SHARED_DIR` overrides the
/// latter (e.g. when the checkout lives elsewhere).
public enum ProjectPaths {
  /// The folder holding `Package.swift`, found from `filePath` (defaults to this file).
  public static func projectRoot(from filePath: String = #filePath) -> String {
    var dir = filePath
    while let slash = dir.lastIndex(of: "/") {
      dir = String(dir[..<slash])
      if dir.isEmpty { break }
      if FileManager.default.fileExists(atPath: dir + "/Package.swift") { return dir }
    }
    return FileManager.default.currentDirectoryPath
  }

  /// `../shared` relative to the project root, or `TACK_SHARED_DIR` when set.
  public static func sharedDirectory(from filePath: String = #filePath) -> String {
    if let override = ProcessInfo.processInfo.environment["TACK_SHARED_DIR"], !override.isEmpty {
      return override
    }
    let root = projectRoot(from: filePath)
    let parent = String(root[..<(root.lastIndex(of: "/") ?? root.endIndex)])
    return parent + "/shared"
  }

  /// A path inside the shared material, e.g. `shared("crds/flux")`.
  public static func shared(_ relativePath: String, from filePath: String = #filePath) -> String {
    sharedDirectory(from: filePath) + "/" + relativePath
  }

  /// The directory holding the package's executables built with the tests (`.build/<config>/`):
  /// found next to the running test bundle, else the project's `.build/debug`.
  public static let productsDirectory: String = {
    let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var directory = executable
    var candidates: [String] = []
    for _ in 0..<4 {
      guard let slash = directory.lastIndex(of: "/") else { break }
      directory = String(directory[..<slash])
      candidates.append(directory)
    }
    candidates.append(projectRoot() + "/.build/debug")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0 + "/tack") } ?? candidates.last!
  }()

  /// A product of this package built with the tests: `builtProduct("tack")`, `builtProduct("tack-testserver")`.
  public static func builtProduct(_ name: String) -> String { productsDirectory + "/" + name }

  /// The first executable named `name` on `PATH` (or one of `extraDirectories`), if any.
  public static func executable(_ name: String, extraDirectories: [String] = []) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for dir in path.split(separator: ":").map(String.init) + extraDirectories {
      let candidate = dir + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
