import TackBase
import TackHTTP
import TackJSON

/// Runs a kubeconfig exec plugin (`client.authentication.k8s.io/v1` or `v1beta1`) and caches what it
/// returns (a token, or a client certificate and key) until its `expirationTimestamp`. After a 401
/// the cached credential is dropped once and the plugin runs again.
///
/// The plugin gets the process environment plus `exec.env`, and `KUBERNETES_EXEC_INFO` describing
/// the request (and the cluster, with `provideClusterInfo`). It may use the terminal only when
/// `interactiveMode` allows it and stdin is one.
public actor ExecCredentialProvider: CredentialSource {
  public let plugin: ClientConfig.ExecPlugin
  let environment: [String: String]
  let stdinIsTerminal: Bool
  /// How long one run of the plugin may take; nil: ``PluginProcess/defaultDeadline(interactive:)``.
  let deadline: Duration?
  private var cached: (credentials: RequestCredentials, expiry: Double?)?
  /// The plugin run in progress: concurrent requests wait for it instead of starting their own
  /// (the actor is re-entrant across the await).
  private var inFlight: Task<RequestCredentials, any Error>?
  /// How many times the plugin has run (for tests and `--verbose`).
  public private(set) var runs = 0

  public init(
    plugin: ClientConfig.ExecPlugin, environment: [String: String], stdinIsTerminal: Bool, deadline: Duration? = nil
  ) {
    self.plugin = plugin
    self.environment = environment
    self.stdinIsTerminal = stdinIsTerminal
    self.deadline = deadline.flatMap { $0 > .zero ? $0 : nil }
  }

  public func credentials() async throws -> RequestCredentials {
    if let cached, cached.expiry.map({ RFC3339Time.now().seconds < $0 }) ?? true { return cached.credentials }
    return try await refresh()
  }

  public func rejected(_ used: RequestCredentials) async throws -> Bool {
    if inFlight == nil, let cached, cached.credentials != used { return true }
    if inFlight == nil { cached = nil }
    _ = try await refresh()
    return true
  }

  private func refresh() async throws -> RequestCredentials {
    if let inFlight { return try await Self.value(of: inFlight) }
    let task = Task { try await self.runPlugin() }
    inFlight = task
    defer { inFlight = nil }
    return try await Self.value(of: task)
  }

  /// The run's result; a cancelled request (Ctrl-C) cancels the run, which ends the plugin.
  private static func value(of run: Task<RequestCredentials, any Error>) async throws -> RequestCredentials {
    try await withTaskCancellationHandler { try await run.value } onCancel: { run.cancel() }
  }

  private var config: KubeConfig.ExecConfig { plugin.config }

  private func failure(_ problem: ExecPluginError.Problem) -> ExecPluginError {
    ExecPluginError(user: plugin.userName, command: config.command, problem: problem)
  }

  private func runPlugin() async throws -> RequestCredentials {
    let mode = config.interactiveMode ?? .ifAvailable
    let interactive: Bool
    switch mode {
    case .never: interactive = false
    case .ifAvailable: interactive = stdinIsTerminal
    case .always:
      guard stdinIsTerminal else { throw failure(.needsTerminal) }
      interactive = true
    }
    guard let executable = PluginProcess.lookPath(config.command, path: environment["PATH"]) else {
      throw failure(.notFound(installHint: config.installHint))
    }
    var env = environment
    for entry in config.env { env[entry.name] = entry.value }
    var spec: JSON = ["interactive": .bool(interactive)]
    if let cluster = plugin.clusterInfo { spec["cluster"] = cluster }
    let info: JSON = ["kind": "ExecCredential", "apiVersion": .string(config.apiVersion), "spec": spec]
    env["KUBERNETES_EXEC_INFO"] = info.serialized()

    let result: ChildProcessResult
    let limit = deadline ?? PluginProcess.defaultDeadline(interactive: interactive)
    do {
      result = try await PluginProcess(
        executable: executable, arguments: config.args, environment: env, interactive: interactive
      ).run(deadline: limit)
    } catch let error as ChildProcessError {
      throw failure(.couldNotStart(error.description))
    }
    runs += 1
    guard !result.timedOut else { throw failure(.timedOut(limit)) }
    guard result.exitCode == 0 else {
      let lastLine = String(decoding: result.stderr, as: UTF8.self)
        .split(whereSeparator: \.isNewline).last.map { String($0.prefix(300)) } ?? ""
      throw failure(.exited(code: result.exitCode, stderr: lastLine))
    }
    let parsed = try parse(result.stdout)
    cached = parsed
    return parsed.credentials
  }

  /// Reads an `ExecCredential` from the plugin's stdout.
  func parse(_ stdout: [UInt8]) throws -> (credentials: RequestCredentials, expiry: Double?) {
    let json: JSON
    do {
      json = try JSON.parse(stdout)
    } catch {
      throw failure(.invalidOutput("stdout is not JSON (\(error.reason))"))
    }
    guard json["kind"]?.stringValue == "ExecCredential" else {
      throw failure(.invalidOutput("kind is not ExecCredential"))
    }
    guard let version = json["apiVersion"]?.stringValue, version == config.apiVersion else {
      throw failure(
        .invalidOutput(
          "apiVersion \"\(json["apiVersion"]?.stringValue ?? "")\" does not match the configured \(config.apiVersion)"))
    }
    guard let status = json["status"], case .object = status else {
      throw failure(.invalidOutput("status is missing"))
    }
    var expiry: Double?
    if let text = status["expirationTimestamp"]?.stringValue, !text.isEmpty {
      guard let parsed = RFC3339Time(text)?.seconds else {
        throw failure(.invalidOutput("status.expirationTimestamp \"\(text)\" is not an RFC 3339 time"))
      }
      expiry = parsed
    }
    var credentials = RequestCredentials()
    if let token = status["token"]?.stringValue, !token.isEmpty {
      credentials.authorization = "Bearer \(token)"
    }
    let cert = status["clientCertificateData"]?.stringValue ?? ""
    let key = status["clientKeyData"]?.stringValue ?? ""
    if !cert.isEmpty || !key.isEmpty {
      guard !cert.isEmpty, !key.isEmpty else {
        throw failure(.invalidOutput("clientCertificateData and clientKeyData must be returned together"))
      }
      do {
        try PEM.validateCertificates(Array(cert.utf8))
        try PEM.validatePrivateKey(Array(key.utf8))
      } catch {
        throw failure(.invalidOutput("status.clientCertificateData/clientKeyData: \(error.reason)"))
      }
      credentials.identity = ClientIdentity(certificate: Array(cert.utf8), key: Array(key.utf8))
    }
    guard credentials.authorization != nil || credentials.identity != nil else {
      throw failure(.invalidOutput("status has neither a token nor a client certificate and key"))
    }
    return (credentials, expiry)
  }
}
