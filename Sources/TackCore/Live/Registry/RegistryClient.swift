import Crypto
import Synchronization
import TackBase
import TackHTTP
import TackJSON

/// The distribution API subset Flux artifacts need, over TackHTTP: blobs (HEAD, monolithic and
/// chunked upload, streamed download), manifests (GET, HEAD, PUT) and the tag list (following
/// `Link` pages). Authentication follows the registry's challenge: Basic with the credentials, or
/// a bearer token fetched from the `WWW-Authenticate` realm for the scopes the request needs.
///
/// ```swift
/// let client = RegistryClient(registry: "ghcr.io", repository: "org/app", options: options)
/// if try await !client.blobExists(digest) { try await client.uploadBlob(file: path, digest: digest, size: size) }
/// let digest = try await client.putManifest(bytes, reference: "v1")
/// ```
public final class RegistryClient: Sendable {
  public struct Options: Sendable {
    public var credentials: RegistryCredentials
    /// Skip TLS verification (`--insecure-registry`).
    public var insecure: Bool
    /// Plain HTTP instead of HTTPS (loopback registries in tests and benchmarks).
    public var plainHTTP: Bool
    /// A PEM CA bundle file trusted instead of the system store.
    public var certificateAuthorityFile: String?
    /// Blobs from files larger than this are sent in PATCH chunks of this size (each read into
    /// memory); others in one PUT streamed from the file, which keeps memory flat (the default).
    public var chunkSize: Int
    public var log: RequestLog?
    public var userAgent: String

    public init(
      credentials: RegistryCredentials = .anonymous, insecure: Bool = false, plainHTTP: Bool = false,
      certificateAuthorityFile: String? = nil, chunkSize: Int = .max, log: RequestLog? = nil,
      userAgent: String = "tack"
    ) {
      self.credentials = credentials
      self.insecure = insecure
      self.plainHTTP = plainHTTP
      self.certificateAuthorityFile = certificateAuthorityFile
      self.chunkSize = chunkSize
      self.log = log
      self.userAgent = userAgent
    }
  }

  public static let manifestMediaTypes = [
    "application/vnd.oci.image.manifest.v1+json", "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.v2+json", "application/vnd.docker.distribution.manifest.list.v2+json",
  ]

  public let registry: String
  public let repository: String
  let options: Options
  let http: HTTPClient
  /// `https://host` (or `http://` for plain registries); switches to `http://` once when an
  /// `--insecure-registry` registry does not speak TLS, as go-containerregistry falls back.
  private let baseURL: Mutex<String>
  var base: String { baseURL.withLock { $0 } }
  /// The Authorization value that last worked, reused until a 401.
  private let authorization = Mutex<String?>(nil)

  /// - Parameter transport: replaces libcurl (tests).
  public init(registry: String, repository: String, options: Options, transport: (any HTTPTransport)? = nil) {
    self.registry = registry
    self.repository = repository
    self.options = options
    let host = registry == "index.docker.io" ? "registry-1.docker.io" : registry
    baseURL = Mutex((options.plainHTTP ? "http://" : "https://") + host)
    http = HTTPClient(
      configuration: .init(
        tls: TLSOptions(certificateAuthorityFile: options.certificateAuthorityFile, insecureSkipVerify: options.insecure),
        timeout: nil, contentDecoding: .identity, redirects: .follow(max: 5), userAgent: options.userAgent,
        log: options.log, maxResponseBytes: 16 << 20),
      transport: transport, sleep: transport == nil ? Self.realSleep : Self.noSleep)
  }

  private static let realSleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
  /// Scripted transports answer at once; their retries need no wait.
  private static let noSleep: @Sendable (Duration) async throws -> Void = { _ in }

  // MARK: blobs

  public func blobExists(_ digest: String) async throws -> Bool {
    let response = try await send("HEAD", "/v2/\(repository)/blobs/\(digest)", push: false)
    if response.status == 404 { return false }
    try check(response, operation: "checking blob \(digest)")
    return true
  }

