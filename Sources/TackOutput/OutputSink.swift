#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization
import TackBase

/// Where bytes go: a file descriptor in the tool, memory in tests.
public protocol OutputSink: Sendable {
  func write(_ bytes: [UInt8])
  /// The first write that failed, if any. Writes do not throw (every renderer would have to pass
  /// errors through); the process edge asks here once the command is done.
  var writeFailure: FileError? { get }
  /// Runs `handler` once, when a write first fails, so a long-running command (a watch) stops.
  func whenWriteFails(_ handler: @escaping @Sendable () -> Void)
}

extension OutputSink {
  public func write(_ text: String) { write(Array(text.utf8)) }
  public var writeFailure: FileError? { nil }
  public func whenWriteFails(_ handler: @escaping @Sendable () -> Void) {}
}

/// Writes straight to a file descriptor, retrying short writes and EINTR. A failed write (a full
/// disk, an I/O error, a closed pipe: SIGPIPE is ignored by the entry point, so EPIPE arrives here)
/// is remembered, later writes are dropped, and the process edge turns it into the exit status.
public final class FileDescriptorSink: OutputSink {
  public let descriptor: Int32
  /// How messages name the destination (`stdout`).
  public let name: String
  private let state = Mutex(State())

  private struct State {
    var failure: FileError?
    var handlers: [@Sendable () -> Void] = []
  }

  public init(descriptor: Int32, name: String) {
    self.descriptor = descriptor
    self.name = name
  }

  /// A sink for the process's stdout; each call makes its own, so no state is shared between
  /// commands run in one process.
  public static func standardOutput() -> FileDescriptorSink { FileDescriptorSink(descriptor: 1, name: "stdout") }
  public static func standardError() -> FileDescriptorSink { FileDescriptorSink(descriptor: 2, name: "stderr") }

  public func write(_ bytes: [UInt8]) {
    guard state.withLock({ $0.failure == nil }) else { return }
    var failure: Int32 = 0
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let n = raw.baseAddress.map { base in
          #if canImport(Glibc) || canImport(Musl)
            Glibc.write(descriptor, base + offset, raw.count - offset)
          #else
            Darwin.write(descriptor, base + offset, raw.count - offset)
          #endif
        } ?? 0
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += n
      }
    }
    guard failure != 0 else { return }
    let error = FileError(path: name, operation: "writing", errno: failure)
    let handlers = state.withLock { state -> [@Sendable () -> Void] in
      guard state.failure == nil else { return [] }
      state.failure = error
      defer { state.handlers = [] }
      return state.handlers
    }
    for handler in handlers { handler() }
  }

  public var writeFailure: FileError? { state.withLock { $0.failure } }

  public func whenWriteFails(_ handler: @escaping @Sendable () -> Void) {
    let failedAlready = state.withLock { state -> Bool in
      if state.failure != nil { return true }
      state.handlers.append(handler)
      return false
    }
    if failedAlready { handler() }
  }

  public var isTerminal: Bool { isatty(descriptor) == 1 }
}

/// Collects output in memory; tests read it back.
public final class MemorySink: OutputSink {
  private let storage = Mutex<[UInt8]>([])
  public init() {}
  public func write(_ bytes: [UInt8]) { storage.withLock { $0.append(contentsOf: bytes) } }
  public var bytes: [UInt8] { storage.withLock { $0 } }
  public var text: String { String(decoding: bytes, as: UTF8.self) }
}
