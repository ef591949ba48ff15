import TackBase
import TackJSON

extension KubeConfig {
  /// Parses one kubeconfig file's text. `path` names the file in errors and becomes each entry's
  /// `origin`. Unknown fields are ignored, as kubectl ignores them; wrong types are errors naming
  /// the field (`users[ci].user.token`).
  public static func parse(_ text: String, path: String) throws(KubeConfigError) -> KubeConfig {
    let root: JSON
    do {
      root = try JSON.parseYAML(text)
    } catch {
      throw .invalidYAML(path: path, reason: error.reason)
    }
    if root.isNull { return KubeConfig() }
    let reader = FieldReader(path: path)
    guard case .object = root else {
      throw .invalidField(path: path, field: "(document)", reason: "expected a mapping, found \(root.kindName)")
    }
    var config = KubeConfig()
    config.currentContext = try reader.string(root["current-context"], "current-context")
    for (name, entry, field) in try reader.namedList(root["clusters"], "clusters", item: "cluster") {
      guard config.clusters[name] == nil else { continue }
      config.clusters[name] = try decodeCluster(entry, field: field, reader: reader)
    }
    for (name, entry, field) in try reader.namedList(root["users"], "users", item: "user") {
      guard config.users[name] == nil else { continue }
      config.users[name] = try decodeUser(entry, field: field, reader: reader)
    }
    for (name, entry, field) in try reader.namedList(root["contexts"], "contexts", item: "context") {
      guard config.contexts[name] == nil else { continue }
      config.contexts[name] = Context(
        cluster: try reader.string(entry["cluster"], field + ".cluster"),
        user: try reader.string(entry["user"], field + ".user"),
        namespace: try reader.string(entry["namespace"], field + ".namespace"),
        origin: path)
    }
    return config
  }

  static func decodeCluster(_ entry: JSON, field: String, reader: FieldReader) throws(KubeConfigError)
    -> Cluster
  {
    var execExtension: JSON?
    if let extensions = entry["extensions"] {
      for item in try reader.array(extensions, field + ".extensions") ?? []
      where item["name"]?.stringValue == "client.authentication.k8s.io/exec" {
        execExtension = item["extension"]
      }
    }
    return Cluster(
      server: try reader.string(entry["server"], field + ".server"),
      tlsServerName: try reader.string(entry["tls-server-name"], field + ".tls-server-name"),
      insecureSkipTLSVerify: try reader.bool(
        entry["insecure-skip-tls-verify"], field + ".insecure-skip-tls-verify") ?? false,
      certificateAuthority: try reader.string(entry["certificate-authority"], field + ".certificate-authority"),
      certificateAuthorityData: try reader.base64(
        entry["certificate-authority-data"], field + ".certificate-authority-data"),
      proxyURL: try reader.string(entry["proxy-url"], field + ".proxy-url"),
      disableCompression: try reader.bool(entry["disable-compression"], field + ".disable-compression") ?? false,
      execExtension: execExtension,
      origin: reader.path)
  }

  static func decodeUser(_ entry: JSON, field: String, reader: FieldReader) throws(KubeConfigError) -> AuthInfo {
    var user = AuthInfo(origin: reader.path)
    user.clientCertificate = try reader.string(entry["client-certificate"], field + ".client-certificate")
    user.clientCertificateData = try reader.base64(
      entry["client-certificate-data"], field + ".client-certificate-data")
    user.clientKey = try reader.string(entry["client-key"], field + ".client-key")
    user.clientKeyData = try reader.base64(entry["client-key-data"], field + ".client-key-data")
    user.token = try reader.string(entry["token"], field + ".token")
    user.tokenFile = try reader.string(entry["tokenFile"], field + ".tokenFile")
    user.impersonate = try reader.string(entry["as"], field + ".as")
    user.impersonateUID = try reader.string(entry["as-uid"], field + ".as-uid")
    user.impersonateGroups = try reader.stringArray(entry["as-groups"], field + ".as-groups") ?? []
    if let extra = entry["as-user-extra"], !extra.isNull {
      guard let object = extra.objectValue else {
        throw reader.error(field + ".as-user-extra", "expected a mapping, found \(extra.kindName)")
      }
      for member in object {
        user.impersonateExtra[member.key] =
          try reader.stringArray(member.value, field + ".as-user-extra." + member.key) ?? []
      }
    }
    user.username = try reader.string(entry["username"], field + ".username")
    user.password = try reader.string(entry["password"], field + ".password")
    if let provider = entry["auth-provider"], !provider.isNull {
      user.authProvider = try reader.string(provider["name"], field + ".auth-provider.name") ?? ""
    }
    if let exec = entry["exec"], !exec.isNull {
      user.exec = try decodeExec(exec, field: field + ".exec", reader: reader)
    }
    return user
  }

