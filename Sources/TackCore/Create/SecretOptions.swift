import Crypto
import TackBase
import TackJSON

/// The `create secret <noun>` builders (flux's `runtime/secrets` layouts), from flag values and
/// the contents of the files they name. Each throws ``CreateError`` naming the flag.
public enum SecretOptions {
  /// `create secret helm`: a TLS pair, else basic auth, else a CA alone.
  public static func helm(
    _ target: CreateTarget, username: String, password: String, certificate: String?, key: String?, ca: String?
  ) throws(CreateError) -> SecretDraft {
    if !username.isEmpty && password.isEmpty { throw CreateError("--password is required with --username") }
    if username.isEmpty && !password.isEmpty { throw CreateError("--username is required with --password") }
    var data: [String: String] = [:]
    var type: String?
    if let pair = try tlsPair(certificate: certificate, key: key) {
      data = pair
      type = "kubernetes.io/tls"
    } else if !username.isEmpty {
      data = ["username": username, "password": password]
      type = "kubernetes.io/basic-auth"
    } else if ca != nil {
      type = "Opaque"
    } else {
      throw CreateError("--username and --password, --tls-crt-file and --tls-key-file, or --ca-crt-file is required")
    }
    if let ca { data["ca.crt"] = ca }
    return SecretDraft(name: target.name, namespace: target.namespace, labels: target.labels, type: type, stringData: data)
  }

  /// `create secret tls`: a certificate pair, a CA, or both.
  public static func tls(_ target: CreateTarget, certificate: String?, key: String?, ca: String?) throws(CreateError)
    -> SecretDraft
  {
    var data = try tlsPair(certificate: certificate, key: key) ?? [:]
    guard !data.isEmpty || ca != nil else {
      throw CreateError("--tls-crt-file and --tls-key-file, or --ca-crt-file, is required")
    }
    if let ca { data["ca.crt"] = ca }
    return SecretDraft(
      name: target.name, namespace: target.namespace, labels: target.labels,
      type: data["tls.crt"] != nil ? "kubernetes.io/tls" : "Opaque", stringData: data, trailingBlankLine: false)
  }

  static func tlsPair(certificate: String?, key: String?) throws(CreateError) -> [String: String]? {
    switch (certificate, key) {
    case (nil, nil): return nil
    case (.some, nil): throw CreateError("--tls-key-file is required with --tls-crt-file")
    case (nil, .some): throw CreateError("--tls-crt-file is required with --tls-key-file")
    case (let certificate?, let key?):
      guard certificate.contains("-----BEGIN CERTIFICATE-----") else {
        throw CreateError("--tls-crt-file: no PEM certificate found")
      }
      guard key.contains("PRIVATE KEY-----") else { throw CreateError("--tls-key-file: no PEM private key found") }
      return ["tls.crt": certificate, "tls.key": key]
    }
  }

  /// `create secret proxy`.
  public static func proxy(_ target: CreateTarget, address: String, username: String, password: String)
    throws(CreateError) -> SecretDraft
  {
    guard !address.isEmpty else { throw CreateError("--address is required") }
    var data = ["address": address]
    if !username.isEmpty { data["username"] = username }
    if !password.isEmpty { data["password"] = password }
    return SecretDraft(name: target.name, namespace: target.namespace, labels: target.labels, type: "Opaque", stringData: data)
  }

  /// `create secret oci`: a docker config for one registry.
  public static func oci(_ target: CreateTarget, url: String, username: String, password: String) throws(CreateError)
    -> SecretDraft
  {
    guard !url.isEmpty else { throw CreateError("--url is required") }
    guard !username.isEmpty else { throw CreateError("--username is required") }
    guard !password.isEmpty else { throw CreateError("--password is required") }
    var registry = Substring(url)
    if let scheme = registry.range(of: "://") { registry = registry[scheme.upperBound...] }
    registry = registry.prefix { $0 != "/" }
    guard !registry.isEmpty, !registry.contains(" ") else { throw CreateError("--url: error parsing url: '\(url)'") }
    var entry = JSONObject()
    entry.appendUnchecked("username", .string(username))
    entry.appendUnchecked("password", .string(password))
    entry.appendUnchecked("auth", .string(Base64.encode(Array("\(username):\(password)".utf8))))
    let config: JSON = ["auths": .object(JSONObject([JSONObject.Member(key: String(registry), value: .object(entry))]))]
    return SecretDraft(
      name: target.name, namespace: target.namespace, labels: target.labels, type: "kubernetes.io/dockerconfigjson",
      stringData: [".dockerconfigjson": config.serialized(JSONWriteOptions(indent: "  "))])
  }

