import Synchronization

/// One HTTP request to the API server, relative to the server URL. Built by `KubeClient`; the
/// transport adds the connection-level settings (TLS, proxy, compression).
public struct HTTPRequest: Sendable {
  public var method: String
  /// Absolute API path with its query, e.g. `/api/v1/namespaces/default/pods?limit=500`.
  public var path: String
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]?
  /// Deadline of this attempt; nil for none (watches).
  public var timeout: Duration?
  /// A client certificate and key for this request (from an exec plugin), overriding the static one.
  public var clientIdentity: ClientIdentity?

  public init(
    method: String, path: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
    timeout: Duration? = nil, clientIdentity: ClientIdentity? = nil
  ) {
    self.method = method
    self.path = path
    self.headers = headers
    self.body = body
    self.timeout = timeout
    self.clientIdentity = clientIdentity
  }

  /// The value of the first header with this name (case-insensitive).
  public func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }
}

/// A PEM client certificate and key presented in the TLS handshake.
public struct ClientIdentity: Sendable, Equatable {
  public var certificate: [UInt8]
  public var key: [UInt8]

  public init(certificate: [UInt8], key: [UInt8]) {
    self.certificate = certificate
    self.key = key
  }
}

/// A complete response.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]

  public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public var isSuccess: Bool { (200..<300).contains(status) }

  /// The value of the first header with this name (case-insensitive).
  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }

  public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A response whose body arrives over time (watches, large lists).
public struct HTTPStreamResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: ResponseBody

  public init(status: Int, headers: [(name: String, value: String)], body: ResponseBody) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  public func header(_ name: String) -> String? {
    let lower = name.lowercased()
    return headers.first { $0.name.lowercased() == lower }?.value
  }

  /// Reads the whole remaining body (for error responses).
  public func collect(limit: Int = 1 << 20) async throws -> [UInt8] {
    var bytes: [UInt8] = []
    for try await chunk in body {
      bytes.append(contentsOf: chunk)
      if bytes.count >= limit { break }
    }
    return bytes
  }
}

/// Where a streamed body's chunks come from.
public protocol ResponseBodySource: Sendable {
  /// The next chunk, or nil at the end. Throws the transfer's error.
  func next() async throws -> [UInt8]?
  /// Stops the transfer; called when the consumer stops reading.
  func cancel()
}

/// A streamed response body: chunks as the server sends them, with back-pressure (the transfer pauses
/// while the consumer is behind). Dropping it, or cancelling the consuming task, ends the transfer.
public struct ResponseBody: AsyncSequence, Sendable {
  public typealias Element = [UInt8]
  let lifetime: Lifetime

  public init(_ source: any ResponseBodySource) { lifetime = Lifetime(source) }

  /// A body that yields the given chunks (tests, fake transports).
  public static func chunks(_ chunks: [[UInt8]], then error: (any Error)? = nil) -> ResponseBody {
    ResponseBody(FixedBodySource(chunks: chunks, error: error))
  }

  public struct AsyncIterator: AsyncIteratorProtocol {
    let lifetime: Lifetime
    public mutating func next() async throws -> [UInt8]? { try await lifetime.source.next() }
  }

  public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(lifetime: lifetime) }

  /// Ends the transfer now.
  public func cancel() { lifetime.source.cancel() }

  final class Lifetime: Sendable {
    let source: any ResponseBodySource
    init(_ source: any ResponseBodySource) { self.source = source }
    deinit { source.cancel() }
  }
}

final class FixedBodySource: ResponseBodySource {
  private let state: Mutex<(chunks: [[UInt8]], index: Int, error: (any Error)?)>
  init(chunks: [[UInt8]], error: (any Error)?) { state = Mutex((chunks, 0, error)) }

  func next() async throws -> [UInt8]? {
    try Task.checkCancellation()
    let result: Result<[UInt8]?, any Error> = state.withLock { state in
      if state.index < state.chunks.count {
        state.index += 1
        return .success(state.chunks[state.index - 1])
      }
      if let error = state.error {
        state.error = nil
        return .failure(error)
      }
      return .success(nil)
    }
    return try result.get()
  }

  func cancel() {}
}
