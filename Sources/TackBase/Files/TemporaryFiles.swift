#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// The temporary files one command has open (`AtomicFile`'s), so the process edge can remove them
/// when it has to exit before they are committed or abandoned — a second Ctrl-C exits at once,
/// without unwinding, and would otherwise leave `.secret.yaml.tack-XXXXXX` full of plaintext
/// behind. One instance per command, passed down through the command's context.
public final class TemporaryFiles: Sendable {
  private let paths = Mutex<Set<String>>([])

  public init() {}

  func register(_ path: String) { _ = paths.withLock { $0.insert(path) } }
  func unregister(_ path: String) { _ = paths.withLock { $0.remove(path) } }

  /// The files still registered.
  public var pending: Set<String> { paths.withLock { $0 } }

  /// Unlinks every registered file. Safe from a signal handler's queue: it takes a lock and calls
  /// unlink(2), nothing else.
  public func removeAll() {
    let all = paths.withLock { paths -> Set<String> in
      defer { paths = [] }
      return paths
    }
    for path in all { unlink(path) }
  }
}
