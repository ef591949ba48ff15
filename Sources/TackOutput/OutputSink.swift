#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// Where bytes go: a file descriptor in the tool, memory in tests.
public protocol OutputSink: Sendable {
  func write(_ bytes: [UInt8])
}

extension OutputSink {
  public func write(_ text: String) { write(Array(text.utf8)) }
}

/// Writes straight to a file descriptor, retrying short writes and EINTR. A closed pipe (`tack get |
/// head`) stops output quietly: SIGPIPE is ignored by the entry point, so EPIPE arrives here.
public struct FileDescriptorSink: OutputSink {
  public let descriptor: Int32
  public init(descriptor: Int32) { self.descriptor = descriptor }

  public static let standardOutput = FileDescriptorSink(descriptor: 1)
  public static let standardError = FileDescriptorSink(descriptor: 2)

  public func write(_ bytes: [UInt8]) {
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
          return
        }
        offset += n
      }
    }
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
