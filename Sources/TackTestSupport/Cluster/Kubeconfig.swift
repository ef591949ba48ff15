import Foundation
import TackJSON

/// How a kubeconfig user authenticates to a ``TestCluster``.
public enum KubeconfigUser: Sendable {
  /// Client certificate `CN=admin, O=system:masters`, as file paths.
  case admin
  /// A client certificate for `cn` in `groups`; `embedded` writes `client-certificate-data`/`client-key-data`.
  case clientCert(cn: String, groups: [String] = [], embedded: Bool = false)
  /// A bearer token, registered on the server for `user`.
  case token(String, user: String = "token-user", groups: [String] = [])
  /// A bearer token in a file (`tokenFile`), registered on the server for `user`.
  case tokenFile(String, user: String = "token-user", groups: [String] = [])
  /// Basic auth, registered on the server.
  case basic(username: String, password: String, groups: [String] = [])
  /// An exec credential plugin (`client.authentication.k8s.io/v1`). The test registers whatever
  /// token the plugin prints with ``APIServer/addToken(_:user:groups:)``.
  case exec(command: String, args: [String] = [], env: [String: String] = [:], interactiveMode: String = "Never")
  /// No credentials (requests get 401).
  case anonymous

  var defaultName: String {
    switch self {
    case .admin: "admin"
    case .clientCert(let cn, _, _): cn
    case .token(_, let user, _), .tokenFile(_, let user, _): user
    case .basic(let username, _, _): username
    case .exec: "exec-user"
    case .anonymous: "anonymous"
    }
  }
}

/// How the kubeconfig's cluster entry trusts the server.
public enum KubeconfigTrust: Sendable {
  /// `certificate-authority-data` with the server's CA (the default).
  case embeddedCA
  /// `certificate-authority` pointing at a PEM file.
  case caFile
  /// A CA that did not sign the server's certificate (TLS must fail).
  case untrustedCA
  /// `insecure-skip-tls-verify: true` and no CA.
  case insecureSkipTLSVerify
  /// No CA at all (the system trust store, which does not know the test CA).
  case systemRoots
}

/// One context of a kubeconfig written by ``TestCluster/writeKubeconfig(contexts:trust:currentContext:fileName:)``.
public struct KubeconfigContext: Sendable {
  public var name: String
  public var user: KubeconfigUser
  public var namespace: String?

  public init(name: String, user: KubeconfigUser = .admin, namespace: String? = nil) {
    self.name = name
    self.user = user
    self.namespace = namespace
  }
}

extension TestCluster {
  /// Writes a kubeconfig with one context (`test`) for `user` and returns its path.
  @discardableResult
  public func writeKubeconfig(user: KubeconfigUser = .admin, namespace: String? = nil,
    trust: KubeconfigTrust = .embeddedCA, fileName: String? = nil) throws -> String
  {
    try writeKubeconfig(contexts: [KubeconfigContext(name: "test", user: user, namespace: namespace)], trust: trust,
      fileName: fileName)
  }

  /// Writes a kubeconfig with several contexts (the first is current unless `currentContext` says
  /// otherwise), registering tokens and basic users on the server as needed.
  @discardableResult
  public func writeKubeconfig(contexts: [KubeconfigContext], trust: KubeconfigTrust = .embeddedCA,
    currentContext: String? = nil, fileName: String? = nil) throws -> String
  {
    let name = fileName ?? "kubeconfig-\(UUID().uuidString.prefix(8).lowercased())"
    var cluster: JSONObject = ["server": .string(server.url)]
    switch trust {
    case .embeddedCA: cluster["certificate-authority-data"] = .string(Self.base64(server.caPEM))
    case .caFile: cluster["certificate-authority"] = .string(try directory.write("ca.crt", contents: server.caPEM))
    case .untrustedCA:
      let other = try CertificateAuthority(name: "untrusted-ca")
      cluster["certificate-authority-data"] = .string(Self.base64(other.certificatePEM))
    case .insecureSkipTLSVerify: cluster["insecure-skip-tls-verify"] = true
    case .systemRoots: break
    }
    var users: [JSON] = []
    var contextEntries: [JSON] = []
    var seenUsers: Set<String> = []
    for (index, context) in contexts.enumerated() {
      let userName = "\(context.user.defaultName)-\(index)"
      if !seenUsers.contains(userName) {
        seenUsers.insert(userName)
        users.append(["name": .string(userName), "user": try userEntry(context.user, label: "\(name)-\(index)")])
      }
      var entry: JSONObject = ["cluster": "test-cluster", "user": .string(userName)]
      if let namespace = context.namespace { entry["namespace"] = .string(namespace) }
      contextEntries.append(["name": .string(context.name), "context": .object(entry)])
    }
    let config: JSON = [
      "apiVersion": "v1", "kind": "Config",
      "clusters": [["name": "test-cluster", "cluster": .object(cluster)]],
      "users": .array(users), "contexts": .array(contextEntries),
      "current-context": .string(currentContext ?? contexts.first?.name ?? ""), "preferences": [:],
    ]
    return try directory.write(name, contents: config.yaml(), permissions: 0o600)
  }

  func userEntry(_ user: KubeconfigUser, label: String) throws -> JSON {
    switch user {
    case .admin:
      let issued = try adminCertificate()
      return ["client-certificate": .string(try directory.write("admin.crt", contents: issued.certificatePEM)),
              "client-key": .string(try directory.write("admin.key", contents: issued.privateKeyPEM, permissions: 0o600))]
    case .clientCert(let cn, let groups, let embedded):
      let issued = try server.issueClientCertificate(user: cn, groups: groups)
      if embedded {
        return ["client-certificate-data": .string(Self.base64(issued.certificatePEM)),
                "client-key-data": .string(Self.base64(issued.privateKeyPEM))]
      }
      return ["client-certificate": .string(try directory.write("\(label).crt", contents: issued.certificatePEM)),
              "client-key": .string(try directory.write("\(label).key", contents: issued.privateKeyPEM, permissions: 0o600))]
    case .token(let token, let name, let groups):
      server.addToken(token, user: name, groups: groups)
      return ["token": .string(token)]
    case .tokenFile(let token, let name, let groups):
      server.addToken(token, user: name, groups: groups)
      return ["tokenFile": .string(try directory.write("\(label).token", contents: token, permissions: 0o600))]
    case .basic(let username, let password, let groups):
      server.addBasicUser(username, password: password, groups: groups)
      return ["username": .string(username), "password": .string(password)]
    case .exec(let command, let args, let env, let interactiveMode):
      var exec: JSONObject = [
        "apiVersion": "client.authentication.k8s.io/v1", "command": .string(command),
        "args": .array(args.map { .string($0) }), "interactiveMode": .string(interactiveMode),
        "provideClusterInfo": false,
      ]
      if !env.isEmpty {
        exec["env"] = .array(env.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "value": .string($0.value)] })
      }
      return ["exec": .object(exec)]
    case .anonymous:
      return [:]
    }
  }

  static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
