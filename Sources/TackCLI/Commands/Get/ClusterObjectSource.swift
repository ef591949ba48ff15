import TackCore
import TackJSON
import TackOutput

/// `FluxObjectSource` over the Kubernetes client. (Stub until the client lands on branch kube.)
struct ClusterObjectSource: FluxObjectSource {
  let namespace: String

  static func make(global: GlobalOptions, context: CommandContext) async throws -> ClusterObjectSource {
    throw CommandError("the Kubernetes client is not available in this build")
  }

  func list(_ kind: FluxKind, scope: ListScope) async throws -> ObjectList { ObjectList(items: []) }
  func watch(_ kind: FluxKind, scope: ListScope, resourceVersion: String) async throws
    -> AsyncThrowingStream<ObjectWatchEvent, any Error>
  { AsyncThrowingStream { $0.finish() } }
  func get(_ kind: FluxKind, namespace: String, name: String) async throws -> JSON { .null }
  func secret(namespace: String, name: String) async throws -> JSON { .null }
}
