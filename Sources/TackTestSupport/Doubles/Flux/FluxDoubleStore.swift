import TackJSON

/// What the controller double needs from the API server: the in-process store API, so its writes go
/// through the same versioning, validation and watch paths as a real controller's HTTP requests.
/// `FluxControllerDouble.start(on:)` adapts the test server's store to this.
public protocol FluxDoubleStore: Sendable {
  /// Every object of the kind in all namespaces, and the list's resourceVersion.
  func list(_ kind: FluxDoubleKind) async throws -> (items: [JSON], resourceVersion: String?)
  /// Changes to objects of the kind from `resourceVersion` on.
  func watch(_ kind: FluxDoubleKind, from resourceVersion: String?) async throws
    -> AsyncThrowingStream<FluxDoubleEvent, any Error>
  /// One object, or `nil`.
  func get(_ kind: FluxDoubleKind, namespace: String, name: String) async throws -> JSON?
  /// Replaces the object's status through the status subresource; returns the stored object, or
  /// `nil` when it no longer exists.
  func writeStatus(_ kind: FluxDoubleKind, namespace: String, name: String, status: JSON) async throws -> JSON?
  /// Creates an object (helm-controller creates the HelmChart of a chart template).
  func create(_ kind: FluxDoubleKind, _ object: JSON) async throws
  /// Writes an Event (core/v1 or events.k8s.io/v1, by its apiVersion), replacing the one of the same
  /// name: a repeated event is the same object with a higher count.
  func recordEvent(_ event: JSON) async throws
  /// A controller writes a line to its log.
  func writeLog(_ controller: FluxController, _ line: String) async
}

/// A watch event as the double consumes it.
public enum FluxDoubleEvent: Sendable {
  case upserted(JSON)
  case deleted(JSON)
}