  /// Uploads a blob from a file (streamed) or from memory, then checks the digest the registry
  /// reports. Small blobs go in one `PUT`, larger ones in `PATCH` chunks of `chunkSize`.
  public func uploadBlob(_ body: HTTPBody, digest: String, size: Int) async throws {
    let start = try await send("POST", "/v2/\(repository)/blobs/uploads/", push: true, headers: [("Content-Length", "0")])
    try check(start, operation: "starting upload of \(digest)", expect: [202, 201])
    if start.status == 201 { return }
    var location = try uploadLocation(start)
    if size > options.chunkSize, case .file(let path) = body {
      var offset = 0
      let file = try ChunkReader(path: path)
      while offset < size {
        let chunk = try file.next(max: options.chunkSize)
        guard !chunk.isEmpty else { throw OCIError.io(path: path, reason: "file shrank during upload") }
        let response = try await send(
          "PATCH", location, push: true,
          headers: [
            ("Content-Type", "application/octet-stream"),
            ("Content-Range", "\(offset)-\(offset + chunk.count - 1)"),
          ], body: .bytes(chunk))
        try check(response, operation: "uploading \(digest)", expect: [202])
        location = try uploadLocation(response)
        offset += chunk.count
      }
      let done = try await send("PUT", Self.appending(digest: digest, to: location), push: true, headers: [("Content-Length", "0")])
      try checkUploaded(done, digest: digest)
    } else {
      let done = try await send(
        "PUT", Self.appending(digest: digest, to: location), push: true,
        headers: [("Content-Type", "application/octet-stream")], body: body)
      try checkUploaded(done, digest: digest)
    }
  }

  private func checkUploaded(_ response: HTTPResponse, digest: String) throws {
    try check(response, operation: "uploading \(digest)", expect: [201, 204])
    if let reported = response.header("Docker-Content-Digest"), reported != digest {
      throw OCIError.digestMismatch(what: "uploaded blob", expected: digest, actual: reported)
    }
  }

  /// Streams a blob into `sink`, checking its sha256 against `digest` at the end.
  public func downloadBlob(_ digest: String, into sink: ([UInt8]) throws -> Void) async throws {
    let response = try await stream("/v2/\(repository)/blobs/\(digest)")
    guard (200..<300).contains(response.status) else {
      let body = try await response.collect()
      try check(HTTPResponse(status: response.status, headers: response.headers, body: body), operation: "downloading blob \(digest)")
      return
    }
    var hash = SHA256()
    for try await chunk in response.body {
      hash.update(data: chunk)
      try sink(chunk)
    }
    let actual = Digest.string(hash.finalize())
    guard actual == digest else { throw OCIError.digestMismatch(what: "blob", expected: digest, actual: actual) }
  }

  // MARK: manifests

  public struct Manifest: Sendable {
    public var bytes: [UInt8]
    public var mediaType: String
    public var digest: String
  }

  /// The manifest's exact bytes, checked against the digest asked for or reported.
  public func manifest(_ reference: String) async throws -> Manifest {
    let response = try await send(
      "GET", "/v2/\(repository)/manifests/\(reference)", push: false,
      headers: [("Accept", Self.manifestMediaTypes.joined(separator: ", "))])
    if response.status == 404 { throw OCIError.notFound(what: "artifact \(registry)/\(repository):\(reference)") }
    try check(response, operation: "reading manifest \(reference)")
    let actual = Digest.of(response.body)
    if reference.hasPrefix("sha256:"), actual != reference {
      throw OCIError.digestMismatch(what: "manifest", expected: reference, actual: actual)
    }
    if let reported = response.header("Docker-Content-Digest"), reported.hasPrefix("sha256:"), reported != actual {
      throw OCIError.digestMismatch(what: "manifest", expected: reported, actual: actual)
    }
    let type = response.header("Content-Type") ?? "application/vnd.oci.image.manifest.v1+json"
    return Manifest(bytes: response.body, mediaType: type, digest: actual)
  }

  /// The digest of the manifest at `reference`, nil when there is none.
  public func manifestDigest(_ reference: String) async throws -> String? {
    let response = try await send(
      "HEAD", "/v2/\(repository)/manifests/\(reference)", push: false,
      headers: [("Accept", Self.manifestMediaTypes.joined(separator: ", "))])
    if response.status == 404 { return nil }
    try check(response, operation: "checking manifest \(reference)")
    return response.header("Docker-Content-Digest")
  }

