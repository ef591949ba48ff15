import Foundation
import TackBase
import Testing

/// The one atomic writer: the destination holds the old content or the whole new one, the mode
/// policy decides the permission bits, and no temporary file survives an error.
@Suite struct AtomicFileTests {
  /// A fresh directory, removed after `body`.
  func inDirectory(_ body: (String) throws -> Void) throws {
    let directory = NSTemporaryDirectory() + "tack-atomic-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try body(directory)
  }

  func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
  }

  func entries(_ directory: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  }

  @Test func newFileGetsTheDefaultBitsExactly() throws {
    try inDirectory { directory in
      let path = directory + "/key.txt"
      try AtomicFile.write(Array("secret\n".utf8), to: path, permissions: .preserving(default: 0o600))
      #expect(contents(path) == "secret\n")
      #expect(try mode(path) == 0o600)
      try AtomicFile.write(Array("open\n".utf8), to: directory + "/cert.pem", permissions: .preserving(default: 0o644))
      #expect(try mode(directory + "/cert.pem") == 0o644)
      #expect(try entries(directory) == ["cert.pem", "key.txt"], "no temporary file left behind")
    }
  }

  @Test func replacingKeepsTheExistingBits() throws {
    try inDirectory { directory in
      let path = directory + "/secret.yaml"
      _ = FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640])
      try AtomicFile.write(Array("new".utf8), to: path, permissions: .preserving(default: 0o600))
      #expect(contents(path) == "new")
      #expect(try mode(path) == 0o640)
    }
  }

  @Test func umaskedBitsNeverExceedTheRequest() throws {
    try inDirectory { directory in
      let path = directory + "/cache/discovery/servergroups.json"
      try AtomicFile.write(
        Array("{}".utf8), to: path, permissions: .umasked(0o644), durable: false, createDirectories: true)
      #expect(contents(path) == "{}")
      #expect(try mode(path) & ~0o644 == 0)
    }
  }

  @Test func aFailureNamesThePathAndLeavesNothing() throws {
    try inDirectory { directory in
      let path = directory + "/missing/out.yaml"
      #expect {
        try AtomicFile.write(Array("x".utf8), to: path, permissions: .preserving(default: 0o644))
      } throws: { error in
        let error = error as? FileError
        return error?.path == path && error?.operation == "creating a temporary file for"
          && error?.description.hasPrefix("creating a temporary file for \(path): ") == true
      }
      let left = try entries(directory)
      #expect(left.isEmpty, "no temporary file left behind")
    }
  }

  @Test func abandonedWritesLeaveTheOriginal() throws {
    try inDirectory { directory in
      let path = directory + "/manifest.yaml"
      _ = FileManager.default.createFile(atPath: path, contents: Data("original".utf8))
      let file = try AtomicFile(destination: path, permissions: .preserving(default: 0o644))
      try file.write(Array("half".utf8))
      file.abandon()
      #expect(contents(path) == "original")
      #expect(try entries(directory) == ["manifest.yaml"])
    }
  }

  @Test func linksAreFollowedNotReplaced() throws {
    try inDirectory { directory in
      let target = directory + "/real.yaml"
      let link = directory + "/link.yaml"
      _ = FileManager.default.createFile(atPath: target, contents: Data("before".utf8))
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
      try AtomicFile.write(Array("after".utf8), to: link, permissions: .preserving(default: 0o644))
      #expect(contents(target) == "after")
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    }
  }

  @Test func aDeviceIsWrittenDirectly() throws {
    try AtomicFile.write(Array("discarded".utf8), to: "/dev/null", permissions: .preserving(default: 0o644))
    #expect(FileManager.default.fileExists(atPath: "/dev/null"))
  }

  /// Secrets and keys: 0600 even over a file others could read, which `.preserving` would keep.
  @Test func exactlyOverridesAnExistingFilesMode() throws {
    try inDirectory { directory in
      let path = directory + "/plain.yaml"
      FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o644])
      try AtomicFile.write(Array("new\n".utf8), to: path, permissions: .exactly(0o600))
      #expect(try mode(path) == 0o600)
      #expect(contents(path) == "new\n")
      try AtomicFile.write(Array("again\n".utf8), to: path, permissions: .preserving(default: 0o600))
      #expect(try mode(path) == 0o600)
    }
  }

  /// The registry knows the temporary file until it is committed or abandoned, and can remove it
  /// when the process must exit without either (a second Ctrl-C).
  @Test func registryTracksAndRemovesUncommittedFiles() throws {
    try inDirectory { directory in
      let registry = TemporaryFiles()
      let committed = try AtomicFile(destination: directory + "/a", permissions: .exactly(0o600), registry: registry)
      try committed.write(Array("a".utf8))
      #expect(registry.pending.count == 1)
      try committed.commit(durable: false)
      #expect(registry.pending.isEmpty)

      let abandoned = try AtomicFile(destination: directory + "/b", permissions: .exactly(0o600), registry: registry)
      abandoned.abandon()
      #expect(registry.pending.isEmpty)

      let stranded = try AtomicFile(destination: directory + "/c", permissions: .exactly(0o600), registry: registry)
      try stranded.write(Array("plaintext".utf8))
      let pending = try #require(registry.pending.first)
      #expect(FileManager.default.fileExists(atPath: pending))
      registry.removeAll()
      #expect(!FileManager.default.fileExists(atPath: pending))
      #expect(try entries(directory) == ["a"])
      withExtendedLifetime(stranded) {}
    }
  }
}