  /// `create secret githubapp`. flux never applies `--label` to this secret; tack does.
  public static func githubApp(
    _ target: CreateTarget, appID: String, installationOwner: String, installationID: String, privateKey: String?,
    baseURL: String
  ) throws(CreateError) -> SecretDraft {
    guard !appID.isEmpty else { throw CreateError("--app-id is required") }
    guard installationOwner.isEmpty != installationID.isEmpty else {
      throw CreateError("exactly one of --app-installation-owner and --app-installation-id is required")
    }
    guard let privateKey else { throw CreateError("--app-private-key is required") }
    var data = ["githubAppID": appID, "githubAppPrivateKey": privateKey]
    if !installationOwner.isEmpty { data["githubAppInstallationOwner"] = installationOwner }
    if !installationID.isEmpty { data["githubAppInstallationID"] = installationID }
    if !baseURL.isEmpty { data["githubAppBaseURL"] = baseURL }
    return SecretDraft(name: target.name, namespace: target.namespace, labels: target.labels, type: "Opaque", stringData: data)
  }

  /// `create secret receiver`: the webhook token and the path notification-controller serves the
  /// Receiver at, `https://<hostname>/hook/<sha256(token + name + namespace)>`.
  public static func receiver(
    _ target: CreateTarget, type: String, token: String, hostname: String, emailClaim: String, audienceClaim: String
  ) throws(CreateError) -> SecretDraft {
    guard !type.isEmpty else { throw CreateError("--type is required") }
    try CreateInputs.oneOf(type, ReceiverOptions.types, flag: "--type", what: "receiver type")
    guard !hostname.isEmpty else { throw CreateError("--hostname is required") }
    if type == "gcr" && emailClaim.isEmpty { throw CreateError("--email-claim is required for gcr receiver type") }
    let token = token.isEmpty ? randomToken() : token
    let digest = SHA256.hash(data: Array((token + target.name + target.namespace).utf8))
    let url = "https://\(hostname)/hook/" + hex(Array(digest))
    var data = ["token": token]
    if type == "gcr" {
      data["email"] = emailClaim
      data["audience"] = audienceClaim.isEmpty ? url : audienceClaim
    }
    return SecretDraft(
      name: target.name, namespace: target.namespace, labels: target.labels,
      annotations: ["notification.toolkit.fluxcd.io/webhook": url], type: nil, stringData: data)
  }

  /// `create secret notation`: the trust policy and one key per CA file (named by its file name).
  public static func notation(_ target: CreateTarget, trustPolicy: String?, caFiles: [(name: String, contents: String)])
    throws(CreateError) -> SecretDraft
  {
    guard let trustPolicy else { throw CreateError("--trust-policy-file is required") }
    guard !caFiles.isEmpty else { throw CreateError("--ca-cert-file is required") }
    var data: [String: String] = [:]
    for file in caFiles {
      guard file.name.hasSuffix(".crt") || file.name.hasSuffix(".pem") else {
        throw CreateError("--ca-cert-file: \(file.name) must end with either .crt or .pem")
      }
      data[file.name] = file.contents
    }
    let document: JSON
    do {
      document = try JSON.parse(trustPolicy)
    } catch {
      throw CreateError("--trust-policy-file: failed to unmarshal trust policy: \(error)")
    }
    guard document.objectValue != nil, let policies = document["trustPolicies"]?.arrayValue else {
      throw CreateError("--trust-policy-file: invalid trust policy: trust policy document has no trustPolicies")
    }
    for policy in policies where (policy["name"]?.stringValue ?? "").isEmpty {
      throw CreateError(
        "--trust-policy-file: invalid trust policy: trust policy: a trust policy statement is missing a name, every statement requires a name")
    }
    data["trustpolicy.json"] = trustPolicy
    return SecretDraft(name: target.name, namespace: target.namespace, labels: target.labels, type: nil, stringData: data)
  }

  static func randomToken() -> String {
    var generator = SystemRandomNumberGenerator()
    return hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
  }
}
