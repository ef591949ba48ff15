import Foundation
import TackBase
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

  static func environment(_ workspace: Workspace) -> [String: String] {
    [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": workspace.path(".home"),
      "NO_COLOR": "1", "SOPS_AGE_KEY_FILE": "age-key.txt",
    ]
  }

  /// Runs the built `tack` with stdout going to `/dev/full`.
  static func runToFullDevice(_ arguments: [String], in workspace: Workspace) async throws -> ChildProcessResult {
    try await ChildProcess(
      executable: ProjectPaths.builtProduct("tack"), arguments: arguments, environment: environment(workspace),
      currentDirectory: workspace.url.path, standardOutput: .file("/dev/full")
    ).run(timeout: .seconds(600))
  }

  /// Runs the built `tack` with stdout on a pipe whose read end is closed before it starts, so
  /// every write fails with EPIPE (`tack … | head -c1` without the race). Python makes the pipe
  /// and execs tack on it.
  static func runIntoClosedPipe(_ arguments: [String], in workspace: Workspace) async throws -> ChildProcessResult {
    let code = "import os, sys\nr, w = os.pipe()\nos.close(r)\nos.dup2(w, 1)\nos.execv(sys.argv[1], sys.argv[1:])"
    return try await ChildProcess(
      executable: "/usr/bin/python3", arguments: ["-c", code, ProjectPaths.builtProduct("tack")] + arguments,
      environment: environment(workspace), currentDirectory: workspace.url.path
    ).run(timeout: .seconds(600))
  }

  // MARK: checked writes

  @Test func encryptToAFullDiskFailsNamingStdout() async throws {
    let workspace = try Workspace()
    let result = try await Self.runToFullDevice(["secrets", "encrypt", "--age", Self.recipient, "secret.yaml"], in: workspace)
    let stderr = String(decoding: result.stderr, as: UTF8.self)
    #expect(result.exitCode == 1)
    // One line naming stdout, after whatever progress the command printed.
    #expect(stderr.hasSuffix("✗ writing stdout: No space left on device\n"), "\(stderr)")
    #expect(stderr.components(separatedBy: "✗").count == 2)
  }

  @Test func decryptAgeAndKeygenToAFullDiskFail() async throws {
    let workspace = try Workspace()
    for arguments in [
      ["secrets", "decrypt", "secret.enc.yaml"],
      ["secrets", "age", "encrypt", "-a", "-r", Self.recipient, "secret.yaml"],
      ["secrets", "keygen"],
    ] {
      let result = try await Self.runToFullDevice(arguments, in: workspace)
      let stderr = String(decoding: result.stderr, as: UTF8.self)
      #expect(result.exitCode == 1, "\(arguments)")
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
      let result = try await Self.runIntoClosedPipe(arguments, in: workspace)
      let stderr = String(decoding: result.stderr, as: UTF8.self)
      // 141 as an exit status, not a death by SIGPIPE (which tack ignores).
      #expect(result.exitCode == 141 && result.signal == nil, "\(arguments): \(stderr)")
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

  /// Ctrl-C while `age decrypt -o` streams from a FIFO: no plaintext file appears and no temporary
  /// file stays, whether the stream then completes (one Ctrl-C) or tack exits at once (two).
  @Test(arguments: [false, true]) func interruptedDecryptLeavesNoFile(secondSignal: Bool) async throws {
    let workspace = try Workspace()
    let sealed = try await workspace.run(["secrets", "age", "encrypt", "-r", Self.recipient, "-o", "secret.age", "secret.yaml"])
    #expect(sealed.exitCode == 0)
    let ciphertext = Array(try Data(contentsOf: workspace.url.appendingPathComponent("secret.age")))
    let fifo = workspace.path("input.fifo")
    try #require(mkfifo(fifo, 0o600) == 0)
    // Held open read-write, so tack's open does not wait for a writer and EOF comes when it is closed.
    let writer = open(fifo, O_RDWR)
    try #require(writer >= 0)
    var writerOpen = true
    defer { if writerOpen { close(writer) } }

    let child = try ChildProcess(
      executable: ProjectPaths.builtProduct("tack"),
      arguments: ["secrets", "age", "decrypt", "-i", "age-key.txt", "-o", "plain.yaml", "input.fifo"],
      environment: Self.environment(workspace), currentDirectory: workspace.url.path, standardOutput: .null,
      standardError: .null
    ).spawn()
    func temporaryFiles() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.contains(".tack-") }
    }
    // The temporary file is open as soon as the command reads; wait for it before interrupting.
    let deadline = ContinuousClock.now + .seconds(300)
    while try temporaryFiles().isEmpty, !child.hasExited, ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(20))
    }
    #expect(try !temporaryFiles().isEmpty)
    // Let the signal handlers settle in (they are installed as the command starts).
    try await Task.sleep(for: .milliseconds(200))
    child.signal(SIGINT)
    if secondSignal {
      try await Task.sleep(for: .milliseconds(300))
      child.signal(SIGINT)
    } else {
      // The stream completes after Ctrl-C: the file must still not be committed. The signal reaches
      // the command's handler asynchronously (a dispatch source); on a loaded machine the stream could
      // otherwise end before the Ctrl-C is even seen, which is a different case from the one tested.
      try await Self.waitUntilDelivered(SIGINT, to: child.pid)
      try await Task.sleep(for: .milliseconds(500))
      #expect(ciphertext.withUnsafeBytes { Glibc.write(writer, $0.baseAddress, $0.count) } == ciphertext.count)
    }
    close(writer)
    writerOpen = false
    let result = await withCheckedContinuation { continuation in
      DedicatedThread.start(name: "test-wait") { continuation.resume(returning: child.communicate(timeout: .seconds(120))) }
    }
    #expect(result.exitCode == 130, "\(result.exitCode) \(String(describing: result.signal))")
    #expect(try temporaryFiles() == [])
    #expect(!workspace.exists("plain.yaml"))
  }

  /// Waits until `signal` is no longer pending for `pid` (per thread or process-wide), so the
  /// process has taken it.
  static func waitUntilDelivered(_ signal: Int32, to pid: pid_t) async throws {
    let bit = UInt64(1) << UInt64(signal - 1)
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
      let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
      let pending = status.split(separator: "\n").filter { $0.hasPrefix("SigPnd:") || $0.hasPrefix("ShdPnd:") }
        .compactMap { UInt64($0.split(separator: "\t").last.map(String.init) ?? "", radix: 16) }
      if pending.count == 2, pending.allSatisfy({ $0 & bit == 0 }) { return }
      try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("signal \(signal) still pending for \(pid) after 60 s")
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
