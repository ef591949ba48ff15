import TackCore
import TackJSON
import Testing

@Suite struct KStatusTests {
  @Test func genericRulesComeFirst() {
    let terminating: JSON = ["kind": "X", "metadata": ["deletionTimestamp": "2026-01-01T00:00:00Z"]]
    #expect(KStatus.compute(terminating) == KStatus.Result(.terminating, "Resource scheduled for deletion"))
    let behind: JSON = ["kind": "Kustomization", "metadata": ["generation": 3], "status": ["observedGeneration": 2]]
    #expect(
      KStatus.compute(behind)
        == KStatus.Result(.inProgress, "Kustomization generation is 3, but latest observed generation is 2"))
    let stalled: JSON = [
      "kind": "Kustomization", "status": ["conditions": [["type": "Stalled", "status": "True", "message": "stuck"]]],
    ]
    #expect(KStatus.compute(stalled) == KStatus.Result(.failed, "stuck"))
  }

  @Test func readyConditionDecidesForCustomResources() {
    func object(_ status: String) -> JSON {
      ["kind": "GitRepository", "status": ["conditions": [["type": "Ready", "status": .string(status), "message": "m"]]]]
    }
    #expect(KStatus.compute(object("True")).status == .current)
    // kstatus cannot tell a failing object from a progressing one: Ready=False is "in progress".
    #expect(KStatus.compute(object("False")).status == .inProgress)
    #expect(KStatus.compute(["kind": "Alert"]) == KStatus.Result(.current, "Resource is current"))
  }

  @Test func deploymentsAndCRDs() {
    let deployment: JSON = [
      "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["generation": 1],
      "spec": ["replicas": 2, "progressDeadlineSeconds": 600],
      "status": [
        "observedGeneration": 1, "replicas": 2, "updatedReplicas": 2, "readyReplicas": 1, "availableReplicas": 1,
        "conditions": [
          ["type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"],
          ["type": "Available", "status": "True"],
        ],
      ],
    ]
    #expect(KStatus.compute(deployment) == KStatus.Result(.inProgress, "Available: 1/2"))
    var ready = deployment
    ready[path: "status", "readyReplicas"] = 2
    ready[path: "status", "availableReplicas"] = 2
    #expect(KStatus.compute(ready) == KStatus.Result(.current, "Deployment is available. Replicas: 2"))
    let crd: JSON = [
      "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
      "status": ["conditions": [["type": "Established", "status": "True"]]],
    ]
    #expect(KStatus.compute(crd).status == .current)
  }
}
