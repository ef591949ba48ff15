import TackBase
import TackJSON

/// A steady stream of Flux controller log lines for the `logs --follow` benchmark: six controller
/// Deployments with one running Pod each in `flux-system` (as `flux install` labels them), and a
/// writer that appends JSON lines, shaped as controller-runtime writes them, at a given rate spread
/// over the pods.
///
/// ```swift
/// try cluster.store.ensureNamespace("flux-system")
/// try cluster.store.seed(ControllerLogStream.controllers())
/// let stream = ControllerLogStream(logs: cluster.server.podLogs, linesPerSecond: 1_000)
/// let writer = Task { await stream.run() }
/// ```
public struct ControllerLogStream: Sendable {
  public static let controllerNames = [
    "source-controller", "kustomize-controller", "helm-controller", "notification-controller",
    "image-reflector-controller", "image-automation-controller",
  ]

  public let logs: PodLogs
  public let linesPerSecond: Int

  public init(logs: PodLogs, linesPerSecond: Int) {
    self.logs = logs
    self.linesPerSecond = linesPerSecond
  }

  public static func podName(_ controller: String) -> String { "\(controller)-5d8f7c9b6d-q7w2e" }

  /// The Deployments and Pods (in `flux-system`, which must exist) the lines belong to.
  public static func controllers() -> [JSON] {
    var objects: [JSON] = []
    for name in controllerNames {
      let labels: JSON = ["app": .string(name)]
      let containers: JSON = [["name": "manager", "image": .string("ghcr.io/fluxcd/\(name)")]]
      objects.append([
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": [
          "name": .string(name), "namespace": "flux-system",
          "labels": ["app.kubernetes.io/part-of": "flux", "app.kubernetes.io/component": .string(name)],
        ],
        "spec": ["selector": ["matchLabels": labels], "template": ["metadata": ["labels": labels], "spec": ["containers": containers]]],
      ])
      objects.append([
        "apiVersion": "v1", "kind": "Pod",
        "metadata": ["name": .string(podName(name)), "namespace": "flux-system", "labels": labels],
        "spec": ["containers": containers], "status": ["phase": "Running"],
      ])
    }
    return objects
  }

  /// Line `index` of a controller's log: a reconcile of one of 200 objects in 50 namespaces.
  static func line(_ index: Int, controller: String, at time: RFC3339Time) -> String {
    let kind = controller == "source-controller" ? "GitRepository" : "Kustomization"
    let name = "app-\(index % 200)"
    let namespace = "tenant-\(index % 50)"
    let ts = FluxReconcileReport.milliTime(time)
    let line: JSON = [
      "level": index % 20 == 0 ? "error" : "info", "ts": .string(ts),
      "msg": .string(index % 20 == 0 ? "Reconciliation failed after 1.2s, next try in 10m0s" : "Reconciliation finished in 812.303981ms, next run in 10m0s"),
      "controller": .string(kind.lowercased()), "controllerGroup": "kustomize.toolkit.fluxcd.io", "controllerKind": .string(kind),
      kind: ["name": .string(name), "namespace": .string(namespace)],
      "namespace": .string(namespace), "name": .string(name), "reconcileID": .string("8f0c1b2a-\(String(index, radix: 16))"),
      "revision": "main@sha1:1f2e3d4c5b6a79881726354a5b6c7d8e9f0a1b2c",
    ]
    return line.serialized() + "\n"
  }

  /// Appends lines until cancelled, catching up every 10 ms so the rate holds on a busy machine.
  public func run() async {
    let start = ContinuousClock.now
    var written = 0
    while !Task.isCancelled {
      let elapsed = ContinuousClock.now - start
      let due = Int(Double(linesPerSecond) * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
      while written < due {
        let controller = Self.controllerNames[written % Self.controllerNames.count]
        let now = RFC3339Time.now()
        logs.append(
          Self.line(written, controller: controller, at: now), at: now, namespace: "flux-system", pod: Self.podName(controller),
          container: "manager")
        written += 1
      }
      try? await Task.sleep(for: .milliseconds(10))
    }
  }
}
