import Foundation
import TackBase
import TackCLI
import TackOutput
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Any command's stdout is checked at the process edge, not only the secrets commands': a full
/// disk is an error naming stdout, a reader that left (`| head`) a quiet 141.
@Suite struct CheckedOutputTests {
  func run(_ arguments: [String], stdout descriptor: Int32) async -> (Int32, String) {
    _ = InProcessTack.pinProcessSettings
    let err = MemorySink()
    let out = FileDescriptorSink(descriptor: descriptor, name: "stdout")
    let context = CommandContext(
      console: Console(out: out, err: err, style: TerminalStyle(width: 100)), environment: TackProcess.baseEnvironment())
    return (await TackMain.execute(arguments, context: context), err.text)
  }

  @Test func aFullDiskIsAnErrorNamingStdout() async throws {
    let full = open("/dev/full", O_WRONLY)
    try #require(full >= 0)
    defer { close(full) }
    let (code, stderr) = await run(["completion", "bash"], stdout: full)
    #expect(code == 1)
    #expect(stderr == "✗ writing stdout: No space left on device\n")
  }

  @Test func aClosedPipeIsQuiet() async throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    defer { close(ends[1]) }
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    let (code, stderr) = await run(["completion", "bash"], stdout: ends[1])
    #expect(code == 141)
    #expect(stderr == "")
  }

  /// `tack get ks -w | head -1`: once the reader has gone, the watch ends (141) instead of running
  /// on and printing into the void. Python makes a pipe, closes its read end and execs tack on it.
  @Test func aWatchEndsWhenItsReaderLeaves() async throws {
    try await GetCommandTests.withSeededCluster { _, kubeconfig in
      var environment = TackProcess.baseEnvironment()
      environment["KUBECONFIG"] = kubeconfig
      let code = "import os, sys\nr, w = os.pipe()\nos.close(r)\nos.dup2(w, 1)\nos.execv(sys.argv[1], sys.argv[1:])"
      let result = try await ChildProcess(
        executable: "/usr/bin/python3", arguments: ["-c", code, TackProcess.tackPath, "get", "ks", "-w"],
        environment: environment
      ).run(timeout: .seconds(300))
      #expect(!result.timedOut)
      #expect(result.exitCode == 141 && result.signal == nil, "\(result.exitCode) \(String(decoding: result.stderr, as: UTF8.self))")
      #expect(!String(decoding: result.stderr, as: UTF8.self).contains("✗"))
    }
  }
}
