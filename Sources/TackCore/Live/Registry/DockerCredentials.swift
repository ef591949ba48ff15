#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif
import TackBase
import TackJSON

/// Registry credentials from the docker config, as go-containerregistry's default keychain finds
/// them: `$HOME/.docker/config.json` (or `$DOCKER_CONFIG/config.json`), else `$REGISTRY_AUTH_FILE`,
/// else `$XDG_RUNTIME_DIR/containers/auth.json`; per registry `credHelpers`, then `credsStore`
/// (both run `docker-credential-<name> get`), then `auths`. Nothing found is anonymous.
public struct DockerCredentials: Sendable {
  public var environment: [String: String]

  public init(environment: [String: String]) { self.environment = environment }

  /// The config file that applies, if any.
  public var configPath: String? {
    var candidates: [String] = []
    if let directory = environment["DOCKER_CONFIG"], !directory.isEmpty {
      candidates.append(directory + "/config.json")
    } else if let home = environment["HOME"], !home.isEmpty {
      candidates.append(home + "/.docker/config.json")
    }
    if let file = environment["REGISTRY_AUTH_FILE"], !file.isEmpty { candidates.append(file) }
    if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty {
      candidates.append(runtime + "/containers/auth.json")
    }
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  public func lookup(registry: String, repository: String) async throws -> RegistryCredentials {
    guard let path = configPath else { return .anonymous }
    let config: JSON
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      config = try JSON.parse([UInt8](data))
    } catch {
      throw OCIError.credentials(reason: "cannot read \(path): \(error)")
    }
    let hub = registry == "index.docker.io"
    let keys = hub ? ["https://index.docker.io/v1/", "index.docker.io", "docker.io"] : ["\(registry)/\(repository)", registry]
    for key in keys {
      if let helper = config["credHelpers"]?[key]?.stringValue, !helper.isEmpty {
        return try await run(helper: helper, server: key)
      }
    }
    if let store = config["credsStore"]?.stringValue, !store.isEmpty {
      let found = try await run(helper: store, server: keys.last!, missingIsAnonymous: true)
      if found != .anonymous { return found }
    }
    guard let auths = config["auths"]?.objectValue else { return .anonymous }
    for key in keys {
      for member in auths where Self.host(of: member.key) == Self.host(of: key) || member.key == key {
        if let credentials = try Self.credentials(from: member.value, path: path) { return credentials }
      }
    }
    return .anonymous
  }

  /// `https://ghcr.io/v1/` → `ghcr.io`.
  static func host(of key: String) -> String {
    var text = Substring(key)
    if let scheme = text.firstRange(of: "://") { text = text[scheme.upperBound...] }
    return String(text.prefix { $0 != "/" })
  }

  static func credentials(from entry: JSON, path: String) throws -> RegistryCredentials? {
    if let token = entry["registrytoken"]?.stringValue, !token.isEmpty { return .registryToken(token) }
    if let auth = entry["auth"]?.stringValue, !auth.isEmpty {
      guard let decoded = Base64.decode(auth, grammar: .lenient),
        let text = String(validating: decoded, as: UTF8.self), let colon = text.firstIndex(of: ":")
      else { throw OCIError.credentials(reason: "\(path): an auths entry's auth is not base64 of user:password") }
      return .basic(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }
    if let username = entry["username"]?.stringValue, let password = entry["password"]?.stringValue {
      return .basic(username: username, password: password)
    }
    return nil
  }

  /// Runs `docker-credential-<helper> get` with the server on stdin.
  private func run(helper: String, server: String, missingIsAnonymous: Bool = false) async throws -> RegistryCredentials {
    let name = "docker-credential-" + helper
    guard let executable = Self.find(name, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
      if missingIsAnonymous { return .anonymous }
      throw OCIError.credentials(reason: "credential helper \(name) is not on PATH")
    }
    let result = try await ChildProcess(
      executable: executable, arguments: ["get"], environment: environment,
      standardInput: .bytes(Array(server.utf8))
    ).run(timeout: .seconds(60))
    guard result.exitCode == 0 else {
      let message = String(decoding: result.stdout + result.stderr, as: UTF8.self)
      // The helpers' protocol says "not found" in these words.
      if message.contains("credentials not found") { return .anonymous }
      throw OCIError.credentials(reason: "\(name) get exited \(result.exitCode)")
    }
    guard let json = try? JSON.parse(result.stdout), let username = json["Username"]?.stringValue,
      let secret = json["Secret"]?.stringValue
    else { throw OCIError.credentials(reason: "\(name) get printed no Username and Secret") }
    // An identity token: exchanged at the token realm as a refresh token, which tack does not do
    // yet; sending it as a registry token works with registries that accept it directly.
    if username == "<token>" { return .registryToken(secret) }
    return .basic(username: username, password: secret)
  }

  static func find(_ name: String, path: String) -> String? {
    for directory in path.split(separator: ":") where !directory.isEmpty {
      let candidate = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
