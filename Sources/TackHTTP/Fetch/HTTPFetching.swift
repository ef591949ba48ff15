/// A plain HTTP GET of a whole document, for downloading release assets. The live implementation
/// is ``HTTPFetcher``; tests may substitute their own.
public protocol HTTPFetching: Sendable {
  func get(_ url: String, options: HTTPFetchOptions) async throws -> HTTPFetchResponse
}

public struct HTTPFetchOptions: Sendable, Equatable {
  /// PEM bundle trusted instead of the system's CAs.
  public var caFile: String?
  /// Seconds for the whole transfer.
  public var timeoutSeconds: Int
  /// Upper bound on the body; a bigger answer is an error, not an out-of-memory.
  public var maxBytes: Int

  public init(caFile: String? = nil, timeoutSeconds: Int = 60, maxBytes: Int = 64 << 20) {
    self.caFile = caFile
    self.timeoutSeconds = timeoutSeconds
    self.maxBytes = maxBytes
  }
}

public struct HTTPFetchResponse: Sendable, Equatable {
  public var status: Int
  public var body: [UInt8]
  public init(status: Int, body: [UInt8]) {
    self.status = status
    self.body = body
  }
  public var text: String { String(decoding: body, as: UTF8.self) }
}
