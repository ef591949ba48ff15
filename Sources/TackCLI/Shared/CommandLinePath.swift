#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

/// Paths given on the command line, resolved against the working directory.
enum CommandLinePath {
  static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let base = FileManager.default.currentDirectoryPath
    return path.isEmpty || path == "." ? base : base + "/" + path
  }
}