  /// Stores `bytes` under `reference` and returns their digest.
  @discardableResult
  public func putManifest(_ bytes: [UInt8], mediaType: String, reference: String) async throws -> String {
    let response = try await send(
      "PUT", "/v2/\(repository)/manifests/\(reference)", push: true, headers: [("Content-Type", mediaType)],
      body: .bytes(bytes))
    try check(response, operation: "storing manifest \(reference)", expect: [201, 200, 202])
    let digest = Digest.of(bytes)
    if let reported = response.header("Docker-Content-Digest"), reported != digest {
      throw OCIError.digestMismatch(what: "stored manifest", expected: digest, actual: reported)
    }
    return digest
  }

  // MARK: tags

  /// Every tag, following `Link: <…>; rel="next"` pages.
  public func tags() async throws -> [String] {
    var tags: [String] = []
    var next: String? = "/v2/\(repository)/tags/list?n=1000"
    var pages = 0
    while let path = next, pages < 10_000 {
      pages += 1
      let response = try await send("GET", path, push: false)
      if response.status == 404 { throw OCIError.notFound(what: "repository \(registry)/\(repository)") }
      try check(response, operation: "listing tags")
      guard let json = try? JSON.parse(response.body) else {
        throw OCIError.unexpected(operation: "listing tags", status: response.status, detail: "the body is not JSON")
      }
      tags += json["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
      next = response.header("Link").flatMap(Self.nextLink)
    }
    return tags
  }

  static func nextLink(_ header: String) -> String? {
    for part in header.split(separator: ",") where part.contains("rel=\"next\"") || part.contains("rel=next") {
      guard let open = part.firstIndex(of: "<"), let close = part.firstIndex(of: ">"), open < close else { continue }
      return String(part[part.index(after: open)..<close])
    }
    return nil
  }

  // MARK: transport and authentication

  func url(_ pathOrURL: String) -> String {
    pathOrURL.hasPrefix("http://") || pathOrURL.hasPrefix("https://") ? pathOrURL : base + pathOrURL
  }

  func send(
    _ method: String, _ path: String, push: Bool, headers: [(name: String, value: String)] = [],
    body: HTTPBody? = nil
  ) async throws -> HTTPResponse {
    var request = HTTPRequest(method: method, url: url(path), headers: headers, body: body)
    if let value = authorization.withLock({ $0 }) { request.headers.append(("Authorization", value)) }
    var response: HTTPResponse
    do {
      response = try await http.send(request)
    } catch let error as HTTPTransportError where fallsBackToPlainHTTP(error) {
      request.url = url(path)
      response = try await http.send(request)
    }
    if response.status == 401, let challenge = response.header("WWW-Authenticate").flatMap(RegistryChallenge.init) {
      let value = try await authorize(challenge, push: push)
      request.headers.removeAll { $0.name == "Authorization" }
      request.headers.append(("Authorization", value))
      response = try await http.send(request)
    }
    return response
  }

  func stream(_ path: String) async throws -> HTTPStreamResponse {
    var request = HTTPRequest(url: url(path))
    if let value = authorization.withLock({ $0 }) { request.headers.append(("Authorization", value)) }
    var response: HTTPStreamResponse
    do {
      response = try await http.stream(request)
    } catch let error as HTTPTransportError where fallsBackToPlainHTTP(error) {
      request.url = url(path)
      response = try await http.stream(request)
    }
    if response.status == 401, let challenge = response.header("WWW-Authenticate").flatMap(RegistryChallenge.init) {
      let value = try await authorize(challenge, push: false)
      request.headers.removeAll { $0.name == "Authorization" }
      request.headers.append(("Authorization", value))
      response = try await http.stream(request)
    }
    return response
  }

  /// With `--insecure-registry`, a TLS failure against `https://` moves the client to `http://`
  /// (true when the caller should retry).
  private func fallsBackToPlainHTTP(_ error: HTTPTransportError) -> Bool {
    guard options.insecure, error.kind == .tls || error.kind == .connectionReset else { return false }
    return baseURL.withLock { base in
      guard base.hasPrefix("https://") else { return false }
      base = "http://" + base.dropFirst("https://".count)
      return true
    }
  }

  /// The Authorization value that answers `challenge`, remembered for later requests.
  private func authorize(_ challenge: RegistryChallenge, push: Bool) async throws -> String {
    let value: String
    switch (challenge.scheme, options.credentials) {
    case (.basic, .basic(let username, let password)):
      value = "Basic " + Base64.encode(Array("\(username):\(password)".utf8))
    case (.basic, _):
      throw OCIError.unauthorized(registry: registry)
    case (.bearer, .registryToken(let token)):
      value = "Bearer " + token
    case (.bearer, _):
      value = "Bearer " + (try await token(challenge, push: push))
    }
    authorization.withLock { $0 = value }
    return value
  }

  private func token(_ challenge: RegistryChallenge, push: Bool) async throws -> String {
    guard let realm = challenge.realm, realm.hasPrefix("https://") || realm.hasPrefix("http://") else {
      throw OCIError.tokenExchange(realm: challenge.realm ?? "", reason: "the challenge names no usable realm")
    }
    var scopes = challenge.scopes
    let wanted = "repository:\(repository):" + (push ? "pull,push" : "pull")
    if !scopes.contains(wanted) { scopes.append(wanted) }
    var query: [String] = []
    if let service = challenge.service { query.append("service=" + Self.formEncode(service)) }
    for scope in scopes { query.append("scope=" + Self.formEncode(scope)) }
    var request = HTTPRequest(url: realm + (realm.contains("?") ? "&" : "?") + query.joined(separator: "&"))
    if case .basic(let username, let password) = options.credentials {
      request.headers.append(("Authorization", "Basic " + Base64.encode(Array("\(username):\(password)".utf8))))
    }
    let response = try await http.send(request)
    switch response.status {
    case 200: break
    case 401: throw OCIError.unauthorized(registry: registry)
    case 403: throw OCIError.denied(registry: registry, repository: repository)
    default: throw OCIError.tokenExchange(realm: realm, reason: "HTTP \(response.status)")
    }
    guard let json = try? JSON.parse(response.body),
      let token = json["token"]?.stringValue ?? json["access_token"]?.stringValue, !token.isEmpty
    else { throw OCIError.tokenExchange(realm: realm, reason: "the answer holds no token") }
    return token
  }

  static func formEncode(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
        out.append(Character(UnicodeScalar(byte)))
      default:
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return out
  }

  private func uploadLocation(_ response: HTTPResponse) throws -> String {
    guard let location = response.header("Location"), !location.isEmpty else {
      throw OCIError.unexpected(operation: "blob upload", status: response.status, detail: "no Location header")
    }
    if location.hasPrefix("http://") || location.hasPrefix("https://") { return location }
    return location.hasPrefix("/") ? base + location : base + "/v2/\(repository)/blobs/uploads/" + location
  }

  static func appending(digest: String, to location: String) -> String {
    location + (location.contains("?") ? "&" : "?") + "digest=" + formEncode(digest)
  }

  /// Maps an unsuccessful answer to a one-line error.
  func check(_ response: HTTPResponse, operation: String, expect: Set<Int> = [200]) throws {
    if expect.contains(response.status) || (expect == [200] && response.isSuccess) { return }
    switch response.status {
    case 401: throw OCIError.unauthorized(registry: registry)
    case 403: throw OCIError.denied(registry: registry, repository: repository)
    case 404: throw OCIError.notFound(what: "\(operation): \(registry)/\(repository)")
    case 429: throw OCIError.tooManyRequests(registry: registry)
    default:
      var detail = ""
      if let json = try? JSON.parse(response.body), let first = json["errors"]?[0] {
        detail = [first["code"]?.stringValue, first["message"]?.stringValue].compactMap { $0 }.joined(separator: ": ")
      }
      throw OCIError.unexpected(operation: operation, status: response.status, detail: TerminalSafe.line(detail))
    }
  }
}

/// Registry text in an error message: one line, no control characters, bounded.
enum TerminalSafe {
  static func line(_ text: String) -> String {
    String(String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7f ? " " : Character($0) }).prefix(300))
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
