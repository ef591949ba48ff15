#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A directory under the system temp dir that a test owns and removes when done.
///
/// ```swift
/// let dir = try TemporaryDirectory(prefix: "kubeconfig")
/// defer { dir.remove() }
/// try dir.write("config", contents: yaml)
/// ```
public struct TemporaryDirectory: Sendable {
  public let path: String

  /// Creates a fresh, uniquely named directory (mode 0700).
  public init(prefix: String = "tack") throws {
    let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    let candidate = "\(base)/\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    try FileManager.default.createDirectory(
      atPath: candidate, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    path = candidate
  }

  /// The absolute path of `name` inside the directory (not created).
  public func file(_ name: String) -> String { "\(path)/\(name)" }

  /// Writes `contents` to `name` (parent folders created) and returns its path.
  @discardableResult
  public func write(_ name: String, contents: String, permissions: Int? = nil) throws -> String {
    let target = file(name)
    let parent = String(target[..<(target.lastIndex(of: "/") ?? target.endIndex)])
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: URL(fileURLWithPath: target))
    if let permissions {
      try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: target)
    }
    return target
  }

  /// Removes the directory and everything in it; errors are ignored (the OS cleans temp dirs anyway).
  public func remove() {
    try? FileManager.default.removeItem(atPath: path)
  }
}
