import TackBase
import TackJSON

/// Applies Flux's components the way flux does (`utils.Apply`): server-side apply with a field
/// manager, CRDs and Namespaces first, a wait (≤ 1 minute) until those are Established / Active,
/// then everything else.
public struct ComponentInstaller: Sendable {
  public var cluster: any Cluster
  public var fieldManager: String
  /// flux waits at most this long for CRDs and Namespaces.
  public var definitionsTimeout: Duration = .seconds(60)

  public init(cluster: any Cluster, fieldManager: String = "flux") {
    self.cluster = cluster
    self.fieldManager = fieldManager
  }

  /// What applying one object did, as flux's change set reports it.
  public struct Change: Sendable, Equatable, CustomStringConvertible {
    public enum Action: String, Sendable { case created, configured, unchanged }
    public var reference: String
    public var action: Action
    public var description: String { "\(reference) \(action.rawValue)" }
  }

  /// Applied objects in order, with what happened to each.
  @discardableResult
  public func install(_ manifests: ComponentManifests, deadline: ContinuousClock.Instant) async throws -> [Change] {
    let (definitions, rest) = manifests.stages
    var applied: [Change] = []
    for document in definitions {
      applied.append(try await apply(document))
    }
    let remaining = deadline - ContinuousClock.now
    let timeout = min(definitionsTimeout, max(remaining, .zero))
    try await withThrowingTaskGroup(of: Void.self) { group in
      for document in definitions {
        group.addTask { try await waitEstablished(document, timeout: timeout) }
      }
      try await group.waitForAll()
    }
    for document in rest {
      applied.append(try await apply(document))
    }
    return applied
  }

  func apply(_ document: ManifestDocument) async throws -> Change {
    do {
      let reference = ObjectReference(of: document.object)
      let before = try await cluster.get(reference)
      let after = try await cluster.apply(document.object, fieldManager: fieldManager, force: true)
      let action: Change.Action =
        before == nil
        ? .created
        : before?[path: "metadata", "resourceVersion"] == after[path: "metadata", "resourceVersion"]
          ? .unchanged : .configured
      return Change(reference: document.reference, action: action)
    } catch let error as CancellationError {
      throw error
    } catch {
      throw InstallError("applying \(document.reference) failed: \(error)")
    }
  }

  func waitEstablished(_ document: ManifestDocument, timeout: Duration) async throws {
    let reference = ObjectReference(apiVersion: document.apiVersion, kind: document.kind, name: document.name)
    do {
      _ = try await cluster.wait(for: reference, timeout: timeout) { object in
        // kstatus, as flux's apply waits: a CRD is current once Established, a Namespace unless terminating.
        guard let object else { return false }
        return KStatus.compute(object).status == .current
      }
    } catch is WaitTimeout {
      throw InstallError(
        "\(document.reference) did not become \(document.kind == "Namespace" ? "Active" : "Established") within \(GoDuration(nanoseconds: Int64(timeout.components.seconds).saturatingMultiplied(by: 1_000_000_000)))",
        exitStatus: .timedOut)
    }
  }
}

/// Installing components failed.
public struct InstallError: TackError, Equatable {
  public var message: String
  public var exitStatus: ExitStatus
  public init(_ message: String, exitStatus: ExitStatus = .failure) {
    self.message = message
    self.exitStatus = exitStatus
  }
  public var description: String { message }
}
