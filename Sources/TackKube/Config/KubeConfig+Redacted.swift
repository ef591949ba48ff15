import TackJSON

extension KubeConfig: CustomStringConvertible {
  /// The merged configuration as kubectl's `config view` shows it: entries sorted by name, embedded
  /// data as `DATA+OMITTED`, tokens, keys and passwords as `REDACTED`. Safe to print or golden-test.
  public func redactedJSON() -> JSON {
    var root: JSON = ["apiVersion": "v1", "kind": "Config"]
    root["clusters"] = .array(
      clusters.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "cluster": $0.value.redactedJSON()] })
    root["contexts"] = .array(
      contexts.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "context": $0.value.redactedJSON()] })
    root["current-context"] = .string(currentContext ?? "")
    root["users"] = .array(
      users.sorted { $0.key < $1.key }.map { ["name": .string($0.key), "user": $0.value.redactedJSON()] })
    return root
  }

  public var description: String { redactedJSON().yaml(.ordered) }
}

extension KubeConfig.Cluster: CustomStringConvertible {
  func redactedJSON() -> JSON {
    var json: JSON = [:]
    if let certificateAuthority { json["certificate-authority"] = .string(certificateAuthority) }
    if certificateAuthorityData != nil { json["certificate-authority-data"] = "DATA+OMITTED" }
    if disableCompression { json["disable-compression"] = true }
    if insecureSkipTLSVerify { json["insecure-skip-tls-verify"] = true }
    if let proxyURL { json["proxy-url"] = .string(ClientConfig.redactURL(proxyURL)) }
    if let server { json["server"] = .string(server) }
    if let tlsServerName { json["tls-server-name"] = .string(tlsServerName) }
    return json
  }

  public var description: String { redactedJSON().serialized() }
}

extension KubeConfig.Context: CustomStringConvertible {
  func redactedJSON() -> JSON {
    var json: JSON = [:]
    if let cluster { json["cluster"] = .string(cluster) }
    if let namespace { json["namespace"] = .string(namespace) }
    if let user { json["user"] = .string(user) }
    return json
  }

  public var description: String { redactedJSON().serialized() }
}

extension KubeConfig.AuthInfo: CustomStringConvertible {
  func redactedJSON() -> JSON {
    var json: JSON = [:]
    if let impersonate { json["as"] = .string(impersonate) }
    if !impersonateGroups.isEmpty { json["as-groups"] = .array(impersonateGroups.map { .string($0) }) }
    if let impersonateUID { json["as-uid"] = .string(impersonateUID) }
    if let authProvider { json["auth-provider"] = ["name": .string(authProvider)] }
    if let clientCertificate { json["client-certificate"] = .string(clientCertificate) }
    if clientCertificateData != nil { json["client-certificate-data"] = "DATA+OMITTED" }
    if let clientKey { json["client-key"] = .string(clientKey) }
    if clientKeyData != nil { json["client-key-data"] = "DATA+OMITTED" }
    if let exec { json["exec"] = exec.redactedJSON() }
    if password != nil { json["password"] = "REDACTED" }
    if token != nil { json["token"] = "REDACTED" }
    if let tokenFile { json["tokenFile"] = .string(tokenFile) }
    if let username { json["username"] = .string(username) }
    return json
  }

  public var description: String { redactedJSON().serialized() }
}

extension KubeConfig.ExecConfig: CustomStringConvertible {
  /// Env values are redacted: plugins are often handed secrets through them.
  func redactedJSON() -> JSON {
    var json: JSON = ["apiVersion": .string(apiVersion)]
    if !args.isEmpty { json["args"] = .array(args.map { .string($0) }) }
    json["command"] = .string(command)
    if !env.isEmpty {
      json["env"] = .array(env.map { ["name": .string($0.name), "value": "REDACTED"] })
    }
    if let installHint { json["installHint"] = .string(installHint) }
    if let interactiveMode { json["interactiveMode"] = .string(interactiveMode.rawValue) }
    if provideClusterInfo { json["provideClusterInfo"] = true }
    return json
  }

  public var description: String { redactedJSON().serialized() }
}
