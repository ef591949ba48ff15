import TackBase
import TackJSON

/// One object a wait follows: how to GET it and how to watch it. Closures, so a wait can follow
/// anything that changes (usually through the ``Cluster`` port; a test may hand it a stub).
///
/// ```swift
/// let type = ObjectKind(apiVersion: "apps/v1", kind: "Deployment")
/// let object = WatchedObject(
///   description: "Deployment flux-system/source-controller",
///   fetch: { try await cluster.get(type, namespace: ns, name: name) },
///   watch: { rv in try await cluster.watch(type, .named(name, namespace: ns), from: rv) })
/// ```
public struct WatchedObject: Sendable {
  /// Names the object in messages, e.g. `Kustomization flux-system/apps`.
  public var description: String
  /// The current object, or `nil` when it does not exist. An error from the first fetch ends the wait.
  public var fetch: @Sendable () async throws -> JSON?
  /// Changes to the object from a resourceVersion on (`nil`: from now). The stream may end or fail
  /// at any time (dropped connection, 410 Gone): the waiter re-fetches and starts a new one.
  public var watch: @Sendable (_ resourceVersion: String?) async throws -> AsyncThrowingStream<WatchChange, any Error>

  public init(
    description: String,
    fetch: @escaping @Sendable () async throws -> JSON?,
    watch: @escaping @Sendable (_ resourceVersion: String?) async throws -> AsyncThrowingStream<WatchChange, any Error>
  ) {
    self.description = description
    self.fetch = fetch
    self.watch = watch
  }
}

/// Many objects of one kind, in one namespace or all: followed with ONE list and ONE watch however
/// many objects are waited for (a bulk `resume --all` of 500 Kustomizations is one connection, not
/// 500).
public struct WatchedCollection: Sendable {
  /// Names the collection in messages, e.g. `Kustomizations in flux-system`.
  public var description: String
  /// Names one member in messages, e.g. `Kustomization flux-system/apps`.
  public var describe: @Sendable (ObjectKey) -> String
  /// Every object of the collection now, with the list's resourceVersion.
  public var list: @Sendable () async throws -> ObjectList
  /// Changes to any object of the collection from a resourceVersion on.
  public var watch: @Sendable (_ resourceVersion: String?) async throws -> AsyncThrowingStream<WatchChange, any Error>

  public init(
    description: String,
    describe: @escaping @Sendable (ObjectKey) -> String,
    list: @escaping @Sendable () async throws -> ObjectList,
    watch: @escaping @Sendable (_ resourceVersion: String?) async throws -> AsyncThrowingStream<WatchChange, any Error>
  ) {
    self.description = description
    self.describe = describe
    self.list = list
    self.watch = watch
  }
}

/// Namespace and name: which object of a collection.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var namespace: String
  public var name: String
  public init(namespace: String, name: String) {
    self.namespace = namespace
    self.name = name
  }
  public init?(_ object: JSON) {
    guard let name = object[path: "metadata", "name"]?.stringValue else { return nil }
    self.init(namespace: object[path: "metadata", "namespace"]?.stringValue ?? "", name: name)
  }
  public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
  public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool {
    (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
  }
}

/// What a wait's predicate says about the latest state of an object (`nil`: it does not exist).
public enum WaitVerdict: Sendable {
  /// Not yet; the reason is shown while waiting and in the timeout error.
  case waiting(String)
  /// The condition holds: the wait returns this state.
  case satisfied
  /// The condition can no longer hold (the resource reported failure): the wait ends with this error.
  case failed(any TackError)
}

/// The point in time a command's waits give up, and the `--timeout` it came from (for messages).
public struct WaitDeadline: Sendable {
  public var instant: ContinuousClock.Instant
  public var timeout: Duration

  public init(timeout: Duration, from start: ContinuousClock.Instant = .now) {
    self.timeout = timeout
    instant = start.advanced(by: timeout)
  }

  public var hasPassed: Bool { ContinuousClock.now >= instant }
  public var timeoutText: String { GoDuration(timeout).description }
}

/// A wait ran out of time. Exit status 3.
public struct WaitTimeoutError: TackError, Equatable {
  public var object: String
  public var timeout: String
  /// The predicate's last reason for waiting.
  public var lastReason: String

  public init(object: String, timeout: String, lastReason: String) {
    self.object = object
    self.timeout = timeout
    self.lastReason = lastReason
  }

  public var exitStatus: ExitStatus { .timedOut }
  public var description: String { "timed out after \(timeout) waiting for \(object)" + reasonSuffix }
  /// The same without the object's name, for lines that already start with it.
  public var shortDescription: String { "timed out after \(timeout)" + reasonSuffix }
  var reasonSuffix: String { lastReason.isEmpty ? "" : " (\(lastReason))" }
}
