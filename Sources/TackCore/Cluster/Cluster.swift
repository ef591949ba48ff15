import TackBase
import TackJSON

/// The Kubernetes API as tack's use cases see it: the one port to a cluster. Every command that
/// reads or changes a cluster (get, export, reconcile, suspend, resume, canary, bootstrap, install,
/// check, create secret, secrets, version) talks through it; `KubeCluster` (in `Live/`) is the
/// adapter over TackKube, and tests run the same adapter against the test API server.
///
/// Objects are dynamic JSON. Kinds are named by ``ObjectKind``; the adapter resolves them through
/// discovery (or not, for the few fixed ones), so a kind the cluster does not serve is reported as
/// ``ResourceNotServedError`` before any request goes to a wrong URL. Errors are the adapter's typed
/// errors, rendered once at the edge; a 404 comes back as ``ObjectNotFoundError``.
///
/// ```swift
/// let cluster: any Cluster = KubeCluster(client: client)
/// let ks = ObjectKind(FluxKind.kustomization)
/// if let apps = try await cluster.get(ks, namespace: "flux-system", name: "apps") { … }
/// _ = try await cluster.patch(ks, namespace: "flux-system", name: "apps", .merge(["spec": ["suspend": true]]))
/// for try await change in try await cluster.watch(ks, ListScope(namespace: "flux-system"), from: nil) { … }
/// ```
public protocol Cluster: Sendable {
  /// The API server's `gitVersion` (`v1.33.1`).
  func serverVersion() async throws -> String

  /// The object, or `nil` when it does not exist (its kind is served, the object is not there).
  func get(_ type: ObjectKind, namespace: String?, name: String) async throws -> JSON?

  /// The objects `scope` selects, page by page as the server sends them (`limit`/`continue`), so a
  /// large list is processed without holding every object at once. Each page carries the list's
  /// resourceVersion.
  func listPages(_ type: ObjectKind, _ scope: ListScope) async throws -> AsyncThrowingStream<ObjectList, any Error>

  /// Changes to the objects `scope` selects, after `resourceVersion` (`nil`: the current objects
  /// first, as `.changed`), until the consuming task is cancelled. The adapter resumes dropped
  /// connections; bookmarks are passed on for consumers that track the resourceVersion.
  func watch(_ type: ObjectKind, _ scope: ListScope, from resourceVersion: String?) async throws
    -> AsyncThrowingStream<WatchChange, any Error>

  /// A merge patch or a server-side apply of one object; returns the object as stored.
  func patch(_ type: ObjectKind, namespace: String?, name: String, _ patch: ObjectPatch) async throws -> JSON

  /// A server-side apply of `object` with `dryRun=All`: the object as the server would store it,
  /// with nothing written. A refusal (validation, a missing namespace, a conflict) comes back as
  /// ``DryRunOutcome/failed(_:)``, since `diff` reports it per object and goes on.
  func dryRunApply(_ object: JSON, fieldManager: String, force: Bool) async throws -> DryRunOutcome

  /// Creates the object (its `apiVersion` and `kind` name the type).
  func create(_ object: JSON) async throws -> JSON

  /// Replaces the object; its `metadata.resourceVersion` makes the write conditional.
  func update(_ object: JSON) async throws -> JSON

  /// Deletes the object (background propagation, the server's default).
  func delete(_ type: ObjectKind, namespace: String?, name: String) async throws

  /// A request to a Service through the API server's service proxy. A non-2xx reply is the
  /// service's own answer; the API server's refusals (no such service, RBAC) throw.
  func proxy(_ request: ServiceProxyRequest) async throws -> ServiceProxyReply

  /// A container's log, as the server streams it; with `follow` the stream stays open for new lines
  /// until the container stops or the consuming task is cancelled.
  func podLogs(_ request: PodLogRequest) async throws -> AsyncThrowingStream<[UInt8], any Error>

  /// The body of any GET path, as the server sent it (`tack get --raw`).
  func raw(_ path: String) async throws -> [UInt8]
}

/// How an object is changed in place.
public enum ObjectPatch: Sendable, Equatable {
  /// An RFC 7386 JSON merge patch, recorded under `fieldManager` when one is given.
  case merge(JSON, fieldManager: String? = nil)
  /// Server-side apply of a whole object as `fieldManager`; `force` takes fields over from others.
  case apply(JSON, fieldManager: String, force: Bool)
}

/// A call to a Service behind the API server's proxy:
/// `/api/v1/namespaces/NS/services/[SCHEME:]NAME[:PORT]/proxy/PATH`.
public struct ServiceProxyRequest: Sendable, Equatable {
  public var namespace: String
  public var service: String
  /// `https` to reach the service over TLS; `nil` for the proxy's default (http).
  public var scheme: String?
  /// A port name or number; `nil` for the service's only port.
  public var port: String?
  public var method: String
  /// The path (and query) at the service.
  public var path: String
  public var body: [UInt8]?
  public var headers: [Header]

  public struct Header: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
      self.name = name
      self.value = value
    }
  }

  public init(
    namespace: String, service: String, scheme: String? = nil, port: String? = nil, method: String = "GET",
    path: String, body: [UInt8]? = nil, headers: [Header] = []
  ) {
    self.namespace = namespace
    self.service = service
    self.scheme = scheme
    self.port = port
    self.method = method
    self.path = path
    self.body = body
    self.headers = headers
  }
}

/// A proxied service's answer (not an API server error).
public struct ServiceProxyReply: Sendable, Equatable {
  public var status: Int
  public var body: String
  public init(status: Int, body: String) {
    self.status = status
    self.body = body
  }
  public var isSuccess: Bool { (200..<300).contains(status) }
}

/// Which log of which pod, and how much of it.
public struct PodLogRequest: Sendable, Equatable {
  public var namespace: String
  public var pod: String
  /// Required when the pod has more than one container.
  public var container: String?
  /// Keep the stream open for new lines.
  public var follow: Bool
  /// Only the last lines.
  public var tailLines: Int?
  /// Only lines written at or after this time; the apiserver passes it on in whole seconds.
  public var sinceTime: RFC3339Time?
  /// Each line prefixed with the time it was written and a space (RFC 3339, nanoseconds).
  public var timestamps: Bool

  public init(
    namespace: String, pod: String, container: String? = nil, follow: Bool = false, tailLines: Int? = nil,
    sinceTime: RFC3339Time? = nil, timestamps: Bool = false
  ) {
    self.namespace = namespace
    self.pod = pod
    self.container = container
    self.follow = follow
    self.tailLines = tailLines
    self.sinceTime = sinceTime
    self.timestamps = timestamps
  }
}
