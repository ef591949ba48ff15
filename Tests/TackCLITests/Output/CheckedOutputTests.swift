import Foundation
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
}
