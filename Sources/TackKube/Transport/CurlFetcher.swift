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

/// Downloads a whole document over HTTP(S) with libcurl: redirects followed (GitHub release assets
/// redirect to a CDN), TLS verified (against `caFile` when given), the environment's proxy settings
/// honoured. The blocking transfer runs on its own thread, never on Swift's cooperative pool;
/// cancelling the calling task aborts it at the next progress callback.
public struct CurlFetcher: HTTPFetching {
  public var userAgent: String

  public init(userAgent: String = "tack") { self.userAgent = userAgent }

  public func get(_ url: String, options: HTTPFetchOptions) async throws -> HTTPFetchResponse {
    _ = CurlRuntime.initialized
    let transfer = FetchTransfer(url: url, options: options, userAgent: userAgent)
    return try await withTaskCancellationHandler {
      try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPFetchResponse, any Error>) in
        startThread(name: "tack-fetch") { continuation.resume(with: transfer.perform()) }
      }
    } onCancel: {
      transfer.cancel()
    }
  }
}

/// A download failed before an HTTP status arrived.
public struct FetchError: Error, Sendable, CustomStringConvertible {
  public var url: String
  public var reason: String
  public var description: String { "\(url): \(reason)" }
}

/// One transfer's state, shared with libcurl's callbacks through an unretained pointer that the
/// performing thread keeps alive.
final class FetchTransfer: Sendable {
  let url: String
  let options: HTTPFetchOptions
  let userAgent: String
  private let cancelled = Atomic<Bool>(false)
  private let body = Mutex<[UInt8]>([])
  private let overflow = Atomic<Bool>(false)

  init(url: String, options: HTTPFetchOptions, userAgent: String) {
    self.url = url
    self.options = options
    self.userAgent = userAgent
  }

  func cancel() { cancelled.store(true, ordering: .relaxed) }
  var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

  func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
    body.withLock { body in
      if body.count + bytes.count > options.maxBytes {
        overflow.store(true, ordering: .relaxed)
        return false
      }
      body.append(contentsOf: bytes)
      return true
    }
  }

  func perform() -> Result<HTTPFetchResponse, any Error> {
    guard let handle = curl_easy_init() else {
      return .failure(FetchError(url: url, reason: "libcurl could not start a transfer"))
    }
    defer { curl_easy_cleanup(handle) }
    var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    let code: CURLcode = withExtendedLifetime(self) {
      errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
        tack_curl_easy_setopt_string(handle, CURLOPT_URL, url)
        tack_curl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
        tack_curl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 10)
        tack_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        tack_curl_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "https")
        tack_curl_easy_setopt_string(handle, CURLOPT_USERAGENT, userAgent)
        tack_curl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
        tack_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, 30)
        tack_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT, options.timeoutSeconds)
        tack_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        if let caFile = options.caFile { tack_curl_easy_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        tack_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
        let context = Unmanaged.passUnretained(self).toOpaque()
        tack_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        tack_curl_easy_setopt_write_function(handle) { data, size, count, userdata in
          let transfer = Unmanaged<FetchTransfer>.fromOpaque(userdata!).takeUnretainedValue()
          let length = size * count
          guard let data, transfer.append(UnsafeRawBufferPointer(start: data, count: length)) else { return 0 }
          return length
        }
        tack_curl_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        tack_curl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, context)
        tack_curl_easy_setopt_xferinfo_function(handle) { userdata, _, _, _, _ in
          Unmanaged<FetchTransfer>.fromOpaque(userdata!).takeUnretainedValue().isCancelled ? 1 : 0
        }
        return curl_easy_perform(handle)
      }
    }
    if isCancelled { return .failure(CancellationError()) }
    if overflow.load(ordering: .relaxed) {
      return .failure(FetchError(url: url, reason: "the answer is larger than \(options.maxBytes >> 20) MiB"))
    }
    guard code == CURLE_OK else {
      let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
      return .failure(FetchError(url: url, reason: reason))
    }
    var status = 0
    tack_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    return .success(HTTPFetchResponse(status: status, body: body.withLock { $0 }))
  }
}
