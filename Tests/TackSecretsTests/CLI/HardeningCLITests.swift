import Foundation
import TackTesting
import TackTestSupport
import Testing

@testable import TackSecrets

#if canImport(Glibc)
  import Glibc
#endif

/// The built binary against full disks, closed pipes, Ctrl-C and keys in the wrong place.
struct HardeningCLITests {
  typealias Workspace = SopsCLITests.Workspace
  static let recipient = AgeKeyTests.sampleRecipient

  /// Runs the built `tack` with stdout on `stdout` (a descriptor the test owns) and returns the exit
  /// code and stderr. For what `TackBinary` cannot do: /dev/full, a pipe nobody reads.
  static func run(_ arguments: [String], in workspace: Workspace, stdout: FileHandle) async throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ProjectPaths.builtProduct("tack"))
    process.arguments = arguments
    process.currentDirectoryURL = workspace.url
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": workspace.path(".home"),
      "NO_COLOR": "1", "SOPS_AGE_KEY_FILE": "age-key.txt",
    ]
    let stderr = try FileHandle(forWritingTo: try Self.emptyFile(in: workspace, "stderr.txt"))
    process.standardOutput = stdout
    process.standardError = stderr
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = ContinuousClock.now + .seconds(600)
    while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    try stderr.close()
    return (process.terminationStatus, try workspace.text("stderr.txt"))
  }

  static func emptyFile(in workspace: Workspace, _ name: String) throws -> URL {
    let url = workspace.url.appendingPathComponent(name)
    FileManager.default.createFile(atPath: url.path, contents: nil)
    return url
  }

  /// A pipe whose read end is already closed: every write to it fails with EPIPE.
  static func brokenPipe() -> FileHandle {
    var ends: [Int32] = [0, 0]
    _ = pipe(&ends)
    close(ends[0])
    return FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
  }

  // MARK: checked writes

  @Test func encryptToAFullDiskFailsNamingStdout() async throws {
    let workspace = try Workspace()
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let (code, stderr) = try await Self.run(["secrets", "encrypt", "--age", Self.recipient, "secret.yaml"], in: workspace, stdout: full)
    #expect(code == 1)
    // One line naming stdout, after whatever progress the command printed.
    #expect(stderr.hasSuffix("✗ writing stdout: No space left on device\n"), "\(stderr)")
    #expect(stderr.components(separatedBy: "✗").count == 2)
  }

  @Test func decryptAndAgeToAFullDiskFail() async throws {
    let workspace = try Workspace()
    for arguments in [
      ["secrets", "decrypt", "secret.enc.yaml"],
      ["secrets", "age", "encrypt", "-a", "-r", Self.recipient, "secret.yaml"],
      ["secrets", "keygen"],
    ] {
      let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
      let (code, stderr) = try await Self.run(arguments, in: workspace, stdout: full)
      #expect(code == 1, "\(arguments)")
      #expect(stderr.contains("writing stdout: No space left on device"), "\(arguments): \(stderr)")
      #expect(!stderr.contains("AGE-SECRET-KEY"))
    }
  }

  /// `tack … | head -c1`: the reader left. Quiet, and not 0 — the output was cut short.
  @Test func aClosedPipeIsQuietAndNotSuccess() async throws {
    let workspace = try Workspace()
    try workspace.write(String(repeating: "x", count: 1 << 20), to: "big.txt")
    for arguments in [
      ["secrets", "encrypt", "--age", Self.recipient, "secret.yaml"],
      ["secrets", "decrypt", "secret.enc.yaml"],
      ["secrets", "age", "encrypt", "-a", "-r", Self.recipient, "big.txt"],
    ] {
      let (code, stderr) = try await Self.run(arguments, in: workspace, stdout: Self.brokenPipe())
      #expect(code == 141, "\(arguments)")
      #expect(!stderr.contains("✗"), "\(arguments): \(stderr)")
    }
  }

  // MARK: secret files are 0600

  @Test func decryptOutputOverAWorldReadableFileBecomes0600() async throws {
    let workspace = try Workspace()
    for arguments in [
      ["secrets", "decrypt", "secret.enc.yaml", "-o", "plain.yaml"],
      ["secrets", "age", "decrypt", "-i", "age-key.txt", "-o", "plain.yaml", "secret.age"],
      ["secrets", "keygen", "--force", "-o", "plain.yaml"],
    ] {
      if arguments[1] == "age" {
        let encrypted = try await workspace.run(["secrets", "age", "encrypt", "-r", Self.recipient, "-o", "secret.age", "secret.yaml"])
        #expect(encrypted.exitCode == 0)
      }
      try workspace.write("old, readable by everyone\n", to: "plain.yaml")
      chmod(workspace.path("plain.yaml"), 0o644)
      let result = try await workspace.run(arguments, environment: SopsCLITests.keyEnvironment)
      #expect(result.exitCode == 0, "\(arguments): \(result.stderr)")
      #expect(try workspace.mode("plain.yaml") == 0o600, "\(arguments)")
      #expect(try workspace.text("plain.yaml") != "old, readable by everyone\n")
    }
    // Decrypting in place turns the file holding plaintext private too.
    try FileManager.default.copyItem(atPath: workspace.path("secret.enc.yaml"), toPath: workspace.path("inplace.enc.yaml"))
    chmod(workspace.path("inplace.enc.yaml"), 0o644)
    let inPlace = try await workspace.run(["secrets", "decrypt", "-i", "inplace.enc.yaml"], environment: SopsCLITests.keyEnvironment)
    #expect(inPlace.exitCode == 0)
    #expect(try workspace.mode("inplace.enc.yaml") == 0o600)
  }

  // MARK: Ctrl-C leaves nothing behind

  /// Ctrl-C while `age decrypt -o` streams: whatever happens next, no plaintext file appears and
  /// no temporary file stays. Twice: the second exits at once and must still clean up.
  @Test(arguments: [false, true]) func interruptedDecryptLeavesNoFile(secondSignal: Bool) async throws {
    let workspace = try Workspace()
    let sealed = try await workspace.run(["secrets", "age", "encrypt", "-r", Self.recipient, "-o", "secret.age", "secret.yaml"])
    #expect(sealed.exitCode == 0)
    let ciphertext = try Data(contentsOf: workspace.url.appendingPathComponent("secret.age"))

    let process = Process()
    process.executableURL = URL(fileURLWithPath: ProjectPaths.builtProduct("tack"))
    process.arguments = ["secrets", "age", "decrypt", "-i", "age-key.txt", "-o", "plain.yaml"]
    process.currentDirectoryURL = workspace.url
    process.environment = ["PATH": "/usr/bin:/bin", "HOME": workspace.path(".home"), "NO_COLOR": "1"]
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()

    func temporaryFiles() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.contains(".tack-") }
    }
    // The temporary file is open as soon as the command runs; wait for it before interrupting.
    let deadline = ContinuousClock.now + .seconds(300)
    while try temporaryFiles().isEmpty, process.isRunning, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(try !temporaryFiles().isEmpty)
    // Let the signal handlers settle in (they are installed as the command starts).
    try await Task.sleep(for: .milliseconds(200))
    process.interrupt()
    if secondSignal {
      try await Task.sleep(for: .milliseconds(300))
      process.interrupt()
    } else {
      // The stream completes after Ctrl-C: the file must still not be committed.
      input.fileHandleForWriting.write(ciphertext)
    }
    try input.fileHandleForWriting.close()
    while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    #expect(process.terminationStatus == 130)
    #expect(try temporaryFiles() == [])
    #expect(!workspace.exists("plain.yaml"))
  }

  // MARK: secrets never in messages

  @Test func anIdentityPassedAsRecipientIsNotPrinted() async throws {
    let workspace = try Workspace()
    let key = try #require(try workspace.text("age-key.txt").split(separator: "\n").first { $0.hasPrefix("AGE-SECRET-KEY-") })
    for arguments in [
      ["secrets", "encrypt", "--age", String(key), "secret.yaml"],
      ["secrets", "age", "encrypt", "-r", String(key), "secret.yaml"],
    ] {
      let result = try await workspace.run(arguments)
      #expect(result.exitCode != 0)
      #expect(result.stderr.contains("this is an age identity; pass its recipient (age-keygen -y)"), "\(result.stderr)")
      #expect(!result.stderr.contains(String(key)))
      #expect(!result.stdout.contains(String(key)))
    }
    // From SOPS_AGE_RECIPIENTS too.
    let fromEnvironment = try await workspace.run(["secrets", "encrypt", "secret.yaml"], environment: ["SOPS_AGE_RECIPIENTS": String(key)])
    #expect(fromEnvironment.exitCode != 0)
    #expect(!fromEnvironment.stderr.contains(String(key)))
  }

  @Test func certificateURLPasswordIsNotPrintedAndPlainHTTPIsRefused() async throws {
    let workspace = try Workspace()
    let password = "hunter2-cert-pass"
    let refused = try await workspace.run(
      ["secrets", "seal", "--cert", "https://ops:\(password)@127.0.0.1:1/v1/cert.pem", "secret.yaml"])
    #expect(refused.exitCode == 1)
    #expect(refused.stderr.contains("https://ops@127.0.0.1:1/v1/cert.pem"), "\(refused.stderr)")
    #expect(!refused.stderr.contains(password))

    let plain = try await workspace.run(["secrets", "seal", "--cert", "http://ops:\(password)@127.0.0.1:1/cert.pem", "secret.yaml"])
    #expect(plain.exitCode == 64)
    #expect(plain.stderr.contains("refusing to fetch the sealing certificate over plain http"), "\(plain.stderr)")
    #expect(!plain.stderr.contains(password))
    let fetch = try await workspace.run(["secrets", "fetch-cert", "--cert", "http://127.0.0.1:1/cert.pem"])
    #expect(fetch.exitCode == 64)
  }
}
