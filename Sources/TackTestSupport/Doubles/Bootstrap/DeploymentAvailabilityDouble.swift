import Foundation
import Synchronization
import TackJSON

/// Plays the Deployment controller for a test API server that has no nodes: every Deployment's
/// status says all its replicas are updated, ready and available (kstatus "Current") soon after it
/// is created or changed, unless its name was held back with ``hold(_:)``.
///
/// ```swift
/// let deployments = DeploymentAvailabilityDouble.start(on: cluster.store)
/// deployments.hold("helm-controller")        // stays unavailable
/// …
/// deployments.stop()
/// ```
public final class DeploymentAvailabilityDouble: Sendable {
  let store: ObjectStore
  let delay: Duration
  private let held = Mutex<Set<String>>([])
  private let task = Mutex<Task<Void, Never>?>(nil)

  init(store: ObjectStore, delay: Duration) {
    self.store = store
    self.delay = delay
  }

  /// Starts following Deployments in every namespace.
  public static func start(on store: ObjectStore, delay: Duration = .milliseconds(10)) -> DeploymentAvailabilityDouble {
    let double = DeploymentAvailabilityDouble(store: store, delay: delay)
    double.task.withLock { $0 = Task { await double.follow() } }
    return double
  }

  /// Deployments with this name never become available.
  public func hold(_ name: String) { held.withLock { _ = $0.insert(name) } }

  public func stop() {
    task.withLock { task in
      task?.cancel()
      task = nil
    }
  }

  func follow() async {
    while !Task.isCancelled {
      guard let events = try? store.watch(apiVersion: "apps/v1", kind: "Deployment") else { return }
      for await event in events {
        if Task.isCancelled { return }
        guard event.type == .added || event.type == .modified else { continue }
        await consider(event.object)
      }
      try? await Task.sleep(for: .milliseconds(50))
    }
  }

  /// kstatus "Current" for the generation the controller last saw.
  static func isAvailable(_ deployment: JSON) -> Bool {
    let generation = deployment[path: "metadata", "generation"]?.intValue ?? 1
    let replicas = deployment[path: "spec", "replicas"]?.intValue ?? 1
    return deployment[path: "status", "observedGeneration"]?.intValue == generation
      && deployment[path: "status", "availableReplicas"]?.intValue == replicas
  }

  func consider(_ deployment: JSON) async {
    guard let name = deployment[path: "metadata", "name"]?.stringValue,
      !held.withLock({ $0.contains(name) }), !Self.isAvailable(deployment)
    else { return }
    let namespace = deployment[path: "metadata", "namespace"]?.stringValue
    try? await Task.sleep(for: delay)
    _ = try? store.modifyStatus(
      apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name, fieldManager: "kube-controller-manager"
    ) { status in
      status = Self.availableStatus(for: deployment)
    }
  }

  static func availableStatus(for deployment: JSON) -> JSON {
    let generation = deployment[path: "metadata", "generation"]?.intValue ?? 1
    let replicas = deployment[path: "spec", "replicas"]?.intValue ?? 1
    let now = GitSyncDouble.timestamp()
    return [
      "observedGeneration": .int(generation), "replicas": .int(replicas), "updatedReplicas": .int(replicas),
      "readyReplicas": .int(replicas), "availableReplicas": .int(replicas),
      "conditions": [
        [
          "type": "Available", "status": "True", "reason": "MinimumReplicasAvailable",
          "message": "Deployment has minimum availability.", "lastTransitionTime": .string(now),
          "lastUpdateTime": .string(now),
        ],
        [
          "type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable",
          "message": .string("ReplicaSet has successfully progressed."), "lastTransitionTime": .string(now),
          "lastUpdateTime": .string(now),
        ],
      ],
    ]
  }
}
