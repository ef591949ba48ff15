import TackJSON
import Testing

@testable import TackKustomize

/// Name references followed through renames, built from memory.
@Suite struct NameReferenceTests {
  private func build(_ files: [String: String], root: String = "/app") throws(KustomizeError) -> [JSON] {
    try KustomizeEngine(fileSystem: InMemoryFileSystem(files: files)).build(root: root)
  }

  private func object(_ objects: [JSON], kind: String) throws -> JSON {
    try #require(objects.first { $0["kind"]?.stringValue == kind })
  }

  @Test func generatedNamesReachEnvFromAndVolumes() throws {
    let objects = try build([
      "/app/kustomization.yaml": "namePrefix: p-\nresources: [pod.yaml]\nconfigMapGenerator:\n- name: cfg\n  literals: [a=b]\n",
      "/app/pod.yaml": """
        apiVersion: v1
        kind: Pod
        metadata: {name: pod}
        spec:
          containers:
          - name: c
            image: c
            envFrom: [{configMapRef: {name: cfg}}]
          volumes: [{name: v, configMap: {name: cfg}}, {name: w, configMap: {name: unrelated}}]
        """,
    ])
    let pod = try object(objects, kind: "Pod")
    #expect(pod[path: "spec", "containers"]?[0]?["envFrom"]?[0]?[path: "configMapRef", "name"] == "p-cfg-4h2mbtbbt6")
    #expect(pod[path: "spec", "volumes"]?[0]?[path: "configMap", "name"] == "p-cfg-4h2mbtbbt6")
    #expect(pod[path: "spec", "volumes"]?[1]?[path: "configMap", "name"] == "unrelated")
  }

  @Test func subjectsTakeTheServiceAccountsNamespace() throws {
    let objects = try build([
      "/app/kustomization.yaml": "resources: [base]\nnamespace: team\n",
      "/app/base/kustomization.yaml": "namePrefix: x-\nresources: [rbac.yaml]\n",
      "/app/base/rbac.yaml": """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: sa}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: crb}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: sa}]
        """,
    ])
    let binding = try object(objects, kind: "ClusterRoleBinding")
    #expect(binding["subjects"] == [["kind": "ServiceAccount", "name": "x-sa", "namespace": "team"]])
    #expect(binding[path: "roleRef", "name"] == "view")
  }

  /// A cluster-scoped referrer sees both renamed ServiceAccounts; they differ in namespace.
  @Test func ambiguousReferralsAreAnError() throws {
    let files = [
      "/app/kustomization.yaml": "namePrefix: p-\nresources: [a, b, crb.yaml]\n",
      "/app/a/kustomization.yaml": "namespace: x1\nresources: [sa.yaml]\n",
      "/app/b/kustomization.yaml": "namespace: x2\nresources: [sa.yaml]\n",
      "/app/a/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}\n",
      "/app/b/sa.yaml": "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}\n",
      "/app/crb.yaml": """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: crb}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects: [{kind: ServiceAccount, name: runner}]
        """,
    ]
    do {
      _ = try build(files)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("found multiple possible referrals"))
    }
  }
}
