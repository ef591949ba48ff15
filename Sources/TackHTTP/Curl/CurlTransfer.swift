internal import CCurl
internal import CCurlShims
import Synchronization
import TackBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One HTTP exchange: owns its curl easy handle (and the header lists and error buffer it points
/// to) and frees them in `deinit`. Set up on the caller's thread, then touched only by the loop
/// thread, except `cancellation`, which is guarded.
final class CurlTransfer: @unchecked Sendable {
  enum Mode {
    case buffered(CheckedContinuation<HTTPResponse, any Error>?)
    case streaming(head: CheckedContinuation<HTTPStreamResponse, any Error>?, buffer: StreamBuffer)
    /// Finished. Dropping the stream buffer here breaks the cycle transfer → buffer → (its resume
    /// and stop closures) → transfer, so the transfer and the client's loop can go away.
    case done
  }

  let easy: UnsafeMutableRawPointer
  /// For errors: scheme, host, port and path (never credentials).
  let url: String
  private var lists: [UnsafeMutablePointer<curl_slist>] = []
  private let errorBuffer: UnsafeMutablePointer<CChar>
  private let cancelled = Mutex<(any Error)?>(nil)

  /// A buffered body larger than this fails the transfer (nil: no limit).
  private let maxBodyBytes: Int?
  /// The file an upload reads from, closed with the transfer.
  private var uploadDescriptor: Int32 = -1

  // Loop-thread state.
  var mode: Mode = .buffered(nil)
  private var status = 0
  private var headers: [(name: String, value: String)] = []
  private var headersComplete = false
  private var body: [UInt8] = []
  private var bodyTooLarge = false

  init(url: String, maxBodyBytes: Int? = nil) throws {
    guard let easy = curl_easy_init() else { throw CurlError.setup("curl_easy_init returned NULL") }
    self.easy = easy
    self.url = url
    self.maxBodyBytes = maxBodyBytes
    errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    let me = Unmanaged.passUnretained(self).toOpaque()
    try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
    try set(CURLOPT_WRITEDATA, pointer: me)
    try set(CURLOPT_HEADERDATA, pointer: me)
    try check(tack_curl_easy_setopt_write_function(easy, curlWriteCallback), "CURLOPT_WRITEFUNCTION")
    try check(tack_curl_easy_setopt_header_function(easy, curlHeaderCallback), "CURLOPT_HEADERFUNCTION")
    try set(CURLOPT_URL, url)
  }

  deinit {
    curl_easy_cleanup(easy)
    for list in lists { curl_slist_free_all(list) }
    errorBuffer.deallocate()
    if uploadDescriptor >= 0 { close(uploadDescriptor) }
  }

  // MARK: setup (caller's thread, before the transfer is submitted)

  func set(_ option: CURLoption, _ value: Int) throws {
    try check(tack_curl_easy_setopt_long(easy, option, value), "\(option)")
  }

  func set(_ option: CURLoption, _ value: String?) throws {
    let code = value.map { tack_curl_easy_setopt_string(easy, option, $0) }
      ?? tack_curl_easy_setopt_string(easy, option, nil)
    try check(code, "\(option)")
  }

  func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
    try check(tack_curl_easy_setopt_pointer(easy, option, pointer), "\(option)")
  }

  /// Copies the bytes into libcurl (certificates and keys as in-memory blobs, never temp files).
  func set(_ option: CURLoption, blob: [UInt8]) throws {
    let code = blob.withUnsafeBytes { tack_curl_easy_setopt_blob(easy, option, $0.baseAddress, $0.count) }
    try check(code, "\(option)")
  }

  func set(_ option: CURLoption, list: [String]) throws {
    var head: UnsafeMutablePointer<curl_slist>?
    for item in list {
      guard let next = curl_slist_append(head, item) else {
        if let head { curl_slist_free_all(head) }
        throw CurlError.setup("curl_slist_append")
      }
      head = next
    }
    if let head { lists.append(head) }
    try check(tack_curl_easy_setopt_slist(easy, option, head), "\(option)")
  }

  /// A request body; libcurl copies it.
  func setBody(_ bytes: [UInt8]) throws {
    try check(tack_curl_easy_setopt_offset(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)), "POSTFIELDSIZE")
    let code = bytes.withUnsafeBytes { raw in
      tack_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress ?? UnsafeRawPointer(errorBuffer)))
    }
    try check(code, "CURLOPT_COPYPOSTFIELDS")
  }

  /// A request body read from a file while the transfer sends it (on the loop thread: a local
  /// file read is short, and the cooperative pool never waits on it).
  func setUpload(path: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw HTTPTransportError(kind: .other, url: url, detail: "cannot read \(path): \(String(cString: strerror(errno)))")
    }
    uploadDescriptor = descriptor
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw HTTPTransportError(kind: .other, url: url, detail: "cannot read \(path): \(String(cString: strerror(errno)))")
    }
    try set(CURLOPT_UPLOAD, 1)
    try check(tack_curl_easy_setopt_offset(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(info.st_size)), "INFILESIZE")
    try set(CURLOPT_READDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
    try check(tack_curl_easy_setopt_read_function(easy, curlReadCallback), "CURLOPT_READFUNCTION")
  }

  /// libcurl wants upload bytes: the next part of the file, 0 at its end.
  func readUpload(into buffer: UnsafeMutableRawBufferPointer) -> Int {
    while true {
      let count = read(uploadDescriptor, buffer.baseAddress, buffer.count)
      if count >= 0 { return count }
      if errno == EINTR { continue }
      return tack_curl_readfunc_abort()
    }
  }

  private func check(_ code: CURLcode, _ what: String) throws {
    guard code == CURLE_OK else {
      throw CurlError.setup("\(what): \(String(cString: curl_easy_strerror(code)))")
    }
  }

  // MARK: cancellation (any thread)

  /// Marks the transfer cancelled; the loop finishes it (or refuses to start it) with `error`.
  func markCancelled(_ error: any Error) -> Bool {
    cancelled.withLock { state in
      guard state == nil else { return false }
      state = error
      return true
    }
  }

  var cancellation: (any Error)? { cancelled.withLock { $0 } }

  // MARK: callbacks (loop thread)

  func receiveHeader(_ line: String) {
    let trimmed = line.trimming("\r\n")
    if trimmed.hasPrefix("HTTP/") {
      let parts = trimmed.split(separator: " ", maxSplits: 2)
      status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
      headers = []
      headersComplete = false
    } else if trimmed.isEmpty {
      // End of one header block; 1xx blocks (100 Continue) are followed by the real one.
      if status >= 200 {
        headersComplete = true
        deliverHead()
      }
    } else if let colon = trimmed.firstIndex(of: ":") {
      let name = String(trimmed[..<colon])
      let value = trimmed[trimmed.index(after: colon)...].trimming(" \t")
      headers.append((name, value))
    }
  }

  /// Returns the number of bytes taken, or the pause sentinel when a streaming consumer is behind.
  func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
    switch mode {
    case .buffered, .done:
      if let maxBodyBytes, body.count + bytes.count > maxBodyBytes {
        bodyTooLarge = true
        return 0
      }
      body.append(contentsOf: bytes)
      return bytes.count
    case .streaming(_, let buffer):
      deliverHead()
      guard buffer.offer(Array(bytes)) else { return tack_curl_writefunc_pause() }
      return bytes.count
    }
  }

  private func deliverHead() {
    guard case .streaming(let head?, let buffer) = mode else { return }
    mode = .streaming(head: nil, buffer: buffer)
    head.resume(returning: HTTPStreamResponse(status: status, headers: headers, body: ResponseBody(buffer)))
  }

  /// The transfer ended without libcurl finishing it (cancelled, or never started).
  func finish(_ result: Result<Void, any Error>) {
    guard case .failure(let error) = result else { return }
    switch mode {
    case .buffered(let continuation?):
      mode = .buffered(nil)
      continuation.resume(throwing: error)
    case .streaming(let head, let buffer):
      if let head {
        mode = .streaming(head: nil, buffer: buffer)
        head.resume(throwing: error)
      }
      buffer.finish(error)
      mode = .done
    default:
      break
    }
  }

  /// libcurl finished the transfer with `code`.
  func complete(code: CURLcode) {
    if code != CURLE_OK {
      finish(.failure(transportError(code)))
      return
    }
    if status == 0 {
      var value = 0
      _ = tack_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &value)
      status = value
    }
    switch mode {
    case .buffered(let continuation?):
      mode = .buffered(nil)
      continuation.resume(returning: HTTPResponse(status: status, headers: headers, body: body))
    case .streaming(_, let buffer):
      deliverHead()
      buffer.finish(nil)
      mode = .done
    default:
      break
    }
  }

  private func transportError(_ code: CURLcode) -> HTTPTransportError {
    if bodyTooLarge, let maxBodyBytes {
      return HTTPTransportError(
        kind: .bodyTooLarge, url: url, detail: "the response body is larger than the limit of \(ByteCount(maxBodyBytes))")
    }
    var detail = String(cString: errorBuffer)
    if detail.isEmpty { detail = String(cString: curl_easy_strerror(code)) }
    var connectMicros: curl_off_t = 0
    _ = tack_curl_easy_getinfo_offset(easy, CURLINFO_CONNECT_TIME_T, &connectMicros)
    let connected = connectMicros > 0
    let kind: HTTPTransportError.Kind
    var neverSent = false
    switch code {
    case CURLE_COULDNT_RESOLVE_HOST:
      kind = .dns
      neverSent = true
    case CURLE_COULDNT_CONNECT:
      kind = .connectionRefused
      neverSent = true
    case CURLE_COULDNT_RESOLVE_PROXY:
      kind = .proxy
      neverSent = true
    case CURLE_OPERATION_TIMEDOUT:
      kind = .timedOut
      neverSent = !connected
    case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE,
      CURLE_SSL_CIPHER, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
      CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED:
      kind = .tls
    case CURLE_SSL_CERTPROBLEM:
      kind = .clientCertificate
    case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
      CURLE_HTTP2_STREAM:
      kind = .connectionReset
    default:
      kind = .other
    }
    return HTTPTransportError(kind: kind, url: url, detail: detail, neverSent: neverSent)
  }
}

/// libcurl's write callback: hands body bytes to the transfer (userdata is the unretained transfer,
/// kept alive by the loop while it is attached).
private func curlWriteCallback(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
  guard let userdata, let data else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
  return transfer.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
}

private func curlHeaderCallback(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
  guard let userdata, let data else { return 0 }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
  let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
  transfer.receiveHeader(String(decoding: bytes, as: UTF8.self))
  return size * count
}

private func curlReadCallback(
  _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
  guard let userdata, let data else { return tack_curl_readfunc_abort() }
  let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
  return transfer.readUpload(into: UnsafeMutableRawBufferPointer(start: data, count: size * count))
}
