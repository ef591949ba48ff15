#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file system call that failed, naming the file: `writing out.yaml: No space left on device`.
public struct FileError: TackError, Equatable {
  public var path: String
  /// What was being done to the file (`opening`, `writing`, `replacing`, …), as the message says it.
  public var operation: String
  /// The system's words for `errno`.
  public var reason: String
  /// The `errno` behind it, when a system call failed.
  public var code: Int32?

  public init(path: String, operation: String, reason: String) {
    self.path = path
    self.operation = operation
    self.reason = reason
  }

  /// The failure `errno` stands for.
  public init(path: String, operation: String, errno code: Int32) {
    self.init(path: path, operation: operation, reason: String(cString: strerror(code)))
    self.code = code
  }

  /// The reader went away (`tack … | head`): not worth a message, and the exit status says so.
  public var isBrokenPipe: Bool { code == EPIPE }

  public var exitStatus: ExitStatus { isBrokenPipe ? .brokenPipe : .failure }

  public var description: String { "\(operation) \(path): \(reason)" }
}
