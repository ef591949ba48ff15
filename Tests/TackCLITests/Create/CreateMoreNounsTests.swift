import Foundation
import TackJSON
import TackTestSupport
import Testing

/// `tack create` for the notification, image, tenant and secret nouns against the test API server
/// and the Flux controller double.
@Suite(.serialized) struct CreateMoreNounsTests {
  typealias F = ReconcileFixtures

  func withWorld(_ objects: [JSON] = [], _ body: (FluxCLIWorld) async throws -> Void) async throws {
    try await FluxCLIWorld.with(objects) { world in
      try world.cluster.store.ensureNamespace("flux-system")
      try await body(world)
    }
  }

  @Test func alertsAndProvidersAreAppliedWithoutWaiting() async throws {
    try await withWorld { world in
      let provider = await world.tack([
        "create", "alert-provider", "slack", "--type", "slack", "--channel", "general", "--secret-ref", "slack-url",
      ])
      try CLIGoldens.verify(provider, "create/alert-provider")
      #expect(provider.exitCode == 0, "\(provider)")
      let alert = await world.tack([
        "create", "alert", "podinfo", "--provider-ref", "slack", "--event-source", "Kustomization/*,GitRepository/podinfo",
      ])
      try CLIGoldens.verify(alert, "create/alert")
      #expect(alert.exitCode == 0, "\(alert)")
      let stored = try world.object("notification.toolkit.fluxcd.io/v1beta3", "Alert", "podinfo")
      #expect(stored[path: "spec", "eventSources"]?.arrayValue?.count == 2)
    }
  }

  @Test func receiverPrintsItsWebhookPath() async throws {
    try await withWorld { world in
      let result = await world.tack([
        "create", "receiver", "github", "--type", "github", "--event", "ping,push", "--secret-ref", "webhook-token",
        "--resource", "GitRepository/podinfo",
      ])
      try CLIGoldens.verify(result, "create/receiver")
      #expect(result.exitCode == 0, "\(result)")
      #expect(result.stderr.contains("✔ generated webhook URL /hook/"))
    }
  }

  @Test func imageObjects() async throws {
    try await withWorld([F.gitRepository()]) { world in
      let repository = await world.tack(["create", "image", "repository", "podinfo", "--image", "ghcr.io/stefanprodan/podinfo"])
      try CLIGoldens.verify(repository, "create/image-repository")
      #expect(repository.exitCode == 0, "\(repository)")
      let policy = await world.tack(["create", "image", "policy", "podinfo", "--image-ref", "podinfo", "--select-semver", "6.x"])
      try CLIGoldens.verify(policy, "create/image-policy")
      #expect(policy.exitCode == 0, "\(policy)")
      let update = await world.tack([
        "create", "image", "update", "podinfo", "--git-repo-ref", "podinfo", "--checkout-branch", "main",
        "--author-name", "flux", "--author-email", "flux@example.com", "--git-repo-path", "./clusters/dev",
      ])
      try CLIGoldens.verify(update, "create/image-update")
      #expect(update.exitCode == 0, "\(update)")
    }
  }

