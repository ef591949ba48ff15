import Synchronization

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

/// A response whose body arrives over time (watches, logs, large lists and downloads).
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

  /// The same body with its errors passed through `transform` (a client layer turning transport
  /// errors into its own). Cancelling either ends the transfer.
  public func mapError(_ transform: @escaping @Sendable (any Error) -> any Error) -> ResponseBody {
    ResponseBody(ErrorMappingSource(base: self, transform: transform))
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

final class ErrorMappingSource: ResponseBodySource {
  let base: ResponseBody
  let transform: @Sendable (any Error) -> any Error

  init(base: ResponseBody, transform: @escaping @Sendable (any Error) -> any Error) {
    self.base = base
    self.transform = transform
  }

  func next() async throws -> [UInt8]? {
    do {
      return try await base.lifetime.source.next()
    } catch {
      throw transform(error)
    }
  }

  func cancel() { base.cancel() }
}
