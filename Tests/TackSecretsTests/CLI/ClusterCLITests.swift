import Foundation
import TackBase
import TackJSON
import TackTestSupport
import Testing

@testable import TackSecrets

/// The cluster-facing parts, end to end against the test API server: the Flux key Secret
/// (`keygen --create-secret`) and the Sealed Secrets certificate through the service proxy
/// (`seal`, `fetch-cert`).
struct ClusterCLITests {
  @Test func keygenCreatesTheSecretFluxReads() async throws {
    try await withTestCluster { cluster in
      let workspace = try SopsCLITests.Workspace()
      let kubeconfig = try cluster.writeKubeconfig()
      try cluster.store.ensureNamespace("flux-system")
      let result = try await workspace.run(
        ["secrets", "keygen", "-o", "age.agekey", "--create-secret"], environment: ["KUBECONFIG": kubeconfig])
      #expect(result.exitCode == 0, "\(result.stderr)")
      let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      let recipient = String(lines[0])
      #expect(recipient.hasPrefix("age1"))
      Golden.check(lines.dropFirst().joined(separator: "\n"), "keygen-create-secret.stdout")
      #expect(result.stderr.contains("✔ Secret flux-system/sops-age configured with the age key under age.agekey"))

      let secret = try cluster.store.get(apiVersion: "v1", kind: "Secret", namespace: "flux-system", name: "sops-age")
      let stored = try #require(secret[path: "data", "age.agekey"]?.stringValue.flatMap { Base64.decode($0, grammar: .strict) })
      #expect(String(decoding: stored, as: UTF8.self) == (try workspace.text("age.agekey")))
      let identities = try AgeKeyFile.identities(in: String(decoding: stored, as: UTF8.self), source: "secret")
      #expect(identities.map(\.recipientString) == [recipient])

      // A second key, under another name and namespace; the same name again is updated in place.
      try cluster.store.ensureNamespace("apps")
      let other = try await workspace.run(
        ["secrets", "keygen", "-o", "apps.agekey", "--create-secret", "apps-age", "-n", "apps"], environment: ["KUBECONFIG": kubeconfig])
      #expect(other.exitCode == 0, "\(other.stderr)")
      #expect(other.stdout.contains("name: apps-age"))
      #expect((try? cluster.store.get(apiVersion: "v1", kind: "Secret", namespace: "apps", name: "apps-age")) != nil)
      let again = try await workspace.run(
        ["secrets", "keygen", "-o", "again.agekey", "--create-secret"], environment: ["KUBECONFIG": kubeconfig])
      #expect(again.exitCode == 0)
      let updated = try cluster.store.get(apiVersion: "v1", kind: "Secret", namespace: "flux-system", name: "sops-age")
      #expect(updated[path: "data", "age.agekey"]?.stringValue == Base64.encode(Array(try workspace.text("again.agekey").utf8)))
    }
  }

  @Test func keygenWithoutAClusterFailsClearly() async throws {
    let workspace = try SopsCLITests.Workspace()
    let result = try await workspace.run(["secrets", "keygen", "-o", "k.agekey", "--create-secret"])
    #expect(result.exitCode != 0)
    #expect(result.stderr.contains("✗"))
    #expect(!result.stderr.contains("AGE-SECRET-KEY"))
  }

  static func serveCertificate(_ cluster: TestCluster, namespace: String = "kube-system", name: String = "sealed-secrets-controller", port: String? = nil) throws {
    try cluster.store.ensureNamespace(namespace)
    var portJSON: JSONObject = ["port": 8080, "targetPort": 8080]
    if let port { portJSON["name"] = .string(port) }
    _ = try cluster.store.create([
      "apiVersion": "v1", "kind": "Service",
      "metadata": ["name": .string(name), "namespace": .string(namespace)],
      "spec": ["ports": [.object(portJSON)]],
    ])
    let pem = try SealedSamples.text("tls.crt")
    cluster.server.proxy.register(namespace: namespace, service: name) { request in
      guard request.path == "/v1/cert.pem", request.method == "GET" else { return .text("not found", status: 404) }
      return ProxyResponse(status: 200, headers: [("Content-Type", "application/x-pem-file")], body: Array(pem.utf8))
    }
  }

