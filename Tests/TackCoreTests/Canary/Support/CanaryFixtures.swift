import TackCore
import TackJSON

/// Canaries and Deployments for the tests, as the API server would return them.
enum CanaryFixtures {
  static let gateURL = "http://flagger-loadtester.test/gate/check"
  static let rollbackURL = "http://flagger-loadtester.test/rollback/check"

  /// A podinfo Canary in `test`; `analysis` is YAML indented under `analysis:`.
  static func canary(
    name: String = "podinfo", analysis: String = defaultAnalysis, labels: String = "", status: String = "",
    extraSpec: String = ""
  ) -> JSON {
    let yaml = """
      apiVersion: flagger.app/v1beta1
      kind: Canary
      metadata:
        name: \(name)
        namespace: test
        uid: 6a1d1d3c-0000-4000-8000-000000000001
      \(labels.isEmpty ? "" : "  labels:\n" + labels.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
      spec:
        targetRef:
          apiVersion: apps/v1
          kind: Deployment
          name: podinfo
        service:
          port: 9898
      \(extraSpec.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        analysis:
      \(analysis.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
      \(status.isEmpty ? "" : "status:\n" + status.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
      """
    return try! JSON.parseYAML(yaml)
  }

  static let defaultAnalysis = """
    interval: 1m
    threshold: 3
    maxWeight: 50
    stepWeight: 10
    metrics:
    - name: request-success-rate
      thresholdRange:
        min: 99
      interval: 1m
    - name: request-duration
      thresholdRange:
        max: 500
      interval: 30s
    - name: error-rate
      templateRef:
        name: error-rate
        namespace: flagger-system
      thresholdRange:
        max: 1
    webhooks:
    - name: load-test
      type: rollout
      url: http://flagger-loadtester.test/
    - name: promotion-gate
      type: confirm-promotion
      url: \(gateURL)
    - name: abort
      type: rollback
      url: \(rollbackURL)
    """

  static let blueGreenAnalysis = """
    interval: 30s
    threshold: 2
    iterations: 5
    metrics:
    - name: request-success-rate
      thresholdRange:
        min: 99
    webhooks:
    - name: rollout-gate
      type: confirm-rollout
      url: \(gateURL)
    """

  static let abAnalysis = """
    interval: 1m
    threshold: 5
    iterations: 10
    match:
    - headers:
        x-canary:
          exact: insider
    metrics:
    - name: request-success-rate
      thresholdRange:
        min: 99
    """

  static let stepWeightsAnalysis = """
    interval: 15s
    threshold: 2
    stepWeights: [1, 5, 10, 50]
    webhooks:
    - name: traffic-gate
      type: confirm-traffic-increase
      url: \(gateURL)
    """

  static func deployment(name: String = "podinfo", image: String = "ghcr.io/stefanprodan/podinfo:6.0.0", templateTime: String = "2026-11-28T09:00:00Z") -> JSON {
    [
      "apiVersion": "apps/v1", "kind": "Deployment",
      "metadata": [
        "name": .string(name), "namespace": "test",
        "managedFields": [
          [
            "manager": "kustomize-controller", "operation": "Apply", "apiVersion": "apps/v1",
            "time": .string(templateTime), "fieldsType": "FieldsV1",
            "fieldsV1": ["f:spec": ["f:replicas": [:], "f:template": ["f:spec": ["f:containers": [:]]]]],
          ],
          [
            "manager": "flagger", "operation": "Update", "apiVersion": "apps/v1",
            "time": "2026-11-28T11:59:00Z", "fieldsType": "FieldsV1",
            "fieldsV1": ["f:spec": ["f:replicas": [:]]],
          ],
        ],
      ],
      "spec": [
        "replicas": 2,
        "template": ["spec": ["containers": [["name": "podinfod", "image": .string(image)]]]],
      ],
    ]
  }
}
