import TackJSON
import Testing

@testable import TackKustomize

/// kustomize's strategic merge rules, each checked on a small object (outputs as kubectl
/// kustomize v5.5 prints them; see the corpus for whole builds).
@Suite struct StrategicMergeTests {
  private func merge(_ target: String, _ patch: String) throws -> JSON? {
    let targetJSON = try #require(try GoYAMLReader(flavour: .v3).single(target))
    let patchJSON = try #require(try GoYAMLReader(flavour: .v3).single(patch))
    return try StrategicMerge.merge(patch: MergeNode(patchJSON), into: MergeNode(targetJSON))?.json
  }

  private func yaml(_ value: JSON?) -> String { value.map { GoYAMLWriter.document($0) } ?? "<deleted>" }

  private let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: app}
    spec:
      template:
        spec:
          containers:
          - {name: a, image: a:1, env: [{name: A, value: "1"}, {name: B, value: "2"}]}
          - {name: b, image: b:1}
          - {name: c, image: c:1}
    """

  @Test func patchedKeyedElementsComeFirst() throws {
    let result = try merge(deployment, """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: app}
      spec: {template: {spec: {containers: [{name: c, image: "c:2"}]}}}
      """)
    let names = result?[path: "spec", "template", "spec", "containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
    #expect(names == ["c", "a", "b"])
    #expect(result?[path: "spec", "template", "spec", "containers"]?[0]?["image"] == "c:2")
  }

  @Test func envMergesByNameWithPatchOrderFirst() throws {
    let result = try merge(deployment, """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: app}
      spec: {template: {spec: {containers: [{name: a, env: [{name: B, value: "20"}, {name: C, value: "3"}]}]}}}
      """)
    let env = result?[path: "spec", "template", "spec", "containers"]?[0]?["env"]?.arrayValue ?? []
    #expect(env.map { $0["name"]?.stringValue ?? "" } == ["B", "C", "A"])
    #expect(env[0]["value"] == "20")
  }

  @Test func nullDeletesAndDeleteDirectiveRemovesElement() throws {
    let result = try merge(deployment, """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: app}
      spec:
        template:
          spec:
            containers:
            - {name: b, $patch: delete}
            - {name: a, image: null}
      """)
    let containers = result?[path: "spec", "template", "spec", "containers"]?.arrayValue ?? []
    #expect(containers.map { $0["name"]?.stringValue ?? "" } == ["a", "c"])
    #expect(containers[0]["image"] == nil)
  }

  @Test func replaceDirectiveReplacesListAndMap() throws {
    let result = try merge(deployment, """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: app
        labels: {$patch: replace, only: this}
      spec:
        template:
          spec:
            containers:
            - $patch: replace
            - {name: z, image: z}
      """)
    #expect(result?[path: "spec", "template", "spec", "containers"] == [["name": "z", "image": "z"]])
    #expect(result?[path: "metadata", "labels"] == ["only": "this"])
  }

  @Test func deleteDirectiveAtTopDeletesTheObject() throws {
    let result = try merge(deployment, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\n$patch: delete\n")
    #expect(result == nil)
  }

  @Test func listsWithoutMergeStrategyAreReplaced() throws {
    let result = try merge(
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, args: [x, y]}], tolerations: [{key: k}]}\n",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, args: [z]}], tolerations: [{key: only}]}\n")
    #expect(result?[path: "spec", "containers"]?[0]?["args"] == ["z"])
    #expect(result?[path: "spec", "tolerations"] == [["key": "only"]])
  }

  @Test func customResourcesMergeMapsAndReplaceLists() throws {
    let result = try merge(
      "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {items: [{name: a, v: 1}, {name: b, v: 2}], nested: {keep: 1, change: 1}}\n",
      "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {items: [{name: b, v: 20}], nested: {change: 2, added: 3}}\n")
    #expect(result?[path: "spec", "items"] == [["name": "b", "v": 20]])
    #expect(result?[path: "spec", "nested"] == ["keep": 1, "change": 2, "added": 3])
  }

  @Test func primitiveSetMergePutsPatchValuesFirst() throws {
    let result = try merge(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, finalizers: [a]}\n",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, finalizers: [b, a]}\n")
    #expect(result?[path: "metadata", "finalizers"] == ["b", "a"])
  }

  @Test func twoKeyPortsPutNewPatchPortsFirstAndMergeInPlace() throws {
    let result = try merge(
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 53, protocol: UDP, name: u}, {port: 53, protocol: TCP, name: t}, {port: 80, name: http}]}\n",
      "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 53, protocol: TCP, targetPort: 5353}, {port: 443, name: https}]}\n")
    let ports = result?[path: "spec", "ports"]?.arrayValue ?? []
    #expect(ports.map { $0["name"]?.stringValue ?? "" } == ["https", "u", "t", "http"])
    #expect(ports[2]["targetPort"] == 5353)
  }

  @Test func unknownDirectivesAreNotInterpreted() throws {
    let result = try merge(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: '1'}\n",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n$setElementOrder/data: [{name: a}]\n")
    #expect(result?["$setElementOrder/data"] == [["name": "a"]])
  }

  @Test func emptyValuesDropButNullsStay() throws {
    let result = try merge(
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nempty:\nexplicit: null\ntilde: ~\n",
      "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n")
    let object = try #require(result?.objectValue)
    #expect(object["empty"] == nil)
    #expect(object["explicit"] == .null)
    #expect(object["tilde"] == .null)
  }

  @Test func mismatchedKindsAreAnError() throws {
    #expect(throws: StrategicMerge.MergeError.self) {
      _ = try merge("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: text\n")
    }
  }
}