  @Test func sealFetchesTheCertificateThroughTheServiceProxy() async throws {
    try await withTestCluster { cluster in
      let workspace = try SopsCLITests.Workspace()
      let kubeconfig = try cluster.writeKubeconfig(namespace: "team")
      try Self.serveCertificate(cluster)
      let environment = ["KUBECONFIG": kubeconfig]

      let fetched = try await workspace.run(["secrets", "fetch-cert"], environment: environment)
      #expect(fetched.exitCode == 0, "\(fetched.stderr)")
      #expect(fetched.stdout == (try SealedSamples.text("tls.crt")))
      #expect(try await workspace.run(["secrets", "fetch-cert", "-o", "pub.pem"], environment: environment).exitCode == 0)
      #expect(try workspace.text("pub.pem") == (try SealedSamples.text("tls.crt")))

      // A Secret without a namespace gets the kubeconfig context's, as with kubeseal.
      let secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2\n"
      let sealed = try await workspace.run(["secrets", "seal", "-o", "yaml"], environment: environment, stdin: Array(secret.utf8))
      #expect(sealed.exitCode == 0, "\(sealed.stderr)")
      let object = try JSON.parseYAML(sealed.stdout)
      #expect(object[path: "metadata", "namespace"] == "team")
      let unsealed = try SealedSecretUnsealer(privateKey: SealedSamples.privateKey()).unseal(object)
      #expect(unsealed[path: "data", "password"]?.stringValue == Base64.encode(Array("hunter2".utf8)))
    }
  }

  @Test func controllerFlagsAndEnvironmentPickTheService() async throws {
    try await withTestCluster { cluster in
      let workspace = try SopsCLITests.Workspace()
      let kubeconfig = try cluster.writeKubeconfig()
      try Self.serveCertificate(cluster, namespace: "flux-system", name: "sealed-secrets", port: "http")
      let viaFlags = try await workspace.run(
        ["secrets", "fetch-cert", "--controller-name", "sealed-secrets", "--controller-namespace", "flux-system"],
        environment: ["KUBECONFIG": kubeconfig])
      #expect(viaFlags.exitCode == 0, "\(viaFlags.stderr)")
      let viaEnvironment = try await workspace.run(
        ["secrets", "fetch-cert"],
        environment: [
          "KUBECONFIG": kubeconfig, "SEALED_SECRETS_CONTROLLER_NAME": "sealed-secrets",
          "SEALED_SECRETS_CONTROLLER_NAMESPACE": "flux-system",
        ])
      #expect(viaEnvironment.exitCode == 0, "\(viaEnvironment.stderr)")
      // The default service does not exist here: exit 5 and a hint.
      let missing = try await workspace.run(["secrets", "fetch-cert"], environment: ["KUBECONFIG": kubeconfig])
      #expect(missing.exitCode == 5)
      Golden.check(missing.stderr, "fetch-cert-no-service.stderr")
    }
  }

  @Test func aControllerServingGarbageIsRefused() async throws {
    try await withTestCluster { cluster in
      let workspace = try SopsCLITests.Workspace()
      let kubeconfig = try cluster.writeKubeconfig()
      try cluster.store.ensureNamespace("kube-system")
      _ = try cluster.store.create([
        "apiVersion": "v1", "kind": "Service",
        "metadata": ["name": "sealed-secrets-controller", "namespace": "kube-system"],
        "spec": ["ports": [["port": 8080]]],
      ])
      cluster.server.proxy.register(namespace: "kube-system", service: "sealed-secrets-controller") { _ in
        .text("internal error", status: 500)
      }
      let failed = try await workspace.run(["secrets", "seal", "secret.yaml"], environment: ["KUBECONFIG": kubeconfig])
      #expect(failed.exitCode == 1)
      Golden.check(failed.stderr, "seal-controller-error.stderr")
    }
  }
}
