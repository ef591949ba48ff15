import Foundation
import TackBase
import TackJSON

/// One HTTP request as the dispatcher sees it.
struct APIRequest: Sendable {
  var method: String
  var uri: String
  var path: String
  var rawQuery: String
  var query: [String: [String]]
  var headers: [(String, String)]
  var body: [UInt8]
  /// Identity from a verified client certificate (CN, O).
  var certificateIdentity: UserIdentity?

  init(method: String, uri: String, headers: [(String, String)], body: [UInt8], certificateIdentity: UserIdentity?) {
    self.method = method
    self.uri = uri
    self.headers = headers
    self.body = body
    self.certificateIdentity = certificateIdentity
    let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    path = PercentEncoding.decode(String(parts.first ?? ""), plusAsSpace: false)
    rawQuery = parts.count > 1 ? String(parts[1]) : ""
    var query: [String: [String]] = [:]
    for pair in rawQuery.split(separator: "&") {
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = PercentEncoding.decode(String(kv[0]), plusAsSpace: true)
      let value = kv.count > 1 ? PercentEncoding.decode(String(kv[1]), plusAsSpace: true) : ""
      query[key, default: []].append(value)
    }
    self.query = query
  }

  func header(_ name: String) -> String? {
    headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
  }

  func parameter(_ name: String) -> String? { query[name]?.first }
}

/// A complete HTTP response.
struct APIResponse: Sendable {
  var status: Int
  var headers: [(String, String)]
  var body: [UInt8]

  init(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
    self.status = status
    self.headers = headers
    self.body = body
  }

  static func json(_ value: JSON, status: Int = 200, headers: [(String, String)] = []) -> APIResponse {
    APIResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: value.serializedBytes())
  }

  static func error(_ error: APIError) -> APIResponse {
    json(error.status, status: error.code, headers: error.headers)
  }

  static func text(_ text: String, status: Int = 200) -> APIResponse {
    APIResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array(text.utf8))
  }
}

/// Who made a request.
public struct UserIdentity: Sendable, Equatable {
  public var name: String
  public var groups: [String]
  public init(name: String, groups: [String] = []) {
    self.name = name
    self.groups = groups
  }
}

/// A request as recorded for assertions (secrets in headers are redacted).
public struct RecordedRequest: Sendable, CustomStringConvertible {
  public var method: String
  public var path: String
  public var query: String
  public var headers: [(String, String)]
  public var user: String?
  public var status: Int
  /// False when a fault answered before the API logic saw the request.
  public var reachedServer: Bool
  public var fault: String?

  public var description: String { "\(method) \(path)\(query.isEmpty ? "" : "?" + query) → \(status)" }

  public func header(_ name: String) -> String? {
    headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
  }
}

/// Glob matching for fault and request patterns: `*` matches any run of characters (including `/`).
enum Glob {
  static func matches(_ pattern: String, _ text: String) -> Bool {
    let p = Array(pattern.utf8)
    let t = Array(text.utf8)
    var pi = 0
    var ti = 0
    var star = -1
    var mark = 0
    while ti < t.count {
      if pi < p.count, p[pi] == UInt8(ascii: "*") {
        star = pi
        mark = ti
        pi += 1
      } else if pi < p.count, p[pi] == t[ti] {
        pi += 1
        ti += 1
      } else if star >= 0 {
        pi = star + 1
        mark += 1
        ti = mark
      } else {
        return false
      }
    }
    while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
    return pi == p.count
  }
}