  @Test func tenantSaysWhatItGrantsThenAppliesAndReapplies() async throws {
    try await withWorld { world in
      let first = await world.tack([
        "create", "tenant", "dev-team", "--with-namespace", "apps", "--cluster-role", "edit", "--label", "env=dev",
      ])
      try CLIGoldens.verify(first, "create/tenant")
      #expect(first.exitCode == 0, "\(first)")
      let binding = try world.cluster.store.get(
        apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", namespace: "apps", name: "dev-team-reconciler")
      #expect(binding[path: "roleRef", "name"] == "edit")
      // A new role cannot be patched into a RoleBinding: it is re-created.
      let second = await world.tack(["create", "tenant", "dev-team", "--with-namespace", "apps", "--cluster-role", "view"])
      #expect(second.exitCode == 0, "\(second)")
      let rebound = try world.cluster.store.get(
        apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", namespace: "apps", name: "dev-team-reconciler")
      #expect(rebound[path: "roleRef", "name"] == "view")
      let namespace = try world.cluster.store.get(apiVersion: "v1", kind: "Namespace", name: "apps")
      #expect(namespace[path: "metadata", "labels", "toolkit.fluxcd.io/tenant"] == "dev-team")
    }
  }

  func secretData(_ world: FluxCLIWorld, _ name: String) throws -> [String: String] {
    let secret = try world.cluster.store.get(apiVersion: "v1", kind: "Secret", namespace: "flux-system", name: name)
    var data: [String: String] = [:]
    for member in secret["data"]?.objectValue ?? [:] {
      data[member.key] = member.value.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }
    return data
  }

  @Test func secretsAreCreatedThenUpdatedKeepingOtherKeys() async throws {
    try await withWorld { world in
      let first = await world.tack(["create", "secret", "helm", "repo-auth", "-u", "user", "-p", "one", "--label", "team=a"])
      #expect(first.exitCode == 0, "\(first)")
      #expect(first.stderr == "► helm secret 'repo-auth' created in 'flux-system' namespace\n")
      let second = await world.tack(["create", "secret", "proxy", "repo-auth", "--address", "https://proxy.example.com"])
      #expect(second.exitCode == 0, "\(second)")
      let data = try secretData(world, "repo-auth")
      #expect(data == ["username": "user", "password": "one", "address": "https://proxy.example.com"])
      #expect(!first.stderr.contains("one") && !second.stderr.contains("one"))
      let receiver = await world.tack([
        "create", "secret", "receiver", "hook", "--type", "github", "--hostname", "flux.example.com",
        "--webhook-token", "t0k3n", "--export",
      ])
      #expect(receiver.exitCode == 0, "\(receiver)")
      #expect(receiver.stdout.contains("notification.toolkit.fluxcd.io/webhook: https://flux.example.com/hook/"))
      let missing = await world.tack(["create", "secret", "oci", "ghcr", "--url", "ghcr.io"])
      #expect(missing.exitCode == 64, "\(missing)")
      #expect(missing.stderr == "✗ --username is required\n")
    }
  }

  @Test func sourcesWriteTheirCredentialsSecretWithoutSecretRef() async throws {
    try await withWorld { world in
      let git = await world.tack([
        "create", "source", "git", "podinfo", "--url", "https://github.com/stefanprodan/podinfo", "--branch", "main",
        "-u", "git", "-p", "s3cret",
      ])
      try CLIGoldens.verify(git, "create/source-git-credentials")
      #expect(git.exitCode == 0, "\(git)")
      let gitData = try secretData(world, "podinfo")
      #expect(gitData == ["username": "git", "password": "s3cret"])
      let repository = try world.object("source.toolkit.fluxcd.io/v1", "GitRepository", "podinfo")
      #expect(repository[path: "spec", "secretRef", "name"] == "podinfo")

      let helm = await world.tack([
        "create", "source", "helm", "charts", "--url", "https://stefanprodan.github.io/podinfo", "-u", "u", "-p", "p",
      ])
      #expect(helm.exitCode == 0, "\(helm)")
      let helmData = try secretData(world, "helm-charts")
      #expect(helmData == ["username": "u", "password": "p"])

      let bucket = await world.tack([
        "create", "source", "bucket", "podinfo", "--bucket-name", "podinfo", "--endpoint", "minio.example.com",
        "--access-key", "ak", "--secret-key", "sk", "--label", "team=a",
      ])
      #expect(bucket.exitCode == 0, "\(bucket)")
      let bucketData = try secretData(world, "bucket-podinfo")
      #expect(bucketData == ["accesskey": "ak", "secretkey": "sk"])
      let bucketSecret = try world.cluster.store.get(apiVersion: "v1", kind: "Secret", namespace: "flux-system", name: "bucket-podinfo")
      #expect(bucketSecret[path: "metadata", "labels", "team"] == "a")
      #expect(![git, helm, bucket].contains { $0.stderr.contains("s3cret") || $0.stderr.contains("sk\n") })

      // --export never writes a secret, and SSH off a terminal needs --silent before anything is sent.
      let before = world.cluster.server.requests().count
      let ssh = await world.tack(["create", "source", "git", "deploy", "--url", "ssh://git@github.com/org/repo", "--branch", "main"])
      #expect(ssh.exitCode == 64, "\(ssh)")
      #expect(ssh.stderr.contains("--silent"))
      #expect(world.cluster.server.requests().count == before)
    }
  }
}
