import TackBase
import TackJSON

/// kstatus (sigs.k8s.io/cli-utils, fluxcd fork): how the Flux CLI, kustomize-controller health checks
/// and `kubectl wait`-style tools decide whether an object is done. Same rules, same messages, for the
/// kinds tack waits on: any custom resource (generic rules, then its Ready condition), Deployments
/// and CRDs (bootstrap), and the always-ready kinds.
public enum KStatus: String, Sendable, Equatable {
  case inProgress = "InProgress"
  case failed = "Failed"
  case current = "Current"
  case terminating = "Terminating"

  public struct Result: Sendable, Equatable {
    public var status: KStatus
    public var message: String
    public init(_ status: KStatus, _ message: String) {
      self.status = status
      self.message = message
    }
  }

  public static func compute(_ object: JSON) -> Result {
    let view = ObjectStatus(object)
    if let generic = generic(view) { return generic }
    switch (view.apiGroup, view.kind) {
    case ("apps", "Deployment"), ("extensions", "Deployment"):
      return deployment(object, view)
    case ("apiextensions.k8s.io", "CustomResourceDefinition"):
      return customResourceDefinition(view)
    case ("", "Secret"), ("", "ConfigMap"), ("batch", "CronJob"):
      return Result(.current, "Resource is always ready")
    default:
      break
    }
    if let ready = view.ready {
      switch ready.status {
      case "True": return Result(.current, "Resource is Ready")
      case "False", "Unknown": return Result(.inProgress, ready.message)
      default: break
      }
    }
    return Result(.current, "Resource is current")
  }

  /// Deletion, generation and the standard Reconciling/Stalled conditions: enough to decide for most
  /// objects before any kind-specific rule.
  static func generic(_ view: ObjectStatus) -> Result? {
    if let deletion = view.deletionTimestamp, !deletion.isEmpty {
      return Result(.terminating, "Resource scheduled for deletion")
    }
    if let generation = view.generation, let observed = view.observedGeneration, generation != observed {
      return Result(
        .inProgress,
        "\(view.kind) generation is \(generation), but latest observed generation is \(observed)")
    }
    for condition in view.conditions {
      if condition.type == "Reconciling", condition.isTrue { return Result(.inProgress, condition.message) }
      if condition.type == "Stalled", condition.isTrue { return Result(.failed, condition.message) }
    }
    return nil
  }

  static func deployment(_ object: JSON, _ view: ObjectStatus) -> Result {
    func int(_ keys: String..., default value: Int) -> Int { object[path: keys]?.intValue ?? value }
    let progressDeadline = int("spec", "progressDeadlineSeconds", default: Int(Int32.max))
    var progressing = progressDeadline == Int(Int32.max)
    var available = false
    for condition in view.conditions {
      switch condition.type {
      case "Progressing":
        if condition.reason == "ProgressDeadlineExceeded" { return Result(.failed, "Progress deadline exceeded") }
        if condition.isTrue, condition.reason == "NewReplicaSetAvailable" { progressing = true }
      case "Available":
        if condition.isTrue { available = true }
      default:
        break
      }
    }
    let spec = int("spec", "replicas", default: 1)
    let replicas = int("status", "replicas", default: 0)
    let updated = int("status", "updatedReplicas", default: 0)
    let ready = int("status", "readyReplicas", default: 0)
    let availableReplicas = int("status", "availableReplicas", default: 0)
    if spec > replicas { return Result(.inProgress, "Replicas: \(replicas)/\(spec)") }
    if spec > updated { return Result(.inProgress, "Updated: \(updated)/\(spec)") }
    if replicas > spec { return Result(.inProgress, "Pending termination: \(replicas.saturatingSubtracting(spec))") }
    if updated > availableReplicas { return Result(.inProgress, "Available: \(availableReplicas)/\(updated)") }
    if spec > ready { return Result(.inProgress, "Ready: \(ready)/\(spec)") }
    if !progressing { return Result(.inProgress, "ReplicaSet not Available") }
    if !available { return Result(.inProgress, "Deployment not Available") }
    return Result(.current, "Deployment is available. Replicas: \(replicas)")
  }

  static func customResourceDefinition(_ view: ObjectStatus) -> Result {
    for condition in view.conditions {
      if condition.type == "NamesAccepted", condition.isFalse { return Result(.failed, condition.message) }
      if condition.type == "Established" {
        if condition.isFalse, condition.reason != "Installing" { return Result(.failed, condition.message) }
        if condition.isTrue { return Result(.current, "CRD is established") }
      }
    }
    return Result(.inProgress, "Install in progress")
  }
}
