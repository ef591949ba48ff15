internal import CCurl
internal import CCurlShims
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// libcurl's process-wide state: `curl_global_init` once, on first use (never at start-up, so
/// `tack version --client` stays fast). Thread-safe: Swift runs a `static let` initialiser exactly
/// once.
enum CurlRuntime {
  static let initialized: Bool = {
    let code = curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    precondition(code == CURLE_OK, "curl_global_init failed: \(code)")
    return true
  }()
}

/// Starts a detached POSIX thread running `body`. Used for work that blocks (libcurl's poll loop,
/// waiting for exec plugins) so it never occupies Swift's cooperative pool.
func startThread(name: String, _ body: @escaping @Sendable () -> Void) {
  final class Box: @unchecked Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
  }
  let box = Unmanaged.passRetained(Box(body)).toOpaque()
  var attributes = pthread_attr_t()
  pthread_attr_init(&attributes)
  pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
  var thread = pthread_t()
  let result = pthread_create(
    &thread, &attributes,
    { raw in
      let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
      box.body()
      return nil
    }, box)
  pthread_attr_destroy(&attributes)
  precondition(result == 0, "pthread_create failed: \(result)")
  _ = name
}
