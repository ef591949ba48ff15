import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A "Git server" that takes connections and never says a word: each connection is accepted and
/// held open, but nothing is ever read or answered. An HTTP client waits for a response and an SSH
/// client for the server's banner, for ever unless it has a timeout or can be cancelled.
///
/// ```swift
/// let server = try StallingGitServer()
/// defer { server.stop() }
/// let url = server.httpURL                       // http://127.0.0.1:<port>/fleet.git
/// await server.waitForConnection()               // the client is now stuck talking to it
/// ```
public final class StallingGitServer: Sendable {
  public let port: Int
  private let listener: Int32
  private let accepted = Mutex<[Int32]>([])

  public init() throws {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw LoopbackPort.posixError("socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0, listen(fd, 16) == 0 else {
      close(fd)
      throw LoopbackPort.posixError("bind/listen")
    }
    let named = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else {
      close(fd)
      throw LoopbackPort.posixError("getsockname")
    }
    listener = fd
    port = Int(UInt16(bigEndian: address.sin_port))
    let thread = Thread { [self] in acceptLoop() }
    thread.start()
  }

  public var httpURL: String { "http://127.0.0.1:\(port)/fleet.git" }
  public var sshURL: String { "ssh://git@127.0.0.1:\(port)/fleet.git" }

  /// Connections accepted so far.
  public var connections: Int { accepted.withLock { $0.count } }

  /// Waits until a client connected (or `timeout` passed); returns whether one did.
  @discardableResult
  public func waitForConnection(timeout: Duration = .seconds(180)) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while connections == 0, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
    return connections > 0
  }

  /// Stops listening and drops every held connection.
  public func stop() {
    shutdown(listener, Int32(SHUT_RDWR))
    close(listener)
    accepted.withLock { fds in
      for fd in fds where fd >= 0 { close(fd) }
      fds = fds.map { _ in Int32(-1) }
    }
  }

  private func acceptLoop() {
    while true {
      let fd = accept(listener, nil, nil)
      if fd < 0 {
        if errno == EINTR { continue }
        return
      }
      accepted.withLock { $0.append(fd) }
    }
  }
}
