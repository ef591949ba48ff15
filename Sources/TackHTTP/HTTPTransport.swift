/// Makes one attempt at a request. libcurl is the real one (inside `HTTPClient`); tests hand a
/// client a fake.
///
/// A transport makes exactly one attempt per call: retries, credentials, deadlines across attempts
/// and logging happen above it, in `HTTPClient`. Non-2xx statuses are returned, not thrown;
/// failures without an answer throw `HTTPTransportError`; cancelling the calling task throws
/// `CancellationError`.
public protocol HTTPTransport: Sendable {
  /// Sends a request and returns the whole response.
  func send(_ request: HTTPRequest) async throws -> HTTPResponse
  /// Sends a request and returns once the status and headers are in; the body streams after.
  func stream(_ request: HTTPRequest) async throws -> HTTPStreamResponse
}
