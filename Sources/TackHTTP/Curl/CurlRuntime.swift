internal import CCurl
internal import CCurlShims

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
