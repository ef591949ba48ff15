#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackCore

/// The local files commands read for their flags, and their scratch directories.
enum CommandFiles {
  /// The text of the file a flag names; a usage error naming the flag when it cannot be read.
  static func read(_ path: String, flag: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BootstrapError.usage("\(flag) \(path): cannot be read (no such file, or no permission)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// A fresh path under `$TMPDIR` (or /tmp).
  static func temporaryDirectory(prefix: String, environment: [String: String]) -> String {
    let base = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
    return (base.hasSuffix("/") ? String(base.dropLast()) : base) + "/" + prefix + suffix
  }
}
