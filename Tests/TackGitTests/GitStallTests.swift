import Foundation
import TackTestSupport
import Testing

@testable import TackGit

/// A server that accepts the connection and then says nothing: the clone must stop within about a
/// second of the task being cancelled, and on its own when a configured timeout passes.
/// Serialized: all libgit2 work shares one executor, and these tests time how long it is held.
@Suite(.serialized) struct GitStallTests {
  func remote(_ url: String, timeouts: GitTimeouts) throws -> GitRemote {
    var remote = try GitRemote(
      url: url, authentication: url.hasPrefix("ssh") ? .sshAgent(username: "git") : .none,
      hostKeys: .knownHosts(KnownHosts()), allowInsecureHTTP: true)
    remote.timeouts = timeouts
    return remote
  }

  /// Clones in a task and cancels it once it is stuck on `server` (plus `after`); returns the error
  /// and how long the clone took to stop once cancelled.
  func cloneAndCancel(_ remote: GitRemote, server: StallingGitServer, after: Duration) async throws
    -> (GitError?, Duration)
  {
    let directory = try TemporaryDirectory(prefix: "tack-stall")
    defer { directory.remove() }
    let task = Task { try await GitWorkspace.clone(remote, branch: "main", into: directory.path + "/repo") }
    #expect(await server.waitForConnection())
    try await Task.sleep(for: after)
    let clock = ContinuousClock()
    let cancelled = clock.now
    task.cancel()
    let result = await task.result
    let elapsed = clock.now - cancelled
    #expect(!FileManager.default.fileExists(atPath: directory.path + "/repo"), "the half-made clone is removed")
    switch result {
    case .success: return (nil, elapsed)
    case .failure(let error): return (error as? GitError, elapsed)
    }
  }

  /// https: the TLS handshake (mbedTLS, reading through tack's stream) waits for the server hello.
  @Test(arguments: ["http", "https", "ssh"])
  func cancellingAStalledCloneStopsWithinASecond(_ scheme: String) async throws {
    let server = try StallingGitServer()
    defer { server.stop() }
    let url = "\(scheme)://\(scheme == "ssh" ? "git@" : "")127.0.0.1:\(server.port)/fleet.git"
    let (error, elapsed) = try await cloneAndCancel(
      remote(url, timeouts: GitTimeouts(connect: .seconds(30), stall: .seconds(120), operation: .seconds(120))),
      server: server, after: .milliseconds(300))
    #expect(error?.code == .cancelled, "\(String(describing: error))")
    #expect(elapsed < .seconds(30), "took \(elapsed) to stop")
  }

  @Test func aStalledHTTPServerTimesOut() async throws {
    let server = try StallingGitServer()
    defer { server.stop() }
    let directory = try TemporaryDirectory(prefix: "tack-stall")
    defer { directory.remove() }
    let clone = Task {
      await expectGitError(.timedOut) {
        _ = try await GitWorkspace.clone(
          try remote(server.httpURL, timeouts: GitTimeouts(connect: .seconds(5), stall: .seconds(1))),
          branch: "main", into: directory.path + "/repo")
      }
    }
    #expect(await server.waitForConnection())
    let connected = ContinuousClock.now
    let error = await clone.value
    let elapsed = ContinuousClock.now - connected
    #expect(elapsed < .seconds(30), "took \(elapsed)")
    #expect(error?.description.contains("the server sent nothing for too long") == true, "\(String(describing: error))")
    #expect(error?.description.contains("stall 1s") == true, "\(String(describing: error))")
    #expect(error?.exitStatus == .timedOut)
  }

  @Test func aSilentSSHServerHitsTheOperationDeadline() async throws {
    let server = try StallingGitServer()
    defer { server.stop() }
    let directory = try TemporaryDirectory(prefix: "tack-stall")
    defer { directory.remove() }
    let clone = Task {
      await expectGitError(.timedOut) {
        _ = try await GitWorkspace.clone(
          try remote(server.sshURL, timeouts: GitTimeouts(connect: .seconds(5), stall: .seconds(60), operation: .seconds(1))),
          branch: "main", into: directory.path + "/repo")
      }
    }
    #expect(await server.waitForConnection())
    let connected = ContinuousClock.now
    let error = await clone.value
    let elapsed = ContinuousClock.now - connected
    #expect(elapsed < .seconds(30), "took \(elapsed)")
    #expect(error?.description.contains("ran out of time") == true, "\(String(describing: error))")
  }
}