  static func decodeExec(_ exec: JSON, field: String, reader: FieldReader) throws(KubeConfigError) -> ExecConfig {
    guard let command = try reader.string(exec["command"], field + ".command"), !command.isEmpty else {
      throw reader.error(field + ".command", "is required")
    }
    guard let apiVersion = try reader.string(exec["apiVersion"], field + ".apiVersion"), !apiVersion.isEmpty
    else {
      throw reader.error(field + ".apiVersion", "is required (client.authentication.k8s.io/v1 or v1beta1)")
    }
    var env: [(name: String, value: String)] = []
    for (index, item) in (try reader.array(exec["env"], field + ".env") ?? []).enumerated() {
      guard let name = try reader.string(item["name"], "\(field).env[\(index)].name") else {
        throw reader.error("\(field).env[\(index)].name", "is required")
      }
      env.append((name, try reader.string(item["value"], "\(field).env[\(index)].value") ?? ""))
    }
    var mode: ExecConfig.InteractiveMode?
    if let text = try reader.string(exec["interactiveMode"], field + ".interactiveMode"), !text.isEmpty {
      guard let parsed = ExecConfig.InteractiveMode(rawValue: text) else {
        throw reader.error(field + ".interactiveMode", "\"\(text)\" is not one of Never, IfAvailable, Always")
      }
      mode = parsed
    }
    return ExecConfig(
      command: command,
      args: try reader.stringArray(exec["args"], field + ".args") ?? [],
      env: env,
      apiVersion: apiVersion,
      installHint: try reader.string(exec["installHint"], field + ".installHint"),
      provideClusterInfo: try reader.bool(exec["provideClusterInfo"], field + ".provideClusterInfo") ?? false,
      interactiveMode: mode)
  }
}

/// Reads typed fields out of a parsed kubeconfig, turning type mismatches into errors that name the
/// file and the field.
struct FieldReader {
  let path: String

  func error(_ field: String, _ reason: String) -> KubeConfigError {
    .invalidField(path: path, field: field, reason: reason)
  }

  func string(_ value: JSON?, _ field: String) throws(KubeConfigError) -> String? {
    switch value {
    case nil, .null?: return nil
    case .string(let s)?: return s
    // YAML scalars that a Go string field would also accept in practice.
    case .number(let n)?: return n
    case .bool(let b)?: return b ? "true" : "false"
    case let other?: throw error(field, "expected a string, found \(other.kindName)")
    }
  }

  func bool(_ value: JSON?, _ field: String) throws(KubeConfigError) -> Bool? {
    switch value {
    case nil, .null?: return nil
    case .bool(let b)?: return b
    case .string(let s)? where s == "true" || s == "false": return s == "true"
    case let other?: throw error(field, "expected true or false, found \(other.kindName)")
    }
  }

  func array(_ value: JSON?, _ field: String) throws(KubeConfigError) -> [JSON]? {
    switch value {
    case nil, .null?: return nil
    case .array(let items)?: return items
    case let other?: throw error(field, "expected a list, found \(other.kindName)")
    }
  }

  func stringArray(_ value: JSON?, _ field: String) throws(KubeConfigError) -> [String]? {
    guard let items = try array(value, field) else { return nil }
    var result: [String] = []
    for (index, item) in items.enumerated() {
      result.append(try string(item, "\(field)[\(index)]") ?? "")
    }
    return result
  }

  /// A `-data` field: standard base64, whitespace tolerated (PEM blocks are often wrapped).
  func base64(_ value: JSON?, _ field: String) throws(KubeConfigError) -> [UInt8]? {
    guard let text = try string(value, field), !text.isEmpty else { return nil }
    guard let bytes = Base64.decode(text, grammar: .lenient) else {
      throw error(field, "is not valid base64")
    }
    return bytes
  }

  /// `clusters:`, `users:`, `contexts:` lists of `{name, <item>}`; yields the name, the inner object and
  /// the field path used in errors (`clusters[prod].cluster`).
  func namedList(_ value: JSON?, _ field: String, item: String) throws(KubeConfigError)
    -> [(String, JSON, String)]
  {
    var result: [(String, JSON, String)] = []
    for (index, entry) in (try array(value, field) ?? []).enumerated() {
      guard case .object = entry else {
        throw error("\(field)[\(index)]", "expected a mapping, found \(entry.kindName)")
      }
      guard let name = try string(entry["name"], "\(field)[\(index)].name"), !name.isEmpty else {
        throw error("\(field)[\(index)].name", "is required")
      }
      let inner = entry[item] ?? .object([:])
      let innerField = "\(field)[\(name)].\(item)"
      guard case .object = inner else {
        if inner.isNull {
          result.append((name, .object([:]), innerField))
          continue
        }
        throw error(innerField, "expected a mapping, found \(inner.kindName)")
      }
      result.append((name, inner, innerField))
    }
    return result
  }
}

extension JSON {
  var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "a list"
    case .object: "a mapping"
    }
  }
}
