import TackTestSupport
import Testing

@testable import TackHTTP

/// A server that accepts and never answers: a request must end within about a second of its task
/// being cancelled (the multi loop is woken and drops the transfer; nothing waits in libcurl).
@Suite struct HTTPStallTests {
  @Test func cancellingARequestToASilentServerEndsItAtOnce() async throws {
    let server = try StallingGitServer()
    defer { server.stop() }
    let client = HTTPClient(configuration: .init(retry: .never))
    let request = Task { try await client.send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/version")) }
    #expect(await server.waitForConnection())
    try await Task.sleep(for: .milliseconds(300))
    let start = ContinuousClock.now
    request.cancel()
    let result = await request.result
    let elapsed = ContinuousClock.now - start
    #expect(elapsed < .seconds(30), "took \(elapsed)")
    if case .success(let response) = result { Issue.record("a silent server answered \(response.status)") }
  }
}
