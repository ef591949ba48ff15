import Synchronization
import TackJSON

/// A fault a test switches on for requests matching a method and a path pattern.
///
/// ```swift
/// cluster.server.inject(Fault(.status(429, retryAfter: 1), method: "GET", path: "/apis/source.toolkit.fluxcd.io/*", times: 2))
/// cluster.server.inject(Fault(.resetMidBody, method: "POST", path: "*/kustomizations"))   // after the create happened
/// cluster.server.inject(Fault(.dropWatch(afterEvents: 3), path: "*/gitrepositories"))
/// ```
public struct Fault: Sendable {
  public enum Action: Sendable {
    /// Answer with this status (and a Status body) before the request reaches the API logic.
    /// 429 and 503 carry `Retry-After` when given; 500 may too.
    case status(Int, retryAfter: Int? = nil)
    /// Wait this long, then handle the request normally.
    case latency(Duration)
    /// Handle the request (it DOES reach the store), then send half the body and reset the connection.
    case resetMidBody
    /// Close the connection without any response, before the request reaches the API logic.
    case closeConnection
    /// For watches: end the stream abruptly after this many events.
    case dropWatch(afterEvents: Int)
  }

  public var action: Action
  /// HTTP method (`GET`, `POST`, …); nil matches every method.
  public var method: String?
  /// Glob over the URL path (`*` matches anything, including `/`).
  public var path: String
  /// Only for watch requests (`?watch=true`), only for non-watch requests, or both (nil).
  public var watch: Bool?
  /// How many matching requests it affects; nil for all.
  public var times: Int?

  public init(_ action: Action, method: String? = nil, path: String = "*", watch: Bool? = nil, times: Int? = nil) {
    self.action = action
    self.method = method
    self.path = path
    self.watch = watch
    self.times = times
  }
}

/// The switched-on faults; each match uses up one of its `times`.
final class FaultInjector: Sendable {
  struct Entry: Sendable {
    var id: Int
    var fault: Fault
    var remaining: Int?
  }

  private let entries = Mutex<(next: Int, list: [Entry])>((1, []))

  @discardableResult
  func add(_ fault: Fault) -> Int {
    entries.withLock { state in
      let id = state.next
      state.next += 1
      state.list.append(Entry(id: id, fault: fault, remaining: fault.times))
      return id
    }
  }

  func remove(_ id: Int) { entries.withLock { $0.list.removeAll { $0.id == id } } }
  func removeAll() { entries.withLock { $0.list.removeAll() } }

  /// The faults that apply to this request, in injection order (latency first, then the rest).
  func match(method: String, path: String, isWatch: Bool) -> [Fault.Action] {
    entries.withLock { state in
      var actions: [Fault.Action] = []
      for index in state.list.indices {
        let entry = state.list[index]
        if let m = entry.fault.method, m.uppercased() != method { continue }
        if let w = entry.fault.watch, w != isWatch { continue }
        if !Glob.matches(entry.fault.path, path) { continue }
        if let remaining = entry.remaining {
          if remaining <= 0 { continue }
          state.list[index].remaining = remaining - 1
        }
        actions.append(entry.fault.action)
      }
      state.list.removeAll { ($0.remaining ?? 1) <= 0 }
      return actions
    }
  }

  static func statusError(_ code: Int, retryAfter: Int?) -> APIError {
    var error: APIError
    switch code {
    case 429: return APIError.tooManyRequests(retryAfter: retryAfter ?? 1)
    case 500: error = APIError(code: 500, reason: "InternalError", message: "Internal error occurred: injected fault")
    case 503: error = APIError.serviceUnavailable("the server is currently unable to handle the request")
    case 504: error = APIError(code: 504, reason: "Timeout", message: "the server was unable to return a response in the time allotted, but may still be processing the request")
    case 502: error = APIError(code: 502, reason: "InternalError", message: "bad gateway")
    case 409: error = APIError(code: 409, reason: "Conflict", message: "injected conflict")
    default: error = APIError(code: code, reason: "", message: "injected fault \(code)")
    }
    if let retryAfter {
      error.headers.append(("Retry-After", String(retryAfter)))
      error.details = .object(["retryAfterSeconds": .int(retryAfter)])
    }
    return error
  }
}

/// Every request the server saw, for assertions.
final class RequestLog: Sendable {
  private let entries = Mutex<[RecordedRequest]>([])
  static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "x-remote-user"]

  func record(_ request: APIRequest, user: String?, status: Int, reachedServer: Bool, fault: String?) {
    let headers = request.headers.map { name, value in
      RequestLog.secretHeaders.contains(name.lowercased()) ? (name, "<redacted>") : (name, value)
    }
    let entry = RecordedRequest(
      method: request.method, path: request.path, query: request.rawQuery, headers: headers, user: user,
      status: status, reachedServer: reachedServer, fault: fault)
    entries.withLock { $0.append(entry) }
  }

  var all: [RecordedRequest] { entries.withLock { $0 } }
  func clear() { entries.withLock { $0.removeAll() } }
}
