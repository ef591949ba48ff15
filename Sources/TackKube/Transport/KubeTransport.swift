/// Sends HTTP requests to one API server. `CurlTransport` is the real one; tests use fakes.
///
/// A transport makes exactly one attempt per call: retries, credentials, logging and error decoding
/// happen above it, in `KubeClient`. Non-2xx statuses are returned, not thrown; connection-level
/// failures throw `KubeTransportError`; cancellation of the calling task throws `CancellationError`.
public protocol KubeTransport: Sendable {
  /// Sends a request and returns the whole response.
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
  /// Sends a request and returns once the status and headers are in; the body streams after.
  func open(_ request: HTTPRequest) async throws -> HTTPStreamResponse
}
