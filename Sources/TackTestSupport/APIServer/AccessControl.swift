import Foundation
import Synchronization
import TackBase

/// A rule that answers 403 for matching requests (everything else is allowed, like a cluster-admin
/// for every authenticated user). nil fields match anything.
///
/// ```swift
/// cluster.server.deny(AccessRule(user: "viewer", verbs: ["create", "update", "patch", "delete"]))
/// ```
public struct AccessRule: Sendable {
  public var user: String?
  public var group: String?
  /// Kubernetes verbs: get, list, watch, create, update, patch, delete, deletecollection.
  public var verbs: [String]?
  /// Plural resource names, optionally with a subresource (`kustomizations/status`).
  public var resources: [String]?
  public var apiGroups: [String]?
  public var namespaces: [String]?

  public init(user: String? = nil, group: String? = nil, verbs: [String]? = nil, resources: [String]? = nil,
    apiGroups: [String]? = nil, namespaces: [String]? = nil)
  {
    self.user = user
    self.group = group
    self.verbs = verbs
    self.resources = resources
    self.apiGroups = apiGroups
    self.namespaces = namespaces
  }

  func matches(user identity: UserIdentity, verb: String, resource: String, subresource: String?, apiGroup: String,
    namespace: String?) -> Bool
  {
    if let user, user != identity.name { return false }
    if let group, !identity.groups.contains(group) { return false }
    if let verbs, !verbs.contains(verb) && !verbs.contains("*") { return false }
    if let resources {
      let full = subresource.map { "\(resource)/\($0)" } ?? resource
      if !resources.contains(full) && !resources.contains("*") { return false }
    }
    if let apiGroups, !apiGroups.contains(apiGroup) && !apiGroups.contains("*") { return false }
    if let namespaces, !namespaces.contains(namespace ?? "") { return false }
    return true
  }
}

/// Known credentials (bearer tokens and basic-auth users) and deny rules. Client certificates
/// signed by the server's CA are always accepted (CN = user, O = groups).
final class AccessControl: Sendable {
  struct State: Sendable {
    var tokens: [String: UserIdentity] = [:]
    var passwords: [String: (password: String, identity: UserIdentity)] = [:]
    var denyRules: [AccessRule] = []
  }

  let state = Mutex(State())

  static let publicPaths: Set<String> = ["/version", "/healthz", "/livez", "/readyz"]

  /// The authenticated user, nil for no (valid) credentials.
  func authenticate(_ request: APIRequest) -> UserIdentity? {
    if let identity = request.certificateIdentity { return identity }
    guard let authorization = request.header("Authorization") else { return nil }
    if authorization.hasPrefix("Bearer ") {
      let token = String(authorization.dropFirst(7)).trimming(" \t")
      return state.withLock { $0.tokens[token] }
    }
    if authorization.hasPrefix("Basic "),
      let decoded = Data(base64Encoded: String(authorization.dropFirst(6)).trimming(" \t")),
      let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
    {
      let user = String(text[..<colon])
      let password = String(text[text.index(after: colon)...])
      return state.withLock { state in
        guard let entry = state.passwords[user], entry.password == password else { return nil }
        return entry.identity
      }
    }
    return nil
  }

  func isDenied(_ identity: UserIdentity, verb: String, resource: String, subresource: String?, apiGroup: String,
    namespace: String?) -> Bool
  {
    state.withLock { state in
      state.denyRules.contains {
        $0.matches(user: identity, verb: verb, resource: resource, subresource: subresource, apiGroup: apiGroup,
          namespace: namespace)
      }
    }
  }
}
