import Foundation
import TackBase
import Testing

/// Children started the one way tack starts them: default signal dispositions whatever tack
/// ignores, no inherited descriptors, their own process group, a deadline and cancellation that end
/// the whole group.
@Suite struct ChildProcessTests {
  func shell(_ script: String, stdin: ChildProcess.Input = .null, group: Bool = true) -> ChildProcess {
    ChildProcess(
      executable: "/bin/sh", arguments: ["-c", script], environment: ["PATH": "/usr/bin:/bin"],
      standardInput: stdin, ownProcessGroup: group)
  }

  func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  @Test func capturesBothStreamsAndTheExitStatus() async throws {
    let result = try await shell("echo out; echo err >&2; exit 7").run()
    #expect(text(result.stdout) == "out\n")
    #expect(text(result.stderr) == "err\n")
    #expect(result.exitCode == 7)
    #expect(result.signal == nil)
    #expect(!result.timedOut)
  }

  @Test func feedsStandardInput() async throws {
    let input = Array(String(repeating: "line of input\n", count: 20_000).utf8)
    let result = try await shell("wc -c", stdin: .bytes(input)).run()
    #expect(text(result.stdout).trimmingCharacters(in: .whitespacesAndNewlines) == "\(input.count)")
  }

  @Test func aChildThatWritesBeforeItReadsDoesNotDeadlock() async throws {
    // Both buffers fill: the child waits for us to read its output while we have input left to give.
    let input = Array(repeating: UInt8(ascii: "x"), count: 4 << 20)
    let result = try await shell("head -c 2000000 /dev/zero; wc -c", stdin: .bytes(input)).run(timeout: .seconds(300))
    #expect(!result.timedOut)
    #expect(result.stdout.count > 2_000_000)
    #expect(text(Array(result.stdout.dropFirst(2_000_000))).trimmingCharacters(in: .whitespacesAndNewlines) == "\(input.count)")
  }

  @Test func aChildThatIgnoresItsInputDoesNotHurtTheParent() async throws {
    // Writing to a child that exited without reading would raise SIGPIPE in a pipe's writer.
    let result = try await shell("exit 0", stdin: .bytes(Array(repeating: 0x61, count: 4 << 20))).run()
    #expect(result.exitCode == 0)
  }

  @Test func runsInTheGivenDirectory() async throws {
    var child = shell("pwd")
    child.currentDirectory = "/usr"
    #expect(text(try await child.run().stdout) == "/usr\n")
  }

  @Test func aMissingExecutableIsATypedError() async throws {
    let child = ChildProcess(executable: "/nonexistent/plugin", environment: [:])
    await #expect(throws: ChildProcessError.self) { try await child.run() }
  }

  @Test func inheritsNoDescriptorButTheStandardThree() async throws {
    // A descriptor opened without CLOEXEC, as a C library may open one.
    let stray = open("/dev/null", O_RDONLY)
    defer { close(stray) }
    #expect(stray > 2)
    let result = try await shell("ls /proc/$$/fd").run()
    let descriptors = text(result.stdout).split(separator: "\n").compactMap { Int($0) }
    #expect(!descriptors.contains(Int(stray)), "\(descriptors)")
    #expect(descriptors.allSatisfy { $0 <= 2 || $0 == 10 /* dash's own script descriptor, if any */ }, "\(descriptors)")
  }

  @Test func leadsItsOwnProcessGroupUnlessItSharesTheTerminal() async throws {
    let own = text(try await shell("echo $$ $(cut -d' ' -f5 /proc/$$/stat)").run().stdout).split(separator: " ")
    #expect(own.count == 2 && own[0] == own[1].trimmingCharacters(in: .newlines), "\(own)")
    let shared = text(try await shell("cut -d' ' -f5 /proc/$$/stat", group: false).run().stdout)
    #expect(shared.trimmingCharacters(in: .newlines) == "\(getpgrp())")
  }

  @Test func startsWithDefaultSignalHandlingWhateverTheParentIgnores() async throws {
    // tack ignores SIGINT and SIGTERM (a dispatch source handles them); a child must not inherit that.
    let previous = signal(SIGUSR2, SIG_IGN)
    defer { signal(SIGUSR2, previous) }
    let result = try await shell("kill -USR2 $$; sleep 5; echo survived").run(timeout: .seconds(30))
    #expect(result.signal == SIGUSR2, "\(text(result.stdout))")
    #expect(result.exitCode == 128 + SIGUSR2)
  }

  @Test func aDeadlineEndsTheChildAndEverythingItStarted() async throws {
    let started = ContinuousClock.now
    let result = try await shell("sleep 600 & echo $!; wait").run(timeout: .milliseconds(300), gracePeriod: .seconds(1))
    #expect(result.timedOut)
    #expect(result.signal == SIGTERM)
    // Half the child's own 600 s: the whole suite shares two cores, and a test may wait long for a thread.
    #expect(ContinuousClock.now - started < .seconds(300))
    let grandchild = try #require(pid_t(text(result.stdout).trimmingCharacters(in: .newlines)))
    #expect(await Self.isGone(grandchild), "the background sleep outlived its parent's deadline")
  }

  @Test func aChildThatIgnoresSIGTERMIsKilledAfterTheGracePeriod() async throws {
    let result = try await shell("trap '' TERM; echo ready; sleep 600").run(
      timeout: .milliseconds(300), gracePeriod: .milliseconds(300))
    #expect(result.timedOut)
    #expect(result.signal == SIGKILL)
    #expect(text(result.stdout) == "ready\n")
  }

  @Test func cancellingTheTaskEndsTheChildPromptly() async throws {
    let marker = NSTemporaryDirectory() + "tack-child-\(UUID().uuidString)"
    defer { unlink(marker) }
    let child = shell("echo $$ > \(marker); exec sleep 600")
    let task = Task { try await child.run() }
    var pid: pid_t?
    for _ in 0..<200 where pid == nil {
      try await Task.sleep(for: .milliseconds(20))
      pid = (try? String(contentsOfFile: marker, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .newlines)) }
    }
    let started = ContinuousClock.now
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(ContinuousClock.now - started < .seconds(300))
    #expect(await Self.isGone(try #require(pid)))
  }

  @Test func outputHeldOpenByADaemonDoesNotHoldTheWait() async throws {
    // The child exits at once; the background sleep it leaves behind keeps stdout open.
    let started = ContinuousClock.now
    let result = try await shell("sleep 600 & echo $!; exit 0").run(timeout: .seconds(900))
    #expect(result.exitCode == 0)
    #expect(ContinuousClock.now - started < .seconds(300))
    let daemon = try #require(pid_t(text(result.stdout).trimmingCharacters(in: .newlines)))
    kill(daemon, SIGKILL)
  }

  /// Whether `pid` no longer names a live process (a zombie counts as gone), within a few seconds.
  static func isGone(_ pid: pid_t) async -> Bool {
    for _ in 0..<600 {
      if kill(pid, 0) != 0 { return true }
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      if stat.split(separator: " ").dropFirst(2).first == "Z" { return true }
      try? await Task.sleep(for: .milliseconds(50))
    }
    return false
  }
}
