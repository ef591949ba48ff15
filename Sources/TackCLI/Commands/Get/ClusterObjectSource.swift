import TackCore
import TackJSON
import TackKube
import TackOutput

/// `FluxObjectSource` over the Kubernetes client: kinds resolved through discovery (group, version
/// and kind, never a hard-coded URL), lists paged as they arrive, watches resumed by the client.
struct ClusterObjectSource: FluxObjectSource {
  let client: KubeClient
  /// The namespace the command works in (flux's rules: `-n`, the context's with
  /// `--ns-follows-kube-context`, `FLUX_SYSTEM_NAMESPACE`, `flux-system`).
  let namespace: String

  static func make(global: GlobalOptions, context: CommandContext) async throws -> ClusterObjectSource {
    let connection = try ClusterConnection(options: global, context: context)
    return ClusterObjectSource(client: try connection.makeClient(), namespace: try connection.namespace())
  }

  /// The API resource serving `kind` at the version tack speaks; `KindNotInstalledError` when the
  /// cluster lacks it (with the versions it does serve, if any).
  func resource(_ kind: FluxKind) async throws -> APIResource {
    do {
      return try await client.resource(for: GroupVersionKind(group: kind.group, version: kind.version, kind: kind.kind))
    } catch is KubeDiscoveryError {
      let served = (try? await client.serverResources())?.filter { $0.group == kind.group && $0.kind == kind.kind }
      throw KindNotInstalledError(kind: kind, servedVersions: (served ?? []).map(\.apiVersion))
    }
  }

  static func listOptions(_ scope: ListScope) -> ListOptions {
    ListOptions(labelSelector: scope.labelSelector, fieldSelector: scope.fieldSelector)
  }

  func list(_ kind: FluxKind, scope: ListScope) async throws -> ObjectList {
    let list = try await client.list(try await resource(kind), namespace: scope.namespace, options: Self.listOptions(scope))
    return ObjectList(items: list.items.map(\.json), resourceVersion: list.resourceVersion ?? "")
  }

  func listPages(_ kind: FluxKind, scope: ListScope) async throws -> AsyncThrowingStream<ObjectList, any Error> {
    let pages = client.listPages(try await resource(kind), namespace: scope.namespace, options: Self.listOptions(scope))
    nonisolated(unsafe) var iterator = pages.makeAsyncIterator()
    return AsyncThrowingStream(unfolding: {
      guard let page = try await iterator.next() else { return nil }
      return ObjectList(items: page.items.map(\.json), resourceVersion: page.resourceVersion ?? "")
    })
  }

  func watch(_ kind: FluxKind, scope: ListScope, resourceVersion: String) async throws
    -> AsyncThrowingStream<ObjectWatchEvent, any Error>
  {
    var list = Self.listOptions(scope)
    list.resourceVersion = resourceVersion.isEmpty ? nil : resourceVersion
    let events = client.watch(
      try await resource(kind), namespace: scope.namespace,
      options: WatchOptions(list: list, initialList: resourceVersion.isEmpty))
    nonisolated(unsafe) var iterator = events.makeAsyncIterator()
    return AsyncThrowingStream(unfolding: {
      while let event = try await iterator.next() {
        switch event.type {
        case .added: return ObjectWatchEvent(type: .added, object: event.object.json)
        case .modified: return ObjectWatchEvent(type: .modified, object: event.object.json)
        case .deleted: return ObjectWatchEvent(type: .deleted, object: event.object.json)
        case .bookmark: continue
        }
      }
      return nil
    })
  }

  func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON {
    try await client.get(try await resource(kind), name: name, namespace: namespace).json
  }

  func secret(namespace: String, name: String) async throws -> JSON {
    let secrets = try await client.resource(for: GroupVersionKind(group: "", version: "v1", kind: "Secret"))
    return try await client.get(secrets, name: name, namespace: namespace).json
  }
}

/// Global flags + environment → client and namespace. Mirrors kube's `KubeClientFactory` (its
/// namespace rules and overrides) until that lands on this branch; then this delegates to it.
struct ClusterConnection {
  let options: GlobalOptions
  let context: CommandContext

  init(options: GlobalOptions, context: CommandContext) throws {
    self.options = options
    self.context = context
  }

  func loadConfig() throws -> LoadedKubeConfig {
    try KubeConfigLoader(explicitPath: options.connection.kubeconfig, environment: context.environment).load()
  }

  func makeClient() throws -> KubeClient {
    let connection = options.connection
    let timeout = try Self.duration(connection.requestTimeout ?? options.timeout)
    let overrides = KubeConfigOverrides(
      context: connection.context, cluster: connection.cluster, user: connection.user, server: connection.server,
      token: connection.token, certificateAuthority: connection.certificateAuthority,
      clientCertificate: connection.clientCertificate, clientKey: connection.clientKey,
      insecureSkipTLSVerify: connection.insecureSkipTlsVerify ? true : nil, tlsServerName: connection.tlsServerName,
      impersonate: connection.as, impersonateGroups: connection.asGroup, requestTimeout: timeout,
      disableCompression: connection.disableCompression ? true : nil)
    let config = try ClientConfig.resolve(loadConfig(), overrides: overrides)
    let console = context.console
    var clientOptions = KubeClient.Options(
      environment: context.environment, stdinIsTerminal: console.style.stdinIsTerminal,
      discoveryCacheDirectory: KubeClient.Options.defaultDiscoveryCacheDirectory(environment: context.environment))
    if options.verbose { clientOptions.log = RequestLog(level: 1) { line in console.note(line) } }
    return KubeClient(config: config, options: clientOptions)
  }

  func namespace() throws -> String {
    let environment = context.environment
    var namespace = "flux-system"
    if let fromEnvironment = environment["FLUX_SYSTEM_NAMESPACE"], !fromEnvironment.isEmpty {
      if Self.isDNSLabel(fromEnvironment) {
        namespace = fromEnvironment
      } else {
        context.console.warning("ignoring FLUX_SYSTEM_NAMESPACE \"\(fromEnvironment)\": not a valid DNS-1123 label")
      }
    }
    if let flag = options.namespace {
      namespace = flag
    } else if options.nsFollowsKubeContext || !(environment["FLUX_NS_FOLLOWS_KUBE_CONTEXT"] ?? "").isEmpty {
      let loaded = try loadConfig()
      if let name = options.connection.context ?? loaded.config.currentContext,
        let contextNamespace = loaded.config.contexts[name]?.namespace, !contextNamespace.isEmpty
      {
        namespace = contextNamespace
      }
    }
    guard Self.isDNSLabel(namespace) else {
      throw CommandError("namespace must be a valid DNS label: \"\(namespace)\"", exitStatus: .usage)
    }
    return namespace
  }

  static func isDNSLabel(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
    func alphanumeric(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
    return alphanumeric(first) && alphanumeric(last) && bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") }
  }

  static func duration(_ text: String) throws -> Duration? {
    if let seconds = Int(text) { return seconds <= 0 ? nil : .seconds(seconds) }
    guard let duration = GoDuration(text), duration.nanoseconds >= 0 else {
      throw CommandError("invalid duration \"\(text)\": use a duration such as 30s, 5m or 1h", exitStatus: .usage)
    }
    return duration.nanoseconds == 0 ? nil : duration.duration
  }
}
