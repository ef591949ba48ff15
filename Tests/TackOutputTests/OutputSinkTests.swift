import Foundation
import TackBase
import TackOutput
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Writes to stdout are checked: the sink remembers the first failure for the process edge.
@Suite struct OutputSinkTests {
  @Test func aFullDeviceIsRememberedNamingTheDestination() throws {
    let descriptor = open("/dev/full", O_WRONLY)
    try #require(descriptor >= 0)
    defer { close(descriptor) }
    let sink = FileDescriptorSink(descriptor: descriptor, name: "stdout")
    let told = Flag()
    sink.whenWriteFails { told.set() }
    #expect(sink.writeFailure == nil)
    sink.write("table\n")
    let failure = try #require(sink.writeFailure)
    #expect(failure.description == "writing stdout: No space left on device")
    #expect(!failure.isBrokenPipe)
    #expect(failure.exitStatus == .failure)
    #expect(told.isSet)
    // Later writes are dropped, the first failure stays.
    sink.write("more\n")
    #expect(sink.writeFailure == failure)
  }

  @Test func aClosedPipeIsABrokenPipe() throws {
    var ends: [Int32] = [0, 0]
    try #require(pipe(&ends) == 0)
    close(ends[0])
    defer { close(ends[1]) }
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    let sink = FileDescriptorSink(descriptor: ends[1], name: "stdout")
    sink.write("row\n")
    let failure = try #require(sink.writeFailure)
    #expect(failure.isBrokenPipe)
    #expect(failure.exitStatus == .brokenPipe)
    // A handler registered after the failure runs at once.
    let told = Flag()
    sink.whenWriteFails { told.set() }
    #expect(told.isSet)
  }

  final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
  }
}
